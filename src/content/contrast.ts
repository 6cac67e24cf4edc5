/**
 * Colour arithmetic for brand colours: WCAG 2 contrast ratios, mixing, and moving a colour's lightness until
 * it reads on a background. Pure functions on `#rrggbb` strings, so the config schema and tests share them.
 */

/** WCAG AA for normal text: links and button labels are text. */
export const minimumContrast = 4.5;

type Rgb = [number, number, number];

/** `#abc` or `#aabbcc` (any case) → `#aabbcc`; undefined for anything else. */
export function normalizeHex(value: string): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return undefined;
  const hex = m[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2 contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The ratio rounded down to one decimal, as people quote it: 4.46 is "4.4:1", which fails 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/** `weight` of `a` mixed into `b` in sRGB, like CSS `color-mix(in srgb, a weight, b)`. */
export function mix(a: string, b: string, weight: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return toHex([0, 1, 2].map((i) => x[i]! * weight + y[i]! * (1 - weight)) as Rgb);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/**
 * The same hue made darker (`direction: -1`) or lighter (`1`) in small steps until it has at least `minimum`
 * contrast on every background; the colour itself when it already has. Ends at black or white, which always pass
 * on the light or the dark backgrounds of the site.
 */
export function adjustForContrast(hex: string, backgrounds: readonly string[], direction: 1 | -1, minimum = minimumContrast): string {
  const passes = (c: string) => backgrounds.every((bg) => contrastRatio(c, bg) >= minimum);
  if (passes(hex)) return hex;
  const [h, s, l] = toHsl(rgb(hex));
  for (let step = 1; step <= 100; step++) {
    const candidate = toHex(fromHsl([h, s, Math.min(1, Math.max(0, l + (direction * step) / 100))]));
    if (passes(candidate)) return candidate;
  }
  return direction === 1 ? '#ffffff' : '#000000';
}

/** The background among `backgrounds` on which `hex` reads worst, with its ratio. */
export function worstBackground(hex: string, backgrounds: readonly string[]): { background: string; ratio: number } {
  return backgrounds.map((background) => ({ background, ratio: contrastRatio(hex, background) })).sort((a, b) => a.ratio - b.ratio)[0]!;
}
