import { Variable, Function, np, print } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

// #region Sin as the simple core writes it (step 27): forward and backward on arrays
class Sin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: NDArray): NDArray {
    return gy.mul(np.cos(this.inputs[0]!.data));
  }
}
// #endregion

// Forward: y = sin(x). The Function in the middle links the two variables.
const x = new Variable(np.array(1.0), 'x');
const y = new Sin().call(x);
y.name = 'y';
const f = y.creator!;
const name = (v: Variable): string | null => v.name;

print('x: data', x.data, 'grad', x.grad, 'creator', x.creator, 'generation', x.generation);
print('y: data', y.data, 'grad', y.grad, 'creator', f.constructor.name, 'generation', y.generation);
print(f.constructor.name + ': inputs', f.inputs.map(name), 'outputs', f.outputs.map(name));
print(f.constructor.name + ': generation', f.generation);
print(f.constructor.name + ': input is x', f.inputs[0] === x);

// NEW: backward walks the links the other way and leaves a value in x.grad.
y.backward();
print('after backward: x.grad', x.grad, 'y.grad', y.grad);
print("x.grad's class:", x.grad!.constructor.name); // a bare array: a value with no history
