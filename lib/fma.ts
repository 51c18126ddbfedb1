/**
 * IEEE fusedMultiplyAdd in JS: `a · b + c` rounded once, to float64
 * ({@link fma64}) or to float32 ({@link fma32}, of float32 operands) —
 * what the native product kernel's FMA instructions compute
 * (native/gemm.cc), so its JS mirror (dot-kernel.ts) gives the same bits.
 * Exact through BigInt where a double sum would round twice; for the tests'
 * mirror, not for speed. Correct for results in the normal range and for
 * infinities and NaN; a subnormal result may differ in its last bit.
 * @module
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** `x` (finite) as an exact integer mantissa and a power of two: x = m · 2^e. */
function decompose(x: number): [bigint, number] {
  F64[0] = x;
  const bits = U64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  let e = -1074;
  if (biased !== 0) {
    m |= 0x10000000000000n;
    e = biased - 1075;
  }
  return [bits >> 63n ? -m : m, e];
}

/** x · 2^e, exact while the result is a normal double. */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** X · 2^e rounded once to `bits` significant bits (53: a double; 24: then Math.fround). */
function roundScaled(X: bigint, e: number, bits: 53 | 24): number {
  const neg = X < 0n;
  let m = neg ? -X : X;
  const keep = bits + 3;
  const len = m.toString(2).length;
  if (len > keep) {
    // Keep `keep` bits and a sticky bit for everything shifted out: the one rounding below then rounds as the exact value would.
    const sh = len - keep;
    const rest = m & ((1n << BigInt(sh)) - 1n);
    m = (m >> BigInt(sh)) | (rest !== 0n ? 1n : 0n);
    e += sh;
  }
  // 53: Number() rounds the <= 56-bit integer once (ties to even); 24: Number() is exact, Math.fround rounds once.
  const r = ldexp(Number(m), e);
  const v = neg ? -r : r;
  return bits === 24 ? Math.fround(v) : v;
}

function fused(a: number, b: number, c: number, bits: 53 | 24): number {
  const plain = a * b + c;
  // A finite product is never infinite before its rounding: an infinite c decides.
  if (Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(c)) return c;
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || a === 0 || b === 0) return bits === 24 ? Math.fround(plain) : plain;
  if (c === 0) return bits === 24 ? Math.fround(a * b) : a * b;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const X = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (X === 0n) return 0;
  return roundScaled(X, e, bits);
}

/** a · b + c rounded once to float64. */
export function fma64(a: number, b: number, c: number): number {
  return fused(a, b, c, 53);
}

/**
 * a · b + c rounded once to float32, for float32 `a`, `b`, `c`. The product
 * is exact in a double; when the double sum is exact too, one fround is
 * the single rounding.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const bb = s - p;
  if (Number.isFinite(s) && p - (s - bb) + (c - bb) === 0) return Math.fround(s);
  return fused(a, b, c, 24);
}
