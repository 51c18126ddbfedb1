// linalg.lstsq against NumPy: x, residuals, rank and s with NumPy's shapes
// and dtypes (the empty-residuals rule: only rank == N < M gives them; a 1-d
// b gives x (N,) and residuals (1,)), over- and under-determined, rank
// deficient (minimum-norm x), rcond (default, explicit, negative), complex,
// float32 (rounded from double), integer, 0-size a or b, errors.
// Tolerance 1e-10 of the largest magnitude for float64 (x is exact to about
// cond(a)·eps; these matrices have cond < 100), 1e-5 for float32.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-10;

const SETUP = `
rng = np.random.default_rng(53)
A = rng.standard_normal((7, 3))
B = rng.standard_normal((7, 2))
b = rng.standard_normal(7)
W = rng.standard_normal((3, 6))
bw = rng.standard_normal(3)
RK = np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1], [0, 1, 1], [3, 6, 9]])
br = np.arange(5.)
SQ = rng.standard_normal((4, 4))
bs = rng.standard_normal(4)
C = rng.standard_normal((5, 2)) + 1j * rng.standard_normal((5, 2))
bc = rng.standard_normal(5) + 1j * rng.standard_normal(5)
F4 = rng.standard_normal((6, 3)).astype('f4')
b4 = rng.standard_normal(6).astype('f4')
I = np.array([[0, 1], [1, 1], [2, 1], [3, 1]], dtype='i4')
bi = np.array([-1, 0, 1, 2], dtype='i8')
E0 = np.zeros((0, 3))
b0 = np.zeros(0)
E1 = np.zeros((4, 0))
B0 = np.zeros((7, 0))
ST = np.zeros((2, 3, 3))
`;
const NAMES = ['A', 'B', 'b', 'W', 'bw', 'RK', 'br', 'SQ', 'bs', 'C', 'bc', 'F4', 'b4', 'I', 'bi', 'E0', 'b0', 'E1', 'B0', 'ST'];

// NumPy's rank is the gufunc's int32 scalar.
const all4 = (r: lib.LstsqResult): lib.NdArray[] => [r.x, r.residuals, lib.asarray(r.rank, 'i4'), r.s];

describeWithNumpy('linalg.lstsq against NumPy', () => {
  const tmp = useTempDir('mmarray-lstsq-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('x, residuals, rank, s: shapes, dtypes, values', () => {
    const pairs: [string, string][] = [['A', 'B'], ['A', 'b'], ['W', 'bw'], ['RK', 'br'], ['SQ', 'bs'], ['C', 'bc'], ['I', 'bi'], ['E1', 'bs'], ['A', 'B0']];
    const cases: LinalgCase[] = pairs.map(([a, b]) => ({ py: `LA.lstsq(${a}, ${b})`, js: (x) => all4(linalg.lstsq(x[a], x[b])), tol: TOL }));
    cases.push(
      { py: 'LA.lstsq(F4, b4)', js: (x) => all4(linalg.lstsq(x.F4, x.b4)), tol: 1e-5 },
      { py: 'LA.lstsq(RK, br, rcond=-1)', js: (x) => all4(linalg.lstsq(x.RK, x.br, { rcond: -1 })), tol: TOL },
      { py: 'LA.lstsq(A, b, rcond=0.9)', js: (x) => all4(linalg.lstsq(x.A, x.b, { rcond: 0.9 })), tol: TOL },
      { py: 'LA.lstsq(E0, b0)', js: (x) => all4(linalg.lstsq(x.E0, x.b0)), tol: 0 },
    );
    run(cases);
  });

  test('errors', () => {
    run([
      { py: 'LA.lstsq(A, bs)', js: (x) => all4(linalg.lstsq(x.A, x.bs)), tol: 0 },
      { py: 'LA.lstsq(ST, bs)', js: (x) => all4(linalg.lstsq(x.ST, x.bs)), tol: 0 },
      { py: 'LA.lstsq(b, b)', js: (x) => all4(linalg.lstsq(x.b, x.b)), tol: 0 },
    ]);
  });
});

describe('linalg.lstsq inputs (no NumPy needed)', () => {
  test('NaN input is LinAlgError, as NumPy 2.4 (its LAPACK also prints DLASCL complaints, so it is not run here)', () => {
    const a = lib.asarray([[1, NaN], [0, 1], [1, 1]]);
    expect(() => linalg.lstsq(a, lib.ones([3]))).toThrow(lib.LinAlgError);
    expect(() => linalg.lstsq(a, lib.ones([3]))).toThrow('SVD did not converge in Linear Least Squares');
  });

  test('options are checked', () => {
    expect(() => linalg.lstsq(lib.eye(2), lib.ones([2]), { rcond: 'x' as never })).toThrow(TypeError);
    expect(() => linalg.lstsq(lib.eye(2), lib.ones([2]), { rcnd: 1 } as never)).toThrow(TypeError);
  });
});
