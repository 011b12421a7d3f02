// SGD and MomentumSGD on the same data, from the same starting weights.
import { F, models, optimizers, np, print, plt } from 'dezero';
import type { Optimizer } from 'dezero';

const maxIter = 10000;

// Trains a fresh MLP with the given optimizer and returns the loss of every iteration.
function train(optimizer: Optimizer): number[] {
  np.random.seed(0); // the same data and the same first weights for every optimizer
  const x = np.random.rand(100, 1);
  const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));
  const model = new models.MLP([10, 1]);
  optimizer.setup(model);

  const losses: number[] = [];
  for (let i = 0; i < maxIter; i++) {
    const loss = F.meanSquaredError(y, model.call(x));
    model.cleargrads();
    loss.backward();
    optimizer.update();
    losses.push(loss.data.item());
  }
  return losses;
}

// NEW: swapping the update rule is swapping one object; the loop stays the same.
const sgd = train(new optimizers.SGD({ lr: 0.2 }));
const momentum = train(new optimizers.MomentumSGD({ lr: 0.2, momentum: 0.9 }));

print('iteration', 'SGD', 'MomentumSGD');
for (let i = 0; i < maxIter; i += 1000) print(i, sgd[i], momentum[i]);

// Every 10th iteration is plenty for the curves.
const shown = [...Array(maxIter / 10).keys()].map((k) => k * 10);
const sgdShown = shown.map((i) => sgd[i]!);
const momentumShown = shown.map((i) => momentum[i]!);
plt.plot(shown, sgdShown, { label: 'SGD' });
plt.plot(shown, momentumShown, { label: 'MomentumSGD' });
plt.xlabel('iteration');
plt.ylabel('loss');
plt.ylim(0, 0.9);
plt.legend({ loc: 'upper right' });
plt.show();
