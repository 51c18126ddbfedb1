// NumPy's np.fromregex (lib/fromregex.ts) against NumPy itself: records from
// the matches of a pattern, groups into fields as NumPy converts text, the
// one-group and no-group forms, no match, and the errors.
import * as fs from 'fs';
import { fromregex } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-fromregex-');

interface Case {
  text: string;
  pattern: string;
  dtype: [string, string][] | string;
  repr?: string;
  hex?: string;
  err?: string;
  msg?: string;
}

const TEXT = '1312 foo\n1534  bar\n444   qux\n';
const CASES: [string, string, [string, string][] | string][] = [
  [TEXT, '(\\d+)\\s+(...)', [['num', '<i8'], ['key', '|S3']]],
  [TEXT, '(\\d+)', [['num', '<i8']]],
  [TEXT, '\\d+', [['num', '<i4']]],
  [TEXT, 'zzz', [['num', '<i8']]],
  [TEXT, '(?P<a>\\d+)\\s+(?P<b>\\w+)', [['num', '<f4'], ['key', '|S2']]],
  [TEXT, '(\\d+)\\s+(...)', [['num', '|i1'], ['key', '|S3']]],
  [TEXT, '(\\d+)\\s+(...)', '<i4'],
  [TEXT, '(\\d+)\\s+(...)', [['a', '<i4'], ['b', '|S3'], ['c', '<f8']]],
  [TEXT, '(\\d+)', [['a', '<i4'], ['b', '<i4']]],
  [TEXT, '(\\w+)\\s+(\\w+)', [['a', '<f8'], ['b', '|S3']]],
  ['x=1.5e3, y=-2_0; x=inf, y=+7\nx= nan , y=3\n', 'x=([^,]*), y=(\\S+?)(?:;|\\n)', [['x', '<f8'], ['y', '<i2']]],
  ['a (1+2j) b -3.5j c 4\n', '([a-z]) (\\S+)', [['k', '|S1'], ['z', '<c16']]],
  ['t: \nt: yes\n', 't: (\\w*)\\n', [['flag', '|b1']]],
  ['A1 b2 C3\n', '(?i)([a-c])(\\d)', [['c', '|S1'], ['d', '<u1']]],
  ['v=1\r\nv=2\r\n', 'v=(\\d)$', [['v', '<i8']]],
  ['v=1\r\nv=2\r\n', '(?m)v=(\\d)$', [['v', '<i8']]],
  ['k=1 k=2\n', 'k=(\\d)( )?', [['a', '<i8'], ['b', '|S1']]],
  ['x=caf\u00e9\n', 'x=(\\S+)', [['s', '|S5']]],
  ['x=\ud83d\ude00\u4e2d\n', 'x=(\\S+)', [['s', '|S5']]],
  ['x=a\u4e2db\n', 'x=(\\S+)', [['s', '|S5']]],
  ['x=12 y\n', 'x=(\\d+) (\\w)', [['n', '|u1'], ['s', '|S1']]],
  ['x=1z y\n', 'x=(\\w+) (\\w)', [['n', '<i4'], ['s', '|S1']]],
  ['x=1.5.2 y\n', 'x=(\\S+) (\\w)', [['n', '<f8'], ['s', '|S1']]],
  ['x=1+ y\n', 'x=(\\S+) (\\w)', [['n', '<c16'], ['s', '|S1']]],
  ['a]1 b2 ]3\n', '([]a-c])(\\d)', [['c', '|S1'], ['d', '<u1']]],
  ['a]1 b2 ]3\n', '([^]a])(\\d)', [['c', '|S1'], ['d', '<u1']]],
  ['p$1 q2\n', 'p\\$(\\d)', [['d', '<u1']]],
  ['7\n8', '\\A(\\d)', [['d', '<u1']]],
  ['7\n8', '(\\d)\\Z', [['d', '<u1']]],
  ['7\n8\n', '(\\d)\\Z', [['d', '<u1']]],
];

describeWithNumpy('fromregex against NumPy', () => {
  test('values, dtypes, shapes and errors', () => {
    const want = runNumpy<Case[]>(`
cases = json.loads(sys.stdin.read())
out = []
for i, (text, pattern, dt) in enumerate(cases):
    p = ${JSON.stringify(tmp.path('np'))} + str(i) + '.txt'
    with open(p, 'w', newline='') as f: f.write(text)
    d = np.dtype([tuple(x) for x in dt]) if isinstance(dt, list) else dt
    try:
        a = np.fromregex(p, pattern, d)
        out.append(dict(repr=str(a.dtype.descr) + str(a.shape), hex=a.tobytes().hex()))
    except Exception as e:
        out.append(dict(err=type(e).__name__, msg=str(e)))
print(json.dumps(out))
`, JSON.stringify(CASES));
    const bad: string[] = [];
    CASES.forEach(([text, pattern, dt], i) => {
      const p = tmp.path(`js${i}.txt`);
      fs.writeFileSync(p, text);
      let got: { hex?: string; shape?: number[]; err?: string; msg?: string };
      try {
        const a = fromregex(p, pattern, dt);
        got = { hex: Buffer.from(a.tobytes()).toString('hex'), shape: [...a.shape] };
      } catch (e) {
        got = { err: (e as Error).name, msg: (e as Error).message };
      }
      const w = want[i];
      const label = `${JSON.stringify(pattern)} ${JSON.stringify(dt)}`;
      if (w.err !== undefined) {
        // (mmarray's message may go on past NumPy's with the sizes: NumPy's, less its final period, begins it.)
        if (got.err !== w.err || !(got.msg === w.msg || got.msg!.startsWith(w.msg!.replace(/\.$/, '')))) bad.push(`${label}: NumPy ${w.err}: ${w.msg}; mmarray ${got.err}: ${got.msg ?? got.hex}`);
      } else if (got.hex !== w.hex || !w.repr!.endsWith(`(${got.shape![0]},)`)) {
        bad.push(`${label}: NumPy ${w.repr} ${w.hex}; mmarray ${got.err ? `${got.err}: ${got.msg}` : `${JSON.stringify(got.shape)} ${got.hex}`}`);
      }
    });
    expect(bad).toEqual([]);
  });
});

describe('fromregex', () => {
  test('a RegExp object keeps its flags; bad arguments are clear errors naming the problem', () => {
    const p = tmp.file('A1 b2\n', 'r.txt');
    expect(fromregex(p, /([a-z])(\d)/i, [['c', 'S1'], ['d', 'u1']]).toArray()).toEqual([{ c: Uint8Array.of(65), d: 1 }, { c: Uint8Array.of(98), d: 2 }]);
    expect(() => fromregex(p, 7 as never, [['a', 'i4']])).toThrow('regexp must be a string or a RegExp');
    expect(() => fromregex(p, '(?x)a', [['a', 'i4']])).toThrow('(?x) has no JS counterpart');
    expect(() => fromregex(p, '(', [['a', 'i4']])).toThrow('bad regular expression');
    expect(() => fromregex(p, 'a', [['a', 'i4']], { encoding: 'cp1252' })).toThrow("encoding 'cp1252' is not supported");
    expect(() => fromregex(p, 'a', [['a', 'i4']], { nonsense: 1 } as never)).toThrow("unexpected keyword argument 'nonsense'");
    expect(() => fromregex(tmp.path('missing.txt'), 'a', [['a', 'i4']])).toThrow(/ENOENT/);
    expect(() => fromregex(tmp.path(''), 'a', [['a', 'i4']])).toThrow();
    expect(() => fromregex(p, '(a)(1)', [['a', 'V1'], ['b', 'i4']])).toThrow(new TypeError("fromregex(): field 'a' has dtype |V1; text converts only to bool, integer, float, complex and bytes fields"));
    // A file past 2^29 bytes (one JS string) is refused before a byte is read: a sparse one here.
    const big = tmp.path('big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 ** 29);
    expect(() => fromregex(big, 'a', [['a', 'i4']])).toThrow(`fromregex(): '${big}' has ${2 ** 29} bytes; it reads the whole file as one string, at most ${2 ** 29 - 64} bytes`);
  });
});
