/**
 * WCAG 2 contrast between CSS hex colours, and the smallest change to a text colour that gives it
 * enough contrast: code themes are derived with it, so every token stays readable.
 */

type Rgba = readonly [r: number, g: number, b: number, a: number];

/** Parses `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` into 0–255 channels and an alpha in 0–1. */
function parseHex(color: string): Rgba {
  let hex = color.replace(/^#/, '');
  if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(hex)) throw new TypeError(`not a hex colour: ${color}`);
  const channel = (i: number): number => parseInt(hex.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4), hex.length === 8 ? channel(6) / 255 : 1];
}

function toHex([r, g, b]: Rgba): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `color` painted over the opaque `background`, as an opaque `#rrggbb`. */
export function flatten(color: string, background: string): string {
  const [r, g, b, a] = parseHex(color);
  const [br, bg, bb] = parseHex(background);
  return toHex([r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1]);
}

function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgba;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * `text` (made opaque over the first background) moved toward black or white, whichever contrasts
 * with the backgrounds, just far enough to reach `min` against every one of them. A colour that
 * already has it comes back unchanged (but opaque).
 */
export function withContrast(text: string, backgrounds: readonly string[], min: number): string {
  const [base] = backgrounds;
  if (base === undefined) throw new RangeError('withContrast needs a background');
  const start = flatten(text, base);
  const worst = (color: string): number =>
    Math.min(...backgrounds.map((background) => contrastRatio(color, background)));
  const toward = luminance(base) > 0.18 ? '#000000' : '#ffffff';
  const [r, g, b] = parseHex(start);
  const [tr, tg, tb] = parseHex(toward);
  // NOTE: the mix is checked after rounding to hex, so the colour written is the colour measured.
  for (let t = 0; t <= 1; t += 0.01) {
    const mixed = toHex([r + (tr - r) * t, g + (tg - g) * t, b + (tb - b) * t, 1]);
    if (worst(mixed) >= min) return mixed;
  }
  return toward;
}
