import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Parameter, Variable, models, np, optimizers } from './index.ts';
import type { DType, Optimizer } from './index.ts';
import { sgdInPlace } from './optimizers.ts';

/** Recorded by scripts/fixtures/optimizers.py from the book's own optimizers. */
interface Fixture {
  start64: number[];
  start32: number[];
  cases: Record<string, { grad64: number[]; grad32: number[]; p64: string[]; p32: string[] }[]>;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/optimizers.json', import.meta.url), 'utf8'),
) as Fixture;

const make: Record<string, () => Optimizer> = {
  SGD: () => new optimizers.SGD({ lr: 0.1 }),
  MomentumSGD: () => new optimizers.MomentumSGD({ lr: 0.1, momentum: 0.8 }),
  AdaGrad: () => new optimizers.AdaGrad({ lr: 0.05 }),
  AdaDelta: () => new optimizers.AdaDelta({ rho: 0.9 }),
  Adam: () => new optimizers.Adam({ alpha: 0.01 }),
  'SGD+WeightDecay': () => {
    const o = new optimizers.SGD({ lr: 0.1 });
    o.addHook(new optimizers.WeightDecay(0.3));
    return o;
  },
  'SGD+ClipGrad': () => {
    const o = new optimizers.SGD({ lr: 0.1 });
    o.addHook(new optimizers.ClipGrad(1.0));
    return o;
  },
};

for (const [name, steps] of Object.entries(fixture.cases)) {
  test(`${name}: three updates of a float64 and a float32 parameter equal the book's, bit for bit`, () => {
    const p64 = new Parameter(np.array(fixture.start64).reshape(2, 3));
    const p32 = new Parameter(np.array(fixture.start32, { dtype: 'float32' }));
    const optimizer = make[name]!().setup({
      *params() {
        yield p64;
        yield p32;
      },
    });
    steps.forEach((step, k) => {
      p64.grad = new Variable(np.array(step.grad64).reshape(2, 3));
      p32.grad = new Variable(np.array(step.grad32));
      optimizer.update();
      assert.deepEqual(
        [...p64.data.toFlat()].map(String),
        step.p64.map((v) => String(Number(v))),
        `p64 after update ${k + 1}`,
      );
      assert.deepEqual(
        [...p32.data.toFlat()].map(String),
        step.p32.map((v) => String(Number(v))),
        `p32 after update ${k + 1}`,
      );
      assert.equal(p32.dtype, 'float32');
    });
  });
}

test('SGD by hand: param −= lr·grad, in place (same array), only parameters that have a gradient', () => {
  const w = new Parameter(np.array([1, 2]));
  const frozen = new Parameter(np.array([5]));
  const before = w.data;
  const optimizer = new optimizers.SGD().setup({
    *params() {
      yield w;
      yield frozen;
    },
  });
  assert.equal(optimizer.lr, 0.01);
  w.grad = new Variable(np.array([10, -20]));
  optimizer.update();
  assert.equal(w.data, before);
  assert.equal(String(w.data), '[0.9 2.2]');
  assert.equal(String(frozen.data), '[5.]');
});

test('MomentumSGD by hand: v = 0.9v − lr·g, then param += v', () => {
  const w = new Parameter(np.array([1]));
  const optimizer = new optimizers.MomentumSGD({ lr: 0.5 }).setup({
    *params() {
      yield w;
    },
  });
  w.grad = new Variable(np.array([1]));
  optimizer.update(); // v = -0.5, w = 0.5
  optimizer.update(); // v = -0.45 - 0.5 = -0.95, w = -0.45
  assert.ok(Math.abs(w.data.item() - -0.45) < 1e-15);
  assert.ok(Math.abs(optimizer.vs.get(w)!.item() - -0.95) < 1e-15);
});

test('Adam: lr is alpha·√(1 − β2ᵗ)/(1 − β1ᵗ), and the first step moves each weight by about alpha', () => {
  const w = new Parameter(np.array([1, -1]));
  const optimizer = new optimizers.Adam().setup({
    *params() {
      yield w;
    },
  });
  w.grad = new Variable(np.array([3, -0.2]));
  optimizer.update();
  assert.equal(optimizer.t, 1);
  assert.ok(Math.abs(optimizer.lr - (0.001 * Math.sqrt(1 - 0.999)) / (1 - 0.9)) < 1e-18);
  assert.ok(np.allclose(w.data, np.array([0.999, -0.999]), { rtol: 1e-7, atol: 0 }));
});

test('hooks: functions and objects run before the update; FreezeParam keeps a layer as it is', () => {
  const model = new models.MLP([2, 1]);
  model.call(np.array([[1, 2]]));
  const layer0 = model.layers[0]!;
  const W0 = layer0.W.data.copy();
  const W1 = model.layers[1]!.W.data.copy();
  const seen: number[] = [];
  const optimizer = new optimizers.SGD({ lr: 1 }).setup(model);
  optimizer.addHook((params) => seen.push(params.length));
  optimizer.addHook(new optimizers.FreezeParam(layer0));
  model.cleargrads();
  model
    .call(np.array([[1, 2]]))
    .sum()
    .backward();
  optimizer.update();
  assert.deepEqual(seen, [4]);
  assert.ok(np.allclose(layer0.W.data, W0) && !np.allclose(model.layers[1]!.W.data, W1));
});

test('update before setup says so', () => {
  assert.throws(() => new optimizers.SGD().update(), /SGD\.update before setup/);
});

test('SGD in one pass gives the bits of W -= lr * grad in two', () => {
  const shapes: [DType, DType][] = [
    ['float32', 'float32'],
    ['float32', 'float64'],
    ['float64', 'float64'],
    ['float64', 'float32'],
  ];
  for (const [wType, gType] of shapes) {
    np.random.seed(3);
    const w = np.random.randn(7, 65).astype(wType);
    const g = np.random.randn(7, 65).astype(gType);
    const twoPass = w.copy();
    twoPass.isub(g.mul(0.01));
    const fused = w.copy();
    assert.ok(sgdInPlace(fused, g, 0.01), `${wType} -= ${gType}`);
    assert.deepEqual([...fused.toFlat()], [...twoPass.toFlat()], `${wType} -= ${gType}`);
  }
  assert.equal(sgdInPlace(np.zeros([2, 3]), np.zeros([3, 2]), 0.1), false);
  assert.equal(sgdInPlace(np.zeros([2, 3]).T, np.zeros([3, 2]), 0.1), false);
});

test('SGD on the WebAssembly backend gives the bits of the plain JS loop', () => {
  if (!np.backends().includes('wasm')) return;
  const before = np.getBackend();
  try {
    for (const dtype of ['float32', 'float64'] as const) {
      for (const n of [4096, 4097, 4099, 4103, 10_001, 785_000]) {
        np.random.seed(n);
        // Rows 1 on: the operands start past their storage's first element.
        const w = np.random
          .randn(n + 1)
          .astype(dtype)
          .get('1:');
        const g = np.random
          .randn(n + 3)
          .astype(dtype)
          .get('3:');
        const [js, wasm] = [w.copy(), w.copy()];
        np.setBackend('js');
        assert.ok(sgdInPlace(js, g, 0.01));
        np.setBackend('wasm');
        assert.ok(sgdInPlace(wasm, g, 0.01));
        assert.deepEqual(wasm.toFlat(), js.toFlat(), `${dtype} n=${n}`);
      }
    }
  } finally {
    np.setBackend(before);
  }
});
