/**
 * Which data files a program needs, read from its source before it runs: a data set is built
 * synchronously (as in Python), so the page's worker must have fetched its files first. A program
 * that names `MNIST` gets MNIST's four files; one that reaches it some other way (a computed name)
 * gets the reader's error, which says how to fix it.
 */
import { MNIST_FILES } from '../dezero/mnist-files.ts';

/** The data sets the runner can load, each with the files it reads. */
const DATA_SETS: { pattern: RegExp; label: string; files: readonly string[] }[] = [
  { pattern: /\bMNIST\b/, label: 'MNIST', files: Object.values(MNIST_FILES) },
];

/** The data sets `code` uses, by name, with their files. */
export function dataNeeds(code: string): { label: string; files: readonly string[] }[] {
  return DATA_SETS.filter(({ pattern }) => pattern.test(code));
}
