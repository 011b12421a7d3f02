import { np, print } from 'dezero';
import type { DType, NDArray } from 'dezero';

// #region carried over from step 18 (minus usingConfig and noGrad, which this program does not use)
const Config = {
  enableBackprop: true,
};
// #endregion

class Variable {
  data: NDArray;
  name: string | null; // NEW: a label for printing (and, later, for drawing graphs)
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;
  generation = 0;

  constructor(data: NDArray, name: string | null = null) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
    this.name = name; // NEW
  }

  // NEW: a Variable answers the same questions as the array inside it.
  get shape(): readonly number[] {
    return this.data.shape;
  }

  get ndim(): number {
    return this.data.ndim;
  }

  get size(): number {
    return this.data.size;
  }

  get dtype(): DType {
    return this.data.dtype;
  }

  // NEW: Python's len(x), the length of the first axis.
  get length(): number {
    const n = this.data.shape[0];
    if (n === undefined) throw new TypeError('a 0-dimensional variable has no length');
    return n;
  }

  // NEW: what print(x) and String(x) show.
  toString(): string {
    // NOTE: indent continuation lines by 9, the width of 'variable(', so the rows line up.
    return 'variable(' + String(this.data).replaceAll('\n', '\n' + ' '.repeat(9)) + ')';
  }

  // #region carried over from step 18
  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
    this.generation = func.generation + 1;
  }

  cleargrad(): void {
    this.grad = null;
  }

  backward({ retainGrad = false }: { retainGrad?: boolean } = {}): void {
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

      if (!retainGrad) {
        for (const y of f.outputs) y.grad = null;
      }
    }
  }
  // #endregion
}

// #region carried over from step 18 (minus Square, Add, square and add, which this program does not use)
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
    if (Config.enableBackprop) {
      this.generation = Math.max(...inputs.map((x) => x.generation));
      for (const output of outputs) {
        output.setCreator(this);
      }
      this.inputs = inputs;
      this.outputs = outputs;
    }
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
}
// #endregion

const data = np.array(
  [
    [1, 2, 3],
    [4, 5, 6],
  ],
  { dtype: 'int64' }, // NOTE: integers, so they print as 1 2 3 like the book's, not 1. 2. 3.
);
const x = new Variable(data);
x.name = 'x';

print(x.name);
print(x.shape);
print(x);
