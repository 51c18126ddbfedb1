// The native ufunc loops (lib/ufunc-native.ts, native/ufunc_kernels.cc)
// against the JS loops they replace (lib/ufunc.ts, the reference): random
// strided, flipped, byte-swapped and unaligned views of every dtype, with and
// without out= and where=, in place, and over a sparse mapping past 4 GiB.
// Every comparison checks the native kernel really ran.
import * as api from '../lib';
import { dtype, memmap, ndarray, NdArray, zeros } from '../lib';
import * as native from '../lib/native';
import { ufuncStreamMinBytes } from '../lib/native';
import { nativeOpCode, UFUNC_NATIVE_MIN_ELEMENTS } from '../lib/ufunc-native';
import { rng } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';
import { buildLayout, compareToReference, countUfuncCalls, jsReference, Layout, randomCallRun, randomItemBytes, randomStepLayout, resultValues as values } from './helpers/ufunc-layouts';

const tmp = useTempDir('mmarray-ufunc-native-');

type Fn = (...x: unknown[]) => NdArray;
const fnOf = (name: string): Fn => (api as unknown as Record<string, Fn>)[name];

const BINARY = [
  'add', 'subtract', 'multiply', 'divide', 'less', 'lessEqual', 'greater', 'greaterEqual', 'equal', 'notEqual', 'minimum', 'maximum',
  'floorDivide', 'remainder', 'bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'logicalAnd', 'logicalOr', 'logicalXor',
];
const UNARY = ['negative', 'absolute', 'square', 'sqrt', 'invert', 'isnan', 'isinf', 'isfinite', 'logicalNot'];
const DTYPES = ['|b1', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '<f2', '>f2', '<f4', '>f4', '<f8', '>f8'];


/** Random bits for a view of `shape` with random steps (maybe flipped), maybe one byte off alignment. */
function randomLayout(r: () => number, shape: number[], dt: string): Layout {
  return randomStepLayout(r, shape, dt, (d, count) => randomItemBytes(r, d, count, 5));
}

/** The largest distance in units in the last place between two float64 arrays of one shape (NaN only matches NaN). */
function ulpsApart(a: NdArray, b: NdArray): number {
  expect([a.dtype.str, a.shape]).toEqual([b.dtype.str, b.shape]);
  const x = a.astype('<f8').typedArray() as Float64Array;
  const y = b.astype('<f8').typedArray() as Float64Array;
  const ord = (v: bigint): bigint => (v < 0n ? -(v & 0x7fffffffffffffffn) : v);
  const xi = new BigInt64Array(x.buffer, x.byteOffset, x.length);
  const yi = new BigInt64Array(y.buffer, y.byteOffset, y.length);
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i] || y[i] !== y[i]) {
      if ((x[i] !== x[i]) !== (y[i] !== y[i])) return Infinity;
      continue;
    }
    const d = Number(ord(xi[i]) > ord(yi[i]) ? ord(xi[i]) - ord(yi[i]) : ord(yi[i]) - ord(xi[i]));
    worst = Math.max(worst, d);
  }
  return worst;
}

describe('native ufunc loops match the JS loops bit for bit', () => {
  test('random views of every dtype and byte order, out= and where=, in place', () => {
    const r = rng(1818);
    let nativeRuns = 0;
    const failures: string[] = [];
    for (let t = 0; t < 600; t++) {
      const kind = r();
      const unary = kind < 0.3;
      const ternary = kind > 0.9;
      const name = ternary ? 'clip' : unary ? UNARY[Math.floor(r() * UNARY.length)] : BINARY[Math.floor(r() * BINARY.length)];
      const rows = 1 + Math.floor(r() * 20);
      const cols = Math.ceil((UFUNC_NATIVE_MIN_ELEMENTS + Math.floor(r() * 600)) / rows);
      const shape = r() < 0.3 ? [rows * cols] : [rows, cols];
      const a = randomLayout(r, shape, DTYPES[Math.floor(r() * DTYPES.length)]);
      const bShape = r() < 0.2 ? [] : r() < 0.2 ? shape.slice(1) : shape;
      const b = unary ? null : randomLayout(r, bShape, DTYPES[Math.floor(r() * DTYPES.length)]);
      const scalar = !unary && r() < 0.15 ? [3, -2, -1, 0.5, 1000, 2n][Math.floor(r() * 6)] : null;
      const c = ternary ? randomLayout(r, r() < 0.5 ? [] : bShape, DTYPES[Math.floor(r() * DTYPES.length)]) : null;
      const mode = r(); // < 0.25: out=, < 0.4: out= and where=, < 0.5: in place on a
      const run = randomCallRun({
        fn: fnOf(name),
        args: () => {
          const x = buildLayout(a);
          const y = scalar !== null ? scalar : b === null ? null : buildLayout(b);
          return y === null ? [x] : c === null ? [x, y] : [x, y, buildLayout(c)];
        },
        mode,
        cuts: [0.25, 0.4, 0.5],
        out: (plain) => randomLayout(r2(t), shape, [plain.str, plain.newbyteorder().str][t % 2]),
        where: () => randomLayout(r2(t + 1), shape.slice(t % 2), '|b1'),
      });
      const label = `#${t} ${name}(${a.dtype}${b ? `, ${b.dtype}` : ''}${c ? `, ${c.dtype}` : ''}${scalar !== null ? `, ${String(scalar)}` : ''}) shape ${JSON.stringify(shape)} mode ${mode.toFixed(2)}`;
      if (compareToReference(run, label, failures).native) nativeRuns++;
    }
    expect(failures).toEqual([]);
    // Most draws have a native loop (complex and mixed-sign int64/uint64 loops stay in JS).
    expect(nativeRuns).toBeGreaterThan(200);
  });

  // A run that casts an input or stages its output (another dtype, a mask)
  // computes each 4096-item chunk in pieces of 512-2048 items: rows long
  // enough to cross several pieces and chunks, ragged at both ends.
  test('rows of thousands of items with cast inputs, cast or masked outputs: every piece of a chunk written once, as the JS loop', () => {
    const r = rng(5151);
    let nativeRuns = 0;
    const failures: string[] = [];
    const names = ['add', 'multiply', 'subtract', 'less', 'maximum', 'negative', 'sqrt', 'equal'];
    for (let t = 0; t < 48; t++) {
      const name = names[t % names.length];
      const unary = name === 'negative' || name === 'sqrt';
      const n = 900 + Math.floor(r() * 9000);
      const shape = t % 3 === 0 ? [3, Math.ceil(n / 3)] : [n];
      const aType = DTYPES[1 + Math.floor(r() * (DTYPES.length - 1))];
      // Mostly another dtype than a's, so that one input is cast.
      const bType = DTYPES[1 + Math.floor(r() * (DTYPES.length - 1))];
      const a = randomLayout(r, shape, aType);
      const b = randomLayout(r, r() < 0.2 ? shape.slice(1) : shape, bType);
      const mode = r();
      const run = randomCallRun({
        fn: fnOf(name),
        args: () => (unary ? [buildLayout(a)] : [buildLayout(a), buildLayout(b)]),
        mode,
        cuts: [0.35, 0.7, 0.8],
        // An out of another dtype (float64 or float32) or byte order stages the result.
        out: (plain) => randomLayout(r2(t), shape, [plain.newbyteorder().str, '<f8', '>f4'][t % 3]),
        where: () => randomLayout(r2(t + 1), shape, '|b1'),
      });
      const label = `#${t} ${name}(${aType}${unary ? '' : `, ${bType}`}) shape ${JSON.stringify(shape)} mode ${mode.toFixed(2)}`;
      if (compareToReference(run, label, failures).native) nativeRuns++;
    }
    expect(failures).toEqual([]);
    expect(nativeRuns).toBeGreaterThan(30);
  });

  test('shifts and integer power: every int dtype and byte order, counts and exponents in and out of range', () => {
    const r = rng(3030);
    const INT_DTYPES = DTYPES.filter((d) => d[1] === 'i' || d[1] === 'u');
    let nativeRuns = 0;
    let raised = 0;
    const failures: string[] = [];
    for (let t = 0; t < 240; t++) {
      const name = ['leftShift', 'rightShift', 'power'][t % 3];
      const rows = 1 + Math.floor(r() * 8);
      const cols = Math.ceil((UFUNC_NATIVE_MIN_ELEMENTS + Math.floor(r() * 400)) / rows);
      const shape = r() < 0.3 ? [rows * cols] : [rows, cols];
      const a = randomLayout(r, shape, INT_DTYPES[Math.floor(r() * INT_DTYPES.length)]);
      const bDtype = INT_DTYPES[Math.floor(r() * INT_DTYPES.length)];
      const b = randomLayout(r, r() < 0.2 ? shape.slice(1) : shape, bDtype);
      // Small counts and exponents (the in-range case) for most draws; random bits reach negatives and counts >= the width.
      if (r() < 0.7) {
        const d = dtype(bDtype);
        for (let i = 0; i < b.bytes.length; i += d.itemsize) {
          b.bytes.fill(0, i, i + d.itemsize);
          b.bytes[d.byteorder === '>' ? i + d.itemsize - 1 : i] = Math.floor(r() * 70);
        }
      }
      const scalar = r() < 0.2 ? [0, 1, 3, 7, 31, 63, 64][Math.floor(r() * 7)] : null;
      const mode = r();
      const run = randomCallRun({
        fn: fnOf(name),
        args: () => [buildLayout(a), scalar !== null ? scalar : buildLayout(b)],
        mode,
        cuts: [0.15, 0.3, 0.45],
        out: (plain) => randomLayout(r2(t), shape, [plain.str, plain.newbyteorder().str][t % 2]),
        where: () => randomLayout(r2(t + 1), shape, '|b1'),
      });
      const label = `#${t} ${name}(${a.dtype}, ${scalar ?? bDtype}) shape ${JSON.stringify(shape)} mode ${mode.toFixed(2)}`;
      const { native, want } = compareToReference(run, label, failures, (got, want) => {
        // int64 against uint64 powers in float64, where the two paths may differ by 1 ulp (test/transcendental.test.ts).
        if (got instanceof NdArray && got.dtype.kind === 'f' && want instanceof NdArray) expect(ulpsApart(got, want)).toBeLessThanOrEqual(1);
        else expect(values(got)).toEqual(values(want));
      });
      if (native) nativeRuns++;
      if (want instanceof Error) raised++;
    }
    expect(failures).toEqual([]);
    expect(nativeRuns).toBeGreaterThan(150);
    // Some draws raise NumPy's negative-exponent ValueError on both paths.
    expect(raised).toBeGreaterThan(5);
  });

  // One exponent for the whole row takes PowerByScalar (square-and-multiply
  // over blocks of elements); its products wrap as the element loop's do.
  test('integer power by one exponent: the JS loop\'s wrapped products, in place too, and a negative exponent raises', () => {
    const r = rng(4242);
    for (const dt of ['<i1', '<u1', '<i2', '>u2', '<i4', '<u4', '<i8', '>u8']) {
      const n = 700; // several of the kernel's 256-element blocks
      const x = zeros([n], dt);
      const signed = dt[1] === 'i';
      x.set(Array.from({ length: n }, () => (dt.endsWith('8') ? BigInt(Math.floor(r() * 2 ** 40)) - (signed ? 2n ** 39n : 0n) : Math.floor(r() * 256) - (signed ? 128 : 0))));
      for (const e of [0, 1, 2, 3, 5, 13, 40]) {
        const want = jsReference(() => api.power(x, e));
        const got = countUfuncCalls(() => api.power(x, e));
        expect([dt, e, got.calls]).toEqual([dt, e, 1]);
        expect([dt, e, values(got.value)]).toEqual([dt, e, values(want)]);
        const inPlace = x.copy();
        const gotIn = countUfuncCalls(() => api.power(inPlace, e, { out: inPlace }));
        // (in place keeps x's byte order; the new result is native-order)
        expect([dt, e, gotIn.calls, inPlace.toArray()]).toEqual([dt, e, 1, (want as NdArray).toArray()]);
      }
      if (signed) {
        const neg = countUfuncCalls(() => api.power(x, -2));
        expect([dt, neg.calls, String(neg.value)]).toEqual([dt, 1, 'ValueError: Integers to negative integer powers are not allowed.']);
      }
    }
  });

  test('a negative integer exponent raises NumPy\'s ValueError from the native loop too', () => {
    const x = zeros([1000], '<i4');
    const e = zeros([1000], '<i2');
    e.set(Array.from({ length: 1000 }, (_, i) => (i === 777 ? -1 : 2)));
    const got = countUfuncCalls(() => api.power(x, e));
    expect(got.calls).toBe(1);
    expect(String(got.value)).toBe('ValueError: Integers to negative integer powers are not allowed.');
    // Unsigned exponents are never negative; float power runs natively too (float16 in JS).
    expect(countUfuncCalls(() => api.power(zeros([1000], '<u4'), zeros([1000], '<u4'))).calls).toBe(1);
    expect(countUfuncCalls(() => api.power(zeros([1000], '<f8'), 2)).calls).toBe(1);
    expect(countUfuncCalls(() => api.power(zeros([1000], '<f2'), 2)).calls).toBe(0);
  });

  test('where(c, x, y): random views, broadcast conditions, scalars, every dtype and byte order', () => {
    const r = rng(4040);
    let nativeRuns = 0;
    const failures: string[] = [];
    for (let t = 0; t < 200; t++) {
      const rows = 1 + Math.floor(r() * 8);
      const cols = Math.ceil((UFUNC_NATIVE_MIN_ELEMENTS + Math.floor(r() * 400)) / rows);
      const shape = r() < 0.3 ? [rows * cols] : [rows, cols];
      // A bool condition (any non-zero byte true) most of the time; else a float or int one (JS loop).
      const cDtype = r() < 0.8 ? '|b1' : ['<f8', '>i4', '|u1'][Math.floor(r() * 3)];
      const c = randomLayout(r, r() < 0.2 ? shape.slice(1) : shape, cDtype);
      if (cDtype === '|b1') for (let i = 0; i < c.bytes.length; i++) c.bytes[i] = [0, 1, 2, 255][Math.floor(r() * 4)];
      const a = randomLayout(r, shape, DTYPES[Math.floor(r() * DTYPES.length)]);
      const b = randomLayout(r, r() < 0.2 ? [] : shape, DTYPES[Math.floor(r() * DTYPES.length)]);
      const scalar = r() < 0.15 ? [3, -2, 0.5, 1000][Math.floor(r() * 4)] : null;
      const run = (): NdArray => api.where(buildLayout(c), buildLayout(a), scalar !== null ? scalar : buildLayout(b));
      const label = `#${t} where(${cDtype}, ${a.dtype}, ${scalar ?? b.dtype}) shape ${JSON.stringify(shape)}`;
      if (compareToReference(run, label, failures).native) nativeRuns++;
    }
    expect(failures).toEqual([]);
    expect(nativeRuns).toBeGreaterThan(100);
  });

  test('where and clip over contiguous rows with one input a broadcast value (the vectorized three-input rows)', () => {
    // where(c, x, 0), where(c, 0, y), a 0-d x, clip with an array bound and
    // a scalar one, and clip in place: contiguous operands, so the kernel
    // takes TernaryRow rather than the strided loop; NaN and ±0 included.
    const r = rng(5150);
    const n = UFUNC_NATIVE_MIN_ELEMENTS + 37;
    const failures: string[] = [];
    let nativeRuns = 0;
    for (const dt of ['<f8', '<f4', '<i8', '<i4', '<u2', '|i1', '|u1', '>f8']) {
      const arr = (): NdArray => {
        const v = zeros([n], dt);
        for (let i = 0; i < n; i++) {
          const x = Math.floor(r() * 200) - 100;
          v.set(i, dt.includes('f') && i % 17 === 0 ? [NaN, -0, Infinity][i % 3] : dt.includes('u') ? Math.abs(x) : x);
        }
        return v;
      };
      const c = zeros([n], '|b1');
      for (let i = 0; i < n; i++) c.set(i, r() < 0.5);
      const a = arr();
      const b = arr();
      const lo = arr();
      const scalar = dt.includes('f') ? 0.5 : 3;
      const runs: [string, () => NdArray][] = [
        ['where(c, a, s)', () => api.where(c, a, scalar)],
        ['where(c, s, a)', () => api.where(c, scalar, a)],
        ['where(c, 0-d, a)', () => api.where(c, api.asarray(scalar, dt), a)],
        ['where(c, a, b)', () => api.where(c, a, b)],
        ['clip(a, lo, s)', () => api.clip(a, lo, scalar)],
        ['clip(a, -s, lo)', () => api.clip(a, dt.includes('u') ? 1 : -scalar, lo)],
        ['clip(a, lo, s, out a)', () => {
          const o = a.copy();
          return api.clip(o, lo, scalar, { out: o });
        }],
      ];
      for (const [label, run] of runs) if (compareToReference(run, `${dt} ${label}`, failures).native) nativeRuns++;
    }
    expect(failures).toEqual([]);
    expect(nativeRuns).toBe(8 * 7);
  });

  test('where with a non-bool condition array, or bool x and y, stays in JS', () => {
    const x = zeros([1000], '<f8');
    expect(countUfuncCalls(() => api.where(zeros([1000], '?'), x, 1)).calls).toBe(1);
    expect(countUfuncCalls(() => api.where(zeros([1000], '<f8'), x, 1)).calls).toBe(0);
    expect(countUfuncCalls(() => api.where(zeros([1000], '?'), zeros([1000], '?'), true)).calls).toBe(0);
  });

  test('bool loops read any non-zero byte as true', () => {
    const raw = new Uint8Array(1000).map((_, i) => [0, 1, 2, 255][(i * 7) % 4]);
    const raw2 = new Uint8Array(1000).map((_, i) => [0, 1, 2, 255][(i * 5 + 1) % 4]);
    for (const name of ['add', 'multiply', 'minimum', 'maximum', 'bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'logicalAnd', 'logicalOr', 'logicalXor', 'invert', 'logicalNot']) {
      const run = (): NdArray => {
        const a = ndarray([1000], '?', raw.slice());
        const b = ndarray([1000], '?', raw2.slice());
        return name === 'invert' || name === 'logicalNot' ? fnOf(name)(a) : fnOf(name)(a, b);
      };
      const want = jsReference(run);
      const got = countUfuncCalls(run);
      expect([name, got.calls]).toEqual([name, 1]);
      expect(values(got.value)).toEqual(values(want));
    }
  });

  test('an int64 result stored into float32 stays in JS (it rounds twice there)', () => {
    const x = zeros([1000], '<i8');
    x.set(Array.from({ length: 1000 }, (_, i) => BigInt(2 ** 40 + i * 12345)));
    const out = zeros([1000], '<f4');
    const { calls } = countUfuncCalls(() => api.add(x, 1, { out }));
    expect(calls).toBe(0);
    expect(countUfuncCalls(() => api.add(x, 1)).calls).toBe(1);
  });

  test('streamed bool results: the threshold is at least 4 MiB, and may be set', () => {
    const was = ufuncStreamMinBytes();
    expect(was).toBeGreaterThanOrEqual(4 * 2 ** 20);
    expect(Number.isInteger(was)).toBe(true);
    try {
      expect(ufuncStreamMinBytes(12345)).toBe(was);
      expect(ufuncStreamMinBytes()).toBe(12345);
      expect(() => ufuncStreamMinBytes(-1)).toThrow(/bytes must be a non-negative integer/);
      expect(() => ufuncStreamMinBytes(1.5)).toThrow(/bytes must be a non-negative integer/);
      expect(ufuncStreamMinBytes()).toBe(12345);
    } finally {
      ufuncStreamMinBytes(was);
    }
    expect(ufuncStreamMinBytes()).toBe(was);
  });

  test.each([
    ['streamed stores', 4 * 2 ** 20],
    ['stores through the cache', 2 ** 40],
  ])('bool results of 4 MiB and more (%s): new, into an out= at an odd byte offset, 2-d, in place', (_, threshold) => {
    // native/ufunc_kernels.cc streams a bool result of its threshold or more
    // (the last-level cache's size, at least 4 MiB; set here so that each
    // path runs whatever this machine's cache) when an input reads 4 or more
    // bytes an element; each chunk goes through a buffer, its whole 64-byte
    // lines to memory directly, the ragged ends by memcpy.
    const was = ufuncStreamMinBytes(threshold);
    try {
      boolResultsOf4MiB();
    } finally {
      ufuncStreamMinBytes(was);
    }
  });

  test('streamed float64 results: pieces of each chunk, a broadcast input, in place, 2-d', () => {
    // A float64 result at the threshold streams its chunks in 2 KiB pieces
    // (native/ufunc_kernels.cc, kStreamPieceBytes): every piece must take its
    // own elements of each input, a broadcast input's one element, and an
    // input that is the output itself must be read before it is written.
    const was = ufuncStreamMinBytes(4 * 2 ** 20);
    try {
      const n = 2 ** 19 + 4099; // past 4 MiB of float64, with a ragged last chunk and piece
      const x = zeros([n], '<f8');
      const y = zeros([n], '<f8');
      const xt = x.typedArray() as Float64Array;
      const yt = y.typedArray() as Float64Array;
      for (let i = 0; i < n; i++) {
        xt[i] = (i % 977) - 400.5;
        yt[i] = (i % 31) * 0.25;
      }
      const sum = api.add(x, y) as NdArray;
      const st = sum.typedArray() as Float64Array;
      const bad: number[] = [];
      for (let i = 0; i < n && bad.length < 5; i++) if (st[i] !== xt[i] + yt[i]) bad.push(i);
      expect(bad).toEqual([]);
      const sq = api.square(x) as NdArray;
      const qt = sq.typedArray() as Float64Array;
      for (let i = 0; i < n && bad.length < 5; i++) if (qt[i] !== xt[i] * xt[i]) bad.push(i);
      expect(bad).toEqual([]);
      const before = xt.slice();
      api.multiply(x, 3, { out: x });
      for (let i = 0; i < n && bad.length < 5; i++) if (xt[i] !== before[i] * 3) bad.push(i);
      expect(bad).toEqual([]);
      const cols = 2 ** 18 + 5;
      const a = y.index(`0:${2 * cols}`).reshape([2, cols]);
      const row = api.arange(cols, 'f8');
      const m = api.subtract(a, row) as NdArray;
      const mt = m.typedArray() as Float64Array;
      for (let i = 0; i < 2 * cols && bad.length < 5; i++) if (mt[i] !== yt[i] - (i % cols)) bad.push(i);
      expect(bad).toEqual([]);
    } finally {
      ufuncStreamMinBytes(was);
    }
  });

  function boolResultsOf4MiB(): void {
    const n = 4 * 2 ** 20 + 77;
    const x = zeros([n], '<i4');
    const xt = x.typedArray() as Int32Array;
    for (let i = 0; i < n; i++) xt[i] = ((i * 2654435761) >>> 7) % 201 - 100;
    const want = new Uint8Array(n).map((_, i) => (xt[i] < 0 ? 1 : 0));
    // Indices where `got` differs from `expected` (at most 5; jest's deep equality is slow on megabytes).
    const diff = (got: Uint8Array, expected: Uint8Array): number[] => {
      const bad: number[] = [];
      for (let i = 0; i < Math.max(got.length, expected.length) && bad.length < 5; i++) if (got[i] !== expected[i]) bad.push(i);
      return bad;
    };
    const bytesOf = (a: NdArray): Uint8Array => a.typedArray() as Uint8Array;
    const fresh = countUfuncCalls(() => api.less(x, 0));
    expect(fresh.calls).toBe(1);
    expect(diff(bytesOf(fresh.value as NdArray), want)).toEqual([]);
    // The output 3 bytes into a buffer whose other bytes must stay 7.
    const raw = new Uint8Array(n + 11).fill(7);
    const out = ndarray([n], '?', raw, { offset: 3 });
    expect(countUfuncCalls(() => api.less(x, 0, { out })).calls).toBe(1);
    expect(diff(raw.subarray(3, 3 + n), want)).toEqual([]);
    expect([...raw.subarray(0, 3), ...raw.subarray(3 + n)]).toEqual(new Array(11).fill(7));
    // Rows of a 2-d float64 comparison against a broadcast row.
    const cols = 2 ** 20 + 3;
    const a = x.index(`0:${4 * cols}`).astype('<f8').reshape([4, cols]);
    const row = zeros([cols], '<f8');
    (row.typedArray() as Float64Array).forEach((_, j, t) => (t[j] = (j % 13) - 6));
    const g = countUfuncCalls(() => api.greater(a, row));
    expect(g.calls).toBe(1);
    expect(diff(bytesOf(g.value as NdArray), new Uint8Array(4 * cols).map((_, i) => (xt[i] > (i % cols) % 13 - 6 ? 1 : 0)))).toEqual([]);
    // A bool array compared into itself: 1-byte reads, so not streamed, and right in place.
    const flags = ndarray([n], '?', want.slice());
    expect(countUfuncCalls(() => api.less(flags, 0.5, { out: flags })).calls).toBe(1);
    expect(diff(bytesOf(flags), want.map((v) => 1 - v))).toEqual([]);
  }

  test('comparisons of contiguous rows (the AVX-512 loops): each op and wide dtype, NaN, ±0, ±inf and ties, array-array, array-scalar, scalar-array', () => {
    const r = rng(4711);
    const specials = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 2.5];
    const ops = ['less', 'lessEqual', 'greater', 'greaterEqual', 'equal', 'notEqual'];
    for (const dt of ['<f8', '<f4', '<i8', '<u8', '<i4', '<u4', '<i2', '<u2', '<f2']) {
      const float = dt.includes('f');
      // Lengths around the 64-item vector steps and the 4096-item chunks.
      for (const n of [64, 127, 4096 + 65]) {
        const fill = (): NdArray => {
          const v = new Float64Array(n).map(() => (r() < 0.4 ? specials[Math.floor(r() * specials.length)] : Math.floor(r() * 5) - 2));
          return api.fromBuffer(float ? v : v.map((x) => (Number.isFinite(x) ? Math.abs(Math.trunc(x)) : 3))).astype(dt);
        };
        const a = fill();
        const b = fill();
        const scalar = float ? (r() < 0.5 ? NaN : -0) : 1;
        for (const op of ops) {
          for (const args of [[a, b], [a, scalar], [scalar, b]] as unknown[][]) {
            const got = countUfuncCalls(() => fnOf(op)(...args));
            expect(got.calls).toBe(1);
            expect(values(got.value)).toEqual(values(jsReference(() => fnOf(op)(...args))));
          }
        }
      }
    }
  });

  test('below the threshold the JS loop runs', () => {
    const x = zeros([UFUNC_NATIVE_MIN_ELEMENTS - 1], '<f8');
    expect(countUfuncCalls(() => api.add(x, 1)).calls).toBe(0);
    expect(countUfuncCalls(() => api.add(zeros([UFUNC_NATIVE_MIN_ELEMENTS], '<f8'), 1)).calls).toBe(1);
  });
});

describe('kernelUfunc defends itself against a bad layout', () => {
  // [nd, ...shape, then per operand byteOffset, type, swap, ...strides]; type 0 is float64.
  const add = nativeOpCode('add');
  const layout = (...v: number[]): Float64Array => Float64Array.from(v);
  const ok = layout(1, 8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8);
  test('a valid call adds', () => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const o = new Float64Array(8);
    expect(native.kernelUfunc(add, 0, ok, a.buffer, a.buffer, o.buffer)).toBe(0);
    expect([...o]).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
  });
  test.each([
    ['a layout shorter than its operands', layout(1, 8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0), 3, 'TypeError'],
    ['more than 64 axes', layout(65), 3, 'TypeError'],
    ['a fractional length', layout(1, 8.5, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'TypeError'],
    ['a negative length', layout(1, -8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'RangeError'],
    ['a fractional offset', layout(1, 8, 0.5, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'TypeError'],
    ['a negative offset', layout(1, 8, -8, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'TypeError'],
    ['an unknown type code', layout(1, 8, 0, 99, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'TypeError'],
    ['a stride past the memory', layout(1, 8, 0, 0, 0, 16, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'RangeError'],
    ['an offset past the memory', layout(1, 8, 8, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'RangeError'],
    ['a length of 2^53 - 1', layout(1, 2 ** 53 - 1, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 3, 'RangeError'],
    ['too few memories', ok, 2, 'TypeError'],
    ['a mask that is not bool', layout(1, 8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 8), 4, 'TypeError'],
  ] as const)('%s is refused, nothing written', (_, l, memories, name) => {
    const a = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const o = new Float64Array(8).fill(-1);
    const mem = [a.buffer, a.buffer, o.buffer, o.buffer].slice(0, memories);
    expect(() => native.kernelUfunc(add, 0, l, ...mem)).toThrow(expect.objectContaining({ name }));
    expect([...o]).toEqual(new Array(8).fill(-1));
  });
  test('a layout that is not a Float64Array, or a detached one, is refused', () => {
    const a = new Float64Array(8);
    const bad = expect.objectContaining({ name: 'TypeError', message: 'kernelUfunc(op, computeType, layout, ...memories): bad arguments' });
    expect(() => native.kernelUfunc(add, 0, [1, 8] as unknown as Float64Array, a.buffer, a.buffer, a.buffer)).toThrow(bad);
    expect(() => native.kernelUfunc(add, 0, new Float32Array(ok) as unknown as Float64Array, a.buffer, a.buffer, a.buffer)).toThrow(bad);
    const l = Float64Array.from(ok);
    structuredClone(l.buffer, { transfer: [l.buffer] });
    expect(() => native.kernelUfunc(add, 0, l, a.buffer, a.buffer, a.buffer)).toThrow(bad);
  });
});

/** A second deterministic stream for layouts built inside run() (the same on both paths). */
function r2(seed: number): () => number {
  return rng(seed * 7919 + 17);
}

describe('a view crossing the 4 GiB window edge of a sparse mapping', () => {
  const SIZE = 2 ** 32 + 2 ** 20;
  const lo = 2 ** 32 - 4096 - 3; // odd: the float view below is unaligned

  test('add, multiply, less and sqrt over the edge, native against JS', () => {
    const m = memmap(tmp.sparse(SIZE, 'edge.bin'), { dtype: 'u1', mode: 'r+' });
    try {
      const bytes = m.index(`${lo}:${lo + 8192}`);
      const r = rng(4);
      bytes.set(Array.from({ length: 8192 }, () => Math.floor(r() * 256)));
      // Views of the one 4 GiB+ mapping: the kernel gets the whole mapping, not a window.
      const f = m.index(`${lo}:${lo + 8192}`).view('<f4');
      const g = m.index(`${lo + 1}:${lo + 1 + 8192}`).view('>i2').index('::2');
      {
        for (const [name, args] of [
          ['add', [f, g]],
          ['multiply', [f, 3]],
          ['less', [g, f]],
          ['sqrt', [f]],
        ] as const) {
          const fn = fnOf(name);
          const want = jsReference(() => fn(...args));
          const got = countUfuncCalls(() => fn(...args));
          expect(got.calls).toBe(1);
          expect(values(got.value)).toEqual(values(want));
        }
        // In place over the edge: the mapping's own bytes.
        const before = f.copy();
        const want = jsReference(() => api.add(before, 1.5));
        const got = countUfuncCalls(() => api.add(f, 1.5, { out: f }));
        expect(got.calls).toBe(1);
        expect(f.toArray()).toEqual((want as NdArray).toArray());
      }
    } finally {
      m.close();
    }
  });

  test('one operand spanning more than 4 GiB in one call', () => {
    const m = memmap(tmp.sparse(SIZE, 'span.bin'), { dtype: 'u1', mode: 'r+' });
    try {
      // Few elements, each on its own page: first touches of a sparse file's pages are slow.
      const step = 2 ** 24;
      const v = m.index(`::${step}`); // 257 elements over 4 GiB + 1 MiB
      for (const i of [0, 1, 200, v.size - 1]) v.set(String(i), (i % 200) + 1);
      const got = countUfuncCalls(() => api.add(v, 1, { out: zeros([v.size], '<u2') }));
      expect(got.calls).toBe(1);
      const r = got.value as NdArray;
      for (const i of [0, 1, 200, v.size - 1]) expect(r.get(i)).toBe((i % 200) + 2);
      expect(r.get(2)).toBe(1);
    } finally {
      m.close();
    }
  });
});
