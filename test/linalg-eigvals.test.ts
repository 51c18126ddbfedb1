// linalg.eigvals (real and complex input) against NumPy: the eigenvalues
// sorted (np.sort / sort: lexicographic for complex), as the order may
// differ from LAPACK's; dtypes (real when every eigenvalue of the stack is
// real, complex otherwise; complex input complex; float32 -> float32/complex64), stacks, repeated
// and complex pairs, 0-size, NaN, errors. Tolerance 1e-9 of the largest magnitude (the eigenvalues of
// a non-normal matrix are as sensitive as their condition; these are mild).
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-9;

const SETUP = `
rng = np.random.default_rng(71)
G = rng.standard_normal((6, 6))
ST = rng.standard_normal((3, 4, 4))
ROT = np.array([[0., -1], [1, 0]])
TRI = np.triu(rng.standard_normal((5, 5)))
SYM = (lambda m: m + m.T)(rng.standard_normal((5, 5)))
I = np.array([[2, 1], [1, 2]], dtype='i4')
F4 = rng.standard_normal((4, 4)).astype('f4')
BIG = rng.standard_normal((40, 40))
E = np.zeros((0, 0))
ES = np.zeros((2, 0, 0))
NAN = np.array([[1., np.nan], [0, 1]])
C = np.eye(2) * (1 + 1j)
GC = rng.standard_normal((5, 5)) + 1j * rng.standard_normal((5, 5))
STC = rng.standard_normal((2, 4, 4)) + 1j * rng.standard_normal((2, 4, 4))
C8 = (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))).astype('c8')
R = np.zeros((2, 3))
`;
const NAMES = ['G', 'ST', 'ROT', 'TRI', 'SYM', 'I', 'F4', 'BIG', 'E', 'ES', 'NAN', 'C', 'GC', 'STC', 'C8', 'R'];

describeWithNumpy('linalg.eigvals against NumPy', () => {
  const tmp = useTempDir('mmarray-eigvals-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('eigvals: values (sorted), dtypes, stacks', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['G', 'ST', 'ROT', 'TRI', 'SYM', 'I', 'BIG', 'E', 'ES', 'C', 'GC', 'STC']) {
      cases.push({ py: `np.sort(LA.eigvals(${name}))`, js: (x) => lib.sort(linalg.eigvals(x[name])), tol: TOL });
    }
    cases.push(
      { py: 'np.sort(LA.eigvals(F4))', js: (x) => lib.sort(linalg.eigvals(x.F4)), tol: 1e-5 },
      { py: 'np.sort(LA.eigvals(C8))', js: (x) => lib.sort(linalg.eigvals(x.C8)), tol: 1e-5 },
      { py: 'LA.eigvals(NAN)', js: (x) => linalg.eigvals(x.NAN), tol: 0 },
      { py: 'LA.eigvals(R)', js: (x) => linalg.eigvals(x.R), tol: 0 },
    );
    run(cases);
  });
});
