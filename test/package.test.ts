// The published package, as a user gets it: `npm pack`, then an install into
// a temp project with --ignore-scripts and a PATH that holds only node, npm
// and basic shell tools (no compiler, make or python), then real use from
// CommonJS, ESM and TypeScript; the source-build fallback (`npm rebuild
// mmarray` without the prebuild, no npm nodedir). Plus the package's hygiene over
// `npm pack --dry-run --json`: what ships and what must not.
//
// The prebuild for this platform is built first when it is missing or older
// than the native sources (scripts/prebuild.js; CI builds it before
// `npm test`). `npm pack --ignore-scripts` then packs the tree as it is, so
// this test never rewrites dist/ under the other test files.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-package-');
const ROOT = path.resolve(__dirname, '..');
const PLATFORM = `${process.platform}-${process.arch}`;
// Linux prebuilds carry their C library in the name (scripts/prebuild.js).
const glibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;
const LIBC = process.platform !== 'linux' ? '' : glibc ? '.glibc' : '.musl';
const PREBUILD = `prebuilds/${PLATFORM}/mmarray${LIBC}.node`;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** Newest mtime under `p` (file or folder). */
function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

function ensurePrebuild(): void {
  const file = path.join(ROOT, PREBUILD);
  const sources = Math.max(newest(path.join(ROOT, 'native')), newest(path.join(ROOT, 'binding.gyp')));
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= sources) return;
  console.log(`building ${PREBUILD} (missing or older than native/): node scripts/prebuild.js`);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'prebuild.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}

function npmPack(...args: string[]): PackResult {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out) as PackResult[])[0];
}

/**
 * A bin folder holding node, npm and basic shell tools only: what a machine
 * without a build toolchain has.
 */
function bareBin(): string {
  const bin = tmp.path('bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  const npmCli = fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
  fs.symlinkSync(npmCli, path.join(bin, 'npm'));
  for (const tool of ['sh', 'env', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'chmod', 'uname']) {
    const where = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    fs.symlinkSync(where, path.join(bin, tool));
  }
  return bin;
}

let packed: PackResult;
let tarball: string;
let consumer: string;
let installed: string;
let bareEnv: NodeJS.ProcessEnv;

function run(file: string): SpawnSyncReturns<string> {
  return spawnSync('node', [file], { cwd: consumer, env: bareEnv, encoding: 'utf8' });
}

beforeAll(() => {
  ensurePrebuild();
  const dest = tmp.path('pack');
  fs.mkdirSync(dest);
  packed = npmPack('--pack-destination', dest);
  tarball = path.join(dest, packed.filename);
  consumer = tmp.path('consumer');
  fs.mkdirSync(consumer);
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const bin = bareBin();
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin };
  delete env.MMARRAY_ADDON_PATH;
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  bareEnv = env;
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
    cwd: consumer,
    env: bareEnv,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`npm install of the tarball failed:\n${r.stdout}\n${r.stderr}`);
  installed = path.join(consumer, 'node_modules', 'mmarray');
}, 300000);

describe('installed from the tarball with --ignore-scripts, no toolchain on PATH', () => {
  test('the PATH really has no compiler, make or python', () => {
    const r = spawnSync('sh', ['-c', 'for t in cc gcc g++ c++ clang make python3 python; do command -v $t; done; true'], { env: bareEnv, encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(fs.existsSync(path.join(installed, 'build'))).toBe(false); // nothing was compiled
  });

  const body = (load: string): string => `
${load}
const fs = require('fs');
const file = require('path').join(process.cwd(), 'data-' + process.argv[2] + '.f8');
const w = memmap(file, { mode: 'w+', dtype: '<f8', shape: [4] });
w.set('0', 1.5); w.set('3', -2.25);
w.flush();
w.close();
const r = memmap(file, { mode: 'r', dtype: '<f8' });
const onDisk = new Float64Array(new Uint8Array(fs.readFileSync(file)).buffer);
console.log(JSON.stringify({ shape: r.shape, values: r.toArray(), onDisk: Array.from(onDisk), sum: r.sum() }));
r.close();
fs.unlinkSync(file);
`;
  const expected = { shape: [4], values: [1.5, 0, 0, -2.25], onDisk: [1.5, 0, 0, -2.25], sum: -0.75 };

  test('CommonJS: require maps, writes, flushes and reads back a file', () => {
    const file = path.join(consumer, 'use.cjs');
    fs.writeFileSync(file, body("const { memmap } = require('mmarray');").replace("process.argv[2]", "'cjs'"));
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  test('ESM: named imports map, write, flush and read back a file', () => {
    const file = path.join(consumer, 'use.mjs');
    const src = body("import { memmap } from 'mmarray';\nimport { createRequire } from 'module';\nconst require = createRequire(import.meta.url);")
      .replace("process.argv[2]", "'esm'");
    fs.writeFileSync(file, src);
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  test('mmarray/testing loads from CommonJS and ESM', () => {
    fs.writeFileSync(path.join(consumer, 'testing.cjs'), "console.log(typeof require('mmarray/testing').withTempMemmap);");
    fs.writeFileSync(path.join(consumer, 'testing.mjs'), "import { withTempMemmap } from 'mmarray/testing'; console.log(typeof withTempMemmap);");
    expect(run('testing.cjs').stdout.trim()).toBe('function');
    expect(run('testing.mjs').stdout.trim()).toBe('function');
  });

  test.each(['node10', 'node16'])('the published types check under moduleResolution %s, skipLibCheck off', (resolution) => {
    fs.writeFileSync(
      path.join(consumer, 'use.ts'),
      [
        "import { memmap, type NdArray } from 'mmarray';",
        "import { expectIsolated } from 'mmarray/testing';",
        "const m: NdArray = memmap('x.bin', { mode: 'w+', dtype: '<f8', shape: [2] });",
        'expectIsolated(m, m.copy());',
        '',
      ].join('\n'),
    );
    const moduleKind = resolution === 'node16' ? 'node16' : 'commonjs';
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--skipLibCheck', 'false',
        '--target', 'es2022', '--module', moduleKind, '--moduleResolution', resolution,
        '--typeRoots', path.join(ROOT, 'node_modules', '@types'), '--types', 'node', 'use.ts',
      ],
      { cwd: consumer, encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('with install scripts on, the install script finds the prebuild and builds nothing', () => {
    const app = tmp.path('with-scripts');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts', tarball], {
      cwd: app,
      env: bareEnv,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('node scripts/install.js'); // the install script ran…
    expect(fs.existsSync(path.join(app, 'node_modules', 'mmarray', 'build'))).toBe(false); // …and compiled nothing
    const use = spawnSync('node', ['-e', "console.log(typeof require('mmarray').memmap)"], { cwd: app, env: bareEnv, encoding: 'utf8' });
    expect(use.stdout.trim()).toBe('function');
  });

  test('without the prebuild (and no build), require throws the explanatory error', () => {
    const copy = tmp.path('no-prebuild');
    fs.cpSync(path.join(consumer, 'node_modules'), path.join(copy, 'node_modules'), { recursive: true });
    fs.rmSync(path.join(copy, 'node_modules', 'mmarray', 'prebuilds'), { recursive: true });
    const r = spawnSync('node', ['-e', "try { require('mmarray') } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, cause: String(e.cause) })) }"], {
      cwd: copy,
      env: bareEnv,
      encoding: 'utf8',
    });
    const err = JSON.parse(r.stdout) as Record<string, string>;
    expect(err.name).toBe('AddonLoadError');
    expect(err.code).toBe('ERR_MMARRAY_ADDON');
    expect(err.message).toContain(`no native addon was found for ${PLATFORM}`);
    expect(err.message).toContain(`${path.join(copy, 'node_modules', 'mmarray', 'prebuilds', PLATFORM)}${path.sep}: not found (prebuilds in this package: none)`);
    expect(err.message).toContain('`npm rebuild mmarray`');
    expect(err.cause).toMatch(/No native build was found/);
  });
});

describe('building from source where no prebuild matches', () => {
  test('without the prebuild, `npm rebuild mmarray` builds from source with the local Node headers, no nodedir set', () => {
    // The fallback a platform without a prebuild takes, with the toolchain on
    // PATH but no npm configuration at all (so no nodedir): node-gyp must not
    // download headers (it would print `gyp http GET`; offline it fails).
    const app = tmp.path('from-source');
    fs.cpSync(consumer, app, { recursive: true });
    fs.rmSync(path.join(app, 'node_modules', 'mmarray', 'prebuilds'), { recursive: true });
    const empty = [tmp.file('', 'user.npmrc'), tmp.file('', 'global.npmrc')];
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.MMARRAY_ADDON_PATH;
    for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
    const r = spawnSync('npm', ['rebuild', 'mmarray', '--foreground-scripts', '--userconfig', empty[0], '--globalconfig', empty[1]], {
      cwd: app,
      env,
      encoding: 'utf8',
    });
    const log = r.stdout + r.stderr;
    expect(log).not.toMatch(/gyp http GET/);
    expect(r.status).toBe(0);
    expect(log).toContain(`-Dnode_root_dir=${path.resolve(process.execPath, '..', '..')}`);
    expect(fs.existsSync(path.join(app, 'node_modules', 'mmarray', 'build', 'Release', 'mmarray.node'))).toBe(true);
    const use = spawnSync('node', ['-e', "console.log(typeof require('mmarray').memmap)"], { cwd: app, env, encoding: 'utf8' });
    expect(use.stdout.trim()).toBe('function');
  }, 300000);
});

describe('package hygiene (npm pack --dry-run --json)', () => {
  let files: string[];
  beforeAll(() => {
    files = npmPack('--dry-run').files.map((f) => f.path);
  });

  test('the dry run lists what the tarball holds', () => {
    expect(files.slice().sort()).toEqual(packed.files.map((f) => f.path).sort());
  });

  test('ships the license, changelog, readme, the code, its types and the prebuild', () => {
    for (const f of ['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts',
      'dist/testing.js', 'dist/testing.d.ts', 'dist/loader.js', 'binding.gyp', PREBUILD]) {
      expect(files).toContain(f);
    }
  });

  test('ships no source maps, sources, tests or development tooling', () => {
    const unwanted = files.filter((f) =>
      /\.map$/.test(f) || /^(lib|test|bench|examples|build|build-cmake|build-asan|docs|\.ci|node_modules)\//.test(f) ||
      f.startsWith('scripts/') && f !== 'scripts/install.js' ||
      f.startsWith('dist/conformance/') || /\.ts$/.test(f) && !f.endsWith('.d.ts'));
    expect(unwanted).toEqual([]);
    const mapped = files.filter((f) => f.endsWith('.js') && /sourceMappingURL/.test(fs.readFileSync(path.join(installed, f), 'utf8')));
    expect(mapped).toEqual([]);
  });

  test('package.json names the repository, homepage, bugs, keywords and license', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs).toEqual({ url: expect.stringMatching(/^https:\/\/.+\/issues$/) });
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  test('the published .d.ts declares nothing that lib/ marks @internal', () => {
    /** `name` or `Class.member` for every declaration in a file, and which of them carry @internal. */
    function declarations(file: string): { all: Set<string>; internal: Set<string> } {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const all = new Set<string>();
      const internal = new Set<string>();
      const visit = (node: ts.Node, owner: string): void => {
        const name = (node as ts.NamedDeclaration).name;
        let key: string | null = null;
        if (ts.isVariableStatement(node)) {
          for (const d of node.declarationList.declarations) {
            const k = owner + d.name.getText(sf);
            all.add(k);
            if (ts.getJSDocTags(node).some((t) => t.tagName.text === 'internal')) internal.add(k);
          }
          return;
        }
        if (name && (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) ||
          ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isClassElement(node) || ts.isTypeElement(node))) {
          key = owner + name.getText(sf);
          all.add(key);
          if (ts.getJSDocTags(node).some((t) => t.tagName.text === 'internal')) internal.add(key);
        }
        if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
          node.members.forEach((m: ts.Node) => visit(m, `${key}.`));
        } else if (ts.isSourceFile(node)) {
          node.statements.forEach((s) => visit(s, ''));
        }
      };
      visit(sf, '');
      return { all, internal };
    }
    const leaks: string[] = [];
    let internals = 0;
    for (const dts of files.filter((f) => f.endsWith('.d.ts'))) {
      const source = path.join(ROOT, 'lib', dts.replace(/^dist\//, '').replace(/\.d\.ts$/, '.ts'));
      if (!fs.existsSync(source)) continue;
      const { internal } = declarations(source);
      internals += internal.size;
      const published = declarations(path.join(installed, dts)).all;
      for (const k of internal) if (published.has(k)) leaks.push(`${dts}: ${k}`);
    }
    expect(leaks).toEqual([]);
    expect(internals).toBeGreaterThan(5); // the check saw lib's @internal marks (NdArray._w, …)
  });

  test('the README links only inside the repository', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(5);
    const outside = targets.filter((t) => /^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//') || t.startsWith('..') ||
      (!t.startsWith('#') && !fs.existsSync(path.join(ROOT, t.split('#')[0]))));
    expect(outside).toEqual([]);
    expect(readme).not.toMatch(/\bhttps?:\/\//);
  });

  test('typesVersions maps mmarray/testing for node10 resolution', () => {
    expect(pkg.typesVersions).toEqual({ '*': { testing: ['./dist/testing.d.ts'] } });
    expect(files).toContain('dist/testing.d.ts');
  });
});
