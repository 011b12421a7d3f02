import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topLevelNames } from './top-level-names.ts';

test('finds the names declared at the top level, not inside functions, blocks or templates', () => {
  const code = [
    'const x = new Variable(1), unused = 2;',
    'let [a, b = 3, ...rest] = pair;',
    'var { key: renamed, plain } = options;',
    'class Square extends Function { backward() { const inner = 1; } }',
    'function square(x) { let local = x; return `${local}`; }',
    'async function* steps() {}',
    'for (const i of items) { const loopLocal = i; }',
    'const y = `${x} and ${`nested ${a}`}`;',
    'const z = 1; // const commented = 2',
    "const s = 'const quoted = 1';",
    'if (x) { const blockLocal = 1; }',
  ].join('\n');
  assert.deepEqual(topLevelNames(code), [
    'x',
    'a',
    'b',
    'rest',
    'renamed',
    'plain',
    'Square',
    'square',
    'steps',
    'y',
    'z',
    's',
  ]);
});

test('never offers a keyword as a name', () => {
  assert.deepEqual(topLevelNames('const debugger = 1; let eval = 2; var ok = 3;'), ['ok']);
});
