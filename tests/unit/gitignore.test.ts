import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `git check-ignore` prints the paths it ignores; a path it does not ignore is left out. */
const ignored = (paths: string[]) => {
  try {
    return execFileSync('git', ['check-ignore', ...paths], { encoding: 'utf8' }).trim().split('\n');
  } catch (e) {
    return ((e as { stdout: string }).stdout ?? '').trim().split('\n').filter(Boolean);
  }
};

describe('.gitignore', () => {
  it('ignores the collector database with its journal, write-ahead log and shared-memory files', () => {
    const files = ['events.sqlite', 'events.sqlite-journal', 'events.sqlite-wal', 'events.sqlite-shm', 'data/other.sqlite-wal'];
    expect(ignored(files)).toEqual(files);
  });

  it('does not ignore content or code', () => {
    expect(ignored(['content/en/billing/a.md', 'src/content/report.ts'])).toEqual([]);
  });
});
