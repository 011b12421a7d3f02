import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region carried over from step 2
class Variable {
  data: NDArray;

  constructor(data: NDArray) {
    this.data = data;
  }
}

// NOTE: shadows JavaScript's global `Function`, in this program only.
abstract class Function {
  call(input: Variable): Variable {
    const x = input.data;
    const y = this.forward(x);
    const output = new Variable(y);
    return output;
  }

  abstract forward(x: NDArray): NDArray;
}

class Square extends Function {
  override forward(x: NDArray): NDArray {
    return x.pow(2);
  }
}
// #endregion

// NEW: a second function, y = eˣ.
class Exp extends Function {
  override forward(x: NDArray): NDArray {
    return np.exp(x);
  }
}

// NEW: chain three functions; each one's output is the next one's input.
const A = new Square();
const B = new Exp();
const C = new Square();

const x = new Variable(np.array(0.5));
const a = A.call(x);
const b = B.call(a);
const y = C.call(b);
print(y.data);
