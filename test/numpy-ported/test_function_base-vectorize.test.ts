// NumPy's own numpy/lib/tests/test_function_base.py (NumPy 2.4): class
// TestVectorize, the tests that apply, ported test by test (same names,
// intent and values).
//
// Mapping: a Python function -> a JS function of the elements' values (int64
// elements are bigints, as everywhere in the library); keyword arguments ->
// positional ones (JS has none); excluded=['p', 1] -> excluded: [1].
//
// Skipped (not counted as passing): the keyword-argument tests
// (test_keywords_with_otypes_*, test_keywords2_ticket_2100), which need
// Python's keywords, and the cache/ufunc-object tests (no frompyfunc here).
import { asarray, cos, linspace, vectorize } from '../../lib';
import type { NdArray } from '../../lib';

const nums = (a: NdArray): number[] => (a.toArray() as (number | bigint)[]).map(Number);

describe('TestVectorize', () => {
  const addsubtract = (a: bigint, b: bigint): bigint => (a > b ? a - b : a + b);
  test('test_simple', () => {
    expect(nums(vectorize(addsubtract)([0, 3, 6, 9], [1, 3, 5, 7]) as NdArray)).toEqual([1, 6, 1, 2]);
  });
  test('test_scalar', () => {
    expect(nums(vectorize(addsubtract)([0, 3, 6, 9], 5) as NdArray)).toEqual([5, 8, 1, 4]);
  });
  test('test_large', () => {
    const x = linspace(-3, 2, 10000) as NdArray;
    const y = vectorize((v: number) => v)(x) as NdArray;
    expect(y.toArray()).toEqual(x.toArray());
  });
  test('test_ufunc', () => {
    const args = asarray([0, 0.5 * Math.PI, Math.PI, 1.5 * Math.PI, 2 * Math.PI]);
    const r1 = nums(vectorize(Math.cos)(args) as NdArray);
    const r2 = nums(cos(args));
    r1.forEach((v, i) => expect(Math.abs(v - r2[i])).toBeLessThan(1.5e-6));
  });
  test('test_keywords', () => {
    const foo = (a: bigint, b: bigint = 1n): bigint => a + b;
    const f = vectorize(foo);
    expect(nums(f(asarray([1, 2, 3])) as NdArray)).toEqual([2, 3, 4]);
    expect(nums(f(asarray([1, 2, 3]), 2) as NdArray)).toEqual([3, 4, 5]);
  });
  test('test_keywords3_ticket_2100 (positional form)', () => {
    const mypolyval = (x: bigint, p: number[]): bigint => {
      const q = [...p];
      let res = BigInt(q.shift()!);
      while (q.length) res = res * x + BigInt(q.shift()!);
      return res;
    };
    const vpolyval = vectorize(mypolyval, { excluded: [1] });
    expect(nums(vpolyval([0, 1], [1, 2, 3]) as NdArray)).toEqual([3, 6]);
  });
  test('test_coverage1_ticket_2100', () => {
    const foo = (): bigint => 1n;
    const f = vectorize(foo);
    expect(nums((f() as NdArray).reshape([1]))).toEqual([1]);
  });
  test('test_assigning_docstring-free: the attributes NumPy keeps', () => {
    const fn = (x: number): number => x;
    const f = vectorize(fn, { otypes: 'd', excluded: [2] });
    expect(f.pyfunc).toBe(fn);
    expect(f.otypes!.map((d) => d.str)).toEqual(['<f8']);
    expect([...f.excluded]).toEqual([2]);
  });
  test('test_otypes', () => {
    const f = vectorize((x: bigint) => x, { otypes: 'i' });
    expect((f([1, 2]) as NdArray).dtype.str).toBe('<i4');
  });
  test('test_string_ticket_1892: size-0 call needs otypes', () => {
    expect(() => vectorize((x: number) => x)(asarray([], 'f8'))).toThrow(/cannot call `vectorize` on size 0 inputs unless `otypes` is set/);
  });
  test('test_signature_simple', () => {
    const addsub = (a: NdArray, b: NdArray): NdArray => a.add(b);
    const f = vectorize(addsub, { signature: '(),()->()' });
    expect(nums(f([0, 3, 6, 9], [1, 3, 5, 7]) as NdArray)).toEqual([1, 6, 11, 16]);
  });
  test('test_signature_mean_last', () => {
    const mean = (a: NdArray): number => a.mean() as number;
    // A JS number does not say float: NumPy's float64 of np.mean is otypes here.
    const f = vectorize(mean, { signature: '(n)->()', otypes: 'd' });
    const r = f(asarray([[1, 3], [2, 4]])) as NdArray;
    expect(r.dtype.str).toBe('<f8');
    expect(r.toArray()).toEqual([2, 3]);
  });
  test('test_signature_center', () => {
    const center = (a: NdArray): NdArray => a.subtract(a.mean() as number);
    const f = vectorize(center, { signature: '(n)->(n)' });
    const r = f(asarray([[1, 3], [2, 4]], 'f8')) as NdArray;
    expect(r.toArray()).toEqual([[-1, 1], [-1, 1]]);
  });
  test('test_signature_two_outputs', () => {
    const f = vectorize((x: NdArray) => [x, x], { signature: '()->(),()' });
    const r = f(asarray([1, 2, 3])) as NdArray[];
    expect(r.length).toBe(2);
    expect(nums(r[0])).toEqual([1, 2, 3]);
    expect(nums(r[1])).toEqual([1, 2, 3]);
  });
  test('test_signature_outer', () => {
    const f = vectorize((a: NdArray, b: NdArray) => a.reshape([a.size, 1]).multiply(b), { signature: '(a),(b)->(a,b)' });
    const r = f(asarray([1, 2]), asarray([1, 2, 3])) as NdArray;
    expect(r.toArray()).toEqual([[1n, 2n, 3n], [2n, 4n, 6n]]);
    const r2 = f(asarray([[[1, 2]]]), asarray([1, 2, 3])) as NdArray;
    expect(r2.shape).toEqual([1, 1, 2, 3]);
  });
  test('test_signature_invalid_inputs', () => {
    const f = vectorize((a: NdArray, b: NdArray) => a.add(b), { signature: '(n),(n)->(n)' });
    expect(() => f(asarray([1, 2]))).toThrow(/wrong number of positional arguments/);
    expect(() => f(asarray(1), asarray(2))).toThrow(/needs at least 1/);
    expect(() => f(asarray([1, 2]), asarray([1, 2, 3]))).toThrow(/inconsistent size for core dimension/);
  });
  test('test_signature_invalid_outputs', () => {
    const f = vectorize((x: NdArray) => x.index('0:-1'), { signature: '(n)->(n)' });
    expect(() => f(asarray([1, 2, 3]))).toThrow(/inconsistent size for core dimension/);
    const g = vectorize((x: NdArray) => x, { signature: '()->(),()' });
    expect(() => g(asarray([1, 2]))).toThrow(/wrong number of outputs/);
    const h = vectorize((x: NdArray) => [x, x], { signature: '()->()' });
    expect(() => h(asarray([1, 2]))).toThrow(/wrong number of dimensions/);
  });
  test('test_size_zero_output', () => {
    const f = vectorize((x: NdArray) => x, { signature: '(n)->(n)', otypes: 'd' });
    expect((f(asarray([], 'f8').reshape([0, 3])) as NdArray).shape).toEqual([0, 3]);
  });
  test('test_parse_gufunc_signature errors', () => {
    expect(() => vectorize((x: number) => x, { signature: '(x)->()->()' })).toThrow(/not a valid gufunc signature/);
    expect(() => vectorize((x: number) => x, { signature: '(x))->()' })).toThrow(/not a valid gufunc signature/);
  });
});
