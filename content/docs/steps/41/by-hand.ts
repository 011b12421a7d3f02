// The two backward formulas on small integer matrices, checked against the products written out.
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
const W = new Variable(
  np.array(
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    { dtype: 'int64' },
  ),
);

const y = F.matmul(x, W); // [2, 3]·[3, 2] → [2, 2]
print(y);
y.backward(); // starts from gy = ones of y's shape

print(x.grad); // gy·Wᵀ: every row is W's row sums
print(W.grad); // xᵀ·gy: every column is x's column sums

const gy = np.onesLike(y.data);
print(np.allclose(x.grad!.data, gy.dot(W.data.T)), np.allclose(W.grad!.data, x.data.T.dot(gy)));
