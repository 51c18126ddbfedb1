// NumPy's own numpy/_core/tests/test_multiarray.py (NumPy 2.4), TestMethods: the
// partition tests test_multiarray-partition-choose.test.ts and
// test_multiarray.test.ts do not hold, ported test by test: same names, same
// intent, the same values and errors. test_argpartition_out_of_range,
// test_partition_out_of_range, test_argpartition_integer, test_partition_integer,
// test_partition_empty_array, test_argpartition_empty_array,
// test_partition_iterative, test_partition_cdtype, test_partition_fuzz,
// test_argpartition_gh5524 (with TestMethods.assert_partitioned).
//
// Mapping: d.partition(kth) (in place) -> d.partition(kth); d.argpartition(kth) ->
// d.argpartition(kth); np.partition / np.argpartition(a, kth, axis=, order=) ->
// partition / argpartition(a, kth, { axis, order }); d[idx] with an index array
// -> take(d, idx) / d.index(idx); np.typecodes['All'] -> the library's dtypes
// '?bBhHiIlLqQefdFDS'; np.array(0, dtype=kth_dtype)[()] (a NumPy integer scalar)
// -> a 0-d array of that dtype; np.random.shuffle / randint -> the suite's seeded
// generator. A float kth (`9.`) is a float64 0-d array: a JS number 9.0 is the
// integer 9 (README, "where JavaScript differs"). NumPy's unicode strings are
// bytes here (no 'U' dtype: README).
//
// Skipped (not counted as passing): the object-dtype halves of
// test_argpartition_integer and test_partition_integer (no object dtype);
// test_partition_unicode_kind (no 'U' dtype and kind must be 'introselect').
import { arange, argpartition, NdArray, partition, sort, take, ValueError, zerosLike, tile } from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertEqual } from '../helpers/np-assert';
import { rng } from '../helpers/bytes';

const ALL = ['?', 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'e', 'f', 'd', 'F', 'D', 'S'];
const ALL_INTEGER = ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q'];

/** np.random.shuffle of a copy of `v`, from a seeded generator. */
function shuffled<T>(v: readonly T[], r: () => number): T[] {
  const out = [...v];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** TestMethods.assert_partitioned(d, kth): for each sorted k, d[prev:k] <= d[k] <= d[k:]. */
function assertPartitioned(d: NdArray, kth: readonly number[]): void {
  const v = (d.toArray() as (number | bigint)[]).map(Number);
  let prev = 0;
  for (const k0 of [...kth].sort((x, y) => x - y)) {
    const k = k0 < 0 ? k0 + v.length : k0;
    for (let i = prev; i < k; i++) if (!(v[i] <= v[k])) throw new Error(`kth ${k}: d[${i}] = ${v[i]} > ${v[k]}`);
    for (let i = k; i < v.length; i++) if (!(v[i] >= v[k])) throw new Error(`kth ${k}: d[${i}] = ${v[i]} < ${v[k]}`);
    prev = k + 1;
  }
}

describe('TestMethods (partition)', () => {
  test.each(ALL)('test_argpartition_out_of_range[%s]', (dt) => {
    // Test out of range values in kth raise an error, gh-5469
    const d = arange(10).astype(dt);
    expect(() => d.argpartition(10)).toThrow(ValueError);
    expect(() => d.argpartition(-11)).toThrow(ValueError);
  });

  test.each(ALL)('test_partition_out_of_range[%s]', (dt) => {
    // Test out of range values in kth raise an error, gh-5469
    const d = arange(10).astype(dt);
    expect(() => d.partition(10)).toThrow(ValueError);
    expect(() => d.partition(-11)).toThrow(ValueError);
  });

  test('test_argpartition_integer', () => {
    // Test non-integer values in kth raise an error
    const d = arange(10);
    expect(() => d.argpartition(arr(9, 'f8'))).toThrow(TypeError);
  });

  test('test_partition_integer', () => {
    // Test out of range values in kth raise an error, gh-5469
    const d = arange(10);
    expect(() => d.partition(arr(9, 'f8'))).toThrow(TypeError);
  });

  test.each(ALL_INTEGER)('test_partition_empty_array[%s]', (kthDtype) => {
    // check axis handling for multidimensional empty arrays
    const kth = arr(0, kthDtype);
    const a = arr([], 'f8').reshape(3, 2, 1, 0);
    for (let axis = -a.ndim; axis < a.ndim; axis++) {
      const p = partition(a, kth, { axis });
      expect(p.shape).toEqual(a.shape);
      assertEqual(p, a);
    }
    const p = partition(a, kth, { axis: null });
    expect(p.shape).toEqual([0]);
    assertEqual(p, a.ravel());
  });

  test.each(ALL_INTEGER)('test_argpartition_empty_array[%s]', (kthDtype) => {
    // check axis handling for multidimensional empty arrays
    const kth = arr(0, kthDtype);
    const a = arr([], 'f8').reshape(3, 2, 1, 0);
    for (let axis = -a.ndim; axis < a.ndim; axis++) {
      const p = partition(a, kth, { axis });
      expect(p.shape).toEqual(a.shape);
      assertEqual(p, zerosLike(a, { dtype: '<i8' }));
    }
    const p = partition(a, kth, { axis: null });
    expect(p.shape).toEqual([0]);
    assertEqual(p, zerosLike(a.ravel(), { dtype: '<i8' }));
  });

  test('test_partition_iterative', () => {
    const r = rng(17);
    let d: NdArray = arange(17);
    let kth: number[] = [0, 1, 2, 429, 231];
    expect(() => d.partition(kth)).toThrow(ValueError);
    expect(() => d.argpartition(kth)).toThrow(ValueError);
    d = arange(10).reshape(2, 5);
    expect(() => d.partition(kth, { axis: 0 })).toThrow(ValueError);
    expect(() => d.partition(kth, { axis: 1 })).toThrow(ValueError);
    expect(() => partition(d, kth, { axis: 1 })).toThrow(ValueError);
    expect(() => partition(d, kth, { axis: null })).toThrow(ValueError);

    d = arr([3, 4, 2, 1]);
    let p = partition(d, [0, 3]);
    assertPartitioned(p, [0, 3]);
    assertPartitioned(take(d, argpartition(d, [0, 3])), [0, 3]);

    // NumPy asserts partition(d, (0, 3)) == partition(d, (-3, -1)), which its introselect's
    // arrangement of this input satisfies; the order inside the partitions is undefined in
    // both and differs from NumPy's here (README, where JavaScript differs: the sorts), so each is
    // checked partitioned at its own kth, and the kth items agree.
    const p2 = partition(d, [-3, -1]);
    assertPartitioned(p2, [-3, -1]);
    assertPartitioned(take(d, argpartition(d, [-3, -1])), [-3, -1]);
    assertEqual(take(p2, [1, 3]), take(sort(d), [1, 3]));
    assertEqual(take(p, [0, 3]), take(sort(d), [0, 3]));

    d = arr(shuffled([...Array(17).keys()], r));
    const all17 = [...Array(17).keys()];
    d.partition(all17);
    assertEqual(arange(17), d);
    d = arr(shuffled(vals(d) as number[], r));
    assertEqual(arange(17), take(d, d.argpartition(all17)));

    // test unsorted kth
    d = arr(shuffled(shuffled([...Array(17).keys()], r), r));
    let keys = [1, 3, 8, -2];
    p = partition(d, arr(keys));
    assertPartitioned(p, keys);
    p = take(d, argpartition(d, arr(keys)));
    assertPartitioned(p, keys);
    keys = shuffled(keys, r);
    // NumPy asserts the shuffled kths give partition's and argpartition's arrangement of
    // before: here the order inside the partitions is not NumPy's (README, where JavaScript
    // differs: the sorts), and partition and argpartition may arrange them differently, so
    // each result is checked partitioned at the kths, with the kth items of a sort.
    const kthItems = take(sort(d), keys);
    for (const q of [partition(d, arr(keys)), take(d, argpartition(d, arr(keys)))]) {
      assertPartitioned(q, keys);
      assertEqual(take(q, keys), kthItems);
    }

    // equal kth
    d = arange(20).index('::-1');
    assertPartitioned(partition(d, [5, 5, 5, 5]), [5]);
    assertPartitioned(partition(d, [5, 5, 5, 5, 6, 13]), [5, 5, 5, 5, 6, 13]);
    assertPartitioned(take(d, argpartition(d, [5, 5, 5, 5])), [5]);
    assertPartitioned(take(d, argpartition(d, [5, 5, 5, 5, 6, 13])), [5, 5, 5, 5, 6, 13]);

    // NumPy's map(np.random.shuffle, d1) is lazy (never runs): d1 stays the tiled range.
    const d1 = tile(arange(12), [4, 1]);
    const d0 = d1.transpose();

    kth = [1, 6, 7, -1];
    p = partition(d1, kth, { axis: 1 });
    const rows = arange(d1.shape[0]).reshape(-1, 1);
    let pa = d1.index(rows, d1.argpartition(kth, { axis: 1 }));
    // NumPy asserts p == pa: partition's and argpartition's arrangements here may differ
    // (README, where JavaScript differs: the sorts), so both are checked partitioned and
    // their kth columns equal.
    assertEqual(take(p, kth, { axis: 1 }), take(pa, kth, { axis: 1 }));
    for (let i = 0; i < d1.shape[0]; i++) assertPartitioned(pa.index(String(i)), kth);
    for (let i = 0; i < d1.shape[0]; i++) assertPartitioned(p.index(String(i)), kth);
    p = partition(d0, kth, { axis: 0 });
    const cols = arange(d0.shape[1]).reshape(1, -1);
    pa = d0.index(argpartition(d0, kth, { axis: 0 }), cols);
    assertEqual(take(p, kth, { axis: 0 }), take(pa, kth, { axis: 0 }));
    for (let i = 0; i < d0.shape[1]; i++) assertPartitioned(pa.index(`:, ${i}`), kth);
    for (let i = 0; i < d0.shape[1]; i++) assertPartitioned(p.index(`:, ${i}`), kth);
  });

  test('test_partition_cdtype', () => {
    let d = arr([['Galahad', 1.7, 38], ['Arthur', 1.8, 41], ['Lancelot', 1.9, 38]], [['name', '|S10'], ['height', '<f8'], ['age', '<i4']] as never);
    let tgt = sort(d, { order: ['age', 'height'] });
    const range = [...Array(d.size).keys()];
    expect(partition(d, range, { order: ['age', 'height'] }).toArray()).toEqual(tgt.toArray());
    expect(take(d, argpartition(d, range, { order: ['age', 'height'] })).toArray()).toEqual(tgt.toArray());
    for (let k = 0; k < d.size; k++) {
      expect(partition(d, k, { order: ['age', 'height'] }).get(k)).toEqual(tgt.get(k));
      expect(take(d, argpartition(d, k, { order: ['age', 'height'] })).get(k)).toEqual(tgt.get(k));
    }

    d = arr(['Galahad', 'Arthur', 'zebra', 'Lancelot']);
    tgt = sort(d);
    expect(partition(d, [...Array(d.size).keys()]).toArray()).toEqual(tgt.toArray());
    for (let k = 0; k < d.size; k++) {
      expect(partition(d, k).get(k)).toEqual(tgt.get(k));
      expect(take(d, argpartition(d, k)).get(k)).toEqual(tgt.get(k));
    }
  });

  test('test_partition_fuzz', () => {
    // a few rounds of random data testing
    const r = rng(29);
    for (let j = 10; j < 30; j++) {
      for (let i = 1; i < j - 2; i++) {
        const m = 2 + Math.floor(r() * 28);
        const d = arr(shuffled([...Array(j).keys()], r).map((x) => x % m));
        const idx = Math.floor(r() * d.size);
        const kth = [0, idx, i, i + 1];
        const tgt = take(sort(d), kth);
        assertEqual(take(partition(d, kth), kth), tgt);
      }
    }
  });

  test.each(ALL_INTEGER)('test_argpartition_gh5524[%s]', (kthDtype) => {
    // A test for functionality of argpartition on lists.
    const kth = arr(1, kthDtype);
    const d = [6, 7, 3, 2, 9, 0];
    const p = argpartition(arr(d), kth);
    assertPartitioned(take(arr(d), p), [1]);
  });
});
