// concatenate and stack against NumPy: promoted dtype, NumPy's layout of the
// result for mixed input layouts, and the errors.
import { arange, fromBuffer, zeros, AxisError, ValueError } from '../lib';
import * as J from '../lib/join';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { encode, PY_ENCODE } from './helpers/values';

describeWithNumpy('joining matches NumPy', () => {
  test('values, dtypes and strides', () => {
    const a = arange(6, '<i2').reshape([2, 3]);
    const f = arange(6, '<i2').reshape([3, 2]).T;
    const b = fromBuffer(new Float32Array([1, 2, 3]), '<f4').reshape([1, 3]);
    const ours = [
      J.concatenate([a, a], { axis: 1 }),
      J.concatenate([a, b]),
      J.concatenate([f, f]),
      J.concatenate([a, b.astype('>f2')], { axis: null }),
      J.stack([a, a.index('::-1, ::-1')], { axis: 2 }),
      J.stack([f, f]),
      J.stack([a, a.astype('<u8')], { axis: -1 }),
    ].map((r) => [r.dtype.str, [...r.shape], [...r.strides], encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
a = np.arange(6, dtype='<i2').reshape(2, 3); f = np.arange(6, dtype='<i2').reshape(3, 2).T
b = np.array([[1, 2, 3]], dtype='<f4')
rs = [np.concatenate([a, a], axis=1), np.concatenate([a, b]), np.concatenate([f, f]), np.concatenate([a, b.astype('>f2')], axis=None),
      np.stack([a, a[::-1, ::-1]], axis=2), np.stack([f, f]), np.stack([a, a.astype('<u8')], axis=-1)]
print(json.dumps([[r.dtype.str, list(r.shape), list(r.strides), encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
  });
});

describe('joining errors', () => {
  test('empty list, ndim and shape mismatch, axis range, 0-d, records with numbers', () => {
    const a = arange(6, '<i2').reshape([2, 3]);
    expect(() => J.concatenate([])).toThrow('need at least one array to concatenate');
    expect(() => J.concatenate([a, arange(3, '<i2')])).toThrow(ValueError);
    expect(() => J.concatenate([a, a.T])).toThrow(/must match exactly/);
    expect(() => J.concatenate([a, a], { axis: 2 })).toThrow(AxisError);
    expect(() => J.concatenate([a.index(0, 0), a.index(0, 0)])).toThrow('zero-dimensional arrays cannot be concatenated');
    expect(() => J.stack([a, a.index(':1')])).toThrow('all input arrays must have the same shape');
    const rec = fromBuffer(new Uint8Array(12), { names: ['x'], formats: ['<i4'], itemsize: 12 });
    expect(() => J.concatenate([rec, fromBuffer(new Int32Array([1]), '<i4')])).toThrow(TypeError);
  });

  test("a non-sequence is NumPy's TypeError, not an empty list", () => {
    expect(() => J.concatenate(1 as never)).toThrow(new TypeError('The first input argument needs to be a sequence'));
    expect(() => J.stack(1 as never)).toThrow(new TypeError('arrays to stack must be passed as a "sequence" type such as list or tuple.'));
    expect(() => J.stack(null as never)).toThrow(TypeError);
    // any iterable of arrays is a sequence (a Set, as NumPy takes a tuple)
    expect(J.stack(new Set([arange(2), arange(2)]) as never).shape).toEqual([2, 2]);
  });
});

describe("concatenate and stack with NumPy's out, dtype and casting", () => {
  test('out receives the result and is returned; dtype picks the result type', () => {
    const a = arange(3);
    const b = arange(3, 5);
    const out = zeros(5, '<f8');
    expect(J.concatenate([a, b], { out })).toBe(out);
    expect(out.toArray()).toEqual([0, 1, 2, 3, 4]);
    const s = J.stack([a, a], { dtype: '<i2' });
    expect([s.dtype.str, s.toArray()]).toEqual(['<i2', [[0, 1, 2], [0, 1, 2]]]);
  });

  test('errors are NumPy\'s, raised before out is written', () => {
    const a = arange(2);
    const out = zeros(4, '<i8');
    expect(() => J.concatenate([a, a], { out, dtype: 'i8' })).toThrow(new TypeError('concatenate() only takes `out` or `dtype` as an argument, but both were provided.'));
    expect(() => J.concatenate([a, a], { casting: 'same_value' as never })).toThrow(/^casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'/);
    expect(() => J.concatenate([a, a], { dtype: 'i4', casting: 'safe' })).toThrow("Cannot cast array data from dtype('int64') to dtype('int32') according to the rule 'safe'");
    expect(() => J.concatenate([a, a], { out: zeros(5, '<i8') })).toThrow(/^Output array is the wrong shape/);
    expect(() => J.concatenate([a, a], { out: zeros([4, 1], '<i8') })).toThrow(/^Output array has wrong dimensionality/);
    expect(() => J.stack([a, a], { dtype: { base: 'i4', shape: [2] } })).toThrow(/is not a valid dtype for concatenation since it is a subarray dtype/);
    expect(out.toArray()).toEqual([0n, 0n, 0n, 0n]);
  });

  test("NumPy's precedence: shapes, then out's shape, then the dtype and casts (fuzz seeds 2048 5130)", () => {
    const a = zeros([4, 4], '<i1');
    const f = zeros([4, 4], '<f8');
    // A wrong out shape wins over a cast 'no' refuses (NumPy checks out before the copy casts).
    expect(() => J.concatenate([a, f], { axis: 1, casting: 'no', out: zeros([5, 8], '<f2') })).toThrow(/^Output array is the wrong shape/);
    expect(() => J.concatenate([a, f], { axis: 1, casting: 'no', out: zeros([4, 8], '<f2') })).toThrow("Cannot cast array data from dtype('int8') to dtype('float16') according to the rule 'no'");
    expect(() => J.stack([a, a], { axis: 1, casting: 'no', out: zeros([4, 3, 4], '<f2') })).toThrow(/^Output array is the wrong shape/);
    // axis=None: NumPy's flattened messages.
    expect(() => J.concatenate([a, a], { axis: null, out: zeros([31]) })).toThrow(new ValueError('Output array is the wrong size'));
    expect(() => J.concatenate([a, a], { axis: null, out: zeros([2, 16]) })).toThrow(new ValueError('Output array must be 1D'));
    // A dimension mismatch wins over a failed promotion (records with a 0-d number).
    const rec = zeros([2, 1, 1], { names: ['a'], formats: ['<i4'] });
    expect(() => J.concatenate([rec, zeros([], '<f8')])).toThrow(/^all the input arrays must have same number of dimensions/);
  });
});
