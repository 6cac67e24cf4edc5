import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm run build', () => {
  it('stops on content errors with the writer-facing message and leaves the previous output untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-build-'));
    mkdirSync(join(dir, 'content/en/billing'), { recursive: true });
    writeFileSync(join(dir, 'content/en/billing/a.md'), '---\ntitle: 123\n---\n');
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['scripts/build.ts', `--out=${out}`], { env: { ...process.env, KB_CONTENT_DIR: join(dir, 'content'), KB_QUIET: '1' }, stdio: 'pipe', encoding: 'utf8' });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain('en/billing/a.md:2: title: expected text, got 123. Put it in quotes: title: "123"');
    expect(stderr).toContain('Build stopped: fix the errors above. The previous build output was left as it was.');
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
    expect(readdirSync(dir).sort()).toEqual(['content', 'dist']); // no staging folder left behind
  });
});
