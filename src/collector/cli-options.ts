/**
 * Command-line and environment options of `npm run collector` and `npm run insights`. Flags win over
 * KB_COLLECTOR_* variables, which win over the defaults. Errors say which flag and what to write instead.
 */
import { parseArgs } from 'node:util';
import { defaultCollectorOptions, type CollectorOptions } from './server.ts';

export class UsageError extends Error {}

export const collectorUsage = `Usage: npm run collector -- [options]

  --host <addr>        address to listen on (KB_COLLECTOR_HOST, default ${defaultCollectorOptions.host})
  --port <n>           port, 0 for any free one (KB_COLLECTOR_PORT, default ${defaultCollectorOptions.port})
  --db <file>          SQLite file (KB_COLLECTOR_DB, default ${defaultCollectorOptions.dbPath})
  --origin <origin>    site origin allowed to send events; repeat or comma-separate; * for any
                       (KB_COLLECTOR_ORIGINS, default *)
  --rate-limit <n>     requests per minute per client, 0 to turn off (KB_COLLECTOR_RATE_LIMIT, default ${defaultCollectorOptions.rateLimit.perMinute})
  --max-body <bytes>   largest request body (KB_COLLECTOR_MAX_BODY, default ${defaultCollectorOptions.maxBodyBytes})
  --headers-timeout <s>
                       seconds a client has to send its headers, then 408 (KB_COLLECTOR_HEADERS_TIMEOUT, default ${defaultCollectorOptions.headersTimeoutMs / 1000})
  --body-timeout <s>   seconds a client has to send its body once the headers are in, then 408
                       (KB_COLLECTOR_BODY_TIMEOUT, default ${defaultCollectorOptions.bodyTimeoutMs / 1000})
  --trust-proxy [n]    trust X-Forwarded-For from n proxies in front (KB_COLLECTOR_TRUST_PROXY, default off; n defaults to 1)
`;

type Env = Record<string, string | undefined>;

export function parseCollectorArgs(argv: readonly string[], env: Env = {}): CollectorOptions | 'help' {
  // --trust-proxy takes an optional number: turn a bare flag into --trust-proxy=1 before parseArgs sees it.
  const args = argv.map((a, i) => (a === '--trust-proxy' && !/^\d+$/.test(argv[i + 1] ?? '') ? '--trust-proxy=1' : a));
  const { values } = parse(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        origin: { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'max-body': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'body-timeout': { type: 'string' },
        'trust-proxy': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) return 'help';
  const pick = (flag: keyof typeof values, envName: string) => {
    const v = values[flag];
    return typeof v === 'string' ? { value: v, from: `--${flag}` } : env[envName] !== undefined && env[envName] !== '' ? { value: env[envName]!, from: envName } : undefined;
  };
  const options: CollectorOptions = {};
  const host = pick('host', 'KB_COLLECTOR_HOST');
  if (host) options.host = host.value;
  const port = pick('port', 'KB_COLLECTOR_PORT');
  if (port) options.port = integer(port, 0, 65_535);
  const db = pick('db', 'KB_COLLECTOR_DB');
  if (db) options.dbPath = db.value;
  const originList = values.origin?.length ? values.origin.join(',') : env.KB_COLLECTOR_ORIGINS;
  if (originList) options.allowedOrigins = originList.split(',').map((s) => s.trim()).filter(Boolean).map((s) => checkOrigin(s));
  const rate = pick('rate-limit', 'KB_COLLECTOR_RATE_LIMIT');
  if (rate) {
    const perMinute = integer(rate, 0, 1_000_000);
    options.rateLimit = perMinute === 0 ? false : { perMinute };
  }
  const maxBody = pick('max-body', 'KB_COLLECTOR_MAX_BODY');
  if (maxBody) options.maxBodyBytes = integer(maxBody, 256, 10 * 1024 * 1024);
  const headersTimeout = pick('headers-timeout', 'KB_COLLECTOR_HEADERS_TIMEOUT');
  if (headersTimeout) options.headersTimeoutMs = integer(headersTimeout, 1, 600) * 1000;
  const bodyTimeout = pick('body-timeout', 'KB_COLLECTOR_BODY_TIMEOUT');
  if (bodyTimeout) options.bodyTimeoutMs = integer(bodyTimeout, 1, 600) * 1000;
  const trust = pick('trust-proxy', 'KB_COLLECTOR_TRUST_PROXY');
  if (trust) options.trustProxy = /^(true|yes)$/i.test(trust.value) ? 1 : /^(false|no)$/i.test(trust.value) ? 0 : integer(trust, 0, 10);
  return options;
}

export interface InsightsArgs {
  dbPath: string;
  since?: string;
  locale?: string;
  html?: string;
  limit: number;
}

export const insightsUsage = `Usage: npm run insights -- --db <file> [options]

  --db <file>        the collector's SQLite file (KB_COLLECTOR_DB, default ${defaultCollectorOptions.dbPath})
  --since <when>     only events received since: 30d, 12h, 90m or a date like 2026-01-01 (default: all)
  --locale <tag>     only this locale, e.g. ja
  --html <file>      also write a self-contained HTML report
  --limit <n>        rows per table (default 15)
`;

export function parseInsightsArgs(argv: readonly string[], env: Env = {}): InsightsArgs | 'help' {
  const { values } = parse(() =>
    parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        since: { type: 'string' },
        locale: { type: 'string' },
        html: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) return 'help';
  return {
    dbPath: values.db ?? env.KB_COLLECTOR_DB ?? defaultCollectorOptions.dbPath,
    ...(values.since ? { since: values.since } : {}),
    ...(values.locale ? { locale: values.locale } : {}),
    ...(values.html ? { html: values.html } : {}),
    limit: values.limit ? integer({ value: values.limit, from: '--limit' }, 1, 1_000) : 15,
  };
}

/** `30d`, `12h`, `90m`, `2026-01-01` or a full ISO time → the earliest received time in ms. */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d+)\s*(d|h|m)$/i.exec(text.trim());
  if (relative) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2]!.toLowerCase() as 'd' | 'h' | 'm'];
    return now - Number(relative[1]) * unit;
  }
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const time = Date.parse(text.trim().replace(' ', 'T'));
    if (!Number.isNaN(time)) return time;
  }
  throw new UsageError(`--since ${text}: expected a duration like 30d, 12h or 90m, or a date like 2026-01-01.`);
}

function parse<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}. Run with --help for the options.`);
  }
}

function integer({ value, from }: { value: string; from: string }, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new UsageError(`${from} ${value}: expected a whole number from ${min} to ${max}.`);
  return n;
}

function checkOrigin(origin: string): string {
  if (origin === '*') return origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new UsageError(`--origin ${origin}: expected an origin like https://help.example.com (scheme and host, no path), or *.`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin.toLowerCase() !== origin.replace(/\/+$/, '').toLowerCase()) {
    throw new UsageError(`--origin ${origin}: expected an origin like https://help.example.com (scheme and host, no path), or *.`);
  }
  return url.origin;
}
