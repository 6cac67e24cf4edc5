import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressFiles } from '../../../src/build/compress-files.ts';

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
});
