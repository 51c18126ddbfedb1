// astype(..., { casting: 'same_value' }) against NumPy 2.4: the casts that
// keep every value succeed with NumPy's bytes; the ones that change a value
// raise NumPy's ValueError (class and message).
import * as lib from '../lib';
import { asarray } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

describeWithNumpy("casting 'same_value' against NumPy", () => {
  const I = inputs(lib);
  const sv = { casting: 'same_value' } as const;
  test('value-keeping casts pass; changed values raise', () => {
    expectLikeNumpy(
      [
        ["np.arange(10.0).astype(np.int16, casting='same_value')", () => lib.arange(10, 'f8').astype('i2', sv)],
        ["(np.arange(10.0) + 0.666).astype(np.int32, casting='same_value')", () => lib.arange(10, 'f8').add(0.666).astype('i4', sv)],
        ["np.array([np.nan]).astype(np.int64, casting='same_value')", () => asarray([NaN]).astype('i8', sv)],
        ["np.array([np.inf, -np.inf, np.nan]).astype(np.float32, casting='same_value')", () => asarray([Infinity, -Infinity, NaN]).astype('f4', sv)],
        ["np.array([1e300]).astype(np.float32, casting='same_value')", () => asarray([1e300]).astype('f4', sv)],
        ["np.array([0.1, 1/3]).astype(np.float32, casting='same_value')", () => asarray([0.1, 1 / 3]).astype('f4', sv)],
        ["np.array([300]).astype(np.int8, casting='same_value')", () => asarray([300]).astype('i1', sv)],
        ["np.array([-1]).astype(np.uint8, casting='same_value')", () => asarray([-1]).astype('u1', sv)],
        ["np.array([2**53 + 1]).astype(np.float64, casting='same_value')", () => asarray([2n ** 53n + 1n]).astype('f8', sv)],
        ["np.array([2**24 + 1], dtype=np.int32).astype(np.float32, casting='same_value')", () => asarray([2 ** 24 + 1], 'i4').astype('f4', sv)],
        ["np.array([65504 * 2]).astype(np.float16, casting='same_value')", () => asarray([65504 * 2]).astype('f2', sv)],
        ["np.array([1+1j]).astype(np.complex64, casting='same_value')", () => asarray([{ re: 1, im: 1 }], 'c16').astype('c8', sv)],
        ["np.array([1+1j]).astype(np.float32, casting='same_value')", () => asarray([{ re: 1, im: 1 }], 'c16').astype('f4', sv)],
        ["np.array([3+0j]).astype(np.int16, casting='same_value')", () => asarray([{ re: 3, im: 0 }], 'c16').astype('i2', sv)],
        ["np.array([0, 1, 2]).astype(bool, casting='same_value')", () => asarray([0, 1, 2]).astype('?', sv)],
        ["np.array([0.5, np.nan, 1+1j]).astype(bool, casting='same_value')", () => asarray([{ re: 0.5, im: 0 }, { re: NaN, im: 0 }, { re: 1, im: 1 }], 'c16').astype('?', sv)],
        ["A.astype(np.uint8, casting='same_value')", () => I.A.astype('u1', sv)],
        ["B.astype(np.int8, casting='same_value')", () => I.B.astype('i1', sv)],
        ["np.float64(123).astype(np.int64, casting='same_value')", () => asarray(123.5).subtract(0.5).astype('i8', sv)],
      ],
      I,
    );
  });
});
