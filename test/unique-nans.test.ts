// unique(a, { equalNan: false }) (lib/unique-nans.ts): every NaN its own
// value, compared with NumPy's np.unique(..., equal_nan=False) output by
// output (values, first index, inverse, counts: dtype, shape and bytes).
import * as mm from '../lib';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { describeWithNumpy } from './helpers/numpy';

const OUTPUTS = [['values', 0], ['index', 1], ['inverse', 2], ['counts', 3]] as const;

describeWithNumpy('unique with equalNan: false against NumPy', () => {
  test('float, float32, byte-swapped, 2-d and complex inputs: each NaN apart, after the numbers in input order', () => {
    const inputs: [string, () => mm.NdArray][] = [
      ["np.array([1, float('nan'), 2, float('nan'), 1, float('nan')])", () => mm.array([1, NaN, 2, NaN, 1, NaN])],
      ["np.array([float('nan'), 3, -1.5, 0.0, float('nan')], '<f4')", () => mm.array([NaN, 3, -1.5, 0, NaN], 'f4')],
      ["np.array([[2, float('nan')], [float('nan'), 2]], '>f8')", () => mm.array([[2, NaN], [NaN, 2]], '>f8')],
      ["np.array([1.0, 2, 1])", () => mm.array([1, 2, 1], 'f8')],
      ["np.array([float('nan')])", () => mm.array([NaN])],
      ["np.array([complex(1, float('nan')), 1, complex(float('nan'), 0), complex(1, float('nan'))])",
        () => mm.array([{ re: 1, im: NaN }, { re: 1, im: 0 }, { re: NaN, im: 0 }, { re: 1, im: NaN }], 'c16')],
    ];
    const cases: Case[] = [];
    for (const [py, make] of inputs) {
      for (const [key, k] of OUTPUTS) {
        cases.push({
          py: `np.unique(${py}, return_index=True, return_inverse=True, return_counts=True, equal_nan=False)[${k}]`,
          js: () => mm.unique(make(), { returnIndex: true, returnInverse: true, returnCounts: true, equalNan: false })[key],
        });
      }
      cases.push({ py: `np.unique(${py}, equal_nan=False)`, js: () => mm.unique(make(), { equalNan: false }).values });
      cases.push({ py: `np.unique(${py}, equal_nan=True, sorted=False)`, js: () => mm.unique(make(), { equalNan: true, sorted: false }).values });
    }
    expectCasesLikeNumpy(cases);
  });

  test('ints and bools have no NaN: the option changes nothing', () => {
    expectCasesLikeNumpy([
      { py: 'np.unique(np.array([3, 1, 3]), return_counts=True, equal_nan=False)[1]', js: () => mm.unique(mm.array([3, 1, 3]), { returnCounts: true, equalNan: false }).counts },
      { py: 'np.unique(np.array([True, False, True]), equal_nan=False)', js: () => mm.unique(mm.array([true, false, true]), { equalNan: false }).values },
    ]);
  });

  test('uniqueAsync takes it too', async () => {
    const r = await mm.uniqueAsync(mm.array([NaN, 1, NaN]), { returnCounts: true, equalNan: false });
    expect(r.values.toArray()).toEqual([1, NaN, NaN]);
    expect(r.counts!.toArray()).toEqual([1n, 1n, 1n]);
  });
});
