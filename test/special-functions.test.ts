// sinc, i0 (lib/special-functions.ts) against NumPy over float16/32/64,
// ints and bools (the same steps; within 2 ulp, as sin and exp may differ
// from NumPy's SIMD loops in the last bit), and NumPy's TestSinc
// and TestI0 (lib/tests/test_function_base.py), ported.
import { i0, sinc } from '../lib/special-functions';
import { arange, array, flipud, fromBuffer, linspace } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';

describeWithNumpy('sinc / i0 against NumPy', () => {
  test('every float dtype and ints: dtypes, values within 2 ulp (sin, exp), specials exact', () => {
    const dts = ['<f8', '>f8', '<f4', '<f2', '<i2', '<u1', '|b1', '<i8'];
    const want = runNumpy<Record<string, { x: string; sinc: string; sd: string; i0: string; id: string }>>(`
import warnings
warnings.simplefilter('ignore')
base = np.concatenate([np.array([0.0, -0.0, 0.5, -1.5, 1.0, 3.0, 8.0, -8.0, 8.5, 30.0, 700.0, np.inf, -np.inf, np.nan]), np.linspace(-20, 20, 57)])
out = {}
for dt in json.loads('${JSON.stringify(dts)}'):
    x = base.astype(dt)
    s = np.sinc(x); i = np.i0(x)
    out[dt] = {'x': x.tobytes().hex(), 'sinc': s.tobytes().hex(), 'sd': s.dtype.str, 'i0': i.tobytes().hex(), 'id': i.dtype.str}
print(json.dumps(out))
`);
    for (const [dt, w] of Object.entries(want)) {
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, dt as never);
      const s = sinc(x);
      const i = i0(x);
      // float32 sin is (float)sin((double)x) here, NumPy's SIMD loop may be an ulp off it (ufunc_math.h): 2 ulp.
      expect(mismatches(s, w.sd, w.sinc, { ulps: 2 }, `${dt} sinc`)).toEqual([]);
      // i0 multiplies by exp(x), which may differ from NumPy's in the last bit (test/transcendental.test.ts): 2 ulp.
      expect(mismatches(i, w.id, w.i0, { ulps: 2 }, `${dt} i0`)).toEqual([]);
    }
  });
});

describe('ported: test_function_base TestSinc / TestI0', () => {
  test('TestSinc.test_simple / test_array_like / test_bool_dtype / test_int_dtypes', () => {
    expect(sinc(0).toArray()).toBe(1);
    const w = sinc(linspace(-1, 1, 100));
    (w.toArray() as number[]).forEach((v, k) => expect(v).toBeCloseTo((flipud(w).toArray() as number[])[k], 7));
    expect(sinc([0, 0.5]).toArray()).toEqual(sinc(array([0, 0.5])).toArray());
    const b = array([false, true, false, true], '?');
    expect(sinc(b).dtype.str).toBe('<f8');
    expect(sinc(b).toArray()).toEqual(sinc(b.astype('f8')).toArray());
    for (const dt of ['u1', 'i2', 'u8']) {
      const x = arange(4, dt as never);
      expect(sinc(x).dtype.str).toBe('<f8');
      expect(sinc(x).toArray()).toEqual(sinc(x.astype('f8')).toArray());
    }
  });
  test('TestI0.test_simple and the complex refusal', () => {
    expect(i0(0.5).toArray()).toBeCloseTo(1.0634833707413234, 15);
    const A = array([0.49842636, 0.6969809, 0.22011976, 0.0155549, 10.0]);
    const expected = [1.06307822, 1.12518299, 1.01214991, 1.00006049, 2815.71662847];
    (i0(A).toArray() as number[]).forEach((v, k) => expect(v / expected[k]).toBeCloseTo(1, 8));
    expect(() => i0(array([{ re: 1, im: 1 }]))).toThrow(new TypeError('i0 not supported for complex values'));
  });
});
