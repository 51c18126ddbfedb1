// tofile / fromfile (lib/raw-file.ts) against NumPy at run time: the files
// ours write equal, byte for byte, the files NumPy's ndarray.tofile writes
// for the same arrays (binary, any layout; text with several separators and
// float edge values); fromfile reads NumPy's files as np.fromfile does
// (dtype, count, offset, subarray dtypes, text); errors; and the atomic
// replace that keeps a live mapping of the file whole.
import * as fs from 'fs';
import { asarray, fromfile, memmap, tofile, zeros, ValueError } from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-rawfile-');
afterAll(() => tmp.remove());

function data(shape: number[], seed: number, dtype: string, scale = 100): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => (r() - 0.5) * scale), dtype, shape);
}

/** The hex of the file NumPy's `a.tofile(path, sep=sep)` writes, for each [py expression, sep]. */
function numpyFiles(items: [string, string][]): string[] {
  const p = tmp.path('np.bin');
  return runNumpy<string[]>(`
out = []
for src, sep in json.load(sys.stdin):
    eval(src).tofile(${JSON.stringify(p)}, sep=sep)
    with open(${JSON.stringify(p)}, 'rb') as f: out.append(f.read().hex())
print(json.dumps(out))
`, JSON.stringify(items));
}

describeWithNumpy('tofile against NumPy', () => {
  test('binary: any dtype, byte order and layout gives NumPy\'s bytes (C order, no header)', () => {
    const a = data([3, 4], 1, '>i4');
    const c = data([2, 3, 2], 2, '<c16');
    const h = data([5], 3, '<f2');
    const rec = zeros(2, [['x', '<i2'], ['y', '>f8']]);
    rec.field('x').set(asarray([1, -2], '<i2'));
    const cases: [string, NdArray][] = [
      [a.py, a.arr], [`np.asfortranarray(${a.py})`, a.arr.copy('F')], [`${a.py}.T`, a.arr.transpose()],
      [`${c.py}[:, ::-1, 1]`, c.arr.index(':, ::-1, 1')], [h.py, h.arr], [`np.array(7, 'u8')`, asarray(7n, '<u8')],
      [`np.zeros((0, 3))`, zeros([0, 3])], [`np.array([(1, 0.0), (-2, 0.0)], [('x', '<i2'), ('y', '>f8')])`, rec],
    ];
    const want = numpyFiles(cases.map(([py]) => [py, '']));
    const got = cases.map(([, arr], i) => {
      const p = tmp.path(`ours-${i}.bin`);
      if (i % 2 === 0) tofile(arr, p);
      else arr.tofile(p);
      return fs.readFileSync(p).toString('hex');
    });
    expect(got).toEqual(want);
  });

  test('text: Python str() of every item, joined by sep (floats of each width, edge values, ints, bools)', () => {
    const edge = '[0.1, -0.0, 1.0, 1e-05, 0.0001, 123456789.0, 1e16, 1.5e16, 9999999999999998.0, 1e300, 5e-324, np.inf, -np.inf, np.nan, 2.5, 100.0]';
    const items: [string, string, NdArray][] = [];
    const vals = [0.1, -0.0, 1.0, 1e-5, 0.0001, 123456789.0, 1e16, 1.5e16, 9999999999999998.0, 1e300, 5e-324, Infinity, -Infinity, NaN, 2.5, 100.0];
    for (const dt of ['<f8', '<f4', '<f2']) {
      for (const sep of [', ', ' ', '\n']) items.push([`np.array(${edge}, '${dt}')`, sep, asarray(vals, dt)]);
    }
    const f = data([50], 4, '<f4', 1e6);
    items.push([f.py, ',', f.arr]);
    const g = data([40], 5, '<f2', 1e4);
    items.push([g.py, ',', g.arr]);
    const i = data([2, 3], 6, '>i8', 1e6);
    items.push([i.py, ' | ', i.arr]);
    items.push(["np.array([2**64 - 1, 0], 'u8')", ',', asarray([2n ** 64n - 1n, 0n], '<u8')]);
    items.push(['np.array([True, False])', ';', asarray([true, false])]);
    // Complex items as Python's str(complex): '(1+2j)', '2j', '(-0+2j)', '(inf+nanj)'; complex64 parts as the doubles they are.
    const Z: [number, number][] = [[1, 2], [-0.5, -1e-20], [Infinity, NaN], [0, 2], [-0, 2], [0, -0], [1, -0], [0, -Infinity], [1e16, 1.5], [0.1, 0], [0, NaN], [1.1, 0.1]];
    const pyf = (x: number): string => (Number.isNaN(x) ? 'np.nan' : x === Infinity ? 'np.inf' : x === -Infinity ? '-np.inf' : Object.is(x, -0) ? '-0.0' : String(x));
    for (const dt of ['<c16', '<c8']) {
      const c = zeros([Z.length], dt);
      Z.forEach(([re, im], k) => c.set([k], { re, im }));
      items.push([`np.array([${Z.map(([re, im]) => `complex(${pyf(re)}, ${pyf(im)})`).join(', ')}], '${dt}')`, '|', c]);
    }
    const want = numpyFiles(items.map(([py, sep]) => [py, sep]));
    const got = items.map(([, sep, arr]) => {
      const p = tmp.path('text.txt');
      tofile(arr, p, { sep });
      return fs.readFileSync(p).toString('hex');
    });
    const bad = got.map((g2, k) => ({ py: items[k][0], sep: items[k][1], want: Buffer.from(want[k], 'hex').toString(), got: Buffer.from(g2, 'hex').toString() })).filter((x) => x.want !== x.got);
    expect(bad.slice(0, 3)).toEqual([]);
  });

  test("text with a format: Python's format % item for each item, sep and format positionally as NumPy's", () => {
    const items: [string, string, string, NdArray][] = [
      ['np.array([1.5, 2.25, -3, 1e300, np.nan, -np.inf])', ',', '%.2f', asarray([1.5, 2.25, -3, 1e300, NaN, -Infinity])],
      ["np.array([1, -2, 300], 'i4')", ' ', '<%5d>', asarray([1, -2, 300], 'i4')],
      ["np.array([255, 16], 'u1')", ';', '%#x', asarray([255, 16], 'u1')],
      ['np.array([True, False])', ',', '%d', asarray([true, false])],
      ["np.array([0.1, 2.5], 'f4')", ' ', '%s!', asarray([0.1, 2.5], 'f4')],
      ["np.array([0.1, 2.5], 'f4')", ' ', '%.3e', asarray([0.1, 2.5], 'f4')],
      ['np.array([1+2j, complex(0, -1)])', '|', 'v=%s', asarray([{ re: 1, im: 2 }, { re: 0, im: -1 }])],
      ["np.array([1.75, -2.5])", ',', '%+08.1f', asarray([1.75, -2.5])],
      ["np.array([3.7, -3.7])", ',', '%d', asarray([3.7, -3.7])],
      ['np.array([[1, 2], [3, 4]]).T', '\n', '%3d', asarray([[1, 2], [3, 4]]).T],
    ];
    const p0 = tmp.path('np-fmt.txt');
    const want = runNumpy<string[]>(`
out = []
for src, sep, fmt in json.load(sys.stdin):
    eval(src).tofile(${JSON.stringify(p0)}, sep, fmt)
    with open(${JSON.stringify(p0)}) as f: out.append(f.read())
print(json.dumps(out))
`, JSON.stringify(items.map(([py, sep, fmt]) => [py, sep, fmt])));
    const got = items.map(([, sep, fmt, arr], k) => {
      const p = tmp.path('fmt.txt');
      if (k % 2 === 0) tofile(arr, p, sep, fmt);
      else arr.tofile(p, sep, { format: fmt });
      return fs.readFileSync(p, 'utf8');
    });
    expect(got).toEqual(want);
  });

  test("a format that does not take one item is Python's TypeError, raised before the file is touched (an empty array formats nothing)", () => {
    const p = tmp.file(new Uint8Array(3), 'keep.txt');
    const errors = runNumpy<string[]>(`
out = []
for src, fmt in [('np.array([1.5])', '%d %d'), ('np.array([1.5])', 'abc'), ('np.array([1+2j])', '%f'), ('np.array([1+2j])', '%d'), ('np.array([1.5])', '%x')]:
    try:
        eval(src).tofile(${JSON.stringify(tmp.path('np-err.txt'))}, ' ', fmt)
        out.append('no error')
    except TypeError as e:
        out.append(str(e))
print(json.dumps(out))
`);
    const ours = [[asarray([1.5]), '%d %d'], [asarray([1.5]), 'abc'], [asarray([{ re: 1, im: 2 }]), '%f'], [asarray([{ re: 1, im: 2 }]), '%d'], [asarray([1.5]), '%x']].map(([a, fmt]) => {
      try {
        tofile(a as NdArray, p, ' ', fmt as string);
        return 'no error';
      } catch (e) {
        expect(e).toBeInstanceOf(TypeError);
        return (e as Error).message;
      }
    });
    expect(ours).toEqual(errors);
    expect(fs.readFileSync(p).length).toBe(3);
    tofile(zeros([0]), p, ',', 'abc');
    expect(fs.readFileSync(p).length).toBe(0);
  });
});

describeWithNumpy('fromfile against NumPy', () => {
  test('binary: dtype, count, offset, subarray dtypes, a partial last item, empty reads; errors', () => {
    const p = tmp.path('np-data.bin');
    runNumpy(`np.arange(37, dtype='<u1').tofile(${JSON.stringify(p)}); print(1)`);
    const P = JSON.stringify(p);
    const cases: Case[] = [];
    const add = (py: string, js: () => unknown): void => {
      cases.push({ py: `np.fromfile(${P}${py})`, js });
    };
    add(", dtype='<u1'", () => fromfile(p, { dtype: '<u1' }));
    add(", dtype='>i4'", () => fromfile(p, { dtype: '>i4' }));
    add(", dtype='<f8', offset=3", () => fromfile(p, { dtype: '<f8', offset: 3 }));
    add(", dtype='<i2', count=5, offset=1", () => fromfile(p, { dtype: '<i2', count: 5, offset: 1 }));
    add(", dtype='(2,3)<i2'", () => fromfile(p, { dtype: '(2,3)<i2' }));
    add(", dtype=[('a', '<u2'), ('b', 'u1')], count=4", () => fromfile(p, { dtype: [['a', '<u2'], ['b', '|u1']], count: 4 }));
    add(", dtype='<i4', offset=37", () => fromfile(p, { dtype: '<i4', offset: 37 }));
    add(", dtype='<i4', count=0", () => fromfile(p, { dtype: '<i4', count: 0 }));
    add(", dtype='<i4', count=-1", () => fromfile(p, { dtype: '<i4', count: -1 }));
    add('', () => fromfile(p));
    add(", dtype='<i4', count=100", () => fromfile(p, { dtype: '<i4', count: 100 }));
    add(", dtype='<f8', offset=38", () => fromfile(p, { dtype: '<f8', offset: 38 }));
    expectCasesLikeNumpy(cases);
    // An offset items past the end: NumPy's words, then ours naming the file.
    const want = runNumpy<string>(`
try: np.fromfile(${P}, dtype='<i4', offset=50)
except ValueError as e: print(json.dumps(str(e)))`);
    expect(() => fromfile(p, { dtype: '<i4', offset: 50 })).toThrow(new ValueError(`${want}: offset 50 is past the end of '${p}' (37 bytes)`));
    // NumPy says 'negative dimensions are not allowed' for a 0-sized dtype; ours names the problem.
    expect(() => fromfile(p, { dtype: '|S0' })).toThrow(new ValueError('The elements are 0-sized.'));
  });

  test('text: separators with and without whitespace, count, ints, floats', () => {
    const p = tmp.file('1.5, 2,\n  -3e2 ,inf, nan,4\n', 'floats.txt');
    const q = tmp.file('1 2\n3\t4  5\n', 'ints.txt');
    const r = tmp.file('7;8 ;  9', 'semi.txt');
    const z = tmp.file('1+2j,3,2j,-1.5-2e3j,', 'complex.txt');
    const nl = tmp.file('1,2,\n', 'trailing-newline.txt');
    const cases: Case[] = [
      { py: `np.fromfile(${JSON.stringify(p)}, sep=',')`, js: () => fromfile(p, { sep: ',' }) },
      { py: `np.fromfile(${JSON.stringify(p)}, sep=' , ')`, js: () => fromfile(p, { sep: ' , ' }) },
      { py: `np.fromfile(${JSON.stringify(p)}, sep=',', count=3)`, js: () => fromfile(p, { sep: ',', count: 3 }) },
      { py: `np.fromfile(${JSON.stringify(q)}, sep=' ', dtype='<i8')`, js: () => fromfile(q, { sep: ' ', dtype: '<i8' }) },
      // (Not '>i2': NumPy 2.4's text reader stores native-order bytes into a big-endian array, 1 reading back as 256.)
      { py: `np.fromfile(${JSON.stringify(q)}, sep=' ', dtype='<i2')`, js: () => fromfile(q, { sep: ' ', dtype: '<i2' }) },
      { py: `np.fromfile(${JSON.stringify(q)}, sep=' ', dtype='<f4')`, js: () => fromfile(q, { sep: ' ', dtype: '<f4' }) },
      { py: `np.fromfile(${JSON.stringify(r)}, sep=';', dtype='<u2')`, js: () => fromfile(r, { sep: ';', dtype: '<u2' }) },
      { py: `np.fromfile(${JSON.stringify(r)}, sep=';', offset=2)`, js: () => fromfile(r, { sep: ';', offset: 2 }) },
      { py: `np.fromfile(${JSON.stringify(r)}, sep=';', count=10)`, js: () => fromfile(r, { sep: ';', count: 10 }) },
      // Complex items, and a separator that ends the file ends the items (not one followed by a newline).
      { py: `np.fromfile(${JSON.stringify(z)}, sep=',', dtype=complex)`, js: () => fromfile(z, { sep: ',', dtype: 'c16' }) },
      { py: `np.fromfile(${JSON.stringify(z)}, sep=',', dtype=np.complex64, count=2)`, js: () => fromfile(z, { sep: ',', dtype: 'c8', count: 2 }) },
    ];
    expectCasesLikeNumpy(cases);
    // NumPy's unmatched data, then which item of which file.
    expect(() => fromfile(nl, { sep: ',' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 2 of '.*trailing-newline.txt' is ""/);
  });
});

describe('tofile and fromfile: files and errors', () => {
  test('round trip of a strided view; the method and the function write the same file', () => {
    const a = asarray([[1, 2, 3], [4, 5, 6]], '>f4').transpose();
    const p = tmp.path('rt.bin');
    a.tofile(p);
    expect(fromfile(p, { dtype: '>f4' }).toArray()).toEqual([1, 4, 2, 5, 3, 6]);
  });

  test('writing over the file a live memmap maps: the mapping keeps its data (atomic replace), the file has the new bytes', () => {
    const p = tmp.path('live.bin');
    asarray([1, 2, 3, 4], '<i4').tofile(p);
    const m = memmap(p, { dtype: '<i4', mode: 'r' });
    m.index('::-1').tofile(p);
    expect(m.toArray()).toEqual([1, 2, 3, 4]);
    expect(fromfile(p, { dtype: '<i4' }).toArray()).toEqual([4, 3, 2, 1]);
    m.close();
  });

  test('a failing write leaves the old file as it was (a folder at the path, no temporary left)', () => {
    const dir = tmp.path('folder');
    fs.mkdirSync(dir);
    expect(() => tofile(asarray([1]), dir)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('bad input: an offset past the end, text mode of records, a NUL path, unknown options, text that does not parse', () => {
    const p = tmp.file(new Uint8Array(10), 'ten.bin');
    expect(() => fromfile(p, { offset: 30 })).toThrow(/^negative dimensions are not allowed: offset 30 is past the end of '.*ten.bin' \(10 bytes\)$/);
    expect(() => fromfile(p, { count: -2 })).toThrow(ValueError);
    expect(() => fromfile(p, { count: 1.5 })).toThrow(TypeError);
    expect(() => tofile(zeros([2], [['a', '<i4']]), p, { sep: ',' })).toThrow(ValueError);
    expect(fs.readFileSync(p).length).toBe(10);
    expect(() => tofile(asarray([1]), 'a\0b')).toThrow(TypeError);
    expect(() => fromfile(p, { bogus: 1 } as object)).toThrow(TypeError);
    expect(() => tofile(asarray([1]), p, { format: 5 as never })).toThrow(new TypeError('tofile(): format must be a string, got 5'));
    const t = tmp.file('1, 2, x, 4', 'bad.txt');
    expect(() => fromfile(t, { sep: ',' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 2 .*"x"/);
  });
});
