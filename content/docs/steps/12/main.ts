import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

class Variable {
  data: NDArray;
  grad: NDArray | null = null;
  // NEW: any function, whatever it returns
  creator: Function<Variable | Variable[]> | null = null;

  // #region carried over from step 11
  constructor(data: NDArray) {
    if (!(data instanceof np.ndarray)) {
      throw new TypeError(`${typeof data} is not supported`);
    }
    this.data = data;
  }
  // #endregion

  setCreator(func: Function<Variable | Variable[]>): void {
    this.creator = func;
  }

  // backward() comes back in step 13.
}

// #region carried over from step 9
function asArray(x: NDArray | number): NDArray {
  if (typeof x === 'number') return np.array(x);
  return x;
}
// #endregion

// NEW: `Out` says what `call` returns: one Variable (the default)
// or a list of them.
abstract class Function<Out extends Variable | Variable[] = Variable> {
  inputs!: Variable[];
  outputs!: Variable[];

  // NEW: a rest parameter: call(x0, x1) instead of call([x0, x1])
  call(...inputs: Variable[]): Out {
    const xs = inputs.map((x) => x.data);
    // NEW: spread the arrays into separate arguments
    const ys = this.forward(...xs);
    const outputs = (Array.isArray(ys) ? ys : [ys]).map((y) => new Variable(asArray(y)));
    for (const output of outputs) {
      output.setCreator(this);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    // NEW: one output comes back on its own, not in a list.
    // NOTE: the cast takes the subclass's promise (`Out`) at its word.
    return (outputs.length > 1 ? outputs : outputs[0]) as Out;
  }

  // NEW: separate arguments in; one result, or a list of several, out
  abstract forward(...xs: NDArray[]): NDArray | number | (NDArray | number)[];
}

class Add extends Function {
  override forward(x0: NDArray, x1: NDArray): NDArray {
    return x0.add(x1); // NEW: no list to unpack, no list to build
  }
}

// NEW: a plain function, as square() and exp() were in step 9
function add(x0: Variable, x1: Variable): Variable {
  return new Add().call(x0, x1);
}

const x0 = new Variable(np.array(2, { dtype: 'int64' }));
const x1 = new Variable(np.array(3, { dtype: 'int64' }));
const y = add(x0, x1);
print(y.data);
