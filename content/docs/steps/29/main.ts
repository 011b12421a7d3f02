import { Variable, np, print } from 'dezero/simple';
import type { NDArray } from 'dezero/simple';

// The function to minimize: f(x) = x⁴ − 2x², built from Variables so backward() gives f'(x).
function f(x: Variable): Variable {
  return x.pow(4).sub(x.pow(2).mul(2));
}

// NEW: the second derivative, worked out by hand on paper and written on plain arrays:
// f'(x) = 4x³ − 4x, so f''(x) = 12x² − 4.
function gx2(x: NDArray): NDArray {
  return x.pow(2).mul(12).sub(4);
}

const x = new Variable(np.array(2.0));
const iters = 10;

for (let i = 0; i < iters; i++) {
  print(i, x);

  const y = f(x);
  x.cleargrad();
  y.backward();

  // Newton's step: x ← x − f'(x) / f''(x)
  x.data = x.data.sub(x.grad!.div(gx2(x.data)));
}
