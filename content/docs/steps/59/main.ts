// A recurrent network learns a noisy sine wave, one step at a time, with truncated backpropagation.
import { F, L, Model, Variable, print, plt, np, optimizers, datasets, noGrad } from 'dezero';
import type { NDArray } from 'dezero';

np.random.seed(0); // the book does not seed: its losses differ from run to run

const maxEpoch = 100;
const hiddenSize = 100;
const bpttLength = 30; // NEW: backpropagate through at most 30 steps at a time

const trainSet = new datasets.SinCurve({ train: true }); // NEW: 999 pairs (x[t], x[t+1])
const seqlen = trainSet.length;

// NEW: an RNN layer, whose state carries over from call to call, then a Linear to one output.
class SimpleRNN extends Model {
  rnn: L.RNN;
  fc: L.Linear;
  constructor(hiddenSize: number, outSize: number) {
    super();
    this.rnn = new L.RNN(hiddenSize);
    this.fc = new L.Linear(outSize);
  }
  resetState(): void {
    this.rnn.resetState();
  }
  override forward(x: NDArray): Variable {
    const h = this.rnn.call(x);
    return this.fc.call(h);
  }
}

const model = new SimpleRNN(hiddenSize, 1);
const optimizer = new optimizers.Adam().setup(model);

const losses: number[] = [];
for (let epoch = 0; epoch < maxEpoch; epoch++) {
  model.resetState(); // NEW: each epoch reads the sequence from its start
  let loss = new Variable(np.array(0)); // the sum of every step's loss this epoch
  let count = 0;

  for (const [x, t] of trainSet) {
    const y = model.call(x.reshape(1, 1));
    loss = loss.add(F.meanSquaredError(y, t));
    count += 1;

    // NEW: every 30 steps (and at the end), backpropagate, then cut the graph behind the loss.
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
  plt.cla(); // the loss so far, redrawn after every epoch
  plt.plot(losses);
  plt.xlabel('epoch');
  plt.ylabel('loss');
  plt.pause(0.01);
}
plt.show();

// NEW: feed it a cosine it never saw, under noGrad: each output is its guess at the next value.
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
