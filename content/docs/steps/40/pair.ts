// broadcastTo and sumTo as Functions: each one's backward is the other.
import { Variable, F, np, print } from 'dezero';

// broadcastTo copies [1 2 3] into both rows; its backward sums the two rows' gradients.
const b = new Variable(np.array([1, 2, 3]));
const B = F.broadcastTo(b, [2, 3]);
print(B);
B.backward();
print(b.grad);

// sumTo adds the two rows into one; its backward copies the gradient into both rows.
const x = new Variable(
  np.array([
    [1, 2, 3],
    [4, 5, 6],
  ]),
);
const s = F.sumTo(x, [1, 3]);
print(s);
s.backward();
print(x.grad);

// The same rule inside an ordinary product: w is broadcast over x's rows, so its gradient
// is x summed over the rows.
const w = new Variable(np.array([10, 20, 30]));
const y = x.mul(w);
print(y);
y.backward();
print(w.grad);
