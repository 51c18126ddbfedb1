// einsumPath's 'optimal' (lib/einsum-path.ts, NumPy's _optimal_path) against
// NumPy at run time: the same path for chains, stars and the ported
// test_edge_paths/test_long_paths subscripts over 3-6 operands, with and
// without a memory limit; einsum with optimize 'optimal' gives the values
// of the unoptimized sum; the factorial search is refused past its cap.
import { einsum, einsumPath, ones, arange } from '../lib';
import { OPTIMAL_MAX_PARTIAL } from '../lib/einsum-path';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const CASES: [string, number[][]][] = [
  ['ij,jk,kl->il', [[2, 30], [30, 4], [4, 50]]],
  ['ij,jk,kl,lm->im', [[10, 3], [3, 40], [40, 2], [2, 30]]],
  ['ea,fb,abcd,gc,hd->efgh', [[10, 10], [10, 10], [10, 10, 10, 10], [10, 10], [10, 10]]],
  ['eb,cb,fb->cef', [[6, 4], [5, 4], [7, 4]]],
  ['dd,fb,be,cdb->cef', [[3, 3], [7, 4], [4, 6], [5, 3, 4]]],
  ['bca,cdb,dbf,afc->', [[4, 5, 3], [5, 6, 4], [6, 4, 2], [3, 2, 5]]],
  ['ab,bc,cd,de,ef->af', [[5, 9], [9, 2], [2, 8], [8, 3], [3, 7]]],
  ['abc,bcd,cde,def,efg,fga->', [[2, 3, 4], [3, 4, 2], [4, 2, 3], [2, 3, 4], [3, 4, 2], [4, 2, 2]]],
];

describeWithNumpy("einsumPath 'optimal' against NumPy", () => {
  test('the same path as np.einsum_path(..., optimize=optimal), with and without a memory limit', () => {
    const want = runNumpy<unknown[]>(`
cases = json.loads(${JSON.stringify(JSON.stringify(CASES))})
out = []
for sub, shapes in cases:
    ops = [np.ones(s) for s in shapes]
    out.append([list(map(list, np.einsum_path(sub, *ops, optimize=o)[0][1:])) for o in ['optimal', ('optimal', 0), ('optimal', 200)]])
print(json.dumps(out))
`);
    const got = CASES.map(([sub, shapes]) => {
      const ops = shapes.map((s) => ones(s));
      return (['optimal', ['optimal', 0], ['optimal', 200]] as const).map((o) => einsumPath(sub, ...ops, { optimize: o as 'optimal' })[0].slice(1));
    });
    expect(got).toEqual(want);
  });

  test("einsum with optimize 'optimal' sums to the unoptimized values", () => {
    const a = arange(6).reshape(2, 3);
    const b = arange(12).reshape(3, 4);
    const c = arange(8).reshape(4, 2);
    const d = arange(4).reshape(2, 2);
    expect(einsum('ij,jk,kl,lm->im', a, b, c, d, { optimize: 'optimal' }).toArray()).toEqual(einsum('ij,jk,kl,lm->im', a, b, c, d).toArray());
  });

  test('a search past its cap is refused (RangeError), not run for hours', () => {
    const letters = 'abcdefghijklmn';
    const n = 12;
    const sub = Array.from({ length: n }, (_, i) => letters[i] + letters[i + 1]).join(',');
    const ops = Array.from({ length: n }, () => ones([2, 2]));
    expect(OPTIMAL_MAX_PARTIAL).toBe(1 << 20);
    expect(() => einsumPath(sub, ...ops, { optimize: 'optimal' })).toThrow(RangeError);
  });
});
