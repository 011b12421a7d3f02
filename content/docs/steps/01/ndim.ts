import { np, print } from 'dezero';

const scalar = np.array(1.0); // a single number: no axes
const vector = np.array([1, 2, 3]); // one axis of length 3
const matrix = np.array([
  [1, 2, 3],
  [4, 5, 6],
]); // two axes: 2 rows, 3 columns

// ndim counts the axes, not the elements.
print(scalar.ndim);
print(vector.ndim);
print(matrix.ndim);
