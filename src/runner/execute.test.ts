import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execute } from './execute.ts';
import type { RunError } from './execute.ts';

const fakeDezero = {
  twice: (x: number) => x * 2,
  fail: () => {
    throw new RangeError('inside dezero');
  },
};

async function run(source: string): Promise<{ output: string; error: RunError | null }> {
  let output = '';
  const error = await execute(source, {
    modules: { dezero: fakeDezero },
    write: (text) => (output += text),
  });
  return { output, error };
}

test('runs TypeScript, imports dezero and captures console output', async () => {
  const { output, error } = await run(
    "import { twice } from 'dezero';\nconst n: number = twice(21);\nconsole.log('n =', n);\nconsole.error([1, 'a'], { k: 2 });\n",
  );
  assert.equal(error, null);
  assert.equal(output, 'n = 42\n[1, "a"] { k: 2 }\n');
});

test('does not touch the global console', async () => {
  const original = console.log;
  await run("console.log('quiet');");
  assert.equal(console.log, original);
});

test('supports top-level await', async () => {
  const { output, error } = await run('const v = await Promise.resolve(7);\nconsole.log(v);\n');
  assert.equal(error, null);
  assert.equal(output, '7\n');
});

test('an unknown module is a clear error at the import line', async () => {
  const { error } = await run("const a = 1;\nimport { x } from 'foo';\nconsole.log(x);\n");
  assert.equal(error?.name, 'Error');
  assert.equal(error?.message, "Cannot find module 'foo': programs can import 'dezero'");
});

test('a thrown error points at its line and column in the TypeScript source', async () => {
  const { output, error } = await run(
    "import { twice } from 'dezero';\nconsole.log(twice(1));\nconst s: string = 'x';  throw new TypeError('bad ' + s);\n",
  );
  assert.equal(output, '2\n');
  assert.deepEqual(error, { name: 'TypeError', message: 'bad x', line: 3, column: 31 });
});

test('an error raised inside dezero points at the calling line of the program', async () => {
  const { error } = await run("import { fail, twice } from 'dezero';\n\ntwice(2); fail();\n");
  assert.deepEqual(error, { name: 'RangeError', message: 'inside dezero', line: 3, column: 11 });
});

test('a reference error after an awaited line keeps its position', async () => {
  const { error } = await run('await null;\nconst y = 1;\n  console.log(y + missing);\n');
  assert.equal(error?.name, 'ReferenceError');
  assert.equal(error?.line, 3);
  assert.equal(error?.column, 19);
});

test('a syntax error is reported with its position and nothing runs', async () => {
  const { output, error } = await run("console.log('never');\nlet = 3;\n");
  assert.equal(output, '');
  assert.equal(error?.name, 'SyntaxError');
  assert.equal(error?.line, 2);
});

test('a thrown non-Error value is reported without a position', async () => {
  const { error } = await run("throw 'plain';");
  assert.deepEqual(error, { name: 'Uncaught', message: 'plain', line: null, column: null });
});

test('values with their own toString print through it', async () => {
  const { output } = await run(
    "class A { toString() { return 'array([1.])'; } }\nconsole.log(new A());\n",
  );
  assert.equal(output, 'array([1.])\n');
});

test('the run waits for the timers the program started, and their output is kept', async () => {
  const { output, error } = await run(
    "console.log('a');\nsetTimeout(() => console.log('late'), 30);\nconst id = setInterval(() => {}, 5);\nsetTimeout(() => clearInterval(id), 40);\n",
  );
  assert.equal(error, null);
  assert.equal(output, 'a\nlate\n');
});

test('an error thrown inside a timer ends the run and points at its line', async () => {
  const { output, error } = await run(
    "console.log('a');\nsetTimeout(() => {\n  throw new RangeError('late');\n}, 10);\nsetTimeout(() => console.log('never'), 500);\n",
  );
  assert.equal(output, 'a\n');
  assert.deepEqual(error, { name: 'RangeError', message: 'late', line: 3, column: 9 });
});

test('a timer error ends the run even while the main code still awaits', async () => {
  const { error } = await run(
    "setTimeout(() => { throw new Error('t'); }, 5);\nawait new Promise(() => {});\n",
  );
  assert.equal(error?.message, 't');
  assert.equal(error?.line, 1);
});

test('a promise rejected and never handled is the run’s error, at its line', async () => {
  // node:test fails a test on any unhandled rejection; here the runner is the one to handle it.
  const testRunnerListeners = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(
      "console.log('a');\nPromise.reject(new TypeError('nope'));\nconsole.log('b');\n",
    );
  } finally {
    for (const listener of testRunnerListeners) process.on('unhandledRejection', listener);
  }
  const { output, error } = result;
  assert.equal(output, 'a\nb\n');
  assert.deepEqual(error, { name: 'TypeError', message: 'nope', line: 2, column: 16 });
});

test('a rejection handled later in the same turn is not an error', async () => {
  const { error } = await run("const p = Promise.reject(new Error('x'));\np.catch(() => {});\n");
  assert.equal(error, null);
});
