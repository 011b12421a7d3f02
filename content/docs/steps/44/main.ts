// Step 43's network again, now built from two Linear layers that hold their own parameters.
import { F, L, np, print } from 'dezero';
import type { NDArray, Variable } from 'dezero';

np.random.seed(0);
const x = np.random.rand(100, 1);
const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));

// NEW: each layer owns its W and b. Only the output size is given; the input size is read from
// the first input, and W is drawn then.
const l1 = new L.Linear(10);
const l2 = new L.Linear(1);

function predict(x: Variable | NDArray): Variable {
  let h = l1.call(x); // NEW: Python's l1(x)
  h = F.sigmoid(h);
  return l2.call(h);
}

const lr = 0.2;
const iters = 10000;

for (let i = 0; i < iters; i++) {
  const yPred = predict(x);
  const loss = F.meanSquaredError(y, yPred);

  l1.cleargrads(); // NEW: every parameter of the layer at once
  l2.cleargrads();
  loss.backward();

  for (const layer of [l1, l2]) {
    for (const p of layer.params()) {
      // NEW: in place, so the float32 weights stay float32 (Python's p.data -= lr * p.grad.data)
      p.data.isub(p.grad!.data.mul(lr));
    }
  }

  if (i % 1000 === 0) print(loss);
}
