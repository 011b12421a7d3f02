import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Config, usingConfig, noGrad, testMode } from './config.ts';

test('usingConfig runs the callback with the setting, returns its result and restores', () => {
  assert.equal(Config.enableBackprop, true);
  const seen = usingConfig('enableBackprop', false, () => Config.enableBackprop);
  assert.equal(seen, false);
  assert.equal(Config.enableBackprop, true);
});

test('usingConfig restores the setting when the callback throws', () => {
  assert.throws(
    () =>
      usingConfig('enableBackprop', false, () => {
        throw new Error('boom');
      }),
    /boom/,
  );
  assert.equal(Config.enableBackprop, true);
});

test('the disposable form holds the setting until disposed, once', () => {
  const handle = usingConfig('enableBackprop', false);
  assert.equal(Config.enableBackprop, false);
  const inner = noGrad();
  inner[Symbol.dispose]();
  assert.equal(Config.enableBackprop, false, 'an inner scope restores the outer value');
  handle[Symbol.dispose]();
  assert.equal(Config.enableBackprop, true);
  Config.enableBackprop = false;
  handle[Symbol.dispose]();
  assert.equal(Config.enableBackprop, false, 'disposing twice does nothing the second time');
  Config.enableBackprop = true;
});

test('noGrad and testMode switch enableBackprop and train', () => {
  assert.deepEqual(
    noGrad(() => [Config.enableBackprop, Config.train]),
    [false, true],
  );
  assert.deepEqual(
    testMode(() => [Config.enableBackprop, Config.train]),
    [true, false],
  );
  const t = testMode();
  assert.equal(Config.train, false);
  t[Symbol.dispose]();
  assert.equal(Config.train, true);
});
