// Whole-array reductions (lib/reduce.ts): sum/min/max/mean give NumPy's
// answers, by the native kernel or by its JS mirror (test/kernels.test.ts
// pins the two to the same bits).
import { arange, fromBuffer, zeros } from '../lib/create';
import { ValueError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** A (3, 4) int16 array holding 0..11. */
function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

describe('sum, min, max, mean', () => {
  test('integers sum exactly, without wrapping in the dtype', () => {
    expect(fromBuffer(new Int16Array([32767, 32767, 2]), '<i2').sum()).toBe(65536);
  });

  test('64-bit integers give BigInts', () => {
    const a = fromBuffer(new BigInt64Array([2n ** 62n, 2n ** 62n, -5n]), '<i8');
    expect([a.sum(), a.min(), a.max()]).toEqual([2n ** 63n - 5n, -5n, 2n ** 62n]);
  });

  test('NaN wins min and max, as in NumPy', () => {
    const a = fromBuffer(new Float64Array([1, NaN, -3]), '<f8');
    expect([a.min(), a.max()]).toEqual([NaN, NaN]);
  });

  test('bools: sum counts true, min and max are bools', () => {
    const a = fromBuffer(Uint8Array.from([1, 0, 1]), 'b1');
    expect([a.sum(), a.min(), a.max()]).toEqual([2, false, true]);
  });

  test('min and max of an empty array have no identity', () => {
    expect(() => zeros(0).min()).toThrow(new ValueError('zero-size array to reduction operation minimum which has no identity'));
    expect(() => zeros(0).max()).toThrow('zero-size array to reduction operation maximum which has no identity');
    expect(zeros(0).sum()).toBe(0);
  });

  test('mean is a float; strided and reversed views reduce their own elements', () => {
    expect(grid().index(':, ::-3').mean()).toBe((3 + 0 + 7 + 4 + 11 + 8) / 6);
    expect(grid().index('::2').max()).toBe(11);
  });

  test('non-numeric dtypes are refused with a TypeError', () => {
    expect(() => zeros(2, '<c8').sum()).toThrow("sum() needs a bool, integer or float dtype, not <c8");
    expect(() => zeros(2, [['a', 'u1']]).min()).toThrow(TypeError);
  });
});

describeWithNumpy('reductions against NumPy', () => {
  test('float sums match np.sum bit for bit (pairwise), on contiguous and strided views', () => {
    const want = runNumpy<{ hex: string; sums: number[]; means: number[] }>(String.raw`
rng = np.random.default_rng(11)
x = (rng.standard_normal(3000) * 10.0 ** rng.integers(-8, 9, 3000)).astype('<f8')
a = x.reshape(30, 100)
views = [x, x[::3], x[::-1], a, a.T, a[:, 7:93], a[::2, ::5]]
print(json.dumps(dict(hex=x.tobytes().hex(), sums=[float(v.sum()) for v in views], means=[float(v.mean()) for v in views])))
`);
    const x = fromBuffer(new Uint8Array(Buffer.from(want.hex, 'hex')), '<f8');
    const a = x.reshape([30, 100]);
    const views = [x, x.index('::3'), x.index('::-1'), a, a.T, a.index(':, 7:93'), a.index('::2, ::5')];
    // 1-d views, contiguous or not, are one pairwise sum in NumPy and here: bit for bit.
    expect(views.slice(0, 3).map((v) => v.sum())).toEqual(want.sums.slice(0, 3));
    // n-d views: NumPy coalesces or buffers them into runs of up to 8192 elements and sums
    // each run pairwise; the library sums each innermost row pairwise. Equal to rounding.
    views.slice(3).forEach((v, i) => {
      const w = want.sums[3 + i];
      expect(Math.abs((v.sum() as number) - w)).toBeLessThanOrEqual(1e-13 * Math.abs(w));
    });
    expect(views.map((v) => v.min())).toEqual(views.map((v) => Math.min(...(v.ravel().toArray() as number[]))));
    expect(views.map((v) => v.max())).toEqual(views.map((v) => Math.max(...(v.ravel().toArray() as number[]))));
    expect(views.slice(0, 3).map((v) => v.mean())).toEqual(want.means.slice(0, 3));
  });

  test('integer sums and means of every integer dtype', () => {
    const want = runNumpy<{ dt: string; hex: string; sum: string; min: string; max: string; mean: number }[]>(String.raw`
rng = np.random.default_rng(2)
out = []
for dt in ['|i1', '|u1', '<i2', '<u2', '>i4', '<u4', '<i8', '>u8']:
    info = np.iinfo(dt)
    a = rng.integers(int(info.min), int(info.max), 500, dtype=np.dtype(dt).newbyteorder('='), endpoint=True).astype(dt)
    out.append(dict(dt=dt, hex=a.tobytes().hex(), sum=str(int(a.astype(object).sum())), min=str(int(a.min())), max=str(int(a.max())), mean=float(a.astype(object).sum() / len(a))))
print(json.dumps(out))
`);
    for (const k of want) {
      const a = fromBuffer(new Uint8Array(Buffer.from(k.hex, 'hex')), k.dt);
      const big = a.itemsize === 8;
      const exp = (s: string): number | bigint => (big ? BigInt(s) : Number(s));
      expect({ dt: k.dt, sum: a.sum(), min: a.min(), max: a.max() }).toEqual({ dt: k.dt, sum: exp(k.sum), min: exp(k.min), max: exp(k.max) });
      expect(Math.abs(a.mean() - k.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(k.mean));
    }
  });
});
