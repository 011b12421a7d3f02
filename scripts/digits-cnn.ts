/**
 * The small CNN of lesson 58 (content/docs/steps/58/classify.ts), for the script that trains its
 * shipped weights (`train-digits-cnn.ts`) and the bench that times one of its steps
 * (`bench/cnn.bench.ts`): two 3×3 convolutions, each halved by pooling, then one Linear.
 */
import { F, L, models, transforms } from '../src/dezero/index.ts';
import type { NDArray, Variable } from '../src/dezero/index.ts';

export class DigitsCNN extends models.Model {
  conv1 = new L.Conv2d(8, 3, { pad: 1 });
  conv2 = new L.Conv2d(16, 3, { pad: 1 });
  fc = new L.Linear(10);

  override forward(x: Variable | NDArray): Variable {
    let h = F.pooling(F.relu(this.conv1.call(x)), 2, { stride: 2 });
    h = F.pooling(F.relu(this.conv2.call(h)), 2, { stride: 2 });
    return this.fc.call(F.reshape(h, [h.shape[0]!, -1]));
  }
}

/** Images as (1, 28, 28) float32 in [0, 1]: MNIST's default transform without its Flatten. */
export function digitsTransform(): transforms.Compose {
  return new transforms.Compose([
    new transforms.ToFloat(),
    new transforms.Normalize({ mean: 0, std: 255 }),
  ]);
}
