// Three classes of points on a spiral, and a network that learns to tell them apart.
import { F, np, plt, print, models, optimizers, datasets, noGrad } from 'dezero';

// NEW: the training data: 300 points (x, shape [300, 2]) and their classes (t: 0, 1 or 2).
const [x, t] = datasets.getSpiral({ train: true });

const maxEpoch = 300;
const batchSize = 30;
const hiddenSize = 10;
const lr = 1.0;

// NEW: three outputs, one score per class.
const model = new models.MLP([hiddenSize, 3]);
const optimizer = new optimizers.SGD({ lr }).setup(model);

const dataSize = x.shape[0]!;
const maxIter = Math.ceil(dataSize / batchSize);

// NEW: the loss of every epoch so far, drawn while the model trains.
const epochs: number[] = [];
const losses: number[] = [];
plt.figure({ figsize: [6.4, 3.2] });

for (let epoch = 0; epoch < maxEpoch; epoch++) {
  // NEW: a new order of the 300 examples for every epoch.
  const index = np.random.permutation(dataSize);
  let sumLoss = 0;

  for (let i = 0; i < maxIter; i++) {
    // NEW: the next 30 examples in that order: a mini-batch.
    const batchIndex = index.get(`${i * batchSize}:${(i + 1) * batchSize}`);
    const batchX = x.get(batchIndex);
    const batchT = t.get(batchIndex);

    const y = model.call(batchX);
    const loss = F.softmaxCrossEntropy(y, batchT); // NEW: the loss for classes (step 47)
    model.cleargrads();
    loss.backward();
    optimizer.update();

    sumLoss += loss.data.item() * batchT.shape[0]!;
  }

  // NEW: the mean loss over the epoch's 300 examples.
  const avgLoss = sumLoss / dataSize;
  print(`epoch ${epoch + 1}, loss ${avgLoss.toFixed(2)}`);

  // NEW: matplotlib's live idiom: clear, draw again, pause (the page redraws it in place).
  epochs.push(epoch + 1);
  losses.push(avgLoss);
  plt.cla();
  plt.plot(epochs, losses);
  plt.xlabel('epoch');
  plt.ylabel('loss');
  plt.pause(0.01);
}

// NEW: the decision regions, in a figure of their own: the class the model picks at every point of a fine grid.
plt.figure();
const h = 0.01;
const x0 = x.get(':', 0);
const x1 = x.get(':', 1);
const [xx, yy] = np.meshgrid(
  np.arange(x0.min().item() - 0.1, x0.max().item() + 0.1, h),
  np.arange(x1.min().item() - 0.1, x1.max().item() + 0.1, h),
);
const grid = np.stack([xx!.ravel(), yy!.ravel()], 1);
const score = noGrad(() => model.call(grid));
const predictCls = score.data.argmax(1);
plt.contourf(xx!, yy!, predictCls.reshape(xx!.shape));

// The data over the regions, one marker and colour per class.
const markers = ['o', 'x', '^'];
const colors = ['orange', 'blue', 'green'];
for (let c = 0; c < 3; c++) {
  const points = x.get(t.eq(c));
  plt.scatter(points.get(':', 0), points.get(':', 1), { s: 40, marker: markers[c]!, c: colors[c]! });
}
plt.show();
