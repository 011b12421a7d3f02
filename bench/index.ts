/**
 * `npm run bench`: every benchmark in a fixed order, printing its figures the same way each time.
 * Speed is measured here, never in timed tests.
 */
export {};

const sections = ['./np.bench.ts', './core.bench.ts', './site.bench.ts'];

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const section of sections) {
  const module = (await import(section)) as {
    run: (print: (line: string) => void) => Promise<void>;
  };
  await module.run(console.log);
}
