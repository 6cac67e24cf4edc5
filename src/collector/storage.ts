/**
 * Event storage in one SQLite file through Node's built-in `node:sqlite`: WAL mode, a schema versioned with
 * `PRAGMA user_version`, prepared statements, and group commit — every event accepted during one turn of the
 * event loop is written in a single transaction, and the requests that carried them are answered only after
 * that transaction commits. No IP address or other client identifier is ever stored.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SiteEvent } from '../feedback/events.ts';

/** One stored event, as the insights report reads it. Optional columns are null when the type has no such field. */
export interface EventRow {
  id: number;
  /** Server clock (ms), used for `--since`; the client's `ts` can be wrong or skewed. */
  receivedAt: number;
  ts: number;
  type: SiteEvent['type'];
  locale: string;
  page: string;
  query: string | null;
  searchId: string | null;
  resultCount: number | null;
  rank: number | null;
  url: string | null;
  helpful: boolean | null;
  reason: string | null;
  comment: string | null;
  source: string | null;
}

/** Ordered, append-only. A released migration is never edited: add a new one. */
export const migrations: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'events table',
    sql: `
      CREATE TABLE events (
        id            INTEGER PRIMARY KEY,
        received_at   INTEGER NOT NULL,
        ts            INTEGER NOT NULL,
        type          TEXT NOT NULL,
        locale        TEXT NOT NULL,
        page          TEXT NOT NULL,
        query         TEXT,
        search_id     TEXT,
        result_count  INTEGER,
        rank          INTEGER,
        url           TEXT,
        helpful       INTEGER,
        reason        TEXT,
        comment       TEXT,
        source        TEXT
      ) STRICT;
      CREATE INDEX events_by_received ON events (received_at);
      CREATE INDEX events_by_type ON events (type, locale, received_at);
    `,
  },
];

export const schemaVersion = migrations.at(-1)!.version;

export interface EventStore {
  /** Queue events for the next group commit; resolves once they are on disk (rejects if the write failed). */
  add(events: readonly SiteEvent[], receivedAt?: number): Promise<void>;
  /** Write everything queued now. */
  flush(): void;
  /** Events stored so far (a COUNT over the table). */
  count(): number;
  /** Events queued but not yet committed. */
  pending(): number;
  /** Flush, checkpoint the WAL into the main file and close. */
  close(): void;
  readonly path: string;
}

export interface EventStoreOptions {
  /** Commit at once when this many events are queued, without waiting for the end of the event-loop turn. @default 5000 */
  maxBatch?: number;
}

/** Open (and create or migrate) the database. Throws a readable error for a file written by a newer collector. */
export function openDatabase(path: string, { readOnly = false } = {}): DatabaseSync {
  const file = path === ':memory:' ? path : resolve(path);
  if (!readOnly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  if (readOnly && file !== ':memory:' && !existsSync(file)) throw new Error(`${file}: no such event database. Pass the file the collector writes (--db).`);
  const db = new DatabaseSync(file, { readOnly, timeout: 5_000 });
  if (readOnly) {
    if (checkVersion(db, file) === 0) {
      db.close();
      throw new Error(`${file}: not an event database (it has no events table). Pass the file the collector writes (--db).`);
    }
    return db;
  }
  // NORMAL is durable in WAL mode except for the last commits before a power cut: fine for analytics, and it
  // spares an fsync per commit.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  migrate(db, file);
  return db;
}

function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

function checkVersion(db: DatabaseSync, file: string): number {
  const current = userVersion(db);
  if (current > schemaVersion) {
    db.close();
    throw new Error(`${file}: the event database has schema version ${current}, this collector knows up to ${schemaVersion}. Update the project, or use another --db file.`);
  }
  return current;
}

function migrate(db: DatabaseSync, file: string): void {
  const current = checkVersion(db, file);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    try {
      inTransaction(db, () => {
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      }, 'BEGIN IMMEDIATE');
    } catch (error) {
      throw new Error(`${file}: migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`);
    }
  }
}

/**
 * Run `work` in one transaction: commit if it returns, roll back and rethrow its error if it throws. SQLite rolls
 * a transaction back by itself on some errors (a full disk, an I/O error), after which ROLLBACK fails with "no
 * transaction is active"; so roll back only a transaction that is still open, and never let a failed rollback
 * replace the error that caused it.
 */
export function inTransaction(db: DatabaseSync, work: () => void, begin: 'BEGIN' | 'BEGIN IMMEDIATE' = 'BEGIN'): void {
  db.exec(begin);
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch (rollbackError) {
        throw new Error(`${(error as Error).message} (and the rollback failed: ${(rollbackError as Error).message})`, { cause: error });
      }
    }
    throw error;
  }
}

interface Pending {
  rows: unknown[][];
  waiters: { resolve: () => void; reject: (error: Error) => void }[];
}

export function openEventStore(path: string, { maxBatch = 5_000 }: EventStoreOptions = {}): EventStore {
  const db = openDatabase(path);
  const insert: StatementSync = db.prepare(
    `INSERT INTO events (received_at, ts, type, locale, page, query, search_id, result_count, rank, url, helpful, reason, comment, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM events');
  let queue: Pending = { rows: [], waiters: [] };
  let scheduled: ReturnType<typeof setImmediate> | undefined;
  let closed = false;

  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    const batch = queue;
    if (batch.rows.length === 0 && batch.waiters.length === 0) return;
    queue = { rows: [], waiters: [] };
    try {
      inTransaction(db, () => {
        for (const row of batch.rows) insert.run(...(row as never[]));
      });
    } catch (error) {
      const failure = new Error(`could not store ${batch.rows.length} events: ${(error as Error).message}`);
      for (const w of batch.waiters) w.reject(failure);
      return;
    }
    for (const w of batch.waiters) w.resolve();
  };

  return {
    path,
    add(events, receivedAt = Date.now()) {
      if (closed) return Promise.reject(new Error('the event store is closed'));
      return new Promise<void>((resolvePromise, reject) => {
        for (const event of events) queue.rows.push(toRow(event, receivedAt));
        queue.waiters.push({ resolve: resolvePromise, reject });
        if (queue.rows.length >= maxBatch) flush();
        else scheduled ??= setImmediate(flush);
      });
    },
    flush,
    count: () => Number((countAll.get() as { n: number }).n),
    pending: () => queue.rows.length,
    close() {
      if (closed) return;
      flush();
      closed = true;
      try {
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    },
  };
}

function toRow(event: SiteEvent, receivedAt: number): unknown[] {
  const e = event as Partial<Record<string, unknown>> & SiteEvent;
  const opt = (key: string) => (e[key] === undefined ? null : (e[key] as string | number | boolean));
  return [
    receivedAt,
    e.ts,
    e.type,
    e.locale,
    e.page,
    opt('query'),
    opt('searchId'),
    opt('resultCount'),
    opt('rank'),
    opt('url'),
    e.type === 'feedback' ? (e.helpful ? 1 : 0) : null,
    opt('reason'),
    opt('comment'),
    opt('source'),
  ];
}

export interface ReadEventsOptions {
  /** Only events received at or after this time (ms, server clock). */
  since?: number;
  locale?: string;
}

/** All matching events, oldest first by client time. Opens the file read-only. */
export function readEvents(path: string, { since, locale }: ReadEventsOptions = {}): EventRow[] {
  const db = openDatabase(path, { readOnly: true });
  try {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (since !== undefined) {
      where.push('received_at >= ?');
      params.push(since);
    }
    if (locale) {
      where.push('locale = ?');
      params.push(locale);
    }
    const sql = `SELECT id, received_at AS receivedAt, ts, type, locale, page, query, search_id AS searchId,
        result_count AS resultCount, rank, url, helpful, reason, comment, source
      FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ts, id`;
    return (db.prepare(sql).all(...params) as unknown as (Omit<EventRow, 'helpful'> & { helpful: number | null })[]).map((row) => ({
      ...row,
      helpful: row.helpful === null ? null : row.helpful === 1,
    }));
  } finally {
    db.close();
  }
}
