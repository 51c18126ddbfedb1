// DType behaviour beyond parsing: equality, byte-order changes, the byte
// layout helpers (segments, swapUnits) and immutability.
import { inspect } from 'util';
import { dtype, DType, isDType, type DTypeLike } from '../../lib/dtype';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const PY_CONV = String.raw`
def conv(s):
    if isinstance(s, str): return s
    if isinstance(s, list): return [tuple(e[:1] + [conv(x) for x in e[1:2]] + [tuple(x) for x in e[2:]]) for e in s]
    if 'base' in s: return (conv(s['base']), tuple(s['shape']))
    return {**s, 'formats': [conv(f) for f in s['formats']]}
`;

const SPECS: DTypeLike[] = [
  '<i4', '=i4', '>i4', 'i', 'l', 'q', '<i8', 'c', 'S1', 'S2', 'V8', 'i1', 'b1', 'u1', '<f4', '>f4', '<c8',
  '2i4', '(2,)<i4', '(2,)>i4', '(3,)i4',
  [['a', 'i1'], ['b', 'i4']],
  [['b', 'i1'], ['a', 'i4']],
  [['a', 'i1'], ['b', '>i4']],
  { names: ['a', 'b'], formats: ['i1', 'i4'], offsets: [0, 4], itemsize: 8 },
  { names: ['b', 'a'], formats: ['i4', 'i1'], offsets: [4, 0], itemsize: 8 },
  { names: ['a', 'b'], formats: ['i1', 'i4'], aligned: true },
  [['a', 'V8']],
];

describeWithNumpy('DType vs NumPy', () => {
  test('equals agrees with NumPy == for every pair', () => {
    const want = runNumpy<boolean[][]>(`${PY_CONV}
ds = [np.dtype(conv(s)) for s in json.loads(sys.stdin.read())]
print(json.dumps([[bool(a == b) for b in ds] for a in ds]))`, JSON.stringify(SPECS));
    const ds = SPECS.map((s) => dtype(s));
    const got = ds.map((a) => ds.map((b) => a.equals(b)));
    expect(got).toEqual(want);
    expect(ds[0].equals('=i4')).toBe(true);
    expect(ds[0].equals('garbage')).toBe(false);
  });

  test('newbyteorder accepts every NumPy spelling', () => {
    const orders = ['S', 's', '<', 'L', 'little', '>', 'B', 'big', '=', 'N', 'native', '|', 'I', 'ignore', 'swap'] as const;
    const specs = ['>i4', '<c8', 'S3', [['a', '>i4', [2]], ['b', 'S3'], ['c', '<f8'], ['d', [['x', '>u2']]]]] as DTypeLike[];
    const want = runNumpy<string[][]>(`${PY_CONV}
specs, orders = json.loads(sys.stdin.read())
print(json.dumps([[str(np.dtype(conv(s)).newbyteorder(o)) for o in orders] for s in specs]))`, JSON.stringify([specs, orders]));
    expect(specs.map((s) => orders.map((o) => String(dtype(s).newbyteorder(o))))).toEqual(want);
    expect(() => dtype('i4').newbyteorder('x' as 'S')).toThrow("byteorder not recognized (got 'x')");
  });
});

describe('DType', () => {
  test('segments merge field ranges and skip padding', () => {
    const d = dtype({ names: ['a', 'b', 'c'], formats: ['u1', 'u1', '<f8'], offsets: [0, 1, 8], itemsize: 24 });
    expect(d.segments).toEqual([[0, 2], [8, 8]]);
    expect(dtype('<f8').segments).toEqual([[0, 8]]);
    const nested = dtype([['p', [['x', 'u1'], ['y', '<i4']], [2]]], { align: true });
    expect(nested.itemsize).toBe(16);
    expect(nested.segments).toEqual([[0, 1], [4, 5], [12, 4]]);
    const overlap = dtype({ names: ['a', 'b'], formats: ['<i4', '<i2'], offsets: [0, 2] });
    expect(overlap.segments).toEqual([[0, 4]]);
  });

  test('swapUnits: one per scalar, two per complex, none for bytes', () => {
    const d = dtype([['a', '<c8'], ['b', 'u1'], ['c', '>i2', [2]], ['d', [['e', 'S4'], ['f', '<f4']]]]);
    expect(d.swapUnits).toEqual([[0, 4], [4, 4], [9, 2], [11, 2], [17, 4]]);
    expect(dtype('S8').swapUnits).toEqual([]);
    expect(dtype('?').swapUnits).toEqual([]);
    expect(dtype('(2,)<u8').swapUnits).toEqual([[0, 8], [8, 8]]);
  });

  test('littleEndian follows the stored order; "|" types read as little', () => {
    expect(dtype('>f8').littleEndian).toBe(false);
    expect(dtype('<f8').littleEndian).toBe(true);
    expect(dtype('u1').littleEndian).toBe(true);
  });

  test('is frozen, and the codec is built once', () => {
    const d = dtype('<i2');
    expect(Object.isFrozen(d)).toBe(true);
    expect(() => {
      (d as { itemsize: number }).itemsize = 4;
    }).toThrow(TypeError);
    expect(d.codec).toBe(d.codec);
    expect(Object.isFrozen(dtype([['a', 'i1']]).fields)).toBe(true);
  });

  test('cannot be constructed directly', () => {
    const Ctor = DType as unknown as new (...a: unknown[]) => DType;
    expect(() => new Ctor(Symbol('DType'), {})).toThrow(TypeError);
  });

  test('isDType', () => {
    expect(isDType(dtype('f4'))).toBe(true);
    expect(isDType('f4')).toBe(false);
  });

  test('repr and str like NumPy', () => {
    expect(inspect(dtype('int16'))).toBe("dtype('int16')");
    expect(String(dtype('>i4'))).toBe('>i4');
    expect(inspect(dtype([['a', 'i1'], ['b', 'i4']], { align: true }))).toBe("dtype([('a', 'i1'), ('b', '<i4')], align=True)");
  });

  test('subarray dtypes keep shape and base; structured fields expose offsets', () => {
    const s = dtype('(2,3)f4');
    expect([s.itemsize, s.shape, s.base.name, s.subdtype?.[1], s.isStructured]).toEqual([24, [2, 3], 'float32', [2, 3], false]);
    const r = dtype([['id', '<u4'], ['xy', '<f4', [2]], ['pos', [['x', '<f4'], ['y', '<f4']]]]);
    expect(r.names).toEqual(['id', 'xy', 'pos']);
    expect(r.fields!.pos.offset).toBe(12);
    expect(r.fields!.pos.dtype.fields!.y.offset).toBe(4);
  });
});

describe('record sizes NumPy refuses, and linear-time specs (issue 12 items 17, 22)', () => {
  test.each([
    ['list form of 2^31 bytes', () => dtype([['a', 'V2147483647'], ['b', 'V1']]), "a structured dtype of 2147483648 bytes won't fit into a C int (at most 2147483647 bytes, as in NumPy)"],
    ['dict offset 2^31', () => dtype({ names: ['a'], formats: ['u1'], offsets: [2 ** 31] }), "field offset 2147483648 won't fit into a C int (at most 2147483647, as in NumPy)"],
    ['dict offset past 2^53', () => dtype({ names: ['a'], formats: ['u1'], offsets: [2 ** 60] }), "won't fit into a C int"],
    ['dict itemsize 2^31', () => dtype({ names: ['a'], formats: ['u1'], itemsize: 2 ** 31 }), "itemsize 2147483648 won't fit into a C int"],
    ['a 40 KB subarray shape string', () => dtype(`(${'1,'.repeat(20000)})u1`), 'invalid shape in fixed-type tuple: 20000 dimensions, more than 64'],
  ])('%s', (_name, f, msg) => {
    expect(f).toThrow(msg);
  });
  test('2^31 - 1 bytes is still accepted', () => {
    expect(dtype({ names: ['a'], formats: ['u1'], itemsize: 2 ** 31 - 1 }).itemsize).toBe(2 ** 31 - 1);
  });
  test('a list spec of 100k fields: names checked with a set (the old O(n²) scan took minutes at this size)', () => {
    const spec = Array.from({ length: 100_000 }, (_, i) => [`f${i}`, 'u1'] as [string, string]);
    expect(dtype(spec).names!.length).toBe(100_000);
    spec.push(['f5', 'u1']);
    expect(() => dtype(spec)).toThrow("field 'f5' occurs more than once");
  });
});
