// Integration tests of the native layer (lib/native.ts over the C++ addon) on
// real temp files. Each test is named for the edge case it pins down.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { AccessError } from '../lib/errors';
import {
  kernelAbort, kernelCopy, kernelProgress, kernelReduce, kernelReduceAsync, mapFile, pageSize, truncateUnmapped,
  type Advice, type AsyncJob, type MappingHandle, type NativeMode,
} from '../lib/native';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-native-');

const KiB = 1024;
const GiB = 1024 ** 3;
const ROOT = path.resolve(__dirname, '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Distinct, position-dependent bytes, so an off-by-N read cannot pass. */
function pattern(length: number, seed = 0): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed + (i >> 8)) & 0xff;
  return out;
}

function bytesOf(m: MappingHandle, start = 0, length = m.length - start): Uint8Array {
  return new Uint8Array(m.window(start, length));
}

/** The error `fn` throws synchronously or its promise rejects with. */
async function failure(fn: () => unknown): Promise<NodeJS.ErrnoException> {
  try {
    await fn();
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
  throw new Error('expected a failure');
}

function caught(fn: () => unknown): NodeJS.ErrnoException {
  try {
    fn();
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

/**
 * Errors made by the addon come from node's own realm, not the jest sandbox's,
 * so `instanceof RangeError` cannot work here: check the name instead.
 */
function expectError(e: NodeJS.ErrnoException, name: 'Error' | 'RangeError' | 'TypeError', code?: string): void {
  expect(e).toBeDefined();
  expect(e.name).toBe(name);
  expect(Object.prototype.toString.call(e)).toBe('[object Error]');
  if (code !== undefined) expect(e.code).toBe(code);
}

/** Asserts `fn` throws an error of that name (and code). */
function expectThrows(fn: () => unknown, name: 'Error' | 'RangeError' | 'TypeError', code?: string): NodeJS.ErrnoException {
  const e = caught(fn);
  expectError(e, name, code);
  return e;
}

/** Reads `length` bytes at `position` of a file without mapping it. */
function preadFile(file: string, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, position);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

const countFds = (): number => fs.readdirSync('/proc/self/fd').length;
const mapsLines = (): string[] => fs.readFileSync('/proc/self/maps', 'utf8').split('\n').filter(Boolean);
const mapsOf = (file: string): number => mapsLines().filter((l) => l.endsWith(file)).length;

/**
 * Runs `script` in a fresh node. The script gets `addon` (loaded exactly as
 * lib/native.ts loads it: node-gyp-build on the package root) and `report(x)`,
 * which prints x as the last line of stdout for the parent to parse.
 */
function runChild(script: string, opts: { nodeArgs?: string[]; uid?: number; shell?: boolean } = {}) {
  const prelude =
    `const addon = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'node-gyp-build'))})(${JSON.stringify(ROOT)});\n` +
    `const fs = require('fs');\n` +
    `const report = (x) => process.stdout.write('\\n' + JSON.stringify(x) + '\\n');\n`;
  const args = [...(opts.nodeArgs ?? []), '-e', prelude + script];
  const res = opts.shell
    ? // No core files from the children that are meant to crash.
      spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, uid: opts.uid });
  const lines = (res.stdout ?? '').trim().split('\n');
  let result: unknown;
  try {
    result = JSON.parse(lines[lines.length - 1] ?? '');
  } catch {
    result = undefined;
  }
  return { ...res, result };
}

describe('mapping modes', () => {
  const content = pattern(3 * KiB + 17);

  it.each<NativeMode>(['r', 'r+', 'c'])("mode '%s' reads back exactly what the file holds", (mode) => {
    const m = mapFile(tmp.file(content), mode, 0, -1);
    expect(m.length).toBe(content.length);
    expect(m.closed).toBe(false);
    expect(Buffer.from(bytesOf(m)).equals(Buffer.from(content))).toBe(true);
    m.close();
  });

  it("mode 'w+' reads back zeros: it truncates first, like NumPy", () => {
    const p = tmp.file(content);
    const m = mapFile(p, 'w+', 0, 100);
    expect(Array.from(bytesOf(m))).toEqual(new Array(100).fill(0));
    m.close();
  });

  it("'r+' writes reach the file once flush() returns", () => {
    const p = tmp.file(content);
    const m = mapFile(p, 'r+', 0, -1);
    const u = bytesOf(m);
    u[0] = 0xde;
    u[1000] = 0xad;
    u[u.length - 1] = 0xef;
    m.flush();
    const disk = fs.readFileSync(p);
    expect([disk[0], disk[1000], disk[disk.length - 1]]).toEqual([0xde, 0xad, 0xef]);
    expect(disk.length).toBe(content.length);
    m.close();
  });

  it("'r+' writes reach the file once flushAsync() resolves", async () => {
    const p = tmp.file(content);
    const m = mapFile(p, 'r+', 0, -1);
    const u = bytesOf(m);
    u.fill(0x5a, 10, 20);
    await expect(m.flushAsync()).resolves.toBeUndefined();
    await expect(m.flushAsync(10, 10)).resolves.toBeUndefined();
    await Promise.all([m.flushAsync(0, 1), m.flushAsync(5), m.flushAsync()]);
    expect(Array.from(fs.readFileSync(p).subarray(9, 21))).toEqual([content[9], ...new Array(10).fill(0x5a), content[20]]);
    m.close();
  });

  it("'r+' writes are visible to a second mapping of the same file (MAP_SHARED)", () => {
    const p = tmp.file(content);
    const a = mapFile(p, 'r+', 0, -1);
    const b = mapFile(p, 'r', 0, -1);
    bytesOf(a)[7] = 0x77;
    expect(bytesOf(b)[7]).toBe(0x77);
    a.close();
    b.close();
  });

  it("'w+' creates the file with exactly offset + length bytes", () => {
    const p = tmp.path('created.bin');
    expect(fs.existsSync(p)).toBe(false);
    const m = mapFile(p, 'w+', 10, 20);
    expect(m.length).toBe(20);
    bytesOf(m).fill(0xcc);
    m.flush();
    m.close();
    const disk = fs.readFileSync(p);
    expect(disk.length).toBe(30);
    expect(Array.from(disk)).toEqual([...new Array(10).fill(0), ...new Array(20).fill(0xcc)]);
  });

  it("'w+' truncates an existing, larger file to offset + length", () => {
    const p = tmp.file(pattern(10 * KiB));
    const m = mapFile(p, 'w+', 3, 5);
    m.close();
    expect(fs.statSync(p).size).toBe(8);
    expect(Array.from(fs.readFileSync(p))).toEqual(new Array(8).fill(0));
  });

  it("'c' writes are visible in memory but never reach the file, even after flush()", () => {
    const p = tmp.file(content);
    const m = mapFile(p, 'c', 0, -1);
    const u = bytesOf(m);
    u.fill(0xff, 0, 64);
    expect(bytesOf(m, 0, 64).every((b) => b === 0xff)).toBe(true); // another window, same pages
    m.flush();
    const other = mapFile(p, 'r', 0, -1);
    expect(bytesOf(other, 0, 64)).toEqual(content.subarray(0, 64));
    other.close();
    m.close();
    expect(Buffer.from(fs.readFileSync(p)).equals(Buffer.from(content))).toBe(true);
  });
});

describe('unaligned offsets', () => {
  const size = pageSize * 4 + 100;
  const content = pattern(size, 7);
  const offsets = [...new Set([1, 4095, 4097, pageSize - 1, pageSize + 1, pageSize * 3 + 5])].filter((o) => o < size);

  it.each(offsets)('offset %d exposes the buffer starting exactly at that byte', (offset) => {
    for (const mode of ['r', 'r+', 'c'] as const) {
      const m = mapFile(tmp.file(content), mode, offset, -1);
      expect(m.length).toBe(size - offset);
      const u = bytesOf(m);
      expect(u[0]).toBe(content[offset]);
      expect(Buffer.from(u).equals(Buffer.from(content.subarray(offset)))).toBe(true);
      // A window at a later start is relative to the offset too.
      expect(bytesOf(m, 3, 2)).toEqual(content.subarray(offset + 3, offset + 5));
      m.close();
    }
  });

  it("offset with an explicit length maps [offset, offset + length) and 'r+' writes land there", () => {
    const p = tmp.file(content);
    const offset = pageSize * 3 + 5;
    const m = mapFile(p, 'r+', offset, 10);
    expect(m.length).toBe(10);
    bytesOf(m).fill(0xab);
    m.flush(2, 3); // an unaligned flush range inside an unaligned mapping
    m.flush();
    m.close();
    const disk = fs.readFileSync(p);
    expect(disk[offset - 1]).toBe(content[offset - 1]);
    expect(Array.from(disk.subarray(offset, offset + 10))).toEqual(new Array(10).fill(0xab));
    expect(disk[offset + 10]).toBe(content[offset + 10]);
  });
});

describe('a sparse 10 GiB file', () => {
  const size = 10 * GiB;
  let file: string;
  let m: MappingHandle;

  beforeAll(() => {
    file = tmp.sparse(size);
    m = mapFile(file, 'r+', 0, -1); // O(1): nothing is read
  });
  afterAll(() => m?.close());

  it('maps whole, with its full length', () => {
    expect(m.length).toBe(size);
  });

  it('is written and read at its first and last byte', () => {
    const first = bytesOf(m, 0, 1);
    const last = bytesOf(m, size - 1, 1);
    expect([first[0], last[0]]).toEqual([0, 0]);
    first[0] = 0x11;
    last[0] = 0x99;
    m.flush(0, 1);
    m.flush(size - 1, 1);
    expect(preadFile(file, 0, 1)[0]).toBe(0x11);
    expect(preadFile(file, size - 1, 1)[0]).toBe(0x99);
    expect(fs.statSync(file).size).toBe(size);
  });

  it('4 GiB windows at 2 GiB steps cover it, and overlapping windows see each other\'s writes', () => {
    const step = 2 * GiB;
    const win = 4 * GiB;
    const starts = [0, 2 * GiB, 4 * GiB, 6 * GiB]; // the last one ends exactly at 10 GiB
    const views = starts.map((s) => new Uint8Array(m.window(s, win)));
    for (const v of views) expect(v.length).toBe(win);
    for (let k = 0; k + 1 < views.length; k++) {
      const a = views[k]!;
      const b = views[k + 1]!;
      // Same file byte, seen through two windows: the second half of a is the first half of b.
      a[step + 12345] = 0x40 + k;
      expect(b[12345]).toBe(0x40 + k);
      b[step - 1] = 0x60 + k; // right before the boundary at starts[k+1] + step...
      expect(a[win - 1]).toBe(0x60 + k); // ...is the last byte of a
      b[0] = 0x80 + k; // the boundary byte itself
      expect(a[step]).toBe(0x80 + k);
    }
    expect(views[0]![0]).toBe(0x11);
    expect(views[3]![win - 1]).toBe(0x99);
    m.flush();
    for (let k = 0; k + 1 < starts.length; k++) {
      const boundary = starts[k + 1]!;
      expect(preadFile(file, boundary + 12345, 1)[0]).toBe(0x40 + k);
      expect(preadFile(file, boundary + step - 1, 1)[0]).toBe(0x60 + k);
      expect(preadFile(file, boundary, 1)[0]).toBe(0x80 + k);
    }
  });

  it('a window of exactly 4 GiB works; 4 GiB + 1 is a RangeError', () => {
    expect(m.window(GiB, 4 * GiB).byteLength).toBe(4 * GiB);
    expectThrows(() => m.window(GiB, 4 * GiB + 1), 'RangeError', 'ERR_OUT_OF_RANGE');
  });

  it('a window running past the end of the mapping is a RangeError', () => {
    expectThrows(() => m.window(size - 10, 11), 'RangeError', 'ERR_OUT_OF_RANGE');
    expectThrows(() => m.window(size, 1), 'RangeError', 'ERR_OUT_OF_RANGE');
    expectThrows(() => m.window(0, 0), 'RangeError', 'ERR_OUT_OF_RANGE');
    expectThrows(() => m.window(-1, 1), 'RangeError', 'ERR_OUT_OF_RANGE');
    expectThrows(() => m.window(0.5, 1), 'RangeError', 'ERR_OUT_OF_RANGE');
  });
});

describe('close()', () => {
  it('detaches every window: typed arrays over them become zero-length', () => {
    const m = mapFile(tmp.file(pattern(100)), 'r+', 0, -1);
    const w1 = m.window(0, 100);
    const w2 = m.window(50, 10);
    const u = new Uint8Array(w1);
    const f = new Float64Array(w1, 8, 4);
    const d = new DataView(w2);
    m.close();
    expect(m.closed).toBe(true);
    expect([w1.byteLength, w2.byteLength, u.length, f.length]).toEqual([0, 0, 0, 0]);
    expect(u[0]).toBeUndefined(); // reads of a detached view are undefined, not a crash
    u[0] = 1; // and writes go nowhere
    expect(() => d.getUint8(0)).toThrow(TypeError); // V8 itself throws this one, in the test realm
  });

  it("then window(), flush() and advise() throw the library's AccessError, code ERR_CLOSED, naming the file", () => {
    const p = tmp.file(pattern(100));
    const m = mapFile(p, 'r+', 0, -1);
    m.close();
    for (const call of [() => m.window(0, 1), () => m.flush(), () => m.flush(0, 1), () => m.advise('normal')]) {
      const e = caught(call);
      expect(e).toBeInstanceOf(AccessError);
      expect(e).toMatchObject({ name: 'AccessError', code: 'ERR_CLOSED', message: `mapping of '${p}' is closed`, path: p });
    }
  });

  it('twice is fine', () => {
    const m = mapFile(tmp.file(pattern(10)), 'r', 0, -1);
    m.close();
    expect(() => m.close()).not.toThrow();
    expect(m.closed).toBe(true);
  });

  it('then flushAsync() fails with AccessError ERR_CLOSED (thrown or rejected)', async () => {
    const m = mapFile(tmp.file(pattern(10)), 'r+', 0, -1);
    m.close();
    const e = await failure(() => m.flushAsync());
    expect(e).toBeInstanceOf(AccessError);
    expect(e.code).toBe('ERR_CLOSED');
  });

  it('right after flushAsync() waits for it or fails it as closed, never crashes', async () => {
    const m = mapFile(tmp.file(pattern(1 << 16)), 'r+', 0, -1);
    bytesOf(m).fill(3);
    const pending = m.flushAsync().then(
      () => 'flushed',
      (e: NodeJS.ErrnoException) => (e instanceof AccessError ? e.code : `not an AccessError: ${String(e)}`),
    );
    m.close();
    expect(['flushed', 'ERR_CLOSED']).toContain(await pending);
  });
});

describe('advise()', () => {
  const kinds: Advice[] = ['normal', 'sequential', 'random', 'willneed', 'dontneed'];

  it.each(kinds)("accepts '%s', whole and over a sub-range", (kind) => {
    for (const mode of ['r', 'r+'] as const) {
      const m = mapFile(tmp.file(pattern(3 * pageSize)), mode, 1, -1);
      expect(() => m.advise(kind)).not.toThrow();
      expect(() => m.advise(kind, pageSize, 10)).not.toThrow();
      m.close();
    }
  });

  it("'dontneed' on an 'r+' mapping keeps the data (it is in the file)", () => {
    const m = mapFile(tmp.file(pattern(pageSize)), 'r+', 0, -1);
    bytesOf(m)[5] = 0x42;
    m.advise('dontneed');
    expect(bytesOf(m)[5]).toBe(0x42);
    m.close();
  });

  it('an unknown kind is a TypeError', () => {
    const m = mapFile(tmp.file(pattern(10)), 'r', 0, -1);
    expectThrows(() => m.advise('hugepage' as Advice), 'TypeError');
    m.close();
  });

  it("'dontneed' on a 'c' mapping is refused: it would silently discard the private writes", () => {
    const m = mapFile(tmp.file(pattern(pageSize)), 'c', 0, -1);
    const u = bytesOf(m);
    u[0] = 0xee;
    expect(() => m.advise('dontneed')).toThrow(/copy-on-write/);
    expect(u[0]).toBe(0xee);
    for (const kind of kinds.filter((k) => k !== 'dontneed')) expect(() => m.advise(kind)).not.toThrow();
    m.close();
  });

  it('a range outside the mapping is a RangeError', () => {
    const m = mapFile(tmp.file(pattern(10)), 'r', 0, -1);
    expectThrows(() => m.advise('normal', 5, 6), 'RangeError', 'ERR_OUT_OF_RANGE');
    m.close();
  });
});

describe('truncateUnmapped: a shrink checked and done under the mappings\' lock', () => {
  it('refuses while any mapping of the file is live, answering how many, and leaves the file whole', () => {
    const p = tmp.file(pattern(3 * pageSize), 'shrink.bin');
    const m1 = mapFile(p, 'r', 0, -1);
    const m2 = mapFile(p, 'r+', pageSize, pageSize);
    expect(truncateUnmapped(p, pageSize)).toBe(2);
    m1.close();
    expect(truncateUnmapped(p, pageSize)).toBe(1);
    expect(fs.statSync(p).size).toBe(3 * pageSize);
    m2.close();
    expect(truncateUnmapped(p, pageSize)).toBe(0);
    expect(fs.statSync(p).size).toBe(pageSize);
    expect(fs.readFileSync(p)).toEqual(pattern(3 * pageSize).subarray(0, pageSize));
  });

  it('throws the fs-shaped error of a failed open, and refuses a length that is not a safe non-negative integer', () => {
    const p = tmp.path('no-such.bin');
    expect(caught(() => truncateUnmapped(p, 0))).toMatchObject({ code: 'ENOENT', errno: -2, syscall: 'truncate', path: p });
    expect(caught(() => truncateUnmapped(tmp.dir, 0)).code).toBe('EISDIR');
    const q = tmp.file(pattern(16), 'lengths.bin');
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) expect(caught(() => truncateUnmapped(q, bad))).toMatchObject({ name: 'TypeError', message: expect.stringMatching(/safe non-negative integer/) });
    expect(fs.statSync(q).size).toBe(16);
  });
});

describe('errors are fs-shaped, with code and path', () => {
  it('ENOENT for a missing file', () => {
    const p = tmp.path('missing.bin');
    const e = caught(() => mapFile(p, 'r', 0, -1));
    expect(e).toMatchObject({ code: 'ENOENT', errno: -2, syscall: 'open', path: p });
    expect(e.message).toBe(`ENOENT: no such file or directory, open '${p}'`);
    for (const mode of ['r+', 'c'] as const) expect(caught(() => mapFile(p, mode, 0, -1)).code).toBe('ENOENT');
  });

  it('EISDIR for a directory', () => {
    const e = caught(() => mapFile(tmp.dir, 'r', 0, -1));
    expect(e).toMatchObject({ code: 'EISDIR', errno: -21, path: tmp.dir });
    expect(e.message).toMatch(/^EISDIR: /);
  });

  it("EACCES for 'r+' on a read-only file (and 'r' on a mode-000 file)", () => {
    const ro = tmp.file(pattern(10), 'readonly.bin');
    const none = tmp.file(pattern(10), 'noperm.bin');
    fs.chmodSync(ro, 0o444);
    fs.chmodSync(none, 0o000);
    if (!isRoot) {
      expect(caught(() => mapFile(ro, 'r+', 0, -1))).toMatchObject({ code: 'EACCES', errno: -13, syscall: 'open', path: ro });
      expect(caught(() => mapFile(none, 'r', 0, -1))).toMatchObject({ code: 'EACCES', path: none });
      return;
    }
    // Root bypasses file permissions, so ask an unprivileged child instead.
    fs.chmodSync(tmp.dir, 0o755);
    const child = runChild(
      `const codes = {};
       for (const [p, mode] of [[${JSON.stringify(ro)}, 'r+'], [${JSON.stringify(none)}, 'r']]) {
         try { new addon.MappingHandle(p, mode, 0, -1); codes[mode] = 'mapped'; }
         catch (e) { codes[mode] = [e.code, e.errno, e.syscall, e.path]; }
       }
       report(codes);`,
      { uid: 65534 },
    );
    if (child.status !== 0 || child.result === undefined) {
      // eslint-disable-next-line no-console
      console.log(
        `SKIPPED EACCES check: running as root, and an unprivileged child could not run ` +
          `(${child.error?.message ?? child.stderr.trim().split('\n')[0]}).`,
      );
      return;
    }
    expect(child.result).toEqual({ 'r+': ['EACCES', -13, 'open', ro], r: ['EACCES', -13, 'open', none] });
  });

  it.each<NativeMode>(['r', 'r+', 'c'])("an empty file cannot be mapped in mode '%s'", (mode) => {
    const p = tmp.file(new Uint8Array(0));
    const e = caught(() => mapFile(p, mode, 0, -1));
    expect(e.message).toMatch(/^cannot map an empty file/);
    expect(e).toMatchObject({ code: 'ERR_MMARRAY_MAP', path: p });
  });

  it.each<NativeMode>(['r', 'c'])("an offset past the end is a RangeError in mode '%s'", (mode) => {
    const p = tmp.file(pattern(100));
    const e = expectThrows(() => mapFile(p, mode, 101, -1), 'RangeError');
    expect(e).toMatchObject({ code: 'ERR_OUT_OF_RANGE', path: p });
    expect(caught(() => mapFile(p, mode, 200, 10)).code).toBe('ERR_OUT_OF_RANGE');
  });

  it.each<NativeMode>(['r', 'c'])("a range running past the end is a RangeError in mode '%s'", (mode) => {
    const p = tmp.file(pattern(100));
    const e = expectThrows(() => mapFile(p, mode, 50, 51), 'RangeError');
    expect(e).toMatchObject({ code: 'ERR_OUT_OF_RANGE', path: p });
    expect(fs.statSync(p).size).toBe(100); // and the file is untouched
  });

  it("'r+' extends the file to hold a range past its end, like NumPy's memmap", () => {
    const content = pattern(10);
    const p = tmp.file(content);
    const m = mapFile(p, 'r+', 5, 100);
    expect(m.length).toBe(100);
    expect(fs.statSync(p).size).toBe(105);
    const u = bytesOf(m);
    expect(Array.from(u.subarray(0, 5))).toEqual(Array.from(content.subarray(5)));
    expect(u.subarray(5).every((b) => b === 0)).toBe(true);
    u[99] = 1;
    m.close();
    expect(fs.readFileSync(p)[104]).toBe(1);
  });

  it.each([
    ['negative offset', -1, 1],
    ['NaN offset', NaN, 1],
    ['fractional offset', 0.5, 1],
    ['infinite offset', Infinity, 1],
    ['negative length (other than -1)', 0, -2],
    ['NaN length', 0, NaN],
    ['fractional length', 0, 1.5],
  ])('%s is a RangeError', (_name, offset, length) => {
    const p = tmp.file(pattern(100));
    expectThrows(() => mapFile(p, 'r', offset, length), 'RangeError', 'ERR_OUT_OF_RANGE');
  });

  it('an unknown mode is a TypeError', () => {
    const p = tmp.file(pattern(10));
    for (const mode of ['rw', 'w', 'R', '', 'readonly']) {
      expectThrows(() => mapFile(p, mode as NativeMode, 0, -1), 'TypeError');
    }
    expect(fs.statSync(p).size).toBe(10);
  });
});

describe('the native layer defends itself (issue 12)', () => {
  it('a NUL in the path is a TypeError (ERR_INVALID_ARG_VALUE) before open(): the file before the NUL is untouched', () => {
    const p = tmp.file(pattern(64));
    for (const mode of ['r', 'r+', 'w+', 'c'] as const) {
      const e = expectThrows(() => mapFile(`${p}\0.tmp`, mode, 0, 8), 'TypeError', 'ERR_INVALID_ARG_VALUE');
      expect(e.message).toBe(`The argument 'path' must be a string without null bytes. Received '${p}\\x00.tmp'`);
    }
    expect(fs.readFileSync(p).equals(Buffer.from(pattern(64)))).toBe(true);
  });

  it('a FIFO is refused at once with ENODEV naming it, in every mode (no open() that waits for a writer)', () => {
    const fifo = tmp.path('fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const mode of ['r', 'r+', 'w+', 'c'] as const) {
      const e = caught(() => mapFile(fifo, mode, 0, mode === 'w+' ? 8 : -1));
      expect(e).toMatchObject({ code: 'ENODEV', errno: -19, syscall: 'open', path: fifo });
      expect(e.message).toBe(`ENODEV: not a regular file (a FIFO): only regular files can be memory-mapped, open '${fifo}'`);
    }
  });

  it("'w+' on a file this process maps is refused (ERR_MMARRAY_MAPPED); after close() it goes ahead", () => {
    const p = tmp.file(pattern(8192));
    const a = mapFile(p, 'r', 0, -1);
    const b = mapFile(p, 'c', 4096, 10);
    const e = caught(() => mapFile(p, 'w+', 0, 16));
    expect(e).toMatchObject({ code: 'ERR_MMARRAY_MAPPED', path: p });
    expect(e.message).toContain('(2 live mappings; close() them first)');
    expect(fs.statSync(p).size).toBe(8192);
    expect(Array.from(bytesOf(a, 8000, 4))).toEqual(Array.from(pattern(8192).subarray(8000, 8004)));
    a.close();
    expect(caught(() => mapFile(p, 'w+', 0, 16)).message).toContain('(1 live mapping;');
    b.close();
    const c = mapFile(p, 'w+', 0, 16);
    expect(fs.statSync(p).size).toBe(16);
    expect(bytesOf(c).every((x) => x === 0)).toBe(true);
    c.close();
  });

  it("a failed 'w+' (too big to map) keeps the old content and size", () => {
    const p = tmp.file(pattern(100));
    expect(caught(() => mapFile(p, 'w+', 0, 2 ** 50))).toMatchObject({ code: 'ENOMEM', syscall: 'mmap', path: p });
    expect(fs.readFileSync(p).equals(Buffer.from(pattern(100)))).toBe(true);
  });
});

describe('resources', () => {
  it('1,000 map/close cycles leave no extra open file descriptors or mappings', () => {
    const p = tmp.file(pattern(3 * pageSize));
    const fdsBefore = countFds();
    const mapsBefore = mapsLines().length;
    for (let i = 0; i < 1000; i++) {
      const m = mapFile(p, i % 2 ? 'r+' : 'r', i % 5, -1);
      const u = bytesOf(m, 0, 16);
      if (u[0] === 0xfff) throw new Error('unreachable'); // touch the page
      m.close();
    }
    expect(mapsOf(p)).toBe(0);
    expect(countFds()).toBe(fdsBefore);
    expect(Math.abs(mapsLines().length - mapsBefore)).toBeLessThanOrEqual(16); // V8 heap growth
  });

  it('mappings dropped without close() are unmapped by the GC: fds and maps return to where they started', () => {
    const file = tmp.file(pattern(2 * pageSize));
    const child = runChild(
      `const file = ${JSON.stringify(file)};
       const fds = () => fs.readdirSync('/proc/self/fd').length;
       const maps = () => fs.readFileSync('/proc/self/maps', 'utf8').split('\\n').filter(Boolean);
       const ofFile = () => maps().filter((l) => l.endsWith(file)).length;
       const tick = () => new Promise((r) => setImmediate(r));
       (async () => {
         for (let i = 0; i < 5; i++) { gc(); await tick(); }
         const start = { fds: fds(), maps: maps().length };
         let alive = 0;
         (() => {
           for (let i = 0; i < 1000; i++) {
             const m = new addon.MappingHandle(file, i % 2 ? 'r+' : 'c', i % 3, -1);
             const u = new Uint8Array(m.window(0, 64));
             u[1] = u[0];
             if (i % 4 === 0) new Float64Array(m.window(8, 8)).fill(1);
           }
           alive = ofFile();
         })();
         let rounds = 0;
         while (ofFile() > 0 && rounds < 50) { gc(); await tick(); rounds++; }
         report({ start, end: { fds: fds(), maps: maps().length }, alive, left: ofFile(), rounds });
       })();`,
      { nodeArgs: ['--expose-gc'] },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const r = child.result as {
      start: { fds: number; maps: number };
      end: { fds: number; maps: number };
      alive: number;
      left: number;
      rounds: number;
    };
    expect(r.alive).toBeGreaterThan(0); // the mappings really existed...
    expect(r.left).toBe(0); // ...and every one of them is gone
    expect(r.end.fds).toBe(r.start.fds); // no descriptor is ever kept open
    expect(Math.abs(r.end.maps - r.start.maps)).toBeLessThanOrEqual(16); // node internals only
  });
});

describe('protection is real', () => {
  it("writing through a raw Uint8Array over an 'r' window kills the process with SIGSEGV", () => {
    const file = tmp.file(pattern(pageSize));
    const child = runChild(
      `const m = new addon.MappingHandle(${JSON.stringify(file)}, 'r', 0, -1);
       const u = new Uint8Array(m.window(0, 16));
       report({ before: u[0] });
       u[0] = u[0] ^ 0xff; // PROT_READ: the CPU refuses
       report({ survived: true });`,
      { shell: true },
    );
    expect(['SIGSEGV', 'SIGBUS']).toContain(child.signal);
    expect(child.stdout).not.toContain('survived');
    expect(child.stdout).toContain('"before"');
    expect(fs.readFileSync(file)[0]).toBe(pattern(pageSize)[0]);
  });

  it("the same write through a 'c' window is fine and stays private", () => {
    const file = tmp.file(pattern(pageSize));
    const child = runChild(
      `const m = new addon.MappingHandle(${JSON.stringify(file)}, 'c', 0, -1);
       const u = new Uint8Array(m.window(0, 16));
       u[0] = u[0] ^ 0xff;
       report({ value: u[0] });`,
      { shell: true },
    );
    expect(child.signal).toBeNull();
    expect(child.result).toEqual({ value: pattern(pageSize)[0]! ^ 0xff });
    expect(fs.readFileSync(file)[0]).toBe(pattern(pageSize)[0]);
  });
});

describe("the addon throws the library's own error classes (setErrorClasses at load, issue 17)", () => {
  it('a kernel over a closed mapping throws AccessError ERR_CLOSED, sync and async alike', () => {
    const p = tmp.file(pattern(64));
    const m = mapFile(p, 'r', 0, -1);
    m.close();
    for (const call of [() => kernelReduce(m, 0, [1], [64], 3, false, 0), () => kernelReduceAsync(m, 0, [1], [64], 3, false, 0, 1)]) {
      const e = caught(call);
      expect(e).toBeInstanceOf(AccessError);
      expect(e).toMatchObject({ code: 'ERR_CLOSED', message: `mapping of '${p}' is closed` });
    }
  });

  it("a kernel writing into an 'r' mapping throws AccessError ERR_READ_ONLY before touching it", () => {
    const p = tmp.file(pattern(64));
    const m = mapFile(p, 'r', 0, -1);
    try {
      const e = caught(() => kernelCopy(new ArrayBuffer(64), 0, [1], m, 0, [1], [64], 1, []));
      expect(e).toBeInstanceOf(AccessError);
      expect(e).toMatchObject({ code: 'ERR_READ_ONLY', path: p });
      expect(e.message).toContain(p);
      expect(Buffer.from(bytesOf(m)).equals(Buffer.from(pattern(64)))).toBe(true);
    } finally {
      m.close();
    }
  });

  it('argument errors keep their builtin class and one code per kind: wrong kind ERR_INVALID_ARG_TYPE, refused value ERR_INVALID_ARG_VALUE', () => {
    const p = tmp.file(pattern(8));
    expectThrows(() => mapFile(p, 'rw' as NativeMode, 0, -1), 'TypeError', 'ERR_INVALID_ARG_VALUE');
    const m = mapFile(p, 'r', 0, -1);
    try {
      expectThrows(() => m.advise('bogus' as Advice), 'TypeError', 'ERR_INVALID_ARG_VALUE');
      expectThrows(() => kernelReduce(m, 0, 'x' as unknown as number[], [8], 3, false, 0), 'TypeError', 'ERR_INVALID_ARG_TYPE');
    } finally {
      m.close();
    }
  });

  it('without the handshake the error is still named AccessError with its code; setErrorClasses installs any class and refuses a non-class', () => {
    const file = tmp.file(pattern(16));
    const child = runChild(
      `const out = {};
       const closedError = () => {
         const m = new addon.MappingHandle(${JSON.stringify(file)}, 'r', 0, -1);
         m.close();
         try { m.window(0, 1); } catch (e) { return e; }
       };
       let e = closedError();
       out.bare = [e instanceof Error, e.name, e.code, e.message];
       class Mine extends Error { constructor(code, message) { super(message); this.name = 'Mine'; this.code = code; } }
       addon.setErrorClasses({ AccessError: Mine });
       e = closedError();
       out.installed = [e instanceof Mine, e.name, e.code];
       addon.setErrorClasses({ AccessError: function () { throw new Error('boom'); } });
       e = closedError();
       out.throwing = [e.name, e.code];
       try { addon.setErrorClasses({}); } catch (t) { out.refused = [t.name, t.code]; }
       report(out);`,
    );
    expect(child.status).toBe(0);
    expect(child.result).toEqual({
      bare: [true, 'AccessError', 'ERR_CLOSED', `mapping of '${file}' is closed`],
      installed: [true, 'Mine', 'ERR_CLOSED'],
      throwing: ['AccessError', 'ERR_CLOSED'],
      refused: ['TypeError', 'ERR_INVALID_ARG_TYPE'],
    });
  });
});

describe('ranges and layouts from JS near 2^53 are refused or walked without overflow', () => {
  const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1, the largest integer the addon takes

  it('flush(), advise() and window() ranges whose end passes 2^53 are RangeErrors naming the range', () => {
    const m = mapFile(tmp.file(pattern(100)), 'r+', 0, -1);
    try {
      const e = expectThrows(() => m.flush(1, MAX), 'RangeError', 'ERR_OUT_OF_RANGE');
      expect(e.message).toBe(`range [1, ${BigInt(MAX) + 1n}) is outside the mapping of 100 bytes`);
      expectThrows(() => m.advise('normal', MAX, MAX), 'RangeError', 'ERR_OUT_OF_RANGE');
      expectThrows(() => m.window(99, MAX), 'RangeError', 'ERR_OUT_OF_RANGE');
      expectThrows(() => m.flush(MAX + 1), 'RangeError', 'ERR_OUT_OF_RANGE');
      expect(() => m.flush(100, 0)).not.toThrow(); // the empty range at the very end is fine
    } finally {
      m.close();
    }
  });

  it('a length-1 axis may carry any stride up to 2^53 (NumPy ignores it): the kernel sums the right bytes', () => {
    const ab = new ArrayBuffer(16);
    new Uint8Array(ab).set(pattern(16));
    const want = pattern(16).reduce((a, b) => a + b, 0);
    for (const stride of [MAX, -MAX]) {
      expect(kernelReduce(ab, 0, [stride, 1], [1, 16], 3, false, 0)).toBe(want);
      expect(kernelReduce(ab, 0, [1, stride], [16, 1], 3, false, 0)).toBe(want);
    }
    expectThrows(() => kernelReduce(ab, 0, [MAX + 1, 1], [1, 16], 3, false, 0), 'TypeError', 'ERR_INVALID_ARG_TYPE');
  });

  it('an async kernel job is a positive integer id: anything else is a TypeError; a settled one reads null and ignores abort', async () => {
    for (const bad of [{}, null, 0, -1, 2.5, 2 ** 32]) {
      expectThrows(() => kernelProgress(bad as unknown as AsyncJob), 'TypeError', 'ERR_INVALID_ARG_TYPE');
      expectThrows(() => kernelAbort(bad as unknown as AsyncJob), 'TypeError', 'ERR_INVALID_ARG_TYPE');
    }
    const ab = new ArrayBuffer(64);
    new Uint8Array(ab).set(pattern(64));
    let job = 0 as AsyncJob;
    const settled = await new Promise<unknown[]>((resolve) => {
      job = kernelReduceAsync(ab, 0, [1], [64], 3, false, 0, 1, (...args: unknown[]) => resolve(args));
      expect(Number.isInteger(job) && job > 0).toBe(true);
    });
    expect(settled).toEqual([undefined, pattern(64).reduce((a, b) => a + b, 0), 64, 64]);
    expect(kernelProgress(job)).toBeNull();
    expect(() => kernelAbort(job)).not.toThrow();
  });
});
