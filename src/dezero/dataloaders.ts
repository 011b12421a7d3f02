/**
 * `DataLoader`, as the book's `dataloaders.py`: mini-batches from a `Dataset`, one epoch per
 * `for (const [x, t] of loader)`. As DeZero's, it draws the order with `np.random.permutation`
 * when it is made and again at the end of every epoch (`reset`), so a seeded program shuffles
 * exactly as the book's does. `SeqDataLoader` walks a time series in order, many stretches at once.
 */
import type { NDArray } from './np/ndarray.ts';
import { arange } from './np/create.ts';
import { stack } from './np/shape.ts';
import { random } from './np/random.ts';
import type { Dataset } from './datasets.ts';

/** Options of `DataLoader`. */
export interface DataLoaderOptions {
  /** Draw a new order of the examples at every epoch (else keep theirs). @default true */
  shuffle?: boolean;
}

/** One mini-batch: the examples' data stacked along a new first axis, and their labels likewise. */
export type Batch = [x: NDArray, t: NDArray];

/**
 * Iterates over a data set in batches of `batchSize` (the last one may be smaller):
 * `new DataLoader(trainSet, 30)`, `new DataLoader(testSet, 30, { shuffle: false })`.
 * It is its own iterator, as in Python: an epoch ends by calling `reset()`, ready for the next.
 */
export class DataLoader implements IterableIterator<Batch> {
  dataset: Dataset;
  batchSize: number;
  shuffle: boolean;
  /** The number of examples. */
  dataSize: number;
  /** The number of batches per epoch: ⌈dataSize / batchSize⌉. */
  maxIter: number;
  /** The batches handed out so far this epoch. */
  iteration = 0;
  /** This epoch's order of the examples (int64). */
  index: NDArray;

  /** A loader over `dataset`; it draws the first order at once (as DeZero's constructor calls `reset`). */
  constructor(dataset: Dataset, batchSize: number, { shuffle = true }: DataLoaderOptions = {}) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dataSize = dataset.length;
    this.maxIter = Math.ceil(this.dataSize / batchSize);
    this.index = this.order();
  }

  /** Starts a new epoch: back to the first batch, with a new order when shuffling. */
  reset(): void {
    this.iteration = 0;
    this.index = this.order();
  }

  private order(): NDArray {
    return this.shuffle ? random.permutation(this.dataset.length) : arange(this.dataset.length);
  }

  /** The next batch, or `done` (after a `reset()`) when the epoch is over. */
  next(): IteratorResult<Batch, undefined> {
    if (this.iteration >= this.maxIter) {
      this.reset();
      return { done: true, value: undefined };
    }
    const start = this.iteration * this.batchSize;
    const batchIndex = this.index.get(`${start}:${start + this.batchSize}`).toFlat();
    const batch = Array.from(batchIndex, (i) => this.dataset.get(i));
    const x = stack(batch.map((example) => example[0]));
    const t = stack(batch.map((example) => example[1]));
    this.iteration += 1;
    return { done: false, value: [x, t] };
  }

  /** The loader itself (Python's `__iter__` returns self). */
  [Symbol.iterator](): this {
    return this;
  }
}

// ==== SeqDataLoader ====

/**
 * Batches for a time series: batch b of the k-th call holds example (b · jump + k) mod N, with
 * jump = ⌊N / batchSize⌋, so each row of the batch walks its own stretch of the sequence one step
 * per call, and row b at call k + 1 is the step after row b at call k (a recurrent layer's state
 * carries over between calls). Never shuffled: order is what a sequence is. As DeZero's
 * `SeqDataLoader`, an epoch is still ⌈N / batchSize⌉ calls.
 */
export class SeqDataLoader extends DataLoader {
  /** A loader over the time series `dataset`: `new SeqDataLoader(trainSet, 30)`. */
  constructor(dataset: Dataset, batchSize: number) {
    super(dataset, batchSize, { shuffle: false });
  }

  /** The next time step of every row, or `done` (after a `reset()`) when the epoch is over. */
  override next(): IteratorResult<Batch, undefined> {
    if (this.iteration >= this.maxIter) {
      this.reset();
      return { done: true, value: undefined };
    }
    const jump = Math.floor(this.dataSize / this.batchSize);
    const batch = Array.from({ length: this.batchSize }, (_, i) =>
      this.dataset.get((i * jump + this.iteration) % this.dataSize),
    );
    const x = stack(batch.map((example) => example[0]));
    const t = stack(batch.map((example) => example[1]));
    this.iteration += 1;
    return { done: false, value: [x, t] };
  }
}
