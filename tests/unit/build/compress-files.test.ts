import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliBytes, brotliWindowBits, compressFiles, compressLevels } from '../../../src/build/compress-files.ts';

describe('precompressing files', () => {
  it('writes .br and .gz copies that decompress to the original, in worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-compress-'));
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, `<!doctype html><title>${i}</title>${'<p>Tallybird ヘルプ 고객센터</p>'.repeat(40 + i)}`);
      return file;
    });
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, 'ok');
    await compressFiles([...files.map((file, i) => ({ file, hashed: i % 2 === 0 })), { file: tiny, hashed: false }], { minimumForWorkers: 1 });
    for (const file of files) {
      const original = readFileSync(file);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(original)).toBe(true);
      expect(gunzipSync(readFileSync(`${file}.gz`)).equals(original)).toBe(true);
    }
    expect(existsSync(`${tiny}.br`)).toBe(false); // not worth a compressed copy
  });

  it('sizes the brotli window to the file, which still holds all of it', () => {
    expect(brotliWindowBits(10)).toBe(10); // the smallest window brotli has
    expect(brotliWindowBits(1500)).toBe(11);
    expect(brotliWindowBits(300_000)).toBe(19);
    expect(brotliWindowBits(100 * 2 ** 20)).toBe(24);
    for (const size of [200, 5000, 70_000]) expect(2 ** brotliWindowBits(size) - 16).toBeGreaterThanOrEqual(size);
    const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `<li>row ${i % 97} 請求書 ${i}</li>`).join(''));
    expect(brotliDecompressSync(brotliBytes(text, 5)).equals(text)).toBe(true);
  });

  it('compresses HTML at brotli 5 and hashed assets at 11, unless the caller picks levels', () => {
    expect(compressLevels({ file: 'a.html', hashed: false })).toEqual({ brotli: 5, gzip: 6 });
    expect(compressLevels({ file: 'a.js', hashed: true })).toEqual({ brotli: 11, gzip: 9 });
    expect(compressLevels({ file: 's.json', hashed: true, brotli: 8, gzip: 6 })).toEqual({ brotli: 8, gzip: 6 });
  });
});
