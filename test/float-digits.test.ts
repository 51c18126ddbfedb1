// NumPy's np.format_float_positional and np.format_float_scientific
// (lib/float-digits.ts): Dragon4's digits, cut-offs, rounding half to even,
// trim modes, padding and errors, against NumPy at run time.
import { array } from '../lib';
import { ValueError } from '../lib/errors';
import { formatFloatPositional, formatFloatScientific } from '../lib/float-digits';
import { printoptions } from '../lib/print-options';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

interface Case {
  fn: 'positional' | 'scientific';
  dtype: 'float16' | 'float32' | 'float64';
  hex: string;
  kw: Record<string, unknown>;
  out: string | null;
  error: string | null;
}

const KEYS: Record<string, string> = { pad_left: 'padLeft', pad_right: 'padRight', min_digits: 'minDigits', exp_digits: 'expDigits' };

describeWithNumpy('format_float_positional and format_float_scientific against NumPy', () => {
  test('3000 random float16/32/64 values (ties, carries, tiny and huge, exact and inexact) under random options, errors included', () => {
    const cases = runNumpy<Case[]>(String.raw`
import random, struct
rng = random.Random(3838)
out = []
specials = [0.5, 0.125, 0.375, 2.5, 0.0996, 9.996, 0.10000000001, 1234.5678, 0.05, 1e-300, 5e-324, 1e23, 1.7976931348623157e308,
            65504.0, 0.1, 1/3, 2/3, 100.0, 1e16, 123456789.125, -0.0, 0.0, float('nan'), float('inf'), float('-inf')]
for t in range(3000):
    fn = 'positional' if t % 2 == 0 else 'scientific'
    dt = rng.choice(['float16', 'float32', 'float64', 'float64'])
    k = rng.random()
    if k < 0.3: x = rng.choice(specials)
    elif k < 0.6: x = round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    else: x = rng.uniform(-1, 1) * 10 ** rng.uniform(-30, 30)
    v = np.array(x).astype(dt)
    kw = {}
    if rng.random() < 0.7: kw['precision'] = rng.choice([0, 1, 2, 3, 5, 8, 12, 17, 25])
    if rng.random() < 0.3: kw['unique'] = False
    if fn == 'positional' and rng.random() < 0.2: kw['fractional'] = False
    if rng.random() < 0.5: kw['trim'] = rng.choice(['k', '.', '0', '-'])
    if rng.random() < 0.3: kw['sign'] = True
    if rng.random() < 0.2: kw['pad_left'] = rng.randint(0, 6)
    if fn == 'positional' and rng.random() < 0.2: kw['pad_right'] = rng.randint(0, 8)
    if fn == 'scientific' and rng.random() < 0.2: kw['exp_digits'] = rng.randint(0, 4)
    if rng.random() < 0.2: kw['min_digits'] = rng.randint(0, 10)
    f = np.format_float_positional if fn == 'positional' else np.format_float_scientific
    try:
        res, err = f(v[()], **kw), None
    except Exception as e:
        res, err = None, type(e).__name__
    out.append(dict(fn=fn, dtype=dt, hex=struct.pack('<d', float(v)).hex(), kw=kw, out=res, error=err))
print(json.dumps(out))
`);
    expect(cases).toHaveLength(3000);
    const bad: string[] = [];
    let errors = 0;
    for (const c of cases) {
      const x = Buffer.from(c.hex, 'hex').readDoubleLE(0);
      const arg = c.dtype === 'float64' ? x : array(x, c.dtype);
      const opts: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c.kw)) opts[KEYS[k] ?? k] = v;
      let got: string;
      try {
        got = c.fn === 'positional' ? formatFloatPositional(arg, opts) : formatFloatScientific(arg, opts);
      } catch (e) {
        got = `error ${(e as Error).name}`;
      }
      const want = c.error !== null ? `error ${c.error}` : c.out;
      if (c.error !== null) errors++;
      if (got !== want) bad.push(`${c.fn}(${c.dtype} ${x}, ${JSON.stringify(c.kw)}): NumPy ${JSON.stringify(want)}, mmarray ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // Some draws are NumPy's errors (no precision with unique=False, min_digits above precision, ...).
    expect(errors).toBeGreaterThan(50);
  });
});

describe('formatFloatPositional / formatFloatScientific', () => {
  test("NumPy's docstring examples", () => {
    expect(formatFloatPositional(array(Math.PI, 'float32'))).toBe('3.1415927');
    expect(formatFloatPositional(array(Math.PI, 'float16'))).toBe('3.14');
    expect(formatFloatPositional(array(0.3, 'float16'))).toBe('0.3');
    expect(formatFloatPositional(array(0.3, 'float16'), 10, false)).toBe('0.3000488281');
    expect(formatFloatScientific(array(Math.PI, 'float64'))).toBe('3.141592653589793e+00');
    expect(formatFloatScientific(array(1.23e24, 'float32'), { unique: false, precision: 15 })).toBe('1.230000071797338e+24');
    expect(formatFloatScientific(array(1.23e24, 'float32'), { expDigits: 4 })).toBe('1.23e+0024');
  });

  test("bad arguments are NumPy's errors", () => {
    expect(() => formatFloatPositional(1.5, -1)).toThrow(new ValueError('precision must be >= 0'));
    expect(() => formatFloatPositional(1.5, { unique: false })).toThrow(new TypeError('in non-unique mode `precision` must be supplied'));
    expect(() => formatFloatPositional(1.5, { fractional: false, precision: 0 })).toThrow(new ValueError('precision must be greater than 0 if fractional=False'));
    expect(() => formatFloatScientific(1.5, { precision: 2, minDigits: 3 })).toThrow(new ValueError('min_digits must be less than or equal to precision'));
    expect(() => formatFloatPositional(1.5, { trim: 'x' as never })).toThrow(TypeError);
    expect(() => formatFloatPositional('1.5' as never)).toThrow('x must be a float');
    expect(() => formatFloatPositional(array([1.5]))).toThrow('x must be a float');
    expect(() => formatFloatPositional(1.5, { precision: 1.5 })).toThrow(new TypeError('precision must be an integer'));
    expect(() => formatFloatScientific(1.5, { expDigits: -1 })).toThrow(new ValueError('exp_digits must be >= 0'));
    expect(() => formatFloatPositional(1.5, { padleft: 3 } as never)).toThrow(new TypeError("formatFloatPositional() got an unexpected keyword argument 'padleft'"));
    expect(() => formatFloatScientific(1.5, { padRight: 3 } as never)).toThrow(new TypeError("formatFloatScientific() got an unexpected keyword argument 'padRight'"));
  });
});

describe('bounded output', () => {
  // A cut-off of 2^31 digits would build a power of ten of 2^31 digits (minutes, gigabytes): refused first, as NumPy refuses it.
  test('a precision or padding past 16383 characters is RangeError "Float formatting result too large", at once', () => {
    for (const pad of [1e5, 2 ** 31 - 1]) {
      expect(() => formatFloatPositional(1.047, { unique: false, precision: pad })).toThrow('Float formatting result too large');
      expect(() => formatFloatPositional(1.047, { precision: 2, padLeft: pad })).toThrow('Float formatting result too large');
      expect(() => formatFloatPositional(1.047, { precision: 2, padRight: pad })).toThrow('Float formatting result too large');
    }
    expect(() => formatFloatPositional(1e300, { unique: false, precision: 16100 })).toThrow(RangeError);
    expect(formatFloatPositional(1.047, { unique: false, precision: 16000 })).toHaveLength(16002);
    // Scientific caps its digits (16381 after the first) and its exponent's (5), as NumPy does.
    expect(formatFloatScientific(1.047, { unique: false, precision: 2 ** 31 - 1 })).toHaveLength(16387);
    expect(formatFloatScientific(1.047, { expDigits: 100 })).toBe('1.047e+00000');
  });

  test('a print option of 2^31 digits in fixed mode is the same RangeError; in unique modes the digits stay short', () => {
    const a = array([1.5, 1 / 3]);
    expect(() => printoptions({ precision: 2 ** 31 - 1, floatmode: 'fixed' }, () => String(a))).toThrow('Float formatting result too large');
    expect(printoptions({ precision: 2 ** 31 - 1 }, () => String(a))).toBe('array([1.5               , 0.3333333333333333])');
  });
});
