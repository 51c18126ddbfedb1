// cov and corrcoef against NumPy 2: dtype and shape exactly, values to
// rounding (NumPy's dot is BLAS, whose summation order is its own): rowvar,
// y, bias, ddof, fweights, aweights, dtype, complex; the ported TestCov and
// TestCorrCoef cases.
import { cov, corrcoef } from '../lib/cov';
import { asarray } from '../lib/array-coerce';
import { ValueError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { seeded, shared } from './helpers/np-data';

interface Got { dtype?: string; shape?: number[]; values?: unknown[]; error?: string; message?: string }

function flat(a: NdArray): unknown[] {
  const c = a.reshape(-1).toArray() as unknown[];
  return c.map((v) => (typeof v === 'object' && v !== null ? [(v as { re: number }).re, (v as { im: number }).im] : v));
}

function jsGot(f: () => NdArray): Got {
  try {
    const a = f();
    return { dtype: a.dtype.str, shape: [...a.shape], values: flat(a).map((v) => (Array.isArray(v) ? v.map(String) : String(v))) };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

function close(a: string, b: string, rtol: number): boolean {
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return x === y;
  return Math.abs(x - y) <= rtol * Math.max(1, Math.abs(y));
}

function data(shape: number[], seed: number, dtype = '<f8'): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  const ints = /[iu]/.test(dtype);
  return shared(Array.from({ length: n }, () => (ints ? Math.floor(r() * 40) : (r() - 0.3) * 9)), dtype, shape);
}

describeWithNumpy('cov and corrcoef against NumPy', () => {
  test('options, dtypes, weights', () => {
    const cases: [string, () => NdArray][] = [];
    for (const dt of ['<f8', '<f4', '<i4']) {
      const m = data([3, 7], 1, dt);
      const y = data([2, 7], 2, dt);
      const v = data([7], 3, dt);
      const fw = shared([1, 2, 0, 3, 1, 1, 4], '<i8', [7]);
      const aw = data([7], 4);
      const awp = shared((aw.arr.toArray() as number[]).map(Math.abs), '<f8', [7]);
      cases.push([`np.cov(${m.py})`, () => cov(m.arr)]);
      cases.push([`np.cov(${m.py}, rowvar=False)`, () => cov(m.arr, { rowvar: false })]);
      cases.push([`np.cov(${m.py}, ${y.py})`, () => cov(m.arr, { y: y.arr })]);
      cases.push([`np.cov(${m.py}.T, ${y.py}.T, rowvar=False, bias=True)`, () => cov(m.arr.transpose(), { y: y.arr.transpose(), rowvar: false, bias: true })]);
      cases.push([`np.cov(${m.py}, ddof=3)`, () => cov(m.arr, { ddof: 3 })]);
      cases.push([`np.cov(${m.py}, fweights=${fw.py})`, () => cov(m.arr, { fweights: fw.arr })]);
      cases.push([`np.cov(${m.py}, aweights=${awp.py})`, () => cov(m.arr, { aweights: awp.arr })]);
      cases.push([`np.cov(${m.py}, fweights=${fw.py}, aweights=${awp.py}, ddof=2)`, () => cov(m.arr, { fweights: fw.arr, aweights: awp.arr, ddof: 2 })]);
      cases.push([`np.cov(${v.py})`, () => cov(v.arr)]);
      cases.push([`np.cov(${v.py}, ${v.py}[::-1])`, () => cov(v.arr, { y: v.arr.index('::-1') })]);
      cases.push([`np.cov(${m.py}, dtype=np.float32)`, () => cov(m.arr, { dtype: '<f4' })]);
      cases.push([`np.corrcoef(${m.py})`, () => corrcoef(m.arr)]);
      cases.push([`np.corrcoef(${m.py}, ${y.py}, rowvar=True)`, () => corrcoef(m.arr, { y: y.arr })]);
      cases.push([`np.corrcoef(${m.py}.T, rowvar=False, dtype=np.float32)`, () => corrcoef(m.arr.transpose(), { rowvar: false, dtype: '<f4' })]);
      cases.push([`np.corrcoef(${v.py})`, () => corrcoef(v.arr)]);
    }
    const c = data([2, 5], 9);
    cases.push([`np.cov(${c.py} * (1 + 2j) + ${c.py}[::-1] * 1j)`, () => cov(c.arr.multiply(asarray({ re: 1, im: 2 })).add(c.arr.index('::-1').multiply(asarray({ re: 0, im: 1 }))))]);
    cases.push([`np.corrcoef(${c.py} * (1 + 2j) + ${c.py}[:, ::-1] * 1j)`, () => corrcoef(c.arr.multiply(asarray({ re: 1, im: 2 })).add(c.arr.index(':, ::-1').multiply(asarray({ re: 0, im: 1 }))))]);
    cases.push([`np.cov(np.zeros((2, 3, 4)))`, () => cov(asarray(new Array(2).fill(new Array(3).fill([0, 0, 0, 0]))))]);
    cases.push([`np.cov(np.zeros((0, 2)))`, () => cov(asarray([], '<f8').reshape(0, 2))]);
    cases.push([`np.cov(${c.py}, ddof=1.5)`, () => cov(c.arr, { ddof: 1.5 })]);
    cases.push([`np.cov(${c.py}, fweights=[1, 2, 1.5, 1, 1])`, () => cov(c.arr, { fweights: [1, 2, 1.5, 1, 1] })]);
    cases.push([`np.cov(${c.py}, aweights=[1, 2, -1, 1, 1])`, () => cov(c.arr, { aweights: [1, 2, -1, 1, 1] })]);
    const want = runNumpy<Got[]>(`
import warnings
warnings.simplefilter('ignore')
out = []
def s(v): return str(float(v)) if v == v and abs(v) != float('inf') else ('NaN' if v != v else ('Infinity' if v > 0 else '-Infinity'))
for src in json.load(sys.stdin):
    try:
        a = np.asarray(eval(src))
        vals = [[s(v.real), s(v.imag)] if a.dtype.kind == 'c' else s(v) for v in a.ravel().tolist()] if a.dtype.kind == 'c' else [s(v) for v in a.ravel().tolist()]
        if a.dtype.kind == 'c': vals = [[s(complex(v).real), s(complex(v).imag)] for v in a.ravel().tolist()]
        out.append({'dtype': a.dtype.str, 'shape': list(a.shape), 'values': vals})
    except Exception as e:
        out.append({'error': type(e).__name__, 'message': str(e)})
print(json.dumps(out))
`, JSON.stringify(cases.map((c) => c[0])));
    const bad: unknown[] = [];
    cases.forEach(([py, f], i) => {
      const g = jsGot(f);
      const w = want[i];
      const rtol = (w.dtype ?? '').includes('4') || (w.dtype ?? '').includes('8') && w.dtype === '<c8' ? 2e-6 : 1e-12;
      const okVals = w.values === undefined || (g.values !== undefined && g.values.length === w.values.length && g.values.every((v, k) => (Array.isArray(v) ? (v as string[]).every((p, q) => close(p, (w.values![k] as string[])[q], rtol)) : close(v as string, w.values![k] as string, rtol))));
      const errName = (e?: string): string | undefined => (e === 'RuntimeError' ? 'ValueError' : e);
      if (g.dtype !== w.dtype || JSON.stringify(g.shape) !== JSON.stringify(w.shape) || !okVals || errName(w.error) !== g.error || (w.message !== undefined && w.message !== g.message)) {
        bad.push({ py: py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B'), want: w, got: g });
      }
    });
    expect(bad.slice(0, 4)).toEqual([]);
  });
});

describe('cov (NumPy TestCov) and corrcoef (TestCorrCoef)', () => {
  const x1 = asarray([[0, 2], [1, 1], [2, 0]]).transpose();
  const near = (a: NdArray, b: number[][] | number, tol = 1e-12): void => {
    const got = a.toArray() as number[][] | number;
    expect(JSON.stringify(got, (_k, v) => (typeof v === 'number' ? Math.round(v / tol) * tol : v))).toBe(JSON.stringify(b, (_k, v) => (typeof v === 'number' ? Math.round(v / tol) * tol : v)));
  };
  test('basic, fweights, aweights', () => {
    near(cov(x1), [[1, -1], [-1, 1]]);
    near(cov(x1, { fweights: [1, 4, 1] }), [[0.4, -0.4], [-0.4, 0.4]]);
    near(cov(x1, { aweights: [1, 4, 1] }), [[2 / 3, -2 / 3], [-2 / 3, 2 / 3]]);
    near(cov(x1, { aweights: [3, 12, 3] }), [[2 / 3, -2 / 3], [-2 / 3, 2 / 3]]);
    near(cov(x1, { fweights: [1, 1, 1], aweights: [1, 1, 1] }), [[1, -1], [-1, 1]]);
    expect(() => cov(x1, { fweights: [1.5, 4.5, 1.5] })).toThrow(new TypeError('fweights must be integer'));
    expect(() => cov(x1, { fweights: [1, 1] })).toThrow(new ValueError('incompatible numbers of samples and fweights'));
    expect(() => cov(x1, { fweights: [-1, -1, -1] })).toThrow(new ValueError('fweights cannot be negative'));
    expect(() => cov(x1, { aweights: asarray([[1, 1, 1], [1, 1, 1]], '<f8') })).toThrow(new ValueError('cannot handle multidimensional aweights'));
  });
  test('empty and wrong ddof', () => {
    expect(cov(asarray([], '<f8')).get()).toBeNaN();
    expect(cov(asarray([], '<f8').reshape(0, 2)).shape).toEqual([0, 0]);
    expect(cov(asarray([], '<f8').reshape(2, 0)).toArray()).toEqual([[NaN, NaN], [NaN, NaN]]);
    expect(cov(x1, { ddof: 5 }).toArray()).toEqual([[Infinity, -Infinity], [-Infinity, Infinity]]);
  });
  test('1-d variance equals var(ddof=1)', () => {
    const x3 = [0.3942, 0.5969, 0.7730, 0.9918, 0.7964];
    const mean = x3.reduce((p, v) => p + v, 0) / 5;
    expect(cov(x3).get() as number).toBeCloseTo(x3.reduce((p, v) => p + (v - mean) ** 2, 0) / 4, 14);
  });
  test('corrcoef simple and 1-variable', () => {
    near(corrcoef(asarray([[0, 1, 2], [2, 1, 0]])), [[1, -1], [-1, 1]]);
    expect(corrcoef([1, 2, 3]).get()).toBe(1);
    expect(corrcoef([1, 1, 1]).get()).toBeNaN();
  });
});

test('the product is the native matmul: cov(x) has the bits of matmul(X - mean, (X - mean).T) / (n - 1), real and complex', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('../lib') as typeof import('../lib');
  const x = m.sin(m.arange(0, 7 * 53)).reshape(7, 53);
  const xc = m.subtract(x, m.mean(x, 1, { keepdims: true }));
  const want = m.multiply(m.matmul(xc, xc.T), 1 / 52);
  expect(Buffer.from(cov(x).typedArray() as Float64Array).equals(Buffer.from(want.typedArray() as Float64Array))).toBe(true);
  const z = m.add(x, m.multiply(m.cos(x), m.asarray({ re: 0, im: 1 } as never, 'c16')));
  const zc = m.subtract(z, m.mean(z, 1, { keepdims: true }));
  const zw = m.multiply(m.matmul(zc, m.conjugate(zc).T), 1 / 52);
  expect(Buffer.from(cov(z).view('f8').typedArray() as Float64Array).equals(Buffer.from(zw.view('f8').typedArray() as Float64Array))).toBe(true);
});
