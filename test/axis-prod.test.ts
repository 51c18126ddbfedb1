// prod(axis) through the native loop (native/index_kernels.cc axisProd, its
// front axisProdNative in lib/index-kernels.ts) against the JS fold of
// lib/reduce-axis.ts, the reference: random strided, flipped, byte-swapped
// views of integer, bool and float dtypes, every axis choice, keepdims and
// dtype=. Each comparison checks that the kernel really ran.
import { dtype, ndarray, NdArray, zeros } from '../lib';
import { NATIVE_MIN_ELEMENTS } from '../lib/kernels';
import * as native from '../lib/native';
import { rng } from './helpers/bytes';
import { jsPath } from './helpers/kernels';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const DTYPES = ['<f8', '>f8', '<f4', '>f4', '|i1', '|u1', '<i2', '>u2', '<i4', '>i4', '<u4', '<i8', '>i8', '<u8', '|b1'];

/** Random items of `dt`: floats near 1 (products stay finite), small ints with some large ones (int64 products wrap). */
function randomArray(r: () => number, shape: number[], dt: string): NdArray {
  const d = dtype(dt);
  const size = shape.reduce((x, y) => x * y, 1);
  const a = zeros([size], d);
  const vals: unknown[] = [];
  for (let i = 0; i < size; i++) {
    if (d.kind === 'f') vals.push(r() < 0.02 ? [NaN, -0, Infinity][Math.floor(r() * 3)] : 0.5 + r());
    else if (d.kind === 'b') vals.push(r() < 0.9);
    else if (d.itemsize === 8) vals.push(BigInt(Math.floor(r() * 2 ** 40)) * (d.kind === 'i' && r() < 0.5 ? -1n : 1n));
    else vals.push(Math.floor(r() * 5) - (d.kind === 'i' ? 2 : 0));
  }
  a.set(vals);
  return a.reshape(shape);
}

function values(x: NdArray | Error): unknown {
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  return { dtype: x.dtype.str, shape: x.shape, values: x.toArray() };
}

function counted<T>(fn: () => T): { value: T | Error; calls: number } {
  const spy = jest.spyOn(native.indexKernels, 'axisProd');
  try {
    try {
      return { value: fn(), calls: spy.mock.calls.length };
    } catch (e) {
      return { value: e as Error, calls: spy.mock.calls.length };
    }
  } finally {
    spy.mockRestore();
  }
}

describe('prod(axis): the native loop matches the JS fold bit for bit', () => {
  test('random views, axes, keepdims and dtype=', () => {
    const r = rng(2718);
    let nativeRuns = 0;
    const failures: string[] = [];
    for (let t = 0; t < 150; t++) {
      const dt = DTYPES[Math.floor(r() * DTYPES.length)];
      const shape = [1 + Math.floor(r() * 6), 1 + Math.floor(r() * 30), 4 + Math.floor(r() * 40)];
      const base = randomArray(r, shape, dt);
      // A flipped or strided view of it, or the array itself.
      const view = [base, base.index('::-1'), base.index(':, ::2'), base.index('..., ::-3')][Math.floor(r() * 4)];
      const axis = [null, 0, 1, 2, -1, [0, 2], [1, 2]][Math.floor(r() * 7)];
      const keepdims = r() < 0.3;
      const opt = r() < 0.2 ? { keepdims, dtype: ['<f8', '<i8', '<u8'][Math.floor(r() * 3)] } : { keepdims };
      const run = (): NdArray => view.prod(axis as number | number[] | null, opt);
      const want = jsPath(() => {
        try {
          return run();
        } catch (e) {
          return e as Error;
        }
      });
      const got = counted(run);
      if (got.calls > 0) nativeRuns++;
      try {
        expect(values(got.value)).toEqual(values(want));
      } catch {
        failures.push(`#${t} ${dt} ${JSON.stringify(view.shape)} axis ${JSON.stringify(axis)} ${JSON.stringify(opt)}`);
      }
    }
    expect(failures).toEqual([]);
    // float32 and float16 loops (prod of <f4 without dtype=) stay in JS, as do tiny arrays.
    expect(nativeRuns).toBeGreaterThan(60);
  });

  test('int64 products wrap modulo 2^64, as NumPy', () => {
    const n = 2 * NATIVE_MIN_ELEMENTS;
    const a = zeros([n], '<i8');
    a.set(Array.from({ length: n }, (_, i) => BigInt(3 + (i % 5))));
    const got = counted(() => a.reshape([2, n / 2]).prod(1));
    expect(got.calls).toBe(1);
    expect(values(got.value)).toEqual(values(jsPath(() => a.reshape([2, n / 2]).prod(1))));
    const v = (got.value as NdArray).toArray() as bigint[];
    // The product of 3, 4, 5, 6, 7, 3, ... wrapped to int64 step by step: computed here with BigInt.
    let p = 1n;
    for (let i = 0; i < n / 2; i++) p = BigInt.asIntN(64, p * BigInt(3 + (i % 5)));
    expect(v[0]).toBe(p);
  });

  // Float rows each folding into one output go to the kernel eight at a
  // time (FoldProdRows): each row must still be its own sequential chain.
  test('rows gathered eight at a time: every row count and length, mixed alignment, several rows into one output', () => {
    const r = rng(1618);
    const failures: string[] = [];
    // Each case of at least NATIVE_MIN_ELEMENTS items must reach the kernel.
    const check = (label: string, items: number, run: () => NdArray): void => {
      const got = counted(run);
      if (got.calls === 0 && items >= NATIVE_MIN_ELEMENTS) failures.push(`${label}: not native`);
      try {
        expect(values(got.value)).toEqual(values(jsPath(run)));
      } catch {
        failures.push(label);
      }
    };
    for (const rows of [1, 7, 8, 9, 16, 23, 64]) {
      for (const n of [7, 8, 9, 31, 257]) {
        // Factors spread over a wide range, so that another order of the multiplies gives other bits.
        const items = Array.from({ length: rows * n }, () => (r() < 0.01 ? [NaN, -0, Infinity, 0][Math.floor(r() * 4)] : (0.25 + 3 * r()) * (r() < 0.3 ? -1 : 1)));
        const a = zeros([rows * n], '<f8');
        a.set(items);
        const m = a.reshape([rows, n]);
        check(`${rows} x ${n}`, rows * n, () => m.prod(1));
        check(`${rows} x ${n} rows reversed`, rows * n, () => m.index('::-1').prod(-1));
        check(`${rows} x ${n} keepdims, float32 items`, rows * n, () => m.astype('<f4').prod(1, { dtype: '<f8', keepdims: true }));
        // Rows at a byte stride of 8n + 4: every other row unaligned, so plain and buffered rows interleave.
        const bytes = new Uint8Array(rows * (8 * n + 4) + 8);
        const raw = new DataView(bytes.buffer);
        for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) raw.setFloat64(4 + i * (8 * n + 4) + 8 * j, items[i * n + j], true);
        const mixed = ndarray([rows, n], '<f8', bytes, { offset: 4, strides: [8 * n + 4, 8] });
        check(`${rows} x ${n} mixed alignment`, rows * n, () => mixed.prod(1));
        // (2, rows, n) over axes 0 and 2: the second half's rows fold into the first half's outputs.
        const twice = zeros([2 * rows * n], '<f8');
        twice.set([...items, ...items.map((v) => v * 1.5)]);
        check(`2 x ${rows} x ${n} axes 0 and 2`, 2 * rows * n, () => twice.reshape([2, rows, n]).prod([0, 2]));
      }
    }
    expect(failures).toEqual([]);
  });

  test('a tiny or float32 array stays in JS', () => {
    expect(counted(() => zeros([NATIVE_MIN_ELEMENTS - 1], '<f8').prod(0)).calls).toBe(0);
    expect(counted(() => ndarray([1000], '<f4', new Uint8Array(4000)).prod(0)).calls).toBe(0);
  });
});

describeWithNumpy('prod(axis=1) of float64 rows gives NumPy\'s bits', () => {
  test('37 rows of 1,001 items, signs, zeros, inf and NaN among them', () => {
    const r = rng(31);
    const rows = 37;
    const n = 1001;
    const items = Float64Array.from({ length: rows * n }, (_, i) => (i % 9973 === 5 ? [NaN, -0, Infinity][i % 3] : (0.5 + r()) * (r() < 0.5 ? -1 : 1)));
    // The data tells orders apart: the rows multiplied back to front give other bits in most rows.
    let orderSensitive = 0;
    for (let i = 0; i < rows; i++) {
      let fwd = 1;
      let back = 1;
      for (let j = 0; j < n; j++) fwd *= items[i * n + j];
      for (let j = n - 1; j >= 0; j--) back *= items[i * n + j];
      if (!Object.is(fwd, back)) orderSensitive++;
    }
    expect(orderSensitive).toBeGreaterThan(25);
    const a = ndarray([rows, n], '<f8', new Uint8Array(items.buffer));
    const got = counted(() => a.prod(1));
    expect(got.calls).toBe(1);
    const want = runNumpy<string>(
      "a = np.frombuffer(bytes.fromhex(sys.stdin.read()), '<f8').reshape(37, 1001)\nprint(json.dumps(a.prod(axis=1).tobytes().hex()))",
      Buffer.from(items.buffer).toString('hex'),
    );
    const mine = (got.value as NdArray).typedArray() as unknown as Float64Array;
    expect(Buffer.from(mine.buffer, mine.byteOffset, mine.byteLength).toString('hex')).toBe(want);
  });
});
