// diff against NumPy's np.diff: dtypes (uint8 wraps, bool by not_equal,
// >f8, int64), n, axis, F-ordered and strided input; errors.
import { diff } from '../lib/diff';
import { arange, fromBuffer } from '../lib/create';
import { array } from '../lib/array-coerce';
import { AxisError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
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
  expect(() => diff(a, { to_begin: 0 } as never)).toThrow("diff() got an unexpected keyword argument 'to_begin'");
});

test('prepend/append: joined first, with concatenate\'s dtype rules (NumPy: float64, [1, 1, 1, 1, -2.5], [False, True])', () => {
  expect(diff(arange(5, 'f4'), { prepend: 0 }).dtype.name).toBe('float64');
  const u = diff(arange(5, 'u1'), { append: 1.5 });
  expect([u.dtype.name, u.toArray()]).toEqual(['float64', [1, 1, 1, 1, -2.5]]);
  expect(diff(array([true, false]), { prepend: true }).toArray()).toEqual([false, true]);
});
