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
import { ValueError } from './errors';
import { positionalOptions } from './options';

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

/** |x| * 10^k exactly, as the fraction num / den. */
function scaled(x: number, k: number): { num: bigint; den: bigint } {
  const { m, e } = binaryParts(x);
  let num = m;
  let den = 1n;
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  return { num, den };
}

/**
 * |x| cut at `k` digits after the point (k < 0: before it) as Dragon4 cuts
 * it: the exact value's digits to that place, rounded half to even; the
 * zeros a carry leaves (0.0996 to two places: `1`, not `10`) and those past
 * the end of an exact value (0.5: `5`) are not digits, the zeros of the
 * exact value itself are (0.10000000001 to three places: `100`).
 */
function cutAt(x: number, k: number): Digits {
  if (k > MAX_TEXT) throw tooLarge();
  if (x === 0) return { digits: '0', exp: 0 };
  const { num, den } = scaled(x, k);
  const q = num / den;
  const r = num % den;
  const up = r * 2n > den || (r * 2n === den && (q & 1n) === 1n);
  const d = up ? q + 1n : q;
  // A value cut to zero still has its k zero digits after the point (1e-30 to two places: 0.00).
  if (d === 0n) return { digits: '0'.repeat(Math.max(k, 0) + 1), exp: 0 };
  const full = d.toString();
  const digits = up || r === 0n ? full.replace(/0+$/, '') : full;
  return { digits, exp: full.length - 1 - k };
}

/**
 * The longest text Dragon4 writes (NumPy's buffer of 16384 bytes): a
 * positional text past it is NumPy's "Float formatting result too large",
 * checked before any digit is computed where the cut-off or a padding alone
 * passes it (a precision of 2^31 would otherwise build a 2^31-digit power
 * of ten).
 */
const MAX_TEXT = 16383;

function tooLarge(): RangeError {
  return new RangeError('Float formatting result too large (more than 16383 characters)');
}

/** |x| cut after `p` digits past its first significant one (Dragon4's scientific cutoff; see cutAt). */
function cutSignificant(x: number, p: number): Digits {
  if (x === 0) return { digits: '0', exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  // log10 may be one off near a power of ten: the exponent is that of the exact value's first digit.
  for (let tries = 0; tries < 4; tries++) {
    const k = p - exp;
    const { num, den } = scaled(x, k);
    const len = (num / den).toString().length;
    if (len === p + 1) return cutAt(x, k);
    exp += len > p + 1 ? 1 : -1;
  }
  throw new Error('cutSignificant: no exponent found');
}

/** The nearest decimal of `p + 1` significant digits to |x|, half to even (for the shortest search). */
function nearestSignificant(x: number, p: number): string {
  const d = cutSignificant(x, p);
  return `${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`;
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
      // The nearest p-digit decimal; where two are as near, Dragon4 keeps the even one.
      const t = nearestSignificant(ax, p - 1);
      if (back(Number(t)) === ax) text = t;
    }
  }
  const [mant, e] = text.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: digits === '0' ? 0 : Number(e) };
}

/** Digits after the point of `d` written positionally. */
function fracLength(d: Digits): number {
  return Math.max(0, d.digits.length - 1 - d.exp);
}

/** `d` as the parts before and after the point. */
function positionalParts(d: Digits): [string, string] {
  if (d.digits === '0') return ['0', ''];
  if (d.exp >= 0) return [d.digits.slice(0, d.exp + 1).padEnd(d.exp + 1, '0'), d.digits.slice(d.exp + 1)];
  return ['0', '0'.repeat(-d.exp - 1) + d.digits];
}

/**
 * The digits after the point as `trim` leaves them (null: no point
 * either): 'k' pads them with zeros to `want`, the others drop trailing
 * zeros ('0' keeps one digit, '-' drops the point when none is left).
 */
function trimmed(frac: string, want: number, trim: Dragon4Options['trim']): string | null {
  if (trim === 'k') return frac.padEnd(want, '0');
  const f = frac.replace(/0+$/, '');
  if (f === '' && trim === '0') return '0';
  if (f === '' && trim === '-') return null;
  return f;
}

function signText(x: number, sign: boolean): string {
  return x < 0 || Object.is(x, -0) ? '-' : sign ? '+' : '';
}

/** A finite x positionally, as Dragon4 writes it (`1.5`, `0.001`, `-0.`, `+12.30`). */
export function positionalText(x: number, itemsize: number, o: Dragon4Options): string {
  if (o.padLeft > MAX_TEXT || o.padRight > MAX_TEXT || o.minDigits > MAX_TEXT || (!o.unique && o.precision > MAX_TEXT)) throw tooLarge();
  const text = positionalUnchecked(x, itemsize, o);
  if (text.length > MAX_TEXT) throw tooLarge();
  return text;
}

function positionalUnchecked(x: number, itemsize: number, o: Dragon4Options): string {
  const ax = Math.abs(x);
  const p = o.precision;
  let d: Digits;
  if (o.fractional) {
    d = o.unique ? shortestDigits(ax, itemsize) : cutAt(ax, p);
    if (o.unique && p >= 0 && fracLength(d) > p) d = cutAt(ax, p);
    // min_digits (unique mode only): the exact value's digits to that place, at most to the cut-off.
    // Given at all (0 too), it also makes the whole part exact where the shortest digits end before the point
    // (float32's max: 340282346638528859811704183484516925440., not 340282350000000000000000000000000000000.).
    if (o.unique && o.minDigits >= 0 && (o.minDigits > fracLength(d) || d.exp + 1 > d.digits.length)) d = cutAt(ax, p >= 0 ? Math.min(o.minDigits, p) : o.minDigits);
  } else {
    d = o.unique ? shortestDigits(ax, itemsize) : cutSignificant(ax, p - 1);
    if (o.unique && p >= 0 && d.digits.length > p) d = cutSignificant(ax, p - 1);
    if (o.unique && o.minDigits > d.digits.length) d = cutSignificant(ax, (p >= 0 ? Math.min(o.minDigits, p) : o.minDigits) - 1);
  }
  const [int, frac] = positionalParts(d);
  const whole = d.digits === '0' || d.exp < 0 ? 1 : d.exp + 1;
  const byPrecision = !o.unique && p >= 0 ? (o.fractional ? p : p - whole) : 0;
  const byMin = o.unique && o.minDigits >= 0 ? (o.fractional ? o.minDigits : o.minDigits - whole) : 0;
  const f = trimmed(frac, Math.max(byPrecision, byMin), o.trim);
  const left = `${signText(x, o.sign)}${int}`.padStart(o.padLeft);
  if (f === null) return o.padRight >= 0 ? `${left} ${' '.repeat(o.padRight)}` : left;
  return `${left}.${o.padRight >= 0 ? f.padEnd(o.padRight) : f}`;
}

/** A finite x in scientific notation, as Dragon4 writes it (`1.5e+10`, `-1.e-05`). */
export function scientificText(x: number, itemsize: number, opts: Dragon4Options): string {
  // NumPy caps the digits after the first at 16381 and the exponent's digits at 5 (no error).
  const o = { ...opts, precision: Math.min(opts.precision, MAX_TEXT - 2), minDigits: Math.min(opts.minDigits, MAX_TEXT - 2), expDigits: Math.min(opts.expDigits, 5) };
  if (o.padLeft > MAX_TEXT) throw tooLarge();
  const ax = Math.abs(x);
  const p = o.precision;
  let d = o.unique ? shortestDigits(ax, itemsize) : cutSignificant(ax, p);
  if (o.unique && p >= 0 && d.digits.length - 1 > p) d = cutSignificant(ax, p);
  if (o.unique && o.minDigits > d.digits.length - 1) d = cutSignificant(ax, p >= 0 ? Math.min(o.minDigits, p) : o.minDigits);
  const frac = d.digits.slice(1);
  let f = trimmed(frac, !o.unique ? Math.max(p, 0) : Math.max(o.minDigits, 0), o.trim);
  // (Scientific keeps the point where digits after it were trimmed away: 1.0000000001 to three, '-': '1.e+00'.)
  if (f === null && frac !== '') f = '';
  const left = `${signText(x, o.sign)}${d.digits[0]}`.padStart(o.padLeft);
  // The exponent's digits without leading zeros (none for 0), padded with zeros to expDigits (2).
  const expText = `e${d.exp < 0 ? '-' : '+'}${(d.exp === 0 ? '' : String(Math.abs(d.exp))).padStart(o.expDigits >= 0 ? o.expDigits : 2, '0')}`;
  return f === null ? `${left}${expText}` : `${left}.${f}${expText}`;
}

// ------------------------------------------------------------------ NumPy's format_float_* functions

/** The options of {@link formatFloatPositional} (NumPy's keywords, camelCased). */
export interface FormatFloatPositionalOptions {
  /** At most this many digits after the point (significant digits where `fractional` is false); null: as many as `unique` needs. */
  precision?: number | null;
  /** Shortest digits that identify the value (true), or its exact value cut at `precision` (false; `precision` required). */
  unique?: boolean;
  /** `precision` counts digits after the point (true) or significant digits (false). */
  fractional?: boolean;
  /** 'k' keep trailing zeros, '.' drop them, '0' drop them but keep one digit, '-' drop them and the point. */
  trim?: 'k' | '.' | '0' | '-';
  /** A '+' before non-negative values. */
  sign?: boolean;
  /** Pad the part before the point with spaces to this width. */
  padLeft?: number | null;
  /** Pad the digits after the point with spaces to this width. */
  padRight?: number | null;
  /** Unique mode only: at least this many digits (after the point, or significant where not fractional), the exact value's, then zeros under trim 'k'; never past `precision`. */
  minDigits?: number | null;
}

/** The options of {@link formatFloatScientific} (NumPy's keywords, camelCased). */
export interface FormatFloatScientificOptions {
  /** At most this many digits after the first; null: as many as `unique` needs. */
  precision?: number | null;
  /** Shortest digits that identify the value (true), or its exact value cut at `precision` (false). */
  unique?: boolean;
  /** As {@link FormatFloatPositionalOptions.trim}, for the digits after the first. */
  trim?: 'k' | '.' | '0' | '-';
  /** A '+' before non-negative values. */
  sign?: boolean;
  /** Pad the part before the point with spaces to this width. */
  padLeft?: number | null;
  /** At least this many exponent digits (2 when not given). */
  expDigits?: number | null;
  /** Unique mode only: at least this many digits after the first, the exact value's, then zeros under trim 'k'; never past `precision`. */
  minDigits?: number | null;
}

/** The float and its size: a JS number is a float64; a 0-d float array gives its own type (float16, float32, float64). */
function floatArgument(fn: string, x: unknown): { value: number; itemsize: number } {
  if (typeof x === 'number') return { value: x, itemsize: 8 };
  const a = x as { ndim?: unknown; dtype?: { kind?: unknown; itemsize?: unknown }; get?: () => unknown };
  if (x !== null && typeof x === 'object' && a.ndim === 0 && a.dtype?.kind === 'f' && typeof a.get === 'function') {
    return { value: a.get() as number, itemsize: a.dtype.itemsize as number };
  }
  throw new TypeError(`${fn}(): x must be a float: a number or a 0-d float array`);
}

/** NumPy's `_none_or_positive_arg`: -1 for null/undefined, the integer itself, or NumPy's ValueError for a negative one. */
function noneOrPositive(v: unknown, name: string): number {
  if (v === null || v === undefined) return -1;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${name} must be an integer`);
  if (v < 0) throw new ValueError(`${name} must be >= 0`);
  return v;
}

function checkTrim(v: unknown): Dragon4Options['trim'] {
  if (v === 'k' || v === '.' || v === '0' || v === '-') return v;
  throw new TypeError(`if supplied, trim must be 'k', '.', '0' or '-' found \`${String(v)}\``);
}

/** NumPy's text of a non-finite float in format_float_*: `nan`, `inf`, `+inf` with `sign`, `-inf`. */
function nonFiniteText(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : sign ? '+inf' : 'inf';
}

/**
 * The options both format functions share, checked as NumPy's
 * (`_none_or_positive_arg`, min_digits against precision, a precision for
 * non-unique mode, the trim mode); an option not among `keys` is refused.
 */
function commonOptions(fn: string, keys: readonly string[], o: FormatFloatPositionalOptions & FormatFloatScientificOptions): Dragon4Options {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  const precision = noneOrPositive(o.precision, 'precision');
  const padLeft = noneOrPositive(o.padLeft, 'pad_left');
  const minDigits = noneOrPositive(o.minDigits, 'min_digits');
  if (minDigits > 0 && precision > 0 && minDigits > precision) throw new ValueError('min_digits must be less than or equal to precision');
  const unique = o.unique ?? true;
  if (!unique && precision < 0) throw new TypeError('in non-unique mode `precision` must be supplied');
  const trim = checkTrim(o.trim ?? 'k');
  const sign = Boolean(o.sign ?? false);
  return { precision, unique, fractional: true, trim, sign, padLeft, padRight: -1, expDigits: -1, minDigits };
}

/**
 * NumPy's `np.format_float_positional(x, precision, unique, fractional,
 * trim, sign, pad_left, pad_right, min_digits)`: a float in positional
 * notation by the Dragon4 algorithm, positionally or in an options object.
 * `x` is a float64 as a JS number, or a 0-d float16/float32/float64 array
 * (the shortest digits are its own type's: `0.1` as float32 is `'0.1'`).
 *
 * ```ts
 * formatFloatPositional(0.125, 2, false)  // '0.12' (half to even)
 * formatFloatPositional(array(Math.PI, 'float32'))  // '3.1415927'
 * ```
 *
 * @throws ValueError for a negative precision, padding or minDigits, minDigits above precision,
 *   precision 0 with `fractional: false`.
 * @throws TypeError without a precision where `unique` is false, for an unknown `trim`, for an x that is not a float.
 */
export function formatFloatPositional(x: number | object, ...args: unknown[]): string {
  const f = floatArgument('formatFloatPositional', x);
  const keys = ['precision', 'unique', 'fractional', 'trim', 'sign', 'padLeft', 'padRight', 'minDigits'] as const;
  const o = positionalOptions<FormatFloatPositionalOptions>('formatFloatPositional', keys, args);
  const d = commonOptions('formatFloatPositional', keys, o);
  d.padRight = noneOrPositive(o.padRight, 'pad_right');
  d.fractional = o.fractional ?? true;
  if (!d.fractional && d.precision === 0) throw new ValueError('precision must be greater than 0 if fractional=False');
  if (!Number.isFinite(f.value)) return nonFiniteText(f.value, d.sign);
  return positionalText(f.value, f.itemsize, d);
}

/**
 * NumPy's `np.format_float_scientific(x, precision, unique, trim, sign,
 * pad_left, exp_digits, min_digits)`: a float in scientific notation by the
 * Dragon4 algorithm (`'1.5e+10'`), positionally or in an options object;
 * `x` as for {@link formatFloatPositional}.
 *
 * @throws ValueError for a negative precision, padding, expDigits or minDigits, minDigits above precision.
 * @throws TypeError without a precision where `unique` is false, for an unknown `trim`, for an x that is not a float.
 */
export function formatFloatScientific(x: number | object, ...args: unknown[]): string {
  const f = floatArgument('formatFloatScientific', x);
  const keys = ['precision', 'unique', 'trim', 'sign', 'padLeft', 'expDigits', 'minDigits'] as const;
  const o = positionalOptions<FormatFloatScientificOptions>('formatFloatScientific', keys, args);
  const d = commonOptions('formatFloatScientific', keys, o);
  d.expDigits = noneOrPositive(o.expDigits, 'exp_digits');
  if (!Number.isFinite(f.value)) return nonFiniteText(f.value, d.sign);
  return scientificText(f.value, f.itemsize, d);
}
