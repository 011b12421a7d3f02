// Sums over different axes of one matrix, each with the gradient it sends back.
import { Variable, np, print } from 'dezero';

const x = new Variable(np.array([[1, 2, 3], [4, 5, 6]], { dtype: 'int64' }));

// Sums x over `axis`, then weighs each element of the sum before adding everything up. Each
// element of y then sends its own weight back as a gradient, so x.grad shows where it came from.
type Weights = number | number[] | number[][];
function show(axis: number | number[] | null, keepdims: boolean, weights: Weights): void {
  x.cleargrad();
  const y = x.sum(axis, keepdims);
  const loss = y.mul(np.array(weights, { dtype: 'int64' })).sum();
  loss.backward();
  print(`axis ${JSON.stringify(axis)}, keepdims ${keepdims}: y has shape`, y.shape);
  print(y);
  print(x.grad);
}

show(0, false, [10, 20, 30]); // down the columns: one sum per column
show(1, false, [10, 20]); // along the rows: one sum per row
show(1, true, [[10], [20]]); // the same sums, kept as a 2×1 column
show(-1, false, [10, 20]); // a negative axis counts from the end: here -1 is axis 1
show([0, 1], false, 10); // both axes: a single number, as with no axis at all
