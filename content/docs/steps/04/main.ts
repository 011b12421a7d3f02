import { np, print } from 'dezero';
import type { NDArray } from 'dezero';

// #region carried over from step 3
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

class Exp extends Function {
  override forward(x: NDArray): NDArray {
    return np.exp(x);
  }
}
// #endregion

// NEW: the central difference, (f(x + eps) - f(x - eps)) / 2eps.
function numericalDiff(f: (x: Variable) => Variable, x: Variable, eps = 1e-4): NDArray {
  const x0 = new Variable(x.data.sub(eps));
  const x1 = new Variable(x.data.add(eps));
  const y0 = f(x0);
  const y1 = f(x1);
  return y1.data.sub(y0.data).div(2 * eps);
}

// The derivative of y = x² at x = 2 (exactly 4).
const square = new Square();
const x = new Variable(np.array(2.0));
const dy = numericalDiff((v) => square.call(v), x);
print(dy);

// Step 3's chain, y = (e^(x²))², as one plain function.
function composite(input: Variable): Variable {
  const A = new Square();
  const B = new Exp();
  const C = new Square();
  return C.call(B.call(A.call(input)));
}

const x2 = new Variable(np.array(0.5));
const dy2 = numericalDiff(composite, x2);
print(dy2);
