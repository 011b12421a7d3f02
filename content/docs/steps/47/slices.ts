// Taking part of a Variable, with backward: Python's x[1], x[[0, 0, 1]], x[:, 2].
import { Variable, F, np, print } from 'dezero';

const x = new Variable(
  np.array(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    { dtype: 'int64' },
  ),
);

// NEW: one row, as Python's x[1].
const y = F.getItem(x, 1);
print(y);

// The gradient goes back to the row it came from; the other row gets zeros.
y.backward();
print(x.grad);

// NEW: a list of row numbers picks rows, and a row may be picked twice: Python's x[[0, 0, 1]].
x.cleargrad();
const z = x.getItem([0, 0, 1]);
print(z);
z.backward();
print(x.grad); // row 0 was used twice, so its gradient is 2

// NEW: slices as strings, in Python's syntax: x[:, 2] and x[1:, ::-1].
print(x.getItem(':', 2));
print(x.getItem('1:', '::-1'));
