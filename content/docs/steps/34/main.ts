import { Variable, F, print, np, plt } from 'dezero';
import type { NDArray } from 'dezero';

/** sin(x) and its first `n` derivatives at every element of x, by repeated backprop. */
function sinDerivatives(x: Variable, n: number): NDArray[] {
  const y = F.sin(x);
  y.backward({ createGraph: true });

  const logs = [y.data];
  for (let i = 0; i < n; i++) {
    const gx = x.grad!; // the (i+1)-th derivative, with its graph
    logs.push(gx.data);
    x.cleargrad();
    gx.backward({ createGraph: true }); // NEW: keep recording, for the next order
  }
  return logs;
}

const labels = ['y=sin(x)', "y'", "y''", "y'''"];

// 200 points from -7 to 7; backward works elementwise, one derivative per point.
const x = new Variable(np.linspace(-7, 7, 200));
const logs = sinDerivatives(x, 3);

labels.forEach((label, i) => plt.plot(x.data, logs[i]!, { label }));
plt.legend({ loc: 'lower right' });
plt.show();

// The same four curves at three points we can check by heart.
const points = new Variable(np.array([0, np.pi / 4, np.pi / 2]));
const values = sinDerivatives(points, 3);
// NOTE: 4 decimals; |v| < 5e-5 prints as 0, so cos(pi/2) = 6e-17 doesn't show up as -0.0000.
const fixed = (v: number): string => (Math.abs(v) < 5e-5 ? 0 : v).toFixed(4).padStart(8);
const names = ['y', "y'", "y''", "y'''"];
print('x =   ' + ['0', 'pi/4', 'pi/2'].map((s) => s.padStart(8)).join(''));
values.forEach((v, i) =>
  print(names[i]!.padEnd(6) + [0, 1, 2].map((j) => fixed(v.item(j))).join('')),
);

// Over all 200 points: each derivative is the one two steps back, negated.
print("y''  = -y  :", np.allclose(logs[2]!, logs[0]!.neg()));
print("y''' = -y' :", np.allclose(logs[3]!, logs[1]!.neg()));
