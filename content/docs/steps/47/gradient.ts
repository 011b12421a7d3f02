// Cross-entropy step by step on two examples, and the gradient it sends back to the scores.
import { Variable, F, np, print } from 'dezero';

// Scores for 2 examples and 3 classes; the correct classes are 0 and 2.
const x = new Variable(
  np.array([
    [2.0, 1.0, 0.1],
    [0.5, 2.5, 0.3],
  ]),
);
const t = np.array([0, 2], { dtype: 'int64' });
const N = x.shape[0]!;

// NEW: F.softmax is one Function (its own backward); each row sums to 1.
const p = F.softmax(x);
print(p);

// NEW: getItem with two integer arrays picks one entry per row: p[0, 0] and p[1, 2].
const picked = F.log(p).getItem(np.arange(N), t);
print(picked);
print(picked.sum().neg().div(N)); // the loss, written out

// NEW: the same loss as one Function, and the gradient it gives the scores.
const loss = F.softmaxCrossEntropy(x, t);
print(loss);
loss.backward();
print(x.grad);

// That gradient by hand: (softmax − one-hot of the labels) / N.
const onehot = np.eye(3).get(t);
print(p.data.sub(onehot).div(N));
