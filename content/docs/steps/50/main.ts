// Training with DataLoaders, and after every epoch a check on data the model never trains on.
import { F, print, plt, models, optimizers, datasets, DataLoader, noGrad } from 'dezero';

const maxEpoch = 300;
const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

const trainSet = new datasets.Spiral({ train: true });
const testSet = new datasets.Spiral({ train: false }); // NEW: 300 other points, for testing only
// NEW: loaders cut a data set into batches; the training one shuffles at every epoch.
const trainLoader = new DataLoader(trainSet, batchSize);
const testLoader = new DataLoader(testSet, batchSize, { shuffle: false });

const model = new models.MLP([hiddenSize, 3]);
const optimizer = new optimizers.SGD({ lr }).setup(model);

// For the figure: each epoch's four numbers, drawn as they come in (a 10×4 inch figure).
plt.figure({ figsize: [10, 4] });
const trainLosses: number[] = [];
const trainAccs: number[] = [];
const testLosses: number[] = [];
const testAccs: number[] = [];

for (let epoch = 0; epoch < maxEpoch; epoch++) {
  let sumLoss = 0;
  let sumAcc = 0;

  // NEW: one pass over the loader is one epoch, batch by batch.
  for (const [x, t] of trainLoader) {
    const y = model.call(x);
    const loss = F.softmaxCrossEntropy(y, t);
    const acc = F.accuracy(y, t); // NEW: the fraction of the batch classified right
    model.cleargrads();
    loss.backward();
    optimizer.update();

    sumLoss += loss.data.item() * t.shape[0]!;
    sumAcc += acc.data.item() * t.shape[0]!;
  }
  const trainLoss = sumLoss / trainSet.length;
  const trainAcc = sumAcc / trainSet.length;
  print(`epoch: ${epoch + 1}`);
  print(`train loss: ${trainLoss.toFixed(4)}, accuracy: ${trainAcc.toFixed(4)}`);

  // NEW: the same measures on the test set, with no graph recorded and no update.
  sumLoss = 0;
  sumAcc = 0;
  noGrad(() => {
    for (const [x, t] of testLoader) {
      const y = model.call(x);
      const loss = F.softmaxCrossEntropy(y, t);
      const acc = F.accuracy(y, t);
      sumLoss += loss.data.item() * t.shape[0]!;
      sumAcc += acc.data.item() * t.shape[0]!;
    }
  });
  const testLoss = sumLoss / testSet.length;
  const testAcc = sumAcc / testSet.length;
  print(`test loss: ${testLoss.toFixed(4)}, accuracy: ${testAcc.toFixed(4)}`);

  trainLosses.push(trainLoss);
  trainAccs.push(trainAcc);
  testLosses.push(testLoss);
  testAccs.push(testAcc);
  // NEW: the curves so far, redrawn while the model trains.
  drawCurves(epoch + 1);
}

// The learning curves: loss (left) and accuracy (right) per epoch, on both sets.
function drawCurves(done: number): void {
  const epochs = Array.from({ length: done }, (_, i) => i + 1);
  plt.clf(); // NEW: clear both panels, then draw them again
  plt.subplot(1, 2, 1);
  plt.plot(epochs, trainLosses, { label: 'train' });
  plt.plot(epochs, testLosses, { label: 'test' });
  plt.xlabel('epoch');
  plt.ylabel('loss');
  plt.legend();
  plt.subplot(1, 2, 2);
  plt.plot(epochs, trainAccs, { label: 'train' });
  plt.plot(epochs, testAccs, { label: 'test' });
  plt.xlabel('epoch');
  plt.ylabel('accuracy');
  plt.legend({ loc: 'lower right' });
  plt.pause(0.01); // NEW: show it now, and go on training
}
plt.show();
