import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configLoader } from './load-config.ts';
import { contrastRatio } from '../../../src/content/contrast.ts';
import { themeBackgrounds } from '../../../src/schemas/brand.ts';

const load = configLoader('kb-brand-');

describe('brand in kb.config.yml', () => {
  it('is optional: no brand keeps the built-in look', () => {
    expect(load('title: Help\n').config.brand).toEqual({});
  });

  it('takes a logo relative to the config file, an accent, a dark accent and hero words per locale', () => {
    const { config, dir, lines } = load(
      ['brand:', '  logo: brand/logo.svg', '  accent: "#0B6E4F"', '  accentDark: "#7ee0b5"', '  hero:', '    en: Hi! How can we help?', '    ja: { heading: お困りですか？, subheading: 検索してください }', ''].join('\n'),
      { 'brand/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"/>' },
    );
    expect(lines).toEqual([]);
    expect(config.brand).toEqual({
      logo: join(dir, 'brand/logo.svg'),
      accent: '#0b6e4f',
      accentDark: '#7ee0b5',
      hero: { en: { heading: 'Hi! How can we help?' }, ja: { heading: 'お困りですか？', subheading: '検索してください' } },
    });
  });

  it('names the ratio and suggests a darker accent when it is too light for the light theme', () => {
    const { lines } = load('title: Help\nbrand:\n  accent: "#4a90e2"\n');
    expect(lines).toEqual([
      'kb.config.yml:3: brand.accent: #4a90e2 has a contrast of 3.0:1 on the light background #f4f6f9; links and buttons need at least 4.5:1 (WCAG AA). Try a darker shade of it, such as "#206ec9"',
    ]);
  });

  it('names the ratio and suggests a lighter dark accent when it is too dark for the dark theme', () => {
    const { lines } = load('brand:\n  accentDark: "#1d5fbf"\n');
    expect(lines).toEqual([
      'kb.config.yml:2: brand.accentDark: #1d5fbf has a contrast of 2.6:1 on the dark background #1c2129; links and buttons need at least 4.5:1 (WCAG AA). Try a lighter shade of it, such as "#4a89e4"',
    ]);
  });

  it('suggests colours that pass', () => {
    expect(Math.min(...themeBackgrounds.light.map((bg) => contrastRatio('#206ec9', bg)))).toBeGreaterThanOrEqual(4.5);
    expect(Math.min(...themeBackgrounds.dark.map((bg) => contrastRatio('#4a89e4', bg)))).toBeGreaterThanOrEqual(4.5);
  });

  it('rejects what is not a hex colour, with how to write one', () => {
    expect(load('brand:\n  accent: teal\n').lines).toEqual([
      'kb.config.yml:2: brand.accent: "teal" is not a hex colour. Write it as #rrggbb, e.g. "#1d5fbf" (quoted: YAML reads an unquoted # as a comment)',
    ]);
  });

  it('checks that the logo exists and is an SVG or PNG', () => {
    expect(load('brand:\n  logo: brand/missing.svg\n').lines).toEqual(['kb.config.yml:2: brand.logo: no file at "brand/missing.svg". The path is relative to kb.config.yml']);
    expect(load('brand:\n  logo: logo.gif\n', { 'logo.gif': 'GIF89a' }).lines).toEqual(['kb.config.yml:2: brand.logo: must be an .svg or .png file']);
  });

  it('points at unknown brand keys', () => {
    expect(load('brand:\n  colour: "#000000"\n').lines).toEqual(['kb.config.yml:2: unknown config key "brand.colour"']);
  });

  it('keeps its theme backgrounds in step with the stylesheet', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    for (const name of ['bg', 'bg-soft', 'bg-raised']) {
      const [, light, dark] = new RegExp(`--${name}: light-dark\\((#[0-9a-f]{6}), (#[0-9a-f]{6})\\)`).exec(css)!;
      expect(themeBackgrounds.light, name).toContain(light);
      expect(themeBackgrounds.dark, name).toContain(dark);
    }
  });
});
