import { np, print } from 'dezero';
import type { DType, NDArray } from 'dezero';

// #region carried over from step 18 (minus usingConfig and noGrad, which this program does not use)
const Config = {
  enableBackprop: true,
};
// #endregion

class Variable {
  // #region carried over from step 20
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

  // NEW: the other operand may be a Variable, an array or a plain number.
  add(other: VariableLike): Variable {
    return add(this, other);
  }

  mul(other: VariableLike): Variable {
    return mul(this, other);
  }
}

// NEW: everything that may stand where a Variable is expected.
type VariableLike = Variable | NDArray | number;

// #region carried over from step 20
function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}
// #endregion

// NEW: wrap anything VariableLike in a Variable; a Variable passes through untouched.
function asVariable(obj: VariableLike): Variable {
  if (obj instanceof Variable) return obj;
  return new Variable(asArray(obj));
}

abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];
  generation = 0;

  // NEW: numbers and arrays are welcome; they become Variables first.
  call(...args: VariableLike[]): Out {
    const inputs = args.map(asVariable);
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

  // #region carried over from step 20
  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
  // #endregion
}

// #region carried over from step 20
class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    return [gy, gy];
  }
}

class Mul extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.mul(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    return [gy.mul(x1), gy.mul(x0)];
  }
}
// #endregion

// NEW: add and mul take anything VariableLike, on either side.
function add(x0: VariableLike, x1: VariableLike): Variable {
  return new Add().call(x0, x1);
}

function mul(x0: VariableLike, x1: VariableLike): Variable {
  return new Mul().call(x0, x1);
}

const x = new Variable(np.array(2.0));
let y = x.add(np.array(3.0)); // x + np.array(3.0)
print(y);

y = x.add(3.0); // x + 3.0
print(y);

// NOTE: a number has no .mul method, so Python's 3.0 * x is the free function mul(3.0, x).
y = mul(3.0, x).add(1.0); // 3.0 * x + 1.0
print(y);
