// Casts and assignments between structured dtypes (lib/cast.ts): NumPy >= 1.14
// goes field by field by position, names ignored, with its broadcasting rules
// for subarray fields. Every answer is NumPy's own.
import { fromBuffer, zeros } from '../lib/create';
import { fromDescr, type DTypeLike } from '../lib/dtype';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { where } from '../lib/ufuncs/where';
import { logicalOrReduceat } from '../lib/reduceat';
import { encode, PY_ENCODE } from './helpers/values';

/** Python source defining `dt(spec)`: this library's list specs as NumPy tuples. */
const PY_SPEC = String.raw`
def spec(s):
    if isinstance(s, str): return s
    if isinstance(s, dict):
        if 'base' in s: return (spec(s['base']), tuple(s['shape']))
        return dict(s, formats=[spec(f) for f in s['formats']])
    return [tuple([e[0], spec(e[1])] + ([tuple(e[2])] if len(e) == 3 else [])) for e in s]
def fill(a, k):
    if a.dtype.names:
        for n in a.dtype.names: k = fill(a[n], k)
        return k
    if a.dtype.kind in 'SV': return k
    a[...] = (np.arange(a.size).reshape(a.shape) % 50) + k
    return k + 7
`;

interface Answer {
  hex: string;
  error?: string;
  values?: unknown;
}

/** NumPy's `src.astype(dst)` for a source of 3 records filled with small distinct numbers. */
function numpyCasts(pairs: readonly (readonly [DTypeLike, DTypeLike])[]): Answer[] {
  return runNumpy<Answer[]>(`
import warnings
warnings.simplefilter('ignore')
${PY_ENCODE}
${PY_SPEC}
out = []
for s, d in json.loads(sys.stdin.read()):
    a = np.zeros(3, spec(s))
    fill(a, 1)
    r = dict(hex=a.tobytes().hex())
    try:
        r['values'] = encode(a.astype(spec(d)))
    except TypeError as e:
        r['error'] = str(e)
    out.append(r)
print(json.dumps(out))
`, JSON.stringify(pairs));
}

const PAIRS: readonly (readonly [DTypeLike, DTypeLike])[] = [
  // The issue's example: names swapped, byte orders kept by position.
  [[['a', '<i8'], ['b', '>i8']], [['b', '>i8'], ['a', '<i8']]],
  [[['foo', '<i4'], ['bar', '<f4']], [['x', '<f8'], ['y', '<i2']]],
  [[['a', '<i2'], ['b', '<u1']], [['b', '<c16'], ['a', '|b1']]],
  // Subarray fields: shapes line up at the end, extra items are zero, missing axes read index 0.
  [[['a', '<i8', [2]]], [['x', '<f4', [3]]]],
  [[['a', '<i8', [2]]], [['x', '<f4', [2, 1]]]],
  [[['a', '<i8', [2]]], [['x', '<f4', [1, 2]]]],
  [[['a', '<i8', [2]]], [['x', '<f4']]],
  [[['a', '<i8', [2, 3]]], [['x', '<f4', [6]]]],
  [[['a', '<i8', [2, 3]]], [['x', '<f4', [3, 2]]]],
  [[['a', '<i8', [2, 3]]], [['x', '<f4', [3]]]],
  [[['a', '<i8']], [['x', '<f4', [3]]]],
  // Nested records, and records inside subarrays.
  [[['a', [['p', '<i2'], ['q', '<f4']]]], [['x', [['r', '<f8'], ['s', '|i1']]]]],
  [[['x', [['a', '<i2'], ['b', '<i2']], [2]]], [['y', [['c', '<f4'], ['d', '|i1']], [2]]]],
  [[['id', [['id', '<f2']]], ['v', '<i4']], [['v', [['w', '<f8']]], ['id', '<i4']]],
  // A record with one field casts to a plain dtype, a plain dtype into every field.
  [[['a', '<i4']], '<f8'],
  [[['a', '<c16']], '<f8'],
  [[['a', [['b', '<u2']]]], '<i8'],
  ['<f8', [['a', '<i8'], ['b', '<f4', [2]], ['c', [['p', '<i2'], ['q', '<c8', [2]]]]]],
  ['<i2', [['a', '<f4', [2, 2]]]],
  // What NumPy refuses.
  [[['a', '<i8'], ['b', '>i8']], [['b', '>i8']]],
  [[['a', '<i4']], [['a', '<i4'], ['b', '<i4'], ['c', '<i4']]],
  [[['a', '<i8'], ['b', '>i8']], '<i8'],
  [[['a', [['p', '<i2'], ['q', '<f4']]]], [['x', '<f8']]],
  [[['a', '<i4'], ['b', '<i4']], '|V8'],
  [[['a', '<i4'], ['b', '<i4']], [['x', [['p', '<i4'], ['q', '<i4']], [2]]]],
];

describeWithNumpy('structured casts against NumPy', () => {
  test(`astype between structured dtypes goes by position (${PAIRS.length} pairs, NumPy's values and errors)`, () => {
    const answers = numpyCasts(PAIRS);
    expect(answers).toHaveLength(PAIRS.length);
    let refused = 0;
    PAIRS.forEach(([src, dst], i) => {
      const want = answers[i];
      const a = fromBuffer(new Uint8Array(Buffer.from(want.hex, 'hex')), src);
      const label = JSON.stringify([src, dst]);
      if (want.error !== undefined) {
        refused++;
        let err: unknown;
        try {
          a.astype(dst);
        } catch (e) {
          err = e;
        }
        expect({ label, err: err instanceof TypeError ? err.message : err }).toEqual({ label, err: want.error });
      } else {
        expect({ label, values: encode(a.astype(dst)) }).toEqual({ label, values: want.values });
      }
    });
    expect(refused).toBe(6);
  });

  test("assigning a multi-field view to its reverse swaps the values (a[['foo','bar']] = a[['bar','foo']])", () => {
    const want = runNumpy<{ hex: string; after: string }>(`
a = np.zeros(4, {'names': ['foo', 'bar', 'baz'], 'formats': ['<i4', '<i4', '<f8'], 'offsets': [0, 4, 16], 'itemsize': 32})
raw = a.view('u1')
raw[...] = np.arange(raw.size) % 251
a['foo'] = [1, 2, 3, 4]; a['bar'] = [10, 20, 30, 40]; a['baz'] = 0.5
before = a.tobytes().hex()
a[['foo', 'bar']] = a[['bar', 'foo']]
print(json.dumps(dict(hex=before, after=a.tobytes().hex())))
`);
    const bytes = new Uint8Array(Buffer.from(want.hex, 'hex'));
    const a = fromBuffer(bytes, { names: ['foo', 'bar', 'baz'], formats: ['<i4', '<i4', '<f8'], offsets: [0, 4, 16], itemsize: 32 });
    a.fields(['foo', 'bar']).set(a.fields(['bar', 'foo']));
    // Padding bytes keep their content; only the two fields change.
    expect(Buffer.from(bytes).toString('hex')).toBe(want.after);
    expect(a.field('foo').toArray()).toEqual([10, 20, 30, 40]);
  });

  test('assignment from a record array with other names and byte orders converts by position', () => {
    const want = runNumpy<string>(`
a = np.zeros(2, [('x', '<i2'), ('y', '>f8')])
b = np.array([(1.5, 7), (-2.5, 9)], [('p', '<f4'), ('q', '<i8')])
a[...] = b
print(json.dumps(a.tobytes().hex()))
`);
    const a = zeros(2, [['x', '<i2'], ['y', '>f8']]);
    const b = zeros(2, [['p', '<f4'], ['q', '<i8']]);
    b.set([{ p: 1.5, q: 7n }, { p: -2.5, q: 9n }]);
    a.set(b);
    expect(Buffer.from(new Uint8Array(a.buffer, 0, a.nbytes)).toString('hex')).toBe(want);
  });
});

test('a field-count mismatch in assignment is a TypeError and writes nothing', () => {
  const a = zeros(2, [['a', '<i4'], ['b', '<i4']]);
  a.set([[1, 2], [3, 4]]);
  const b = zeros(2, [['x', '<i4']]);
  expect(() => a.set(b)).toThrow(TypeError);
  expect(a.toArray()).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
});

describeWithNumpy('astype to a subarray dtype against NumPy', () => {
  test("astype(('<f4', (2,))) appends the subarray's axes and broadcasts each value", () => {
    const want = runNumpy<{ shape: number[]; strides: number[]; values: number[][] }>(`
r = np.arange(3.).astype(('<f4', (2,)))
print(json.dumps(dict(shape=r.shape, strides=r.strides, values=r.tolist())))
`);
    const r = fromBuffer(new Float64Array([0, 1, 2]), '<f8').astype({ base: '<f4', shape: [2] });
    expect({ shape: r.shape, strides: r.strides, values: r.toArray(), dtype: r.dtype.str, own: r.flags.ownData }).toEqual({
      ...want,
      dtype: '<f4',
      own: true,
    });
  });
});

describeWithNumpy('random structured casts against NumPy', () => {
  test('300 random record pairs (nested records, subarray fields of other shapes, one-field records): values or TypeError', () => {
    const cases = runNumpy<{ src: unknown; dst: unknown; hex: string; values?: unknown; error?: boolean }[]>(String.raw`
import random, warnings
warnings.simplefilter('ignore')
from numpy.lib.format import dtype_to_descr
${PY_ENCODE}
${PY_SPEC}
rng = random.Random(7)
NUM = ['|b1', '|i1', '<u2', '>i4', '<f4', '>f8', '<c8', '<i8', '>u8', '<f2']
def shape(): return tuple(rng.randint(1, 3) for _ in range(rng.randint(1, 2)))
def fmt(depth, k=None):
    if depth < 2 and rng.random() < 0.25: return struct(depth + 1, k)
    return rng.choice(NUM)
def struct(depth, k=None):
    n = k if k is not None else rng.randint(1, 3)
    return np.dtype([('f%d_%d' % (depth, i), fmt(depth)) + ((shape(),) if rng.random() < 0.3 else ()) for i in range(n)])
out = []
while len(out) < 300:
    k = rng.randint(1, 3)
    s, d = struct(0, k), struct(0, k)
    a = np.zeros(3, s)
    fill(a, 1)
    r = dict(src=dtype_to_descr(s), dst=dtype_to_descr(d), hex=a.tobytes().hex())
    try:
        r['values'] = encode(a.astype(d))
    except TypeError:
        r['error'] = True
    out.append(r)
print(json.dumps(out))
`);
    expect(cases).toHaveLength(300);
    const bad: string[] = [];
    let errors = 0;
    for (const c of cases) {
      const a = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), fromDescr(c.src));
      const dst = fromDescr(c.dst);
      let got: unknown;
      try {
        got = { values: encode(a.astype(dst)) };
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        got = { error: true };
        errors++;
      }
      const want = c.error ? { error: true } : { values: c.values };
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${String(a.dtype)} -> ${String(dst)}`);
    }
    expect(bad).toEqual([]);
    expect(errors).toBeGreaterThan(0);
  });
});

describeWithNumpy("astype to an unsized 'S' or 'V', and integers and bools to bytes, against NumPy", () => {
  const kinds = ['?', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', 'S5'];
  test("astype('S') and astype('V') take NumPy's itemsize", () => {
    const theirs = runNumpy<Record<string, [number, number]>>(
      `print(json.dumps({k: [np.zeros(1, k).astype('S').itemsize, np.zeros(1, k).astype('V').itemsize] for k in ${JSON.stringify(kinds)}}))`,
    );
    for (const k of kinds) {
      const a = zeros(1, k);
      let s: number | string;
      try {
        s = a.astype('S').dtype.itemsize;
      } catch (e) {
        s = (e as Error).message;
      }
      if (typeof s === 'string') expect(s).toBe(`cannot cast ${a.dtype.str} to |S${theirs[k]![0]}`);
      else expect([k, s]).toEqual([k, theirs[k]![0]]);
      // V: the source's itemsize, numbers as their raw bytes.
      expect([k, a.astype('V').dtype.itemsize]).toEqual([k, theirs[k]![1]]);
    }
  });

  test("integers and bools become Python's str(), NUL-padded or cut", () => {
    const ints = zeros(5, '<i8');
    ints.set([-3, 0, 97, 1234567, 2 ** 53 - 1]);
    const bools = zeros(2, '?');
    bools.set([true, false]);
    const theirs = runNumpy<number[][][]>(
      `a = np.array([-3, 0, 97, 1234567, 2**53 - 1]); b = np.array([True, False])
print(json.dumps([[list(x) for x in a.astype('S')], [list(x) for x in a.astype('S2')], [list(x) for x in b.astype('S')], [list(x) for x in a.astype('u1').astype('S')]]))`,
    );
    const bytes = (a: { toArray(): unknown }) => (a.toArray() as Uint8Array[]).map((x) => [...x]);
    expect([bytes(ints.astype('S')), bytes(ints.astype('S2')), bytes(bools.astype('S')), bytes(ints.astype('u1').astype('S'))]).toEqual(theirs);
  });
});

describeWithNumpy('float to uint64 past its range, against NumPy (x86-64)', () => {
  // From 2^63 up the conversion is cvttsd2si(x - 2^63) ^ 2^63: 0 from 2^64
  // and +inf on (this gave 2^63); NaN and negatives take the signed path.
  const VALUES = [Infinity, -Infinity, NaN, 1e300, -1e300, -1.5, 2 ** 64, 2 ** 63, 2 ** 64 - 2048, 1e19, -(2 ** 63), 0.5];
  test.each(['<f8', '<f4', '<f2', '<c16'])('%s -> <u8, contiguous and strided, native and JS paths', (src) => {
    const want = runNumpy<string[]>(String.raw`
import warnings
warnings.simplefilter('ignore')
v = np.array([${VALUES.map((v) => `float('${v}')`).join(', ')}], dtype='<f8').astype('${src}')
print(json.dumps([str(int(x)) for x in v.astype('<u8')]))
`);
    const a = fromBuffer(new Float64Array(VALUES), '<f8').astype(src);
    const strided = fromBuffer(new Float64Array(VALUES.flatMap((v) => [v, 0])), '<f8').index('::2').astype(src);
    const doubled = fromBuffer(new Float64Array(VALUES.flatMap((v) => [v, v])), '<f8').astype(src).index('::2');
    for (const x of [a, strided, doubled]) {
      expect((x.astype('<u8').toArray() as bigint[]).map(String)).toEqual(want);
    }
  });
});

describeWithNumpy('bytes and void to bool, against NumPy', () => {
  // NumPy's truth of a bytes or void item: any byte that is not NUL (b'' and
  // b'\x00\x00' are false, b'\x00a' and b'0' true). The JS path had Boolean()
  // of the codec's Uint8Array, true for every item.
  const ITEMS = ['', '0', 'ab', '\u0000a', ' '];
  test("astype('?'), where(condition) and logicalOrReduceat of 'S3' and 'V3' items", () => {
    const theirs = runNumpy<boolean[][]>(String.raw`
items = [b'', b'0', b'ab', b'\x00a', b' ']
s = np.array(items, 'S3'); v = s.view('V3')
print(json.dumps([s.astype('?').tolist(), v.astype('?').tolist(), np.where(s, 1, 0).astype(bool).tolist(), np.logical_or.reduceat(s, [0, 1, 2]).tolist()]))`);
    const s = zeros(ITEMS.length, 'S3');
    ITEMS.forEach((t, i) => s.set([i], Buffer.from(t, 'latin1')));
    const v = s.view('V3');
    expect([
      s.astype('?').toArray(),
      v.astype('?').toArray(),
      (where(s, 1, 0).toArray() as bigint[]).map((x) => x !== 0n),
      logicalOrReduceat(s, [0, 1, 2]).toArray(),
    ]).toEqual(theirs);
  });

  test('a record of several fields has no cast to bool: where names it as NumPy does', () => {
    const r = zeros(3, [['a', '<i4'], ['b', '<i2']]);
    expect(() => where(r, 1, 0)).toThrow("Iterator operand 1 dtype could not be cast from dtype([('a', '<i4'), ('b', '<i2')]) to dtype('bool') according to the rule 'unsafe'");
    // One field casts: its value is the truth.
    const one = zeros(3, [['a', '<i4']]);
    one.set([1], { a: 5 });
    expect(where(one, 1, 0).toArray()).toEqual([0n, 1n, 0n]);
  });
});

describeWithNumpy('floats and complex to bytes (astype), as NumPy writes them: str() of each item', () => {
  test("float16/32/64 with their own shortest digits, complex as Python's repr (complex64 parts as float32's), cut to the itemsize", () => {
    const want = runNumpy<Record<string, { input: string; long: string[]; short: string[] }>>(`
vals = [0.1, 1.5, 1e6, 1e7, 123456.7, 1e-5, 1e16, 1e-4, float('nan'), float('-inf'), -0.0, 3.0, 65504, 1/3, 5e-324, 2.5e-8]
cvals = [1+2j, 0.1-0.2j, 1j, complex(-0.0, 1.5), complex(1e20, 1), complex(float('nan'), float('inf')), 1e7+1j, 65504+1j, 0.1+1e6j, 2+0j, 0j]
out = {}
import warnings
warnings.simplefilter('ignore')
for d in ['<f2', '<f4', '<f8', '>f8', '<c8', '<c16', '>c16']:
    a = np.array(cvals if 'c' in d else vals, d)
    out[d] = {'input': a.tobytes().hex(), 'long': [x.hex() for x in a.astype('S64')], 'short': [x.hex() for x in a.astype('S3')]}
print(json.dumps(out))`);
    for (const [d, w] of Object.entries(want)) {
      const a = fromBuffer(new Uint8Array(Buffer.from(w.input, 'hex')).buffer, d as DTypeLike);
      const hex = (s: string): string[] => (a.astype(s).toArray() as Uint8Array[]).map((x) => Buffer.from(x).toString('hex'));
      expect([d, hex('S64')]).toEqual([d, w.long]);
      expect([d, hex('S3')]).toEqual([d, w.short]);
    }
  });
});

describeWithNumpy('numbers into voids (astype), as NumPy: the value\'s bytes in native order, NUL-padded or cut', () => {
  test('every number type, either byte order, into voids of 2, 4, 8 and 16 bytes and the unsized V', () => {
    const types = ['|b1', '|i1', '<i2', '>i4', '<i8', '>u8', '<f2', '<f4', '>f8', '<c8', '>c16'];
    const sizes = ['V2', 'V4', 'V8', 'V16', 'V'];
    const want = runNumpy<Record<string, { input: string; out: string[][] }>>(`
out = {}
for t in ${JSON.stringify(types)}:
    a = np.array([1, 100, -3 if np.dtype(t).kind != 'u' else 3, 0.5 if np.dtype(t).kind in 'fc' else 7], dtype=np.dtype(t)) if np.dtype(t).kind != 'b' else np.array([True, False])
    out[t] = {'input': a.tobytes().hex(), 'out': [[x.hex() for x in a.astype(v).tolist()] for v in ${JSON.stringify(sizes)}]}
print(json.dumps(out))`);
    for (const t of types) {
      const w = want[t];
      const a = fromBuffer(new Uint8Array(Buffer.from(w.input, 'hex')).buffer, t as DTypeLike);
      const got = sizes.map((v) => (a.astype(v).toArray() as Uint8Array[]).map((x) => Buffer.from(x).toString('hex')));
      expect([t, got]).toEqual([t, w.out]);
    }
  });
});
