// Train step 51's network for three epochs, save its weights to a file, and load them into a
// network that never trained: it classifies the test digits exactly as the trained one does.
import { F, np, print, models, optimizers, datasets, DataLoader, noGrad } from 'dezero';

np.random.seed(0); // the book does not seed: we do, so every run prints the same numbers

const maxEpoch = 3;
const batchSize = 100;

const trainSet = new datasets.MNIST({ train: true });
const trainLoader = new DataLoader(trainSet, batchSize);
const model = new models.MLP([1000, 10]);
const optimizer = new optimizers.SGD().setup(model);

for (let epoch = 0; epoch < maxEpoch; epoch++) {
  let sumLoss = 0;
  for (const [x, t] of trainLoader) {
    const loss = F.softmaxCrossEntropy(model.call(x), t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item() * t.shape[0]!;
  }
  print(`epoch: ${epoch + 1}, loss: ${(sumLoss / trainSet.length).toFixed(4)}`);
}

// NEW: every parameter, named by its path through the model, into one .npz file.
model.saveWeights('my_mlp.npz');

// What the file holds: one array per parameter, under that name.
for (const [key, array] of np.load('my_mlp.npz')) print(key, array.shape, array.dtype);

// NEW: a model with no weights yet takes them from the file.
const loaded = new models.MLP([1000, 10]);
loaded.loadWeights('my_mlp.npz');

const testSet = new datasets.MNIST({ train: false });
const testLoader = new DataLoader(testSet, batchSize, { shuffle: false });

// The mean loss and accuracy of `m` on the 10,000 test digits.
function evaluate(m: models.MLP): string {
  let sumLoss = 0;
  let sumAcc = 0;
  noGrad(() => {
    for (const [x, t] of testLoader) {
      const y = m.call(x);
      sumLoss += F.softmaxCrossEntropy(y, t).data.item() * t.shape[0]!;
      sumAcc += F.accuracy(y, t).data.item() * t.shape[0]!;
    }
  });
  return `loss ${(sumLoss / testSet.length).toFixed(8)}, accuracy ${(sumAcc / testSet.length).toFixed(4)}`;
}

print('trained model on the test set:', evaluate(model));
print('loaded model on the test set: ', evaluate(loaded));
