/**
 * The decimal digits of a float as NumPy's Dragon4 prints them
 * (numpy/_core/src/multiarray/dragon4.c, through `np.format_float_positional`
 * and `np.format_float_scientific`): the shortest digits that identify the
 * value among those of its own type (float16, float32 or float64), or its
 * exact binary value rounded at a digit, half to even. The exact rounding is
 * done on the value's integer significand and exponent in BigInt, so a tie
 * (`0.125` to two digits) goes to the even digit (`0.12`), where
 * `toFixed` would round it up.
 * @module
 */
import { float16Bits, float16Value } from './dtype/float16';

/** Digits `d0 d1 d2 …` (no leading zero unless the value is 0) and the decimal exponent of d0. */
export interface Digits {
  digits: string;
  exp: number;
}

/** How a float is printed (Dragon4's arguments). */
export interface Dragon4Options {
  /** Digits after the point (positional) or after the first digit (scientific); -1: no limit. */
  precision: number;
  /** Shortest digits that round-trip (capped at `precision`), else the exact value rounded at `precision`. */
  unique: boolean;
  /** Positional only: `precision` counts digits after the point (true) or significant digits (false). */
  fractional: boolean;
  /** 'k' keep trailing zeros, '.' drop them, '0' drop them but keep one after the point, '-' drop them and the point. */
  trim: 'k' | '.' | '0' | '-';
  /** A '+' before non-negative values. */
  sign: boolean;
  /** Pad the part before the point to this many characters (-1: none). */
  padLeft: number;
  /** Positional only: pad the digits after the point to this many characters (-1: none). */
  padRight: number;
  /** Scientific only: at least this many exponent digits (-1: two). */
  expDigits: number;
  /** At least this many digits (after the point, or significant where not fractional), the exact value's (-1: none). */
  minDigits: number;
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** |x| as m * 2^e exactly (x finite, non-zero). */
function binaryParts(x: number): { m: bigint; e: number } {
  F64[0] = x;
  const bits = U64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  return biased === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: biased - 1075 };
}

/** round(|x| * 10^k), half to even, exactly. */
function scaledRound(x: number, k: number): bigint {
  const { m, e } = binaryParts(x);
  let num = m;
  let den = 1n;
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** The digits of |x| rounded at `p` digits after the point (p >= 0), half to even; trailing zeros kept. */
export function fixedDigits(x: number, p: number): Digits {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  const q = scaledRound(x, p);
  if (q === 0n) return { digits: '0'.repeat(p + 1), exp: 0 };
  const s = q.toString();
  return { digits: s, exp: s.length - 1 - p };
}

/** The digits of |x| rounded to `p + 1` significant digits (p >= 0), half to even; trailing zeros kept. */
export function scientificDigits(x: number, p: number): Digits {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  for (let tries = 0; tries < 4; tries++) {
    const s = scaledRound(x, p - exp).toString();
    if (s.length === p + 2) {
      // A carry into a new digit (9.99 -> 10.0), or log10 one low.
      if (/^10*$/.test(s)) return { digits: s.slice(0, p + 1), exp: exp + 1 };
      exp++;
    } else if (s.length <= p) {
      exp--;
    } else {
      return { digits: s, exp };
    }
  }
  throw new Error('scientificDigits: no exponent found');
}

/** Shortest digits of |x| that round-trip in a float of `itemsize` bytes (2, 4 or 8); no trailing zeros. */
export function shortestDigits(x: number, itemsize: number): Digits {
  const ax = Math.abs(x);
  let text: string;
  if (itemsize === 8 || ax === 0) {
    text = ax.toExponential();
  } else {
    const back = itemsize === 4 ? (y: number): number => Math.fround(y) : (y: number): number => float16Value(float16Bits(y));
    const maxDigits = itemsize === 4 ? 9 : 5;
    text = '';
    for (let p = 1; p <= maxDigits && text === ''; p++) {
      const d = scientificDigits(ax, p - 1);
      // The nearest p-digit decimal; where two are as near, Dragon4 keeps the even one (scientificDigits' tie rule).
      if (back(Number(`${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`)) === ax) text = `${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`;
    }
  }
  const [mant, e] = text.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) };
}

/** Digits after the point of `d` written positionally. */
function fracLength(d: Digits): number {
  return Math.max(0, d.digits.length - 1 - d.exp);
}

/** Dragon4's digits for the positional form. */
function positionalDigits(x: number, itemsize: number, o: Dragon4Options): { d: Digits; keep: number } {
  const ax = Math.abs(x);
  const p = o.precision;
  let d: Digits;
  if (o.fractional) {
    if (o.unique) {
      d = shortestDigits(ax, itemsize);
      if (p >= 0 && fracLength(d) > p) d = fixedDigits(ax, p);
    } else {
      d = fixedDigits(ax, p);
    }
    if (o.minDigits > 0 && fracLength(d) < o.minDigits) d = fixedDigits(ax, o.minDigits);
    return { d, keep: o.minDigits > 0 ? o.minDigits : 0 };
  }
  // Significant digits.
  if (o.unique) {
    d = shortestDigits(ax, itemsize);
    if (p >= 0 && d.digits.length > p) d = scientificDigits(ax, Math.max(p, 1) - 1);
  } else {
    d = scientificDigits(ax, Math.max(p, 1) - 1);
  }
  if (o.minDigits > 0 && d.digits.length < o.minDigits) d = scientificDigits(ax, o.minDigits - 1);
  return { d, keep: o.minDigits > 0 ? Math.max(0, o.minDigits - 1 - d.exp) : 0 };
}

/** Trailing zeros of `frac` past `keep` digits trimmed as `trim` says; null: no point either. */
function trimmed(frac: string, keep: number, trim: Dragon4Options['trim']): string | null {
  if (trim === 'k') return frac;
  let f = frac;
  while (f.length > keep && f.endsWith('0')) f = f.slice(0, -1);
  if (f === '' && trim === '0') return '0';
  if (f === '' && trim === '-') return null;
  return f;
}

function signText(x: number, sign: boolean): string {
  return x < 0 || Object.is(x, -0) ? '-' : sign ? '+' : '';
}

/** A finite x positionally, as Dragon4 writes it (`1.5`, `0.001`, `-0.`, `+12.30`). */
export function positionalText(x: number, itemsize: number, o: Dragon4Options): string {
  const { d, keep } = positionalDigits(x, itemsize, o);
  let int: string;
  let frac: string;
  if (/^0+$/.test(d.digits)) {
    int = '0';
    frac = d.digits.slice(1);
  } else if (d.exp >= 0) {
    int = d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, '0');
    frac = d.digits.slice(d.exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-d.exp - 1) + d.digits;
  }
  const f = trimmed(frac, keep, o.trim);
  const left = `${signText(x, o.sign)}${int}`.padStart(o.padLeft);
  if (f === null) return left;
  return `${left}.${o.padRight >= 0 ? f.padEnd(o.padRight) : f}`;
}

/** A finite x in scientific notation, as Dragon4 writes it (`1.5e+10`, `-1.e-05`). */
export function scientificText(x: number, itemsize: number, o: Dragon4Options): string {
  const ax = Math.abs(x);
  const p = o.precision;
  let d: Digits;
  if (o.unique) {
    d = shortestDigits(ax, itemsize);
    if (p >= 0 && d.digits.length - 1 > p) d = scientificDigits(ax, p);
  } else {
    d = scientificDigits(ax, p);
  }
  if (o.minDigits > 0 && d.digits.length - 1 < o.minDigits) d = scientificDigits(ax, o.minDigits);
  const exp = ax === 0 ? 0 : d.exp;
  const f = trimmed(d.digits.slice(1), Math.max(0, o.minDigits), o.trim);
  const left = `${signText(x, o.sign)}${d.digits[0]}`.padStart(o.padLeft);
  const expText = `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(o.expDigits >= 0 ? o.expDigits : 2, '0')}`;
  return f === null ? `${left}${expText}` : `${left}.${f}${expText}`;
}
