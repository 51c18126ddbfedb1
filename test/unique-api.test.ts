// uniqueValues, uniqueCounts, uniqueInverse, uniqueAll (lib/unique-api.ts)
// against NumPy 2's array-API functions (every NaN its own value), and
// NumPy's TestUnique array-API cases (lib/tests/test_arraysetops.py).
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { uniqueAll, uniqueCounts, uniqueInverse, uniqueValues } from '../lib/unique-api';
import { array, sort } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('unique* against NumPy', () => {
  test('ints, floats with several NaNs, 2-d input', () => {
    const inputs = [[[3, 1, 2], [1, 3, 3]], [2.5, null, -1, null, 2.5, 0, null], [[7]], []];
    const want = runNumpy<{ v: unknown; i: unknown; inv: unknown; c: unknown }[]>(`
out = []
for x in json.loads('${JSON.stringify(inputs)}'):
    a = np.array([np.nan if v is None else v for v in x] if x and not isinstance(x[0], list) else x, dtype=float if x and not isinstance(x[0], list) else None)
    r = np.unique_all(a)
    nan = lambda l: [None if isinstance(v, float) and v != v else v for v in l]
    out.append({'v': nan(r.values.tolist()), 'i': r.indices.tolist(), 'inv': r.inverse_indices.tolist(), 'c': r.counts.tolist(),
                'sv': nan(np.sort(np.unique_values(a)).tolist())})
print(json.dumps(out))
`);
    inputs.forEach((x, k) => {
      const flat = x.length > 0 && !Array.isArray(x[0]);
      const a = flat ? array((x as (number | null)[]).map((v) => (v === null ? NaN : v))) : x.length === 0 ? array([], 'f8') : array(x);
      const r = uniqueAll(a);
      const nan = (l: unknown): unknown => (Array.isArray(l) ? l.map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : typeof v === 'bigint' ? Number(v) : v)) : l);
      expect(nan(vals(r.values))).toEqual(want[k].v);
      expect(vals(r.indices)).toEqual(want[k].i);
      expect(vals(r.inverseIndices)).toEqual(want[k].inv);
      expect(vals(r.counts)).toEqual(want[k].c);
      expect(nan(vals(sort(uniqueValues(a))))).toEqual((want[k] as unknown as { sv: unknown }).sv);
      expect(vals(uniqueCounts(a).counts)).toEqual(want[k].c);
      expect(vals(uniqueInverse(a).inverseIndices)).toEqual(want[k].inv);
    });
  });
});

// numpy/lib/tests/test_arraysetops.py TestUnique.test_unique_array_api_functions.
test('ported: test_unique_array_api_functions', () => {
  const arr = array([np(1), np(2), np(1), np(3)]);
  const r = uniqueAll(arr);
  expect(vals(r.values)).toEqual([1, 2, 3]);
  expect(vals(r.indices)).toEqual([0, 1, 3]);
  expect(vals(r.inverseIndices)).toEqual([0, 1, 0, 2]);
  expect(vals(r.counts)).toEqual([2, 1, 1]);
  expect(vals(uniqueCounts(arr).values)).toEqual([1, 2, 3]);
  expect(vals(uniqueInverse(arr).values)).toEqual([1, 2, 3]);
  function np(v: number): number {
    return v;
  }
});

describe('unique*: the values keep x\'s dtype, byte order included, when several NaNs stay apart', () => {
  test('>f8 and >c8 with two NaNs', () => {
    for (const dt of ['>f8', '>c8', '<f8']) {
      const x = array([3, NaN, 1, NaN, 3], dt);
      expect(uniqueValues(x).dtype.str).toBe(dt);
      expect(uniqueCounts(x).values.dtype.str).toBe(dt);
      expect(uniqueAll(x).values.dtype.str).toBe(dt);
      expect(uniqueInverse(x).values.dtype.str).toBe(dt);
      expect(uniqueCounts(x).counts.toArray()).toEqual([1n, 2n, 1n, 1n]);
    }
  });
});

describeWithNumpy('unique_values of complex NaNs: found by the hand probes', () => {
  test("each NaN is kept, in NumPy's sort order (R+nanj, nan+Rj, nan+nanj), not input order", () => {
    const z = (): mm.NdArray => mm.array([{ re: NaN, im: 0 }, { re: 1, im: NaN }, { re: 1, im: 1 }, { re: 0, im: NaN }, { re: NaN, im: NaN }, { re: 1, im: 1 }], 'c8');
    const py = "np.array([complex(np.nan, 0), complex(1, np.nan), 1+1j, complex(0, np.nan), complex(np.nan, np.nan), 1+1j], 'c8')";
    npc.expectCasesLikeNumpy([
      { py: `np.unique(${py}, equal_nan=False)`, js: () => uniqueValues(z()) },
      { py: `np.unique(${py}, equal_nan=False, return_counts=True)[1]`, js: () => uniqueCounts(z()).counts },
      { py: `np.unique(${py}, equal_nan=False, return_index=True)[1]`, js: () => uniqueAll(z()).indices },
      { py: `np.unique(${py}, equal_nan=False, return_inverse=True)[1]`, js: () => uniqueInverse(z()).inverseIndices },
    ]);
  });
});
