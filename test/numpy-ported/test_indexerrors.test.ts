// NumPy's own numpy/_core/tests/test_indexerrors.py (NumPy 2.4), ported test
// by test: same names, same intent. NumPy asserts only the class
// (`assert_raises(IndexError, ...)`); each case here also pins NumPy 2.4's
// message, checked against NumPy: an empty axis with a non-empty result is
// "cannot do a non-empty take from an empty axes." in every mode, and the
// flat iterator counts every item ("index 10 is out of bounds for size 6").
//
// Mapping: x.take(i, axis=, mode=) -> x.take(i, { axis, mode }); a.item(i)
// -> a.item(i); a.put(i, v) -> a.put(i, v); a[idx] -> a.index(...idx);
// a[idx] = v -> a.set(idx, v); a.flat[i] -> a.flat.get(i); a.flat[i] = v ->
// a.flat.set(i, v).
//
// Object dtype does not exist here: the object-array cases run on float64
// (NumPy gives both the same errors).
import { asarray, empty, IndexError, zeros, type NdArray } from '../../lib';

const EMPTY_TAKE = 'cannot do a non-empty take from an empty axes.';

/** Expects `f` to throw NumPy's IndexError with `message`. */
function raises(f: () => unknown, message: string | RegExp): void {
  expect(f).toThrow(IndexError);
  expect(f).toThrow(message);
}

describe('TestIndexErrors', () => {
  it('test_arraytypes_fasttake: take from a 0-length dimension', () => {
    const x = empty([2, 3, 0, 4]);
    raises(() => x.take([0], { axis: 2 }), EMPTY_TAKE);
    raises(() => x.take([1], { axis: 2 }), EMPTY_TAKE);
    raises(() => x.take([0], { axis: 2, mode: 'wrap' }), EMPTY_TAKE);
    raises(() => x.take([0], { axis: 2, mode: 'clip' }), EMPTY_TAKE);
  });

  it('test_take_from_object (float64 for object)', () => {
    let d: NdArray = zeros([5]);
    raises(() => d.take([6]), 'index 6 is out of bounds for axis 0 with size 5');
    // Taking from an empty axis.
    d = zeros([5, 0]);
    raises(() => d.take([1], { axis: 1 }), EMPTY_TAKE);
    raises(() => d.take([0], { axis: 1 }), EMPTY_TAKE);
    raises(() => d.take([0]), EMPTY_TAKE);
    raises(() => d.take([0], { mode: 'wrap' }), EMPTY_TAKE);
    raises(() => d.take([0], { mode: 'clip' }), EMPTY_TAKE);
  });

  it('test_multiindex_exceptions', () => {
    raises(() => empty([5]).item(20), 'index 20 is out of bounds for axis 0 with size 5');
    raises(() => empty([5, 0]).item(0, 0), 'index 0 is out of bounds for axis 1 with size 0');
  });

  it('test_put_exceptions', () => {
    raises(() => zeros([5, 5]).put(100, 0), 'index 100 is out of bounds for axis 0 with size 25');
    raises(() => zeros([5, 5, 0]).put(100, 0), 'cannot replace elements of an empty array');
  });

  it('test_iterators_exceptions: cases in iterators.c', () => {
    let a = zeros([1, 2, 3]);
    raises(() => a.index(0, 5, null, 2), 'index 5 is out of bounds for axis 1 with size 2');
    raises(() => a.index(0, 5, 0, 2), 'too many indices for array: array is 3-dimensional, but 4 were indexed');
    raises(() => a.set([0, 5, null, 2], 1), 'index 5 is out of bounds for axis 1 with size 2');
    raises(() => a.set([0, 5, 0, 2], 1), 'too many indices for array: array is 3-dimensional, but 4 were indexed');

    a = zeros([1, 0, 3]);
    raises(() => a.index(0, 0, null, 2), 'index 0 is out of bounds for axis 1 with size 0');
    raises(() => a.set([0, 0, null, 2], 1), 'index 0 is out of bounds for axis 1 with size 0');

    // a.flat[10], a.flat[np.array(10)], a.flat[np.array([10])], read and written.
    for (const [shape, size] of [[[1, 2, 3], 6], [[1, 0, 3], 0]] as const) {
      a = zeros([...shape]);
      const message = `index 10 is out of bounds for size ${size}`;
      for (const i of [10, asarray(10), asarray([10])]) {
        raises(() => a.flat.get(i as never), message);
        raises(() => a.flat.set(i as never, 5), message);
      }
    }
  });

  it('test_mapping: cases from mapping.c', () => {
    raises(() => zeros([0, 10]).index(12), 'index 12 is out of bounds for axis 0 with size 0');

    let a = zeros([3, 5]);
    raises(() => a.index(10, 20), 'index 10 is out of bounds for axis 0 with size 3');
    raises(() => a.set([10, 20], 1), 'index 10 is out of bounds for axis 0 with size 3');
    a = zeros([3, 0]);
    raises(() => a.index(1, 0), 'index 0 is out of bounds for axis 1 with size 0');
    raises(() => a.set([1, 0], 1), 'index 0 is out of bounds for axis 1 with size 0');

    raises(() => zeros([10]).set([10], 1), 'index 10 is out of bounds for axis 0 with size 10');
    raises(() => zeros([0]).set([10], 1), 'index 10 is out of bounds for axis 0 with size 0');

    a = zeros([3, 5]);
    raises(() => a.index(1, [1, 20]), 'index 20 is out of bounds for axis 1 with size 5');
    raises(() => a.set([1, [1, 20]], 1), 'index 20 is out of bounds for axis 1 with size 5');
    a = zeros([3, 0]);
    raises(() => a.index(1, [0, 1]), 'index 0 is out of bounds for axis 1 with size 0');
    raises(() => a.set([1, [0, 1]], 1), 'index 0 is out of bounds for axis 1 with size 0');
  });

  it('test_mapping_error_message', () => {
    const a = zeros([3, 5]);
    raises(() => a.index(1, 2, 3, 4, 5), 'too many indices for array: array is 2-dimensional, but 5 were indexed');
  });

  it('test_methods: cases from methods.c', () => {
    raises(() => zeros([3, 3]).item(100), 'index 100 is out of bounds for size 9');
  });
});

describe('take from an empty axis, beside NumPy 2.4 (not in test_indexerrors.py)', () => {
  it('checks the result before any index: an empty result takes nothing, whatever the indices', () => {
    // np.take(np.zeros((2, 0, 0)), [1], axis=1): the result (2, 1, 0) is empty, so
    // 'raise' checks the index per outer row; clip takes nothing.
    raises(() => zeros([2, 0, 0]).take([1], { axis: 1 }), 'index 1 is out of bounds for axis 1 with size 0');
    expect(zeros([2, 0, 0]).take([1], { axis: 1, mode: 'clip' }).shape).toEqual([2, 1, 0]);
    // No outer rows: no index is looked at.
    expect(zeros([0, 0]).take([5], { axis: 1 }).shape).toEqual([0, 1]);
    expect(zeros([0, 3, 0]).take([-1], { axis: 2 }).shape).toEqual([0, 3, 1]);
    // An empty list of indices is an empty result in every mode.
    for (const mode of ['raise', 'clip', 'wrap'] as const) expect(zeros([5, 0]).take([], { axis: 1, mode }).shape).toEqual([5, 0]);
    // The index arrays the kernels take (an NdArray along an inner axis) meet the same check.
    raises(() => zeros([4, 0]).take(asarray([0, 1]), { axis: 1 }), EMPTY_TAKE);
    raises(() => zeros([0, 4]).take(asarray([0, 1])), EMPTY_TAKE);
  });
});
