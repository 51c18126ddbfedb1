// The addon has two build descriptions: binding.gyp (node-gyp, the prebuilds
// and `npm install` from source) and CMakeLists.txt (cmake-js and the ASan
// build). A source file added to one only builds an addon that fails to load
// with the other (an undefined Init… symbol), so their lists must agree.
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const read = (f: string): string => fs.readFileSync(path.join(root, f), 'utf8');

/** binding.gyp's sources of the mmarray target (its first list, not the per-OS conditions). */
function gypSources(): string[] {
  const gyp = JSON.parse(read('binding.gyp').replace(/#[^\n]*/g, '')) as { targets: { target_name: string; sources: string[] }[] };
  const t = gyp.targets.find((x) => x.target_name === 'mmarray');
  if (t === undefined) throw new Error('binding.gyp has no mmarray target');
  return t.sources;
}

/** CMakeLists.txt's sources of add_library(${PROJECT_NAME} SHARED …). */
function cmakeSources(): string[] {
  const m = /add_library\(\$\{PROJECT_NAME\} SHARED([\s\S]*?)\)/.exec(read('CMakeLists.txt'));
  if (m === null) throw new Error('CMakeLists.txt has no add_library of the project');
  return m[1].split(/\s+/).filter((s) => s.endsWith('.cc'));
}

test('binding.gyp and CMakeLists.txt build the same native sources', () => {
  expect([...cmakeSources()].sort()).toEqual([...gypSources()].sort());
});

test('every native/*.cc is in the build (glibc_compat.cc: Linux only, in binding.gyp\'s OS condition)', () => {
  const all = fs.readdirSync(path.join(root, 'native')).filter((f) => f.endsWith('.cc') && f !== 'glibc_compat.cc').map((f) => `native/${f}`);
  expect([...gypSources()].sort()).toEqual(all.sort());
});
