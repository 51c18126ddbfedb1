// fix, isposinf, isneginf (lib/ufunclike.ts) against NumPy over every real
// dtype, their out= and NumPy's refusal of complex input; NumPy's
// TestUfunclike (lib/tests/test_ufunclike.py), ported.
import { fix, isneginf, isposinf } from '../lib/ufunclike';
import { array, fromBuffer, zeros } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { hexOf } from './helpers/np-compare';

describeWithNumpy('fix, isposinf, isneginf against NumPy', () => {
  test('every real dtype: dtypes and bits (fix keeps ints as ints)', () => {
    const dts = ['<f8', '>f8', '<f4', '<f2', '<i1', '<u1', '<i4', '<i8', '<u8', '|b1'];
    const want = runNumpy<Record<string, { x: string; fix: string; fixDtype: string; pos: string; neg: string }>>(`
import warnings
warnings.simplefilter('ignore')
base = np.array([0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.7, -2.7, np.inf, -np.inf, np.nan, 1e300, -1e300, 3.0, -3.0, 100.9] * 5)
out = {}
for dt in ${JSON.stringify(dts)}:
    x = base.astype(dt)
    f = np.fix(x)
    out[dt] = {'x': x.tobytes().hex(), 'fix': f.tobytes().hex(), 'fixDtype': f.dtype.str, 'pos': np.isposinf(x).tobytes().hex(), 'neg': np.isneginf(x).tobytes().hex()}
print(json.dumps(out))
`);
    for (const [dt, w] of Object.entries(want)) {
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, dt as never);
      const f = fix(x);
      expect([dt, f.dtype.str, hexOf(f)]).toEqual([dt, w.fixDtype, w.fix]);
      expect([dt, hexOf(isposinf(x)), hexOf(isneginf(x))]).toEqual([dt, w.pos, w.neg]);
      // A strided view (the JS iterator) gives the same.
      expect([dt, hexOf(fix(x.index('::-3')))]).toEqual([dt, hexOf(f.index('::-3').copy())]);
    }
  });
});

// numpy/lib/tests/test_ufunclike.py TestUfunclike.
describe('ported: test_ufunclike TestUfunclike', () => {
  test('test_isposinf / test_isneginf', () => {
    const a = array([Infinity, -Infinity, NaN, 0, 3, -3]);
    const out = zeros([6], '?');
    expect(isposinf(a).toArray()).toEqual([true, false, false, false, false, false]);
    expect(isposinf(a, { out })).toBe(out);
    expect(out.toArray()).toEqual([true, false, false, false, false, false]);
    expect(isneginf(a, { out }).toArray()).toEqual([false, true, false, false, false, false]);
    // NumPy's own form: `out` the second positional argument (isposinf(a, out)).
    expect(isposinf(a, out)).toBe(out);
    expect(out.toArray()).toEqual([true, false, false, false, false, false]);
    expect(isneginf(a, out)).toBe(out);
    expect(out.toArray()).toEqual([false, true, false, false, false, false]);
    expect(() => isposinf(a.astype('c16'))).toThrow(new TypeError('This operation is not supported for complex128 values because it would be ambiguous.'));
    expect(() => isneginf(a.astype('c8'))).toThrow(TypeError);
  });
  test('test_fix', () => {
    const a = array([[1.0, 1.1, 1.5, 1.8], [-1.0, -1.1, -1.5, -1.8]]);
    const out = zeros([2, 4]);
    const tgt = [[1, 1, 1, 1], [-1, -1, -1, -1]];
    expect(fix(a).toArray()).toEqual(tgt);
    expect(fix(a, { out })).toBe(out);
    expect(out.toArray()).toEqual(tgt);
    expect(fix(3.14).toArray()).toBe(3);
    expect(() => fix(a, { axis: 0 } as never)).toThrow(TypeError);
    // NumPy's fix(a, out) (its test calls it so), and `out` given twice: Python's TypeError.
    const out2 = zeros([2, 4]);
    expect(fix(a, out2)).toBe(out2);
    expect(out2.toArray()).toEqual(tgt);
    expect(() => fix(a, out2, { out: out2 })).toThrow(new TypeError("fix() got multiple values for argument 'out'"));
  });
  test('test_scalar: fix into a 0-d out returns that out', () => {
    const out = zeros([], 'f8');
    expect(fix(-3.4, out)).toBe(out);
    expect(out.get()).toBe(-3);
    expect(isposinf(Infinity).get()).toBe(true);
  });
});
