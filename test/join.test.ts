// concatenate and stack against NumPy: promoted dtype, NumPy's layout of the
// result for mixed input layouts, and the errors.
import { arange, fromBuffer, AxisError, ValueError } from '../lib';
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
});
