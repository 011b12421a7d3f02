import { Variable, Function, np, print, utils } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

// ==== sin as one Function: the exact derivative, cos ====

class Sin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: NDArray): NDArray {
    const x = this.inputs[0]!.data;
    return gy.mul(np.cos(x)); // d sin(x)/dx = cos(x)
  }
}

function sin(x: Variable): Variable {
  return new Sin().call(x);
}

let x = new Variable(np.array(np.pi / 4));
let y = sin(x);
y.backward();
print('--- original sin ---');
print(y.data);
print(x.grad);

// ==== sin as a sum of terms: the Maclaurin series ====

function factorial(n: number): number {
  let result = 1;
  for (let k = 2; k <= n; k++) result *= k;
  return result;
}

// NEW: sin(x) = Σ (−1)^i x^(2i+1) / (2i+1)!, summed until a term is smaller than threshold.
function mySin(x: Variable, threshold = 1e-4): Variable {
  let y = new Variable(np.array(0.0));
  for (let i = 0; i < 100_000; i++) {
    const c = (-1) ** i / factorial(2 * i + 1);
    const t = x.pow(2 * i + 1).mul(c);
    y = y.add(t);
    if (Math.abs(t.data.item()) < threshold) break;
  }
  return y;
}

x = new Variable(np.array(np.pi / 4));
y = mySin(x);
y.backward();
print('--- approximate sin ---');
print(y.data);
print(x.grad);

// The graph mySin built: every term is a Pow, a Mul and an Add.
x.name = 'x';
y.name = 'y';
utils.plotDotGraph(y, { verbose: false, toFile: 'my_sin.png' });
