// lib/axis-views.ts: the module-level flip, fliplr, flipud, rot90, moveaxis,
// swapaxes, squeeze, expandDims and ravel: views (or ravel's copy) with
// NumPy's shapes, strides and errors.
import * as lib from '../lib';
import { arange, asarray, AxisError, expandDims, flip, fliplr, flipud, memmap, moveaxis, ravel, rot90, sharesMemory, squeeze, swapaxes, ValueError, zeros } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { useTempDir } from './helpers/tmp';

/** Files of the memmap tests, removed after the file. */
const files = useTempDir();

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('axis views against NumPy', () => {
  test('flip family and rot90', () => {
    expectLikeNumpy(
      [
        ['np.flip(A)', () => flip(A), 'A'],
        ['np.flip(A, 1)', () => flip(A, 1), 'A'],
        ['np.flip(A, (0, 2))', () => flip(A, [0, 2]), 'A'],
        ['np.flip(A, (0, 0))', () => flip(A, [0, 0])],
        ['np.flip(B, -1)', () => flip(B, -1), 'B'],
        ['np.fliplr(U)', () => fliplr(U), 'U'],
        ['np.fliplr(A)', () => fliplr(A), 'A'],
        ['np.fliplr(V)', () => fliplr(V)],
        ['np.flipud(V)', () => flipud(V), 'V'],
        ['np.flipud(S)', () => flipud(S), 'A'],
        ['np.flipud(Z)', () => flipud(Z)],
        ['np.rot90(U)', () => rot90(U), 'U'],
        ['np.rot90(U, 2)', () => rot90(U, 2), 'U'],
        ['np.rot90(U, 3)', () => rot90(U, 3), 'U'],
        ['np.rot90(U, -1)', () => rot90(U, -1), 'U'],
        ['np.rot90(U, 4)', () => rot90(U, 4), 'U'],
        ['np.rot90(A, 1, (2, 0))', () => rot90(A, 1, [2, 0]), 'A'],
        ['np.rot90(A, 1, (-1, 1))', () => rot90(A, 1, [-1, 1]), 'A'],
        ['np.rot90(V)', () => rot90(V)],
        ['np.rot90(U, 1, (0, 2))', () => rot90(U, 1, [0, 2])],
        ['np.rot90(U, 1, (0, 1, 2))', () => rot90(U, 1, [0, 1, 2])],
        ['np.rot90(A, 1, (0, -3))', () => rot90(A, 1, [0, -3])],
      ],
      input,
    );
  });

  test('moveaxis, swapaxes, squeeze, expand_dims, ravel', () => {
    expectLikeNumpy(
      [
        ['np.moveaxis(A, 0, -1)', () => moveaxis(A, 0, -1), 'A'],
        ['np.moveaxis(A, -1, 0)', () => moveaxis(A, -1, 0), 'A'],
        ['np.moveaxis(A, [0, 1], [-1, -2])', () => moveaxis(A, [0, 1], [-1, -2]), 'A'],
        ['np.moveaxis(A, [2, 0], [0, 1])', () => moveaxis(A, [2, 0], [0, 1]), 'A'],
        ['np.moveaxis(T, 1, 0)', () => moveaxis(T, 1, 0), 'A'],
        ['np.moveaxis(A, 3, 0)', () => moveaxis(A, 3, 0)],
        ['np.moveaxis(A, 0, -4)', () => moveaxis(A, 0, -4)],
        ['np.moveaxis(A, [0, 0], [1, 2])', () => moveaxis(A, [0, 0], [1, 2])],
        ['np.moveaxis(A, [0], [1, 2])', () => moveaxis(A, [0], [1, 2])],
        ['np.swapaxes(A, 0, 2)', () => swapaxes(A, 0, 2), 'A'],
        ['np.squeeze(A[:1, :, 1:2])', () => squeeze(A.index(lib.slice(null, 1), lib.slice(), lib.slice(1, 2))), 'A'],
        ['np.squeeze(A[:1], 0)', () => squeeze(A.index(lib.slice(null, 1)), 0), 'A'],
        ['np.squeeze(A, 0)', () => squeeze(A, 0)],
        ['np.expand_dims(B, (0, -1))', () => expandDims(B, [0, -1]), 'B'],
        ['np.ravel(A)', () => ravel(A), 'A'],
        ['np.ravel(T)', () => ravel(T), 'A'],
        ['np.ravel(T, "K")', () => ravel(T, 'K'), 'A'],
        ['np.ravel(F, "F")', () => ravel(F, 'F'), 'F'],
        ['np.ravel(S)', () => ravel(S), 'A'],
      ],
      input,
    );
  });
});

describe('axis views', () => {
  test('rot90 turns from the first axis towards the second', () => {
    expect(vals(rot90(asarray([[1, 2], [3, 4]])))).toEqual([
      [2, 4],
      [1, 3],
    ]);
    expect(vals(rot90(asarray([[1, 2], [3, 4]]), -1))).toEqual([
      [3, 1],
      [4, 2],
    ]);
  });

  test('moveaxis keeps the other axes in order', () => {
    expect(moveaxis(zeros([3, 4, 5]), 0, -1).shape).toEqual([4, 5, 3]);
    expect(moveaxis(zeros([3, 4, 5]), [0, 1], [-1, -2]).shape).toEqual([5, 4, 3]);
  });

  test("NumPy's errors", () => {
    expect(() => moveaxis(zeros([2, 3]), 2, 0)).toThrow(new AxisError('source: axis 2 is out of bounds for array of dimension 2'));
    expect(() => moveaxis(zeros([2, 3]), 0, [0, 1])).toThrow(new ValueError('`source` and `destination` arguments must have the same number of elements'));
    expect(() => moveaxis(zeros([2, 3]), [0, 0], [0, 1])).toThrow(new ValueError('repeated axis in `source` argument'));
    expect(() => rot90(arange(3))).toThrow(new ValueError('Axes must be different.'));
    expect(() => rot90(zeros([2, 2]), 1, [0, 3])).toThrow(new ValueError('Axes=(0, 3) out of range for array of ndim=2.'));
    expect(() => fliplr(arange(3))).toThrow(new ValueError('Input must be >= 2-d.'));
    expect(() => flipud(asarray(1))).toThrow(new ValueError('Input must be >= 1-d.'));
  });

  test('over a memmap every result is a view of the file', () => {
    const tmp = files;
    const m = memmap(tmp.path(), { dtype: 'i2', mode: 'w+', shape: [2, 3] });
    for (const v of [flip(m), fliplr(m), flipud(m), rot90(m), moveaxis(m, 0, 1), swapaxes(m, 0, 1), expandDims(m, 0), squeeze(m), ravel(m)]) {
      expect(sharesMemory(v, m)).toBe(true);
    }
    rot90(m).set([0, 0], 5);
    expect(m.get(0, 2)).toBe(5);
    m.close();
  });
});

describe('fliplr / flipud / rot90 of a nested list (NumPy array_like m)', () => {
  test('a list is converted, then flipped or rotated as an array', () => {
    expect(vals(fliplr([[0, 1, 2], [3, 4, 5]]))).toEqual([[2, 1, 0], [5, 4, 3]]);
    expect(vals(flipud([[0, 1, 2], [3, 4, 5]]))).toEqual([[3, 4, 5], [0, 1, 2]]);
    expect(vals(rot90([[0, 1, 2], [3, 4, 5]]))).toEqual([[2, 5], [1, 4], [0, 3]]);
    expect(fliplr([[1.5, 2]]).dtype.str).toBe('<f8');
  });

  test('a list of too few dimensions: the same errors as an array', () => {
    expect(() => fliplr([1, 2, 3])).toThrow(ValueError);
    expect(() => fliplr([1, 2, 3])).toThrow('Input must be >= 2-d.');
    expect(() => rot90([1, 2, 3])).toThrow('Axes must be different.'); // NumPy's words for a 1-d m (|0 - 1| == ndim)
  });
});

describe('the module-level forms take a nested list, as NumPy\'s array_like', () => {
  test('flip, swapaxes, squeeze, expandDims and ravel convert a list first; no argument is a clear TypeError', () => {
    expect(flip([[1, 2], [3, 4]]).toArray()).toEqual([[4n, 3n], [2n, 1n]]);
    expect(swapaxes([[1, 2, 3]], 0, 1).shape).toEqual([3, 1]);
    expect(squeeze([[[1.5]]]).shape).toEqual([]);
    expect(expandDims([1, 2], 0).shape).toEqual([1, 2]);
    expect(ravel([[1, 2], [3, 4]], 'F').toArray()).toEqual([1n, 3n, 2n, 4n]);
    // Was V8's "Cannot read properties of undefined (reading 'flip')".
    for (const f of [flip, squeeze, ravel] as ((a?: unknown) => unknown)[]) expect(() => f()).toThrow(/^array\(\): cannot make an array element of undefined/);
    expect(() => (expandDims as (a: unknown) => unknown)([1, 2])).toThrow("expand_dims() missing 1 required positional argument: 'axis'");
    expect(() => lib.isfortran(undefined as never)).toThrow('isfortran(): a must be an NdArray, got undefined');
  });
});
