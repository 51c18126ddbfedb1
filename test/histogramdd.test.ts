// histogramdd / histogram2d against NumPy 2: counts, weights, density and
// edges byte for byte over dtypes, bin counts, edge lists, ranges, items on
// the edges and outside them, NaN, empty and strided/byte-swapped samples,
// and NumPy's errors (class and message).
import { histogramdd, histogram2d } from '../lib/histogramdd';
import { asarray, fromBuffer, zeros } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check, hexOf } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';

function data(dtype: string, shape: number[], seed: number, scale = 1): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((x, y) => x * y, 1);
  const ints = dtype.includes('i') || dtype.includes('u');
  return shared(Array.from({ length: n }, () => (ints ? Math.floor(r() * 20) : Math.round((r() - 0.3) * scale * 8) / 8)), dtype, shape);
}

describeWithNumpy('histogramdd against NumPy', () => {
  test('counts and edges over dtypes, bins, ranges, weights and density', () => {
    const cases: Case[] = [];
    ['<f8', '<f4', '<i8', '<u1', '>f8', '<f2'].forEach((dt, k) => {
      const d = data(dt, [200, 3], 10 + k, 10);
      const w = data('<f8', [200], 30 + k, 3);
      for (const bins of [1, 4, 7]) {
        cases.push({ py: `np.histogramdd(${d.py}, bins=${bins})[0]`, js: () => histogramdd(d.arr, { bins }).hist });
        for (const i of [0, 2]) cases.push({ py: `np.histogramdd(${d.py}, bins=${bins})[1][${i}]`, js: () => histogramdd(d.arr, { bins }).edges[i] });
      }
      cases.push({ py: `np.histogramdd(${d.py}, bins=[2, [0, 1, 2.5, 6], 3], range=[(0, 4), None, (-1, 3)])[0]`, js: () => histogramdd(d.arr, { bins: [2, [0, 1, 2.5, 6], 3], range: [[0, 4], null, [-1, 3]] }).hist });
      cases.push({ py: `np.histogramdd(${d.py}, bins=[2, 5, 3], weights=${w.py})[0]`, js: () => histogramdd(d.arr, { bins: [2, 5, 3], weights: w.arr }).hist });
      cases.push({ py: `np.histogramdd(${d.py}, bins=[2, 5, 3], density=True)[0]`, js: () => histogramdd(d.arr, { bins: [2, 5, 3], density: true }).hist });
      cases.push({ py: `np.histogramdd(${d.py}, bins=[2, [0, 3, 9, 20], 3], density=True, weights=${w.py})[0]`, js: () => histogramdd(d.arr, { bins: [2, [0, 3, 9, 20], 3], density: true, weights: w.arr }).hist });
    });
    check(cases);
  });

  test('items on every edge, outside the range and NaN: the last bin closed, the rest dropped', () => {
    const vals = [0, 0.25, 0.5, 0.75, 1, 1.0000000000000002, -1e-300, NaN, Infinity, -Infinity, 0.1, 0.3];
    const x = shared(vals, '<f8', [12]);
    const y = shared([...vals].reverse(), '<f8', [12]);
    const cases: Case[] = [
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=4, range=[(0, 1), (0, 1)])[0]`, js: () => histogram2d(x.arr, y.arr, { bins: 4, range: [[0, 1], [0, 1]] }).hist },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=[0, 0.25, 0.5, 1], range=[(0, 1), (0, 1)])[0]`, js: () => histogram2d(x.arr, y.arr, { bins: [0, 0.25, 0.5, 1], range: [[0, 1], [0, 1]] }).hist },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=[3, [0, 1]], range=[(0.25, 0.75), None])[0]`, js: () => histogram2d(x.arr, y.arr, { bins: [3, [0, 1]], range: [[0.25, 0.75], null] }).hist },
      // An autodetected range over NaN or infinity is NumPy's ValueError.
      { py: `np.histogram2d(${x.py}, ${y.py})`, js: () => histogram2d(x.arr, y.arr).hist },
    ];
    check(cases);
  });

  test('histogram2d: promoted columns, edges per axis, one edge list for both, strided and byte-swapped inputs', () => {
    const x = data('<i4', [300], 3);
    const y = data('<f4', [300], 4, 5);
    const big = data('>f8', [600], 5, 5);
    const cases: Case[] = [
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=5)[0]`, js: () => histogram2d(x.arr, y.arr, { bins: 5 }).hist },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=5)[1]`, js: () => histogram2d(x.arr, y.arr, { bins: 5 }).edges[0] },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=5)[2]`, js: () => histogram2d(x.arr, y.arr, { bins: 5 }).edges[1] },
      { py: `np.histogram2d(${y.py}, ${y.py}, bins=3)[1]`, js: () => histogram2d(y.arr, y.arr, { bins: 3 }).edges[0] },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=[0, 2, 5, 11, 19])[0]`, js: () => histogram2d(x.arr, y.arr, { bins: [0, 2, 5, 11, 19] }).hist },
      { py: `np.histogram2d(${x.py}, ${y.py}, bins=[np.array([0, 7, 19]), 6])[0]`, js: () => histogram2d(x.arr, y.arr, { bins: [asarray([0, 7, 19]), 6] }).hist },
      { py: `np.histogram2d(${big.py}[::2], ${big.py}[1::2], bins=[4, 6])[0]`, js: () => histogram2d(big.arr.index('::2'), big.arr.index('1::2'), { bins: [4, 6] }).hist },
      { py: `np.histogram2d(${big.py}[::-2], ${big.py}[::2], bins=7, weights=${big.py}[::2])[0]`, js: () => histogram2d(big.arr.index('::-2'), big.arr.index('::2'), { bins: 7, weights: big.arr.index('::2') }).hist },
      { py: `np.histogramdd(${big.py}.reshape(300, 2).T.copy().T, bins=3)[0]`, js: () => histogramdd(big.arr.reshape([300, 2]).T.copy().T, { bins: 3 }).hist },
    ];
    check(cases);
  });

  test('empty, constant, one-dimensional and list samples', () => {
    const e = shared([], '<f8', [0, 2]);
    const c = shared([3, 3, 3, 3], '<f4', [2, 2]);
    const ci = shared([3, 3, 3, 3], '<i2', [2, 2]);
    const one = data('<f8', [50], 6, 4);
    check([
      { py: `np.histogramdd(${e.py}, bins=3)[0]`, js: () => histogramdd(e.arr, { bins: 3 }).hist },
      { py: `np.histogramdd(${e.py}, bins=3)[1][1]`, js: () => histogramdd(e.arr, { bins: 3 }).edges[1] },
      { py: `np.histogramdd(${c.py}, bins=3)[0]`, js: () => histogramdd(c.arr, { bins: 3 }).hist },
      { py: `np.histogramdd(${c.py}, bins=3)[1][0]`, js: () => histogramdd(c.arr, { bins: 3 }).edges[0] },
      { py: `np.histogramdd(${ci.py}, bins=3)[1][0]`, js: () => histogramdd(ci.arr, { bins: 3 }).edges[0] },
      { py: `np.histogramdd(${one.py}, bins=6)[0]`, js: () => histogramdd(one.arr, { bins: 6 }).hist },
      { py: `np.histogramdd([${one.py}, ${one.py}[::-1]], bins=[3, 2])[0]`, js: () => histogramdd([one.arr, one.arr.index('::-1')], { bins: [3, 2] }).hist },
    ]);
  });

  test('the result is the core view of the counts, as NumPy returns it', () => {
    const d = data('<f8', [40, 2], 8, 3);
    const { hist } = histogramdd(d.arr, { bins: [3, 4] });
    expect(hist.shape).toEqual([3, 4]);
    // NumPy: hist[1:-1, 1:-1] of the (5, 6) float64 counts.
    expect(hist.strides).toEqual([48, 8]);
    expect(hist.flags.cContiguous).toBe(false);
  });

  test('complex samples: complex edges (in complex64 for complex64 data), complex densities', () => {
    // Fuzz seeds 9002136, 9002764, 8017675: NumPy orders complex items real part first and makes
    // complex edges; here the autodetected range of any complex column was [nan, nan].
    const r = seeded(41);
    const parts = Array.from({ length: 48 }, () => Math.round((r() - 0.4) * 32) / 8);
    const c = (dt: string, shape: number[]): { arr: ReturnType<typeof asarray>; py: string } => {
      const n = shape.reduce((a, b) => a * b, 1);
      const arr = fromBuffer(new Float64Array(parts.slice(0, 2 * n)).buffer, '<c16').reshape(shape).astype(dt);
      return { arr, py: `np.frombuffer(bytes.fromhex('${hexOf(arr)}'), dtype='${dt}').reshape(${JSON.stringify(shape)})` };
    };
    const z = c('<c16', [12, 2]);
    const z8 = c('<c8', [8, 3]);
    const one = c('>c16', [1, 1]);
    const x = data('<f8', [12], 3, 4);
    const nan = shared([1, NaN, 2, 0], '<f8', [4]);
    check([
      { py: `np.histogramdd(${z.py}, bins=3)[0]`, js: () => histogramdd(z.arr, { bins: 3 }).hist },
      { py: `np.histogramdd(${z.py}, bins=3)[1][1]`, js: () => histogramdd(z.arr, { bins: 3 }).edges[1] },
      { py: `np.histogramdd(${z.py}, bins=[2, 4], density=True)[0]`, js: () => histogramdd(z.arr, { bins: [2, 4], density: true }).hist },
      { py: `np.histogramdd(${z.py}, bins=2, range=[(0, 1), (-1, 2)])[0]`, js: () => histogramdd(z.arr, { bins: 2, range: [[0, 1], [-1, 2]] }).hist },
      { py: `np.histogramdd(${z8.py}, bins=5)[0]`, js: () => histogramdd(z8.arr, { bins: 5 }).hist },
      { py: `np.histogramdd(${z8.py}, bins=5)[1][2]`, js: () => histogramdd(z8.arr, { bins: 5 }).edges[2] },
      { py: `np.histogramdd(${one.py}, bins=2, density=True)[0]`, js: () => histogramdd(one.arr, { bins: 2, density: true }).hist },
      { py: `np.histogramdd(${one.py}, bins=2)[1][0]`, js: () => histogramdd(one.arr, { bins: 2 }).edges[0] },
      { py: `np.histogram2d(${x.py}, ${z.py}[:, 0], bins=3)[1]`, js: () => histogram2d(x.arr, z.arr.index(':, 0'), { bins: 3 }).edges[0] },
      { py: `np.histogram2d(${x.py}, ${z.py}[:, 0], bins=3)[0]`, js: () => histogram2d(x.arr, z.arr.index(':, 0'), { bins: 3 }).hist },
      { py: `np.histogramdd(${nan.py}.astype('<c16').reshape(2, 2), bins=2)`, js: () => histogramdd(nan.arr.astype('<c16').reshape([2, 2]), { bins: 2 }).hist },
    ]);
  });

  test('a sample of no columns is NumPy\'s bincount ValueError; an empty list one empty column', () => {
    // Fuzz seeds 9002744, 9002858: a (2, 0) sample gave an empty histogram.
    const e = shared([], '<f8', [2, 0]);
    const e0 = shared([], '<f8', [0, 0]);
    check([
      { py: `np.histogramdd(${e.py}, bins=2)`, js: () => histogramdd(e.arr, { bins: 2 }).hist },
      { py: `np.histogramdd(${e0.py}, density=True)`, js: () => histogramdd(e0.arr, { density: true }).hist },
      { py: 'np.histogramdd([], bins=3)[0]', js: () => histogramdd([], { bins: 3 }).hist },
      { py: 'np.histogramdd([], bins=3)[1][0]', js: () => histogramdd([], { bins: 3 }).edges[0] },
    ]);
    expect(() => histogramdd(e.arr)).toThrow('object of too small depth for desired array');
  });

  test("NumPy's errors", () => {
    const d = data('<f8', [20, 2], 7);
    const x = data('<f8', [5], 1);
    const y = data('<f8', [4], 2);
    check([
      { py: `np.histogramdd(${d.py}, bins=[2, 3, 4])`, js: () => histogramdd(d.arr, { bins: [2, 3, 4] }).hist },
      { py: `np.histogramdd(${d.py}, bins=0)`, js: () => histogramdd(d.arr, { bins: 0 }).hist },
      { py: `np.histogramdd(${d.py}, bins=[2, 2.5])`, js: () => histogramdd(d.arr, { bins: [2, 2.5] }).hist },
      { py: `np.histogramdd(${d.py}, bins=[2, [0, 2, 1]])`, js: () => histogramdd(d.arr, { bins: [2, [0, 2, 1]] }).hist },
      { py: `np.histogramdd(${d.py}, bins=[2, [[0, 1]]])`, js: () => histogramdd(d.arr, { bins: [2, [[0, 1]] as never] }).hist },
      { py: `np.histogramdd(${d.py}, range=[(0, 1)])`, js: () => histogramdd(d.arr, { range: [[0, 1]] }).hist },
      { py: `np.histogramdd(${d.py}, range=[(1, 0), None])`, js: () => histogramdd(d.arr, { range: [[1, 0], null] }).hist },
      { py: `np.histogramdd(${d.py}, range=[(0, np.inf), None])`, js: () => histogramdd(d.arr, { range: [[0, Infinity], null] }).hist },
      { py: `np.histogramdd(${d.py}, weights=np.ones(3))`, js: () => histogramdd(d.arr, { weights: asarray([1, 1, 1]) }).hist },
      { py: `np.histogram2d(${x.py}, ${y.py})`, js: () => histogram2d(x.arr, y.arr).hist },
      { py: `np.histogram2d(${x.py}, ${x.py}, bins=[3])`, js: () => histogram2d(x.arr, x.arr, { bins: [3] }).hist },
    ]);
    expect(() => histogramdd(d.arr, { bins: 2, nope: 1 } as never)).toThrow(TypeError);
  });

  test('a list of columns mixing records and numbers: NumPy\'s object-array errors, in its order (fuzz 9202644)', () => {
    const zero = zeros([2], { names: ['a'], formats: ['<i8'] } as never);
    const one = zeros([2], { names: ['a'], formats: ['<i8'] } as never);
    one.field('a').set(asarray([3, 4]));
    const two = zeros([2], { names: ['a', 'b'], formats: ['<f8', '<i4'] } as never);
    const R0 = "np.zeros(2, [('a', '<i8')])";
    const R1 = "np.array([(3,), (4,)], [('a', '<i8')])";
    const R2 = "np.zeros(2, [('a', '<f8'), ('b', '<i4')])";
    const fin = asarray([0.5, 1]);
    const inf = asarray([-0.5, -Infinity]);
    check([
      { py: `np.histogram2d(${R1}, np.array([0.5, 1.]), bins=[2, 1])`, js: () => histogram2d(one, fin, { bins: [2, 1] }).hist },
      { py: `np.histogram2d(${R1}, np.array([-0.5, -np.inf]), bins=[2, 1])`, js: () => histogram2d(one, inf, { bins: [2, 1] }).hist },
      { py: `np.histogram2d(np.array([-0.5, -np.inf]), ${R1})`, js: () => histogram2d(inf, one).hist },
      { py: `np.histogram2d(np.array([0.5, 1.]), ${R1})`, js: () => histogram2d(fin, one).hist },
      { py: `np.histogram2d(${R2}, np.array([0.5, 1.]))`, js: () => histogram2d(two, fin).hist },
      { py: `np.histogram2d(${R2}, np.array([-0.5, -np.inf]))`, js: () => histogram2d(two, inf).hist },
      { py: `np.histogramdd([np.array([0.5, 1.]), ${R1}, np.array([-0.5, -np.inf])])`, js: () => histogramdd([fin, one, inf]).hist },
      { py: `np.histogramdd([${R1}, np.array([0.5, 1.])], bins=[0, 2])`, js: () => histogramdd([one, fin], { bins: [0, 2] }).hist },
      { py: `np.histogram2d(${R1}, ${R1})`, js: () => histogram2d(one, one).hist },
      { py: `np.histogram2d(${R2}[:0], np.zeros(0, complex), bins=1)[0]`, js: () => histogram2d(two.index(':0'), asarray([], '<c16'), { bins: 1 }).hist },
      { py: `np.histogram2d(${R2}[:0], np.zeros(0, complex), bins=1)[1]`, js: () => histogram2d(two.index(':0'), asarray([], '<c16'), { bins: 1 }).edges[0] },
      { py: `np.histogram2d(${R2}[:0], np.zeros(0, complex), bins=1)[2]`, js: () => histogram2d(two.index(':0'), asarray([], '<c16'), { bins: 1 }).edges[1] },
      { py: `np.histogram2d(np.array([0.5, 1.]), ${R0})`, js: () => histogram2d(fin, zero).hist },
      { py: `np.histogramdd([np.array([0.5, 1.]), ${R0}, np.array([-0.5, -np.inf])])`, js: () => histogramdd([fin, zero, inf]).hist },
      // Edges or a range given for a record column: the tuples meet numbers in searchsorted.
      { py: `np.histogramdd([${R1}, np.array([0.5, 1.])], bins=[[0, 1, 2], 3])`, js: () => histogramdd([one, fin], { bins: [[0, 1, 2], 3] }).hist },
      { py: `np.histogramdd([${R1}, np.array([0.5, 1.])], bins=[[0., 1.5], 3])`, js: () => histogramdd([one, fin], { bins: [[0, 1.5], 3] }).hist },
      { py: `np.histogramdd([${R2}, np.array([0.5, 1.])], range=[(0, 1), None])`, js: () => histogramdd([two, fin], { range: [[0, 1], null] }).hist },
    ]);
  });
});

describeWithNumpy('histogram2d of a one-field float record array (an object column of tuples in NumPy)', () => {
  // NumPy's min and max of such a column fold the tuples with <= and >=, so a NaN
  // is taken and handed on to the next item; the range is refused when not finite,
  // or widened by 0.5 when it is one value (a tuple minus a float; fuzz seed 10014687).
  test('NaN, inf and one-value columns give NumPy\'s errors', () => {
    const ROWS = [
      [0.25, -0, NaN, -0.75, 1],
      [0.25, -0, NaN, -0.75, -0.75],
      [1, 2, 3, 4, NaN],
      [NaN, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
      [1, Infinity, 2, 2, 2],
      [1, 2, Infinity, 0, 3],
    ];
    const py = (v: number): string => (Number.isNaN(v) ? "float('nan')" : v === Infinity ? "float('inf')" : Object.is(v, -0) ? '-0.0' : String(v));
    const cases: Case[] = ROWS.map((vals) => {
      const x = zeros(5, [['a', '<f4']]);
      vals.forEach((v, i) => x.set([i], { a: v }));
      return {
        py: `np.histogram2d(np.array([(v,) for v in [${vals.map(py).join(', ')}]], [('a', '<f4')]), np.array([2., 3, -1, -100, 5]), bins=3)[0]`,
        js: () => histogram2d(x, asarray([2, 3, -1, -100, 5]), { bins: 3 }).hist,
      };
    });
    // Complex items beside a record column have no order (fuzz seed 9877059); one item is one value.
    const z = zeros(3, [['a', '<c16']]);
    z.set([0], { a: 1 });
    z.set([1], { a: { re: 0, im: 2 } });
    const PYZ = "np.array([(1,), (2j,), (0,)], [('a', '<c16')])";
    cases.push({ py: `np.histogram2d(${PYZ}, np.array([1., 2, 3]), bins=3)[0]`, js: () => histogram2d(z, asarray([1, 2, 3]), { bins: 3 }).hist });
    cases.push({ py: `np.histogram2d(np.zeros(3, [('a', '?')]), np.array([1+1j, 2, 3]), bins=3)[0]`, js: () => histogram2d(zeros(3, [['a', '?']]), asarray([{ re: 1, im: 1 }, 2, 3], '<c16'), { bins: 3 }).hist });
    cases.push({ py: `np.histogram2d(np.zeros(1, [('a', '<c16')]), np.array([1.]), bins=3)[0]`, js: () => histogram2d(zeros(1, [['a', '<c16']]), asarray([1]), { bins: 3 }).hist });
    check(cases);
  });
});

describeWithNumpy('histogramdd: each axis is checked before the bin total', () => {
  test("a NaN column over 24 axes is NumPy's range ValueError, not the 5^24-bin MemoryError (fuzz seed 11499743)", () => {
    const col = (first: number): number[] => [first, ...new Array<number>(23).fill(1)];
    const cases: Case[] = [
      { py: "np.histogramdd(np.broadcast_to(np.array([np.nan] + [1] * 23, 'f4'), (3, 24)), bins=3)[0]", js: () => histogramdd(asarray([col(NaN), col(NaN), col(NaN)], 'f4'), { bins: 3 }).hist },
      { py: "np.histogramdd(np.broadcast_to(np.array([2] + [1] * 23, 'f8'), (3, 24)), bins=3)[0]", js: () => histogramdd(asarray([col(2), col(2), col(2)], 'f8'), { bins: 3 }).hist },
      { py: 'np.histogramdd(np.ones((3, 24)), bins=[3] * 23 + [0])[0]', js: () => histogramdd(asarray([col(1), col(1), col(1)], 'f8'), { bins: [...new Array<number>(23).fill(3), 0] }).hist },
      { py: 'np.histogramdd(np.ones((3, 24)), bins=[3] * 23 + [np.array([2., 1.])])[0]', js: () => histogramdd(asarray([col(1), col(1), col(1)], 'f8'), { bins: [...new Array<unknown>(23).fill(3), asarray([2, 1])] as never }).hist },
    ];
    check(cases);
  });
});
