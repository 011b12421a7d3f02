import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region carried over from step 16 (minus Add and add, which this program does not use)
class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;
  generation = 0;

  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
    this.generation = func.generation + 1;
  }

  cleargrad(): void {
    this.grad = null;
  }

  backward(): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    const funcs: Function<Variable | Variable[]>[] = [];
    const seen = new Set<Function<Variable | Variable[]>>();
    const addFunc = (f: Function<Variable | Variable[]>): void => {
      if (seen.has(f)) return;
      seen.add(f);
      funcs.push(f);
      funcs.sort((f0, f1) => f0.generation - f1.generation);
    };

    if (this.creator !== null) addFunc(this.creator);
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      // NOTE: never null here: every function that uses f's outputs has run already (step 15).
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
        x.grad = x.grad === null ? gx : x.grad.add(gx);
        if (x.creator !== null) addFunc(x.creator);
      }
    }
  }
}

function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}

abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];
  generation = 0;

  call(...inputs: Variable[]): Out {
    const xs = inputs.map((x) => x.data);
    const ys = this.forward(...xs);
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    this.generation = Math.max(...inputs.map((x) => x.generation));
    for (const output of outputs) {
      output.setCreator(this);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
}

class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    return x.mul(2).mul(gy);
  }
}

function square(x: Variable): Variable {
  return new Square().call(x);
}
// #endregion

// NEW: nothing in the classes changed. These lines look at the cycle and then make lots of them.
const x = new Variable(np.array(2.0));
const y = square(x);
print(y.creator!.outputs[0] === y); // y -> Square -> y: a cycle
print(y.creator!.inputs[0] === x);

// The book's loop, run 1,000 times instead of 10. Each pass builds a graph that holds
// three new arrays of 10,000 numbers, then drops it (cycle and all) on the next pass.
np.random.seed(0);
const data = np.random.randn(10000);
let cycles = 0;
for (let i = 0; i < 1000; i++) {
  const z = square(square(square(new Variable(data))));
  if (z.creator!.outputs[0] === z) cycles += 1;
}
print(cycles);
