// lib/loader.ts: the addon search and the one error that explains a failure.
// Each case builds a package root in a temp folder with exactly the builds
// the case needs (none, a broken one, another platform's prebuild).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { AddonLoadError, libcName, loadAddon } from '../lib/loader';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-loader-');
const ROOT = path.resolve(__dirname, '..');
const PLATFORM = `${process.platform}-${process.arch}`;

/** A package root holding package.json and the given files. */
function packageRoot(files: Record<string, string | Buffer> = {}): string {
  const root = tmp.path('pkg');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'mmarray', version: '0.0.0' }));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

function loadError(root: string, override?: string): AddonLoadError {
  try {
    loadAddon(root, override);
  } catch (e) {
    return e as AddonLoadError;
  }
  throw new Error('expected loadAddon to throw');
}

/** The parts every explanation carries, whatever went wrong. */
function expectExplains(err: AddonLoadError): void {
  expect(err).toBeInstanceOf(AddonLoadError);
  expect(err.name).toBe('AddonLoadError');
  expect(err.code).toBe('ERR_MMARRAY_ADDON');
  expect(err.message).toContain(`for ${PLATFORM} (${libcName()}), Node ${process.versions.node}`);
  expect(err.message).toContain('`npm rebuild mmarray` (needs a C++17 compiler, make and python3)');
  expect(err.message).toContain('`npm install-scripts approve mmarray` (npm), `pnpm approve-builds` (pnpm)');
  // (jest's module registry throws its own Error subclasses from another realm)
  expect(typeof (err.cause as Error).message).toBe('string');
  expect((err.cause as Error).message.length).toBeGreaterThan(0);
}

test('no build and no prebuild: names every place looked and keeps the loader error as cause', () => {
  const root = packageRoot();
  const err = loadError(root);
  expectExplains(err);
  expect(err.message).toMatch(/^mmarray: no native addon was found for /);
  expect(err.message).toContain(`${path.join(root, 'build/Release/mmarray.node')}: not found`);
  expect(err.message).toContain(`${path.join(root, 'build/Debug/mmarray.node')}: not found`);
  expect(err.message).toContain(`${path.join(root, 'prebuilds', PLATFORM)}${path.sep}: not found (prebuilds in this package: none)`);
  expect((err.cause as Error).message).toMatch(/^No native build was found for platform=/);
  expect(err.message).toContain('The loader said: No native build was found for platform=');
});

test('prebuilds only for other platforms: lists what the package ships', () => {
  const root = packageRoot({ 'prebuilds/os9-m68k/mmarray.node': 'x', 'prebuilds/beos-ppc/mmarray.node': 'x' });
  const err = loadError(root);
  expectExplains(err);
  expect(err.message).toContain('not found (prebuilds in this package: beos-ppc, os9-m68k)');
});

const onGlibc = libcName().startsWith('glibc');
(onGlibc ? test : test.skip)("a prebuild folder for this platform holding only another libc's binary: names its files", () => {
  const root = packageRoot({ [`prebuilds/${PLATFORM}/mmarray.musl.node`]: 'x' });
  const err = loadError(root);
  expectExplains(err);
  expect(err.message).toMatch(/^mmarray: no native addon was found for /);
  expect(err.message).toContain(`${path.join(root, 'prebuilds', PLATFORM)}${path.sep}: present (mmarray.musl.node)`);
});

test('a build that is present but does not load (not a shared object): the dlopen error is the cause', () => {
  const root = packageRoot({ 'build/Release/mmarray.node': Buffer.from('not an ELF or Mach-O file') });
  const err = loadError(root);
  expectExplains(err);
  const file = path.join(root, 'build/Release/mmarray.node');
  expect(err.message).toMatch(new RegExp(`^mmarray: the native addon ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not be loaded for `));
  expect(err.message).toContain(`${file}: present`);
  expect((err.cause as NodeJS.ErrnoException).code).toBe('ERR_DLOPEN_FAILED');
});

test('MMARRAY_ADDON_PATH replaces the search and is named in the error', () => {
  const missing = tmp.path('nowhere.node');
  const err = loadError(packageRoot(), missing);
  expectExplains(err);
  expect(err.message).toContain(`${missing} (MMARRAY_ADDON_PATH, which replaces the search)`);
  expect((err.cause as NodeJS.ErrnoException).code).toBe('MODULE_NOT_FOUND');
});

test('libcName names the C library of this process', () => {
  const name = libcName();
  if (process.platform === 'linux') expect(name).toMatch(/^(glibc \d+\.\d+|musl)$/);
  else if (process.platform === 'darwin') expect(name).toBe('libSystem');
});

describe('require() of a copy of the package without build/ and prebuilds/', () => {
  const dist = path.join(ROOT, 'dist', 'index.js');

  /** dist/ and package.json copied, node_modules linked; `withBuild` copies build/Release too. */
  function copyPackage(withBuild: boolean): string {
    const root = tmp.path('copy');
    fs.mkdirSync(root);
    fs.cpSync(path.join(ROOT, 'dist'), path.join(root, 'dist'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    if (withBuild) {
      fs.mkdirSync(path.join(root, 'build', 'Release'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'build', 'Release', 'mmarray.node'), path.join(root, 'build', 'Release', 'mmarray.node'));
    }
    return root;
  }

  const script = `
    try {
      const m = require(process.argv[1]);
      console.log(JSON.stringify({ ok: typeof m.memmap }));
    } catch (e) {
      console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, cause: e.cause && e.cause.message }));
    }`;

  function requireIn(root: string): Record<string, string> {
    const env = { ...process.env };
    delete env.MMARRAY_ADDON_PATH;
    const r = spawnSync(process.execPath, ['-e', script, root], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as Record<string, string>;
  }

  (fs.existsSync(dist) ? test : test.skip)('throws the explanatory error; the same copy with a build loads', () => {
    const broken = requireIn(copyPackage(false));
    expect(broken.name).toBe('AddonLoadError');
    expect(broken.code).toBe('ERR_MMARRAY_ADDON');
    expect(broken.message).toContain(`no native addon was found for ${PLATFORM}`);
    expect(broken.message).toContain('npm rebuild mmarray');
    expect(broken.cause).toMatch(/^No native build was found/);
    // Control: only the missing build made the difference.
    expect(requireIn(copyPackage(true))).toEqual({ ok: 'function' });
  });
});
