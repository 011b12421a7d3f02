import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;

  // #region carried over from step 14
  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
  }

  cleargrad(): void {
    this.grad = null;
  }
  // #endregion

  // NEW (for this lesson only): `onVisit` is told about each function just before its backward runs.
  backward(onVisit?: (f: Function<Variable | Variable[]>) => void): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    const funcs: Function<Variable | Variable[]>[] = this.creator === null ? [] : [this.creator];
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      onVisit?.(f);
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

  // #region carried over from step 14
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

// #region carried over from step 14
class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }

  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    return x.mul(2).mul(gy);
  }
}

class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1);
  }

  override backward(gy: NDArray): NDArray[] {
    return [gy, gy];
  }
}
// #endregion

// A graph that branches at a and joins again at D: y = a² + a², with a = x².
const x = new Variable(np.array(2.0));
const A = new Square();
const B = new Square();
const C = new Square();
const D = new Add();
const a = A.call(x);
const b = B.call(a);
const c = C.call(a);
const y = D.call(b, c);

const names = new Map<Function<Variable | Variable[]>, string>([
  [A, 'A'],
  [B, 'B'],
  [C, 'C'],
  [D, 'D'],
]);
y.backward((f) => print(`${names.get(f)}.backward receives`, f.outputs[0]!.grad));
print('y =', y.data);
print('x.grad =', x.grad); // should be 64.0
