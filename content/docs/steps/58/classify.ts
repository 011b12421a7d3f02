// The small CNN with weights trained in advance: loaded from digits-cnn.npz, it reads digits it never saw.
import { F, L, np, plt, print, models, datasets, transforms, DataLoader, noGrad } from 'dezero';
import type { NDArray, Variable } from 'dezero';

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

// NEW: the weights this course trained (npm run train-digits-cnn), under DeZero's names.
const model = new DigitsCNN();
model.loadWeights('digits-cnn.npz');
for (const [name, param] of [
  ['conv1/W', model.conv1.W],
  ['conv2/W', model.conv2.W],
  ['fc/W', model.fc.W],
] as const)
  print(name, param.shape);

// Images stay (1, 28, 28): MNIST's default transform without its Flatten.
const transform = new transforms.Compose([
  new transforms.ToFloat(),
  new transforms.Normalize({ mean: 0, std: 255 }),
]);
const testSet = new datasets.MNIST({ train: false, transform });

// The first 12 test digits: the highest of the 10 scores is the answer.
const first = 12;
const x = np.stack(Array.from({ length: first }, (_, i) => testSet.get(i)[0]));
const predicted = noGrad(() => model.call(x)).data.argmax(1);
const truth = testSet.label!.get(`:${first}`);
print('predicted:', predicted);
print('true:     ', truth);

// All 10,000 test digits, a hundred at a time (larger batches only take more memory).
let correct = 0;
noGrad(() => {
  for (const [xs, ts] of new DataLoader(testSet, 100, { shuffle: false }))
    correct += F.accuracy(model.call(xs), ts).data.item() * ts.shape[0]!;
});
print(`test accuracy: ${(correct / testSet.length).toFixed(4)} on ${testSet.length} digits`);

// The 12 digits, each titled with the model's answer.
plt.figure({ figsize: [8, 3] });
for (let i = 0; i < first; i++) {
  plt.subplot(2, 6, i + 1);
  plt.imshow(x.get(i, 0), { cmap: 'gray_r' });
  plt.title(`${predicted.get(i).item()}`);
  plt.axis('off');
}
plt.show();
