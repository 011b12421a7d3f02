// Step 48's training, with the data behind a Dataset: examples are asked for one at a time.
import { F, np, plt, print, models, optimizers, datasets } from 'dezero';

// NEW: the spiral as a Dataset object; it builds its 300 examples once, here.
const trainSet = new datasets.Spiral({ train: true });

const maxEpoch = 300;
const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

const model = new models.MLP([hiddenSize, 3]);
const optimizer = new optimizers.SGD({ lr }).setup(model);

const dataSize = trainSet.length; // NEW: the number of examples (Python's len(train_set))
const maxIter = Math.ceil(dataSize / batchSize);
const losses: number[] = [];

for (let epoch = 0; epoch < maxEpoch; epoch++) {
  const index = np.random.permutation(dataSize);
  let sumLoss = 0;

  for (let i = 0; i < maxIter; i++) {
    const batchIndex = index.get(`${i * batchSize}:${(i + 1) * batchSize}`);
    // NEW: ask the data set for each example of the batch: get(j) gives [x, t] for example j.
    const batch = Array.from(batchIndex.toFlat(), (j) => trainSet.get(j));
    // NEW: stack the 30 inputs into one [30, 2] array, and the 30 labels into one [30] array.
    const batchX = np.stack(batch.map(([x]) => x));
    const batchT = np.stack(batch.map(([, t]) => t));

    const y = model.call(batchX);
    const loss = F.softmaxCrossEntropy(y, batchT);
    model.cleargrads();
    loss.backward();
    optimizer.update();

    sumLoss += loss.data.item() * batchT.shape[0]!;
  }

  const avgLoss = sumLoss / dataSize;
  print(`epoch ${epoch + 1}, loss ${avgLoss.toFixed(2)}`);

  // The loss so far, drawn while the model trains (step 48's live chart).
  losses.push(avgLoss);
  plt.cla();
  plt.plot(losses);
  plt.xlabel('epoch');
  plt.ylabel('loss');
  plt.pause(0.01);
}
plt.show();
