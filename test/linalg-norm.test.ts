// linalg.norm against NumPy: every vector ord (±inf, 0, 1, 2, p, negative
// p), every matrix ord (fro, 1, -1, inf, -inf, and 2, -2, nuc by singular
// values), axis forms,
// keepdims, dtypes (int/bool -> float64, float32 and complex64 -> float32),
// empty inputs, strided / byte-swapped / Fortran inputs, errors.
// Tolerance 1e-12 of the largest magnitude for float64 (sums and dot products
// group terms differently from NumPy's BLAS), 1e-6 for float32 results.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;
const s = lib.slice;

const SETUP = `
rng = np.random.default_rng(28)
V = rng.standard_normal(7)
M = rng.standard_normal((4, 5))
T = rng.standard_normal((2, 3, 4))
I = np.arange(-6, 6, dtype='i2').reshape(3, 4)
BO = np.array([[True, False, True], [False, False, True]])
F4 = rng.standard_normal((3, 5)).astype('f4')
C = (rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4)))
C8 = C.astype('c8')
BE = M.astype('>f8')
FO = np.asfortranarray(T)
E = np.zeros((0, 3))
Z = np.zeros(4)
`;
const NAMES = ['V', 'M', 'T', 'I', 'BO', 'F4', 'C', 'C8', 'BE', 'FO', 'E', 'Z'];
const INF = Infinity;

describeWithNumpy('linalg.norm against NumPy', () => {
  const tmp = useTempDir('mmarray-linalg-norm-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('vector norms: every ord, axis, keepdims, dtypes', () => {
    const cases: LinalgCase[] = [];
    const ords: [string, number | null][] = [['None', null], ['np.inf', INF], ['-np.inf', -INF], ['0', 0], ['1', 1], ['-1', -1], ['2', 2], ['-2', -2], ['3', 3], ['0.5', 0.5], ['-3.5', -3.5]];
    for (const [py, ord] of ords) {
      for (const name of ['V', 'F4', 'C', 'C8', 'I', 'BO']) {
        const tol = name === 'F4' || name === 'C8' ? 1e-6 : 1e-12;
        const axis = name === 'V' ? 0 : -1;
        cases.push({ py: `LA.norm(${name}, ${py}, axis=${axis})`, js: (x) => linalg.norm(x[name], { ord, axis }), tol });
      }
      cases.push({ py: `LA.norm(V, ${py})`, js: (x) => linalg.norm(x.V, { ord }), tol: 1e-12 });
      cases.push({ py: `LA.norm(T, ${py}, axis=1, keepdims=True)`, js: (x) => linalg.norm(x.T, { ord, axis: 1, keepdims: true }), tol: 1e-12 });
      cases.push({ py: `LA.norm(Z, ${py})`, js: (x) => linalg.norm(x.Z, { ord }), tol: 0 });
    }
    cases.push(
      { py: 'LA.norm(V[::-2])', js: (x) => linalg.norm(x.V.index(s(null, null, -2))), tol: 1e-12 },
      { py: 'LA.norm(BE, axis=0)', js: (x) => linalg.norm(x.BE, { axis: 0 }), tol: 1e-12 },
      { py: 'LA.norm(FO, 3, axis=(2,))', js: (x) => linalg.norm(x.FO, { ord: 3, axis: [2] }), tol: 1e-12 },
      { py: 'LA.norm(E, axis=1)', js: (x) => linalg.norm(x.E, { axis: 1 }), tol: 0 },
      { py: 'LA.norm(E, np.inf, axis=0)', js: (x) => linalg.norm(x.E, { ord: INF, axis: 0 }), tol: 0 },
      { py: 'LA.norm(V, "fro", axis=0)', js: (x) => linalg.norm(x.V, { ord: 'fro', axis: 0 }), tol: 0 },
      { py: 'LA.norm(V, "nuc")', js: (x) => linalg.norm(x.V, { ord: 'nuc' }), tol: 0 },
      { py: 'LA.norm(V, axis=1)', js: (x) => linalg.norm(x.V, { axis: 1 }), tol: 0 },
    );
    run(cases);
  });

  test('matrix norms: fro, 1, -1, inf, -inf, 2, -2, nuc over axis pairs; keepdims; errors', () => {
    const cases: LinalgCase[] = [];
    const ords: [string, number | 'fro' | 'f' | 'nuc' | null][] = [['None', null], ['"fro"', 'fro'], ['"f"', 'f'], ['1', 1], ['-1', -1], ['np.inf', INF], ['-np.inf', -INF], ['2', 2], ['-2', -2], ['"nuc"', 'nuc']];
    for (const [py, ord] of ords) {
      cases.push({ py: `LA.norm(M, ${py})`, js: (x) => linalg.norm(x.M, { ord }), tol: 1e-12 });
      cases.push({ py: `LA.norm(I, ${py})`, js: (x) => linalg.norm(x.I, { ord }), tol: 1e-12 });
      cases.push({ py: `LA.norm(C8, ${py})`, js: (x) => linalg.norm(x.C8, { ord }), tol: 1e-6 });
      cases.push({ py: `LA.norm(T, ${py}, axis=(2, 0))`, js: (x) => linalg.norm(x.T, { ord, axis: [2, 0] }), tol: 1e-12 });
      cases.push({ py: `LA.norm(FO, ${py}, axis=(-1, -2), keepdims=True)`, js: (x) => linalg.norm(x.FO, { ord, axis: [-1, -2], keepdims: true }), tol: 1e-12 });
      cases.push({ py: `LA.norm(F4, ${py}, axis=(0, 1))`, js: (x) => linalg.norm(x.F4, { ord, axis: [0, 1] }), tol: 1e-6 });
    }
    cases.push(
      { py: 'LA.norm(M, keepdims=True)', js: (x) => linalg.norm(x.M, { keepdims: true }), tol: 1e-12 },
      { py: 'LA.norm(T)', js: (x) => linalg.norm(x.T), tol: 1e-12 },
      { py: 'LA.norm(BO, 1)', js: (x) => linalg.norm(x.BO, { ord: 1 }), tol: 0 },
      { py: 'LA.norm(E, 1)', js: (x) => linalg.norm(x.E, { ord: 1 }), tol: 0 },
      { py: 'LA.norm(E, "fro")', js: (x) => linalg.norm(x.E, { ord: 'fro' }), tol: 0 },
      { py: 'LA.norm(M, 3)', js: (x) => linalg.norm(x.M, { ord: 3 }), tol: 0 },
      { py: 'LA.norm(M, 0)', js: (x) => linalg.norm(x.M, { ord: 0 }), tol: 0 },
      { py: 'LA.norm(M, axis=(0, 0))', js: (x) => linalg.norm(x.M, { axis: [0, 0] }), tol: 0 },
      { py: 'LA.norm(M, axis=(0, 2))', js: (x) => linalg.norm(x.M, { axis: [0, 2] }), tol: 0 },
      { py: 'LA.norm(T, 1)', js: (x) => linalg.norm(x.T, { ord: 1 }), tol: 0 },
      { py: 'LA.norm(T, axis=(0, 1, 2))', js: (x) => linalg.norm(x.T, { axis: [0, 1, 2] }), tol: 0 },
      { py: 'LA.norm(E, 2)', js: (x) => linalg.norm(x.E, { ord: 2 }), tol: 0 },
      { py: 'LA.norm(E, "nuc")', js: (x) => linalg.norm(x.E, { ord: 'nuc' }), tol: 0 },
      { py: 'LA.norm(E, -2)', js: (x) => linalg.norm(x.E, { ord: -2 }), tol: 0 },
    );
    run(cases);
  });
});

describeWithNumpy('norm: found by the differential fuzzer (seed 6000869)', () => {
  test("float16 with ord 2, -2 or 'nuc': NumPy's svd TypeError comes first", () => {
    npc.expectCasesLikeNumpy([
      { py: "np.linalg.norm(np.ones((2, 3), 'f2'), ord=2)", js: () => lib.linalg.norm(mm.ones([2, 3], 'f2'), { ord: 2 }) },
      { py: "np.linalg.norm(np.ones((2, 3), '>f2'), ord='nuc', axis=(1, 0), keepdims=True)", js: () => lib.linalg.norm(mm.ones([2, 3], '>f2'), { ord: 'nuc', axis: [1, 0], keepdims: true }) },
      { py: "np.linalg.norm(np.ones((2, 3), 'f2'), ord='fro')", js: () => lib.linalg.norm(mm.ones([2, 3], 'f2'), { ord: 'fro' }) },
    ]);
  });
});
