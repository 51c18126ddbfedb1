// rollaxis (lib/rollaxis.ts) against NumPy: shapes and strides of the view
// for every axis and start of a 4-d array (negative ones too), NumPy's
// AxisError messages; the result is a view.
import { AxisError, rollaxis, zeros } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describeWithNumpy('rollaxis against NumPy', () => {
  test('every axis and start of a (2, 3, 4, 5) array: shape, strides or NumPy\'s error', () => {
    const want = runNumpy<unknown[]>(`
a = np.zeros((2, 3, 4, 5), '>i2')
out = []
for ax in range(-5, 5):
    for st in range(-6, 7):
        try:
            r = np.rollaxis(a, ax, st)
            out.append([list(r.shape), list(r.strides)])
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`);
    const a = zeros([2, 3, 4, 5], '>i2');
    const got: unknown[] = [];
    for (let ax = -5; ax < 5; ax++) {
      for (let st = -6; st < 7; st++) {
        try {
          const r = rollaxis(a, ax, st);
          got.push([r.shape, r.strides]);
        } catch (e) {
          got.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    }
    expect(got).toEqual(want);
  });
});

describe('rollaxis: view', () => {
  test('the result shares the input\'s memory; nothing moved is still a new view', () => {
    const a = zeros([2, 3], 'f8');
    const r = rollaxis(a, 1);
    r.set([0, 1], 5);
    expect(a.get(1, 0)).toBe(5);
    const same = rollaxis(a, 0);
    expect(same).not.toBe(a);
    expect(same.shape).toEqual([2, 3]);
    expect(() => rollaxis(a, 0, 3)).toThrow(new AxisError("'start' arg requires -2 <= start < 3, but 3 was passed in"));
  });
});
