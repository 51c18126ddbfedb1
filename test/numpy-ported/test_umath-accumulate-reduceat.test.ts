// NumPy's own tests (NumPy 2.4) of ufunc accumulate/reduceat and a few ufunc
// call details, ported test by test: same names, same intent, the same values,
// shapes, dtypes and errors.
// - numpy/_core/tests/test_umath.py: test_reduceat, test_reduceat_empty,
//   test_memoverlap_accumulate, test_memoverlap_accumulate_symmetric, TestInt.
// - numpy/_core/tests/test_ufunc.py, TestUfunc: test_reduceat_shifting_sum,
//   test_reduceat_and_accumulate_out_shape_mismatch, test_endian's dtype half,
//   test_cast_safety, test_axes_argument (its matmul half); TestUfuncKwargs.
//
// Mapping: np.add.reduceat(a, idx, axis=) -> addReduceat(a, idx, axis);
// np.add.accumulate / np.multiply.accumulate -> cumsum / cumprod (the library's
// accumulate of add and multiply); np.maximum/minimum.accumulate ->
// maximumAccumulate / minimumAccumulate; a['value'] -> a.field('value');
// np.add.reduce -> sum; itertools.accumulate(arr, ufunc) -> NumPy's own result at run time.
//
// Skipped (not counted as passing):
// - test_reduceat's np.setbufsize(32) half (no buffer size setting here: the
//   loops are unbuffered); test_negative_value_raises (np.setbufsize);
// - test_memoverlap_accumulate_cmp and the ufuncs of
//   test_memoverlap_accumulate_symmetric other than add, multiply, maximum and
//   minimum: there is no general `ufunc.accumulate` here;
// - TestUfunc.test_type_cast, test_broadcast and test_endian's first half: np.vecdot
//   does not exist here.
import {
  add, addReduceat, arange, cumprod, cumsum, dtype, empty, logicalNot, maximumAccumulate, minimumAccumulate, negative, absolute,
  ones, sqrt, sum, NdArray, matmul, AxisError, ValueError, zeros,
} from '../../lib';
import { arr, vals } from '../helpers/np-port';
import { assertAlmostEqual, assertEqual } from '../helpers/np-assert';
import { hexOf } from '../helpers/np-compare';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

describe('test_umath module functions', () => {
  test('test_reduceat', () => {
    // Test bug in reduceat when structured arrays are not copied.
    const db = dtype([['name', 'S11'], ['time', '<i8'], ['value', '<f4']]);
    const a = empty([100], db);
    a.field('name').set('Simple');
    a.field('time').set(10);
    a.field('value').set(100);
    const indx = [0, 7, 15, 25];

    const h2: unknown[] = [];
    let val1 = indx[0];
    for (const val2 of indx.slice(1)) {
      h2.push(vals(sum(a.field('value').index(`${val1}:${val2}`))));
      val1 = val2;
    }
    h2.push(vals(sum(a.field('value').index(`${val1}:`))));

    // test buffered -- this should work
    const h1 = addReduceat(a.field('value'), indx);
    assertAlmostEqual(h1, h2, 6);
  });

  test('test_reduceat_empty', () => {
    // Reduceat should work with empty arrays
    const indices = arr([], 'i4');
    let x = arr([], 'f8');
    let result = addReduceat(x, indices);
    expect(result.dtype.str).toBe(x.dtype.str);
    expect(result.shape).toEqual([0]);
    // Another case with a slightly different zero-sized shape
    x = ones([5, 2]);
    result = addReduceat(x, [], 0);
    expect(result.dtype.str).toBe(x.dtype.str);
    expect(result.shape).toEqual([0, 2]);
    result = addReduceat(x, [], 1);
    expect(result.dtype.str).toBe(x.dtype.str);
    expect(result.shape).toEqual([5, 0]);
  });

  test.each(['f4', 'f8'])('test_memoverlap_accumulate[%s]', (ftype) => {
    // Reproduces bug https://github.com/numpy/numpy/issues/15597
    const a = arr([0.61, 0.60, 0.77, 0.41, 0.19], ftype);
    const outMax = arr([0.61, 0.61, 0.77, 0.77, 0.77], ftype);
    const outMin = arr([0.61, 0.60, 0.60, 0.41, 0.19], ftype);
    assertEqual(maximumAccumulate(a), outMax);
    assertEqual(minimumAccumulate(a), outMin);
  });
});

describeWithNumpy('test_memoverlap_accumulate_symmetric', () => {
  // (ufunc, dtype) for the ufuncs with an accumulate here, over their loops t[0] == t[1] == t[-1]
  // not in 'DFGMmO?' (NumPy's parametrization restricted to them).
  const ufuncs: [string, (a: NdArray, dt: string) => NdArray][] = [
    ['add', (a, dt) => cumsum(a, 0, { dtype: dt })],
    ['multiply', (a, dt) => cumprod(a, 0, { dtype: dt })],
    ['maximum', (a, dt) => maximumAccumulate(a, 0, { dtype: dt })],
    ['minimum', (a, dt) => minimumAccumulate(a, 0, { dtype: dt })],
  ];
  const sizes = [2, 8, 32, 64, 128, 256];
  test('each accumulate equals itertools.accumulate over NumPy\'s ufunc', () => {
    const want = runNumpy<Record<string, string[]>>(`
import itertools
out = {}
with np.errstate(all='ignore'):
    for name in ${JSON.stringify(ufuncs.map((u) => u[0]))}:
        uf = getattr(np, name)
        for t in uf.types:
            if t[0] == t[1] and t[0] == t[-1] and t[0] not in 'DFGMmO?gnNpP':
                dt = np.dtype(t[0])
                out[f'{name}-{dt.str}'] = [np.array(list(itertools.accumulate(np.array([0, 1, 2] * size).astype(dt), uf)), dtype=dt).tobytes().hex() for size in ${JSON.stringify(sizes)}]
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const key of Object.keys(want)) {
      const [name, dt] = key.split('-');
      const f = ufuncs.find((u) => u[0] === name)![1];
      sizes.forEach((size, i) => {
        const a = arr(Array.from({ length: 3 * size }, (_, k) => k % 3), 'i8').astype(dt);
        const acc = f(a, dt);
        if (acc.dtype.str !== dtype(dt).str || hexOf(acc) !== want[key][i]) bad.push(`${key} size ${size}`);
      });
    }
    expect(Object.keys(want).length).toBeGreaterThan(30);
    expect(bad).toEqual([]);
  });
});

describe('TestInt', () => {
  test('test_logical_not', () => {
    const x = ones(10, 'i2');
    const o = ones(10 * 2, '?');
    const tgt = o.copy();
    tgt.set('::2', false);
    const os = o.index('::2');
    assertEqual(logicalNot(x, { out: os }), false);
    assertEqual(o, tgt);
  });
});

describe('TestUfunc', () => {
  test('test_reduceat_shifting_sum', () => {
    const L = 6;
    const x = arange(L);
    // np.array(list(zip(np.arange(L - 2), np.arange(L - 2) + 2))).ravel()
    const idx: number[] = [];
    for (let i = 0; i < L - 2; i++) idx.push(i, i + 2);
    assertEqual(addReduceat(x, arr(idx)).index('::2'), [1, 3, 5, 7]);
  });

  test.each([true, false])('test_reduceat_and_accumulate_out_shape_mismatch[with_cast=%s]', (withCast) => {
    // Should raise an error mentioning "shape" or "size"
    const a = arange(5);
    let out: NdArray = arange(3); // definitely wrong shape
    // If a cast is necessary on the output, we can be sure to use the generic NpyIter (non-fast) path.
    if (withCast) out = out.astype('f8');
    expect(() => addReduceat(a, [0, 3], { out })).toThrow(/(shape|size)/);
    expect(() => cumsum(a, 0, { out })).toThrow(/(shape|size)/);
  });

  test('test_endian (output dtypes)', () => {
    // Output should always be native-endian
    const Ba = arange(1, '>f8');
    const La = arange(1, '<f8');
    expect(add(Ba, Ba).dtype.str).toBe('<f8');
    expect(add(Ba, La).dtype.str).toBe('<f8');
    expect(add(La, Ba).dtype.str).toBe('<f8');
    expect(add(La, La).dtype.str).toBe('<f8');
    expect(absolute(La).dtype.str).toBe('<f8');
    expect(absolute(Ba).dtype.str).toBe('<f8');
    expect(negative(La).dtype.str).toBe('<f8');
    expect(negative(Ba).dtype.str).toBe('<f8');
  });

  const castUfuncs: [string, number, (...args: unknown[]) => NdArray][] = [
    ['add', 2, add as never],
    ['sqrt', 1, sqrt as never],
  ];
  test.each(castUfuncs)('test_cast_safety[%s]', (_name, nin, ufunc) => {
    // Basic test for the safest casts, because ufuncs inner loops can
    // indicate a cast-safety as well (which is normally always "no").
    const callUfunc = (a: NdArray, kwargs: Record<string, unknown> = {}): NdArray => ufunc(...Array(nin).fill(a), kwargs);
    const a = arr([1, 2, 3], 'f4');
    const aBs = a.astype(a.dtype.newbyteorder());
    const expected = callUfunc(a);
    // Normally, a "no" cast:
    let res = callUfunc(a, { casting: 'no' });
    assertEqual(expected, res);
    // Byte-swapping is not allowed with "no" though:
    expect(() => callUfunc(aBs, { casting: 'no' })).toThrow(TypeError);
    // But is allowed with "equiv":
    res = callUfunc(aBs, { casting: 'equiv' });
    assertEqual(expected, res);
    // Casting to float64 is safe, but not equiv:
    expect(() => callUfunc(aBs, { dtype: 'f8', casting: 'equiv' })).toThrow(TypeError);
    // but it is safe cast:
    res = callUfunc(aBs, { dtype: 'f8', casting: 'safe' });
    assertEqual(callUfunc(a.astype('f8')), res);
  });
});

// numpy/_core/tests/test_ufunc.py, TestUfuncKwargs: a misspelt or removed keyword is a
// TypeError (np.add(1, 2, castingx='safe') -> add(1, 2, { castingx: 'safe' })). sig= and
// signature= are not options here, so test_sig_signature and test_sig_dtype's calls are
// TypeErrors for that reason too (NumPy's: both given, or given with dtype).
describe('TestUfuncKwargs', () => {
  const addKw = (kw: Record<string, unknown>): NdArray => (add as (a: unknown, b: unknown, o: unknown) => NdArray)(1, 2, kw);

  test('test_kwarg_exact', () => {
    expect(() => addKw({ castingx: 'safe' })).toThrow(TypeError);
    expect(() => addKw({ dtypex: 'l' })).toThrow(TypeError);
    expect(() => addKw({ extobjx: [4096] })).toThrow(TypeError);
    expect(() => addKw({ outx: null })).toThrow(TypeError);
    expect(() => addKw({ sigx: 'ii->i' })).toThrow(TypeError);
    expect(() => addKw({ signaturex: 'ii->i' })).toThrow(TypeError);
    expect(() => addKw({ subokx: false })).toThrow(TypeError);
    expect(() => addKw({ wherex: [true] })).toThrow(TypeError);
  });

  test('test_sig_signature', () => {
    expect(() => addKw({ sig: 'ii->i', signature: 'ii->i' })).toThrow(TypeError);
  });

  test('test_sig_dtype', () => {
    expect(() => addKw({ sig: 'ii->i', dtype: 'l' })).toThrow(TypeError);
    expect(() => addKw({ signature: 'ii->i', dtype: 'l' })).toThrow(TypeError);
  });

  test('test_extobj_removed', () => {
    expect(() => addKw({ extobj: [4096] })).toThrow(TypeError);
  });
});

// numpy/_core/tests/test_ufunc.py, TestUfunc.test_axes_argument: its matrix_multiply half
// (umt.matrix_multiply has matmul's signature '(m,n),(n,p)->(m,p)': run as matmul with
// axes). The vecdot half is skipped (no vecdot here), and so are the checks that tell a
// Python tuple from a list (JS has only arrays: [[-2, -1], ...] is NumPy's tuples).
describe('TestUfunc (axes)', () => {
  test('test_axes_argument (matrix_multiply as matmul)', () => {
    const a = arange(12).reshape(2, 3, 2);
    const b = arange(8).reshape(2, 2, 2, 1).add(1);
    // Sanity check.
    assertEqual(matmul(a, b), matmul(a, b));
    // Default axes.
    assertEqual(matmul(a, b, { axes: [[-2, -1], [-2, -1], [-2, -1]] }), matmul(a, b));
    // Default with explicit axes.
    assertEqual(matmul(a, b, { axes: [[1, 2], [2, 3], [2, 3]] }), matmul(a, b));
    // swap some axes.
    assertEqual(matmul(a, b, { axes: [[0, -1], [1, 2], [-2, -1]] }), matmul(a.transpose([1, 0, 2]), b.transpose([0, 3, 1, 2])));
    // Default with output array.
    let c = empty([2, 2, 3, 1]);
    let d = matmul(a, b, { out: c, axes: [[1, 2], [2, 3], [2, 3]] });
    expect(d).toBe(c);
    assertEqual(c, matmul(a, b));
    // Transposed output array
    c = empty([1, 2, 2, 3]);
    d = matmul(a, b, { out: c, axes: [[-2, -1], [-2, -1], [3, 0]] });
    expect(d).toBe(c);
    assertEqual(c, matmul(a, b).transpose([3, 0, 1, 2]));
    // Check errors for improperly constructed axes arguments.
    // wrong argument
    expect(() => matmul(a, b, { axis: 1 } as never)).toThrow(TypeError);
    // axes should be list
    expect(() => matmul(a, b, { axes: 1 } as never)).toThrow(TypeError);
    // list needs to have right length
    expect(() => matmul(a, b, { axes: [] as never })).toThrow(ValueError);
    expect(() => matmul(a, b, { axes: [[-2, -1]] as never })).toThrow(ValueError);
    // list should not contain None
    expect(() => matmul(a, b, { axes: [null, null, null] as never })).toThrow(TypeError);
    expect(() => matmul(a, b, { axes: [[-2, -1], [-2, -1], null] as never })).toThrow(TypeError);
    // single integers are AxisErrors if more are required
    expect(() => matmul(a, b, { axes: [-1, -1, -1] })).toThrow(AxisError);
    expect(() => matmul(a, b, { axes: [[-2, -1], [-2, -1], -1] })).toThrow(AxisError);
    // tuples should not have duplicated values
    expect(() => matmul(a, b, { axes: [[-2, -1], [-2, -1], [-2, -2]] })).toThrow(ValueError);
    // (arrays should have enough axes: matrix_multiply's 2-d cores; matmul takes a 1-d operand.)
    const z = zeros([2, 2]);
    expect(() => matmul(z, z, { out: z.index(':, 0') })).toThrow(ValueError);
    // Regular ufuncs should not accept axes.
    expect(() => (add as (x: unknown, y: unknown, o: unknown) => NdArray)(1.5, 1.5, { axes: [0] })).toThrow(TypeError);
    // should be able to deal with bad unrelated kwargs.
    expect(() => matmul(z, z, { axes: [0, 1], parrot: true } as never)).toThrow(TypeError);
  });
});
