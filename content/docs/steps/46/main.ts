// Step 45's MLP on the sine data, now updated by an optimizer object.
import { F, models, optimizers, np, print } from 'dezero';

np.random.seed(0);
const x = np.random.rand(100, 1);
const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));

const lr = 0.2;
const maxIter = 10000;
const hiddenSize = 10;

const model = new models.MLP([hiddenSize, 1]);
// NEW: the update rule is an object; setup tells it which model's parameters to change.
const optimizer = new optimizers.SGD({ lr }).setup(model);

for (let i = 0; i < maxIter; i++) {
  const yPred = model.call(x);
  const loss = F.meanSquaredError(y, yPred);

  model.cleargrads();
  loss.backward();

  // NEW: one call updates every parameter that has a gradient.
  optimizer.update();

  if (i % 1000 === 0) print(loss);
}
