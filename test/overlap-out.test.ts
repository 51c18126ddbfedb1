// Calls whose `out` (or in-place target) shares memory with what they read
// (lib/write-overlap.ts): NumPy's rule is that the result is as if the inputs
// were copied before anything is written. Each case builds the same
// adversarial layout over one base array here and in NumPy (same memory,
// shifted by one item, reversed, transposed, `out` overlapping itself with a
// 0 stride or a stride below its itemsize, `out` overlapping one input of
// two, a `where` mask inside `out`), runs the call, and compares every byte
// of the base array afterwards (or the error class) with NumPy's, at run time.
import {
  add,
  addAt,
  all,
  any,
  argmax,
  addReduceat,
  argmin,
  array,
  asStrided,
  bitwiseOr,
  choose,
  clip,
  concatenate,
  copyto,
  cumprod,
  cumsum,
  divmod,
  dot,
  einsum,
  invert,
  logicalNot,
  matmul,
  max,
  mean,
  median,
  modf,
  nancumsum,
  negative,
  NdArray,
  outer,
  percentile,
  place,
  prod,
  ptp,
  put,
  putmask,
  quantile,
  sqrt,
  std,
  subtract,
  sum,
  take,
  ufuncAsync,
  variance,
} from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** One call over a base array `x` (n items of dtype dt): Python statements and the JS call. */
interface OverlapCase {
  name: string;
  dt: string;
  n?: number;
  py: string;
  js: (x: NdArray) => unknown;
}

interface Outcome {
  hex?: string;
  error?: string;
}

const N = 64;

/** The base values (the same formula in Python): varied, small, signed; 0/1 for bool. */
function baseValues(n: number, dt: string): (number | boolean)[] {
  return Array.from({ length: n }, (_, i) => (dt === '?' ? i % 3 === 0 : dt.includes('f') ? (((i * 37 + 11) % 97) - 40) / 4 : ((i * 37 + 11) % 97) - 40));
}

const PY_PRELUDE = `
from numpy.lib.stride_tricks import as_strided as ast
def base(n, dt):
    i = np.arange(n)
    if dt == '?': return (i % 3 == 0)
    v = (i * 37 + 11) % 97 - 40
    return (v / 4).astype(dt) if 'f' in dt else v.astype(dt)
res = []
for c in json.load(sys.stdin):
    x = base(c['n'], c['dt'])
    try:
        with np.errstate(all='ignore'):
            exec(c['py'])
        res.append({'hex': x.tobytes().hex()})
    except Exception as e:
        res.append({'error': type(e).__name__})
print(json.dumps(res))
`;

function hexOfBase(x: NdArray): string {
  const t = x.view('u1').typedArray() as Uint8Array;
  return Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString('hex');
}

function jsOutcome(c: OverlapCase): Outcome {
  const x = array(baseValues(c.n ?? N, c.dt), c.dt);
  try {
    c.js(x);
    return { hex: hexOfBase(x) };
  } catch (e) {
    return { error: (e as Error).name };
  }
}

/** Every case's base-array bytes (or error class) equal NumPy's; the first few that differ are shown. */
function expectLikeNumpy(cases: OverlapCase[]): void {
  const want = runNumpy<Outcome[]>(PY_PRELUDE, JSON.stringify(cases.map((c) => ({ py: c.py, dt: c.dt, n: c.n ?? N }))));
  const bad = cases
    .map((c, i) => ({ name: c.name, py: c.py, want: want[i], got: jsOutcome(c) }))
    .filter((r) => JSON.stringify(r.want) !== JSON.stringify(r.got));
  expect(bad.slice(0, 4)).toEqual([]);
  // A case NumPy refuses compares only error classes: only those named so may.
  expect(cases.filter((c, i) => want[i].error !== undefined && !c.name.includes('refused')).map((c, i) => `${c.name}: ${String(want[i].error)}`)).toEqual([]);
}

/** A layout over the base array, in both languages. */
interface View {
  py: string;
  js: (x: NdArray) => NdArray;
}

const v = (py: string, js: (x: NdArray) => NdArray): View => ({ py, js });

/** Pairs (input, out) of 24 items each (or 6x6), over x of N items. */
const PAIRS: [string, View, View][] = [
  ['same memory', v('x[:24]', (x) => x.index('0:24')), v('x[:24]', (x) => x.index('0:24'))],
  ['input one item ahead', v('x[1:25]', (x) => x.index('1:25')), v('x[:24]', (x) => x.index('0:24'))],
  ['input one item behind', v('x[:24]', (x) => x.index('0:24')), v('x[1:25]', (x) => x.index('1:25'))],
  ['input reversed', v('x[:24][::-1]', (x) => x.index('0:24').index('::-1')), v('x[:24]', (x) => x.index('0:24'))],
  ['input transposed', v('x[:36].reshape(6, 6).T', (x) => x.index('0:36').reshape([6, 6]).T), v('x[:36].reshape(6, 6)', (x) => x.index('0:36').reshape([6, 6]))],
  ['input strided, out dense', v('x[:48:2]', (x) => x.index('0:48:2')), v('x[:24]', (x) => x.index('0:24'))],
  ['input broadcast (stride 0) inside out', v('ast(x[5:], (24,), (0,))', (x) => asStrided(x.index('5:'), [24], [0])), v('x[:24]', (x) => x.index('0:24'))],
  ['out with stride 0', v('x[:24]', (x) => x.index('0:24')), v('ast(x[30:], (24,), (0,))', (x) => asStrided(x.index('30:'), [24], [0]))],
  ['out with a stride below its itemsize, over the input', v('x[:24]', (x) => x.index('0:24')), v('ast(x, (24,), (1,))', (x) => asStrided(x, [24], [1]))],
  ['input and out the same stride-1 view', v('ast(x, (24,), (1,))', (x) => asStrided(x, [24], [1])), v('ast(x, (24,), (1,))', (x) => asStrided(x, [24], [1]))],
  ['disjoint input', v('x[40:64]', (x) => x.index('40:64')), v('x[:24]', (x) => x.index('0:24'))],
];

/** The pairs for a dtype: a stride below the itemsize needs items of 2 bytes or more. */
function pairsFor(dt: string): [string, View, View][] {
  const oneByte = dt === '?' || /^[|<>]?[iu]1$/.test(dt);
  return PAIRS.filter(([name]) => !(oneByte && (name.includes('stride-1') || name.includes('below'))));
}

/** The call over every pair (minus the 2-d one when `flatOnly`); `js` also gets the base array. */
function pairCases(fname: string, dt: string, py: (a: string, o: string) => string, js: (a: NdArray, o: NdArray, x: NdArray) => unknown, flatOnly = false): OverlapCase[] {
  return pairsFor(dt)
    .filter(([name]) => !(flatOnly && name.includes('transposed')))
    .map(([name, a, o]) => ({ name: `${fname} ${dt}: ${name}`, dt, py: py(a.py, o.py), js: (x) => js(a.js(x), o.js(x), x) }));
}

describeWithNumpy('ufuncs with an overlapping out (NumPy: as if the inputs were copied first)', () => {
  test('negative, invert and sqrt over every layout', () => {
    expectLikeNumpy([
      ...pairCases('negative', '<f8', (a, o) => `np.negative(${a}, out=${o})`, (a, o) => negative(a, { out: o })),
      ...pairCases('negative', '<i2', (a, o) => `np.negative(${a}, out=${o})`, (a, o) => negative(a, { out: o })),
      ...pairCases('invert', '<i2', (a, o) => `np.invert(${a}, out=${o})`, (a, o) => invert(a, { out: o })),
      ...pairCases('invert', '<i4', (a, o) => `np.invert(${a}, out=${o})`, (a, o) => invert(a, { out: o })),
      ...pairCases('sqrt', '<f4', (a, o) => `np.sqrt(${a}, out=${o})`, (a, o) => sqrt(a, { out: o })),
      ...pairCases('negative', '>i4', (a, o) => `np.negative(${a}, out=${o})`, (a, o) => negative(a, { out: o })),
    ]);
  });

  test('add and subtract: out overlapping one input of two, or both', () => {
    expectLikeNumpy([
      ...pairCases('add', '<i2', (a, o) => `np.add(${a}, x[40:64], out=${o})`, (a, o, x) => add(a, x.index('40:64'), { out: o }), true),
      ...pairCases('subtract', '<f8', (a, o) => `np.subtract(x[40:64], ${a}, out=${o})`, (a, o, x) => subtract(x.index('40:64'), a, { out: o }), true),
      ...pairCases('add both', '<i4', (a, o) => `np.add(${a}, ${o}, out=${o})`, (a, o) => add(a, o, { out: o })),
      ...pairCases('add scalar', '<i2', (a, o) => `np.add(${a}, 3, out=${o})`, (a, o) => add(a, 3, { out: o })),
    ]);
  });

  test('a where mask inside out, and masked outs over their input', () => {
    expectLikeNumpy([
      { name: 'logical_not, mask one item ahead of out', dt: '?', py: 'np.logical_not(x[1:25], out=x[:24], where=x[1:25])', js: (x) => logicalNot(x.index('1:25'), { out: x.index('0:24'), where: x.index('1:25') }) },
      { name: 'logical_not, mask is out', dt: '?', py: 'np.logical_not(x[2:26], out=x[:24], where=x[:24])', js: (x) => logicalNot(x.index('2:26'), { out: x.index('0:24'), where: x.index('0:24') }) },
      { name: 'logical_not, mask reversed out', dt: '?', py: 'np.logical_not(x[30:54], out=x[:24], where=x[:24][::-1])', js: (x) => logicalNot(x.index('30:54'), { out: x.index('0:24'), where: x.index('0:24').index('::-1') }) },
      ...pairCases('negative masked', '<i2', (a, o) => `np.negative(${a}, out=${o}, where=(np.arange(24) % 3 != 1))`, (a, o) => negative(a, { out: o, where: mask(o.shape) }), true),
    ]);
  });

  test('an out that views the bytes of its input as another dtype', () => {
    expectLikeNumpy([
      { name: 'add int16 into its bytes as uint16', dt: '<i2', py: 'np.add(x[:24], 1, out=x[:24].view(np.uint16), casting="unsafe")', js: (x) => add(x.index('0:24'), 1, { out: x.index('0:24').view('<u2'), casting: 'unsafe' }) },
      { name: 'add int16 into its bytes as uint16, same_kind refused', dt: '<i2', py: 'np.add(x[:24], 1, out=x[:24].view(np.uint16))', js: (x) => add(x.index('0:24'), 1, { out: x.index('0:24').view('<u2') }) },
      { name: 'negative int16 into the low bytes of its items', dt: '<i2', py: 'np.negative(x[:24], out=x[:24].view(np.int8)[::2])', js: (x) => negative(x.index('0:24'), { out: x.index('0:24').view('i1').index('::2') }) },
      { name: 'negative float64 into float32 halves shifted by one half', dt: '<f8', py: 'np.negative(x[:12], out=x[:13].view(np.float32)[1:13], casting="same_kind")', js: (x) => negative(x.index('0:12'), { out: x.index('0:13').view('<f4').index('1:13'), casting: 'same_kind' }) },
      { name: 'add float64 into float32 halves, reversed', dt: '<f8', py: 'np.add(x[:12], x[20:32], out=x[:6].view(np.float32)[::-1])', js: (x) => add(x.index('0:12'), x.index('20:32'), { out: x.index('0:6').view('<f4').index('::-1') }) },
    ]);
  });

  test('two-output ufuncs: each output over an input', () => {
    expectLikeNumpy([
      { name: 'modf, first output over the input shifted', dt: '<f8', py: 'np.modf(x[1:25], out=(x[:24], x[40:64]))', js: (x) => modf(x.index('1:25'), { out: [x.index('0:24'), x.index('40:64')] }) },
      { name: 'modf, second output over the input reversed', dt: '<f8', py: 'np.modf(x[:24], out=(x[40:64], x[:24][::-1]))', js: (x) => modf(x.index('0:24'), { out: [x.index('40:64'), x.index('0:24').index('::-1')] }) },
      { name: 'divmod, both outputs over the inputs', dt: '<i4', py: 'np.divmod(x[:24], x[30:54] | 1, out=(x[1:25], x[:24]))', js: (x) => divmod(x.index('0:24'), bitwiseOr(x.index('30:54'), 1), { out: [x.index('1:25'), x.index('0:24')] }) },
    ]);
  });

  test('clip and the ufunc-built helpers', () => {
    expectLikeNumpy([
      ...pairCases('clip', '<i2', (a, o) => `np.clip(${a}, -10, 10, out=${o})`, (a, o) => clip(a, -10, 10, { out: o })),
      ...pairCases('clip array bounds', '<f8', (a, o) => `np.clip(x[40:64], ${a}, 30, out=${o})`, (a, o, x) => clip(x.index('40:64'), a, 30, { out: o }), true),
    ]);
  });
});

describeWithNumpy('accumulations, reductions and reduceat into an overlapping out', () => {
  test('cumsum / cumprod / nancumsum: flat and along an axis', () => {
    const acc = (fname: string, dt: string, pyf: string, f: (a: NdArray, axis: number | null, o: NdArray) => unknown): OverlapCase[] => [
      ...pairCases(`${fname} flat`, dt, (a, o) => `${pyf}(${a}, axis=None, out=${o})`, (a, o) => f(a, null, o), true),
      ...pairCases(`${fname} axis 0`, dt, (a, o) => `${pyf}(${a}, axis=0, out=${o})`, (a, o) => f(a, 0, o)),
      ...pairCases(`${fname} axis 1`, dt, (a, o) => `${pyf}(${a}, axis=1, out=${o})`, (a, o) => f(a, 1, o)).filter((c) => c.name.includes('transposed')),
    ];
    expectLikeNumpy([
      ...acc('cumsum', '<i2', 'np.cumsum', (a, axis, o) => cumsum(a, axis, { out: o })),
      ...acc('cumsum', '<f8', 'np.cumsum', (a, axis, o) => cumsum(a, axis, { out: o })),
      ...acc('cumprod', '<i4', 'np.cumprod', (a, axis, o) => cumprod(a, axis, { out: o })),
      ...acc('nancumsum', '<f8', 'np.nancumsum', (a, axis, o) => nancumsum(a, axis, { out: o })),
      { name: 'cumsum int16 into its own bytes as int8 pairs', dt: '<i2', py: 'np.cumsum(x[:24], out=x[:24].view(np.int8)[::2])', js: (x) => cumsum(x.index('0:24'), null, { out: x.index('0:24').view('i1').index('::2') }) },
    ]);
  });

  test('sum / max / argmin / mean / std / ptp / median / quantile with out over the input', () => {
    const sq = v('x[:36].reshape(6, 6)', (x) => x.index('0:36').reshape([6, 6]));
    const outs: [string, View][] = [
      ['out the first row', v('x[:6]', (x) => x.index('0:6'))],
      ['out one item in', v('x[1:7]', (x) => x.index('1:7'))],
      ['out a column', v('x[:36:6]', (x) => x.index('0:36:6'))],
      ['out reversed', v('x[5::-1]', (x) => x.index('5::-1'))],
    ];
    const red = (fname: string, dt: string, py: (a: string, o: string) => string, js: (a: NdArray, o: NdArray) => unknown): OverlapCase[] =>
      outs.map(([name, o]) => ({ name: `${fname} ${dt}: ${name}`, dt, py: py(sq.py, o.py), js: (x) => js(sq.js(x), o.js(x)) }));
    expectLikeNumpy([
      ...red('sum axis 0', '<i4', (a, o) => `np.sum(${a}, axis=0, out=${o})`, (a, o) => sum(a, 0, { out: o })),
      ...red('sum axis 1', '<f8', (a, o) => `np.sum(${a}, axis=1, out=${o})`, (a, o) => sum(a, 1, { out: o })),
      ...red('max axis 0', '<i2', (a, o) => `np.max(${a}, axis=0, out=${o})`, (a, o) => max(a, 0, { out: o })),
      ...red('mean axis 1', '<f8', (a, o) => `np.mean(${a}, axis=1, out=${o})`, (a, o) => mean(a, 1, { out: o })),
      ...red('std axis 0', '<f8', (a, o) => `np.std(${a}, axis=0, out=${o})`, (a, o) => std(a, 0, { out: o })),
      ...red('ptp axis 1', '<i4', (a, o) => `np.ptp(${a}, axis=1, out=${o})`, (a, o) => ptp(a, { axis: 1, out: o })),
      ...red('median axis 0', '<f8', (a, o) => `np.median(${a}, axis=0, out=${o})`, (a, o) => median(a, { axis: 0, out: o })),
      ...red('quantile axis 1', '<f8', (a, o) => `np.quantile(${a}, 0.3, axis=1, out=${o})`, (a, o) => quantile(a, 0.3, { axis: 1, out: o })),
      ...red('prod axis 1', '<i4', (a, o) => `np.prod(${a}, axis=1, out=${o})`, (a, o) => prod(a, 1, { out: o })),
      ...red('var axis 1', '<f8', (a, o) => `np.var(${a}, axis=1, out=${o})`, (a, o) => variance(a, 1, { out: o })),
      ...red('percentile axis 0', '<f8', (a, o) => `np.percentile(${a}, 40, axis=0, out=${o})`, (a, o) => percentile(a, 40, { axis: 0, out: o })),
      ...red('sum axis 0 with where', '<i4', (a, o) => `np.sum(${a}, axis=0, out=${o}, where=(np.arange(36).reshape(6, 6) % 4 == 0))`, (a, o) => sum(a, 0, { out: o, where: boolsMod(36, 4).reshape([6, 6]) })),
      { name: 'any into the input (bool)', dt: '?', py: 'np.any(x[:36].reshape(6, 6), axis=1, out=x[1:7])', js: (x) => any(x.index('0:36').reshape([6, 6]), 1, { out: x.index('1:7') }) },
      { name: 'all into the input reversed (bool)', dt: '?', py: 'np.all(x[:36].reshape(6, 6), axis=0, out=x[5::-1])', js: (x) => all(x.index('0:36').reshape([6, 6]), 0, { out: x.index('5::-1') }) },
      { name: 'argmax into the input (int64)', dt: '<i8', py: 'np.argmax(x[:36].reshape(6, 6), axis=1, out=x[:36:6])', js: (x) => argmax(x.index('0:36').reshape([6, 6]), 1, { out: x.index('0:36:6') }) },
      { name: 'argmin into the input (int64)', dt: '<i8', py: 'np.argmin(x[:36].reshape(6, 6), axis=0, out=x[1:7])', js: (x) => argmin(x.index('0:36').reshape([6, 6]), 0, { out: x.index('1:7') }) },
    ]);
  });

  test('addReduceat into the input, and addAt with values from the target', () => {
    expectLikeNumpy([
      { name: 'add.reduceat out shifted', dt: '<i2', py: 'np.add.reduceat(x[1:25], [0, 3, 2, 10], out=x[:4])', js: (x) => addReduceat(x.index('1:25'), [0, 3, 2, 10], { out: x.index('0:4') }) },
      { name: 'add.reduceat out is the input', dt: '<f8', py: 'np.add.reduceat(x[:8], [5, 0, 7, 1, 2, 3, 4, 6], out=x[:8])', js: (x) => addReduceat(x.index('0:8'), [5, 0, 7, 1, 2, 3, 4, 6], { out: x.index('0:8') }) },
      { name: 'add.at values are the target reversed', dt: '<i4', py: 'np.add.at(x[:24], np.arange(24) % 5, x[:24][::-1])', js: (x) => addAt(x.index('0:24'), idx24mod5(), x.index('0:24').index('::-1')) },
    ]);
  });
});

describeWithNumpy('products, gathers and copies into an overlapping out', () => {
  test('matmul / dot / einsum / outer with out over an operand', () => {
    expectLikeNumpy([
      { name: 'matmul out is the left operand', dt: '<f8', py: 'a = x[:16].reshape(4, 4); np.matmul(a, x[20:36].reshape(4, 4), out=a)', js: (x) => matmul(x.index('0:16').reshape([4, 4]), x.index('20:36').reshape([4, 4]), { out: x.index('0:16').reshape([4, 4]) }) },
      { name: 'matmul out is the transpose of the right operand', dt: '<f8', py: 'b = x[:16].reshape(4, 4); np.matmul(x[20:36].reshape(4, 4), b, out=b.T)', js: (x) => matmul(x.index('20:36').reshape([4, 4]), x.index('0:16').reshape([4, 4]), { out: x.index('0:16').reshape([4, 4]).T }) },
      { name: 'matmul int out shifted over both', dt: '<i4', py: 'np.matmul(x[:16].reshape(4, 4), x[2:18].reshape(4, 4), out=x[1:17].reshape(4, 4))', js: (x) => matmul(x.index('0:16').reshape([4, 4]), x.index('2:18').reshape([4, 4]), { out: x.index('1:17').reshape([4, 4]) }) },
      { name: 'dot out is the left operand', dt: '<f8', py: 'a = x[:16].reshape(4, 4); np.dot(a, a, out=a)', js: (x) => dot(x.index('0:16').reshape([4, 4]), x.index('0:16').reshape([4, 4]), x.index('0:16').reshape([4, 4])) },
      { name: 'einsum out over an operand', dt: '<f8', py: "np.einsum('ij,jk->ik', x[:16].reshape(4, 4), x[20:36].reshape(4, 4), out=x[1:17].reshape(4, 4))", js: (x) => einsum('ij,jk->ik', x.index('0:16').reshape([4, 4]), x.index('20:36').reshape([4, 4]), { out: x.index('1:17').reshape([4, 4]) }) },
      { name: 'outer out over both inputs', dt: '<f8', py: 'np.outer(x[:4], x[2:6], out=x[:16].reshape(4, 4))', js: (x) => outer(x.index('0:4'), x.index('2:6'), x.index('0:16').reshape([4, 4])) },
    ]);
  });

  test('take / choose with out over the source, concatenate with out over a piece', () => {
    expectLikeNumpy([
      { name: 'take out is the source', dt: '<i2', py: 'np.take(x[:24], np.arange(24)[::-1], out=x[:24])', js: (x) => take(x.index('0:24'), arangeDesc(24), { out: x.index('0:24') }) },
      { name: 'take out shifted', dt: '<f8', py: 'np.take(x[:24], np.arange(24) % 7, out=x[1:25])', js: (x) => take(x.index('0:24'), idxMod(24, 7), { out: x.index('1:25') }) },
      { name: 'choose out is a choice', dt: '<i4', py: 'np.choose(np.arange(24) % 2, [x[:24], x[24:48]], out=x[1:25])', js: (x) => choose(idxMod(24, 2), [x.index('0:24'), x.index('24:48')], { out: x.index('1:25') }) },
      { name: 'concatenate out over the second piece', dt: '<i2', py: 'np.concatenate([x[:8], x[8:16]], out=x[4:20])', js: (x) => concatenate([x.index('0:8'), x.index('8:16')], { out: x.index('4:20') }) },
      { name: 'concatenate out over the first piece reversed', dt: '<f8', py: 'np.concatenate([x[:8], x[20:28]], out=x[:16][::-1])', js: (x) => concatenate([x.index('0:8'), x.index('20:28')], { out: x.index('0:16').index('::-1') }) },
    ]);
  });

  test('in-place writes that read what they write: copyto, set, put, putmask, place', () => {
    expectLikeNumpy([
      { name: 'copyto(a, a[::-1])', dt: '<i2', py: 'np.copyto(x[:24], x[:24][::-1])', js: (x) => copyto(x.index('0:24'), x.index('0:24').index('::-1')) },
      { name: 'copyto shifted, where mask', dt: '<f8', py: 'np.copyto(x[1:25], x[:24], where=(np.arange(24) % 3 != 1))', js: (x) => copyto(x.index('1:25'), x.index('0:24'), { where: mask([24]) }) },
      { name: 'copyto into a stride-1 view of itself', dt: '<i2', py: 'a = ast(x, (24,), (1,)); np.copyto(a, x[:24])', js: (x) => copyto(asStrided(x, [24], [1]), x.index('0:24')) },
      { name: 'a.set(a.T)', dt: '<i4', py: 'a = x[:36].reshape(6, 6); a[...] = a.T', js: (x) => x.index('0:36').reshape([6, 6]).set(x.index('0:36').reshape([6, 6]).T) },
      { name: 'set from a shifted view', dt: '<f8', py: 'x[1:25] = x[:24]', js: (x) => x.index('1:25').set(x.index('0:24')) },
      { name: 'put values from the target', dt: '<i2', py: 'np.put(x[:24], np.arange(24)[::-1], x[:24])', js: (x) => put(x.index('0:24'), arangeDesc(24), x.index('0:24')) },
      { name: 'putmask values from the target shifted', dt: '<f8', py: 'np.putmask(x[1:25], np.arange(24) % 2 == 0, x[:24])', js: (x) => putmask(x.index('1:25'), boolsMod(24, 2), x.index('0:24')) },
      { name: 'place values from the target', dt: '<i4', py: 'np.place(x[:24], np.arange(24) % 2 == 0, x[:24][::-1])', js: (x) => place(x.index('0:24'), boolsMod(24, 2), x.index('0:24').index('::-1')) },
    ]);
  });
});

describe('ufuncAsync with an out that overlaps itself and its input', () => {
  test('gives the bytes the sync call gives (that call is checked against NumPy above)', async () => {
    // Large enough for the pool loop: the temporary route runs on the JS thread instead.
    const n = 1 << 18;
    const make = (): NdArray => array(baseValues(n, '<i2'), '<i2');
    const xs = make();
    invert(xs.index(`0:${n / 2}`), { out: asStrided(xs, [n / 2], [1]) });
    const xa = make();
    await ufuncAsync(invert, [xa.index(`0:${n / 2}`)], { out: asStrided(xa, [n / 2], [1]) });
    expect(hexOfBase(xa) === hexOfBase(xs)).toBe(true);
  });
});

// Small builders shared by the cases (each has the Python spelling written beside its use).
function mask(shape: readonly number[]): NdArray {
  const n = shape.reduce((p, q) => p * q, 1);
  return array(Array.from({ length: n }, (_, i) => i % 3 !== 1), '?').reshape([...shape]);
}

const arangeDesc = (n: number): NdArray => array(Array.from({ length: n }, (_, i) => n - 1 - i), '<i8');
const idxMod = (n: number, m: number): NdArray => array(Array.from({ length: n }, (_, i) => i % m), '<i8');
const idx24mod5 = (): NdArray => idxMod(24, 5);
const boolsMod = (n: number, m: number): NdArray => array(Array.from({ length: n }, (_, i) => i % m === 0), '?');
