// memmap(): NumPy's np.memmap over a file — modes, shape inference, offsets,
// order, flush/advise, close and read-only semantics, record files.
import * as fs from 'fs';
import { AccessError, Memmap, memmap, NdArray, stats, ValueError, zeros } from '../lib';
import { useTempDir } from './helpers/tmp';
import { thrownBy } from './helpers/thrown';
import { runInChild } from './helpers/child';

const tmp = useTempDir('mmarray-memmap-');

function bytes(n: number, f: (i: number) => number = (i) => i & 0xff): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => f(i));
}

function f64File(values: number[]): string {
  return tmp.file(new Uint8Array(Float64Array.from(values).buffer));
}

function readFile(p: string): Buffer {
  return fs.readFileSync(p);
}

/** Asserts `fn` throws the library's AccessError with `code`, and returns it. */
function expectAccessError(fn: () => unknown, code: 'ERR_CLOSED' | 'ERR_READ_ONLY', message: string | RegExp): AccessError {
  const err = thrownBy(fn, AccessError);
  expect(err.code).toBe(code);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
  return err;
}

/** The refusal of a write into a 'r' mapping names the file and its mode. */
const READ_ONLY_R = /^assignment destination is read-only \('.*' is mapped read-only, mode 'r'\)$/;

describe('modes', () => {
  test('r: reads the file, not writeable, and refuses writes before touching memory', () => {
    const p = tmp.file(bytes(16));
    const m = memmap(p, { mode: 'r' });
    expect(m.mode).toBe('r');
    expect(m.shape).toEqual([16]);
    expect(m.toArray()).toEqual([...bytes(16)]);
    expect(m.flags.writeable).toBe(false);
    expectAccessError(() => m.set('3', 0), 'ERR_READ_ONLY', READ_ONLY_R);
    expectAccessError(() => m.set(0), 'ERR_READ_ONLY', READ_ONLY_R);
    expectAccessError(() => m.set('2:4', 9), 'ERR_READ_ONLY', READ_ONLY_R);
    expectAccessError(() => m.fill(7), 'ERR_READ_ONLY', READ_ONLY_R);
    expectAccessError(() => m.apply(() => 1), 'ERR_READ_ONLY', READ_ONLY_R);
    expectAccessError(() => m.byteswap(true), 'ERR_READ_ONLY', /^array to be byte-swapped is read-only \('.*' is mapped read-only, mode 'r'\)$/);
    expect(() => {
      m.flags.writeable = true;
    }).toThrow(ValueError);
    expect(m.toArray()).toEqual([...bytes(16)]);
    m.close();
    expect(readFile(p)).toEqual(Buffer.from(bytes(16)));
  });

  test('r: every view of a read-only mapping is read-only too', () => {
    const p = tmp.file(bytes(48));
    const m = memmap(p, { mode: 'r', dtype: [['a', '<u4'], ['b', '<f8']] });
    const views: NdArray[] = [
      m.index('1:'),
      m.index('::-1'),
      m.view('u1'),
      m.field('a'),
      m.field('b').index('::2'),
      m.fields(['b']),
      m.reshape([2, 2]),
      m.T,
    ];
    for (const v of views) {
      expect(v.flags.writeable).toBe(false);
      expectAccessError(() => v.fill(0), 'ERR_READ_ONLY', READ_ONLY_R);
      expectAccessError(() => v.set(0), 'ERR_READ_ONLY', READ_ONLY_R);
    }
    m.close();
    expect(readFile(p)).toEqual(Buffer.from(bytes(48)));
  });

  test('r+: writes go to the file', () => {
    const p = tmp.file(bytes(8));
    const m = memmap(p, { mode: 'r+' });
    expect(m.mode).toBe('r+');
    expect(m.flags.writeable).toBe(true);
    m.set('0', 200);
    m.set('2:4', 77);
    m.flush();
    expect([...readFile(p)]).toEqual([200, 1, 77, 77, 4, 5, 6, 7]);
    m.close();
  });

  test("r+ is NumPy's default mode", () => {
    const p = tmp.file(bytes(4));
    const m = memmap(p);
    expect(m.mode).toBe('r+');
    expect(m.flags.writeable).toBe(true);
    m.close();
  });

  test('r+ with a shape larger than the file extends it, as NumPy does', () => {
    const p = tmp.file(bytes(4));
    const m = memmap(p, { mode: 'r+', shape: 10 });
    expect(fs.statSync(p).size).toBe(10);
    expect(m.toArray()).toEqual([0, 1, 2, 3, 0, 0, 0, 0, 0, 0]);
    m.close();
  });

  test('w+: creates or overwrites the file with zeros of the shape', () => {
    const p = tmp.file(bytes(100));
    const m = memmap(p, { mode: 'w+', dtype: '<i4', shape: [2, 3] });
    expect(m.mode).toBe('w+');
    expect(fs.statSync(p).size).toBe(24);
    expect(m.toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    m.set([
      [1, 2, 3],
      [4, 5, -6],
    ]);
    m.flush();
    expect([...new Int32Array(new Uint8Array(readFile(p)).buffer)]).toEqual([1, 2, 3, 4, 5, -6]);
    m.close();

    const fresh = tmp.path('new.bin');
    const n = memmap(fresh, { mode: 'w+', dtype: 'f8', shape: 3 });
    expect(fs.statSync(fresh).size).toBe(24);
    n.close();
  });

  test('w+ requires a shape', () => {
    const p = tmp.path('noshape.bin');
    expect(() => memmap(p, { mode: 'w+' })).toThrow(new ValueError("shape must be given if mode == 'w+'"));
    expect(fs.existsSync(p)).toBe(false);
  });

  test('c: copy-on-write — writes are visible in memory, never in the file', () => {
    const p = tmp.file(bytes(8));
    const m = memmap(p, { mode: 'c' });
    expect(m.mode).toBe('c');
    expect(m.flags.writeable).toBe(true);
    m.fill(9);
    m.flush();
    expect(m.toArray()).toEqual([9, 9, 9, 9, 9, 9, 9, 9]);
    expect(readFile(p)).toEqual(Buffer.from(bytes(8)));
    m.close();
    expect(readFile(p)).toEqual(Buffer.from(bytes(8)));
  });

  test.each([
    ['readonly', 'r'],
    ['readwrite', 'r+'],
    ['write', 'w+'],
    ['copyonwrite', 'c'],
  ] as const)("NumPy's long name %s means %s", (long, short) => {
    const p = tmp.file(bytes(8));
    const m = memmap(p, { mode: long, shape: 8 });
    expect(m.mode).toBe(short);
    expect(m.flags.writeable).toBe(short !== 'r');
    m.close();
  });

  test('a bad mode lists every valid spelling', () => {
    const p = tmp.file(bytes(8));
    let err: unknown;
    try {
      memmap(p, { mode: 'rw' as never });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValueError);
    const msg = (err as Error).message;
    for (const m of ["'r'", "'r+'", "'w+'", "'c'", "'readonly'", "'readwrite'", "'write'", "'copyonwrite'", "'rw'"]) {
      expect(msg).toContain(m);
    }
  });

  test('a missing file is an fs-shaped ENOENT error naming the path', () => {
    const p = tmp.path('missing.bin');
    expect(() => memmap(p, { mode: 'r' })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => memmap(p, { mode: 'r' })).toThrow(p);
  });
});

describe('shape', () => {
  test('inferred from the file size as 1-d', () => {
    const p = f64File([1.5, 2.5, 3.5]);
    const m = memmap(p, { dtype: '<f8', mode: 'r' });
    expect(m.shape).toEqual([3]);
    expect(m.toArray()).toEqual([1.5, 2.5, 3.5]);
    m.close();
  });

  test('inferred after an offset', () => {
    const p = tmp.file(bytes(13));
    const m = memmap(p, { dtype: '<u4', mode: 'r', offset: 5 });
    expect(m.shape).toEqual([2]);
    expect(m.get(0)).toBe(new DataView(bytes(13).buffer).getUint32(5, true));
    m.close();
  });

  test('a trailing partial record is an error naming the sizes', () => {
    const p = tmp.file(bytes(10));
    let err: unknown;
    try {
      memmap(p, { dtype: '<f8', mode: 'r' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValueError);
    const msg = (err as Error).message;
    expect(msg).toContain('Size of available data is not a multiple of the data-type size');
    expect(msg).toContain('10 bytes');
    expect(msg).toContain('8 bytes');
    expect(msg).toContain(p);
    // With an offset the available size is what counts.
    expect(() => memmap(p, { dtype: '<u4', mode: 'r', offset: 1 })).toThrow(/9 bytes .* after offset 1/);
    const ok = memmap(p, { dtype: '<u4', mode: 'r', offset: 2 });
    expect(ok.shape).toEqual([2]);
    ok.close();
  });

  test('a number or a list', () => {
    const p = tmp.file(bytes(24));
    const a = memmap(p, { mode: 'r', shape: 24 });
    const b = memmap(p, { mode: 'r', shape: [2, 3, 4] });
    expect(a.shape).toEqual([24]);
    expect(b.shape).toEqual([2, 3, 4]);
    expect(b.strides).toEqual([12, 4, 1]);
    expect(b.get(1, 2, 3)).toBe(23);
    a.close();
    b.close();
  });

  test('a shape smaller than the file maps only that much', () => {
    const p = tmp.file(bytes(100));
    const m = memmap(p, { mode: 'r', dtype: '<u2', shape: [2, 2], offset: 3 });
    expect(m.toArray()).toEqual([
      [3 | (4 << 8), 5 | (6 << 8)],
      [7 | (8 << 8), 9 | (10 << 8)],
    ]);
    m.close();
  });

  test('shape [] maps one element as a 0-d array (NumPy: size 1)', () => {
    const p = tmp.file(new Uint8Array(new Int32Array([1, 2]).buffer));
    const m = memmap(p, { dtype: '<i4', mode: 'r+', shape: [], offset: 4 });
    expect(m.ndim).toBe(0);
    expect(m.get()).toBe(2);
    m.set(-9);
    m.flush();
    m.close();
    expect(readFile(p).readInt32LE(4)).toBe(-9);
  });

  test('a subarray dtype appends its axes', () => {
    const p = tmp.file(new Uint8Array(new Int16Array([1, 2, 3, 4, 5, 6]).buffer));
    const m = memmap(p, { mode: 'r', dtype: '(3,)<i2' });
    expect(m.shape).toEqual([2, 3]);
    expect(m.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    m.close();
  });

  test('an empty file is refused read-only (NumPy: cannot mmap an empty file); an empty shape maps (test/empty-mapping.test.ts)', () => {
    const empty = tmp.file(new Uint8Array(0));
    expect(() => memmap(empty, { mode: 'r' })).toThrow(ValueError);
    const p = tmp.file(bytes(8));
    expect(memmap(p, { mode: 'r', shape: [0, 3] }).shape).toEqual([0, 3]);
  });

  test("a shape past the end of a read-only file is NumPy's ValueError naming the range, and the file keeps its size", () => {
    const p = tmp.file(bytes(8));
    expect(() => memmap(p, { mode: 'r', shape: 9 })).toThrow(new ValueError(`mmap length is greater than file size: range [0, 9) is past the end of the file (8 bytes) ('${p}')`));
    expect(() => memmap(p, { mode: 'c', shape: 9 })).toThrow(ValueError);
    expect(() => memmap(p, { mode: 'r', offset: 4, shape: 5 })).toThrow(/^mmap length is greater than file size: range \[4, 9\)/);
    expect(fs.statSync(p).size).toBe(8);
  });
});

describe('offset', () => {
  test.each([0, 1, 3, 7, 4095, 4096, 4097, 8191])('unaligned offset %i reads the right bytes and writes land there', (offset) => {
    const total = offset + 40;
    const p = tmp.file(bytes(total, (i) => (i * 7) & 0xff));
    const m = memmap(p, { dtype: '<f8', mode: 'r+', offset, shape: 5 });
    expect(m.fileOffset).toBe(offset);
    const file = readFile(p);
    const dv = new DataView(file.buffer, file.byteOffset, file.length);
    for (let i = 0; i < 5; i++) expect(Object.is(m.get(i), dv.getFloat64(offset + 8 * i, true))).toBe(true);
    m.set('2', Math.PI);
    m.flush();
    const after = readFile(p);
    expect(after.readDoubleLE(offset + 16)).toBe(Math.PI);
    // Bytes outside the element are unchanged.
    expect(after.subarray(0, offset + 16)).toEqual(Buffer.from(bytes(offset + 16, (i) => (i * 7) & 0xff)));
    expect(after.subarray(offset + 24)).toEqual(Buffer.from(bytes(total, (i) => (i * 7) & 0xff).subarray(offset + 24)));
    // The aligned flag follows the file offset within its page.
    expect(m.flags.aligned).toBe(offset % 8 === 0);
    m.close();
  });

  test("an offset past the end of the file is refused: NumPy's ValueError (its shape would be negative)", () => {
    const p = tmp.file(bytes(8));
    expect(() => memmap(p, { mode: 'r', offset: 9 })).toThrow(new ValueError(`negative dimensions are not allowed: offset 9 is past the end of '${p}' (8 bytes)`));
  });

  test('a bad offset names itself', () => {
    const p = tmp.file(bytes(8));
    expect(() => memmap(p, { offset: -1 })).toThrow(/offset must be >= 0, got -1/);
    expect(() => memmap(p, { offset: 1.5 })).toThrow(/offset must be an integer/);
    expect(() => memmap(p, { offset: '1' as never })).toThrow(TypeError);
  });
});

describe('order', () => {
  test('F order lays the file out column-major', () => {
    const p = tmp.file(bytes(6));
    const m = memmap(p, { mode: 'r', shape: [2, 3], order: 'F' });
    expect(m.strides).toEqual([1, 2]);
    expect(m.flags.fContiguous).toBe(true);
    expect(m.flags.cContiguous).toBe(false);
    expect(m.toArray()).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
    m.close();
  });

  test('C order is the default', () => {
    const p = tmp.file(bytes(6));
    const m = memmap(p, { mode: 'r', shape: [2, 3] });
    expect(m.strides).toEqual([3, 1]);
    expect(m.toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    m.close();
  });

  test("as NumPy, 'A' and 'K' lay the file out in C order, and the letters may be lower case", () => {
    const p = tmp.file(bytes(6));
    for (const order of ['A', 'K', 'c', 'a', 'k']) {
      const m = memmap(p, { mode: 'r', shape: [2, 3], order: order as never });
      expect(m.strides).toEqual([3, 1]);
      m.close();
    }
    const f = memmap(p, { mode: 'r', shape: [2, 3], order: 'f' as never });
    expect(f.strides).toEqual([1, 2]);
    f.close();
  });

  test('a bad order is refused before the file is touched', () => {
    const p = tmp.file(bytes(6));
    for (const order of ['X', '', 'CF', 'fortran']) {
      expect(() => memmap(p, { mode: 'w+', shape: 2, order: order as never })).toThrow(new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${order}')`));
    }
    expect(fs.readFileSync(p)).toEqual(Buffer.from(bytes(6)));
  });
});

describe('flush and advise', () => {
  test('flush persists writes (read back with fs)', () => {
    const p = f64File([0, 0, 0, 0]);
    const m = memmap(p, { dtype: '<f8', mode: 'r+' });
    m.set('1:3', [1.25, -2.5]);
    m.flush();
    const b = readFile(p);
    expect([0, 1, 2, 3].map((i) => b.readDoubleLE(8 * i))).toEqual([0, 1.25, -2.5, 0]);
    m.close();
  });

  test('flushAsync persists writes and resolves', async () => {
    const p = f64File([0, 0]);
    const m = memmap(p, { dtype: '<f8', mode: 'r+' });
    m.set('1', 42);
    await expect(m.flushAsync()).resolves.toBeUndefined();
    expect(readFile(p).readDoubleLE(8)).toBe(42);
    m.close();
  });

  test('flush on a read-only mapping is allowed (nothing to write)', async () => {
    const m = memmap(tmp.file(bytes(8)), { mode: 'r' });
    expect(() => m.flush()).not.toThrow();
    await expect(m.flushAsync()).resolves.toBeUndefined();
    m.close();
  });

  test.each(['normal', 'sequential', 'random', 'willneed', 'dontneed'] as const)('advise(%s)', (advice) => {
    const p = tmp.file(bytes(8192 + 5));
    const m = memmap(p, { mode: 'r', offset: 5 });
    expect(() => m.advise(advice)).not.toThrow();
    expect(m.get(0)).toBe(5);
    m.close();
  });

  test('after close, flush/advise throw and flushAsync rejects with ERR_CLOSED', async () => {
    const p = tmp.file(bytes(8));
    const m = memmap(p);
    m.close();
    expectAccessError(() => m.flush(), 'ERR_CLOSED', `mapping of '${p}' is closed`);
    expectAccessError(() => m.advise('normal'), 'ERR_CLOSED', `mapping of '${p}' is closed`);
    await expect(m.flushAsync()).rejects.toMatchObject({ name: 'AccessError', code: 'ERR_CLOSED' });
  });
});

describe('close', () => {
  const closedMessage = (p: string): string => `mapping of '${p}' is closed`;

  test('every view throws ERR_CLOSED on get/set/toArray/iterate after close', () => {
    const p = tmp.file(bytes(64));
    const m = memmap(p, { dtype: [['a', '<u4'], ['b', '<u4']], mode: 'r+', shape: [8] });
    const views: [string, NdArray, number[]][] = [
      ['memmap', m, [0]],
      ['slice', m.index('1:6:2'), [0]],
      ['reversed', m.index('::-1'), [0]],
      ['view(dtype)', m.view('<u2'), [0]],
      ['field', m.field('b'), [0]],
      ['reshape', m.reshape([2, 4]), [0, 0]],
      ['field of slice', m.index('2:').field('a'), [1]],
    ];
    m.close();
    expect(m.closed).toBe(true);
    for (const [name, v, idx] of views) {
      const msg = closedMessage(p);
      expect((v as Memmap).closed).toBe(true);
      expectAccessError(() => v.get(...idx), 'ERR_CLOSED', msg);
      expectAccessError(() => v.set(0), 'ERR_CLOSED', msg);
      expectAccessError(() => v.fill(0), 'ERR_CLOSED', msg);
      expectAccessError(() => v.toArray(), 'ERR_CLOSED', msg);
      expectAccessError(() => [...v], 'ERR_CLOSED', msg);
      expectAccessError(() => v.forEach(() => undefined), 'ERR_CLOSED', msg);
      expectAccessError(() => v.copy(), 'ERR_CLOSED', msg);
      expectAccessError(() => v.index('0'), 'ERR_CLOSED', msg);
      expect(name).toBeTruthy();
    }
    // Views made by close() time are views of a closed mapping; so are new attempts.
    expectAccessError(() => m.index('1:'), 'ERR_CLOSED', closedMessage(p));
    expectAccessError(() => m.field('a'), 'ERR_CLOSED', closedMessage(p));
    expectAccessError(() => m.view('u1'), 'ERR_CLOSED', closedMessage(p));
    expectAccessError(() => m.buffer, 'ERR_CLOSED', closedMessage(p));
    expect(String(m)).toContain('closed');
  });

  test('close is idempotent', () => {
    const m = memmap(tmp.file(bytes(8)));
    const before = stats().openMappings;
    m.close();
    expect(stats().openMappings).toBe(before - 1);
    expect(() => m.close()).not.toThrow();
    expect(stats().openMappings).toBe(before - 1);
    // Closing through a view closes the one mapping, once.
    const n = memmap(tmp.file(bytes(8)));
    const v = n.index('2:') as Memmap;
    v.close();
    expect(n.closed).toBe(true);
    n.close();
    expect(stats().openMappings).toBe(before - 1);
  });

  test('Symbol.dispose closes the mapping (using)', () => {
    const p = tmp.file(bytes(8));
    const before = stats().openMappings;
    const m = memmap(p, { mode: 'r' });
    const v = m.index('::2');
    expect(stats().openMappings).toBe(before + 1);
    {
      // What `using m = memmap(...)` compiles to at the end of the block.
      m[Symbol.dispose]();
    }
    expect(m.closed).toBe(true);
    expect(stats().openMappings).toBe(before);
    expectAccessError(() => v.get(0), 'ERR_CLOSED', `mapping of '${p}' is closed`);
    m[Symbol.dispose]();
    expect(stats().openMappings).toBe(before);
  });

  test('a typed array obtained before close becomes zero-length', () => {
    const m = memmap(tmp.file(bytes(8)), { mode: 'r+' });
    const t = m.typedArray();
    expect(t.length).toBe(8);
    m.close();
    expect(t.length).toBe(0);
  });
});

/** Is `p` mapped into this process? (Linux: /proc/self/maps; null elsewhere.) */
function isMapped(p: string): boolean | null {
  if (!fs.existsSync('/proc/self/maps')) return null;
  const real = fs.realpathSync(p);
  return fs.readFileSync('/proc/self/maps', 'utf8').split('\n').some((l) => l.endsWith(` ${real}`));
}

describe('lifetime', () => {
  test('close() really unmaps the file', () => {
    const p = tmp.file(bytes(64), 'unmap.bin');
    const m = memmap(p, { mode: 'r' });
    const v = m.index('1:');
    if (isMapped(p) === null) return;
    expect(isMapped(p)).toBe(true);
    m.close();
    expect(isMapped(p)).toBe(false);
    expect(v.flags.writeable).toBe(false);
  });

  // In a child node: a jest worker's heap holds every earlier test file's
  // modules, and there a finalizer's turn can come later than any bound.
  test('after a full GC a view still holds the mapping; dropping it unmaps and uncounts', () => {
    const p = tmp.file(bytes(64, () => 3), 'gc.bin');
    const r = runInChild(`
      const fs = require('fs');
      require('v8').setFlagsFromString('--expose-gc');
      const gc = require('vm').runInNewContext('gc');
      const real = fs.realpathSync(${JSON.stringify(p)});
      const mapped = () => fs.readFileSync('/proc/self/maps', 'utf8').split('\\n').some((l) => l.endsWith(' ' + real));
      const collect = async (done) => {
        for (let i = 0; i < 200; i++) {
          gc();
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (i >= 5 && (done === undefined || done())) return;
        }
      };
      const s0 = L.stats();
      const held = { v: (() => L.memmap(real, { mode: 'r+' }).index('8:16'))() };
      await collect();
      const during = { mappings: L.stats().openMappings - s0.openMappings, bytes: L.stats().mappedBytes - s0.mappedBytes, mapped: mapped(), values: held.v.toArray() };
      held.v.set('0', 4);
      held.v = null;
      await collect(() => L.stats().openMappings === s0.openMappings);
      const after = { mappings: L.stats().openMappings - s0.openMappings, bytes: L.stats().mappedBytes - s0.mappedBytes, mapped: mapped() };
      return { during, after };
    `);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual({
      during: { mappings: 1, bytes: 64, mapped: true, values: Array(8).fill(3) },
      after: { mappings: 0, bytes: 0, mapped: false },
    });
    expect(readFile(p)[8]).toBe(4);
  });

  test('views keep the mapping alive after the memmap is dropped', () => {
    const p = tmp.file(bytes(32));
    const make = (): NdArray => memmap(p, { mode: 'r+' }).index('8:16');
    const v = make();
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    expect(v.toArray()).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    v.set('0', 255);
    expect(v.get(0)).toBe(255);
    expect(v.base).toBeInstanceOf(Memmap);
    expect((v as Memmap).filename).toBe(p);
    (v as Memmap).close();
  });

  test('stats().openMappings and mappedBytes go up and down', () => {
    const s0 = stats();
    const a = memmap(tmp.file(bytes(100)), { mode: 'r' });
    const b = memmap(tmp.file(bytes(10)), { mode: 'r', offset: 3 });
    const s1 = stats();
    expect(s1.openMappings).toBe(s0.openMappings + 2);
    expect(s1.mappedBytes).toBe(s0.mappedBytes + 107);
    a.index('1:').view('u1');
    expect(stats().openMappings).toBe(s1.openMappings);
    a.close();
    expect(stats().openMappings).toBe(s0.openMappings + 1);
    expect(stats().mappedBytes).toBe(s0.mappedBytes + 7);
    b.close();
    expect(stats()).toMatchObject({ openMappings: s0.openMappings, mappedBytes: s0.mappedBytes });
  });

  test('filename, mode and fileOffset describe the mapping', () => {
    const p = tmp.file(bytes(20));
    const m = memmap(p, { mode: 'c', offset: 4, dtype: '<u2' });
    expect(m).toBeInstanceOf(Memmap);
    expect(m).toBeInstanceOf(NdArray);
    expect(m.filename).toBe(p);
    expect(m.mode).toBe('c');
    expect(m.fileOffset).toBe(4);
    expect(m.shape).toEqual([8]);
    expect(m.closed).toBe(false);
    const f = m.index('1:') as Memmap;
    expect(f.filename).toBe(p);
    expect(f.fileOffset).toBe(4);
    m.close();
  });
});

describe('a record file [id <u4, ts <u4, value <f8]', () => {
  const rec = [
    ['id', '<u4'],
    ['ts', '<u4'],
    ['value', '<f8'],
  ] as const;
  const N = 1000;

  function writeRecords(): string {
    const buf = Buffer.alloc(16 * N);
    for (let i = 0; i < N; i++) {
      buf.writeUInt32LE(i, 16 * i);
      buf.writeUInt32LE(1_700_000_000 + 60 * i, 16 * i + 4);
      buf.writeDoubleLE(i * 0.5, 16 * i + 8);
    }
    return tmp.file(buf, 'records.bin');
  }

  test('read through field views and summed', () => {
    const p = writeRecords();
    const m = memmap(p, { dtype: rec as never, mode: 'r' });
    expect(m.shape).toEqual([N]);
    expect(m.itemsize).toBe(16);
    const ids = m.field('id');
    const values = m.field('value');
    expect(ids.strides).toEqual([16]);
    expect(values.offset).toBe(8);
    expect(ids.sum()).toBe((N * (N - 1)) / 2);
    expect(values.sum()).toBe((0.5 * N * (N - 1)) / 2);
    expect(m.field('ts').get(N - 1)).toBe(1_700_000_000 + 60 * (N - 1));
    expect(m.get(7)).toEqual({ id: 7, ts: 1_700_000_420, value: 3.5 });
    expect(values.index('::250').toArray()).toEqual([0, 125, 250, 375]);
    m.close();
  });

  test("updated in place through 'r+' and read back with fs", () => {
    const p = writeRecords();
    const m = memmap(p, { dtype: rec as never, mode: 'r+' });
    const values = m.field('value');
    values.apply((v) => (v as number) * 2);
    m.field('ts').index('::2').fill(0);
    m.set('3', { id: 99, ts: 5, value: -1 });
    m.flush();
    m.close();
    const b = readFile(p);
    for (let i = 0; i < N; i++) {
      const id = b.readUInt32LE(16 * i);
      const ts = b.readUInt32LE(16 * i + 4);
      const value = b.readDoubleLE(16 * i + 8);
      if (i === 3) {
        expect([id, ts, value]).toEqual([99, 5, -1]);
      } else {
        expect(id).toBe(i);
        expect(ts).toBe(i % 2 === 0 ? 0 : 1_700_000_000 + 60 * i);
        expect(value).toBe(i);
      }
    }
  });
});

describe('copies of a memmap (NumPy keeps the subclass through copies)', () => {
  test('copy() is a Memmap without a file: own memory, flush() and close() do nothing, the file never changes', async () => {
    const p = f64File([1, 2, 3]);
    const m = memmap(p, { dtype: '<f8', mode: 'r+' });
    const c = m.copy();
    expect(c).toBeInstanceOf(Memmap);
    expect([c.filename, c.mode, c.fileOffset]).toEqual([null, null, null]);
    expect(c.flags.ownData).toBe(true);
    c.set('0', 99);
    c.flush();
    await c.flushAsync();
    c.advise('sequential');
    c.close();
    expect(c.toArray()).toEqual([99, 2, 3]);
    expect(m.toArray()).toEqual([1, 2, 3]);
    m.close();
    expect(new Float64Array(Uint8Array.from(readFile(p)).buffer)).toEqual(Float64Array.from([1, 2, 3]));
  });

  test('astype() and a copying reshape keep the class too; closing the original leaves them usable', () => {
    const p = f64File([1, 2, 3, 4, 5, 6]);
    const m = memmap(p, { dtype: '<f8', mode: 'r', shape: [2, 3] });
    const cast = m.astype('<i4');
    const flat = m.T.reshape([6]);
    m.close();
    expect(cast).toBeInstanceOf(Memmap);
    expect(cast.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(flat).toBeInstanceOf(Memmap);
    expect(flat.toArray()).toEqual([1, 4, 2, 5, 3, 6]);
  });

  test('view(Memmap) of an in-memory array has no file, and NdArray has no public constructor', () => {
    const v = zeros(3, '<f8').view(Memmap);
    expect(v).toBeInstanceOf(Memmap);
    expect(v.filename).toBeNull();
    expect(() => v.flush()).not.toThrow();
    expect(() => new (NdArray as unknown as new () => NdArray)()).toThrow(TypeError);
  });
});

describe('JSON (issue 12 item 18)', () => {
  test('a 10-element view of a 32 MiB mapping serializes as @stdlib does, without walking the mapping', () => {
    const p = tmp.sparse(32 << 20, 'json.bin');
    const m = memmap(p, { dtype: '<i8', mode: 'r+' });
    m.index(':3').set([1n, -2n, 2n ** 60n]);
    const v = m.index('2:12').reshape([2, 5]);
    expect(Object.keys(v)).toEqual([]);
    expect(JSON.parse(JSON.stringify(v))).toEqual({
      type: 'ndarray',
      dtype: '<i8',
      order: 'row-major',
      shape: [2, 5],
      strides: [5, 1],
      data: [String(2n ** 60n), '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    });
    m.close();
  });

  test('a huge array is refused with a RangeError instead of building gigabytes of text', () => {
    const p = tmp.sparse(32 << 20, 'json-huge.bin');
    const m = memmap(p, { mode: 'r' });
    expect(() => JSON.stringify(m)).toThrow(RangeError);
    expect(() => JSON.stringify(m)).toThrow(
      'toJSON(): an array of 33554432 elements (33554432 bytes) is too large to serialize (at most 1048576 elements and 16777216 bytes); use toArray() on a slice, or saveNpy()',
    );
    m.close();
  });

  test('records, subarrays and dtypes', () => {
    const a = zeros([2], [['a', '<i4'], ['b', '<f8', [2]]]);
    a.set([[1, [0.5, 1.5]], [2, [2.5, 3.5]]]);
    expect(JSON.parse(JSON.stringify(a))).toEqual({
      type: 'ndarray',
      dtype: [['a', '<i4'], ['b', '<f8', [2]]],
      order: 'row-major',
      shape: [2],
      strides: [1],
      data: [{ a: 1, b: [0.5, 1.5] }, { a: 2, b: [2.5, 3.5] }],
    });
    expect(JSON.stringify(a.dtype.fields!.b.dtype)).toBe('[">f8",[2]]'.replace('>', '<'));
  });
});
