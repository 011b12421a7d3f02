// A model can draw the graph it builds: here a larger TwoLayerNet on a batch of 5 random inputs.
import { Model, Variable, F, L, np, print } from 'dezero';
import type { NDArray } from 'dezero';

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

np.random.seed(0);
const x = new Variable(np.random.randn(5, 10), 'x'); // 5 samples, 10 features each
const model = new TwoLayerNet(100, 10);
model.plot(x); // NEW: runs forward(x) and draws the graph, with shapes and dtypes

// The weights exist now (forward ran inside plot); params() reaches into both layers.
for (const p of model.params()) print(p.name, p.shape, p.dtype);
