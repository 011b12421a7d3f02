import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region carried over from step 1
class Variable {
  data: NDArray;

  constructor(data: NDArray) {
    this.data = data;
  }
}
// #endregion

// NEW: every function takes a Variable in and gives a Variable out.
// NOTE: shadows JavaScript's global `Function`, in this program only.
abstract class Function {
  call(input: Variable): Variable {
    const x = input.data; // take the array out of the box
    const y = this.forward(x); // compute with plain arrays
    const output = new Variable(y); // put the result in a new box
    return output;
  }

  // Each concrete function says what it computes; the base class can't.
  abstract forward(x: NDArray): NDArray;
}

// NEW: the first concrete function, y = x².
class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }
}

const x = new Variable(np.array(10));
const f = new Square();
const y = f.call(x);
print(y.constructor.name);
print(y.data);
