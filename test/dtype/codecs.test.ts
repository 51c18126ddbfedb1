// Codecs against NumPy: bytes NumPy produced decode to its tolist(), values
// written here give NumPy's bytes, in both byte orders, records included.
import { dtype, type DTypeLike } from '../../lib/dtype';
import { OverflowError, ValueError } from '../../lib/errors';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

// Python side: decode JSON-safe values, encode tolist() results the same way.
const PY = String.raw`
import warnings
warnings.simplefilter('ignore')
def conv(s):
    if isinstance(s, str): return s
    if isinstance(s, list): return [tuple(e[:1] + [conv(x) for x in e[1:2]] + [tuple(x) for x in e[2:]]) for e in s]
    if 'base' in s: return (conv(s['base']), tuple(s['shape']))
    return {**s, 'formats': [conv(f) for f in s['formats']]}
def enc(v):
    if isinstance(v, np.ndarray): return enc(v.tolist())
    if isinstance(v, np.generic): return enc(v.item())
    if isinstance(v, bool): return v
    if isinstance(v, int): return str(v) if abs(v) > 2**53 - 1 else v
    if isinstance(v, float):
        if v != v: return 'nan'
        if v in (float('inf'), float('-inf')): return 'inf' if v > 0 else '-inf'
        if v == 0 and str(v).startswith('-'): return '-0'
        return v
    if isinstance(v, complex): return {'re': enc(v.real), 'im': enc(v.imag)}
    if isinstance(v, bytes): return {'hex': v.hex()}
    if isinstance(v, (list, tuple)): return [enc(x) for x in v]
    if isinstance(v, dict): return {k: enc(x) for k, x in v.items()}
    raise TypeError(type(v))
def dec(v, d):
    if isinstance(v, dict) and 'hex' in v: return bytes.fromhex(v['hex'])
    if isinstance(v, dict) and 're' in v: return complex(dec(v['re'], d), dec(v['im'], d))
    if isinstance(v, str) and v in ('nan', 'inf', '-inf', '-0'): return float(v)
    if isinstance(v, str): return int(v)
    if isinstance(v, dict): return {k: dec(x, d) for k, x in v.items()}
    if isinstance(v, list): return [dec(x, d) for x in v]
    return v
def record(v, d):
    # tolist() gives tuples for records; build them from our objects for assignment.
    if d.names is not None and isinstance(v, dict): return tuple(record(v[n], d.fields[n][0]) for n in d.names)
    if d.subdtype is not None and isinstance(v, list): return [record(x, d.subdtype[0]) for x in v]
    return v
def tolist_enc(a):
    d = a.dtype
    def walk(v, d):
        if d.names is not None: return {n: walk(v[i], d.fields[n][0]) for i, n in enumerate(d.names)}
        if d.subdtype is not None: return [walk(x, d.subdtype[0]) for x in v]
        return enc(v)
    return [walk(v, d) for v in a.tolist()]
`;

/** JS value -> JSON-safe value (the Python side decodes it). */
function enc(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (v !== v) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return Object.is(v, -0) ? '-0' : v;
  }
  if (v instanceof Uint8Array) return { hex: Buffer.from(v).toString('hex') };
  if (Array.isArray(v)) return v.map(enc);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
  return v;
}

/** NumPy's encoded value -> what the codec reads, given the (leaf) dtype. */
function dec(v: unknown, spec: DTypeLike): unknown {
  const d = dtype(spec);
  if (d.names) {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(d.names.map((n) => [n, dec(o[n], d.fields![n].dtype)]));
  }
  if (d.subdtype) return (v as unknown[]).map((x) => (d.shape.length > 1 ? dec(x, { base: d.base, shape: d.shape.slice(1) }) : dec(x, d.base)));
  if (d.kind === 'S' || d.kind === 'V') return new Uint8Array(Buffer.from((v as { hex: string }).hex, 'hex'));
  if (d.kind === 'c') {
    const c = v as { re: unknown; im: unknown };
    return { re: dec(c.re, 'f8'), im: dec(c.im, 'f8') };
  }
  if (d.kind === 'i' || d.kind === 'u') return d.itemsize === 8 ? BigInt(v as string | number) : v;
  if (d.kind === 'f') return typeof v === 'string' ? (v === '-0' ? -0 : Number(v.replace('inf', 'Infinity'))) : v;
  return v;
}

const NUMERIC = ['|b1', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8',
  '<f2', '>f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c8', '<c16', '>c16', '|S5', '|V3'];
const RECORD: DTypeLike = {
  names: ['a', 'b', 'c', 'd'],
  formats: ['>i2', { base: '<f4', shape: [2] }, [['x', 'u1'], ['y', '>c8']], 'S3'],
  offsets: [0, 4, 13, 24],
  itemsize: 32,
};
const SPECS: DTypeLike[] = [...NUMERIC, RECORD, { base: '>i2', shape: [2, 3] }, [['p', '<u8'], ['q', '?', [3]]]];

/** `{ re, im }` as the `[re, im]` list the Python side turns into a complex. */
const asPair = (v: unknown): unknown => {
  const c = v as { re?: number; im?: number } | null;
  return c !== null && typeof c === 'object' && 're' in c ? [c.re, c.im] : v;
};
const buf = (n: number, fill = 0): DataView => new DataView(new Uint8Array(n).fill(fill).buffer);
const hex = (dv: DataView): string => Buffer.from(dv.buffer, dv.byteOffset, dv.byteLength).toString('hex');

describeWithNumpy('codecs vs NumPy', () => {
  const N = 64;
  const random = Buffer.alloc(N * 32);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 104729) & 0xff;
  // Sprinkle zero runs so S values have trailing NULs to drop.
  for (let i = 0; i < random.length; i += 11) random[i] = 0;
  const results = runNumpy<{ values: unknown[]; written: string }[]>(`${PY}
data = bytes.fromhex(sys.stdin.readline().strip())
out = []
for spec in json.loads(sys.stdin.readline()):
    d = np.dtype(conv(spec))
    a = np.frombuffer(data[:d.itemsize * ${N}], d)
    vals = tolist_enc(a)
    # Write the same values back through NumPy to get canonical bytes.
    b = np.zeros(${N}, d)
    b[...] = a
    out.append({'values': vals, 'written': b.tobytes().hex()})
print(json.dumps(out))`, `${random.toString('hex')}\n${JSON.stringify(SPECS)}\n`);

  test.each(SPECS.map((s, i) => [JSON.stringify(s), i] as const))('%s: random bytes decode to tolist()', (_, i) => {
    const d = dtype(SPECS[i]);
    const dv = new DataView(random.buffer, random.byteOffset, random.byteLength);
    const got = Array.from({ length: N }, (_, k) => d.codec.read(dv, k * d.itemsize));
    const want = results[i].values.map((v) => dec(v, SPECS[i]));
    expect(got).toEqual(want);
    // Writing what we read reproduces NumPy's bytes, except where the value is
    // not the bytes: float NaN payloads, and bool (written as 0/1).
    const out = buf(N * d.itemsize);
    got.forEach((v, k) => d.codec.write(out, k * d.itemsize, v));
    const back = Array.from({ length: N }, (_, k) => d.codec.read(out, k * d.itemsize));
    expect(back).toEqual(got);
    if (!/[fcb]/.test(d.str) && !d.names && !d.subdtype) expect(hex(out)).toBe(results[i].written);
  });

  const EDGE: Record<string, unknown[]> = {
    i1: [-128, 127, 0, -1, 3.9, -3.9, true, false, 5n],
    u1: [0, 255, 254.99, true],
    i2: [-32768, 32767, 32767.9, -0],
    u2: [0, 65535],
    i4: [-(2 ** 31), 2 ** 31 - 1, -2147483648.5],
    u4: [0, 2 ** 32 - 1, 4294967295n],
    i8: [-(2n ** 63n), 2n ** 63n - 1n, 0n, -1, 2 ** 53 - 1, true],
    u8: [0n, 2n ** 64n - 1n, 2 ** 53 - 1, 12.7],
    f2: [NaN, 0, -0, Infinity, -Infinity, 65504, 65519, 65520, 2 ** -24, 2 ** -25, 3 * 2 ** -25, 2 ** -14, 1 / 3, true, 7n],
    f4: [NaN, -0, Infinity, -Infinity, 1e-45, 1.17549421e-38, 3.4028235e38, 3.5e38, 1 / 3],
    // A complex value into a float item is NumPy 2.4's TypeError (tested in "(parity pass 6)").
    f8: [NaN, -0, Infinity, -Infinity, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 0.1],
    c8: [{ re: 1, im: -2 }, [NaN, -0], 3, true, { re: Infinity, im: 1e-45 }],
    c16: [{ re: 5e-324, im: -Infinity }, [0.1, 0.2], 7n],
    b1: [true, false, 0, 2, -0, NaN, 0n, 3n, { re: 0, im: 1 }, [0, 0]],
  };
  const edgeCases = Object.entries(EDGE).flatMap(([k, vs]) =>
    (['<', '>'] as const).filter((o) => o === '<' || !['i1', 'u1', 'b1'].includes(k)).map((o) => [`${k === 'b1' || k.endsWith('1') ? '|' : o}${k}`, vs] as const),
  );
  const edgeBytes = runNumpy<string[]>(`${PY}
import numpy as np
out = []
for spec, vals in json.loads(sys.stdin.read()):
    d = np.dtype(spec)
    py = [dec(v, d) for v in vals]
    py = [complex(*v) if isinstance(v, list) else v for v in py]
    if d.kind in 'iuf': py = [v.real if isinstance(v, complex) else v for v in py]
    if d.kind in 'iu': py = [int(v) for v in py]
    out.append(np.array(py, d).tobytes().hex())
print(json.dumps(out))`, JSON.stringify(edgeCases.map(([s, vs]) => [s, vs.map((v) => enc(asPair(v)))])));

  test.each(edgeCases.map(([s, vs], i) => [s, vs, i] as const))('%s: edge values give NumPy bytes', (spec, vs, i) => {
    const d = dtype(spec);
    const out = buf(vs.length * d.itemsize);
    vs.forEach((v, k) => d.codec.write(out, k * d.itemsize, v));
    expect(hex(out)).toBe(edgeBytes[i]);
  });

  test('record writes touch only field bytes, like NumPy', () => {
    const d = dtype(RECORD);
    const value = { a: -2, b: [1.5, -0], c: { x: 255, y: { re: 1, im: 2 } }, d: 'xyzw' };
    const dv = buf(d.itemsize, 0xaa);
    d.codec.write(dv, 0, value);
    const want = runNumpy<string>(`${PY}
d = np.dtype(conv(json.loads(sys.stdin.read())))
a = np.frombuffer(bytearray(b'\\xaa' * d.itemsize), d)
a[0] = ((-2, [1.5, -0.0], (255, 1+2j), b'xyzw'))
print(json.dumps(a.tobytes().hex()))`, JSON.stringify(RECORD));
    expect(hex(dv)).toBe(want);
    expect(d.codec.read(dv, 0)).toEqual({ ...value, b: [1.5, -0], d: new Uint8Array([0x78, 0x79, 0x7a]) });
  });
});

describe('integer conversion', () => {
  const i2 = dtype('<i2').codec;
  const dv = buf(8);
  test('overflow uses NumPy wording and class', () => {
    expect(() => i2.write(dv, 0, 40000)).toThrow(new OverflowError('Python integer 40000 out of bounds for int16'));
    expect(() => i2.write(dv, 0, -32769n)).toThrow('integer -32769 out of bounds for int16');
    expect(() => i2.write(dv, 0, 40000.5)).toThrow('integer 40000 out of bounds for int16');
    expect(() => dtype('u8').codec.write(dv, 0, -1)).toThrow('Python integer -1 out of bounds for uint64');
    expect(() => dtype('u8').codec.write(dv, 0, 2n ** 64n)).toThrow(OverflowError);
    expect(() => dtype('i8').codec.write(dv, 0, 2n ** 63n)).toThrow('Python int too large to convert to C long');
  });
  test('NaN and infinity cannot become integers', () => {
    expect(() => i2.write(dv, 0, NaN)).toThrow(new ValueError('cannot convert float NaN to integer'));
    expect(() => i2.write(dv, 0, Infinity)).toThrow(new OverflowError('cannot convert float infinity to integer'));
    expect(() => dtype('i8').codec.write(dv, 0, -Infinity)).toThrow(OverflowError);
  });
  test('truncation toward zero', () => {
    i2.write(dv, 0, -3.99);
    expect(i2.read(dv, 0)).toBe(-3);
    i2.write(dv, 0, 3.99);
    expect(i2.read(dv, 0)).toBe(3);
  });
  test('64-bit ints take BigInt or safe integers, and read as BigInt', () => {
    const i8 = dtype('>i8').codec;
    i8.write(dv, 0, 2 ** 53 - 1);
    expect(i8.read(dv, 0)).toBe(2n ** 53n - 1n);
    expect(() => i8.write(dv, 0, 2 ** 60)).toThrow(/BigInt/);
    expect(() => i8.write(dv, 0, 2 ** 60)).toThrow(TypeError);
  });
  test('strings and objects are refused with the value and dtype named', () => {
    expect(() => i2.write(dv, 0, '12')).toThrow("cannot store string '12' in a int16 (<i2) item");
    expect(() => dtype('f8').codec.write(dv, 0, null)).toThrow(TypeError);
    expect(() => dtype('?').codec.write(dv, 0, 'x')).toThrow(TypeError);
    expect(() => dtype('c8').codec.write(dv, 0, [1, 2, 3])).toThrow(TypeError);
  });
  test('bool reads any non-zero byte as true', () => {
    const b = new DataView(new Uint8Array([0, 1, 2, 255]).buffer);
    expect([0, 1, 2, 3].map((o) => dtype('?').codec.read(b, o))).toEqual([false, true, true, true]);
  });
});

describe('bytes', () => {
  const s4 = dtype('S4').codec;
  test('S cuts long values, pads short ones with NULs and drops trailing NULs on read', () => {
    const dv = buf(4, 0xff);
    s4.write(dv, 0, 'abcdef');
    expect(hex(dv)).toBe('61626364');
    s4.write(dv, 0, 'a\0b');
    expect(hex(dv)).toBe('61006200');
    expect(s4.read(dv, 0)).toEqual(new Uint8Array([0x61, 0, 0x62]));
    s4.write(dv, 0, new Uint8Array([0, 0, 0, 0]));
    expect(s4.read(dv, 0)).toEqual(new Uint8Array(0));
  });
  test('numbers and booleans become their Python text, as NumPy does', () => {
    const d = dtype('S8').codec;
    const dv = buf(8);
    const text = (v: unknown) => (d.write(dv, 0, v), Buffer.from(d.read(dv, 0) as Uint8Array).toString('latin1'));
    expect([12, 1.5, -0, 1e20, 1e-5, NaN, true, 123n, 0.0001].map(text)).toEqual(
      ['12', '1.5', '-0.0', '1e+20', '1e-05', 'nan', 'True', '123', '0.0001'],
    );
  });
  test('non-ASCII text is refused, naming the character', () => {
    const dv = buf(4, 0x11);
    expect(() => s4.write(dv, 0, 'aé')).toThrow(/'é'.*position 1/);
    expect(hex(dv)).toBe('11111111');
  });
  test('V takes only bytes, and keeps every byte on read', () => {
    const v3 = dtype('V3').codec;
    const dv = buf(3);
    v3.write(dv, 0, new Uint8Array([1, 0]));
    expect(v3.read(dv, 0)).toEqual(new Uint8Array([1, 0, 0]));
    expect(() => v3.write(dv, 0, 'ab')).toThrow(TypeError);
  });
});

describe('records and subarrays', () => {
  const rec = dtype({ names: ['a', 'b'], formats: ['<i2', '<f4'], offsets: [0, 4], itemsize: 12 });
  test('a bad field throws before any byte is written', () => {
    const dv = buf(12, 0xaa);
    expect(() => rec.codec.write(dv, 0, { a: 1, b: 'x' })).toThrow(TypeError);
    expect(() => rec.codec.write(dv, 0, [1, 2, 3])).toThrow('could not assign tuple of length 3 to structure with 2 fields.');
    expect(() => rec.codec.write(dv, 0, { a: 1 })).toThrow(/missing field 'b'/);
    expect(() => rec.codec.write(dv, 0, { a: 1, b: 2, c: 3 })).toThrow(/no field of name 'c'/);
    expect(() => rec.codec.write(dv, 0, [40000, 1])).toThrow(OverflowError);
    expect(hex(dv)).toBe('aa'.repeat(12));
  });
  test('tuples, objects and broadcast scalars; padding untouched', () => {
    const dv = buf(12, 0xaa);
    rec.codec.write(dv, 0, [7, 0.5]);
    expect(rec.codec.read(dv, 0)).toEqual({ a: 7, b: 0.5 });
    expect(hex(dv)).toBe('0700aaaa0000003faaaaaaaa');
    rec.codec.write(dv, 0, 3);
    expect(rec.codec.read(dv, 0)).toEqual({ a: 3, b: 3 });
  });
  test('subarray fields take nested arrays, broadcast partial shapes and scalars', () => {
    const d = dtype([['m', '<i2', [2, 3]]]);
    const dv = buf(12);
    d.codec.write(dv, 0, { m: [[1, 2, 3], [4, 5, 6]] });
    expect(d.codec.read(dv, 0)).toEqual({ m: [[1, 2, 3], [4, 5, 6]] });
    d.codec.write(dv, 0, { m: [7, 8, 9] });
    expect(d.codec.read(dv, 0)).toEqual({ m: [[7, 8, 9], [7, 8, 9]] });
    d.codec.write(dv, 0, { m: [[1], [2]] });
    expect(d.codec.read(dv, 0)).toEqual({ m: [[1, 1, 1], [2, 2, 2]] });
    d.codec.write(dv, 0, { m: 5 });
    expect(d.codec.read(dv, 0)).toEqual({ m: [[5, 5, 5], [5, 5, 5]] });
    expect(() => d.codec.write(dv, 0, { m: [1, 2] })).toThrow('could not broadcast input array from shape (2,) into shape (2,3)');
    expect(() => d.codec.write(dv, 0, { m: [[1, 2, 3], [4, 5]] })).toThrow(ValueError);
  });
  test('complex subarrays: a [re, im] pair is one value when it cannot be an axis', () => {
    const d = dtype({ base: '<c8', shape: [3] });
    const dv = buf(24);
    d.codec.write(dv, 0, [1, 2]);
    expect(d.codec.read(dv, 0)).toEqual([{ re: 1, im: 2 }, { re: 1, im: 2 }, { re: 1, im: 2 }]);
    const d2 = dtype({ base: '<c8', shape: [2] });
    d2.codec.write(dv, 0, [1, 2]);
    expect(d2.codec.read(dv, 0)).toEqual([{ re: 1, im: 0 }, { re: 2, im: 0 }]);
  });
  test('nested records read and write through every level', () => {
    const d = dtype([['id', '<u4'], ['pos', [['x', '<f4'], ['y', '>f8']], [2]]], { align: true });
    const dv = buf(d.itemsize);
    const v = { id: 9, pos: [{ x: 1, y: 2 }, { x: 3, y: 4 }] };
    d.codec.write(dv, 0, v);
    expect(d.codec.read(dv, 0)).toEqual(v);
    d.codec.write(dv, 0, { id: 1, pos: [[5, 6], { x: 7, y: 8 }] });
    expect(d.codec.read(dv, 0)).toEqual({ id: 1, pos: [{ x: 5, y: 6 }, { x: 7, y: 8 }] });
  });
  test('a field named __proto__ is an own property', () => {
    const d = dtype([['__proto__', 'u1']]);
    const r = d.codec.read(buf(1, 4), 0) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });
  test('convert once, store many (fill)', () => {
    const c = dtype('>u2').codec;
    const dv = buf(6);
    const v = c.convert(258);
    for (let o = 0; o < 6; o += 2) c.store(dv, o, v);
    expect(hex(dv)).toBe('010201020102');
  });
});

describeWithNumpy("a complex value stored into a real item (parity pass 6)", () => {
  test("float items refuse it as NumPy's TypeError (float() of a complex, a zero imaginary part too); bool takes its truth", () => {
    const want = runNumpy<Record<string, [string, unknown]>>(`
import numpy as np, json
r = {}
for dt in ['<f8', '>f4', '<f2', '|b1']:
    for v in [1 + 2j, 0j]:
        a = np.zeros(2, dt)
        try:
            a[0] = v
            r[dt + str(v)] = ['ok', bool(a[0]) if dt == '|b1' else float(a[0])]
        except TypeError as e:
            r[dt + str(v)] = ['TypeError', str(e)]
print(json.dumps(r))
`);
    for (const dt of ['<f8', '>f4', '<f2', '|b1']) {
      for (const [v, key] of [[{ re: 1, im: 2 }, '(1+2j)'], [{ re: 0, im: 0 }, '0j']] as const) {
        const codec = dtype(dt).codec;
        const dv = new DataView(new ArrayBuffer(8));
        let got: [string, unknown];
        try {
          codec.write(dv, 0, v);
          got = ['ok', codec.read(dv, 0)];
        } catch (e) {
          got = [(e as Error).name, (e as Error).message];
        }
        expect([dt, key, got]).toEqual([dt, key, want[dt + key]]);
      }
    }
  });
});
