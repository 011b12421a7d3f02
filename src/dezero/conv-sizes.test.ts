import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utils } from './index.ts';
import { seededRandom } from './gradient-check.ts';

test('getConvOutsize is ⌊(H + 2P − K) / S⌋ + 1 on random sizes', () => {
  const rand = seededRandom(55);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  for (let i = 0; i < 500; i++) {
    const H = int(1, 64);
    const P = int(0, 4);
    const K = int(1, H + 2 * P);
    const S = int(1, 5);
    const out = utils.getConvOutsize(H, K, S, P);
    // The count of kernel positions 0, S, 2S, … whose window ends inside the padded input.
    let fits = 0;
    for (let start = 0; start + K <= H + 2 * P; start += S) fits++;
    assert.equal(out, fits, `H ${H} K ${K} S ${S} P ${P}`);
    assert.equal(out, Math.floor((H + 2 * P - K) / S) + 1);
  }
});

test("getConvOutsize gives the book's 4 for a 4×4 input, a 3×3 kernel, stride 1 and padding 1", () => {
  assert.equal(utils.getConvOutsize(4, 3, 1, 1), 4);
  assert.equal(utils.getConvOutsize(7, 5, 1, 0), 3);
  assert.equal(utils.getConvOutsize(28, 2, 2, 0), 14);
});

test('getConvOutsize names the size that is wrong', () => {
  assert.throws(
    () => utils.getConvOutsize(2, 5, 1, 1),
    /kernel \(5\) is larger than the padded input \(2 \+ 2·1 = 4\)/,
  );
  assert.throws(() => utils.getConvOutsize(4, 3, 0, 0), /stride must be an integer ≥ 1, got 0/);
  assert.throws(() => utils.getConvOutsize(4, 3, 1, -1), /pad must be an integer ≥ 0, got -1/);
  assert.throws(
    () => utils.getConvOutsize(4.5, 3, 1, 0),
    /inputSize must be an integer ≥ 1, got 4.5/,
  );
});

test('getDeconvOutsize undoes getConvOutsize where the stride divides evenly', () => {
  for (const [H, K, S, P] of [
    [4, 3, 1, 1],
    [8, 4, 2, 1],
    [7, 3, 2, 0],
  ] as const) {
    const out = utils.getConvOutsize(H, K, S, P);
    assert.equal(utils.getDeconvOutsize(out, K, S, P), H);
  }
  assert.throws(() => utils.getDeconvOutsize(1, 1, 1, 1), /padding \(1\) leaves no output/);
});

test('pair makes a (height, width) pair and rejects anything else', () => {
  assert.deepEqual(utils.pair(3), [3, 3]);
  assert.deepEqual(utils.pair([3, 5]), [3, 5]);
  assert.throws(() => utils.pair(1.5), /a size must be an integer, got 1.5/);
  assert.throws(
    () => utils.pair([1, 2, 3] as unknown as [number, number]),
    /two integers \[height, width\], got \[1,2,3\]/,
  );
});
