#!/usr/bin/env node
// `create-kb-site my-help-center`: the same as `kb-site init my-help-center`.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`create-kb-site needs Node 24 or later; this is Node ${process.versions.node}. Run it with "npx --package node@24 --package <kb-site> create-kb-site …", or install Node 24.`);
  process.exit(2);
}
await import('./typescript-hooks.js');
const { runKbSite } = await import('../src/cli/kb-site.ts');
process.exitCode = await runKbSite(['init', ...process.argv.slice(2)]);
