#!/usr/bin/env node
// The `kb-site` command. Plain JavaScript: it must run before the TypeScript hooks are in place.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`kb-site needs Node 24 or later; this is Node ${process.versions.node}. Add it to your project with "npm install --save-dev node@24" and run kb-site through npm (npm run build, npx kb-site …).`);
  process.exit(2);
}
await import('./typescript-hooks.js');
const { runKbSite } = await import('../src/cli/kb-site.ts');
process.exitCode = await runKbSite(process.argv.slice(2));
