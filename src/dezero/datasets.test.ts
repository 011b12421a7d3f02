import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataLoader, Dataset, datasets, np, transforms } from './index.ts';
import type { NDArray } from './index.ts';

test("getSpiral: the book's arrays (rng_reference.numpy1.txt), float32 data and int64 labels, built for each split's seed", () => {
  const [x, t] = datasets.getSpiral();
  assert.deepEqual([x.shape, x.dtype, t.shape, t.dtype], [[300, 2], 'float32', [300], 'int64']);
  assert.equal(
    String(x.get(':3')),
    '[[-0.13981389 -0.00721657]\n [ 0.37049392  0.5820947 ]\n [ 0.1374263  -0.17179643]]',
  );
  assert.equal(x.item(1), Math.fround(-0.0072165737));
  assert.equal(String(t.get(':10')), '[1 1 2 0 1 2 0 0 1 2]');
  const [xt, tt] = datasets.getSpiral({ train: false });
  assert.equal(String(xt.get(':2')), '[[ 0.13246453  0.13620993]\n [-0.31427157  0.24745378]]');
  assert.equal(String(tt.get(':10')), '[0 1 0 1 2 2 1 2 2 0]');
  assert.deepEqual(
    [0, 1, 2].map((c) => t.eq(c).sum().item()),
    [100, 100, 100],
  );
});

test('Spiral: get(i) is [data[i], label[i]] through the transforms; length; the arrays are built once', () => {
  const plain = new datasets.Spiral();
  assert.equal(plain.length, 300);
  const [x0, t0] = plain.get(0);
  assert.equal(String(x0), '[-0.13981389 -0.00721657]');
  assert.equal(String(t0), '1');
  assert.equal(plain.get(0)[0].storage, plain.data!.storage); // a view: no copy per example
  const halved = new datasets.Spiral({
    transform: (x: NDArray) => x.div(2),
    targetTransform: (t: NDArray) => t.add(10),
  });
  assert.equal(String(halved.get(0)[0]), '[-0.06990694 -0.00360829]');
  assert.equal(String(halved.get(0)[1]), '11.0');
  assert.equal(
    String(new datasets.Spiral({ train: false }).get(1)[0]),
    '[-0.31427157  0.24745378]',
  );
  assert.throws(() => plain.get(1.5), /integer/);
});

test('Dataset subclasses: prepare runs once in the constructor; without labels t is null', () => {
  let prepared = 0;
  class Squares extends Dataset<null> {
    override prepare(): void {
      prepared++;
      this.data = np.arange(5).astype('float64').pow(2);
    }
  }
  const squares = new Squares();
  assert.equal(prepared, 1);
  assert.equal(squares.length, 5);
  assert.deepEqual([String(squares.get(3)[0]), squares.get(3)[1]], ['9.0', null]);
});

test('transforms: Compose, Normalize (scalar and per channel), Flatten, AsType, ToFloat, ToInt', () => {
  const img = np.arange(8).reshape(2, 2, 2);
  const f = new transforms.Compose([
    new transforms.Flatten(),
    new transforms.ToFloat(),
    new transforms.Normalize({ mean: 1, std: 2 }),
  ]);
  const y = f.call(img);
  assert.deepEqual([y.shape, y.dtype], [[8], 'float32']);
  assert.equal(String(y), '[-0.5  0.   0.5  1.   1.5  2.   2.5  3. ]');
  const perChannel = new transforms.Normalize({ mean: [0, 4], std: [1, 2] }).call(
    img.astype('float64'),
  );
  assert.equal(String(perChannel.reshape(-1)), '[0.  1.  2.  3.  0.  0.5 1.  1.5]');
  assert.equal(new transforms.Compose().call(img), img);
  assert.equal(new transforms.AsType({ dtype: 'float64' }).call(img).dtype, 'float64');
  assert.equal(new transforms.ToInt().call(np.array([1.7, -2.2])).toString(), '[ 1 -2]');
  assert.equal(
    new transforms.Compose([(x: NDArray) => x.mul(3)]).call(np.array([1])).toString(),
    '[3.]',
  );
});

test('DataLoader: batches of batchSize (the last smaller), one epoch per for-of, a new permutation at each reset', () => {
  class Ten extends Dataset {
    override prepare(): void {
      this.data = np.arange(20).astype('float32').reshape(10, 2);
      this.label = np.arange(10);
    }
  }
  const loader = new DataLoader(new Ten(), 4, { shuffle: false });
  const shapes = [...loader].map(([x, t]) => [x.shape, t.shape, x.dtype, t.dtype]);
  assert.deepEqual(shapes, [
    [[4, 2], [4], 'float32', 'int64'],
    [[4, 2], [4], 'float32', 'int64'],
    [[2, 2], [2], 'float32', 'int64'],
  ]);
  assert.equal(String([...loader][2]![1]), '[8 9]'); // a second epoch runs again from the start
  np.random.seed(0);
  const shuffled = new DataLoader(new Ten(), 10);
  const labels = String([...shuffled][0]![1]);
  np.random.seed(0);
  assert.equal(labels, String(np.random.permutation(10)));
  assert.equal(String(shuffled.index), String(np.random.permutation(10))); // reset drew the next one
  const it = shuffled[Symbol.iterator]();
  assert.equal(it.next().done, false);
  assert.equal(it.next().done, true);
});
