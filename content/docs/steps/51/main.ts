// The step-50 training loop, unchanged, on 60,000 handwritten digits instead of 300 spiral points.
import { F, np, print, plt, models, optimizers, datasets, DataLoader, noGrad } from 'dezero';

np.random.seed(0); // the book does not seed: we do, so every run prints the same numbers

const maxEpoch = 5;
const batchSize = 100;
const hiddenSize = 1000;

// NEW: each example is one 28×28 image as 784 float32 values in [0, 1], and its digit.
const trainSet = new datasets.MNIST({ train: true });
const testSet = new datasets.MNIST({ train: false });
const trainLoader = new DataLoader(trainSet, batchSize);
const testLoader = new DataLoader(testSet, batchSize, { shuffle: false });

// NEW: 784 inputs, 1,000 hidden units and 10 classes: 795,010 parameters.
const model = new models.MLP([hiddenSize, 10]);
const optimizer = new optimizers.SGD().setup(model); // lr 0.01, DeZero's default

const trainAccs: number[] = [];
const testAccs: number[] = [];

for (let epoch = 0; epoch < maxEpoch; epoch++) {
  let sumLoss = 0;
  let sumAcc = 0;
  for (const [x, t] of trainLoader) {
    const y = model.call(x);
    const loss = F.softmaxCrossEntropy(y, t);
    const acc = F.accuracy(y, t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item() * t.shape[0]!;
    sumAcc += acc.data.item() * t.shape[0]!;
  }
  print(`epoch: ${epoch + 1}`);
  print(
    `train loss: ${(sumLoss / trainSet.length).toFixed(4)}, accuracy: ${(sumAcc / trainSet.length).toFixed(4)}`,
  );
  trainAccs.push(sumAcc / trainSet.length);

  sumLoss = 0;
  sumAcc = 0;
  noGrad(() => {
    for (const [x, t] of testLoader) {
      const y = model.call(x);
      sumLoss += F.softmaxCrossEntropy(y, t).data.item() * t.shape[0]!;
      sumAcc += F.accuracy(y, t).data.item() * t.shape[0]!;
    }
  });
  print(
    `test loss: ${(sumLoss / testSet.length).toFixed(4)}, accuracy: ${(sumAcc / testSet.length).toFixed(4)}`,
  );
  testAccs.push(sumAcc / testSet.length);
  drawAccuracy(epoch + 1);
}
plt.show();

// Accuracy per epoch on both sets, redrawn after every epoch while the model trains.
function drawAccuracy(done: number): void {
  const epochs = Array.from({ length: done }, (_, i) => i + 1);
  plt.clf();
  plt.plot(epochs, trainAccs, { label: 'train' });
  plt.plot(epochs, testAccs, { label: 'test' });
  plt.xlabel('epoch');
  plt.ylabel('accuracy');
  plt.legend({ loc: 'lower right' });
  plt.pause(0.01);
}
