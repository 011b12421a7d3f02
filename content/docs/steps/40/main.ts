import { Variable, np, print } from 'dezero';

const x0 = new Variable(np.array([1, 2, 3], { dtype: 'int64' })); // shape [3]
const x1 = new Variable(np.array([10], { dtype: 'int64' })); // shape [1]

// NEW: the shapes differ, so add broadcasts x1 to [3] before adding, as numpy's + does.
const y = x0.add(x1);
print(y);

y.backward();
// NEW: Add's backward sums x1's gradient back down to x1's own shape, [1].
print(x1.grad);
