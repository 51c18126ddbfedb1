// polyval, polyadd, polysub, polymul, polydiv, polyder, polyint, poly
// (lib/polynomial.ts) against NumPy: result bytes, dtype and shape over
// bool, int, uint, float16/32/64 (either byte order), complex and mixed
// inputs, strided and empty ones, 0-d x, 2-d p for polyval; NumPy's errors.
// NumPy's test_polynomial.py functions are ported in
// test/numpy-ported/test_polynomial.test.ts.
import { array, NdArray, poly, polyadd, polyder, polydiv, polyint, polymul, polysub, polyval, ValueError } from '../lib';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';

type Arg = number | { v: unknown; dt: string; rev?: true } | null | number[];
interface Case {
  fn: string;
  args: Arg[];
}
const A = (v: unknown, dt: string, rev?: true): Arg => (rev ? { v, dt, rev } : { v, dt });
const P3 = [3, -2, 0.5, 7];

const CASES: Case[] = [];
for (const dt of ['|b1', '|i1', '<u2', '<i8', '>i4', '<u8', '<f2', '<f4', '>f8', '<f8', '<c8', '<c16']) {
  const vals = dt === '|b1' ? [1, 0, 1, 1] : dt.includes('u') ? [3, 2, 0, 7] : dt.includes('i') ? [3, -2, 0, 7] : P3;
  const xs = dt === '|b1' ? [1, 0] : [2, -1.5, 0, 0.25].map((x) => (dt.includes('i') || dt.includes('u') ? Math.trunc(Math.abs(x)) : x));
  CASES.push({ fn: 'polyval', args: [A(vals, dt), A(xs, dt)] });
  CASES.push({ fn: 'polyval', args: [A(vals, dt), A(xs, '<f4')] });
  CASES.push({ fn: 'polyval', args: [A(vals, dt), 3] });
  CASES.push({ fn: 'polyadd', args: [A(vals, dt), A(vals.slice(1), '<i2')] });
  CASES.push({ fn: 'polysub', args: [A(vals.slice(2), dt), A(vals, dt)] });
  CASES.push({ fn: 'polymul', args: [A(vals, dt), A(vals.slice(1), dt)] });
  CASES.push({ fn: 'polyder', args: [A(vals, dt), 1] });
  CASES.push({ fn: 'polyder', args: [A(vals, dt), 2] });
  CASES.push({ fn: 'polyint', args: [A(vals, dt), 1, null] });
  CASES.push({ fn: 'polyint', args: [A(vals, dt), 2, [3, 7]] });
  if (dt !== '|b1') CASES.push({ fn: 'polydiv', args: [A(vals, dt), A(vals.slice(2), dt)] });
  CASES.push({ fn: 'poly', args: [A(vals.slice(0, 3), dt)] });
}
CASES.push(
  { fn: 'polyval', args: [A([[1, 2], [3, 4], [5, 6]], '<f8'), A([0.5, 2], '<f8')] },
  { fn: 'polyval', args: [A([1, 2, 3, 4, 5, 6], '<f8', true), A([[1, 2], [3, 4]], '<f8')] },
  { fn: 'polyval', args: [A([], '<f8'), A([1, 2], '<f8')] },
  { fn: 'polyval', args: [A([1e300, 1e300], '<f8'), A([1e10], '<f8')] },
  { fn: 'polyadd', args: [A([{ re: 1, im: 2 }], '<c16'), A([1, 2, 3], '<f4')] },
  { fn: 'polyder', args: [A([1, 2, 3], '<f8'), 0] },
  { fn: 'polyder', args: [A([1, 2, 3], '<f8'), 5] },
  { fn: 'polyint', args: [A([1, 2, 3], '<f4'), 3, 5] },
  { fn: 'polyint', args: [A([1, 2, 3], '<f8'), 0, null] },
  { fn: 'polydiv', args: [A([1, 2], '<f8'), A([1, 2, 3], '<f8')] },
  { fn: 'polydiv', args: [A([1, 3, 3, 1], '<f8'), A([1, 1], '<f8')] },
  { fn: 'polydiv', args: [A([1, 0, -1], '<f4'), A([2, 2], '<f4')] },
  { fn: 'polydiv', args: [A([{ re: 1, im: 1 }, { re: 0, im: 2 }, { re: 3, im: 0 }], '<c16'), A([{ re: 0, im: 1 }, { re: 1, im: 0 }], '<c16')] },
  { fn: 'poly', args: [A([{ re: 1, im: 2 }, { re: 1, im: -2 }, { re: 3, im: 0 }], '<c16')] },
  { fn: 'poly', args: [A([{ re: 1, im: 2 }, { re: 3, im: 0 }], '<c16')] },
  { fn: 'poly', args: [A([{ re: 1, im: 2 }, { re: 1, im: -2 }], '<c8')] },
  { fn: 'poly', args: [A([0.5, -0.25, 3, 1e-3, 7], '>f8', true)] },
  { fn: 'poly', args: [A(4, '<i8')] },
  { fn: 'poly', args: [4] },
  { fn: 'polymul', args: [A([0, 0], '<i8'), A([0, 3, 1], '<i8')] },
  { fn: 'polymul', args: [A([], '<f4'), [1]] },
  { fn: 'polymul', args: [A([0, 0, 2, 5], '>f8', true), A([0, { re: 0, im: 1 }], '<c8')] },
);

const pyArg = (a: Arg): string => (a === null ? 'None' : typeof a === 'number' ? String(a) : Array.isArray(a) ? JSON.stringify(a) : `mk(${JSON.stringify(JSON.stringify(a))})`);
function jsArg(a: Arg): unknown {
  if (a === null || typeof a === 'number' || Array.isArray(a)) return a;
  const v = array(a.v as never, a.dt as never);
  return a.rev ? v.index('::-1') : v;
}
const FNS: Record<string, (...a: never[]) => unknown> = { polyval, polyadd, polysub, polymul, polydiv, polyder, polyint, poly };

describeWithNumpy('polynomial functions against NumPy', () => {
  const want = runNumpy<({ hex: string; dt: string; shape: number[] }[] | { error: string })[]>(`
import warnings
warnings.simplefilter('ignore')
def mk(s):
    d = json.loads(s)
    def cv(v):
        if isinstance(v, list): return [cv(x) for x in v]
        if isinstance(v, dict): return complex(v['re'], v['im'])
        return v
    a = np.array(cv(d['v'])).astype(d['dt'])
    return a[::-1] if d.get('rev') else a
out = []
${CASES.map((c) => `try:\n    r = np.${c.fn}(${c.args.map(pyArg).join(', ')})\n    r = list(r) if isinstance(r, tuple) else [r]\n    r = [np.asarray(x) for x in r]\n    out.append([{'hex': x.tobytes().hex(), 'dt': x.dtype.str, 'shape': list(x.shape)} for x in r])\nexcept Exception as e:\n    out.append({'error': type(e).__name__ + ': ' + str(e)})`).join('\n')}
print(json.dumps(out))
`, undefined, NUMPY_BASELINE);

  test('every case: NumPy dtype, shape and bytes (polymul/poly over float32 and float16: within 1 ulp, convolve)', () => {
    const bad: string[] = [];
    CASES.forEach((c, i) => {
      const w = want[i];
      const label = `${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`;
      let r: unknown;
      try {
        r = FNS[c.fn](...(c.args.map(jsArg) as never[]));
      } catch (e) {
        r = e;
      }
      if ('error' in w) {
        // NumPy raised: the library throws the same class (bool subtract, poly of a scalar).
        if (!(r instanceof Error) || !(w.error.startsWith(`${r.name}:`) || (w.error.startsWith('TypeError:') && r instanceof TypeError))) bad.push(`${label}: NumPy raised ${w.error}, the library ${r instanceof Error ? r.name : 'returned'}`);
        return;
      }
      if (r instanceof Error) {
        bad.push(`${label}: threw ${r.name}: ${r.message}`);
        return;
      }
      const got = (Array.isArray(r) ? r : [r]) as NdArray[];
      if (got.length !== w.length) bad.push(`${label}: ${got.length} results, NumPy ${w.length}`);
      got.forEach((g, k) => {
        if (JSON.stringify(g.shape) !== JSON.stringify(w[k].shape)) bad.push(`${label}[${k}]: shape ${JSON.stringify(g.shape)}, NumPy ${JSON.stringify(w[k].shape)}`);
        const low = /f4|f2|c8/.test(w[k].dt) && (c.fn === 'polymul' || c.fn === 'poly');
        bad.push(...mismatches(g.copy(), w[k].dt, w[k].hex, { ulps: low ? 1 : 0 }, label));
      });
    });
    expect(bad).toEqual([]);
  });
});

describe('polynomial functions: errors and edge cases', () => {
  test('NumPy\'s errors, in its words', () => {
    expect(() => polyder([1, 2], -1)).toThrow(new ValueError('Order of derivative must be positive (see polyint)'));
    expect(() => polyint([1, 2], -1)).toThrow(new ValueError('Order of integral must be positive (see polyder)'));
    expect(() => polyint([1, 2], 3, [1, 2])).toThrow(new ValueError('k must be a scalar or a rank-1 array of length 1 or >m.'));
    expect(() => polyder([1, 2], 1.5)).toThrow(TypeError);
    expect(() => polymul([[1, 2]], [1])).toThrow(new ValueError('Polynomial must be 1d only.'));
    expect(() => poly([[1, 2, 3], [4, 5, 6]])).toThrow(new ValueError('input must be 1d or non-empty square 2d array.'));
    expect(() => polyval(array(3), [1, 2])).toThrow(TypeError);
    // NumPy's recursion multiplies at its last level (m = 0) too (fuzz seed 9258747):
    // np.polyder(np.ones((4, 5, 1))) meets (2,5,3) * (2,) there; np.polyder(np.array(5), 0) calls len().
    expect(() => polyder(array([[[1], [1], [1], [1], [1]], [[1], [1], [1], [1], [1]], [[1], [1], [1], [1], [1]], [[1], [1], [1], [1], [1]]]), 1)).toThrow(
      new ValueError('operands could not be broadcast together with shapes (2,5,3) (2,) '),
    );
    expect(() => polyder(array(5), 0)).toThrow(TypeError);
    expect(polyder([1, 2, 3], 0).toArray()).toEqual([1n, 2n, 3n]);
    // polydiv's q[k] = d of a u of more than one dimension (fuzz seed 9265270).
    expect(() => polydiv([[1, 1], [1, 1]], [1.5, -3])).toThrow(new ValueError('setting an array element with a sequence.'));
    expect(() => polydiv(array([[[1, 1]], [[1, 1]]], '<c16'), [1.5, -3])).toThrow(new TypeError('only 0-dimensional arrays can be converted to Python scalars'));
  });
  test('poly of no roots is the number 1 (NumPy\'s Python 1.0)', () => {
    expect(poly([])).toBe(1);
  });
  test('inputs are not modified (polydiv works on copies)', () => {
    const u = array([1, 3, 3, 1], 'f8');
    const v = array([1, 1], 'f8');
    polydiv(u, v);
    expect(u.toArray()).toEqual([1, 3, 3, 1]);
    expect(v.toArray()).toEqual([1, 1]);
  });
});

describeWithNumpy("poly of a square matrix: its characteristic polynomial, from eigvals (fuzz seed 9403250)", () => {
  test('dtype, shape and values (to 1e-12: the eigenvalues are LAPACK\'s in NumPy)', () => {
    const mats: [string, unknown[][]][] = [
      ['f8', [[1, 2], [3, 4]]],
      ['f8', [[2, 0, 0], [0, 3, 0], [0, 0, -1]]],
      ['f8', [[0, -1], [1, 0]]],
      ['>u4', [[100, 255, 4294967295], [100, 255, 4294967295], [100, 255, 4294967295]]],
      ['f4', [[1.5, 2], [-3, 0.25]]],
      ['c16', [[1, 2], [3, 4]]],
    ];
    const want = runNumpy<{ dt: string; shape: number[]; re: number[]; im: number[] }[]>(`
out = []
for dt, m in ${JSON.stringify(mats)}:
    r = np.poly(np.array(m).astype(dt))
    out.append({'dt': r.dtype.str, 'shape': list(r.shape), 're': r.real.tolist(), 'im': np.imag(r).tolist()})
print(json.dumps(out))
`);
    mats.forEach(([dt, m], i) => {
      const r = poly(array(m as never, dt as never)) as NdArray;
      expect([dt, r.dtype.str, [...r.shape]]).toEqual([dt, want[i].dt, want[i].shape]);
      const c = r.dtype.kind === 'c';
      const re = c ? (r.real.toArray() as number[]) : (r.toArray() as number[]);
      const im = c ? (r.imag.toArray() as number[]) : re.map(() => 0);
      re.forEach((v, k) => expect(Math.abs(v - want[i].re[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i].re[k])) * (dt === 'f4' ? 1e6 : 1)));
      im.forEach((v, k) => expect(Math.abs(v - want[i].im[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i].re[k]))));
    });
  });
});
