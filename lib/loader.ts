/**
 * Finds and loads the compiled addon for lib/native.ts, and when none loads,
 * says why and what to do in one {@link AddonLoadError}.
 *
 * The search is node-gyp-build's: a local build first (`build/Release`, then
 * `build/Debug`: what `npm rebuild mmarray` or a clone's `npm install` makes),
 * then the prebuild shipped in the package, `prebuilds/<platform>-<arch>/`
 * (one Node-API binary per platform serves every Node version). The error
 * lists each of those places with what was found there, names the platform,
 * architecture and C library, and keeps the loader's own error as `cause`.
 * @module
 */
import * as fs from 'fs';
import * as path from 'path';

/** The one error thrown when no build of the addon can be loaded. */
export class AddonLoadError extends Error {
  /** Stable code for programs: `'ERR_MMARRAY_ADDON'`. */
  readonly code = 'ERR_MMARRAY_ADDON';

  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'AddonLoadError';
  }
}

/** The C library the running Node uses: `glibc <version>`, `musl`, or `unknown`. */
export function libcName(): string {
  if (process.platform !== 'linux') return process.platform === 'darwin' ? 'libSystem' : 'unknown';
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  if (header?.glibcVersionRuntime) return `glibc ${header.glibcVersionRuntime}`;
  try {
    // Alpine and other musl systems: the dynamic loader is ld-musl-<arch>.so.1.
    if (fs.readdirSync('/lib').some((f) => f.startsWith('ld-musl-'))) return 'musl';
  } catch {
    // no /lib: say unknown below
  }
  return 'unknown';
}

/** What is at each place the search looks, for the error message. */
function describePlaces(root: string, override?: string): string[] {
  if (override) return [`  ${override} (MMARRAY_ADDON_PATH, which replaces the search)`];
  const lines: string[] = [];
  for (const dir of ['build/Release', 'build/Debug']) {
    const file = path.join(root, dir, 'mmarray.node');
    lines.push(`  ${file}: ${fs.existsSync(file) ? 'present' : 'not found'}`);
  }
  const prebuilds = path.join(root, 'prebuilds');
  const shipped = fs.existsSync(prebuilds) ? fs.readdirSync(prebuilds).sort() : [];
  const mine = `${process.platform}-${process.arch}`;
  // A folder for this platform can still hold nothing that matches (a musl
  // binary on glibc, say): name its files.
  const files = shipped.includes(mine) ? fs.readdirSync(path.join(prebuilds, mine)).sort() : [];
  lines.push(
    `  ${path.join(prebuilds, mine)}${path.sep}: ` +
      (shipped.includes(mine)
        ? `present (${files.join(', ') || 'empty'})`
        : `not found (prebuilds in this package: ${shipped.join(', ') || 'none'})`),
  );
  return lines;
}

function explain(root: string, what: string, cause: unknown, override?: string): AddonLoadError {
  const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  const message = [
    `mmarray: ${what} for ${process.platform}-${process.arch} (${libcName()}), ` +
      `Node ${process.versions.node} (Node-API ${process.versions.napi}).`,
    'Looked in:',
    ...describePlaces(root, override),
    `The loader said: ${detail}`,
    'To fix it, build the addon from source: `npm rebuild mmarray` (needs a C++17 compiler, make and python3).',
    "If your package manager skipped mmarray's install script, approve it and reinstall:",
    '`npm install-scripts approve mmarray` (npm), `pnpm approve-builds` (pnpm).',
  ].join('\n');
  return new AddonLoadError(message, { cause });
}

/**
 * Loads the addon of the package at `root` (the folder holding package.json),
 * or the one file `override` names (`MMARRAY_ADDON_PATH`). Throws
 * {@link AddonLoadError} when nothing loads.
 */
export function loadAddon<T>(root: string, override?: string): T {
  let file: string;
  if (override) {
    file = path.resolve(override);
  } else {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const nodeGypBuild = require('node-gyp-build') as { resolve(dir: string): string };
      file = nodeGypBuild.resolve(root);
    } catch (e) {
      throw explain(root, 'no native addon was found', e);
    }
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as T;
  } catch (e) {
    throw explain(root, `the native addon ${file} could not be loaded`, e, override && file);
  }
}
