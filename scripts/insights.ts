// npm run insights -- --db events.sqlite [--since 30d] [--locale ja] [--html report.html]: the content-gap report.
import { runInsightsCli } from '../src/collector/cli.ts';

process.exitCode = await runInsightsCli(process.argv.slice(2));
