// loadtxt / savetxt (lib/text-io.ts) against NumPy's at run time: the files
// savetxt writes equal NumPy's byte for byte (fmt forms, complex, records,
// header/footer, newline, files past the 1 MiB piece), and loadtxt reads
// files as np.loadtxt does (delimiters, comments, skiprows, usecols,
// max_rows, dtypes incl. structured, ndmin, unpack, CRLF, files past a
// piece); bad input is a ValueError naming the file and the line.
import * as fs from 'fs';
import * as lib from '../lib';
import { asarray, loadtxt, savetxt } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-textio-');
afterAll(() => tmp.remove());

const q = JSON.stringify;

describeWithNumpy('savetxt against NumPy', () => {
  const I = inputs(lib);
  test('the bytes written equal NumPy\'s for every fmt form and option', () => {
    const cases: [string, string, () => void][] = [];
    const add = (py: string, js: (p: string) => void): void => {
      const p = tmp.path('ours.txt');
      cases.push([py, p, () => js(p)]);
    };
    add('B', (p) => savetxt(p, I.B));
    add('A[0]', (p) => savetxt(p, I.A.index(0)));
    add("V, fmt='%d', delimiter=',', header='a\\nb', footer='end', comments='// '", (p) => savetxt(p, I.V, { fmt: '%d', delimiter: ',', header: 'a\nb', footer: 'end', comments: '// ' }));
    add("U, fmt=['%d', '%5.1f', '%x', '%e'], delimiter='\\t'", (p) => savetxt(p, I.U, { fmt: ['%d', '%5.1f', '%x', '%e'], delimiter: '\t' }));
    add("B, fmt='%.2f|%.3e|%g'", (p) => savetxt(p, I.B, { fmt: '%.2f|%.3e|%g' }));
    add("B.T, fmt='%.1f', newline='\\r\\n', header='h'", (p) => savetxt(p, I.B.T, { fmt: '%.1f', newline: '\r\n', header: 'h' }));
    add('np.array([[1+2j, -3.5-0.25j], [0j, 1e-3j]])', (p) => savetxt(p, asarray([[{ re: 1, im: 2 }, { re: -3.5, im: -0.25 }], [{ re: 0, im: 0 }, { re: 0, im: 1e-3 }]], 'c16')));
    add("np.array([[1+2j, -3.5-0.25j]]), fmt='%.2f'", (p) => savetxt(p, asarray([[{ re: 1, im: 2 }, { re: -3.5, im: -0.25 }]], 'c16'), { fmt: '%.2f' }));
    add("np.array([(1, 2.5), (-3, 0.125)], dtype=[('a', '<i4'), ('b', '<f8')]), fmt=['%d', '%.3f']", (p) => savetxt(p, asarray([[1, 2.5], [-3, 0.125]], [['a', '<i4'], ['b', '<f8']] as never), { fmt: ['%d', '%.3f'] }));
    add('np.array([True, False])', (p) => savetxt(p, asarray([true, false])));
    add('np.arange(300000.0).reshape(100000, 3) / 7', (p) => savetxt(p, lib.arange(300000, 'f8').reshape(100000, 3).divide(7)));
    add('F', (p) => savetxt(p, I.F));
    // %s and %r format each value as NumPy's scalar of its dtype (str(np.float32(0.1)) is '0.1').
    const f32 = [0.1, 1 / 3, 2.5, 1e20, 1e-4, 1e6, 123456.7, -0.0, NaN, -Infinity];
    add(`np.array(${q(f32.slice(0, 7))} + [-0.0, np.nan, -np.inf], dtype=np.float32).reshape(5, 2), fmt='%s'`, (p) => savetxt(p, asarray(f32, 'f4').reshape(5, 2), { fmt: '%s' }));
    add(`np.array(${q(f32.slice(0, 7))} + [-0.0, np.nan, -np.inf], dtype=np.float16), fmt='%s'`, (p) => savetxt(p, asarray(f32, 'f2'), { fmt: '%s' }));
    add(`np.array(${q(f32.slice(0, 7))}, dtype=np.float32), fmt='%r'`, (p) => savetxt(p, asarray(f32.slice(0, 7), 'f4'), { fmt: '%r' }));
    add("np.array([[1, -2], [3, 4]], dtype=np.int8), fmt='%s %r'", (p) => savetxt(p, asarray([[1, -2], [3, 4]], 'i1'), { fmt: '%s %r' }));
    add("np.array([(0.1, 2, b'ab', True)], dtype=[('a', 'f4'), ('b', 'i4'), ('s', 'S3'), ('t', '?')]), fmt='%s'", (p) =>
      savetxt(p, asarray([[0.1, 2, 'ab', true]], [['a', 'f4'], ['b', 'i4'], ['s', 'S3'], ['t', '?']] as never), { fmt: '%s' }));
    add("np.array([1+2j, 0.1-3j], dtype=np.complex64), fmt='%s'", (p) => savetxt(p, asarray([{ re: 1, im: 2 }, { re: 0.1, im: -3 }], 'c8'), { fmt: '%s' }));
    add("np.array([b'ab', b'c\\x00', b\"'\"], dtype='S3'), fmt='%s'", (p) => savetxt(p, asarray(['ab', 'c\u0000', "'"], 'S3'), { fmt: '%s' }));
    add("np.array([True, False]), fmt='%r'", (p) => savetxt(p, asarray([true, false]), { fmt: '%r' }));
    // %c: an integer's code point, padded as text.
    add("np.array([[65, 66], [97, 122]], dtype='u1'), fmt='%c|%-3c'", (p) => savetxt(p, asarray([[65, 66], [97, 122]], 'u1'), { fmt: '%c|%-3c' }));
    add("np.array([[65]]), fmt='%5c'", (p) => savetxt(p, asarray([[65]]), { fmt: '%5c' }));
    const want = runNumpy<string[]>(`
out = []
${'A = np.arange(24, dtype="<i4").reshape(2, 3, 4); B = np.arange(6).astype(">f8").reshape(2, 3); V = np.arange(10); U = np.arange(12, dtype="u1").reshape(3, 4); F = np.asfortranarray(np.arange(12.0).reshape(3, 4))'}
for args in json.load(sys.stdin):
    p = ${q(tmp.path('np.txt'))}
    eval('np.savetxt(p, ' + args + ')')
    out.append(open(p, 'rb').read().hex())
print(json.dumps(out))
`, q(cases.map((c) => c[0])));
    cases.forEach(([py, p, js], i) => {
      js();
      expect({ py, hex: fs.readFileSync(p).toString('hex') }).toEqual({ py, hex: want[i] });
    });
  });

  test("NumPy's errors: not 1-d or 2-d, a fmt with the wrong number of conversions", () => {
    const p = tmp.path('bad.txt');
    expect(() => savetxt(p, I.A)).toThrow(new lib.ValueError('Expected 1D or 2D array, got 3D array instead'));
    expect(() => savetxt(p, I.Z)).toThrow(/Expected 1D or 2D array, got 0D/);
    expect(() => savetxt(p, I.B, { fmt: '%d %d' })).toThrow(/fmt has wrong number of % formats/);
    expect(() => savetxt(p, I.B, { fmt: ['%d'] })).toThrow(/fmt has wrong shape/);
    // A float or bool is no integer to %x, %o, %X or %c (2.0 included): NumPy's TypeError names the dtype
    // and the whole format; a complex row's float parts raise Python's own.
    expect(() => savetxt(p, asarray([[2.0, 3]], 'f8'), { fmt: '%x' })).toThrow(new TypeError("Mismatch between array dtype ('float64') and format specifier ('%x %x')"));
    expect(() => savetxt(p, asarray([[true]]), { fmt: '%c' })).toThrow(new TypeError("Mismatch between array dtype ('bool') and format specifier ('%c')"));
    expect(() => savetxt(p, asarray([[1.5]], '>f4'), { fmt: '%o' })).toThrow(new TypeError("Mismatch between array dtype ('>f4') and format specifier ('%o')"));
    expect(() => savetxt(p, asarray([[{ re: 1, im: 2 }]], 'c8'), { fmt: '%x' })).toThrow(new TypeError('%x format: an integer is required, not numpy.float32'));
    expect(() => savetxt(p, asarray([[{ re: 1, im: 2 }]], 'c16'), { fmt: '%c' })).toThrow(new TypeError('%c requires int or char'));
    expect(() => savetxt(p, asarray([[-1]]), { fmt: '%c' })).toThrow(/^%c arg not in range\(0x110000\)/);
    expect(fs.existsSync(p)).toBe(false);
    // No row, no conversion: no error, as NumPy.
    savetxt(p, lib.zeros([0, 2]), { fmt: '%x' });
    expect(fs.readFileSync(p).length).toBe(0);
  });
});

describeWithNumpy('loadtxt against NumPy', () => {
  const I = inputs(lib);
  const file = (text: string): string => tmp.file(text, 'in.txt');
  test('files and options give NumPy\'s dtype, shape and bytes', () => {
    const ws = file('# a comment\n1 2 3\n\n4.5 -5e3 inf  # tail\n  7 8 nan\n');
    const csv = file('x,y,z\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n');
    const crlf = file('1;2\r\n3;4\r\n5;6');
    const ints = file('1 -2\n3 4\n');
    const cplx = file('1+2j (3-4j)\n5 6j\n');
    const recs = file('1 2.5 3 4\n5 6.5 7 8\n');
    const one = file('1 2 3\n');
    const col = file('1\n2\n3\n');
    const multi = file('1 2 // c\n3 4 %% d\n5 6\n');
    const lines: string[] = [];
    for (let i = 0; i < 150000; i++) lines.push(`${i} ${i / 3} ${-i * 7.25}`);
    const big = file(`${lines.join('\n')}\n`);
    const L = (p: string, opts = ''): string => `np.loadtxt(${q(p)}${opts})`;
    expectLikeNumpy(
      [
        [L(ws), () => loadtxt(ws)],
        [L(ws, ', max_rows=2'), () => loadtxt(ws, { max_rows: 2 })],
        [L(ws, ', skiprows=2'), () => loadtxt(ws, { skiprows: 2 })],
        [L(csv, ", delimiter=',', skiprows=1"), () => loadtxt(csv, { delimiter: ',', skiprows: 1 })],
        [L(csv, ", delimiter=',', skiprows=1, usecols=(0, 2)"), () => loadtxt(csv, { delimiter: ',', skiprows: 1, usecols: [0, 2] })],
        [L(csv, ", delimiter=',', skiprows=1, usecols=-1"), () => loadtxt(csv, { delimiter: ',', skiprows: 1, usecols: -1 })],
        [L(csv, ", delimiter=',', skiprows=1, dtype=np.int16"), () => loadtxt(csv, { delimiter: ',', skiprows: 1, dtype: 'i2' })],
        [L(csv, ", delimiter=',', skiprows=1, unpack=True").replace('np.loadtxt', 'list(np.loadtxt') + ')', () => loadtxt(csv, { delimiter: ',', skiprows: 1, unpack: true })],
        [L(crlf, ", delimiter=';'"), () => loadtxt(crlf, { delimiter: ';' })],
        [L(ints, ', dtype=np.int64'), () => loadtxt(ints, { dtype: 'i8' })],
        [L(ints, ", dtype='>u2', usecols=0"), () => loadtxt(ints, { dtype: '>u2', usecols: 0 })],
        [L(ints, ', dtype=np.float32'), () => loadtxt(ints, { dtype: 'f4' })],
        [L(cplx, ', dtype=complex'), () => loadtxt(cplx, { dtype: 'c16' })],
        [L(recs, ", dtype=[('a', 'i4'), ('b', 'f8'), ('c', 'u1', (2,))]"), () => loadtxt(recs, { dtype: [['a', 'i4'], ['b', 'f8'], ['c', 'u1', [2]]] as never })],
        [L(one), () => loadtxt(one)],
        [L(one, ', ndmin=1'), () => loadtxt(one, { ndmin: 1 })],
        [L(one, ', ndmin=2'), () => loadtxt(one, { ndmin: 2 })],
        [L(col, ', ndmin=2'), () => loadtxt(col, { ndmin: 2 })],
        [L(col, ', max_rows=1'), () => loadtxt(col, { max_rows: 1 })],
        [L(col, ', max_rows=1, ndmin=2'), () => loadtxt(col, { max_rows: 1, ndmin: 2 })],
        [L(multi, ", comments=['//', '%%']"), () => loadtxt(multi, { comments: ['//', '%%'] })],
        [L(ws, ', comments=None, skiprows=1, max_rows=1'), () => loadtxt(ws, { comments: null, skiprows: 1, max_rows: 1 })],
        [L(big), () => loadtxt(big)],
      ],
      I,
    );
  });

  test('bad input: NumPy\'s error class, and our message names the file and line', () => {
    const bad = file('1 2\n3 x\n');
    const ragged = file('1 2\n3 4 5\n');
    const want = runNumpy<string[]>(`
out = []
for p in json.load(sys.stdin):
    try:
        np.loadtxt(p)
        out.append('ok')
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`, q([bad, ragged]));
    const ours = [bad, ragged].map((p) => {
      try {
        loadtxt(p);
        return 'ok';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    ours.forEach((m, i) => {
      // NumPy's message first, then where: file and line.
      expect(m.startsWith(want[i].replace(/\.$/, ''))).toBe(true);
      expect(m).toContain(`line 2 of '${[bad, ragged][i]}'`);
    });
    expect(() => loadtxt(file('1,2\n'), { delimiter: ', ' })).toThrow(TypeError);
    expect(() => loadtxt(file('1,2\n'), { delimiter: '\n' })).toThrow("control character 'delimiter' cannot be a newline (`\\r` or `\\n`).");
    expect(() => loadtxt(file('1\n'), { ndmin: 3 as never })).toThrow(lib.ValueError);
    expect(() => loadtxt(file('1\n'), { usecols: [3] })).toThrow(/invalid column index 3/);
    expect(() => loadtxt(tmp.path('missing.txt'))).toThrow(/ENOENT/);
  });
});

describeWithNumpy('loadtxt bytes, converters, quotechar and nested records against NumPy', () => {
  const I = inputs(lib);
  const file = (text: string): string => tmp.file(text, 'in.txt');
  const L = (p: string, opts = ''): string => `np.loadtxt(${q(p)}${opts})`;
  test('S dtypes, quoted fields, converters and nested records give NumPy\'s dtype, shape and bytes', () => {
    const words = file('abc def\nghijklm n\n');
    const latin = file('\u00e9 x\n');
    const rec = file('a 1.5\nbb 2\n');
    const csv = file('"1,5",2\n3,"4"\n"a""b","x#y" # c\n"q"r, s \np, q # r\n\n# s\n');
    const ws = file('  "a b"   c\n"d"e f\n x"y z\n');
    const multi = file('"ab\nc",2\n"d",3\n');
    const unclosed = file('1,"ab\n');
    const qnum = file('"1.5" 2\n3 "4e1"\n');
    const nums = file('1 2 3\n4 5 6\n');
    const sub = file('1 2 3 4 5\n6 7 8 9 10\n');
    const spaced = file('a, b ,c\n');
    const qlines: string[] = [];
    for (let i = 0; i < 40000; i++) qlines.push(`"${i},x",${i / 7},"say ""${i}"""`);
    const qbig = file(`${qlines.join('\n')}\n`);
    const recDt = "[('s', 'S2'), ('f', 'f8')]";
    expectLikeNumpy(
      [
        [L(words, ", dtype='S5'"), () => loadtxt(words, { dtype: 'S5' })],
        [L(words, ", dtype='S'"), () => loadtxt(words, { dtype: 'S' })],
        [L(words, ", dtype='S', usecols=1, ndmin=2"), () => loadtxt(words, { dtype: 'S', usecols: 1, ndmin: 2 })],
        [L(latin, ", dtype='S5'"), () => loadtxt(latin, { dtype: 'S5' })],
        [L(rec, `, dtype=${recDt}`), () => loadtxt(rec, { dtype: [['s', 'S2'], ['f', 'f8']] as never })],
        [`list(${L(rec, `, dtype=${recDt}, unpack=True`)})`, () => loadtxt(rec, { dtype: [['s', 'S2'], ['f', 'f8']] as never, unpack: true })],
        [L(csv, ", dtype='S4', delimiter=',', quotechar='\"'"), () => loadtxt(csv, { dtype: 'S4', delimiter: ',', quotechar: '"' })],
        [L(ws, ", dtype='S4', quotechar='\"'"), () => loadtxt(ws, { dtype: 'S4', quotechar: '"' })],
        [L(multi, ", dtype='S8', delimiter=',', quotechar='\"'"), () => loadtxt(multi, { dtype: 'S8', delimiter: ',', quotechar: '"' })],
        [L(multi, ", dtype='S8', delimiter=',', quotechar='\"', max_rows=1"), () => loadtxt(multi, { dtype: 'S8', delimiter: ',', quotechar: '"', max_rows: 1 })],
        [L(unclosed, ", dtype='S8', delimiter=',', quotechar='\"'"), () => loadtxt(unclosed, { dtype: 'S8', delimiter: ',', quotechar: '"' })],
        [L(qnum, ", quotechar='\"'"), () => loadtxt(qnum, { quotechar: '"' })],
        [L(qbig, ", dtype=[('a', 'S8'), ('b', 'f8'), ('c', 'S12')], delimiter=',', quotechar='\"'"), () => loadtxt(qbig, { dtype: [['a', 'S8'], ['b', 'f8'], ['c', 'S12']] as never, delimiter: ',', quotechar: '"' })],
        [L(nums, ", dtype=[('a', [('x', 'i4'), ('y', 'f8')]), ('b', 'i2')]"), () => loadtxt(nums, { dtype: [['a', [['x', 'i4'], ['y', 'f8']]], ['b', 'i2']] as never })],
        [L(sub, ", dtype=[('a', [('x', 'i4'), ('y', 'u1')], (2,)), ('b', 'i2')]"), () => loadtxt(sub, { dtype: [['a', [['x', 'i4'], ['y', 'u1']], [2]], ['b', 'i2']] as never })],
        [L(nums, ', converters=lambda s: float(s) * 2'), () => loadtxt(nums, { converters: (s) => Number(s) * 2 })],
        [L(nums, ', converters={0: lambda s: float(s) * 2, -1: lambda s: -float(s)}'), () => loadtxt(nums, { converters: { 0: (s: string) => Number(s) * 2, [-1]: (s: string) => -Number(s) } })],
        [L(nums, ', converters={-1: lambda s: 9}, usecols=[0, 1]'), () => loadtxt(nums, { converters: { [-1]: () => 9 }, usecols: [0, 1] })],
        [L(nums, ', converters={2: lambda s: 9}, usecols=[0, -1]'), () => loadtxt(nums, { converters: new Map([[2, () => 9]]), usecols: [0, -1] })],
        [L(nums, ', converters={-1: lambda s: 9, 0: lambda s: 7}, usecols=[-1, 0, 0]'), () => loadtxt(nums, { converters: new Map([[-1, () => 9], [0, () => 7]]), usecols: [-1, 0, 0] })],
        [L(nums, ", converters={0: lambda s: s + '.7'}"), () => loadtxt(nums, { converters: { 0: (s: string) => `${s}.7` } })],
        [L(nums, ", converters={0: lambda s: 2.9}, dtype='i4'"), () => loadtxt(nums, { converters: { 0: () => 2.9 }, dtype: 'i4' })],
        [L(nums, ', converters={1: lambda s: None}'), () => loadtxt(nums, { converters: { 1: () => null } })],
        [L(nums, ", converters=lambda s: float(s) > 2, dtype='?'"), () => loadtxt(nums, { converters: (s) => Number(s) > 2, dtype: '?' })],
        [L(nums, ", converters={0: lambda s: 'x' * int(s)}, dtype='S'"), () => loadtxt(nums, { converters: { 0: (s: string) => 'x'.repeat(Number(s)) }, dtype: 'S' })],
        [L(nums, ", converters={0: lambda s: complex(float(s), 1)}, dtype='c8'"), () => loadtxt(nums, { converters: { 0: (s: string) => ({ re: Number(s), im: 1 }) }, dtype: 'c8' })],
        [L(spaced, ", delimiter=',', converters=lambda s: repr(s), dtype='S6'"), () => loadtxt(spaced, { delimiter: ',', converters: (s) => `'${s}'`, dtype: 'S6' })],
        [L(spaced, ", delimiter=',', dtype='S3'"), () => loadtxt(spaced, { delimiter: ',', dtype: 'S3' })],
      ],
      I,
    );
  });

  test("bad input: NumPy's error class and message, then the file and line", () => {
    const euro = file('\u20ac x\n');
    const nums = file('1 2\n3 4\n');
    const multi = file('1,"a\nb",x\n');
    const rows: [string, () => unknown][] = [
      [L(euro, ", dtype='S5'"), () => loadtxt(euro, { dtype: 'S5' })],
      [L(nums, ", converters={0: lambda s: s + '.7'}, dtype='i4'"), () => loadtxt(nums, { converters: { 0: (s: string) => `${s}.7` }, dtype: 'i4' })],
      [L(nums, ", converters={1: lambda s: 2**40}, dtype='i4'"), () => loadtxt(nums, { converters: { 1: () => 2 ** 40 }, dtype: 'i4' })],
      [L(nums, ", converters={1: lambda s: 1 / 0}"), () => loadtxt(nums, { converters: { 1: () => { throw new Error('boom'); } } })],
      [L(nums, ', converters={5: float}'), () => loadtxt(nums, { converters: { 5: Number } })],
      [L(nums, ', converters=5'), () => loadtxt(nums, { converters: 5 as never })],
      [L(nums, ", converters={'a': float}"), () => loadtxt(nums, { converters: { a: Number } as never })],
      [L(nums, ', converters={0: 5}'), () => loadtxt(nums, { converters: { 0: 5 } as never })],
      [L(nums, ", quotechar='ab'"), () => loadtxt(nums, { quotechar: 'ab' })],
      [L(nums, ", quotechar=',', delimiter=','"), () => loadtxt(nums, { quotechar: ',', delimiter: ',' })],
      [L(nums, ", quotechar='#'"), () => loadtxt(nums, { quotechar: '#' })],
      [L(nums, ", quotechar='\"', comments=['#', '//']"), () => loadtxt(nums, { quotechar: '"', comments: ['#', '//'] })],
      [L(multi, ", delimiter=',', quotechar='\"'"), () => loadtxt(multi, { delimiter: ',', quotechar: '"' })],
    ];
    const want = runNumpy<string[]>(`
out = []
for py in json.load(sys.stdin):
    try:
        eval(py)
        out.append('ok')
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`, q(rows.map((r) => r[0])));
    rows.forEach(([py, js], i) => {
      let got = 'ok';
      try {
        js();
      } catch (e) {
        got = `${(e as Error).name}: ${(e as Error).message}`;
      }
      // NumPy's message, then (for what the file holds) where: the file and the line.
      expect({ py, got: got.slice(0, want[i].replace(/\.$/, '').length) }).toEqual({ py, got: want[i].replace(/\.$/, '') });
    });
    // A quoted field over two lines is named by the line its record starts on.
    expect(() => loadtxt(multi, { delimiter: ',', quotechar: '"' })).toThrow(`line 1 of '${multi}'`);
    expect(() => loadtxt(euro, { dtype: 'S5' })).toThrow(`line 1 of '${euro}'`);
    // The converter's own error is the cause.
    try {
      loadtxt(nums, { converters: { 1: () => { throw new Error('boom'); } } });
    } catch (e) {
      expect(((e as Error & { cause?: Error }).cause as Error).message).toBe('boom');
    }
    expect.assertions(rows.length + 3);
  });
});
