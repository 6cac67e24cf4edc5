import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { SiteConfig } from '../schemas/index.ts';
import { themeBackgrounds } from '../schemas/brand.ts';
import { adjustForContrast, contrastRatio, minimumContrast, mix } from './contrast.ts';
import { imageSize } from './image-assets.ts';

/** The brand as the pages use it: the logo's published file, the stylesheet of custom properties, the home words. */
export interface ResolvedBrand {
  logo?: { source: string; url: string; width?: number; height?: number };
  /** CSS that sets the accent custom properties of src/styles/global.css; '' keeps the built-in colours. */
  stylesheet: string;
  hero: Record<string, { heading?: string; subheading?: string }>;
}

/** The built-in accents (global.css), for the theme a site does not set. */
const builtIn = { light: '#1d5fbf', dark: '#7fb0ff', softLight: '#e6effb', softDark: '#1b2a44' };
const darkText = '#e6e9ee';

export function resolveBrand(config: SiteConfig): ResolvedBrand {
  const { brand } = config;
  return { logo: brand.logo ? logoAsset(brand.logo) : undefined, stylesheet: brandStylesheet(brand.accent, brand.accentDark), hero: brand.hero ?? {} };
}

function logoAsset(source: string): ResolvedBrand['logo'] {
  const bytes = readFileSync(source);
  const ext = extname(source).toLowerCase();
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  return { source, url: `/_assets/brand-logo.${hash}${ext}`, ...imageSize(bytes, ext) };
}

/**
 * Custom properties for a configured accent (both validated for contrast by the schema). Without `accentDark`
 * the light accent is lightened until it reads on the dark backgrounds. The soft tints behind selected search
 * results and menu items are as strong as they can be while the accent still reads on them.
 */
export function brandStylesheet(accent?: string, accentDark?: string): string {
  if (!accent && !accentDark) return '';
  const light = accent ?? builtIn.light;
  const dark = accentDark ?? (accent ? adjustForContrast(accent, themeBackgrounds.dark, 1) : builtIn.dark);
  const softLight = accent ? strongestTint(light, '#ffffff', 0.12, [light]) : builtIn.softLight;
  const softDark = accentDark || accent ? strongestTint(dark, themeBackgrounds.dark[0], 0.2, [dark, darkText]) : builtIn.softDark;
  const pair = (l: string, d: string) => `light-dark(${l}, ${d})`;
  return [
    '/* Generated from brand in kb.config.yml (src/content/brand.ts). */',
    `:root { --accent: ${pair(light, dark)}; --focus: ${pair(light, dark)}; --accent-soft: ${pair(softLight, softDark)}; }`,
    '',
  ].join('\n');
}

function strongestTint(color: string, background: string, strongest: number, mustRead: string[]): string {
  for (let weight = strongest; weight > 0; weight -= 0.01) {
    const tint = mix(color, background, weight);
    if (mustRead.every((text) => contrastRatio(text, tint) >= minimumContrast)) return tint;
  }
  return background;
}
