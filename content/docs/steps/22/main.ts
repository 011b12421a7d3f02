import { np, print } from 'dezero';
import type { DType, NDArray } from 'dezero';

// #region carried over from step 18 (minus usingConfig and noGrad, which this program does not use)
const Config = {
  enableBackprop: true,
};
// #endregion

class Variable {
  // #region carried over from step 21
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

  add(other: VariableLike): Variable {
    return add(this, other);
  }

  mul(other: VariableLike): Variable {
    return mul(this, other);
  }
  // #endregion

  // NEW: the rest of the arithmetic as methods: -x, x - y, x / y, x ** c.
  neg(): Variable {
    return neg(this);
  }

  sub(other: VariableLike): Variable {
    return sub(this, other);
  }

  div(other: VariableLike): Variable {
    return div(this, other);
  }

  pow(c: number): Variable {
    return pow(this, c);
  }
}

// #region carried over from step 21
type VariableLike = Variable | NDArray | number;

function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}

function asVariable(obj: VariableLike): Variable {
  if (obj instanceof Variable) return obj;
  return new Variable(asArray(obj));
}

abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];
  generation = 0;

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

function add(x0: VariableLike, x1: VariableLike): Variable {
  return new Add().call(x0, x1);
}

function mul(x0: VariableLike, x1: VariableLike): Variable {
  return new Mul().call(x0, x1);
}
// #endregion

// NEW: y = -x
class Neg extends Function {
  override forward(x: NDArray): NDArray {
    return x.neg();
  }

  override backward(gy: NDArray): NDArray {
    return gy.neg();
  }
}

// NEW: y = x0 - x1
class Sub extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.sub(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    return [gy, gy.neg()];
  }
}

// NEW: y = x0 / x1
class Div extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.div(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    const x0 = this.inputs[0]!.data;
    const x1 = this.inputs[1]!.data;
    const gx0 = gy.div(x1);
    const gx1 = gy.mul(x0.neg().div(x1.pow(2)));
    return [gx0, gx1];
  }
}

// NEW: y = x ** c, for a constant c that is not an input of the graph
class Pow extends Function {
  c: number;

  constructor(c: number) {
    super();
    this.c = c;
  }

  override forward(x: NDArray): NDArray {
    return x.pow(this.c);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    const c = this.c;
    return gy.mul(c).mul(x.pow(c - 1));
  }
}

function neg(x: VariableLike): Variable {
  return new Neg().call(x);
}

function sub(x0: VariableLike, x1: VariableLike): Variable {
  return new Sub().call(x0, x1);
}

// NEW: Python's reflected x.__rsub__(x1): rsub(x, 2.0) is 2.0 - x, the same as sub(2.0, x).
function rsub(x0: VariableLike, x1: VariableLike): Variable {
  return new Sub().call(x1, x0);
}

function div(x0: VariableLike, x1: VariableLike): Variable {
  return new Div().call(x0, x1);
}

// NEW: Python's reflected x.__rtruediv__(x1): rdiv(x, 3.0) is 3.0 / x, the same as div(3.0, x).
function rdiv(x0: VariableLike, x1: VariableLike): Variable {
  return new Div().call(x1, x0);
}

function pow(x: VariableLike, c: number): Variable {
  return new Pow(c).call(x);
}

const x = new Variable(np.array(2.0));
let y = x.neg(); // -x
print(y);

const y1 = rsub(x, 2.0); // 2.0 - x
const y2 = x.sub(1.0); // x - 1.0
print(y1);
print(y2);

y = rdiv(x, 3.0); // 3.0 / x
print(y);

y = x.pow(3); // x ** 3
print(y);
