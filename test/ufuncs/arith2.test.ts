// sign positive reciprocal trueDivide fmod copysign fmax fmin heaviside
// nextafter spacing gcd lcm (lib/ufuncs/arith2.ts) against NumPy over every
// input dtype, bit for bit (fmax/fmin: the sign of a zero aside, on which
// NumPy's own loops disagree), with NumPy's refusals (bools for sign,
// positive, gcd, lcm; complex where there is no loop).
import * as a2 from '../../lib/ufuncs/arith2';
import { divide } from '../../lib/ufuncs/arith';
import { fromBuffer, zeros } from '../../lib/create';
import { UFuncTypeError } from '../../lib/ufunc';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';

describeWithNumpy('arith2 ufuncs against NumPy', () => {
  test.each(['sign', 'positive', 'reciprocal', 'spacing'] as const)('%s: every dtype bit for bit', (name) => {
    expect(checkMath(a2[name] as never, 1, numpyMath(name, 1), { ulps: 0 })).toEqual([]);
  });
  test.each(['fmod', 'copysign', 'heaviside', 'nextafter', 'gcd', 'lcm'] as const)('%s: every dtype bit for bit', (name) => {
    expect(checkMath(a2[name] as never, 2, numpyMath(name, 2), { ulps: 0 })).toEqual([]);
  });
  test.each(['fmax', 'fmin'] as const)('%s: every dtype bit for bit, NaN losing (zero signs aside)', (name) => {
    expect(checkMath(a2[name] as never, 2, numpyMath(name, 2), { ulps: 0, zeroSign: false })).toEqual([]);
  });

  test('float16 nextafter and spacing step half bits over every half', () => {
    const w = runNumpy<{ next: string; down: string; sp: string }>(`
import warnings
warnings.simplefilter('ignore')
h = np.arange(65536, dtype=np.uint16).view(np.float16)
print(json.dumps({'next': np.nextafter(h, np.float16(np.inf)).view(np.uint16).tobytes().hex(),
                  'down': np.nextafter(h, np.float16(-1)).view(np.uint16).tobytes().hex(),
                  'sp': np.spacing(h).view(np.uint16).tobytes().hex()}))
`);
    const h = fromBuffer(new Uint16Array(Array.from({ length: 65536 }, (_, i) => i)).buffer, '<f2');
    const hexOf = (x: ReturnType<typeof a2.spacing>): string => Buffer.from(new Uint8Array(x.copy().buffer as ArrayBuffer)).toString('hex');
    // NaN payloads aside: compare with every NaN canonicalised.
    const canon = (s: string): string => s.replace(/(....)/g, (m) => {
      const v = parseInt(m.slice(2, 4) + m.slice(0, 2), 16);
      return (v & 0x7c00) === 0x7c00 && (v & 0x3ff) !== 0 ? 'nan!' : m;
    });
    expect(canon(hexOf(a2.nextafter(h, Infinity)))).toBe(canon(w.next));
    expect(canon(hexOf(a2.nextafter(h, -1)))).toBe(canon(w.down));
    expect(canon(hexOf(a2.spacing(h)))).toBe(canon(w.sp));
  });
});

test('trueDivide is divide; fmax/fmin differ from maximum/minimum only on NaN', () => {
  const x = fromBuffer(new Float64Array([1, NaN, NaN, 3]), '<f8');
  const y = fromBuffer(new Float64Array([NaN, 2, NaN, 1]), '<f8');
  expect(a2.trueDivide(x, y).toArray()).toEqual(divide(x, y).toArray());
  expect(a2.fmax(x, y).toArray()).toEqual([1, 2, NaN, 3]);
  expect(a2.fmin(x, y).toArray()).toEqual([1, 2, NaN, 1]);
  const b = fromBuffer(new Uint8Array([0, 1, 0, 1]), '?');
  const c = fromBuffer(new Uint8Array([0, 0, 1, 1]), '?');
  expect(a2.fmax(b, c).toArray()).toEqual([false, true, true, true]);
  expect(a2.fmin(b, c).toArray()).toEqual([false, false, false, true]);
});

test("NumPy's refusals: sign/positive/gcd/lcm of bools, complex fmod/copysign/gcd", () => {
  const b = fromBuffer(new Uint8Array([1, 0]), '?');
  expect(() => a2.sign(b)).toThrow(new UFuncTypeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"));
  expect(() => a2.positive(b)).toThrow(UFuncTypeError);
  expect(() => a2.gcd(b, b)).toThrow(/\(<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.BoolDType'>\) -> None/);
  expect(a2.reciprocal(b).dtype.str).toBe('|i1');
  const z = fromBuffer(new Float64Array([1, 2]), '<c16');
  expect(() => a2.fmod(z, z)).toThrow(UFuncTypeError);
  expect(() => a2.copysign(z, z)).toThrow(UFuncTypeError);
  expect(() => a2.gcd(fromBuffer(new Float64Array([4]), '<f8'), 2)).toThrow(UFuncTypeError);
});

test('integer reciprocal and fmod by zero: no trap, NumPy values', () => {
  const i = fromBuffer(new Int32Array([0, 1, -1, 2, -7, -2147483648]), '<i4');
  expect(a2.reciprocal(i).toArray()).toEqual([-2147483648, 1, -1, 0, 0, 0]);
  const d = fromBuffer(new Int32Array([0, -1, -1, 3, 2, -1]), '<i4');
  expect(a2.fmod(i, d).toArray()).toEqual([0, 0, 0, 2, -1, 0]);
  const out = zeros(6, '<i8');
  a2.gcd(i, d, { out });
  expect(out.toArray()).toEqual([0n, 1n, 1n, 1n, 1n, 1n]);
});
