// NumPy's own numpy/_core/tests/test_dtype.py (NumPy 2.4), ported test by
// test: same names, same intent, the same values, shapes and errors.
//
// Mapping: np.dtype(spec, align=) -> dtype(spec, { align }); Python tuples in
// specs -> arrays (`('a', 'f4', 3)` -> `['a', 'f4', 3]`), a lone `(base,
// shape)` -> `{ base, shape }`; `a == b` -> a.equals(b); repr(dt) ->
// util.inspect(dt); str(dt) -> String(dt). assert_dtype_equal also checks
// hash(a) == hash(b):
// JS has no dtype hash, so it checks equality both ways instead.
//
// Skipped (not counted as passing):
// - Python types as specs (np.dtype(int), np.int32, str, object, ctypes,
//   np.record, np.void subclasses, __dtype__ attributes, dtype classes,
//   np.dtypes.*): JS has no such type objects; the strings they stand for
//   are ported instead ('l' for int, 'd' for float).
// - Kinds mmarray does not store: U, O, M8/m8, StringDType, rational, and
//   every test that needs them (test_comma_datetime, test_repr_structured_datetime,
//   TestStructuredObjectRefcounting, test_base_dtype_with_object_type, ...).
// - Field titles (mmarray refuses them with a TypeError): test_different_titles,
//   the titled cases of TestString, test_multifield_index (titled fields).
// - Mutating a dtype (a.names = ..., __setstate__, delattr, metadata): DTypes
//   are frozen; pickling and refcounts: no Python runtime.
// - bytes specs (b'f'), np.dtype(dt.fields) dict-proxy specs and the dict form
//   {'f0': ('i4', 0)} (names as keys): mmarray takes names/formats dicts only.
// - Indexing a dtype (dt[0], dt['a'], dt[['a']]): DType has no item access;
//   dt.fields[name].dtype is the port where a test reads a field.
// - The deprecated '(2)f4,' warning: there are no DeprecationWarnings.
import { inspect } from 'util';
import { broadcastTo, canCast, dtype, DType, fromBuffer, OverflowError, resultType, ValueError, zeros } from '../../lib';
import type { DTypeLike, PromoteOperand } from '../../lib';

function assertDtypeEqual(a: DType, b: DType): void {
  expect(a.equals(b)).toBe(true);
  expect(b.equals(a)).toBe(true);
}

function assertDtypeNotEqual(a: DType, b: DType): void {
  expect(a.equals(b)).toBe(false);
  expect(b.equals(a)).toBe(false);
}

const sub = (base: DTypeLike, shape: number | number[]): DType => dtype({ base, shape });
const field = (dt: DType, name: string): DType => dt.fields![name].dtype;

describe('TestBuiltin', () => {
  // ('t', [int, float]): np.dtype(int) is 'l' (int64), np.dtype(float) is 'd'.
  test.each(['l', 'd'])('test_dtype[%s]', (t) => {
    // Make sure equivalent byte order chars compare equal (e.g. < and = on little endian).
    const dt = dtype(t);
    const dt2 = dt.newbyteorder('<');
    const dt3 = dt.newbyteorder('>');
    if (dt.equals(dt2)) {
      expect(dt.byteorder).not.toBe(dt2.byteorder); // "bogus test"
      assertDtypeEqual(dt, dt2);
    } else {
      expect(dt.byteorder).not.toBe(dt3.byteorder);
      assertDtypeEqual(dt, dt3);
    }
  });

  test('test_equivalent_dtype_hashing', () => {
    // uintp is 8 bytes here: it equals ulonglong.
    const left = dtype('uintp');
    const right = dtype('ulonglong');
    expect(left.itemsize).toBe(8);
    assertDtypeEqual(left, right);
  });

  test('test_invalid_types', () => {
    for (const spec of ['O3', 'O5', 'O7', 'b3', 'h4', 'I5', 'e3', 'f5', 'g12']) {
      expect(() => dtype(spec)).toThrow(TypeError);
    }
    // 'l' is 8 bytes here, as is 'q'.
    expect(dtype('l').itemsize).toBe(8);
    for (const spec of ['l4', 'L4', 'q4', 'Q4']) expect(() => dtype(spec)).toThrow(TypeError);
    // Negative-sized dtypes raise an error.
    for (const spec of ['S-1', 'U-1', 'V-1']) expect(() => dtype(spec)).toThrow(TypeError);
  });

  test('test_richcompare_invalid_dtype_equality', () => {
    // 7 cannot be converted to a dtype: == is false, no exception.
    expect(dtype('i4').equals(7 as never)).toBe(false);
  });

  test.each([
    'Bool', 'Bytes0', 'Complex32', 'Complex64', 'Datetime64', 'Float16', 'Float32', 'Float64',
    'Int8', 'Int16', 'Int32', 'Int64', 'Object0', 'Str0', 'Timedelta64', 'UInt8', 'UInt16',
    'Uint32', 'UInt32', 'Uint64', 'UInt64', 'Void0', 'Float128', 'Complex128',
  ])('test_numeric_style_types_are_invalid[%s]', (spec) => {
    expect(() => dtype(spec)).toThrow(TypeError);
  });

  test('test_expired_dtypes_with_bad_bytesize', () => {
    for (const spec of ['int0', 'uint0', 'bool8', 'bytes0', 'str0', 'object0', 'void0']) {
      expect(() => dtype(spec)).toThrow(TypeError);
      expect(() => dtype(spec)).toThrow(/removed in NumPy 2.0/);
    }
  });

  test('test_dtype_from_bytes (the str spellings: empty and order-only specs)', () => {
    // b'' and b'|': no type given.
    expect(() => dtype('')).toThrow(TypeError);
    expect(() => dtype('|')).toThrow(TypeError);
    assertDtypeEqual(dtype('f'), dtype('float32'));
    // non-ascii characters raise errors
    expect(() => dtype('\xff')).toThrow(TypeError);
    expect(() => dtype('s\xff')).toThrow(TypeError);
  });

  test('test_bad_param', () => {
    // Can't give a size that's too small
    expect(() => dtype({ names: ['f0', 'f1'], formats: ['i4', 'i1'], offsets: [0, 4], itemsize: 4 })).toThrow(ValueError);
    // If alignment is enabled, the alignment (4) must divide the itemsize
    expect(() => dtype({ names: ['f0', 'f1'], formats: ['i4', 'i1'], offsets: [0, 4], itemsize: 9 }, { align: true })).toThrow(
      ValueError,
    );
    // If alignment is enabled, the individual fields must be aligned
    expect(() => dtype({ names: ['f0', 'f1'], formats: ['i1', 'f4'], offsets: [0, 2] }, { align: true })).toThrow(ValueError);
  });

  test('test_field_order_equality', () => {
    const x = dtype({ names: ['A', 'B'], formats: ['i4', 'f4'], offsets: [0, 4] });
    const y = dtype({ names: ['B', 'A'], formats: ['i4', 'f4'], offsets: [4, 0] });
    expect(x.equals(y)).toBe(false);
    // This is a safe cast (not equiv) due to the different names:
    expect(canCast(x, y, 'safe')).toBe(true);
  });

  test('test_create_invalid_string_errors (the string spelling)', () => {
    expect(() => dtype('S1234hello')).toThrow(TypeError);
  });

  test('test_leading_zero_parsing', () => {
    const dt1 = dtype('S010');
    const dt2 = dtype('S10');
    expect(dt1.equals(dt2)).toBe(true);
    expect(inspect(dt1)).toBe("dtype('S10')");
    expect(dt1.itemsize).toBe(10);
  });

  test.each(['i4, (2,3)f8, f4', 'S3, 3u8, (3,4)S10', '>f', '<f', '=f', '|f'])(
    'test_dtype_bytes_str_equivalence[%s] (parses, and equals itself parsed again)',
    (value) => {
      assertDtypeEqual(dtype(value), dtype(value));
    },
  );
});

describe('TestRecord', () => {
  test('test_equivalent_record', () => {
    assertDtypeEqual(dtype([['yo', 'l']]), dtype([['yo', 'l']]));
  });

  test('test_different_names', () => {
    assertDtypeNotEqual(dtype([['yo', 'l']]), dtype([['ye', 'l']]));
  });

  test('test_init_simple_structured', () => {
    expect(dtype('i, i').names).toEqual(['f0', 'f1']);
    expect(dtype('i,').names).toEqual(['f0']);
  });

  test('test_not_lists', () => {
    expect(() => dtype({ names: new Set(['A', 'B']), formats: ['f8', 'i4'] } as never)).toThrow(TypeError);
    expect(() => dtype({ names: ['A', 'B'], formats: new Set(['f8', 'i4']) } as never)).toThrow(TypeError);
  });

  test('test_aligned_size', () => {
    // Check that structured dtypes get padded to an aligned size
    expect(dtype('i4, i1', { align: true }).itemsize).toBe(8);
    expect(dtype([['f0', 'i4'], ['f1', 'i1']], { align: true }).itemsize).toBe(8);
    expect(dtype({ names: ['f0', 'f1'], formats: ['i4', 'u1'], offsets: [0, 4] }, { align: true }).itemsize).toBe(8);
    // Nesting should preserve that alignment
    const inner = [['f1', 'i1'], ['f2', 'i4'], ['f3', 'i1']] as const;
    let dt1 = dtype([['f0', 'i4'], ['f1', inner], ['f2', 'i1']], { align: true });
    expect(dt1.itemsize).toBe(20);
    let dt2 = dtype({ names: ['f0', 'f1', 'f2'], formats: ['i4', inner, 'i1'], offsets: [0, 4, 16] }, { align: true });
    expect(dt2.itemsize).toBe(20);
    assertDtypeEqual(dt1, dt2);
    // Nesting should preserve packing
    dt1 = dtype([['f0', 'i4'], ['f1', inner], ['f2', 'i1']], { align: false });
    expect(dt1.itemsize).toBe(11);
    dt2 = dtype({ names: ['f0', 'f1', 'f2'], formats: ['i4', inner, 'i1'], offsets: [0, 4, 10] }, { align: false });
    expect(dt2.itemsize).toBe(11);
    assertDtypeEqual(dt1, dt2);
    // Array of subtype should preserve alignment
    dt1 = dtype(
      [
        ['a', '|i1'],
        ['b', [['f0', '<i2'], ['f1', '<f4']], 2],
      ],
      { align: true },
    );
    expect(dt1.descr).toEqual([
      ['a', '|i1'],
      ['', '|V3'],
      ['b', [['f0', '<i2'], ['', '|V2'], ['f1', '<f4']], [2]],
    ]);
  });

  test('test_empty_struct_alignment', () => {
    // Empty dtypes should have an alignment of 1
    expect(dtype([], { align: true }).alignment).toBe(1);
    expect(dtype([['f0', []]], { align: true }).alignment).toBe(1);
    expect(dtype({ names: [], formats: [], offsets: [] }, { align: true }).alignment).toBe(1);
    expect(dtype({ names: ['f0'], formats: [[]], offsets: [0] }, { align: true }).alignment).toBe(1);
  });

  test('test_union_struct', () => {
    // Should be able to create union dtypes
    let dt = dtype({ names: ['f0', 'f1', 'f2'], formats: ['<u4', '<u2', '<u2'], offsets: [0, 0, 2] }, { align: true });
    expect(dt.itemsize).toBe(4);
    const a = fromBuffer(new Uint32Array([3]).buffer, '<u4').view(dt);
    a.field('f1').set(10);
    a.field('f2').set(36);
    expect(a.field('f0').toArray()).toEqual([10 + 36 * 256 * 256]);
    // Should be able to specify fields out of order
    dt = dtype({ names: ['f0', 'f1', 'f2'], formats: ['<u4', '<u2', '<u2'], offsets: [4, 0, 2] }, { align: true });
    expect(dt.itemsize).toBe(8);
    // field name should not matter: assignment is by position
    const dt2 = dtype({ names: ['f2', 'f0', 'f1'], formats: ['<u4', '<u2', '<u2'], offsets: [4, 0, 2] }, { align: true });
    const vals = [
      [0, 1, 2],
      [3, 2 ** 15 - 1, 4],
    ];
    const x = zeros(2, dt);
    x.set(vals as never);
    const y = zeros(2, dt2);
    y.set(vals as never);
    const byPos = (arr: ReturnType<typeof zeros>): unknown[] => (arr.toArray() as Record<string, number>[]).map((r) => Object.values(r));
    expect(byPos(x.astype(dt2))).toEqual(byPos(y));
    expect(byPos(y.astype(dt))).toEqual(byPos(x));
    expect(byPos(x.view(dt2))).toEqual(byPos(y));
    expect(byPos(y.view(dt))).toEqual(byPos(x));
  });

  test('test_parenthesized_single_number', () => {
    expect(() => dtype('(2)f4')).toThrow(TypeError);
    expect(() => dtype('(2)f4')).toThrow(/not understood/);
  });

  test('test_from_dict_with_zero_width_field', () => {
    // Regression test for #6430 / #2196
    const dt = dtype([
      ['val1', 'f4', [0]],
      ['val2', 'l'],
    ]);
    const dt2 = dtype({ names: ['val1', 'val2'], formats: [{ base: 'f4', shape: [0] }, 'l'] });
    assertDtypeEqual(dt, dt2);
    expect(field(dt, 'val1').itemsize).toBe(0);
    expect(dt.itemsize).toBe(field(dt, 'val2').itemsize);
  });

  test('test_bool_commastring', () => {
    const d = dtype('?,?,?');
    expect(d.names!.length).toBe(3);
    for (const n of d.names!) assertDtypeEqual(field(d, n), dtype('?'));
  });

  test('test_nonint_offsets', () => {
    const makeDtype = (off: unknown): DType => dtype({ names: ['A'], formats: ['i4'], offsets: [off as number] });
    expect(() => makeDtype('ASD')).toThrow(TypeError);
    // NumPy: OverflowError (a Python int past C long); mmarray: RangeError.
    expect(() => makeDtype(2 ** 70)).toThrow(OverflowError);
    expect(() => makeDtype(2.3)).toThrow(TypeError);
    expect(() => makeDtype(-10)).toThrow(ValueError);
    // no errors here:
    const dt = makeDtype(0);
    expect(zeros(1, dt).get(0)).toEqual({ A: 0 });
  });

  test('test_partial_dict', () => {
    // 'names' is missing
    expect(() => dtype({ formats: ['i4', 'i4'], f0: ['i4', 0], f1: ['i4', 4] } as never)).toThrow(ValueError);
  });

  test('test_fieldless_views', () => {
    const a = zeros(2, { names: [], formats: [], offsets: [], itemsize: 8 });
    expect(() => a.view(dtype([]))).toThrow(ValueError);

    const d = sub(dtype([]), [10]);
    expect(d.shape).toEqual([10]);
    expect(d.itemsize).toBe(0);
    assertDtypeEqual(d.base, dtype([]));

    expect(() => fromBuffer(new ArrayBuffer(0), [])).toThrow(ValueError);
    expect(() => zeros(1, 'i4').view([])).toThrow(ValueError);
  });
});

describe('TestSubarray', () => {
  test('test_single_subarray', () => {
    const a = sub('l', 2);
    const b = sub('l', [2]);
    assertDtypeEqual(a, b);
    expect(Array.isArray(a.subdtype![1])).toBe(true);
    expect(Array.isArray(b.subdtype![1])).toBe(true);
  });

  test('test_equivalent_record', () => {
    assertDtypeEqual(sub('l', [2, 3]), sub('l', [2, 3]));
  });

  test('test_nonequivalent_record', () => {
    assertDtypeNotEqual(sub('l', [2, 3]), sub('l', [3, 2]));
    assertDtypeNotEqual(sub('l', [2, 3]), sub('l', [2, 2]));
    assertDtypeNotEqual(sub('l', [1, 2, 3]), sub('l', [1, 2]));
  });

  test('test_shape_equal', () => {
    assertDtypeEqual(dtype('f8'), sub('f8', []));
    assertDtypeEqual(dtype('(1,)f8'), sub('f8', 1));
    expect(sub('f8', 1).shape).toEqual([1]);
    assertDtypeEqual(sub('l', 2), sub('l', [2]));
    assertDtypeEqual(sub('<f4', [3, 2]), sub('<f4', [3, 2]));
    const d = [
      [
        ['a', 'f4', [1, 2]],
        ['b', 'f8', [3, 1]],
      ],
      [3, 2],
    ];
    assertDtypeEqual(dtype(d as never), dtype(d as never));
  });

  test('test_shape_simple', () => {
    assertDtypeNotEqual(dtype('f8'), sub('f8', [1]));
    assertDtypeNotEqual(sub('f8', [1]), sub('f8', [1, 1]));
    assertDtypeNotEqual(sub('f4', [3, 2]), sub('f4', [2, 3]));
  });

  test('test_shape_monster', () => {
    const pairs = [
      [
        [[['a', 'f4', [2, 1]], ['b', 'f8', [1, 3]]], [2, 2]],
        [[['a', 'f4', [1, 2]], ['b', 'f8', [1, 3]]], [2, 2]],
      ],
      [
        [[['a', 'f4', [2, 1]], ['b', 'f8', [1, 3]]], [2, 2]],
        [[['a', 'f4', [2, 1]], ['b', 'i8', [1, 3]]], [2, 2]],
      ],
      [
        [[['a', 'f4', [2, 1]], ['b', 'f8', [1, 3]]], [2, 2]],
        [[['e', 'f8', [1, 3]], ['d', 'f4', [2, 1]]], [2, 2]],
      ],
      [
        [[['a', [['a', 'i4', 6]], [2, 1]], ['b', 'f8', [1, 3]]], [2, 2]],
        [[['a', [['a', 'u4', 6]], [2, 1]], ['b', 'f8', [1, 3]]], [2, 2]],
      ],
    ];
    for (const [x, y] of pairs) assertDtypeNotEqual(dtype(x as never), dtype(y as never));
  });

  test('test_shape_sequence', () => {
    // Any sequence of integers works as a shape; the result is a plain array of numbers.
    const a = new Int16Array([1, 2, 3]);
    let dt = dtype([['a', 'f4', a]] as never);
    expect(field(dt, 'a').shape).toEqual([1, 2, 3]);
    expect(Array.isArray(field(dt, 'a').shape)).toBe(true);
    expect(typeof field(dt, 'a').shape[0]).toBe('number');
    dt = dtype([['a', 'f4', [1, 2, 3]]]);
    expect(Array.isArray(field(dt, 'a').shape)).toBe(true);
  });

  test('test_shape_matches_ndim', () => {
    let dt = dtype([['a', 'f4', []]]);
    expect(field(dt, 'a').shape).toEqual([]);
    dt = dtype([['a', 'f4']]);
    expect(field(dt, 'a').shape).toEqual([]);
    dt = dtype([['a', 'f4', 4]]);
    expect(field(dt, 'a').shape).toEqual([4]);
    dt = dtype([['a', 'f4', [1, 2, 3]]]);
    expect(field(dt, 'a').shape).toEqual([1, 2, 3]);
  });

  test('test_shape_invalid', () => {
    const maxInt = 2 ** 31 - 1;
    const maxIntp = 2 ** 63 - 1;
    // Too large values (the datatype is part of this)
    expect(() => dtype([['a', 'f4', Math.floor(maxInt / 4) + 1]])).toThrow(ValueError);
    expect(() => dtype([['a', 'f4', maxInt + 1]])).toThrow(ValueError);
    expect(() => dtype([['a', 'f4', [maxInt, 2]]])).toThrow(ValueError);
    expect(() => dtype([['a', 'f4', maxIntp + 1]])).toThrow(ValueError);
    // Negative values
    expect(() => dtype([['a', 'f4', -1]])).toThrow(ValueError);
    expect(() => dtype([['a', 'f4', [-1, -1]]])).toThrow(ValueError);
  });

  test('test_alignment', () => {
    // Check that subarrays are aligned
    const t1 = dtype('(1,)i4', { align: true });
    const t2 = dtype('2i4', { align: true });
    expect(t1.alignment).toBe(t2.alignment);
  });

  test('test_aligned_empty', () => {
    // gh-19696: construction failed completely
    expect(dtype([], { align: true }).equals(dtype([]))).toBe(true);
    expect(dtype({ names: [], formats: [], itemsize: 0 }, { align: true }).equals(dtype([]))).toBe(true);
  });

  test('test_subarray_base_item', () => {
    const arr = zeros(3, [['f', 'i', 3]]);
    arr.fill(1 as never);
    // Extracting the field "absorbs" the subarray into a view:
    const f = arr.field('f');
    expect(f.shape).toEqual([3, 3]);
    expect(f.base).toBe(arr);
  });
});

describe('TestStructuredDtypeSparseFields', () => {
  const dt = dtype([['a', { names: ['aa', 'ab'], formats: ['f', 'f'], offsets: [0, 4] }, [2, 3]]]);
  const sparseDtype = dtype([['a', { names: ['ab'], formats: ['f'], offsets: [4] }, [2, 3]]]);
  const FLT_MAX = 3.4028234663852886e38;

  test('test_sparse_field_assignment', () => {
    const arr = zeros(3, dt);
    const sparseArr = arr.view(sparseDtype);
    sparseArr.field('a').field('ab').fill(FLT_MAX as never);
    // the untouched field keeps its zeros
    const aa = arr.field('a').field('aa');
    expect(aa.shape).toEqual([3, 2, 3]);
    expect((aa.toArray() as number[][][]).flat(2)).toEqual(new Array(18).fill(0));
    expect((arr.field('a').field('ab').toArray() as number[][][]).flat(2)).toEqual(new Array(18).fill(FLT_MAX));
  });
});

describe('TestMonsterType', () => {
  test('test1 (without titles)', () => {
    const simple1 = dtype({ names: ['r', 'b'], formats: ['u1', 'u1'] });
    const a = dtype([
      ['yo', 'l'],
      ['ye', simple1],
      ['yi', sub('l', [3, 2])],
    ]);
    const b = dtype([
      ['yo', 'l'],
      ['ye', simple1],
      ['yi', sub('l', [3, 2])],
    ]);
    assertDtypeEqual(a, b);
    const c = dtype([
      ['yo', 'l'],
      ['ye', simple1],
      ['yi', sub(a, [3, 2])],
    ]);
    const d = dtype([
      ['yo', 'l'],
      ['ye', simple1],
      ['yi', sub(a, [3, 2])],
    ]);
    assertDtypeEqual(c, d);
  });

  test('test_list_recursion', () => {
    const l: unknown[] = [];
    l.push(['f', l]);
    // NumPy: RecursionError; mmarray: a RangeError (the JS stack) or a clear error, never a hang.
    expect(() => dtype(l as never)).toThrow();
  });

  test('test_tuple_recursion', () => {
    let d: unknown = 'i4';
    for (let i = 0; i < 100000; i++) d = [d, [1]];
    // NumPy: RecursionError; mmarray refuses a spec nested deeper than 64 levels
    // with a ValueError naming the limit (never the JS stack's RangeError).
    expect(() => dtype(d as never)).toThrow(ValueError);
  });

  test('test_dict_recursion', () => {
    const d = { names: ['self'], formats: [null as unknown], offsets: [0] };
    d.formats[0] = d;
    expect(() => dtype(d as never)).toThrow();
  });
});

describe('TestString', () => {
  const complexSpec = [
    [
      'top',
      [
        ['tiles', ['>f4', [64, 64]], [1]],
        ['rtile', '>f4', [64, 36]],
      ],
      [3],
    ],
    [
      'bottom',
      [
        ['bleft', ['>f4', [8, 64]], [1]],
        ['bright', '>f4', [8, 36]],
      ],
    ],
  ];

  test('test_complex_dtype_str (without titles)', () => {
    let dt = dtype(complexSpec as never);
    expect(String(dt)).toBe(
      "[('top', [('tiles', ('>f4', (64, 64)), (1,)), " +
        "('rtile', '>f4', (64, 36))], (3,)), " +
        "('bottom', [('bleft', ('>f4', (8, 64)), (1,)), " +
        "('bright', '>f4', (8, 36))])]",
    );
    // If the sticky aligned flag is set to True, str() uses a dict with an 'aligned' flag
    dt = dtype(complexSpec as never, { align: true });
    expect(String(dt)).toBe(
      "{'names': ['top', 'bottom']," +
        " 'formats': [([('tiles', ('>f4', (64, 64)), (1,)), " +
        "('rtile', '>f4', (64, 36))], (3,)), " +
        "[('bleft', ('>f4', (8, 64)), (1,)), " +
        "('bright', '>f4', (8, 36))]]," +
        " 'offsets': [0, 76800]," +
        " 'itemsize': 80000," +
        " 'aligned': True}",
    );
  });

  test('test_repr_structured (without titles)', () => {
    const dt = dtype(complexSpec as never);
    expect(inspect(dt)).toBe(
      "dtype([('top', [('tiles', ('>f4', (64, 64)), (1,)), " +
        "('rtile', '>f4', (64, 36))], (3,)), " +
        "('bottom', [('bleft', ('>f4', (8, 64)), (1,)), " +
        "('bright', '>f4', (8, 36))])])",
    );
    const rgb = dtype({ names: ['r', 'g', 'b'], formats: ['u1', 'u1', 'u1'], offsets: [0, 1, 2] }, { align: true });
    expect(inspect(rgb)).toBe("dtype([('r', 'u1'), ('g', 'u1'), ('b', 'u1')], align=True)");
  });

  test('test_repr_structured_not_packed (without titles)', () => {
    let dt = dtype({ names: ['rgba', 'r', 'g', 'b'], formats: ['<u4', 'u1', 'u1', 'u1'], offsets: [0, 0, 1, 2] }, { align: true });
    expect(inspect(dt)).toBe(
      "dtype({'names': ['rgba', 'r', 'g', 'b']," +
        " 'formats': ['<u4', 'u1', 'u1', 'u1']," +
        " 'offsets': [0, 0, 1, 2]," +
        " 'itemsize': 4}, align=True)",
    );
    dt = dtype({ names: ['r', 'b'], formats: ['u1', 'u1'], offsets: [0, 2], itemsize: 4 });
    expect(inspect(dt)).toBe("dtype({'names': ['r', 'b'], 'formats': ['u1', 'u1'], 'offsets': [0, 2], 'itemsize': 4})");
  });

  test('test_repr_str_subarray', () => {
    const dt = sub('<i2', [1]);
    expect(inspect(dt)).toBe("dtype(('<i2', (1,)))");
    expect(String(dt)).toBe("('<i2', (1,))");
  });
});

describe('TestDtypeAttributes', () => {
  test('test_descr_has_trailing_void', () => {
    // see gh-6359
    const dt = dtype({ names: ['A', 'B'], formats: ['f4', 'f4'], offsets: [0, 8], itemsize: 16 });
    const newDtype = dtype(dt.descr as never);
    expect(newDtype.itemsize).toBe(16);
  });

  test('test_zero_stride', () => {
    const arr = broadcastTo(zeros(1, 'i8'), [10]);
    expect(arr.strides).toEqual([0]);
    expect(() => arr.view('i1')).toThrow(ValueError);
  });
});

describe('TestPromotion', () => {
  const perms = <T>(xs: T[]): T[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const op = (x: string | number | boolean | { re: number; im: number }): PromoteOperand => (typeof x === 'string' ? dtype(x) : x);

  // The kinds mmarray has; Python's 1. is 1.5 here (a JS 1 is an integer), 1j is { re: 0, im: 1 }.
  test.each([
    [['u2', 'i2', 'f2'], 'f4'],
    [['u2', 'i1', 'f2'], 'f4'],
    [['u1', 'i2', 'f2'], 'f4'],
    [[1, 1, 'f8'], 'f8'],
    [[1, 1.5, 'c16'], 'c16'],
    [[1, { re: 0, im: 1 }, 'f8'], 'c16'],
    [[1.5, 1.5, 'i8'], 'f8'],
    [[1.5, { re: 0, im: 1 }, 'f8'], 'c16'],
    [[{ re: 0, im: 1 }, { re: 0, im: 1 }, 'f8'], 'c16'],
    [[1, true, '?'], 'i8'],
  ] as const)('test_permutations_do_not_influence_result[%j]', (dtypes, expected) => {
    for (const p of perms([...dtypes])) expect(resultType(...p.map(op)).equals(expected)).toBe(true);
  });

  test.each([2, 2 ** 32, 2n ** 63n, 2n ** 64n, 2 * 100])('test_python_integer_promotion[%s]', (val) => {
    // Only scalars (NEP 50): the default integer.
    expect(resultType(val, 0).equals('l')).toBe(true);
    // With NEP 50, the NumPy scalar (here: the int8 dtype) wins:
    expect(resultType(val, dtype('i1')).equals('i1')).toBe(true);
  });

  test.each([
    ['?', 'c16'],
    ['i8', 'c16'],
    ['f2', 'c8'],
    ['f4', 'c8'],
    ['f8', 'c16'],
    ['c8', 'c8'],
    ['c16', 'c16'],
  ])('test_complex_scalar_value_based[%s]', (other, expected) => {
    expect(resultType(dtype(other), { re: 0, im: 1 }).equals(expected)).toBe(true);
  });
});

test('test_invalid_dtype_string', () => {
  // test for gh-10440
  expect(() => dtype('f8,i8,[f8,i8]')).toThrow(TypeError);
  expect(() => dtype('Fl\xfcgel')).toThrow(TypeError);
});

test('test_keyword_argument', () => {
  // Python's dtype=np.float64 keyword has no JS spelling; the align option is the only keyword.
  assertDtypeEqual(dtype('float64'), dtype('f8'));
});
