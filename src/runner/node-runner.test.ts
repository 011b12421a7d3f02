import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInFreshRealm } from './node-runner.ts';

test('a global set by one run is gone in the next', async () => {
  await runInFreshRealm('(globalThis as any).leak = 41;');
  const { stdout } = await runInFreshRealm('console.log(String((globalThis as any).leak));');
  assert.equal(stdout, 'undefined\n');
});

test('Config and np.random start fresh in every run', async () => {
  await runInFreshRealm(
    "import { Config, np } from 'dezero';\n(Config as any).enableBackprop = false;\nnp.random.seed(0);\n",
  );
  const { stdout, error } = await runInFreshRealm(
    "import { Config, Variable, np, print } from 'dezero';\nprint(Config.enableBackprop);\nconst x = new Variable(np.array(3));\nx.mul(x).backward();\nprint(x.grad);\nprint(np.random.rand() === 0.7151893663724195);\n",
  );
  assert.equal(error, null);
  assert.equal(stdout, 'true\nvariable(6.0)\nfalse\n');
});

test("programs import the simple core as 'dezero/simple', with gradients as bare arrays", async () => {
  const { stdout, error } = await runInFreshRealm(
    "import { Variable, np, print } from 'dezero/simple';\nconst x = new Variable(np.array(3));\nx.mul(x).backward();\nprint(x.grad);\n",
  );
  assert.equal(error, null);
  assert.equal(stdout, '6.0\n');
});

test('prints, figures and the error come back in order', async () => {
  const { stdout, rich, error } = await runInFreshRealm(
    "import { Variable, np, print, utils } from 'dezero';\nprint('a');\nutils.plotDotGraph(new Variable(np.array(1), 'x').mul(2));\nthrow new RangeError('b');\n",
  );
  assert.equal(stdout, 'a\n');
  assert.deepEqual(
    rich.map((item) => item.kind),
    ['dot'],
  );
  assert.deepEqual(error, { name: 'RangeError', message: 'b', line: 4, column: 7 });
});

test('a program that breaks the runner’s built-ins gets a message that says so', async () => {
  const { error } = await runInFreshRealm(
    "(Array.prototype as any).map = null;\nthrow new Error('x');\n",
  );
  assert.equal(error?.name, 'RunnerError');
  assert.match(error?.message ?? '', /changed a built-in that the runner itself uses/);
});

test('a program that exits the worker, or loops forever, ends with a message', async () => {
  const exited = await runInFreshRealm('process.exit(3);');
  assert.match(exited.error?.message ?? '', /stopped unexpectedly \(exit code 3\)/);
  const looped = await runInFreshRealm('while (true) {}', { timeLimitMs: 300 });
  assert.equal(looped.error?.name, 'Timeout');
});

test('a live figure is one figure in the record, in its last state, even when the run fails', async () => {
  const { stdout, rich, error } = await runInFreshRealm(
    "import { plt, print } from 'dezero';\nconst ys: number[] = [];\nfor (let i = 0; i < 500; i++) {\n  ys.push(i);\n  plt.cla();\n  plt.plot(ys);\n  plt.pause(0.01);\n}\nprint('trained');\nthrow new Error('after');\n",
  );
  assert.equal(stdout, 'trained\n');
  assert.equal(error?.message, 'after');
  assert.equal(rich.length, 1);
  const [item] = rich;
  assert.ok(item?.kind === 'plot');
  assert.deepEqual(item.live, { id: 1, final: true });
  const line = item.figure.axes[0]?.series[0];
  assert.ok(line?.type === 'line' && line.y.length === 500);
});

test('each live figure counts against the figure limit once', async () => {
  const draws = (figures: number): string =>
    `import { plt } from 'dezero';\nfor (let i = 0; i < ${figures}; i++) {\n  plt.figure();\n  for (let k = 0; k < 3; k++) { plt.plot([k]); plt.pause(0); }\n}\n`;
  const within = await runInFreshRealm(draws(100));
  assert.equal(within.error, null);
  assert.equal(within.rich.length, 100);
  const over = await runInFreshRealm(draws(101));
  assert.equal(over.error?.name, 'OutputLimit');
});
