import { Variable, Function, np, print, utils } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

// #region Sin, as in main.ts: one Function whose backward uses the exact derivative cos(x)
class Sin extends Function {
  override forward(x: NDArray): NDArray {
    return np.sin(x);
  }
  override backward(gy: NDArray): NDArray {
    return gy.mul(np.cos(this.inputs[0]!.data));
  }
}
// #endregion

function factorial(n: number): number {
  let result = 1;
  for (let k = 2; k <= n; k++) result *= k;
  return result;
}

// mySin from main.ts, now also reporting how many terms it added.
function mySin(x: Variable, threshold = 1e-4): [Variable, number] {
  let y = new Variable(np.array(0.0));
  for (let i = 0; i < 100_000; i++) {
    const c = (-1) ** i / factorial(2 * i + 1);
    const t = x.pow(2 * i + 1).mul(c);
    y = y.add(t);
    if (Math.abs(t.data.item()) < threshold) return [y, i + 1];
  }
  return [y, 100_000];
}

// The reference: the exact Sin.
const x0 = new Variable(np.array(np.pi / 4));
const exact = new Sin().call(x0);
exact.backward();
print('Sin:', 'y', exact.data, 'grad', x0.grad);

let tightest: Variable | null = null;
for (const threshold of [1e-2, 1e-4, 1e-8, 1e-16]) {
  const x = new Variable(np.array(np.pi / 4));
  const [y, terms] = mySin(x, threshold);
  y.backward();
  print(`threshold ${threshold}: ${terms} terms,`, 'y', y.data, 'grad', x.grad);
  x.name = 'x';
  y.name = 'y';
  tightest = y;
}

// The graph for the tightest threshold: compare its depth with main.ts's drawing.
if (tightest !== null) utils.plotDotGraph(tightest, { verbose: false, toFile: 'my_sin_tight.png' });
