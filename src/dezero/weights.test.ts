// saveWeights / loadWeights: parameters by their path through nested layers, into numpy's .npz, so
// that weights saved by the book's Python DeZero load here (scripts/fixtures/npz.py) and ours
// load back into a fresh model; a file of another model says what does not fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { np, models, L, Parameter } from './index.ts';
import type { NDArray, DType } from './index.ts';
import { fromFlat } from './np/ndarray.ts';
import { mapFileStore, setFileStore } from './file-store.ts';

const FIXTURES = new URL('./np/fixtures/npz/', import.meta.url);

interface Listed {
  dtype: DType;
  shape: number[];
  values: number[];
}
const { mlp } = JSON.parse(readFileSync(new URL('values.json', FIXTURES), 'utf8')) as {
  mlp: { x: Listed; y: Listed };
};
const arrayOf = ({ values, shape, dtype }: Listed): NDArray => fromFlat(values, shape, dtype);

/** Runs `body` with a fresh in-memory file store holding `files`. */
function withFiles(
  files: Record<string, Uint8Array>,
  body: (store: Map<string, Uint8Array>) => void,
): void {
  const store = new Map(Object.entries(files));
  const previous = setFileStore(mapFileStore(store));
  try {
    body(store);
  } finally {
    setFileStore(previous);
  }
}

test('flattenParams names each parameter by its path, as DeZero does', () => {
  class TwoLayer extends models.Model {
    l1 = new L.Linear(3, { inSize: 2 });
    inner = new (class extends L.Layer {
      p = new Parameter(np.zeros(2));
      deeper = new L.Linear(1, { nobias: true, inSize: 2 });
    })();
  }
  const params = new Map<string, Parameter>();
  new TwoLayer().flattenParams(params);
  assert.deepEqual([...params.keys()], ['l1/W', 'l1/b', 'inner/p', 'inner/deeper/W']);
});

test("weights saved by Python DeZero's MLP load into ours and give its output", () => {
  const bytes = new Uint8Array(readFileSync(new URL('dezero-mlp.npz', FIXTURES)));
  withFiles({ 'dezero-mlp.npz': bytes }, () => {
    const model = new models.MLP([5, 3]); // W made by loading, not at a first call
    model.loadWeights('dezero-mlp.npz');
    const y = model.call(arrayOf(mlp.x)).data;
    const expected = arrayOf(mlp.y);
    assert.deepEqual(y.shape, expected.shape);
    assert.ok(
      np.allclose(y, expected, { rtol: 1e-6, atol: 1e-7 }),
      `${String(y)} vs ${String(expected)}`,
    );
  });
});

test('a saved model loads into a fresh one, which then computes the same', () => {
  withFiles({}, (store) => {
    np.random.seed(0);
    const x = np.random.randn(4, 6).astype('float32');
    const trained = new models.MLP([7, 2]);
    const y = trained.call(x).data;
    trained.saveWeights('my_mlp.npz');
    assert.deepEqual([...np.load('my_mlp.npz').files], ['l0/W', 'l0/b', 'l1/W', 'l1/b']);
    assert.ok(store.has('my_mlp.npz'));
    const fresh = new models.MLP([7, 2]);
    fresh.loadWeights('my_mlp.npz');
    assert.deepEqual(Array.from(fresh.call(x).data.toFlat()), Array.from(y.toFlat()));
  });
});

test('a file of another model, or a model not yet run, gives an error that names the weights', () => {
  withFiles({}, () => {
    const x = np.ones([1, 4]);
    const small = new models.MLP([3, 2]);
    assert.throws(
      () => small.saveWeights('early.npz'),
      /cannot save l0\/W to early\.npz: it has no data yet/,
    );
    small.call(x);
    small.saveWeights('small.npz');
    const wider = new models.MLP([5, 2]);
    wider.call(x);
    assert.throws(
      () => wider.loadWeights('small.npz'),
      /small\.npz: l0\/W has shape \(4, 3\), but this MLP's l0\/W has shape \(4, 5\)/,
    );
    assert.throws(
      () => new models.MLP([3, 2, 2]).loadWeights('small.npz'),
      /small\.npz has no weights l2\/W, which this MLP needs/,
    );
    assert.throws(
      () => new models.MLP([3]).loadWeights('small.npz'),
      /small\.npz has weights l1\/W, which this MLP does not have/,
    );
    // A model not yet run knows its layers' output sizes: a file of another width fails at once.
    assert.throws(
      () => new models.MLP([100, 2]).loadWeights('small.npz'),
      /small\.npz: l0\/W has shape \(4, 3\), but this MLP's l0\/W has shape \(None, 100\)/,
    );
    assert.throws(() => small.loadWeights('nothing.npz'), /there is no file named nothing\.npz/);
  });
});
