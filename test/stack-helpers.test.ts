// lib/stack-helpers.ts: atleast1d/2d/3d (views), hstack, vstack, dstack,
// columnStack (new arrays): each result's dtype, shape, strides, bytes and
// view-or-copy against NumPy, then the same behaviour pinned without NumPy.
import * as lib from '../lib';
import { arange, asarray, atleast1d, atleast2d, atleast3d, columnStack, dstack, hstack, memmap, sharesMemory, ValueError, vstack, zeros } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { useTempDir } from './helpers/tmp';

/** Files of the memmap tests, removed after the file. */
const files = useTempDir();

const { A, B, T, V, Z, S, E, U, F } = inputs(lib);

describeWithNumpy('stack helpers against NumPy', () => {
  test('atleast_1d/2d/3d: the views and shapes NumPy gives', () => {
    expectLikeNumpy(
      [
        ['np.atleast_1d(Z)', () => atleast1d(Z), 'Z'],
        ['np.atleast_1d(V)', () => atleast1d(V), 'V'],
        ['np.atleast_1d(Z, V, A)', () => atleast1d(Z, V, A), 'Z'],
        ['np.atleast_2d(Z)', () => atleast2d(Z), 'Z'],
        ['np.atleast_2d(V)', () => atleast2d(V), 'V'],
        ['np.atleast_2d(T)', () => atleast2d(T), 'A'],
        ['np.atleast_3d(Z)', () => atleast3d(Z), 'Z'],
        ['np.atleast_3d(V)', () => atleast3d(V), 'V'],
        ['np.atleast_3d(B)', () => atleast3d(B), 'B'],
        ['np.atleast_3d(S)', () => atleast3d(S), 'A'],
        ['np.atleast_3d(B, V)', () => atleast3d(B, V), 'B'],
        ['np.atleast_2d(7.5)', () => atleast2d(7.5)],
      ],
      { A, B, T, V, Z, S, E, U, F },
    );
  });

  test('hstack/vstack/dstack/column_stack: values, dtype promotion, layout, errors', () => {
    expectLikeNumpy(
      [
        ['np.hstack([V, V])', () => hstack([V, V]), 'V'],
        ['np.hstack([A, A])', () => hstack([A, A]), 'A'],
        ['np.hstack([B, U[:2]])', () => hstack([B, U.index(lib.slice(null, 2))])],
        ['np.hstack([T, T])', () => hstack([T, T])],
        ['np.hstack([Z, Z])', () => hstack([Z, Z])],
        ['np.hstack([Z, V])', () => hstack([Z, V])],
        ['np.hstack([V, B])', () => hstack([V, B])],
        ['np.hstack([])', () => hstack([])],
        ['np.hstack([U, U], dtype="f4")', () => hstack([U, U], { dtype: 'f4' })],
        ['np.hstack([B, B], dtype="i4")', () => hstack([B, B], { dtype: 'i4' })],
        ['np.hstack([B, B], dtype="i4", casting="unsafe")', () => hstack([B, B], { dtype: 'i4', casting: 'unsafe' })],
        ['np.vstack([V, V])', () => vstack([V, V])],
        ['np.vstack([B, B, B])', () => vstack([B, B, B])],
        ['np.vstack([F, F])', () => vstack([F, F])],
        ['np.vstack([Z, Z])', () => vstack([Z, Z])],
        ['np.vstack([E, E])', () => vstack([E, E])],
        ['np.vstack(U)', () => vstack(U)],
        ['np.vstack([V, B])', () => vstack([V, B])],
        ['np.vstack([U, U], dtype="i2")', () => vstack([U, U], { dtype: 'i2' })],
        ['np.dstack([V, V])', () => dstack([V, V])],
        ['np.dstack([B, B])', () => dstack([B, B])],
        ['np.dstack([A, A])', () => dstack([A, A])],
        ['np.dstack([Z, Z])', () => dstack([Z, Z])],
        ['np.column_stack([V, V])', () => columnStack([V, V])],
        ['np.column_stack([Z, Z])', () => columnStack([Z, Z])],
        ['np.column_stack([U, U[:, 0]])', () => columnStack([U, U.index(lib.slice(), 0)])],
        ['np.column_stack([V, U])', () => columnStack([V, U])],
        ['np.column_stack([F, F])', () => columnStack([F, F])],
      ],
      { A, B, T, V, Z, S, E, U, F },
    );
  });
});

describe('atleast*d', () => {
  test('a 0-d array becomes a view of shape [1], [1, 1], [1, 1, 1]', () => {
    const z = asarray(5, 'i2');
    for (const [r, shape] of [
      [atleast1d(z), [1]],
      [atleast2d(z), [1, 1]],
      [atleast3d(z), [1, 1, 1]],
    ] as const) {
      expect(r.shape).toEqual(shape);
      expect(sharesMemory(r, z)).toBe(true);
    }
  });

  test('arrays with enough axes come back themselves; several inputs give a list', () => {
    const a = zeros([2, 3]);
    expect(atleast1d(a)).toBe(a);
    expect(atleast2d(a)).toBe(a);
    const both = atleast3d(a, arange(4)) as lib.NdArray[];
    expect(both.map((x) => x.shape)).toEqual([
      [2, 3, 1],
      [1, 4, 1],
    ]);
  });

  test('a 1-d array as a row: the new axis has stride 0, as NumPy', () => {
    const r = atleast2d(arange(3)) as lib.NdArray;
    expect(r.shape).toEqual([1, 3]);
    expect(r.strides).toEqual([0, 8]);
  });

  test('over a memmap the result is a view of the file', () => {
    const tmp = files;
    const m = memmap(tmp.path(), { dtype: 'f8', mode: 'w+', shape: [4] });
    const r = atleast3d(m) as lib.NdArray;
    r.set([0, 2, 0], 9);
    expect(m.get(2)).toBe(9);
    m.close();
  });
});

describe('hstack / vstack / dstack / columnStack', () => {
  test('1-d inputs join along axis 0 for hstack, as rows for vstack, as columns for columnStack', () => {
    const a = asarray([1, 2, 3]);
    const b = asarray([4, 5, 6]);
    expect(vals(hstack([a, b]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(vals(vstack([a, b]))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(vals(columnStack([a, b]))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(vals(dstack([a, b]))).toEqual([
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    ]);
  });

  test('the result is a copy, never a view of an input', () => {
    const a = arange(4);
    expect(sharesMemory(hstack([a]), a)).toBe(false);
    expect(sharesMemory(vstack([a]), a)).toBe(false);
  });

  test("NumPy's errors: empty input, mismatched shapes, not a sequence, unknown option", () => {
    expect(() => hstack([])).toThrow(new ValueError('need at least one array to concatenate'));
    expect(() => vstack([arange(2), arange(3)])).toThrow(ValueError);
    expect(() => hstack(5 as never)).toThrow(new TypeError('arrays to stack must be passed as a "sequence" type such as list or tuple.'));
    expect(() => hstack([arange(2)], { axis: 0 } as never)).toThrow(TypeError);
    expect(() => hstack([asarray([1.5])], { dtype: 'i4' })).toThrow("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
  });
});
