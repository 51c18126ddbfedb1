// The two-output machinery (lib/ufuncs/two-outputs.ts) through divmod and
// modf: option checks, the out pair's entries, a mask and inputs that the
// first output overwrites (read before any write, as NumPy's one pass).
import { divmod } from '../../lib/ufuncs/divmod';
import { modf } from '../../lib/ufuncs/float-parts';
import { array, zeros } from '../../lib';
import { ValueError } from '../../lib/errors';
import { vals } from '../helpers/np-array';

test("unknown options and bad out entries are NumPy's TypeError; a wrong-length pair a ValueError", () => {
  const x = array([1.5, -2.5]);
  expect(() => modf(x, { axis: 0 } as never)).toThrow(new TypeError("modf() got an unexpected keyword argument 'axis'"));
  expect(() => modf(x, { out: [zeros([2]), 3] as never })).toThrow(TypeError);
  expect(() => modf(x, { out: [zeros([2]), zeros([2]), zeros([2])] as never })).toThrow(ValueError);
  const [f, w] = modf(x, { out: [undefined, null] });
  expect(vals(f)).toEqual([0.5, -0.5]);
  expect(vals(w)).toEqual([1, -2]);
});

test('a mask that the first output overwrites still masks the second output as given', () => {
  // The mask lives in out[0]'s memory (a bool view of it would be odd; use an int8 out of the same bytes).
  const buf = zeros([4], 'i1');
  const mask = buf.view('?');
  mask.set([1, 0, 1, 0] as never);
  const a = array([1, 7, 1, 7], 'i1');
  const r = zeros([4], 'i1');
  divmod(a, 2, { out: [buf, r], where: mask });
  // The quotients (0) clear the mask's bytes; the remainders still follow the mask as given.
  expect(vals(buf)).toEqual([0, 0, 0, 0]);
  expect(vals(r)).toEqual([1, 0, 1, 0]);
});

test('both inputs the first output: the second output sees the originals', () => {
  const a = array([7, -7, 9, 4]);
  const [q, rem] = divmod(a, a.index('::-1'), { out: [a, null] });
  expect(q).toBe(a);
  expect(vals(a)).toEqual([1, -1, -2, 0]);
  expect(vals(rem)).toEqual([3, 2, -5, 4]);
});
