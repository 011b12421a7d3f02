import { Variable, print, np } from 'dezero';

function f(x: Variable): Variable {
  return x.pow(4).sub(x.pow(2).mul(2)); // y = x⁴ − 2x²
}

const x = new Variable(np.array(2.0));
const iters = 10;

for (let i = 0; i < iters; i++) {
  print(i, x);

  const y = f(x);
  x.cleargrad();
  y.backward({ createGraph: true }); // NEW: keep the graph of the first derivative

  const gx = x.grad!; // f'(x), a Variable with a graph behind it
  x.cleargrad();
  gx.backward(); // NEW: differentiate the derivative
  const gx2 = x.grad!; // f''(x), and nobody typed 12x² − 4

  // Newton's update: x ← x − f'(x) / f''(x)
  x.data = x.data.sub(gx.data.div(gx2.data));
}
