// Scores, probabilities and a loss for a 3-class classifier.
import { Variable, F, models, np, print, asVariable } from 'dezero';
import type { VariableLike } from 'dezero';

np.random.seed(0);
// An MLP with 3 outputs: one score per class (the weights are made at the first call).
const model = new models.MLP([10, 3]);

// NEW: softmax for one vector of scores: exp of each, divided by their sum.
function softmax1d(x: VariableLike): Variable {
  const xv = asVariable(x);
  const y = F.exp(xv);
  const sumY = F.sum(y);
  return y.div(sumY);
}

// One example with 2 features gives 3 scores, and softmax makes them probabilities.
const x1 = np.array([[0.2, -0.4]]);
const y1 = model.call(x1);
const p1 = softmax1d(y1);
print(y1);
print(p1);

// NEW: four examples at once, and their correct classes as integer labels.
const x = np.array([
  [0.2, -0.4],
  [0.3, 0.5],
  [1.3, -3.2],
  [2.1, 0.3],
]);
const t = np.array([2, 0, 1, 0], { dtype: 'int64' });
const y = model.call(x);
const p = F.softmaxSimple(y); // NEW: softmax of each row
print(y);
print(p);

// NEW: the mean of −log(probability of the correct class) over the four rows.
const loss = F.softmaxCrossEntropySimple(y, t);
loss.backward();
print(loss);
