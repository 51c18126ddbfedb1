// lib/histogram-bins.ts (and histogramBinEdges in lib/histogram.ts): NumPy's
// string bin estimators give the same edges as NumPy to the bit, and the
// same counts, over float64, float32, float16 and integer data, with and
// without a range; NumPy's own estimator tests (test_histograms.py) ported.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { arange, asarray, concatenate, fromBuffer, histogram, histogramBinEdges, linspace, tile, ValueError } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

// A fixed sample in both languages: a seeded generator's doubles, skewed and scaled.
function sample(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const u = x / 4294967296;
    out[i] = (u * u * 37.5 - 3.25) * (i % 7 === 0 ? 3 : 1);
  }
  return out;
}
const S = sample(1000, 11);
const SPY = `np.frombuffer(bytes.fromhex('${Buffer.from(S.buffer).toString('hex')}'), '<f8')`;
const s = () => fromBuffer(S.slice().buffer, '<f8');
const ESTIMATORS = ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'] as const;

describeWithNumpy('histogram bin estimators against NumPy', () => {
  test('edges (bits) for every estimator over float64, float32, float16 and integer data', () => {
    const cases: Case[] = [];
    for (const e of ESTIMATORS) {
      cases.push({ py: `np.histogram_bin_edges(${SPY}, bins='${e}')`, js: () => histogramBinEdges(s(), { bins: e }) });
      cases.push({ py: `np.histogram_bin_edges(${SPY}.astype('f4'), bins='${e}')`, js: () => histogramBinEdges(s().astype('f4'), { bins: e }) });
      cases.push({ py: `np.histogram_bin_edges(${SPY}[:200].astype('f2'), bins='${e}')`, js: () => histogramBinEdges(s().index(':200').astype('f2'), { bins: e }) });
      cases.push({ py: `np.histogram_bin_edges(np.trunc(${SPY} * 7).astype('i4'), bins='${e}')`, js: () => histogramBinEdges(timesInt(7, 'i4'), { bins: e }) });
      cases.push({ py: `np.histogram_bin_edges(${SPY}, bins='${e}', range=(0, 20))`, js: () => histogramBinEdges(s(), { bins: e, range: [0, 20] }) });
      // A range's span is NumPy's float64 scalar, so the count of a float32/16 width is divided in float64 (fuzz seed 10022415).
      cases.push({ py: `np.histogram_bin_edges(${SPY}.astype('f4'), bins='${e}', range=(0, 20))`, js: () => histogramBinEdges(s().astype('f4'), { bins: e, range: [0, 20] }) });
      cases.push({ py: `np.histogram_bin_edges(${SPY}[:200].astype('f2'), bins='${e}', range=(0.5, 3))`, js: () => histogramBinEdges(s().index(':200').astype('f2'), { bins: e, range: [0.5, 3] }) });
      cases.push({ py: `np.histogram_bin_edges(np.array([1, 1, 3, 100, -3], 'f4'), bins='${e}', range=(0.5, 3))`, js: () => histogramBinEdges(asarray([1, 1, 3, 100, -3], 'f4'), { bins: e, range: [0.5, 3] }) });
      cases.push({ py: `np.histogram_bin_edges(np.arange(5), bins='${e}')`, js: () => histogramBinEdges(arange(5), { bins: e }) });
      cases.push({ py: `np.histogram_bin_edges(np.array([3.0, 3.0]), bins='${e}')`, js: () => histogramBinEdges(asarray([3.0, 3.0]), { bins: e }) });
      cases.push({ py: `np.histogram(${SPY}, bins='${e}')[0]`, js: () => histogram(s(), { bins: e })[0] });
    }
    cases.push({ py: `np.histogram_bin_edges(${SPY}, bins='bogus')`, js: () => histogramBinEdges(s(), { bins: 'bogus' }) });
    cases.push({ py: `np.histogram_bin_edges(${SPY}, bins='auto', weights=np.ones(1000))`, js: () => histogramBinEdges(s(), { bins: 'auto', weights: asarray(new Array(1000).fill(1.5)) }) });
    cases.push({ py: `np.histogram_bin_edges(${SPY}, bins=7, range=(1, 2))`, js: () => histogramBinEdges(s(), { bins: 7, range: [1, 2] }) });
    cases.push({ py: `np.histogram_bin_edges(${SPY}, bins=[0, 1, 5])`, js: () => histogramBinEdges(s(), { bins: [0, 1, 5] }) });
    cases.push({ py: `np.histogram_bin_edges(np.zeros(0), bins='auto')`, js: () => histogramBinEdges(asarray([], 'f8'), { bins: 'auto' }) });
    expectCasesLikeNumpy(cases);
  });
});

function timesInt(k: number, dt: 'i4'): ReturnType<typeof fromBuffer> {
  const v = new Int32Array(S.length);
  for (let i = 0; i < S.length; i++) v[i] = Math.trunc(S[i] * k);
  void dt;
  return fromBuffer(v.buffer, '<i4');
}

// Ported from numpy/lib/tests/test_histograms.py (TestHistogramOptimBinNums).
describe('NumPy test_histograms: TestHistogramOptimBinNums', () => {
  test('test_empty', () => {
    for (const e of ESTIMATORS) {
      const [a, b] = histogram(asarray([], 'f8'), { bins: e });
      expect(a.toArray()).toEqual([0n]);
      expect(b.toArray()).toEqual([0, 1]);
    }
  });

  test('test_simple: the bin counts NumPy precomputed for a two-peak linspace mixture', () => {
    const basic: Record<number, Record<string, number>> = {
      50: { fd: 4, scott: 4, rice: 8, sturges: 7, doane: 8, sqrt: 8, auto: 7, stone: 2 },
      500: { fd: 8, scott: 8, rice: 16, sturges: 10, doane: 12, sqrt: 23, auto: 10, stone: 9 },
      5000: { fd: 17, scott: 17, rice: 35, sturges: 14, doane: 17, sqrt: 71, auto: 17, stone: 20 },
    };
    for (const n of [50, 500, 5000]) {
      const x = concatenate([linspace(-10, -1, Math.floor(n / 5) * 2), linspace(1, 10, Math.floor(n / 5) * 3)]);
      for (const e of ESTIMATORS) {
        const [counts] = histogram(x, { bins: e });
        expect({ n, e, bins: counts.size }).toEqual({ n, e, bins: basic[n][e] });
      }
    }
  });

  test('test_novariance: a signal with no variance gives one bin', () => {
    const novar = asarray(new Array(100).fill(5.0));
    for (const e of ESTIMATORS) expect(histogram(novar, { bins: e })[0].size).toBe(1);
  });

  test('test_incorrect_methods', () => {
    for (const e of ['mad', 'freeman', 'histograms', 'IQR']) expect(() => histogram(arange(50), { bins: e })).toThrow(ValueError);
  });

  test('test_integer: integer data never gets bins narrower than 1', () => {
    for (const e of ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges']) {
      expect({ e, edges: histogramBinEdges(tile(arange(9), 1000), { bins: e }).toArray() }).toEqual({ e, edges: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
    }
  });
});

describeWithNumpy('histogram estimators: found by the differential fuzzer (seeds 6002511, 6005988)', () => {
  test("complex data: the width is complex and np.ceil has no complex loop (TypeError); equal items over a range: both one bin", () => {
    npc.expectCasesLikeNumpy([
      { py: "np.histogram_bin_edges(np.array([1+2j, 3, 5-1j, 2]), bins='sqrt')", js: () => mm.histogramBinEdges(mm.array([{ re: 1, im: 2 }, 3, { re: 5, im: -1 }, 2], 'c16'), { bins: 'sqrt' }) },
      { py: "np.histogram(np.array([1+2j, 3, 5-1j, 2], 'c8'), bins='rice', range=(0, 1))", js: () => mm.histogram(mm.array([{ re: 1, im: 2 }, 3, { re: 5, im: -1 }, 2], 'c8'), { bins: 'rice', range: [0, 1] }) },
      // 'scott' is real (np.std): a NaN width over a range's real span is int(nan)'s ValueError (fuzz seed 9776252).
      { py: "np.histogram(np.array([complex(0.5, np.inf), 0.2, 0.3]), bins='scott', range=(0, 1))", js: () => mm.histogram(mm.asarray([{ re: 0.5, im: Infinity }, 0.2, 0.3], 'c16'), { bins: 'scott', range: [0, 1] }) },
    ]);
    const [want] = npc.numpyOutcomes([{ py: "np.histogram_bin_edges(np.array([0.5, 0.5, 0.5]), bins='sqrt', range=(0, 1))", js: () => null }]);
    let got = '';
    try {
      mm.histogramBinEdges(mm.array([0.5, 0.5, 0.5]), { bins: 'sqrt', range: [0, 1] });
    } catch (e) {
      got = `${(e as Error).name}: ${(e as Error).message}`;
    }
    expect(got).toBe(want.error === undefined ? '' : `${want.error}: ${want.message}`);
  });
});

describeWithNumpy('histogram estimators over integers past 2^53', () => {
  test("the data's spread is NumPy's exact integer difference, then a float (fuzz seed 10874963)", () => {
    // Two uint64 items 1.9e18 apart: the difference of their float values is a few units
    // under the exact one, and 'sturges' gave three bins where NumPy gives two.
    const cases: Case[] = [];
    for (const bins of ESTIMATORS) {
      cases.push({ py: `np.histogram_bin_edges(np.array([15600419082433424441, 17519710284865586606], 'u8'), bins='${bins}')`, js: () => histogramBinEdges(asarray([15600419082433424441n, 17519710284865586606n], 'u8'), { bins }) });
      cases.push({ py: `np.histogram_bin_edges(np.array([-9223372036854775807, 9223372036854775000], 'i8'), bins='${bins}')`, js: () => histogramBinEdges(asarray([-9223372036854775807n, 9223372036854775000n], 'i8'), { bins }) });
    }
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy("'fd' over float16 and float32 data", () => {
  test('the width is float64: np.percentile with a list of q is float64 whatever the data (fuzz seed 11216884)', () => {
    // A float16 width (0.39673 for 0.39685) made 100 / width just over 252: 253 bins, NumPy 252.
    const cases: Case[] = [];
    for (const dt of ['<f2', '>f2', '<f4'] as const) {
      for (const bins of ['fd', 'auto'] as const) {
        cases.push({ py: `np.histogram(np.array([2, 65504, 1.5, np.nan], '${dt}'), bins='${bins}', range=(0, 100))`, js: () => histogram(asarray([2, 65504, 1.5, NaN], dt), { bins, range: [0, 100] }) });
        cases.push({ py: `np.histogram_bin_edges(np.array([3.25, 2, 3.25, 100, 2], '${dt}'), bins='${bins}')`, js: () => histogramBinEdges(asarray([3.25, 2, 3.25, 100, 2], dt), { bins }) });
        cases.push({ py: `np.histogram_bin_edges(${SPY}[:37].astype('${dt}'), bins='${bins}', range=(0, 3.3))`, js: () => histogramBinEdges(s().index(':37').astype(dt), { bins, range: [0, 3.3] }) });
      }
    }
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy('histogram estimators over complex data whose spread is zero or NaN', () => {
  test("the spread is NumPy's complex max - min: inf - inf is NaN, not zero (fuzz seed 11232107)", () => {
    const c = (re: number, im: number) => ({ re, im });
    const cases: Case[] = [];
    for (const bins of ['sqrt', 'sturges', 'rice', 'stone', 'doane'] as const) {
      // Items all alike with an infinite part: NumPy's width is NaN, truthy, and np.ceil of a complex quotient is its TypeError.
      cases.push({ py: `np.histogram_bin_edges(np.array([complex(0.5, np.inf)]), bins='${bins}', range=(0.5, 100))`, js: () => histogramBinEdges(asarray([c(0.5, Infinity)], 'c16'), { bins, range: [0.5, 100] }) });
      cases.push({ py: `np.histogram_bin_edges(np.array([complex(np.inf, 2)] * 3, 'c8'), bins='${bins}', range=(-10, 1e300))`, js: () => histogramBinEdges(asarray([c(Infinity, 2), c(Infinity, 2), c(Infinity, 2)], 'c8'), { bins, range: [-10, 1e300] }) });
      // Finite items all alike: a zero spread, one bin ('stone' too: its early return).
      cases.push({ py: `np.histogram_bin_edges(np.array([-1-1j] * 3, 'c8'), bins='${bins}')`, js: () => histogramBinEdges(asarray([c(-1, -1), c(-1, -1), c(-1, -1)], 'c8'), { bins }) });
      cases.push({ py: `np.histogram_bin_edges(np.array([2j, 2j]), bins='${bins}', range=(0, 10))`, js: () => histogramBinEdges(asarray([c(0, 2), c(0, 2)], 'c16'), { bins, range: [0, 10] }) });
    }
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy("'stone' over complex data (fuzz seed 13564232)", () => {
  test("its inner histograms take the data's complex min and max as NumPy's do; the width then meets NumPy's ceil TypeError, as every other width estimator's", () => {
    const cases: Case[] = ['stone', 'sturges', 'doane', 'rice', 'scott', 'sqrt'].map((b) => ({
      py: `np.histogram(np.array([1 + 2j, 3, 2 + 1j]), bins='${b}')[0]`,
      js: () => histogram(asarray([{ re: 1, im: 2 }, { re: 3, im: 0 }, { re: 2, im: 1 }]), b as never)[0],
    }));
    expectCasesLikeNumpy(cases);
  });
});
