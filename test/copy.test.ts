// lib/copy.ts (with lib/cast.ts): byteswap, copies in every memory order and
// casts. NumPy answers wherever its result is defined; where C leaves a cast
// undefined, the library's documented x86 choice is pinned instead.
import { arange, fromBuffer, ndarray, zeros } from '../lib/create';
import type { DTypeLike } from '../lib/dtype';
import { sharesMemory } from '../lib/memory';
import type { NdArray, Order } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { enc, fromHex, grid, hex, PY_ENC } from './helpers/element-bytes';

describe('byteswap', () => {
  test('in place swaps every element and keeps the dtype (the values change)', () => {
    const a = fromBuffer(Uint8Array.from([1, 2, 3, 4]), '<u2');
    expect(a.byteswap(true)).toBe(a);
    expect([a.toArray(), a.dtype.str]).toEqual([[0x0102, 0x0304], '<u2']);
  });

  test('a copy leaves the source alone', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    const a = fromBuffer(bytes, '<u2');
    const c = a.byteswap();
    expect(c.toArray()).toEqual([0x0102, 0x0304]);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4]);
    expect(sharesMemory(a, c)).toBe(false);
  });

  test('byteswap then newbyteorder gives back the same values in the other byte order', () => {
    const a = arange(5, '<i4');
    const b = a.byteswap().newbyteorder();
    expect([b.dtype.str, b.toArray()]).toEqual(['>i4', [0, 1, 2, 3, 4]]);
  });

  test('a strided view swaps only its own elements', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    fromBuffer(bytes, '<u2').index('::2').byteswap(true);
    expect(Array.from(bytes)).toEqual([2, 1, 3, 4, 6, 5]);
  });

  test('single bytes, bools and byte strings have nothing to swap', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    fromBuffer(bytes, 'S2').byteswap(true);
    fromBuffer(bytes, 'u1').byteswap(true);
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4]);
  });

  test('complex swaps each part on its own', () => {
    const a = fromBuffer(new Float32Array([1, 2]), '<c8');
    a.byteswap(true);
    expect(a.newbyteorder().get(0)).toEqual({ re: 1, im: 2 });
  });
});

describe('copy', () => {
  test('a copy owns fresh memory with the same values', () => {
    const a = grid().index('::-1, 1::2');
    const c = a.copy();
    expect(c.toArray()).toEqual(a.toArray());
    expect(c.flags.ownData).toBe(true);
    expect(sharesMemory(c, a)).toBe(false);
  });

  test('C and F orders lay the copy out row- or column-major', () => {
    expect(grid().copy('C').strides).toEqual([8, 2]);
    expect(grid().copy('F').strides).toEqual([2, 6]);
  });

  test('A keeps F only for an F-contiguous (and not C-contiguous) source', () => {
    expect(grid().T.copy('A').strides).toEqual([2, 8]);
    expect(grid().index('::2').copy('A').strides).toEqual([8, 2]);
  });

  test('K keeps the memory order of the axes, negative strides made positive', () => {
    const a = arange(24, '<i2').reshape([2, 3, 4]).transpose([2, 0, 1]).index('::-1');
    expect(a.copy('K').strides).toEqual([2, 24, 8]);
  });

  test('an empty array copies to all-zero strides (NumPy 2)', () => {
    expect(zeros([3, 0], '<i4').copy().strides).toEqual([0, 0]);
  });

  test('a bad order is a ValueError', () => {
    expect(() => grid().copy('X' as Order)).toThrow("order must be one of 'C', 'F', 'A', or 'K' (got 'X')");
  });

  test('a copy of a structured array keeps every field', () => {
    const a = fromBuffer(arange(32, 'u1').buffer, [['x', '<u2'], ['y', '>f4'], ['s', 'S2']]);
    expect(a.copy().toArray()).toEqual(a.toArray());
  });
});

describe('astype: documented choices where C leaves float -> int undefined', () => {
  // cast.ts: x86's cvttsd2si "integer indefinite" for NaN, infinities and
  // out-of-range values; 8/16-bit targets truncate a 32-bit conversion,
  // unsigned 32-bit targets a 64-bit one.
  const x = [NaN, Infinity, -Infinity, 300.7, -1.5, 1e10, -3e9, 1e20, 2 ** 63, 2 ** 64, 40000.5];
  const MIN64 = -(2n ** 63n);
  const table: [string, unknown[]][] = [
    ['|i1', [0, 0, 0, 44, -1, 0, 0, 0, 0, 0, 64]],
    ['|u1', [0, 0, 0, 44, 255, 0, 0, 0, 0, 0, 64]],
    ['<i2', [0, 0, 0, 300, -1, 0, 0, 0, 0, 0, -25536]],
    ['<u2', [0, 0, 0, 300, 65535, 0, 0, 0, 0, 0, 40000]],
    ['<i4', [-(2 ** 31), -(2 ** 31), -(2 ** 31), 300, -1, -(2 ** 31), -(2 ** 31), -(2 ** 31), -(2 ** 31), -(2 ** 31), 40000]],
    ['<u4', [0, 0, 0, 300, 2 ** 32 - 1, 1410065408, 1294967296, 0, 0, 0, 40000]],
    ['<i8', [MIN64, MIN64, MIN64, 300n, -1n, 10000000000n, -3000000000n, MIN64, MIN64, MIN64, 40000n]],
    // uint64: NumPy on x86-64 (checked against 2.4.6): +inf and values >= 2**64 give 0.
    ['<u8', [2n ** 63n, 0n, 2n ** 63n, 300n, 2n ** 64n - 1n, 10000000000n, 2n ** 64n - 3000000000n, 0n, 2n ** 63n, 0n, 40000n]],
  ];

  test.each(table)('float64 -> %s', (spec, want) => {
    expect(fromBuffer(new Float64Array(x), '<f8').astype(spec).toArray()).toEqual(want);
  });

  test.each(table)('float32 -> %s gives the same (the float32 of each value)', (spec) => {
    const f4 = fromBuffer(new Float64Array(x), '<f8').astype('<f4');
    const viaF8 = f4.astype('<f8').astype(spec).toArray();
    expect(f4.astype(spec).toArray()).toEqual(viaF8);
  });

  test('the layout of the source does not change a cast (no SIMD-only path)', () => {
    const a = fromBuffer(new Float64Array([...x, ...x]), '<f8').index('::-1');
    for (const [spec] of table) {
      expect(a.astype(spec).toArray()).toEqual([...a.toArray() as number[]].map((v) => fromBuffer(new Float64Array([v]), '<f8').astype(spec).get(0)));
    }
  });
});

describe('astype', () => {
  test('keeps the memory order of the source by default (K)', () => {
    const a = grid().T.astype('<f8');
    expect(a.strides).toEqual([8, 32]);
  });

  test('int -> narrower int wraps modulo 2^bits', () => {
    expect(fromBuffer(new Int32Array([70000, -1, 128]), '<i4').astype('|i1').toArray()).toEqual([112, -1, -128]);
  });

  test('a 64-bit integer rounds to float32 once, not through float64', () => {
    // 2^60 + 2^36 + 1 is just above the midpoint of two float32s: C rounds it up.
    const a = fromBuffer(new BigInt64Array([2n ** 60n + 2n ** 36n + 1n, -(2n ** 60n + 2n ** 36n + 1n)]), '<i8');
    expect(a.astype('<f4').toArray()).toEqual([2 ** 60 + 2 ** 37, -(2 ** 60 + 2 ** 37)]);
    expect(a.astype('<c8').get(0)).toEqual({ re: 2 ** 60 + 2 ** 37, im: 0 });
  });

  test('a one-field record casts to its field type; a record of two fields does not (test/cast.test.ts has the rest)', () => {
    const a = zeros(2, [['x', '<i4']]);
    a.set([[3], [4]]);
    expect(a.astype('<f8').toArray()).toEqual([3, 4]);
    expect(a.astype([['x', '>i4']]).dtype.str).toBe('|V4');
    expect(() => zeros(2, [['x', '<i4'], ['y', '<i4']]).astype('<f8')).toThrow(TypeError);
  });

  test("bytes cast to numbers through their text, as NumPy's float() of each item", () => {
    expect(() => zeros(2, 'S3').astype('<f8')).toThrow("could not convert string to float: np.bytes_(b'')");
    const b = zeros(2, 'S3');
    b.set([Buffer.from('2.5'), Buffer.from('-7')]);
    expect(b.astype('<f8').toArray()).toEqual([2.5, -7]);
    expect(() => zeros(2, 'V3').astype('<f8')).toThrow(TypeError);
  });
});

// --------------------------------------------------------- NumPy cross-checks

const TYPES = ['|b1', '|i1', '|u1', '<i2', '>u2', '<i4', '<u4', '>i8', '<u8', '<f2', '<f4', '>f8', '<c8', '<c16'];

interface CastCase {
  src: string;
  dst: string;
  hex: string;
  /** NumPy's tolist() of the cast, encoded. */
  values: unknown[];
  /** Per element: is the result defined (not a float -> int out of range, NaN or inf)? */
  defined: boolean[];
}

const RANDOM_CASTS = String.raw`
import random, warnings
warnings.simplefilter('ignore')
${PY_ENC}
rng = random.Random(99)
types = ${JSON.stringify(TYPES)}
def values(dt, n):
    dt = np.dtype(dt)
    if dt.kind in 'fc':
        specials = [np.nan, np.inf, -np.inf, 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 127.9, 128.0, 255.5, 256.0, -129.0,
                    32767.9, 32768.0, 65535.5, 2.0**31, -2.0**31 - 1, 2.0**32, 2.0**53 + 1, 2.0**63, -2.0**63, 2.0**64,
                    1e-40, 1e-8, 65504.0, 65520.0, 3.5e38, 1e300, -1e300]
        xs = specials + [rng.choice([1, -1]) * 10 ** rng.uniform(-10, 20) for _ in range(n)] + [rng.randint(-300, 300) + rng.random() for _ in range(n)]
        a = np.array(xs, dtype='f8')
        if dt.kind == 'c':
            b = np.array(xs[::-1], dtype='f8')
            a = a + 1j * b
        return a.astype(dt)
    if dt.kind == 'b': return np.array([rng.random() < 0.5 for _ in range(n)], dtype=dt)
    info = np.iinfo(dt)
    xs = [info.min, info.max, 0, 1, -1 if info.min < 0 else 2] + [rng.randint(int(info.min), int(info.max)) for _ in range(n)]
    return np.array(xs, dtype=object).astype(dt)
out = []
for s in types:
    a = values(s, 40)
    for d in types:
        dd = np.dtype(d)
        r = a.astype(d)
        if dd.kind in 'iu' and a.dtype.kind in 'fc':
            info = np.iinfo(dd)
            re = a.real if a.dtype.kind == 'c' else a
            t = np.trunc(re.astype('f8'))
            defined = [bool(np.isfinite(x) and info.min <= int(x) <= info.max) for x in t]
        else:
            defined = [True] * len(a)
        out.append(dict(src=s, dst=d, hex=a.tobytes().hex(), values=enc(r.tolist()), defined=defined))
print(json.dumps(out))
`;

interface CopyCase {
  expr: string;
  order: Order;
  strides: number[];
  values: unknown;
}

describeWithNumpy('data against NumPy', () => {
  test(`astype between ${TYPES.length} dtypes (${TYPES.length ** 2} pairs, specials and random values) where NumPy is defined`, () => {
    const cases = runNumpy<CastCase[]>(RANDOM_CASTS);
    expect(cases).toHaveLength(TYPES.length ** 2);
    let compared = 0;
    for (const k of cases) {
      const a = fromBuffer(fromHex(k.hex), k.src);
      const got = enc(a.astype(k.dst).toArray()) as unknown[];
      const keep = (v: unknown[]): unknown[] => v.map((x, i) => (k.defined[i] ? x : 'undefined in C'));
      expect({ cast: `${k.src} -> ${k.dst}`, values: keep(got) }).toEqual({ cast: `${k.src} -> ${k.dst}`, values: keep(k.values) });
      compared += k.defined.filter(Boolean).length;
    }
    expect(compared).toBeGreaterThan(10000);
  });

  test("byteswap of records matches NumPy's bytes: every field, subarray items one by one, bytes and padding untouched", () => {
    const spec = { names: ['a', 'b', 'c', 's'], formats: ['<u2', '>f8', '<i4', 'S3'], offsets: [0, 4, 12, 24], itemsize: 32 } as const;
    const subSpec: DTypeLike = [['p', '<i2', [3]], ['q', '<c8']];
    const want = runNumpy<{ swapped: string; sub: string }>(String.raw`
dt = np.dtype(${JSON.stringify(spec)})
a = np.frombuffer(bytearray(range(64)), dt)
a.byteswap(inplace=True)
sub = np.frombuffer(bytearray(range(64, 64 + 28)), [('p', '<i2', (3,)), ('q', '<c8')])
sub.byteswap(inplace=True)
print(json.dumps(dict(swapped=a.tobytes().hex(), sub=sub.tobytes().hex())))
`);
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    fromBuffer(bytes, spec).byteswap(true);
    expect(hex(bytes)).toBe(want.swapped);
    const sub = Uint8Array.from({ length: 28 }, (_, i) => 64 + i);
    fromBuffer(sub, subSpec).byteswap(true);
    expect(hex(sub)).toBe(want.sub);
    // The copy form gives the same field values.
    const fresh = Uint8Array.from({ length: 64 }, (_, i) => i);
    const copied = fromBuffer(fresh, spec).byteswap();
    expect(copied.toArray()).toEqual(fromBuffer(bytes, spec).toArray());
    expect(hex(fresh)).toBe(hex(Uint8Array.from({ length: 64 }, (_, i) => i)));
  });

  test('copy strides for every order over transposed, sliced and reversed layouts', () => {
    const exprs: [string, (a: NdArray) => NdArray][] = [
      ['a', (a) => a],
      ['a.T', (a) => a.T],
      ['a.transpose(1, 2, 0)', (a) => a.transpose([1, 2, 0])],
      ['a[:, ::-1, ::2]', (a) => a.index(':, ::-1, ::2')],
      ['a.transpose(2, 0, 1)[::-1]', (a) => a.transpose([2, 0, 1]).index('::-1')],
      ['a[:, :1, :]', (a) => a.index(':, :1, :')],
      ['a[1]', (a) => a.index('1')],
      ['a.swapaxes(0, 1)[:, :, 1:3]', (a) => a.swapaxes(0, 1).index(':, :, 1:3')],
      ['a[..., None, 0]', (a) => a.index('..., None, 0')],
    ];
    const orders: Order[] = ['C', 'F', 'A', 'K'];
    const want = runNumpy<CopyCase[]>(String.raw`
a = np.arange(24, dtype='<i2').reshape(2, 3, 4)
out = []
for e in ${JSON.stringify(exprs.map(([e]) => e))}:
    v = eval(e)
    for o in 'CFAK':
        c = v.copy(order=o)
        out.append(dict(expr=e, order=o, strides=list(c.strides), values=c.tolist()))
print(json.dumps(out))
`);
    const got: CopyCase[] = [];
    for (const [e, f] of exprs) {
      for (const o of orders) {
        const c = f(arange(24, '<i2').reshape([2, 3, 4])).copy(o);
        got.push({ expr: e, order: o, strides: [...c.strides], values: c.toArray() });
      }
    }
    expect(got).toEqual(want);
  });

  test('ndarray() over a buffer then astype() of each field gives NumPy values', () => {
    const want = runNumpy<unknown>(String.raw`
${PY_ENC}
dt = np.dtype([('id', '<u4'), ('ts', '>u4'), ('value', '<f8')])
a = np.ndarray((5,), dt, bytearray(range(80)), 0, (16,))
print(json.dumps([enc(a['id'].astype('<f8').tolist()), enc(a['ts'].astype('<i2').tolist()), enc(a['value'].astype('<f4').tolist())]))
`);
    const a = ndarray([5], [['id', '<u4'], ['ts', '>u4'], ['value', '<f8']], Uint8Array.from({ length: 80 }, (_, i) => i));
    expect(enc([a.field('id').astype('<f8').toArray(), a.field('ts').astype('<i2').toArray(), a.field('value').astype('<f4').toArray()])).toEqual(want);
  });
});
