import { Variable, F, np, print, plt } from 'dezero';

// Toy data: 100 points near the line y = 2x + 5, each lifted by noise drawn from [0, 1).
np.random.seed(0);
const xData = np.random.rand(100, 1);
const yData = xData.mul(2).add(5).add(np.random.rand(100, 1));
const x = new Variable(xData);
const y = new Variable(yData);

// NEW: the parameters to learn, a 1×1 weight and a bias, both starting at zero.
const W = new Variable(np.zeros([1, 1]));
const b = new Variable(np.zeros(1));

// NEW: the model: one prediction per row of x, y = x·W + b (b is broadcast over the rows).
function predict(x: Variable): Variable {
  return F.matmul(x, W).add(b);
}

// NEW: the loss: the mean of the squared differences, (1/N) Σ (y − ŷ)².
function meanSquaredError(x0: Variable, x1: Variable): Variable {
  const diff = x0.sub(x1);
  return F.sum(diff.pow(2)).div(diff.length);
}

const lr = 0.1;
const iters = 100;

for (let i = 0; i < iters; i++) {
  const yPred = predict(x);
  const loss = meanSquaredError(y, yPred);

  W.cleargrad();
  b.cleargrad();
  loss.backward();

  // NEW: gradient descent: move each parameter a small step against its gradient.
  W.data = W.data.sub(W.grad!.data.mul(lr));
  b.data = b.data.sub(b.grad!.data.mul(lr));
  print(W, b, loss);

  // NEW: the data and the line as it is now, redrawn while the loop runs (matplotlib's live idiom).
  plt.cla();
  plt.scatter(x.data, y.data, { s: 10 });
  plt.xlabel('x');
  plt.ylabel('y');
  plt.plot(x.data, predict(x).data, { color: 'r' });
  plt.pause(0.01);
}

// The fitted line: the live figure becomes an ordinary one.
plt.show();
