// The kernels over whole mappings: a sparse 5 GiB file, views crossing the
// 2^31 and 2^32 window edges and views spanning the whole file. Each bulk
// operation runs twice — by the kernel over the mapping handle, and by the JS
// reference path (kernels turned off) — and must give the same bits. Sparse:
// only the pages written here take disk space. No timing assertions.
import * as fs from 'fs';

import { asStrided, cumprod, cumsum, dtype, fromBuffer, memmap, type Memmap, type NdArray } from '../lib';
import { reduceNative, ReduceOp, setNativeKernels } from '../lib/kernels';
import { WINDOW_BYTES, WINDOW_STEP } from '../lib/storage';
import { randomBytes, readAt, writeAt } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';
import { jsPath } from './helpers/kernels';

const tmp = useTempDir('mmarray-kernels-big-');

const GiB = 2 ** 30;
const FILE_BYTES = 5 * GiB;
/** Bytes of data written on each side of each edge; the rest of the file is a hole (zeros). */
const HALO = 2 ** 19;
const EDGES = [WINDOW_STEP, WINDOW_BYTES];


const bytesOf = (a: NdArray): Buffer => Buffer.from(a.buffer as ArrayBuffer);

/**
 * Same bytes — except that a float32 NaN may differ in its payload: the JS
 * path reads a float32 into a double and back, which quiets a signalling
 * NaN, while the kernel (and NumPy) move the bytes unchanged.
 */
function sameBits(a: NdArray, b: NdArray): boolean {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.equals(y)) return true;
  if (a.dtype.kind !== 'f' || a.itemsize !== 4) return false;
  const le = a.dtype.littleEndian;
  for (let i = 0; i < x.length; i += 4) {
    const u = le ? x.readFloatLE(i) : x.readFloatBE(i);
    const v = le ? y.readFloatLE(i) : y.readFloatBE(i);
    if (!(Number.isNaN(u) && Number.isNaN(v)) && x.readUInt32LE(i) !== y.readUInt32LE(i)) return false;
  }
  return true;
}

/**
 * Same bytes, except where both are NaN (float32 or float64): once a running
 * sum meets a NaN, which payload it carries is the add instruction's choice
 * (the JS path's double adds may take the other operand's).
 */
function sameOrNaN(a: NdArray, b: NdArray): boolean {
  const x = bytesOf(a);
  const y = bytesOf(b);
  if (x.equals(y)) return true;
  if (a.dtype.kind !== 'f' || !a.dtype.littleEndian) return false;
  const k = a.itemsize;
  for (let i = 0; i < x.length; i += k) {
    const u = k === 4 ? x.readFloatLE(i) : x.readDoubleLE(i);
    const v = k === 4 ? y.readFloatLE(i) : y.readDoubleLE(i);
    if (!(Number.isNaN(u) && Number.isNaN(v)) && !x.subarray(i, i + k).equals(y.subarray(i, i + k))) return false;
  }
  return true;
}

let path: string;

beforeAll(() => {
  path = tmp.sparse(FILE_BYTES, 'big.bin');
  writeAt(path, 0, randomBytes(HALO, 1));
  EDGES.forEach((e, k) => writeAt(path, e - HALO, randomBytes(2 * HALO, 10 + k)));
  writeAt(path, FILE_BYTES - HALO, randomBytes(HALO, 3));
});
afterAll(() => setNativeKernels(true));

/** Views of `m` (any dtype over the whole file) that cross edges or span the file. */
function viewsOf(m: NdArray): [string, NdArray][] {
  const n = m.itemsize;
  const out: [string, NdArray][] = [];
  for (const e of EDGES) {
    const a = Math.floor((e - HALO / 2) / n);
    const b = Math.floor((e + HALO / 2) / n);
    out.push([`[${a}:${b}] across ${e}`, m.index(`${a}:${b}`)]);
    out.push([`[${b}:${a}:-3] across ${e}`, m.index(`${b}:${a}:-3`)]);
    const rows = 64;
    const cols = Math.floor((b - a) / rows);
    const two = m.index(`${a}:${a + rows * cols}`).reshape([rows, cols]);
    out.push([`2-d .T across ${e}`, two.T]);
    out.push([`2-d [::-1, 1::5] across ${e}`, two.index('::-1, 1::5')]);
  }
  const count = m.shape[0];
  // About one element per MiB: every page a view touches is a page fault
  // (of a hole), so the whole-file views stay sparse in memory too.
  const step = Math.floor(2 ** 20 / n) + 1;
  out.push([`[::${step}] whole file`, m.index(`::${step}`)]);
  out.push([`[::-${step}] whole file`, m.index(`::-${step}`)]);
  // Rows of 64 neighbours every 1/9 of the file: each row is dense, the rows span the file.
  const far = Math.floor(count / 9);
  out.push(['rows of 64 spread over the file', asStrided(m, [9, 64], [far * n, n])]);
  return out;
}

const DTYPES = ['u1', '<f8', '>f8', '<f4', '>i4', '<u2', 'i1'] as const;

describe.each(DTYPES)('5 GiB sparse file as %s', (dt) => {
  let m: Memmap;

  beforeAll(() => {
    m = memmap(path, { dtype: dt, mode: 'r+' });
  });
  afterAll(() => m?.close());

  it('sum, min, max and mean by the kernel equal the JS path bit for bit', () => {
    for (const [name, v] of viewsOf(m)) {
      expect([name, reduceNative(v, ReduceOp.Sum) === null]).toEqual([name, false]);
      for (const op of ['sum', 'min', 'max', 'mean'] as const) {
        const native = v[op]();
        const js = jsPath(() => v[op]());
        expect([name, op, Object.is(native, js)]).toEqual([name, op, true]);
      }
    }
  });

  it('copies in every order equal the JS path byte for byte', () => {
    for (const [name, v] of viewsOf(m)) {
      for (const order of ['C', 'F', 'K'] as const) {
        const native = v.copy(order);
        const js = jsPath(() => v.copy(order));
        expect([name, order, sameBits(native, js)]).toEqual([name, order, true]);
      }
    }
  });

  it('cumsum (flattened and along each axis) and cumprod (flattened) equal the JS path', () => {
    // Integers accumulate in float64 here (exact for these sums): the JS
    // reference's int64 loop is BigInt arithmetic, minutes over these views;
    // test/cumulative.test.ts checks the integer loops over random views.
    const opts = dtype(dt).kind === 'f' ? undefined : { dtype: '<f8' };
    for (const [name, v] of viewsOf(m)) {
      for (const fn of [cumsum, cumprod]) {
        for (const axis of fn === cumsum ? [null, ...v.shape.map((_, k) => k)] : [null]) {
          const native = fn(v, axis, opts);
          const js = jsPath(() => fn(v, axis, opts));
          expect([name, fn.name, axis, native.dtype.str === js.dtype.str && sameOrNaN(native, js)]).toEqual([name, fn.name, axis, true]);
        }
      }
    }
  });

  it('byte-order casts equal the JS path', () => {
    const other = dtype(dt).newbyteorder().str;
    for (const [name, v] of viewsOf(m)) {
      const native = v.astype(other);
      const js = jsPath(() => v.astype(other));
      expect([name, sameBits(native, js)]).toEqual([name, true]);
    }
  });
});

describe('writes over a 5 GiB mapping', () => {
  let m: Memmap;

  beforeAll(() => {
    m = memmap(path, { dtype: '<u4', mode: 'r+' });
  });
  afterAll(() => m?.close());

  /** Runs `write` by each path from the same starting bytes; both must leave the same bytes in the file. */
  function samePaths(lo: number, hi: number, write: () => void): void {
    const before = readAt(path, lo, hi - lo);
    write();
    const native = readAt(path, lo, hi - lo);
    writeAt(path, lo, before);
    jsPath(write);
    const js = readAt(path, lo, hi - lo);
    writeAt(path, lo, before);
    expect(native.equals(before)).toBe(false);
    expect(native.equals(js)).toBe(true);
  }

  const edge = WINDOW_BYTES / 4;
  const a = edge - HALO / 8;
  const b = edge + HALO / 8;

  it('assignment with broadcasting across the 2^32 edge', () => {
    const row = fromBuffer(new Uint32Array(Array.from({ length: 32 }, (_, i) => 0x01020304 * (i + 1))), '<u4');
    const t = m.index(`${a}:${a + 32 * Math.floor((b - a) / 32)}`).reshape([-1, 32]);
    samePaths(a * 4, b * 4, () => t.set(row));
    samePaths(a * 4, b * 4, () => t.T.index('::2').set(row.index('::2').reshape([16, 1])));
  });

  it('fill and a copy from another dtype across the edge', () => {
    const t = m.index(`${b}:${a}:-3`);
    samePaths(a * 4, b * 4 + 4, () => t.fill(0xdeadbeef));
    const src = fromBuffer(randomBytes(t.size * 4, 5).buffer, '>u4');
    samePaths(a * 4, b * 4 + 4, () => t.set(src));
  });

  it('in-place byteswap across the edge and of a view spanning the file', () => {
    samePaths(a * 4, b * 4, () => m.index(`${a}:${b}`).byteswap(true));
    const spread = m.index('::655373');
    const lo = 0;
    const hi = (spread.size - 1) * 655373 * 4 + 4;
    const before = bytesOf(spread.copy());
    spread.byteswap(true);
    const native = bytesOf(spread.copy());
    spread.byteswap(true);
    expect(bytesOf(spread.copy()).equals(before)).toBe(true);
    jsPath(() => spread.byteswap(true));
    expect(bytesOf(spread.copy()).equals(native)).toBe(true);
    spread.byteswap(true);
    expect(bytesOf(spread.copy()).equals(before)).toBe(true);
    expect(hi - lo).toBeGreaterThan(WINDOW_BYTES);
  });

  it('a kernel refuses a closed mapping and a write into a read-only one', () => {
    const r = memmap(path, { dtype: '<u4', mode: 'r' });
    const v = r.index('::4099');
    expect(reduceNative(v, ReduceOp.Max)).not.toBeNull();
    expect(() => v.set(1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    r.close();
    expect(() => v.sum()).toThrow(/closed/);
    expect(() => v.copy()).toThrow(/closed/);
  });
});
