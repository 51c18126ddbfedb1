// linalg.eig against NumPy: the eigenvalues sorted (np.sort / sort:
// lexicographic for complex; the order is the Schur form's, which may differ
// from LAPACK's) with NumPy's dtypes (NumPy 2: real results when every
// eigenvalue of the stack is real, complex otherwise; complex input complex;
// float32 -> float32/complex64); the eigenvectors (unique up to a scalar) by
// |v| in NumPy's eigenvalue order for matrices with distinct eigenvalues,
// and on our side A·v = λ·v with unit columns (and the largest component of
// a complex input's vector real, as LAPACK's zgeev). Stacks, a stack mixing
// real and complex spectra, defective and triangular matrices, 0-size,
// NaN/inf, errors; badly scaled matrices (BAL, BALC, BALM: D⁻¹BD with D
// from 1e-16 to 1e20, whose O(1) eigenvalues only survive geev's balancing) and isolated
// eigenvalues (ISO, ISOC: gebal's permutations). Tolerance 1e-9 of the largest magnitude (these matrices'
// eigenvalues are well conditioned; LAPACK's iteration sums differently),
// except the defective ones (JORDAN, SCALED: a double or triple eigenvalue
// of a Jordan block moves by eps^(1/2) or eps^(1/3) under rounding, ours and LAPACK's).
import * as lib from '../lib';
import { LinAlgError, type NdArray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-9;

const SETUP = `
rng = np.random.default_rng(1010)
G = rng.standard_normal((6, 6))
ST = rng.standard_normal((3, 4, 4))
MIX = np.stack([np.array([[2., 1], [1, 2]]), np.array([[0., -1], [1, 0]])])
SYM = (lambda m: m + m.T)(rng.standard_normal((5, 5)))
TRI = np.triu(rng.standard_normal((5, 5)))
JORDAN = np.array([[2., 1, 0], [0, 2, 1], [0, 0, 2]])
PERM = np.roll(np.eye(5), 1, axis=0)
I = np.array([[2, 1], [1, 2]], dtype='i4')
F4 = rng.standard_normal((4, 4)).astype('f4')
F4R = np.array([[1, 0.5], [0.5, 1]], dtype='f4')
GC = rng.standard_normal((5, 5)) + 1j * rng.standard_normal((5, 5))
STC = rng.standard_normal((2, 3, 3)) + 1j * rng.standard_normal((2, 3, 3))
HC = (lambda m: m + m.conj().T)(GC)
C8 = (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))).astype('c8')
CR = np.eye(3, dtype=complex) * 2
BIG = rng.standard_normal((60, 60))
BIGC = rng.standard_normal((30, 30)) + 1j * rng.standard_normal((30, 30))
COMP = np.diag(np.ones(7), -1); COMP[0] = -np.array([1., 2, 3, 4, 5, 6, 7, 8]) / 2
SCALED = np.array([[1e150, 1e150], [-1e150, 3e150]])
E = np.zeros((0, 0))
ES = np.zeros((2, 0, 0))
EC = np.zeros((0, 2, 2), dtype='c8')
NAN = np.array([[1., np.nan], [0, 1]])
INF = np.array([[1., 0], [np.inf, 1]])
CNAN = np.array([[1, 1j], [np.nan, 1]])
R = np.zeros((2, 3))
V1 = np.zeros(3)
H = np.eye(2, dtype='f2')
# Badly scaled (geev balances them, gebal): D^-1 B D with D from 1 to 1e20, so
# the eigenvalues are B's, O(1), in a matrix whose norm is 1e20.
D = 10.0 ** np.arange(0, 24, 4)
BAL = rng.standard_normal((6, 6)) * D[None, :] / D[:, None]
BALC = (rng.standard_normal((6, 6)) + 1j * rng.standard_normal((6, 6))) * D[None, :] / D[:, None]
# Isolated eigenvalues (gebal's permutations): row 4 and column 1 zero off the diagonal; scaled too.
ISO = rng.standard_normal((6, 6)); ISO[4, [0, 1, 2, 3, 5]] = 0; ISO[[0, 2, 3, 4, 5], 1] = 0
ISO = ISO * D[None, :] / D[:, None]
ISOC = ISO * (1 + 2j)
# Graded both ways (without balancing ours was 5e11 off NumPy's eigenvalues here).
DM = 10.0 ** np.array([0, 12, -8, 20, -16, 4])
BALM = rng.standard_normal((6, 6)) * DM[None, :] / DM[:, None]
HINF = np.array([[np.inf, 1], [0, 1]], dtype='f2')
`;
const NAMES = ['G', 'ST', 'MIX', 'SYM', 'TRI', 'JORDAN', 'PERM', 'I', 'F4', 'F4R', 'GC', 'STC', 'HC', 'C8', 'CR', 'BIG', 'BIGC', 'COMP', 'SCALED', 'E', 'ES', 'EC', 'NAN', 'INF', 'CNAN', 'R', 'V1', 'H', 'HINF', 'BAL', 'BALC', 'ISO', 'ISOC', 'BALM'];
const ALL = ['G', 'ST', 'MIX', 'SYM', 'TRI', 'JORDAN', 'PERM', 'I', 'F4', 'F4R', 'GC', 'STC', 'HC', 'C8', 'CR', 'BIG', 'BIGC', 'COMP', 'SCALED', 'E', 'ES', 'EC', 'BAL', 'BALC', 'ISO', 'ISOC', 'BALM'];
/** Distinct, well separated eigenvalues: eigenvectors unique up to a scalar. */
const DISTINCT = ['G', 'ST', 'SYM', 'TRI', 'GC', 'STC', 'COMP', 'BAL', 'BALC', 'ISO', 'ISOC', 'BALM'];
const tolOf = (name: string): number => (name === 'F4' || name === 'F4R' || name === 'C8' ? 1e-5 : name === 'JORDAN' ? 1e-4 : name === 'SCALED' ? 1e-7 : TOL);

/** The largest |a·v - v·diag(w)| over the stack, and the largest | |v_col| - 1 |. */
function residuals(a: NdArray, w: NdArray, v: NdArray): { res: number; unit: number; scale: number } {
  const av = lib.matmul(a.astype('c16'), v.astype('c16'));
  const vw = lib.multiply(v.astype('c16'), lib.expandDims(w.astype('c16'), -2));
  const diff = lib.absolute(lib.subtract(av, vw));
  const res = diff.size === 0 ? 0 : Number(lib.max(diff).get());
  const norms = lib.sqrt(lib.sum(lib.multiply(lib.absolute(v), lib.absolute(v)), { axis: -2 }));
  const unit = norms.size === 0 ? 0 : Number(lib.max(lib.absolute(lib.subtract(norms, 1))).get());
  const scale = a.size === 0 ? 1 : Math.max(1, Number(lib.max(lib.absolute(a)).get()));
  return { res, unit, scale };
}

describeWithNumpy('linalg.eig against NumPy', () => {
  const tmp = useTempDir('mmarray-eig-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('eig: eigenvalues (sorted) and dtypes of values and vectors, stacks', () => {
    const cases: LinalgCase[] = [];
    for (const name of ALL) {
      cases.push({ py: `np.sort(LA.eig(${name}).eigenvalues)`, js: (x) => lib.sort(linalg.eig(x[name]).eigenvalues), tol: tolOf(name) });
      // The vectors' dtype and shape (values compared below): NumPy's zeros_like of them.
      cases.push({ py: `np.zeros_like(LA.eig(${name}).eigenvectors)`, js: (x) => lib.zerosLike(linalg.eig(x[name]).eigenvectors), tol: 0 });
    }
    run(cases);
  });

  test('eig: |eigenvectors| in the eigenvalues’ sorted order, for distinct eigenvalues', () => {
    const cases: LinalgCase[] = DISTINCT.map((name) => ({
      py: `(lambda r: np.abs(np.take_along_axis(r.eigenvectors, np.argsort(r.eigenvalues)[..., None, :], -1)))(LA.eig(${name}))`,
      js: (x) => {
        const r = linalg.eig(x[name]);
        return lib.absolute(lib.takeAlongAxis(r.eigenvectors, lib.expandDims(lib.argsort(r.eigenvalues), -2), -1));
      },
      tol: 1e-8,
    }));
    run(cases);
  });

  test('eig: A·v = λ·v and unit columns on our side', () => {
    const got: Record<string, { res: number; unit: number; scale: number }> = {};
    run([
      {
        py: 'np.zeros(1)',
        js: (x) => {
          for (const name of ALL) {
            const { eigenvalues, eigenvectors } = linalg.eig(x[name]);
            got[name] = residuals(x[name], eigenvalues, eigenvectors);
          }
          return lib.zeros([1]);
        },
        tol: 0,
      },
    ]);
    for (const name of ALL) {
      const { res, unit, scale } = got[name];
      const single = name === 'F4' || name === 'F4R' || name === 'C8';
      expect({ name, ok: res <= (single ? 1e-5 : 1e-11) * scale * (name.startsWith('BIG') ? 10 : 1) }).toEqual({ name, ok: true });
      expect({ name, ok: unit <= (single ? 1e-6 : 1e-13) }).toEqual({ name, ok: true });
    }
  });

  test('eig and eigvals: errors as NumPy (NaN, inf, non-square, 1-d, float16)', () => {
    const cases: LinalgCase[] = [];
    // HINF: NumPy's _assert_finite runs before _commonType's float16 TypeError
    for (const name of ['NAN', 'INF', 'CNAN', 'R', 'V1', 'H', 'HINF']) {
      cases.push({ py: `LA.eig(${name})`, js: (x) => linalg.eig(x[name]).eigenvalues, tol: 0 });
      cases.push({ py: `LA.eigvals(${name})`, js: (x) => linalg.eigvals(x[name]), tol: 0 });
    }
    run(cases);
  });

  test('eigvals gives eig’s eigenvalues, in the same order', () => {
    const cases: LinalgCase[] = ALL.map((name) => ({
      py: `np.zeros(1)`,
      js: (x) => {
        const a = linalg.eigvals(x[name]);
        const b = linalg.eig(x[name]).eigenvalues;
        expect(a.dtype.str).toBe(b.dtype.str);
        expect(a.toArray()).toEqual(b.toArray());
        return lib.zeros([1]);
      },
      tol: 0,
    }));
    run(cases);
  });
});

describe('linalg.eig inputs (no NumPy needed)', () => {
  test('a complex input’s eigenvectors have their largest component real (zgeev)', () => {
    const a = lib.asarray([
      [{ re: 1, im: 2 }, { re: 0, im: 1 }, 3],
      [2, { re: -1, im: 0 }, { re: 0.5, im: -2 }],
      [{ re: 0, im: -1 }, 1, { re: 4, im: 1 }],
    ]);
    const v = linalg.eig(a).eigenvectors;
    const cols = (v.toArray() as { re: number; im: number }[][]).reduce<{ re: number; im: number }[][]>((acc, row) => {
      row.forEach((z, j) => (acc[j] ??= []).push(z));
      return acc;
    }, []);
    for (const col of cols) {
      const big = col.reduce((b, z) => (Math.hypot(z.re, z.im) > Math.hypot(b.re, b.im) ? z : b));
      expect(big.im).toBe(0);
    }
  });

  test('a non-square matrix is a LinAlgError', () => {
    expect(() => linalg.eig(lib.zeros([2, 3]))).toThrow(LinAlgError);
  });
});
