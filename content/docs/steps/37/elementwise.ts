// sin of a matrix: forward and backward both work element by element.
import { Variable, F, np, print } from 'dezero';

const x = new Variable(np.array([[1, 2, 3], [4, 5, 6]]));
const y = F.sin(x);
print(y);
print(y.shape); // the shape of x

y.backward(); // starts from a gradient of ones with y's shape
print(x.grad); // cos x, element by element
print(np.cos(x.data)); // the same numbers, computed directly
