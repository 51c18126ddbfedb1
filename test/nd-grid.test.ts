// mgrid / ogrid against NumPy's np.mgrid[...] / np.ogrid[...]: the same
// slices written as index strings (or slice()) give NumPy's dtype, shape,
// strides and bytes, or its error class.
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const { mgrid, ogrid, slice } = lib;

describeWithNumpy('mgrid and ogrid against NumPy', () => {
  const I = inputs(lib);
  test('one slice: arange or N points', () => {
    expectLikeNumpy(
      [
        ['np.mgrid[0:5]', () => mgrid('0:5')],
        ['np.mgrid[2:9:3]', () => mgrid('2:9:3')],
        ['np.mgrid[0:1:0.25]', () => mgrid('0:1:0.25')],
        ['np.mgrid[0.0:3]', () => mgrid('0.0:3')],
        ['np.mgrid[-1:1:5j]', () => mgrid('-1:1:5j')],
        ['np.mgrid[0:10:1j]', () => mgrid('0:10:1j')],
        ['np.mgrid[3:0:-1]', () => mgrid('3:0:-1')],
        ['np.mgrid[:4]', () => mgrid(':4')],
        ['np.mgrid[0:5]', () => mgrid(slice(0, 5))],
        ['np.mgrid[0:1:0.25]', () => mgrid(slice(0, 1, 0.25))],
        ['np.ogrid[0:5]', () => ogrid('0:5')],
        ['np.ogrid[0:2:4j]', () => ogrid('0:2:4j')],
        ['np.mgrid[5:0]', () => mgrid('5:0')],
      ],
      I,
    );
  });

  test('several slices: mgrid dense, ogrid open; int64 or float64 as Python scalars promote', () => {
    expectLikeNumpy(
      [
        ['np.mgrid[0:2, 0:3]', () => mgrid('0:2, 0:3')],
        ['np.mgrid[0:2, 0:3]', () => mgrid('0:2', '0:3')],
        ['np.mgrid[-1:1:5j, 0:3]', () => mgrid('-1:1:5j', '0:3')],
        ['np.mgrid[0:1:0.5, 1:4:2, 0:2]', () => mgrid('0:1:0.5, 1:4:2, 0:2')],
        ['np.mgrid[0:4:3j, 10:20:5]', () => mgrid('0:4:3j, 10:20:5')],
        ['np.mgrid[0:0, 0:3]', () => mgrid('0:0, 0:3')],
        ['np.mgrid[0:2, 0.5:2.5]', () => mgrid('0:2, 0.5:2.5')],
        ['np.mgrid[0:2, 0:3]', () => mgrid(slice(0, 2), slice(0, 3))],
        ['np.ogrid[0:2, 0:3]', () => ogrid('0:2, 0:3')],
        ['np.ogrid[-1:1:5j, 0:3, 2:8:2]', () => ogrid('-1:1:5j, 0:3, 2:8:2')],
        ['np.ogrid[0:0, 0:3]', () => ogrid('0:0, 0:3')],
        ['np.ogrid[5:0, 0:3]', () => ogrid('5:0, 0:3')],
      ],
      I,
    );
  });

  test('errors: a negative length (dense), a step of 0', () => {
    expectLikeNumpy(
      [
        ['np.mgrid[5:0, 0:3]', () => mgrid('5:0, 0:3')],
        ['np.mgrid[0:3:0, 0:3]', () => mgrid('0:3:0, 0:3')],
      ],
      I,
    );
  });
});

test('a slice string that does not parse, and a non-slice argument, are clear errors', () => {
  expect(() => mgrid('0:x')).toThrow(lib.ValueError);
  expect(() => mgrid('5')).toThrow(/not a slice/);
  expect(() => mgrid(5 as never)).toThrow(TypeError);
  expect(() => mgrid()).toThrow(TypeError);
});
