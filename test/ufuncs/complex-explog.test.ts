// Complex sqrt, exp, log and power (lib/ufuncs/math.ts, arith.ts; the loops
// in native/ufunc_complex.cc) against NumPy, bit for bit where NumPy's
// result does not depend on the C library (integer exponents under 100:
// nc_pow's rounded products) and within 4 ulp where it does (cpow, cexp,
// clog, csqrt: the same glibc functions NumPy calls, so equal here too):
// random complex64 and complex128 pairs with exponents up to 1e6, the
// 7×7 grid of special parts (0, -0, 1, -1, ±inf, NaN) against itself, on
// the whole-array native walk, on arrays under the native minimum (the JS
// loop's blocks) and with the native kernels off.
import * as api from '../../lib';
import type { NdArray } from '../../lib';
import { UFUNC_NATIVE_MIN_ELEMENTS } from '../../lib/ufunc-native';
import { rng } from '../helpers/bytes';
import { jsPath } from '../helpers/kernels';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { countUfuncCalls } from '../helpers/ufunc-layouts';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('mmarray-complex-explog-');

/** An array of dtype `dt` from (re, im) pairs. */
function cplx(dt: '<c8' | '<c16', pairs: readonly (readonly [number, number])[]): NdArray {
  const buf = dt === '<c8' ? new Float32Array(pairs.flat()) : new Float64Array(pairs.flat());
  return api.fromBuffer(buf, dt);
}
/** The parts of a complex result as raw unsigned integers (NaN payloads aside: every NaN is one value). */
function bitsOf(a: NdArray): bigint[] {
  const parts = a.dtype.str === '<c8' ? Array.from(a.copy().view('<f4').typedArray() as Float32Array) : Array.from(a.copy().view('<f8').typedArray() as Float64Array);
  const one = a.dtype.str === '<c8' ? new Float32Array(1) : new Float64Array(1);
  const u = a.dtype.str === '<c8' ? new Uint32Array(one.buffer) : new BigUint64Array(one.buffer);
  return parts.map((v) => {
    one[0] = Number.isNaN(v) ? NaN : v;
    return BigInt(u[0]);
  });
}
/** Ordered distance in ulps between two parts' bits (sign-magnitude to a line; NaN only equals NaN). */
function ulpDistance(x: bigint, y: bigint, bits: 32 | 64): number {
  const sign = 1n << BigInt(bits - 1);
  const line = (v: bigint): bigint => (v & sign ? -(v & (sign - 1n)) : v);
  const d = line(x) - line(y);
  return Number(d < 0n ? -d : d);
}
const NAN_BITS = { 32: BigInt(new Uint32Array(new Float32Array([NaN]).buffer)[0]), 64: new BigUint64Array(new Float64Array([NaN]).buffer)[0] };

/** NumPy's results of `ops` over the inputs a (and b), as part bits (NaN canonical). */
function numpyBits(dt: string, a: NdArray, b: NdArray | null, ops: readonly string[]): Record<string, string[]> {
  const fa = tmp.file(new Uint8Array(a.copy().view('u1').typedArray() as Uint8Array));
  const fb = b === null ? '' : tmp.file(new Uint8Array(b.copy().view('u1').typedArray() as Uint8Array));
  return runNumpy<Record<string, string[]>>(`
import warnings
warnings.simplefilter('ignore')
a = np.fromfile(${JSON.stringify(fa)}, '${dt}')
b = np.fromfile(${JSON.stringify(fb)}, '${dt}') if ${JSON.stringify(fb)} else None
part = np.float32 if '${dt}' == '<c8' else np.float64
uint = np.uint32 if '${dt}' == '<c8' else np.uint64
out = {}
with np.errstate(all='ignore'):
    for op in ${JSON.stringify(ops)}:
        r = np.power(a, b) if op == 'power' else getattr(np, op)(a)
        p = r.view(part).copy()
        p[np.isnan(p)] = np.nan
        out[op] = [str(int(v)) for v in p.view(uint)]
print(json.dumps(out))
`);
}

/** The failures of `got` against NumPy's part bits: exact where `exact(i)` (element i), else within 4 ulp. */
function compare(label: string, got: NdArray, want: string[], exact: (i: number) => boolean, inputs: (i: number) => string): string[] {
  const bits = got.dtype.str === '<c8' ? 32 : 64;
  const mine = bitsOf(got);
  const bad: string[] = [];
  for (let k = 0; k < mine.length; k++) {
    const w = BigInt(want[k]);
    const m = mine[k];
    if (m === w) continue;
    const nan = m === NAN_BITS[bits] || w === NAN_BITS[bits];
    const finite = (v: bigint): boolean => ((v >> BigInt(bits === 32 ? 23 : 52)) & (bits === 32 ? 0xffn : 0x7ffn)) !== (bits === 32 ? 0xffn : 0x7ffn);
    if (!nan && !exact(k >> 1) && finite(m) && finite(w) && ulpDistance(m, w, bits) <= 4) continue;
    bad.push(`${label} ${inputs(k >> 1)} part ${k & 1}: ${m} vs NumPy ${w}`);
    if (bad.length > 10) break;
  }
  return bad;
}

/** A random part: magnitudes over many binades, a few small integers. */
function part(r: () => number, spread: number): number {
  const u = r();
  if (u < 0.1) return Math.floor(r() * 7) - 3;
  return (r() - 0.5) * Math.exp((r() - 0.5) * spread);
}
/** A random exponent: real integers (most under 100 in magnitude, some up to 1e6), reals, complex, halves. */
function exponent(r: () => number): [number, number] {
  const u = r();
  if (u < 0.35) return [Math.floor(r() * 199) - 99, 0];
  if (u < 0.45) return [Math.round((r() - 0.5) * 2e6 * r() ** 4), 0];
  if (u < 0.55) return [Math.floor(r() * 21 - 10) + 0.5, 0];
  if (u < 0.75) return [(r() - 0.5) * 40, 0];
  if (u < 0.85) return [(r() - 0.5) * 2000, (r() - 0.5) * 20];
  return [(r() - 0.5) * 20, (r() - 0.5) * 20];
}
/** NumPy's nc_pow does not reach the C library here: a zero exponent or base, a real integer exponent under 100. */
const noLibm = (a: readonly number[], b: readonly number[]): boolean =>
  (b[0] === 0 && b[1] === 0) || (a[0] === 0 && a[1] === 0) || (b[1] === 0 && Number.isInteger(b[0]) && Math.abs(b[0]) < 100);

/** Runs `f` on the whole array (one native walk) and on slices under the native minimum (the JS loop's blocks). */
function bothPaths(n: number, f: (lo: number, hi: number) => NdArray): { whole: NdArray; pieces: NdArray; js: NdArray } {
  const whole = countUfuncCalls(() => f(0, n));
  expect(whole.calls).toBe(1);
  const parts: NdArray[] = [];
  for (let lo = 0; lo < n; lo += UFUNC_NATIVE_MIN_ELEMENTS - 1) parts.push(f(lo, Math.min(n, lo + UFUNC_NATIVE_MIN_ELEMENTS - 1)));
  return { whole: whole.value as NdArray, pieces: api.concatenate(parts), js: jsPath(() => f(0, n)) };
}

describeWithNumpy('complex sqrt, exp, log and power against NumPy', () => {
  test.each(['<c16', '<c8'] as const)('%s power of 4000 random pairs, exponents to 1e6: NumPy\'s bits without libm, within 4 ulp with it', (dt) => {
    const r = rng(dt === '<c16' ? 1801 : 1802);
    const spread = dt === '<c16' ? 40 : 12;
    const pa = Array.from({ length: 4000 }, () => [part(r, spread), part(r, spread)] as const);
    const pb = Array.from({ length: 4000 }, () => exponent(r));
    const a = cplx(dt, pa);
    const b = cplx(dt, pb);
    // The pairs as the array holds them (complex64 rounds the parts).
    const ra = (a.astype('<c16').toArray() as { re: number; im: number }[]).map((z) => [z.re, z.im]);
    const rb = (b.astype('<c16').toArray() as { re: number; im: number }[]).map((z) => [z.re, z.im]);
    const np = numpyBits(dt, a, b, ['power']);
    const runs = bothPaths(4000, (lo, hi) => api.power(a.index(`${lo}:${hi}`), b.index(`${lo}:${hi}`)));
    const show = (i: number): string => `(${ra[i]}) ** (${rb[i]})`;
    for (const [path, got] of Object.entries(runs)) {
      expect(compare(`${dt} ${path}`, got, np.power, (i) => noLibm(ra[i], rb[i]), show)).toEqual([]);
    }
    // The draw reaches both kinds of exponent.
    expect(ra.filter((x, i) => noLibm(x, rb[i])).length).toBeGreaterThan(1000);
    expect(ra.filter((x, i) => !noLibm(x, rb[i])).length).toBeGreaterThan(1000);
  });

  const SPECIAL = [0, -0, 1, -1, Infinity, -Infinity, NaN];
  const GRID = SPECIAL.flatMap((re) => SPECIAL.map((im) => [re, im] as const));
  test.each(['<c16', '<c8'] as const)('%s: the 7×7 grid of special parts, power of every pair, sqrt exp log of each', (dt) => {
    const a = cplx(dt, GRID.flatMap((p) => GRID.map(() => p)));
    const b = cplx(dt, GRID.flatMap(() => GRID));
    const n = GRID.length * GRID.length;
    const np = numpyBits(dt, a, b, ['power']);
    const show = (i: number): string => `(${GRID[Math.floor(i / GRID.length)]}) ** (${GRID[i % GRID.length]})`;
    const runs = bothPaths(n, (lo, hi) => api.power(a.index(`${lo}:${hi}`), b.index(`${lo}:${hi}`)));
    for (const [path, got] of Object.entries(runs)) expect(compare(`${dt} ${path}`, got, np.power, () => true, show)).toEqual([]);
    // sqrt, exp, log: the grid repeated past the native minimum.
    const z = cplx(dt, [...GRID, ...GRID]);
    const npu = numpyBits(dt, z, null, ['sqrt', 'exp', 'log']);
    for (const op of ['sqrt', 'exp', 'log'] as const) {
      const runsU = bothPaths(2 * GRID.length, (lo, hi) => api[op](z.index(`${lo}:${hi}`)));
      for (const [path, got] of Object.entries(runsU)) expect(compare(`${dt} ${op} ${path}`, got, npu[op], () => true, (i) => `(${GRID[i % GRID.length]})`)).toEqual([]);
    }
  });

  test.each(['<c16', '<c8'] as const)('%s sqrt, exp and log of 3000 random values over the whole exponent range: NumPy\'s bits', (dt) => {
    const r = rng(dt === '<c16' ? 1803 : 1804);
    const spread = dt === '<c16' ? 1400 : 170;
    const z = cplx(dt, Array.from({ length: 3000 }, () => [part(r, spread), part(r, spread)] as const));
    const np = numpyBits(dt, z, null, ['sqrt', 'exp', 'log']);
    for (const op of ['sqrt', 'exp', 'log'] as const) {
      const runs = bothPaths(3000, (lo, hi) => api[op](z.index(`${lo}:${hi}`)));
      for (const [path, got] of Object.entries(runs)) expect(compare(`${dt} ${op} ${path}`, got, np[op], () => false, (i) => `element ${i}`)).toEqual([]);
    }
  });

  test('a scalar exponent (NumPy promotes a Python int or float to the array\'s complex type)', () => {
    const r = rng(1805);
    const EXPS = [-129, -99, -1, 0, 1, 2, 3, 7, 99, 100, 2.5, 1e6];
    for (const dt of ['<c16', '<c8'] as const) {
      const base = Array.from({ length: 100 }, () => [part(r, 10), part(r, 10)] as const);
      const a = cplx(dt, base);
      // NumPy's side in one call: the base once per exponent, beside that exponent.
      const want = numpyBits(dt, cplx(dt, EXPS.flatMap(() => base)), cplx(dt, EXPS.flatMap((e) => base.map(() => [e, 0] as const))), ['power']).power;
      EXPS.forEach((e, k) => {
        const got = api.power(a, e);
        expect(got.dtype.str).toBe(dt);
        const mine = want.slice(k * 200, (k + 1) * 200);
        expect(compare(`${dt} ** ${e}`, got, mine, () => Number.isInteger(e) && Math.abs(e) < 100, (i) => `element ${i}`)).toEqual([]);
      });
    }
  });
});
