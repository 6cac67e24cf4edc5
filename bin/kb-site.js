#!/usr/bin/env node
// The `kb-site` command. Plain JavaScript: it must run before the TypeScript hooks are in place.
// It runs its TypeScript through node:module's registerHooks and stripTypeScriptTypes (Node 22.15 and later; the
// project and the starter pin Node 24).
const nodeModule = await import('node:module');
if (typeof nodeModule.registerHooks !== 'function' || typeof nodeModule.stripTypeScriptTypes !== 'function') {
  console.error(`kb-site needs Node 24 (22.15 at the least); this is Node ${process.versions.node}. Add it to your project with "npm install --save-dev node@24" and run kb-site through npm (npm run build, npx kb-site …).`);
  process.exit(2);
}
await import('./typescript-hooks.js');
const { runKbSite } = await import('../src/cli/kb-site.ts');
process.exitCode = await runKbSite(process.argv.slice(2));
