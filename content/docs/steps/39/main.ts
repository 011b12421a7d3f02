import { Variable, F, np, print } from 'dezero';

// The sum of everything, on a vector and on a matrix.
let x = new Variable(np.array([1, 2, 3, 4, 5, 6], { dtype: 'int64' }));
let y = F.sum(x);
y.backward();
print(y);
print(x.grad);

x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));
y = F.sum(x);
y.backward();
print(y);
print(x.grad);

// NEW: sum over axis 0 only, down each column; the result has one number per column.
x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));
y = F.sum(x, 0);
y.backward();
print(y);
print(x.grad); // the gradient is spread back over the summed axis: x's shape again

// NEW: keepdims keeps each summed axis, with length 1.
np.random.seed(0);
x = new Variable(np.random.randn(2, 3, 4, 5));
y = x.sum(null, true); // Python: x.sum(keepdims=True)
print(y.shape);
