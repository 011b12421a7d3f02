import { Variable, F, np, print } from 'dezero';

// NEW: F.reshape: the six numbers of a 2×3 matrix, as a vector of length 6.
let x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));
let y = F.reshape(x, [6]); // as a method: x.reshape(6)
y.backward({ retainGrad: true });
print(x.grad); // shaped like x, [2, 3], though y.grad was [6]

// NEW: F.transpose: rows become columns, a 3×2 matrix.
x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));
y = F.transpose(x); // as a method: x.T or x.transpose()
y.backward();
print(x.grad); // shaped like x again
