// np.linalg det, slogdet, inv, solve and cholesky against NumPy: dtypes
// (integer/bool -> float64, float32/complex64 rounded from double), stacks,
// broadcasting, 0-size stacks and 0x0 matrices, singular and non-square
// input, byte-swapped / Fortran-order / strided inputs, read-only mappings.
// Tolerance: 1e-10 of the largest magnitude for float64 results on matrices of
// condition below ~1e3 (our LU's order of sums vs OpenBLAS's: a few ulps · cond); 4e-7 for float32 results (both round a double to
// float32; a 1-ulp split is possible). Exact where NumPy is exact: det of
// integer upper-triangular and permutation matrices (no pivoting, so
// sign · exp(Σ log|d|) gives NumPy's bits), singular detection, errors. A
// lower-triangular one pivots, and NumPy's own det is then off the integer
// (LT: -42.00000000000001; ours -41.999999999999986): 1e-14.
import * as lib from '../lib';
import { LinAlgError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectSameOnEveryThreadCount, hexBits as hex } from './helpers/gemm-threads';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const s = lib.slice;
const TOL = 1e-10;
const TOL4 = 4e-7;

const SETUP = `
rng = np.random.default_rng(18)
def well(*shape, dt='f8'):
    n = shape[-1]
    a = rng.standard_normal(shape) + n * np.eye(n)
    if np.dtype(dt).kind == 'c':
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dt)
A = well(5, 5)
S = well(3, 4, 4)
B = rng.standard_normal((5, 3))
BS = rng.standard_normal((3, 4, 2))
V = rng.standard_normal(5)
F4 = well(6, 6, dt='f4')
C = well(4, 4, dt='c16')
C8 = well(2, 3, 3, dt='c8')
BE = A.astype('>f8')
FO = np.asfortranarray(well(7, 7))
BIG = well(12, 12)
I = np.array([[2, 1, 5], [0, 3, 7], [0, 0, -4]], dtype='i4')
LT = np.array([[3, 0, 0, 0], [1, -2, 0, 0], [4, 5, 7, 0], [1, 1, 1, 1]], dtype='i8')
P = np.eye(4, dtype='i2')[[2, 0, 3, 1]]
SING = np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1]])
SSTACK = np.stack([np.eye(3), np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1]])])
BOOL = np.array([[True, False], [True, True]])
H = np.array([[1., 2.], [3., 4.]], dtype='f2')
SPD = (lambda m: m @ m.T + 5 * np.eye(5))(rng.standard_normal((5, 5)))
SPDS = (lambda m: m @ m.swapaxes(-1, -2) + 4 * np.eye(4))(rng.standard_normal((3, 4, 4)))
HPD = (lambda m: m @ m.conj().T + 4 * np.eye(4))(rng.standard_normal((4, 4)) + 1j * rng.standard_normal((4, 4)))
NPD = np.array([[1., 2], [2, 1]])
E0 = np.zeros((0, 3, 3))
E00 = np.zeros((2, 0, 0))
R = rng.standard_normal((3, 4))
`;
const NAMES = ['A', 'S', 'B', 'BS', 'V', 'F4', 'C', 'C8', 'BE', 'FO', 'BIG', 'I', 'LT', 'P', 'SING', 'SSTACK', 'BOOL', 'H', 'SPD', 'SPDS', 'HPD', 'NPD', 'E0', 'E00', 'R'];

describeWithNumpy('linalg det / slogdet / inv / solve / cholesky against NumPy', () => {
  const tmp = useTempDir('mmarray-linalg-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('det and slogdet: dtypes, stacks, exact integer triangular/permutation, singular, empty', () => {
    run([
      { py: 'LA.det(A)', js: (x) => linalg.det(x.A), tol: TOL },
      { py: 'LA.det(S)', js: (x) => linalg.det(x.S), tol: TOL },
      { py: 'LA.det(F4)', js: (x) => linalg.det(x.F4), tol: TOL4 },
      { py: 'LA.det(C)', js: (x) => linalg.det(x.C), tol: TOL },
      { py: 'LA.det(C8)', js: (x) => linalg.det(x.C8), tol: TOL4 },
      { py: 'LA.det(BE)', js: (x) => linalg.det(x.BE), tol: TOL },
      { py: 'LA.det(FO)', js: (x) => linalg.det(x.FO), tol: TOL },
      { py: 'LA.det(BIG[::2, 1::2])', js: (x) => linalg.det(x.BIG.index(s(null, null, 2), s(1, null, 2))), tol: TOL },
      { py: 'LA.det(I)', js: (x) => linalg.det(x.I), tol: 0 },
      { py: 'LA.det(LT)', js: (x) => linalg.det(x.LT), tol: 1e-14 },
      { py: 'LA.det(LT.T)', js: (x) => linalg.det(x.LT.T), tol: 0 },
      { py: 'LA.det(P)', js: (x) => linalg.det(x.P), tol: 0 },
      { py: 'LA.det(BOOL)', js: (x) => linalg.det(x.BOOL), tol: 0 },
      { py: 'LA.det(SING)', js: (x) => linalg.det(x.SING), tol: 0 },
      { py: 'LA.det(SSTACK)', js: (x) => linalg.det(x.SSTACK), tol: 0 },
      { py: 'LA.det(E0)', js: (x) => linalg.det(x.E0), tol: 0 },
      { py: 'LA.det(E00)', js: (x) => linalg.det(x.E00), tol: 0 },
      { py: 'LA.det(np.eye(500) * 0.1)', js: () => linalg.det(lib.multiply(lib.eye(500), 0.1)), tol: 0 },
      { py: 'LA.slogdet(np.eye(500) * 0.1)', js: () => linalg.slogdet(lib.multiply(lib.eye(500), 0.1)), tol: 1e-13 },
      { py: 'LA.slogdet(A)', js: (x) => linalg.slogdet(x.A), tol: TOL },
      { py: 'LA.slogdet(S)', js: (x) => linalg.slogdet(x.S), tol: TOL },
      { py: 'LA.slogdet(F4)', js: (x) => linalg.slogdet(x.F4), tol: TOL4 },
      { py: 'LA.slogdet(C)', js: (x) => linalg.slogdet(x.C), tol: TOL },
      { py: 'LA.slogdet(C8)', js: (x) => linalg.slogdet(x.C8), tol: TOL4 },
      { py: 'LA.slogdet(SSTACK)', js: (x) => linalg.slogdet(x.SSTACK), tol: 0 },
      { py: 'LA.slogdet(LT.T)', js: (x) => linalg.slogdet(x.LT.T), tol: 0 },
      { py: 'LA.slogdet(E00)', js: (x) => linalg.slogdet(x.E00), tol: 0 },
      { py: 'LA.slogdet(np.zeros((3, 3), "c16"))', js: () => linalg.slogdet(lib.zeros([3, 3], 'c16')), tol: 0 },
      { py: 'LA.det(np.zeros((3, 3), "c8"))', js: () => linalg.det(lib.zeros([3, 3], 'c8')), tol: 0 },
      { py: 'LA.det(R)', js: (x) => linalg.det(x.R), tol: 0 },
      { py: 'LA.det(V)', js: (x) => linalg.det(x.V), tol: 0 },
      { py: 'LA.det(H)', js: (x) => linalg.det(x.H), tol: 0 },
      { py: 'LA.slogdet(np.ones((2, 2), "S1"))', js: () => linalg.slogdet(lib.ones([2, 2], 'S1')), tol: 0 },
      { py: 'LA.solve(np.eye(2), np.ones(2, "S1"))', js: () => linalg.solve(lib.eye(2), lib.ones([2], 'S1')), tol: 0 },
      { py: 'LA.cholesky(np.ones((2, 2), "S1"), upper=True)', js: () => linalg.cholesky(lib.ones([2, 2], 'S1'), { upper: true }), tol: 0 },
    ]);
  });

  test('inv: dtypes, stacks, layouts, singular, empty', () => {
    run([
      { py: 'LA.inv(A)', js: (x) => linalg.inv(x.A), tol: TOL },
      { py: 'LA.inv(S)', js: (x) => linalg.inv(x.S), tol: TOL },
      { py: 'LA.inv(F4)', js: (x) => linalg.inv(x.F4), tol: TOL4 },
      { py: 'LA.inv(C)', js: (x) => linalg.inv(x.C), tol: TOL },
      { py: 'LA.inv(C8)', js: (x) => linalg.inv(x.C8), tol: TOL4 },
      { py: 'LA.inv(BE)', js: (x) => linalg.inv(x.BE), tol: TOL },
      { py: 'LA.inv(FO)', js: (x) => linalg.inv(x.FO), tol: TOL },
      { py: 'LA.inv(BIG.T[1:9, 2:10])', js: (x) => linalg.inv(x.BIG.T.index(s(1, 9), s(2, 10))), tol: TOL },
      { py: 'LA.inv(I)', js: (x) => linalg.inv(x.I), tol: TOL },
      { py: 'LA.inv(P)', js: (x) => linalg.inv(x.P), tol: 0 },
      { py: 'LA.inv(BOOL)', js: (x) => linalg.inv(x.BOOL), tol: 0 },
      { py: 'LA.inv(SING)', js: (x) => linalg.inv(x.SING), tol: 0 },
      { py: 'LA.inv(SSTACK)', js: (x) => linalg.inv(x.SSTACK), tol: 0 },
      { py: 'LA.inv(E0)', js: (x) => linalg.inv(x.E0), tol: 0 },
      { py: 'LA.inv(E00)', js: (x) => linalg.inv(x.E00), tol: 0 },
      { py: 'LA.inv(R)', js: (x) => linalg.inv(x.R), tol: 0 },
      { py: 'LA.inv(V)', js: (x) => linalg.inv(x.V), tol: 0 },
      { py: 'LA.inv(H)', js: (x) => linalg.inv(x.H), tol: 0 },
    ]);
  });

  test('solve: NumPy 2 b rules, broadcasting stacks, dtypes, singular, core mismatches', () => {
    run([
      { py: 'LA.solve(A, B)', js: (x) => linalg.solve(x.A, x.B), tol: TOL },
      { py: 'LA.solve(A, V)', js: (x) => linalg.solve(x.A, x.V), tol: TOL },
      { py: 'LA.solve(S, V[:4])', js: (x) => linalg.solve(x.S, x.V.index(s(0, 4))), tol: TOL },
      { py: 'LA.solve(S, BS)', js: (x) => linalg.solve(x.S, x.BS), tol: TOL },
      { py: 'LA.solve(S, BS[0])', js: (x) => linalg.solve(x.S, x.BS.index(0)), tol: TOL },
      { py: 'LA.solve(S[0], BS)', js: (x) => linalg.solve(x.S.index(0), x.BS), tol: TOL },
      { py: 'LA.solve(S[:, None], BS[None])', js: (x) => linalg.solve(x.S.index(s(), null), x.BS.index(null)), tol: TOL },
      { py: 'LA.solve(F4, V[:6].astype("f4"))', js: (x) => linalg.solve(x.F4, x.V.index(s(0, 6)).astype('f4')), tol: TOL4 },
      { py: 'LA.solve(F4, V[:6])', js: (x) => linalg.solve(x.F4, x.V.index(s(0, 6))), tol: TOL },
      { py: 'LA.solve(C, B[:4])', js: (x) => linalg.solve(x.C, x.B.index(s(0, 4))), tol: TOL },
      { py: 'LA.solve(C8, C8[:, :, :1])', js: (x) => linalg.solve(x.C8, x.C8.index(s(), s(), s(0, 1))), tol: TOL4 },
      { py: 'LA.solve(BE, B[::-1])', js: (x) => linalg.solve(x.BE, x.B.index(s(null, null, -1))), tol: TOL },
      { py: 'LA.solve(FO, np.asfortranarray(BIG[:7, :3]))', js: (x) => linalg.solve(x.FO, x.BIG.index(s(0, 7), s(0, 3)).copy('F')), tol: TOL },
      { py: 'LA.solve(I, np.array([1, 2, 3]))', js: (x) => linalg.solve(x.I, lib.asarray([1, 2, 3])), tol: TOL },
      { py: 'LA.solve(SING, V[:3])', js: (x) => linalg.solve(x.SING, x.V.index(s(0, 3))), tol: 0 },
      { py: 'LA.solve(SSTACK, BS[:2, :3])', js: (x) => linalg.solve(x.SSTACK, x.BS.index(s(0, 2), s(0, 3))), tol: 0 },
      { py: 'LA.solve(A, V[:4])', js: (x) => linalg.solve(x.A, x.V.index(s(0, 4))), tol: 0 },
      { py: 'LA.solve(A, B[:4])', js: (x) => linalg.solve(x.A, x.B.index(s(0, 4))), tol: 0 },
      { py: 'LA.solve(S, BS[:2])', js: (x) => linalg.solve(x.S, x.BS.index(s(0, 2))), tol: 0 },
      { py: 'LA.solve(A, np.float64(2))', js: (x) => linalg.solve(x.A, lib.asarray(2, 'f8')), tol: 0 },
      { py: 'LA.solve(R, V[:3])', js: (x) => linalg.solve(x.R, x.V.index(s(0, 3))), tol: 0 },
      { py: 'LA.solve(E0, np.zeros((0, 3, 2)))', js: (x) => linalg.solve(x.E0, lib.zeros([0, 3, 2])), tol: 0 },
      { py: 'LA.solve(E00, np.zeros((2, 0, 4)))', js: (x) => linalg.solve(x.E00, lib.zeros([2, 0, 4])), tol: 0 },
      { py: 'LA.solve(E00, np.zeros(0))', js: (x) => linalg.solve(x.E00, lib.zeros([0])), tol: 0 },
      { py: 'LA.solve(A, np.zeros((5, 0)))', js: (x) => linalg.solve(x.A, lib.zeros([5, 0])), tol: 0 },
      { py: 'LA.solve(H, H)', js: (x) => linalg.solve(x.H, x.H), tol: 0 },
    ]);
  });

  test('cholesky: lower and upper (NumPy 2), stacks, complex, not positive definite', () => {
    run([
      { py: 'LA.cholesky(SPD)', js: (x) => linalg.cholesky(x.SPD), tol: TOL },
      { py: 'LA.cholesky(SPD, upper=True)', js: (x) => linalg.cholesky(x.SPD, { upper: true }), tol: TOL },
      { py: 'LA.cholesky(SPDS)', js: (x) => linalg.cholesky(x.SPDS), tol: TOL },
      { py: 'LA.cholesky(SPDS.astype("f4"), upper=True)', js: (x) => linalg.cholesky(x.SPDS.astype('f4'), { upper: true }), tol: TOL4 },
      { py: 'LA.cholesky(HPD)', js: (x) => linalg.cholesky(x.HPD), tol: TOL },
      { py: 'LA.cholesky(HPD, upper=True)', js: (x) => linalg.cholesky(x.HPD, { upper: true }), tol: TOL },
      { py: 'LA.cholesky(HPD.astype("c8"))', js: (x) => linalg.cholesky(x.HPD.astype('c8')), tol: TOL4 },
      { py: 'LA.cholesky(np.triu(SPD))', js: (x) => linalg.cholesky(lib.triu(x.SPD)), tol: 0 },
      { py: 'LA.cholesky(np.tril(SPD), upper=True)', js: (x) => linalg.cholesky(lib.tril(x.SPD), { upper: true }), tol: 0 },
      { py: 'LA.cholesky(np.array([[4, 2], [2, 5]]))', js: () => linalg.cholesky(lib.asarray([[4, 2], [2, 5]])), tol: 0 },
      { py: 'LA.cholesky(NPD)', js: (x) => linalg.cholesky(x.NPD), tol: 0 },
      { py: 'LA.cholesky(E00)', js: (x) => linalg.cholesky(x.E00), tol: 0 },
      { py: 'LA.cholesky(E0)', js: (x) => linalg.cholesky(x.E0), tol: 0 },
      { py: 'LA.cholesky(R)', js: (x) => linalg.cholesky(x.R), tol: 0 },
      { py: 'LA.cholesky(V)', js: (x) => linalg.cholesky(x.V), tol: 0 },
      // A NaN pivot is not "not positive definite" (OpenBLAS's potf2 checks ajj <= 0): NaNs fill the rest.
      { py: 'LA.cholesky(np.array([[4, np.nan], [np.nan, 9]]))', js: () => linalg.cholesky(lib.asarray([[4, NaN], [NaN, 9]])), tol: 0 },
      { py: 'LA.cholesky(np.array([[np.nan, 1], [1, 2]], complex))', js: () => linalg.cholesky(lib.asarray([[NaN, 1], [1, 2]]).astype('c16')), tol: 0 },
      { py: 'LA.cholesky(np.array([[1, 2, 3], [2, np.nan, 1], [3, 1, 9]]), upper=True)', js: () => linalg.cholesky(lib.asarray([[1, 2, 3], [2, NaN, 1], [3, 1, 9]]), { upper: true }), tol: 0 },
      { py: 'LA.cholesky(np.array([[4, np.inf], [np.inf, 9]]))', js: () => linalg.cholesky(lib.asarray([[4, Infinity], [Infinity, 9]])), tol: 0 },
    ]);
  });
});

describe('linalg errors and inputs (no NumPy needed)', () => {
  test('LinAlgError is a ValueError with code ERR_LINALG, exported top-level and in the namespace', () => {
    const e = (() => {
      try {
        linalg.inv(lib.zeros([2, 2]));
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(LinAlgError);
    expect(e).toBeInstanceOf(ValueError);
    expect((e as LinAlgError).code).toBe('ERR_LINALG');
    expect((e as LinAlgError).message).toBe('Singular matrix');
    expect(lib.LinAlgError).toBe(LinAlgError);
    expect(linalg.LinAlgError).toBe(LinAlgError);
  });

  test('a read-only input is never written (the factorization works on a copy)', () => {
    const a = lib.asarray([[4, 3], [6, 3]], 'f8');
    const before = a.toArray();
    linalg.det(a);
    linalg.inv(a);
    linalg.solve(a, lib.asarray([1, 2]));
    expect(a.toArray()).toEqual(before);
  });

  test('a large matrix (n = 200) solves to a small residual', () => {
    const n = 200;
    const a = lib.add(lib.multiply(lib.eye(n), n), lib.sin(lib.arange(n * n).reshape(n, n)));
    const x = lib.cos(lib.arange(n));
    const b = lib.matmul(a, x);
    const got = linalg.solve(a, b);
    expect(lib.allclose(got, x, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
    const ai = linalg.inv(a);
    expect(lib.allclose(lib.matmul(ai, a), lib.eye(n), { rtol: 0, atol: 1e-12 })).toBe(true);
  });
});

// The float64 LU and triangular solves (native/linalg_kernels.cc: unblocked
// below order 96; from 96 recursive halves down to 32 columns, the
// off-diagonal blocks through the packed GEMM) against NumPy on every size
// from 1 to 70 and across the blocked threshold and the recursion's edges. Tolerance scaled by the condition
// number NumPy reports: |ours - NumPy| <= 64·n·cond·eps·max(1, max |NumPy|)
// (both are backward stable; a wrong pivot or update is off by O(1)). The
// determinant's sign is exact (pivot parity and the diagonal's signs).
describeWithNumpy('blocked LU: sizes 1..70 and across blocks, against NumPy', () => {
  interface Want {
    n: number;
    a: string;
    b: string;
    cond: number;
    sign: number;
    logdet: number;
    inv: string;
    x: string;
    x1: string;
  }
  const EPS = 2 ** -52;
  const f8 = (h: string, shape: number[]): lib.NdArray => lib.fromBuffer(Buffer.from(h, 'hex'), '<f8').reshape(shape);
  const worst = (got: lib.NdArray, want: lib.NdArray): number => {
    const g = got.ravel().toArray() as number[];
    const w = want.ravel().toArray() as number[];
    let scale = 1;
    let err = 0;
    w.forEach((v, i) => {
      scale = Math.max(scale, Math.abs(v));
      err = Math.max(err, Number.isNaN(g[i]) ? Infinity : Math.abs(g[i] - v));
    });
    return err / scale;
  };

  test('det, slogdet, inv, solve (9 columns and a vector) of random matrices n = 1..70, 95..97, 100, 127..129, 150, 191..193, 200, 257', () => {
    const want = runNumpy<Want[]>(`
rng = np.random.default_rng(2026)
out = []
for n in list(range(1, 71)) + [95, 96, 97, 100, 127, 128, 129, 150, 191, 192, 193, 200, 257]:
    a = rng.standard_normal((n, n))
    if n % 2 == 0:
        a += np.sqrt(n) * np.eye(n)
    b = rng.standard_normal((n, 9))
    s, l = np.linalg.slogdet(a)
    h = lambda v: np.ascontiguousarray(v).tobytes().hex()
    out.append({'n': n, 'a': h(a), 'b': h(b), 'cond': float(np.linalg.cond(a)), 'sign': float(s), 'logdet': float(l),
                'inv': h(np.linalg.inv(a)), 'x': h(np.linalg.solve(a, b)), 'x1': h(np.linalg.solve(a, b[:, 0]))})
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const w of want) {
      const { n } = w;
      const a = f8(w.a, [n, n]);
      const b = f8(w.b, [n, 9]);
      const tol = 64 * n * w.cond * EPS;
      const sl = linalg.slogdet(a);
      if (sl.sign.get() !== w.sign) bad.push(`n=${n} sign ${sl.sign.get()} vs ${w.sign}`);
      if (Math.abs((sl.logabsdet.get() as number) - w.logdet) > tol * Math.max(1, Math.abs(w.logdet))) bad.push(`n=${n} logdet`);
      const e1 = worst(linalg.inv(a), f8(w.inv, [n, n]));
      if (!(e1 <= tol)) bad.push(`n=${n} inv ${e1} > ${tol}`);
      const e2 = worst(linalg.solve(a, b), f8(w.x, [n, 9]));
      if (!(e2 <= tol)) bad.push(`n=${n} solve ${e2} > ${tol}`);
      const e3 = worst(linalg.solve(a, b.index(s(), 0)), f8(w.x1, [n]));
      if (!(e3 <= tol)) bad.push(`n=${n} solve1 ${e3} > ${tol}`);
    }
    expect(bad).toEqual([]);
  });

  const SETUP2 = `
rng = np.random.default_rng(7)
def well(*shape, dt='f8'):
    n = shape[-1]
    a = rng.standard_normal(shape) + n * np.eye(n)
    if np.dtype(dt).kind == 'c':
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dt)
ZC = well(120, 120); ZC[:, 70] = 0
ZR = well(100, 100); ZR[99] = 0
STK = np.stack([well(120, 120), ZC, well(120, 120)])
F4 = well(101, 101, dt='f4')
C16 = well(3, 41, 41, dt='c16')
C8 = well(37, 37, dt='c8')
BIG = well(150, 150)
BB = rng.standard_normal((150, 20))
NANM = well(110, 110); NANM[80, 7] = np.nan
INFM = well(110, 110); INFM[3, 95] = np.inf
`;
  const NAMES2 = ['ZC', 'ZR', 'STK', 'F4', 'C16', 'C8', 'BIG', 'BB', 'NANM', 'INFM'];
  const tmp2 = useTempDir('mmarray-linalg-blocked-');

  test('singular inside a stack (an exact zero pivot past the first block), float32 and complex, NaN and inf', () => {
    expectLinalgLikeNumpy(tmp2.dir, SETUP2, NAMES2, [
      { py: 'LA.det(ZC)', js: (x) => linalg.det(x.ZC), tol: 0 },
      { py: 'LA.slogdet(ZR)', js: (x) => linalg.slogdet(x.ZR), tol: 0 },
      { py: 'LA.inv(ZC)', js: (x) => linalg.inv(x.ZC), tol: 0 },
      { py: 'LA.solve(ZR, BB[:100])', js: (x) => linalg.solve(x.ZR, x.BB.index(s(0, 100))), tol: 0 },
      { py: 'LA.det(STK)', js: (x) => linalg.det(x.STK), tol: TOL },
      { py: 'LA.slogdet(STK)', js: (x) => linalg.slogdet(x.STK), tol: TOL },
      { py: 'LA.inv(STK)', js: (x) => linalg.inv(x.STK), tol: 0 },
      { py: 'LA.det(F4)', js: (x) => linalg.det(x.F4), tol: TOL4 },
      { py: 'LA.inv(F4)', js: (x) => linalg.inv(x.F4), tol: TOL4 },
      { py: 'LA.solve(F4, BB[:101].astype("f4"))', js: (x) => linalg.solve(x.F4, x.BB.index(s(0, 101)).astype('f4')), tol: TOL4 },
      { py: 'LA.det(C16)', js: (x) => linalg.det(x.C16), tol: TOL },
      { py: 'LA.inv(C16)', js: (x) => linalg.inv(x.C16), tol: TOL },
      { py: 'LA.solve(C8, BB[:37, :9].astype("c8"))', js: (x) => linalg.solve(x.C8, x.BB.index(s(0, 37), s(0, 9)).astype('c8')), tol: TOL4 },
      { py: 'LA.det(BIG)', js: (x) => linalg.det(x.BIG), tol: TOL },
      { py: 'LA.inv(BIG)', js: (x) => linalg.inv(x.BIG), tol: TOL },
      { py: 'LA.solve(BIG, BB)', js: (x) => linalg.solve(x.BIG, x.BB), tol: TOL },
      { py: 'LA.solve(BIG, BB[:, 0])', js: (x) => linalg.solve(x.BIG, x.BB.index(s(), 0)), tol: TOL },
      { py: 'LA.det(NANM)', js: (x) => linalg.det(x.NANM), tol: 0 },
      // The sign beside a NaN log|det| follows where the NaN steered the pivots
      // (OpenBLAS's idamax and LAPACK's rule differ on NaN): only the NaN is compared.
      { py: 'LA.slogdet(NANM)[1]', js: (x) => linalg.slogdet(x.NANM).logabsdet, tol: 0 },
      { py: 'LA.det(INFM)', js: (x) => linalg.det(x.INFM), tol: 0 },
    ]);
  });
});

describe('blocked LU: deterministic bits', () => {
  test('inv, solve and det of a 300x300 matrix: the same bits on 1, 2 and 4 threads and on every run', () => {
    const n = 300;
    const a = lib.add(lib.sin(lib.arange(n * n).reshape(n, n)), lib.multiply(lib.eye(n), 3));
    const b = lib.cos(lib.arange(n * 40).reshape(n, 40));
    expectSameOnEveryThreadCount(() => [hex(linalg.inv(a)), hex(linalg.solve(a, b)), hex(linalg.det(a)), hex(linalg.solve(a, b.index(s(), 0)))]);
  });
});

describeWithNumpy('the stack of a linalg result is laid out as NumPy\'s gufunc lays it (K order of the input\'s stack)', () => {
  // Batches whose axes were transposed (F-like stack strides, each matrix C-contiguous), and
  // a stack of one reversed axis: NumPy allocates the output's stack in the input's memory order.
  test('det, slogdet, inv, cholesky (lower and upper), float64 and float32: shapes, strides and values; eigh, svd, eigvalsh, matrixRank, pinv: shapes and strides', () => {
    const want = runNumpy<Record<string, [number[], number[], number[]]>>(`
x = (np.arange(24.).reshape(3, 2, 2, 2) + np.eye(2) * 7).copy().transpose(1, 0, 2, 3)
y = (np.arange(36.).reshape(3, 3, 2, 2) + np.eye(2) * 9)[:, ::-1]
L = np.linalg
out = {}
for name, a in [('x', x), ('y', y), ('x4', x.astype('f4'))]:
    spd = a @ a.transpose(0, 1, 3, 2)
    for op, r in [('det', L.det(a)), ('sign', L.slogdet(a)[0]), ('logabsdet', L.slogdet(a)[1]), ('inv', L.inv(a)),
                  ('chol', L.cholesky(spd)), ('cholu', L.cholesky(spd, upper=True))]:
        out[name + ' ' + op] = [list(r.shape), list(r.strides), [float(v) for v in r.ravel(order='C')]]
    # Layout only (vectors are unique up to sign): eigh, svd, and what is made of them.
    w, v = L.eigh(spd)
    u, sv, vh = L.svd(a)
    for op, r in [('eigh.w', w), ('eigh.v', v), ('svd.U', u), ('svd.S', sv), ('svd.Vh', vh), ('svdvals', L.svd(a, compute_uv=False)),
                  ('eigvalsh', L.eigvalsh(spd)), ('matrix_rank', L.matrix_rank(a)), ('pinv', L.pinv(a))]:
        out[name + ' ' + op] = [list(r.shape), list(r.strides), []]
print(json.dumps(out))`);
    const { linalg } = lib;
    const x = lib.arange(24, 'f8').reshape(3, 2, 2, 2).add(lib.eye(2).multiply(7)).copy().transpose(1, 0, 2, 3);
    const y = lib.arange(36, 'f8').reshape(3, 3, 2, 2).add(lib.eye(2).multiply(9)).index(':, ::-1');
    for (const [name, a] of [['x', x], ['y', y], ['x4', x.astype('f4')]] as const) {
      const spd = lib.matmul(a, a.transpose(0, 1, 3, 2));
      const got: [string, lib.NdArray][] = [
        ['det', linalg.det(a)], ['sign', linalg.slogdet(a).sign], ['logabsdet', linalg.slogdet(a).logabsdet], ['inv', linalg.inv(a)],
        ['chol', linalg.cholesky(spd)], ['cholu', linalg.cholesky(spd, { upper: true })],
      ];
      const e = linalg.eigh(spd);
      const sv = linalg.svd(a);
      got.push(['eigh.w', e.eigenvalues], ['eigh.v', e.eigenvectors], ['svd.U', sv.U], ['svd.S', sv.S], ['svd.Vh', sv.Vh],
        ['svdvals', linalg.svd(a, { computeUv: false })], ['eigvalsh', linalg.eigvalsh(spd)], ['matrix_rank', linalg.matrixRank(a)], ['pinv', linalg.pinv(a)]);
      for (const [op, r] of got) {
        const [shape, strides, values] = want[`${name} ${op}`];
        expect([name, op, r.shape, r.strides]).toEqual([name, op, shape, strides]);
        if (values.length === 0) continue;
        const flat = Array.from(r.copy('C').reshape(-1).toArray() as number[]);
        flat.forEach((v, i) => expect(Math.abs(v - values[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(values[i]))));
      }
    }
  });

  test('eig and eigvals (real results: views of the complex strides, as NumPy\'s; complex results), solve with a stacked or a vector b, qr (every mode), matmul: shapes and strides', () => {
    const want = runNumpy<Record<string, [number[], number[]]>>(`
x = (np.arange(24.).reshape(3, 2, 2, 2) + np.eye(2) * 7).copy().transpose(1, 0, 2, 3)
rot = (np.array([[0., -1.], [1., 0.]]) * np.arange(1., 7.).reshape(3, 2, 1, 1)).copy().transpose(1, 0, 2, 3)
b = np.arange(12.).reshape(3, 2, 2, 1).copy().transpose(1, 0, 2, 3)
bt = np.arange(12.).reshape(2, 3, 2, 1)
L = np.linalg
out = {}
for name, a in [('x', x), ('rot', rot), ('x4', x.astype('f4'))]:
    w, v = L.eig(a)
    q, r = L.qr(a)
    h, tau = L.qr(a, mode='raw')
    for op, res in [('eig.w', w), ('eig.v', v), ('eigvals', L.eigvals(a)), ('solve', L.solve(a, b)), ('solve.bt', L.solve(a, bt)),
                    ('solve.vec', L.solve(a, np.array([1., 2.]))), ('qr.q', q), ('qr.r', r), ('qr.h', h), ('qr.tau', tau),
                    ('qr.complete', L.qr(a, mode='complete')[0]), ('matmul', a @ a), ('matmul.bt', a @ bt)]:
        out[name + ' ' + op] = [list(res.shape), list(res.strides)]
print(json.dumps(out))`);
    const { linalg } = lib;
    const x = lib.arange(24, 'f8').reshape(3, 2, 2, 2).add(lib.eye(2).multiply(7)).copy().transpose(1, 0, 2, 3);
    const rot = lib.multiply(lib.asarray([[0, -1], [1, 0]], 'f8'), lib.arange(1, 7, 1, 'f8').reshape(3, 2, 1, 1)).copy().transpose(1, 0, 2, 3);
    const b = lib.arange(12, 'f8').reshape(3, 2, 2, 1).copy().transpose(1, 0, 2, 3);
    const bt = lib.arange(12, 'f8').reshape(2, 3, 2, 1);
    for (const [name, a] of [['x', x], ['rot', rot], ['x4', x.astype('f4')]] as const) {
      const e = linalg.eig(a);
      const q = linalg.qr(a);
      const raw = linalg.qr(a, { mode: 'raw' });
      const got: [string, lib.NdArray][] = [
        ['eig.w', e.eigenvalues], ['eig.v', e.eigenvectors], ['eigvals', linalg.eigvals(a)], ['solve', linalg.solve(a, b)], ['solve.bt', linalg.solve(a, bt)],
        ['solve.vec', linalg.solve(a, lib.asarray([1, 2], 'f8'))], ['qr.q', q.Q], ['qr.r', q.R], ['qr.h', raw.h], ['qr.tau', raw.tau],
        ['qr.complete', linalg.qr(a, { mode: 'complete' }).Q], ['matmul', lib.matmul(a, a)], ['matmul.bt', lib.matmul(a, bt)],
      ];
      for (const [op, r] of got) expect([name, op, r.shape, r.strides]).toEqual([name, op, ...want[`${name} ${op}`]]);
    }
  });
});
