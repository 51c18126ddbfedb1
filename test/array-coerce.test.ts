// array / asarray (lib/array-coerce.ts) against NumPy's np.array / np.asarray:
// dtype discovery from JS scalars, shapes, ragged errors, records, bytes, copies.
import { array, asarray, arange, zeros, ValueError, OverflowError, type NdArray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { jsOutcome, numpyOutcomes, type Case } from './helpers/np-compare';
import { thrownBy } from './helpers/thrown';
import { sharesMemory } from '../lib/memory';

const c = (py: string, js: () => unknown): Case => ({ py, js });

/** `v` inside `depth` one-item lists. */
function nest(v: unknown, depth: number): unknown {
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** [Python literal, JS value]: np.array(py) must equal array(js). */
const LITERALS: [string, unknown][] = [
  ['5', 5],
  ['2.5', 2.5],
  ['True', true],
  ['-0.0', -0],
  ['1j', { re: 0, im: 1 }],
  ['[]', []],
  ['[[], []]', [[], []]],
  ['[[[]]]', [[[]]]],
  ['[1, 2, 3]', [1, 2, 3]],
  ['[1, 2.5]', [1, 2.5]],
  ['[1, 2.5, True]', [1, 2.5, true]],
  ['[True, False]', [true, false]],
  ['[True, 2]', [true, 2]],
  ['[1, -0.0]', [1, -0]],
  ["[1, float('nan'), float('inf')]", [1, NaN, Infinity]],
  ['[1j, True]', [{ re: 0, im: 1 }, true]],
  ['[1, 2+3j, 2.5]', [1, { re: 2, im: 3 }, 2.5]],
  ['[[1, 2], [3, 4], [5, 6]]', [[1, 2], [3, 4], [5, 6]]],
  ['[[[1], [2]], [[3], [4]]]', [[[1], [2]], [[3], [4]]]],
  ['[[1.5, 2], [3, 4]]', [[1.5, 2], [3, 4]]],
  ['[2**63]', [2n ** 63n]],
  ['[2**64 - 1, 0]', [2n ** 64n - 1n, 0]],
  ['[-1, 2**63]', [-1, 2n ** 63n]],
  ['[2**63, 1.5]', [2n ** 63n, 1.5]],
  ['[-2**63, 2**62]', [-(2n ** 63n), 2n ** 62n]],
  ['[9007199254740993, 1]', [9007199254740993n, 1]],
  ['[1e300, 1]', [1e300, 1]],
  ['[1e20, 1]', [1e20, 1]],
  ['[2**63, 1]', [2 ** 63, 1]],
  ["[b'ab', b'c']", ['ab', 'c']],
  ["[b'ab', b'c']", [new Uint8Array([97, 98]), new Uint8Array([99])]],
  ["[b'a', 1]", ['a', 1]],
  ["[b'a', 1.5]", ['a', 1.5]],
  ["[b'a', True]", ['a', true]],
  ["[[b'x'], [b'yz']]", [['x'], ['yz']]],
  // ragged and too deep
  ['[[1, 2], [3]]', [[1, 2], [3]]],
  ['[1, [2, 3]]', [1, [2, 3]]],
  ['[[1, 2], 3]', [[1, 2], 3]],
  ['[[], [1]]', [[], [1]]],
  ['[[1], []]', [[1], []]],
  ['[[[1], [2]], [[1], [2, 3]]]', [[[1], [2]], [[1], [2, 3]]]],
  ['[[[1, 2], [3, 4]], [[5, 6], [7]]]', [[[1, 2], [3, 4]], [[5, 6], [7]]]],
  ['[[1, 2], [[3, 4], [5, 6]]]', [[1, 2], [[3, 4], [5, 6]]]],
  ['[[[1]], [2]]', [[[1]], [2]]],
  ['[' .repeat(65) + '1' + ']'.repeat(65), JSON.parse('['.repeat(65) + '1' + ']'.repeat(65))],
  ['[' .repeat(64) + '1' + ']'.repeat(64), JSON.parse('['.repeat(64) + '1' + ']'.repeat(64))],
];

/** [Python literal, dtype, JS value]: np.array(py, dtype) must equal array(js, dtype). */
const WITH_DTYPE: [string, string | null, unknown][] = [
  ['[1, 2]', 'f4', [1, 2]],
  ['[1.7, -1.7]', 'i4', [1.7, -1.7]],
  ['[300]', 'i1', [300]],
  ['[-1]', 'u1', [-1]],
  ['[2**63]', 'i8', [2n ** 63n]],
  ['[1, 0, 2]', '?', [1, 0, 2]],
  ['[[1, 2], [3, 4]]', '>i2', [[1, 2], [3, 4]]],
  ['[1, 2]', 'c8', [1, 2]],
  ['[[1, 2], [3, 4]]', 'c16', [[1, 2], [3, 4]]],
  ['[[1, 2j], [3, 4]]', null, [[1, { re: 0, im: 2 }], [3, 4]]],
  ['[2**60, -2**60]', 'i8', [2 ** 60, -(2 ** 60)]],
  ['[2**60, 2**63]', 'u8', [2 ** 60, 2 ** 63]],
  ['[[1.5, 2], [3, 4]]', 'f2', [[1.5, 2], [3, 4]]],
  ['[True, 2]', 'f4', [true, 2]],
  ["[[b'ab'], [b'c']]", 'S1', [['ab'], ['c']]],
  ['[1, 22]', 'S', [1, 22]],
  ['[1.5, 22]', 'S', [1.5, 22]],
  ["[b'abc', b'd']", 'S', ['abc', 'd']],
  ["[b'abc', b'd']", 'S2', ['abc', 'd']],
  ['[]', 'i4', []],
  ['7', 'u2', 7],
  ['[1, [2, 3]]', 'i4', [1, [2, 3]]],
  ['[1, 2]', '(2,)i4', [1, 2]],
  ['[(1, 2.5), (3, 4.5)]', 'i4,f8', [[1, 2.5], [3, 4.5]]],
  ['[[(1, 2.5)], [(3, 4.5)]]', 'i4,f8', [[[1, 2.5]], [[3, 4.5]]]],
  ['(1, 2.5)', 'i4,f8', [1, 2.5]],
  ["[(1, [2, 3]), (4, [5, 6])]", "[('a', 'i2'), ('b', 'f4', (2,))]", [[1, [2, 3]], [4, [5, 6]]]],
  ['[1, 2, 3]', 'i4,f8', [1, 2, 3]],
];

function pyDtype(dt: string | null): string {
  return dt === null ? 'None' : dt.startsWith('[') ? dt : `'${dt}'`;
}

function jsDtype(dt: string | null): unknown {
  if (dt === null) return null;
  if (dt.startsWith('[')) return [['a', 'i2'], ['b', 'f4', [2]]];
  return dt;
}

describeWithNumpy('array() matches np.array', () => {
  const cases: Case[] = [
    ...LITERALS.map(([py, js]) => c(`np.array(${py})`, () => array(js))),
    ...WITH_DTYPE.map(([py, dt, js]) => c(`np.array(${py}, dtype=${pyDtype(dt)})`, () => array(js, jsDtype(dt) as never))),
    c("np.array([[1, 2], [3, 4]], order='F')", () => array([[1, 2], [3, 4]], null, { order: 'F' })),
    c("np.array([[1, 2], [3, 4]], order='A')", () => array([[1, 2], [3, 4]], null, { order: 'A' })),
    c('np.array([np.arange(3), np.arange(3)])', () => array([arange(3), arange(3)])),
    c('np.array([np.arange(3, dtype=np.int8), [1, 2, 3]])', () => array([arange(3, 'i1'), [1, 2, 3]])),
    c('np.array([np.arange(3, dtype=np.float32), [1, 2, 3]])', () => array([arange(3, 'f4'), [1, 2, 3]])),
    c('np.array([np.arange(3, dtype=np.uint8), np.arange(3, dtype=np.int8)])', () => array([arange(3, 'u1'), arange(3, 'i1')])),
    c('np.array([np.arange(2, dtype=np.float32), np.arange(2, dtype=np.float32)])', () => array([arange(2, 'f4'), arange(2, 'f4')])),
    c('np.array([np.arange(3), np.arange(2)])', () => array([arange(3), arange(2)])),
    c('np.array([np.arange(4).reshape(2, 2), [[1, 2], [3, 4]]])', () => array([arange(4).reshape([2, 2]), [[1, 2], [3, 4]]])),
    c('np.array([np.array(1.5), 2])', () => array([array(1.5), 2])),
    c('np.array(np.arange(6).reshape(2, 3).T)', () => array(arange(6).reshape([2, 3]).T)),
    c("np.array(np.arange(6).reshape(2, 3).T, order='C')", () => array(arange(6).reshape([2, 3]).T, null, { order: 'C' })),
    c("np.array(np.arange(6).reshape(2, 3)[:, ::2], dtype='f4')", () => array(arange(6).reshape([2, 3]).index(':, ::2'), 'f4')),
    c("np.array(np.arange(6).reshape(2, 3).T, copy=False, order='C')", () => array(arange(6).reshape([2, 3]).T, null, { copy: false, order: 'C' })),
    c("np.array(np.arange(3), dtype='f8', copy=False)", () => array(arange(3), 'f8', { copy: false })),
    c("np.array([1, 2], copy=False)", () => array([1, 2], null, { copy: false })),
    c("np.asarray(np.arange(6).reshape(2, 3).T, order='C')", () => asarray(arange(6).reshape([2, 3]).T, null, { order: 'C' })),
    c("np.asarray([1, 2.5], dtype='f4')", () => asarray([1, 2.5], 'f4')),
    c('np.array(np.array([1, 2], dtype=np.int16), dtype=np.float32)', () => array(array([1, 2], 'i2'), 'f4')),
    c("np.array(np.array([b'ab', b'c']), dtype='S')", () => array(array(['ab', 'c']), 'S')),
    c("np.array(np.arange(3), dtype='S')", () => array(arange(3), 'S')),
    c('np.array(np.int32([1, 2]))', () => array(new Int32Array([1, 2]))),
    c('np.array([np.float32([1, 2]), [3, 4]])', () => array([new Float32Array([1, 2]), [3, 4]])),
    // NumPy's test_array_coercion.py TestNested shapes, without the object dtype: the same ragged errors.
    c('np.array([np.zeros((3, 2)), np.zeros((3, 3))])', () => array([zeros([3, 2]), zeros([3, 3])])),
    c('np.array([np.zeros((3, 2)), np.zeros((1, 2))])', () => array([zeros([3, 2]), zeros([1, 2])])),
    c('np.array([[], np.empty((0, 1))])', () => array([[], zeros([0, 1])])),
    c('np.array([[], [1], [[1]]])', () => array([[], [1], [[1]]])),
    c('np.array([np.arange(4).reshape(2, 2), [np.arange(4).reshape(2, 2)]])', () => array([arange(4).reshape([2, 2]), [arange(4).reshape([2, 2])]])),
    c('np.array([np.arange(4).reshape(2, 2), [np.arange(4).reshape(2, 2)] * 2])', () => array([arange(4).reshape([2, 2]), [arange(4).reshape([2, 2]), arange(4).reshape([2, 2])]])),
    c('np.array(' + '['.repeat(63) + 'np.ones((1, 1))' + ']'.repeat(63) + ', dtype="float64")', () => array(nest(zeros([1, 1]), 63), 'f8')),
    c('np.array(' + '['.repeat(63) + '1.2' + ']'.repeat(63) + ', dtype="float64")', () => array(nest(1.2, 63), 'f8')),
  ];
  const expected = numpyOutcomes(cases);

  test.each(cases.map((k, i) => [k.py, i]))('%s', (_py, i) => {
    const want = expected[i as number];
    const got = jsOutcome(cases[i as number]);
    if (want.error !== undefined) {
      expect(got.error).toBe(want.error);
      // NumPy's ragged and too-deep messages verbatim; other errors name the same problem.
      if (want.message!.startsWith('setting an array element')) expect(got.message).toBe(want.message);
    } else {
      expect(got).toEqual(want);
    }
  });
});

describe('array(): what NumPy would turn into objects, and JS values with no dtype', () => {
  test('an int past uint64 or below int64 is an OverflowError (NumPy: object array)', () => {
    expect(thrownBy(() => array([2n ** 64n]), OverflowError).message).toMatch(/18446744073709551616 out of bounds/);
    expect(thrownBy(() => array([-(2n ** 63n) - 1n]), OverflowError).message).toMatch(/-9223372036854775809/);
    // A number that large is a float (no int dtype holds it); 2**63 as a number is still an int.
    expect(array([2 ** 64, 1e300]).dtype.str).toBe('<f8');
    expect(array([2 ** 63]).dtype.str).toBe('<u8');
    expect(array([-(2 ** 63)]).dtype.str).toBe('<i8');
  });

  test('null, undefined, functions and records without a structured dtype are TypeErrors', () => {
    expect(thrownBy(() => array([1, null]), TypeError).message).toMatch(/null/);
    thrownBy(() => array(undefined), TypeError);
    expect(thrownBy(() => array([{ a: 1 }]), TypeError).message).toMatch(/structured dtype/);
  });

  test('a list that contains itself is the too-deep ValueError, not a hang (TestNested.test_pathological_self_containing)', () => {
    const l: unknown[] = [];
    l.push(l);
    expect(thrownBy(() => array([l, l, l]), ValueError).message).toMatch(/would exceed the maximum number of dimension of 64/);
  });

  test('copy: false on a list is NumPy 2 ValueError', () => {
    expect(thrownBy(() => array([1, 2], null, { copy: false }), ValueError).message).toMatch(/^Unable to avoid copy/);
  });

  test('bad order and copy values are refused', () => {
    thrownBy(() => array([1], null, { order: 'X' as never }), ValueError);
    // A string is NumPy's ValueError (np.array([1], copy='no')); another non-boolean a TypeError here.
    expect(thrownBy(() => array([1], null, { copy: 'no' as never }), ValueError).message).toBe("strings are not allowed for 'copy' keyword. Use True/False/None instead.");
    thrownBy(() => array([1], null, { copy: 1 as never }), TypeError);
  });
});

describe('array() and asarray(): copy or not', () => {
  test('array() of an NdArray copies by default, copy: false returns the input itself', () => {
    const a = arange(4);
    const b = array(a);
    expect(b).not.toBe(a);
    expect(sharesMemory(a, b)).toBe(false);
    expect(array(a, null, { copy: false })).toBe(a);
    expect(array(a, 'i8', { copy: false })).toBe(a);
  });

  test('asarray() returns the input when dtype and order need no copy, else a copy', () => {
    const a = zeros([2, 3], 'f4');
    expect(asarray(a)).toBe(a);
    expect(asarray(a, 'f4')).toBe(a);
    const f = asarray(a, 'f8');
    expect(f).not.toBe(a);
    expect(f.dtype.str).toBe('<f8');
    const t = a.T;
    expect(asarray(t)).toBe(t);
    expect(asarray(t, null, { order: 'F' })).toBe(t);
    const cc = asarray(t, null, { order: 'C' });
    expect(cc).not.toBe(t);
    expect(cc.flags.cContiguous).toBe(true);
  });

  test('records: objects and field-count arrays are records of a structured dtype', () => {
    const r = array([{ x: 1, y: 2.5 }, [3, 4.5]], [['x', '<i4'], ['y', '<f8']]) as NdArray;
    expect(r.shape).toEqual([2]);
    expect(r.toArray()).toEqual([{ x: 1, y: 2.5 }, { x: 3, y: 4.5 }]);
  });

  test('the values read back are the stored form of the discovered dtype', () => {
    expect(array([1, 2]).toArray()).toEqual([1n, 2n]);
    expect(array([[1, 2.5]]).toArray()).toEqual([[1, 2.5]]);
    expect(array(7).shape).toEqual([]);
    expect(array(7).get()).toBe(7n);
    expect(array([true]).dtype.str).toBe('|b1');
  });
});

test('a typed array alone: its own dtype, a copy of exactly its bytes (offset views too), other dtypes converted', () => {
  const buf = new Float64Array([9, 1.5, -2, 3.25, 7]);
  const view = buf.subarray(1, 4);
  const a = array(view);
  expect([a.dtype.str, a.shape, a.toArray()]).toEqual(['<f8', [3], [1.5, -2, 3.25]]);
  view[0] = 100;
  expect(a.get(0)).toBe(1.5);
  expect(sharesMemory(a, asarray(view))).toBe(false);
  expect(array(new Int16Array([-3, 4]), '<i2').toArray()).toEqual([-3, 4]);
  expect(array(new Uint8ClampedArray([255, 0])).dtype.str).toBe('|u1');
  expect(array(new BigInt64Array([-(2n ** 63n), 5n])).toArray()).toEqual([-(2n ** 63n), 5n]);
  expect(array(new Int32Array([7, -1]), '<f4').toArray()).toEqual([7, -1]);
  expect(array(new Float32Array(0)).shape).toEqual([0]);
  expect(() => array(new Float64Array(2), null, { copy: false })).toThrow(ValueError);
});

test('nested lists of numbers into float64 and int64 (the typed-loop store) keep every value; other items fall back to set()', () => {
  const ints = [[1, -2, 2 ** 53 - 1], [-(2 ** 53 - 1), 0, -(2 ** 32)], [2 ** 32 + 1, -1, 4294967295]];
  expect(array(ints).toArray()).toEqual(ints.map((r) => r.map((x) => BigInt(x))));
  const floats = [[[1.5, -0], [NaN, Infinity]], [[-Infinity, 5e-324], [2 ** 60, 0.1]]];
  const f = array(floats);
  expect(f.dtype.str).toBe('<f8');
  expect(Object.is((f.get(0, 0, 1) as number), -0)).toBe(true);
  expect(f.toArray()).toEqual(floats);
  expect(array([[1, 2], [3, 4]], '<f8').toArray()).toEqual([[1, 2], [3, 4]]);
  expect(array([[1, 2], [3, 4]], '>f8').toArray()).toEqual([[1, 2], [3, 4]]);
  // A bool among numbers: the store stops there and set() converts it.
  expect(array([2.5, true, 3]).toArray()).toEqual([2.5, 1, 3]);
  expect(array([[7, 8], [9, false]]).toArray()).toEqual([[7n, 8n], [9n, 0n]]);
  // int64 asked for, a float given: set()'s conversion, as before.
  const viaSet = zeros(2, '<i8');
  viaSet.set([1, 2.75]);
  expect(array([1, 2.75], '<i8').toArray()).toEqual(viaSet.toArray());
});

describe('a list of whole records is an array level, whatever its length', () => {
  // A list of as many records as the dtype has fields was read as one record
  // in field order (its fields given records): array([{a, b}, {a, b}], [a, b]) failed.
  test('two records of a two-field dtype are two records, as one or three are', () => {
    const dt: [string, string][] = [['a', '<i4'], ['b', '<f8']];
    for (const n of [1, 2, 3]) {
      const recs = Array.from({ length: n }, (_, i) => ({ a: i, b: i + 0.5 }));
      const a = array(recs, dt);
      expect(a.shape).toEqual([n]);
      expect(a.toArray()).toEqual(recs);
    }
    // A list in field order is still one record.
    expect(array([1, 2.5], dt).shape).toEqual([]);
    expect(array([[1, 2.5], [3, 4.5]], dt).toArray()).toEqual([{ a: 1, b: 2.5 }, { a: 3, b: 4.5 }]);
  });
});
