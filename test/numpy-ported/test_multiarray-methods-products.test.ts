// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4): the TestMethods
// tests of choose, dot, matmul's out=, diagonal and trace (skipped in
// test_multiarray.test.ts while those functions were missing), ported test by
// test: same names, same intent, the same values, shapes, flags and errors.
//
// Mapping: a.dot(b, out) / np.dot(a, b, out=) -> dot(a, b, out); a.choose(c) /
// np.choose(a, c, out=, mode=) -> choose(a, c, { out, mode }); a.diagonal(offset,
// axis1, axis2) and a.trace(offset, axis1, axis2, out=) -> the methods; np.diag ->
// diag; np.random.rand(3, 3) -> the suite's seeded generator (the tests compare
// two library results).
//
// Skipped (not counted as passing):
// - test_dot_errstate: np.errstate(invalid='raise') floating-point exceptions.
// - test_dot_matmul_out (ndarray subclasses), test_dot_matmul_inner_array_casting_fails
//   (Python's __array__), test_diagonal_memleak and test_size_zero_memleak's refcounts
//   (its values are ported), test_trace_subclass: Python-only.
// - test_choose's `oned.choose(np.void(0), [oned])` line: no NumPy void scalars.
// - test_choose's read-only out: NumPy's ValueError is the library's AccessError
//   (ERR_READ_ONLY, "assignment destination is read-only": the one class for read-only writes).
// - test_dot_out_mem_overlap runs over the numeric dtypes here ('?bhilqBHILQefdFD';
//   not 'g', 'G', 'O', 'm').
import { AccessError, AxisError, choose, diag, diagonal, dot, eye, matmul, NdArray, ValueError, zeros, zerosLike, arange } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { rng } from '../helpers/bytes';
import { assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);

describe('TestMethods (choose, dot, matmul out, diagonal, trace)', () => {
  test('test_choose', () => {
    const x = zeros([3], 'i8').add(2);
    const y = zeros([3], 'i8').add(3);
    const x2 = zeros([2, 3], 'i8').add(2);
    const y2 = zeros([2, 3], 'i8').add(3);
    const ind = arr([0, 0, 1]);
    assertEqual(choose(ind, [x, y]), [2, 2, 3]);
    assertEqual(choose(ind, [x2, y2]), [[2, 2, 3], [2, 2, 3]]);
    assertEqual(choose(ind, [x, y2]), [[2, 2, 3], [2, 2, 3]]);

    let out = arr(0);
    const ret = choose(arr(1), [10, 20, 30], { out });
    expect(ret).toBe(out);
    expect(Number(out.get())).toBe(20);

    // gh-6272 check overlap on out
    const x5 = arange(5);
    const yy = choose([0, 0, 0], [x5.index(':3'), x5.index(':3'), x5.index(':3')], { out: x5.index('1:4'), mode: 'wrap' });
    assertEqual(yy, [0, 1, 2]);

    // gh_28206 check fail when out not writeable
    const x3 = arange(3);
    out = zeros([3]);
    out.flags.writeable = false;
    expect(() => choose([0, 1, 2], [x3, x3, x3], { out })).toThrow(AccessError);
  });

  test('test_dot', () => {
    const a = arr([[1, 0], [0, 1]]);
    const b = arr([[0, 1], [1, 0]]);
    const c = arr([[9, 1], [1, -9]]);
    assertEqual(dot(dot(a, b), c), [[1, -9], [9, 1]]);
    const out = zerosLike(a);
    dot(a, b, out);
    assertEqual(out, dot(a, b));
    assertEqual(out, [[0, 1], [1, 0]]);
  });

  test('test_dot_type_mismatch', () => {
    const c = 1.0;
    const A = zeros([2], 'i4,i4');
    expect(() => dot(c, A)).toThrow(TypeError);
    expect(() => dot(A, c)).toThrow(TypeError);
  });

  test('test_dot_out_mem_overlap', () => {
    const r = rng(1);
    const rand33 = (): NdArray => arr(Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => r())));
    for (const dt of ['?', 'b', 'h', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'e', 'f', 'd', 'F', 'D']) {
      const a = rand33().astype(dt);
      const b = zeros([3, 3], dt);
      b.set(rand33().astype(dt));
      const y = dot(a, b);
      const x = dot(a, b, b);
      expect(x).toBe(b);
      assertEqual(x, y);
      expect(() => dot(a, b, b.index('::2'))).toThrow(ValueError);
      expect(() => dot(a, b, b.T)).toThrow(ValueError);
    }
  });

  test('test_matmul_out', () => {
    let a = arange(18).reshape(2, 3, 3);
    const b = matmul(a, a);
    let c = matmul(a, a, { out: a });
    expect(c).toBe(a);
    assertEqual(c, b);
    a = arange(18).reshape(2, 3, 3);
    c = matmul(a, a, { out: a.index('::-1, ...') });
    expect(c.base).toBe(a.base);
    assertEqual(c, b);
  });

  test('test_diagonal', () => {
    const a = arange(12).reshape(3, 4);
    assertEqual(a.diagonal(), [0, 5, 10]);
    assertEqual(a.diagonal(0), [0, 5, 10]);
    assertEqual(a.diagonal(1), [1, 6, 11]);
    assertEqual(a.diagonal(-1), [4, 9]);
    expect(() => a.diagonal(0, 0, 5)).toThrow(AxisError);
    expect(() => a.diagonal(0, 5, 0)).toThrow(AxisError);
    expect(() => a.diagonal(0, 5, 5)).toThrow(AxisError);
    expect(() => a.diagonal(0, 1, 1)).toThrow(ValueError);

    const b = arange(8).reshape(2, 2, 2);
    assertEqual(b.diagonal(), [[0, 6], [1, 7]]);
    assertEqual(b.diagonal(0), [[0, 6], [1, 7]]);
    assertEqual(b.diagonal(1), [[2], [3]]);
    assertEqual(b.diagonal(-1), [[4], [5]]);
    expect(() => b.diagonal(0, 0, 0)).toThrow(ValueError);
    assertEqual(b.diagonal(0, 1, 2), [[0, 3], [4, 7]]);
    assertEqual(b.diagonal(0, 0, 1), [[0, 6], [1, 7]]);
    assertEqual(b.diagonal(1, 0, 2), [[1], [3]]);
    assertEqual(b.diagonal(0, 2, 1), [[0, 3], [4, 7]]);
  });

  test('test_diagonal_view_notwriteable', () => {
    for (const a of [eye(3).diagonal(), diagonal(eye(3)), diag(eye(3))]) {
      expect(a.flags.writeable).toBe(false);
      expect(a.flags.ownData).toBe(false);
    }
  });

  test('test_size_zero_memleak (values)', () => {
    const a = arr([], 'f8');
    const x = arr(2.0, 'f8');
    for (let i = 0; i < 100; i++) dot(a, a, x);
    expect(x.get()).toBe(0);
  });

  test('test_trace', () => {
    const a = arange(12).reshape(3, 4);
    assertEqual(a.trace(), 15);
    assertEqual(a.trace(0), 15);
    assertEqual(a.trace(1), 18);
    assertEqual(a.trace(-1), 13);
    const b = arange(8).reshape(2, 2, 2);
    assertEqual(b.trace(), [6, 8]);
    assertEqual(b.trace(0), [6, 8]);
    assertEqual(b.trace(1), [2, 3]);
    assertEqual(b.trace(-1), [4, 5]);
    assertEqual(b.trace(0, 0, 1), [6, 8]);
    assertEqual(b.trace(0, 0, 2), [5, 9]);
    assertEqual(b.trace(0, 1, 2), [3, 11]);
    assertEqual(b.trace(1, 0, 2), [1, 3]);
    const out = arr(1);
    const ret = a.trace(0, 0, 1, { out });
    expect(ret).toBe(out);
  });
});
