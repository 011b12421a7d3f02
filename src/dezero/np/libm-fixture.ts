/** The recorded glibc results that the libm port tests check against (tests only). */
import { readFileSync } from 'node:fs';

/** Written by scripts/fixtures/np_libm.py: [x, glibc f(x)] as hex bit patterns, per function. */
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/libm.json', import.meta.url), 'utf8'),
) as Record<string, [string, string][]>;

const view = new DataView(new ArrayBuffer(8));

/** The double whose IEEE-754 bit pattern is the hex string. */
export function fromHex(hex: string): number {
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The recorded [input, output] hex pairs of one function (`exp`, `sin`, …). */
export function libmCases(name: string): [string, string][] {
  const cases = fixture[name];
  if (!cases) throw new Error(`fixtures/libm.json has no cases for ${name}`);
  return cases;
}
