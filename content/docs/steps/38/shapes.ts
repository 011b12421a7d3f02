// Shapes in and out: every reshape and transpose hands back a gradient shaped like its input.
import { Variable, np, print } from 'dezero';

const x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));

// Three ways to write a reshape and two to write a transpose, all as methods.
print(x.reshape(6).shape);
print(x.reshape(3, 2).shape);
print(x.reshape([3, -1]).shape); // -1: numpy works out that length from the others
print(x.T);
print(x.transpose(1, 0).shape);

// A 3-d tensor with its axes permuted: axis 0 of the result is axis 1 of the input, and so on.
const a = new Variable(np.arange(24).reshape(2, 3, 4));
const b = a.transpose(1, 2, 0);
print(a.shape, '->', b.shape);

// A reshape after the transpose; the gradient comes back through both.
const y = b.reshape(4, 6).mul(np.arange(24).reshape(4, 6));
y.backward();
print(a.grad!.shape);
print(a.grad);
