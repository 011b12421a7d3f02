import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function<Variable | Variable[]> | null = null;
  generation = 0; // NEW: 0 for a variable we create ourselves

  // #region carried over from step 14
  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }
  // #endregion

  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
    this.generation = func.generation + 1; // NEW: one more than the function that made it
  }

  // #region carried over from step 14
  cleargrad(): void {
    this.grad = null;
  }
  // #endregion

  backward(): void {
    if (this.grad === null) {
      this.grad = np.onesLike(this.data);
    }

    // NEW: the functions waiting to run, sorted by generation; pop() takes the largest.
    const funcs: Function<Variable | Variable[]>[] = [];
    const seen = new Set<Function<Variable | Variable[]>>();
    const addFunc = (f: Function<Variable | Variable[]>): void => {
      if (seen.has(f)) return; // NEW: a function reached twice is queued once
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
        if (x.creator !== null) addFunc(x.creator); // NEW: into the sorted list, not onto a stack
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
  generation = 0; // NEW

  call(...inputs: Variable[]): Out {
    const xs = inputs.map((x) => x.data);
    const ys = this.forward(...xs);
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    // NEW: the largest generation among the inputs, set before the outputs take theirs from it
    this.generation = Math.max(...inputs.map((x) => x.generation));
    for (const output of outputs) {
      output.setCreator(this);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  // #region carried over from step 14
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

function square(x: Variable): Variable {
  return new Square().call(x);
}

function add(x0: Variable, x1: Variable): Variable {
  return new Add().call(x0, x1);
}
// #endregion

const x = new Variable(np.array(2.0));
const a = square(x);
const y = add(square(a), square(a));
y.backward();

print(y.data);
print(x.grad);
