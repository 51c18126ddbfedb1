// NumPy's own numpy/_core/tests/test_api.py (NumPy 2.4): test_copyto_fromscalar,
// test_copyto, test_copyto_cast_safety, test_copyto_permut and test_full_from_list
// (the rest of the file is test_api.test.ts), ported test by test: same names,
// same intent, the same values and errors.
//
// Mapping: np.copyto(dst, src, casting=, where=) -> copyto(dst, src, { casting,
// where }); np.full(shape, fill_value) -> full(shape, fillValue); a Python list
// `where=` -> the same nested JS list.
//
// Skipped (not counted as passing):
// - test_copyto_cast_safety's object-dtype line (no object dtype), its last line (a
//   RuntimeWarning for 2e300 into float32: no warnings here) and its first line
//   (copyto(arange(3), 3., casting='safe') -> TypeError): JS has no float 3.0 distinct from
//   the integer 3, and an integer-valued number is Python's int (README "Values"). Under
//   casting='equiv' such a number may be either (`np.copyto(np.arange(3.), 3., casting='equiv')`
//   is ported as written and passes).
import { arange, copyto, full, NdArray, OverflowError, zeros } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const where = (w: readonly unknown[]): { where: readonly unknown[] } => ({ where: w });

test('test_copyto_fromscalar', () => {
  const a = arange(6, 'f4').reshape(2, 3);
  copyto(a, 1.5);
  assertEqual(a, 1.5);
  copyto(a.T, 2.5);
  assertEqual(a, 2.5);
  let mask = arr([[0, 1, 0], [0, 0, 1]], '?');
  copyto(a, 3.5, { where: mask });
  assertEqual(a, [[2.5, 3.5, 2.5], [2.5, 2.5, 3.5]]);
  mask = arr([[0, 1], [1, 1], [1, 0]], '?');
  copyto(a.T, 4.5, { where: mask });
  assertEqual(a, [[2.5, 4.5, 4.5], [4.5, 4.5, 3.5]]);
});

test('test_copyto', () => {
  const a = arange(6, 'i4').reshape(2, 3);
  copyto(a, [[3, 1, 5], [6, 2, 1]]);
  assertEqual(a, [[3, 1, 5], [6, 2, 1]]);
  // Overlapping copy should work
  copyto(a.index(':, :2'), a.index('::-1, 1::-1'));
  assertEqual(a, [[2, 6, 5], [1, 3, 1]]);
  // Defaults to 'same_kind' casting
  expect(() => copyto(a, 1.5)).toThrow(TypeError);
  copyto(a, 1.5, { casting: 'unsafe' });
  assertEqual(a, 1);
  copyto(a, 3, where([true, false, true]));
  assertEqual(a, [[3, 1, 3], [3, 1, 3]]);
  expect(() => copyto(a, 3.5, where([true, false, true]))).toThrow(TypeError);
  copyto(a, 4.0, { casting: 'unsafe', ...where([[0, 1, 1], [1, 0, 0]]) });
  assertEqual(a, [[3, 4, 4], [4, 1, 3]]);
  copyto(a.index(':, :2'), a.index('::-1, 1::-1'), where([[0, 1], [1, 1]]));
  assertEqual(a, [[3, 4, 4], [4, 3, 3]]);
  // 'dst' must be an array
  expect(() => copyto([1, 2, 3] as never, [2, 3, 4])).toThrow(TypeError);
});

test('test_copyto_cast_safety', () => {
  copyto(arange(3), 3, { casting: 'equiv' });
  copyto(arange(3, 'f8'), 3.0, { casting: 'equiv' });
  copyto(arange(3, 'u1'), 3, { casting: 'safe' });
  copyto(arange(3, 'f4'), 3.0, { casting: 'safe' });
  expect(() => copyto(arange(3, 'u1'), 3, { casting: 'equiv' })).toThrow(TypeError);
  expect(() => copyto(arange(3, 'f4'), 3.0, { casting: 'equiv' })).toThrow(TypeError);
  expect(() => copyto(arange(3), 2n ** 80n, { casting: 'safe' })).toThrow(OverflowError);
});

test('test_copyto_permut', () => {
  // test explicit overflow case
  const pad = 500;
  const l0 = [...new Array<boolean>(pad).fill(true), true, true, true, true];
  let r: NdArray = zeros([l0.length - pad]);
  let d: NdArray = zeros([l0.length - pad]).add(1);
  const mask0 = arr(l0).index(`${pad}:`);
  copyto(r, d, { where: mask0.index('::-1') });
  assertEqual(r, [1, 1, 1, 1]);

  const power = 9;
  d = zeros([power]).add(1);
  const sum = (x: boolean[]): number => x.filter(Boolean).length;
  for (let i = 0; i < 2 ** power; i++) {
    const l = Array.from({ length: power }, (_, x) => (i & x) !== 0);
    let mask = arr(l);
    r = zeros([power]);
    copyto(r, d, { where: mask });
    assertEqual(r.equal(1), l);
    expect(Number(r.sum())).toBe(sum(l));

    r = zeros([power]);
    copyto(r, d, { where: mask.index('::-1') });
    assertEqual(r.equal(1), [...l].reverse());
    expect(Number(r.sum())).toBe(sum(l));

    const every2 = l.filter((_, k) => k % 2 === 0);
    r = zeros([power]);
    copyto(r.index('::2'), d.index('::2'), { where: mask.index('::2') });
    assertEqual(r.index('::2').equal(1), every2);
    expect(Number(r.index('::2').sum())).toBe(sum(every2));

    const rev2 = [...l].reverse().filter((_, k) => k % 2 === 0);
    r = zeros([power]);
    copyto(r.index('::2'), d.index('::2'), { where: mask.index('::-2') });
    assertEqual(r.index('::2').equal(1), rev2);
    expect(Number(r.index('::2').sum())).toBe(sum(rev2));

    for (const c of [0xff, 0x7f, 0x02, 0x10]) {
      r = zeros([power]);
      mask = arr(l);
      const imask = mask.view('u1');
      imask.set([mask.notEqual(false)], c);
      copyto(r, d, { where: mask });
      assertEqual(r.equal(1), l);
      expect(Number(r.sum())).toBe(sum(l));
    }
  }
  r = zeros([power]);
  copyto(r, d, { where: true });
  expect(Number(r.sum())).toBe(r.size);
  r = zeros([power]).add(1);
  d = zeros([power]);
  copyto(r, d, { where: false });
  expect(Number(r.sum())).toBe(r.size);
});

test.each([
  [[2, 2], [5.0, 6.0], [[5.0, 6.0], [5.0, 6.0]]],
  [[3, 2], [1.0, 2.0], [[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]],
])('test_full_from_list(%j, %j)', (shape, fillValue, expected) => {
  const output = full(shape, fillValue as never);
  expect(output.shape).toEqual(shape);
  assertEqual(output, expected);
});
