// A DataLoader up close: the batches of one epoch, a new order for the next, and accuracy.
import { DataLoader, F, datasets, np, print } from 'dezero';

// NEW: 300 examples in batches of 128: two full batches and one of the 44 left over.
const trainSet = new datasets.Spiral();
const loader = new DataLoader(trainSet, 128);
for (const [x, t] of loader) {
  print(x.shape, t.shape);
}

// NEW: the epoch ended with a reset(): a new order is drawn, ready for the next epoch.
for (const [, t] of loader) {
  print('epoch 2 starts with the labels', t.get(':10'));
  break;
}
loader.reset(); // after a break the epoch is not over, so start the next one by hand
for (const [, t] of loader) {
  print('epoch 3 starts with the labels', t.get(':10'));
  break;
}

// NEW: accuracy: the fraction of rows whose largest score is the label's.
const y = np.array([
  [2.0, 0.5, -1.0], // picks class 0
  [0.1, 0.3, 0.2], // picks class 1
  [-0.5, 0.0, 1.5], // picks class 2
  [1.0, 2.0, 0.0], // picks class 1
]);
const t = np.array([0, 2, 2, 0], { dtype: 'int64' });
print(F.accuracy(y, t));
