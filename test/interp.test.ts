// interp against NumPy 2, byte for byte: sorted and unsorted xp (NumPy's
// guessed search), equal xp with infinite fp (gh-11440), NaN x, left/right,
// period, complex fp, and NumPy's errors; plus the ported TestInterp cases.
import { interp } from '../lib/interp';
import { asarray } from '../lib/array-coerce';
import { linspace } from '../lib/linspace';
import { broadcastTo } from '../lib/create';
import { ValueError } from '../lib/errors';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(n: number, seed: number, scale = 10, sorted = false): ReturnType<typeof shared> {
  const r = seeded(seed);
  const v = Array.from({ length: n }, () => (r() - 0.3) * scale);
  if (sorted) v.sort((a, b) => a - b);
  return shared(v, '<f8', [n]);
}

describeWithNumpy('interp against NumPy', () => {
  test('sorted, unsorted, NaN and infinite points, left/right, shapes', () => {
    const cases: Case[] = [];
    for (const [nxp, nx] of [[1, 7], [2, 9], [4, 30], [5, 3], [9, 40], [40, 9], [300, 1000]]) {
      const xp = data(nxp, 10 + nxp, 10, true);
      const fp = data(nxp, 20 + nxp, 5);
      const x = data(nx, 30 + nx, 14);
      cases.push({ py: `np.interp(${x.py}, ${xp.py}, ${fp.py})`, js: () => interp(x.arr, xp.arr, fp.arr) });
      cases.push({ py: `np.interp(${x.py}, ${xp.py}, ${fp.py}, left=-7.5, right=np.nan)`, js: () => interp(x.arr, xp.arr, fp.arr, { left: -7.5, right: NaN }) });
      const ux = data(nxp, 40 + nxp, 10);
      cases.push({ py: `np.interp(${x.py}, ${ux.py}, ${fp.py})`, js: () => interp(x.arr, ux.arr, fp.arr) });
      cases.push({ py: `np.interp(${x.py}, ${xp.py}, ${fp.py}, period=3.5)`, js: () => interp(x.arr, xp.arr, fp.arr, { period: 3.5 }) });
      cases.push({ py: `np.interp(${x.py}, ${xp.py}, ${fp.py}.astype('f4') * (1 + 2j))`, js: () => interp(x.arr, xp.arr, fp.arr.astype('<f4').multiply(asarray({ re: 1, im: 2 }))) });
    }
    const x2 = data(12, 3, 12);
    const xp = data(6, 4, 10, true);
    const fp = data(6, 5, 5);
    cases.push({ py: `np.interp(${x2.py}.reshape(3, 4), ${xp.py}, ${fp.py})`, js: () => interp(x2.arr.reshape(3, 4), xp.arr, fp.arr) });
    cases.push({ py: `np.interp(${x2.py}.reshape(3, 4)[:, ::2].astype('i2'), ${xp.py}.astype('f4'), ${fp.py}.astype('u1'))`, js: () => interp(x2.arr.reshape(3, 4).index(':, ::2').astype('<i2'), xp.arr.astype('<f4'), fp.arr.astype('|u1')) });
    cases.push({ py: `np.interp(2.5, ${xp.py}, ${fp.py})`, js: () => interp(2.5, xp.arr, fp.arr) });
    // With a period NumPy casts x and xp to float64 unsafely: a one-field record passes, two fields are its TypeError (fuzz seed 3017302).
    const rec = x2.arr.astype('>i8').view([['a', '>i8']]);
    const rec2 = asarray([[1, 2], [2, 3]]).astype('>i8').view([['a', '>i8'], ['b', '>i8']]).reshape(2);
    cases.push({ py: `np.interp(${x2.py}.astype('>i8').view([('a', '>i8')]), ${xp.py}, ${fp.py}, period=2)`, js: () => interp(rec, xp.arr, fp.arr, { period: 2 }) });
    cases.push({ py: `np.interp(${xp.py}, ${x2.py}.astype('>i8').view([('a', '>i8')])[:6], ${fp.py}, period=3)`, js: () => interp(xp.arr, rec.index(':6'), fp.arr, { period: 3 }) });
    cases.push({ py: `np.interp(np.array([[1, 2], [2, 3]]).astype('>i8').view([('a', '>i8'), ('b', '>i8')]).reshape(2), ${xp.py}, ${fp.py}, period=2)`, js: () => interp(rec2, xp.arr, fp.arr, { period: 2 }) });
    cases.push({ py: `np.interp(np.array([0., 0.5, 1, 1.5, 2, np.nan, -np.inf, np.inf]), [0., 1, 1, 2], [1., 2, np.inf, 3])`, js: () => interp([0, 0.5, 1, 1.5, 2, NaN, -Infinity, Infinity], [0, 1, 1, 2], [1, 2, Infinity, 3]) });
    cases.push({ py: `np.interp(np.array([0.5, 1, 1.5, 3]), [0., 1, 1, 2, 3, 4], [np.inf, np.inf, 1, -np.inf, 5, 5])`, js: () => interp([0.5, 1, 1.5, 3], [0, 1, 1, 2, 3, 4], [Infinity, Infinity, 1, -Infinity, 5, 5]) });
    cases.push({ py: `np.interp([0.5, 1.5], [0., 1, 2], [complex(np.nan, np.inf), complex(np.nan, np.inf), 1])`, js: () => interp([0.5, 1.5], [0, 1, 2], [{ re: NaN, im: Infinity }, { re: NaN, im: Infinity }, { re: 1, im: 0 }]) });
    cases.push({ py: `np.interp([-1., 5], [0., 1], [1j, 2], left=3+4j, right=complex(0, -1))`, js: () => interp([-1, 5], [0, 1], [{ re: 0, im: 1 }, { re: 2, im: 0 }], { left: { re: 3, im: 4 }, right: { re: 0, im: -1 } }) });
    cases.push({ py: `np.interp([-180., -170, -185, 185, -10, -5, 0, 365], [190, -190, 350, -350], [5, 10, 3, 4], period=-360)`, js: () => interp([-180, -170, -185, 185, -10, -5, 0, 365], [190, -190, 350, -350], [5, 10, 3, 4], { period: -360 }) });
    cases.push({ py: `np.interp(np.zeros((2, 0)), [1., 2], [3., 4])`, js: () => interp(asarray([], '<f8').reshape(2, 0), [1, 2], [3, 4]) });
    // errors
    cases.push({ py: `np.interp(0, [], [])`, js: () => interp(0, [], []) });
    cases.push({ py: `np.interp(0, [0], [1, 2])`, js: () => interp(0, [0], [1, 2]) });
    cases.push({ py: `np.interp(0, [0, 1], [1, 2], period=0)`, js: () => interp(0, [0, 1], [1, 2], { period: 0 }) });
    cases.push({ py: `np.interp(0, [0], [1, 2], period=360)`, js: () => interp(0, [0], [1, 2], { period: 360 }) });
    cases.push({ py: `np.interp(0, 1, 1)`, js: () => interp(0, 1, 1) });
    cases.push({ py: `np.interp(0, [1, 2], [1, 2], left=1j)`, js: () => interp(0, [1, 2], [1, 2], { left: { re: 0, im: 1 } }) });
    expectCasesLikeNumpy(cases);
  });
});

describe('interp (NumPy TestInterp)', () => {
  test('exceptions', () => {
    expect(() => interp(0, [], [])).toThrow(new ValueError('array of sample points is empty'));
    expect(() => interp(0, [0], [1, 2])).toThrow(ValueError);
    expect(() => interp(0, [0, 1], [1, 2], { period: 0 })).toThrow(new ValueError('period must be a non-zero value'));
    expect(() => interp(0, [], [], { period: 360 })).toThrow(ValueError);
    expect(() => interp(0, [0], [1, 2], { period: 360 })).toThrow(new ValueError('fp and xp are not of the same length'));
  });
  test('basic: linear data is reproduced', () => {
    const x0 = linspace(0, 1, 50);
    const r = interp(x0, linspace(0, 1, 5), linspace(0, 1, 5)).toArray() as number[];
    (x0.toArray() as number[]).forEach((v, i) => expect(r[i]).toBeCloseTo(v, 12));
  });
  test('right/left behaviour over every search path (sizes 1..9)', () => {
    for (let size = 1; size < 10; size++) {
      const xp = Array.from({ length: size }, (_, i) => i);
      const yp = xp.map(() => 1);
      const inc = [-1, 0, size - 1, size];
      const dec = [...inc].reverse();
      expect(interp(inc, xp, yp).toArray()).toEqual([1, 1, 1, 1]);
      expect(interp(dec, xp, yp).toArray()).toEqual([1, 1, 1, 1]);
      expect(interp(inc, xp, yp, { left: 0 }).toArray()).toEqual([0, 1, 1, 1]);
      expect(interp(dec, xp, yp, { left: 0 }).toArray()).toEqual([1, 1, 1, 0]);
      expect(interp(inc, xp, yp, { right: 2 }).toArray()).toEqual([1, 1, 1, 2]);
      expect(interp(dec, xp, yp, { right: 2 }).toArray()).toEqual([2, 1, 1, 1]);
    }
  });
  test('scalar x gives a 0-d float64 array; NaN x gives NaN', () => {
    const r = interp(0.5, [0, 1], [0, 2]);
    expect(r.shape).toEqual([]);
    expect(r.dtype.str).toBe('<f8');
    expect(r.get()).toBe(1);
    expect(interp(NaN, [0, 1], [0, 2]).get()).toBeNaN();
  });
  test('hostile sizes: a broadcast view of 2^40 items is a RangeError naming the bytes, not a hang', () => {
    const huge = broadcastTo(asarray(1.5, '<f8'), [2 ** 40]);
    expect(() => interp(huge, [0, 1], [0, 1])).toThrow(/cannot allocate 8796093022208 bytes/);
    expect(() => interp(0.5, huge, huge)).toThrow(RangeError);
  });
  test('a closed input is refused', () => {
    const a = asarray([1, 2, 3], '<f8');
    a.release();
    expect(() => interp(a, [0, 1], [0, 1])).toThrow(/closed|released/);
  });
});

describe('interp with a period: complex x and xp lose their imaginary parts (NumPy\'s np.asarray(x, float64))', () => {
  test('values as NumPy 2.4 gives them; without a period a complex x is still the TypeError', () => {
    expect(interp(asarray([{ re: 1, im: 2 }, 0.5, { re: -0.25, im: 1 }], '<c16'), [0, 1, 0.5], [0, 2, 7], { period: 1 }).toArray()).toEqual([2, 7, 3.5]);
    expect(interp(asarray([0.2, 0.7]), asarray([0, { re: 0.5, im: 3 }], '<c16'), [1, 2], { period: 1 }).toArray()).toEqual([1.4, 1.6]);
    expect(() => interp(asarray([{ re: 1, im: 2 }], '<c16'), [0, 1], [0, 2])).toThrow(TypeError);
  });
});
