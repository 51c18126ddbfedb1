// Every spec form and layout rule, cross-checked against NumPy 2.4: one python
// run describes each spec (or names the error it raises) and the library must
// give the same answers.
import { inspect } from 'util';
import { dtype, fromDescr, DType, type DTypeLike } from '../../lib/dtype';
import { OverflowError, ValueError } from '../../lib/errors';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

type Case = [DTypeLike, { align?: boolean }?];

const CODES = '? b B h H i I l L q Q p P n N e f d F D S a c V'.split(' ');
const SIZED = ['b1', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', 'S1', 'S10', 'a10', 'V8', 'S0', 'V0', 'S05', 'S 3', 'S+4', 'i+4'];
const NAMES = [
  'bool', 'bool_', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32',
  'float64', 'complex64', 'complex128', 'half', 'single', 'double', 'byte', 'ubyte', 'short', 'ushort', 'intc',
  'uintc', 'int_', 'uint', 'long', 'ulong', 'longlong', 'ulonglong', 'intp', 'uintp', 'float', 'complex', 'int',
  'csingle', 'cdouble', 'bytes', 'bytes_', 'void',
];
const PREFIXED = [...CODES, ...SIZED.slice(0, 20)].flatMap((s) => ['<', '>', '=', '|'].map((p) => p + s));
const COMMA = [
  'i4, f8', 'u1,f8', '(2,3)f4', '3i4', '(2,)i4', '(0,)i4', '2,3i4', '(2,3)f4,i4', 'b1,', 'i4,', 'i4,(2)f8', '(2,)S3',
  '()i4', '1i4', '0i4', '(2, 3)i4', 'i4,  f8 ', '>i4,>f8', '<i4,>f8', '>(2,)i4', '(2,)>i4', '=i4,|i1,<f8',
  '()f4,i4', '3 i4', '(00,)i4', '>(2,)i4, <f8', 'i1,i4,i1',
];
const STRUCTS: Case[] = [
  [[['id', '<u4'], ['xy', '<f4', [2]], ['pos', [['x', '<f4'], ['y', '<f4']]]]],
  [[['a', 'i1'], ['b', 'i4']], { align: true }],
  [[['a', 'i1'], ['b', 'i4'], ['c', 'i1']], { align: true }],
  [[['a', 'i1'], ['b', [['x', 'i1'], ['y', 'f8']]]], { align: true }],
  [[['a', 'i1'], ['b', [['x', 'i1'], ['y', 'f8']]]]],
  [[['a', 'i1'], ['b', 'c8'], ['c', 'c16'], ['d', 'f2'], ['e', 'S3'], ['f', 'V5'], ['g', '?']], { align: true }],
  ['i1,i4', { align: true }],
  ['i1,(2,)i4,i1', { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'] }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 4], itemsize: 12 }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 4], itemsize: 12 }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 2] }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 4], aligned: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 8], itemsize: 20, aligned: true }],
  [{ names: ['a', 'b'], formats: ['i1', [['x', 'i1'], ['y', 'i8']]] }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', { names: ['x', 'y'], formats: ['i1', 'i8'] }] }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], itemsize: 8 }],
  [{ names: ['a'], formats: ['S3'], offsets: [3] }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i4', 'i4'], offsets: [4, 0] }],
  [{ names: ['a', 'b'], formats: ['i4', 'i2'], offsets: [0, 0] }],
  [{ names: ['a', 'b'], formats: ['>i4', { base: 'S3', shape: [2] }], offsets: [0, 8] }],
  [{ names: ['a', 'b'], formats: ['<u2', { base: '>f8', shape: [3] }], offsets: [0, 8], itemsize: 40, aligned: true }],
  [{ names: [''], formats: ['i1'] }],
  [{ names: [], formats: [] }],
  [[['a', '>i4'], ['b', '<f8', [2]], ['c', [['x', '>f4']], 2]]],
  [[['a', '>i4'], ['b', '<f8', 2], ['c', 'i4', [2, 3]], ['d', 'i4', 1]]],
  [[['a', '>i4'], ['b', '<f8', [0]]]],
  [[['a', 'i4', []]]],
  [[['', 'i4'], ['', 'i4']]],
  [[['a', 'i4'], ['', 'i4']]],
  [[]],
  [[['a', 'i4']], { align: true }],
  [[['a', 'i1'], ['b', 'V3']]],
  [[['a', { base: '(2,)i4', shape: [3] }]]],
  [[['a', 'i4', [2]], ['b', [['c', 'i1'], ['d', 'i4', [2]]], [2]]], { align: true }],
  [[['a', '>i4'], ['b', '?'], ['c', 'i1'], ['d', 'V3'], ['e', 'S2'], ['f', '<f8'], ['g', 'c16']]],
  [[["it's", 'i4'], ['a"b', 'i2'], ['a\\b', 'u1']]],
  [[['a', [['b', [['c', '>u2']]]]]]],
  [{ base: 'i4', shape: [2, 3] }],
  [{ base: '>i4', shape: 2 }],
  [{ base: 'S3', shape: [2] }],
  [{ base: 'i4', shape: [] }],
  [{ base: '?', shape: [2] }],
  [{ base: [['a', 'i1'], ['b', 'f8']], shape: [2] }, { align: true }],
  [{ base: '(2,)>i4', shape: [3] }],
];
const ERRORS: Case[] = [
  ...['i3', 'i0', 'Int8', '!i4', '!?', 'S-1', ' i4', 'i4 ', '<>i4', 'h2', 'f1', 'c4', 'b2', 'u16', 'u', 'Sx', '(2)i4',
    '(1)i4', '(2,3)', 'e2', 'd8', '?1', '', '<', 'i4x', '>int16', '|bool', 'int0', 'bytes0', 'bool8', 'void8',
    'bytes8', '>(2,)<i4', 'i4,,f8', 'i4,xx', 'i4,i3', '3', '2f4,3', ' 3i4', '(03,)i4', '(2,,)i4', '(,)i4',
    'S2147483648', 'i4,$', 'O3', 'O16', '<str', '<object', '<float128', '=unicode'].map((s): Case => [s]),
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 2] }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 2], aligned: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, -1] }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 1], itemsize: 4 }],
  [{ names: ['a', 'a'], formats: ['i1', 'i4'] }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], itemsize: 3 }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], itemsize: 7 }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1', 'i4'], itemsize: 9 }, { align: true }],
  [{ names: ['a', 'b'], formats: ['i1'] }],
  [{ names: ['a'], formats: ['i4'], offsets: [3] }, { align: true }],
  [{ names: ['a'], formats: ['i1'], offsets: [1.5] }],
  [{ names: [1], formats: ['i1'] } as unknown as DTypeLike],
  [{ names: ['a'], formats: ['i3'] }],
  [[['a', 'i1'], ['a', 'i4']]],
  [[['f1', 'i4'], ['', 'i4']]],
  [[[1, 'i4']] as unknown as DTypeLike],
  [[['a', 'i4', 1, 2]] as unknown as DTypeLike],
  [[['a']] as unknown as DTypeLike],
  [[['a', 'i4', -1]]],
  [[['a', 'i4', [2, -1]]]],
  [[['a', 'i4', 1.5]]],
  [{ base: 'i4', shape: -1 }],
  [{ base: 'i4', shape: [2 ** 31] }],
];
// NumPy understands these; mmarray refuses them (kinds that cannot live in a file, or are platform-specific).
const UNSUPPORTED = ['U5', '<U', 'U', 'O', 'O8', 'O4', '<O', 'object', '<datetime64', '<g', 'M8', 'm8', 'M8[ns]', '<m8[s]', 'datetime64', 'g', 'G', 'f16',
  'c32', 'float128', 'complex256', 'longdouble', 'clongdouble', 'str', 'unicode', 'T', 'i4,U3'];

const ALL: Case[] = [...[...CODES, ...SIZED, ...NAMES, ...PREFIXED, ...COMMA].map((s): Case => [s]), ...STRUCTS, ...ERRORS];

// Turns the JS spec into the Python one (tuples for entries, shapes and subarrays) and describes it.
const SCRIPT = String.raw`
import warnings
warnings.simplefilter('ignore')
def conv(s):
    if isinstance(s, str): return s
    if isinstance(s, list):
        return [tuple(e[:1] + [conv(x) for x in e[1:2]] + [tuple(x) if isinstance(x, list) else x for x in e[2:]])
                if isinstance(e, list) else e for e in s]
    if isinstance(s, dict) and 'base' in s:
        return (conv(s['base']), tuple(s['shape']) if isinstance(s['shape'], list) else s['shape'])
    if isinstance(s, dict):
        return {**s, 'formats': [conv(f) for f in s['formats']]} if isinstance(s.get('formats'), list) else s
    return s
def brief(d):
    return {'str': d.str, 'itemsize': d.itemsize, 'alignment': d.alignment, 'shape': list(d.shape),
            'isalignedstruct': d.isalignedstruct}
def describe(d):
    try: descr = d.descr
    except ValueError: descr = 'ValueError'
    return {'kind': d.kind, 'char': d.char, 'str': d.str, 'itemsize': d.itemsize, 'alignment': d.alignment,
            'name': d.name, 'byteorder': d.byteorder, 'isnative': d.isnative, 'names': list(d.names) if d.names is not None else None,
            'fields': {k: [v[1], brief(v[0])] for k, v in d.fields.items()} if d.fields is not None else None,
            'shape': list(d.shape), 'base': d.base.str, 'isalignedstruct': d.isalignedstruct, 'descr': descr,
            'repr': repr(d), 'tostr': str(d), 'swapped': d.newbyteorder('S').str,
            'swapped_descr': None if descr == 'ValueError' else d.newbyteorder('S').descr}
out = []
for spec, opts in json.load(sys.stdin):
    try:
        out.append(describe(np.dtype(conv(spec), **(opts or {}))))
    except Exception as e:
        out.append({'error': type(e).__name__, 'understood': 'not understood' not in str(e)})
print(json.dumps(out))
`;

function describeDType(d: DType): Record<string, unknown> {
  let descr: unknown;
  try {
    descr = d.descr;
  } catch (e) {
    descr = (e as Error).name;
  }
  const brief = (f: DType) => ({ str: f.str, itemsize: f.itemsize, alignment: f.alignment, shape: [...f.shape], isalignedstruct: f.isalignedstruct });
  return {
    kind: d.kind, char: d.char, str: d.str, itemsize: d.itemsize, alignment: d.alignment, name: d.name,
    byteorder: d.byteorder, isnative: d.isnative, names: d.names ? [...d.names] : null,
    fields: d.fields ? Object.fromEntries(d.names!.map((n) => [n, [d.fields![n].offset, brief(d.fields![n].dtype)]])) : null,
    shape: [...d.shape], base: d.base.str, isalignedstruct: d.isalignedstruct, descr,
    repr: inspect(d), tostr: String(d), swapped: d.newbyteorder('S').str,
    swapped_descr: descr === 'ValueError' ? null : d.newbyteorder('S').descr,
  };
}

describeWithNumpy('dtype(spec) matches np.dtype(spec)', () => {
  const expected = runNumpy<Record<string, unknown>[]>(SCRIPT, JSON.stringify(ALL.map(([s, o]) => [s, o ?? null])));

  test.each(ALL.map((c, i) => [JSON.stringify(c[0]) + (c[1] ? ' align' : ''), c, i] as const))('%s', (_, [spec, opts], i) => {
    const want = expected[i];
    if ('error' in want) {
      let err: unknown;
      expect(() => {
        try {
          dtype(spec, opts);
        } catch (e) {
          err = e;
          throw e;
        }
      }).toThrow();
      // NumPy's SyntaxError (a bad repeat count) is a ValueError here.
      const cls = want.error === 'SyntaxError' ? 'ValueError' : want.error;
      expect((err as Error).name).toBe(cls);
      // A spec NumPy does not understand is not called a kind mmarray refuses.
      if (want.understood === false) expect((err as Error).message).toMatch(/not understood/);
    } else {
      expect(describeDType(dtype(spec, opts))).toEqual(want);
    }
  });

  test.each(UNSUPPORTED)('%s is refused with a TypeError naming mmarray', (spec) => {
    const ok = runNumpy<boolean>(`np.dtype(${JSON.stringify(spec)}); print('true')`);
    expect(ok).toBe(true);
    expect(() => dtype(spec)).toThrow(TypeError);
    expect(() => dtype(spec)).toThrow(/not supported by mmarray/);
  });

  test('fromDescr(dt.descr) rebuilds NumPy dtypes, gaps included', () => {
    const specs = [
      "[('a','i1'),('b','<i4')]", "{'names':['a','b'],'formats':['i1','<i4'],'offsets':[0,4],'itemsize':12}",
      "np.dtype([('a','i1'),('b',[('x','i1'),('y','f8')])], align=True)", "'>f8'", "'|S7'",
      "[('a','<i4',(2,3)),('b','|V4'),('c',[('x','>u2')],(2,))]", "{'names':['a'],'formats':['u1'],'offsets':[3],'itemsize':8}",
    ];
    const got = runNumpy<[unknown, string, number[], number][]>(`
out = []
for s in [${specs.join(', ')}]:
    d = np.dtype(s)
    r = np.lib.format.descr_to_dtype(d.descr)
    out.append([d.descr, r.str, [v[1] for v in r.fields.values()] if r.fields else [], r.itemsize])
print(json.dumps(out))`);
    for (const [descr, str, offsets, itemsize] of got) {
      const d = fromDescr(descr);
      expect(d.str).toBe(str);
      expect(d.itemsize).toBe(itemsize);
      expect(d.names ? d.names.map((n) => d.fields![n].offset) : []).toEqual(offsets);
      expect(d.descr).toEqual(descr);
    }
  });
});

describe('dtype', () => {
  test('returns the same DType when given one, and caches string specs', () => {
    const d = dtype('<i2');
    expect(dtype(d)).toBe(d);
    expect(dtype('<i2')).toBe(d);
  });

  test('error messages name the spec like NumPy', () => {
    expect(() => dtype('i3')).toThrow("data type 'i3' not understood");
    // An empty spec: NumPy's message, no suggestion (it used to suggest 'undefinedb1').
    expect(() => dtype('')).toThrow(/^data type '' not understood$/);
    expect(() => dtype([['a', 'i1'], ['a', 'i4']])).toThrow("field 'a' occurs more than once");
    expect(() => dtype({ names: ['a'], formats: ['i4'], offsets: [-4] })).toThrow('offset -4 cannot be negative');
    expect(() => dtype({ names: ['a', 'b'], formats: ['i1', 'i4'], itemsize: 3 })).toThrow(
      'NumPy dtype descriptor requires 5 bytes, cannot override to smaller itemsize of 3',
    );
    expect(() => dtype('int0')).toThrow("Alias 'int0' was removed in NumPy 2.0");
  });

  test('a dict with an unknown key is refused (NumPy ignores it; a typo should not pass)', () => {
    expect(() => dtype({ names: ['a'], formats: ['i1'], offset: [0] } as unknown as DTypeLike)).toThrow(ValueError);
  });

  test('conformance spec: {names, formats, offsets, itemsize, aligned} with a subarray field', () => {
    const d = dtype({
      names: ['id', 'v'],
      formats: ['<u4', { base: '<f8', shape: [3] }],
      offsets: [0, 8],
      itemsize: 32,
      aligned: true,
    });
    expect(d.alignment).toBe(8);
    expect(d.isalignedstruct).toBe(true);
    expect(d.fields!.v.dtype.shape).toEqual([3]);
    expect(d.segments).toEqual([[0, 4], [8, 24]]);
  });

  test("a dict's aligned: true does not reach nested specs (each conformance struct states its own)", () => {
    const d = dtype({ names: ['a', 'b'], formats: ['i1', { names: ['x', 'y'], formats: ['i1', 'i8'], offsets: [0, 1], itemsize: 9 }], offsets: [0, 1], itemsize: 10, aligned: true });
    expect([d.alignment, d.isalignedstruct, d.fields!.b.dtype.alignment, d.fields!.b.dtype.isalignedstruct]).toEqual([1, true, 1, false]);
    const e = dtype({ names: ['a', 'b'], formats: ['i1', { names: ['x', 'y'], formats: ['i1', 'i8'], aligned: true }], aligned: true });
    expect([e.itemsize, e.alignment, e.fields!.b.offset, e.fields!.b.dtype.itemsize]).toEqual([24, 8, 8, 16]);
  });

  test('non-dtype values are not understood', () => {
    for (const bad of [5, null, undefined, {}, true]) {
      expect(() => dtype(bad as unknown as DTypeLike)).toThrow(TypeError);
    }
  });
});

describe('offsets and itemsizes past a C long', () => {
  // NumPy reads them as C longs first: 2**31..2**63-1 is a ValueError (not a
  // C int), 2**63 and up an OverflowError (not a C long).
  test('an offset or itemsize of 2**63 or more is an OverflowError, as in NumPy', () => {
    expect(() => dtype({ names: ['A'], formats: ['i4'], offsets: [2 ** 70] })).toThrow(OverflowError);
    expect(() => dtype({ names: ['A'], formats: ['i4'], itemsize: 2 ** 63 })).toThrow(OverflowError);
    expect(() => dtype({ names: ['A'], formats: ['i4'], offsets: [2 ** 40] })).toThrow(ValueError);
    expect(() => dtype({ names: ['A'], formats: ['i4'], itemsize: 2 ** 31 })).toThrow(ValueError);
  });
});
