// An LSTM learns the noisy sine wave, 30 sequences at a time, read in step by a SeqDataLoader.
import {
  F,
  L,
  Model,
  SeqDataLoader,
  Variable,
  print,
  plt,
  np,
  optimizers,
  datasets,
  noGrad,
} from 'dezero';
import type { NDArray } from 'dezero';

np.random.seed(0); // the book does not seed: its losses differ from run to run

const maxEpoch = 100;
const batchSize = 30; // NEW: 30 sequences side by side, each starting 33 steps after the last
const hiddenSize = 100;
const bpttLength = 30;

const trainSet = new datasets.SinCurve({ train: true });
const dataloader = new SeqDataLoader(trainSet, batchSize); // NEW: batch i holds x[t + 33·j] for j < 30
const seqlen = trainSet.length;

// NEW: L.LSTM in place of L.RNN; the model is otherwise step 59's.
class BetterRNN extends Model {
  rnn: L.LSTM;
  fc: L.Linear;
  constructor(hiddenSize: number, outSize: number) {
    super();
    this.rnn = new L.LSTM(hiddenSize);
    this.fc = new L.Linear(outSize);
  }
  resetState(): void {
    this.rnn.resetState();
  }
  override forward(x: NDArray): Variable {
    return this.fc.call(this.rnn.call(x));
  }
}

const model = new BetterRNN(hiddenSize, 1);
const optimizer = new optimizers.Adam().setup(model);

const losses: number[] = [];
for (let epoch = 0; epoch < maxEpoch; epoch++) {
  model.resetState();
  let loss = new Variable(np.array(0));
  let count = 0;

  for (const [x, t] of dataloader) {
    const y = model.call(x); // x is (30, 1): one value from each of the 30 sequences
    loss = loss.add(F.meanSquaredError(y, t));
    count += 1;

    if (count % bpttLength === 0 || count === seqlen) {
      model.cleargrads();
      loss.backward();
      loss.unchainBackward();
      optimizer.update();
    }
  }

  const avgLoss = loss.data.item() / count;
  print(`| epoch ${epoch + 1} | loss ${avgLoss.toFixed(6)}`);
  losses.push(avgLoss);
  plt.cla();
  plt.plot(losses);
  plt.xlabel('epoch');
  plt.ylabel('loss');
  plt.pause(0.01);
}
plt.show();

// The cosine test of step 59, one value at a time: resetState lets the batch size change to 1.
const xs = np.cos(np.linspace(0, 4 * Math.PI, 1000));
model.resetState();
const predList: number[] = [];
noGrad(() => {
  for (const x of xs.toFlat()) {
    const y = model.call(np.array(x).reshape(1, 1));
    predList.push(y.data.item());
  }
});

const steps = Array.from({ length: xs.size }, (_, i) => i);
plt.plot(steps, xs, { label: 'y=cos(x)' });
plt.plot(steps, predList, { label: 'predict' });
plt.xlabel('x');
plt.ylabel('y');
plt.legend();
plt.show();
