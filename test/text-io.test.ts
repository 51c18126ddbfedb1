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
    expect(fs.existsSync(p)).toBe(false);
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
