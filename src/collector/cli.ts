/** The two command-line entry points, kept here so scripts/collector.ts and scripts/insights.ts stay one line. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { collectorUsage, insightsUsage, parseCollectorArgs, parseInsightsArgs, parseSince, UsageError } from './cli-options.ts';
import { computeInsights } from './insights.ts';
import { renderHtmlReport } from './report-html.ts';
import { renderTextReport } from './report-text.ts';
import { defaultCollectorOptions, startCollector } from './server.ts';
import { readEvents } from './storage.ts';

type Env = Record<string, string | undefined>;
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** Runs until SIGINT or SIGTERM, then shuts down gracefully. Resolves with the exit code. */
export async function runCollectorCli(argv: readonly string[], env: Env = process.env, io: Io = processIo): Promise<number> {
  let options;
  try {
    options = parseCollectorArgs(argv, env);
  } catch (error) {
    return usageFailure(error, collectorUsage, io);
  }
  if (options === 'help') {
    io.out(collectorUsage);
    return 0;
  }
  let collector;
  try {
    collector = await startCollector(options);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const hint = e.code === 'EADDRINUSE' ? ' Another process uses this port: pass --port, or stop the other process.' : '';
    io.err(`collector: could not start: ${e.message}.${hint}\n`);
    return 1;
  }
  const o = { ...defaultCollectorOptions, ...options };
  const rate = o.rateLimit ? `${o.rateLimit.perMinute}/min per client` : 'off';
  io.out(
    `Collecting events at ${collector.url}/events into ${resolve(o.dbPath)}\n` +
      `  origins: ${o.allowedOrigins.join(', ')} · rate limit: ${rate} · max body: ${o.maxBodyBytes} bytes · X-Forwarded-For: ${o.trustProxy ? 'trusted' : 'ignored'}\n` +
      `  timeouts: headers ${o.headersTimeoutMs / 1000} s, body ${o.bodyTimeoutMs / 1000} s\n` +
      `  health: ${collector.url}/health · stop with Ctrl+C\n`,
  );

  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      // A second signal means "now": skip waiting for requests in flight.
      if (stopping) process.exit(130);
      stopping = true;
      io.out(`\n${signal}: finishing requests in flight and writing queued events…\n`);
      void collector.close().then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.out(`Stopped. ${resolve(o.dbPath)} is closed.\n`);
        resolveExit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runInsightsCli(argv: readonly string[], env: Env = process.env, io: Io = processIo, now = Date.now()): Promise<number> {
  let args;
  let since: number | undefined;
  try {
    args = parseInsightsArgs(argv, env);
    if (args !== 'help' && args.since) since = parseSince(args.since, now);
  } catch (error) {
    return usageFailure(error, insightsUsage, io);
  }
  if (args === 'help') {
    io.out(insightsUsage);
    return 0;
  }
  let rows;
  try {
    rows = readEvents(args.dbPath, { ...(since === undefined ? {} : { since }), ...(args.locale ? { locale: args.locale } : {}) });
  } catch (error) {
    io.err(`insights: ${(error as Error).message}\n`);
    return 1;
  }
  const insights = computeInsights(rows, { limit: args.limit });
  const filters = [args.since && `since ${args.since}`, args.locale && `locale ${args.locale}`].filter(Boolean).join(', ');
  const context = { source: args.dbPath, ...(filters ? { filters } : {}) };
  io.out(renderTextReport(insights, context));
  if (args.html) {
    const file = resolve(args.html);
    await writeFile(file, renderHtmlReport(insights, { ...context, generatedAt: now }));
    io.out(`\nHTML report: ${file}\n`);
  }
  return 0;
}

function usageFailure(error: unknown, usage: string, io: Io): number {
  if (!(error instanceof UsageError)) throw error;
  io.err(`${error.message}\n\n${usage}`);
  return 2;
}
