import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;

  // #region carried over from step 13
  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
  }
  // #endregion

  // NEW: forget the gradient, so the variable can take part in a new calculation
  cleargrad(): void {
    this.grad = null;
  }

  backward(): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    const funcs: Function<Variable | Variable[]>[] = this.creator === null ? [] : [this.creator];
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      // NOTE: never null here: we seeded this.grad above, and each pass fills in its inputs' grads.
      const gys = f.outputs.map((output) => output.grad!);
      const result = f.backward(...gys);
      const gxs = Array.isArray(result) ? result : [result];

      for (const [i, x] of f.inputs.entries()) {
        const gx = gxs[i];
        if (gx === undefined) {
          throw new RangeError(
            `${f.constructor.name}.backward: expected ${f.inputs.length} gradients, got ${gxs.length}`,
          );
        }
        // NEW: the first gradient is stored; every later one is added to it
        x.grad = x.grad === null ? gx : x.grad.add(gx);
        if (x.creator !== null) funcs.push(x.creator);
      }
    }
  }
}

// #region carried over from step 9
function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}
// #endregion

abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];

  // #region carried over from step 13
  call(...inputs: Variable[]): Out {
    const xs = inputs.map((x) => x.data);
    const ys = this.forward(...xs);
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    for (const output of outputs) {
      output.setCreator(this);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
  // #endregion
}

// #region carried over from step 13 (minus Square, which this program does not use)
class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    return [gy, gy];
  }
}

function add(x0: Variable, x1: Variable): Variable {
  return new Add().call(x0, x1);
}
// #endregion

const x = new Variable(np.array(3.0));
let y = add(x, x);
y.backward();
print(x.grad);

x.cleargrad(); // NEW: start the next calculation from a clean slate
y = add(add(x, x), x);
y.backward();
print(x.grad);
