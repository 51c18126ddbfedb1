// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): class
// TestRollaxis, ported test by test (same names, intent, shapes and errors).
//
// Mapping: np.rollaxis(a, axis=i, start=j) -> rollaxis(a, i, j); the check
// `res[aind[res.shape - 1]] == a` (every item where the permutation puts it)
// -> res.get(...) at the permuted index equals a.get(...) for every index
// (the axes of (1, 2, 3, 4) differ in length, so res.shape names the
// permutation, as NumPy's test uses it); not OWNDATA -> res.base is not null.
//
// Skipped (not counted as passing): none.
import { arange, AxisError, rollaxis } from '../../lib';
import type { NdArray } from '../../lib';

const TGT: Record<string, number[]> = {
  '0,0': [1, 2, 3, 4], '0,1': [1, 2, 3, 4], '0,2': [2, 1, 3, 4], '0,3': [2, 3, 1, 4], '0,4': [2, 3, 4, 1],
  '1,0': [2, 1, 3, 4], '1,1': [1, 2, 3, 4], '1,2': [1, 2, 3, 4], '1,3': [1, 3, 2, 4], '1,4': [1, 3, 4, 2],
  '2,0': [3, 1, 2, 4], '2,1': [1, 3, 2, 4], '2,2': [1, 2, 3, 4], '2,3': [1, 2, 3, 4], '2,4': [1, 2, 4, 3],
  '3,0': [4, 1, 2, 3], '3,1': [1, 4, 2, 3], '3,2': [1, 2, 4, 3], '3,3': [1, 2, 3, 4], '3,4': [1, 2, 3, 4],
};

function sameItems(res: NdArray, a: NdArray): boolean {
  const perm = res.shape.map((n) => n - 1);
  for (let i1 = 0; i1 < 2; i1++) {
    for (let i2 = 0; i2 < 3; i2++) {
      for (let i3 = 0; i3 < 4; i3++) {
        const idx = [0, i1, i2, i3];
        if (res.get(...perm.map((ax) => idx[ax])) !== a.get(...idx)) return false;
      }
    }
  }
  return true;
}

describe('TestRollaxis', () => {
  test('test_exceptions', () => {
    const a = arange(24).reshape(1, 2, 3, 4);
    expect(() => rollaxis(a, -5, 0)).toThrow(AxisError);
    expect(() => rollaxis(a, 0, -5)).toThrow(AxisError);
    expect(() => rollaxis(a, 4, 0)).toThrow(AxisError);
    expect(() => rollaxis(a, 0, 5)).toThrow(AxisError);
  });
  test('test_results', () => {
    const a = arange(24).reshape(1, 2, 3, 4).copy();
    expect(a.base).toBeNull();
    for (const key of Object.keys(TGT)) {
      const [i, j] = key.split(',').map(Number);
      const ip = i + 1;
      const jp = j < 4 ? j + 1 : j;
      const runs: [NdArray, number[]][] = [
        [rollaxis(a, i, j), TGT[`${i},${j}`]],
        [rollaxis(a, -ip, j), TGT[`${4 - ip},${j}`]],
        [rollaxis(a, i, -jp), TGT[`${i},${4 - jp}`]],
        [rollaxis(a, -ip, -jp), TGT[`${4 - ip},${4 - jp}`]],
      ];
      for (const [res, shape] of runs) {
        expect(sameItems(res, a)).toBe(true);
        expect(res.shape).toEqual(shape);
        expect(res.base).not.toBeNull();
      }
    }
  });
});
