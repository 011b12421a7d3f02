import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;

  // #region carried over from step 12
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

  // NEW: backward is back, written for functions with several inputs and outputs.
  backward(): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    const funcs: Function<Variable | Variable[]>[] = this.creator === null ? [] : [this.creator];
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      // NOTE: never null here: we seeded this.grad above, and each pass fills in its inputs' grads.
      const gys = f.outputs.map((output) => output.grad!); // every output's gradient…
      const result = f.backward(...gys); // …in, one gradient per input out
      const gxs = Array.isArray(result) ? result : [result];

      for (const [i, x] of f.inputs.entries()) {
        const gx = gxs[i];
        if (gx === undefined) {
          throw new RangeError(
            `${f.constructor.name}.backward: expected ${f.inputs.length} gradients, got ${gxs.length}`,
          );
        }
        x.grad = gx;
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

  // #region carried over from step 12
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
  // #endregion

  // NEW: one gradient per output in; one gradient, or a list of them, out (one per input)
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
}

class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data; // NEW: the first (and only) input
    return x.mul(2).mul(gy);
  }
}

class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1);
  }

  // NEW: the gradient passes through unchanged, to both inputs
  override backward(gy: NDArray): NDArray[] {
    return [gy, gy];
  }
}

function square(x: Variable): Variable {
  return new Square().call(x);
}

function add(x0: Variable, x1: Variable): Variable {
  return new Add().call(x0, x1);
}

const x = new Variable(np.array(2.0));
const y = new Variable(np.array(3.0));

const z = add(square(x), square(y));
z.backward();
print(z.data);
print(x.grad);
print(y.grad);
