import { Variable, F, np, print } from 'dezero';

// Forward: y = sin(x). The Function in the middle links the two variables.
const x = new Variable(np.array(1.0), 'x');
const y = F.sin(x);
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
print("x.grad's creator:", x.grad!.creator); // a value with no history
