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

// The composite function of step 3, as in `main`.
function composite(input: Variable): Variable {
  const A = new Square();
  const B = new Exp();
  const C = new Square();
  return C.call(B.call(A.call(input)));
}

type Fn = (x: Variable) => Variable;

// NEW: the one-sided difference, (f(x + eps) - f(x)) / eps.
function forwardDiff(f: Fn, x: Variable, eps: number): NDArray {
  const y0 = f(x);
  const y1 = f(new Variable(x.data.add(eps)));
  return y1.data.sub(y0.data).div(eps);
}

function centralDiff(f: Fn, x: Variable, eps: number): NDArray {
  const y0 = f(new Variable(x.data.sub(eps)));
  const y1 = f(new Variable(x.data.add(eps)));
  return y1.data.sub(y0.data).div(2 * eps);
}

// y = (e^(x²))² = e^(2x²), so dy/dx = 4x·e^(2x²),
// which at x = 0.5 is 2·e^0.5.
const x = new Variable(np.array(0.5));
const exact = np.exp(np.array(0.5)).mul(2);
print('exact derivative:', exact);

// How far each estimate lands from the exact value.
const errorOf = (estimate: NDArray): string =>
  Math.abs(estimate.sub(exact).item()).toExponential(1);
print('eps     forward  central');
const steps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
for (const eps of steps) {
  const forward = errorOf(forwardDiff(composite, x, eps));
  const central = errorOf(centralDiff(composite, x, eps));
  print(eps.toExponential(0).padEnd(7), forward.padEnd(8), central);
}
