// npm run collector -- [--host 127.0.0.1] [--port 8787] [--db events.sqlite] [--origin https://help.example.com] [--trust-proxy]
// The reference event collector; see docs/events.md.
import { runCollectorCli } from '../src/collector/cli.ts';

process.exitCode = await runCollectorCli(process.argv.slice(2));
