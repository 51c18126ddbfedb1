// NumPy's own numpy/_core/tests/test_item_selection.py (NumPy 2.4), ported
// test by test: same names, same intent, the same values, shapes and errors.
//
// Mapping: a.take(i, mode=, axis=) -> take(a, i, { mode, axis }); np.put(a, i,
// v, mode=) -> put(a, i, v, { mode }); np.putmask(a, m, v) -> putmask(a, m, v);
// arr[indx] -> take(arr, indx); arr[mask] -> take(arr, the positions of mask's trues).
// The dtypes of np.typecodes['All'] that exist here are run; the others are
// left out of the parametrizations: long double (g, G), unicode (U), object
// (O, and the "i,O" record), datetime (M, m). Void (V) is run:
// arange(1001).astype('V') is the raw bytes of the int64s, as NumPy's.
//
// Skipped (not counted as passing):
// - TestTake.test_refcounting: object arrays (Python refcounts) do not exist here.
// - (TestTake.test_empty_partition, test_empty_argpartition: ported in test_multiarray-partition-choose.test.ts.)
import { arange, dtype, IndexError, NdArray, put, putmask, take, ValueError, zeros } from '../../lib';
import { rng } from '../helpers/bytes';

/** np.typecodes['All'] without the dtypes that do not exist here. */
const ALL = [...'?bhilqnpBHILQNPefdFDSV'];


/** np.random.permutation(n). */
function permutation(n: number, rand: () => number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

function values(a: NdArray): unknown[] {
  return a.toArray() as unknown[];
}

describe('TestTake', () => {
  test('test_simple', () => {
    const modes = ['raise', 'wrap', 'clip'] as const;
    const indices = [-1, 4];
    const indexShapes = [[0], [], [1, 1]];
    const realIndices: Record<string, Record<number, number | 'IndexError'>> = {
      raise: { [-1]: 1, 4: 'IndexError' },
      wrap: { [-1]: 1, 4: 0 },
      clip: { [-1]: 0, 4: 1 },
    };
    // int, and a non-refcounted struct hitting the default (non-specialized)
    // path (object is left out: no object arrays here).
    const types = [dtype('int64'), dtype([['', 'i2', [3]]])];
    for (const t of types) {
      const ta = zeros([2, 2], t);
      ta.set([
        [1, 2],
        [3, 4],
      ]); // a plain value goes into every field, as np.array(a_str, dtype=t) parses b'1'
      for (const shape of indexShapes) {
        const indexArray = zeros(shape, 'intp');
        for (const mode of modes) {
          for (const index of indices) {
            const realIndex = realIndices[mode]![index]!;
            if (realIndex === 'IndexError' && indexArray.size !== 0) {
              indexArray.fill(index);
              expect(() => take(ta, indexArray, { mode, axis: 1 })).toThrow(IndexError);
            } else if (indexArray.size !== 0) {
              indexArray.fill(index);
              const res = take(ta, indexArray, { mode, axis: 1 });
              // tresult[real_index] with shape (2,) + index_array.shape
              const col = ta.index(`:, ${realIndex as number}`).copy().reshape([2, ...shape]);
              expect(res.shape).toEqual([2, ...shape]);
              expect(res.dtype.equals(ta.dtype)).toBe(true);
              expect(res.toArray()).toEqual(col.toArray());
            } else {
              const res = take(ta, indexArray, { mode, axis: 1 });
              expect(res.shape).toEqual([2, ...shape]);
            }
          }
        }
      }
    }
  });

  test.skip('test_refcounting: object arrays (Python refcounts) do not exist here', () => {});

  test('test_unicode_mode', () => {
    const d = arange(10);
    const k = Buffer.from([0xc3, 0xa4]).toString('utf8');
    expect(() => take(d, 5, { mode: k as 'raise' })).toThrow(ValueError);
  });
});

describe('TestPutMask', () => {
  test.each(ALL)('test_simple[%s]', (dt) => {
    const rand = rng(dt.charCodeAt(0) * 13 + 1);
    // putmask is weird and doesn't care about value length (even shorter)
    const vals = arange(1001).astype(dt);
    const mask = zeros(1000, '?');
    mask.set(Array.from({ length: 1000 }, () => rand() < 0.5));
    // Use vals.dtype in case of flexible dtype (i.e. string)
    const arr = zeros(1000, vals.dtype);
    const zerosArr = arr.copy();

    putmask(arr, mask, vals);
    const m = values(mask) as boolean[];
    const on = m.flatMap((b, i) => (b ? [i] : []));
    const off = m.flatMap((b, i) => (b ? [] : [i]));
    expect(values(take(arr, on))).toEqual(values(take(vals.index(':1000'), on)));
    expect(values(take(arr, off))).toEqual(values(take(zerosArr, off)));
  });

  const cases = ALL.slice(1).flatMap((dt) => (['raise', 'wrap', 'clip'] as const).map((mode) => [dt, mode] as const));
  test.each(cases)('test_empty[%s-%s]', (dt, mode) => {
    const rand = rng(dt.charCodeAt(0) * 7 + mode.length);
    const arr = zeros(1000, dt);
    const arrCopy = arr.copy();
    const mask = zeros(1000, '?');
    mask.set(Array.from({ length: 1000 }, () => rand() < 0.5));

    // Allowing empty values like this is weird...
    put(arr, mask, [], { mode });
    expect(values(arr)).toEqual(values(arrCopy));
  });
});

describe('TestPut', () => {
  const cases = ALL.slice(1).flatMap((dt) => (['raise', 'wrap', 'clip'] as const).map((mode) => [dt, mode] as const));
  test.each(cases)('test_simple[%s-%s]', (dt, mode) => {
    const rand = rng(dt.charCodeAt(0) * 31 + mode.length);
    // put is weird and doesn't care about value length (even shorter)
    const vals = arange(1001).astype(dt);

    // Use vals.dtype in case of flexible dtype (i.e. string)
    const arr = zeros(1000, vals.dtype);
    const zerosArr = arr.copy();

    let indx: number[];
    let indxPut: number[];
    if (mode === 'clip') {
      // Special because 0 and -1 value are "reserved" for clip test
      indx = permutation(arr.size - 2, rand)
        .slice(0, -500)
        .map((i) => i + 1);
      indx[indx.length - 1] = 0;
      indx[indx.length - 2] = arr.size - 1;
      indxPut = [...indx];
      indxPut[indxPut.length - 1] = -1389;
      indxPut[indxPut.length - 2] = 1321;
    } else {
      // Avoid duplicates (for simplicity) and fill half only
      indx = permutation(arr.size - 3, rand).slice(0, -500);
      indxPut = mode === 'wrap' ? indx.map((i) => i + arr.size) : indx;
    }

    put(arr, indxPut, vals, { mode });
    expect(values(take(arr, indx))).toEqual(values(vals.index(`:${indx.length}`)));
    const touched = new Set(indx);
    const untouched = Array.from({ length: arr.size }, (_, i) => i).filter((i) => !touched.has(i));
    expect(values(take(arr, untouched))).toEqual(values(zerosArr.index(`:${untouched.length}`)));
  });

  test.each(ALL.slice(1).flatMap((dt) => (['raise', 'wrap', 'clip'] as const).map((mode) => [dt, mode] as const)))('test_empty[%s-%s]', (dt, mode) => {
    const arr = zeros(1000, dt);
    const arrCopy = arr.copy();

    // Allowing empty values like this is weird...
    put(arr, [1, 2, 3], [], { mode });
    expect(values(arr)).toEqual(values(arrCopy));
  });
});
