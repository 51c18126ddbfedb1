// Lets Node 20 run the TypeScript examples directly:
//   node -r ./examples/register.js examples/01-view-shares-memory.ts
// Each .ts file (the examples and the library sources they import) is
// transpiled on require with the project's compiler settings; nothing is
// type-checked here (`npx tsc --noEmit -p tsconfig.json` and `npm test` do
// that). Worker threads inherit the `-r` flag, so they load .ts files too.
//
// Loading the compiler costs about a second per thread, so outputs are
// cached by a hash of the source and the compiler version (a changed file
// gets a new key; nothing goes stale) in a private directory under the OS
// temp dir, and the compiler is only loaded on a miss.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const tsVersion = require('typescript/package.json').version;
const cacheDir = path.join(os.tmpdir(), `mmarray-examples-ts-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
let ts;

function transpile(source, filename) {
  ts = ts || require('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
  }).outputText;
}

function cached(source, filename) {
  const key = crypto.createHash('sha256').update(`${tsVersion}\0${filename}\0${source}`).digest('hex');
  const file = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const out = transpile(source, filename);
    try {
      fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      // Write then rename: a concurrent reader sees the whole file or none.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(tmp, out);
      fs.renameSync(tmp, file);
    } catch {
      // No cache (read-only temp dir): still correct, only slower.
    }
    return out;
  }
}

require.extensions['.ts'] = function compileTs(module, filename) {
  module._compile(cached(fs.readFileSync(filename, 'utf8'), filename), filename);
};
