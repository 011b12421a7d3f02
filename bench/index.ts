/**
 * `npm run bench`: every benchmark in a fixed order, printing its figures the same way each time.
 * Speed is measured here, never in timed tests.
 *
 * Environment: DEZERO_PYTHON=/path/to/dezero-python (the folder holding the book's `dezero`
 * package, e.g. /work/shared/reference/dezero-python) puts Python DeZero's figures beside ours:
 * the Goldstein-Price gradient (bench/core.bench.ts), step 48's training (bench/train.bench.ts),
 * one MNIST epoch of step 51 (bench/mnist.bench.ts) and one training step of step 58's CNN
 * (bench/cnn.bench.ts); without it, or without python3 and numpy, those columns are n/a. The
 * site parts (site, worker) need `npm run build` first.
 */
export {};

const sections = [
  './np.bench.ts',
  './core.bench.ts',
  './train.bench.ts',
  './mnist.bench.ts',
  './cnn.bench.ts',
  './site.bench.ts',
  './worker.bench.ts',
];

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const section of sections) {
  const module = (await import(section)) as {
    run: (print: (line: string) => void) => Promise<void>;
  };
  await module.run(console.log);
}
