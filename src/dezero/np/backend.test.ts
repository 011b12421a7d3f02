import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { np } from './index.ts';
import type { Backend, NDArray } from './index.ts';

/** `fn` on each backend in turn; the backend in force before is restored. */
function onEach<T>(fn: () => T): Map<Backend, T> {
  const before = np.getBackend();
  const out = new Map<Backend, T>();
  try {
    for (const backend of np.backends()) {
      np.setBackend(backend);
      out.set(backend, fn());
    }
  } finally {
    np.setBackend(before);
  }
  return out;
}

function assertSameBits(results: Map<Backend, NDArray[]>): void {
  const [js, wasm] = [results.get('js')!, results.get('wasm')!];
  assert.equal(js.length, wasm.length);
  for (let i = 0; i < js.length; i++) {
    assert.equal(wasm[i]!.dtype, js[i]!.dtype);
    assert.deepEqual(wasm[i]!.shape, js[i]!.shape);
    assert.deepEqual(wasm[i]!.toFlat(), js[i]!.toFlat(), `result ${i}`);
  }
}

test('Node 22 runs WebAssembly SIMD, and it is the default backend', () => {
  assert.deepEqual(np.backends(), ['js', 'wasm']);
  assert.equal(np.getBackend(), 'wasm');
});

test('setBackend switches and rejects what it does not know', () => {
  const before = np.getBackend();
  np.setBackend('js');
  assert.equal(np.getBackend(), 'js');
  np.setBackend('wasm');
  assert.equal(np.getBackend(), 'wasm');
  assert.throws(() => np.setBackend('gpu' as Backend), /unknown backend gpu/);
  np.setBackend(before);
});

test('matmul, dot and tensordot give the same bits on both backends: batches, views, dtypes', () => {
  np.random.seed(0);
  const cases: [NDArray, NDArray][] = [];
  for (const dtype of ['float32', 'float64'] as const) {
    const w = np.random.randn(65, 70).astype(dtype);
    cases.push(
      [np.random.randn(3, 63, 65).astype(dtype), w], // a batch against one matrix
      [np.random.randn(2, 1, 7, 65).astype(dtype), np.random.randn(3, 65, 11).astype(dtype)],
      [np.random.randn(70, 65).astype(dtype).T, np.random.randn(70, 513).astype(dtype)],
      [np.random.randn(14, 195).astype(dtype).get('::2', '1::3'), w.get(':', '::-1')],
      [np.random.randn(513).astype(dtype), np.random.randn(513, 33).astype(dtype)],
    );
  }
  const results = onEach(() =>
    cases.flatMap(([a, b]) => {
      const out = [np.matmul(a, b)];
      if (a.ndim === 2 && b.ndim === 2) out.push(np.dot(a, b), np.tensordot(a, b, 1));
      return out;
    }),
  );
  assertSameBits(results);
  // float32 products sum in float32: they are not float64 sums rounded once.
  const [a, b] = cases[0]!;
  const f32 = np.matmul(a, b).toFlat();
  const f64 = np.matmul(a.astype('float64'), b.astype('float64')).astype('float32').toFlat();
  assert.notDeepEqual(f32, f64);
});

test('mixed dtypes promote as numpy does and agree on both backends', () => {
  np.random.seed(1);
  const x = np.random.randn(40, 30).astype('float32');
  const pairs: [NDArray, NDArray][] = [
    [x, np.random.randn(30, 20)],
    [x, np.random.randn(30, 20).gt(0)],
    [
      np.random.randn(40, 30).mul(4).astype('int64'),
      np.random.randn(30, 20).mul(4).astype('int64'),
    ],
    [x.gt(0), np.random.randn(30, 20).gt(0.5)],
  ];
  const results = onEach(() => pairs.map(([a, b]) => np.matmul(a, b)));
  assert.deepEqual(
    results.get('js')!.map((r) => r.dtype),
    ['float64', 'float32', 'int64', 'bool'],
  );
  assertSameBits(results);
});

test('where the engine refuses to compile the module (a strict CSP), products fall back to js', () => {
  // A fresh Node whose WebAssembly.Module throws from the first product on (the module compiles
  // at first use), as it does on a page without 'wasm-unsafe-eval'.
  const index = new URL('./index.ts', import.meta.url).href;
  const program = `
    const { np } = await import(${JSON.stringify(index)});
    WebAssembly.Module = function () { throw new WebAssembly.CompileError('refused by CSP'); };
    const before = np.getBackend();
    const a = np.arange(600).reshape([20, 30]).astype('float32');
    const c = np.matmul(a, a.T);
    console.log(JSON.stringify([before, np.getBackend(), np.backends(), c.get(0, 1).item()]));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  let expected = 0;
  for (let p = 0; p < 30; p++) expected += p * (30 + p);
  assert.deepEqual(JSON.parse(result.stdout), ['wasm', 'js', ['js'], expected]);
});
