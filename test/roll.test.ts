// lib/roll.ts: roll against NumPy (values, dtype, the empty_like layout,
// never a view), NumPy's errors, and that the blocks are native copies.
import * as lib from '../lib';
import { arange, asarray, AxisError, memmap, roll, sharesMemory, ValueError } from '../lib';
import { useTempDir } from './helpers/tmp';
import * as npCompare from './helpers/np-compare';
import { captureKernels } from '../lib/kernels';
import { describeWithNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

/** Files of the memmap tests, removed after the file. */
const files = useTempDir();

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('roll against NumPy', () => {
  test('flattened, one axis, several axes, shifts that add up, layouts kept', () => {
    expectLikeNumpy(
      [
        ['np.roll(V, 3)', () => roll(V, 3), 'V'],
        ['np.roll(V, -3)', () => roll(V, -3), 'V'],
        ['np.roll(V, 23)', () => roll(V, 23), 'V'],
        ['np.roll(V, 0)', () => roll(V, 0), 'V'],
        ['np.roll(V, [1, 2])', () => roll(V, [1, 2]), 'V'],
        ['np.roll(A, 5)', () => roll(A, 5), 'A'],
        ['np.roll(A, 1, axis=0)', () => roll(A, 1, 0), 'A'],
        ['np.roll(A, -1, axis=2)', () => roll(A, -1, 2), 'A'],
        ['np.roll(A, (1, 2), axis=(1, 2))', () => roll(A, [1, 2], [1, 2]), 'A'],
        ['np.roll(A, 1, axis=(0, 1, 2))', () => roll(A, 1, [0, 1, 2]), 'A'],
        ['np.roll(A, (1, 1), axis=(2, 2))', () => roll(A, [1, 1], [2, 2]), 'A'],
        ['np.roll(A, (1, 2), axis=1)', () => roll(A, [1, 2], 1), 'A'],
        ['np.roll(T, 1, axis=0)', () => roll(T, 1, 0), 'A'],
        ['np.roll(T, 2)', () => roll(T, 2), 'A'],
        ['np.roll(S, 1, axis=1)', () => roll(S, 1, 1), 'A'],
        ['np.roll(B, 1, axis=1)', () => roll(B, 1, 1), 'B'],
        ['np.roll(F, (1, -1), axis=(0, 1))', () => roll(F, [1, -1], [0, 1]), 'F'],
        ['np.roll(Z, 1)', () => roll(Z, 1)],
        ['np.roll(E, 1, axis=1)', () => roll(E, 1, 1)],
        ['np.roll(Z, 1, axis=0)', () => roll(Z, 1, 0)],
        ['np.roll(A, 1, axis=3)', () => roll(A, 1, 3)],
        ['np.roll(A, (1, 2), axis=(0, 1, 2))', () => roll(A, [1, 2], [0, 1, 2])],
      ],
      input,
    );
  });
});

describe('roll', () => {
  test('values', () => {
    expect(vals(roll(arange(5), 2))).toEqual([3, 4, 0, 1, 2]);
    expect(vals(roll(asarray([[1, 2], [3, 4]]), 1, 1))).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  test('a new array even for a zero shift', () => {
    const a = arange(4);
    const r = roll(a, 0);
    expect(sharesMemory(r, a)).toBe(false);
    expect(vals(r)).toEqual([0, 1, 2, 3]);
  });

  test('over a memmap: a fresh plain array, the file untouched; a closed mapping is refused', () => {
    const tmp = files;
    const m = memmap(tmp.path(), { dtype: 'u2', mode: 'w+', shape: [2, 3] });
    m.set([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const r = roll(m, 1, 1);
    expect(r).not.toBeInstanceOf(lib.Memmap);
    expect(sharesMemory(r, m)).toBe(false);
    expect(vals(r)).toEqual([
      [3, 1, 2],
      [6, 4, 5],
    ]);
    expect(vals(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    m.close();
    expect(() => roll(m, 1)).toThrow(lib.AccessError);
  });

  test("NumPy's errors", () => {
    expect(() => roll(arange(3), 1, 1)).toThrow(new AxisError('axis 1 is out of bounds for array of dimension 1'));
    expect(() => roll(arange(3), [1, 2], [0, 0, 0])).toThrow(ValueError);
    expect(() => roll(arange(3), 0.5)).toThrow(TypeError);
  });

  test('two native block copies per rolled axis pair', () => {
    const a = arange(100000, 'f8').reshape(100, 1000);
    const { calls } = captureKernels(() => roll(a, [30, 300], [0, 1]));
    expect(calls.map((c) => c.kind)).toEqual(['copy', 'copy', 'copy', 'copy']);
  });
});

describeWithNumpy('roll with integer arrays as shift and axis (parity pass 6)', () => {
  test("an NdArray shift/axis is read as NumPy's np.broadcast(shift, axis) reads it", () => {
    const { expectCasesLikeNumpy: check } = npCompare;
    const a = asarray([1, 2, 3, 4, 5, 6], '<i8').reshape([2, 3]);
    const A = "np.arange(1, 7, dtype='<i8').reshape(2, 3)";
    check([
      { py: `np.roll(${A}, np.array([1, 1]), np.array([0, 1]))`, js: () => roll(a, asarray([1, 1], '<i8'), asarray([0, 1], '<i8')) },
      { py: `np.roll(${A}, np.array(2))`, js: () => roll(a, asarray(2, '<i8')) },
      { py: `np.roll(${A}, np.array([-1], dtype='<i4'), 1)`, js: () => roll(a, asarray([-1], '<i4'), 1) },
    ]);
    expect(() => roll(a, asarray([1.5], '<f8'))).toThrow(TypeError);
  });
});
