import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region the framework of main.ts (minus Add, which this program does not use)
const Config = {
  enableBackprop: true,
};

function usingConfig<T>(name: keyof typeof Config, value: boolean, fn: () => T): T {
  const oldValue = Config[name];
  Config[name] = value;
  try {
    return fn();
  } finally {
    Config[name] = oldValue;
  }
}

function noGrad<T>(fn: () => T): T {
  return usingConfig('enableBackprop', false, fn);
}

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

// NEW: the same square, with and without a recorded graph.
const x = new Variable(np.array(2.0));

const a = square(x);
print(a.creator !== null); // recorded: a knows the Square that made it

const b = noGrad(() => square(x));
print(b.creator, b.data); // not recorded, but computed all the same

print(Config.enableBackprop); // back on after the callback
try {
  noGrad(() => {
    throw new Error('something went wrong');
  });
} catch (e) {
  if (!(e instanceof Error)) throw e;
  print(`${e.name}: ${e.message}`);
}
print(Config.enableBackprop); // back on even though the callback threw
