import { Variable, F, np, print } from 'dezero';

// NOTE: the book draws these unseeded; only shapes are printed, but a seed keeps every run the same.
np.random.seed(0);
const x = new Variable(np.random.randn(2, 3));
const W = new Variable(np.random.randn(3, 4));

// NEW: the matrix product as a Function: y = x·W has shape [2, 4].
const y = F.matmul(x, W);
y.backward();

// NEW: MatMul's backward gives each input a gradient of that input's shape.
print(x.grad!.shape);
print(W.grad!.shape);
