// Products against NumPy: matmul (stacks, broadcasting, 1-d promotion, out,
// dtype), dot, vdot, inner, outer, tensordot, kron, cross. Integer and
// small-integer-valued float cases are exact (bytes); random float sums are
// compared with a tolerance, as NumPy's BLAS sums in another order.
import * as lib from '../lib';
import { AccessError, ValueError } from '../lib/errors';
import { UFuncTypeError } from '../lib/ufunc';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { gemmJS } from '../lib/dot-kernel';
import { setProductWindow } from '../lib/linalg';
import { useTempDir } from './helpers/tmp';
import { bytesOf } from './workloads/harness';
import { expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase, type ViewSpec } from './helpers/np-layout';

const m = lib;
const s = lib.slice;

describeWithNumpy('products against NumPy (exact)', () => {
  const I = inputs(lib);
  const { A, B, T, S, E, U, F, V, Z } = I;
  test('matmul: stacks, broadcasting, 1-d operands, dtypes, errors', () => {
    expectLikeNumpy(
      [
        ['np.matmul(U, U.T)', () => m.matmul(U, U.T)],
        ['np.matmul(A, T[0])', () => m.matmul(A, T.index(0))],
        ['np.matmul(A, V[:4])', () => m.matmul(A, V.index(s(0, 4)))],
        ['np.matmul(V[:3], A)', () => m.matmul(V.index(s(0, 3)), A)],
        ['np.matmul(V[:4], V[:4])', () => m.matmul(V.index(s(0, 4)), V.index(s(0, 4)))],
        ['np.matmul(B, F)', () => m.matmul(B, F)],
        ['np.matmul(A[:, None], np.ones((3, 4, 2), "i2"))', () => m.matmul(A.index(s(), null), m.ones([3, 4, 2], 'i2'))],
        ['np.matmul(S, S.swapaxes(1, 2))', () => m.matmul(S, S.swapaxes(1, 2))],
        ['np.matmul(E, U[:3])', () => m.matmul(E, U.index(s(0, 3)))],
        ['np.matmul(E.T, E)', () => m.matmul(E.T, E)],
        ['np.matmul(U > 5, U.T > 3)', () => m.matmul(m.greater(U, 5), m.greater(U.T, 3))],
        ['np.matmul(U, U.T, dtype=np.float32)', () => m.matmul(U, U.T, { dtype: 'f4' })],
        ['np.matmul(U * 40, U.T * 40)', () => m.matmul(m.multiply(U, 40), m.multiply(U.T, 40))],
        ['np.matmul(B.astype("c8"), F.astype("c16") * 1j)', () => m.matmul(B.astype('c8'), m.multiply(F.astype('c16'), { re: 0, im: 1 }))],
        ['np.matmul(B.astype("f2"), F.astype("f2"))', () => m.matmul(B.astype('f2'), F.astype('f2'))],
        ['np.matmul(U, U)', () => m.matmul(U, U)],
        ['np.matmul(Z, U)', () => m.matmul(Z, U)],
        ['np.matmul(U, Z)', () => m.matmul(U, Z)],
        ['np.matmul(A, A)', () => m.matmul(A, A)],
        ['np.matmul(np.ones((2, 2, 3)), np.ones((3, 3, 2)))', () => m.matmul(m.ones([2, 2, 3]), m.ones([3, 3, 2]))],
        ['np.matmul(B, F, dtype=np.int64)', () => m.matmul(B, F, { dtype: 'i8' })],
        ['np.matmul(B, F, dtype=np.int64, casting="unsafe")', () => m.matmul(B, F, { dtype: 'i8', casting: 'unsafe' })],
        ['np.matmul(U.astype("S3"), U.T)', () => m.matmul(U.astype('S3'), U.T)],
      ],
      I,
    );
  });

  test('matmul out: written after the product (overlap), shape and cast checks', () => {
    const run = (f: (o: lib.NdArray) => unknown, o: lib.NdArray): lib.NdArray => {
      f(o);
      return o;
    };
    expectLikeNumpy(
      [
        ['(lambda o: (np.matmul(U[:, :3], U[:, :3].T[:3], out=o), o)[1])(np.zeros((3, 3), "f8"))', () => run((o) => m.matmul(U.index(s(), s(0, 3)), U.index(s(), s(0, 3)).T.index(s(0, 3)), { out: o }), m.zeros([3, 3]))],
        ['(lambda x: (np.matmul(x, x, out=x), x)[1])(np.arange(9.).reshape(3, 3))', () => run((x) => m.matmul(x, x, { out: x }), m.arange(9, 'f8').reshape(3, 3))],
        ['(lambda x: (np.matmul(x, x.T, out=x.T), x)[1])(np.arange(9.).reshape(3, 3))', () => run((x) => m.matmul(x, x.T, { out: x.T }), m.arange(9, 'f8').reshape(3, 3))],
        ['np.matmul(U, U.T, out=np.zeros((3, 4)))', () => m.matmul(U, U.T, { out: m.zeros([3, 4]) })],
        ['np.matmul(U, U.T, out=np.zeros((2, 3, 3)))', () => m.matmul(U, U.T, { out: m.zeros([2, 3, 3]) })],
        ['np.matmul(B, F, out=np.zeros((2, 4), "i8"))', () => m.matmul(B, F, { out: m.zeros([2, 4], 'i8') })],
      ],
      I,
    );
  });

  test('dot, vdot, inner, outer', () => {
    expectLikeNumpy(
      [
        ['np.dot(V, V)', () => m.dot(V, V)],
        ['np.dot(U, V[:4])', () => m.dot(U, V.index(s(0, 4)))],
        ['np.dot(V[:3], U)', () => m.dot(V.index(s(0, 3)), U)],
        ['np.dot(A, T)', () => m.dot(A, T)],
        ['np.dot(A, T[:, 1])', () => m.dot(A, T.index(s(), 1))],
        ['np.dot(B, F)', () => m.dot(B, F)],
        ['np.dot(Z, A)', () => m.dot(Z, A)],
        ['np.dot(E, E.T)', () => m.dot(E, E.T)],
        ['np.dot(U > 4, U.T > 4)', () => m.dot(m.greater(U, 4), m.greater(U.T, 4))],
        ['np.dot(A, A)', () => m.dot(A, A)],
        ['np.dot(V, V[:3])', () => m.dot(V, V.index(s(0, 3)))],
        ['np.dot(B, F, out=np.zeros((2, 4)))', () => m.dot(B, F, m.zeros([2, 4]))],
        ['np.dot(B, F, out=np.zeros((2, 4), "f4"))', () => m.dot(B, F, m.zeros([2, 4], 'f4'))],
        ['np.vdot(U, U)', () => m.vdot(U, U)],
        ['np.vdot(A, T.T)', () => m.vdot(A, T.T)],
        ['np.vdot(B.astype("c16") * (1 + 2j), B)', () => m.vdot(m.multiply(B.astype('c16'), { re: 1, im: 2 }), B)],
        ['np.vdot(V, V[:3])', () => m.vdot(V, V.index(s(0, 3)))],
        ['np.inner(A, U)', () => m.inner(A, U)],
        ['np.inner(V, V)', () => m.inner(V, V)],
        ['np.inner(B, B)', () => m.inner(B, B)],
        ['np.inner(Z, B)', () => m.inner(Z, B)],
        ['np.inner(A, B)', () => m.inner(A, B)],
        ['np.outer(V[:3], B)', () => m.outer(V.index(s(0, 3)), B)],
        ['np.outer(U > 3, V[:2])', () => m.outer(m.greater(U, 3), V.index(s(0, 2)))],
      ],
      I,
    );
  });

  test('tensordot, kron, cross', () => {
    expectLikeNumpy(
      [
        ['np.tensordot(A, T, 1)', () => m.tensordot(A, T, 1)],
        ['np.tensordot(A, T[0], 0)', () => m.tensordot(A, T.index(0), 0)],
        ['np.tensordot(A, T, ([0, 2], [2, 0]))', () => m.tensordot(A, T, [[0, 2], [2, 0]])],
        ['np.tensordot(A, U, ([1, 2], [0, 1]))', () => m.tensordot(A, U, [[1, 2], [0, 1]])],
        ['np.tensordot(A, U, (-1, 1))', () => m.tensordot(A, U, [-1, 1])],
        ['np.tensordot(A, U, ([1], [1]))', () => m.tensordot(A, U, [[1], [1]])],
        ['np.tensordot(U, U)', () => m.tensordot(U, U)],
        ['np.kron(U, B)', () => m.kron(U, B)],
        ['np.kron(V[:3], U)', () => m.kron(V.index(s(0, 3)), U)],
        ['np.kron(A, V[:2])', () => m.kron(A, V.index(s(0, 2)))],
        ['np.kron(Z, U)', () => m.kron(Z, U)],
        ['np.cross(A[..., :3], T[:3].T[..., :3])', () => m.cross(A.index(lib.ellipsis, s(0, 3)), T.index(s(0, 3)).T.index(lib.ellipsis, s(0, 3)))],
        ['np.cross(B, F[:2, :3])', () => m.cross(B, F.index(s(0, 2), s(0, 3)))],
        ['np.cross(B[:, :2], F[:2, :3])', () => m.cross(B.index(s(), s(0, 2)), F.index(s(0, 2), s(0, 3)))],
        ['np.cross(B, F[:2, :2])', () => m.cross(B, F.index(s(0, 2), s(0, 2)))],
        ['np.cross(B[:, :2], F[:2, :2])', () => m.cross(B.index(s(), s(0, 2)), F.index(s(0, 2), s(0, 2)))],
        ['np.cross(U[:3], U[:, :3], axisa=0, axisb=1, axisc=0)', () => m.cross(U.index(s(0, 3)), U.index(s(), s(0, 3)), { axisa: 0, axisb: 1, axisc: 0 })],
        ['np.cross(A[:, :, :3], A[:, :, 1:], axis=1)', () => m.cross(A.index(s(), s(), s(0, 3)), A.index(s(), s(), s(1, null)), { axis: 1 })],
        ['np.cross(V[:4], V[:3])', () => m.cross(V.index(s(0, 4)), V.index(s(0, 3)))],
        ['np.cross(Z, V[:3])', () => m.cross(Z, V.index(s(0, 3)))],
      ],
      I,
    );
  });
});

describeWithNumpy('float products against NumPy (tolerance: BLAS sums in its own order)', () => {
  test('random f8/f4 matmul, dot, inner, tensordot agree to a few ulps of the sum of |products|', () => {
    const want = runNumpy<Record<string, { a: string; b: string; r: number[]; shape: number[]; dtype: string }>>(`
rng = np.random.default_rng(5)
out = {}
for dt in ['<f8', '<f4', '>f8']:
    a = rng.normal(size=(3, 37, 129)).astype(dt)
    b = rng.normal(size=(129, 65)).astype(dt)
    r = np.matmul(a, b)
    out[dt] = {'a': a.tobytes().hex(), 'b': b.tobytes().hex(), 'r': r.ravel().astype('f8').tolist(), 'shape': list(r.shape), 'dtype': r.dtype.str}
print(json.dumps(out))
`);
    for (const [dt, w] of Object.entries(want)) {
      const a = m.fromBuffer(Buffer.from(w.a, 'hex'), dt as never).reshape(3, 37, 129);
      const b = m.fromBuffer(Buffer.from(w.b, 'hex'), dt as never).reshape(129, 65);
      const r = m.matmul(a, b);
      expect([r.dtype.str, r.shape]).toEqual([w.dtype, w.shape]);
      const got = r.ravel().toArray() as number[];
      const eps = dt === '<f4' ? 2 ** -23 : 2 ** -52;
      const bad = got.filter((g, i) => Math.abs(g - w.r[i]) > 129 * 4 * eps * 8);
      expect(bad).toEqual([]);
      // dot and tensordot of the same operands sum in the same order as matmul.
      const d = m.dot(a, b);
      expect(d.ravel().toArray()).toEqual(got);
      expect(m.tensordot(a, b, 1).ravel().toArray()).toEqual(got);
    }
  });
});

test('int overflow wraps as NumPy; bool dot is logical', () => {
  const big = m.asarray([2n ** 62n, 2n ** 62n], 'i8');
  expect(m.dot(big, m.asarray([4n, 1n], 'i8')).get()).toBe(2n ** 62n);
  expect(m.dot(m.asarray([2 ** 30, 2 ** 30], 'i4'), m.asarray([4, 3], 'i4')).get()).toBe(-(2 ** 30));
  expect(m.dot(m.asarray([200, 100], 'u1'), m.asarray([2, 3], 'u1')).get()).toBe((400 + 300) % 256);
  expect(m.dot(m.asarray([2 ** 31 + 5], 'u4'), m.asarray([3], 'u4')).get()).toBe(((2 ** 31 + 5) * 3) % 2 ** 32);
  expect(m.dot(m.asarray([true, true], 'b1'), m.asarray([true, true], 'b1')).get()).toBe(true);
  expect(m.dot(m.asarray([true, false], 'b1'), m.asarray([false, true], 'b1')).get()).toBe(false);
});

test('broadcast stacks are read once: a 2^40-matrix stack of one matrix is refused by size, a stride-0 stack axis is not expanded', () => {
  const one = m.ones([1, 2, 2]);
  const wide = m.broadcastTo(one, [2 ** 20, 2, 2]);
  const r = m.matmul(wide, m.ones([2, 1]));
  expect(r.shape).toEqual([2 ** 20, 2, 1]);
  expect(r.get(2 ** 20 - 1, 1, 0)).toBe(2);
  const huge = m.broadcastTo(m.asarray([1.5]), [2 ** 40]);
  expect(() => m.dot(huge, huge)).toThrow(RangeError);
  expect(() => m.dot(huge, huge)).toThrow(/8796093022208 bytes/);
  expect(() => m.matmul(m.broadcastTo(one, [2 ** 40, 2, 2]), m.ones([2, 2]))).toThrow(RangeError);
});

test('read-only and closed: out refused before anything is computed; closed operands refused', () => {
  const a = m.ones([2, 2]);
  expect(() => m.matmul(a, a, { out: m.broadcastTo(m.zeros([2]), [2, 2]) })).toThrow(AccessError);
  expect(() => m.dot(a, a, m.broadcastTo(m.zeros([2]), [2, 2]))).toThrow(AccessError);
  expect(() => m.matmul(a, a, { out: [1] as never })).toThrow(TypeError);
  const dir = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'linalg-'));
  try {
    const f = require('path').join(dir, 'x.npy');
    m.saveNpy(f, m.ones([2, 2]));
    const mm = m.openNpy(f);
    mm.close();
    expect(() => m.matmul(mm, a)).toThrow(AccessError);
    expect(() => m.dot(a, mm)).toThrow(AccessError);
    expect(() => m.diagonal(mm)).toThrow(AccessError);
  } finally {
    require('fs').rmSync(dir, { recursive: true, force: true });
  }
});

test('errors in NumPy words', () => {
  expect(() => m.matmul(m.ones([2, 3]), m.ones([2, 3]))).toThrow(
    new ValueError('matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)'),
  );
  expect(() => m.matmul(m.ones([2, 3]), m.ones([3]), { dtype: 'i8' })).toThrow(UFuncTypeError);
  expect(() => m.dot(m.ones([2, 3]), m.ones([2, 3]))).toThrow('shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)');
  expect(() => m.tensordot(m.ones([2, 3]), m.ones([2, 3]), 1)).toThrow('shape-mismatch for sum');
  expect(() => m.cross(m.ones(4), m.ones(3))).toThrow('incompatible dimensions for cross product');
  // NumPy's dot says "data type must provide an itemsize" here; the loop error names the dtypes.
  expect(() => m.dot(m.ones([2, 2]), m.arange(4).astype('S3').reshape(2, 2))).toThrow("ufunc 'dot' did not contain a loop with signature matching types (dtype('float64'), dtype('S3')) -> None");
  // Shapes before types, as NumPy (fuzz seed 9266777): records that do not align are "not aligned".
  const rec = m.zeros([2, 2], { names: ['a'], formats: ['<u2'] });
  expect(() => m.dot(rec, m.ones([3, 3]))).toThrow(new ValueError('shapes (2,2) and (3,3) not aligned: 2 (dim 1) != 3 (dim 0)'));
  expect(() => m.inner(rec, m.ones([3, 3]))).toThrow(new ValueError('shapes (2,2) and (3,3) not aligned: 2 (dim 1) != 3 (dim 0)'));
  expect(() => m.vdot(rec, m.ones([3, 3]))).toThrow(new ValueError('cannot reshape array of size 9 into shape (4,)'));
});

test('ported from NumPy test_multiarray: TestDot/TestMatmul/TestInner cases', () => {
  // TestDot.test_dotmatmat / test_dotvecvecouter / test_dotcolumnvect1
  const b1 = m.asarray([[1, 2], [3, 4]], 'f8');
  expect(m.dot(b1, b1).toArray()).toEqual([[7, 10], [15, 22]]);
  expect(m.dot(m.asarray([[1], [2]]), m.asarray([[3, 4]])).toArray()).toEqual([[3n, 4n], [6n, 8n]]);
  // TestDot.test_dot_3args: out is returned and holds the result.
  const out = m.zeros([2, 2]);
  expect(m.dot(b1, b1, out)).toBe(out);
  expect(out.toArray()).toEqual([[7, 10], [15, 22]]);
  // TestMatmul.test_matmul_bool: logical or of ands.
  const a = m.asarray([[true, true], [false, false]]);
  expect(m.matmul(a, a.T).toArray()).toEqual([[true, false], [false, false]]);
  // TestMatmul.test_scalar_output / test_vector_vector_values
  expect(m.matmul(m.asarray([1, 2]), m.asarray([3, 4])).shape).toEqual([]);
  expect(m.matmul(m.asarray([1, 2]), m.asarray([3, 4])).get()).toBe(11n);
  // TestInner.test_inner_product_with_various_contiguities
  const A = m.asarray([[1, 2], [3, 4]], 'i2');
  const B = m.asarray([[1, 3], [2, 4]], 'i2');
  const C = m.asarray([1, 1], 'i2');
  expect(m.inner(A, C).toArray()).toEqual([3, 7]);
  expect(m.inner(B.T, C).toArray()).toEqual([3, 7]);
  // TestMatmul.test_matmul_empty: k = 0 gives zeros.
  expect(m.matmul(m.ones([2, 0]), m.ones([0, 3])).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
});

test('the JS loop mirrors the kernel on every kind (vs a naive triple loop)', () => {
  const n = 5, k = 7, mm = 3;
  const A = Float64Array.from({ length: n * k }, (_, i) => ((i * 7) % 11) - 5);
  const B = Float64Array.from({ length: k * mm }, (_, i) => ((i * 5) % 13) - 6);
  const C = new Float64Array(n * mm);
  gemmJS('float', A, B, C, { aOff: 0, bOff: 0, cOff: 0 }, n, k, mm);
  for (let i = 0; i < n; i++) for (let j = 0; j < mm; j++) {
    let t = 0;
    for (let p = 0; p < k; p++) t += A[i * k + p] * B[p * mm + j];
    expect(C[i * mm + j]).toBe(t);
  }
});

test('operands larger than one window are read a block of rows at a time, with the same bits', () => {
  const cases: [lib.NdArray, lib.NdArray][] = [
    [m.arange(2 * 37 * 20, 'f8').reshape(2, 37, 20), m.arange(20 * 9, 'f8').reshape(20, 9)],
    [m.arange(37 * 20, 'f4').reshape(37, 20), m.arange(20, 'f4')],
    [m.arange(3 * 30 * 8, 'i8').reshape(3, 30, 8), m.broadcastTo(m.arange(8 * 5, 'i8').reshape(1, 8, 5), [3, 8, 5])],
    [m.multiply(m.arange(30 * 6, 'c16').reshape(30, 6), { re: 1, im: -2 }), m.arange(6 * 4, 'c16').reshape(6, 4)],
  ];
  const want = cases.map(([a, b]) => m.matmul(a, b).toArray());
  const was = setProductWindow(2048);
  try {
    cases.forEach(([a, b], i) => expect(m.matmul(a, b).toArray()).toEqual(want[i]));
    // Float rows longer than a window: summed chunk by chunk (256 items of 8 bytes here).
    expect(m.dot(m.ones(300), m.ones(300)).get()).toBe(300);
    const x = m.arange(1000, 'f8');
    const y = m.subtract(m.arange(1000, 'f8'), 500);
    let want1 = 0;
    for (let i = 0; i < 1000; i++) want1 += i * (i - 500);
    expect(m.dot(x, y).get()).toBe(want1);
    const xf = m.divide(m.arange(700, 'f4'), 7);
    expect(Math.abs((m.dot(xf, xf).get() as number) - (m.dot(xf.astype('f8'), xf.astype('f8')).get() as number))).toBeLessThan(1e-6 * 700 * 100 * 100 / 3);
    const mv = m.matmul(m.arange(3 * 600, 'f8').reshape(3, 600), m.ones([600, 2]));
    expect(mv.toArray()).toEqual([[179700, 179700], [539700, 539700], [899700, 899700]]);
    expect(() => m.matmul(m.ones([2, 300], 'i8'), m.ones([300, 300], 'i8'))).toThrow('matmul: one row of 300 items (2400 bytes) is more than one window (2048 bytes) can hold; sum the products of slices');
    expect(() => m.matmul(m.ones([40, 20]), m.ones([20, 20]))).toThrow("matmul: the second operand's matrix (20x20, 3200 bytes) is more than one window (2048 bytes) can hold");
  } finally {
    setProductWindow(was);
  }
});

describeWithNumpy('rows longer than one window, every dtype (the integer dot past 2 GiB was a RangeError)', () => {
  test('integers wrap, bool ORs, complex adds by chunks: the same as one window and as NumPy', () => {
    const want = runNumpy<Record<string, string>>(`
k = 1000
x = {
  'i8': (np.arange(k, dtype='i8') * 9007199254740993) ^ 0x5555,
  'i4': np.arange(k, dtype='i4') * 2147483 - 7,
  'u1': (np.arange(k) % 251).astype('u1'),
  'i2': (np.arange(k) * 37 - 9000).astype('i2'),
  'u8': np.arange(k, dtype='u8') * np.uint64(18446744073709551) + np.uint64(3),
  'b1': np.arange(k) == k - 1,
  'c16': (np.arange(k) % 7 - 3) + 1j * (np.arange(k) % 5 - 2),
}
y = {d: v[::-1].copy() for d, v in x.items()}
out = {}
for d in x:
    out[d + ' x'] = x[d].tobytes().hex()
    out[d + ' y'] = y[d].tobytes().hex()
    out[d] = np.asarray(np.dot(x[d], y[d])).tobytes().hex()
    # A 2-row matrix times a long vector: each row chunked on its own.
    out[d + ' mv'] = np.matmul(np.stack([x[d], y[d]]), y[d]).tobytes().hex()
print(json.dumps(out))
`);
    const hex = (a: lib.NdArray): string => Buffer.from(bytesOf(a)).toString('hex');
    const cases = ['i8', 'i4', 'u1', 'i2', 'u8', 'b1', 'c16'].map((d) => {
      const x = m.fromBuffer(Buffer.from(want[d + ' x'], 'hex'), d as never);
      const y = m.fromBuffer(Buffer.from(want[d + ' y'], 'hex'), d as never);
      return { d, x, y, one: hex(m.dot(x, y)), mv: hex(m.matmul(m.stack([x, y]), y)) };
    });
    const was = setProductWindow(512);
    try {
      for (const c of cases) {
        expect([c.d, hex(m.dot(c.x, c.y))]).toEqual([c.d, want[c.d]]);
        expect([c.d, hex(m.dot(c.x, c.y))]).toEqual([c.d, c.one]);
        expect([c.d, hex(m.matmul(m.stack([c.x, c.y]), c.y))]).toEqual([c.d, want[c.d + ' mv']]);
        expect([c.d, hex(m.matmul(m.stack([c.x, c.y]), c.y))]).toEqual([c.d, c.mv]);
      }
    } finally {
      setProductWindow(was);
    }
  });
});

describe('products of a memory-mapped file', () => {
  const files = useTempDir();

  test('read the mapping in place: no copy of a C-contiguous native operand', () => {
    const p = files.path('v.bin');
    const v = m.memmap(p, { dtype: '<f8', mode: 'w+', shape: [1000] });
    v.set(m.arange(1000, 'f8'));
    const M = m.memmap(files.path('M.bin'), { dtype: '<f8', mode: 'w+', shape: [20, 50] });
    M.set(m.arange(1000, 'f8').reshape(20, 50));
    const spy = jest.spyOn(lib.NdArray.prototype, 'astype');
    try {
      expect(m.dot(v, v).get()).toBe(332833500);
      expect(m.matmul(M, m.ones(50)).toArray()).toEqual(Array.from({ length: 20 }, (_, i) => 50 * 50 * i + 1225));
      // Every cast the products asked for was answered by the operand itself (copy: false).
      expect(spy.mock.calls.length).toBeGreaterThan(0);
      spy.mock.results.forEach((r, i) => expect(r.value).toBe(spy.mock.contexts[i]));
    } finally {
      spy.mockRestore();
      v.close();
      M.close();
    }
  });
});

describe('products of arrays over a misaligned buffer (a pooled Node Buffer at an odd byteOffset)', () => {
  test('matmul, dot, vdot, inner, outer, tensordot copy such an operand aligned and give the aligned result', () => {
    for (const dt of ['<f8', '<f4', '<i4', '<c16', '<u2'] as const) {
      const aligned = lib.arange(6, dt === '<c16' ? '<f8' : dt).astype(dt).reshape([2, 3]);
      const raw = new Uint8Array(new ArrayBuffer(aligned.nbytes + 3), 3, aligned.nbytes);
      raw.set(bytesOf(aligned));
      const odd = lib.fromBuffer(raw, dt).reshape([2, 3]);
      expect(odd.flags.aligned).toBe(false);
      const b = lib.arange(3, dt === '<c16' ? '<f8' : dt).astype(dt);
      expect(lib.matmul(odd, b).toArray()).toEqual(lib.matmul(aligned, b).toArray());
      expect(lib.dot(odd, b).toArray()).toEqual(lib.dot(aligned, b).toArray());
      expect(lib.inner(odd, b).toArray()).toEqual(lib.inner(aligned, b).toArray());
      expect(lib.vdot(odd, odd).toArray()).toEqual(lib.vdot(aligned, aligned).toArray());
      expect(lib.outer(odd, b).toArray()).toEqual(lib.outer(aligned, b).toArray());
      expect(lib.tensordot(odd, b, 1).toArray()).toEqual(lib.tensordot(aligned, b, 1).toArray());
    }
  });

  test('dot(x, x) and matmul(m, m) of a misaligned operand copy it once, not once per side', () => {
    const aligned = lib.arange(16, '<f8').reshape([4, 4]);
    const raw = new Uint8Array(new ArrayBuffer(aligned.nbytes + 3), 3, aligned.nbytes);
    raw.set(bytesOf(aligned));
    const odd = lib.fromBuffer(raw, '<f8').reshape([4, 4]);
    const flat = odd.reshape([16]);
    const spy = jest.spyOn(lib.NdArray.prototype, 'copy');
    try {
      expect(lib.dot(odd, odd).toArray()).toEqual(lib.dot(aligned, aligned).toArray());
      expect(spy.mock.calls.length).toBe(1);
      spy.mockClear();
      expect(lib.dot(flat, flat).get()).toBe(lib.dot(aligned.reshape([16]), aligned.reshape([16])).get());
      expect(spy.mock.calls.length).toBe(1);
      spy.mockClear();
      // The same values in another buffer: each side its own copy.
      const raw2 = new Uint8Array(new ArrayBuffer(aligned.nbytes + 5), 5, aligned.nbytes);
      raw2.set(raw);
      const odd2 = lib.fromBuffer(raw2, '<f8').reshape([4, 4]);
      expect(lib.matmul(odd, odd2).toArray()).toEqual(lib.matmul(aligned, aligned).toArray());
      expect(spy.mock.calls.length).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describeWithNumpy("matmul: the result laid out as NumPy's gufunc allocates it (fuzz pass 9)", () => {
  test("the stack axes in the operands' memory order, each matrix C-contiguous", () => {
    // Stacks of 2x2 matrices whose batch axes are transposed, F-ordered, reversed or broadcast.
    const stacks: ViewSpec[] = [
      { shape: [3, 2, 2, 2], perm: [1, 0, 2, 3] },
      { shape: [2, 2, 3, 2], perm: [2, 0, 1, 3] },
      { shape: [2, 2, 3, 2], perm: [3, 2, 1, 0] },
      { shape: [2, 3, 2, 2], index: '::-1' },
      { shape: [2, 2, 2, 3, 2], perm: [3, 0, 1, 2, 4] },
      { shape: [3, 2, 2], to: [2, 3, 2, 2] },
      { shape: [2, 1, 2, 2], to: [2, 3, 2, 2] },
      { shape: [2, 3, 2, 2] },
    ];
    const cases: LayoutCase[] = [];
    for (const v of stacks) {
      for (const w of stacks) {
        cases.push({ py: `np.matmul(${pyView(v)}, ${pyView(w)})`, js: () => lib.matmul(jsView(v), jsView(w)) });
      }
      cases.push({ py: `np.matmul(${pyView(v)}, np.arange(4.).reshape(2, 2))`, js: () => lib.matmul(jsView(v), lib.arange(4).astype('f8').reshape([2, 2])) });
      cases.push({ py: `np.matmul(${pyView(v)}, np.arange(2.))`, js: () => lib.matmul(jsView(v), lib.arange(2).astype('f8')) });
      cases.push({ py: `np.matmul(np.arange(2.), ${pyView(v)})`, js: () => lib.matmul(lib.arange(2).astype('f8'), jsView(v)) });
      cases.push({ py: `np.matmul(${pyView(v)}, ${pyView(v)}, dtype='f4')`, js: () => lib.matmul(jsView(v), jsView(v), { dtype: 'f4' }) });
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describeWithNumpy('dot/inner with a 0-d operand: C where NumPy takes its cblas path (fuzz seeds 6004050 6005652)', () => {
  test("a float32/64 or complex64/128 product of operands of at most 2 axes is C-contiguous, others keep multiply's 'K' layout", () => {
    const views: ViewSpec[] = [{ shape: [3, 2], perm: [1, 0] }, { shape: [2, 3], index: '::-1, ::-1' }, { shape: [4, 3, 2], perm: [2, 1, 0] }, { shape: [3, 4], index: ':, ::2' }, { shape: [3, 4], to: [2, 3, 4] }, { shape: [3, 1, 4], to: [2, 3, 2, 4] }];
    const cases: LayoutCase[] = [];
    for (const v of views) {
      for (const dt of ['<f8', '<f4', '<c8', '<i8', '<i2', '>f8']) {
        for (const [pyS, jsS] of [['2.5', 2.5], ['2', 2]] as const) {
          cases.push({ py: `np.dot(${pyView(v)}.astype('${dt}'), ${pyS})`, js: () => lib.dot(jsView(v).astype(dt), jsS) });
          cases.push({ py: `np.inner(${pyS}, ${pyView(v)}.astype('${dt}'))`, js: () => lib.inner(jsS, jsView(v).astype(dt)) });
        }
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describeWithNumpy("dot/inner/tensordot by a one-item operand: NumPy's cblas path scales with BLAS axpy (fuzz seeds 10839218 11262926)", () => {
  test('y = 0 + alpha * x: a -0 product is +0, a zero alpha leaves +0 whatever x holds (inf, NaN), one item is the plain product', () => {
    const cases: LayoutCase[] = [
      // A zero alpha: OpenBLAS's axpy writes nothing, so inf and NaN give +0.
      { py: "np.tensordot(np.array([[np.inf, 1., np.nan, -2.]], '>f4'), 0.0, 0)", js: () => lib.tensordot(lib.asarray([[Infinity, 1, NaN, -2]], '>f4'), 0.0, 0) },
      { py: "np.tensordot(np.array([np.inf, 1.]), False, 0)", js: () => lib.tensordot(lib.asarray([Infinity, 1], 'f8'), false, 0) },
      { py: 'np.dot(np.array([[np.inf], [-1.], [np.nan]]), np.array([0.]))', js: () => lib.dot(lib.asarray([[Infinity], [-1], [NaN]], 'f8'), lib.asarray([0], 'f8')) },
      { py: 'np.dot(np.array(-0.0), np.array([np.inf, 1.0]))', js: () => lib.dot(lib.asarray(-0, 'f8'), lib.asarray([Infinity, 1], 'f8')) },
      { py: 'np.inner(np.array([[0.0]]), np.array([[np.inf], [1.0]]))', js: () => lib.inner(lib.asarray([[0]], 'f8'), lib.asarray([[Infinity], [1]], 'f8')) },
      { py: 'np.dot(np.array([[complex(np.inf, 1)], [2j]]), np.array([0j]))', js: () => lib.dot(lib.asarray([[{ re: Infinity, im: 1 }], [{ re: 0, im: 2 }]]), lib.asarray([{ re: 0, im: 0 }])) },
      // A non-zero alpha: the sum with the zeroed result turns -0 into +0.
      { py: 'np.dot(np.array([[-0.0, 1.0, 2.0]]).T, np.array([[3.0]]))', js: () => lib.dot(lib.asarray([[-0, 1, 2]], 'f8').T, lib.asarray([[3]], 'f8')) },
      { py: "np.inner(np.array(-2, 'i4'), np.zeros(3, 'f4'))", js: () => lib.inner(lib.asarray(-2, 'i4'), lib.zeros([3], 'f4')) },
      { py: "np.dot(np.array([-1.5], 'f4'), np.array([[0., 2., -0.]], 'f4'))", js: () => lib.dot(lib.asarray([-1.5], 'f4'), lib.asarray([[0, 2, -0]], 'f4')) },
      // One item: the plain product keeps -0; no cblas path (int, float16): the plain product too.
      { py: 'np.inner(np.array([-2.0]), np.array([False]))', js: () => lib.inner(lib.asarray([-2], 'f8'), lib.asarray([false])) },
      { py: 'np.dot(np.array([[-2.0]]), np.array([[0.0]]))', js: () => lib.dot(lib.asarray([[-2]], 'f8'), lib.asarray([[0]], 'f8')) },
      { py: "np.dot(np.array([[-0.0], [1.0]], 'f2'), np.array([2.0], 'f2'))", js: () => lib.dot(lib.asarray([[-0], [1]], 'f2'), lib.asarray([2], 'f2')) },
    ];
    expectLayoutsLikeNumpy(cases);
  });
});
