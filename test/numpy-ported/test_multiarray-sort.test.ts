// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4): the module-level
// sort tests (test_sort_float, test_sort_float16, test_sort_int, test_sort_uint,
// test_argsort_float, test_argsort_int, test_sort_largearrays,
// test_argsort_largearrays), ported test by test: same names, same
// parametrizations (N in 1..511 or 2..511, the same dtypes), the same assertions.
//
// Mapping: np.sort(a, kind=) -> sort(a, { kind }); np.argsort -> argsort;
// assert_arg_sorted(arr, arg) -> arr[arg] (take) equals sort(arr) and
// sort(arg) equals arange(len(arg)). NumPy's seeded np.random data -> the
// shared seeded generators (random bytes for the integer dtypes, so every bit
// pattern occurs; the assertions hold for any data).
//
// Left out, not counted as passing:
// - (test_partition_int, test_partition_fp, test_gh_24459, test_gh_28206: ported in
//   test_multiarray-partition-choose.test.ts.) test_gh_22683: Python reference counts.
import { arange, dtype as toDType, fromBuffer, NdArray, argsort, sort, take, zeros } from '../../lib';
import { randomBytes, rng as rngFor } from '../helpers/bytes';
import { array } from '../helpers/np-array';

const Ns = (lo: number): number[] => Array.from({ length: 512 - lo }, (_, i) => i + lo);

/** np.random.choice(n, k): k positions in [0, n), with repeats. */
function choice(r: () => number, n: number, k: number): number[] {
  return Array.from({ length: k }, () => Math.floor(r() * n));
}

/** -0.5 + sample(N).astype(dtype). */
function uniform(r: () => number, n: number, dt: string): NdArray {
  return array(Array.from({ length: n }, () => -0.5 + r()), 'f8').astype(dt);
}

/** The array's bytes in C order (assert_equal of same-dtype arrays, NaN equal to NaN, here bit for bit). */
function bytes(a: NdArray): Buffer {
  const c = a.copy('C');
  return Buffer.from(c.buffer as ArrayBuffer, c.offset, c.size * c.itemsize);
}

function assertEqual(a: NdArray, b: NdArray, label: string): void {
  expect(a.dtype.str).toBe(b.dtype.str);
  expect(a.shape).toEqual(b.shape);
  if (!bytes(a).equals(bytes(b))) expect([label, a.toArray()]).toEqual([label, b.toArray()]);
}

function assertArgSorted(arr: NdArray, arg: NdArray, label: string): void {
  assertEqual(take(arr, arg), sort(arr), label);
  assertEqual(sort(arg), arange(arg.size), label);
}

describe('test_sort_float', () => {
  test.each(['e', 'f', 'd'])('dtype %s, N 1..511', (dt) => {
    const r = rngFor(42);
    for (const N of Ns(1)) {
      const arr = uniform(r, N, dt);
      for (const i of choice(r, N, 3)) arr.set([i], NaN);
      assertEqual(sort(arr, { kind: 'quick' }), sort(arr, { kind: 'heap' }), `${String(arr.size)}`);

      // (2) with +INF
      const infarr = zeros(N, dt as never) as NdArray;
      infarr.fill(Infinity);
      for (const i of choice(r, N, 5)) infarr.set([i], -1);
      assertEqual(sort(infarr, { kind: 'quick' }), sort(infarr, { kind: 'heap' }), `${String(infarr.size)}`);

      // (3) with -INF
      const neginfarr = zeros(N, dt as never) as NdArray;
      neginfarr.fill(-Infinity);
      for (const i of choice(r, N, 5)) neginfarr.set([i], 1);
      assertEqual(sort(neginfarr, { kind: 'quick' }), sort(neginfarr, { kind: 'heap' }), `${String(neginfarr.size)}`);

      // (4) with +/-INF
      const pm = zeros(N, dt as never) as NdArray;
      pm.fill(Infinity);
      for (const i of choice(r, N, Math.trunc(N / 2))) pm.set([i], -Infinity);
      assertEqual(sort(pm, { kind: 'quick' }), sort(pm, { kind: 'heap' }), `${String(pm.size)}`);
    }
  });
});

test('test_sort_float16', () => {
  // Every float16 bit pattern (int16 0..65535's bytes), shuffled.
  const bits = new Uint16Array(65536).map((_, i) => i);
  const r = rngFor(7);
  for (let i = bits.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [bits[i], bits[j]] = [bits[j], bits[i]];
  }
  const data = fromBuffer(new Uint8Array(bits.buffer).slice(), '<f2').copy();
  const dataBackup = data;
  assertEqual(sort(data, { kind: 'quick' }), sort(dataBackup, { kind: 'heap' }), `${String(data.size)}`);
});

describe('test_sort_int', () => {
  test.each(['h', 'H', 'i', 'I', 'l', 'L'])('dtype %s, N 1..511', (dt) => {
    const d = toDType(dt);
    const bitsN = BigInt(d.itemsize * 8);
    const minv = d.kind === 'i' ? -(1n << (bitsN - 1n)) : 0n;
    const maxv = d.kind === 'i' ? (1n << (bitsN - 1n)) - 1n : (1n << bitsN) - 1n;
    const big = d.itemsize === 8;
    const r = rngFor(3);
    for (const N of Ns(1)) {
      const arr = fromBuffer(randomBytes(N * d.itemsize, N), d.str).copy();
      for (const i of choice(r, N, 10)) arr.set([i], big ? minv : Number(minv));
      for (const i of choice(r, N, 10)) arr.set([i], big ? maxv : Number(maxv));
      assertEqual(sort(arr, { kind: 'quick' }), sort(arr, { kind: 'heap' }), `${String(arr.size)}`);
    }
  });
});

test('test_sort_uint', () => {
  const N = 2047;
  const maxv = 2 ** 32 - 1;
  const r = rngFor(42);
  const arr = array(Array.from({ length: N }, () => Math.floor(r() * maxv)), 'u4');
  for (const i of choice(r, N, 10)) arr.set([i], maxv);
  assertEqual(sort(arr, { kind: 'quick' }), sort(arr, { kind: 'heap' }), `${String(arr.size)}`);
});

describe('test_argsort_float', () => {
  test.each(['f4', 'f8'])('dtype %s, N 1..511', (dt) => {
    const r = rngFor(116112);
    for (const N of Ns(1)) {
      // (1) Regular data with a few nan
      let arr = uniform(r, N, dt);
      for (const i of choice(r, N, 3)) arr.set([i], NaN);
      assertArgSorted(arr, argsort(arr, { kind: 'quick' }), `${String(arr.size)}`);

      // (2) Random data with inf at the end of array
      arr = uniform(r, N, dt);
      arr.set([N - 1], Infinity);
      assertArgSorted(arr, argsort(arr, { kind: 'quick' }), `${String(arr.size)}`);
    }
  });
});

describe('test_argsort_int', () => {
  test.each(['i4', 'u4', 'i8', 'u8'])('dtype %s, N 2..511', (dt) => {
    const d = toDType(dt);
    const bitsN = BigInt(d.itemsize * 8);
    const minv = d.kind === 'i' ? -(1n << (bitsN - 1n)) : 0n;
    const maxv = d.kind === 'i' ? (1n << (bitsN - 1n)) - 1n : (1n << bitsN) - 1n;
    const conv = (v: bigint): bigint | number => (d.itemsize === 8 ? v : Number(v));
    const r = rngFor(1100710816);
    for (const N of Ns(2)) {
      // (1) random data with min and max values
      let arr = fromBuffer(randomBytes(N * d.itemsize, N), d.str).copy();
      const i = Math.floor(r() * N);
      let j = Math.floor(r() * (N - 1));
      if (j >= i) j += 1; // replace=False: two distinct positions
      arr.set([i], conv(minv));
      arr.set([j], conv(maxv));
      assertArgSorted(arr, argsort(arr, { kind: 'quick' }), `${String(arr.size)}`);

      // (2) random data with max value at the end of array
      arr = fromBuffer(randomBytes(N * d.itemsize, N + 1000), d.str).copy();
      arr.set([N - 1], conv(maxv));
      assertArgSorted(arr, argsort(arr, { kind: 'quick' }), `${String(arr.size)}`);
    }
  });
});

describe('large arrays', () => {
  const N = 1000000;
  test.each(['f2', 'f4', 'f8'])('test_sort_largearrays[%s]', (dt) => {
    const arr = uniform(rngFor(1100710816), N, dt);
    assertEqual(sort(arr, { kind: 'quick' }), sort(arr, { kind: 'heap' }), `${String(arr.size)}`);
  });

  test.each(['f4', 'f8'])('test_argsort_largearrays[%s]', (dt) => {
    const arr = uniform(rngFor(1100710816), N, dt);
    assertArgSorted(arr, argsort(arr, { kind: 'quick' }), `${String(arr.size)}`);
  });
});
