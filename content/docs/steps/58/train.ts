// The small CNN of this step, trained from scratch in the page: a short run on 2,000 digits.
import {
  F,
  L,
  np,
  print,
  models,
  optimizers,
  datasets,
  transforms,
  DataLoader,
  noGrad,
} from 'dezero';
import type { NDArray, Variable } from 'dezero';

np.random.seed(0);

// NEW: a CNN of our own: two 3×3 convolutions that keep the size, each halved by 2×2 pooling.
class DigitsCNN extends models.Model {
  conv1 = new L.Conv2d(8, 3, { pad: 1 }); // (N, 1, 28, 28) → (N, 8, 28, 28), pooled to 14×14
  conv2 = new L.Conv2d(16, 3, { pad: 1 }); // → (N, 16, 14, 14), pooled to 7×7
  fc = new L.Linear(10); // 16 × 7 × 7 = 784 features → 10 scores

  override forward(x: Variable | NDArray): Variable {
    let h = F.pooling(F.relu(this.conv1.call(x)), 2, { stride: 2 });
    h = F.pooling(F.relu(this.conv2.call(h)), 2, { stride: 2 });
    return this.fc.call(F.reshape(h, [h.shape[0]!, -1]));
  }
}

// NEW: images stay (1, 28, 28): MNIST's default transform without its Flatten.
const transform = new transforms.Compose([
  new transforms.ToFloat(),
  new transforms.Normalize({ mean: 0, std: 255 }),
]);
const trainSet = new datasets.MNIST({ train: true, transform });
const testSet = new datasets.MNIST({ train: false, transform });
// Only the first 2,000 training and 1,000 test digits, so that the run takes seconds.
trainSet.data = trainSet.data!.get(':2000');
trainSet.label = trainSet.label!.get(':2000');
testSet.data = testSet.data!.get(':1000');
testSet.label = testSet.label!.get(':1000');

const maxEpoch = 3;
const trainLoader = new DataLoader(trainSet, 100);
const testLoader = new DataLoader(testSet, 100, { shuffle: false });
const model = new DigitsCNN();
const optimizer = new optimizers.Adam().setup(model);

for (let epoch = 1; epoch <= maxEpoch; epoch++) {
  let sumLoss = 0;
  let sumAcc = 0;
  for (const [x, t] of trainLoader) {
    const y = model.call(x);
    const loss = F.softmaxCrossEntropy(y, t);
    model.cleargrads();
    loss.backward();
    optimizer.update();
    sumLoss += loss.data.item() * t.shape[0]!;
    sumAcc += F.accuracy(y, t).data.item() * t.shape[0]!;
  }
  let testAcc = 0;
  noGrad(() => {
    for (const [x, t] of testLoader)
      testAcc += F.accuracy(model.call(x), t).data.item() * t.shape[0]!;
  });
  print(
    `epoch ${epoch}: train loss ${(sumLoss / trainSet.length).toFixed(4)}, accuracy ${(sumAcc / trainSet.length).toFixed(4)}; test accuracy ${(testAcc / testSet.length).toFixed(4)}`,
  );
}

let count = 0;
for (const param of model.params()) count += param.data!.size;
print(`${count} parameters`);
