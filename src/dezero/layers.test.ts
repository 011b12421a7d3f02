import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, L, Layer, Model, Parameter, Variable, models, np, utils } from './index.ts';
import type { NDArray } from './index.ts';
import type { RichItem } from './rich.ts';

/** Two Linear layers inside a model, one of them inside a plain Layer: the nesting params() walks. */
class Inner extends Layer {
  l = new L.Linear(3);
  scale = new Parameter(np.array(2), 'scale');
  override forward(x: Variable | NDArray): Variable {
    return this.l.call(x).mul(this.scale);
  }
}
class Net extends Model {
  inner = new Inner();
  out = new L.Linear(1, { nobias: true });
  notAParameter = new Variable(np.array(1));
  layers = [new L.Linear(5)]; // a list is not walked, as in DeZero
  override forward(x: Variable | NDArray): Variable {
    return this.out.call(F.sigmoid(this.inner.call(x)));
  }
}

test('params() yields the Parameters of the layer and of nested layers, in assignment order', () => {
  const net = new Net();
  const names = [...net.params()].map((p) => p.name);
  assert.deepEqual(names, ['W', 'b', 'scale', 'W']);
  assert.ok([...net.params()].every((p) => p instanceof Parameter && p instanceof Variable));
  net.out.W = new Parameter(null, 'W2');
  net.inner.l.b = null;
  assert.deepEqual(
    [...net.params()].map((p) => p.name),
    ['W', 'scale', 'W2'],
  );
});

test('cleargrads() clears every parameter gradient, nested ones included', () => {
  const net = new Net();
  const y = net.call(np.random.randn(4, 2));
  F.sum(y).backward();
  assert.ok([...net.params()].every((p) => p.grad !== null));
  net.cleargrads();
  assert.ok([...net.params()].every((p) => p.grad === null));
});

test('a nested layer that overrides params() is asked for its own, by params() and cleargrads()', () => {
  /** Keeps its parameters in an array, where the property walk cannot see them. */
  class Listed extends Layer {
    list = [new Parameter(np.array(1), 'a'), new Parameter(np.array(2), 'b')];
    override *params(): Generator<Parameter> {
      yield* this.list;
    }
  }
  class Outer extends Layer {
    inner = new Listed();
    c = new Parameter(np.array(3), 'c');
  }
  const outer = new Outer();
  assert.deepEqual(
    [...outer.params()].map((p) => p.name),
    ['a', 'b', 'c'],
  );
  for (const p of outer.params()) p.grad = new Variable(np.array(1));
  outer.cleargrads();
  assert.ok([...outer.params()].every((p) => p.grad === null));
});

test('Linear: W is made at the first call from the input size, float32 by default; b is zeros', () => {
  const layer = new L.Linear(4);
  assert.equal(layer.W.hasData, false);
  assert.equal(String(layer.W), 'variable(None)');
  assert.deepEqual([layer.b!.shape, layer.b!.dtype], [[4], 'float32']);
  assert.equal(String(layer.b), 'variable([0. 0. 0. 0.])');
  const y = layer.call(np.random.rand(7, 3));
  assert.deepEqual(
    [layer.inSize, layer.W.shape, layer.W.dtype, y.shape],
    [3, [3, 4], 'float32', [7, 4]],
  );
  assert.equal(y.dtype, 'float64'); // float64 input times float32 weight, as numpy promotes
  const eager = new L.Linear(2, { inSize: 5, dtype: 'float64', nobias: true });
  assert.deepEqual([eager.W.shape, eager.W.dtype, eager.b], [[5, 2], 'float64', null]);
  assert.throws(() => new L.Linear(2).call(np.ones(3)), /Linear expects a 2-D input/);
});

test("Linear's weight is numpy's randn(I, O).astype(float32) * sqrt(1 / I), drawn at the first call", () => {
  np.random.seed(0);
  const expected = np.random
    .randn(10, 3)
    .astype('float32')
    .mul(Math.sqrt(1 / 10));
  np.random.seed(0);
  const layer = new L.Linear(3);
  layer.call(np.ones([2, 10]));
  assert.deepEqual(Array.from(layer.W.data.toFlat()), Array.from(expected.toFlat()));
  assert.equal(layer.W.dtype, 'float32');
});

test('MLP([10, 1]): two Linear layers l0 and l1, sigmoid between them; its graph is drawn by plot', () => {
  const model = new models.MLP([10, 1]);
  assert.deepEqual(model.layers.length, 2);
  assert.equal(Reflect.get(model, 'l0'), model.layers[0]);
  const x = np.random.rand(5, 1);
  const y = model.call(x);
  assert.deepEqual(y.shape, [5, 1]);
  assert.deepEqual(
    [...model.params()].map((p) => `${p.name}${p.shape.join('x')}`),
    ['W1x10', 'b10', 'W10x1', 'b1'],
  );
  const tanhModel = new models.MLP([3, 3, 2], F.tanh);
  assert.equal(tanhModel.call(x).creator!.inputs[0]!.creator!.constructor.name, 'Tanh');
  const seen: RichItem[] = [];
  const previous = utils.setRichSink((item) => seen.push(item));
  try {
    model.plot(x);
    model.plot(new Variable(x), { toFile: 'mlp.png' });
  } finally {
    utils.setRichSink(previous);
  }
  assert.deepEqual(
    seen.map((item) => item.kind === 'dot' && item.toFile),
    ['model.png', 'mlp.png'],
  );
  const dot = seen[0]!.kind === 'dot' ? seen[0]!.dot : '';
  assert.match(dot, /label="Linear", color=lightblue/);
  assert.match(dot, /label="W: \(1, 10\) float32"/);
});

/** The book's sin data set of steps 43-45 after np.random.seed(0). */
function sinData(): { x: NDArray; y: NDArray } {
  np.random.seed(0);
  const x = np.random.rand(100, 1);
  const y = np.sin(x.mul(2 * np.pi)).add(np.random.rand(100, 1));
  return { x, y };
}

/** Trains with plain gradient descent (lr 0.2, in-place updates), returns the losses at the given iterations. */
function train(model: models.MLP, x: NDArray, y: NDArray, iters: number): number[] {
  const losses: number[] = [];
  for (let i = 0; i < iters; i++) {
    const loss = F.meanSquaredError(y, model.call(x));
    model.cleargrads();
    loss.backward();
    for (const p of model.params()) p.data.isub(p.grad!.data.mul(0.2));
    losses.push(loss.data.item());
  }
  return losses;
}

test("step 43's network by hand: the first losses are the book's", () => {
  const { x, y } = sinData();
  const W1 = new Variable(np.random.randn(1, 10).mul(0.01));
  const b1 = new Variable(np.zeros(10));
  const W2 = new Variable(np.random.randn(10, 1).mul(0.01));
  const b2 = new Variable(np.zeros(1));
  const losses: string[] = [];
  for (let i = 0; i < 2; i++) {
    const loss = F.meanSquaredError(y, F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2));
    for (const p of [W1, b1, W2, b2]) p.cleargrad();
    loss.backward();
    for (const p of [W1, b1, W2, b2]) p.data.isub(p.grad!.data.mul(0.2));
    losses.push(String(loss));
  }
  assert.equal(losses[0], 'variable(0.8473695850105871)'); // the book's first line (step43.out)
});

test("steps 44 and 45: the same training through L.Linear and models.MLP gives the book's first loss, float32 weights", () => {
  const { x, y } = sinData();
  const mlp = new models.MLP([10, 1]);
  const losses = train(mlp, x, y, 1001);
  assert.equal(String(new Variable(np.array(losses[0]!))), 'variable(0.8165178492839196)');
  // The book prints ...198 (numpy 1.24 with SIMD); ...196 is its portable build's (no SIMD): 1 ulp.
  assert.ok(Math.abs(losses[0]! - 0.8165178492839198) < 1e-15);
  assert.ok(Math.abs(losses[1000]! - 0.24990280802148895) < 1e-12);
  assert.ok([...mlp.params()].every((p) => p.dtype === 'float32'));
});
