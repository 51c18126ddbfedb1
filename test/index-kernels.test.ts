// The compute ops' native loops (native/index_kernels.cc via
// lib/index-kernels.ts) against the JS reference paths they replace (kernels
// turned off): random strided views of every plain dtype, both byte orders,
// unaligned starts, negative and zero strides. Results must be identical:
// values (signed zeros and NaN included), dtype, shape and strides.
import { asStrided, dtype, fromBuffer, type NdArray } from '../lib';
import * as mm from '../lib';
import { argReduceNative, addAtNative, nonzeroNative, putNative, searchsortedNative } from '../lib/index-kernels';
import { NATIVE_MIN_ELEMENTS, setNativeKernels } from '../lib/kernels';
import { randomBytes, rng } from './helpers/bytes';
import { jsPath } from './helpers/kernels';

afterAll(() => setNativeKernels(true));


const DTYPES = ['<f8', '>f8', '<f4', '>f4', 'i1', 'u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '?'];

/** Bytes for `dt`: random, except floats get mostly finite values with a few NaNs, infinities and signed zeros. */
function bytesFor(dt: string, n: number, seed: number): Uint8Array {
  const d = dtype(dt);
  const raw = randomBytes(n * d.itemsize, seed);
  if (d.kind === 'b') return raw.map((b) => (b % 3 === 0 ? 0 : b % 5 === 0 ? 2 : 1));
  if (d.kind !== 'f') return raw;
  const a = fromBuffer(new ArrayBuffer(n * d.itemsize), dt);
  const r = rng(seed);
  const special = [NaN, Infinity, -Infinity, 0, -0];
  for (let i = 0; i < n; i++) {
    const u = r();
    a.set([i], u < 0.01 ? special[Math.floor(r() * 5)] : Math.round((r() - 0.5) * 2000) / (u < 0.5 ? 8 : 3));
  }
  return new Uint8Array(a.buffer);
}

/** A random strided view of 256..~4000 elements of `dt` over fresh bytes, possibly unaligned. */
function randomView(dt: string, seed: number): NdArray {
  const r = rng(seed);
  const d = dtype(dt);
  const n = d.itemsize;
  const nd = 1 + Math.floor(r() * 3);
  let shape: number[];
  do {
    shape = Array.from({ length: nd }, () => 1 + Math.floor(r() * (nd === 1 ? 3000 : nd === 2 ? 60 : 16)));
  } while (shape.reduce((x, y) => x * y, 1) < NATIVE_MIN_ELEMENTS);
  // Strides: a C layout with gaps, axes permuted, some reversed, maybe one broadcast (0).
  const perm = [...shape.keys()].sort(() => r() - 0.5);
  const strides = new Array<number>(nd);
  let s = n * (1 + Math.floor(r() * 2));
  for (const ax of perm.reverse()) {
    strides[ax] = s;
    s *= shape[ax] + Math.floor(r() * 2);
  }
  for (let k = 0; k < nd; k++) {
    if (r() < 0.3) strides[k] = -strides[k];
    if (nd > 1 && r() < 0.1) strides[k] = 0;
  }
  let lo = 0;
  let hi = 0;
  shape.forEach((m, k) => {
    if (strides[k] < 0) lo += (m - 1) * strides[k];
    else hi += (m - 1) * strides[k];
  });
  const items = Math.ceil((hi - lo) / n) + 1;
  const mis = r() < 0.5 ? 1 + Math.floor(r() * (n - 1 || 1)) : 0;
  const buf = new ArrayBuffer(items * n + mis + n);
  new Uint8Array(buf, mis, items * n).set(bytesFor(dt, items, seed));
  const base = fromBuffer(new Uint8Array(buf, mis, items * n), dt);
  return asStrided(base.index(`${-lo / n}:`), shape, strides);
}

/** Everything a result shows: dtype, shape, strides and values (Object.is per element). */
function summary(x: NdArray | NdArray[]): unknown {
  if (Array.isArray(x)) return x.map(summary);
  return { dtype: x.dtype.str, shape: x.shape, strides: x.strides, values: x.toArray() };
}

/** A new 1-d array of `dt` holding `vals`. */
function arrayOf(vals: readonly number[], dt: string): NdArray {
  const a = mm.zeros([vals.length], dt);
  const big = dtype(dt).itemsize === 8 && dtype(dt).kind !== 'f';
  vals.forEach((v, i) => a.set([i], big ? BigInt(v) : v));
  return a;
}

function same(f: () => NdArray | NdArray[]): void {
  const ref = jsPath(() => {
    try {
      return summary(f());
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  let got: unknown;
  try {
    got = summary(f());
  } catch (e) {
    got = { error: (e as Error).message };
  }
  expect(got).toEqual(ref);
}

describe('axis reductions: kernel against the JS reference', () => {
  it.each(DTYPES)('random views of %s', (dt) => {
    for (let seed = 1; seed <= 12; seed++) {
      const v = randomView(dt, seed * 31 + dt.length);
      expect(argReduceNative(v, true, true)).not.toBeNull();
      const axes: (number | null)[] = [null, ...v.shape.keys(), -1];
      for (const ax of axes) {
        same(() => mm.sum(v, ax));
        same(() => mm.sum(v, ax, { dtype: 'f8', keepdims: true }));
        same(() => mm.min(v, ax));
        same(() => mm.max(v, ax, { keepdims: true }));
        same(() => mm.countNonzero(v, ax));
        same(() => mm.any(v, ax));
        same(() => mm.all(v, ax));
        same(() => mm.mean(v, ax));
        same(() => mm.argmax(v, ax));
        same(() => mm.argmin(v, ax, { keepdims: true }));
      }
      if (v.ndim > 1) {
        same(() => mm.sum(v, [0, v.ndim - 1]));
        same(() => mm.max(v, [v.ndim - 1, 0]));
      }
    }
  });

  it('a row longer than the 8192-item buffer sums in chunks when cast (float32 to float64)', () => {
    const a = fromBuffer(bytesFor('<f4', 20011, 5), '<f4').index('::-1');
    same(() => mm.sum(a, 0, { dtype: 'f8' }));
    same(() => mm.sum(fromBuffer(bytesFor('<f8', 20011, 6), '<f8').reshape([1, 20011]), 1));
  });

  it('into out, the kernel result is cast as the JS one', () => {
    const v = randomView('<i4', 99).reshape([-1]);
    for (const odt of ['<f8', '>i8', '<f4', '?']) {
      same(() => mm.sum(v, 0, { out: mm.zeros([], odt) }));
      same(() => mm.max(v, 0, { out: mm.zeros([], odt) }));
    }
  });
});

describe('addAt', () => {
  it.each(['<f8', '>f8', '<f4', '>f4', 'i1', 'u1', '<i2', '>u2', '<i4', '>u4'])('random indices into a strided %s view', (dt) => {
    for (let seed = 1; seed <= 4; seed++) {
      const r = rng(seed);
      const make = (): NdArray => randomView(dt, seed * 7).reshape([-1]);
      const n = make().shape[0];
      const idx = mm.fromBuffer(BigInt64Array.from({ length: 2000 }, () => BigInt(Math.floor((r() * 2 - 1) * n))), '<i8');
      const value = dt.includes('f') ? 1.25 : 3;
      const ref = jsPath(() => {
        const a = make();
        mm.addAt(a, idx, value);
        return a.toArray();
      });
      const a = make();
      expect(addAtNative(a.copy(), idx, dt.includes('f4') ? Math.fround(value) : value)).toBe(-1);
      mm.addAt(a, idx, value);
      expect(a.toArray()).toEqual(ref);
    }
  });

  it('an index out of range writes nothing and names the index, as NumPy', () => {
    const a = mm.zeros([1000], '<f8');
    const idx = mm.fromBuffer(BigInt64Array.from({ length: 600 }, (_, i) => BigInt(i === 599 ? 1000 : i)), '<i8');
    expect(() => mm.addAt(a, idx, 1)).toThrow('index 1000 is out of bounds for axis 0 with size 1000');
    expect(mm.countNonzero(a).toArray()).toBe(0n);
    const neg = mm.fromBuffer(Int32Array.from({ length: 600 }, (_, i) => (i === 300 ? -1001 : -1 - i)), '<i4');
    expect(() => mm.addAt(a, neg, 1)).toThrow('index -1001 is out of bounds for axis 0 with size 1000');
    expect(mm.countNonzero(a).toArray()).toBe(0n);
  });
});

describe('take and compress', () => {
  it.each(DTYPES)('take from a strided %s view, every mode', (dt) => {
    const v = randomView(dt, 17).reshape([-1]);
    const n = v.shape[0];
    const r = rng(3);
    for (const idt of ['<i8', '>i4', 'u1', '<u8']) {
      const vals = Array.from({ length: 700 }, () => Math.floor(r() * n * (idt.includes('u') ? 1 : 2) - (idt.includes('u') ? 0 : n)) % (idt === 'u1' ? 256 : Infinity));
      const idx = arrayOf(vals, idt);
      same(() => mm.take(v, idx));
      same(() => mm.take(v, idx, { mode: 'wrap' }));
      same(() => mm.take(v, idx, { mode: 'clip' }));
    }
    const bad = arrayOf([...Array(400).keys(), n + 5], '<i8');
    same(() => mm.take(v, bad));
  });

  it("'raise' checks each index as it gathers: the first bad one anywhere is named, as by the JS path and NumPy, and out is left as it was", () => {
    const v = randomView('<f8', 29).reshape([-1]);
    const n = v.shape[0];
    const ok = Array.from({ length: 600 }, (_, i) => (i * 7919) % n);
    for (const [at, badValue] of [
      [0, n],
      [299, -n - 1],
      [300, 4 * n],
      [599, n],
    ] as const) {
      for (const idt of ['<i8', '>i4', '<u8']) {
        if (badValue < 0 && idt.includes('u')) continue;
        const vals = ok.map((x, i) => (i === at ? badValue : i % 3 === 0 && !idt.includes('u') ? x - n : x));
        const idx = arrayOf(vals, idt);
        same(() => mm.take(v, idx));
        expect(() => mm.take(v, idx)).toThrow(new mm.IndexError(`index ${badValue} is out of bounds for axis 0 with size ${n}`));
        const out = mm.full([600], 7, '<f8');
        expect(() => mm.take(v, idx, { out })).toThrow(mm.IndexError);
        expect(out.toArray()).toEqual(Array(600).fill(7));
      }
    }
    // Indices in the source's own memory (the checked-first path): the same answer.
    const own = mm.zeros([1000], '<i8');
    own.set(mm.arange(1000, '<i8'));
    own.set([500], 1000n);
    same(() => mm.take(own, own));
    expect(() => mm.take(own, own)).toThrow(new mm.IndexError('index 1000 is out of bounds for axis 0 with size 1000'));
  });

  it.each(['<f8', '>i2', 'u1', '<c16'])('take along every axis of random N-d %s views (the kernel walks the last outer axis), every mode', (dt) => {
    for (let seed = 40; seed < 44; seed++) {
      const v = randomView(dt, seed);
      const r = rng(seed);
      for (let ax = 0; ax < v.ndim; ax++) {
        const n = v.shape[ax];
        const idx = arrayOf(Array.from({ length: 300 }, () => Math.floor(r() * 2 * n) - n), '<i8');
        same(() => mm.take(v, idx, { axis: ax }));
        same(() => mm.take(v, idx.reshape([20, 15]), { axis: ax }));
        same(() => mm.take(v, mm.multiply(idx, 3), { axis: ax, mode: 'wrap' }));
        same(() => mm.take(v, mm.multiply(idx, 3), { axis: ax, mode: 'clip' }));
        same(() => mm.take(v, mm.multiply(idx, 3), { axis: ax }));
      }
    }
  });

  it('several index arrays and rows: reads and writes by the kernels against the JS path', () => {
    for (let seed = 50; seed < 58; seed++) {
      // The view's own layout (merged when its strides allow) and a C-contiguous copy (always merged).
      const w = randomView('<f8', seed);
      if (w.ndim < 2) continue;
      for (const v of [w, w.copy()]) {
        const r = rng(seed);
        const pick = (n: number, k: number): NdArray => arrayOf(Array.from({ length: k }, () => Math.floor(r() * 2 * n) - n), '>i4');
        const i0 = pick(v.shape[0], 400);
        const i1 = pick(v.shape[1], 400);
        same(() => v.index(i0, i1));
        same(() => v.index(i0.reshape([20, 20]), i1.reshape([20, 20])));
        same(() => v.index(mm.slice(), i1));
        same(() => v.index(mm.slice(), i1.reshape([16, 25])));
        same(() => {
          const c = v.copy();
          c.set([i0, i1], mm.arange(400, '<f8'));
          return c;
        });
        same(() => {
          const c = v.copy();
          c.set([i0], mm.negative(mm.arange(v.size / v.shape[0], '<f8')).reshape(v.shape.slice(1)));
          return c;
        });
      }
    }
  });

  it("'wrap' far outside [-n, n), in range and at the edges, for take and put", () => {
    const v = randomView('<f8', 23).reshape([-1]);
    const n = v.shape[0];
    const r = rng(9);
    const vals = [0, n - 1, n, -n, -n - 1, 2 * n, -2 * n + 1, ...Array.from({ length: 700 }, () => Math.floor((r() * 2 - 1) * 5 * n))];
    const idx = arrayOf(vals, '<i8');
    same(() => mm.take(v, idx, { mode: 'wrap' }));
    same(() => {
      const c = v.copy();
      mm.put(c, idx, mm.arange(vals.length, '<f8'), { mode: 'wrap' });
      return c;
    });
  });

  it.each(DTYPES)('compress a strided %s view by conditions of several dtypes', (dt) => {
    const v = randomView(dt, 23).reshape([-1]);
    const n = v.shape[0];
    for (const cdt of ['?', '<f8', '>i2']) {
      const c = randomView(cdt, 5 + n).reshape([-1]);
      const m = Math.min(n, c.shape[0]);
      same(() => mm.compress(c.index(`:${m}`), v));
    }
  });

  it.each(['<c16', '>c8', 'V12', 'V3'])('compress strided and contiguous %s items (the branch-free loop for every item size)', (dt) => {
    const v = randomView(dt, 29).reshape([-1]);
    const n = v.shape[0];
    const c = randomView('?', 31 + n).reshape([-1]);
    const m = Math.min(n, c.shape[0]);
    same(() => mm.compress(c.index(`:${m}`), v));
    same(() => mm.compress(c.index(`:${m}`), v.copy()));
  });
});

describe('put', () => {
  it.each(DTYPES)('into a strided %s view and a C-contiguous 2-d copy, every mode, values cast and repeated', (dt) => {
    const v = randomView(dt, 53).reshape([-1]);
    const n = v.shape[0];
    const r = rng(9);
    const vals = randomView(dt, 59).reshape([-1]).index(':7');
    expect(putNative(v.copy(), arrayOf([...Array(300).keys()], '<i8'), vals, 'raise')).toBe(-1);
    const other = randomView(dt === '<f8' ? '>i4' : '<f8', 61).reshape([-1]);
    for (const idt of ['<i8', '>i4', 'u2']) {
      const raw = Array.from({ length: 600 }, () => Math.floor(r() * n * (idt.includes('u') ? 1 : 2) - (idt.includes('u') ? 0 : n)));
      const idx = arrayOf(idt === 'u2' ? raw.map((x) => x % 65536) : raw, idt);
      for (const mode of ['raise', 'wrap', 'clip'] as const) {
        same(() => {
          const c = v.copy().index('::-1');
          mm.put(c, idx, vals, { mode });
          return c;
        });
        same(() => {
          const c = v.copy();
          mm.put(c, idx, other, { mode });
          return c;
        });
        same(() => {
          const c = n % 2 === 0 ? v.copy().reshape([2, -1]) : v.copy();
          mm.put(c, idx.reshape([idx.size / 2, 2]), 3, { mode });
          return c;
        });
      }
    }
  });

  it('values and indices in the target\'s own memory are read before the first write', () => {
    const base = mm.arange(1000, '<i8');
    same(() => {
      const c = base.copy();
      mm.put(c, c.index('::-2'), c.index('::-1'));
      return c;
    });
    same(() => {
      const c = base.copy();
      mm.put(c.index(':500'), c.index('200:800'), c.index('::-2'), { mode: 'wrap' });
      return c;
    });
  });

  it('an index out of range writes nothing and names the index, as NumPy', () => {
    const idx = arrayOf([...Array(400).keys(), 1000, -2000], '<i8');
    for (const path of [jsPath, <T>(f: () => T): T => f()]) {
      const c = mm.zeros([1000], '<f4');
      expect(() => path(() => mm.put(c, idx, 1))).toThrow(new mm.IndexError('index 1000 is out of bounds for axis 0 with size 1000'));
      expect((c.toArray() as number[]).every((x) => x === 0)).toBe(true);
    }
  });
});

describe('concatenate and stack', () => {
  it.each(DTYPES)('random views of %s, joined along every axis, in either byte order', (dt) => {
    for (let seed = 1; seed <= 3; seed++) {
      const v = randomView(dt, seed * 13);
      const d = dtype(dt);
      const other = d.itemsize > 1 ? v.astype(d.newbyteorder('S')) : v.copy();
      for (let ax = 0; ax < v.ndim; ax++) same(() => mm.concatenate([v, other, v], { axis: ax }));
      same(() => mm.concatenate([other, v], { axis: null }));
      same(() => mm.stack([v, other], { axis: v.ndim }));
    }
  });
});

describe('sort, argsort and unique', () => {
  it.each(DTYPES)('random 1-d views of %s: the radix kernel gives the JS order (stable, NaN last, ±0 in input order)', (dt) => {
    for (let seed = 1; seed <= 3; seed++) {
      // Few distinct values, so ties (and ±0, NaN runs) are common.
      const v = randomView(dt, seed * 17).reshape([-1]);
      const w = mm.take(v, mm.fromBuffer(Int32Array.from({ length: v.size }, (_, i) => (i * 7919) % 37), '<i4'), { mode: 'wrap' });
      for (const x of [v, w]) {
        same(() => mm.argsort(x));
        same(() => mm.sort(x));
        same(() => {
          const c = x.copy();
          mm.sortInPlace(c.index('::-1'));
          return c;
        });
        same(() => {
          const u = mm.unique(x, { returnCounts: true, returnInverse: true });
          return [u.values, u.counts!, u.inverse!];
        });
      }
    }
  });
});

describe('nonzero, flatnonzero and argwhere', () => {
  it.each(DTYPES)('random n-d views of %s: the kernel gives the JS coordinates in C order', (dt) => {
    for (let seed = 1; seed <= 3; seed++) {
      const v = randomView(dt, seed * 29);
      expect(nonzeroNative(v, false)).not.toBeNull();
      same(() => mm.nonzero(v));
      same(() => mm.flatnonzero(v));
      same(() => mm.argwhere(v));
    }
  });

  it('all zeros and all non-zero (NaN and -0 included) at the kernel sizes', () => {
    const z = mm.zeros([3, 200], '<f8');
    same(() => mm.nonzero(z));
    z.set([1, 5], -0);
    z.set([2, 7], NaN);
    same(() => mm.nonzero(z));
    const t = mm.zeros([300], '?');
    t.fill(true);
    same(() => mm.flatnonzero(t));
  });

  it('long rows of each density: the 8-item groups, the rows\' ends and the last items one by one', () => {
    const r = rng(17);
    for (const p of [0.5, 0.03, 0.97]) {
      const bytes = Uint8Array.from({ length: 4 * 1003 }, () => (r() < p ? 1 + Math.floor(r() * 255) : 0));
      const flat = fromBuffer(bytes, '|u1');
      expect(nonzeroNative(flat, true)).not.toBeNull();
      same(() => mm.nonzero(flat));
      same(() => mm.nonzero(flat.reshape([4, 1003])));
      same(() => mm.flatnonzero(flat.reshape([4, 1003])));
      same(() => mm.nonzero(flat.astype('?').reshape([17, 236])));
      same(() => mm.nonzero(flat.astype('>f8').reshape([4, 1003]).index(':, ::-3')));
    }
  });
});

describe('searchsorted', () => {
  it.each(DTYPES)('sorted and unsorted 1-d %s, keys of several dtypes and shapes, both sides', (dt) => {
    const a = randomView(dt, 31).reshape([-1]);
    const sorted = mm.sort(a);
    const d = dtype(dt);
    const keys = [randomView(dt, 37).reshape([-1]), randomView(dt, 41)];
    if (d.itemsize > 1) keys.push(keys[0].astype(d.newbyteorder('S')));
    keys.push(randomView('<f8', 43).reshape([-1]), randomView('>i4', 47));
    // Ascending keys exercise the hint that starts at the last answer.
    keys.push(mm.sort(keys[0]));
    expect(searchsortedNative(sorted, keys[0], false)).not.toBeNull();
    for (const x of [sorted, a, sorted.index('::2')]) {
      for (const k of keys) {
        same(() => mm.searchsorted(x, k));
        same(() => mm.searchsorted(x, k, { side: 'right' }));
      }
    }
  });
});

describe('searchsorted over edges on a line (the guided search) and in chunks of keys', () => {
  /** Keys that probe every edge: each edge, its neighbours one step away, points between, outside, NaN, ±inf, ±0. */
  function probes(edges: readonly number[], seed: number): number[] {
    const r = rng(seed);
    const lo = edges[0];
    const hi = edges[edges.length - 1];
    const out: number[] = [NaN, Infinity, -Infinity, 0, -0, lo - 1, hi + 1];
    for (const e of edges) out.push(e, e * (1 + 1e-15), e * (1 - 1e-15), e + 1e-300, e - 1e-300);
    while (out.length < 5000) {
      const u = r();
      out.push(u < 0.05 ? edges[Math.floor(r() * edges.length)] : lo + (hi - lo) * (r() * 1.2 - 0.1));
    }
    return out.sort(() => r() - 0.5);
  }
  const lines: Array<[string, number[]]> = [
    ['65 even edges over [0, 1]', Array.from({ length: 65 }, (_, i) => i / 64)],
    ['edges from -3 to 7 (a linspace)', mm.linspace(-3, 7, 101).toArray() as number[]],
    ['two edges', [-0.5, 2.5]],
    ['edges with ties', [0, 1, 1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11]],
    ['uneven edges (no line: bisection)', Array.from({ length: 200 }, (_, i) => 1.07 ** i)],
    ['edges ending in NaN', [...Array.from({ length: 40 }, (_, i) => i), NaN, NaN]],
    ['equal edges', Array.from({ length: 30 }, () => 4)],
    ['edges at the float64 extremes', [-1.7e308, -1, 0, 1, 1.7e308]],
  ];
  it.each(lines)('%s: both sides, every edge dtype, keys in no order, ascending, and an unsorted a', (_name, edges) => {
    for (const dt of ['<f8', '>f8', '<f4', '<i4']) {
      const d = dtype(dt);
      if (d.kind === 'i' && edges.some((e) => !Number.isInteger(e) || Math.abs(e) > 2 ** 31)) continue;
      const e = mm.asarray(edges, dt);
      for (const a of [e, e.copy().index('::1'), mm.concatenate([e, e]).index('::2')]) {
        const keys = mm.asarray(probes(edges, edges.length), '<f8');
        for (const k of [keys, mm.sort(keys), keys.astype('>f8').index('::-1'), d.kind === 'f' ? keys.astype(dt) : keys.astype('<i8')]) {
          same(() => mm.searchsorted(a, k));
          same(() => mm.searchsorted(a, k, { side: 'right' }));
        }
      }
      // An unsorted a takes NumPy's hinted loop, its state carried across the chunks of keys.
      const shuffled = mm.asarray([...edges].reverse(), dt);
      same(() => mm.searchsorted(shuffled, mm.asarray(probes(edges, 3), '<f8')));
    }
  });

  it('puts every item of a 10,000-point sample in the bin NumPy does (histogram2d of even and given edges)', () => {
    const r = rng(77);
    const x = mm.asarray(Array.from({ length: 10000 }, (_, i) => (i % 97 === 0 ? i / 9999 : r())));
    const y = mm.asarray(Array.from({ length: 10000 }, () => r() * 3 - 1));
    same(() => mm.histogram2d(x, y, { bins: 64 }).hist);
    same(() => mm.histogram2d(x, y, { bins: [mm.linspace(0, 1, 17), mm.asarray([-1, -0.5, 0, 0.1, 2])] }).hist);
  });
});

describe('bincount', () => {
  it.each(['i1', 'u1', '>i2', '<u4', '>i8', '<u8'])('%s indices, with and without weights of several dtypes', (dt) => {
    const r = rng(dt.length + 11);
    const vals = Array.from({ length: 3000 }, () => Math.floor(r() * 100));
    const x = arrayOf(vals, dt);
    same(() => mm.bincount(x));
    same(() => mm.bincount(x.index('::-2'), { minlength: 300 }));
    for (const wdt of ['<f8', '>f4', '<i4', '?']) {
      const w = fromBuffer(bytesFor(wdt, 6000, 3), wdt).index('::-2');
      same(() => mm.bincount(x, { weights: w }));
    }
    if (dtype(dt).kind === 'i') {
      const neg = arrayOf([...vals.slice(0, 500), -1], dt);
      same(() => mm.bincount(neg));
    }
  });
});

describe('argmin/argmax of contiguous float rows (the vector loop)', () => {
  it.each(['<f8', '<f4'])('%s rows with ties, signed zeros and NaNs give the first extreme, as the JS loop', (dt) => {
    const rows = 40;
    const cols = 37;
    const a = mm.zeros([rows, cols], dt);
    const r = rng(77);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const u = r();
        a.set([i, j], i % 5 === 0 ? (u < 0.5 ? -0 : 0) : i % 5 === 1 && u < 0.05 ? NaN : Math.floor(u * 6) - 3);
      }
    }
    same(() => mm.argmax(a, 1));
    same(() => mm.argmin(a, 1));
    same(() => mm.argmax(a, -1, { keepdims: true }));
  });
});
