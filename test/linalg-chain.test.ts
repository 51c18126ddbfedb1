// linalg.matrixPower and linalg.multiDot against NumPy: integer powers stay
// integer (and wrap as NumPy's), negative powers go through inv, the chain
// order is NumPy's (so float sums pair the same way), 1-d ends, errors.
// Tolerance: exact for integer results; 1e-12 of the largest magnitude for float ones.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { expectLayoutsLikeNumpy, jsView, pyView, type ViewSpec } from './helpers/np-layout';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const s = lib.slice;

const SETUP = `
rng = np.random.default_rng(8)
M = np.array([[0, 1], [-1, 0]], dtype='i4')
Q = np.array([[1, 1], [1, 0]], dtype='i8')
U8 = np.array([[3, 1], [1, 2]], dtype='u1')
A = rng.standard_normal((4, 4)) / 2
ST = rng.standard_normal((3, 3, 3)) / 2
F4 = (rng.standard_normal((3, 3)) / 2).astype('f4')
C = (rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))) / 3
BE = A.astype('>f8')
W = rng.standard_normal((5, 8))
X = rng.standard_normal((8, 2))
Y = rng.standard_normal((2, 9))
Z = rng.standard_normal((9, 3))
V8 = rng.standard_normal(5)
V3 = rng.standard_normal(3)
I3 = np.arange(12).reshape(3, 4)
T3 = np.ones((2, 2, 2))
R = np.ones((2, 3))
`;
const NAMES = ['M', 'Q', 'U8', 'A', 'ST', 'F4', 'C', 'BE', 'W', 'X', 'Y', 'Z', 'V8', 'V3', 'I3', 'T3', 'R'];

describeWithNumpy('linalg matrixPower / multiDot against NumPy', () => {
  const tmp = useTempDir('mmarray-linalg-chain-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('matrixPower: 0, 1, 2, 3, larger and negative powers; dtypes; stacks; errors', () => {
    const cases: LinalgCase[] = [];
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 13, 64, -1, -2, -5]) {
      cases.push({ py: `LA.matrix_power(M, ${n})`, js: (x) => linalg.matrixPower(x.M, n), tol: 0 });
      cases.push({ py: `LA.matrix_power(A, ${n})`, js: (x) => linalg.matrixPower(x.A, n), tol: 1e-12 });
    }
    cases.push(
      { py: 'LA.matrix_power(Q, 90)', js: (x) => linalg.matrixPower(x.Q, 90), tol: 0 },
      { py: 'LA.matrix_power(Q, 100)', js: (x) => linalg.matrixPower(x.Q, 100), tol: 0 },
      { py: 'LA.matrix_power(U8, 9)', js: (x) => linalg.matrixPower(x.U8, 9), tol: 0 },
      { py: 'LA.matrix_power(U8, 0)', js: (x) => linalg.matrixPower(x.U8, 0), tol: 0 },
      { py: 'LA.matrix_power(ST, 5)', js: (x) => linalg.matrixPower(x.ST, 5), tol: 1e-12 },
      { py: 'LA.matrix_power(ST, 0)', js: (x) => linalg.matrixPower(x.ST, 0), tol: 0 },
      { py: 'LA.matrix_power(ST, -3)', js: (x) => linalg.matrixPower(x.ST, -3), tol: 1e-11 },
      { py: 'LA.matrix_power(F4, 6)', js: (x) => linalg.matrixPower(x.F4, 6), tol: 1e-6 },
      { py: 'LA.matrix_power(F4, -2)', js: (x) => linalg.matrixPower(x.F4, -2), tol: 1e-6 },
      { py: 'LA.matrix_power(C, 7)', js: (x) => linalg.matrixPower(x.C, 7), tol: 1e-12 },
      { py: 'LA.matrix_power(BE, 4)', js: (x) => linalg.matrixPower(x.BE, 4), tol: 1e-12 },
      { py: 'LA.matrix_power(np.zeros((0, 2, 2)), 3)', js: () => linalg.matrixPower(lib.zeros([0, 2, 2]), 3), tol: 0 },
      { py: 'LA.matrix_power(np.zeros((2, 0, 0)), 0)', js: () => linalg.matrixPower(lib.zeros([2, 0, 0]), 0), tol: 0 },
      { py: 'LA.matrix_power(R, 2)', js: (x) => linalg.matrixPower(x.R, 2), tol: 0 },
      { py: 'LA.matrix_power(V3, 2)', js: (x) => linalg.matrixPower(x.V3, 2), tol: 0 },
      { py: 'LA.matrix_power(np.zeros((2, 2)), -1)', js: () => linalg.matrixPower(lib.zeros([2, 2]), -1), tol: 0 },
      { py: 'LA.matrix_power(M[::-1, ::-1], 3)', js: (x) => linalg.matrixPower(x.M.index(s(null, null, -1), s(null, null, -1)), 3), tol: 0 },
    );
    run(cases);
  });

  test('multiDot: chain order, 1-d ends, out, errors', () => {
    run([
      { py: 'LA.multi_dot([W, X])', js: (x) => linalg.multiDot([x.W, x.X]), tol: 1e-12 },
      { py: 'LA.multi_dot([W, X, Y])', js: (x) => linalg.multiDot([x.W, x.X, x.Y]), tol: 1e-12 },
      { py: 'LA.multi_dot([W, X, Y, Z])', js: (x) => linalg.multiDot([x.W, x.X, x.Y, x.Z]), tol: 1e-12 },
      { py: 'LA.multi_dot([V8, W, X, Y, Z])', js: (x) => linalg.multiDot([x.V8, x.W, x.X, x.Y, x.Z]), tol: 1e-12 },
      { py: 'LA.multi_dot([W, X, Y, Z, V3])', js: (x) => linalg.multiDot([x.W, x.X, x.Y, x.Z, x.V3]), tol: 1e-12 },
      { py: 'LA.multi_dot([V8, W, X, Y, Z, V3])', js: (x) => linalg.multiDot([x.V8, x.W, x.X, x.Y, x.Z, x.V3]), tol: 1e-12 },
      { py: 'LA.multi_dot([V8, W, X[:, 0]])', js: (x) => linalg.multiDot([x.V8, x.W, x.X.index(s(), 0)]), tol: 1e-12 },
      { py: 'LA.multi_dot([I3, I3.T, I3, I3.T])', js: (x) => linalg.multiDot([x.I3, x.I3.T, x.I3, x.I3.T]), tol: 0 },
      { py: 'LA.multi_dot([BE, A, BE, A.T])', js: (x) => linalg.multiDot([x.BE, x.A, x.BE, x.A.T]), tol: 1e-12 },
      { py: '(lambda o: (LA.multi_dot([W, X, Y, Z], out=o), o)[1])(np.zeros((5, 3)))', js: (x) => {
        const o = lib.zeros([5, 3]);
        linalg.multiDot([x.W, x.X, x.Y, x.Z], { out: o });
        return o;
      }, tol: 1e-12 },
      { py: 'LA.multi_dot([W])', js: (x) => linalg.multiDot([x.W]), tol: 0 },
      { py: 'LA.multi_dot([W, X, T3])', js: (x) => linalg.multiDot([x.W, x.X, x.T3]), tol: 0 },
      { py: 'LA.multi_dot([W, X, Z])', js: (x) => linalg.multiDot([x.W, x.X, x.Z]), tol: 0 },
    ]);
  });
});

describe('matrixPower exponent checks (no NumPy needed)', () => {
  test('a non-integer exponent is a TypeError; a bigint one is taken', () => {
    const m = lib.asarray([[1, 1], [0, 1]], 'i8');
    expect(() => linalg.matrixPower(m, 1.5)).toThrow(TypeError);
    expect(() => linalg.matrixPower(m, 1.5)).toThrow(/exponent must be an integer/);
    expect(linalg.matrixPower(m, 5n).toArray()).toEqual([[1n, 5n], [0n, 1n]]);
  });
});

describeWithNumpy("matrixPower(a, 0): NumPy's empty_like(a) layout (fuzz seed 6004169)", () => {
  test('F-ordered, transposed and reversed stacks keep their memory order', () => {
    const views: ViewSpec[] = [{ shape: [3, 3], perm: [1, 0] }, { shape: [2, 3, 3], perm: [0, 2, 1] }, { shape: [3, 3, 2], perm: [2, 1, 0] }, { shape: [2, 3, 3], index: '::-1' }, { shape: [3, 2, 3], perm: [1, 0, 2] }];
    expectLayoutsLikeNumpy(views.map((v) => ({ py: `np.linalg.matrix_power(${pyView(v)}, 0)`, js: () => lib.linalg.matrixPower(jsView(v), 0) })));
  });
});
