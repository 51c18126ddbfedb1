// linalg.eigh / eigvalsh against NumPy: the eigenvalues themselves
// (ascending); the eigenvectors (unique up to sign/phase) by V·diag(w)·Vᴴ
// and, for real matrices with distinct eigenvalues, |V|; on our side VᴴV = I
// and A·V = V·diag(w). Only the UPLO triangle is read (the other holds
// garbage in the cases), real symmetric and complex Hermitian, stacks,
// float32/complex64 (rounded from double), integer, repeated eigenvalues,
// 0-size, byte-swapped / Fortran inputs, NaN, errors.
// BIG2 (130×130) runs the tridiagonal QL well past the small cases.
// Tolerance 1e-12 of the largest magnitude for float64 results (QL against
// LAPACK's syevd: both backward stable, a few ulp of the norm),
// 1e-5 for float32 results.
import * as lib from '../lib';
import { LinAlgError, ValueError, type NdArray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-12;
const TOL4 = 1e-5;

const SETUP = `
rng = np.random.default_rng(47)
def sym(n, *stack):
    m = rng.standard_normal(stack + (n, n))
    return m + m.swapaxes(-1, -2)
S = sym(5)
ST = sym(3, 2, 2)
G = rng.standard_normal((4, 4))
HC = (lambda m: m + m.conj().T)(rng.standard_normal((4, 4)) + 1j * rng.standard_normal((4, 4)))
GC = rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))
F4 = sym(4).astype('f4')
C8 = HC.astype('c8')
I = np.array([[2, 1, 0], [1, 2, 1], [0, 1, 2]], dtype='i4')
REP = np.diag([2., 2, 5, 5, 5])
BE = S.astype('>f8')
FO = np.asfortranarray(sym(6))
BIG = sym(24)
BIG2 = sym(130)
E0 = np.zeros((0, 0))
ES = np.zeros((0, 3, 3))
NANU = np.array([[1., np.nan], [2, 1]])
NANL = np.array([[1., 2], [np.nan, 1]])
R = np.zeros((2, 3))
V = np.arange(3.)
H = np.eye(2, dtype='f2')
ONE = np.array([[[-np.inf]], [[np.nan]], [[np.inf]], [[3.]]])
ONEC = np.array([[complex(np.inf, np.nan)]], dtype='c8')
`;
const NAMES = ['S', 'ST', 'G', 'HC', 'GC', 'F4', 'C8', 'I', 'REP', 'BE', 'FO', 'BIG', 'BIG2', 'E0', 'ES', 'NANU', 'NANL', 'R', 'V', 'H', 'ONE', 'ONEC'];

/** V·diag(w)·Vᴴ. */
function rebuild(r: { eigenvalues: NdArray; eigenvectors: NdArray }): NdArray {
  const v = r.eigenvectors;
  return lib.matmul(lib.multiply(v, lib.expandDims(r.eigenvalues, -2)), lib.conjugate(v.swapaxes(-1, -2)));
}
const PY_REBUILD = (e: string): string => `(lambda r: (r.eigenvectors * r.eigenvalues[..., None, :]) @ r.eigenvectors.conj().swapaxes(-1, -2))(${e})`;

describeWithNumpy('linalg.eigh against NumPy', () => {
  const tmp = useTempDir('mmarray-eigh-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('eigenvalues: both triangles, real and complex, stacks, dtypes', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['S', 'ST', 'G', 'HC', 'GC', 'I', 'REP', 'BE', 'FO', 'BIG', 'BIG2']) {
      for (const uplo of ['L', 'U'] as const) {
        cases.push({ py: `LA.eigvalsh(${name}, '${uplo}')`, js: (x) => linalg.eigvalsh(x[name], { UPLO: uplo }), tol: TOL });
        cases.push({ py: `LA.eigh(${name}, '${uplo}').eigenvalues`, js: (x) => linalg.eigh(x[name], { UPLO: uplo }).eigenvalues, tol: TOL });
      }
    }
    cases.push(
      { py: 'LA.eigvalsh(F4)', js: (x) => linalg.eigvalsh(x.F4), tol: TOL4 },
      { py: 'LA.eigvalsh(C8, "u")', js: (x) => linalg.eigvalsh(x.C8, { UPLO: 'u' }), tol: TOL4 },
      { py: 'LA.eigh(C8).eigenvectors.dtype == np.complex64', js: (x) => lib.asarray(linalg.eigh(x.C8).eigenvectors.dtype.str === '<c8'), tol: 0 },
    );
    run(cases);
  });

  test('eigenvectors: V·diag(w)·Vᴴ of the triangle read, |V| for distinct eigenvalues', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['S', 'ST', 'G', 'HC', 'GC', 'I', 'REP', 'FO', 'BIG', 'BIG2']) {
      for (const uplo of ['L', 'U'] as const) {
        cases.push({ py: PY_REBUILD(`LA.eigh(${name}, '${uplo}')`), js: (x) => rebuild(linalg.eigh(x[name], { UPLO: uplo })), tol: TOL });
      }
    }
    for (const name of ['S', 'ST', 'G', 'I', 'BIG']) {
      cases.push({ py: `abs(LA.eigh(${name}).eigenvectors)`, js: (x) => lib.absolute(linalg.eigh(x[name]).eigenvectors), tol: 1e-10 });
    }
    cases.push({ py: PY_REBUILD('LA.eigh(F4)'), js: (x) => rebuild(linalg.eigh(x.F4)), tol: TOL4 });
    run(cases);
  });

  test('0-size, NaN in the triangle read or the other, errors', () => {
    run([
      { py: 'tuple(LA.eigh(E0))', js: (x) => Object.values(linalg.eigh(x.E0)), tol: 0 },
      { py: 'tuple(LA.eigh(ES))', js: (x) => Object.values(linalg.eigh(x.ES)), tol: 0 },
      { py: 'LA.eigvalsh(ES)', js: (x) => linalg.eigvalsh(x.ES), tol: 0 },
      { py: 'LA.eigvalsh(NANU)', js: (x) => linalg.eigvalsh(x.NANU), tol: 1e-15 }, // the other triangle's NaN ignored; the values to rounding (QL, not LAPACK's 2×2 formula)
      { py: 'LA.eigvalsh(NANU, "U")', js: (x) => linalg.eigvalsh(x.NANU, { UPLO: 'U' }), tol: 0 },
      { py: 'LA.eigvalsh(NANL)', js: (x) => linalg.eigvalsh(x.NANL), tol: 0 },
      { py: 'LA.eigh(NANL).eigenvalues', js: (x) => linalg.eigh(x.NANL).eigenvalues, tol: 0 },
      { py: 'LA.eigh(R)', js: (x) => linalg.eigh(x.R).eigenvalues, tol: 0 },
      { py: 'LA.eigvalsh(V)', js: (x) => linalg.eigvalsh(x.V), tol: 0 },
      { py: 'LA.eigvalsh(H)', js: (x) => linalg.eigvalsh(x.H), tol: 0 },
      // 1×1: LAPACK's quick return (the element's real part, the eigenvector 1) even for ±inf and NaN.
      { py: 'tuple(LA.eigh(ONE))', js: (x) => Object.values(linalg.eigh(x.ONE)), tol: 0 },
      { py: 'LA.eigvalsh(ONE, "U")', js: (x) => linalg.eigvalsh(x.ONE, { UPLO: 'U' }), tol: 0 },
      { py: 'tuple(LA.eigh(ONEC))', js: (x) => Object.values(linalg.eigh(x.ONEC)), tol: 0 },
      { py: 'LA.matrix_rank(ONE[:1], tol=2, hermitian=True)', js: (x) => linalg.matrixRank(x.ONE.index(new lib.Slice(0, 1)), { tol: 2, hermitian: true }), tol: 0 },
      { py: 'LA.eigh(S, "X")', js: (x) => linalg.eigh(x.S, { UPLO: 'X' as never }).eigenvalues, tol: 0 },
    ]);
  });
});

describe('linalg.eigh identities and inputs (no NumPy needed)', () => {
  test('A·V = V·diag(w), VᴴV = I, ascending, for a 30×30 symmetric and a complex Hermitian matrix', () => {
    const n = 30;
    const m = lib.sin(lib.arange(n * n)).reshape([n, n]);
    const sym = lib.add(m, m.T);
    const her = lib.add(lib.multiply(sym, 1), lib.multiply(lib.subtract(m, m.T), lib.asarray({ re: 0, im: 1 })));
    for (const a of [sym, her]) {
      const { eigenvalues: w, eigenvectors: v } = linalg.eigh(a);
      expect(lib.allclose(lib.matmul(a, v), lib.multiply(v, w), { rtol: 0, atol: 1e-12 })).toBe(true);
      expect(lib.allclose(lib.matmul(lib.conjugate(v.T), v), lib.eye(n), { rtol: 0, atol: 1e-13 })).toBe(true);
      const ws = w.toArray() as number[];
      for (let i = 1; i < n; i++) expect(ws[i]).toBeGreaterThanOrEqual(ws[i - 1]);
    }
  });

  test('options are checked', () => {
    expect(() => linalg.eigh(lib.eye(2), { UPLO: 3 as never })).toThrow(TypeError);
    expect(() => linalg.eigh(lib.eye(2), { UPLO: 'Q' as never })).toThrow(ValueError);
    expect(() => linalg.eigvalsh(lib.zeros([2, 3]))).toThrow(LinAlgError);
  });
});
