/**
 * The files a help center publishes from its content folder, by extension: images for `![alt](…)` and
 * `<img>`, and downloads for links (`[the price list](../../_assets/prices.pdf)`). Anything else stays
 * private, whatever an article links to: a file is published only when its type is listed here and its
 * first bytes say it really is that type.
 */
export const imageTypes: Readonly<Record<string, string>> = {
  '.png': 'PNG',
  '.jpg': 'JPEG',
  '.jpeg': 'JPEG',
  '.gif': 'GIF',
  '.webp': 'WebP',
  '.avif': 'AVIF',
  '.svg': 'SVG',
  '.ico': 'ICO',
};

/** Files readers download from a link. A PDF runs in the browser's own viewer, never as a page of the site. */
export const downloadTypes: Readonly<Record<string, string>> = {
  '.pdf': 'PDF',
};

/** `png, jpg, jpeg, …`, for messages. */
export const imageExtensions = Object.keys(imageTypes).map((e) => e.slice(1));

/**
 * Whether a file's first bytes match its extension, so a page saved as `logo.png` is not published as one.
 * SVG is text and is checked by parsing it (src/security/sanitize-svg.ts).
 */
export function hasSignatureOf(ext: string, bytes: Uint8Array): boolean {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (ext) {
    case '.png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case '.jpg':
    case '.jpeg':
      return starts(0xff, 0xd8, 0xff);
    case '.gif':
      return ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a';
    case '.webp':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
    case '.avif':
      return ascii(4, 8) === 'ftyp' && /avi[fs]/.test(ascii(8, Math.min(bytes.length, 64)));
    case '.ico':
      return starts(0x00, 0x00, 0x01, 0x00);
    case '.pdf':
      return ascii(0, 5) === '%PDF-';
    case '.svg':
      return true;
    default:
      return false;
  }
}
