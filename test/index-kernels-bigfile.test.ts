// The compute ops' native loops over a sparse 5 GiB mapping: views crossing
// the 2^31 and 2^32 window edges and views spread over the whole file, run
// by the kernel over the mapping handle and by the JS reference path
// (kernels turned off); results and written bytes must be identical. Only
// the pages written here take disk space. No timing assertions.
import { asStrided, fromBuffer, memmap, type Memmap, type NdArray } from '../lib';
import * as mm from '../lib';
import { setNativeKernels } from '../lib/kernels';
import { WINDOW_BYTES, WINDOW_STEP } from '../lib/storage';
import { randomBytes, readAt, rng, writeAt } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';
import { jsPath } from './helpers/kernels';

const tmp = useTempDir('mmarray-index-kernels-big-');

const GiB = 2 ** 30;
const FILE_BYTES = 5 * GiB;
const HALO = 2 ** 18;
const EDGES = [WINDOW_STEP, WINDOW_BYTES];
/** Bytes of each view around an edge (the JS reference path is slow). */
const VIEW = 2 ** 14;


function summary(x: NdArray): unknown {
  return { dtype: x.dtype.str, shape: x.shape, strides: x.strides, values: x.toArray() };
}

function same(name: string, f: () => NdArray): void {
  const ref = jsPath(() => summary(f()));
  expect([name, summary(f())]).toEqual([name, ref]);
}

let path: string;

beforeAll(() => {
  path = tmp.sparse(FILE_BYTES, 'big.bin');
  EDGES.forEach((e, k) => {
    const bytes = randomBytes(2 * HALO, 20 + k);
    // Some zero bytes, so counts and masks are not all-true.
    for (let i = 0; i < bytes.length; i += 7) bytes[i] = 0;
    writeAt(path, e - HALO, bytes);
  });
});
afterAll(() => setNativeKernels(true));

/** 2-d views of `m` that cross each edge, and one spread over the whole file. */
function viewsOf(m: NdArray): [string, NdArray][] {
  const n = m.itemsize;
  const out: [string, NdArray][] = [];
  for (const e of EDGES) {
    const a = Math.floor((e - VIEW / 2) / n);
    const rows = 32;
    const cols = Math.floor(VIEW / n / rows);
    const two = m.index(`${a}:${a + rows * cols}`).reshape([rows, cols]);
    out.push([`2-d across ${e}`, two]);
    out.push([`2-d .T[::-1] across ${e}`, two.T.index('::-1')]);
  }
  const far = Math.floor(m.shape[0] / 9);
  out.push(['rows of 64 spread over the file', asStrided(m, [9, 64], [far * n, n])]);
  return out;
}

describe.each(['u1', '<f8', '>f4', '>i4', '<u2'] as const)('5 GiB sparse file as %s', (dt) => {
  let m: Memmap;

  beforeAll(() => {
    m = memmap(path, { dtype: dt, mode: 'r+' });
  });
  afterAll(() => m?.close());

  it('axis reductions by the kernel equal the JS path', () => {
    for (const [name, v] of viewsOf(m)) {
      for (const ax of [null, 0, 1]) {
        same(`${name} sum ${ax}`, () => mm.sum(v, ax));
        same(`${name} sum f8 ${ax}`, () => mm.sum(v, ax, { dtype: 'f8' }));
        same(`${name} max ${ax}`, () => mm.max(v, ax));
        same(`${name} min ${ax}`, () => mm.min(v, ax));
        same(`${name} count ${ax}`, () => mm.countNonzero(v, ax));
        same(`${name} argmax ${ax}`, () => mm.argmax(v, ax));
      }
    }
  });

  it('take and compress across the edges and over the whole file', () => {
    const r = rng(5);
    const n = m.shape[0];
    const picks: number[] = [];
    for (const e of EDGES) for (let i = 0; i < 400; i++) picks.push(Math.floor((e + (r() - 0.5) * HALO) / m.itemsize));
    for (let i = 0; i < 400; i++) picks.push(Math.floor(r() * n) - (i % 2 === 0 ? n : 0));
    const idx = fromBuffer(BigInt64Array.from(picks, (x) => BigInt(x)), '<i8');
    same('take', () => mm.take(m, idx));
    for (const e of EDGES) {
      const a = Math.floor((e - VIEW / 2) / m.itemsize);
      const v = m.index(`${a}:${a + VIEW / m.itemsize}`);
      same(`compress across ${e}`, () => mm.compress(v, v));
    }
  });
});

describe('addAt into a 5 GiB mapping', () => {
  it.each(['<f8', '>f4', '<i4'] as const)('%s at indices across both edges and spread over the file: the same bytes as the JS path', (dt) => {
    const m = memmap(path, { dtype: dt, mode: 'r+' });
    try {
      const r = rng(9);
      const n = m.shape[0];
      const picks: number[] = [];
      for (const e of EDGES) for (let i = 0; i < 500; i++) picks.push(Math.floor((e + (r() - 0.5) * HALO) / m.itemsize));
      const idx = fromBuffer(BigInt64Array.from(picks, (x) => BigInt(x)), '<i8');
      const spots = EDGES.map((e) => e - HALO);
      const before = spots.map((s) => readAt(path, s, 2 * HALO));
      mm.addAt(m, idx, 3);
      const native = spots.map((s) => readAt(path, s, 2 * HALO));
      spots.forEach((s, k) => writeAt(path, s, before[k]));
      jsPath(() => mm.addAt(m, idx, 3));
      const js = spots.map((s) => readAt(path, s, 2 * HALO));
      spots.forEach((s, k) => writeAt(path, s, before[k]));
      native.forEach((b, k) => {
        expect(b.equals(before[k])).toBe(false);
        expect(b.equals(js[k])).toBe(true);
      });
      // An index past the end: an error before any write.
      const bad = fromBuffer(BigInt64Array.from([...picks, n].map((x) => BigInt(x))), '<i8');
      expect(() => mm.addAt(m, bad, 1)).toThrow(`index ${n} is out of bounds for axis 0 with size ${n}`);
      spots.forEach((s, k) => expect(readAt(path, s, 2 * HALO).equals(before[k])).toBe(true));
    } finally {
      m.close();
    }
  });
});

describe('ufunc.at with an index array per axis of a 2-d view of the 5 GiB mapping', () => {
  it.each([['<f8', 'C'], ['<f8', 'F'], ['>f4', 'C']] as const)('%s, %s order: offsets past 2^31 and 2^32, the same bytes as the JS path', (dt, order) => {
    const m = memmap(path, { dtype: dt, mode: 'r+' });
    try {
      // 1 KiB rows: the view spans the whole file (byte offsets past 2^32).
      const width = 1024 / m.itemsize;
      const height = Math.floor(m.shape[0] / width);
      const grid = order === 'C' ? m.index(`:${height * width}`).reshape([height, width]) : m.index(`:${height * width}`).reshape([width, height]).T;
      const r = rng(12);
      const rows: number[] = [];
      const cols: number[] = [];
      for (const e of EDGES) {
        for (let i = 0; i < 300; i++) {
          // Items within HALO of the edge, in either layout.
          const item = Math.floor((e + (r() - 0.5) * HALO) / m.itemsize);
          const [row, col] = order === 'C' ? [Math.floor(item / width), item % width] : [item % height, Math.floor(item / height)];
          rows.push(row - (r() < 0.3 ? height : 0));
          cols.push(col);
        }
      }
      const key = [fromBuffer(Int32Array.from(rows), '<i4'), fromBuffer(BigInt64Array.from(cols, (x) => BigInt(x)), '<i8')];
      const w = fromBuffer(Float64Array.from(rows, (_, i) => (i % 17) - 8), '<f8').astype(dt);
      const spots = EDGES.map((e) => e - HALO);
      const before = spots.map((s) => readAt(path, s, 2 * HALO));
      mm.addAt(grid, key, w);
      mm.maximumAt(grid, key, w);
      const native = spots.map((s) => readAt(path, s, 2 * HALO));
      spots.forEach((s, k) => writeAt(path, s, before[k]));
      jsPath(() => {
        mm.addAt(grid, key, w);
        mm.maximumAt(grid, key, w);
      });
      const js = spots.map((s) => readAt(path, s, 2 * HALO));
      spots.forEach((s, k) => writeAt(path, s, before[k]));
      native.forEach((b, k) => {
        expect(b.equals(before[k])).toBe(false);
        expect(b.equals(js[k])).toBe(true);
      });
    } finally {
      m.close();
    }
  });
});
