import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// NEW: the framework's settings, one shared object.
const Config = {
  enableBackprop: true,
};

// NEW: Python's `with using_config(name, value):`. The callback runs with the setting changed;
// `finally` puts the old value back even if the callback throws.
function usingConfig<T>(name: keyof typeof Config, value: boolean, fn: () => T): T {
  const oldValue = Config[name];
  Config[name] = value;
  try {
    return fn();
  } finally {
    Config[name] = oldValue;
  }
}

// NEW: the common case, Python's `with no_grad():`.
function noGrad<T>(fn: () => T): T {
  return usingConfig('enableBackprop', false, fn);
}

class Variable {
  // #region carried over from step 16
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
  // #endregion

  // NEW: an options object; by default only the gradients of the inputs survive.
  backward({ retainGrad = false }: { retainGrad?: boolean } = {}): void {
    // #region carried over from step 16
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
    // #endregion
    for (let f = funcs.pop(); f !== undefined; f = funcs.pop()) {
      // #region carried over from step 16
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
      // #endregion

      // NEW: f was the last function to need its outputs' gradients, so let them go.
      if (!retainGrad) {
        for (const y of f.outputs) y.grad = null;
      }
    }
  }
}

// #region carried over from step 16
function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}
// #endregion

abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];
  generation = 0;

  call(...inputs: Variable[]): Out {
    const xs = inputs.map((x) => x.data);
    const ys = this.forward(...xs);
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    // NEW: link the graph only when backprop is enabled.
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

  // #region carried over from step 16
  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
  abstract backward(...gys: NDArray[]): NDArray | NDArray[];
  // #endregion
}

// #region carried over from step 16
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

const x0 = new Variable(np.array(1.0));
const x1 = new Variable(np.array(1.0));
const t = add(x0, x1);
const y = add(x0, t);
y.backward();
print(y.grad, t.grad);
print(x0.grad, x1.grad);

usingConfig('enableBackprop', false, () => {
  const x = new Variable(np.array(2.0));
  square(x); // computed, but no graph is kept
});

noGrad(() => {
  const x = new Variable(np.array(2.0));
  square(x);
});
