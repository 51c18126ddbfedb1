// The binary ufuncs' outer methods (lib/ufuncs/outer.ts) against NumPy's
// ufunc.outer: values, dtype, shape and strides, with out/where/dtype, and
// NumPy's errors.
import * as mm from '../../lib';
import { describeWithNumpy } from '../helpers/numpy';
import { expectCasesLikeNumpy, type Case } from '../helpers/np-compare';

describeWithNumpy('ufunc.outer against NumPy', () => {
  test('every binary ufunc over a pair of small arrays', () => {
    const pairs: [string, string][] = [
      ['add', 'addOuter'], ['subtract', 'subtractOuter'], ['multiply', 'multiplyOuter'], ['divide', 'divideOuter'],
      ['floor_divide', 'floorDivideOuter'], ['remainder', 'remainderOuter'], ['power', 'powerOuter'],
      ['minimum', 'minimumOuter'], ['maximum', 'maximumOuter'], ['fmin', 'fminOuter'], ['fmax', 'fmaxOuter'],
      ['equal', 'equalOuter'], ['not_equal', 'notEqualOuter'], ['less', 'lessOuter'], ['less_equal', 'lessEqualOuter'],
      ['greater', 'greaterOuter'], ['greater_equal', 'greaterEqualOuter'], ['logical_and', 'logicalAndOuter'],
      ['logical_or', 'logicalOrOuter'], ['logical_xor', 'logicalXorOuter'], ['hypot', 'hypotOuter'],
      ['logaddexp', 'logaddexpOuter'],
    ];
    const cases: Case[] = [];
    for (const [np, js] of pairs) {
      const f = (mm as unknown as Record<string, (a: unknown, b: unknown) => mm.NdArray>)[js];
      cases.push({ py: `np.${np}.outer(np.array([[0.5, -2.0, 3.0], [4.0, 0.0, -1.5]]), np.array([1.0, -0.5]))`, js: () => f(mm.array([[0.5, -2, 3], [4, 0, -1.5]]), mm.array([1, -0.5])) });
      cases.push({ py: `np.${np}.outer(np.arange(1, 5, dtype=np.int32).reshape(2, 2).T, np.array([3, 1], np.int16))`, js: () => f(mm.arange(1, 5, 1, 'i4').reshape([2, 2]).T, mm.array([3, 1], 'i2')) });
    }
    for (const [np, js] of [['bitwise_and', 'bitwiseAndOuter'], ['bitwise_or', 'bitwiseOrOuter'], ['bitwise_xor', 'bitwiseXorOuter'], ['left_shift', 'leftShiftOuter'], ['right_shift', 'rightShiftOuter']]) {
      const f = (mm as unknown as Record<string, (a: unknown, b: unknown) => mm.NdArray>)[js];
      cases.push({ py: `np.${np}.outer(np.array([12, 7, 255], np.uint8), np.array([[1], [3]], np.uint8))`, js: () => f(mm.array([12, 7, 255], 'u1'), mm.array([[1], [3]], 'u1')) });
    }
    expectCasesLikeNumpy(cases);
  });

  test('inputs become arrays first: a number is strong, lists and scalars give a + b shapes', () => {
    expectCasesLikeNumpy([
      { py: 'np.add.outer(np.array([1, 2], np.int8), 300)', js: () => mm.addOuter(mm.array([1, 2], 'i1'), 300) },
      { py: 'np.add.outer(np.array([1, 2], np.float32), 1.5)', js: () => mm.addOuter(mm.array([1, 2], 'f4'), 1.5) },
      { py: 'np.less.outer([1, 2, 3], [2])', js: () => mm.lessOuter([1, 2, 3], [2]) },
      { py: 'np.add.outer(2, 3)', js: () => mm.addOuter(2, 3) },
      { py: 'np.multiply.outer(np.arange(6.).reshape(2, 3).T, np.arange(2.))', js: () => mm.multiplyOuter(mm.arange(6).astype('f8').reshape([2, 3]).T, mm.arange(2).astype('f8')) },
      { py: 'np.subtract.outer(np.zeros((0, 2)), np.arange(3))', js: () => mm.subtractOuter(mm.zeros([0, 2]), mm.arange(3)) },
      { py: "np.equal.outer(np.array([2, 0, 1]), np.arange(3))", js: () => mm.equalOuter(mm.array([2, 0, 1]), mm.arange(3)) },
    ]);
  });

  test('options reach the ufunc: out, where, dtype', () => {
    const out = mm.empty([2, 2]);
    expect(mm.addOuter([1, 2], [3, 4], { out })).toBe(out);
    expect(out.toArray()).toEqual([[4, 5], [5, 6]]);
    expect(mm.addOuter([1, 2], [3, 4], { where: [true, false], out: mm.zeros([2, 2]) }).toArray()).toEqual([[4, 0], [5, 0]]);
    expectCasesLikeNumpy([
      { py: "np.multiply.outer(np.array([1, 2], np.int8), np.array([100, 3], np.int8), dtype='f4')", js: () => mm.multiplyOuter(mm.array([1, 2], 'i1'), mm.array([100, 3], 'i1'), { dtype: 'f4' }) },
      { py: 'np.add.outer(np.arange(2.), np.arange(3.), out=np.zeros((3, 2)))', js: () => mm.addOuter(mm.arange(2).astype('f8'), mm.arange(3).astype('f8'), { out: mm.zeros([3, 2]) }) },
    ]);
  });

  test('arctan2Outer is arctan2 over a[..., None, …] and b (its values within libm ulps of NumPy)', () => {
    const a = mm.array([[0.5, -2, 3], [4, 0, -1.5]]);
    const b = mm.array([1, -0.5, -0]);
    const r = mm.arctan2Outer(a, b);
    expect(r.shape).toEqual([2, 3, 3]);
    expect(r.toArray()).toEqual(mm.arctan2(a.reshape([2, 3, 1]), b).toArray());
  });

  test('more than 64 axes together is NumPy ValueError', () => {
    const a = mm.zeros(new Array<number>(40).fill(1));
    expectCasesLikeNumpy([{ py: 'np.add.outer(np.zeros((1,) * 40), np.zeros((1,) * 30))', js: () => mm.addOuter(a, mm.zeros(new Array<number>(30).fill(1))) }]);
  });
});
