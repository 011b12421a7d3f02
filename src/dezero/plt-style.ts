/**
 * matplotlib's default look, as data: the tab10 colour cycle, its one-letter and `C0`..`C9` colour
 * names, and the `'r--o'` format strings of `plt.plot`.
 */
import type { LineStyle } from './plt-spec.ts';

/** matplotlib's default colour cycle (`tab10`), in order. */
export const TAB10 = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;

const TAB_NAMES = [
  'blue',
  'orange',
  'green',
  'red',
  'purple',
  'brown',
  'pink',
  'gray',
  'olive',
  'cyan',
];

// matplotlib's one-letter colours are its own RGB values, not CSS's ('g' is dark green).
const LETTERS: Readonly<Record<string, string>> = {
  b: '#0000ff',
  g: '#008000',
  r: '#ff0000',
  c: '#00bfbf',
  m: '#bf00bf',
  y: '#bfbf00',
  k: '#000000',
  w: '#ffffff',
};

/** A matplotlib colour name as CSS: `C3` and `tab:red` from tab10, `r` as matplotlib's red; CSS names pass through. */
export function resolveColor(name: string): string {
  const cycle = /^C(\d)$/.exec(name);
  if (cycle) return TAB10[Number(cycle[1])]!;
  if (name.startsWith('tab:')) {
    const i = TAB_NAMES.indexOf(name.slice(4));
    if (i >= 0) return TAB10[i]!;
  }
  return LETTERS[name] ?? name;
}

/** Marker codes the renderer draws. */
export const MARKERS = ['o', '.', ',', 'x', '+', '^', 'v', '<', '>', 's', 'D', 'd', '*', 'p', 'h'];

/** What a `plt.plot` format string such as `'r--'`, `'o'` or `'k:x'` asks for. */
export interface Format {
  color?: string;
  linestyle?: LineStyle;
  marker?: string;
}

/** Parses a `plt.plot` format string (colour letter, marker, line style, in any order). */
export function parseFormat(fmt: string): Format {
  const format: Format = {};
  let rest = fmt;
  for (const style of ['--', '-.', '-', ':'] as const) {
    if (rest.includes(style)) {
      format.linestyle = style;
      rest = rest.replace(style, '');
      break;
    }
  }
  const cycle = /C\d/.exec(rest);
  if (cycle) {
    format.color = resolveColor(cycle[0]);
    rest = rest.replace(cycle[0], '');
  }
  for (const ch of rest) {
    if (ch in LETTERS && format.color === undefined) format.color = LETTERS[ch]!;
    else if (MARKERS.includes(ch) && format.marker === undefined) format.marker = ch;
    else throw new TypeError(`plt.plot: unrecognized character '${ch}' in format string '${fmt}'`);
  }
  // NOTE: as in matplotlib, a marker without a line style means markers only.
  if (format.marker !== undefined && format.linestyle === undefined) format.linestyle = '';
  return format;
}

/**
 * Colormaps `plt` knows, by matplotlib name (with `_r` reversing any of them), and the Vega colour
 * scheme that draws each; `gray` is drawn as a straight black-to-white ramp.
 */
export const CMAPS: Readonly<Record<string, { scheme: string; reverse: boolean }>> = {
  viridis: { scheme: 'viridis', reverse: false },
  plasma: { scheme: 'plasma', reverse: false },
  inferno: { scheme: 'inferno', reverse: false },
  magma: { scheme: 'magma', reverse: false },
  cividis: { scheme: 'cividis', reverse: false },
  gray: { scheme: 'greys', reverse: true },
  Greys: { scheme: 'greys', reverse: false },
  Blues: { scheme: 'blues', reverse: false },
  Greens: { scheme: 'greens', reverse: false },
  Reds: { scheme: 'reds', reverse: false },
  Oranges: { scheme: 'oranges', reverse: false },
  Purples: { scheme: 'purples', reverse: false },
  RdBu: { scheme: 'redblue', reverse: false },
  coolwarm: { scheme: 'redblue', reverse: true },
  Spectral: { scheme: 'spectral', reverse: false },
  jet: { scheme: 'turbo', reverse: false },
  turbo: { scheme: 'turbo', reverse: false },
};

/** The scheme for a colormap name; throws on a name `plt` does not know. */
export function resolveCmap(name: string): { scheme: string; reverse: boolean } {
  const base = name.endsWith('_r') ? name.slice(0, -2) : name;
  const found = CMAPS[base === 'grey' ? 'gray' : base];
  if (!found)
    throw new TypeError(`unknown colormap '${name}'; known: ${Object.keys(CMAPS).join(', ')}`);
  return name.endsWith('_r') ? { scheme: found.scheme, reverse: !found.reverse } : found;
}
