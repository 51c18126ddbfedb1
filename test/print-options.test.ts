// NumPy's print options (lib/print-options.ts) and np.array2string
// (lib/repr.ts), compared with NumPy itself: precision, floatmode,
// suppress, sign, nanstr/infstr, threshold/edgeitems, line width,
// separator and prefix, formatters, and the errors of bad options.
import { fromBuffer } from '../lib/create';
import { fromDescr } from '../lib/dtype';
import { array, arange, memmap, zeros } from '../lib';
import { ValueError } from '../lib/errors';
import { getPrintoptions, printoptions, setPrintoptions } from '../lib/print-options';
import { array2string, arrayRepr, arrayStr } from '../lib/repr';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-print-options-');

afterEach(() => {
  // Each test leaves NumPy's defaults behind.
  setPrintoptions({ precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, nanstr: 'nan', infstr: 'inf', sign: '-', floatmode: 'maxprec' });
});

interface Case {
  descr: string;
  shape: number[];
  hex: string;
  opts: { precision: number; floatmode: 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal'; suppress: boolean; sign: '-' | '+' | ' '; threshold: number; edgeitems: number; linewidth: number; separator: string; prefix: string };
  a2s: string;
  repr: string;
  str: string;
}

describeWithNumpy('array2string, repr and str under random print options, against NumPy', () => {
  test('600 random float16/32/64, complex and int arrays, each with its own precision, floatmode, suppress, sign, threshold, edgeitems, line width, separator and prefix', () => {
    const cases = runNumpy<Case[]>(String.raw`
import random
from numpy.lib.format import dtype_to_descr
rng = random.Random(38)
out = []
for t in range(600):
    dt = rng.choice(['<f8', '<f4', '<f2', '<c16', '<c8', '<i2', '<i8', '<u4', '>f8'])
    n = rng.choice([1, 2, 5, 12, 30])
    scale = 10 ** rng.uniform(-12, 10)
    kind = rng.random()
    if kind < 0.3: xs = [round(rng.uniform(-100, 100), rng.randint(0, 6)) for _ in range(n)]
    elif kind < 0.4: xs = [rng.choice([0.125, 0.375, 2.5, 0.5, -0.0, 1e-9, 1.0005]) for _ in range(n)]
    elif kind < 0.5: xs = [rng.randint(-1000, 1000) for _ in range(n)]
    else: xs = [rng.uniform(-1, 1) * scale for _ in range(n)]
    if rng.random() < 0.1: xs[0] = float('nan')
    if rng.random() < 0.1: xs[-1] = float('-inf')
    if rng.random() < 0.05: xs[-1] = float('inf')
    with np.errstate(all='ignore'):
        if dt[1] in 'iu':
            a = np.array([0 if x != x or abs(x) == float('inf') else int(x) % 30000 for x in xs]).astype(dt)
            if dt[1] == 'i' and rng.random() < 0.5: a = -a
        else:
            a = np.array(xs).astype(dt)
            if dt[1] == 'c': a = a + 1j * np.array(xs[::-1]).astype(dt)
    if rng.random() < 0.3 and n % 2 == 0: a = a.reshape(2, -1)
    opts = dict(precision=rng.randint(0, 10), floatmode=rng.choice(['fixed', 'unique', 'maxprec', 'maxprec_equal']),
                suppress=rng.random() < 0.4, sign=rng.choice(['-', '+', ' ']), threshold=rng.choice([1000, 10, 4]),
                edgeitems=rng.choice([3, 1, 2]), linewidth=rng.choice([75, 30, 50, 120]),
                separator=rng.choice([' ', ', ', ',', ' | ']), prefix=rng.choice(['', 'x(', 'array(']))
    a2s = np.array2string(a, max_line_width=opts['linewidth'], precision=opts['precision'], suppress_small=opts['suppress'],
                          separator=opts['separator'], prefix=opts['prefix'], threshold=opts['threshold'],
                          edgeitems=opts['edgeitems'], sign=opts['sign'], floatmode=opts['floatmode'])
    with np.printoptions(precision=opts['precision'], floatmode=opts['floatmode'], suppress=opts['suppress'], sign=opts['sign'],
                         threshold=opts['threshold'], edgeitems=opts['edgeitems'], linewidth=opts['linewidth']):
        r, s = repr(a), str(a)
    out.append(dict(descr=dtype_to_descr(a.dtype), shape=list(a.shape), hex=a.tobytes().hex(), opts=opts, a2s=a2s, repr=r, str=s))
print(json.dumps(out))
`);
    expect(cases).toHaveLength(600);
    const bad: string[] = [];
    for (const c of cases) {
      const a = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), fromDescr(c.descr)).reshape(c.shape);
      const o = c.opts;
      const got = array2string(a, { maxLineWidth: o.linewidth, precision: o.precision, suppressSmall: o.suppress, separator: o.separator, prefix: o.prefix, threshold: o.threshold, edgeitems: o.edgeitems, sign: o.sign, floatmode: o.floatmode });
      if (got !== c.a2s) bad.push(`${JSON.stringify(o)} ${c.descr}\nNumPy:\n${c.a2s}\nmmarray:\n${got}`);
      const [r, s] = printoptions({ precision: o.precision, floatmode: o.floatmode, suppress: o.suppress, sign: o.sign, threshold: o.threshold, edgeitems: o.edgeitems, linewidth: o.linewidth }, () => [String(a), arrayStr(a)]);
      if (r !== c.repr) bad.push(`repr ${JSON.stringify(o)}\nNumPy:\n${c.repr}\nmmarray:\n${r}`);
      if (s !== c.str) bad.push(`str ${JSON.stringify(o)}\nNumPy:\n${c.str}\nmmarray:\n${s}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  test('nanstr, infstr, formatters by kind and group, array_repr/array_str arguments, a memmap\'s repr', () => {
    const path = tmp.path('m.bin');
    const want = runNumpy<string[]>(String.raw`
a = np.array([1.5, np.nan, -np.inf, 2.0])
m = np.memmap(${JSON.stringify(path)}, dtype='<i2', mode='w+', shape=(3,))
m[:] = [1, -2, 3]
m.flush()
out = [
  np.array2string(a),
]
with np.printoptions(nanstr='NaN!', infstr='Infinity'):
    out += [repr(a), str(a)]
out += [
  np.array2string(np.arange(4), formatter={'int': lambda x: 'v%d' % x}),
  np.array2string(np.arange(4), formatter={'int_kind': lambda x: '<%d>' % x}),
  np.array2string(np.array([1.5, 2.25]), formatter={'float_kind': lambda x: '%.3f' % x}),
  np.array2string(np.array([[1, 2], [3, 4]]), formatter={'all': lambda x: 'x'}),
  np.array2string(np.array([True, False]), formatter={'bool': lambda x: 'T' if x else 'F'}),
  np.array_repr(np.array([1.123456, 2.5]), None, 2),
  np.array_repr(np.array([1e-12, 1.0]), 20, None, True),
  np.array_str(np.array([1e-12, 1.0]), None, 3, True),
  np.array_repr(np.arange(30.0), 30),
  repr(m), repr(m[1:]), str(m),
  np.array2string(np.arange(40), max_line_width=40, suffix=')'),
]
print(json.dumps(out))
`);
    const a = array([1.5, NaN, -Infinity, 2.0]);
    const m = memmap(path, '<i2', 'r');
    const got = [
      array2string(a),
      ...printoptions({ nanstr: 'NaN!', infstr: 'Infinity' }, () => [String(a), arrayStr(a)]),
      array2string(arange(4), { formatter: { int: (x: number) => `v${x}` } }),
      array2string(arange(4), { formatter: { int_kind: (x: number) => `<${x}>` } }),
      array2string(array([1.5, 2.25]), { formatter: { float_kind: (x: number) => x.toFixed(3) } }),
      array2string(array([[1, 2], [3, 4]]), { formatter: { all: () => 'x' } }),
      array2string(array([true, false]), { formatter: { bool: (x: boolean) => (x ? 'T' : 'F') } }),
      arrayRepr(array([1.123456, 2.5]), null, 2),
      arrayRepr(array([1e-12, 1.0]), 20, null, true),
      arrayStr(array([1e-12, 1.0]), null, 3, true),
      arrayRepr(arange(30).astype('<f8'), 30),
      String(m), String(m.index('1:')), arrayStr(m),
      array2string(arange(40), { maxLineWidth: 40, suffix: ')' }),
    ];
    expect(got).toEqual(want);
    m.close();
  });
});

describe('setPrintoptions, getPrintoptions, printoptions', () => {
  test('the options in force change every later repr; getPrintoptions is a copy; formatter and overrideRepr reset unless given', () => {
    expect(getPrintoptions()).toEqual({ precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, nanstr: 'nan', infstr: 'inf', sign: '-', floatmode: 'maxprec', formatter: null, legacy: false, overrideRepr: null });
    const x = array([1 / 3, 2]);
    setPrintoptions(3);
    expect(String(x)).toBe('array([0.333, 2.   ])');
    setPrintoptions(null, null, null, null, true);
    expect(getPrintoptions().precision).toBe(3);
    expect(getPrintoptions().suppress).toBe(true);
    const copy = getPrintoptions();
    copy.precision = 1;
    expect(getPrintoptions().precision).toBe(3);
    setPrintoptions({ formatter: { float: (v: number) => `f${v}` } });
    expect(arrayStr(array([1.5]))).toBe('[f1.5]');
    setPrintoptions({ precision: 4 });
    expect(getPrintoptions().formatter).toBeNull();
    setPrintoptions({ overrideRepr: () => 'mine' });
    expect(String(x)).toBe('mine');
    expect(arrayRepr(x)).toBe('mine');
    setPrintoptions();
    expect(String(x)).toBe('array([0.3333, 2.    ])');
  });

  test('printoptions(options, fn) sets them for fn, hands fn the options, returns its result, and restores them when fn throws', () => {
    const x = array([2 / 3]);
    expect(printoptions({ precision: 2 }, (o) => [o.precision, String(x)])).toEqual([2, 'array([0.67])']);
    expect(getPrintoptions().precision).toBe(8);
    expect(() =>
      printoptions({ precision: 1 }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(String(x)).toBe('array([0.66666667])');
    expect(() => printoptions({ precision: 2 }, 'f' as never)).toThrow(new TypeError('printoptions(options, fn): fn must be a function'));
  });

  test("bad options are NumPy's errors, and nothing changes", () => {
    const cases: [unknown[], unknown, string][] = [
      [[1.5], TypeError, 'precision must be an integer'],
      [[{ threshold: '1' }], TypeError, 'threshold must be numeric'],
      [[{ threshold: NaN }], ValueError, 'threshold must be non-NAN, try sys.maxsize for untruncated representation'],
      [[{ sign: 'x' }], ValueError, "sign option must be one of ' ', '+', or '-'"],
      [[{ floatmode: 'y' }], ValueError, 'floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"'],
      [[{ legacy: '1.13' }], ValueError, "NumPy's legacy print modes"],
      [[{ int: () => '' }], TypeError, "got an unexpected keyword argument 'int' (a formatter goes in { formatter: { ... } })"],
      [[{ formatter: { ints: () => '' } }], ValueError, "formatter key 'ints'"],
      [[{ formatter: { toString: () => '' } }], ValueError, "formatter key 'toString'"],
      [[{ edgeitems: -1 }], ValueError, 'edgeitems must be >= 0'],
      [[{ linewidth: 7.5 }], TypeError, 'linewidth must be an integer'],
      [[{ nanstr: 0 }], TypeError, 'nanstr must be a string'],
      [[{ formatter: [] }], TypeError, 'formatter must be an object of functions by dtype kind'],
      [[{ formatter: { int: 'x' } }], TypeError, "formatter['int'] must be a function"],
      [[{ overrideRepr: 'x' }], TypeError, 'overrideRepr must be a function'],
    ];
    for (const [args, type, message] of cases) {
      expect(() => setPrintoptions(...args)).toThrow(type as ErrorConstructor);
      expect(() => setPrintoptions(...args)).toThrow(message);
    }
    expect(getPrintoptions().precision).toBe(8);
    // NumPy accepts a negative precision and refuses it when a float is printed.
    setPrintoptions(-1);
    expect(() => String(array([1.5]))).toThrow(new ValueError('precision must be >= 0'));
    expect(String(array([1, 2]))).toBe('array([1, 2])');
    expect(array2string(array([1.5]), { floatmode: 'unique' })).toBe('[1.5]');
    // NumPy's keys of dtypes mmarray lacks are taken and never apply.
    expect(array2string(array([1, 2]), { formatter: { datetime: () => 'd', object: () => 'o' } })).toBe('[1 2]');
    expect(() => arrayRepr(array([1]), { linewidth: 3 } as never)).toThrow(new TypeError("arrayRepr() got an unexpected keyword argument 'linewidth'"));
    expect(() => arrayStr(array([1]), { nonsense: 3 } as never)).toThrow(new TypeError("arrayStr() got an unexpected keyword argument 'nonsense'"));
  });

  test('a 0-d array, an empty one, a closed memmap', () => {
    expect(array2string(array(1.5))).toBe('1.5');
    expect(array2string(zeros([0]))).toBe('[]');
    expect(arrayStr(array(2 / 3), null, 2)).toBe('0.6666666666666666');
    expect(array2string(array(2 / 3), null, 2)).toBe('0.67');
  });
});
