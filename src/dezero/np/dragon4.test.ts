import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DRAGON4_DEFAULTS, dragon4Positional, dragon4Scientific } from './dragon4.ts';
import type { Dragon4Options, TrimMode } from './dragon4.ts';

/** numpy's format_float_positional / format_float_scientific keywords, as the fixture stores them. */
interface NumpyOptions {
  readonly precision?: number;
  readonly unique?: boolean;
  readonly fractional?: boolean;
  readonly trim?: TrimMode;
  readonly pad_left?: number;
  readonly pad_right?: number;
  readonly exp_digits?: number;
  readonly min_digits?: number;
}

interface Dragon4Case {
  readonly kind: 'positional' | 'scientific';
  readonly dtype: 'float64' | 'float32';
  /** Python repr() of the value ('nan', 'inf', '-inf', '-0.0' included). */
  readonly value: string;
  readonly options: NumpyOptions;
  readonly expected: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/format.json', import.meta.url), 'utf8'),
) as { readonly dragon4: Dragon4Case[] };

function toOptions(o: NumpyOptions): Dragon4Options {
  return {
    ...DRAGON4_DEFAULTS,
    precision: o.precision ?? -1,
    unique: o.unique ?? true,
    fractional: o.fractional ?? true,
    trim: o.trim ?? 'k',
    padLeft: o.pad_left ?? -1,
    padRight: o.pad_right ?? -1,
    expDigits: o.exp_digits ?? -1,
    minDigits: o.min_digits ?? -1,
  };
}

function parse(value: string): number {
  if (value === 'nan') return NaN;
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  return Number(value);
}

test(`numpy's format_float_positional / _scientific under ${fixture.dragon4.length} option sets`, () => {
  assert.ok(fixture.dragon4.length > 500);
  for (const c of fixture.dragon4) {
    const format = c.kind === 'positional' ? dragon4Positional : dragon4Scientific;
    const got = format(parse(c.value), c.dtype === 'float32', toOptions(c.options));
    assert.equal(got, c.expected, `${c.kind} ${c.dtype} ${c.value} ${JSON.stringify(c.options)}`);
  }
});
