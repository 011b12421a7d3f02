/**
 * `datasets`, as the book's `datasets.py`: `Dataset`, the base class that builds its arrays once
 * (`prepare`) and hands out one example at a time (`get(i)`, Python's `dataset[i]`), and the spiral
 * toy data (`getSpiral`, `Spiral`), the sine curve of steps 59–60 (`SinCurve`), and MNIST's handwritten digits (`MNIST`). Python's keyword
 * arguments are one options object: `new datasets.Spiral({ train: false })`.
 */
import type { NDArray } from './np/ndarray.ts';
import { fromFlat } from './np/ndarray.ts';
import { random } from './np/random.ts';
import { sin, cos } from './np/elementwise.ts';
import { Compose, Flatten, Normalize, ToFloat, applyTransform } from './transforms.ts';
import type { Transform } from './transforms.ts';
import { readDataFile } from './data-files.ts';
import { parseIdx } from './idx.ts';
import { MNIST_FILES } from './mnist-files.ts';
import { linspace, zeros } from './np/create.ts';
import { plt } from './plt.ts';

export { MNIST_FILES };

/** Options of `Dataset` and its subclasses. */
export interface DatasetOptions {
  /** The training split (else the test split). @default true */
  train?: boolean;
  /** Applied to each example's data as `get` hands it out. @default the identity */
  transform?: Transform | null;
  /** Applied to each example's label. @default the identity */
  targetTransform?: Transform | null;
}

const identity = (x: NDArray): NDArray => x;

// ==== Dataset ====

/**
 * The base class of data sets: `prepare()` (called once, by the constructor) sets `data` and
 * `label`; `get(i)` is example i as `[x, t]`, transformed, and `length` their number. `T` is the
 * label's type: a data set without labels (`label` null) is a `Dataset<null>` and gives t = null.
 * NOTE: a subclass that declares its own fields must not give them initial values that `prepare`
 * sets, since JavaScript assigns a subclass's field initializers after the base constructor ran.
 */
export class Dataset<T extends NDArray | null = NDArray> {
  /** Which split to build. */
  train: boolean;
  /** Applied to each example's data. */
  transform: Transform;
  /** Applied to each example's label. */
  targetTransform: Transform;
  /** The examples, one per entry of the first axis; set by `prepare`. */
  data: NDArray | null = null;
  /** Their labels, or null for a data set without labels; set by `prepare`. */
  label: NDArray | null = null;

  /** Builds the arrays (`prepare`) with the given split and transforms. */
  constructor({ train = true, transform = null, targetTransform = null }: DatasetOptions = {}) {
    this.train = train;
    this.transform = transform ?? identity;
    this.targetTransform = targetTransform ?? identity;
    this.prepare();
  }

  /** Example `index` as `[x, t]` (Python's `dataset[index]`): x = transform(data[index]), t = targetTransform(label[index]). */
  get(index: number): [x: NDArray, t: T] {
    if (typeof index !== 'number' || !Number.isInteger(index))
      throw new TypeError(`a Dataset index must be an integer, got ${String(index)}`);
    const x = applyTransform(this.transform, this.examples().get(index));
    const t =
      this.label === null ? null : applyTransform(this.targetTransform, this.label.get(index));
    return [x, t as T];
  }

  /** The number of examples (Python's `len(dataset)`). */
  get length(): number {
    return this.examples().shape[0]!;
  }

  /** The examples in order, each as `get` gives it (Python's `for x, t in dataset`). */
  *[Symbol.iterator](): Generator<[x: NDArray, t: T]> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** Sets `data` and `label`; subclasses override it. */
  prepare(): void {}

  private examples(): NDArray {
    if (this.data === null)
      throw new Error(`${this.constructor.name} has no data: prepare() set none`);
    return this.data;
  }
}

// ==== Toy data sets: spiral ====

/** Options of `getSpiral`. */
export interface SpiralOptions {
  /** The training set (seed 1984), else the test set (seed 2020). @default true */
  train?: boolean;
}

/**
 * The book's spiral: 3 classes of 100 points in 2-D, `[x, t]` with x float32 (300, 2) and t int64
 * (300), shuffled. NOTE: as DeZero's, it re-seeds numpy's global random state (1984 for train, 2020
 * for test), so whatever draws numbers after it (a model's weights, a shuffle) is reproducible.
 */
export function getSpiral({ train = true }: SpiralOptions = {}): [x: NDArray, t: NDArray] {
  random.seed(train ? 1984 : 2020);
  const numData = 100;
  const numClass = 3;
  const inputDim = 2;
  const size = numClass * numData;
  const x = new Float32Array(size * inputDim);
  const t = new Float64Array(size);
  for (let j = 0; j < numClass; j++) {
    for (let i = 0; i < numData; i++) {
      const rate = i / numData;
      const radius = 1.0 * rate;
      const theta = j * 4.0 + 4.0 * rate + random.randn() * 0.2;
      const ix = numData * j + i;
      x[ix * inputDim] = radius * sin(theta).item();
      x[ix * inputDim + 1] = radius * cos(theta).item();
      t[ix] = j;
    }
  }
  const indices = random.permutation(size);
  return [
    fromFlat(x, [size, inputDim], 'float32').get(indices),
    fromFlat(t, [size], 'int64').get(indices),
  ];
}

/** The spiral as a Dataset: `new datasets.Spiral()` (train) or `new datasets.Spiral({ train: false })`. */
export class Spiral extends Dataset {
  /** The arrays of `getSpiral` for this split. */
  override prepare(): void {
    [this.data, this.label] = getSpiral({ train: this.train });
  }
}

// ==== Toy data sets: sine curve ====

/**
 * A time series for steps 59–60: 1000 points of one period, at `linspace(0, 2π, 1000)`; the training
 * set is sin plus noise uniform in [−0.05, 0.05), the test set cos. Example t is the value at
 * step t, its label the value at step t + 1 (999 pairs, each (1,) float64): predict the next value.
 * NOTE: as DeZero's, the test set draws the noise too and does not use it, so both splits take
 * the same 1000 numbers from `np.random`.
 */
export class SinCurve extends Dataset {
  /** The curve for this split, cut into (value, next value) pairs. */
  override prepare(): void {
    const numData = 1000;
    const x = linspace(0, 2 * Math.PI, numData);
    const noise = random.uniform(-0.05, 0.05, x.shape);
    const y = this.train ? sin(x).add(noise) : cos(x);
    this.data = y.get(':-1').get(':', null);
    this.label = y.get('1:').get(':', null);
  }
}

// ==== MNIST ====

/** Options of `MNIST.show`. */
export interface MNISTShowOptions {
  /** Rows of digits. @default 10 */
  row?: number;
  /** Digits per row. @default 10 */
  col?: number;
}

/**
 * MNIST: 60,000 training and 10,000 test images of handwritten digits, 28x28 pixels of uint8
 * (0 to 255) in `data` as (N, 1, 28, 28), their digits 0-9 (uint8) in `label`. As DeZero's, its
 * default transform hands out an image as 784 float32 values in [0, 1] (`Flatten`, `ToFloat`,
 * `Normalize({ mean: 0, std: 255 })`); pass `transform: null` for the raw pixels.
 */
export class MNIST extends Dataset {
  /** The split's images and labels, read from the IDX files. */
  constructor(options: DatasetOptions = {}) {
    super({
      ...options,
      transform:
        options.transform === undefined
          ? new Compose([new Flatten(), new ToFloat(), new Normalize({ mean: 0, std: 255 })])
          : options.transform,
    });
  }

  /** Reads the split's two files; the images become (N, 1, 28, 28). */
  override prepare(): void {
    const images = this.train ? MNIST_FILES.trainImages : MNIST_FILES.testImages;
    const labels = this.train ? MNIST_FILES.trainLabels : MNIST_FILES.testLabels;
    const data = parseIdx(readDataFile(images), images);
    const label = parseIdx(readDataFile(labels), labels);
    if (data.ndim !== 3 || label.ndim !== 1 || data.shape[0] !== label.shape[0])
      throw new Error(
        `${images} and ${labels} do not match: ${data.shape.join('x')} images, ${label.shape.join('x')} labels`,
      );
    this.data = data.reshape(-1, 1, data.shape[1]!, data.shape[2]!);
    this.label = label;
  }

  /** Draws row x col digits picked at random (with `np.random`, as DeZero's does) as one grey image. */
  show({ row = 10, col = 10 }: MNISTShowOptions = {}): void {
    const [H, W] = [28, 28];
    const img = zeros([H * row, W * col]);
    const data = this.data!;
    for (let r = 0; r < row; r++) {
      for (let c = 0; c < col; c++) {
        const pick = random.randint(0, data.shape[0]! - 1) as number;
        img.set(
          [`${r * H}:${(r + 1) * H}`, `${c * W}:${(c + 1) * W}`],
          data.get(pick).reshape(H, W),
        );
      }
    }
    plt.imshow(img, { cmap: 'gray' });
    plt.axis('off');
    plt.show();
  }

  /** The class names: digit d is called 'd'. */
  static labels(): Record<number, string> {
    return Object.fromEntries(Array.from({ length: 10 }, (_, d) => [d, String(d)]));
  }
}
