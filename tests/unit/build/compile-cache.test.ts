import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableCompileCache } from '../../../src/build/compile-cache.ts';

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
});
