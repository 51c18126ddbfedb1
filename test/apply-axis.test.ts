// applyAlongAxis / applyOverAxes (lib/apply-axis.ts) against NumPy: result
// shape, strides (NumPy returns a transposed buffer), dtype and values for
// scalar, 1-d and 2-d lane results over every axis; lanes are views of the
// input; later results cast into the first's dtype; NumPy's errors.
import { applyAlongAxis, applyOverAxes, arange, array, multiply, outer, sort, sum, ValueError, zeros } from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : typeof v === 'bigint' ? Number(v) : v);
const info = (a: NdArray): unknown => ({ shape: a.shape, strides: a.strides, dt: a.dtype.str, v: plain(a.toArray()) });

describeWithNumpy('applyAlongAxis / applyOverAxes against NumPy', () => {
  test('scalar, vector and matrix lane results over every axis of a 3-d array', () => {
    const want = runNumpy<unknown[]>(`
a = np.arange(24, dtype='i4').reshape(2, 3, 4)
out = []
def info(r): return {'shape': list(r.shape), 'strides': list(r.strides), 'dt': r.dtype.str, 'v': r.tolist()}
for ax in (0, 1, 2, -1):
    out.append(info(np.apply_along_axis(lambda v: v.sum(), ax, a)))
    out.append(info(np.apply_along_axis(lambda v: np.sort(v)[::-1] * 0.5, ax, a)))
    out.append(info(np.apply_along_axis(lambda v: np.outer(v, v[:2]), ax, a)))
out.append(info(np.apply_over_axes(np.sum, a, [0, 2])))
out.append(info(np.apply_over_axes(np.sum, a, -1)))
out.append(info(np.apply_over_axes(lambda x, ax: np.sum(x, ax, keepdims=True), a, [1])))
print(json.dumps(out))
`);
    const a = arange(24, 'i4').reshape(2, 3, 4);
    const got: unknown[] = [];
    for (const ax of [0, 1, 2, -1]) {
      got.push(info(applyAlongAxis((v) => sum(v), ax, a)));
      got.push(info(applyAlongAxis((v) => multiply(sort(v).index('::-1'), 0.5), ax, a)));
      got.push(info(applyAlongAxis((v) => outer(v, v.index(':2')), ax, a)));
    }
    got.push(info(applyOverAxes((x, ax) => sum(x, ax), a, [0, 2])));
    got.push(info(applyOverAxes((x, ax) => sum(x, ax), a, -1)));
    got.push(info(applyOverAxes((x, ax) => sum(x, ax, { keepdims: true }), a, [1])));
    expect(got).toEqual(want);
  });
  test('later results are cast into the first one\'s dtype (NumPy truncates 2.7 into int64)', () => {
    const want = runNumpy<number[]>(`print(json.dumps(np.apply_along_axis(lambda v: v[0] if v[0] == 0 else v[0] + 0.7, 1, np.array([[0, 1], [2, 3]])).tolist()))`);
    const r = applyAlongAxis((v) => (v.get(0) === 0n ? v.get(0) : Number(v.get(0)) + 0.7), 1, array([[0, 1], [2, 3]]));
    expect(plain(r.toArray())).toEqual(want);
  });
});

describe('applyAlongAxis / applyOverAxes: views, arguments and errors', () => {
  test('each lane is a 1-d view of the input (writes reach it); extra arguments are passed on', () => {
    const a = zeros([2, 3], 'f8');
    applyAlongAxis((v: NdArray, k: number) => (v.fill(k), 0), 1, a, 7);
    expect(a.toArray()).toEqual([[7, 7, 7], [7, 7, 7]]);
  });
  test('an empty iteration axis is NumPy\'s ValueError; a bad axis an AxisError', () => {
    expect(() => applyAlongAxis((v) => v, 1, zeros([0, 3]))).toThrow(new ValueError('Cannot apply_along_axis when any iteration dimensions are 0'));
    expect(() => applyAlongAxis((v) => v, 2, zeros([2, 3]))).toThrow(/axis 2 is out of bounds for array of dimension 2/);
    expect(() => applyAlongAxis(5 as never, 0, zeros([2]))).toThrow(TypeError);
  });
  test('an empty lane axis calls fn with empty lanes, as NumPy', () => {
    const r = applyAlongAxis((v) => v.size, 1, zeros([2, 0]));
    expect(plain(r.toArray())).toEqual([0, 0]);
  });
  test('applyOverAxes refuses a result two dimensions short', () => {
    expect(() => applyOverAxes((x) => sum(x), arange(6).reshape(2, 3), [0])).toThrow(new ValueError('function is not returning an array of the correct shape'));
  });
});
