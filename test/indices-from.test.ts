// trilIndicesFrom, triuIndicesFrom, diagIndicesFrom (lib/indices-from.ts)
// against NumPy: the index arrays (values, int64) for square, wide, tall,
// empty and strided 2-d arrays over a range of k, and for n×…×n arrays up to
// 4-d; NumPy's errors (ndim, unequal lengths) with its message text.
import { diagIndicesFrom, maskIndices, ones, tril, trilIndicesFrom, triu, triuIndicesFrom, ValueError, zeros, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const SHAPES: [number, number][] = [[0, 0], [1, 1], [3, 3], [2, 5], [5, 2], [4, 0], [6, 6]];
const KS = [-7, -2, -1, 0, 1, 2, 7];
const plain = (xs: readonly { toArray(): unknown }[]): unknown => xs.map((x) => (x.toArray() as bigint[]).map(Number));

describeWithNumpy('index arrays against NumPy', () => {
  test('maskIndices: the indices a mask function keeps of an n×n array, as np.mask_indices', () => {
    const runs: [number, 'triu' | 'tril', number][] = [[3, 'triu', 0], [3, 'triu', 1], [4, 'tril', -1], [4, 'tril', 2], [1, 'triu', 0], [0, 'tril', 0], [3, 'triu', -5]];
    const want = runNumpy<unknown[]>(`print(json.dumps([[x.tolist() for x in np.mask_indices(n, getattr(np, f), k)] + [np.mask_indices(n, getattr(np, f), k)[0].dtype.str] for n, f, k in ${JSON.stringify(runs)}]))`);
    const got = runs.map(([n, f, k]) => {
      const r = maskIndices(n, f === 'triu' ? triu : tril, k);
      return [...(plain(r) as unknown[]), r[0].dtype.str];
    });
    expect(got).toEqual(want);
    // Any function of (m, k): here the anti-diagonal's complement of a 3×3.
    const anti = (m: NdArray): unknown => [[1, 1, 0], [1, 0, 1], [0, 1, 1]].map((row, i) => row.map((x, j) => x * Number((m.get(i, j) as bigint) !== 0n)));
    expect(plain(maskIndices(3, anti))).toEqual([[0, 0, 1, 1, 2, 2], [0, 1, 0, 2, 1, 2]]);
    expect(() => maskIndices(3, 'triu' as never)).toThrow(new TypeError("maskIndices(): maskFunc must be a function, got 'triu'"));
  });

  test('tril/triu: every shape and k, on a contiguous and a transposed (strided) array', () => {
    const want = runNumpy<unknown[][]>(`
out = []
for s in json.loads('${JSON.stringify(SHAPES)}'):
    for k in json.loads('${JSON.stringify(KS)}'):
        a = np.zeros(s[::-1], '>f4').T
        out.append([[x.tolist() for x in np.tril_indices_from(a, k)], [x.tolist() for x in np.triu_indices_from(a, k)], np.tril_indices_from(a, k)[0].dtype.str])
print(json.dumps(out))
`);
    let i = 0;
    for (const s of SHAPES) {
      for (const k of KS) {
        const a = zeros([s[1], s[0]], '>f4').T;
        const [tl, tu, dt] = want[i++];
        const l = trilIndicesFrom(a, k);
        expect(plain(l)).toEqual(tl);
        expect(plain(triuIndicesFrom(a, k))).toEqual(tu);
        expect(l[0].dtype.str).toBe(dt);
        expect(plain(trilIndicesFrom(zeros(s), k))).toEqual(tl);
      }
    }
  });
  test('diag: n×…×n arrays of 2, 3 and 4 axes, n = 0..3', () => {
    const want = runNumpy<unknown[][]>(`
print(json.dumps([[x.tolist() for x in np.diag_indices_from(np.zeros((n,) * d))] for d in (2, 3, 4) for n in range(4)]))
`);
    let i = 0;
    for (const d of [2, 3, 4]) for (let n = 0; n < 4; n++) expect(plain(diagIndicesFrom(zeros(new Array<number>(d).fill(n))))).toEqual(want[i++]);
  });
});

describe('index arrays: errors', () => {
  test('tril/triu need exactly 2 axes (NumPy: "input array must be 2-d")', () => {
    for (const s of [[], [3], [2, 2, 2]]) {
      expect(() => trilIndicesFrom(ones(s))).toThrow(new ValueError(`input array must be 2-d (trilIndicesFrom(): arr has ${s.length} dimensions)`));
      expect(() => triuIndicesFrom(ones(s))).toThrow(/^input array must be 2-d/);
    }
  });
  test('diag needs at least 2 axes of one length', () => {
    expect(() => diagIndicesFrom(ones([3]))).toThrow(/^input array must be at least 2-d/);
    expect(() => diagIndicesFrom(ones([2, 3]))).toThrow(new ValueError('All dimensions of input must be of equal length (diagIndicesFrom(): arr has shape (2, 3))'));
  });
  test('a non-array or a fractional k is a TypeError', () => {
    expect(() => trilIndicesFrom([[1, 2], [3, 4]] as never)).toThrow(TypeError);
    expect(() => diagIndicesFrom(null as never)).toThrow(TypeError);
    expect(() => triuIndicesFrom(zeros([2, 2]), 0.5)).toThrow(TypeError);
  });
});
