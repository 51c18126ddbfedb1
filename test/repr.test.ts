// NumPy's repr of arrays (lib/repr.ts), compared with repr() itself: padding,
// float formats, row wrapping, summaries, dtype= and shape= extras.
import { inspect } from 'util';
import { fromBuffer } from '../lib/create';
import { fromDescr } from '../lib/dtype';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import { memmap } from '../lib/memmap';
import { broadcastTo, zeros } from '../lib/create';
import { arrayRepr, arrayStr } from '../lib/repr';

/** NumPy expressions; each array is rebuilt here from its bytes, dtype and shape. */
const EXPRS = [
  "np.arange(12, dtype='<i2').reshape(3, 4)",
  "np.arange(30, dtype='<i8') - 7",
  "np.arange(100, dtype='<u4') * 12345",
  "np.arange(24, dtype='<i8').reshape(2, 3, 4)",
  "np.arange(48, dtype='<i1').reshape(2, 2, 3, 4)",
  "np.arange(2000, dtype='<i2')",
  "np.arange(3000, dtype='<f8').reshape(30, 100)",
  "np.array([1.0, 2.5, -3.25, 100.0])",
  "np.array([0.1, 0.2 + 0.1, 1 / 3, 2 / 3], dtype='<f8')",
  "np.array([1e-5, 1.0, 123.5])",
  "np.array([1e10, -2.5e-3, 7.0])",
  "np.array([np.nan, np.inf, -np.inf, 1.5])",
  "np.array([np.nan, np.inf])",
  "np.array([0.0, -0.0, 1.0])",
  "np.linspace(0, 1, 25)",
  "np.array([0.1, 0.25, 3.3], dtype='<f4')",
  "np.array([0.1, 1e-6, 65504], dtype='<f2')",
  "np.array([1 + 2j, 3.5 - 1j, -0.5j])",
  "np.array([1 + 2j, np.nan + np.inf * 1j], dtype='<c8')",
  "np.array([True, False, True])",
  "np.array([True, True])",
  "np.array(True)",
  "np.array(3.5)",
  "np.array(7, dtype='>i4')",
  "np.array([1, 2, 3], dtype='>f8')",
  "np.array([b'abc', b'a', b\"it's\"], dtype='S4')",
  "np.zeros(2, dtype='V3')",
  "np.zeros((0, 3), dtype='<f4')",
  "np.zeros((0,), dtype='<i8')",
  "np.array([(1, 2.5), (-30, 4.0)], dtype=[('a', '<i4'), ('b', '<f8')])",
  "np.array([(1, [1.5, 2.0]), (2, [3.0, -4.25])], dtype=[('id', '<u2'), ('v', '<f4', (2,))])",
  "np.array([((1, 2),), ((3, 4),)], dtype=[('p', [('x', '<i2'), ('y', '<i2')])])",
  "np.arange(40, dtype='<f8').reshape(2, 20) * 1.5",
  "np.arange(10, dtype='<i8').reshape(10, 1)",
  // Subarray fields past the threshold are summarized (SubArrayFormat), widths from every item.
  "np.array([(np.arange(3000).reshape(3, 1000),)], dtype=[('a', '<i4', (3, 1000))])",
  "np.array([(np.arange(1001) * 1.5, 7)], dtype=[('a', '<f8', (1001,)), ('b', 'u1')])",
  "np.zeros(2, dtype=[('a', 'u1', (1000, 1000))])",
  "np.array(1 + 2j)",
  "np.array(0.1, dtype='<f4')",
  "np.array(b'ab')",
  "np.frombuffer(b'\\x00\\x01\\xff', 'V3').reshape(())",
  "np.frombuffer(b'\\x00\\x01\\xff\\x41\\x27\\x5c', 'V3')",
  "np.array((1, 2.5), dtype=[('a', '<i4'), ('b', '<f8')])",
  "np.array(-0.0)",
  "np.arange(60, dtype='<f8').reshape(3, 4, 5) / 7",
];

interface Case {
  descr: unknown;
  shape: number[];
  hex: string;
  repr: string;
  str: string;
}

const tmp = useTempDir('mmarray-repr-');

describeWithNumpy('repr against NumPy', () => {
  const cases = runNumpy<Case[]>(`
from numpy.lib.format import dtype_to_descr
out = []
for a in [${EXPRS.join(', ')}]:
    out.append(dict(descr=dtype_to_descr(a.dtype), shape=list(a.shape), hex=np.ascontiguousarray(a).tobytes().hex(), repr=repr(a), str=str(a)))
print(json.dumps(out))
`);

  test.each(EXPRS.map((e, i) => [e, i] as const))('%s', (_expr, i) => {
    const c = cases[i];
    const a = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), fromDescr(c.descr)).reshape(c.shape);
    expect(String(a)).toBe(c.repr);
    expect(arrayRepr(a)).toBe(c.repr);
    // NumPy's str(a) (np.array_str): the same items, space-separated, no array( or dtype=.
    expect(arrayStr(a)).toBe(c.str);
  });
});

test('util.inspect shows the layout line, then the NumPy repr', () => {
  const a = zeros(3, '<i2');
  expect(inspect(a)).toBe('NdArray<<i2> shape [3] strides [2] offset 0 CF\narray([0, 0, 0], dtype=int16)');
  expect(String(zeros(2, 'S3'))).toBe("array([b'', b''], dtype='|S3')");
});

test('a closed Memmap prints as a Memmap', () => {
  const m = memmap(tmp.file(new Uint8Array(4)), { mode: 'r' });
  m.close();
  expect(inspect(m)).toBe('Memmap<|u1> (closed mapping)');
  expect(String(m)).toBe("memmap(<closed mapping>, dtype=uint8)");
});

describeWithNumpy('repr of random arrays against NumPy', () => {
  test('400 random float16/32/64, complex and int arrays (magnitudes 1e-7 to 1e10, nan, -inf, ties)', () => {
    const cases = runNumpy<Case[]>(String.raw`
import random
from numpy.lib.format import dtype_to_descr
rng = random.Random(5)
out = []
for t in range(400):
    dt = rng.choice(['<f8', '<f4', '<f2', '<c16', '<c8', '<i2', '<u8', '>f8'])
    n = rng.choice([1, 2, 5, 12, 30])
    scale = 10 ** rng.uniform(-7, 10)
    kind = rng.random()
    if kind < 0.3: xs = [round(rng.uniform(-100, 100), rng.randint(0, 4)) for _ in range(n)]
    elif kind < 0.5: xs = [rng.randint(-1000, 1000) for _ in range(n)]
    else: xs = [rng.uniform(-1, 1) * scale for _ in range(n)]
    if rng.random() < 0.1: xs[0] = float('nan')
    if rng.random() < 0.1: xs[-1] = float('-inf')
    with np.errstate(all='ignore'):
        if dt[1] in 'iu':
            a = np.array([0 if x != x or abs(x) == float('inf') else int(x) % 30000 for x in xs]).astype(dt)
        else:
            a = np.array(xs).astype(dt)
            if dt[1] == 'c': a = a + 1j * np.array(xs[::-1]).astype(dt)
    if rng.random() < 0.3 and n % 2 == 0: a = a.reshape(2, -1)
    out.append(dict(descr=dtype_to_descr(a.dtype), shape=list(a.shape), hex=a.tobytes().hex(), repr=repr(a), str=str(a)))
print(json.dumps(out))
`);
    expect(cases).toHaveLength(400);
    const bad: string[] = [];
    for (const c of cases) {
      const a = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), fromDescr(c.descr)).reshape(c.shape);
      const got = String(a);
      if (got !== c.repr) bad.push(`NumPy:\n${c.repr}\nmmarray:\n${got}`);
      if (arrayStr(a) !== c.str) bad.push(`NumPy str:\n${c.str}\nmmarray:\n${arrayStr(a)}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('bounded output', () => {
  // Math.max(...widths) overflowed the stack past ~10^5 items: String() threw a RangeError.
  test('a record with a 10^6-item float subarray prints, summarized', () => {
    const a = zeros(2, [['a', '<f8', [1000, 1000]]]);
    const r = String(a);
    expect(r.length).toBeLessThan(1000);
    expect(r).toContain('[[0., 0., 0., ..., 0., 0., 0.], [0., 0., 0., ..., 0., 0., 0.]');
  });

  // NumPy summarizes only axes longer than 2 * edgeitems, so it would print
  // every one of 2^40 elements here (and hang); the repr keeps 1, then 0 per side.
  test('a broadcast view of shape [2] * 40 prints as [...] with its shape', () => {
    const shape = new Array<number>(40).fill(2);
    expect(String(broadcastTo(zeros(1), shape))).toBe(`array([...],\n      shape=(${shape.join(', ')}))`);
  });

  test('a view of shape [7] * 7 (NumPy would show 6^7 elements) keeps one item per side of each axis', () => {
    const r = String(broadcastTo(zeros(1, '<i2'), new Array<number>(7).fill(7)));
    expect(r.match(/0/g)?.length).toBe(2 ** 7);
    expect(r).toContain('[[[[[[[0, ..., 0],');
    expect(r.endsWith('shape=(7, 7, 7, 7, 7, 7, 7), dtype=int16)')).toBe(true);
  });

  test('up to 6^6 shown elements the summary is NumPy\'s (3 per side)', () => {
    const r = String(broadcastTo(zeros(1, '<i2'), new Array<number>(6).fill(7)));
    expect(r.match(/0/g)?.length).toBe(6 ** 6);
  });
});
