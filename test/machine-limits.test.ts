// finfo and iinfo (lib/machine-limits.ts): every attribute against NumPy's
// np.finfo / np.iinfo at run time, and NumPy's refusals.
import { finfo, iinfo, zeros, ValueError } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const FLOAT_KEYS = ['bits', 'eps', 'epsneg', 'max', 'min', 'tiny', 'smallest_normal', 'smallest_subnormal', 'resolution', 'precision', 'iexp', 'nexp', 'nmant', 'maxexp', 'minexp', 'machep', 'negep'];
const camel = (k: string): string => k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

describeWithNumpy('finfo and iinfo against NumPy', () => {
  test('finfo of float16/32/64 and complex64/128 (either byte order): every attribute, the dtype its float type', () => {
    const types = ['<f2', '<f4', '<f8', '>f8', '<c8', '<c16'];
    const want = runNumpy<Record<string, Record<string, number | string>>>(`
out = {}
for t in ${JSON.stringify(types)}:
    f = np.finfo(t)
    out[t] = {k: (float(getattr(f, k)) if isinstance(getattr(f, k), np.floating) else getattr(f, k)) for k in ${JSON.stringify(FLOAT_KEYS)}}
    out[t]['dtype'] = f.dtype.str
print(json.dumps(out))`);
    for (const t of types) {
      const f = finfo(t) as unknown as Record<string, unknown>;
      const got: Record<string, unknown> = { dtype: finfo(t).dtype.str };
      for (const k of FLOAT_KEYS) got[k] = f[camel(k)];
      expect([t, got]).toEqual([t, want[t]]);
    }
  });

  test('iinfo of every integer type: bits, kind, min and max (bigint for 64 bits), the dtype as given', () => {
    const types = ['|i1', '|u1', '<i2', '>u2', '<i4', '<u4', '<i8', '>u8'];
    const want = runNumpy<[number, string, string, string, string][]>(`
print(json.dumps([[np.iinfo(t).bits, np.iinfo(t).kind, str(np.iinfo(t).min), str(np.iinfo(t).max), np.iinfo(t).dtype.str] for t in ${JSON.stringify(types)}]))`);
    expect(types.map((t) => [iinfo(t).bits, iinfo(t).kind, String(iinfo(t).min), String(iinfo(t).max), iinfo(t).dtype.str])).toEqual(want);
    expect(typeof iinfo('i8').max).toBe('bigint');
    expect(typeof iinfo('i4').max).toBe('number');
  });

  test("NumPy's refusals: finfo of a non-inexact type, iinfo of a non-integer type", () => {
    const want = runNumpy<string[]>(`
out = []
for f, t in [(np.finfo, 'i4'), (np.finfo, 'S3'), (np.finfo, '?'), (np.iinfo, 'f8'), (np.iinfo, '?'), (np.iinfo, 'c16')]:
    try: f(t)
    except ValueError as e: out.append(str(e))
print(json.dumps(out))`);
    const got: string[] = [];
    for (const [f, t] of [[finfo, 'i4'], [finfo, 'S3'], [finfo, '?'], [iinfo, 'f8'], [iinfo, '?'], [iinfo, 'c16']] as const) {
      try {
        (f as (x: string) => unknown)(t);
      } catch (e) {
        expect(e).toBeInstanceOf(ValueError);
        got.push((e as Error).message);
      }
    }
    expect(got).toEqual(want);
  });
});

test("an array stands for its dtype; the info is frozen", () => {
  expect(iinfo(zeros([2], '<i2')).max).toBe(32767);
  expect(finfo(zeros([2], '<f4')).eps).toBe(2 ** -23);
  expect(Object.isFrozen(finfo('f8'))).toBe(true);
});

test("a string that is no dtype, a bool and a bigint: NumPy's messages for its str_, bool and int64 types", () => {
  expect(() => iinfo('hi')).toThrow(new ValueError("Invalid integer data type 'U'."));
  expect(() => finfo('hi')).toThrow(new ValueError("data type <class 'numpy.str_'> not inexact"));
  expect(() => iinfo(true)).toThrow(new ValueError("Invalid integer data type 'b'."));
  expect(() => finfo(1n)).toThrow(new ValueError("data type <class 'numpy.int64'> not inexact"));
  expect(iinfo(12).dtype.str).toBe('<i8');
  expect(finfo(1.2)).toBe(finfo('f8'));
});
