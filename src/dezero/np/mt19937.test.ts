import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MT19937 } from './mt19937.ts';

/** Seeding facts from numpy's `RandomState(seed).get_state()`, written by scripts/fixtures/np_random.py. */
interface StateCase {
  readonly seed: number | number[];
  /** key[0..4] and key[623] right after seeding. */
  readonly key: number[];
  /** 32-bit outputs 0..7, 620..629 (across the first refill) and 1299. */
  readonly raw: number[];
}

const { states } = JSON.parse(
  readFileSync(new URL('./fixtures/random.json', import.meta.url), 'utf8'),
) as { states: StateCase[] };

test('fixture covers int and array seeds', () => {
  assert.ok(states.some((s) => typeof s.seed === 'number'));
  assert.ok(states.some((s) => Array.isArray(s.seed) && s.seed.length > 624));
});

for (const { seed, key, raw } of states) {
  test(`MT19937 seed ${JSON.stringify(seed).slice(0, 30)}: state and raw words match numpy`, () => {
    const mt = new MT19937();
    if (typeof seed === 'number') mt.seed(seed);
    else mt.seedByArray(seed);
    assert.deepEqual([...mt.key.subarray(0, 5), mt.key[623]], key);
    assert.equal(mt.pos, 624);
    const words: number[] = [];
    for (let i = 0; i < 1300; i++) words.push(mt.nextUint32());
    assert.deepEqual([...words.slice(0, 8), ...words.slice(620, 630), words[1299]], raw);
  });
}

test('nextDouble builds 53 bits from two words as numpy does', () => {
  const a = new MT19937();
  const b = new MT19937();
  a.seed(0);
  b.seed(0);
  const hi = b.nextUint32() >>> 5;
  const lo = b.nextUint32() >>> 6;
  assert.equal(a.nextDouble(), (hi * 2 ** 26 + lo) / 2 ** 53);
  // numpy: np.random.RandomState(0).rand() (see fixtures/random.json)
  b.seed(0);
  assert.equal(b.nextDouble(), 0.5488135039273248);
});
