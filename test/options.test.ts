// lib/options.ts: options read once, and the calls that know all their
// options refuse any other key (NumPy's unexpected-keyword TypeError), with
// the library's spelling when the key is NumPy's snake_case of a known one.
import { axisInOptions, positionalOptions, readKnownOptions, readOptions, unexpectedKeyword } from '../lib/options';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import * as lib from '../lib';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { arange, zeros } from '../lib/create';
import { argsort, bincount, searchsorted, sort, sortInPlace, unique } from '../lib/sort';
import { compress, put, take } from '../lib/fancy';
import { concatenate, stack } from '../lib/join';
import { sum } from '../lib/reduce-axis';

test('readOptions reads each known key once and keeps only defined ones', () => {
  let reads = 0;
  const o = { get a() { reads++; return 1; }, b: undefined, c: 3 };
  expect(readOptions(o, ['a', 'b'] as const)).toEqual({ a: 1 });
  expect(reads).toBe(1);
});

test('readKnownOptions refuses an unknown key before reading any, and ignores undefined ones', () => {
  let reads = 0;
  const o = { get axis() { reads++; return 0; }, axes: 1 };
  expect(() => readKnownOptions(o as never, ['axis'], 'sort')).toThrow("sort() got an unexpected keyword argument 'axes'");
  expect(reads).toBe(0);
  expect(readKnownOptions({ axis: 0, extra: undefined } as never, ['axis'], 'sort')).toEqual({ axis: 0 });
  expect(readKnownOptions(undefined, ['axis'] as never, 'sort')).toEqual({});
});

test("unexpectedKeyword names the camelCase option a snake_case key stands for", () => {
  expect(unexpectedKeyword('unique', 'return_counts', ['returnCounts']).message).toBe(
    "unique() got an unexpected keyword argument 'return_counts' (mmarray spells it 'returnCounts')");
  expect(unexpectedKeyword('unique', 'return_count', ['returnCounts']).message).toBe("unique() got an unexpected keyword argument 'return_count'");
});

test('every sort/search/fancy/join call refuses an unknown option instead of ignoring it', () => {
  const a = arange(6);
  expect(() => unique(a, { return_counts: true } as never)).toThrow(/'return_counts' \(mmarray spells it 'returnCounts'\)/);
  expect(() => unique(a, { return_inverse: true } as never)).toThrow(/'returnInverse'/);
  expect(() => sort(a, { axes: 0 } as never)).toThrow("sort() got an unexpected keyword argument 'axes'");
  expect(() => sortInPlace(a, { axes: 0 } as never)).toThrow(TypeError);
  expect(() => a.sort({ kidn: 'stable' } as never)).toThrow(TypeError);
  expect(() => argsort(a, { kidn: 'stable' } as never)).toThrow("argsort() got an unexpected keyword argument 'kidn'");
  expect(() => searchsorted(a, 2, { sides: 'right' } as never)).toThrow("searchsorted() got an unexpected keyword argument 'sides'");
  expect(() => bincount(a, { min_length: 3 } as never)).toThrow("bincount() got an unexpected keyword argument 'min_length'");
  expect(() => take(a, [1], { axsi: 0 } as never)).toThrow("take() got an unexpected keyword argument 'axsi'");
  expect(() => put(zeros(3), [1], 5, { mdoe: 'wrap' } as never)).toThrow("put() got an unexpected keyword argument 'mdoe'");
  expect(() => compress([true], a, { axes: 0 } as never)).toThrow("compress() got an unexpected keyword argument 'axes'");
  expect(() => concatenate([a, a], { axes: 0 } as never)).toThrow("concatenate() got an unexpected keyword argument 'axes'");
  expect(() => stack([a, a], { axes: 0 } as never)).toThrow("stack() got an unexpected keyword argument 'axes'");
  expect(() => sum(zeros([2, 2]), 0, { keep_dims: true } as never)).toThrow("sum() got an unexpected keyword argument 'keep_dims'");
  // The known spellings work as before.
  expect(unique(a, { returnCounts: true, returnInverse: undefined }).counts!.size).toBe(6);
  expect(searchsorted(a, 2, { side: 'right' }).toArray()).toBe(3n);
});

test('fromBuffer, ndarray, asStrided and astype refuse unknown options too', () => {
  const { fromBuffer, ndarray, asStrided } = require('../lib/create') as typeof import('../lib/create');
  const buf = new Float64Array(4);
  expect(() => fromBuffer(buf, '<f8', { read_only: true } as never)).toThrow("fromBuffer() got an unexpected keyword argument 'read_only'");
  expect(() => ndarray([2], '<f8', buf, { offest: 8 } as never)).toThrow("ndarray() got an unexpected keyword argument 'offest'");
  const a = fromBuffer(buf, '<f8');
  expect(() => asStrided(a, [2], [8], { writable: true } as never)).toThrow("asStrided() got an unexpected keyword argument 'writable'");
  expect(() => a.astype('<f4', { casing: 'unsafe' } as never)).toThrow("astype() got an unexpected keyword argument 'casing'");
  expect(fromBuffer(buf, '<f8', { count: 2, offset: 8 }).shape).toEqual([2]);
  expect(a.astype('<f4', { casting: 'same_kind' }).dtype.str).toBe('<f4');
});

test('trace, cross, countNonzero, the gufuncs and the linalg functions refuse unknown options too (they were ignored)', () => {
  const m = require('../lib') as typeof import('../lib');
  const e = m.eye(3);
  const v = m.ones([3]);
  expect(() => m.trace(e, 0, 0, 1, { dtyp: 'f4' } as never)).toThrow("trace() got an unexpected keyword argument 'dtyp'");
  expect(() => m.cross(v, v, { axiss: 0 } as never)).toThrow("cross() got an unexpected keyword argument 'axiss'");
  expect(() => m.countNonzero(e, null, { keep_dims: true } as never)).toThrow("countNonzero() got an unexpected keyword argument 'keep_dims'");
  expect(() => m.matvec(e, v, { outt: v } as never)).toThrow("matvec() got an unexpected keyword argument 'outt'");
  expect(() => m.vecmat(v, e, { outt: v } as never)).toThrow("vecmat() got an unexpected keyword argument 'outt'");
  expect(() => m.linalg.cholesky(e, { uper: true } as never)).toThrow("cholesky() got an unexpected keyword argument 'uper'");
  expect(() => m.linalg.multiDot([e, e], { outt: e } as never)).toThrow("multiDot() got an unexpected keyword argument 'outt'");
  expect(() => m.linalg.diagonal(e, { offst: 1 } as never)).toThrow("diagonal() got an unexpected keyword argument 'offst'");
  expect(() => m.linalg.trace(e, { offst: 1 } as never)).toThrow("trace() got an unexpected keyword argument 'offst'");
  expect(() => m.linalg.cross(v, v, { axiss: 0 } as never)).toThrow("cross() got an unexpected keyword argument 'axiss'");
  expect(() => m.linalg.matrixNorm(e, { keep_dims: true } as never)).toThrow("matrixNorm() got an unexpected keyword argument 'keep_dims'");
  expect(() => m.linalg.vectorNorm(e, { keepdim: true } as never)).toThrow("vectorNorm() got an unexpected keyword argument 'keepdim'");
  // The known spellings work as before.
  expect(m.trace(e, 0, 0, 1, { dtype: 'f4' }).dtype.str).toBe('<f4');
  expect(m.linalg.trace(e, { offset: 1 }).get()).toBe(0);
  expect(m.countNonzero(e, { axis: 0, keepdims: true }).shape).toEqual([1, 3]);
});

test('the async calls reject an unknown async option (a misspelt signal was ignored: the call could not be aborted)', async () => {
  const m = require('../lib') as typeof import('../lib');
  const a = m.arange(1000);
  await expect(m.sumAsync(a, { signall: new AbortController().signal } as never)).rejects.toThrow("sumAsync() got an unexpected keyword argument 'signall'");
  await expect(m.copyAsync(a, 'C', { thread: 2 } as never)).rejects.toThrow("copyAsync() got an unexpected keyword argument 'thread'");
  await expect(m.forEachAsync(a, () => undefined, { signl: null } as never)).rejects.toThrow("forEachAsync() got an unexpected keyword argument 'signl'");
  await expect(m.fillAsync(m.zeros([4]), 1, { onprogress: () => undefined } as never)).rejects.toThrow("fillAsync() got an unexpected keyword argument 'onprogress'");
  expect(await m.sumAsync(a, { threads: 2 })).toBe(499500n);
});

test('sortAsync, argsortAsync and astypeAsync reject an unknown option (it was ignored)', async () => {
  const m = require('../lib') as typeof import('../lib');
  const a = m.arange(3);
  await expect(m.sortAsync(a, { kindd: 'stable' } as never)).rejects.toThrow("sortAsync() got an unexpected keyword argument 'kindd'");
  await expect(m.argsortAsync(a, { axes: 0 } as never)).rejects.toThrow("argsortAsync() got an unexpected keyword argument 'axes'");
  await expect(m.astypeAsync(a, 'f4', { casing: 'unsafe' } as never)).rejects.toThrow("astypeAsync() got an unexpected keyword argument 'casing'");
  expect((await m.astypeAsync(a, 'f4', { casting: 'unsafe', threads: 2 })).dtype.str).toBe('<f4');
});

describe("axisInOptions: NumPy's axis keyword in the options object", () => {
  test('a plain object in the axis slot is the options; its axis key the axis', () => {
    type O = { keepdims?: boolean };
    expect(axisInOptions<number, O>('f', { axis: 1, keepdims: true }, undefined)).toEqual([1, { keepdims: true }]);
    expect(axisInOptions<number, O>('f', { keepdims: true }, {})).toEqual([undefined, { keepdims: true }]);
    expect(axisInOptions<number, O>('f', 2, { keepdims: true })).toEqual([2, { keepdims: true }]);
    expect(axisInOptions('f', [0, 1], undefined)).toEqual([[0, 1], undefined]);
    expect(axisInOptions('f', null, null)).toEqual([null, null]);
    expect(() => axisInOptions<number, O>('f', { axis: 1 }, { keepdims: true })).toThrow('f() got options twice');
  });

  test('every axis-taking reduction accepts it (cumsum, variance, nan-reductions, maximumAccumulate)', () => {
    const a = lib.arange(12, 'f8').reshape(3, 4);
    const same = (x: lib.NdArray, y: lib.NdArray): void => expect([x.shape, x.toArray()]).toEqual([y.shape, y.toArray()]);
    same(lib.cumsum(a, { axis: 0 }), lib.cumsum(a, 0));
    same(lib.cumprod(a, { axis: 1, dtype: '<f4' }), lib.cumprod(a, 1, { dtype: '<f4' }));
    same(lib.variance(a, { axis: 1, ddof: 1 }), lib.variance(a, 1, { ddof: 1 }));
    same(lib.std(a, { axis: 0 }), lib.std(a, 0));
    same(lib.nansum(a, { axis: 1 }), lib.nansum(a, 1));
    same(lib.nanmean(a, { axis: 0, keepdims: true }), lib.nanmean(a, 0, { keepdims: true }));
    same(lib.nanargmax(a, { axis: 1 }), lib.nanargmax(a, 1));
    same(lib.maximumAccumulate(a, { axis: 1 }), lib.maximumAccumulate(a, 1));
    same(lib.maximumAccumulate(a, {}), lib.maximumAccumulate(a, 0));
  });
});

describe("NumPy's positional parameters after a reduction's axis: dtype, out, ddof, keepdims, as NumPy orders them", () => {
  // np.argmax(a, 0, out) writes `out`; read as an options object, an NdArray had
  // none of the keys, so `out` was left as it was and a new array came back; then it
  // was refused. Now each reduction takes NumPy's positional parameters after the axis.
  const a = lib.asarray([[1.5, 2.5], [3.5, -4.5]]);
  test.each([
    ['argmax', (o: lib.NdArray) => lib.argmax(a, 0, o)],
    ['max', (o: lib.NdArray) => lib.max(a, 0, o)],
    ['any', (o: lib.NdArray) => lib.any(a, 0, o)],
    ['nanargmax', (o: lib.NdArray) => lib.nanargmax(a, 0, o)],
    ['sum', (o: lib.NdArray) => lib.sum(a, 0, null, o)],
    ['mean', (o: lib.NdArray) => lib.mean(a, 0, null, o)],
    ['nansum', (o: lib.NdArray) => lib.nansum(a, 0, null, o)],
    ['variance', (o: lib.NdArray) => lib.variance(a, 0, null, o)],
    ['cumsum', (o: lib.NdArray) => lib.cumsum(a.index(0), 0, null, o)],
    ['argmax', (o: lib.NdArray) => a.argmax(0, o)],
    ['sum', (o: lib.NdArray) => a.sum(0, null, o)],
  ])('%s with NumPy\'s positional out writes it and returns it', (name, call) => {
    const out = lib.zeros([2], name.includes('arg') ? 'i8' : name === 'any' ? '?' : 'f8');
    expect(call(out)).toBe(out);
    const want = { argmax: [1n, 0n], nanargmax: [1n, 0n], max: [3.5, 2.5], any: [true, true], sum: [5, -2], nansum: [5, -2], mean: [2.5, -1], variance: [1, 12.25], cumsum: [1.5, 4] }[name];
    expect(out.toArray()).toEqual(want);
  });

  test("an array where the dtype goes (np.sum(a, 0, out) is NumPy's TypeError too) says where out goes; out is untouched", () => {
    const out = lib.zeros([2]);
    for (const [name, f] of [['sum', lib.sum], ['mean', lib.mean], ['variance', lib.variance], ['cumsum', lib.cumsum]] as const) {
      expect(() => (f as (x: lib.NdArray, ax: number, o: lib.NdArray) => unknown)(a, 0, out)).toThrow(
        new TypeError(`${name}(): dtype must be a data type, got an array (out is NumPy's next argument: pass null for the dtype first, or { out })`),
      );
    }
    expect(out.toArray()).toEqual([0, 0]);
  });

  test('dtype, ddof, keepdims and initial positionally give what the options give', () => {
    expect(lib.sum(a, 0, 'f4').dtype.str).toBe('<f4');
    expect(lib.prod(a, 0, 'f4').toArray()).toEqual(lib.prod(a, 0, { dtype: 'f4' }).toArray());
    expect(a.std(0, null, null, 1).toArray()).toEqual(a.std(0, { ddof: 1 }).toArray());
    expect(lib.variance(a, 1, null, null, 1, true).toArray()).toEqual(lib.variance(a, 1, { ddof: 1, keepdims: true }).toArray());
    expect(a.max(0, null, true).shape).toEqual([1, 2]);
    expect(a.min(null, null, false, -10).get()).toBe(-10);
    expect(lib.sum(a, 0, null, null, true).shape).toEqual([1, 2]);
    expect(lib.median(a, 0, null, false, true).shape).toEqual([1, 2]);
    expect(lib.quantile(a, 0.5, 1, null, false, 'lower').toArray()).toEqual([1.5, -4.5]);
    expect(lib.average(a, 0, [1, 3], true).map((x: lib.NdArray) => x.toArray())).toEqual([[3, -2.75], [4, 4]]);
    expect(lib.sum(a, 0, { out: lib.zeros([2]) }).toArray()).toEqual([5, -2]);
    expect(lib.sum(a, 0, null).toArray()).toEqual([5, -2]);
  });

  test('a value given both ways, or too many, is a TypeError', () => {
    expect(() => lib.sum(a, 0, 'f4', { dtype: 'f8' } as never)).toThrow(new TypeError("sum() got multiple values for argument 'dtype'"));
    expect(() => (lib.argmax as (...x: unknown[]) => unknown)(a, 0, null, true)).toThrow(new TypeError('argmax() takes at most 1 argument(s) after its inputs (out), got 2'));
    expect(() => (lib.countNonzero as (...x: unknown[]) => unknown)(a, 0, 5)).toThrow(new TypeError('countNonzero() takes its options as an object, got 5'));
    expect(() => (lib.countNonzero as (...x: unknown[]) => unknown)(a, 0, {}, 5)).toThrow(new TypeError('countNonzero() takes its options as an object after the axis, got 2 more arguments'));
  });

  test('the two-output ufuncs refuse positional outputs (np.modf(x, o1, o2)) as every ufunc does', () => {
    const x = lib.asarray([1.5, -2.25]);
    const o1 = lib.zeros([2]);
    const o2 = lib.zeros([2]);
    const words = (f: string): string => `${f}() takes its inputs then an options object ({ out, where, casting, dtype, order }), got an NdArray after the inputs`;
    expect(() => lib.modf(x, o1 as never)).toThrow(new TypeError(words('modf')));
    expect(() => lib.frexp(x, o1 as never)).toThrow(new TypeError(words('frexp')));
    expect(() => lib.divmod(x, 1, o1 as never)).toThrow(new TypeError(words('divmod')));
    expect([o1.toArray(), o2.toArray()]).toEqual([[0, 0], [0, 0]]);
    const [frac, whole] = lib.modf(x, { out: [o1, o2] });
    expect(frac).toBe(o1);
    expect(whole).toBe(o2);
    expect([o1.toArray(), o2.toArray()]).toEqual([[0.5, -0.25], [1, -2]]);
  });
});

describe("NumPy's positional axis of sort, argsort, partition, argpartition and compress", () => {
  // np.sort(a, 0), a.sort(0), np.partition(a, 1, 0), np.compress(c, a, 0): the axis
  // positionally, as NumPy's signatures take it (it was "takes its options as an object").
  const a = lib.asarray([[3, 1, 5], [2, 4, 0]]);
  const same = (x: lib.NdArray, y: lib.NdArray): void => expect([x.shape, x.toArray()]).toEqual([y.shape, y.toArray()]);
  test('the same calls as the options forms, functions and methods', () => {
    same(lib.sort(a, 0), lib.sort(a, { axis: 0 }));
    expect(lib.sort(a, 0).toArray()).toEqual([[2n, 1n, 0n], [3n, 4n, 5n]]);
    same(lib.sort(a, null), lib.sort(a, { axis: null }));
    same(lib.sort(a, 0, { kind: 'stable' }), lib.sort(a, { axis: 0 }));
    same(lib.argsort(a, 0), lib.argsort(a, { axis: 0 }));
    same(a.argsort(0), lib.argsort(a, { axis: 0 }));
    same(a.copy().sort(0), lib.sort(a, { axis: 0 }));
    same(lib.partition(a, 1, 0), lib.partition(a, 1, { axis: 0 }));
    same(lib.argpartition(a, 1, 0), lib.argpartition(a, 1, { axis: 0 }));
    same(a.copy().partition(0, 0), lib.partition(a, 0, { axis: 0 }));
    same(a.argpartition(0, 0), lib.argpartition(a, 0, { axis: 0 }));
    same(lib.compress([true, false], a, 0), lib.compress([true, false], a, { axis: 0 }));
    expect(lib.compress([true, false], a, 0).toArray()).toEqual([[3n, 1n, 5n]]);
    same(a.compress([false, true, true], 1), lib.compress([false, true, true], a, { axis: 1 }));
    const out = lib.zeros([1, 3], 'i8');
    expect(lib.compress([true, false], a, 0, { out })).toBe(out);
  });

  test('the axis in both places is a TypeError, as Python\'s "got multiple values"', () => {
    expect(() => lib.sort(a, 0, { axis: 1 })).toThrow(new TypeError("sort() got multiple values for argument 'axis'"));
    expect(() => lib.argsort(a, { axis: 0 }, { kind: 'stable' })).toThrow('argsort() got options twice');
    expect(() => lib.compress([true], a, 0, { axis: 0 })).toThrow(new TypeError("compress() got multiple values for argument 'axis'"));
  });
});

describe("NumPy's positional second argument, or the options", () => {
  const { array, cov, corrcoef, trapezoid, histogram, histogram2d, histogramdd, histogramBinEdges } = lib;
  const x = array([1, 2, 2, 3, 7], 'f8');
  const y = array([3, 1, 0, 2, 5], 'f8');
  test('cov(m, y), corrcoef(x, y), trapezoid(y, x), bincount(x, weights) and the histograms with bins: the same calls as the keyword forms', () => {
    expect(cov(x, y).toArray()).toEqual(cov(x, { y }).toArray());
    expect(cov(x, [3, 1, 0, 2, 5]).toArray()).toEqual(cov(x, { y }).toArray());
    expect(cov(x, y, { bias: true }).toArray()).toEqual(cov(x, { y, bias: true }).toArray());
    expect(corrcoef(x, y).toArray()).toEqual(corrcoef(x, { y }).toArray());
    expect(trapezoid(y, x).get()).toBe(trapezoid(y, { x }).get());
    expect(trapezoid(y, [0, 1, 3, 4, 8]).get()).toBe(trapezoid(y, { x: [0, 1, 3, 4, 8] }).get());
    const w = array([0.5, 1, 1, 2], 'f8');
    expect(bincount(array([0, 1, 1, 3], 'i8'), w).toArray()).toEqual([0.5, 2, 0, 2]);
    expect(bincount(array([0, 1, 1, 3], 'i8'), w, { minlength: 6 }).toArray()).toEqual([0.5, 2, 0, 2, 0, 0]);
    expect(histogram(x, 3)[0].toArray()).toEqual(histogram(x, { bins: 3 })[0].toArray());
    expect(histogram(x, 'auto')[1].toArray()).toEqual(histogram(x, { bins: 'auto' })[1].toArray());
    expect(histogram(x, [0, 2, 8], { density: true })[0].toArray()).toEqual(histogram(x, { bins: [0, 2, 8], density: true })[0].toArray());
    expect(histogramBinEdges(x, 3).toArray()).toEqual([1, 3, 5, 7]);
    expect(histogram2d(x, y, 2).hist.toArray()).toEqual(histogram2d(x, y, { bins: 2 }).hist.toArray());
    expect(histogramdd(x.reshape([5, 1]), 2).hist.toArray()).toEqual([4, 1]);
  });

  test('the value in both places is a TypeError; a list or an array where only options go is one too', () => {
    expect(() => cov(x, y, { y })).toThrow("cov() got multiple values for argument 'y'");
    expect(() => histogram(x, 3, { bins: 4 })).toThrow("histogram() got multiple values for argument 'bins'");
    expect(() => cov(x, { y }, { bias: true })).toThrow('cov() takes its options object last, got 1 more argument(s) after it');
    // unique's positional values are NumPy's flags (return_index, ...): anything but a boolean there is
    // refused, not read as options with no keys nor as a truthy flag.
    expect(() => unique(x, y as never)).toThrow('unique(): returnIndex must be a boolean, got an array');
    expect(() => unique(x, [1] as never)).toThrow('unique(): returnIndex must be a boolean, got a list');
    expect(() => unique(x, 'sorted' as never)).toThrow("unique(): returnIndex must be a boolean, got 'sorted'");
    expect(() => unique(x, false, new Float64Array(2) as never)).toThrow('unique(): returnInverse must be a boolean, got a typed array');
  });
});

describe("NumPy's positional axis, side, mode and ord", () => {
  const { array, concatenate, stack, take, searchsorted, pad, linalg } = lib;
  const a = array([[1, 2], [3, 4]], 'f8');
  test('concatenate/stack(arrays, axis), take(a, i, axis), searchsorted(a, v, side), pad(a, w, mode), linalg.norm(x, ord, axis): the keyword forms', () => {
    expect(concatenate([a, a], 1).toArray()).toEqual(concatenate([a, a], { axis: 1 }).toArray());
    expect(concatenate([a, a], null).shape).toEqual([8]);
    expect(stack([a, a], 2).shape).toEqual(stack([a, a], { axis: 2 }).shape);
    expect(take(a, array([1], 'i8'), 1).toArray()).toEqual([[2], [4]]);
    expect(a.take(array([1], 'i8'), 1, { mode: 'clip' }).toArray()).toEqual([[2], [4]]);
    const s = array([1, 2, 2, 3], 'f8');
    expect(searchsorted(s, 2, 'right').get()).toBe(3n);
    expect(s.searchsorted(2, 'left').get()).toBe(1n);
    expect(pad(array([1, 2], 'f8'), 1, 'edge').toArray()).toEqual([1, 1, 2, 2]);
    expect(pad(array([1, 2], 'f8'), 1, 'constant', { constantValues: 9 }).toArray()).toEqual([9, 1, 2, 9]);
    // NumPy's norm(a, 1) is the largest column sum (it read the 1 as no options: the Frobenius norm).
    expect(linalg.norm(a, 1).get()).toBe(6);
    expect(linalg.norm(a, null, 1).toArray()).toEqual(linalg.norm(a, { axis: 1 }).toArray());
    expect(linalg.norm(a, 2, 0, { keepdims: true }).shape).toEqual([1, 2]);
    expect(() => linalg.norm(a, 1, null, { ord: 2 })).toThrow("norm() got multiple values for argument 'ord'");
    expect(() => linalg.norm(a, { ord: 1, foo: 2 } as never)).toThrow("norm() got an unexpected keyword argument 'foo'");
    expect(linalg.qr(a, 'r').toArray()).toEqual(linalg.qr(a, { mode: 'r' }).toArray());
  });

  test("fromfile(path, dtype): a string or a DType is the dtype, a plain object the options", () => {
    const p = path.join(os.tmpdir(), `mmarray-fromfile-${process.pid}.bin`);
    fs.writeFileSync(p, Buffer.from(new Float32Array([1.5, 2.5, 3.5]).buffer));
    try {
      expect(lib.fromfile(p, '<f4').toArray()).toEqual([1.5, 2.5, 3.5]);
      expect(lib.fromfile(p, lib.dtype('<f4'), { count: 2 }).toArray()).toEqual([1.5, 2.5]);
      expect(lib.fromfile(p, { dtype: '<f4', offset: 4 }).toArray()).toEqual([2.5, 3.5]);
      expect(() => lib.fromfile(p, '<f4', { dtype: '<f8' })).toThrow("fromfile() got multiple values for argument 'dtype'");
    } finally {
      fs.unlinkSync(p);
    }
  });
});

describe('positionalOptions: NumPy\'s trailing parameters positionally, or one options object last', () => {
  const keys = ['rtol', 'atol', 'equalNan'] as const;
  type O = { rtol?: number; atol?: number; equalNan?: boolean };
  test('values by position, options last, undefined and null left to the default', () => {
    expect(positionalOptions<O>('f', [...keys], [1, 2])).toEqual({ rtol: 1, atol: 2 });
    expect(positionalOptions<O>('f', [...keys], [1, { equalNan: true }])).toEqual({ rtol: 1, equalNan: true });
    expect(positionalOptions<O>('f', [...keys], [{ atol: 3 }])).toEqual({ atol: 3 });
    expect(positionalOptions<O>('f', [...keys], [undefined, null, true])).toEqual({ equalNan: true });
    expect(positionalOptions<O>('f', [...keys], [])).toEqual({});
    // A complex value is a value, not options.
    expect(positionalOptions<{ left?: unknown }>('f', ['left'], [{ re: 1, im: 2 }])).toEqual({ left: { re: 1, im: 2 } });
  });
  test("a value given twice, too many values, or anything after the options is a TypeError", () => {
    expect(() => positionalOptions<O>('f', [...keys], [1, { rtol: 2 }])).toThrow(new TypeError("f() got multiple values for argument 'rtol'"));
    expect(() => positionalOptions<O>('f', [...keys], [1, 2, 3, 4])).toThrow(new TypeError('f() takes at most 3 argument(s) after its inputs (rtol, atol, equalNan), got 4'));
    expect(() => positionalOptions<O>('f', [...keys], [{ rtol: 1 }, 2])).toThrow(/^f\(\) takes its options object last/);
  });
  test('each option is read once', () => {
    let reads = 0;
    const o = {
      get rtol(): number {
        reads++;
        return 1;
      },
    };
    expect(positionalOptions<O>('f', [...keys], [o])).toEqual({ rtol: 1 });
    expect(reads).toBe(1);
  });
});

describeWithNumpy("NumPy's positional trailing parameters: linspace, logspace, geomspace, isclose, allclose, interp, bincount, unique, put, fromfile", () => {
  test('each positional call gives what NumPy gives for it', () => {
    const x = lib.asarray([1, 2, 2, 5, 1], 'i8');
    const cases: Case[] = [
      { py: 'np.linspace(0, 1, 4, False)', js: () => lib.linspace(0, 1, 4, false) },
      { py: "np.linspace(0, 1, 3, True, False, 'f4')", js: () => lib.linspace(0, 1, 3, true, false, 'f4') },
      { py: 'np.linspace([0, 1], [2, 3], 3, True, False, None, 1)', js: () => lib.linspace(lib.asarray([0, 1]), lib.asarray([2, 3]), 3, true, false, null, 1) },
      { py: 'np.linspace(0, 1, 5, True, True)[0]', js: () => (lib.linspace(0, 1, 5, true, true) as [lib.NdArray, unknown])[0] },
      { py: "np.logspace(0, 2, 3, True, 2, 'f4')", js: () => lib.logspace(0, 2, 3, true, 2, 'f4') },
      { py: 'np.logspace(0, 2, 3, False)', js: () => lib.logspace(0, 2, 3, false) },
      { py: "np.geomspace(1, 100, 3, False, 'f4')", js: () => lib.geomspace(1, 100, 3, false, 'f4') },
      { py: 'np.isclose([1, 1], [1.001, 1.1], 1e-2)', js: () => lib.isclose([1, 1], [1.001, 1.1], 1e-2) },
      { py: 'np.isclose([1, 1], [1.001, 1.1], 0, 1e-2)', js: () => lib.isclose([1, 1], [1.001, 1.1], 0, 1e-2) },
      { py: 'np.isclose([np.nan, 1], [np.nan, 1], 1e-5, 1e-8, True)', js: () => lib.isclose([NaN, 1], [NaN, 1], 1e-5, 1e-8, true) },
      { py: 'np.array(np.allclose([1, 1], [1.001, 1.002], 1e-2))', js: () => lib.asarray(lib.allclose([1, 1], [1.001, 1.002], 1e-2)) },
      { py: 'np.interp([0, 1.5, 9], [1, 2], [3, 4], -1, 10)', js: () => lib.interp([0, 1.5, 9], [1, 2], [3, 4], -1, 10) },
      { py: 'np.interp([0, 1.5, 9], [1, 2], [3, 4], None, None, 4)', js: () => lib.interp([0, 1.5, 9], [1, 2], [3, 4], null, null, 4) },
      { py: `np.bincount(${'np.array([1, 2, 2, 5, 1])'}, None, 8)`, js: () => lib.bincount(x, null, 8) },
      { py: `np.bincount(${'np.array([1, 2, 2, 5, 1])'}, np.array([.5, 1, 1, 2, .25]), 7)`, js: () => lib.bincount(x, lib.asarray([0.5, 1, 1, 2, 0.25]), 7) },
      { py: 'np.unique(np.array([1, 2, 2, 5, 1]), True)[1]', js: () => lib.unique(x, true).index },
      { py: 'np.unique(np.array([1, 2, 2, 5, 1]), False, True, True)[2]', js: () => lib.unique(x, false, true, true).counts },
      { py: 'np.unique(np.array([[1, 2], [1, 2]]), None, None, None, 0)', js: () => lib.unique(lib.asarray([[1, 2], [1, 2]]), null, null, null, 0).values },
      { py: "(lambda b: (np.put(b, [5, -9], [7, 8], 'clip'), b)[1])(np.zeros(3))", js: () => { const b = lib.zeros([3]); lib.put(b, [5, -9], [7, 8], 'clip'); return b; } },
      { py: "(lambda b: (b.put([5], [7], 'wrap'), b)[1])(np.zeros(3))", js: () => { const b = lib.zeros([3]); b.put([5], [7], 'wrap'); return b; } },
      { py: "(lambda b: (np.put(b, [5], [7], 'x'), b)[1])(np.zeros(3))", js: () => { const b = lib.zeros([3]); lib.put(b, [5], [7], 'x' as never); return b; } },
    ];
    expectCasesLikeNumpy(cases);
  });

  test('fromfile(path, dtype, count, sep, offset) is np.fromfile', () => {
    const p = path.join(os.tmpdir(), `mmarray-fromfile-pos-${process.pid}.bin`);
    fs.writeFileSync(p, Buffer.from(new Float32Array([1.5, 2.5, 3.5, 4.5]).buffer));
    try {
      const cases: Case[] = [
        { py: `np.fromfile(${JSON.stringify(p)}, '<f4', 2)`, js: () => lib.fromfile(p, '<f4', 2) },
        { py: `np.fromfile(${JSON.stringify(p)}, '<f4', -1, '', 4)`, js: () => lib.fromfile(p, '<f4', -1, '', 4) },
        { py: `np.fromfile(${JSON.stringify(p)}, '<f4', 1, '', 8)`, js: () => lib.fromfile(p, '<f4', 1, '', 8) },
      ];
      expectCasesLikeNumpy(cases);
      expect(() => lib.fromfile(p, '<f4', 2, { count: 1 })).toThrow("fromfile() got multiple values for argument 'count'");
    } finally {
      fs.unlinkSync(p);
    }
  });

  test("reductions and methods with NumPy's positional parameters after the axis", () => {
    const a = lib.asarray([[1.5, 2.5, -1], [3.5, -4.5, 7], [0, 2, 2]]);
    const A = 'np.array([[1.5, 2.5, -1], [3.5, -4.5, 7], [0, 2, 2]])';
    const cases: Case[] = [
      { py: `np.std(${A}, 0, None, None, 1)`, js: () => lib.std(a, 0, null, null, 1) },
      { py: `${A}.var(1, 'f4', None, 2, True)`, js: () => a.var(1, 'f4', null, 2, true) },
      { py: `np.sum(${A}, 1, 'f4', None, True)`, js: () => lib.sum(a, 1, 'f4', null, true) },
      { py: `${A}.sum(0, None, None, False, 10)`, js: () => a.sum(0, null, null, false, 10) },
      { py: `np.prod(${A}, 0, None, None, False, 1, ${A} > 0)`, js: () => lib.prod(a, 0, null, null, false, 1, lib.greater(a, 0)) },
      { py: `np.mean(${A}, 0, 'f4', None, True)`, js: () => lib.mean(a, 0, 'f4', null, true) },
      { py: `${A}.max(1, None, True)`, js: () => a.max(1, null, true) },
      { py: `np.min(${A}, 0, None, False, -2, ${A} > 2)`, js: () => lib.min(a, 0, null, false, -2, lib.greater(a, 2)) },
      { py: `np.any(${A} > 3, 0, None, True)`, js: () => lib.any(lib.greater(a, 3), 0, null, true) },
      { py: `np.cumsum(${A}, 1, 'f4')`, js: () => lib.cumsum(a, 1, 'f4') },
      { py: `${A}.cumprod(0, 'f4')`, js: () => a.cumprod(0, 'f4') },
      { py: `np.nanstd(${A}, 0, None, None, 1, True)`, js: () => lib.nanstd(a, 0, null, null, 1, true) },
      { py: `np.nansum(${A}, 1, 'f4')`, js: () => lib.nansum(a, 1, 'f4') },
      { py: `np.median(${A}, 1, None, False, True)`, js: () => lib.median(a, 1, null, false, true) },
      { py: `np.percentile(${A}, 30, 0, None, False, 'nearest', True)`, js: () => lib.percentile(a, 30, 0, null, false, 'nearest', true) },
      { py: `np.ptp(${A}, 1, None, True)`, js: () => lib.ptp(a, 1, null, true) },
      { py: `np.average(${A}, 1, [1, 2, 3])`, js: () => lib.average(a, 1, [1, 2, 3]) },
      { py: `np.average(${A}, 1, [1, 2, 3], False, keepdims=True)`, js: () => lib.average(a, 1, [1, 2, 3], false, { keepdims: true }) },
      // take(a, i, axis, out, mode), compress(c, a, axis, out), choose(a, choices, out, mode) and their methods.
      { py: `${A}.take([5, -7], 1, None, 'clip')`, js: () => a.take([5, -7], 1, null, 'clip') },
      { py: `np.take(${A}, [10, 11], None, None, 'wrap')`, js: () => lib.take(a, [10, 11], null, null, 'wrap') },
      { py: `(lambda o: (np.take(${A}, [2, 0], 0, o), o)[1])(np.zeros((2, 3)))`, js: () => { const o = lib.zeros([2, 3]); lib.take(a, [2, 0], 0, o); return o; } },
      { py: `(lambda o: (np.compress([1, 0, 1], ${A}, 1, o), o)[1])(np.zeros((3, 2)))`, js: () => { const o = lib.zeros([3, 2]); lib.compress([1, 0, 1], a, 1, o); return o; } },
      { py: `np.array([0, 5, 1]).choose([[1, 2, 3], [4, 5, 6]], mode='clip')`, js: () => lib.asarray([0, 5, 1]).choose([[1, 2, 3], [4, 5, 6]], { mode: 'clip' }) },
      { py: `np.choose([0, 3, 1], [[1, 2, 3], [4, 5, 6]], None, 'wrap')`, js: () => lib.choose([0, 3, 1], [[1, 2, 3], [4, 5, 6]], null, 'wrap') },
    ];
    expectCasesLikeNumpy(cases);
  });

  test("the rest of NumPy's positional parameters: trapezoid, digitize, cov, corrcoef, nanToNum, arrayEqual, the set operations, copyto, packbits, unpackbits, ediff1d, trimZeros, angle, lexsort, cross", () => {
    const m = lib.asarray([[0, 7, 1], [4, -3, 9]]);
    const M = 'np.array([[0, 7, 1], [4, -3, 9]])';
    const bools = lib.asarray([[true, false, true], [false, false, true]]);
    const B = 'np.array([[True, False, True], [False, False, True]])';
    const cases: Case[] = [
      { py: `np.trapezoid(${M}, None, 0.5, 0)`, js: () => lib.trapezoid(m, null, 0.5, 0) },
      { py: `np.trapezoid(${M}, [1, 2, 4], 1.0, 1)`, js: () => lib.trapezoid(m, [1, 2, 4], 1.0, 1) },
      { py: `np.trapezoid(${M}, [1, 3], None, 0)`, js: () => lib.trapezoid(m, [1, 3], null, 0) },
      { py: 'np.digitize([1, 2, 3], [1, 2, 3], True)', js: () => lib.digitize([1, 2, 3], [1, 2, 3], true) },
      { py: `np.cov(${M}, None, False)`, js: () => lib.cov(m, null, false) },
      { py: `np.cov(${M}, None, True, True)`, js: () => lib.cov(m, null, true, true) },
      { py: `np.cov(${M}, None, True, False, 0, [1, 2, 1])`, js: () => lib.cov(m, null, true, false, 0, [1, 2, 1]) },
      { py: `np.cov(${M}, None, True, False, None, None, [1, 2, 1])`, js: () => lib.cov(m, null, true, false, null, null, [1, 2, 1]) },
      { py: "np.cov([1, 2, 4], [2, 2, 8], True, dtype='f4')", js: () => lib.cov([1, 2, 4], [2, 2, 8], true, { dtype: 'f4' }) },
      { py: 'np.corrcoef([[1, 2], [2, 4], [3, 5]], None, False)', js: () => lib.corrcoef([[1, 2], [2, 4], [3, 5]], null, false) },
      { py: 'np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1]), True, 5.0, 7.0, -7.0)', js: () => lib.nanToNum(lib.asarray([NaN, Infinity, -Infinity, 1]), true, 5.0, 7.0, -7.0) },
      { py: '(lambda a: (np.nan_to_num(a, False, 3.0), a)[1])(np.array([np.nan, 1]))', js: () => { const a = lib.asarray([NaN, 1]); lib.nanToNum(a, false, 3.0); return a; } },
      { py: 'np.array(np.array_equal([1, np.nan], [1, np.nan], True))', js: () => lib.asarray(lib.arrayEqual([1, NaN], [1, NaN], true)) },
      { py: 'np.isin([1, 2, 3], [2, 5], True, True)', js: () => lib.isin([1, 2, 3], [2, 5], true, true) },
      { py: "np.isin([1, 2, 3], [2, 5], False, False, kind='table')", js: () => lib.isin([1, 2, 3], [2, 5], false, false, { kind: 'table' }) },
      { py: 'np.intersect1d([3, 1, 2], [2, 3, 9], True)', js: () => lib.intersect1d([3, 1, 2], [2, 3, 9], true) },
      { py: 'np.intersect1d([3, 1, 2, 1], [2, 3, 9], False, True)[1]', js: () => lib.intersect1d([3, 1, 2, 1], [2, 3, 9], false, true).indices1 },
      { py: 'np.setdiff1d([3, 1, 2], [2], True)', js: () => lib.setdiff1d([3, 1, 2], [2], true) },
      { py: 'np.setxor1d([3, 1, 2], [2, 4], True)', js: () => lib.setxor1d([3, 1, 2], [2, 4], true) },
      { py: "(lambda d: (np.copyto(d, np.array([1.5, 2.5, 3.5]), 'unsafe', [True, False, True]), d)[1])(np.zeros(3, 'i4'))", js: () => { const d = lib.zeros([3], 'i4'); lib.copyto(d, lib.asarray([1.5, 2.5, 3.5]), 'unsafe', [true, false, true]); return d; } },
      { py: "(lambda d: (np.copyto(d, np.array([1.5, 2.5, 3.5]), 'same_kind'), d)[1])(np.zeros(3, 'i4'))", js: () => { const d = lib.zeros([3], 'i4'); lib.copyto(d, lib.asarray([1.5, 2.5, 3.5]), 'same_kind'); return d; } },
      { py: `np.packbits(${B}, 1, 'little')`, js: () => lib.packbits(bools, 1, 'little') },
      { py: `np.packbits(${B}, 0)`, js: () => lib.packbits(bools, 0) },
      { py: "np.unpackbits(np.array([[5], [200]], 'u1'), 1, 3, 'little')", js: () => lib.unpackbits(lib.asarray([[5], [200]], 'u1'), 1, 3, 'little') },
      { py: "np.unpackbits(np.array([5, 200], 'u1'), None, -4)", js: () => lib.unpackbits(lib.asarray([5, 200], 'u1'), null, -4) },
      { py: 'np.ediff1d([1, 4, 9], [0, 0], 99)', js: () => lib.ediff1d([1, 4, 9], [0, 0], 99) },
      { py: 'np.ediff1d([1, 4, 9], None, -1)', js: () => lib.ediff1d([1, 4, 9], null, -1) },
      { py: "np.trim_zeros(np.array([0, 0, 3, 0]), 'b')", js: () => lib.trimZeros(lib.asarray([0, 0, 3, 0]), 'b') },
      { py: "np.trim_zeros(np.array([[0, 0], [0, 3]]), 'f', 1)", js: () => lib.trimZeros(lib.asarray([[0, 0], [0, 3]]), 'f', 1) },
      { py: 'np.angle(np.array([1j, -1]), True)', js: () => lib.angle(lib.asarray([{ re: 0, im: 1 }, { re: -1, im: 0 }]), true) },
      { py: `np.lexsort(${M}, 0)`, js: () => lib.lexsort(m, 0) },
      { py: 'np.cross([[1, 0], [0, 1], [0, 0]], [[0, 1], [0, 0], [1, 0]], 0, 0, 0)', js: () => lib.cross([[1, 0], [0, 1], [0, 0]], [[0, 1], [0, 0], [1, 0]], 0, 0, 0) },
      { py: 'np.cross([[1, 0], [0, 1], [0, 0]], [[0, 1], [0, 0], [1, 0]], 1, 1, 1, 0)', js: () => lib.cross([[1, 0], [0, 1], [0, 0]], [[0, 1], [0, 0], [1, 0]], 1, 1, 1, 0) },
    ];
    expectCasesLikeNumpy(cases);
    // A value given both ways, too many values, and keyword-only parameters given positionally.
    expect(() => lib.digitize([1], [1, 2], true, { right: false })).toThrow(new TypeError("digitize() got multiple values for argument 'right'"));
    expect(() => lib.cov(m, null, false, false, 1, null, null, 'f4' as never)).toThrow(new TypeError('cov() takes at most 6 argument(s) after its inputs (y, rowvar, bias, ddof, fweights, aweights), got 7'));
    expect(() => lib.isin([1], [1], false, false, 'table' as never)).toThrow(new TypeError('isin() takes at most 2 argument(s) after its inputs (assumeUnique, invert), got 3'));
    expect(() => lib.arrayEqual([1], [1], { equalNan: true } as never, true as never)).toThrow(new TypeError('arrayEqual() takes its options object last, got 1 more argument(s) after it'));
  });

  test("calls that dropped what came after a null: concatenate's dtype, histogram's density, diff's prepend, polyfit's full, unwrap's axis", () => {
    const v = lib.asarray([3, 1, 2]);
    const m = lib.asarray([[0, 7, 1], [4, -3, 9]]);
    const cases: Case[] = [
      // concatenate's dtype and casting are keyword-only: after the axis and a null out they are refused, not dropped.
      { py: "np.concatenate([np.array([3, 1, 2])] * 2, 0, None, dtype='f4')", js: () => lib.concatenate([v, v], 0, null, { dtype: 'f4' }) },
      { py: "np.concatenate([np.array([3, 1, 2])] * 2, None, None, dtype='i2', casting='unsafe')", js: () => lib.concatenate([v, v], null, null, { dtype: 'i2', casting: 'unsafe' }) },
      { py: "(lambda o: (np.concatenate([np.array([3, 1, 2])] * 2, 0, o), o)[1])(np.zeros(6))", js: () => { const o = lib.zeros([6]); lib.concatenate([v, v], 0, o); return o; } },
      { py: "(lambda o: (np.stack([np.array([3, 1, 2])] * 2, 1, o), o)[1])(np.zeros((3, 2)))", js: () => { const o = lib.zeros([3, 2]); lib.stack([v, v], 1, o); return o; } },
      { py: 'np.histogram(np.array([3, 1, 2]), 3, None, True)[0]', js: () => lib.histogram(v, 3, null, true)[0] },
      { py: 'np.histogram(np.array([3, 1, 2]), 2, (0, 4), False, [1, 2, 3])[0]', js: () => lib.histogram(v, 2, [0, 4], false, lib.asarray([1, 2, 3]))[0] },
      { py: 'np.histogram_bin_edges(np.array([3, 1, 2]), 3, (0, 6))', js: () => lib.histogramBinEdges(v, 3, [0, 6]) },
      { py: 'np.histogram2d([1, 2, 3], [3, 1, 2], 2, None, True)[0]', js: () => lib.histogram2d([1, 2, 3], [3, 1, 2], 2, null, true).hist },
      { py: 'np.histogramdd(np.array([[1, 2], [3, 1]]), 2, None, True)[0]', js: () => lib.histogramdd(lib.asarray([[1, 2], [3, 1]]), 2, null, true).hist },
      { py: 'np.diff(np.array([3, 1, 2]), 1, 0, [0])', js: () => lib.diff(v, 1, 0, [0]) },
      { py: 'np.diff(np.array([[0, 7, 1], [4, -3, 9]]), 1, 0, append=5)', js: () => lib.diff(m, 1, 0, undefined, 5) },
      { py: 'np.unwrap(np.array([[0, 7, 1], [4, -3, 9]]), None, 0)', js: () => lib.unwrap(m, null, 0) },
      { py: 'np.unwrap(np.array([[0, 7, 1], [4, -3, 9]]), 4, 1)', js: () => lib.unwrap(m, 4, 1) },
      { py: '(lambda o: (np.round(np.array([1.25, -2.75]), 1, o), o)[1])(np.zeros(2))', js: () => { const o = lib.zeros([2]); lib.round(lib.asarray([1.25, -2.75]), 1, o); return o; } },
      { py: '(lambda o: (np.array([1.25, -2.75]).round(1, o), o)[1])(np.zeros(2))', js: () => { const o = lib.zeros([2]); lib.asarray([1.25, -2.75]).round(1, o); return o; } },
      { py: "np.searchsorted(np.array([3, 1, 2]), 2, 'left', [1, 2, 0])", js: () => lib.searchsorted(v, 2, 'left', lib.asarray([1, 2, 0])) },
      { py: "np.array([3, 1, 2]).astype('i2', 'K', 'safe')", js: () => v.astype('i2', 'K', 'safe') },
      // sort(a, axis, kind, order), argsort, partition(a, kth, axis, kind, order), argpartition, and the methods.
      { py: "np.sort(np.array([[0, 7, 1], [4, -3, 9]]), 0, 'stable')", js: () => lib.sort(m, 0, 'stable') },
      { py: "np.argsort(np.array([[0, 7, 1], [4, -3, 9]]), None, 'mergesort')", js: () => lib.argsort(m, null, 'mergesort') },
      { py: "np.partition(np.array([[0, 7, 1], [4, -3, 9]]), 1, 1, 'introselect')", js: () => lib.partition(m, 1, 1, 'introselect') },
      { py: "np.array([[0, 7, 1], [4, -3, 9]]).argsort(1, 'stable')", js: () => m.argsort(1, 'stable') },
      { py: "(lambda b: (b.sort(0, 'heapsort'), b)[1])(np.array([[0, 7, 1], [4, -3, 9]]))", js: () => { const b = m.copy(); b.sort(0, 'heapsort'); return b; } },
      { py: "np.sort(np.array([[0, 7, 1], [4, -3, 9]]), 0, 'bogus')", js: () => lib.sort(m, 0, 'bogus') },
      // The ufunc methods: reduceat(a, indices, axis, dtype, out), reduce(a, axis, dtype, out, keepdims, …), accumulate(a, axis, dtype).
      { py: '(lambda o: (np.add.reduceat(np.array([[0, 7, 1], [4, -3, 9]]), [0, 2], 1, None, o), o)[1])(np.zeros((2, 2), int))', js: () => { const o = lib.zeros([2, 2], 'i8'); lib.addReduceat(m, [0, 2], 1, null, o); return o; } },
      { py: "np.multiply.reduceat(np.array([[0, 7, 1], [4, -3, 9]]), [0, 1], 0, 'f4')", js: () => lib.multiplyReduceat(m, [0, 1], 0, 'f4') },
      { py: 'np.bitwise_or.reduce(np.array([[0, 7, 1], [4, -3, 9]]), 0, None, None, True)', js: () => lib.bitwiseOrReduce(m, 0, null, null, true) },
      { py: "np.maximum.accumulate(np.array([[0, 7, 1], [4, -3, 9]]), 1, 'f4')", js: () => lib.maximumAccumulate(m, 1, 'f4') },
      { py: "np.array([3, 1, 2]).astype('f4', 'C', 'same_kind', True, False)", js: () => v.astype('f4', 'C', 'same_kind', true, false) },
      { py: "(lambda o: (np.array([[0, 7, 1], [4, -3, 9]]).trace(0, 0, 1, None, o), o)[1])(np.zeros((), 'i8'))", js: () => { const o = lib.zeros([], 'i8'); m.trace(0, 0, 1, null, o); return o; } },
      { py: "np.trace(np.array([[0, 7, 1], [4, -3, 9]]), 1, 0, 1, 'f4')", js: () => lib.trace(m, 1, 0, 1, 'f4') },
      { py: "np.array([3, 1, 2]).searchsorted([2, 3], 'right', [1, 2, 0])", js: () => v.searchsorted(lib.asarray([2, 3]), 'right', lib.asarray([1, 2, 0])) },
    ];
    expectCasesLikeNumpy(cases);
    // polyfit's full and w positionally (LAPACK's rounding differs from NumPy's in the last bits: compared to 1e-12).
    const want = runNumpy<number[][]>('print(json.dumps([np.polyfit([0, 1, 2, 3], [1, 3, 5, 8], 1, None, True)[1].tolist(), np.polyfit([0, 1, 2, 3], [1, 3, 5, 8], 1, None, False, [1, 1, 2, 2]).tolist()]))');
    const full = lib.polyfit([0, 1, 2, 3], [1, 3, 5, 8], 1, null, true);
    const weighted = lib.polyfit([0, 1, 2, 3], [1, 3, 5, 8], 1, null, false, [1, 1, 2, 2]);
    const got = [full.residuals.toArray() as number[], weighted.toArray() as number[]];
    got.forEach((xs, i) => xs.forEach((x, j) => expect(x).toBeCloseTo(want[i][j], 12)));
    expect(got.map((xs) => xs.length)).toEqual(want.map((xs) => xs.length));
  });

  test("linalg's positional flags: svd's compute_uv (dropped after a null), pinv and matrix_rank's hermitian, eigh's UPLO, norm's keepdims", () => {
    const { linalg } = lib;
    const a = lib.asarray([[2, 1], [1, 3]], 'f8');
    const want = runNumpy<unknown[]>(`
a = np.array([[2., 1.], [1., 3.]])
print(json.dumps([np.linalg.svd(a, None, False).shape, np.linalg.svd(a, False, False, True).tolist(), int(np.linalg.matrix_rank(a, None, True)),
                  np.linalg.pinv(a, None, True).tolist(), np.linalg.eigvalsh(a, 'U').tolist(), np.linalg.norm(a, None, 1, True).tolist()]))`);
    const got = [
      linalg.svd(a, null, false).shape,
      linalg.svd(a, false, false, true).toArray(),
      Number(linalg.matrixRank(a, null, true).get()),
      linalg.pinv(a, null, true).toArray(),
      linalg.eigvalsh(a, 'U').toArray(),
      linalg.norm(a, null, 1, true).toArray(),
    ];
    const close = (x: unknown, y: unknown): void => {
      if (Array.isArray(x)) (x as unknown[]).forEach((v, i) => close(v, (y as unknown[])[i]));
      else if (typeof x === 'number') expect(x).toBeCloseTo(y as number, 12);
      else expect(x).toEqual(y);
    };
    close(got, want);
    expect(() => linalg.svd(a, null, 'no' as never)).toThrow(TypeError);
  });

  test("concatenate's dtype positionally is refused (NumPy's is keyword-only), not dropped", () => {
    const v = lib.asarray([3, 1, 2]);
    expect(() => (lib.concatenate as (...x: unknown[]) => unknown)([v, v], 0, null, 'f4')).toThrow(new TypeError('concatenate() takes at most 1 argument(s) after its inputs (out), got 2'));
  });

  test("a.choose takes out and mode by keyword only, as NumPy's method (its positional arguments are choices)", () => {
    const i = lib.asarray([0, 5, 1]);
    expect(() => (i.choose as (...x: unknown[]) => unknown)([[1, 2, 3], [4, 5, 6]], null, 'clip')).toThrow(/^a\.choose\(\) takes out and mode in its options object/);
    expect(() => i.choose([[1, 2, 3], [4, 5, 6]], lib.zeros([3]) as never)).toThrow(TypeError);
  });

  test('a misspelt option names the call itself (allclose said isclose)', () => {
    expect(() => lib.allclose(1, 1, { rtl: 1 } as never)).toThrow(new TypeError("allclose() got an unexpected keyword argument 'rtl'"));
    expect(() => lib.isclose(1, 1, 1e-3, { rtol: 1 })).toThrow(new TypeError("isclose() got multiple values for argument 'rtol'"));
  });
});

describeWithNumpy("NumPy's positional parameters of the constructors, files and index helpers: asarray, ndarray, memmap, load, loadtxt, savetxt, unravelIndex, ravelMultiIndex, reshape, copy", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-positional-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const m = lib.asarray([[0, 7, 1], [4, -3, 9]]);
  const M = 'np.array([[0, 7, 1], [4, -3, 9]])';

  test('each call gives what NumPy gives for it', () => {
    const bin = path.join(dir, 'f8.bin');
    fs.writeFileSync(bin, Buffer.from(new Float64Array([1.5, 2.5, 3.5, 4.5, 5.5, 6.5]).buffer));
    const npy = path.join(dir, 'a.npy');
    lib.saveNpy(npy, lib.asarray([[1, 2], [3, 4]], '<i4'));
    const csv = path.join(dir, 'a.csv');
    fs.writeFileSync(csv, '% a comment\n1;2;3\n4;5;6\n7;8;9\n');
    const B = 'bytes(range(48))';
    const buf = Buffer.from(Array.from({ length: 48 }, (_, i) => i));
    const cases: Case[] = [
      { py: `np.asarray(${M}, 'f4', 'F')`, js: () => lib.asarray(m, 'f4', 'F') },
      { py: `np.asarray([[1, 2], [3, 4]], None, 'F')`, js: () => lib.asarray([[1, 2], [3, 4]], null, 'F') },
      { py: `np.ndarray((2, 3), '<i2', ${B}, 8, (2, 4))`, js: () => lib.ndarray([2, 3], '<i2', buf, 8, [2, 4]) },
      { py: `np.ndarray((2, 3), '<i2', ${B}, 4, None, 'F')`, js: () => lib.ndarray([2, 3], '<i2', buf, 4, null, 'F') },
      { py: `np.ndarray((2, 3), '<i2', ${B}, 0, (12, 2), 'F')`, js: () => lib.ndarray([2, 3], '<i2', buf, 0, [12, 2], 'F') },
      { py: `np.ndarray((2,), 'f8', None, 0, (16,))`, js: () => lib.ndarray([2], 'f8', null, 0, [16]) },
      { py: `np.memmap(${JSON.stringify(bin)}, '<f8', 'r', 8, (2, 2), 'F')`, js: () => lib.memmap(bin, '<f8', 'r', 8, [2, 2], 'F') },
      { py: `np.memmap(${JSON.stringify(bin)}, '<f8', 'c', 16)`, js: () => lib.memmap(bin, '<f8', 'c', 16) },
      { py: `np.memmap(${JSON.stringify(bin)}, '<f4', 'r', 0, None, order='C')`, js: () => lib.memmap(bin, '<f4', 'r', 0, null, { order: 'C' }) },
      { py: `np.load(${JSON.stringify(npy)}, 'r')`, js: () => lib.load(npy, 'r') as lib.NdArray },
      { py: `np.load(${JSON.stringify(npy)}, None, False)`, js: () => lib.load(npy, null, false) as lib.NdArray },
      { py: `np.loadtxt(${JSON.stringify(csv)}, 'i4', '%', ';', None, 1)`, js: () => lib.loadtxt(csv, 'i4', '%', ';', null, 1) as lib.NdArray },
      { py: `np.loadtxt(${JSON.stringify(csv)}, 'f4', '%', ';', None, 0, (0, 2), False, 2, None, 2)`, js: () => lib.loadtxt(csv, 'f4', '%', ';', null, 0, [0, 2], false, 2, null, 2) as lib.NdArray },
      { py: `np.loadtxt(${JSON.stringify(csv)}, 'f8', None, ';', None, 1)`, js: () => lib.loadtxt(csv, 'f8', null, ';', null, 1) as lib.NdArray },
      { py: 'np.unravel_index(7, (2, 4), "F")', js: () => lib.unravelIndex(7, [2, 4], 'F') },
      { py: 'np.unravel_index([1, 6], (2, 4), None)', js: () => lib.unravelIndex([1, 6], [2, 4], null) },
      { py: 'np.ravel_multi_index([[1, 5], [3, 0]], (2, 4), "clip", "F")', js: () => lib.ravelMultiIndex([[1, 5], [3, 0]], [2, 4], 'clip', 'F') },
      { py: 'np.ravel_multi_index([[1, 5], [3, 0]], (2, 4), ("clip", "wrap"))', js: () => lib.ravelMultiIndex([[1, 5], [3, 0]], [2, 4], ['clip', 'wrap']) },
      { py: `np.reshape(${M}, (3, 2), 'F')`, js: () => lib.reshape(m, [3, 2], 'F') },
      { py: `np.reshape(${M}.T, 6, 'A', copy=False)`, js: () => lib.reshape(m.T, 6, 'A', { copy: false }) },
      { py: `np.reshape(${M}.T, 6, copy=False)`, js: () => lib.reshape(m.T, 6, { copy: false }) },
      { py: `${M}.reshape((3, 2), order='F')`, js: () => m.reshape([3, 2], { order: 'F' }) },
      { py: `${M}.reshape(3, 2, order='F', copy=True)`, js: () => m.reshape(3, 2, { order: 'F', copy: true }) },
      { py: `${M}.T.reshape(6, copy=False)`, js: () => m.T.reshape(6, { copy: false }) },
      { py: `${M}.T.reshape(6, order='F', copy=False)`, js: () => m.T.reshape(6, { order: 'F', copy: false }) },
      { py: `${M}.reshape(6, order='K')`, js: () => m.reshape(6, { order: 'K' as never }) },
      { py: `${M}.reshape(4, copy=True)`, js: () => m.reshape(4, { copy: true }) },
      { py: `${M}.T.reshape(4, copy=False)`, js: () => m.T.reshape(4, { copy: false }) },
      { py: `np.copy(${M}.T, 'C')`, js: () => lib.copy(m.T, 'C') },
      { py: `np.copy(${M}.T)`, js: () => lib.copy(m.T) },
      { py: `np.copy(${M}.T, 'A', True)`, js: () => lib.copy(m.T, 'A', true) },
    ];
    expectCasesLikeNumpy(cases);
    // NumPy's np.ndarray((4,), '<i4', bytes(range(48)), 40): TypeError('buffer is too small for requested array'); ours names the bytes.
    expect(() => lib.ndarray([4], '<i4', buf, 40)).toThrow(TypeError);
    expect(() => lib.ndarray([4], '<i4', buf, 40)).toThrow(/^buffer is too small for requested array: bytes \[40, 56\) of a 48-byte buffer/);
  });

  test("reshape's copy: true is a new array, false a view; the method keeps its positional order", () => {
    const v = m.reshape([3, 2], { copy: false });
    expect(lib.sharesMemory(v, m)).toBe(true);
    const c = m.reshape([3, 2], { copy: true });
    expect(lib.sharesMemory(c, m)).toBe(false);
    expect(m.reshape([3, 2], 'F').toArray()).toEqual(m.reshape([3, 2], { order: 'F' }).toArray());
    expect(() => m.reshape([3, 2], 'F', { order: 'C' })).toThrow(new TypeError("reshape() got multiple values for argument 'order'"));
    expect(() => m.reshape([3, 2], { copy: 1 } as never)).toThrow(new TypeError('reshape: copy must be a boolean or null, got 1'));
    expect(() => m.reshape([3, 2], { orde: 'F' } as never)).toThrow("reshape() got an unexpected keyword argument 'orde'");
  });

  test('copy(a) is a plain NdArray as np.copy (subok=False); subok true and the method keep a Memmap', () => {
    const bin = path.join(dir, 'copy.bin');
    fs.writeFileSync(bin, Buffer.alloc(32));
    const mm = lib.memmap(bin, '<f8', 'r');
    try {
      expect(lib.copy(mm)).not.toBeInstanceOf(lib.Memmap);
      expect(lib.copy(mm)).toBeInstanceOf(lib.NdArray);
      expect(lib.copy(mm, null, true)).toBeInstanceOf(lib.Memmap);
      expect(lib.copy(mm, { subok: true })).toBeInstanceOf(lib.Memmap);
      expect(mm.copy()).toBeInstanceOf(lib.Memmap);
      expect(() => lib.copy(mm, 'K', 'yes' as never)).toThrow(new TypeError("copy(): subok must be a boolean, got 'yes'"));
    } finally {
      mm.close();
    }
  });

  test("loadtxt's comments null is NumPy's comments=None: a '#' line is data (and does not parse), not a comment", () => {
    const p = path.join(dir, 'hash.txt');
    fs.writeFileSync(p, '# x\n1 2\n');
    expect((lib.loadtxt(p) as lib.NdArray).toArray()).toEqual([1, 2]);
    expect(() => lib.loadtxt(p, null, null)).toThrow(lib.ValueError);
    const want = runNumpy<string>(`
try:
    np.loadtxt(${JSON.stringify(p)}, None, None)
    print(json.dumps('no error'))
except ValueError:
    print(json.dumps('ValueError'))
`);
    expect(want).toBe('ValueError');
  });

  test('savetxt(path, X, fmt, delimiter, newline, header, footer, comments) writes what NumPy writes', () => {
    const ours = path.join(dir, 'ours.txt');
    const theirs = path.join(dir, 'theirs.txt');
    lib.savetxt(ours, m, '%d', ';', '\n', 'h', 'f', '// ');
    runNumpy<null>(`np.savetxt(${JSON.stringify(theirs)}, ${M}, '%d', ';', '\\n', 'h', 'f', '// '); print('null')`);
    expect(fs.readFileSync(ours, 'utf8')).toBe(fs.readFileSync(theirs, 'utf8'));
    lib.savetxt(ours, m, null, ',');
    runNumpy<null>(`np.savetxt(${JSON.stringify(theirs)}, ${M}, '%.18e', ','); print('null')`);
    expect(fs.readFileSync(ours, 'utf8')).toBe(fs.readFileSync(theirs, 'utf8'));
  });

  test("NumPy's keywords the calls did not take: asarray's and asanyarray's copy, load's fix_imports and encoding, around's decimals", () => {
    const f8 = lib.asarray([1.5, 2.5]);
    expect(lib.asarray(f8, null, { copy: true })).not.toBe(f8);
    expect(lib.sharesMemory(lib.asarray(f8, null, { copy: true }), f8)).toBe(false);
    expect(lib.asarray(f8, null, { copy: false })).toBe(f8);
    expect(() => lib.asarray(f8, 'f4', { copy: false })).toThrow(lib.ValueError);
    const bin = path.join(dir, 'any.bin');
    fs.writeFileSync(bin, Buffer.alloc(16));
    const mm = lib.memmap(bin, '<f8', 'r');
    try {
      const c = lib.asanyarray(mm, { copy: true });
      expect(c).toBeInstanceOf(lib.Memmap);
      expect(lib.sharesMemory(c, mm)).toBe(false);
      expect(lib.asanyarray(mm, { copy: false })).toBe(mm);
    } finally {
      mm.close();
    }
    const npy = path.join(dir, 'enc.npy');
    lib.saveNpy(npy, lib.asarray([1, 2], '<i2'));
    expect((lib.load(npy, null, false, true, 'latin1') as lib.NdArray).toArray()).toEqual([1, 2]);
    expect(() => lib.load(npy, { encoding: 'utf8' as never })).toThrow(new lib.ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'"));
    expect(() => lib.load(npy, null, false, 'yes' as never)).toThrow(new TypeError("load(): fixImports must be a boolean, got 'yes'"));
    expect(lib.around(lib.asarray([1.26, 2.5]), { decimals: 1 }).toArray()).toEqual([1.3, 2.5]);
    expect(lib.around(lib.asarray([1.26, 2.5])).toArray()).toEqual([1, 2]);
    expect(() => lib.around(lib.asarray([1.26]), 1, { decimals: 2 })).toThrow(new TypeError("round() got multiple values for argument 'decimals'"));
  });

  test('a value given both ways, or past the positional parameters, is a TypeError', () => {
    expect(() => lib.unravelIndex(1, [2], 'C', { order: 'F' })).toThrow(new TypeError("unravelIndex() got multiple values for argument 'order'"));
    expect(() => lib.load('x.npy', 'r', false, true, 'ASCII', 1 as never)).toThrow(new TypeError('load() takes at most 4 argument(s) after its inputs (mmapMode, allowPickle, fixImports, encoding), got 5'));
    expect(() => lib.memmap('x.bin', '<f8', 'r', { mode: 'c' })).toThrow(new TypeError("memmap() got multiple values for argument 'mode'"));
    expect(() => lib.memmap('x.bin', { dtype: '<f8' } as never, 'r' as never)).toThrow(new TypeError('memmap() takes its options object last, got 1 more argument(s) after it'));
  });
});

describeWithNumpy("NumPy's keywords of the methods and their functions, as an options object: order, axis, offset, min and max", () => {
  test('each keyword form gives what NumPy gives for it', () => {
    const m = lib.asarray([[0, 7, 1], [4, -3, 9]]);
    const M = 'np.array([[0, 7, 1], [4, -3, 9]])';
    const c3 = lib.arange(24).reshape(2, 3, 4);
    const C3 = 'np.arange(24).reshape(2, 3, 4)';
    const cases: Case[] = [
      { py: `${M}.copy(order='F')`, js: () => m.copy({ order: 'F' }) },
      { py: `${M}.flatten(order='F')`, js: () => m.flatten({ order: 'F' }) },
      { py: `${M}.ravel(order='F')`, js: () => m.ravel({ order: 'F' }) },
      { py: `np.frombuffer(${M}.tobytes(order='F'), 'i8')`, js: () => lib.fromBuffer(m.tobytes({ order: 'F' }), 'i8') },
      { py: 'np.zeros((1, 3, 1)).squeeze(axis=0)', js: () => lib.zeros([1, 3, 1]).squeeze({ axis: 0 }) },
      { py: 'np.squeeze(np.zeros((1, 3, 1)), axis=2)', js: () => lib.squeeze(lib.zeros([1, 3, 1]), { axis: 2 }) },
      { py: `${M}.repeat(2, axis=0)`, js: () => m.repeat(2, { axis: 0 }) },
      { py: `np.repeat(${M}, [1, 2, 0], axis=1)`, js: () => lib.repeat(m, [1, 2, 0], { axis: 1 }) },
      { py: `${C3}.diagonal(offset=1, axis1=1, axis2=2)`, js: () => c3.diagonal({ offset: 1, axis1: 1, axis2: 2 }) },
      { py: `np.diagonal(${C3}, 1, axis2=0)`, js: () => lib.diagonal(c3, 1, { axis2: 0 }) },
      { py: `${C3}.trace(offset=1, axis1=1, axis2=2)`, js: () => c3.trace({ offset: 1, axis1: 1, axis2: 2 }) },
      { py: `np.trace(${C3}, 0, 0, 2, dtype='f4')`, js: () => lib.trace(c3, 0, 0, 2, { dtype: 'f4' }) },
      { py: `np.trace(${C3}, axis1=2, axis2=1)`, js: () => lib.trace(c3, { axis1: 2, axis2: 1 }) },
      { py: `${M}.astype('<i8').getfield('<i4', offset=4)`, js: () => m.getfield('<i4', { offset: 4 }) },
      { py: `np.clip(${M}, min=0, max=5)`, js: () => lib.clip(m, { min: 0, max: 5 }) },
      { py: `np.clip(${M}, max=2)`, js: () => lib.clip(m, { max: 2 }) },
      { py: `${M}.clip(min=1)`, js: () => m.clip({ min: 1 }) },
      { py: `np.clip(${M}, 0, 5, min=1)`, js: () => lib.clip(m, 0, 5, { min: 1 }) },
      { py: `(lambda o: (np.clip(${M}, min=0, out=o), o)[1])(np.zeros((2, 3), 'i8'))`, js: () => { const o = lib.zeros([2, 3], 'i8'); lib.clip(m, { min: 0, out: o }); return o; } },
    ];
    expectCasesLikeNumpy(cases);
    expect(() => m.copy({ ordr: 'F' } as never)).toThrow("copy() got an unexpected keyword argument 'ordr'");
    expect(() => m.squeeze({ axes: 0 } as never)).toThrow("squeeze() got an unexpected keyword argument 'axes'");
  });
});
