// exp2 expm1 log2 log10 log1p cbrt logaddexp logaddexp2
// (lib/ufuncs/explog.ts) against NumPy over every input dtype: result dtypes,
// values within 4 ulp, special values exactly (log of 0 and negatives, -1
// for log1p, equal infinities for logaddexp), complex through NumPy's
// formulas; whole array, strided reversed view and small slice.
import * as explog from '../../lib/ufuncs/explog';
import { fromBuffer } from '../../lib/create';
import { describeWithNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';

describeWithNumpy('exp/log ufuncs against NumPy', () => {
  test.each(['exp2', 'expm1', 'log2', 'log10', 'log1p', 'cbrt'] as const)('%s: every dtype within 4 ulp, specials exact', (name) => {
    expect(checkMath(explog[name] as never, 1, numpyMath(name, 1), { ulps: 4 })).toEqual([]);
  });
  test.each(['logaddexp', 'logaddexp2'] as const)('%s: every dtype within 4 ulp, special pairs exact', (name) => {
    expect(checkMath(explog[name] as never, 2, numpyMath(name, 2), { ulps: 4 })).toEqual([]);
  });
});

test('logaddexp: equal infinities, a NaN, and no overflow for large inputs', () => {
  const x = fromBuffer(new Float64Array([Infinity, -Infinity, NaN, 1000, -1000]), '<f8');
  const y = fromBuffer(new Float64Array([Infinity, -Infinity, 1, 1000, -1000]), '<f8');
  const r = explog.logaddexp(x, y).toArray() as number[];
  expect(r.slice(0, 2)).toEqual([Infinity, -Infinity]);
  expect(r[2]).toBeNaN();
  expect(r[3]).toBe(1000 + Math.LN2);
  expect(r[4]).toBe(-1000 + Math.LN2);
  expect(explog.logaddexp2(x, y).toArray()).toEqual([Infinity, -Infinity, NaN, 1001, -999]);
});

// float64 log10 runs fdlibm's algorithm as a vectorised loop over positive
// normal inputs (native/ufunc_math.cc Log10Normal) and the C library's log10
// for the rest: the contiguous loop (this CPU's clone), a strided view (the
// scalar form) and in place give the same bits, each within 2 ulp of V8's
// Math.log10 (fdlibm's older formula, itself more than half an ulp off near
// 1: the NumPy test above holds the 4-ulp band), exact at the powers of ten.
test('float64 log10: the vector loop, the strided scalar form and in place agree bit for bit, within 2 ulp of Math.log10', () => {
  const n = 1 << 19;
  const f = new Float64Array(2 * n);
  const u = new BigUint64Array(f.buffer);
  let s = 11n;
  for (let i = 0; i < n; i++) {
    s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    // Every binade of the positive doubles, a quarter near 1; both signs now and then.
    u[2 * i] = i % 4 === 0 ? 0x3fe0000000000000n + (s % 0x0020000000000000n) : s % 0x7ff0000000000000n;
    if (i % 97 === 0) f[2 * i] = -f[2 * i];
  }
  const specials = [0, -0, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, Infinity, -Infinity, NaN, 1, 10, 1e22, 1e-22, -1];
  for (let i = 0; i < n; i += 61) f[2 * i] = specials[(i / 61) % specials.length];
  const x = fromBuffer(f, '<f8').index('::2');
  const strided = explog.log10(x);
  const contiguous = explog.log10(x.copy());
  const inPlace = x.copy();
  explog.log10(inPlace, { out: inPlace });
  const got = strided.toArray() as number[];
  expect(Array.from(contiguous.toArray() as number[])).toEqual(got);
  expect(Array.from(inPlace.toArray() as number[])).toEqual(got);
  const xs = x.toArray() as number[];
  const far: string[] = [];
  const pair = new Float64Array(2);
  const bits = new BigInt64Array(pair.buffer);
  for (let i = 0; i < xs.length; i++) {
    pair[0] = got[i];
    pair[1] = Math.log10(xs[i]);
    if (Number.isNaN(pair[0]) || Number.isNaN(pair[1]) || !Number.isFinite(pair[1])) {
      if (!Object.is(pair[0], pair[1])) far.push(`log10(${xs[i]}): ${got[i]} vs ${pair[1]}`);
      continue;
    }
    const line = (b: bigint): bigint => (b < 0n ? -0x8000000000000000n - b : b);
    const d = line(bits[0]) - line(bits[1]);
    if (d > 2n || d < -2n) far.push(`log10(${xs[i]}): ${got[i]} vs ${pair[1]}`);
  }
  expect(far.slice(0, 10)).toEqual([]);
  const tens = Array.from({ length: 23 }, (_, k) => 10 ** k);
  expect(explog.log10(fromBuffer(new Float64Array([...tens, ...tens, ...tens]), '<f8')).toArray()).toEqual([...tens, ...tens, ...tens].map((_, k) => k % 23));
});
