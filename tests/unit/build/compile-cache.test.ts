import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enableCompileCache, trimCompileCache } from '../../../src/build/compile-cache.ts';

const temp = mkdtempSync(join(tmpdir(), 'kb-compile-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A cache folder as Node lays it out (a folder per Node version), `fresh` entries read now and `old` a month ago. */
function cacheWith(name: string, fresh: number, old: number): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'v24-x64'), { recursive: true });
  const month = (Date.now() - 30 * 24 * 3600 * 1000) / 1000;
  for (let i = 0; i < fresh + old; i++) {
    const file = join(dir, 'v24-x64', `entry${i}`);
    writeFileSync(file, 'compiled');
    if (i >= fresh) utimesSync(file, month, month);
  }
  return dir;
}
const count = (dir: string) => readdirSync(join(dir, 'v24-x64')).length;

describe("Node's compile cache", () => {
  it('lives in .kb-cache/node-compile of the project folder, for this process and the ones it starts', () => {
    const env: NodeJS.ProcessEnv = {};
    enableCompileCache(env);
    expect(env.NODE_COMPILE_CACHE).toBe(join(process.cwd(), '.kb-cache', 'node-compile'));
  });

  it('keeps a folder already chosen with NODE_COMPILE_CACHE', () => {
    const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: join(process.cwd(), '.kb-cache', 'node-compile') };
    enableCompileCache(env);
    expect(env).toEqual({ NODE_COMPILE_CACHE: join(process.cwd(), '.kb-cache', 'node-compile') });
  });

  it('stays off with KB_CACHE=0, as the build cache does, and with NODE_DISABLE_COMPILE_CACHE', () => {
    for (const env of [{ KB_CACHE: '0' }, { KB_CACHE: 'false' }, { NODE_DISABLE_COMPILE_CACHE: '1' }] as NodeJS.ProcessEnv[]) {
      const before = { ...env };
      enableCompileCache(env);
      expect(env).toEqual(before);
    }
  });

  it('is trimmed past its limit: entries not read lately go, then everything if that is not enough', () => {
    const small = cacheWith('small', 3, 3);
    expect(trimCompileCache(small, 10)).toBe(0);
    expect(count(small)).toBe(6);
    const grown = cacheWith('grown', 4, 8);
    expect(trimCompileCache(grown, 10)).toBe(8);
    expect(count(grown)).toBe(4);
    const busy = cacheWith('busy', 12, 2);
    expect(trimCompileCache(busy, 10)).toBe(14);
    expect(count(busy)).toBe(0);
    expect(trimCompileCache(join(temp, 'none'), 10)).toBe(0);
  });
});
