// linalg.svd / svdvals against NumPy: the singular values themselves;
// U and Vh (unique only up to the sign or phase of each singular pair) by
// what does not depend on it: U·diag(S)·Vh, |U| and |Vh| where the singular
// values are distinct (real input), and on our side UᴴU = I and VhVhᴴ = I.
// Tall, wide, square, stacks, complex, float32 (rounded from double),
// integer, rank-deficient (zero singular values: U is completed to an
// orthonormal basis), full and reduced, hermitian=True (NumPy's eigh path),
// 0-size, byte-swapped / Fortran inputs, NaN, errors.
// BIG2 (130×110) and BIGW (70×120) run the real kernel's Golub–Kahan
// iteration well past its small cases, CBIG (60×45), CBIGW (35×70) and CRK
// (10×8 of rank 3) the complex one's.
// Tolerance 1e-12 of the largest magnitude for float64 results (Golub–Kahan
// against LAPACK's gesdd: a few ulp of the largest singular value), 1e-5 for
// float32 results.
import * as lib from '../lib';
import { LinAlgError, type NdArray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const TOL = 1e-12;
const TOL4 = 1e-5;

const SETUP = `
rng = np.random.default_rng(43)
A = rng.standard_normal((6, 4))
W = rng.standard_normal((3, 7))
SQ = rng.standard_normal((5, 5))
ST = rng.standard_normal((2, 3, 4, 3))
C = rng.standard_normal((4, 3)) + 1j * rng.standard_normal((4, 3))
CW = rng.standard_normal((2, 5)) + 1j * rng.standard_normal((2, 5))
F4 = rng.standard_normal((4, 5)).astype('f4')
C8 = (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))).astype('c8')
I = np.array([[1, 2], [3, 4], [5, 6]], dtype='i4')
BE = A.astype('>f8')
FO = np.asfortranarray(rng.standard_normal((7, 4)))
RK = np.array([[1., 2, 3], [2, 4, 6], [-1, 1, -1], [0, 0, 0]])
Z = np.zeros((3, 2))
SYM = (lambda m: m + m.T)(rng.standard_normal((5, 5)))
HER = (lambda m: m + m.conj().T)(rng.standard_normal((4, 4)) + 1j * rng.standard_normal((4, 4)))
ILL = np.vander(np.linspace(0, 1, 8), 6)
BIG = rng.standard_normal((30, 20))
BIG2 = rng.standard_normal((130, 110))
BIGW = rng.standard_normal((70, 120))
E0 = np.zeros((0, 3))
E1 = np.zeros((3, 0))
ES = np.zeros((0, 2, 2))
NAN = np.array([[1., np.nan], [0, 1]])
INF = np.array([[np.inf, 1.], [1, 2], [3, 4]])
INFS = np.array([[[1., 2], [3, 4]], [[-np.inf, 1], [1, 2]]])
NANS = np.array([[[1., 2], [3, 4]], [[np.inf, np.nan], [1, 2]]])
CINF = np.array([[1, 2j], [np.inf, 1]])
V = np.arange(3.)
H = np.ones((2, 2), dtype='f2')
CBIG = rng.standard_normal((60, 45)) + 1j * rng.standard_normal((60, 45))
CBIGW = rng.standard_normal((35, 70)) + 1j * rng.standard_normal((35, 70))
CST = rng.standard_normal((2, 5, 4)) + 1j * rng.standard_normal((2, 5, 4))
CRK = (rng.standard_normal((10, 3)) + 1j * rng.standard_normal((10, 3))) @ (rng.standard_normal((3, 8)) - 2j * rng.standard_normal((3, 8)))
`;
const NAMES = ['A', 'W', 'SQ', 'ST', 'C', 'CW', 'F4', 'C8', 'I', 'BE', 'FO', 'RK', 'Z', 'SYM', 'HER', 'ILL', 'BIG', 'BIG2', 'BIGW', 'E0', 'E1', 'ES', 'NAN', 'INF', 'INFS', 'NANS', 'CINF', 'V', 'H', 'CBIG', 'CBIGW', 'CST', 'CRK'];

/** U·diag(S)·Vh of a reduced or full SVD (NumPy: u[..., :, :k] * s[..., None, :] @ vh[..., :k, :]). */
function rebuild(r: { U: NdArray; S: NdArray; Vh: NdArray }): NdArray {
  const k = r.S.shape[r.S.ndim - 1];
  const u = r.U.index(`..., :${k}`);
  const vh = r.Vh.index(`..., :${k}, :`);
  return lib.matmul(lib.multiply(u, lib.expandDims(r.S, -2)), vh);
}
const PY_REBUILD = (e: string): string => `(lambda r: (r.U[..., :, :r.S.shape[-1]] * r.S[..., None, :]) @ r.Vh[..., :r.S.shape[-1], :])(${e})`;

describeWithNumpy('linalg.svd against NumPy', () => {
  const tmp = useTempDir('mmarray-svd-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('singular values: shapes, dtypes, values (svd, svdvals, computeUv false)', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'SQ', 'ST', 'C', 'CW', 'I', 'BE', 'FO', 'RK', 'Z', 'ILL', 'BIG', 'BIG2', 'BIGW', 'CBIG', 'CBIGW', 'CST', 'CRK']) {
      cases.push({ py: `LA.svd(${name}, compute_uv=False)`, js: (x) => linalg.svd(x[name], { computeUv: false }), tol: TOL });
      cases.push({ py: `LA.svdvals(${name})`, js: (x) => linalg.svdvals(x[name]), tol: TOL });
      cases.push({ py: `LA.svd(${name}).S`, js: (x) => linalg.svd(x[name]).S, tol: TOL });
    }
    cases.push(
      { py: 'LA.svdvals(F4)', js: (x) => linalg.svdvals(x.F4), tol: TOL4 },
      { py: 'LA.svdvals(C8)', js: (x) => linalg.svdvals(x.C8), tol: TOL4 },
    );
    run(cases);
  });

  test('U·diag(S)·Vh, and |U|, |Vh| of matrices with distinct singular values; full and reduced', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'SQ', 'ST', 'C', 'CW', 'I', 'FO', 'RK', 'Z', 'BIG', 'BIG2', 'BIGW', 'CBIG', 'CBIGW', 'CST', 'CRK']) {
      for (const full of [true, false]) {
        const py = full ? 'True' : 'False';
        cases.push({ py: PY_REBUILD(`LA.svd(${name}, full_matrices=${py})`), js: (x) => rebuild(linalg.svd(x[name], { fullMatrices: full })), tol: TOL });
        cases.push({
          py: `(lambda r: (np.zeros_like(r.U), np.zeros_like(r.Vh)))(LA.svd(${name}, full_matrices=${py}))`,
          js: (x) => {
            const r = linalg.svd(x[name], { fullMatrices: full });
            return [lib.zerosLike(r.U), lib.zerosLike(r.Vh)];
          },
          tol: 0,
        });
      }
    }
    for (const name of ['A', 'W', 'SQ', 'ST', 'I', 'BIG', 'C', 'CW', 'CST', 'CBIG']) {
      cases.push({
        py: `(lambda r: (abs(r.U[..., :r.S.shape[-1]]), abs(r.Vh[..., :r.S.shape[-1], :])))(LA.svd(${name}))`,
        js: (x) => {
          const r = linalg.svd(x[name]);
          const k = r.S.shape[r.S.ndim - 1];
          return [lib.absolute(r.U.index(`..., :${k}`)), lib.absolute(r.Vh.index(`..., :${k}, :`))];
        },
        tol: 1e-10,
      });
    }
    cases.push({ py: PY_REBUILD('LA.svd(F4)'), js: (x) => rebuild(linalg.svd(x.F4)), tol: TOL4 });
    run(cases);
  });

  test('hermitian: NumPy eigh path (S, |U|, reconstruction, the signs in Vh)', () => {
    run([
      { py: 'LA.svd(SYM, hermitian=True).S', js: (x) => linalg.svd(x.SYM, { hermitian: true }).S, tol: TOL },
      { py: 'LA.svd(HER, hermitian=True).S', js: (x) => linalg.svd(x.HER, { hermitian: true }).S, tol: TOL },
      { py: 'LA.svd(SYM, compute_uv=False, hermitian=True)', js: (x) => linalg.svd(x.SYM, { computeUv: false, hermitian: true }), tol: TOL },
      { py: PY_REBUILD('LA.svd(SYM, hermitian=True)'), js: (x) => rebuild(linalg.svd(x.SYM, { hermitian: true })), tol: TOL },
      { py: PY_REBUILD('LA.svd(HER, hermitian=True)'), js: (x) => rebuild(linalg.svd(x.HER, { hermitian: true })), tol: TOL },
      { py: 'abs(LA.svd(SYM, hermitian=True).U)', js: (x) => lib.absolute(linalg.svd(x.SYM, { hermitian: true }).U), tol: 1e-10 },
      { py: 'LA.svd(A, hermitian=True)', js: (x) => linalg.svd(x.A, { hermitian: true }).S, tol: 0 },
    ]);
  });

  test('0-size, NaN, non-matrices, float16', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['E0', 'E1', 'ES']) {
      for (const full of [true, false]) {
        cases.push({
          py: `tuple(LA.svd(${name}, full_matrices=${full ? 'True' : 'False'}))`,
          js: (x) => {
            const r = linalg.svd(x[name], { fullMatrices: full });
            return [r.U, r.S, r.Vh];
          },
          tol: 0,
        });
      }
      cases.push({ py: `LA.svdvals(${name})`, js: (x) => linalg.svdvals(x[name]), tol: 0 });
    }
    cases.push(
      { py: 'LA.svd(NAN)', js: (x) => linalg.svd(x.NAN).S, tol: 0 },
      { py: 'LA.svdvals(NAN)', js: (x) => linalg.svdvals(x.NAN), tol: 0 },
      // gesdd refuses a NaN anywhere in the stack, and runs on an infinity: NaN singular values
      { py: 'LA.svdvals(NANS)', js: (x) => linalg.svdvals(x.NANS), tol: 0 },
      { py: 'LA.svd(INF, full_matrices=False).S', js: (x) => linalg.svd(x.INF, { fullMatrices: false }).S, tol: 0 },
      { py: 'LA.svdvals(INF)', js: (x) => linalg.svdvals(x.INF), tol: 0 },
      { py: 'LA.svdvals(INFS)', js: (x) => linalg.svdvals(x.INFS), tol: TOL },
      { py: 'LA.svd(CINF).S', js: (x) => linalg.svd(x.CINF).S, tol: 0 },
      { py: 'LA.cond(INFS)', js: (x) => linalg.cond(x.INFS), tol: TOL },
      { py: 'LA.matrix_rank(INFS)', js: (x) => linalg.matrixRank(x.INFS), tol: 0 },
      { py: 'LA.pinv(INFS)', js: (x) => linalg.pinv(x.INFS), tol: TOL },
      { py: 'LA.pinv(INF)', js: (x) => linalg.pinv(x.INF), tol: 0 },
      { py: 'LA.pinv(CINF)', js: (x) => linalg.pinv(x.CINF), tol: 0 },
      { py: 'LA.svd(V)', js: (x) => linalg.svd(x.V).S, tol: 0 },
      { py: 'LA.svd(H)', js: (x) => linalg.svd(x.H).S, tol: 0 },
    );
    run(cases);
  });
});

describe('linalg.svd identities and inputs (no NumPy needed)', () => {
  const rnd = (shape: number[], seed: number): NdArray => {
    let st = seed >>> 0;
    const n = shape.reduce((a, b) => a * b, 1);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
      v[i] = st / 2 ** 32 - 0.5;
    }
    return lib.asarray(v).reshape(shape);
  };
  const orthonormal = (q: NdArray, rows: boolean): boolean => {
    const qh = lib.conjugate(q.swapaxes(-1, -2));
    const g = rows ? lib.matmul(q, qh) : lib.matmul(qh, q);
    return lib.allclose(g, lib.eye(g.shape[g.ndim - 1]), { rtol: 0, atol: 1e-13 });
  };

  test('U and Vh are orthonormal (full: square) and rebuild a, rank-deficient and complex included', () => {
    const rk = lib.matmul(rnd([12, 3], 5), rnd([3, 9], 6));
    const cx = lib.add(rnd([5, 8], 7), lib.multiply(rnd([5, 8], 8), lib.asarray({ re: 0, im: 1 })));
    const cxrk = lib.matmul(lib.add(rnd([12, 3], 9), lib.multiply(rnd([12, 3], 10), lib.asarray({ re: 0, im: 1 }))), rnd([3, 9], 11));
    for (const a of [rnd([20, 7], 1), rnd([7, 20], 2), rk, rk.T, cx, cx.T, cxrk, cxrk.T, lib.zeros([4, 3])]) {
      for (const full of [true, false]) {
        const r = linalg.svd(a, { fullMatrices: full });
        expect(orthonormal(r.U, false)).toBe(true);
        expect(orthonormal(r.Vh, true)).toBe(true);
        expect(lib.allclose(rebuild(r), a, { rtol: 0, atol: 1e-13 })).toBe(true);
        const sv = r.S.toArray() as number[];
        for (let i = 1; i < sv.length; i++) expect(sv[i]).toBeLessThanOrEqual(sv[i - 1]);
      }
    }
  });

  test('options are checked', () => {
    const a = lib.eye(2);
    expect(() => linalg.svd(a, { fullMatrices: 1 as never })).toThrow(TypeError);
    expect(() => linalg.svd(a, { full_matrices: false } as never)).toThrow(TypeError);
    expect(() => linalg.svd(lib.asarray([[NaN, 0], [0, 1]]))).toThrow(LinAlgError);
    // an infinity: NaN singular values (NumPy's, checked against NumPy above); vectors of no
    // meaning in NumPy: zeros here for real input, NaN for complex (pinv: 0 and NaN, as NumPy's)
    const r = linalg.svd(lib.asarray([[Infinity, 0], [0, 1]]));
    expect([r.S.toArray(), r.U.toArray(), r.Vh.toArray()]).toEqual([[NaN, NaN], [[0, 0], [0, 0]], [[0, 0], [0, 0]]]);
    const c = linalg.svd(lib.asarray([[Infinity, 0], [0, 1]]).astype('c16'));
    expect(lib.all(lib.isnan(c.U)).get()).toBe(true);
  });
});
