// Element-wise API (lib/elementwise.ts): forEach/reduce/apply/map walk any
// strided view in C index order; sum/min/max/mean give NumPy's answers;
// typedArray() is a zero-copy window with its preconditions spelled out.
import { arange, fromBuffer, zeros } from '../lib/create';
import { AccessError, ValueError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** A (3, 4) int16 array holding 0..11. */
function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

describe('forEach and reduce', () => {
  test('visit elements in C index order of the view, not of memory', () => {
    const seen: [unknown, number][] = [];
    grid().T.forEach((v, i) => seen.push([v, i]));
    expect(seen.slice(0, 4)).toEqual([
      [0, 0],
      [4, 1],
      [8, 2],
      [1, 3],
    ]);
    expect(seen).toHaveLength(12);
  });

  test('a 0-d array has one element; an empty array none', () => {
    const seen: unknown[] = [];
    grid().index('1, 1').forEach((v) => seen.push(v));
    zeros([2, 0]).forEach((v) => seen.push(v));
    expect(seen).toEqual([5]);
  });

  test('reduce folds with an initial value', () => {
    expect(grid().index(':, ::-2').reduce((acc: number[], v) => [...acc, v as number], [])).toEqual([3, 1, 7, 5, 11, 9]);
  });
});

describe('apply (in place)', () => {
  test('a.apply(x => x + 1) is NumPy a += 1, over a strided view only', () => {
    const a = grid();
    a.index(':, 1::2').apply((x) => (x as number) + 100);
    expect(a.toArray()).toEqual([
      [0, 101, 2, 103],
      [4, 105, 6, 107],
      [8, 109, 10, 111],
    ]);
  });

  test('gets the flat index in C order as second argument', () => {
    const a = zeros([2, 2], '<i4').T;
    a.apply((_, i) => i);
    expect(a.toArray()).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  test('values convert as set() converts them, with the same errors', () => {
    const a = arange(3, '<i2');
    a.apply((x) => (x as number) + 0.9);
    expect(a.toArray()).toEqual([0, 1, 2]);
    expect(() => a.apply(() => 40000)).toThrow('integer 40000 out of bounds for int16');
  });

  test('returns the array itself, for chaining', () => {
    const a = arange(2, '<i2');
    expect(a.apply((x) => x)).toBe(a);
  });

  test('refuses a read-only array before calling fn', () => {
    const a = fromBuffer(new Uint8Array(3), 'u1', { readonly: true });
    const fn = jest.fn((x: unknown) => x);
    expect(() => a.apply(fn)).toThrow(AccessError);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('map (new array)', () => {
  test('makes a C-contiguous array of the same shape and dtype by default', () => {
    const m = grid().T.map((x) => (x as number) * 2);
    expect([m.shape, m.strides, m.dtype.str]).toEqual([[4, 3], [6, 2], '<i2']);
    expect(m.get(1, 0)).toBe(2);
    expect(m.flags.ownData).toBe(true);
  });

  test('takes another dtype for the results', () => {
    const m = arange(3, '<i2').map((x) => (x as number) / 2, '<f8');
    expect([m.dtype.str, m.toArray()]).toEqual(['<f8', [0, 0.5, 1]]);
  });

  test('works on read-only arrays and leaves them alone', () => {
    const bytes = Uint8Array.from([1, 2]);
    const m = fromBuffer(bytes, 'u1', { readonly: true }).map((x) => (x as number) + 1);
    expect([m.toArray(), Array.from(bytes)]).toEqual([[2, 3], [1, 2]]);
  });
});

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

describe('typedArray', () => {
  test('is a zero-copy window: writes through it show in the array', () => {
    const a = zeros([2, 3], '<f4');
    const t = a.typedArray();
    expect(t).toBeInstanceOf(Float32Array);
    t[4] = 2.5;
    expect(a.get(1, 1)).toBe(2.5);
  });

  test('covers exactly the view, from its offset', () => {
    const a = arange(10, '<i4');
    const t = a.index('3:7').typedArray();
    expect(Array.from(t as Int32Array)).toEqual([3, 4, 5, 6]);
  });

  test('64-bit integers give BigInt arrays, bool gives Uint8Array', () => {
    expect(arange(2).typedArray()).toBeInstanceOf(BigInt64Array);
    expect(zeros(2, 'b1').typedArray()).toBeInstanceOf(Uint8Array);
  });

  test('refuses non-contiguous, foreign byte order, complex and misaligned views', () => {
    expect(() => grid().index(':, 1').typedArray()).toThrow('typedArray() needs a C-contiguous array');
    expect(() => zeros(2, '>i4').typedArray()).toThrow("no typed array holds >i4 in this machine's byte order");
    expect(() => zeros(2, '<c8').typedArray()).toThrow(TypeError);
    expect(() => fromBuffer(new ArrayBuffer(9), '<i4', { offset: 1, count: 2 }).typedArray()).toThrow('not aligned to 4 bytes');
  });

  test('a read-only array is refused (a typed array cannot refuse stores) unless the caller opts in', () => {
    const flagged = zeros(4, '<i4');
    flagged.flags.writeable = false;
    expect(() => flagged.typedArray()).toThrow('bypass flags.writeable');
    const memory = fromBuffer(new ArrayBuffer(16), '<i4', { readonly: true });
    expect(() => memory.typedArray()).toThrow('crash the process');
    expect(flagged.typedArray({ unsafeAllowReadOnly: true })).toHaveLength(4);
    expect(zeros(0, '<f8').typedArray()).toHaveLength(0);
  });
});

describe('stridedTypedArray', () => {
  test('a record field: the typed array spans the field, elements step over the records', () => {
    const rec = arange(64, 'u1').view([['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
    const field = rec.field('value');
    const { array, offset, strides, shape } = field.stridedTypedArray();
    expect(array).toBeInstanceOf(Float64Array);
    expect([offset, strides, shape]).toEqual([0, [2], [4]]);
    expect(Array.from({ length: 4 }, (_, i) => array[offset + i * strides[0]])).toEqual(field.toArray());
    array[offset + 3 * strides[0]] = 1.5;
    expect(field.get(3)).toBe(1.5);
  });

  test('reversed, stepped and 2-d views index the same elements as get()', () => {
    const g = arange(24, '<i4').reshape([4, 6]);
    for (const v of [g.index('::-3'), g.index(':, 1'), g.index('1:, ::-2'), g.T]) {
      const { array, offset, strides, shape } = v.stridedTypedArray();
      const at = (i: number, j = 0): number => array[offset + i * strides[0] + j * (strides[1] ?? 0)] as number;
      if (shape.length === 1) expect(Array.from({ length: shape[0] }, (_, i) => at(i))).toEqual(v.toArray());
      else expect(Array.from({ length: shape[0] }, (_, i) => Array.from({ length: shape[1] }, (_, j) => at(i, j)))).toEqual(v.toArray());
    }
  });

  test('refused when a stride is not a multiple of the itemsize, and for read-only arrays unless opted in', () => {
    const packed = zeros(3, [['a', '<u1'], ['b', '<i4']]);
    expect(() => packed.field('b').stridedTypedArray()).toThrow('stride 5 is not a multiple of the itemsize 4');
    const ro = zeros(4, '<f8');
    ro.flags.writeable = false;
    expect(() => ro.stridedTypedArray()).toThrow('bypass flags.writeable');
    expect(ro.stridedTypedArray({ unsafeAllowReadOnly: true }).array).toHaveLength(4);
    expect(zeros(0, '<f8').stridedTypedArray().array).toHaveLength(0);
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
