// diff against NumPy's np.diff: dtypes (uint8 wraps, bool by not_equal,
// >f8, int64), n, axis, F-ordered and strided input; errors.
import { diff } from '../lib/diff';
import { arange, fromBuffer } from '../lib/create';
import { array } from '../lib/array-coerce';
import { AxisError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import * as lib from '../lib';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { jsPath } from './helpers/kernels';
import { bytesOf } from './workloads/harness';

const DT = ['<u1', '<i2', '<i8', '<f4', '>f8', '|b1', '<c8'];
const CASES: [number, number][] = [[1, -1], [2, -1], [1, 0], [3, 1], [0, 0], [5, -1]];

describeWithNumpy('diff against NumPy', () => {
  test('dtype, shape and bytes per dtype, n and axis', () => {
    const want = runNumpy<Record<string, { input: string; dtype: string; shape: number[]; hex: string }>>(`
rng = np.random.default_rng(12)
base = rng.normal(0, 50, (4, 6))
out = {}
for dt in ${JSON.stringify(DT)}:
    d = np.dtype(dt)
    x = (base > 0) if d.kind == 'b' else (np.abs(base) if d.kind == 'u' else base).astype(d)
    for n, axis in ${JSON.stringify(CASES)}:
        r = np.diff(x[:, ::-1], n=n, axis=axis)
        out[f'{dt} {n} {axis}'] = {'input': x.tobytes().hex(), 'dtype': r.dtype.str, 'shape': list(r.shape), 'hex': np.ascontiguousarray(r).tobytes().hex()}
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const dt of DT) {
      for (const [n, axis] of CASES) {
        const w = want[`${dt} ${n} ${axis}`];
        const x = fromBuffer(new Uint8Array(Buffer.from(w.input, 'hex')).buffer, dt as never).reshape(4, 6).index(':, ::-1');
        const r = diff(x, n, axis);
        const got = { dtype: r.dtype.str, shape: r.shape, hex: Buffer.from(bytesOf(r)).toString('hex') };
        const exp = { dtype: w.dtype, shape: w.shape, hex: w.hex };
        if (JSON.stringify(got) !== JSON.stringify(exp)) bad.push(`${dt} n=${n} axis=${axis}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

test("options form, n=0 returns the array, NumPy's errors", () => {
  const a = arange(5);
  expect(diff(a, { n: 2 }).toArray()).toEqual([0n, 0n, 0n]);
  expect(diff(a, 0)).toBe(a);
  expect(() => diff(a, { axis: 2 })).toThrow(new AxisError('axis 2 is out of bounds for array of dimension 1'));
  expect(() => diff(a, -1)).toThrow(new ValueError('order must be non-negative but got -1'));
  expect(() => diff(a.index(0))).toThrow('diff requires input that is at least one dimensional');
  expect(() => diff(a, { bogus: 0 } as never)).toThrow("diff() got an unexpected keyword argument 'bogus'");
  expect(() => diff(a, { to_begin: 0 } as never)).toThrow("diff() got an unexpected keyword argument 'to_begin'");
});

describeWithNumpy('diff prepend/append against NumPy', () => {
  test('scalars broadcast along the axis, arrays joined; their dtype takes part', () => {
    const { A, B, V, U, F } = inputs(lib);
    expectLikeNumpy(
      [
        ['np.diff(V, prepend=0)', () => diff(V, { prepend: 0 })],
        ['np.diff(V, append=100)', () => diff(V, { append: 100 })],
        ['np.diff(V, 2, prepend=-5, append=[20, 30])', () => diff(V, { n: 2, prepend: -5, append: [20, 30] })],
        ['np.diff(U, prepend=0)', () => diff(U, { prepend: 0 })],
        ['np.diff(U, axis=0, prepend=U[:1])', () => diff(U, { axis: 0, prepend: U.index(lib.slice(null, 1)) })],
        ['np.diff(U, append=np.uint8(3))', () => diff(U, { append: lib.asarray(3, 'u1') })],
        ['np.diff(B, axis=0, append=1.5)', () => diff(B, { axis: 0, append: 1.5 })],
        ['np.diff(A, axis=1, prepend=A[:, :1], append=A[:, -1:])', () => diff(A, { axis: 1, prepend: A.index(lib.slice(), lib.slice(null, 1)), append: A.index(lib.slice(), lib.slice(-1, null)) })],
        ['np.diff(F, prepend=0.5, append=F[:, :2])', () => diff(F, { prepend: 0.5, append: F.index(lib.slice(), lib.slice(null, 2)) })],
        ['np.diff(V, prepend=np.ones((2, 2)))', () => diff(V, { prepend: lib.ones([2, 2]) })],
        ['np.diff(U, prepend=np.ones(3))', () => diff(U, { prepend: lib.ones([3]) })],
        ['np.diff(V > 4, prepend=False)', () => diff(lib.greater(V, 4), { prepend: false })],
      ],
      inputs(lib),
    );
  });
});

test('prepend/append: values without NumPy', () => {
  expect(diff(lib.asarray([1, 4, 9]), { prepend: 0 }).toArray()).toEqual([1n, 3n, 5n]);
  expect(diff(lib.asarray([1.0, 4.5]), { append: [10, 12] }).toArray()).toEqual([3.5, 5.5, 2]);
  expect(diff(lib.asarray([[1, 2], [3, 4]]), { axis: 0, prepend: 0, append: 10 }).toArray()).toEqual([
    [1n, 2n],
    [2n, 2n],
    [7n, 6n],
  ]);
  expect(diff(lib.asarray([1, 2]), { n: 0, prepend: 5 }).toArray()).toEqual([1n, 2n]);
});

test('prepend/append: joined first, with concatenate\'s dtype rules (NumPy: float64, [1, 1, 1, 1, -2.5], [False, True])', () => {
  expect(diff(arange(5, 'f4'), { prepend: 0 }).dtype.name).toBe('float64');
  const u = diff(arange(5, 'u1'), { append: 1.5 });
  expect([u.dtype.name, u.toArray()]).toEqual(['float64', [1, 1, 1, 1, -2.5]]);
  expect(diff(array([true, false]), { prepend: true }).toArray()).toEqual([false, true]);
});

test('large inputs (the native subtract / not_equal loops) equal the JS reference, bools of any non-zero byte included', () => {
  const bytes = new Uint8Array(8 * 300 * 7 + 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  // Some zero bytes, so that bools hold both truths.
  for (let i = 0; i < bytes.length; i += 3) bytes[i] = 0;
  const bad: string[] = [];
  for (const dt of ['|b1', '|u1', '>i2', '<i4', '<u8', '<f4', '>f8', '<c16']) {
    const item = Number(dt.slice(2));
    const count = Math.floor((bytes.length - 1) / item);
    const x = fromBuffer(bytes.buffer, dt as never, { offset: 1, count: count - (count % 7) }).reshape(-1, 7);
    for (const [n, axis] of [[1, 0], [2, -1], [1, 1], [3, 0]]) {
      const v = x.index('::-1, :');
      const native = diff(v, n, axis);
      const js = jsPath(() => diff(v, n, axis));
      if (!Buffer.from(bytesOf(native)).equals(Buffer.from(bytesOf(js)))) bad.push(`${dt} n=${n} axis=${axis}`);
    }
  }
  expect(bad).toEqual([]);
});
