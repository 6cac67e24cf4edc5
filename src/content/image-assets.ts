import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, relative, sep } from 'node:path';
import { downloadTypes, hasSignatureOf, imageExtensions, imageTypes } from './asset-types.ts';
import { sanitizeSvg } from '../security/sanitize-svg.ts';

export interface ImageAsset {
  /** The file to publish, with symbolic links resolved. */
  source: string;
  url: string;
  width?: number;
  height?: number;
  /** What to publish instead of the file's bytes: the sanitized text of an SVG. */
  body?: string;
}

/** Why a file cannot be published: `message` follows the file as the writer wrote it (`image "x.svg" …`). */
export interface AssetProblem {
  message: string;
  hint: string;
}

export type AssetResult = { asset: ImageAsset } | { problem: AssetProblem };

/** `image`: shown with `<img>`; `download`: linked to, so PDFs are allowed too. */
export type AssetUse = 'image' | 'download';

/**
 * Registers each published file once: a content-hashed public URL and, for images, the intrinsic size.
 * Only files inside the content folder are published (after resolving symbolic links), only of the types
 * in asset-types.ts, only when their bytes match their type, and SVGs only as sanitize-svg.ts rewrites them.
 */
export class ImageAssets {
  readonly byUrl = new Map<string, ImageAsset>();
  private readonly bySource = new Map<string, AssetResult | undefined>();
  private readonly contentDir: string;
  private readonly realContentDir: string;
  constructor(contentDir: string) {
    this.contentDir = contentDir;
    this.realContentDir = realpathOrSelf(contentDir);
  }

  /** The asset for a file, a problem that keeps it private, or undefined when it does not exist. */
  resolve(absolutePath: string, use: AssetUse = 'image'): AssetResult | undefined {
    if (!this.bySource.has(absolutePath)) this.bySource.set(absolutePath, this.load(absolutePath));
    const result = this.bySource.get(absolutePath);
    const ext = extname(absolutePath).toLowerCase();
    // Where a file is and whether it exists come first; then whether its type is published for this use.
    if (!result || ('problem' in result && !typeProblems.has(result.problem))) return result;
    if (use === 'image' && ext in downloadTypes) {
      return { problem: { message: `is a ${downloadTypes[ext]}, which cannot be shown as an image`, hint: 'Link to it instead: [Download the guide](…) without the !' } };
    }
    if (!(ext in imageTypes) && (use === 'image' || !(ext in downloadTypes))) return { problem: notPublished(ext, use) };
    if ('problem' in result) return result;
    this.byUrl.set(result.asset.url, result.asset);
    return result;
  }

  relativeSource(asset: ImageAsset): string {
    return relative(this.contentDir, asset.source);
  }

  private load(absolutePath: string): AssetResult | undefined {
    if (!isInside(this.contentDir, absolutePath)) {
      return { problem: { message: 'is outside the content folder', hint: 'Only files inside the content folder are published: copy it into content/_assets/ and link it from there' } };
    }
    let real: string;
    try {
      real = realpathSync(absolutePath);
    } catch {
      return undefined;
    }
    if (!isInside(this.realContentDir, real)) {
      return { problem: { message: `is a symbolic link to ${real}, outside the content folder`, hint: 'Copy the file into the content folder instead of linking to it' } };
    }
    if (!statSync(real).isFile()) return undefined;
    const ext = extname(absolutePath).toLowerCase();
    const type = imageTypes[ext] ?? downloadTypes[ext];
    if (!type) {
      const problem = notPublished(ext, 'download');
      typeProblems.add(problem);
      return { problem };
    }
    const bytes = readFileSync(real);
    if (!hasSignatureOf(ext, bytes)) {
      return { problem: { message: `is not a ${type} file (its content does not start like one)`, hint: `Export it again as ${type}, or give it the extension of the type it really is` } };
    }
    let body: string | undefined;
    if (ext === '.svg') {
      const result = sanitizeSvg(bytes.toString('utf8'));
      const where = `${relative(process.cwd(), real) || real}:${'problem' in result ? result.problem.line : ''}`;
      if ('problem' in result && result.problem.kind === 'malformed') {
        return { problem: { message: `is not a well-formed SVG file (${where}: ${result.problem.reason})`, hint: 'Open it in a drawing program and save it again as SVG' } };
      }
      if ('problem' in result) {
        return {
          problem: {
            message: `contains ${result.problem.reason} (${where})`,
            hint: 'SVG images may not contain scripts, event handlers, <foreignObject>, style sheets that load files, or references to other files or hosts; remove them, or export the image again as a plain SVG',
          },
        };
      }
      body = result.svg;
    }
    const published = body === undefined ? bytes : Buffer.from(body);
    const hash = createHash('sha256').update(published).digest('hex').slice(0, 10);
    const name = basename(absolutePath, extname(absolutePath)).toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    return { asset: { source: real, url: `/_assets/${name}.${hash}${ext}`, ...(ext in imageTypes ? imageSize(published, ext) : {}), ...(body === undefined ? {} : { body }) } };
  }
}

const typeProblems = new WeakSet<AssetProblem>();

function notPublished(ext: string, use: AssetUse): AssetProblem {
  const types = use === 'image' ? imageExtensions : [...imageExtensions, ...Object.keys(downloadTypes).map((e) => e.slice(1))];
  return {
    message: ext ? `is a ${ext} file, which is not published` : 'has no file extension, so it is not published',
    hint: `${use === 'image' ? 'Images' : 'Files'} can be ${types.slice(0, -1).join(', ')} or ${types.at(-1)}`,
  };
}

/** Whether `path` is inside `dir` (not `dir` itself, and not a sibling that merely starts with its name). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
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
