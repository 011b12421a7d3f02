// A two-layer neural network, fitted to noisy sine data by gradient descent.
import { Variable, F, np, plt, print } from 'dezero';
import type { NDArray } from 'dezero';

// The data: 100 points x in [0, 1), y = sin(2πx) plus noise in [0, 1).
np.random.seed(0);
const x = np.random.rand(100, 1);
const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));

// NEW: the network's weights. I inputs, H hidden units, O outputs.
const [I, H, O] = [1, 10, 1];
const W1 = new Variable(np.random.randn(I, H).mul(0.01)); // small random weights
const b1 = new Variable(np.zeros(H));
const W2 = new Variable(np.random.randn(H, O).mul(0.01));
const b2 = new Variable(np.zeros(O));

// NEW: linear → sigmoid → linear.
function predict(x: Variable | NDArray): Variable {
  let h = F.linear(x, W1, b1); // (N, 1) · (1, 10) + (10,) → (N, 10)
  h = F.sigmoid(h); // the nonlinearity, elementwise
  return F.linear(h, W2, b2); // (N, 10) · (10, 1) + (1,) → (N, 1)
}

const lr = 0.2;
const iters = 10000;
const params = [W1, b1, W2, b2];

for (let i = 0; i < iters; i++) {
  const yPred = predict(x);
  const loss = F.meanSquaredError(y, yPred); // NEW: step 42's loss, as one Function

  for (const p of params) p.cleargrad();
  loss.backward();

  // One step downhill for every weight and bias, as in step 42.
  for (const p of params) p.data = p.data.sub(p.grad!.data.mul(lr));

  if (i % 1000 === 0) print(loss);

  // NEW: every 100 steps, the data and the network's prediction so far, drawn while it trains.
  if (i % 100 === 0 || i === iters - 1) drawPrediction();
}

// The data, and the network's prediction on 100 evenly spaced points.
function drawPrediction(): void {
  plt.cla();
  plt.scatter(x, y, { s: 10 });
  plt.xlabel('x');
  plt.ylabel('y');
  const t = np.arange(0, 1, 0.01).reshape(-1, 1);
  plt.plot(t, predict(t).data, { color: 'r' });
  plt.pause(0.01);
}

plt.show();
