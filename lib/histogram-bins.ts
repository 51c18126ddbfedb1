/**
 * NumPy's bin-width estimators for `histogram(a, { bins: 'auto' })` and
 * `histogramBinEdges` (`numpy/lib/_histograms_impl.py`, `_hist_bin_*`):
 * `'auto'`, `'fd'`, `'doane'`, `'scott'`, `'stone'`, `'rice'`, `'sturges'`,
 * `'sqrt'`. Each gives a bin width from the data (within `range`); the bin
 * count is `ceil((last - first) / width)`, 1 for a zero width.
 *
 * The arithmetic follows NumPy 2's scalar promotion step by step, because a
 * count one off changes every edge: for float32 (float16) data the
 * peak-to-peak value, `std`, the percentiles and the widths built from them
 * with Python floats stay in that type (NEP 50: a Python float is weak),
 * while `np.sqrt(n)` and `np.log2(n)` are float64 and widen the result.
 * @module
 */
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { float16Bits, float16Value } from './dtype/float16';
import { max, mean, min, sum } from './reduce-axis';
import { std } from './variance';
import { percentile } from './quantile';
import { divide, multiply, power, subtract } from './ufuncs/arith';

/** NumPy's estimator names, as `_hist_bin_selectors` lists them. */
export const BIN_ESTIMATORS: readonly string[] = ['stone', 'auto', 'doane', 'fd', 'rice', 'scott', 'sqrt', 'sturges'];

/** A width and whether it is a NumPy scalar of the data's low-precision float type (float32/float16). */
export interface Width {
  v: number;
  low: boolean;
}

/** Rounding to the data's float type (identity for float64 and integers). */
export function rounderFor(x: NdArray): (v: number) => number {
  if (x.dtype.kind === 'f' && x.dtype.itemsize === 4) return Math.fround;
  if (x.dtype.kind === 'f' && x.dtype.itemsize === 2) return (v: number): number => float16Value(float16Bits(v));
  return (v: number): number => v;
}

function isLow(x: NdArray): boolean {
  return x.dtype.kind === 'f' && x.dtype.itemsize < 8;
}

const value = (a: NdArray): number => Number(a.get());

/** NumPy's `_ptp`: max - min, in the data's type for floats, exact (unsigned) for integers. */
function ptp(x: NdArray, R: (v: number) => number): number {
  // Integers: the exact difference, then its float (items past 2^53 differ in their float values' difference).
  if (x.dtype.kind === 'i' || x.dtype.kind === 'u') return Number(BigInt(max(x).get() as number | bigint) - BigInt(min(x).get() as number | bigint));
  return R(value(max(x)) - value(min(x)));
}

/**
 * Whether NumPy's `_ptp` of complex data, max - min as a complex number, is
 * zero: items all alike with an infinite part give inf - inf, NaN, which is
 * not (fuzz seed 11232107).
 */
export function complexPtpIsZero(x: NdArray): boolean {
  const d = subtract(max(x), min(x)).get() as { re: number; im: number };
  return d.re === 0 && d.im === 0;
}

/**
 * The bin width estimator `name` over `x` (non-empty, 1-d, already cut to
 * the range); `hist(n)` is the n-bin histogram over the outer edges ('stone').
 */
export function binWidth(name: string, x: NdArray, hist: (nbins: number) => NdArray): Width {
  const R = rounderFor(x);
  const low = isLow(x);
  const n = x.size;
  // A Python float meeting a float32 scalar is cast to float32 first (weak), then the op rounds.
  const weak = (v: number): number => (low ? R(v) : v);
  switch (name) {
    case 'sqrt':
      return { v: ptp(x, R) / Math.sqrt(n), low: false };
    case 'sturges':
      return { v: ptp(x, R) / (Math.log2(n) + 1.0), low: false };
    case 'rice':
      return { v: R(ptp(x, R) / weak(2.0 * n ** (1.0 / 3))), low };
    case 'scott':
      return { v: R(weak(((24.0 * Math.PI ** 0.5) / n) ** (1.0 / 3.0)) * value(std(x))), low };
    case 'fd': {
      // np.percentile with a list of q is float64 whatever the data (NumPy 2's
      // weak q is a Python number only): the width is float64 too (fuzz seed 11216884).
      const q = percentile(x, [75, 25]);
      const iqr = Number(q.get(0)) - Number(q.get(1));
      return { v: 2.0 * iqr * n ** (-1.0 / 3.0), low: false };
    }
    case 'doane': {
      if (n > 2) {
        const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
        const sigma = std(x);
        if (value(sigma) > 0.0) {
          const temp = power(divide(subtract(x, mean(x)), sigma), 3);
          const g1 = value(mean(temp));
          return { v: ptp(x, R) / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1)), low: false };
        }
      }
      return { v: 0.0, low: false };
    }
    case 'stone': {
      const p = ptp(x, R);
      if (n <= 1 || (x.dtype.kind === 'c' ? complexPtpIsZero(x) : p === 0)) return { v: 0, low: false };
      const upper = Math.max(100, Math.trunc(Math.sqrt(n)));
      let best = 1;
      let bestJ = Infinity;
      for (let nbins = 1; nbins <= upper; nbins++) {
        const hh = R(p / nbins);
        const pk = divide(hist(nbins), n);
        const j = (2 - (n + 1) * value(sum(multiply(pk, pk)))) / hh;
        if (j < bestJ) {
          bestJ = j;
          best = nbins;
        }
      }
      return { v: R(p / best), low };
    }
    case 'auto': {
      const fd = binWidth('fd', x, hist);
      const sturges = binWidth('sturges', x, hist);
      const sqrt = binWidth('sqrt', x, hist);
      // max(fd_bw, sqrt_bw / 2) then min(..., sturges_bw): Python's max/min keep the first of equals.
      const half = { v: sqrt.v / 2, low: false };
      const corrected = fd.v >= half.v ? fd : half;
      return sturges.v < corrected.v ? sturges : corrected;
    }
    default:
      throw new ValueError(`'${name}' is not a valid estimator for \`bins\``);
  }
}
