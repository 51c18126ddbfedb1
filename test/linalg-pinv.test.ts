// linalg.pinv and linalg.matrixRank against NumPy: values, shapes, dtypes;
// tall, wide, rank-deficient, stacks, complex, float32, integer, hermitian,
// rcond / rtol / tol (numbers and per-matrix arrays), 0-size, errors.
// Tolerance 1e-10 of the largest magnitude for pinv in float64 (cond < 100),
// 1e-5 for float32; ranks exact.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-10;

const SETUP = `
rng = np.random.default_rng(59)
A = rng.standard_normal((6, 4))
W = rng.standard_normal((3, 5))
ST = rng.standard_normal((2, 4, 3))
RK = np.array([[1., 2, 3], [2, 4, 6], [-1, 1, -1], [0, 0, 0]])
C = rng.standard_normal((4, 3)) + 1j * rng.standard_normal((4, 3))
F4 = rng.standard_normal((5, 3)).astype('f4')
I = np.array([[1, 2], [2, 4], [3, 7]], dtype='i4')
SYM = (lambda m: m + m.T)(rng.standard_normal((4, 4)))
HER = (lambda m: m + m.conj().T)(rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3)))
TINY = np.diag([1., 1e-9, 1e-17])
RS = np.stack([np.eye(3), np.diag([1., 1, 0]), np.zeros((3, 3))])
E0 = np.zeros((0, 3))
ES = np.zeros((2, 0, 4))
V = np.array([0., 1, 0])
V0 = np.zeros(4)
S0 = np.array(3.)
`;
const NAMES = ['A', 'W', 'ST', 'RK', 'C', 'F4', 'I', 'SYM', 'HER', 'TINY', 'RS', 'E0', 'ES', 'V', 'V0', 'S0'];

describeWithNumpy('linalg.pinv / matrixRank against NumPy', () => {
  const tmp = useTempDir('mmarray-pinv-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('pinv: values, dtypes, rcond / rtol, hermitian, 0-size', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'ST', 'RK', 'C', 'I', 'TINY', 'RS', 'E0', 'ES']) {
      cases.push({ py: `LA.pinv(${name})`, js: (x) => linalg.pinv(x[name]), tol: TOL });
    }
    cases.push(
      { py: 'LA.pinv(F4)', js: (x) => linalg.pinv(x.F4), tol: 1e-5 },
      { py: 'LA.pinv(TINY, rcond=1e-8)', js: (x) => linalg.pinv(x.TINY, { rcond: 1e-8 }), tol: TOL },
      { py: 'LA.pinv(TINY, rtol=None)', js: (x) => linalg.pinv(x.TINY, { rtol: null }), tol: TOL },
      { py: 'LA.pinv(TINY, rtol=1e-10)', js: (x) => linalg.pinv(x.TINY, { rtol: 1e-10 }), tol: TOL },
      { py: 'LA.pinv(RS, rcond=np.array([0.5, 0.1, 0.1]))', js: (x) => linalg.pinv(x.RS, { rcond: lib.asarray([0.5, 0.1, 0.1]) }), tol: TOL },
      { py: 'LA.pinv(SYM, hermitian=True)', js: (x) => linalg.pinv(x.SYM, { hermitian: true }), tol: TOL },
      { py: 'LA.pinv(HER, hermitian=True)', js: (x) => linalg.pinv(x.HER, { hermitian: true }), tol: TOL },
      { py: 'LA.pinv(A, rcond=1e-3, rtol=1e-3)', js: (x) => linalg.pinv(x.A, { rcond: 1e-3, rtol: 1e-3 }), tol: 0 },
    );
    run(cases);
  });

  test('matrixRank: values, tol / rtol, hermitian, vectors and scalars, stacks', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'ST', 'RK', 'C', 'F4', 'I', 'TINY', 'RS', 'V', 'V0', 'S0', 'E0', 'ES']) {
      cases.push({ py: `np.asarray(LA.matrix_rank(${name}))`, js: (x) => linalg.matrixRank(x[name]), tol: 0 });
    }
    cases.push(
      { py: 'LA.matrix_rank(TINY, tol=1e-12)', js: (x) => linalg.matrixRank(x.TINY, { tol: 1e-12 }), tol: 0 },
      { py: 'LA.matrix_rank(TINY, rtol=1e-5)', js: (x) => linalg.matrixRank(x.TINY, { rtol: 1e-5 }), tol: 0 },
      { py: 'LA.matrix_rank(RS, tol=np.array([0.5, 2, 0]))', js: (x) => linalg.matrixRank(x.RS, { tol: lib.asarray([0.5, 2, 0]) }), tol: 0 },
      { py: 'LA.matrix_rank(SYM, hermitian=True)', js: (x) => linalg.matrixRank(x.SYM, { hermitian: true }), tol: 0 },
      { py: 'LA.matrix_rank(A, tol=1, rtol=1)', js: (x) => linalg.matrixRank(x.A, { tol: 1, rtol: 1 }), tol: 0 },
    );
    run(cases);
  });
});
