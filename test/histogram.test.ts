// histogram / digitize against NumPy 2: counts, weights, density and edges
// bit for bit, over dtypes, bin counts, ranges, explicit edges, items on the
// edges (NumPy's round-off corrections), inputs larger than NumPy's 65536
// block (weights summed per block), and NumPy's errors.
import { histogram, digitize } from '../lib/histogram';
import { dtype } from '../lib/dtype';
import { DTypePromotionError } from '../lib/promote';
import { describeWithNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import { jsPath } from './helpers/kernels';
import { hexOf } from './helpers/np-compare';
import { fromBuffer } from '../lib';

/** Each edge of `edges` and its float64 neighbours one ulp below and above. */
function aroundEdges(edges: Float64Array): Float64Array {
  const out: number[] = [];
  const b = new BigInt64Array(1);
  const f = new Float64Array(b.buffer);
  for (const e of edges) {
    f[0] = e;
    const bits = b[0];
    for (const d of [-1n, 0n, 1n]) {
      b[0] = e > 0 || (e === 0 && d >= 0n) ? bits + d : bits - d;
      out.push(e === 0 && d < 0n ? -Number.MIN_VALUE : f[0]);
    }
  }
  return Float64Array.from(out);
}

/** The uniform histogram's adversarial inputs: every edge and its neighbours (range edges included), NaN and infinities, several layouts. */
function edgeCases(): Case[] {
  const cases: Case[] = [];
  for (const [lo, hi, bins] of [[0, 1, 10], [-3.3, 7.1, 97], [1e-3, 1e-3 + 1e-12, 13], [-1e300, 1e300, 7], [0.1, 0.7, 3]] as const) {
    const edges = histogram(fromBuffer(new Float64Array([lo, hi]).buffer, '<f8'), { bins })[1];
    const e = new Float64Array(edges.astype('<f8').toArray() as number[]);
    const v = Float64Array.from([...aroundEdges(e), NaN, Infinity, -Infinity, (lo + hi) / 2]);
    const hex = Buffer.from(v.buffer).toString('hex');
    const py = `np.frombuffer(bytes.fromhex('${hex}'), '<f8')`;
    const arr = (): ReturnType<typeof fromBuffer> => fromBuffer(v.slice().buffer, '<f8');
    cases.push({ py: `np.histogram(${py}, bins=${bins}, range=(${lo}, ${hi}))[0]`, js: () => histogram(arr(), { bins, range: [lo, hi] })[0] });
    cases.push({ py: `np.histogram(${py}.astype('>f8')[::-2], bins=${bins}, range=(${lo}, ${hi}))[0]`, js: () => histogram(arr().astype('>f8').index('::-2'), { bins, range: [lo, hi] })[0] });
    cases.push({ py: `np.histogram(${py}, bins=${bins}, range=(${lo}, ${hi}), weights=np.arange(${v.length}) * 0.1)[0]`, js: () => histogram(arr(), { bins, range: [lo, hi], weights: fromBuffer(Float64Array.from(v, (_, i) => i * 0.1).buffer, '<f8') })[0] });
  }
  return cases;
}

function data(dtype: string, n: number, seed: number, scale = 1): ReturnType<typeof shared> {
  const r = seeded(seed);
  const ints = dtype.includes('i') || dtype.includes('u');
  return shared(Array.from({ length: n }, () => (ints ? Math.floor(r() * 50) : (r() - 0.3) * scale)), dtype, [n]);
}

describeWithNumpy('histogram against NumPy', () => {
  test('counts and edges over dtypes, bins, ranges and density', () => {
    const cases: Case[] = [];
    ['<f8', '<f4', '<i8', '<u1', '<i2', '>f8'].forEach((dt, k) => {
      const d = data(dt, 500, 80 + k, 10);
      for (const bins of [1, 7, 10, 33]) {
        cases.push({ py: `np.histogram(${d.py}, bins=${bins})[0]`, js: () => histogram(d.arr, { bins })[0] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins})[1]`, js: () => histogram(d.arr, { bins })[1] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins}, range=(0.1, 6.3))[0]`, js: () => histogram(d.arr, { bins, range: [0.1, 6.3] })[0] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins}, density=True)[0]`, js: () => histogram(d.arr, { bins, density: true })[0] });
      }
      const w = data('<f8', 500, 90 + k, 3);
      cases.push({ py: `np.histogram(${d.py}, bins=9, weights=${w.py})[0]`, js: () => histogram(d.arr, { bins: 9, weights: w.arr })[0] });
      cases.push({ py: `np.histogram(${d.py}, bins=[-1, 0, 0.5, 2, 3, 7.25, 40])[0]`, js: () => histogram(d.arr, { bins: [-1, 0, 0.5, 2, 3, 7.25, 40] })[0] });
      // Integer data has ties, which NumPy's (unstable) argsort orders its own way: the weights of
      // a bin can then add up in another order (a last-bit difference; README 'Values').
      if (dt.includes('f')) cases.push({ py: `np.histogram(${d.py}, bins=[-1, 0, 0.5, 2, 3, 7.25, 40], weights=${w.py})[0]`, js: () => histogram(d.arr, { bins: [-1, 0, 0.5, 2, 3, 7.25, 40], weights: w.arr })[0] });
      cases.push({ py: `np.histogram(${d.py}, bins=[0, 1, 2, 3, 49], density=True)[0]`, js: () => histogram(d.arr, { bins: [0, 1, 2, 3, 49], density: true })[0] });
    });
    check(cases);
  });

  test('items on the edges: the round-off corrections and the closed last bin', () => {
    // 0.1 steps land near every edge of linspace(0, 1, 11) and of its float32 twin.
    const vals = Array.from({ length: 101 }, (_, i) => i / 100);
    const a = shared(vals, '<f8', [101]);
    const a32 = shared(vals, '<f4', [101]);
    const t = shared(Array.from({ length: 30 }, (_, i) => 0.1 * i), '<f8', [30]);
    const cases: Case[] = [];
    for (const bins of [3, 7, 10, 11, 30, 100]) {
      cases.push({ py: `np.histogram(${a.py}, bins=${bins})[0]`, js: () => histogram(a.arr, { bins })[0] });
      cases.push({ py: `np.histogram(${a32.py}, bins=${bins})[0]`, js: () => histogram(a32.arr, { bins })[0] });
      cases.push({ py: `np.histogram(${t.py}, bins=${bins}, range=(0, 2.9))[0]`, js: () => histogram(t.arr, { bins, range: [0, 2.9] })[0] });
    }
    check(cases);
  });

  test('the uniform kernel on adversarial edges: each edge and one ulp either side, range edges, NaN, infinities, >f8 reversed', () => {
    check(edgeCases());
  });

  test('more than one 65536-item block, with weights', () => {
    const d = data('<f8', 150001, 5, 100);
    const w = data('<f8', 150001, 6, 1e3);
    check([
      { py: `np.histogram(${d.py}, bins=13, weights=${w.py})[0]`, js: () => histogram(d.arr, { bins: 13, weights: w.arr })[0] },
      { py: `np.histogram(${d.py}, bins=[-30, -1, 0, 5, 70], weights=${w.py})[0]`, js: () => histogram(d.arr, { bins: [-30, -1, 0, 5, 70], weights: w.arr })[0] },
      { py: `np.histogram(${d.py}, bins=50)[0]`, js: () => histogram(d.arr, { bins: 50 })[0] },
    ]);
  });

  test("NumPy's errors and edge cases", () => {
    const d = data('<f8', 20, 7);
    const nan = shared([1, NaN, 2], '<f8', [3]);
    const c = shared([3, 3, 3], '<f8', [3]);
    const e = shared([], '<f8', [0]);
    const b = shared([1, 0, 1, 1], '|b1', [4]);
    check([
      { py: `np.histogram(${d.py}, bins=0)`, js: () => histogram(d.arr, { bins: 0 }) },
      { py: `np.histogram(${d.py}, bins=[3, 1, 2])`, js: () => histogram(d.arr, { bins: [3, 1, 2] }) },
      { py: `np.histogram(${d.py}, range=(2, 1))`, js: () => histogram(d.arr, { range: [2, 1] }) },
      { py: `np.histogram(${d.py}, range=(0, float('inf')))`, js: () => histogram(d.arr, { range: [0, Infinity] }) },
      { py: `np.histogram(${nan.py})`, js: () => histogram(nan.arr) },
      { py: `np.histogram(${c.py}, bins=4)[1]`, js: () => histogram(c.arr, { bins: 4 })[1] },
      { py: `np.histogram(${c.py}, bins=4)[0]`, js: () => histogram(c.arr, { bins: 4 })[0] },
      { py: `np.histogram(${e.py})[1]`, js: () => histogram(e.arr)[1] },
      { py: `np.histogram(${e.py})[0]`, js: () => histogram(e.arr)[0] },
      { py: `np.histogram(${b.py}, bins=2)[0]`, js: () => histogram(b.arr, { bins: 2 })[0] },
      { py: `np.histogram(${d.py}, weights=${c.py})`, js: () => histogram(d.arr, { weights: c.arr }) },
    ]);
  });
});

describe('histogram: the uniform kernel against its JS loop', () => {
  test('the same counts and weight sums with the kernels off (edges, blocks, layouts)', () => {
    const r = seeded(12);
    const big = fromBuffer(Float64Array.from({ length: 200003 }, () => (r() < 0.01 ? NaN : (r() - 0.4) * 77)).buffer, '<f8');
    const w = fromBuffer(Float64Array.from({ length: 200003 }, () => r() * 1e3 - 100).buffer, '<f8');
    const runs: (() => unknown)[] = [
      ...edgeCases().map((c) => c.js),
      () => histogram(big, { bins: 100, range: [-30, 40] })[0],
      () => histogram(big, { bins: 33, range: [-30, 40], weights: w })[0],
      () => histogram(big.index('::3'), { bins: 1000, range: [-30, 40], weights: w.index('1::3') })[0],
    ];
    for (const f of runs) expect(hexOf(f() as ReturnType<typeof fromBuffer>)).toBe(hexOf(jsPath(f) as ReturnType<typeof fromBuffer>));
  });
});

describeWithNumpy('histogram of complex data and weights, and of records, against NumPy', () => {
  test('complex data: edges between the complex min and max, the bin from the real part of the quotient', () => {
    // Fuzz seeds 1000033, 1000666 and 1002559 (np_call histogram of complex): NumPy bins
    // complex data (ordered real part first), raising its ValueError for a NaN min or max
    // and its IndexError when a NaN quotient's index reaches take().
    const c = shared([1, 2, 3, -1, 0, 5, 3, 0.5, -2, 7, 2.5, 2.5], '<f8', [12]);
    const z = { arr: c.arr.view('<c16'), py: `${c.py}.view('<c16')` };
    const z64 = { arr: c.arr.astype('<f4').view('<c8'), py: `${c.py}.astype('<f4').view('<c8')` };
    const nan = shared([1, NaN, 2, 0], '<f8', [4]);
    const zn = { arr: nan.arr.view('<c16'), py: `${nan.py}.view('<c16')` };
    const one = shared([2, 1, 2, 1], '<f8', [4]);
    const z1 = { arr: one.arr.view('<c16'), py: `${one.py}.view('<c16')` };
    const w = shared([1, 2, 3, -1, 0, 5, 7, 8, 9, 1, 2, 3], '<f8', [12]);
    const wz = { arr: w.arr.view('<c16'), py: `${w.py}.view('<c16')` };
    const cases: Case[] = [];
    for (const d of [z, z64]) {
      for (const bins of [1, 3, 4]) {
        cases.push({ py: `np.histogram(${d.py}, bins=${bins})[0]`, js: () => histogram(d.arr, { bins })[0] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins})[1]`, js: () => histogram(d.arr, { bins })[1] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins}, range=(0.5, 100))[1]`, js: () => histogram(d.arr, { bins, range: [0.5, 100] })[1] });
        cases.push({ py: `np.histogram(${d.py}, bins=${bins}, range=(0.5, 100))[0]`, js: () => histogram(d.arr, { bins, range: [0.5, 100] })[0] });
      }
      cases.push({ py: `np.histogram(${d.py}, bins=[0, 1, 2.5, 9])[0]`, js: () => histogram(d.arr, { bins: [0, 1, 2.5, 9] })[0] });
    }
    cases.push({ py: `np.histogram(${zn.py}, bins=2)`, js: () => histogram(zn.arr, { bins: 2 }) });
    cases.push({ py: `np.histogram(${zn.py}, bins=4, range=(0.5, 100))`, js: () => histogram(zn.arr, { bins: 4, range: [0.5, 100] }) });
    cases.push({ py: `np.histogram(${z1.py}, bins=3)[1]`, js: () => histogram(z1.arr, { bins: 3 })[1] });
    cases.push({ py: `np.histogram(${z1.py}, bins=3)[0]`, js: () => histogram(z1.arr, { bins: 3 })[0] });
    // Complex weights: NumPy sums their real and imaginary parts apart.
    const x = shared([1, 2, 3, -1, 0, 5], '<f8', [6]);
    cases.push({ py: `np.histogram(${x.py}, bins=3, weights=${wz.py})[0]`, js: () => histogram(x.arr, { bins: 3, weights: wz.arr })[0] });
    cases.push({ py: `np.histogram(${x.py}, bins=[0, 1, 2, 6], weights=${wz.py})[0]`, js: () => histogram(x.arr, { bins: [0, 1, 2, 6], weights: wz.arr })[0] });
    check(cases);
  });

  test("records: NumPy's missing minimum loop, or its DTypePromotionError with a range", () => {
    // Fuzz seed 1000089: histogram of a record array with a range.
    const r = shared([1, 2, 3, 4, 5, 6], '|u1', [6]);
    const rec = { arr: r.arr.view(dtype({ names: ['a', 'b'], formats: ['|u1', '|i1'] })), py: `${r.py}.view([('a', 'u1'), ('b', 'i1')])` };
    check([{ py: `np.histogram(${rec.py}, bins=3)`, js: () => histogram(rec.arr, { bins: 3 }) }]);
    // NumPy's message goes on to list the Python scalar DTypes (_PyFloatDType, _PyLongDType), which
    // the library's resultType does not name yet: the class is checked here, the message is not.
    expect(() => histogram(rec.arr, { bins: 3, range: [0.5, 100] })).toThrow(DTypePromotionError);
  });
});

describeWithNumpy('digitize against NumPy', () => {
  test('increasing and decreasing bins, right, NaN, and errors', () => {
    const x = shared([-1, 0, 0.5, 1, 1.5, 2, 2.5, 3, NaN, 10], '<f8', [2, 5]);
    const inc = shared([0, 1, 1, 2.5, 3], '<f8', [5]);
    const dec = shared([3, 2.5, 1, 1, 0], '<f8', [5]);
    const bad = shared([0, 2, 1], '<f8', [3]);
    const xi = shared([0, 1, 2, 3, 4], '<i8', [5]);
    const cases: Case[] = [];
    for (const right of [false, true]) {
      const r = right ? 'True' : 'False';
      cases.push({ py: `np.digitize(${x.py}, ${inc.py}, right=${r})`, js: () => digitize(x.arr, inc.arr, { right }) });
      cases.push({ py: `np.digitize(${x.py}, ${dec.py}, right=${r})`, js: () => digitize(x.arr, dec.arr, { right }) });
      cases.push({ py: `np.digitize(${xi.py}, ${inc.py}, right=${r})`, js: () => digitize(xi.arr, inc.arr, { right }) });
    }
    cases.push({ py: `np.digitize(${x.py}, ${bad.py})`, js: () => digitize(x.arr, bad.arr) });
    check(cases);
  });
});
