import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { inTransaction, migrations, openDatabase, openEventStore, readEvents, schemaVersion } from '../../../src/collector/storage.ts';
import { baseTime, tempDir, zeroResults } from './helpers.ts';

const tmp = tempDir('storage');
afterAll(() => tmp.remove());

describe('event storage', () => {
  it('creates the file, its folder and the schema, in WAL mode', () => {
    const path = join(tmp.dir, 'nested/folder/events.sqlite');
    const store = openEventStore(path);
    store.close();
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('reopens an existing file without migrating again', async () => {
    const path = join(tmp.dir, 'reopen.sqlite');
    const first = openEventStore(path);
    await first.add([zeroResults('one')]);
    first.close();
    const second = openEventStore(path);
    expect(second.count()).toBe(1);
    second.close();
  });

  it('refuses a file from a newer collector, saying what to do', () => {
    const path = join(tmp.dir, 'newer.sqlite');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${schemaVersion + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/schema version 2, this collector knows up to 1\. Update the project, or use another --db file/);
  });

  it('says so when asked to read a missing or foreign file', () => {
    expect(() => readEvents(join(tmp.dir, 'missing.sqlite'))).toThrow(/no such event database/);
    const path = join(tmp.dir, 'foreign.sqlite');
    new DatabaseSync(path).close();
    expect(() => readEvents(path)).toThrow(/not an event database/);
  });

  it('commits everything added in one turn together, and resolves only after the commit', async () => {
    const store = openEventStore(join(tmp.dir, 'group.sqlite'));
    const pending = [store.add([zeroResults('a')]), store.add([zeroResults('b'), zeroResults('c')])];
    expect(store.pending()).toBe(3);
    expect(store.count()).toBe(0);
    await Promise.all(pending);
    expect(store.pending()).toBe(0);
    expect(store.count()).toBe(3);
    store.close();
    await expect(store.add([zeroResults('late')])).rejects.toThrow(/closed/);
  });

  it('commits at once when maxBatch events are queued', () => {
    const store = openEventStore(join(tmp.dir, 'max.sqlite'), { maxBatch: 4 });
    void store.add([zeroResults('a'), zeroResults('b')]);
    expect(store.count()).toBe(0);
    void store.add([zeroResults('c'), zeroResults('d')]);
    expect(store.count()).toBe(4);
    store.close();
  });

  it('filters by received time and locale when reading', async () => {
    const path = join(tmp.dir, 'filter.sqlite');
    const store = openEventStore(path);
    await store.add([zeroResults('old')], baseTime);
    await store.add([zeroResults('new'), zeroResults('新しい', { locale: 'ja', page: '/ja/' })], baseTime + 86_400_000);
    store.close();
    expect(readEvents(path).map((r) => r.query)).toEqual(['old', 'new', '新しい']);
    expect(readEvents(path, { since: baseTime + 1 }).map((r) => r.query)).toEqual(['new', '新しい']);
    expect(readEvents(path, { since: baseTime + 1, locale: 'ja' }).map((r) => r.query)).toEqual(['新しい']);
    expect(readEvents(path, { locale: 'ko' })).toEqual([]);
  });

  it('reports the real error when SQLite has already rolled back, as it does on a full disk', () => {
    const db = openDatabase(join(tmp.dir, 'full.sqlite'));
    const insert = db.prepare("INSERT INTO events (received_at, ts, type, locale, page) VALUES (0, 0, 'search', 'en', ?)");
    insert.run('/kept/');
    // A file that may not grow past its current size: the next pages written hit SQLITE_FULL, and SQLite ends the
    // transaction by itself before the error reaches us.
    const pages = Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    db.exec(`PRAGMA max_page_count = ${pages}`);
    let thrown: unknown;
    try {
      inTransaction(db, () => {
        for (let i = 0; i < 1_000; i++) insert.run(`/${'x'.repeat(500)}/${i}`);
      });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe('database or disk is full');
    expect(db.isTransaction).toBe(false);
    expect(db.prepare('SELECT page FROM events').all()).toEqual([{ page: '/kept/' }]);
    db.close();
  });

  it('rolls back a transaction that is still open and rethrows the error', () => {
    const db = openDatabase(join(tmp.dir, 'rollback.sqlite'));
    expect(() =>
      inTransaction(db, () => {
        db.exec("INSERT INTO events (received_at, ts, type, locale, page) VALUES (0, 0, 'search', 'en', '/gone/')");
        throw new Error('the work failed');
      }),
    ).toThrow(/^the work failed$/);
    expect(db.isTransaction).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 0 });
    db.close();
  });
});
