// a.flat (lib/flatiter.ts) against NumPy's flatiter: reads by flat index,
// slice, index array and mask; writes with NumPy's value repetition; the
// iteration order, index and coords; copy() and base.
import * as lib from '../lib';
import { asarray, slice } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { INPUTS_PY, expectLikeNumpy, inputs } from './helpers/np-shape';
import { hexOf } from './helpers/np-compare';

describeWithNumpy('flat against NumPy', () => {
  const I = inputs(lib);
  test('reads: integer, slice, index array, mask; copy()', () => {
    expectLikeNumpy(
      [
        ['T.flat[2:9:3]', () => I.T.flat.get(slice(2, 9, 3))],
        ['S.flat[::-1]', () => I.S.flat.get('::-1')],
        ['A.flat[[0, 5, -1]]', () => I.A.flat.get([0, 5, -1])],
        ['B.flat[np.array([[0, 1], [4, 5]])]', () => I.B.flat.get(asarray([[0, 1], [4, 5]]))],
        ['U.flat[(U % 3 == 0).ravel()]', () => I.U.flat.get(I.U.remainder(3).equal(0).ravel())],
        ['T.flat.copy()', () => I.T.flat.copy(), 'T'],
        ['Z.flat.copy()', () => I.Z.flat.copy()],
      ],
      I,
    );
    const want = runNumpy<number[]>(`${INPUTS_PY}\nprint(json.dumps([T.flat[5].item(), S.flat[-2].item(), B.flat[3].item()]))`);
    expect([Number(I.T.flat.get(5)), Number(I.S.flat.get(-2)), I.B.flat.get(3)]).toEqual(want);
    expect(() => I.A.flat.get(24)).toThrow(lib.IndexError);
  });

  test('writes: slices, index arrays and masks, values repeated as NumPy repeats them, strided targets', () => {
    const want = runNumpy<string[]>(`${INPUTS_PY}
out = []
a = A.T.copy().T; a.flat[1:10:2] = [100, 200]; out.append(a.tobytes().hex())
a = A.copy()[:, ::2]; a.flat[[0, 3, 5]] = -7; out.append(a.tobytes().hex())
a = B.copy(); a.flat[:] = [1.5, 2.5, 3.5, 4.5]; out.append(a.tobytes().hex())
a = U.copy(); a.flat = [9, 8, 7]; out.append(a.tobytes().hex())
a = U.copy(); a.flat[4] = 255; out.append(a.tobytes().hex())
a = U.copy(); a.flat[(U > 6).ravel()] = [1, 2]; out.append(a.tobytes().hex())
print(json.dumps(out))
`);
    const got: string[] = [];
    let a = I.A.T.copy().T;
    a.flat.set('1:10:2', [100, 200]);
    got.push(hexOf(a));
    a = I.A.copy().index(slice(), slice(null, null, 2));
    a.flat.set([0, 3, 5], -7);
    got.push(hexOf(a));
    a = I.B.copy();
    a.flat.set(':', [1.5, 2.5, 3.5, 4.5]);
    got.push(hexOf(a));
    a = I.U.copy();
    a.flat.set([9, 8, 7]);
    got.push(hexOf(a));
    a = I.U.copy();
    a.flat.set(4, 255);
    got.push(hexOf(a));
    a = I.U.copy();
    a.flat.set(a.greater(6).ravel(), [1, 2]);
    got.push(hexOf(a));
    expect(got).toEqual(want);
  });

  test('iteration: C order over any layout, index and coords, length and base', () => {
    const want = runNumpy<{ vals: number[]; idx: number[]; coords: number[][] }>(`${INPUTS_PY}
f = S.flat
vals, idx, coords = [], [], []
for _ in range(len(f)):
    idx.append(f.index); coords.append(list(f.coords)); vals.append(int(next(f)))
print(json.dumps({'vals': vals, 'idx': idx, 'coords': coords}))
`);
    const f = I.S.flat;
    const vals: number[] = [];
    const idx: number[] = [];
    const coords: number[][] = [];
    for (let k = 0; k < f.length; k++) {
      idx.push(f.index);
      coords.push(f.coords);
      vals.push(Number(f.next().value));
    }
    expect({ vals, idx, coords }).toEqual(want);
    expect(f.next().done).toBe(true);
    expect([...I.T.flat].map(Number)).toEqual((I.T.copy().toArray() as number[][][]).flat(2));
    expect(I.T.flat.base).toBe(I.T);
  });
});

test('flat writes refuse a read-only array', () => {
  const a = lib.broadcastTo(asarray([1, 2]), [2, 2]);
  expect(() => a.flat.set(0, 5)).toThrow(lib.AccessError);
});
