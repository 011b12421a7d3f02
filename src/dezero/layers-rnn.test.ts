import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Dataset, F, L, Parameter, Variable, datasets, np } from './index.ts';
import type { NDArray } from './index.ts';
import { SeqDataLoader } from './dataloaders.ts';
import { gradientChecks, randomArray, seededRandom } from './gradient-check.ts';

/** What the book's classes do (scripts/fixtures/recurrent.py, numpy 1.24): every value a repr. */
interface SinCurveFixture {
  length: number;
  first: string[][];
  last: string[];
  dataSum: string;
  labelSum: string;
}
interface Fixture {
  sinCurveTrain: SinCurveFixture;
  sinCurveTest: SinCurveFixture;
  seqLoader: string[][][][];
  rnn: string[][];
  lstm: string[][];
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/recurrent.json', import.meta.url), 'utf8'),
) as Fixture;

const values = (a: NDArray): number[] => Array.from(a.toFlat());
const parse = (reprs: string[]): number[] => reprs.map(Number);

// ==== unchain / unchainBackward ====

test('unchain cuts one variable from its creator: backward stops there', () => {
  const x = new Variable(np.array(2));
  const a = x.mul(3);
  const y = a.mul(a);
  a.unchain();
  y.backward();
  assert.equal(a.creator, null);
  assert.equal(x.grad, null); // nothing flowed past a
});

test('unchainBackward cuts every variable behind it, keeps its own creator, and walks deep graphs', () => {
  const x = new Variable(np.array(0.5));
  let h = x;
  for (let i = 0; i < 20000; i++) h = F.tanh(h).add(0); // deep enough to overflow a recursive walk
  const loss = h.mul(2);
  loss.unchainBackward();
  assert.notEqual(loss.creator, null);
  assert.equal(h.creator, null);
  // The graph behind h is gone: a backward from a later variable reaches h, not x.
  const later = loss.add(h);
  later.backward({ retainGrad: true });
  assert.equal(h.grad!.data.item(), 3); // 2 through loss, 1 directly
  assert.equal(x.grad, null);
});

test('truncated backprop: after unchainBackward, the next backward reaches only the new steps', () => {
  const w = new Parameter(np.array(1.5), 'w');
  let h = new Variable(np.array(0.3));
  let loss = h.mul(w);
  for (let t = 0; t < 3; t++) h = h.mul(w); // three steps before the cut
  loss = loss.add(h);
  loss.backward();
  const before = w.grad!.data.item();
  // d/dw (0.3 w + 0.3 w³) = 0.3 + 0.9 w²
  assert.ok(Math.abs(before - (0.3 + 0.9 * 1.5 ** 2)) < 1e-12);
  loss.unchainBackward();
  w.cleargrad();
  h = h.mul(w); // one step after the cut: h is now a constant times w
  loss = loss.add(h);
  loss.backward();
  // Only the new step counts: d/dw (h_cut · w) = h_cut = 0.3 w³.
  assert.ok(Math.abs(w.grad!.data.item() - 0.3 * 1.5 ** 3) < 1e-12);
});

test('unchainBackward on a variable without a creator does nothing', () => {
  const x = new Variable(np.array(1));
  x.unchainBackward();
  assert.equal(x.creator, null);
});

// ==== SinCurve ====

for (const [split, train] of [
  ['sinCurveTrain', true],
  ['sinCurveTest', false],
] as const) {
  test(`SinCurve({ train: ${train} }) after np.random.seed(0) holds DeZero's pairs, float64 (1,)`, () => {
    const want = fixture[split];
    np.random.seed(0);
    const ds = new datasets.SinCurve({ train });
    assert.equal(ds.length, want.length);
    for (let i = 0; i < want.first.length; i++) {
      const [x, t] = ds.get(i);
      assert.deepEqual([x.shape, x.dtype, t.shape], [[1], 'float64', [1]]);
      assert.deepEqual([...values(x), ...values(t)], parse(want.first[i]!));
    }
    const [x, t] = ds.get(ds.length - 1);
    assert.deepEqual([...values(x), ...values(t)], parse(want.last));
    // Every pair: the label of example i is the data of example i + 1.
    assert.deepEqual(values(ds.data!.get('1:')), values(ds.label!.get(':-1')));
    assert.ok(Math.abs(ds.data!.sum().item() - Number(want.dataSum)) < 1e-12);
    assert.ok(Math.abs(ds.label!.sum().item() - Number(want.labelSum)) < 1e-12);
  });
}

test("a Dataset iterates over its examples in order, as Python's for x, t in dataset", () => {
  np.random.seed(0);
  const ds = new datasets.SinCurve();
  let n = 0;
  for (const [x, t] of ds) {
    assert.deepEqual([values(x), values(t)], [values(ds.get(n)[0]), values(ds.get(n)[1])]);
    n += 1;
  }
  assert.equal(n, 999);
});

// ==== SeqDataLoader ====

class Counting extends Dataset {
  override prepare(): void {
    this.data = np.arange(10).reshape(10, 1);
    this.label = np.arange(10).mul(10);
  }
}

test("SeqDataLoader yields DeZero's batches: rows jump ⌊N/B⌋ apart and step by one, two epochs alike", () => {
  const loader = new SeqDataLoader(new Counting(), 3);
  for (const epoch of fixture.seqLoader) {
    const got = [...loader].map(([x, t]) => [values(x), values(t)]);
    assert.deepEqual(
      got,
      epoch.map(([x, t]) => [parse(x!), parse(t!)]),
    );
  }
  const [x, t] = loader.next().value!;
  assert.deepEqual([x.shape, t.shape], [[3, 1], [3]]);
});

// ==== RNN and LSTM: DeZero's values, and gradient checks ====

test("RNN(3) and LSTM(3) after np.random.seed(0): DeZero's outputs over four steps (weights drawn in its order)", () => {
  const xs = [
    [0.5, -1.0],
    [0.25, 2.0],
    [-0.75, 0.1],
    [1.5, -0.3],
  ];
  for (const [name, make, want] of [
    ['RNN', () => new L.RNN(3), fixture.rnn],
    ['LSTM', () => new L.LSTM(3), fixture.lstm],
  ] as const) {
    np.random.seed(0);
    const layer = make();
    const got = xs.map((x) => values(layer.call(np.array(x).reshape(2, 1)).data));
    assert.deepEqual(got, want.map(parse), name);
  }
});

test('resetState starts a new sequence: the same input gives the first output again', () => {
  for (const layer of [new L.RNN(4, { inSize: 2 }), new L.LSTM(4, { inSize: 2 })]) {
    const x = np.random.randn(3, 2);
    const first = values(layer.call(x).data);
    const second = values(layer.call(x).data);
    assert.notDeepEqual(second, first);
    layer.resetState();
    assert.deepEqual(values(layer.call(x).data), first);
  }
});

test('RNN with inSize makes every weight at once: x2h (I, H) with a bias, h2h (H, H) without', () => {
  const rnn = new L.RNN(5, { inSize: 2 });
  assert.deepEqual(rnn.x2h.W.shape, [2, 5]);
  assert.deepEqual(rnn.h2h.W.shape, [5, 5]);
  assert.equal(rnn.h2h.b, null);
  assert.equal([...rnn.params()].length, 3);
  assert.equal([...new L.LSTM(5, { inSize: 2 }).params()].length, 12);
});

/** The checks with each input wrapped as a Parameter, so it can stand in for a layer's weight. */
const checks = gradientChecks((data) => new Parameter(data));
const rand = seededRandom(59);

/** Gives every parameter of `layer` float64 values, so the check's central differences are exact enough. */
function float64Params(layer: L.Layer): void {
  for (const p of layer.params()) p.data = randomArray(rand, p.shape, -0.8, 0.8);
}

/** Runs `layer` over the T steps of xs (T, N, I), from a fresh state; the sum of all its states. */
function unroll(layer: L.RNN | L.LSTM, xs: Variable): Variable {
  layer.resetState();
  let total: Variable | null = null;
  for (let t = 0; t < xs.shape[0]!; t++) {
    const h = layer.call(xs.getItem(t));
    total = total === null ? h : total.add(h);
  }
  return total!;
}

for (const [name, make] of [
  ['RNN', (I: number, H: number) => new L.RNN(H, { inSize: I })],
  ['LSTM', (I: number, H: number) => new L.LSTM(H, { inSize: I })],
] as const) {
  for (const [T, N, I, H] of [
    [3, 2, 3, 4],
    [4, 1, 2, 3],
  ] as const) {
    test(`${name} gradient check over ${T} steps, batch ${N}, ${I} → ${H} (float64): inputs and every weight`, () => {
      const layer = make(I, H);
      float64Params(layer);
      const xs = randomArray(rand, [T, N, I]);
      checks.assertGradient(`${name} d/dxs`, (x) => unroll(layer, x), xs);
      const owners = Object.entries(layer).filter(
        (entry): entry is [string, L.Linear] => entry[1] instanceof L.Linear,
      );
      for (const [key, linear] of owners) {
        for (const which of ['W', 'b'] as const) {
          const param = linear[which];
          if (param === null) continue;
          checks.assertGradient(
            `${name} d/d${key}.${which}`,
            (p) => {
              linear[which] = p;
              return unroll(layer, new Variable(xs));
            },
            param.data,
          );
          linear[which] = param;
        }
      }
    });
  }
}
