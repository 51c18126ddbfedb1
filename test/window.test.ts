// bartlett, blackman, hamming, hanning, kaiser (lib/window.ts) against NumPy:
// the bytes for integer, non-integer, zero, negative, bool, bigint and 0-d
// array M (and several beta): bartlett and the cosine windows exact (NumPy at
// its baseline, whose float64 cos is the C library's, as ours), kaiser within
// 4 ulp (i0's exp is the C library's, NumPy's exp loop rounds its last bit
// differently: 2043 of 17502 points differ here), and the errors for a wrong
// kind of M or beta.
// NumPy's TestFilterwindows/TestKaiser are ported in
// test/numpy-ported/test_function_base-windows.test.ts.
import { array, bartlett, blackman, hamming, hanning, kaiser, zeros } from '../lib';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';

const MS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 31, 32, 33, 64, 100, 101, 257, 1000, 0.5, 1.5, 2.5, 5.5, 10.25, 1 + 2 ** -40, -3, -0.5, 1e-9];
const BETAS = [0, 1, 5, 8.6, 14, 40];
const WINDOWS = { bartlett, blackman, hamming, hanning } as const;

describeWithNumpy('window functions against NumPy', () => {
  const want = runNumpy<Record<string, { hex: string; dt: string }>>(`
ms = json.loads('${JSON.stringify(MS)}')
out = {}
for name in ['bartlett', 'blackman', 'hamming', 'hanning']:
    for i, m in enumerate(ms):
        w = getattr(np, name)(m)
        out[f'{name} {i}'] = {'hex': w.tobytes().hex(), 'dt': w.dtype.str}
for i, m in enumerate(ms):
    for j, b in enumerate(json.loads('${JSON.stringify(BETAS)}')):
        w = np.kaiser(m, b)
        out[f'kaiser {i} {j}'] = {'hex': w.tobytes().hex(), 'dt': w.dtype.str}
print(json.dumps(out))
`, undefined, NUMPY_BASELINE);
  const check = (got: ReturnType<typeof bartlett>, key: string, ulps: number): string[] => mismatches(got, want[key].dt, want[key].hex, { ulps }, key);

  test('bartlett: bytes equal to NumPy for every M (integer, fractional, < 1)', () => {
    MS.forEach((m, i) => expect(check(bartlett(m), `bartlett ${i}`, 0)).toEqual([]));
  });
  test('blackman / hamming / hanning: bytes equal to NumPy (its baseline cos is the C library one, as ours)', () => {
    for (const [name, f] of Object.entries(WINDOWS)) MS.forEach((m, i) => expect(check(f(m), `${name} ${i}`, 0)).toEqual([]));
  });
  test('kaiser: float64, NumPy length, within 4 ulp over M and beta (i0 twice: exp is the C library one)', () => {
    MS.forEach((m, i) => BETAS.forEach((b, j) => expect(check(kaiser(m, b), `kaiser ${i} ${j}`, 4)).toEqual([])));
  });
  test('M as a bool, a bigint or a 0-d array gives the number\'s window', () => {
    expect(check(hanning(true), `hanning ${MS.indexOf(1)}`, 0)).toEqual([]);
    expect(check(bartlett(7n), `bartlett ${MS.indexOf(7)}`, 0)).toEqual([]);
    expect(check(bartlett(array(7, 'i2')), `bartlett ${MS.indexOf(7)}`, 0)).toEqual([]);
    expect(check(hamming(array(10, 'f4')), `hamming ${MS.indexOf(10)}`, 0)).toEqual([]);
    expect(check(kaiser(array(5, '>i4'), array(14, 'u1')), `kaiser ${MS.indexOf(5)} ${BETAS.indexOf(14)}`, 4)).toEqual([]);
  });
});

describe('window functions: shapes and errors', () => {
  test('M < 1 is empty float64, M == 1 is [1.0] (kaiser too, for any beta)', () => {
    for (const f of [bartlett, blackman, hamming, hanning, (m: number) => kaiser(m, 3)]) {
      for (const m of [0, -1, 0.5 - 0.5]) expect(f(m).shape).toEqual([0]);
      expect(f(1).toArray()).toEqual([1]);
      expect(f(1).dtype.str).toBe('<f8');
      expect(f(4).dtype.str).toBe('<f8');
    }
  });
  test('a non-number M or beta is a TypeError naming the function and the value', () => {
    expect(() => hanning('5' as never)).toThrow(new TypeError("hanning: M must be a real number, bigint, boolean or 0-d real array, got '5'"));
    expect(() => kaiser(5, null as never)).toThrow(TypeError);
    expect(() => bartlett(zeros([2]))).toThrow(TypeError);
    expect(() => blackman(array({ re: 1, im: 0 }))).toThrow(TypeError);
  });
  test('M NaN or infinite is arange\'s ValueError, as NumPy', () => {
    expect(() => bartlett(NaN)).toThrow(/arange: cannot compute length/);
    expect(() => kaiser(Infinity, 1)).toThrow(/Maximum allowed size exceeded/);
  });
});
