// ediff1d (lib/ediff1d.ts) against NumPy, and NumPy's TestEdiff1d
// (lib/tests/test_arraysetops.py), ported.
import { ediff1d } from '../lib/ediff1d';
import { array } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('ediff1d against NumPy', () => {
  test('dtypes, 2-d input flattened, begin and end', () => {
    const want = runNumpy<{ v: unknown[]; d: string[] }>(`
a = np.array([[1, 5, 2], [9, -3, 4]], np.int8)
f = np.array([0.5, 2.25, -1.0], np.float32)
rs = [np.ediff1d(a), np.ediff1d(a, to_begin=[7, 8]), np.ediff1d(a, to_end=-1), np.ediff1d(f, to_begin=np.array([1.5]), to_end=[2, 3]), np.ediff1d(np.array([4]), to_begin=1)]
print(json.dumps({'v': [r.tolist() for r in rs], 'd': [r.dtype.str for r in rs]}))
`);
    const a = array([[1, 5, 2], [9, -3, 4]], 'i1');
    const f = array([0.5, 2.25, -1.0], 'f4');
    const rs = [ediff1d(a), ediff1d(a, { toBegin: [7, 8] }), ediff1d(a, { toEnd: -1 }), ediff1d(f, { toBegin: array([1.5]), toEnd: [2, 3] }), ediff1d(array([4]), { toBegin: 1 })];
    expect(rs.map((r) => vals(r))).toEqual(want.v);
    expect(rs.map((r) => r.dtype.str)).toEqual(want.d);
  });
});

// numpy/lib/tests/test_arraysetops.py TestSetOps test_ediff1d and its forbidden/scalar cases.
describe('ported: test_arraysetops test_ediff1d', () => {
  test('values, empty, begin/end', () => {
    const zero = array([0]);
    const one = array([1]);
    const two = array([1, 2]);
    expect(vals(ediff1d(array([], 'i8')))).toEqual([]);
    expect(vals(ediff1d(zero))).toEqual([]);
    expect(vals(ediff1d(zero, { toBegin: 0 }))).toEqual([0]);
    expect(vals(ediff1d(zero, { toEnd: 0 }))).toEqual([0]);
    expect(vals(ediff1d(one))).toEqual([]);
    expect(vals(ediff1d(two))).toEqual([1]);
    expect(vals(ediff1d(two, { toBegin: 7, toEnd: 9 }))).toEqual([7, 1, 9]);
    expect(vals(ediff1d(two, { toBegin: [5, 6], toEnd: [7, 8] }))).toEqual([5, 6, 1, 7, 8]);
  });
  test('test_ediff1d_forbidden_type_casts', () => {
    expect(() => ediff1d(array([1, 2, 3], 'i8'), { toBegin: 1.5 })).toThrow(new TypeError('dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.'));
    expect(() => ediff1d(array([1, 2, 3], 'i8'), { toEnd: array([1.5]) })).toThrow(/`to_end` must be compatible/);
    expect(() => ediff1d(array([true, false], '?'))).toThrow(TypeError);
  });
});
