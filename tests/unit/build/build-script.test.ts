import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

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

  it('removes what builds stopped half-way staged, once their process is gone, and leaves a running build\'s alone', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-build-'));
    const out = join(dir, 'dist');
    // The id of a process that has ended, and this one (running).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftovers = [join(dir, `dist.staging-${dead}`), join('.kb-cache', `staging-${dead}`), join('.kb-cache', `search-${dead}`)];
    const running = [join(dir, `dist.staging-${process.pid}`), join('.kb-cache', `search-${process.pid}`)];
    for (const folder of [...leftovers, ...running]) {
      mkdirSync(join(folder, 'en'), { recursive: true });
      writeFileSync(join(folder, 'en/index.html'), 'half-way');
    }
    try {
      execFileSync(process.execPath, ['scripts/build.ts', `--out=${out}`], { env: { ...process.env, KB_CONTENT_DIR: join(import.meta.dirname, '../../fixtures/content/basic'), KB_CONFIG: join(dir, 'none.yml'), KB_CACHE: '0', KB_QUIET: '1' }, stdio: 'pipe' });
      expect(existsSync(join(out, 'index.html'))).toBe(true);
      // A detached process removes them after the swap.
      await vi.waitFor(() => expect(leftovers.filter((f) => existsSync(f))).toEqual([]), { timeout: 10_000, interval: 100 });
      expect(running.filter((f) => existsSync(f))).toEqual(running);
    } finally {
      for (const folder of [...leftovers, ...running]) rmSync(folder, { recursive: true, force: true });
    }
  });
});
