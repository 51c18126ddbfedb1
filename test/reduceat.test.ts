// lib/reduceat.ts: the ufuncs' reduceat against NumPy (dtype, shape, every
// byte, NumPy's errors), NumPy's own reduceat tests ported.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import {
  add, equal, greater, addReduceat, arange, asarray, bitwiseAndReduceat, bitwiseOrReduceat, bitwiseXorReduceat, IndexError, logicalAndReduceat,
  logicalOrReduceat, logicalXorReduceat, maximumReduceat, minimumReduceat, multiplyReduceat, zeros, fromBuffer,
} from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, jsOutcome, type Case } from './helpers/np-compare';
import { vals } from './helpers/np-array';
import { jsPath } from './helpers/kernels';
import { ORDER_VIEWS, expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase } from './helpers/np-layout';

// Random floats fixed in both languages: bytes of a seeded generator, read as float64 in [0, 1).
function randomFloats(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x / 4294967296;
  }
  return out;
}
const R = randomFloats(600, 7);
const RHEX = Buffer.from(R.buffer).toString('hex');
const RPY = `np.frombuffer(bytes.fromhex('${RHEX}'), '<f8')`;
const r = (): ReturnType<typeof fromBuffer> => fromBuffer(R.slice().buffer, '<f8');

describeWithNumpy('reduceat against NumPy', () => {
  test('every ufunc, dtypes, axes, groups that run backwards, out and dtype', () => {
    const i8 = 'np.arange(24, dtype="i1").reshape(4, 6)';
    const A = () => arange(24, 'i1').reshape(4, 6);
    const cases: Case[] = [
      { py: `np.add.reduceat(np.arange(8), [0, 4, 1, 5])`, js: () => addReduceat(arange(8), [0, 4, 1, 5]) },
      { py: `np.add.reduceat(np.arange(8), [4, 2, 6])`, js: () => addReduceat(arange(8), [4, 2, 6]) },
      { py: `np.add.reduceat(np.arange(8), [0, 0, 7])`, js: () => addReduceat(arange(8), [0, 0, 7]) },
      { py: `np.add.reduceat(np.arange(8), [])`, js: () => addReduceat(arange(8), []) },
      { py: `np.add.reduceat(${i8}, [0, 2, 3], axis=0)`, js: () => addReduceat(A(), [0, 2, 3], { axis: 0 }) },
      { py: `np.add.reduceat(${i8}, [0, 2, 3], axis=1)`, js: () => addReduceat(A(), [0, 2, 3], 1) },
      { py: `np.add.reduceat(${i8}, [1, 0], axis=-1, dtype='f4')`, js: () => addReduceat(A(), [1, 0], { axis: -1, dtype: 'f4' }) },
      { py: `np.add.reduceat(${i8} > 5, [0, 2], axis=1)`, js: () => addReduceat(greater(A(), 5), [0, 2], 1) },
      { py: `np.add.reduceat(np.arange(8, dtype='u1'), [0, 3])`, js: () => addReduceat(arange(8, 'u1'), [0, 3]) },
      { py: `np.add.reduceat(${RPY}, [0, 5, 300, 301, 599])`, js: () => addReduceat(r(), [0, 5, 300, 301, 599]) },
      { py: `np.add.reduceat(${RPY}.reshape(100, 6), [0, 37, 40], axis=0)`, js: () => addReduceat(r().reshape(100, 6), [0, 37, 40], 0) },
      { py: `np.add.reduceat(${RPY}.reshape(6, 100), [0, 37, 40], axis=1)`, js: () => addReduceat(r().reshape(6, 100), [0, 37, 40], 1) },
      { py: `np.add.reduceat(${RPY}.reshape(100, 6).T, [0, 50], axis=1)`, js: () => addReduceat(r().reshape(100, 6).T, [0, 50], 1) },
      { py: `np.add.reduceat(${RPY}[::-3].astype('>f8'), [0, 100])`, js: () => addReduceat(r().index('::-3').astype('>f8'), [0, 100]) },
      { py: `np.add.reduceat(${RPY}.astype('f4'), [0, 100])`, js: () => addReduceat(r().astype('f4'), [0, 100]) },
      // Contiguous groups of every length 1 to 33 (the leaf's lanes, its tail, and fewer than 8 items), float64 and float32.
      { py: `np.add.reduceat(${RPY}, [k * (k + 1) // 2 for k in range(34)])`, js: () => addReduceat(r(), Array.from({ length: 34 }, (_, k) => (k * (k + 1)) / 2)) },
      { py: `np.add.reduceat(${RPY}.astype('f4'), [k * (k + 1) // 2 for k in range(34)])`, js: () => addReduceat(r().astype('f4'), Array.from({ length: 34 }, (_, k) => (k * (k + 1)) / 2)) },
      { py: `np.add.reduceat(${RPY}.astype('c16'), [0, 100])`, js: () => addReduceat(r().astype('c16'), [0, 100]) },
      { py: `np.multiply.reduceat(np.arange(1, 9), [0, 4])`, js: () => multiplyReduceat(arange(1, 9), [0, 4]) },
      { py: `np.multiply.reduceat(${RPY}.reshape(100, 6) + 0.5, [0, 37], axis=0)`, js: () => multiplyReduceat(add(r().reshape(100, 6), 0.5), [0, 37], 0) },
      { py: `np.minimum.reduceat(${i8}, [0, 2, 1], axis=0)`, js: () => minimumReduceat(A(), [0, 2, 1], 0) },
      { py: `np.maximum.reduceat(${i8}, [0, 2, 1], axis=1)`, js: () => maximumReduceat(A(), [0, 2, 1], 1) },
      { py: `np.maximum.reduceat(np.array([1.0, np.nan, 3.0, 2.0]), [0, 2])`, js: () => maximumReduceat(asarray([1.0, NaN, 3.0, 2.0]), [0, 2]) },
      { py: `np.minimum.reduceat(np.array([1.0, 2.0, 3.0], '>f8'), [0, 1])`, js: () => minimumReduceat(asarray([1.0, 2.0, 3.0], '>f8'), [0, 1]) },
      { py: `np.minimum.reduceat(np.arange(8, dtype='i1'), [0, 2], dtype='f8')`, js: () => minimumReduceat(arange(8, 'i1'), [0, 2], { dtype: 'f8' }) },
      { py: `np.logical_and.reduceat(np.array([1, 1, 0, 2.5, 3]), [0, 2, 3])`, js: () => logicalAndReduceat(asarray([1, 1, 0, 2.5, 3]), [0, 2, 3]) },
      { py: `np.logical_or.reduceat(np.array([0, 0, 0, 2, 0]), [0, 2, 3, 4])`, js: () => logicalOrReduceat(asarray([0, 0, 0, 2, 0]), [0, 2, 3, 4]) },
      { py: `np.logical_xor.reduceat(np.array([1, 1, 1, 0, 2, 0, 0]), [0, 3, 4])`, js: () => logicalXorReduceat(asarray([1, 1, 1, 0, 2, 0, 0]), [0, 3, 4]) },
      { py: `np.bitwise_and.reduceat(np.array([7, 6, 12, 5, 3], 'i2'), [0, 3])`, js: () => bitwiseAndReduceat(asarray([7, 6, 12, 5, 3], 'i2'), [0, 3]) },
      { py: `np.bitwise_or.reduceat(np.arange(24, dtype='u4').reshape(4, 6), [0, 1, 3], axis=1)`, js: () => bitwiseOrReduceat(arange(24, 'u4').reshape(4, 6), [0, 1, 3], 1) },
      { py: `np.bitwise_xor.reduceat(np.arange(13, dtype='i8'), [0, 5, 6, 2])`, js: () => bitwiseXorReduceat(arange(13, 'i8'), [0, 5, 6, 2]) },
      { py: `np.bitwise_xor.reduceat(np.array([True, True, False]), [0])`, js: () => bitwiseXorReduceat(asarray([true, true, false]), [0]) },
      { py: `np.add.reduceat(np.arange(8), [0, 2], out=np.zeros(2, 'f8'))`, js: () => addReduceat(arange(8), [0, 2], { out: zeros(2, 'f8') }) },
      { py: `np.add.reduceat(np.zeros((2, 0)), [0, 1])`, js: () => addReduceat(zeros([2, 0]), [0, 1]) },
      // errors
      { py: `np.add.reduceat(np.arange(8), [0, 8])`, js: () => addReduceat(arange(8), [0, 8]) },
      { py: `np.add.reduceat(np.arange(8), [-1])`, js: () => addReduceat(arange(8), [-1]) },
      { py: `np.maximum.reduceat(np.zeros(0), [0])`, js: () => maximumReduceat(zeros(0), [0]) },
      { py: `np.add.reduceat(np.array(5), [0])`, js: () => addReduceat(asarray(5), [0]) },
      { py: `np.add.reduceat(np.arange(8), [0], axis=1)`, js: () => addReduceat(arange(8), [0], 1) },
      { py: `np.add.reduceat(np.arange(8), np.array([0, 1], 'u8'))`, js: () => addReduceat(arange(8), asarray([0, 1], 'u8')) },
      { py: `np.bitwise_and.reduceat(np.array([1.0, 2.0]), [0])`, js: () => bitwiseAndReduceat(asarray([1.0, 2.0], 'f8'), [0]) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

// The native segmented kernel (native/reduceat_kernels.cc) over many groups: floats of
// magnitudes 1e-6 .. 1e6 of either sign, so the order of a sum shows in its bits; group
// lengths 1 .. ~900 (pairwise leaves and trees), starts that run backwards and repeat.
const BIG = 6000;
const W = (() => {
  const u = randomFloats(BIG, 99);
  return Float64Array.from(u, (x, i) => (x - 0.5) * 10 ** ((i * 7) % 13 - 6));
})();
const WHEX = Buffer.from(W.buffer).toString('hex');
const WPY = `np.frombuffer(bytes.fromhex('${WHEX}'), '<f8')`;
const w = (): ReturnType<typeof fromBuffer> => fromBuffer(W.slice().buffer, '<f8');
const STARTS = (() => {
  const out = [0, 1, 2, 2, 9, 137, 136, 1000, 1129, 1130, 1131, 2048];
  for (let s = 2100; s < BIG; s += 1 + ((s * 31) % 257)) out.push(s);
  out.push(5999, 3000, 5998);
  return out;
})();
const SPY = JSON.stringify(STARTS);
// More groups than a shape has axes (the kernel reads any number of starts).
const MANY = Array.from({ length: 857 }, (_, g) => (g * 7) % 5 === 0 ? g * 7 : g * 7 + 3);
const MPY = JSON.stringify(MANY);
const wi = (dt: string): ReturnType<typeof fromBuffer> => fromBuffer(Int32Array.from(W, (x) => Math.trunc(x * 1e3)).buffer, '<i4').astype(dt);
const WIPY = (dt: string) => `np.trunc(${WPY} * 1e3).astype('<i4').astype('${dt}')`;
const bigCases = (): Case[] => [
  { py: `np.add.reduceat(${WPY}, ${SPY})`, js: () => addReduceat(w(), STARTS) },
  { py: `np.add.reduceat(${WPY}[::3], [0, 5, 130, 129, 1999])`, js: () => addReduceat(w().index('::3'), [0, 5, 130, 129, 1999]) },
  { py: `np.add.reduceat(${WPY}.astype('>f8'), ${SPY})`, js: () => addReduceat(w().astype('>f8'), STARTS) },
  { py: `np.add.reduceat(${WPY}.astype('f4'), ${SPY})`, js: () => addReduceat(w().astype('f4'), STARTS) },
  { py: `np.add.reduceat(${WPY}.reshape(60, 100), [0, 1, 17, 16, 59], axis=0)`, js: () => addReduceat(w().reshape(60, 100), [0, 1, 17, 16, 59], 0) },
  { py: `np.add.reduceat(${WPY}.reshape(60, 100), [0, 1, 17, 16, 99], axis=1)`, js: () => addReduceat(w().reshape(60, 100), [0, 1, 17, 16, 99], 1) },
  { py: `np.add.reduceat(${WPY}.reshape(60, 100).T, [0, 30], axis=1)`, js: () => addReduceat(w().reshape(60, 100).T, [0, 30], 1) },
  { py: `np.multiply.reduceat(np.abs(${WPY}) % 1 + 0.5, ${SPY})`, js: () => multiplyReduceat(add(w().abs().remainder(1), 0.5), STARTS) },
  { py: `np.add.reduceat(${WIPY('i4')}, ${SPY})`, js: () => addReduceat(wi('i4'), STARTS) },
  { py: `np.add.reduceat(${WIPY('i4')}, ${SPY}, dtype='f4')`, js: () => addReduceat(wi('i4'), STARTS, { dtype: 'f4' }) },
  { py: `np.multiply.reduceat(${WIPY('i8')}, ${SPY})`, js: () => multiplyReduceat(wi('i8'), STARTS) },
  { py: `np.multiply.reduceat(${WIPY('u4')}, ${SPY})`, js: () => multiplyReduceat(wi('u4'), STARTS) },
  { py: `np.minimum.reduceat(${WIPY('i2')}, ${SPY})`, js: () => minimumReduceat(wi('i2'), STARTS) },
  { py: `np.maximum.reduceat(${WIPY('u1')}, ${SPY})`, js: () => maximumReduceat(wi('u1'), STARTS) },
  { py: `np.maximum.reduceat(${WIPY('>i8')}.reshape(60, 100), [3, 0, 50], axis=0)`, js: () => maximumReduceat(wi('>i8').reshape(60, 100), [3, 0, 50], 0) },
  { py: `np.minimum.reduceat(${WPY}, ${SPY})`, js: () => minimumReduceat(w(), STARTS) },
  { py: `np.add.reduceat(${WPY}, ${MPY})`, js: () => addReduceat(w(), MANY) },
  { py: `np.maximum.reduceat(${WIPY('i4')}, ${MPY})`, js: () => maximumReduceat(wi('i4'), MANY) },
  { py: `np.add.reduceat(${WPY}, np.array(${MPY}, '>i8'))`, js: () => addReduceat(w(), asarray(MANY, '>i8')) },
  { py: `np.add.reduceat(${WPY}, np.array(${MPY}[:-1] + [6000], 'i8'))`, js: () => addReduceat(w(), asarray([...MANY.slice(0, -1), 6000], 'i8')) },
];

describeWithNumpy('reduceat over many groups (the native kernel) against NumPy', () => {
  test('float sums bit for bit (a[s] + pairwise of the rest), products, integer wrap, min/max, layouts', () => {
    expectCasesLikeNumpy(bigCases());
  });
});

describe('reduceat kernel against its JS reference', () => {
  test('the same bytes with the kernels off', () => {
    // dtype, shape, strides and bytes, or the same error.
    for (const c of bigCases()) expect(jsOutcome(c)).toEqual(jsPath(() => jsOutcome(c)));
  });
});

// The ufuncs without a reduceat kernel of their own (float minimum/maximum, the logical and
// bitwise ones) fold every group by the ufunc's native loop in one call; a float
// minimum/maximum group whose result has a zero or a NaN is reduced again the JS way
// (NumPy's lanes pick the zero's sign and the NaN). Data with zeros of both signs, NaNs and
// infinities among values of every magnitude, in many groups.
const SPECIAL = (() => {
  const v = W.slice();
  for (let i = 0; i < BIG; i += 1 + ((i * 13) % 37)) v[i] = [0, -0, NaN, Infinity, -Infinity, 0][(i * 5) % 6];
  // Runs of zeros only (a zero result), both signs, in some groups. (NaNs of one payload:
  // which of two payloads NumPy's lanes keep is not followed; README.)
  for (let i = 2200; i < 2300; i++) v[i] = i % 3 === 0 ? -0 : 0;
  return v;
})();
const SPECIALPY = `np.frombuffer(bytes.fromhex('${Buffer.from(SPECIAL.buffer).toString('hex')}'), '<f8')`;
const sp = (): ReturnType<typeof fromBuffer> => fromBuffer(SPECIAL.slice().buffer, '<f8');
const loopCases = (): Case[] => {
  const cases: Case[] = [];
  for (const op of ['minimum', 'maximum'] as const) {
    const f = op === 'minimum' ? minimumReduceat : maximumReduceat;
    cases.push(
      { py: `np.${op}.reduceat(${SPECIALPY}, ${SPY})`, js: () => f(sp(), STARTS) },
      { py: `np.${op}.reduceat(${SPECIALPY}, ${MPY})`, js: () => f(sp(), MANY) },
      { py: `np.${op}.reduceat(${SPECIALPY}.astype('f4'), ${SPY})`, js: () => f(sp().astype('f4'), STARTS) },
      { py: `np.${op}.reduceat(${SPECIALPY}.astype('>f8'), ${MPY})`, js: () => f(sp().astype('>f8'), MANY) },
      { py: `np.${op}.reduceat(${SPECIALPY}[::-2], [0, 7, 3, 100, 2999])`, js: () => f(sp().index('::-2'), [0, 7, 3, 100, 2999]) },
      { py: `np.${op}.reduceat(${SPECIALPY}.reshape(60, 100), [0, 1, 17, 16, 59], axis=0)`, js: () => f(sp().reshape(60, 100), [0, 1, 17, 16, 59], 0) },
      { py: `np.${op}.reduceat(${SPECIALPY}.reshape(60, 100), [0, 1, 17, 16, 99], axis=1)`, js: () => f(sp().reshape(60, 100), [0, 1, 17, 16, 99], 1) },
      { py: `np.${op}.reduceat(${SPECIALPY}.reshape(60, 100).T, [0, 30, 31], axis=1)`, js: () => f(sp().reshape(60, 100).T, [0, 30, 31], 1) },
      { py: `np.${op}.reduceat(${WIPY('i2')}, ${SPY}, dtype='f8')`, js: () => f(wi('i2'), STARTS, { dtype: 'f8' }) },
      // Into an out: of the loop's dtype (written in place), of another (cast), a strided view.
      { py: `np.${op}.reduceat(${SPECIALPY}, ${SPY}, out=np.zeros(${STARTS.length}))`, js: () => f(sp(), STARTS, { out: zeros(STARTS.length) }) },
      { py: `np.${op}.reduceat(${SPECIALPY}, ${SPY}, out=np.zeros(${STARTS.length}, 'f4'))`, js: () => f(sp(), STARTS, { out: zeros(STARTS.length, 'f4') }) },
      { py: `(lambda o: (np.${op}.reduceat(${SPECIALPY}.reshape(60, 100), [0, 1, 17, 16, 99], axis=1, out=o[:, ::2]), o)[1])(np.zeros((60, 10)))`, js: () => { const o = zeros([60, 10]); f(sp().reshape(60, 100), [0, 1, 17, 16, 99], 1, { out: o.index(':, ::2') }); return o; } },
    );
  }
  // Groups long enough for the loop's fold in lanes (16 items and up; 32 lanes from 512):
  // the same values as in order (a group with a zero or a NaN is reduced again).
  const LONG = [0, 15, 31, 47, 147, 658, 1170, 1300, 3000, 5000];
  for (const op of ['minimum', 'maximum'] as const) {
    const f = op === 'minimum' ? minimumReduceat : maximumReduceat;
    cases.push(
      { py: `np.${op}.reduceat(${WPY}, ${JSON.stringify(LONG)})`, js: () => f(w(), LONG) },
      { py: `np.${op}.reduceat(${WPY}.astype('f4'), ${JSON.stringify(LONG)})`, js: () => f(w().astype('f4'), LONG) },
      { py: `np.${op}.reduceat(${SPECIALPY}, ${JSON.stringify(LONG)})`, js: () => f(sp(), LONG) },
    );
  }
  // fmin/fmax fold NaN-free lanes the same way (no zeros here: which zero they keep is their loops').
  const nanned = (): ReturnType<typeof fromBuffer> => mm.where(mm.equal(mm.remainder(mm.arange(BIG), 97), 3), NaN, w());
  for (const op of ['fmin', 'fmax'] as const) {
    cases.push(
      { py: `np.${op}.reduceat(${WPY}, ${JSON.stringify(LONG)})`, js: () => mm[op].reduceat(w(), LONG) },
      { py: `np.${op}.reduceat(np.where(np.arange(${BIG}) % 97 == 3, np.nan, ${WPY}), ${JSON.stringify(LONG)})`, js: () => mm[op].reduceat(nanned(), LONG) },
      { py: `np.${op}.reduceat(${WPY}.astype('f4'), ${JSON.stringify(LONG)})`, js: () => mm[op].reduceat(w().astype('f4'), LONG) },
    );
  }
  const logical = { logical_and: logicalAndReduceat, logical_or: logicalOrReduceat, logical_xor: logicalXorReduceat };
  for (const [op, f] of Object.entries(logical)) {
    cases.push(
      { py: `np.${op}.reduceat(${SPECIALPY}, ${SPY})`, js: () => f(sp(), STARTS) },
      { py: `np.${op}.reduceat(${WIPY('i4')} % 7, ${MPY})`, js: () => f(wi('i4').remainder(7), MANY) },
      { py: `np.${op}.reduceat(${WIPY('i4')}.reshape(60, 100) % 3 == 0, [0, 1, 17, 16, 59], axis=0)`, js: () => f(equal(wi('i4').reshape(60, 100).remainder(3), 0), [0, 1, 17, 16, 59], 0) },
      { py: `np.${op}.reduceat(${WIPY('u1')}.reshape(60, 100).T % 2, [0, 30, 31], axis=1)`, js: () => f(wi('u1').reshape(60, 100).T.remainder(2), [0, 30, 31], 1) },
    );
  }
  const bitwise = { bitwise_and: bitwiseAndReduceat, bitwise_or: bitwiseOrReduceat, bitwise_xor: bitwiseXorReduceat };
  for (const [op, f] of Object.entries(bitwise)) {
    for (const dt of ['i1', 'u2', 'i4', '>i4', 'u8']) {
      cases.push({ py: `np.${op}.reduceat(${WIPY(dt)}, ${SPY})`, js: () => f(wi(dt), STARTS) });
    }
    cases.push(
      { py: `np.${op}.reduceat(${WIPY('i8')}.reshape(60, 100), [3, 0, 50], axis=0)`, js: () => f(wi('i8').reshape(60, 100), [3, 0, 50], 0) },
      { py: `np.${op}.reduceat(${WIPY('i2')}.reshape(60, 100)[:, ::3], [0, 1, 17, 16, 33], axis=1)`, js: () => f(wi('i2').reshape(60, 100).index(':, ::3'), [0, 1, 17, 16, 33], 1) },
      { py: `np.${op}.reduceat(${WIPY('i4')} > 0, ${MPY})`, js: () => f(greater(wi('i4'), 0), MANY) },
      { py: `np.${op}.reduceat(${WIPY('i4')}, ${MPY}, dtype='i1')`, js: () => f(wi('i4'), MANY, { dtype: 'i1' }) },
      { py: `np.${op}.reduceat(${WIPY('i8')}, [0, 15, 31, 47, 147, 658, 1170, 1300, 3000, 5000])`, js: () => f(wi('i8'), [0, 15, 31, 47, 147, 658, 1170, 1300, 3000, 5000]) },
    );
  }
  return cases;
};

describeWithNumpy('reduceat by the ufunc loop (float minimum/maximum, logical, bitwise) against NumPy', () => {
  test('many groups with signed zeros, NaNs and infinities; every layout and axis; casts', () => {
    expectCasesLikeNumpy(loopCases());
  });
});

describe('reduceat by the ufunc loop against its JS reference', () => {
  test('the same bytes with the kernels off', () => {
    for (const c of loopCases()) expect(jsOutcome(c)).toEqual(jsPath(() => jsOutcome(c)));
  });
});

// Ported from numpy/_core/tests/test_ufunc.py (test_reduceat*) and test_umath.py.
describe('NumPy test_ufunc: reduceat', () => {
  test('test_reduceat_shifting_sum', () => {
    const L = 6;
    const x = arange(L);
    // np.array(list(zip(np.arange(L - 2), np.arange(L - 2) + 2))).ravel()
    const pairs = [0, 2, 1, 3, 2, 4, 3, 5];
    expect(vals(addReduceat(x, pairs).index('::2'))).toEqual([1, 3, 5, 7]);
  });

  test('test_reduceat_empty', () => {
    // Reduceat should work with empty arrays
    const x = zeros([0, 2, 0]);
    for (const axis of [0, 1, 2]) {
      const idx = axis === 1 ? [0, 1] : [];
      const res = addReduceat(x, idx, { axis });
      const want = [...x.shape];
      want[axis] = idx.length;
      expect(res.shape).toEqual(want);
    }
  });

  test('test_reduceat (umath, float sums of groups)', () => {
    const x = arange(100, 'f8');
    const idx = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    const r = addReduceat(x, idx);
    const want = idx.map((s, i) => {
      const e = i + 1 < idx.length ? idx[i + 1] : 100;
      let t = 0;
      for (let k = s; k < e; k++) t += k;
      return t;
    });
    expect(vals(r)).toEqual(want);
  });

  test('out of range and wrong depth indices are refused', () => {
    expect(() => addReduceat(arange(3), [3])).toThrow(IndexError);
    expect(() => addReduceat(arange(3), [3])).toThrow('index 3 out-of-bounds in add.reduceat [0, 3)');
    expect(() => addReduceat(arange(3), [[0]] as never)).toThrow('maximum number of dimension of 1');
  });
});

describeWithNumpy('float16 add-reduceat keeps its running sum in float32 (parity pass 6)', () => {
  test("NumPy's HALF_add reduce loop: first + the float32 pairwise rest, rounded once", () => {
    const full01 = "np.full(3000, 0.1, dtype='<f2')";
    const a = asarray(new Array<number>(3000).fill(0.1), '<f2');
    const cases: Case[] = [
      { py: `np.add.reduceat(${full01}, [0])`, js: () => addReduceat(a, [0]) },
      { py: `np.add.reduceat(${full01}, [0, 10, 2000])`, js: () => addReduceat(a, [0, 10, 2000]) },
      { py: `np.add.reduceat(${full01}[::2], [0, 7])`, js: () => addReduceat(a.index('::2'), [0, 7]) },
      { py: `np.add.reduceat(${full01}.reshape(30, 100), [0, 3], axis=1)`, js: () => addReduceat(a.reshape([30, 100]), [0, 3], 1) },
      { py: `np.add.reduceat(${full01}.reshape(100, 30), [0, 3], axis=0)`, js: () => addReduceat(a.reshape([100, 30]), [0, 3], 0) },
      // Any axis of more than one dimension (fuzz seed 9390876): 1.876 - 0.003759 + 0.0002437 + 1.113
      // is 2.986 through float32, 2.984 rounded to half at each step.
      { py: "np.add.reduceat(np.array([1.876, 0, -0.003759, 0, 0.0002437, 0, 1.113, 0], '>f2').reshape(4, 1, 2), [0, 0, 3, 0])", js: () => addReduceat(asarray([1.876, 0, -0.003759, 0, 0.0002437, 0, 1.113, 0], '>f2').reshape([4, 1, 2]), [0, 0, 3, 0]) },
      { py: `np.add.reduceat(${full01}.reshape(10, 30, 10), [0, 2, 9], axis=1)`, js: () => addReduceat(a.reshape([10, 30, 10]), [0, 2, 9], 1) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

describe('reduceat indices: every accepted form reaches the same groups', () => {
  // A list goes into a Float64Array by index; an index array past 64 items
  // goes to the kernels as it lies (lib/group-starts.ts), a shorter one is
  // read into numbers; every form gives the list's result.
  test('lists of numbers, fractions, bigints and bools; int64, uint32, int8 and bool index arrays (past 64 items: read where they lie)', () => {
    const a = r();
    const starts = Array.from({ length: 150 }, (_, i) => (i * 37) % 600);
    const want = addReduceat(a, starts).toArray();
    expect(addReduceat(a, starts.map((v) => v + 0.75)).toArray()).toEqual(want);
    expect(addReduceat(a, starts.map((v) => BigInt(v)) as never).toArray()).toEqual(want);
    expect(addReduceat(a, fromBuffer(BigInt64Array.from(starts, (v) => BigInt(v)).buffer, '<i8')).toArray()).toEqual(want);
    expect(addReduceat(a, fromBuffer(BigInt64Array.from(starts, (v) => BigInt(v)).buffer, '<i8').astype('>i8')).toArray()).toEqual(want);
    expect(addReduceat(a, fromBuffer(Uint32Array.from(starts).buffer, '<u4')).toArray()).toEqual(want);
    const small = [5, 0, 127, 64];
    expect(addReduceat(a, fromBuffer(Int8Array.from(small).buffer, '|i1')).toArray()).toEqual(addReduceat(a, small).toArray());
    expect(addReduceat(a, [true, false, true] as never).toArray()).toEqual(addReduceat(a, [1, 0, 1]).toArray());
    expect(addReduceat(a, greater(arange(3), 0)).toArray()).toEqual(addReduceat(a, [0, 1, 1]).toArray());
    expect(() => addReduceat(a, [...starts, -1])).toThrow('index -1 out-of-bounds in add.reduceat [0, 600)');
    expect(() => addReduceat(a, [...starts, 1e300])).toThrow(IndexError);
    expect(() => addReduceat(a, [0, NaN])).toThrow(TypeError);
  });
});

describeWithNumpy('reduceat: found by the differential fuzzer (seeds 6002154, 6002315)', () => {
  test('a dtype names the loop: logical ops have only bool outputs, bitwise ones no float loop (TypeError)', () => {
    npc.expectCasesLikeNumpy([
      { py: "np.logical_and.reduceat(np.ones(3), [0], dtype='f4')", js: () => mm.logicalAndReduceat(mm.ones([3]), [0], { dtype: 'f4' }) },
      { py: "np.logical_or.reduceat(np.ones(3), [0, 1], dtype='i8')", js: () => mm.logicalOrReduceat(mm.ones([3]), [0, 1], { dtype: 'i8' }) },
      { py: "np.logical_xor.reduceat(np.ones(3), [0, 2], dtype='?')", js: () => mm.logicalXorReduceat(mm.ones([3]), [0, 2], { dtype: '?' }) },
      { py: "np.bitwise_and.reduceat(np.ones(3, 'i4'), [0], dtype='f8')", js: () => mm.bitwiseAndReduceat(mm.ones([3], 'i4'), [0], { dtype: 'f8' }) },
      { py: "np.bitwise_xor.reduceat(np.ones(3), [0, 1], dtype='i4')", js: () => mm.bitwiseXorReduceat(mm.ones([3]), [0, 1], { dtype: 'i4' }) },
    ]);
  });
});

describeWithNumpy("reduceat: the result laid out as NumPy's iterator allocates it (fuzz pass 9)", () => {
  test('every axis of transposed, reversed, strided and broadcast inputs: the other axes keep the input order, axis keeps its place', () => {
    const cases: LayoutCase[] = [];
    for (const v of ORDER_VIEWS) {
      const shape = jsView(v).shape;
      shape.forEach((n, ax) => {
        for (const idx of [[0], [0, 1], [1, 0, 2], [2, 0]].filter((ix) => ix.every((i) => i < n))) {
          cases.push({ py: `np.add.reduceat(${pyView(v)}, ${JSON.stringify(idx)}, axis=${ax})`, js: () => addReduceat(jsView(v), idx, ax) });
          cases.push({ py: `np.maximum.reduceat(${pyView(v)}, ${JSON.stringify(idx)}, axis=${ax})`, js: () => maximumReduceat(jsView(v), idx, ax) });
          cases.push({ py: `np.logical_or.reduceat(${pyView(v)}, ${JSON.stringify(idx)}, axis=${ax})`, js: () => logicalOrReduceat(jsView(v), idx, ax) });
        }
      });
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describe('minimumReduceat / maximumReduceat: a zero result takes the sign of NumPy\'s loop along each lane of a group', () => {
  const sign = (r: mm.NdArray): string[] => (r.ravel().toArray() as number[]).map((v) => (Object.is(v, -0) ? '-0' : String(v)));
  test('contiguous: vector lanes; strided: eight accumulators (NumPy 2.4)', () => {
    // np.maximum.reduceat(b, [0, 2]) with b[9] = -0., b[12] = 0.: [-1., 0.]
    const b = new Float64Array(20).fill(-1);
    b[9] = -0;
    b[12] = 0;
    expect(sign(mm.maximumReduceat(mm.fromBuffer(b), [0, 2]))).toEqual(['-1', '0']);
    // The same rows along axis 0 of a (20, 3) array (a stride of 24 bytes): [-1., -1., -1., -0., -0., -0.]
    const c = new Float64Array(60).fill(-1);
    for (let j = 0; j < 3; j++) {
      c[27 + j] = -0;
      c[36 + j] = 0;
    }
    expect(sign(mm.maximumReduceat(mm.fromBuffer(c).reshape([20, 3]), [0, 2], 0))).toEqual(['-1', '-1', '-1', '-0', '-0', '-0']);
  });
});

describe('reduceat casts its input to the loop type first, as NumPy does', () => {
  const REC = { names: ['a', 'b', 'c'], formats: ['<u2', '|u1', '>u2'], offsets: [0, 2, 3], itemsize: 5 };
  const NAME = "dtype([('a', '<u2'), ('b', 'u1'), ('c', '>u2')])";
  test.each([[[4]], [[3, 0, 4]]])('a record of several fields, shape %j (empty too): TypeError naming both types', (shape) => {
    const a = mm.zeros(shape, REC);
    // NumPy 2.4: logical ops through its iterator, the others through the ufunc's input cast (fuzz seed 9960641).
    expect(() => mm.logicalXorReduceat(a, [0], { dtype: '|b1' })).toThrow(`Iterator operand 1 dtype could not be cast from ${NAME} to dtype('bool') according to the rule 'unsafe'`);
    expect(() => mm.logicalAndReduceat(a, [0])).toThrow(`Iterator operand 1 dtype could not be cast from ${NAME} to dtype('bool') according to the rule 'unsafe'`);
    expect(() => mm.addReduceat(a, [0], { dtype: '<c8' })).toThrow(`Cannot cast ufunc 'add' input 0 from ${NAME} to dtype('complex64') with casting rule 'unsafe'`);
    expect(() => mm.bitwiseAndReduceat(a, [0], { dtype: '<i4' })).toThrow(`Cannot cast ufunc 'bitwise_and' input 0 from ${NAME} to dtype('int32') with casting rule 'unsafe'`);
  });

  test('a one-field record casts: its field is reduced', () => {
    const a = mm.zeros([4], [['a', '<i4']]);
    for (let i = 0; i < 4; i++) a.set([i], { a: i + 1 });
    expect(mm.addReduceat(a, [0, 2], { dtype: '<f8' }).toArray()).toEqual([3, 7]);
  });
});

describeWithNumpy("multiplyReduceat of complex items starts each group from its first item, as NumPy's loop does", () => {
  // prod() starts from 1 + 0j: the same bits unless 1 * z is not z (an inf or
  // NaN part, or a signed zero the product flips; fuzz seed 9826276).
  test('inf, NaN and signed zeros first in a group, c16 and c8, along either axis', () => {
    const Z: [number, number][] = [[Infinity, 2], [1, 1], [-0, -1], [2, 0.5], [NaN, 1], [3, -0], [-0, 0], [0.5, -Infinity], [-2, 3], [1.5, -0]];
    const py = (v: number): string => (Number.isNaN(v) ? "float('nan')" : v === Infinity ? "float('inf')" : v === -Infinity ? "float('-inf')" : Object.is(v, -0) ? '-0.0' : String(v));
    const PY = `np.array([complex(${Z.map(([r, i]) => `${py(r)}, ${py(i)}`).join('), complex(')})])`;
    const z = () => mm.asarray(Z.map(([re, im]) => ({ re, im })), '<c16');
    const canon = (r: mm.NdArray): mm.NdArray => mm.where(mm.isnan(r), NaN, r);
    const cases: Case[] = [
      { py: `np.multiply.reduceat(${PY}, [0, 2, 3, 4, 6, 7, 9])`, js: () => mm.multiplyReduceat(z(), [0, 2, 3, 4, 6, 7, 9]) },
      // float32 NaNs: the sign of a NaN made in float32 is not kept here (Math.fround), so NaN items are compared as NaN.
      { py: `(lambda r: np.where(np.isnan(r), np.nan, r))(np.multiply.reduceat(${PY}.astype('c8'), [0, 5, 2, 6]))`, js: () => canon(mm.multiplyReduceat(z().astype('c8'), [0, 5, 2, 6])) },
      { py: `np.multiply.reduceat(${PY}.reshape(5, 2), [0, 2, 3], axis=0)`, js: () => mm.multiplyReduceat(z().reshape([5, 2]), [0, 2, 3], 0) },
      { py: `np.multiply.reduceat(${PY}.reshape(2, 5), [1, 3], axis=1)`, js: () => mm.multiplyReduceat(z().reshape([2, 5]), [1, 3], 1) },
      { py: `(lambda r: np.where(np.isnan(r), np.nan, r))(np.multiply.reduceat(${PY}, [0, 6], dtype='c8'))`, js: () => canon(mm.multiplyReduceat(z(), [0, 6], { dtype: 'c8' })) },
      { py: `np.multiply.reduceat(np.array([-0.0, 2, -3, 0.5]), [0, 2], dtype='c16')`, js: () => mm.multiplyReduceat(mm.asarray([-0, 2, -3, 0.5]), [0, 2], { dtype: 'c16' }) },
    ];
    expectCasesLikeNumpy(cases);
  });
});
