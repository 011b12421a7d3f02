import { Variable, F, np, print } from 'dezero';

// NEW: each Variable holds a whole 2×3 matrix, not a single number.
// NOTE: { dtype: 'int64' } makes integer arrays, as the book's Python literals are.
const x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));
const c = new Variable(np.array([[10, 20, 30], [40, 50, 60]], { dtype: 'int64' }));

const t = x.add(c); // elementwise: t has the shape of x and c, [2, 3]
const y = F.sum(t); // NEW: all six elements added into one number

y.backward({ retainGrad: true }); // keep the gradients of y and t too, to look at them
print(y.grad);
print(t.grad);
print(x.grad);
print(c.grad);
