// What a Dataset hands out, how to write one, and transforms applied on the way out.
import { Dataset, datasets, transforms, np, print } from 'dezero';

// One example is a pair [x, t]: the input and its label.
const trainSet = new datasets.Spiral();
print(trainSet.length);
const [x, t] = trainSet.get(0);
print(x, t);

// NEW: a data set of our own: prepare() builds the arrays once; get(i) and length come from Dataset.
class Squares extends Dataset {
  override prepare(): void {
    this.data = np.arange(5, { dtype: 'int64' });
    this.label = this.data.mul(this.data);
  }
}
const squares = new Squares();
const [x3, t3] = squares.get(3);
print(squares.length, x3, t3);

// NEW: a transform is applied to each example's x as get() hands it out; the stored data stay as they are.
const halved = new datasets.Spiral({ transform: (x) => x.div(2) });
const [xHalf] = halved.get(0);
print(xHalf, xHalf.dtype);

// NEW: Compose chains transforms: here (x − 0) / 2, then a conversion to float64.
const composed = new datasets.Spiral({
  transform: new transforms.Compose([
    new transforms.Normalize({ mean: 0, std: 2 }),
    new transforms.AsType({ dtype: 'float64' }),
  ]),
});
const [x0, t0] = composed.get(0);
print(x0, x0.dtype, t0);
