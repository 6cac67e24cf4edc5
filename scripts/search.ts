// npm run search -- "<query>" [--lang ja] [--json] [--dist dist] [--limit 10]: query the built index from the terminal.
import { runSearchCli } from '../src/search/search-cli.ts';

process.exitCode = await runSearchCli(process.argv.slice(2));
