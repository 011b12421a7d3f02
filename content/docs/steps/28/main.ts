import { Variable, np, print } from 'dezero/simple';

// The Rosenbrock function: a long, curved, nearly flat valley with its minimum at (1, 1).
// y = 100 (x1 − x0²)² + (x0 − 1)²
function rosenbrock(x0: Variable, x1: Variable): Variable {
  return x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
}

const x0 = new Variable(np.array(0.0));
const x1 = new Variable(np.array(2.0));
const lr = 0.001; // learning rate: how far to move along the negative gradient each time
const iters = 1000;

for (let i = 0; i < iters; i++) {
  print(x0, x1);

  const y = rosenbrock(x0, x1);

  // NOTE: clear the old gradients first; backward() adds to a grad that is already there.
  x0.cleargrad();
  x1.cleargrad();
  y.backward();

  // NEW: one step downhill, x ← x − lr · ∂y/∂x, on the plain arrays (no graph is recorded).
  x0.data = x0.data.sub(x0.grad!.mul(lr));
  x1.data = x1.data.sub(x1.grad!.mul(lr));
}
