// The same network as a Model: one object that holds both layers and says how to combine them.
import { Model, F, L, np, print } from 'dezero';
import type { NDArray, Variable } from 'dezero';

np.random.seed(0);
const x = np.random.rand(100, 1);
const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));

// NEW: a Model is a Layer; its layers are properties, its computation is forward.
class TwoLayerNet extends Model {
  l1: L.Linear;
  l2: L.Linear;

  constructor(hiddenSize: number, outSize: number) {
    super();
    this.l1 = new L.Linear(hiddenSize);
    this.l2 = new L.Linear(outSize);
  }

  override forward(x: Variable | NDArray): Variable {
    const h = F.sigmoid(this.l1.call(x));
    return this.l2.call(h);
  }
}

const lr = 0.2;
const maxIter = 10000;
const hiddenSize = 10;

const model = new TwoLayerNet(hiddenSize, 1);

for (let i = 0; i < maxIter; i++) {
  const yPred = model.call(x); // NEW: the whole network in one call
  const loss = F.meanSquaredError(y, yPred);

  model.cleargrads(); // NEW: the parameters of both layers
  loss.backward();

  for (const p of model.params()) p.data.isub(p.grad!.data.mul(lr));

  if (i % 1000 === 0) print(loss);
}
