// The keyword options of a ufunc call (lib/ufunc-options.ts): casting, dtype,
// order, subok, and unknown keys refused, each with NumPy 2.4's values and
// messages (checked against numpy: see the comments).
import { absolute, add, arange, maximum, OverflowError, clip, divide, dtype, equal, isnan, less, negative, sqrt, subtract, UFuncTypeError, ValueError, zeros, NdArray } from '../lib';
import type { UfuncOptions } from '../lib';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';

function arr(values: number[], dt: string): NdArray {
  const a = zeros(values.length, dt as never) as NdArray;
  a.set(values as never);
  return a;
}

const nums = (a: NdArray): unknown => (a.toArray() as unknown[]).map((v) => (typeof v === 'bigint' ? Number(v) : v));
const loose = (o: object): UfuncOptions => o as UfuncOptions;

describe('unknown and malformed options', () => {
  test('an unknown keyword is a TypeError naming it (np.add(a, a, axis=1))', () => {
    const a = arr([0, 1, 2], 'i1');
    expect(() => add(a, a, loose({ axis: 1 }))).toThrow(new TypeError("add() got an unexpected keyword argument 'axis'"));
    expect(() => sqrt(a, loose({ extobj: 1 }))).toThrow("sqrt() got an unexpected keyword argument 'extobj'");
    expect(() => clip(a, 0, 1, loose({ foo: 1 }))).toThrow(TypeError);
  });

  test('signature is refused by name', () => {
    const a = arr([0, 1, 2], 'i1');
    expect(() => add(a, a, loose({ signature: [null, null, 'f8'] }))).toThrow(/'signature' argument is not supported/);
  });

  test('casting must be one of the five rules', () => {
    const a = arr([0, 1, 2], 'i1');
    expect(() => add(a, a, loose({ casting: 'foo' }))).toThrow(new ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'foo')"));
    expect(() => add(a, a, loose({ casting: null }))).toThrow(new TypeError('casting must be str, not null'));
  });

  test('order must be K, A, C or F (either case); subok a boolean', () => {
    const a = arr([0, 1, 2], 'i1');
    expect(() => add(a, a, loose({ order: 'X' }))).toThrow(new ValueError("order must be one of 'C', 'F', 'A', or 'K' (got 'X')"));
    expect(nums(add(a, a, { order: 'c' }))).toEqual([0, 2, 4]);
    expect(nums(add(a, a, { order: null }))).toEqual([0, 2, 4]);
    expect(() => add(a, a, loose({ subok: 1 }))).toThrow(new TypeError("'subok' must be a boolean"));
    expect(nums(add(a, a, { subok: false }))).toEqual([0, 2, 4]);
  });

  test('nothing is written when an option is bad', () => {
    const a = arr([1, 2, 3], 'f8');
    const out = zeros(3, 'f8');
    expect(() => add(a, a, loose({ out, casting: 'bogus' }))).toThrow(ValueError);
    expect(nums(out)).toEqual([0, 0, 0]);
  });
});

describe('casting', () => {
  const a = arr([0, 1, 2], 'i1');
  const f = arr([0, 1, 2], 'f8');

  test("'no' refuses an input that must be cast to the loop type", () => {
    expect(() => add(a, f, { casting: 'no' })).toThrow(new UFuncTypeError("Cannot cast ufunc 'add' input 0 from dtype('int8') to dtype('float64') with casting rule 'no'"));
    // a Python float makes the loop float64: the int8 array is the input refused
    expect(() => add(a, 1.5, { casting: 'no' })).toThrow("Cannot cast ufunc 'add' input 0 from dtype('int8') to dtype('float64') with casting rule 'no'");
    expect(() => add(f, { re: 0, im: 1 }, { casting: 'no' })).toThrow("input 0 from dtype('float64') to dtype('complex128')");
  });

  test("'no' passes same-type inputs and weak Python ints, not Python bools", () => {
    expect(nums(add(a, a, { casting: 'no' }))).toEqual([0, 2, 4]);
    expect(nums(add(a, 1, { casting: 'no' }))).toEqual([1, 2, 3]);
    expect(() => add(a, true, { casting: 'no' })).toThrow("Cannot cast ufunc 'add' input 1 from dtype('bool') to dtype('int8') with casting rule 'no'");
  });

  test("'no' refuses the other byte order, 'equiv' takes it", () => {
    const be = arr([0, 1, 2], '>i2');
    const le = arr([0, 1, 2], 'i2');
    expect(() => add(be, le, { casting: 'no' })).toThrow("Cannot cast ufunc 'add' input 0 from dtype('>i2') to dtype('int16') with casting rule 'no'");
    const r = add(be, le, { casting: 'equiv' });
    expect(r.dtype.str).toBe(dtype('i2').str);
    expect(nums(r)).toEqual([0, 2, 4]);
    // one byte has no order: '>i1' is int8 under 'no'
    expect(nums(add(arr([0, 1, 2], '>i1'), a, { casting: 'no' }))).toEqual([0, 2, 4]);
  });

  test('the out cast follows casting', () => {
    expect(() => add(f, f, { out: zeros(3, 'f4'), casting: 'safe' })).toThrow(new UFuncTypeError("Cannot cast ufunc 'add' output from dtype('float64') to dtype('float32') with casting rule 'safe'"));
    expect(() => add(a, a, { out: zeros(3, 'f4'), casting: 'no' })).toThrow("Cannot cast ufunc 'add' output from dtype('int8') to dtype('float32') with casting rule 'no'");
    const out = zeros(3, 'i4');
    expect(add(f, arr([0.5, 0.5, 0.5], 'f8'), { out, casting: 'unsafe' })).toBe(out);
    expect(nums(out)).toEqual([0, 1, 2]);
    // the default stays same_kind
    expect(() => add(f, f, { out: zeros(3, 'i4') })).toThrow("with casting rule 'same_kind'");
  });

  test("'equiv' takes a Python scalar only when its own dtype is the loop's (NumPy's npy_update_operand_for_scalar), before the arrays' checks", () => {
    const u1 = arr([1, 2], 'u1');
    // np.add(u1, 3, casting='equiv'): TypeError cannot cast Python int to uint8 under the casting rule 'equiv'
    expect(() => add(u1, 3, { casting: 'equiv' })).toThrow(new TypeError("cannot cast Python int to uint8 under the casting rule 'equiv'"));
    expect(() => add(u1, 300, { casting: 'equiv' })).toThrow("cannot cast Python int to uint8 under the casting rule 'equiv'");
    expect(() => add(arr([1], 'f4'), 2.5, { casting: 'equiv' })).toThrow("cannot cast Python float to float32 under the casting rule 'equiv'");
    expect(() => add(f, 2, { casting: 'equiv' })).toThrow("cannot cast Python int to float64 under the casting rule 'equiv'");
    // the scalar's check comes first: np.add(f4, 1j, casting='equiv') names the Python complex
    expect(() => add(arr([1], 'f4'), { re: 0, im: 1 }, { casting: 'equiv' })).toThrow("cannot cast Python complex to complex64 under the casting rule 'equiv'");
    expect(() => add(u1, 300, { dtype: 'f8', casting: 'equiv' })).toThrow("cannot cast Python int to float64 under the casting rule 'equiv'");
    // its own dtype passes (>f8 + 2.5 is the float64 loop); so does a bool array's bool error as before
    expect(nums(add(arr([1, 2], '>f8'), 2.5, { casting: 'equiv' }))).toEqual([3.5, 4.5]);
    expect(nums(add(arr([1, 2], 'i8'), 3, { casting: 'equiv' }))).toEqual([4, 5]);
    expect(() => add(u1, true, { casting: 'equiv' })).toThrow("Cannot cast ufunc 'add' input 1 from dtype('bool') to dtype('uint8') with casting rule 'equiv'");
    // comparisons of a Python int with an integer array have their own loops: no equiv error
    expect(less(u1, 300, { casting: 'equiv' }).toArray()).toEqual([true, true]);
    expect(less(u1, 3, { casting: 'equiv' }).toArray()).toEqual([true, true]);
    expect(() => less(f, 3, { casting: 'equiv' })).toThrow("cannot cast Python int to float64 under the casting rule 'equiv'");
  });

  test("a Python int out of the loop's range is NumPy's OverflowError under every casting but 'equiv'", () => {
    const u1 = arr([1, 2], 'u1');
    for (const casting of ['no', 'safe', 'same_kind', 'unsafe'] as const) {
      expect(() => add(u1, 300, { casting })).toThrow(new OverflowError('Python integer 300 out of bounds for uint8'));
      expect(() => add(u1, -1, { casting })).toThrow('Python integer -1 out of bounds for uint8');
      expect(less(u1, 300, { casting }).toArray()).toEqual([true, true]);
    }
    expect(() => add(u1, 300, { dtype: 'u1', casting: 'unsafe' })).toThrow('Python integer 300 out of bounds for uint8');
    expect(nums(add(u1, 300, { dtype: 'i2', casting: 'unsafe' }))).toEqual([301, 302]);
  });

  test("'safe' passes safe promotions", () => {
    expect(nums(add(a, f, { casting: 'safe' }))).toEqual([0, 2, 4]);
  });
});

describe('dtype', () => {
  test("a 64-bit int input cast to a narrower int loop (dtype=, casting 'unsafe') keeps its low bits (fuzz seed 6357)", () => {
    const big = [2n ** 64n - 1n, 256n, 255n, 511n, 0n, 300n];
    // np.maximum(np.array([2**64-1, 256, 255, 511, 0, 300], 'u8'), 0.25, casting='unsafe', dtype='u1') -> [255, 0, 255, 255, 0, 44]
    for (const dt of ['<u8', '>u8']) {
      const a = zeros(6, dt as never) as NdArray;
      a.set(big as never);
      expect(nums(maximum(a, 0.25, { casting: 'unsafe', dtype: 'u1' }))).toEqual([255, 0, 255, 255, 0, 44]);
      // np.add(a, 1, casting='unsafe', dtype='i2') -> [0, 257, 256, 512, 1, 301]
      expect(nums(add(a, 1, { casting: 'unsafe', dtype: 'i2' }))).toEqual([0, 257, 256, 512, 1, 301]);
    }
  });

  const a = arr([0, 1, 2], 'i1');
  const f = arr([0, 1, 2], 'f8');

  test('selects the loop by its result type', () => {
    for (const [dt, str] of [['f8', 'float64'], ['f4', 'float32'], ['i2', 'int16'], ['f2', 'float16'], ['c16', 'complex128']] as const) {
      const r = add(a, a, { dtype: dt });
      expect(r.dtype.name).toBe(str);
    }
    expect(nums(add(a, a, { dtype: 'f8' }))).toEqual([0, 2, 4]);
    expect(nums(negative(a, { dtype: 'f8' }))).toEqual([-0, -1, -2]);
    expect(Object.is((negative(a, { dtype: 'f8' }).toArray() as number[])[0], -0)).toBe(true);
    const s = sqrt(a, { dtype: 'f4' });
    expect(s.dtype.name).toBe('float32');
    expect(s.get(2)).toBe(Math.fround(Math.SQRT2));
  });

  test('the inputs must cast to it under casting', () => {
    expect(() => add(f, f, { dtype: 'i4' })).toThrow(new UFuncTypeError("Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'"));
    expect(() => add(a, a, { dtype: 'u1' })).toThrow("input 0 from dtype('int8') to dtype('uint8') with casting rule 'same_kind'");
    expect(() => add(f, f, { dtype: '?' })).toThrow("input 0 from dtype('float64') to dtype('bool')");
    expect(() => add(a, a, { dtype: 'i8', casting: 'no' })).toThrow("input 0 from dtype('int8') to dtype('int64') with casting rule 'no'");
    expect(() => add(a, 1.5, { dtype: 'i1' })).toThrow("Cannot cast ufunc 'add' input 1 from dtype('float64') to dtype('int8') with casting rule 'same_kind'");
    const r = add(f, arr([0.5, 0.5, 0.5], 'f8'), { dtype: 'i4', casting: 'unsafe' });
    expect(r.dtype.name).toBe('int32');
    expect(nums(r)).toEqual([0, 1, 2]);
    // np.add(a, 1.5, casting='unsafe', dtype='i1') truncates the scalar: [1, 2, 3]
    expect(nums(add(a, 1.5, { dtype: 'i1', casting: 'unsafe' }))).toEqual([1, 2, 3]);
  });

  test('a Python int converts to the selected loop type (checked)', () => {
    expect(nums(add(a, 300, { dtype: 'i2' }))).toEqual([300, 301, 302]);
    expect(() => add(a, 300, { dtype: 'i1' })).toThrow('Python integer 300 out of bounds for int8');
  });

  test('comparisons and predicates take only bool', () => {
    expect(less(a, f, { dtype: '?' }).toArray()).toEqual([false, false, false]);
    expect(isnan(a, { dtype: '?' }).toArray()).toEqual([false, false, false]);
    expect(() => less(a, a, { dtype: 'f8' })).toThrow(new TypeError('No loop matching the specified signature and casting was found for ufunc less'));
    expect(() => equal(a, a, { dtype: 'f8' })).toThrow('ufunc equal');
  });

  test('no loop with that result type is a TypeError', () => {
    expect(() => sqrt(a, { dtype: 'i4' })).toThrow('No loop matching the specified signature and casting was found for ufunc sqrt');
    expect(() => divide(a, a, { dtype: 'i8' })).toThrow('ufunc divide');
    expect(() => absolute(arr([0], 'c16'), { dtype: 'c16' })).toThrow('ufunc absolute');
  });

  test('absolute of complex selects the complex loop for a float result', () => {
    const z = zeros(1, 'c16');
    z.set([{ re: 3, im: 4 }] as never);
    const r = absolute(z, { dtype: 'f8' });
    expect(r.dtype.name).toBe('float64');
    expect(r.get(0)).toBe(5);
  });

  test('only a general type: the other byte order (string or DType) or a sized bytes type is refused', () => {
    expect(add(a, a, { dtype: '>i1' }).dtype.name).toBe('int8');
    expect(add(a, a, { dtype: '=i2' }).dtype.str).toBe(dtype('i2').str);
    // NumPy 2.4.6: np.add(a, a, dtype='>i2') is the same TypeError as dtype=np.dtype('>i2') (fuzz seed 65).
    expect(() => add(a, a, { dtype: '>i2' })).toThrow(/only select the general DType/);
    expect(() => add(a, a, { dtype: '>f8' })).toThrow(/only select the general DType/);
    expect(() => add(a, a, { dtype: dtype('>i2') })).toThrow(/only select the general DType/);
    expect(() => add(a, a, { dtype: 'S3' })).toThrow(/only select the general DType/);
  });

  test('dtype with out: out takes the result under casting', () => {
    const out = zeros(3, 'i2');
    expect(add(a, a, { dtype: 'i4', out })).toBe(out);
    expect(nums(out)).toEqual([0, 2, 4]);
  });

  test('clip takes them too', () => {
    const r = clip(a, 0, 1.5, { dtype: 'f8' });
    expect(r.dtype.name).toBe('float64');
    expect(nums(r)).toEqual([0, 1, 1.5]);
    expect(nums(clip(a, 0, 1, { casting: 'no' }))).toEqual([0, 1, 1]);
  });

  test('subtract of bools stays refused under dtype bool', () => {
    const b = zeros(2, '?');
    expect(() => subtract(b, b, { dtype: '?' })).toThrow(TypeError);
  });
});

describe('order', () => {
  test("'C' and 'F' lay a new result out that way; 'K' follows the inputs; 'A' is F only for F inputs", () => {
    const a = arange(6).reshape([2, 3]);
    const t = a.T; // F-contiguous
    expect(add(t, t).flags.fContiguous).toBe(true); // K
    expect(add(t, t, { order: 'C' }).flags.cContiguous).toBe(true);
    expect(add(a, a, { order: 'F' }).flags.fContiguous).toBe(true);
    expect(add(a, a, { order: 'F' }).flags.cContiguous).toBe(false);
    expect(add(t, t, { order: 'A' }).flags.fContiguous).toBe(true);
    expect(add(t, a.T.copy(), { order: 'A' }).flags.cContiguous).toBe(true); // one C input: C
    expect(add(a, t.T, { order: 'A' }).flags.cContiguous).toBe(true);
    expect(nums(add(a, a, { order: 'F' }).ravel())).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describeWithNumpy('a float result into an integer out (casting: unsafe)', () => {
  // The JS loop (fewer than 64 items) stored the double as a typed array does (modulo 2^bits):
  // add(1e19, 0, { out: int64 }) gave -8446744073709551616 where NumPy's cast gives INT64_MIN.
  // Now the values of astype, which the native loop (64 items and more) already gave.
  const VALUES = [1e19, -1e19, Infinity, -Infinity, NaN, -3e9, 3e9, 2 ** 63, 70000.5, -300.7, -1.5, 2 ** 64];
  const TYPES = ['i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8'];
  const want = runNumpy<Record<string, string[]>>(`
import warnings
warnings.simplefilter('ignore')
v = np.array([1e19, -1e19, np.inf, -np.inf, np.nan, -3e9, 3e9, 2.0**63, 70000.5, -300.7, -1.5, 2.0**64])
out = {}
for t in ${JSON.stringify(TYPES)}:
    for src in ['f8', 'f4', 'c16']:
        o = np.zeros(len(v), t)
        np.add(v.astype(src), 0, out=o, casting='unsafe')
        out[src + t] = [str(int(x)) for x in o]
print(json.dumps(out))`, undefined, NUMPY_BASELINE);
  for (const src of ['f8', 'f4', 'c16']) {
    test(`${src} loop into every integer out: NumPy's values, the JS loop and the native loop alike`, () => {
      for (const t of TYPES) {
        for (const n of [VALUES.length, 64 * VALUES.length]) {
          const a = zeros(n, src as never) as NdArray;
          a.set(Array.from({ length: n }, (_, i) => VALUES[i % VALUES.length]) as never);
          const o = zeros(n, t as never) as NdArray;
          add(a, 0, { out: o, casting: 'unsafe' });
          const got = (o.toArray() as (number | bigint)[]).slice(0, VALUES.length).map(String);
          // uint32 from NaN, -inf or below -2^31 is where NumPy's own loops disagree: its
          // contiguous loop (4 items and more) gives 2147483648, its scalar loop (fewer, or
          // strided) the low bits of the int64 conversion (0, or 1294967296 for -3e9), which
          // astype gives here. There the out must hold what astype gives.
          const cast = (a.astype(t as never, { casting: 'unsafe' }).toArray() as (number | bigint)[]).slice(0, VALUES.length).map(String);
          const wanted = want[src + t].map((w, i) => (t === 'u4' && !(VALUES[i] >= -(2 ** 31)) ? cast[i] : w));
          expect([src, t, n, got]).toEqual([src, t, n, wanted]);
        }
      }
    });
  }
});
