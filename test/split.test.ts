// lib/split.ts: split, arraySplit, hsplit, vsplit, dsplit: every part a view
// (dtype, shape, strides, bytes, shared memory) as NumPy's, the errors in
// NumPy's words; then the same pinned without NumPy.
import * as lib from '../lib';
import { arange, arraySplit, dsplit, hsplit, IndexError, memmap, sharesMemory, split, ValueError, vsplit, zeros } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { useTempDir } from './helpers/tmp';

/** Files of the memmap tests, removed after the file. */
const files = useTempDir();

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('split functions against NumPy', () => {
  test('sections as a count or as split points, every axis, views', () => {
    expectLikeNumpy(
      [
        ['np.split(V, 5)', () => split(V, 5), 'V'],
        ['np.split(V, [3, 5, 6, 10])', () => split(V, [3, 5, 6, 10]), 'V'],
        ['np.split(V, [-3, 20])', () => split(V, [-3, 20]), 'V'],
        ['np.split(V, [7, 2])', () => split(V, [7, 2]), 'V'],
        ['np.split(V, [])', () => split(V, []), 'V'],
        ['np.split(V, 3)', () => split(V, 3)],
        ['np.split(V, -2)', () => split(V, -2)],
        ['np.split(A, 2, axis=-1)', () => split(A, 2, -1), 'A'],
        ['np.split(A, 3, axis=1)', () => split(A, 3, 1), 'A'],
        ['np.split(T, [1], axis=0)', () => split(T, [1], 0), 'A'],
        ['np.split(B, 3, axis=1)', () => split(B, 3, 1), 'B'],
        ['np.split(A, 2, axis=3)', () => split(A, 2, 3)],
        ['np.split(Z, 1)', () => split(Z, 1)],
        ['np.array_split(V, 3)', () => arraySplit(V, 3), 'V'],
        ['np.array_split(V, 4)', () => arraySplit(V, 4), 'V'],
        ['np.array_split(V, 13)', () => arraySplit(V, 13), 'V'],
        ['np.array_split(V, 0)', () => arraySplit(V, 0)],
        ['np.array_split(S, 2, axis=2)', () => arraySplit(S, 2, 2), 'A'],
        ['np.array_split(E, 2)', () => arraySplit(E, 2)],
        ['np.array_split(E, 2, axis=1)', () => arraySplit(E, 2, 1)],
        ['np.array_split(F, [1, 3], axis=1)', () => arraySplit(F, [1, 3], 1), 'F'],
        ['np.hsplit(V, 2)', () => hsplit(V, 2), 'V'],
        ['np.hsplit(U, [1, 2])', () => hsplit(U, [1, 2]), 'U'],
        ['np.hsplit(Z, 1)', () => hsplit(Z, 1)],
        ['np.vsplit(U, 3)', () => vsplit(U, 3), 'U'],
        ['np.vsplit(V, 2)', () => vsplit(V, 2)],
        ['np.dsplit(A, [1])', () => dsplit(A, [1]), 'A'],
        ['np.dsplit(U, 2)', () => dsplit(U, 2)],
      ],
      input,
    );
  });
});

describe('split', () => {
  test('equal sections, views of the input', () => {
    const a = arange(6);
    const parts = split(a, 3);
    expect(parts.map(vals)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    for (const p of parts) expect(sharesMemory(p, a)).toBe(true);
  });

  test('a count that does not divide the axis is refused; arraySplit takes it', () => {
    expect(() => split(arange(7), 3)).toThrow(new ValueError('array split does not result in an equal division'));
    expect(arraySplit(arange(7), 3).map(vals)).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
  });

  test('split points are Python slice bounds: negative, past the end, decreasing', () => {
    expect(split(arange(5), [-2, 9]).map(vals)).toEqual([[0, 1, 2], [3, 4], []]);
    expect(split(arange(5), [3, 1]).map(vals)).toEqual([[0, 1, 2], [], [1, 2, 3, 4]]);
  });

  test('counts of 0 or less, axes out of range, too few dimensions', () => {
    expect(() => arraySplit(arange(3), 0)).toThrow(new ValueError('number sections must be larger than 0.'));
    expect(() => split(arange(3), 0)).toThrow(ValueError);
    expect(() => split(arange(3), 1, 1)).toThrow(new IndexError('tuple index out of range'));
    expect(() => hsplit(lib.asarray(1), 1)).toThrow('hsplit only works on arrays of 1 or more dimensions');
    expect(() => vsplit(arange(4), 2)).toThrow('vsplit only works on arrays of 2 or more dimensions');
    expect(() => dsplit(zeros([2, 2]), 2)).toThrow('dsplit only works on arrays of 3 or more dimensions');
    expect(() => split(arange(4), 1.5)).toThrow(TypeError);
  });

  test('parts of a memmap write through to the file', () => {
    const tmp = files;
    const m = memmap(tmp.path(), { dtype: 'i4', mode: 'w+', shape: [4, 6] });
    const [, right] = hsplit(m, 2);
    right.fill(7);
    expect(m.get(3, 5)).toBe(7);
    expect(m.get(3, 2)).toBe(0);
    m.close();
    expect(() => split(m, 2)).toThrow(lib.AccessError);
    expect(() => right.get(0, 0)).toThrow(lib.AccessError);
  });
});
