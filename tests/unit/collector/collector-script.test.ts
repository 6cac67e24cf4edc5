import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../../src/collector/storage.ts';
import { beaconHeaders, json, send, tempDir, zeroResults } from './helpers.ts';

const tmp = tempDir('collector-script');
afterAll(() => tmp.remove());

describe('npm run collector', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints where it listens, and on %s writes what it accepted and exits 0', async (signal) => {
    const db = join(tmp.dir, `${signal}.sqlite`);
    // process.execPath is the Node 24 running vitest; the script is plain TypeScript.
    const child = spawn(process.execPath, ['scripts/collector.ts', '--port', '0', '--db', db, '--origin', 'https://help.example.com'], {
      env: { ...process.env, KB_COLLECTOR_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 15_000);
        child.stdout.on('data', () => {
          const found = /Collecting events at (http:\/\/[\d.:]+)\/events/.exec(out);
          if (found) {
            clearTimeout(timer);
            resolve(found[1]!);
          }
        });
      });
      expect(out).toContain('origins: https://help.example.com · rate limit: off');
      expect(out).toContain('timeouts: headers 10 s, body 10 s');
      const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => send(url, { headers: beaconHeaders, body: json(zeroResults(`q${i}`)) })));
      expect(replies.map((r) => r.status)).toEqual(Array(10).fill(204));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(out).toContain(`${signal}: finishing requests in flight`);
      expect(out).toMatch(/Stopped\./);
      expect(readEvents(db)).toHaveLength(10);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('explains a bad flag and exits 2', async () => {
    const child = spawn(process.execPath, ['scripts/collector.ts', '--port', 'http'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--port http: expected a whole number from 0 to 65535.');
    expect(err).toContain('Usage: npm run collector');
  }, 30_000);
});
