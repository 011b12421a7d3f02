import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  creator: Function | null = null;

  // #region carried over from step 9
  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }

  setCreator(func: Function): void {
    this.creator = func;
  }
  // #endregion

  // NOTE: backward() is gone for now. It followed f.input and
  // f.output, which functions no longer have; step 13 brings it
  // back, written for lists.
}

// #region carried over from step 9
function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}
// #endregion

abstract class Function {
  inputs!: Variable[]; // NEW: a list of inputs…
  outputs!: Variable[]; // NEW: …and a list of outputs

  // NEW: takes a list and returns a list
  call(inputs: Variable[]): Variable[] {
    const xs = inputs.map((x) => x.data);
    const ys = this.forward(xs);
    const outputs = ys.map((y) => new Variable(asArray(y)));
    for (const output of outputs) {
      output.setCreator(this);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    return outputs;
  }

  abstract forward(xs: NDArray[]): (NDArray | number)[];
}

// NEW: the first function with two inputs
class Add extends Function {
  override forward(xs: NDArray[]): NDArray[] {
    if (xs.length !== 2) {
      throw new TypeError(`Add takes 2 inputs, got ${xs.length}`);
    }
    // NOTE: Python's `x0, x1 = xs` checks the length itself;
    // we checked it above, so we may tell the compiler.
    const [x0, x1] = xs as [NDArray, NDArray];
    const y = x0.add(x1);
    return [y]; // a list, even for one output
  }
}

const xs = [
  new Variable(np.array(2, { dtype: 'int64' })),
  new Variable(np.array(3, { dtype: 'int64' })),
];
const f = new Add();
const ys = f.call(xs);
const y = ys[0]!; // Add always returns exactly one output
print(y.data);
