import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { listPrograms } from '../course/lesson-files.ts';
import { piecesByLine, transpile } from './transpile.ts';
import type { Transpiled } from './transpile.ts';

function transpiled(source: string): Transpiled {
  const result = transpile(source);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result;
}

test('keeps every line on its own line number', () => {
  const source = "import { np } from 'dezero';\nconst x: number = 1;\n\nconsole.log(np, x);\n";
  const result = transpiled(source);
  assert.equal(result.code.split('\n').length, source.split('\n').length);
  assert.match(result.code.split('\n')[3] ?? '', /console\.log\(_dezero\.np, x\)/);
});

test('maps shifted columns back to the TypeScript source', () => {
  const source = "import { np, print } from 'dezero';\nprint(np.array(1), undefinedName);\n";
  const result = transpiled(source);
  const line = result.code.split('\n')[1] ?? '';
  const generatedColumn = line.indexOf('undefinedName') + 1;
  assert.ok(generatedColumn > 20, 'sucrase rewrites print(...) and np, shifting columns');
  assert.deepEqual(result.toSource(2, generatedColumn), { line: 2, column: 20 });
});

test('maps columns after a multi-line template literal and its substitutions', () => {
  // Sucrase's own source map drifted here: it pairs tokens with mappings by index.
  const source = [
    "import { np } from 'dezero';",
    'const n: number = 2;',
    'if (n > 1) throw new RangeError(`got ${n as number}',
    '  and ${np.zeros(n)} / ${`${n}`}`);',
    'const m = new Map<string, number>(); m.get(`${n}`)!.toFixed(n);',
  ].join('\n');
  const result = transpiled(source);
  const lines = result.code.split('\n');
  /** Checks that `word`, found after `context` in generated and source line, maps across. */
  const same = (line: number, word: string, context = ''): void => {
    const column = (text: string | undefined): number =>
      (text ?? '').indexOf(word, (text ?? '').indexOf(context) + context.length) + 1;
    const generated = column(lines[line - 1]);
    assert.ok(generated > 0 && column(source.split('\n')[line - 1]) > 0, word);
    assert.equal(
      result.toSource(line, generated).column,
      column(source.split('\n')[line - 1]),
      word,
    );
  };
  same(3, 'new');
  same(3, 'n', '${');
  same(4, 'zeros');
  same(4, 'n', 'zeros(');
  same(4, 'n', '${`${');
  same(5, 'get');
  same(5, 'toFixed');
  same(5, 'n', 'toFixed(');
  // `_dezero.` belongs to the name after it.
  assert.equal(result.toSource(4, (lines[3] ?? '').indexOf('_dezero') + 1).column, 9);
});

test('added code maps to the name it belongs to, and the helpers before line 1 are not the program', () => {
  const source =
    "import { print, np } from 'dezero';\nprint(np.ones(2)); const o = {} as { a?: () => void }; o.a?.();\n";
  const result = transpiled(source);
  const lines = result.code.split('\n');
  const line2 = lines[1] ?? '';
  assert.match(line2, /^_dezero\.print\.call\(void 0, _dezero\.np\.ones\(2\)\)/);
  assert.equal(result.toSource(2, line2.indexOf('call') + 1).column, 1);
  assert.equal(result.toSource(2, line2.indexOf('_dezero.np') + 1).column, 7);
  assert.equal(result.toSource(2, line2.indexOf('np.') + 4).column, 10);
  const line1 = lines[0] ?? '';
  assert.match(line1, /^"use strict"; function _optionalChain/);
  const program = line1.indexOf('var _dezero');
  assert.equal(result.isProgramCode(1, 1), false);
  assert.equal(result.isProgramCode(1, program), false);
  assert.equal(result.isProgramCode(1, program + 1), true);
  assert.equal(result.isProgramCode(2, 1), true);
  // A missing module fails in `require(`: the reader sees the import's module name.
  assert.equal(result.toSource(1, line1.indexOf('require') + 1).column, 27);
});

test('tokens: strings, templates with nested braces, regular expressions, comments, multi-line pieces', () => {
  const text = "a = 'x{' + `t${ {b: `u${c}`}.b }v\n w` / 2 /* c\n d */ + /[/]x/g.test(s) // e";
  const pieces = piecesByLine(text).map((line) => line.map((piece) => piece.text));
  assert.deepEqual(pieces, [
    ['a', '=', "'x{'", '+', '`t${', '{', 'b', ':', '`u${', 'c', '}`', '}', '.', 'b', '}v'],
    [' w`', '/', '2', '/* c'],
    [' d */', '+', '/[/]x/g', '.', 'test', '(', 's', ')', '// e'],
  ]);
});

test('reports a syntax error with its line and column', () => {
  const result = transpile('const a = 1;\nconst b = ;\n');
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.equal(result.line, 2);
  assert.equal(result.column, 11);
  assert.equal(result.message, 'Unexpected token');
  const first = transpile('let = 3;');
  assert.ok(!first.ok);
  assert.deepEqual([first.line, first.column], [1, 5]);
});

// ==== Every lesson program: each name in the generated code maps onto the same name ====

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$]*/gu;

/** Where each word starts on a line (0-based), by word. */
function wordStarts(line: string, from = 0): Map<string, number[]> {
  const words = new Map<string, number[]>();
  for (const match of line.matchAll(WORD)) {
    if (match.index < from) continue;
    words.set(match[0], [...(words.get(match[0]) ?? []), match.index]);
  }
  return words;
}

/** What only sucrase writes, on a program's lines: imports, `?.`/`??` helpers, class fields. */
const ADDED = [
  // 'dezero' and 'dezero/simple' become _dezero and _simple.
  /\bvar _(?:dezero|simple) = require\(/g,
  /\b_(?:dezero|simple)\b/g,
  /\.call\(void 0\b/g,
  /\b[\w$]+\.prototype\.__init\w*\.call\(this\)/g,
  /\b__init\w*\(\) \{this\./g,
  /\b[\w$]+\.__initStatic\(\)/g,
  /\bconstructor\((?:\.\.\.args)?\) \{ (?:super\(\.\.\.args\); )?/g,
  /\b_optionalChain\(\[/g,
  /'(?:access|optionalAccess|call|optionalCall)'/g,
  /\b_\d* => _\d*\b/g,
  /\b_nullishCoalesce\(/g,
];

/** The words of a generated line that sucrase added, by where they start. */
function addedWords(line: string): Set<number> {
  const added = new Set<number>();
  for (const pattern of ADDED) {
    for (const span of line.matchAll(pattern)) {
      for (const word of span[0].matchAll(WORD)) added.add(span.index + word.index);
    }
  }
  return added;
}

test('every lesson program: each name in the generated code maps onto the same name in the source', () => {
  let checked = 0;
  for (const program of listPrograms()) {
    const source = readFileSync(program.source, 'utf8');
    const result = transpiled(source);
    const sourceLines = source.split('\n');
    const generatedLines = result.code.split('\n');
    assert.equal(generatedLines.length, sourceLines.length, program.id);
    generatedLines.forEach((generated, index) => {
      const line = index + 1;
      const sourceLine = sourceLines[index] ?? '';
      const start = [...generated].findIndex((_, column) => result.isProgramCode(line, column + 1));
      const inSource = wordStarts(sourceLine);
      const mapped: Array<[number, number]> = [];
      const added = addedWords(generated);
      for (const [word, all] of wordStarts(generated, Math.max(0, start))) {
        const starts = all.filter((column) => !added.has(column));
        const sourceStarts = inSource.get(word) ?? [];
        const where = `${program.id}:${line} '${word}' in ${JSON.stringify(generated)}`;
        assert.ok(starts.length <= sourceStarts.length, `a name sucrase added: ${where}`);
        starts.forEach((generatedStart, nth) => {
          for (let offset = 0; offset < word.length; offset++) {
            const column = result.toSource(line, generatedStart + offset + 1).column - 1 - offset;
            assert.ok(
              sourceStarts.includes(column),
              `${where} at +${offset} -> column ${column + 1}`,
            );
            // The same count on both sides: the nth copy is the nth original.
            if (starts.length === sourceStarts.length)
              assert.equal(column, sourceStarts[nth], where);
            checked++;
          }
          mapped.push([generatedStart, result.toSource(line, generatedStart + 1).column]);
        });
      }
      // Names keep their order along the line.
      const order = mapped.sort((a, b) => a[0] - b[0]).map(([, column]) => column);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        `${program.id}:${line} in order`,
      );
      assert.equal(new Set(order).size, order.length, `${program.id}:${line} distinct`);
    });
  }
  assert.ok(checked > 40_000, `checked ${checked} positions`);
});
