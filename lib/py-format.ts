/**
 * Python's printf-style `%` formatting of numbers, as NumPy's `savetxt`
 * applies its `fmt` to each row: `%[flags][width][.precision]type` with
 * flags `-+ 0#`, types `d i u` (integers; a float truncates toward zero, as
 * Python's `int()`), `o x X`, `e E f F g G` (a float's exact binary value
 * rounded half to even, as Python's correctly rounded conversions), `s`
 * (Python's `str()`: `True`, `7`, `0.1`; `r` the same, a caller that has
 * a NumPy scalar's `repr()` passes it as the value), `c` (a code point's
 * character) and `%%`. Width `*` is not read
 * from the values (NumPy never passes it one).
 *
 * JS's `toFixed`/`toExponential` are exact but round a tie up where Python
 * rounds it to even, and `toFixed` turns to exponent notation past 1e21:
 * they are used when no tie is possible (the exact decimal of `m * 2**-k`,
 * m odd, ends after k fractional digits, at a 5), otherwise the digits come
 * from the exact value as a big integer (`m * 5**k` over `10**k`).
 * @module
 */
import { constants } from 'buffer';

import { MemoryError, OverflowError, ValueError } from './errors';
import { pyFloatText } from './repr';

/** One conversion of a format string. */
export interface FormatSpec {
  flags: string;
  width: number;
  precision: number | null;
  type: string;
}

/** A format string as literal text and conversions, in order. */
export type FormatPieces = (string | FormatSpec)[];

const SPEC = /%([-+ 0#]*)(\d*)(?:\.(\d*))?([hlL]?)([diouxXeEfFgGsrc%])/g;

/**
 * The pieces of `fmt`; a `%` that starts no conversion Python knows is a ValueError, as Python's
 * "unsupported format character".
 */
export function parseFormat(fmt: string): FormatPieces {
  const out: FormatPieces = [];
  let last = 0;
  SPEC.lastIndex = 0;
  for (let m = SPEC.exec(fmt); m !== null; m = SPEC.exec(fmt)) {
    const lit = fmt.slice(last, m.index);
    if (lit.includes('%')) throw unsupported(fmt, lit.indexOf('%') + last);
    if (lit !== '') out.push(lit);
    if (m[5] === '%') {
      out.push('%');
    } else {
      out.push({ flags: m[1], width: m[2] === '' ? 0 : Number(m[2]), precision: m[3] === undefined ? null : Number(m[3] || '0'), type: m[5] });
    }
    last = m.index + m[0].length;
  }
  const tail = fmt.slice(last);
  if (tail.includes('%')) throw unsupported(fmt, tail.indexOf('%') + last);
  if (tail !== '') out.push(tail);
  return out;
}

function unsupported(fmt: string, at: number): ValueError {
  const c = fmt[at + 1];
  return c === undefined ? new ValueError('incomplete format') : new ValueError(`unsupported format character '${c}' (0x${c.charCodeAt(0).toString(16)}) at index ${at + 1}`);
}

/** How many conversions `pieces` holds. */
export function conversionCount(pieces: FormatPieces): number {
  return pieces.filter((p) => typeof p !== 'string').length;
}

/**
 * The most characters a number formatted by one conversion takes, past its
 * width and precision: a float's integer digits (309), sign, point,
 * exponent, `0x` prefix. `%s` of a number is at most 25 characters.
 */
const BODY_SLACK = 340;

/**
 * The longest text `pieces` can make of one row of numbers: its literals,
 * and each conversion's width or precision plus {@link BODY_SLACK}.
 */
export function mostCharacters(pieces: FormatPieces): number {
  let n = 0;
  for (const p of pieces) n += typeof p === 'string' ? p.length : Math.max(p.width, p.type === 's' ? 32 : (p.precision ?? 6) + BODY_SLACK);
  return n;
}

/**
 * Refuses, before anything is formatted or written, a format whose one row
 * (with `extra` more characters) could pass V8's longest string
 * (`'%.999999999f'`, `'%999999999d'` were a RangeError "Invalid string
 * length" naming nothing, after the file was opened). `what` names the caller.
 */
export function checkFormatLength(pieces: FormatPieces, extra: number, what: string, fmt: string): void {
  const most = mostCharacters(pieces) + extra;
  if (most > constants.MAX_STRING_LENGTH) {
    throw new MemoryError(`${what}: fmt ${JSON.stringify(fmt.length > 60 ? `${fmt.slice(0, 60)}...` : fmt)} makes rows of up to ${most} characters; a JavaScript string holds at most ${constants.MAX_STRING_LENGTH}`);
  }
}

/** `values` formatted into `pieces` (as many values as conversions). */
export function formatPieces(pieces: FormatPieces, values: readonly unknown[]): string {
  let s = '';
  let k = 0;
  for (const p of pieces) s += typeof p === 'string' ? p : formatValue(p, values[k++]);
  return s;
}

// ------------------------------------------------------------------ exact decimals

const F64 = new DataView(new ArrayBuffer(8));

/** |x| (finite) as `digits * 10**exp` exactly. */
function exactDecimal(x: number): { digits: bigint; exp: number } {
  F64.setFloat64(0, Math.abs(x));
  const bits = F64.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  let e2: number;
  if (e === 0) e2 = -1074;
  else {
    m |= 1n << 52n;
    e2 = e - 1075;
  }
  if (m === 0n) return { digits: 0n, exp: 0 };
  if (e2 >= 0) return { digits: m << BigInt(e2), exp: 0 };
  return { digits: m * 5n ** BigInt(-e2), exp: e2 };
}

/** n / d rounded half to even (n, d > 0). */
function roundDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  return r2 > d || (r2 === d && (q & 1n) === 1n) ? q + 1n : q;
}

/**
 * |x| = m * 2**e2 with m odd (e2 = 0 and m = 0 for zero): the exact decimal
 * of |x| ends after -e2 fractional digits, its last one a 5 when e2 < 0.
 * It says when JS's own conversions (which round a tie up) are exact: only
 * an exact decimal that stops one digit past the cut, at that 5, is a tie.
 */
function oddMantissa(x: number): { m: number; e2: number } {
  F64.setFloat64(0, Math.abs(x));
  const hi = F64.getUint32(0);
  const lo = F64.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  let e2: number;
  if (e === 0) e2 = -1074;
  else {
    m += 2 ** 52;
    e2 = e - 1075;
  }
  if (m === 0) return { m: 0, e2: 0 };
  while (m % 2 === 0) {
    m /= 2;
    e2 += 1;
  }
  return { m, e2 };
}

/**
 * The most fractional digits the exact decimal of a double has (2^-1074 has
 * 1074): past them every digit is 0, so a longer precision is that text
 * and zeros (a `%.99999999f` worked out 10^99999999 as a BigInt: minutes).
 */
const MOST_FRACTION_DIGITS = 1074;

/**
 * More than the most significant digits the exact decimal of a double has
 * (767): past them the digits are 0.
 */
const MOST_SIGNIFICANT_DIGITS = 800;

/** |x| with `p` digits after the point (Python's `%.pf` digits, no sign). */
function fixedDigits(x: number, p: number): string {
  if (p > MOST_FRACTION_DIGITS) return fixedDigits(x, MOST_FRACTION_DIGITS) + '0'.repeat(p - MOST_FRACTION_DIGITS);
  const ax = Math.abs(x);
  // Fast path: toFixed is exact below 1e21 except at a tie, which needs exactly p + 1 fractional digits.
  if (ax < 1e21 && p <= 100) {
    const { e2 } = oddMantissa(ax);
    if (e2 >= 0 || -e2 !== p + 1) return ax.toFixed(p);
  }
  const { digits, exp } = exactDecimal(x);
  const n = exp >= -p ? digits * 10n ** BigInt(exp + p) : roundDiv(digits, 10n ** BigInt(-p - exp));
  const s = n.toString().padStart(p + 1, '0');
  return p > 0 ? `${s.slice(0, s.length - p)}.${s.slice(s.length - p)}` : s;
}

/** |x| with `p` digits after the first significant one: the digits (p + 1 of them) and the decimal exponent. */
function sciParts(x: number, p: number): { mant: string; exp: number } {
  if (p > MOST_SIGNIFICANT_DIGITS) {
    const r = sciParts(x, MOST_SIGNIFICANT_DIGITS);
    return { mant: r.mant + '0'.repeat(p - MOST_SIGNIFICANT_DIGITS), exp: r.exp };
  }
  const ax = Math.abs(x);
  // Fast path: toExponential is exact except at a tie, where the exact decimal has
  // exactly p + 2 significant digits (m * 5**k for x = m * 2**-k, m odd).
  if (ax !== 0 && p <= 100) {
    const { m, e2 } = oddMantissa(ax);
    if (e2 < 0) {
      const d = Math.log10(m) + -e2 * Math.LOG10E * Math.log(5);
      const frac = d - Math.floor(d);
      if (frac > 1e-9 && frac < 1 - 1e-9 && Math.floor(d) + 1 !== p + 2) {
        const [mant, e] = ax.toExponential(p).split('e');
        return { mant: mant.replace('.', ''), exp: Number(e) };
      }
    } else if (ax < 2 ** 53) {
      // An integer: its digits are exact; a tie needs p + 2 significant digits ending in 5.
      const sig = String(ax).replace(/0+$/, '');
      if (!(sig.length === p + 2 && sig.endsWith('5'))) {
        const [mant, e] = ax.toExponential(p).split('e');
        return { mant: mant.replace('.', ''), exp: Number(e) };
      }
    }
  }
  const { digits, exp } = exactDecimal(x);
  if (digits === 0n) return { mant: '0'.repeat(p + 1), exp: 0 };
  const d = digits.toString().length;
  const drop = d - (p + 1);
  let e10 = exp + d - 1;
  let n: bigint;
  if (drop > 0) {
    n = roundDiv(digits, 10n ** BigInt(drop));
    if (n.toString().length > p + 1) {
      n /= 10n;
      e10 += 1;
    }
  } else {
    n = digits * 10n ** BigInt(-drop);
  }
  return { mant: n.toString(), exp: e10 };
}

function expText(e: number, upper: boolean): string {
  return `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function sciText(x: number, p: number, upper: boolean, alt: boolean): string {
  const { mant, exp } = sciParts(x, p);
  return `${mant[0]}${p > 0 || alt ? '.' : ''}${mant.slice(1)}${expText(exp, upper)}`;
}

/** Python's `%g`: scientific when the exponent is below -4 or at least the precision; trailing zeros dropped unless `#`. */
function generalText(x: number, precision: number | null, upper: boolean, alt: boolean): string {
  const P = precision === null ? 6 : precision === 0 ? 1 : precision;
  const { exp } = sciParts(x, P - 1);
  let s = exp >= -4 && exp < P ? fixedDigits(x, P - 1 - exp) : sciText(x, P - 1, upper, alt);
  if (!alt) {
    const [m, e] = s.split(/(?=[eE])/);
    s = (m.includes('.') ? m.replace(/\.?0+$/, '') : m) + (e ?? '');
  } else if (!s.includes('.')) {
    const [m, e] = s.split(/(?=[eE])/);
    s = `${m}.${e ?? ''}`;
  }
  return s;
}

// ------------------------------------------------------------------ one value

function numberOf(v: unknown): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  throw new TypeError(`a number is required, not ${typeof v}`);
}

/** The sign and padding of a conversion around the digits of |value|. */
function pad(spec: FormatSpec, negative: boolean, body: string, numeric: boolean): string {
  const f = spec.flags;
  const sign = negative ? '-' : f.includes('+') ? '+' : f.includes(' ') ? ' ' : '';
  const n = sign.length + body.length;
  if (spec.width <= n) return sign + body;
  if (f.includes('-')) return (sign + body).padEnd(spec.width);
  if (f.includes('0') && numeric) return sign + body.padStart(spec.width - sign.length, '0');
  return (sign + body).padStart(spec.width);
}

/** One value formatted by one conversion, as Python's `spec % value`. */
export function formatValue(spec: FormatSpec, v: unknown): string {
  const t = spec.type;
  const alt = spec.flags.includes('#');
  if (t === 'c') {
    // Python's %c: an integer is a code point, a one-character string itself; padded as text.
    let ch: string;
    if (typeof v === 'string' && [...v].length === 1) ch = v;
    else if ((typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint') {
      const code = Number(v);
      if (code < 0 || code > 0x10ffff) throw new OverflowError('%c arg not in range(0x110000)');
      ch = String.fromCodePoint(code);
    } else throw new TypeError('%c requires int or char');
    return spec.flags.includes('-') ? ch.padEnd(spec.width) : ch.padStart(spec.width);
  }
  if (t === 's' || t === 'r') {
    const s = typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'number' ? pyFloatText(v) : String(v);
    const cut = spec.precision === null ? s : s.slice(0, spec.precision);
    return spec.flags.includes('-') ? cut.padEnd(spec.width) : cut.padStart(spec.width);
  }
  const x = numberOf(v);
  if ('diuoxX'.includes(t)) {
    let n: bigint;
    if (typeof x === 'number' && 'oxX'.includes(t) && !Number.isInteger(x)) throw new TypeError(`%${t} format: an integer is required, not float`);
    if (typeof x === 'bigint') n = x;
    else if (Number.isNaN(x)) throw new ValueError('cannot convert float NaN to integer');
    else if (!Number.isFinite(x)) throw new RangeError('cannot convert float infinity to integer');
    else n = BigInt(Math.trunc(x));
    const neg = n < 0n;
    const mag = neg ? -n : n;
    let body = t === 'o' ? mag.toString(8) : t === 'x' ? mag.toString(16) : t === 'X' ? mag.toString(16).toUpperCase() : mag.toString();
    if (spec.precision !== null) body = body.padStart(spec.precision, '0');
    if (alt && t === 'o') body = `0o${body}`;
    if (alt && (t === 'x' || t === 'X')) body = `0${t}${body}`;
    return pad(spec, neg, body, true);
  }
  const d = Number(x);
  const upper = t === 'E' || t === 'F' || t === 'G';
  const neg = d < 0 || Object.is(d, -0);
  if (!Number.isFinite(d)) {
    const body = Number.isNaN(d) ? 'nan' : 'inf';
    return pad(spec, neg && !Number.isNaN(d), upper ? body.toUpperCase() : body, true);
  }
  const p = spec.precision ?? 6;
  let body: string;
  if (t === 'f' || t === 'F') {
    body = fixedDigits(d, p);
    if (alt && p === 0) body += '.';
  } else if (t === 'e' || t === 'E') {
    body = sciText(d, p, upper, alt);
  } else {
    body = generalText(d, spec.precision, upper, alt);
  }
  return pad(spec, neg, body, true);
}
