import { Variable, print, np } from 'dezero';

// f(x0, x1) = x0² x1 + x1³ at (1, 2)
const x0 = new Variable(np.array(1.0), 'x0');
const x1 = new Variable(np.array(2.0), 'x1');
const f = x0.pow(2).mul(x1).add(x1.pow(3));

// First backward, recorded: the gradient (g0, g1) = (2 x0 x1, x0² + 3 x1²).
f.backward({ createGraph: true });
const g0 = x0.grad!;
const g1 = x1.grad!;
print('gradient         :', g0, g1);
x0.cleargrad();
x1.cleargrad();

// NEW: the dot product of the gradient with a fixed direction v = (1, 0.5) ...
const v = [1.0, 0.5] as const;
const gv = g0.mul(v[0]).add(g1.mul(v[1]));
// ... differentiated once more gives H v, without ever building the Hessian H.
gv.backward();
print('Hessian-vector Hv:', x0.grad, x1.grad);

// Check against the Hessian written out by hand: [[2 x1, 2 x0], [2 x0, 6 x1]].
const H = np.array([
  [2 * 2.0, 2 * 1.0],
  [2 * 1.0, 6 * 2.0],
]);
print('H @ v            :', H.dot(np.array([...v])));
