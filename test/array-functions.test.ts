// NumPy's module-level names for array methods and attributes
// (lib/array-functions.ts) against NumPy at run time: amax/amin, the
// bitwise_not and mod aliases (the same objects in NumPy, the same
// functions here), shape/size/ndim (size over a list of axes), reshape (and its copy=), copy's 'K' default,
// asfortranarray, isfortran, and save's '.npy' suffix.
import * as fs from 'fs';
import {
  amax, amin, asanyarray, ascontiguousarray, asfortranarray, asarrayChkfinite, bitwiseNot, copy, invert, isfortran, max, min, mod, ndim, remainder, reshape,
  requireFlags, save, shape, size, asarray, sharesMemory, openNpy, memmap, KeyError, type NdArray,
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
      // NumPy's dtype= (and asanyarray's order=), positionally or as an option: a cast copy
      // when the dtype differs (these ignored it and kept the input's dtype).
      { py: `np.asfortranarray(${a.py}, 'f4')`, js: () => asfortranarray(a.arr, 'f4') },
      { py: `np.asfortranarray(${f.py}, dtype='>i2')`, js: () => asfortranarray(f.arr, { dtype: '>i2' }) },
      { py: `np.ascontiguousarray(${a.py}.T, 'f8')`, js: () => ascontiguousarray(a.arr.T, 'f8') },
      { py: `np.ascontiguousarray(${f.py}, dtype='<i8')`, js: () => ascontiguousarray(f.arr, { dtype: '<i8' }) },
      { py: `np.ascontiguousarray([[1, 2], [3, 4]], 'u1')`, js: () => ascontiguousarray([[1, 2], [3, 4]], 'u1') },
      { py: `np.ascontiguousarray(7, 'f4')`, js: () => ascontiguousarray(7, 'f4') },
      { py: `np.asanyarray(${a.py}, 'f8', 'F')`, js: () => asanyarray(a.arr, 'f8', 'F') },
      { py: `np.asanyarray(${f.py}, order='F')`, js: () => asanyarray(f.arr, { order: 'F' }) },
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
    // Already of the dtype and order asked: the array itself, or a view of its memory.
    expect(asanyarray(F, '<f8', 'F')).toBe(F);
    expect(sharesMemory(asfortranarray(F, '<f8'), F)).toBe(true);
    expect(sharesMemory(ascontiguousarray(f.arr, { dtype: '<f8' }), f.arr)).toBe(true);
    expect(() => ascontiguousarray(F, 'f4', { dtype: 'f8' })).toThrow(new TypeError("ascontiguousarray() got multiple values for argument 'dtype'"));
    expect(() => asfortranarray(F, { dtyp: 'f4' } as never)).toThrow(new TypeError("asfortranarray() got an unexpected keyword argument 'dtyp'"));
  });

  test('reshape copy= and size over a list of axes, as NumPy 2.4', () => {
    const a = data([2, 3, 4], 1, '>i4');
    const t = a.arr.transpose(2, 0, 1); // neither C nor F in the order asked for some shapes
    const want = runNumpy<unknown[]>(`
a = ${a.py}
t = a.transpose(2, 0, 1)
out = []
for x, shape, order, copy in [(a, (4, 6), 'C', False), (a, (4, 6), 'F', False), (a, (4, 6), 'F', True), (a, (4, 6), 'A', None),
                              (t, (4, 6), 'C', False), (t, (4, 6), 'F', False), (t, (2, 12), 'F', True), (t, (24,), 'A', False)]:
    try:
        r = np.reshape(x, shape, order=order, copy=copy)
        out.append([r.tolist(), bool(np.shares_memory(r, x))])
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
for axis in [(), (0,), (2, 0), (-1, 1)]:
    out.append(np.size(a, axis))
for axis in [(0, 0), (3,)]:
    try: np.size(a, axis)
    except Exception as e: out.append(type(e).__name__)
print(json.dumps(out))
`);
    const got: unknown[] = [];
    const runs: [NdArray, number[], 'C' | 'F' | 'A', boolean | null][] = [
      [a.arr, [4, 6], 'C', false], [a.arr, [4, 6], 'F', false], [a.arr, [4, 6], 'F', true], [a.arr, [4, 6], 'A', null],
      [t, [4, 6], 'C', false], [t, [4, 6], 'F', false], [t, [2, 12], 'F', true], [t, [24], 'A', false],
    ];
    for (const [x, sh, order, cp] of runs) {
      try {
        const r = reshape(x, sh, { order, copy: cp });
        got.push([r.toArray(), sharesMemory(r, x)]);
      } catch (e) {
        got.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    for (const axis of [[], [0], [2, 0], [-1, 1]]) got.push(size(a.arr, axis));
    for (const axis of [[0, 0], [3]]) {
      try {
        size(a.arr, axis);
      } catch (e) {
        got.push((e as Error).name);
      }
    }
    expect(got).toEqual(want);
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

  test('asarrayChkfinite refuses an infinity or a NaN in a float or complex array, as np.asarray_chkfinite', () => {
    const cases: Case[] = [
      { py: 'np.asarray_chkfinite([1, 2])', js: () => asarrayChkfinite([1, 2]) },
      { py: 'np.asarray_chkfinite([1.5, 2], np.float32)', js: () => asarrayChkfinite([1.5, 2], 'f4') },
      { py: "np.asarray_chkfinite([[1, 2], [3, 4]], 'f8', 'F')", js: () => asarrayChkfinite([[1, 2], [3, 4]], 'f8', 'F') },
      { py: 'np.asarray_chkfinite([1, np.nan])', js: () => asarrayChkfinite([1, NaN]) },
      { py: 'np.asarray_chkfinite([1, -np.inf])', js: () => asarrayChkfinite([1, -Infinity]) },
      { py: "np.asarray_chkfinite(np.array([1, np.inf], 'f2'))", js: () => asarrayChkfinite(asarray([1, Infinity], 'f2')) },
      { py: 'np.asarray_chkfinite([complex(1, np.nan)])', js: () => asarrayChkfinite([{ re: 1, im: NaN }]) },
      { py: "np.asarray_chkfinite(np.array([1e300]), 'f4')", js: () => asarrayChkfinite(asarray([1e300]), 'f4') },
      { py: 'np.asarray_chkfinite(np.zeros(0))', js: () => asarrayChkfinite(asarray([])) },
    ];
    expectCasesLikeNumpy(cases);
    // An array that passes is the array itself, as asarray's.
    const a = asarray([1.5, 2]);
    expect(asarrayChkfinite(a)).toBe(a);
  });

  test("requireFlags is np.require: a copy only when a flag asked for is missing, NumPy's errors", () => {
    const base = data([3, 4], 3, '<i4');
    const flagsOf = (r: NdArray, x: NdArray): unknown[] => [r.dtype.str, r.flags.cContiguous, r.flags.fContiguous, r.flags.writeable, r.flags.ownData, sharesMemory(r, x)];
    const want = runNumpy<unknown[]>(`
a = (${base.py}).copy()
s = a[:, ::2]
f = np.asfortranarray(a)
ro = a.copy(); ro.flags.writeable = False
out = []
for x, dt, req in [(a, None, None), (s, None, 'C'), (s, 'f8', ['C', 'W']), (a, None, 'F'), (f, None, ['fortran']), (s, None, 'A'),
                   (ro, None, 'W'), (ro, None, ['aligned']), (s, None, 'O'), (a, None, 'O'), (a, '<i4', 'CA'), (s, None, ['E'])]:
    r = np.require(x, dt, req)
    out.append([r.dtype.str, bool(r.flags.c_contiguous), bool(r.flags.f_contiguous), bool(r.flags.writeable), bool(r.flags.owndata), bool(np.shares_memory(r, x))])
for req in ['CF', 'X', ['c', 'fortran'], ['CONTIGUOUS', 'OWNDATE']]:
    try: np.require(a, None, req)
    except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`);
    // Both sides own their data (the shared data is a read-only buffer view in NumPy).
    const a = base.arr.copy();
    const s = a.index(':, ::2');
    const f = asfortranarray(a);
    const ro = a.copy();
    ro.flags.writeable = false;
    const runs: [NdArray, string | null, string | string[] | null][] = [
      [a, null, null], [s, null, 'C'], [s, 'f8', ['C', 'W']], [a, null, 'F'], [f, null, ['fortran']], [s, null, 'A'],
      [ro, null, 'W'], [ro, null, ['aligned']], [s, null, 'O'], [a, null, 'O'], [a, '<i4', 'CA'], [s, null, ['E']],
    ];
    const got: unknown[] = runs.map(([x, dt, req]) => flagsOf(requireFlags(x, dt, req), x));
    for (const req of ['CF', 'X', ['c', 'fortran'], ['CONTIGUOUS', 'OWNDATE']]) {
      try {
        requireFlags(a, null, req);
      } catch (e) {
        got.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    expect(got).toEqual(want);
    expect(requireFlags(a, null, 'A')).toBe(a);
    expect(() => requireFlags(a, null, 'X')).toThrow(KeyError);
    expect(() => requireFlags(a, null, 5 as never)).toThrow(new TypeError('requireFlags(): requirements must be a string or a list of strings, got 5'));
    expect(() => requireFlags(a, null, [5] as never)).toThrow(new TypeError('requireFlags(): each requirement must be a string, got 5'));
  });

  test("requireFlags 'E' gives a plain NdArray over a memmap's memory; without it the memmap itself", () => {
    const p = tmp.path('require.bin');
    fs.writeFileSync(p, Buffer.alloc(32));
    const m = memmap(p, { dtype: '<f8', mode: 'r+', shape: [4] });
    expect(requireFlags(m, null, 'C')).toBe(m);
    const e = requireFlags(m, null, ['E', 'C']);
    expect(e.constructor.name).toBe('NdArray');
    expect(sharesMemory(e, m)).toBe(true);
    e.set(0, 2.5);
    expect(m.get(0)).toBe(2.5);
    // OWNDATA: a memmap never owns its memory, so a copy (NumPy's memmap.copy() keeps the class too).
    const o = requireFlags(m, null, 'O');
    expect(sharesMemory(o, m)).toBe(false);
    expect(o.flags.ownData).toBe(true);
    m.close();
  });
});
