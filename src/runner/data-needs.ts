/**
 * Which data files a program needs, read from its source before it runs: a data set is built
 * synchronously (as in Python), so the page's worker must have fetched its files first. A program
 * that names `MNIST` gets MNIST's four files, one that names `digits-cnn.npz` gets the weights of
 * step 58's digit classifier; one that reaches them some other way (a computed name) gets the
 * reader's error, which says how to fix it.
 */
import { MNIST_FILES } from '../dezero/mnist-files.ts';

/** A set of data files the runner can load: what it is called, its files, and where the site serves them. */
export interface DataSet {
  /** What the page calls it while loading ("loading MNIST: 3.1 of 11.6 MB"). */
  label: string;
  /** Its files, by the names a program reads them by. */
  files: readonly string[];
  /** Where the site serves file `name`, under its `data/` folder: gzipped, or as it is. */
  path: (name: string) => string;
}

/** The trained weights of step 58's small CNN, committed as `public/data/models/digits-cnn.npz`. */
export const DIGITS_CNN_FILE = 'digits-cnn.npz';

/** The data sets the runner can load, each with the pattern in a program's source that asks for it. */
export const DATA_SETS: readonly (DataSet & { pattern: RegExp })[] = [
  {
    pattern: /\bMNIST\b/,
    label: 'MNIST',
    files: Object.values(MNIST_FILES),
    path: (name) => `mnist/${name}.gz`,
  },
  {
    pattern: /digits-cnn\.npz/,
    label: 'the digit CNN',
    files: [DIGITS_CNN_FILE],
    path: (name) => `models/${name}`,
  },
];

/** The data sets `code` uses, with their files. */
export function dataNeeds(code: string): DataSet[] {
  return DATA_SETS.filter(({ pattern }) => pattern.test(code));
}
