import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runProgram, STEPS_DIR } from '../course/lesson-files.ts';
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

// ==== Columns: where each kind of TypeScript the lessons use shifts the generated code ====

/** Runs a program and checks its error is at the first `marker` on line `line` (1-based). */
async function assertErrorAt(source: string, line: number, marker: string, nth = 0): Promise<void> {
  const { error } = await run(source);
  const text = source.split('\n')[line - 1] ?? '';
  let column = -1;
  for (let i = 0; i <= nth; i++) column = text.indexOf(marker, column + 1);
  assert.ok(column >= 0, `${marker} is on line ${line}`);
  assert.ok(error, 'the program fails');
  assert.deepEqual(
    [error.line, error.column],
    [line, column + 1],
    `${error.name}: ${error.message}`,
  );
}

test('an error thrown after a multi-line template literal, or inside one, keeps its column', async () => {
  const template = 'const n: number = 2;\nconsole.log(`a ${n as number}\n  b ${String(n)}`, n);';
  await assertErrorAt(`${template} throw new Error('x');\n`, 3, 'new');
  await assertErrorAt(
    "import { fail } from 'dezero';\nconst n: number = 1;\nconsole.log(`a ${n}\n  b ${n + 1} ${fail()}`);\n",
    4,
    'fail',
  );
  await assertErrorAt(
    "const s: string = `x\n${'y'}`; if (s) { throw new RangeError(`${s}\n`); }\n",
    2,
    'new',
  );
});

test('an error after type annotations, generic calls, `as` casts and `!` keeps its column', async () => {
  await assertErrorAt(
    'const a: Array<number> = [1]; const b: string | null = null; const c: number = b!.length;\n',
    1,
    'length', // V8 points at the name of a failed property read
  );
  await assertErrorAt(
    "const m = new Map<string, { y: number }>(); const v: number = m.get('a')!.y;\n",
    1,
    '.y;', // after a call, V8 points at the dot
  );
  await assertErrorAt(
    'function f<T>(x: T): T { return x; }\nconst g = f<{ h?: () => number }>({}); g.h!();\n',
    2,
    'h!',
  );
  await assertErrorAt(
    'const o = {} as unknown as { p: { q: number } }; console.log((o as { p: { q: number } }).p.q);\n',
    1,
    'q)',
  );
});

test('an error inside an arrow function or a class keeps its column', async () => {
  await assertErrorAt(
    "const r = [1, 2].map((v: number): number => { if (v > 1) throw new Error('v'); return v; });\n",
    1,
    'new',
  );
  await assertErrorAt(
    "import { fail } from 'dezero';\nclass A {\n  private readonly v: number = 1;\n  w: number = (fail(), 2);\n}\nnew A();\n",
    4,
    'fail',
  );
  await assertErrorAt(
    "class B {\n  constructor(public k: number) {}\n  get twice(): number { throw new Error('k'); }\n}\nconsole.log(new B(1).twice);\n",
    3,
    'new',
  );
});

test('an error on a line that calls imported functions points at the failing call', async () => {
  await assertErrorAt(
    "import { fail, twice } from 'dezero';\ntwice(twice(1) + fail());\n",
    2,
    'fail',
  );
  await assertErrorAt(
    "import { twice } from 'dezero';\nconst o = null as unknown as { p: number };\ntwice(o.p);\n",
    3,
    'p)',
  );
  await assertErrorAt(
    "import { fail, twice } from 'dezero';\nconsole.log(twice(twice(1)), fail());\n",
    2,
    'fail',
  );
  await assertErrorAt(
    "import { fail, twice } from 'dezero';\nconst n: number = twice(1) + twice(2) + fail();\n",
    2,
    'fail',
  );
  await assertErrorAt(
    "import { twice } from 'dezero';\nconst f = twice as unknown as { call: () => void }; twice(1); f.call.x.y;\n",
    2,
    'y',
  );
});

test('an error raised through `?.` points at the program’s line, not at sucrase’s helper', async () => {
  await assertErrorAt(
    "import { fail } from 'dezero';\nconst o: { g?: () => void } = { g: fail };\nconsole.log(1); o?.g?.();\n",
    3,
    'g?.()',
  );
  await assertErrorAt(
    "import { fail } from 'dezero';\nconst h: (() => number) | null = fail;\nconst k = h?.() ?? 0;\n",
    3,
    'h?.()',
  );
});

test('a lesson’s own error is reported where the reader wrote it (step 13, one gradient short)', async () => {
  const source = readFileSync(new URL('13/main.ts', STEPS_DIR), 'utf8');
  const broken = source.replace('return [gy, gy];', 'return [gy];');
  assert.notEqual(broken, source);
  const { error } = await runProgram(broken);
  const line = error?.line ?? 0;
  assert.equal(error?.name, 'RangeError');
  assert.match(broken.split('\n')[line - 1] ?? '', /^\s*throw new RangeError\($/);
  // V8's frame is at `new`; the multi-line template literal after it once shifted the column.
  assert.equal(error?.column, (broken.split('\n')[line - 1]?.indexOf('new') ?? 0) + 1);
});

test('a message that names an imported value names it as the reader wrote it', async () => {
  const { error } = await run("import { twice } from 'dezero';\ntwice.missing();\n");
  assert.equal(error?.message, 'twice.missing is not a function');
});

test("a message names a value imported from 'dezero/simple' as the reader wrote it too", async () => {
  const error = await execute(
    "import { twice } from 'dezero';\nimport { Variable } from 'dezero/simple';\ntwice(1);\nVariable.missing();\n",
    { modules: { dezero: fakeDezero, 'dezero/simple': { Variable: {} } }, write: () => {} },
  );
  assert.deepEqual(error, {
    name: 'TypeError',
    message: 'Variable.missing is not a function',
    line: 4,
    column: 10,
  });
});

test('an error raised many frames deep in a module still finds the program line, with the browser default of 10 frames', async () => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  try {
    const deep = (n: number): number => {
      if (n === 0) throw new RangeError('too deep');
      return deep(n - 1) + 1;
    };
    const error = await execute(
      "import { deep } from 'lib';\nconst x = 1;\nconsole.log(deep(30) + x);\n",
      {
        modules: { lib: { deep } },
        write: () => {},
      },
    );
    assert.equal(error?.name, 'RangeError');
    assert.equal(error?.line, 3);
    assert.equal(Error.stackTraceLimit, 10, 'the limit is restored after the run');
  } finally {
    Error.stackTraceLimit = limit;
  }
});
