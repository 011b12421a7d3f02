import { np, print } from 'dezero';
import type { DType, NDArray } from 'dezero';

// #region carried over from step 18 (minus usingConfig and noGrad, which this program does not use)
const Config = {
  enableBackprop: true,
};
// #endregion

class Variable {
  // #region carried over from step 19
  data: NDArray;
  name: string | null;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;
  generation = 0;

  constructor(data: NDArray, name: string | null = null) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
    this.name = name;
  }

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

  get length(): number {
    const n = this.data.shape[0];
    if (n === undefined) throw new TypeError('a 0-dimensional variable has no length');
    return n;
  }

  toString(): string {
    // NOTE: indent continuation lines by 9, the width of 'variable(', so the rows line up.
    return 'variable(' + String(this.data).replaceAll('\n', '\n' + ' '.repeat(9)) + ')';
  }

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

  // NEW: a.mul(b) is the book's a * b, and a.add(b) its a + b.
  add(other: Variable): Variable {
    return add(this, other);
  }

  mul(other: Variable): Variable {
    return mul(this, other);
  }
}

// #region carried over from step 18 (minus Square and square, which this program does not use)
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

// NEW: multiplication, y = x0 * x1
class Mul extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.mul(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    return [gy.mul(x1), gy.mul(x0)]; // each input's gradient is gy times the other input
  }
}

function mul(x0: Variable, x1: Variable): Variable {
  return new Mul().call(x0, x1);
}

const a = new Variable(np.array(3.0));
const b = new Variable(np.array(2.0));
const c = new Variable(np.array(1.0));

// const y = add(mul(a, b), c);
const y = a.mul(b).add(c); // NEW: a * b + c
y.backward();

print(y);
print(a.grad);
print(b.grad);
