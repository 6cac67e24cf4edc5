import { describe, expect, it } from 'vitest';
import { adjustForContrast, contrastRatio, formatRatio, mix, normalizeHex, worstBackground } from '../../../src/content/contrast.ts';

describe('colour contrast', () => {
  it('computes WCAG 2 contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the lightest grey that passes AA on white
    expect(contrastRatio('#1d5fbf', '#ffffff')).toBe(contrastRatio('#ffffff', '#1d5fbf'));
  });

  it('quotes a ratio rounded down, so a failing one never reads as 4.5', () => {
    expect(formatRatio(4.49)).toBe('4.4:1');
    expect(formatRatio(3)).toBe('3.0:1');
    expect(formatRatio(21)).toBe('21.0:1');
  });

  it('reads hex colours in both lengths and any case, and nothing else', () => {
    expect(normalizeHex('#0B6E4F')).toBe('#0b6e4f');
    expect(normalizeHex('#abc')).toBe('#aabbcc');
    expect(normalizeHex('0b6e4f')).toBe('#0b6e4f');
    for (const bad of ['teal', '#12345', '#ggg', 'rgb(0,0,0)', '']) expect(normalizeHex(bad), bad).toBeUndefined();
  });

  it('mixes like color-mix(in srgb)', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#0b6e4f', '#ffffff', 0)).toBe('#ffffff');
    expect(mix('#0b6e4f', '#ffffff', 1)).toBe('#0b6e4f');
  });

  it('darkens or lightens a colour, keeping its hue, just until it reads on every background', () => {
    const light = ['#ffffff', '#f4f6f9'];
    const darker = adjustForContrast('#4a90e2', light, -1);
    expect(worstBackground(darker, light).ratio).toBeGreaterThanOrEqual(4.5);
    expect(worstBackground(darker, light).ratio).toBeLessThan(5.2); // no darker than it needs to be
    const dark = ['#111418', '#1c2129'];
    const lighter = adjustForContrast('#0b6e4f', dark, 1);
    expect(worstBackground(lighter, dark).ratio).toBeGreaterThanOrEqual(4.5);
    expect(adjustForContrast('#1d5fbf', light, -1)).toBe('#1d5fbf'); // already passes
  });
});
