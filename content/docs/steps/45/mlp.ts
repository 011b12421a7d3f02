// The same training with models.MLP: layer sizes as a list, sigmoid between the layers.
import { F, models, np, print } from 'dezero';

np.random.seed(0);
const x = np.random.rand(100, 1);
const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));

const model = new models.MLP([10, 1]); // NEW: 10 hidden units, then 1 output

for (let i = 0; i < 10000; i++) {
  const loss = F.meanSquaredError(y, model.call(x));
  model.cleargrads();
  loss.backward();
  for (const p of model.params()) p.data.isub(p.grad!.data.mul(0.2));
  if (i % 1000 === 0) print(loss);
}
