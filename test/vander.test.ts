// vander (lib/vander.ts) against NumPy: result bytes and dtype for every
// numeric dtype (either byte order), strided and reversed inputs, N = 0, 1,
// 2, len(x) and more, increasing or not, integers that wrap, floats that
// round each product; and NumPy's errors. TestVander is ported in
// test/numpy-ported/test_twodim_base-vander-indices.test.ts.
import { arange, array, DTypePromotionError, fromBuffer, ValueError, vander, zeros } from '../lib';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';

const DTYPES = ['|b1', '|i1', '|u1', '<i2', '>u2', '<i4', '>i4', '<u4', '<i8', '>i8', '<u8', '<f2', '<f4', '<f8', '>f8', '<c8', '<c16', '>c16'];
const NS = [null, 0, 1, 2, 3, 6, 9];

describeWithNumpy('vander against NumPy', () => {
  const want = runNumpy<Record<string, { x: string; cases: { hex: string; dt: string; shape: number[] }[] }>>(`
import warnings
warnings.simplefilter('ignore')
base = np.array([3, -2, 0, 1.5, 7, 200, -129, 0.1, 65537, 1e10])
out = {}
for dt in json.loads('${JSON.stringify(DTYPES)}'):
    x = base.astype(dt)
    cases = []
    for n in json.loads('${JSON.stringify(NS)}'):
        for inc in (False, True):
            for xv in (x, x[::-2], x[:0]):
                v = np.vander(xv, n, inc)
                cases.append({'hex': v.tobytes().hex(), 'dt': v.dtype.str, 'shape': list(v.shape)})
    out[dt] = {'x': x.tobytes().hex(), 'cases': cases}
print(json.dumps(out))
`, undefined, NUMPY_BASELINE);

  test('every dtype, N, increasing, contiguous / reversed-strided / empty x: NumPy bytes, dtype and shape', () => {
    for (const dt of DTYPES) {
      const x = fromBuffer(new Uint8Array(Buffer.from(want[dt].x, 'hex')).buffer, dt as never);
      let k = 0;
      for (const n of NS) {
        for (const inc of [false, true]) {
          for (const xv of [x, x.index('::-2'), x.index(':0')]) {
            const w = want[dt].cases[k++];
            const v = vander(xv, n, inc);
            expect(v.shape).toEqual(w.shape);
            expect(mismatches(v, w.dt, w.hex, { ulps: 0 }, `${dt} N=${n} inc=${inc} len=${xv.size}`)).toEqual([]);
          }
        }
      }
    }
  });
});

describe('vander: arguments and errors', () => {
  test('a list of numbers is float64 or int64, as NumPy asarray', () => {
    expect(vander([1, 2, 3]).dtype.str).toBe('<i8');
    expect(vander([1, 2, 3]).toArray()).toEqual([[1n, 1n, 1n], [4n, 2n, 1n], [9n, 3n, 1n]]);
    expect(vander([0.5, 2], 3, true).toArray()).toEqual([[1, 0.5, 0.25], [1, 2, 4]]);
  });
  test('the result is a new C-contiguous array, not a view of x', () => {
    const x = arange(4, 'f8');
    const v = vander(x);
    expect(v.flags.cContiguous).toBe(true);
    expect(v.base).toBeNull();
  });
  test('x not 1-d is NumPy\'s ValueError; a negative or fractional N is refused', () => {
    expect(() => vander(zeros([2, 2]))).toThrow(ValueError);
    expect(() => vander(zeros([2, 2]))).toThrow(/^x must be a one-dimensional array or sequence\./);
    expect(() => vander(array(3))).toThrow(/one-dimensional/);
    expect(() => vander([1, 2], -1)).toThrow(new ValueError('negative dimensions are not allowed (vander(): N = -1)'));
    expect(() => vander([1, 2], 2.5)).toThrow(TypeError);
    expect(() => vander([1, 2], 2, 'yes' as never)).toThrow(TypeError);
  });
  test("a bytes x promotes with int64 to bytes (NumPy 2), which multiply has no loop for: NumPy's UFuncTypeError", () => {
    expect(() => vander(array(['a', 'b']))).toThrow("ufunc 'multiply' did not contain a loop with signature matching types (dtype('S21'), dtype('S21')) -> None");
  });
});
