// NumPy 2 promotion: the whole numeric table, weak scalars and casting rules,
// cross-checked against numpy when python3 + numpy are installed.
import { execFileSync } from 'child_process';
import { dtype, type DTypeLike } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { canCast, promoteTypes, resultType, DTypePromotionError, type Casting } from '../lib/promote';

const NAMES = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];

function numpy(script: string): unknown | null {
  try {
    return JSON.parse(execFileSync('python3', ['-c', `import json, numpy as np\n${script}`], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

const SCALARS: [string, unknown][] = [
  ['True', true], ['1', 1], ['-1', -1], ['1.5', 1.5], ['float("inf")', Infinity], ['-0.0', -0], ['1j', { re: 0, im: 1 }],
  [String(2n ** 70n), 2n ** 70n],
];

describe('promoteTypes', () => {
  test('the whole numeric table equals np.promote_types', () => {
    const want = numpy(`n=${JSON.stringify(NAMES)}\nprint(json.dumps([[np.promote_types(a,b).str for b in n] for a in n]))`) as string[][] | null;
    if (want === null) return console.log('SKIP numpy cross-check: python3 with numpy not found');
    const got = NAMES.map((a) => NAMES.map((b) => promoteTypes(dtype(a), dtype(b)).str));
    expect(got).toEqual(want);
  });

  test('spot values without numpy', () => {
    expect(promoteTypes(dtype('u8'), dtype('i8')).str).toBe('<f8');
    expect(promoteTypes(dtype('u1'), dtype('i1')).str).toBe('<i2');
    expect(promoteTypes(dtype('i2'), dtype('f2')).str).toBe('<f4');
    expect(promoteTypes(dtype('f2'), dtype('c8')).str).toBe('<c8');
    expect(promoteTypes(dtype('>f4'), dtype('?')).str).toBe('<f4');
  });

  test('records and numbers have no common dtype', () => {
    expect(() => promoteTypes(dtype([['a', 'i4']]), dtype('f8'))).toThrow(DTypePromotionError);
  });

  test('records with the same names promote field by field, packed, native order (NumPy _promote_fields)', () => {
    const r = promoteTypes(dtype([['a', '>i2'], ['b', '<f4']]), dtype({ names: ['a', 'b'], formats: ['<i4', '>f2'], offsets: [0, 8], itemsize: 16 } as never));
    expect(r.descr).toEqual([['a', '<i4'], ['b', '<f4']]);
    expect(r.itemsize).toBe(8);
    // either side aligned gives an aligned record
    expect(promoteTypes(dtype([['a', 'u1'], ['b', 'i4']], { align: true }), dtype([['a', 'u1'], ['b', 'i2']])).isalignedstruct).toBe(true);
    // the canonical form comes back as itself
    const c = dtype([['a', 'i4'], ['b', 'f8']]);
    expect(promoteTypes(c, c)).toBe(c);
    // subarray fields of one shape promote their base
    expect(promoteTypes(dtype([['a', 'i2', [2]]]), dtype([['a', 'f4', [2]]])).descr).toEqual([['a', '<f4', [2]]]);
  });

  test('records that do not promote: names, order, counts, subarray shapes, void sizes', () => {
    expect(() => promoteTypes(dtype([['a', 'i4'], ['b', 'i4']]), dtype([['b', 'i4'], ['a', 'i4']]))).toThrow("field names `('a', 'b')` and `('b', 'a')` mismatch.");
    expect(() => promoteTypes(dtype([['a', 'i4']]), dtype([['a', 'i4'], ['b', 'i4']]))).toThrow(DTypePromotionError);
    expect(() => promoteTypes(dtype([['a', 'i4', [2]]]), dtype([['a', 'i4', [3]]]))).toThrow('invalid type promotion with subarray datatypes (shape mismatch).');
    expect(() => promoteTypes(dtype([['a', 'i4']]), dtype('V4'))).toThrow('invalid type promotion with structured datatype(s).');
    expect(() => promoteTypes(dtype('V3'), dtype('V4'))).toThrow(/void datatypes of different lengths/);
    expect(promoteTypes(dtype('V4'), dtype('V4')).str).toBe('|V4');
    // A number field with a bytes field promotes to bytes holding its text, as np.promote_types gives [('a', 'S11')].
    expect(promoteTypes(dtype([['a', 'i4']]), dtype([['a', 'S2']])).descr).toEqual([['a', '|S11']]);
    expect(() => promoteTypes(dtype([['a', 'i4']]), dtype([['a', 'V2']]))).toThrow(DTypePromotionError);
  });

  test('record promotion equals np.promote_types', () => {
    const specs: [DTypeLike, DTypeLike][] = [
      [[['a', '>i2'], ['b', '<f4']], [['a', '<u2'], ['b', '>i8']]],
      [[['x', [['y', 'i1']]], ['z', 'f2']], [['x', [['y', 'u1']]], ['z', 'i2']]],
      [[['s', 'S3'], ['n', 'f4', [2, 2]]], [['s', 'S5'], ['n', 'i2', [2, 2]]]],
    ];
    const want = numpy(`s=${JSON.stringify(specs)}\ndef t(x): return [tuple(t(v) if isinstance(v, list) and v and isinstance(v[0], list) else (tuple(v) if isinstance(v, list) else v) for v in f) for f in x]\nprint(json.dumps([np.promote_types(np.dtype(t(a)), np.dtype(t(b))).descr for a, b in s]))`) as unknown[] | null;
    if (want === null) return console.log('SKIP numpy cross-check: python3 with numpy not found');
    expect(JSON.parse(JSON.stringify(specs.map(([a, b]) => promoteTypes(dtype(a), dtype(b)).descr)))).toEqual(want);
  });
});

describe('resultType with weak Python scalars (NEP 50)', () => {
  test('every dtype with every kind of scalar equals np.result_type', () => {
    const want = numpy(
      `n=${JSON.stringify(NAMES)}\ns=[${SCALARS.filter(([, v]) => typeof v !== 'bigint').map(([p]) => p).join(', ')}]\n` +
        `print(json.dumps([[np.result_type(np.dtype(a), x).str for x in s] for a in n]))`,
    ) as string[][] | null;
    if (want === null) return console.log('SKIP numpy cross-check: python3 with numpy not found');
    const scalars = SCALARS.filter(([, v]) => typeof v !== 'bigint').map(([, v]) => v);
    const got = NAMES.map((a) => scalars.map((x) => resultType(dtype(a), x as number).str));
    expect(got).toEqual(want);
  });

  test('only scalars: the default dtypes', () => {
    expect(resultType(1).str).toBe('<i8');
    expect(resultType(1, 1.5).str).toBe('<f8');
    expect(resultType(true).str).toBe('|b1');
    expect(resultType(true, 1).str).toBe('<i8');
    expect(resultType(1, { re: 1, im: 0 }).str).toBe('<c16');
    expect(resultType(2n ** 70n).str).toBe('<i8');
  });

  test('an array operand counts by its dtype and is strong', () => {
    expect(resultType({ dtype: dtype('i1') }, { dtype: dtype('u1') }, 1.5).str).toBe('<f8');
    expect(resultType({ dtype: dtype('f4') }, { re: 0, im: 1 }).str).toBe('<c8');
  });
});

describe('canCast', () => {
  test('every pair under safe and same_kind equals np.can_cast', () => {
    const modes: Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
    const want = numpy(
      `n=${JSON.stringify(NAMES)}\nprint(json.dumps([[[bool(np.can_cast(a,b,m)) for m in ${JSON.stringify(modes)}] for b in n] for a in n]))`,
    ) as boolean[][][] | null;
    if (want === null) return console.log('SKIP numpy cross-check: python3 with numpy not found');
    const got = NAMES.map((a) => NAMES.map((b) => modes.map((m) => canCast(dtype(a), dtype(b), m))));
    expect(got).toEqual(want);
  });

  test('byte order matters only for "no"', () => {
    expect(canCast(dtype('>f8'), dtype('<f8'), 'no')).toBe(false);
    expect(canCast(dtype('>f8'), dtype('<f8'), 'equiv')).toBe(true);
  });
});

describeWithNumpy('resultType of three numeric dtypes (NumPy cross-check)', () => {
  // NumPy promotes a sequence order-independently (PyArray_PromoteDTypeSequence):
  // int16, uint16, float32 is float32 in every order, where pairwise
  // (int16 + uint16) + float32 would be float64.
  test('every ordered triple of the 14 numeric dtypes matches np.result_type', () => {
    const names = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];
    const want = runNumpy<string[]>(
      `ts = ${JSON.stringify(names)}\nprint(json.dumps([np.result_type(a, b, c).name for a in ts for b in ts for c in ts]))`,
    );
    const got: string[] = [];
    for (const a of names) for (const b of names) for (const c of names) got.push(resultType(dtype(a), dtype(b), dtype(c)).name);
    const diff = got.map((g, i) => [i, g, want[i]]).filter(([, g, w]) => g !== w);
    expect(diff).toEqual([]);
    expect(resultType(dtype('i2'), dtype('u2'), dtype('f4')).name).toBe('float32');
  });
});

describe('canCast of records, subarrays, bytes and voids', () => {
  // NumPy 2.4's answers: the safest casting under which np.can_cast(from, to, casting) is True.
  const LEVELS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'] as const;
  const level = (a: DTypeLike, b: DTypeLike): string => LEVELS.find((c) => canCast(dtype(a), dtype(b), c)) ?? 'never';
  test.each([
    [[['a', 'i4']], [['b', 'i4']], 'safe'], // other names: at best safe (by position)
    [[['a', 'i4']], [['a', 'i4'], ['b', 'i4']], 'never'], // field counts differ: not even unsafe
    [[['a', '<i4']], [['a', '>i4']], 'equiv'],
    [{ names: ['a'], formats: ['i4'], itemsize: 8 }, [['a', 'i4']], 'equiv'], // another layout
    [[['a', 'f8']], [['a', 'f4']], 'same_kind'],
    [[['a', 'f8']], [['a', 'i8']], 'unsafe'], // was 'no': records compared by their '|V8' str
    [[['a', 'i4']], [['a', 'i4']], 'no'],
    ['V8', [['a', 'i8']], 'unsafe'], // was 'no'
    [[['a', 'i8']], 'i8', 'unsafe'],
    ['V4', 'V8', 'safe'],
    ['V8', 'V4', 'same_kind'],
    ['S4', 'S8', 'safe'],
    [[['a', 'i4', 2]], [['a', 'i8', 2]], 'safe'],
    [[['a', 'i4', 2]], [['a', 'i4', 3]], 'unsafe'],
    [[['a', [['x', 'i4']]]], [['a', [['y', 'i4']]]], 'safe'],
  ] as [DTypeLike, DTypeLike, string][])('%j -> %j: %s', (a, b, want) => {
    expect(level(a, b)).toBe(want);
  });
});

describeWithNumpy('canCast between numbers and bytes, as np.can_cast', () => {
  test("a number to bytes: 'safe' when they hold its longest text, else 'same_kind'; bytes to a number: 'unsafe'", () => {
    const types = ['|b1', '|i1', '|u1', '<i2', '>u2', '<i4', '<u4', '<i8', '>u8', '<f2', '<f4', '>f8', '<c8', '<c16'];
    const bytes = ['S1', 'S3', 'S4', 'S5', 'S10', 'S11', 'S20', 'S21', 'S32', 'S63', 'S64'];
    const modes: Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
    const want = runNumpy<boolean[][]>(`
out = []
for t in ${JSON.stringify(types)}:
    for s in ${JSON.stringify(bytes)}:
        out.append([bool(np.can_cast(t, s, m)) for m in ${JSON.stringify(modes)}] + [bool(np.can_cast(s, t, m)) for m in ${JSON.stringify(modes)}])
print(json.dumps(out))`);
    const got = types.flatMap((t) => bytes.map((s) => [...modes.map((m) => canCast(dtype(t), dtype(s), m)), ...modes.map((m) => canCast(dtype(s), dtype(t), m))]));
    expect(got).toEqual(want);
  });
});

describeWithNumpy('promoteTypes and canCast over numbers, bytes and voids, as np.promote_types and np.can_cast', () => {
  // Sized and unsized (S0, V0) bytes and voids, records and subarrays beside every number kind.
  const types = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', 'S3', 'S5', 'V4', '>i4', '>f8', 'i4,f8', '(2,)i2', 'V0', 'S0'];
  const modes: Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

  test("a number with bytes promotes to bytes that hold the number's longest text (np.promote_types('i1', 'S3') is S4); other pairs as NumPy's", () => {
    const want = runNumpy<string[]>(`
out = []
for a in ${JSON.stringify(types)}:
    for b in ${JSON.stringify(types)}:
        try:
            d = np.promote_types(a, b)
            out.append(d.str if d.names is None else 'record')
        except Exception as e:
            out.append(type(e).__name__)
print(json.dumps(out))`);
    const got = types.flatMap((a) =>
      types.map((b) => {
        try {
          const d = promoteTypes(a, b);
          return d.isStructured ? 'record' : d.str;
        } catch (e) {
          return (e as Error).name;
        }
      }),
    );
    expect(got).toEqual(want);
  });

  test("an unsized target (V0, S0) is a kind, not a size; a number or bytes into a plain void is 'safe' when it fits", () => {
    const want = runNumpy<boolean[]>(`
print(json.dumps([bool(np.can_cast(np.dtype(a), np.dtype(b), m)) for a in ${JSON.stringify(types)} for b in ${JSON.stringify(types)} for m in ${JSON.stringify(modes)}]))`);
    const got = types.flatMap((a) => types.flatMap((b) => modes.map((m) => canCast(dtype(a), dtype(b), m))));
    expect(got).toEqual(want);
  });
});
