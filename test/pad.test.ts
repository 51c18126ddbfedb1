// lib/pad.ts: pad against NumPy for every mode (values, dtype, shape,
// strides, never a view, NumPy's errors), over C, F, strided and 0-d inputs,
// pads wider than the axis (wrap, reflect, symmetric repeat); NumPy's own
// test_arraypad.py cases ported.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import * as lib from '../lib';
import { arange, asarray, pad, ValueError } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

const input = inputs(lib);
const { A, B, T, V, Z, S, E, U, F } = input;

describeWithNumpy('pad against NumPy', () => {
  test('every mode, widths in NumPy\'s forms, wide pads, layouts, errors', () => {
    const rows: [string, () => unknown, string?][] = [];
    const modes: [string, string, object][] = [
      ["'constant'", '', {}],
      ["'constant'", ', constant_values=(7, 9)', { constantValues: [7, 9] }],
      ["'edge'", '', {}],
      ["'wrap'", '', {}],
      ["'reflect'", '', {}],
      ["'reflect'", ", reflect_type='odd'", { reflectType: 'odd' }],
      ["'symmetric'", '', {}],
      ["'symmetric'", ", reflect_type='odd'", { reflectType: 'odd' }],
      ["'linear_ramp'", '', {}],
      ["'linear_ramp'", ', end_values=(5, -4)', { endValues: [5, -4] }],
      ["'maximum'", '', {}],
      ["'minimum'", ', stat_length=2', { statLength: 2 }],
      ["'mean'", '', {}],
      ["'mean'", ', stat_length=((1, 2),)', { statLength: [[1, 2]] }],
      ["'median'", '', {}],
    ];
    for (const [m, pyk, jsk] of modes) {
      const mode = m.slice(1, -1);
      rows.push([`np.pad(V, 3, ${m}${pyk})`, () => pad(V, 3, { mode, ...jsk } as never), 'V']);
      rows.push([`np.pad(V, (25, 12), ${m}${pyk})`, () => pad(V, [25, 12], { mode, ...jsk } as never), 'V']);
      rows.push([`np.pad(A, ((1, 2), (0, 3), (2, 1)), ${m}${pyk})`, () => pad(A, [[1, 2], [0, 3], [2, 1]], { mode, ...jsk } as never), 'A']);
      rows.push([`np.pad(B, 2, ${m}${pyk})`, () => pad(B, 2, { mode, ...jsk } as never), 'B']);
      rows.push([`np.pad(F, (1, 4), ${m}${pyk})`, () => pad(F, [1, 4], { mode, ...jsk } as never), 'F']);
      rows.push([`np.pad(T, 1, ${m}${pyk})`, () => pad(T, 1, { mode, ...jsk } as never), 'A']);
      rows.push([`np.pad(S, ((0, 0), (3, 3), (1, 0)), ${m}${pyk})`, () => pad(S, [[0, 0], [3, 3], [1, 0]], { mode, ...jsk } as never), 'A']);
      rows.push([`np.pad(U, ((7, 1), (0, 9)), ${m}${pyk})`, () => pad(U, [[7, 1], [0, 9]], { mode, ...jsk } as never), 'U']);
      rows.push([`np.pad(U[:1], (0, 3), ${m}${pyk})`, () => pad(U.index(':1'), [0, 3], { mode, ...jsk } as never), 'U']);
      rows.push([`np.pad(Z, 2, ${m}${pyk})`, () => pad(Z, 2, { mode, ...jsk } as never), 'Z']);
      rows.push([`np.pad(E, 1, ${m}${pyk})`, () => pad(E, 1, { mode, ...jsk } as never)]);
      rows.push([`np.pad(E, ((0, 0), (1, 1)), ${m}${pyk})`, () => pad(E, [[0, 0], [1, 1]], { mode, ...jsk } as never)]);
    }
    rows.push(["np.pad(V, -1)", () => pad(V, -1)]);
    rows.push(["np.pad(V, ((1, -1),))", () => pad(V, [[1, -1]])]);
    rows.push(["np.pad(V, 1.5)", () => pad(V, asarray(1.5))]);
    rows.push(["np.pad(V, 1, 'bogus')", () => pad(V, 1, { mode: 'bogus' as never })]);
    rows.push(["np.pad(V, 1, 'edge', constant_values=3)", () => pad(V, 1, { mode: 'edge', constantValues: 3 } as never)]);
    rows.push(["np.pad(V, 1, 'maximum', stat_length=0)", () => pad(V, 1, { mode: 'maximum', statLength: 0 })]);
    rows.push(["np.pad(A, ((1, 2), (3, 4)))", () => pad(A, [[1, 2], [3, 4]])]);
    rows.push(["np.pad(V, 2, 'constant', constant_values=2.7)", () => pad(V, 2, { constantValues: 2.7 }), 'V']);
    expectLikeNumpy(rows, input);
  });
});

// Ported from numpy/lib/tests/test_arraypad.py.
describe('NumPy test_arraypad', () => {
  test('TestConstant.test_check_constant', () => {
    const a = pad(arange(100), [25, 20], { mode: 'constant', constantValues: [10, 20] });
    const v = vals(a) as number[];
    expect(v.slice(0, 25)).toEqual(new Array(25).fill(10));
    expect(v.slice(25, 125)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(v.slice(125)).toEqual(new Array(20).fill(20));
  });

  test('TestStatistic.test_check_mean_stat_length', () => {
    const a = pad(arange(100).astype('f8'), [25, 20], { mode: 'mean', statLength: [2, 3] });
    const v = vals(a) as number[];
    expect(v.slice(0, 25)).toEqual(new Array(25).fill(0.5));
    expect(v.slice(125)).toEqual(new Array(20).fill(98.0));
  });

  test('TestWrap.test_check_large_pad and TestReflect.test_check_large_pad (repeats past one period)', () => {
    expect(vals(pad(asarray([1, 2, 3]), [7, 8], { mode: 'wrap' }))).toEqual([3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]);
    expect(vals(pad(asarray([1, 2, 3]), [4, 4], { mode: 'reflect' }))).toEqual([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3]);
    expect(vals(pad(asarray([1, 2, 3]), [4, 4], { mode: 'symmetric' }))).toEqual([3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1]);
  });

  test('TestLinearRamp: ramps run from the end values to the edges, endpoint excluded', () => {
    const v = vals(pad(arange(100).astype('f8'), [25, 20], { mode: 'linear_ramp', endValues: [4, 5] })) as number[];
    expect(v[0]).toBe(4);
    expect(v[24]).toBeCloseTo(4 - (4 * 24) / 25, 12);
    expect(v[25]).toBe(0);
    expect(v[124]).toBe(99);
    expect(v[125]).toBeCloseTo(99 - (99 - 5) / 20, 12);
    expect(v[144]).toBe(5);
  });

  test('TestEmptyArray.test_pad_empty_dimension', () => {
    expect(() => pad(asarray([], 'f8'), 2, { mode: 'edge' })).toThrow(ValueError);
    expect(pad(asarray([], 'f8'), 2, { mode: 'constant' }).shape).toEqual([4]);
  });

  test('test_object_input: a JS list', () => {
    expect(vals(pad([[1, 2]], 1, { mode: 'edge' }))).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [1, 1, 2, 2],
    ]);
  });
});

describeWithNumpy('pad: found by the differential fuzzer (seeds 6000377, 6004657)', () => {
  const big = [36310271995674623n, 36310271995674625n, 3026418949592973312n];
  test('minimum/maximum of int64 stay exact (NumPy rounds only a float statistic); one constant value or pair is cast unsafely', () => {
    npc.expectCasesLikeNumpy([
      { py: "np.pad(np.array([36310271995674623, 36310271995674625, 3026418949592973312]), (1, 2), mode='minimum', stat_length=3)", js: () => mm.pad(mm.array(big, 'i8'), [1, 2], { mode: 'minimum', statLength: 3 }) },
      { py: "np.pad(np.array([36310271995674623, 36310271995674625, 3026418949592973312]), 2, mode='maximum')", js: () => mm.pad(mm.array(big, 'i8'), 2, { mode: 'maximum' }) },
      { py: "np.pad(np.array([36310271995674623, 36310271995674625, 3026418949592973312]), 1, mode='mean')", js: () => mm.pad(mm.array(big, 'i8'), 1, { mode: 'mean' }) },
      { py: "np.pad(np.array([1, 2, 3], '>u4'), [[3, 1]], constant_values=[0, -1])", js: () => mm.pad(mm.array([1, 2, 3], '>u4'), [[3, 1]], { constantValues: [0, -1] }) },
      { py: "np.pad(np.array([1, 2, 3], 'u1'), 1, constant_values=300)", js: () => mm.pad(mm.array([1, 2, 3], 'u1'), 1, { constantValues: 300 }) },
      { py: "np.pad(np.array([1, 2, 3], 'i4'), 1, constant_values=2.7)", js: () => mm.pad(mm.array([1, 2, 3], 'i4'), 1, { constantValues: 2.7 }) },
    ]);
  });

  test('per-axis constant values are Python ints (.tolist()): out of range is the OverflowError of both', () => {
    const [want] = npc.numpyOutcomes([{ py: "np.pad(np.array([[1, 2, 3]], 'u1'), 1, constant_values=[[1, 2], [3, -1]])", js: () => null }]);
    expect(want.error).toBe('OverflowError');
    expect(() => mm.pad(mm.array([[1, 2, 3]], 'u1'), 1, { constantValues: [[1, 2], [3, -1]] })).toThrow(mm.OverflowError);
  });
});

describeWithNumpy("pad 'linear_ramp' computes its ramps in float64 (fuzz seed 9378080)", () => {
  test('float32, float16, integer and complex64 arrays: one end value or one pair (NumPy scalars) ramp in float64, per-axis values (Python floats) in the array type', () => {
    const cases: npc.Case[] = [];
    for (const dt of ['<f4', '>f4', '<f2', '<i2', '|u1', '<c8', '<f8']) {
      const py = `np.array([[1.25, -7.5, 3], [0.1, 100, -0.3]]).astype('${dt}')`;
      const js = (): lib.NdArray => mm.array([[1.25, -7.5, 3], [0.1, 100, -0.3]]).astype(dt);
      cases.push({ py: `np.pad(${py}, [[1, 1], [3, 0]], mode='linear_ramp', end_values=-2)`, js: () => mm.pad(js(), [[1, 1], [3, 0]], { mode: 'linear_ramp', endValues: -2 }) });
      cases.push({ py: `np.pad(${py}, 3, mode='linear_ramp', end_values=[[0.7, 5], [-1, 9]])`, js: () => mm.pad(js(), 3, { mode: 'linear_ramp', endValues: [[0.7, 5], [-1, 9]] }) });
      cases.push({ py: `np.pad(${py}, 2, mode='linear_ramp', end_values=(0.7, -3))`, js: () => mm.pad(js(), 2, { mode: 'linear_ramp', endValues: [0.7, -3] }) });
    }
    npc.expectCasesLikeNumpy(cases);
  });
});

describe("pad's constant into a signed integer array goes through a Python int, as NumPy's setitem of a NumPy scalar", () => {
  test('outside the dtype: OverflowError; NaN, inf: Python int()\'s errors; an unsigned array wraps', () => {
    const i1 = mm.zeros([2], 'i1');
    expect(() => pad(i1, 1, { constantValues: 300 })).toThrow(new mm.OverflowError('Python integer 300 out of bounds for int8'));
    expect(() => pad(mm.zeros([2], 'i2'), 1, { constantValues: 40000 })).toThrow(new mm.OverflowError('Python integer 40000 out of bounds for int16'));
    expect(() => pad(i1, 1, { constantValues: NaN })).toThrow(new ValueError('cannot convert float NaN to integer'));
    expect(() => pad(i1, 1, { constantValues: Infinity })).toThrow(new mm.OverflowError('cannot convert float infinity to integer'));
    // In range after truncation, as int(): 127.9 is 127, -128.5 is -128.
    expect(pad(i1, 1, { constantValues: 127.9 }).toArray()).toEqual([127, 0, 0, 127]);
    expect(pad(i1, 1, { constantValues: -128.5 }).toArray()).toEqual([-128, 0, 0, -128]);
    // NumPy 2.4: np.pad(np.zeros(2, 'u1'), 1, constant_values=300.0) is [44, 0, 0, 44]; -1.5 gives 255.
    expect(pad(mm.zeros([2], 'u1'), 1, { constantValues: 300 }).toArray()).toEqual([44, 0, 0, 44]);
    expect(pad(mm.zeros([2], 'u1'), 1, { constantValues: -1.5 }).toArray()).toEqual([255, 0, 0, 255]);
  });
});
