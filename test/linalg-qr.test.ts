// linalg.qr against NumPy: Q and R themselves (LAPACK's Householder
// convention, so the signs agree with NumPy's), every mode, tall and wide
// matrices, stacks, complex, float32 (rounded from double), integer input,
// 0-size, byte-swapped / Fortran / strided inputs, errors. Q·R = a and
// QᴴQ = I are checked on our side too.
// Tolerance 1e-12 of the largest magnitude for float64 results (the
// unblocked dgeqr2 order against OpenBLAS's blocked dgeqrf: a few ulp), 1e-6
// for float32 results (two roundings of a double may split by one ulp).
import * as lib from '../lib';
import { LinAlgError, ValueError, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';
import { expectSameOnEveryThreadCount, hexBits as hex } from './helpers/gemm-threads';

const { linalg } = lib;
const s = lib.slice;
const TOL = 1e-12;
const TOL4 = 1e-6;

const SETUP = `
rng = np.random.default_rng(41)
A = rng.standard_normal((5, 3))
W = rng.standard_normal((3, 6))
SQ = rng.standard_normal((4, 4))
ST = rng.standard_normal((2, 3, 4, 3))
C = rng.standard_normal((4, 3)) + 1j * rng.standard_normal((4, 3))
CW = rng.standard_normal((2, 4)) + 1j * rng.standard_normal((2, 4))
F4 = rng.standard_normal((4, 4)).astype('f4')
C8 = (rng.standard_normal((3, 2)) + 1j * rng.standard_normal((3, 2))).astype('c8')
I = np.array([[1, 2], [3, 4], [5, 6]], dtype='i4')
BE = A.astype('>f8')
FO = np.asfortranarray(rng.standard_normal((6, 4)))
RK = np.array([[1., 2, 3], [2, 4, 6], [0, 0, 1], [0, 0, 0]])
NEG = np.array([[-2., 1], [0, 3]])
Z = np.zeros((3, 2))
E0 = np.zeros((0, 3))
E1 = np.zeros((3, 0))
ES = np.zeros((0, 2, 2))
V = np.arange(3.)
H = np.ones((2, 2), dtype='f2')
INF = np.array([[10, 3.25, -4.75], [5, 5, -0.75], [np.inf, 1.5, -1.75]])
INF2 = np.array([[np.inf, -3, -0.], [3, 1.5, 100]])
CINF = np.array([[-3.75 + 1.5j, 1], [np.inf + 2j, 2], [7 + 0.25j, 3], [1 + np.inf * 1j, 4]])
`;
const NAMES = ['A', 'W', 'SQ', 'ST', 'C', 'CW', 'F4', 'C8', 'I', 'BE', 'FO', 'RK', 'NEG', 'Z', 'E0', 'E1', 'ES', 'V', 'H', 'INF', 'INF2', 'CINF'];

const qrList = (r: { Q: NdArray; R: NdArray }): NdArray[] => [r.Q, r.R];

describeWithNumpy('linalg.qr against NumPy', () => {
  const tmp = useTempDir('mmarray-qr-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP, NAMES, cases);

  test('reduced and complete Q and R: values and signs, tall, wide, square, stacks, complex, dtypes', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'SQ', 'ST', 'C', 'CW', 'I', 'BE', 'FO', 'RK', 'NEG', 'Z']) {
      cases.push({ py: `tuple(LA.qr(${name}))`, js: (x) => qrList(linalg.qr(x[name])), tol: TOL });
      cases.push({ py: `tuple(LA.qr(${name}, 'complete'))`, js: (x) => qrList(linalg.qr(x[name], { mode: 'complete' })), tol: TOL });
    }
    cases.push(
      { py: 'tuple(LA.qr(F4))', js: (x) => qrList(linalg.qr(x.F4)), tol: TOL4 },
      { py: 'tuple(LA.qr(C8, "complete"))', js: (x) => qrList(linalg.qr(x.C8, { mode: 'complete' })), tol: TOL4 },
      { py: 'tuple(LA.qr(FO[::2, 1:]))', js: (x) => qrList(linalg.qr(x.FO.index(s(null, null, 2), s(1, null)))), tol: TOL },
    );
    run(cases);
  });

  test("'r' and 'raw' modes", () => {
    const cases: LinalgCase[] = [];
    for (const name of ['A', 'W', 'ST', 'C', 'CW', 'I', 'RK']) {
      cases.push({ py: `LA.qr(${name}, 'r')`, js: (x) => linalg.qr(x[name], { mode: 'r' }), tol: TOL });
      cases.push({
        py: `LA.qr(${name}, 'raw')`,
        js: (x) => {
          const r = linalg.qr(x[name], { mode: 'raw' });
          return [r.h, r.tau];
        },
        tol: TOL,
      });
    }
    cases.push({ py: 'LA.qr(F4, "r")', js: (x) => linalg.qr(x.F4, { mode: 'r' }), tol: TOL4 });
    run(cases);
  });

  test("an infinite column: R's diagonal is ∓inf as LAPACK's (its norm of two infinities is inf, not NaN), the rest NaN", () => {
    run([
      { py: 'LA.qr(INF, "r")', js: (x) => linalg.qr(x.INF, { mode: 'r' }), tol: 0 },
      { py: 'LA.qr(INF.astype("f4"), "r")', js: (x) => linalg.qr(x.INF.astype('<f4'), { mode: 'r' }), tol: 0 },
      { py: 'LA.qr(CINF, "r")', js: (x) => linalg.qr(x.CINF, { mode: 'r' }), tol: 0 },
      // dlarf skips v's zero items and the columns zero in its rows, so a NaN
      // tau leaves them as they were (-0 kept); dorg2r writes Q's column i as
      // -tau·v, NaN all down.
      { py: 'tuple(LA.qr(INF2, "complete"))', js: (x) => qrList(linalg.qr(x.INF2, { mode: 'complete' })), tol: 0 },
      { py: 'tuple(LA.qr(INF2.T, "complete"))', js: (x) => qrList(linalg.qr(x.INF2.T, { mode: 'complete' })), tol: 0 },
      { py: 'tuple(LA.qr(INF2.astype(complex)))', js: (x) => qrList(linalg.qr(x.INF2.astype('<c16'))), tol: 0 },
    ]);
  });

  test('0-size matrices and stacks, errors', () => {
    const cases: LinalgCase[] = [];
    for (const name of ['E0', 'E1', 'ES']) {
      for (const mode of ['reduced', 'complete'] as const) {
        cases.push({ py: `tuple(LA.qr(${name}, '${mode}'))`, js: (x) => qrList(linalg.qr(x[name], { mode })), tol: 0 });
      }
      cases.push({ py: `LA.qr(${name}, 'r')`, js: (x) => linalg.qr(x[name], { mode: 'r' }), tol: 0 });
      cases.push({
        py: `LA.qr(${name}, 'raw')`,
        js: (x) => {
          const r = linalg.qr(x[name], { mode: 'raw' });
          return [r.h, r.tau];
        },
        tol: 0,
      });
    }
    cases.push(
      { py: 'LA.qr(V)', js: (x) => qrList(linalg.qr(x.V)), tol: 0 },
      { py: 'LA.qr(H)', js: (x) => qrList(linalg.qr(x.H)), tol: 0 },
      { py: 'LA.qr(A, "bogus")', js: (x) => qrList(linalg.qr(x.A, { mode: 'bogus' as never })), tol: 0 },
    );
    run(cases);
  });
});

describe('linalg.qr identities and inputs (no NumPy needed)', () => {
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

  test('Q·R reconstructs a and Q has orthonormal columns, R upper triangular (a 40×25 and a 25×40)', () => {
    for (const shape of [[40, 25], [25, 40], [3, 7, 7]]) {
      const a = rnd(shape, shape[0] * 7 + shape[1]);
      for (const mode of ['reduced', 'complete'] as const) {
        const { Q, R } = linalg.qr(a, { mode });
        expect(lib.allclose(lib.matmul(Q, R), a, { rtol: 0, atol: 1e-13 })).toBe(true);
        const k = Q.shape[Q.ndim - 1];
        expect(lib.allclose(lib.matmul(Q.swapaxes(-1, -2), Q), lib.eye(k), { rtol: 0, atol: 1e-13 })).toBe(true);
        expect(lib.arrayEqual(lib.triu(R), R)).toBe(true);
      }
    }
  });

  test('bad modes and non-arrays are typed errors', () => {
    const a = lib.eye(2);
    expect(() => linalg.qr(a, { mode: 'full' as never })).toThrow(ValueError);
    expect(() => linalg.qr(a, { mode: 'full' as never })).toThrow(/deprecated/);
    expect(() => linalg.qr(a, { mode: 3 as never })).toThrow(TypeError);
    expect(() => linalg.qr(a, { nope: 1 } as never)).toThrow(TypeError);
    expect(() => linalg.qr(lib.asarray(3))).toThrow(LinAlgError);
  });
});

describeWithNumpy('linalg.qr layouts and records against NumPy', () => {
  test("every mode's results keep NumPy's strides (its astype copy in 'K' order is factored in place); one-field records cast, more fields are astype's TypeError", () => {
    const layouts = ['C', 'T', 'F4T', 'STACKT', 'REV', 'REC'];
    const want = runNumpy<Record<string, unknown>>(`
base = np.arange(1., 13.).reshape(3, 4) ** 1.5
xs = {'C': base, 'T': base.T, 'F4T': base.T.astype('f4'), 'STACKT': np.stack([base, base + 1]).transpose(0, 2, 1),
      'REV': base[::-1, ::-1], 'REC': base.astype([('a', '>f8')])}
out = {}
for name, x in xs.items():
    for mode in ['raw', 'r', 'reduced', 'complete']:
        r = np.linalg.qr(x, mode=mode)
        r = r if isinstance(r, tuple) else (r,)
        out[name + ' ' + mode] = [[y.dtype.str, list(y.shape), list(y.strides)] for y in r]
try:
    np.linalg.qr(np.zeros((2, 2), [('a', '<f4'), ('b', 'i1')]))
except TypeError as e:
    out['two fields'] = str(e)
print(json.dumps(out))
`);
    const base = lib.power(lib.arange(1, 13, 1, 'f8').reshape([3, 4]), 1.5);
    const stack = lib.stack([base, lib.add(base, 1)]);
    const rec = lib.zeros([3, 4], [['a', '>f8']] as never);
    rec.field('a').set(base);
    const xs: Record<string, NdArray> = { C: base, T: base.T, F4T: base.T.astype('f4'), STACKT: stack.transpose([0, 2, 1]), REV: base.index('::-1, ::-1'), REC: rec };
    const got: Record<string, unknown> = {};
    for (const name of layouts) {
      for (const mode of ['raw', 'r', 'reduced', 'complete'] as const) {
        const r = lib.linalg.qr(xs[name], { mode });
        const parts = 'h' in r ? [r.h, r.tau] : 'Q' in r ? [r.Q, r.R] : [r];
        got[`${name} ${mode}`] = parts.map((y) => [y.dtype.str, [...y.shape], [...y.strides]]);
      }
    }
    try {
      lib.linalg.qr(lib.zeros([2, 2], [['a', '<f4'], ['b', 'i1']] as never));
    } catch (e) {
      expect(e).toBeInstanceOf(TypeError);
      got['two fields'] = (e as Error).message;
    }
    expect(got).toEqual(want);
  });
});

// float64 QR is blocked from min(m, n) = 128 (native/linalg_decomp.cc: panels of
// 32 columns, their block reflectors applied by the GEMM): orders just below,
// at and above the threshold and a panel edge (159, 160, 161 = 5·32 ± 1), tall and
// wide, a last panel of 1 column, Fortran, strided and transposed inputs, a stack, and
// an upper triangular matrix (every tau 0: the identity reflectors).
describeWithNumpy('linalg.qr blocked float64 path against NumPy', () => {
  const tmp = useTempDir('mmarray-qr-blocked-');
  const SETUP_B = `
rng = np.random.default_rng(7)
B127 = rng.standard_normal((127, 127))
B128 = rng.standard_normal((128, 128))
B129 = rng.standard_normal((129, 129))
B159 = rng.standard_normal((159, 159))
B160 = rng.standard_normal((160, 160))
B161 = rng.standard_normal((161, 161))
TALL = rng.standard_normal((300, 161))
WIDE = rng.standard_normal((161, 300))
FOB = np.asfortranarray(rng.standard_normal((200, 150)))
BIG = rng.standard_normal((400, 200))
STB = rng.standard_normal((2, 160, 130))
UT = np.triu(rng.standard_normal((160, 160)))
`;
  const NAMES_B = ['B127', 'B128', 'B129', 'B159', 'B160', 'B161', 'TALL', 'WIDE', 'FOB', 'BIG', 'STB', 'UT'];
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, SETUP_B, NAMES_B, cases);
  const forms: [string, (x: Record<string, NdArray>) => NdArray][] = [
    ...['B127', 'B128', 'B129', 'B159', 'B160', 'B161', 'TALL', 'WIDE', 'FOB', 'STB', 'UT'].map((n): [string, (x: Record<string, NdArray>) => NdArray] => [n, (x) => x[n]]),
    ['BIG[::2, 1:]', (x) => x.BIG.index(s(null, null, 2), s(1, null))],
    ['BIG.T[:, 7:]', (x) => x.BIG.T.index(s(), s(7, null))],
  ];

  test('reduced and complete Q and R', () => {
    const cases: LinalgCase[] = [];
    for (const [py, js] of forms) {
      cases.push({ py: `tuple(LA.qr(${py}))`, js: (x) => qrList(linalg.qr(js(x))), tol: TOL });
      cases.push({ py: `tuple(LA.qr(${py}, 'complete'))`, js: (x) => qrList(linalg.qr(js(x), { mode: 'complete' })), tol: TOL });
    }
    run(cases);
  });

  test("'r' and 'raw' modes (the reflectors and taus themselves)", () => {
    const cases: LinalgCase[] = [];
    for (const [py, js] of forms) {
      cases.push({ py: `LA.qr(${py}, 'r')`, js: (x) => linalg.qr(js(x), { mode: 'r' }), tol: TOL });
      cases.push({
        py: `LA.qr(${py}, 'raw')`,
        js: (x) => {
          const r = linalg.qr(js(x), { mode: 'raw' });
          return [r.h, r.tau];
        },
        tol: TOL,
      });
    }
    run(cases);
  });
});

describe('blocked QR: deterministic bits', () => {
  test('Q, R, raw h and tau of a 300x200 and a 200x300: the same bits on 1, 2 and 4 threads and on every run', () => {
    const mats = [
      lib.sin(lib.arange(300 * 200).reshape(300, 200)),
      lib.cos(lib.arange(200 * 300).reshape(200, 300)),
    ];
    expectSameOnEveryThreadCount(() =>
      mats.flatMap((a) => {
        const { Q, R } = linalg.qr(a, { mode: 'complete' });
        const { h, tau } = linalg.qr(a, { mode: 'raw' });
        return [hex(Q), hex(R), hex(h), hex(tau)];
      }),
    );
  });
});
