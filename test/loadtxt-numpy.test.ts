// loadtxt against NumPy on the inputs of NumPy's own
// numpy/lib/tests/test_loadtxt.py (and neighbours of them): values, dtypes,
// shapes and the error types, NumPy run on the same file. The messages
// differ only by mmarray's "(line N of 'file')" suffix, checked where it is
// absent.
//
// Left out: test_loadtxt.py's inputs JS cannot give (skiprows=1.0: JS has
// one number type; file objects, generators, StringIO; unicode 'U' and
// object dtypes; aligned records, whose padding NumPy leaves uninitialized).
import * as fs from 'fs';
import { loadtxt } from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-loadtxt-np-');

interface Case {
  text: string;
  kw: Record<string, unknown>;
  ok?: { dtype: string; shape: number[]; hex: string }[];
  err?: string;
  msg?: string;
}

type Descr = string | [string, Descr, number[]?][];
const descrOf = (d: unknown): unknown => (Array.isArray(d) ? d.map((x: unknown[]) => (x.length === 3 ? [x[0], descrOf(x[1]), x[2]] : [x[0], descrOf(x[1])])) : d);

describeWithNumpy("loadtxt on the inputs of NumPy's test_loadtxt.py, against NumPy", () => {
  test('values, dtypes and shapes, quoted fields, comments, blank lines, usecols, and the errors of bad input and bad options', () => {
    const dir = tmp.path('np');
    fs.mkdirSync(dir, { recursive: true });
    const PATH = `${dir}/in.txt`;
    const cases = runNumpy<Case[]>(`
import warnings
warnings.simplefilter('ignore')
PATH = ${JSON.stringify(PATH)}
mixed = "1000;2.4;alpha;-34\\n2000;3.1;beta;29\\n3500;9.9;gamma;120\\n4090;8.1;delta;0\\n5001;4.4;epsilon;-99\\n6543;7.8;omega;-1\\n"
mixed_dt = [['f0','<u2'],['f1','<f8'],['f2','|S7'],['f3','|i1']]
cases = [
 ("1.0e-1,2.0E1,3.0\\n4.0e-2,5.0E-1,6.0\\n7.0e-3,8.0E1,9.0\\n0.0e-4,1.0E-1,2.0", dict(delimiter=',')),
]
for c in ["..", "//", "@-", "this is a comment:"]:
    cases.append(("# IGNORE\\n1.5, 2.5# ABC\\n3.0,4.0# XXX\\n5.5,6.0\\n".replace('#', c), dict(delimiter=',', comments=c)))
for s in [0,1,2,3]: cases.append((mixed, dict(dtype=mixed_dt, delimiter=';', skiprows=s)))
cases += [
 (mixed, dict(dtype=mixed_dt, delimiter=';', unpack=True)),
 ("0,1,2,3\\n6,7,8,9\\n", dict(delimiter=',', dtype=[['a','u1',[2]],['b','u1',[2]]])),
 ("0 1 2 3\\n", dict(dtype=[['a','u1',[2,2]]])),
 ("100,1,2,3,4\\n200,5,6,7,8\\n", dict(dtype=[['code','<i8'],['points',[['x','<f8'],['y','<f8']],[2]]], delimiter=',')),
 ("1 2\\n", dict(skiprows=-3)), ("1 2\\n", dict(max_rows=-3)), ("1 2\\n", dict(skiprows=1.0)), ("1 2\\n", dict(max_rows=1.0)),
 ("1 2 3 4 5\\n", dict(dtype='<i8')), ("1 2 3 4 5\\n", dict(dtype='<i8', ndmin=2)), ("1\\n2\\n3\\n4\\n5\\n", dict(dtype='<i8', ndmin=2)), ("1\\n2\\n3\\n4\\n5\\n", dict(dtype='<i8', ndmin=1)),
 ("1 2\\n", dict(ndmin=-1)), ("1 2\\n", dict(ndmin=3)), ("1 2\\n", dict(ndmin='plate of shrimp')),
]
for ws in [" ", "\\t", "\\u2003", "\\u00A0", "\\u3000"]:
    cases.append((f"1 2{ws}30\\n\\n{ws}\\n4 5 60{ws}\\n  {ws}  \\n7 8 {ws} 90\\n  # comment\\n3 2 1", dict(dtype='<i8', delimiter=None, comments='#')))
cases += [
 ('1,2,30\\n\\n4,5,60\\n\\n7,8,90\\n# comment\\n3,2,1', dict(dtype='<i8', delimiter=',', comments='#')),
 ("1.5,2.5\\n3.0,4.0\\n5.5,6.0", dict(dtype='<f8', delimiter=',', max_rows=2)),
 ("1,2\\n3,XXX\\n5,6", dict(dtype='<f8', delimiter=',')), ("1,2\\n3,XXX\\n5,6", dict(dtype='<i2', delimiter=',')),
 ("1,2,3\\n1,2,3\\n4,3,2,1", dict(delimiter=',')),
 ("0,0,XXX\\n0,XXX,0,XXX\\n0,XXX,XXX,0,XXX\\n", dict(dtype='<f8', delimiter=',', usecols=[0,-2])),
 ("0,0,XXX\\n0\\n0,XXX,XXX,0,XXX\\n", dict(dtype='<f8', delimiter=',', usecols=[0,-2])),
 ("0"*1000 + ".123456789\\n", dict(dtype='<f8')), ("0"*1000 + ".123456789\\n", dict(dtype='<f4')), ("0"*1000 + ".123456789\\n", dict(dtype='<f2')), ("0"*1000 + ".123456789\\n", dict(dtype='<c16')),
 ("AAA,5-1\\nBBBBB,0-3\\nC,4-9\\n", dict(dtype='S', delimiter=',')),
 ('\\n'.join(['0.9999999999999999','9876543210.123456','5.43215432154321e+300','0.901','0.333']), dict()),
 ("1, 0\\n10, -1", dict(dtype='|b1', delimiter=',')),
 ("1.0, 2.1, 3.7\\n4, 5, 6", dict(dtype='<i4', delimiter=',')),
 ("(1.0-2.5j),3.75,(7+-5.0j)\\n(4),(-19e2j),(0)", dict(dtype='<c16', delimiter=',')),
 ("1.0-2.5j,3.75,7+-5.0j\\n4,-19e2j,0", dict(dtype='<c8', delimiter=',')),
 ("0 0.0\\n1 0.25\\n2 0.5\\n", dict(dtype='i4, f8', delimiter=' ')),
 ('"lat,long", 45, 30\\n', dict(dtype=[['f0','|S24'],['f1','<f8'],['f2','<f8']], delimiter=',')),
 ('"lat,long", 45, 30\\n', dict(dtype=[['f0','|S24'],['f1','<f8'],['f2','<f8']], delimiter=',', quotechar='"')),
 ("1,2\\n3,4", dict(delimiter=',', quotechar="''")),
 ("1,2\\n3,4", dict(delimiter=',', comments='123', quotechar='"')),
 ("1,2\\n3,4", dict(delimiter=',', comments=['#','%'], quotechar='"')),
 ("1,2\\n3,4", dict(delimiter=',', comments=['#'], quotechar="'")),
 (mixed.replace('alpha',"'alpha'").replace('beta',"'beta'"), dict(dtype=mixed_dt, delimiter=';', quotechar="'")),
 ('1\\n\\n"4"\\n""', dict(delimiter=',', dtype='S1', quotechar='"')),
 ('1\\n\\n"4"\\n"', dict(delimiter=',', dtype='S1', quotechar='"')),
 ('"Hello, my name is ""Monty""!"', dict(dtype='S40', delimiter=',', quotechar='"')),
 ("", dict()), ("\\n\\n\\n", dict(ndmin=2)), ("# 1 2 3\\n# 4 5 6\\n", dict(usecols=[1,2,3])), ("", dict(ndmin=1)),
 ("1 2 3\\n4 5 6", dict(skiprows=2)), ("1 2 3\\n4 5 6", dict(skiprows=3)),
 ("1,2\\n3,4", dict(delimiter=',', comments=',')), ("1,2\\n3,4", dict(delimiter=',', quotechar=',')), ("1,2\\n3,4", dict(delimiter='#', quotechar='#')),
 ("1,2\\n3,4", dict(comments=['#', ','], delimiter=',')), ("1 2\\n3 4", dict(comments=' ')), ("1 2\\n3 4", dict(quotechar=' ')),
 ("1,2\\n3,4", dict(delimiter='\\n')), ("1,2\\n3,4", dict(comments='\\r')),
 ("1 1,000\\n", dict(delimiter=' ')),
 ("1\\x002\\n", dict()), ("1,2\\x00\\n", dict(delimiter=',')),
 ("1,2\\r3,4\\r\\n5,6", dict(delimiter=',')),
 ("1 \\u2003 2\\n", dict()), ("  1.5  ,  2.5  \\n", dict(delimiter=',')), ("  (1+2j)  ,  3  \\n", dict(delimiter=',', dtype='<c16')),
 ("1+2 j\\n", dict(dtype='<c16')), ("(1+2j\\n", dict(dtype='<c16')), ("1+\\n", dict(dtype='<c16')), ("1j2\\n", dict(dtype='<c16')),
 ("inf nan -inf +inf NaN Infinity\\n", dict()), ("0x10\\n", dict()), ("1_000\\n", dict()), ("1_000\\n", dict(dtype='<i8')),
 ("  +3  \\n", dict(dtype='<u1')), ("256\\n", dict(dtype='<u1')), ("-129\\n", dict(dtype='|i1')), ("1e3\\n", dict(dtype='<i8')), ("3.0\\n", dict(dtype='<i8')),
 ("1 2 3\\n", dict(usecols=3)), ("1 2 3\\n", dict(usecols=1)), ("1 2 3\\n", dict(usecols=[-4])), ("1 2 3\\n", dict(usecols=[1.5])),
 ("1 2\\n3 4\\n", dict(dtype='u1, u1', unpack=True)), ("1 2\\n3 4\\n", dict(unpack=True, ndmin=2)),
 ("1,,3\\n", dict(delimiter=',')), ("1,2,\\n", dict(delimiter=',')), (",\\n", dict(delimiter=',')),
 ("1;2;3\\n", dict(delimiter=';', max_rows=0)), ("1 2\\n3 4\\n5 6\\n", dict(skiprows=1, max_rows=1)),
 ("  # c\\n1 2\\n", dict(comments=None)), ("1 2 # c\\n", dict(comments=None)),
 ("true false\\n", dict(dtype='|b1')), ("1.5\\n", dict(dtype='|b1')),
]
out = []
for text, kw in cases:
    if any(isinstance(v, float) and v.is_integer() for v in kw.values()): continue
    path = sys.argv[1] if False else PATH
    with open(path, 'w', encoding='utf-8', newline='') as f: f.write(text)
    k = dict(kw)
    def conv(d):
        if isinstance(d, list): return np.dtype([tuple([x[0], conv(x[1])] + ([tuple(x[2])] if len(x) == 3 else [])) for x in d])
        return d
    if isinstance(k.get('dtype'), list): k['dtype'] = conv(k['dtype'])
    if k.get('dtype') == 'ALIGNED': k['dtype'] = np.dtype("i1, i4, i1, i4, i1, i4", align=True)
    try:
        r = np.loadtxt(path, **k)
        rs = r if isinstance(r, (list, tuple)) else [r]
        res = [dict(dtype=str(a.dtype.descr) if a.dtype.names else a.dtype.str, shape=list(a.shape), hex=a.tobytes().hex()) for a in rs]
        out.append(dict(text=text, kw=kw, ok=res, unpacked=isinstance(r, (list, tuple))))
    except Exception as e:
        out.append(dict(text=text, kw=kw, err=type(e).__name__, msg=str(e)))
print(json.dumps(out))
`);
    expect(cases.length).toBeGreaterThan(100);
    const bad: string[] = [];
    let errors = 0;
    for (const c of cases) {
      fs.writeFileSync(PATH, c.text);
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c.kw)) o[k === 'max_rows' ? 'maxRows' : k] = k === 'dtype' ? descrOf(v as Descr) : v;
      let got: { ok?: { dtype: string; shape: number[]; hex: string }[]; err?: string; msg?: string };
      try {
        const r = loadtxt(PATH, o);
        const rs: NdArray[] = Array.isArray(r) ? r : [r];
        got = { ok: rs.map((a) => ({ dtype: a.dtype.str, shape: [...a.shape], hex: Buffer.from(a.tobytes()).toString('hex') })) };
      } catch (e) {
        got = { err: (e as Error).name, msg: (e as Error).message };
      }
      const label = `${JSON.stringify(c.text.slice(0, 50))} ${JSON.stringify(c.kw)}`;
      if (c.err !== undefined) {
        errors++;
        if (got.err !== c.err) bad.push(`${label}: NumPy ${c.err}: ${c.msg}; mmarray ${got.err ?? 'no error'}: ${got.msg ?? JSON.stringify(got.ok)}`);
        // NumPy's message, with mmarray's location suffix where it adds one.
        else if (got.msg !== c.msg && got.msg!.replace(/ \((?:line \d+ of|file) '[^']*'\)/, '') !== c.msg) bad.push(`${label}: message "${got.msg}", NumPy "${c.msg}"`);
        continue;
      }
      const want = c.ok!;
      // unpack=True of a plain array: NumPy's arr.T, mmarray's list of its rows (README).
      const gotRows = c.kw.unpack === true && want.length === 1 && got.ok !== undefined && got.ok.length > 1;
      const same = got.ok !== undefined && (gotRows
        ? got.ok.map((g) => g.hex).join('') === want[0].hex
        : got.ok.length === want.length && got.ok.every((g, i) => g.hex === want[i].hex && JSON.stringify(g.shape) === JSON.stringify(want[i].shape) && (g.dtype === want[i].dtype || want[i].dtype.startsWith('['))));
      if (!same) bad.push(`${label}: NumPy ${JSON.stringify(want)}, mmarray ${got.err ? `${got.err}: ${got.msg}` : JSON.stringify(got.ok)}`);
    }
    expect(bad).toEqual([]);
    expect(errors).toBeGreaterThan(40);
  });
});
