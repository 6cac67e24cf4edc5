// Node 24 runs this project's TypeScript by stripping the types, but never for files under node_modules. Installed
// as a dependency, kb-site lives there: these hooks strip its own .ts files (and only those) the same way, so the
// installed package runs exactly the code this repository runs. `kb-site` passes this file to every Node process it
// starts with --import, and worker threads inherit it from there.
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageUrl = new URL('../', import.meta.url).href;
const quietly = (source) => {
  // The API is stable in what it does (erasable syntax only, positions kept); only its warning is noise for a writer.
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
};

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith(packageUrl) && url.endsWith('.ts') && !url.slice(packageUrl.length).includes('node_modules/')) {
      return { format: 'module', source: quietly(readFileSync(fileURLToPath(url), 'utf8')), shortCircuit: true };
    }
    return nextLoad(url, context);
  },
});
