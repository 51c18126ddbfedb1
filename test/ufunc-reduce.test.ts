// ufunc.reduce of the bitwise and logical ufuncs (lib/ufunc-reduce.ts):
// bitwiseOrReduce(a) is np.bitwise_or.reduce(a), compared with NumPy (dtype,
// shape and bytes, or the error) over dtypes, axes, keepdims, where, initial,
// dtype and out.
import * as mm from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

type ReduceFn = (a: mm.NdArray, axis?: unknown, o?: mm.UfuncReduceOptions) => mm.NdArray;
const OPS: [string, string][] = [
  ['bitwise_and', 'bitwiseAndReduce'], ['bitwise_or', 'bitwiseOrReduce'], ['bitwise_xor', 'bitwiseXorReduce'],
  ['logical_and', 'logicalAndReduce'], ['logical_or', 'logicalOrReduce'], ['logical_xor', 'logicalXorReduce'],
];
const fn = (name: string): ReduceFn => (mm as unknown as Record<string, ReduceFn>)[name];

const VALUES = [[[5, 0, 255, 12], [3, 8, 1, 0], [128, 7, 7, 64]], [[0, 0, 9, 1], [2, 4, 6, 8], [15, 16, 17, 1]]];

describeWithNumpy('ufunc.reduce of the bitwise and logical ufuncs against NumPy', () => {
  test('dtypes and axes (default 0, negative, null, lists, empty list), keepdims', () => {
    const cases: Case[] = [];
    const axes: [string, unknown][] = [['', undefined], ['axis=1', 1], ['axis=-1', -1], ['axis=None', null], ['axis=(0, 2)', [0, 2]], ['axis=()', []]];
    for (const [np, js] of OPS) {
      for (const dt of ['|b1', '|u1', '<i1', '<i4', '<u8', '<i8', '<f8']) {
        for (const [pyAxis, jsAxis] of axes) {
          for (const keep of [false, true]) {
            const kw = [pyAxis, keep ? 'keepdims=True' : ''].filter((s) => s !== '').join(', ');
            cases.push({
              py: `np.${np}.reduce(np.array(${JSON.stringify(VALUES)}).astype('${dt}')${kw ? `, ${kw}` : ''})`,
              js: () => fn(js)(mm.array(VALUES).astype(dt), jsAxis, { keepdims: keep }),
            });
          }
        }
      }
    }
    expectCasesLikeNumpy(cases);
  });

  test('empty reductions give the identity (bitwise_and: every bit), initial joins every reduction', () => {
    const cases: Case[] = [];
    for (const [np, js] of OPS) {
      for (const dt of ['|b1', '|u1', '<i2', '<u4']) {
        cases.push({ py: `np.${np}.reduce(np.zeros((0, 3), '${dt}'))`, js: () => fn(js)(mm.zeros([0, 3], dt)) });
        cases.push({ py: `np.${np}.reduce(np.zeros((2, 0), '${dt}'), axis=0)`, js: () => fn(js)(mm.zeros([2, 0], dt), 0) });
        cases.push({ py: `np.${np}.reduce(np.zeros((0, 3), '${dt}'), axis=None)`, js: () => fn(js)(mm.zeros([0, 3], dt), null) });
      }
      cases.push({ py: `np.${np}.reduce(np.array([[1, 2], [4, 8]], np.uint8), initial=16)`, js: () => fn(js)(mm.array([[1, 2], [4, 8]], 'u1'), 0, { initial: 16 }) });
      cases.push({ py: `np.${np}.reduce(np.zeros((0, 2), np.uint8), initial=16)`, js: () => fn(js)(mm.zeros([0, 2], 'u1'), 0, { initial: 16 }) });
    }
    expectCasesLikeNumpy(cases);
  });

  test('where masks items out; dtype; out', () => {
    const cases: Case[] = [];
    const m = [[true, false, true, true], [false, true, true, false], [true, true, false, true]];
    for (const [np, js] of OPS) {
      cases.push({
        py: `np.${np}.reduce(np.array(${JSON.stringify(VALUES[0])}, np.uint8), where=np.array(${JSON.stringify(m).replace(/true/g, 'True').replace(/false/g, 'False')}))`,
        js: () => fn(js)(mm.array(VALUES[0], 'u1'), 0, { where: m }),
      });
      cases.push({
        py: `np.${np}.reduce(np.array(${JSON.stringify(VALUES[0])}, np.uint8), axis=1, where=np.array([True, False, True, True]), initial=0)`,
        js: () => fn(js)(mm.array(VALUES[0], 'u1'), 1, { where: mm.array([true, false, true, true]), initial: 0 }),
      });
      cases.push({
        py: `np.${np}.reduce(np.array([[True, False], [True, True]]), dtype=np.int16)`,
        js: () => fn(js)(mm.array([[true, false], [true, true]]), 0, { dtype: 'i2' }),
      });
      cases.push({
        py: `(lambda o: (np.${np}.reduce(np.array(${JSON.stringify(VALUES[0])}, np.int32), axis=0, out=o), o)[1])(np.zeros(4, np.int64))`,
        js: () => {
          const o = mm.zeros([4], 'i8');
          expect(fn(js)(mm.array(VALUES[0], 'i4'), 0, { out: o })).toBe(o);
          return o;
        },
      });
    }
    expectCasesLikeNumpy(cases);
  });

  test("NumPy's errors: no bitwise loop for floats (nor for a float dtype or out), axes out of range or repeated, out of the wrong shape, a 0-d array with axis 0", () => {
    expectCasesLikeNumpy([
      { py: 'np.bitwise_or.reduce(np.array([1.5, 2.0]))', js: () => mm.bitwiseOrReduce(mm.array([1.5, 2])) },
      { py: 'np.bitwise_xor.reduce(np.zeros((2, 3), np.uint8), axis=2)', js: () => mm.bitwiseXorReduce(mm.zeros([2, 3], 'u1'), 2) },
      { py: 'np.bitwise_xor.reduce(np.zeros((2, 3), np.uint8), axis=(1, -1))', js: () => mm.bitwiseXorReduce(mm.zeros([2, 3], 'u1'), [1, -1]) },
      { py: "np.bitwise_or.reduce(np.zeros(0, np.uint8), dtype='f8')", js: () => mm.bitwiseOrReduce(mm.zeros([0], 'u1'), 0, { dtype: 'f8' }) },
      { py: 'np.bitwise_or.reduce(np.arange(6, dtype=np.int32).reshape(2, 3), out=np.zeros(3))', js: () => mm.bitwiseOrReduce(mm.arange(6, 'i4').reshape([2, 3]), 0, { out: mm.zeros([3]) }) },
      { py: 'np.bitwise_or.reduce(np.zeros((2, 3), np.int32), out=np.zeros((2, 3), np.int32))', js: () => mm.bitwiseOrReduce(mm.zeros([2, 3], 'i4'), 0, { out: mm.zeros([2, 3], 'i4') }) },
      { py: 'np.bitwise_or.reduce(np.zeros((2, 3, 4), np.int32), axis=1, out=np.zeros((2, 5), np.int32))', js: () => mm.bitwiseOrReduce(mm.zeros([2, 3, 4], 'i4'), 1, { out: mm.zeros([2, 5], 'i4') }) },
      { py: 'np.bitwise_or.reduce(np.zeros((2, 3, 4), np.int32), axis=(0, 2), out=np.zeros(4, np.int32))', js: () => mm.bitwiseOrReduce(mm.zeros([2, 3, 4], 'i4'), [0, 2], { out: mm.zeros([4], 'i4') }) },
      { py: 'np.bitwise_or.reduce(np.zeros((2, 3, 4), np.int32), axis=None, out=np.zeros(1, np.int32))', js: () => mm.bitwiseOrReduce(mm.zeros([2, 3, 4], 'i4'), null, { out: mm.zeros([1], 'i4') }) },
      { py: 'np.logical_or.reduce(np.array(True))', js: () => mm.logicalOrReduce(mm.array(true)) },
      { py: 'np.logical_or.reduce(np.array(True), axis=None)', js: () => mm.logicalOrReduce(mm.array(true), null) },
    ]);
  });

  test('initial: null is NumPy\'s initial=None: no identity, so an empty reduction and a where mask raise; a non-empty one reduces', () => {
    expectCasesLikeNumpy([
      { py: 'np.bitwise_or.reduce(np.array([], np.int64), initial=None)', js: () => mm.bitwiseOrReduce(mm.array([], 'i8'), { initial: null }) },
      { py: 'np.bitwise_or.reduce(np.array([1, 2]), initial=None)', js: () => mm.bitwiseOrReduce(mm.array([1, 2]), { initial: null }) },
      { py: 'np.logical_and.reduce(np.array([], bool), initial=None)', js: () => mm.logicalAndReduce(mm.array([], '?'), { initial: null }) },
      { py: 'np.bitwise_and.reduce(np.zeros((0, 3), np.int64), axis=0, initial=None)', js: () => mm.bitwiseAndReduce(mm.zeros([0, 3], 'i8'), { axis: 0, initial: null }) },
      { py: 'np.bitwise_and.reduce(np.zeros((2, 0), np.int64), axis=0, initial=None)', js: () => mm.bitwiseAndReduce(mm.zeros([2, 0], 'i8'), { axis: 0, initial: null }) },
      { py: 'np.bitwise_or.reduce(np.array([1, 2]), initial=None, where=np.array([True, False]))', js: () => mm.bitwiseOrReduce(mm.array([1, 2]), { initial: null, where: [true, false] }) },
      { py: 'np.bitwise_or.reduce(np.zeros((0, 3), np.int64), axis=None, initial=None)', js: () => mm.bitwiseOrReduce(mm.zeros([0, 3], 'i8'), { axis: null, initial: null }) },
    ]);
  });

  test('the options form and a view of a mapping-sized stride: rows of records', () => {
    const rec = mm.zeros([6], { names: ['flags', 'pad'], formats: ['u2', 'f8'] } as never);
    rec.field('flags').set(mm.array([1, 2, 4, 1, 16, 2], 'u2'));
    expect(mm.bitwiseOrReduce(rec.field('flags'), { axis: 0 }).toArray()).toBe(23);
    expect(mm.bitwiseXorReduce(rec.field('flags').reshape([3, 2]), { axis: 1 }).toArray()).toEqual([3, 5, 18]);
    expect(() => mm.bitwiseOrReduce(rec.field('flags'), { axis: 0 } as never, { keepdims: true })).toThrow('got options twice');
  });
});
