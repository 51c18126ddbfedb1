// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): classes
// TestFilterwindows (test_hanning, test_hamming, test_bartlett, test_blackman)
// and TestKaiser, ported test by test: same names, same intent, same values.
//
// Mapping: np.array(M, dtype=dt)[()] -> array(M, dt) (a 0-d array, which the
// window functions take as its value); np.sum(w, axis=0) -> sum(w).get();
// numpy.testing asserts -> test/helpers/np-assert.ts.
//
// Skipped (not counted as passing):
// - TestFilterwindows with dtype 'O' (Python objects) and 'g' (longdouble): neither dtype
//   exists here; the other parametrized dtypes (every integer and float code NumPy lists but
//   'g') are run, all giving float64 as NumPy's result_type(dt, float64) does.
import { array, bartlett, blackman, flipud, hamming, hanning, isfinite, kaiser, sum } from '../../lib';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';

// np.typecodes['AllInteger'] + np.typecodes['Float'] without 'g' (longdouble) and 'O'.
const DTYPES = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'p', 'P', 'e', 'f', 'd'];
const KNOWN = { hanning: 4.5, hamming: 4.94, bartlett: 4.4444, blackman: 3.78 } as const;
const FNS = { hanning, hamming, bartlett, blackman } as const;

describe('TestFilterwindows', () => {
  for (const [name, expected] of Object.entries(KNOWN)) {
    for (const dt of DTYPES) {
      for (const M of [0, 1, 10]) {
        test(`test_${name}[${M}-${dt}]`, () => {
          const scalar = array(M, dt);
          const w = FNS[name as keyof typeof FNS](scalar);
          expect(w.dtype.str).toBe('<f8');
          assertEqual(w, flipud(w));
          if (M < 1) assertEqual(w.shape, [0]);
          else if (M === 1) assertEqual(w, [1]);
          else assertAlmostEqual(sum(w, 0).get(), expected, 4);
        });
      }
    }
  }
});

describe('TestKaiser', () => {
  test('test_simple', () => {
    expect(isfinite(kaiser(1, 1.0)).toArray()).toEqual([true]);
    assertAlmostEqual(kaiser(0, 1.0), []);
    assertAlmostEqual(kaiser(2, 1.0), [0.78984831, 0.78984831]);
    assertAlmostEqual(kaiser(5, 1.0), [0.78984831, 0.94503323, 1.0, 0.94503323, 0.78984831]);
    assertAlmostEqual(kaiser(5, 1.56789), [0.58285404, 0.88409679, 1.0, 0.88409679, 0.58285404]);
  });
  test('test_int_beta', () => {
    expect(kaiser(3, 4).shape).toEqual([3]);
  });
});
