// polyfit against NumPy's np.polyfit: coefficients for 1-d and 2-d y, every
// degree up to one less than the points, weights, full (residuals, rank,
// singular values, rcond), cov (scaled and 'unscaled'), float32 and integer
// input, complex points, a rank-deficient fit (repeated x), errors.
// Tolerance 1e-9 of the largest magnitude (Vandermonde systems of condition
// up to ~1e4 after NumPy's column scaling), 1e-4 for float32 x.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const TOL = 1e-9;

const SETUP = `
rng = np.random.default_rng(67)
x = np.linspace(-1, 2, 12)
y = 3 * x**3 - x + 0.5 + 0.01 * rng.standard_normal(12)
Y2 = np.stack([y, np.cos(x)], axis=1)
w = rng.uniform(0.5, 2, 12)
xi = np.arange(6, dtype='i4')
yi = np.array([1, 3, 7, 13, 21, 31], dtype='i8')
x4 = x.astype('f4')
y4 = y.astype('f4')
xc = x + 0.5j
yc = y - 1j * x
xr = np.array([1., 1, 1, 2, 2, 2])
yr = np.arange(6.)
x2 = np.ones((2, 2))
`;
const NAMES = ['x', 'y', 'Y2', 'w', 'xi', 'yi', 'x4', 'y4', 'xc', 'yc', 'xr', 'yr', 'x2'];

describeWithNumpy('polyfit against NumPy', () => {
  const tmp = useTempDir('mmarray-polyfit-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('coefficients: degrees, 2-d y, weights, dtypes, complex', () => {
    const cases: LinalgCase[] = [];
    for (const deg of [0, 1, 2, 3, 5, 8]) {
      cases.push({ py: `np.polyfit(x, y, ${deg})`, js: (a) => lib.polyfit(a.x, a.y, deg), tol: TOL });
      cases.push({ py: `np.polyfit(x, Y2, ${deg})`, js: (a) => lib.polyfit(a.x, a.Y2, deg), tol: TOL });
      cases.push({ py: `np.polyfit(x, y, ${deg}, w=w)`, js: (a) => lib.polyfit(a.x, a.y, deg, { w: a.w }), tol: TOL });
    }
    cases.push(
      { py: 'np.polyfit(xi, yi, 2)', js: (a) => lib.polyfit(a.xi, a.yi, 2), tol: TOL },
      { py: 'np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1)', js: () => lib.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1), tol: TOL },
      { py: 'np.polyfit(x4, y4, 3)', js: (a) => lib.polyfit(a.x4, a.y4, 3), tol: 1e-4 },
      { py: 'np.polyfit(xc, yc, 2)', js: (a) => lib.polyfit(a.xc, a.yc, 2), tol: TOL },
      { py: 'np.polyfit(x, Y2, 2, w=w)', js: (a) => lib.polyfit(a.x, a.Y2, 2, { w: a.w }), tol: TOL },
    );
    run(cases);
  });

  test('full, cov, rcond, rank deficiency', () => {
    // NumPy's rank is lstsq's int32 scalar.
    const full = (r: lib.PolyfitFull): lib.NdArray[] => [r.coef, r.residuals, lib.asarray(r.rank, 'i4'), r.singularValues, lib.asarray(r.rcond)];
    const cov = (r: lib.PolyfitCov): lib.NdArray[] => [r.coef, r.cov];
    run([
      { py: 'np.polyfit(x, y, 3, full=True)', js: (a) => full(lib.polyfit(a.x, a.y, 3, { full: true })), tol: TOL },
      { py: 'np.polyfit(x, Y2, 2, full=True)', js: (a) => full(lib.polyfit(a.x, a.Y2, 2, { full: true })), tol: TOL },
      { py: 'np.polyfit(xr, yr, 3, full=True)', js: (a) => full(lib.polyfit(a.xr, a.yr, 3, { full: true })), tol: TOL },
      { py: 'np.polyfit(x, y, 3, rcond=1e-3, full=True)', js: (a) => full(lib.polyfit(a.x, a.y, 3, { rcond: 1e-3, full: true })), tol: TOL },
      { py: 'np.polyfit(x, y, 3, cov=True)', js: (a) => cov(lib.polyfit(a.x, a.y, 3, { cov: true })), tol: TOL },
      { py: 'np.polyfit(x, y, 2, cov="unscaled", w=w)', js: (a) => cov(lib.polyfit(a.x, a.y, 2, { cov: 'unscaled', w: a.w })), tol: TOL },
      { py: 'np.polyfit(x, Y2, 2, cov=True)', js: (a) => cov(lib.polyfit(a.x, a.Y2, 2, { cov: true })), tol: TOL },
      { py: 'np.polyfit(x[:3], y[:3], 2, cov=True)', js: (a) => cov(lib.polyfit(a.x.index(lib.slice(null, 3)), a.y.index(lib.slice(null, 3)), 2, { cov: true })), tol: 0 },
    ]);
  });

  test('errors', () => {
    run([
      { py: 'np.polyfit(x, y, -1)', js: (a) => lib.polyfit(a.x, a.y, -1), tol: 0 },
      { py: 'np.polyfit(x2, y, 1)', js: (a) => lib.polyfit(a.x2, a.y, 1), tol: 0 },
      { py: 'np.polyfit([], [], 1)', js: () => lib.polyfit([], [], 1), tol: 0 },
      { py: 'np.polyfit(x, 3.0, 1)', js: (a) => lib.polyfit(a.x, 3.0, 1), tol: 0 },
      { py: 'np.polyfit(x, y[:5], 1)', js: (a) => lib.polyfit(a.x, a.y.index(lib.slice(null, 5)), 1), tol: 0 },
      { py: 'np.polyfit(x, y, 1, w=x2)', js: (a) => lib.polyfit(a.x, a.y, 1, { w: a.x2 }), tol: 0 },
      { py: 'np.polyfit(x, y, 1, w=w[:3])', js: (a) => lib.polyfit(a.x, a.y, 1, { w: a.w.index(lib.slice(null, 3)) }), tol: 0 },
      // x + 0.0 of records finds no add loop (fuzz seed 9220368).
      {
        py: "np.polyfit([-1.0], np.zeros(1, dtype=[('a', '<i4')]), 0)",
        js: () => lib.polyfit([-1.0], lib.zeros([1], { names: ['a'], formats: ['<i4'] }), 0),
        tol: 0,
      },
    ]);
  });
});
