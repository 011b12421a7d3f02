import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataLoader, F, datasets, models, noGrad, np, optimizers } from './index.ts';

test("step 48: the first epochs on the spiral print the book's losses (step48.out)", () => {
  const [x, t] = datasets.getSpiral({ train: true });
  const model = new models.MLP([10, 3]);
  const optimizer = new optimizers.SGD({ lr: 1.0 }).setup(model);
  const lines: string[] = [];
  for (let epoch = 0; epoch < 5; epoch++) {
    const index = np.random.permutation(300);
    let sumLoss = 0;
    for (let i = 0; i < 10; i++) {
      const batchIndex = index.get(`${i * 30}:${(i + 1) * 30}`);
      const batchT = t.get(batchIndex);
      const loss = F.softmaxCrossEntropy(model.call(x.get(batchIndex)), batchT);
      model.cleargrads();
      loss.backward();
      optimizer.update();
      sumLoss += loss.data.item() * batchT.shape[0]!;
    }
    lines.push(`epoch ${epoch + 1}, loss ${(sumLoss / 300).toFixed(2)}`);
  }
  assert.deepEqual(lines, [
    'epoch 1, loss 1.13',
    'epoch 2, loss 1.05',
    'epoch 3, loss 0.95',
    'epoch 4, loss 0.92',
    'epoch 5, loss 0.87',
  ]);
  assert.ok([...model.params()].every((p) => p.dtype === 'float32'));
});

test("step 50: Spiral + DataLoader + accuracy, the first epochs' train and test lines are the book's (step50.out)", () => {
  const trainSet = new datasets.Spiral({ train: true });
  const testSet = new datasets.Spiral({ train: false });
  const trainLoader = new DataLoader(trainSet, 30);
  const testLoader = new DataLoader(testSet, 30, { shuffle: false });
  const model = new models.MLP([10, 3]);
  const optimizer = new optimizers.SGD({ lr: 1.0 }).setup(model);
  const lines: string[] = [];
  const line = (what: string, loss: number, acc: number): string =>
    `${what} loss: ${(loss / 300).toFixed(4)}, accuracy: ${(acc / 300).toFixed(4)}`;
  for (let epoch = 0; epoch < 2; epoch++) {
    let [sumLoss, sumAcc] = [0, 0];
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
    lines.push(`epoch: ${epoch + 1}`, line('train', sumLoss, sumAcc));
    [sumLoss, sumAcc] = [0, 0];
    noGrad(() => {
      for (const [x, t] of testLoader) {
        const y = model.call(x);
        sumLoss += F.softmaxCrossEntropy(y, t).data.item() * t.shape[0]!;
        sumAcc += F.accuracy(y, t).data.item() * t.shape[0]!;
      }
    });
    lines.push(line('test', sumLoss, sumAcc));
  }
  assert.deepEqual(lines, [
    'epoch: 1',
    'train loss: 1.0944, accuracy: 0.4033',
    'test loss: 1.0468, accuracy: 0.3267',
    'epoch: 2',
    'train loss: 0.9882, accuracy: 0.4933',
    'test loss: 0.9729, accuracy: 0.4333',
  ]);
});
