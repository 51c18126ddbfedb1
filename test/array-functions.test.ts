// NumPy's module-level names for array methods and attributes
// (lib/array-functions.ts) against NumPy at run time: amax/amin, the
// bitwise_not and mod aliases (the same objects in NumPy, the same
// functions here), shape/size/ndim, reshape, copy's 'K' default,
// asfortranarray, isfortran, and save's '.npy' suffix.
import * as fs from 'fs';
import {
  amax, amin, asanyarray, asfortranarray, bitwiseNot, copy, invert, isfortran, max, min, mod, ndim, remainder, reshape,
  save, shape, size, asarray, sharesMemory, openNpy,
} from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-arrayfns-');
afterAll(() => tmp.remove());

function data(dims: number[], seed: number, dtype: string): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = dims.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => Math.floor(r() * 19) - 9), dtype, dims);
}

describeWithNumpy('array functions against NumPy', () => {
  test('bitwise_not and mod are the same objects as invert and remainder in NumPy, and here', () => {
    expect(runNumpy<boolean[]>('print(json.dumps([np.bitwise_not is np.invert, np.mod is np.remainder]))')).toEqual([true, true]);
    expect(bitwiseNot).toBe(invert);
    expect(mod).toBe(remainder);
    expect(amax).toBe(max);
    expect(amin).toBe(min);
  });

  test('values, dtypes, shapes and errors', () => {
    const a = data([2, 3, 4], 1, '>i4');
    const f = data([3, 4], 2, '<f8');
    const cases: Case[] = [
      { py: `np.amax(${a.py}, axis=1)`, js: () => amax(a.arr, 1) },
      { py: `np.amin(${a.py}, axis=(0, 2), keepdims=True)`, js: () => amin(a.arr, [0, 2], { keepdims: true }) },
      { py: `np.mod(${a.py}, 4)`, js: () => mod(a.arr, 4) },
      { py: `np.bitwise_not(${a.py})`, js: () => bitwiseNot(a.arr) },
      { py: `np.reshape(${a.py}, (4, -1))`, js: () => reshape(a.arr, [4, -1]) },
      { py: `np.reshape(${a.py}, (4, -1), order='F')`, js: () => reshape(a.arr, [4, -1], { order: 'F' }) },
      { py: `np.reshape(${a.py}, (5, -1))`, js: () => reshape(a.arr, [5, -1]) },
      { py: `np.copy(np.asfortranarray(${f.py}))`, js: () => copy(f.arr.copy('F')) },
      { py: `np.asfortranarray(${f.py})`, js: () => asfortranarray(f.arr) },
      { py: `np.asfortranarray(np.float64(2.5))`, js: () => asfortranarray(asarray(2.5)) },
      { py: `np.asfortranarray([[1, 2], [3, 4]])`, js: () => asfortranarray([[1, 2], [3, 4]]) },
      { py: `np.asanyarray([1.5, 2])`, js: () => asanyarray([1.5, 2]) },
    ];
    expectCasesLikeNumpy(cases);
    const want = runNumpy<unknown[]>(`
a = ${a.py}
f = np.asfortranarray(${f.py})
out = [list(np.shape(a)), list(np.shape([[1, 2, 3]])), np.ndim(a), np.ndim(5), np.size(a), np.size(a, 1), np.size(a, -1),
       bool(np.isfortran(a)), bool(np.isfortran(f)), bool(np.isfortran(np.zeros(3))), list(np.copy(f).strides), list(a.copy().strides)]
try: np.size(a, 3)
except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`);
    const F = f.arr.copy('F');
    const got: unknown[] = [shape(a.arr), shape([[1, 2, 3]]), ndim(a.arr), ndim(5), size(a.arr), size(a.arr, 1), size(a.arr, -1),
      isfortran(a.arr), isfortran(F), isfortran(asarray([0, 0, 0])), copy(F).strides, copy(a.arr).strides];
    try {
      size(a.arr, 3);
    } catch (e) {
      got.push(`${(e as Error).name}: ${(e as Error).message}`);
    }
    expect(got).toEqual(want);
    expect(sharesMemory(asfortranarray(F), F)).toBe(true);
    expect(asanyarray(F)).toBe(F);
  });

  test("save appends '.npy' as np.save does, and NumPy reads the file", () => {
    const p = tmp.path('saved');
    expect(save(p, asarray([[1, 2], [3, 4]], '<i2'))).toBe(`${p}.npy`);
    expect(fs.existsSync(p)).toBe(false);
    expect(runNumpy<number[][]>(`print(json.dumps(np.load(${JSON.stringify(`${p}.npy`)}).tolist()))`)).toEqual([[1, 2], [3, 4]]);
    const q = tmp.path('named.npy');
    expect(save(q, [1.5])).toBe(q);
    const m = openNpy(q);
    expect(m.toArray()).toEqual([1.5]);
    m.close();
  });
});
