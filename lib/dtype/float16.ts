/**
 * IEEE 754 binary16 ("half", NumPy's `float16`) to and from JS numbers.
 *
 * Encoding rounds the exact float64 value once, half to even, as NumPy's
 * `npy_double_to_half` does. Going through `Math.fround` first would round
 * twice and get ties wrong (e.g. 2049 + 2^-13 rounds up in one step but
 * lands on the tie 2048.5 → 2048 after float32), so the float64 bits are
 * taken apart directly.
 * @module
 */

// One scratch cell to see a float64's sign and NaN payload; JS is single
// threaded and nothing here re-enters, so sharing it is safe.
const scratch = new DataView(new ArrayBuffer(8));

/** Largest finite float16, 65504. */
export const FLOAT16_MAX = 65504;
/** Smallest positive float16 subnormal, 2^-24. */
export const FLOAT16_MIN_SUBNORMAL = 2 ** -24;

/** Rounds a non-negative number with few significant bits to an integer, ties to even. */
function roundHalfEven(q: number): number {
  const f = Math.floor(q);
  const d = q - f; // exact: q has at most 53 significant bits and f its integer part
  return d > 0.5 || (d === 0.5 && (f & 1) === 1) ? f + 1 : f;
}

/** Encodes a number as float16 bits (0..0xffff), rounding half to even; overflow gives ±inf. */
export function float16Bits(x: number): number {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const sign = (hi >>> 16) & 0x8000;
  if (x !== x) {
    // NaN: keep the top payload bits as NumPy does, but never let it become inf.
    const payload = ((hi & 0xfffff) >>> 10) | 0x7c00;
    return sign | (payload === 0x7c00 ? 0x7c01 : payload);
  }
  const a = Math.abs(x);
  // 65520 is the midpoint between 65504 and 2^16: it and everything above round to inf.
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) {
    // Subnormal (or zero): units of 2^-24; a result of 0x400 is the smallest normal, correctly.
    return sign | roundHalfEven(a * 2 ** 24);
  }
  const e = ((hi >>> 20) & 0x7ff) - 1023; // a is a normal float64 here
  let m = roundHalfEven((a / 2 ** e - 1) * 1024); // dividing by 2^e is exact
  let exp = e + 15;
  if (m === 1024) {
    m = 0;
    exp += 1;
  }
  return sign | (exp << 10) | m;
}

/**
 * A NaN with the sign bit set. JS cannot spell one, but typed arrays and
 * DataView writes keep it, so a negative float16 NaN cast to float32/64 stays
 * negative (signbit sees it), as NumPy's `npy_halfbits_to_doublebits` keeps it.
 */
export const NEGATIVE_NAN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];

/**
 * Decodes float16 bits (the low 16 bits of `bits`) to the exact number they
 * denote; a NaN keeps its sign and its payload in the top mantissa bits, as
 * NumPy's `npy_halfbits_to_doublebits` does, so arithmetic that passes an
 * input NaN through (x86 keeps the first NaN operand) stores back the same
 * bits (fuzz seed 8532: floor_divide of the float16 NaN 0xffff stays 0xffff).
 * JS guarantees no payload, so this is best effort: V8 keeps it.
 */
export function float16Value(bits: number): number {
  const exp = (bits >>> 10) & 0x1f;
  const m = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * m * 2 ** -24;
  if (exp === 31) {
    if (m === 0) return sign * Infinity;
    scratch.setUint32(0, (bits & 0x8000 ? 0x80000000 : 0) | 0x7ff00000 | (m << 10));
    scratch.setUint32(4, 0);
    return scratch.getFloat64(0);
  }
  return sign * (1024 + m) * 2 ** (exp - 25);
}
