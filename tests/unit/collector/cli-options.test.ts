import { describe, expect, it } from 'vitest';
import { parseCollectorArgs, parseInsightsArgs, parseSince } from '../../../src/collector/cli-options.ts';

describe('parseCollectorArgs', () => {
  it('leaves everything to the defaults when nothing is given', () => {
    expect(parseCollectorArgs([], {})).toEqual({});
  });

  it('reads flags', () => {
    expect(
      parseCollectorArgs(['--host', '0.0.0.0', '--port', '9000', '--db', 'data/e.sqlite', '--origin', 'https://help.example.com', '--origin', 'https://kb.example.jp/', '--rate-limit', '120', '--max-body', '8192', '--trust-proxy']),
    ).toEqual({
      host: '0.0.0.0',
      port: 9000,
      dbPath: 'data/e.sqlite',
      allowedOrigins: ['https://help.example.com', 'https://kb.example.jp'],
      rateLimit: { perMinute: 120 },
      maxBodyBytes: 8192,
      trustProxy: 1,
    });
  });

  it('reads KB_COLLECTOR_* variables, and flags win over them', () => {
    const env = { KB_COLLECTOR_PORT: '7000', KB_COLLECTOR_DB: '/var/lib/kb/events.sqlite', KB_COLLECTOR_ORIGINS: 'https://a.example, https://b.example', KB_COLLECTOR_TRUST_PROXY: '2', KB_COLLECTOR_RATE_LIMIT: '0' };
    expect(parseCollectorArgs([], env)).toEqual({ port: 7000, dbPath: '/var/lib/kb/events.sqlite', allowedOrigins: ['https://a.example', 'https://b.example'], trustProxy: 2, rateLimit: false });
    expect(parseCollectorArgs(['--port', '0', '--trust-proxy', '1'], env)).toMatchObject({ port: 0, trustProxy: 1 });
  });

  it('reads the timeouts in seconds, from flags or KB_COLLECTOR_*_TIMEOUT', () => {
    expect(parseCollectorArgs(['--headers-timeout', '5', '--body-timeout', '30'], {})).toEqual({ headersTimeoutMs: 5_000, bodyTimeoutMs: 30_000 });
    const env = { KB_COLLECTOR_HEADERS_TIMEOUT: '20', KB_COLLECTOR_BODY_TIMEOUT: '15' };
    expect(parseCollectorArgs([], env)).toEqual({ headersTimeoutMs: 20_000, bodyTimeoutMs: 15_000 });
    expect(parseCollectorArgs(['--body-timeout', '2'], env)).toEqual({ headersTimeoutMs: 20_000, bodyTimeoutMs: 2_000 });
  });

  it.each([
    [['--headers-timeout', '0'], '--headers-timeout 0: expected a whole number from 1 to 600.'],
    [['--body-timeout', '2.5'], '--body-timeout 2.5: expected a whole number from 1 to 600.'],
    [['--port', 'eighty'], '--port eighty: expected a whole number from 0 to 65535.'],
    [['--port', '70000'], '--port 70000: expected a whole number from 0 to 65535.'],
    [['--origin', 'help.example.com'], '--origin help.example.com: expected an origin like https://help.example.com (scheme and host, no path), or *.'],
    [['--origin', 'https://help.example.com/en/'], '--origin https://help.example.com/en/: expected an origin like https://help.example.com (scheme and host, no path), or *.'],
    [['--max-body', '10'], '--max-body 10: expected a whole number from 256 to 10485760.'],
  ])('explains a bad value: %j', (argv, message) => {
    expect(() => parseCollectorArgs(argv, {})).toThrow(message);
  });

  it('explains an unknown flag', () => {
    expect(() => parseCollectorArgs(['--prot', '1'], {})).toThrow(/Unknown option '--prot'.*--help/);
  });

  it('asks for help', () => {
    expect(parseCollectorArgs(['--help'], {})).toBe('help');
  });
});

describe('parseInsightsArgs and parseSince', () => {
  it('reads the flags with defaults', () => {
    expect(parseInsightsArgs([], {})).toEqual({ dbPath: 'events.sqlite', limit: 15 });
    expect(parseInsightsArgs(['--db', 'e.sqlite', '--since', '30d', '--locale', 'ja', '--html', 'r.html', '--limit', '5'], {})).toEqual({
      dbPath: 'e.sqlite',
      since: '30d',
      locale: 'ja',
      html: 'r.html',
      limit: 5,
    });
  });

  const now = Date.UTC(2026, 1, 1, 12, 0, 0);
  it.each([
    ['30d', now - 30 * 86_400_000],
    ['12h', now - 12 * 3_600_000],
    ['90m', now - 90 * 60_000],
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2026-01-01T09:30:00Z', Date.UTC(2026, 0, 1, 9, 30)],
  ])('--since %s', (text, expected) => {
    expect(parseSince(text, now)).toBe(expected);
  });

  it('explains a bad --since', () => {
    expect(() => parseSince('last week', now)).toThrow('--since last week: expected a duration like 30d, 12h or 90m, or a date like 2026-01-01.');
    expect(() => parseSince('2026-13-45', now)).toThrow(/expected a duration/);
  });
});
