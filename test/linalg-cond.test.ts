// linalg.cond against NumPy: every p (None, ±2 by singular values on any
// shape; 'fro', 'nuc', ±1, ±inf by norm(x)·norm(inv(x)) on square ones),
// stacks, complex, float32, integer, singular matrices (inf), NaN matrices
// (NaN kept), empty and non-square errors. Tolerance 1e-10 relative for
// float64 (cond < 1e3 here), 1e-5 for float32.
import * as lib from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const { linalg } = lib;

const SETUP = `
rng = np.random.default_rng(61)
A = rng.standard_normal((4, 4)) + 3 * np.eye(4)
W = rng.standard_normal((3, 5))
ST = rng.standard_normal((3, 3, 3)) + 2 * np.eye(3)
C = rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3)) + 2 * np.eye(3)
F4 = (rng.standard_normal((3, 3)) + 2 * np.eye(3)).astype('f4')
I = np.array([[1, 2], [3, 4]], dtype='i4')
SING = np.array([[1., 2], [2, 4]])
MIX = np.stack([np.eye(2), np.array([[1., 2], [2, 4]]), np.array([[1., np.nan], [0, 1]])])
E0 = np.zeros((0, 0))
`;
const NAMES = ['A', 'W', 'ST', 'C', 'F4', 'I', 'SING', 'MIX', 'E0'];

describeWithNumpy('linalg.cond against NumPy', () => {
  const tmp = useTempDir('mmarray-cond-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('every p, dtypes, singular and NaN matrices, errors', () => {
    const cases: LinalgCase[] = [];
    const ps: [string, lib.NormOrd][] = [['None', null], ['2', 2], ['-2', -2], ['"fro"', 'fro'], ['"nuc"', 'nuc'], ['1', 1], ['-1', -1], ['np.inf', Infinity], ['-np.inf', -Infinity]];
    for (const [py, p] of ps) {
      // A singular matrix's s[-1] is 0 here (cond inf) but rounding noise in LAPACK (NumPy: 4.8e16):
      // SING and MIX only where the answer does not hang on that noise.
      const names = p === null || p === 2 ? ['A', 'ST', 'C', 'I'] : ['A', 'ST', 'C', 'I', 'SING', 'MIX'];
      for (const name of names) {
        cases.push({ py: `np.asarray(LA.cond(${name}, ${py}))`, js: (x) => linalg.cond(x[name], p), tol: 1e-10 });
      }
      cases.push({ py: `np.asarray(LA.cond(F4, ${py}))`, js: (x) => linalg.cond(x.F4, p), tol: 1e-5 });
      cases.push({ py: `np.asarray(LA.cond(W, ${py}))`, js: (x) => linalg.cond(x.W, p), tol: 1e-10 });
    }
    cases.push({ py: 'LA.cond(E0)', js: (x) => linalg.cond(x.E0), tol: 0 }, { py: 'LA.cond(A, 3)', js: (x) => linalg.cond(x.A, 3), tol: 0 });
    run(cases);
  });
});

describe('linalg.cond of singular matrices (no NumPy needed)', () => {
  test('NumPy test_singular: p None/2 above 1e15 (here inf); a NaN matrix is svd\'s LinAlgError, as NumPy\'s', () => {
    const sing = lib.asarray([[1, 2], [2, 4]]);
    for (const p of [null, 2] as const) expect(Number(linalg.cond(sing, p).get())).toBeGreaterThan(1e15);
    const mix = lib.asarray([[[1, 0], [0, 1]], [[1, 2], [2, 4]]]);
    const c = linalg.cond(mix).toArray() as number[];
    expect(c[0]).toBe(1);
    expect(c[1]).toBeGreaterThan(1e15);
    expect(() => linalg.cond(lib.asarray([[1, NaN], [0, 1]]))).toThrow(lib.LinAlgError);
  });
});

describeWithNumpy('linalg.cond lays its result out as NumPy (fuzz seed 11984069)', () => {
  test('a stack with a singular matrix, its stack axes not in C order: the result follows them, inf where singular', () => {
    const py = `
rng = np.random.default_rng(7)
m = rng.standard_normal((4, 3, 2, 2)) + 2 * np.eye(2)
m[1, 2] = [[1., 2], [2, 4]]
x = m.transpose(1, 0, 2, 3)
out = []
for p in [1, -1, np.inf, 'fro']:
    r = np.linalg.cond(x, p)
    out.append({'strides': list(r.strides), 'inf': np.isinf(r).tolist(), 'v': np.where(np.isinf(r), 0, r).tolist()})
print(json.dumps({'m': m.tolist(), 'out': out}))`;
    const want = runNumpy<{ m: number[][][][]; out: { strides: number[]; inf: boolean[][]; v: number[][] }[] }>(py);
    const x = lib.asarray(want.m).transpose(1, 0, 2, 3);
    const ps: lib.NormOrd[] = [1, -1, Infinity, 'fro'];
    ps.forEach((p, k) => {
      const r = linalg.cond(x, p);
      expect(r.strides).toEqual(want.out[k]!.strides);
      expect((lib.isinf(r).toArray())).toEqual(want.out[k]!.inf);
      const v = lib.where(lib.isinf(r), 0, r).toArray() as number[][];
      v.forEach((row, i) => row.forEach((y, j) => expect(y).toBeCloseTo(want.out[k]!.v[i]![j]!, 8)));
    });
  });
});
