// linspace / logspace / geomspace with array end points and an array base
// (lib/linspace-array.ts) against NumPy: result bytes, dtype and shape for
// float16/32/64, ints, bool and complex end points, broadcasting, every axis,
// endpoint on and off, num 0/1/2/many, an integer dtype (floored), a zero
// step (gh-5437's denormal path), byte-swapped and strided inputs; retstep;
// NumPy's errors.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { array, AxisError, fromBuffer, geomspace, linspace, logspace, NdArray, ValueError } from '../lib';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';

type Arg = number | { v: unknown; dt: string } | { v: unknown; dt: string; rev: true };
interface Case {
  fn: 'linspace' | 'logspace' | 'geomspace';
  start: Arg;
  stop: Arg;
  num: number;
  opts: Record<string, unknown>;
  base?: Arg;
}

const A = (v: unknown, dt: string): Arg => ({ v, dt });
const CASES: Case[] = [
  { fn: 'linspace', start: A([0, 1, -2.5], '<f8'), stop: 10, num: 7, opts: {} },
  { fn: 'linspace', start: A([0, 1, -2.5], '>f8'), stop: A([[1], [3e5]], '<f8'), num: 5, opts: { endpoint: false } },
  { fn: 'linspace', start: A([0.1, 1.7], '<f4'), stop: 3.3, num: 9, opts: {} },
  { fn: 'linspace', start: A([0.1, 1.7], '<f4'), stop: A([3.3, 9], '<f8'), num: 9, opts: { axis: -1 } },
  { fn: 'linspace', start: A([0.5, 3], '<f2'), stop: 2, num: 6, opts: { axis: 1 } },
  { fn: 'linspace', start: A([1, 100], '|i1'), stop: A([[5, -7], [9, 1]], '<i8'), num: 4, opts: { axis: 2 } },
  { fn: 'linspace', start: A([true, false], '|b1'), stop: 3, num: 3, opts: {} },
  { fn: 'linspace', start: A([0, 5], '<u8'), stop: 1, num: 4, opts: { dtype: '<i4' } },
  { fn: 'linspace', start: A([-3.7, 5.2], '<f8'), stop: 1, num: 6, opts: { dtype: '<i8', axis: 1 } },
  { fn: 'linspace', start: A([[1, 2], [3, 4]], '<c16'), stop: A([{ re: 1, im: 5 }, 0], '<c16'), num: 4, opts: {} },
  { fn: 'linspace', start: A([1, 2], '<c8'), stop: 3, num: 3, opts: { endpoint: false } },
  { fn: 'linspace', start: A([1e-320, 0], '<f8'), stop: A([2e-320, 1], '<f8'), num: 5, opts: {} },
  { fn: 'linspace', start: A([1, 2], '<f8'), stop: 3, num: 1, opts: {} },
  { fn: 'linspace', start: A([1, 2], '<f8'), stop: 3, num: 1, opts: { endpoint: false } },
  { fn: 'linspace', start: A([1, 2], '<f8'), stop: 3, num: 0, opts: { axis: 1 } },
  { fn: 'linspace', start: A(2, '<f4'), stop: 3, num: 4, opts: {} },
  { fn: 'linspace', start: { v: [0, 1, 2, 3, 4, 5], dt: '<f8', rev: true }, stop: 100, num: 4, opts: {} },
  { fn: 'logspace', start: A([0, 1], '<f8'), stop: A([2, 3], '<f8'), num: 3, opts: {} },
  { fn: 'logspace', start: A([0, 1.5], '<f4'), stop: 3, num: 5, opts: { axis: 1 } },
  { fn: 'logspace', start: 0, stop: 3, num: 4, opts: {}, base: A([2, 10], '<f8') },
  { fn: 'logspace', start: A([0, 1], '<f8'), stop: 2, num: 3, opts: { axis: -1 }, base: A([[2], [3], [10]], '<f8') },
  { fn: 'logspace', start: A([0, 1], '<f8'), stop: 6, num: 7, opts: { dtype: '<i8' } },
  { fn: 'logspace', start: 1, stop: A([[2, 3]], '>f8'), num: 4, opts: { endpoint: false, axis: 2 }, base: A([2, 4], '<i4') },
  { fn: 'logspace', start: A([0, 1], '<c16'), stop: 2, num: 3, opts: {} },
  { fn: 'geomspace', start: A([1, -2, 8], '<f8'), stop: A([1000, -64, 1], '<f8'), num: 6, opts: {} },
  { fn: 'geomspace', start: A([1, 10], '<f4'), stop: 1e4, num: 5, opts: { axis: -1 } },
  { fn: 'geomspace', start: A([2, 7], '<i2'), stop: A([[32], [0.5]], '<f8'), num: 4, opts: { endpoint: false, axis: 1 } },
  { fn: 'geomspace', start: A([{ re: 0, im: 1 }, { re: -1, im: 0 }], '<c16'), stop: A([{ re: 0, im: 1000 }, { re: 0, im: -8 }], '<c16'), num: 4, opts: {} },
  { fn: 'geomspace', start: A([1, 2], '<f8'), stop: 1000, num: 4, opts: { dtype: '<i4' } },
  { fn: 'geomspace', start: A([1, 2], '<f8'), stop: 1000, num: 4, opts: { dtype: '<f4' } },
  { fn: 'geomspace', start: A([1, 2], '<f8'), stop: 3, num: 1, opts: {} },
  { fn: 'geomspace', start: A([1, 2], '<f8'), stop: 3, num: 0, opts: {} },
];

const pyArg = (a: Arg): string => (typeof a === 'number' ? String(a) : `mk(${JSON.stringify(JSON.stringify(a))})`);
const pyKw = (o: Record<string, unknown>): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? `'${v}'` : v}`)
    .join(', ');

function jsArg(a: Arg): number | NdArray {
  if (typeof a === 'number') return a;
  const v = array(a.v as never, a.dt as never);
  return 'rev' in a ? v.index('::-2') : v;
}

describeWithNumpy('array end points against NumPy', () => {
  const want = runNumpy<({ hex: string; dt: string; shape: number[] } | { error: string })[]>(`
def mk(s):
    d = json.loads(s)
    def cv(v):
        if isinstance(v, list): return [cv(x) for x in v]
        if isinstance(v, dict): return complex(v['re'], v['im'])
        return v
    a = np.array(cv(d['v'])).astype(d['dt'])
    return a[::-2] if d.get('rev') else a
out = []
${CASES.map((c) => `try:\n    r = np.${c.fn}(${pyArg(c.start)}, ${pyArg(c.stop)}, ${c.num}${c.base !== undefined ? `, base=${pyArg(c.base)}` : ''}${Object.keys(c.opts).length ? `, ${pyKw(c.opts)}` : ''})\n    out.append({'hex': r.tobytes().hex(), 'dt': r.dtype.str, 'shape': list(r.shape)})\nexcept Exception as e:\n    out.append({'error': type(e).__name__ + ': ' + str(e)})`).join('\n')}
print(json.dumps(out))
`, undefined, NUMPY_BASELINE);

  CASES.forEach((c, i) => {
    test(`${c.fn} case ${i}: ${JSON.stringify(c)}`, () => {
      const w = want[i];
      expect('error' in w ? w.error : null).toBeNull();
      if ('error' in w) return;
      const opts = { ...c.opts, ...(c.base !== undefined ? { base: jsArg(c.base) } : {}) };
      const fn = { linspace, logspace, geomspace }[c.fn] as (a: unknown, b: unknown, n: number, o: unknown) => NdArray;
      const r = fn(jsArg(c.start), jsArg(c.stop), c.num, opts);
      expect(r.shape).toEqual(w.shape);
      // linspace is exact; logspace/geomspace go through power, the library's (within 1 ulp of NumPy's).
      expect(mismatches(r.copy(), w.dt, w.hex, { ulps: c.fn === 'linspace' ? 0 : 1 }, `case ${i}`)).toEqual([]);
    });
  });

  test('retstep with arrays: the step array, NumPy\'s values; NaN when div <= 0', () => {
    const want2 = runNumpy<{ y: string; s: string }>(`
y, s = np.linspace(np.array([1, 2], 'f4'), 3.3, 3, endpoint=False, retstep=True)
print(json.dumps({'y': y.tobytes().hex(), 's': s.tobytes().hex()}))
`);
    const [y, s] = linspace(array([1, 2], 'f4'), 3.3, 3, { endpoint: false, retstep: true });
    expect(Buffer.from(y.typedArray().buffer as ArrayBuffer, y.offset, y.nbytes).toString('hex')).toBe(want2.y);
    expect(Buffer.from((s as NdArray).typedArray().buffer as ArrayBuffer, (s as NdArray).offset, (s as NdArray).nbytes).toString('hex')).toBe(want2.s);
    expect(linspace([1, 2], 3, 1, { retstep: true })[1]).toBeNaN();
  });
});

describe('array end points: errors', () => {
  test('shapes that do not broadcast, a bad axis, a negative num, a zero in geomspace', () => {
    expect(() => linspace([1, 2, 3], [1, 2], 4)).toThrow(ValueError);
    expect(() => linspace([1, 2], 3, 4, { axis: 2 })).toThrow(new AxisError('destination: axis 2 is out of bounds for array of dimension 2'));
    expect(() => linspace([1, 2], 3, -1)).toThrow(new ValueError('Number of samples, -1, must be non-negative.'));
    expect(() => linspace([1, 2], 3, 2.5)).toThrow(TypeError);
    expect(() => logspace([1, 2], 3, 4, { base: [2, 3, 4] })).toThrow(ValueError);
    expect(() => geomspace([1, 0], 3, 4)).toThrow(new ValueError('Geometric sequence cannot include zero'));
    expect(() => geomspace(1, array([3, 0], 'i2'), 4)).toThrow(new ValueError('Geometric sequence cannot include zero'));
  });
  test('a closed or released input array is refused, not read', () => {
    const a = array([1, 2], 'f8');
    a.release();
    expect(() => linspace(a, 3, 4)).toThrow();
  });
});

// NumPy 2.4: np.linspace(np.array([9, 1, 9, 2], '>f8')[1::2], 3, 3).dtype is '>f8' (one array beside a
// Python scalar: its dtype as it is); the describeWithNumpy block below checks that against NumPy.
test('a byte-swapped, strided input reads as its values; the result keeps its dtype (>f8), as NumPy', () => {
  const dv = new DataView(new ArrayBuffer(32));
  [9, 1, 9, 2].forEach((v, i) => dv.setFloat64(i * 8, v, false));
  const a = fromBuffer(dv.buffer, '>f8').index('1::2');
  const r = linspace(a, 3, 3);
  expect(r.dtype.str).toBe('>f8');
  expect(r.toArray()).toEqual([[1, 2], [2, 2.5], [3, 3]]);
});

describeWithNumpy('linspace with array end points: found by the differential fuzzer (seed 6000706)', () => {
  test("one inexact array beside a scalar: the result is cast to that array's dtype last, byte order included", () => {
    npc.expectCasesLikeNumpy([
      { py: "np.linspace(np.array([1., 2.], '>f8'), 256, 3)", js: () => mm.linspace(mm.array([1, 2], '>f8'), 256, 3) },
      { py: "np.linspace(np.array([1., 2.], '>f2'), 3, 2)", js: () => mm.linspace(mm.array([1, 2], '>f2'), 3, 2) },
      { py: "np.linspace(-0.001, np.array([[1+1j]], '>c8'), 2, axis=1)", js: () => mm.linspace(-0.001, mm.array([[{ re: 1, im: 1 }]], '>c8'), 2, { axis: 1 }) },
      { py: "np.linspace(np.array([1., 2.], '>f8'), np.array([3., 4.], '>f8'), 3)", js: () => mm.linspace(mm.array([1, 2], '>f8'), mm.array([3, 4], '>f8'), 3) },
      { py: "np.linspace(np.array([1, 2], '>i4'), 3, 2)", js: () => mm.linspace(mm.array([1, 2], '>i4'), 3, 2) },
    ]);
  });
});

describeWithNumpy('array end points in another layout than C order (fuzz seed 9170644)', () => {
  test("the result is in C order, as NumPy's (its delta is subtract(stop, start, dtype=dt), the cast in the loop; y += start in place)", () => {
    // A broadcast, reversed float16 start: cast first, its copy would be in
    // the start's memory order, and so would every result.
    const start = (): NdArray => mm.broadcastTo(mm.arange(0, 12, 1, '<f2').reshape([4, 3]).index('::-1'), [2, 4, 3]);
    const pyStart = "np.broadcast_to(np.arange(12, dtype='<f2').reshape(4, 3)[::-1], (2, 4, 3))";
    const cases: npc.Case[] = [
      { py: `np.linspace(${pyStart}, [-3.75, -4.5, 0], 4)`, js: () => linspace(start(), [-3.75, -4.5, 0], 4) },
      { py: `np.linspace(${pyStart}, [-3.75, -4.5, 0], 4, axis=2)`, js: () => linspace(start(), [-3.75, -4.5, 0], 4, { axis: 2 }) },
      { py: `np.logspace(${pyStart}, [-3.75, -4.5, 0], 4)`, js: () => logspace(start(), [-3.75, -4.5, 0], 4) },
      { py: `np.geomspace(${pyStart} + 1, [3.75, 4.5, 1], 4)`, js: () => geomspace(mm.add(start(), 1), [3.75, 4.5, 1], 4) },
      { py: `np.linspace(${pyStart}.T, 1, 3)`, js: () => linspace(start().T, 1, 3) },
    ];
    // Layouts compared for all; bytes for linspace (power's last bit is
    // another matter: logspace and geomspace values are checked above).
    const exact = (o: npc.Outcome, i: number): npc.Outcome => (cases[i].py.startsWith('np.linspace') ? o : { ...o, hex: undefined });
    expect(cases.map(npc.jsOutcome).map(exact)).toEqual(npc.numpyOutcomes(cases).map(exact));
  });
});
