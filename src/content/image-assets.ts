import { createHash } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { basename, extname, relative } from 'node:path';

export interface ImageAsset {
  source: string;
  url: string;
  width?: number;
  height?: number;
}

/** Registers each image once: a content-hashed public URL and its intrinsic size, read from the file header. */
export class ImageAssets {
  readonly byUrl = new Map<string, ImageAsset>();
  private readonly bySource = new Map<string, ImageAsset | undefined>();
  private readonly contentDir: string;
  constructor(contentDir: string) {
    this.contentDir = contentDir;
  }

  resolve(absolutePath: string): ImageAsset | undefined {
    if (this.bySource.has(absolutePath)) return this.bySource.get(absolutePath);
    let asset: ImageAsset | undefined;
    if (absolutePath.startsWith(this.contentDir) && existsSync(absolutePath) && statSync(absolutePath).isFile()) {
      const bytes = readFileSync(absolutePath);
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
      const ext = extname(absolutePath).toLowerCase();
      const name = basename(absolutePath, extname(absolutePath)).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
      asset = { source: absolutePath, url: `/_assets/${name}.${hash}${ext}`, ...imageSize(bytes, ext) };
      this.byUrl.set(asset.url, asset);
    }
    this.bySource.set(absolutePath, asset);
    return asset;
  }

  relativeSource(asset: ImageAsset): string {
    return relative(this.contentDir, asset.source);
  }
}

export function imageSize(bytes: Buffer, ext: string): { width?: number; height?: number } {
  if (ext === '.svg') {
    const head = bytes.subarray(0, 2048).toString('utf8');
    const tag = /<svg\b[^>]*>/i.exec(head)?.[0] ?? '';
    const num = (name: string) => {
      const m = new RegExp(`\\s${name}=["']?([\\d.]+)(px)?["']?`, 'i').exec(tag);
      return m ? Math.round(Number(m[1])) : undefined;
    };
    let width = num('width');
    let height = num('height');
    const viewBox = /viewBox=["']?\s*[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(tag);
    if ((!width || !height) && viewBox) [width, height] = [Math.round(Number(viewBox[1])), Math.round(Number(viewBox[2]))];
    return { width, height };
  }
  if (ext === '.png' && bytes.length > 24) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (ext === '.gif' && bytes.length > 10) return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if ((ext === '.jpg' || ext === '.jpeg') && bytes.length > 4) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) break;
      const marker = bytes[i + 1]!;
      const length = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  if (ext === '.webp' && bytes.length > 30 && bytes.toString('ascii', 12, 16) === 'VP8X') {
    return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  }
  return {};
}
