// binaryRepr / baseRepr against NumPy's binary_repr / base_repr at run time:
// every case's string (or error class and message) must be NumPy's.
import { baseRepr, binaryRepr, ValueError } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

type Out = { ok: string } | { error: string; message: string };

function ours(f: () => string): Out {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

function numpy(exprs: string[]): Out[] {
  return runNumpy<Out[]>(`
out = []
for e in json.load(sys.stdin):
    try:
        out.append({'ok': eval(e)})
    except Exception as ex:
        out.append({'error': type(ex).__name__, 'message': str(ex)})
print(json.dumps(out))
`, JSON.stringify(exprs));
}

describeWithNumpy('binaryRepr and baseRepr against NumPy', () => {
  test('binaryRepr: positive, zero, negative, widths, two\'s complement boundaries (gh-8679), int64 extremes', () => {
    const cases: [string, () => string][] = [];
    for (const n of [0, 1, 2, 3, 5, 7, 8, 255, 256, -1, -2, -3, -4, -5, -8, -127, -128, -129, -256, 1000]) {
      cases.push([`np.binary_repr(${n})`, () => binaryRepr(n)]);
      for (const w of [1, 3, 8, 10, 16]) cases.push([`np.binary_repr(${n}, width=${w})`, () => binaryRepr(n, w)]);
    }
    const bigs: [string, bigint][] = [['-(2**63)', -(2n ** 63n)], ['2**63 - 1', 2n ** 63n - 1n], ['2**64 - 1', 2n ** 64n - 1n], ['-(2**63) + 1', -(2n ** 63n) + 1n]];
    for (const [py, big] of bigs) {
      cases.push([`np.binary_repr(${py})`, () => binaryRepr(big)]);
      cases.push([`np.binary_repr(${py}, width=64)`, () => binaryRepr(big, 64)]);
      cases.push([`np.binary_repr(${py}, width=70)`, () => binaryRepr(big, 70)]);
    }
    const want = numpy(cases.map((c) => c[0]));
    cases.forEach(([py, f], i) => expect({ py, ...ours(f) }).toEqual({ py, ...want[i] }));
  });

  test('baseRepr: bases 2..36, padding, negatives, zero, big values, bad bases', () => {
    const cases: [string, () => string][] = [];
    for (const n of [0, 1, -1, 5, -5, 35, 36, 255, -255, 123456789, 2 ** 53 - 1]) {
      for (const b of [2, 3, 8, 10, 16, 36]) {
        cases.push([`np.base_repr(${n}, ${b})`, () => baseRepr(n, b)]);
        cases.push([`np.base_repr(${n}, ${b}, padding=3)`, () => baseRepr(n, b, 3)]);
      }
    }
    cases.push(['np.base_repr(-0.5)', () => baseRepr(-0.5)]);
    cases.push(['np.base_repr(7.9, 2)', () => baseRepr(7.9, 2)]);
    cases.push(['np.base_repr(0, 2, padding=2)', () => baseRepr(0, 2, 2)]);
    cases.push(['np.base_repr(2**70, 36)', () => baseRepr(2n ** 70n, 36)]);
    cases.push(['np.base_repr(5, 37)', () => baseRepr(5, 37)]);
    cases.push(['np.base_repr(5, 1)', () => baseRepr(5, 1)]);
    const want = numpy(cases.map((c) => c[0]));
    cases.forEach(([py, f], i) => expect({ py, ...ours(f) }).toEqual({ py, ...want[i] }));
  });
});

test('binaryRepr refuses a non-integer and a number past 2**53; errors are the library classes', () => {
  expect(() => binaryRepr(1.5)).toThrow(TypeError);
  expect(() => binaryRepr(2 ** 60)).toThrow(RangeError);
  expect(() => binaryRepr(5, 2)).toThrow(ValueError);
  expect(() => baseRepr(5, 40)).toThrow(ValueError);
  expect(() => baseRepr(NaN)).toThrow(ValueError);
});
