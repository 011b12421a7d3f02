import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMappings, transpile } from './transpile.ts';

test('keeps every line on its own line number', () => {
  const source = "import { np } from 'dezero';\nconst x: number = 1;\n\nconsole.log(np, x);\n";
  const result = transpile(source);
  assert.ok(result.ok);
  assert.equal(result.code.split('\n').length, source.split('\n').length);
  assert.match(result.code.split('\n')[3] ?? '', /console\.log\(_dezero\.np, x\)/);
});

test('maps shifted columns back to the TypeScript source', () => {
  const source = "import { np, print } from 'dezero';\nprint(np.array(1), undefinedName);\n";
  const result = transpile(source);
  assert.ok(result.ok);
  const line = result.code.split('\n')[1] ?? '';
  const generatedColumn = line.indexOf('undefinedName') + 1;
  assert.ok(generatedColumn > 20, 'sucrase rewrites print(...) and np, shifting columns');
  assert.deepEqual(result.toSource(2, generatedColumn), { line: 2, column: 20 });
});

test('reports a syntax error with its line and column', () => {
  const result = transpile('const a = 1;\nconst b = ;\n');
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.equal(result.line, 2);
  assert.equal(result.column, 11);
  assert.equal(result.message, 'Unexpected token');
});

test('decodes VLQ mappings with negative deltas', () => {
  assert.deepEqual(decodeMappings('AAAA,IAAI;AAAA,EAAE'), [
    [
      [0, 0],
      [4, 4],
    ],
    [
      [0, 4],
      [2, 6],
    ],
  ]);
  assert.deepEqual(decodeMappings('AAKD'), [[[0, -1]]]);
});
