// einsum's sublist form (lib/einsum-sublist.ts) against NumPy at run time:
// the same results as np.einsum(a, [0, 1], b, [1, 2], [0, 2]) (products,
// traces, implicit outputs, ellipsis, labels past 25, options), NumPy's
// errors, and einsumPath's sublist form.
import { einsum, einsumPath, ellipsis } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(shape: number[], seed: number, dtype = '<i8'): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => Math.floor(r() * 19) - 9), dtype, shape);
}

describeWithNumpy('einsum sublist form against NumPy', () => {
  test('products, traces, implicit output, ellipsis, labels 26-51, dtype option; errors', () => {
    const a = data([2, 3], 1);
    const b = data([3, 4], 2);
    const s = data([3, 3], 3, '<f8');
    const t = data([2, 3, 3], 4, '>i4');
    const cases: Case[] = [
      { py: `np.einsum(${a.py}, [0, 1], ${b.py}, [1, 2], [0, 2])`, js: () => einsum(a.arr, [0, 1], b.arr, [1, 2], [0, 2]) },
      { py: `np.einsum(${a.py}, [0, 1], ${b.py}, [1, 2])`, js: () => einsum(a.arr, [0, 1], b.arr, [1, 2]) },
      { py: `np.einsum(${s.py}, [0, 0])`, js: () => einsum(s.arr, [0, 0]) },
      { py: `np.einsum(${s.py}, [0, 0], [0])`, js: () => einsum(s.arr, [0, 0], [0]) },
      { py: `np.einsum(${a.py}, [1, 0])`, js: () => einsum(a.arr, [1, 0]) },
      { py: `np.einsum(${a.py}, [30, 51], [51, 30])`, js: () => einsum(a.arr, [30, 51], [51, 30]) },
      { py: `np.einsum(${a.py}, [25, 26])`, js: () => einsum(a.arr, [25, 26]) },
      { py: `np.einsum(${t.py}, [Ellipsis, 0, 1], ${s.py}, [1, 2], [Ellipsis, 0, 2])`, js: () => einsum(t.arr, [ellipsis, 0, 1], s.arr, [1, 2], [ellipsis, 0, 2]) },
      { py: `np.einsum(${t.py}, [Ellipsis, 0, 0], [Ellipsis])`, js: () => einsum(t.arr, [ellipsis, 0, 0], [ellipsis]) },
      { py: `np.einsum(${a.py}, [0, 1], ${b.py}, [1, 2], [0, 2], dtype='f4')`, js: () => einsum(a.arr, [0, 1], b.arr, [1, 2], [0, 2], { dtype: '<f4' }) },
      { py: `np.einsum(${a.py}, [0, 1], ${b.py}, [1, 2], [0, 2], optimize=True)`, js: () => einsum(a.arr, [0, 1], b.arr, [1, 2], [0, 2], { optimize: true }) },
      { py: `np.einsum(${a.py}, [0, 52])`, js: () => einsum(a.arr, [0, 52]) },
      { py: `np.einsum(${a.py}, [0, -1])`, js: () => einsum(a.arr, [0, -1]) },
      { py: `np.einsum(${a.py}, [0, 1, 2])`, js: () => einsum(a.arr, [0, 1, 2]) },
      { py: `np.einsum(${a.py}, [0, 1], ${b.py}, [2, 3], [0, 3])`, js: () => einsum(a.arr, [0, 1], b.arr, [2, 3], [0, 3]) },
    ];
    expectCasesLikeNumpy(cases);
  });

  test('einsumPath takes the sublist form too (the same path as the string form)', () => {
    const a = data([2, 3], 5);
    const b = data([3, 4], 6);
    const c = data([4, 5], 7);
    const want = runNumpy<unknown[]>(`print(json.dumps(np.einsum_path(${a.py}, [0, 1], ${b.py}, [1, 2], ${c.py}, [2, 3], [0, 3], optimize='greedy')[0]))`);
    const got = einsumPath(a.arr, [0, 1], b.arr, [1, 2], c.arr, [2, 3], [0, 3])[0];
    expect(JSON.parse(JSON.stringify(got))).toEqual(want);
    expect(got).toEqual(einsumPath('AB,BC,CD->AD', a.arr, b.arr, c.arr)[0]);
  });
});
