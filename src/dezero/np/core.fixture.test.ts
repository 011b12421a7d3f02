/**
 * The np core against numpy: every case in fixtures/core.json (written by
 * scripts/fixtures/np_core.py) is replayed here. Shapes and dtypes must match exactly; values
 * exactly, except transcendental functions (relative 1e-12 in float64, 3e-7 in float32).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { np } from './index.ts';
import { fromFlat, NDArray } from './ndarray.ts';
import type { DType } from './dtype.ts';
import type { Index } from './indexing.ts';

interface Encoded {
  dtype: string;
  shape: number[];
  data: (number | string)[];
}
type Arg = Encoded | { scalar: number | string } | unknown;
interface Case {
  op: string;
  args: Arg[];
  expected: Encoded | Encoded[] | { error: string; message?: string };
  transpose?: boolean;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/core.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function num(v: number | string): number {
  if (typeof v === 'number') return v;
  return { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 }[v] ?? Number(v);
}

function dec(e: Encoded): NDArray {
  return fromFlat(e.data.map(num), e.shape, e.dtype as DType);
}

function operand(a: Arg): NDArray | number {
  const o = a as { scalar?: number | string };
  return o.scalar !== undefined ? num(o.scalar) : dec(a as Encoded);
}

function index(entries: unknown[]): Index[] {
  return entries.map((e) =>
    e !== null && typeof e === 'object' ? dec((e as { array: Encoded }).array) : (e as Index),
  );
}

const TRANSCENDENTAL = new Set(['exp', 'log', 'sin', 'cos', 'tanh', 'power', 'linspace']);

function run(c: Case): NDArray | NDArray[] {
  const [a0, a1, a2, a3] = c.args;
  const bin = (
    np as unknown as Record<string, (x: NDArray | number, y: NDArray | number) => NDArray>
  )[c.op];
  switch (c.op) {
    case 'exp':
    case 'log':
    case 'sin':
    case 'cos':
    case 'tanh':
    case 'sqrt':
    case 'abs':
    case 'negative':
      return (np[c.op] as (x: NDArray) => NDArray)(dec(a0 as Encoded));
    case 'clip':
      return np.clip(dec(a0 as Encoded), operand(a1), operand(a2));
    case 'where':
      return np.where(dec(a0 as Encoded), dec(a1 as Encoded), operand(a2));
    case 'sum':
    case 'max':
    case 'min':
    case 'mean':
    case 'argmax':
    case 'argmin': {
      const o = a1 as { transpose: boolean; axis: number | number[] | null; keepdims: boolean };
      const x = o.transpose ? dec(a0 as Encoded).T : dec(a0 as Encoded);
      if (c.op === 'argmax') return x.argmax(o.axis as number | null, o.keepdims);
      if (c.op === 'argmin') return np.argmin(x, o.axis as number | null, o.keepdims);
      return x[c.op]({ axis: o.axis, keepdims: o.keepdims });
    }
    case 'reshape':
      return dec(a0 as Encoded).T.reshape(a1 as number[]);
    case 'transpose':
      return a1 === null
        ? dec(a0 as Encoded).transpose()
        : dec(a0 as Encoded).transpose(a1 as number[]);
    case 'squeeze':
      return np.squeeze(dec(a0 as Encoded));
    case 'expandDims':
      return np.expandDims(dec(a0 as Encoded), a1 as number);
    case 'broadcastTo':
      return np.broadcastTo(dec(a0 as Encoded), a1 as number[]);
    case 'concatenate':
      return np.concatenate((a0 as Encoded[]).map(dec), a1 as number);
    case 'stack':
      return np.stack((a0 as Encoded[]).map(dec), a1 as number);
    case 'pad':
      return np.pad(dec(a0 as Encoded), a1 as [number, number][], {
        constantValues: num((a2 as { scalar: number }).scalar),
      });
    case 'arange':
      return np.arange(a0 as number, a1 as number, a2 as number);
    case 'linspace':
      return np.linspace(
        a0 as number,
        a1 as number,
        a2 as number,
        (a3 ?? {}) as { endpoint?: boolean },
      );
    case 'eye':
      return np.eye(a0 as number, a1 as number | null, { k: a2 as number });
    case 'get':
      return dec(a0 as Encoded).get(...index(a1 as unknown[]));
    case 'set': {
      const x = dec(a0 as Encoded);
      x.set(index(a1 as unknown[]), operand(a2));
      return x;
    }
    case 'addAt': {
      const x = dec(a0 as Encoded);
      np.add.at(x, index(a1 as unknown[]), dec(a2 as Encoded));
      return x;
    }
    case 'astype':
      return dec(a0 as Encoded).astype(a1 as DType);
    default: {
      if (!bin) throw new Error(`no op ${c.op}`);
      const x = operand(a0);
      return bin(c.transpose && typeof x !== 'number' ? x.T : x, operand(a1));
    }
  }
}

function same(actual: NDArray, expected: Encoded, tol: number, where: string): void {
  assert.equal(actual.dtype, expected.dtype, `${where}: dtype`);
  assert.deepEqual([...actual.shape], expected.shape, `${where}: shape`);
  const got = actual.toFlat();
  expected.data.forEach((raw, i) => {
    const want = num(raw);
    const have = got[i]!;
    if (Object.is(want, have)) return;
    if (tol > 0 && Number.isFinite(want) && Math.abs(have - want) <= tol * Math.abs(want)) return;
    assert.fail(`${where}: element ${i} is ${have}, numpy has ${want}`);
  });
}

for (const [n, c] of fixture.cases.entries()) {
  test(`core fixture #${n} ${c.op}`, () => {
    const where = `#${n} ${c.op} ${JSON.stringify(c.args).slice(0, 200)}`;
    if ('error' in c.expected) {
      const message = c.expected.message;
      // Where the fixture has numpy's message, ours must read the same.
      assert.throws(
        () => run(c),
        message === undefined ? Error : { message },
        `${where}: numpy raised ${c.expected.error}`,
      );
      return;
    }
    const actual = run(c);
    const exp = c.expected as Encoded | Encoded[];
    const dtype = Array.isArray(exp) ? exp[0]?.dtype : exp.dtype;
    const tol = TRANSCENDENTAL.has(c.op) ? (dtype === 'float32' ? 3e-7 : 1e-12) : 0;
    if (Array.isArray(exp)) exp.forEach((e, i) => same((actual as NDArray[])[i]!, e, tol, where));
    else same(actual as NDArray, exp, tol, where);
  });
}
