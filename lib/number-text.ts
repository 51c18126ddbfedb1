/**
 * The number tokens NumPy's text readers accept (`fromfile`/`fromstring`
 * with `sep`, `loadtxt`, the numbers inside `mgrid`'s slice strings), and
 * how a float token becomes its value; and the numbers NumPy's casts from
 * bytes (`S`) read, Python's `int()`, `float()` and `complex()` of each
 * item's text (its trailing NULs already cut by the bytes codec): ASCII
 * whitespace around the text is ignored, `_` may stand between two digits,
 * `inf`, `infinity` and `nan` are read in any case; anything else is
 * NumPy's ValueError, quoting the item. One home, so the readers agree.
 * @module
 */
import { OverflowError, ValueError } from './errors';
import { bytesRepr } from './format';
import { pyStrRepr } from './npy/pylit';
import type { Complex } from './value-types';

/** An integer token: digits with an optional sign. */
export const INT_TEXT = /^[+-]?\d+$/;

/** A float token: decimal or exponent form, `inf`/`infinity`, `nan` (any case, optional sign). */
export const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/** The value of a token {@link FLOAT_TEXT} matched (JS spells infinity `Infinity`; `Number` reads `nan` as NaN). */
export function floatOfText(t: string): number {
  return Number(t.replace(/inf(inity)?$/i, 'Infinity'));
}

/** {@link FLOAT_TEXT}'s unsigned body, its words in any case spelled out (a complex token's `j` is lower case only). */
const REAL = '(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])';
const REAL_IMAG = new RegExp(`^([+-]?${REAL})([+-]${REAL})j$`);
const IMAG = new RegExp(`^([+-]?${REAL})j$`);

/** A complex token of NumPy's text readers: a real, `real+imagj` or `imagj` (no spaces, no parentheses, `j` only). */
export const COMPLEX_TEXT = new RegExp(`^[+-]?${REAL}(?:[+-]${REAL}j)?$|^[+-]?${REAL}j$`);

/** The value of a token {@link COMPLEX_TEXT} matched. */
export function complexOfText(t: string): Complex {
  let m = REAL_IMAG.exec(t);
  if (m !== null) return { re: floatOfText(m[1]), im: floatOfText(m[2]) };
  m = IMAG.exec(t);
  if (m !== null) return { re: 0, im: floatOfText(m[1]) };
  return { re: floatOfText(t), im: 0 };
}

/** Digits with single underscores between them. */
const DIGITS = '[0-9](?:_?[0-9])*';
/** An unsigned decimal or special float literal (Python's float grammar). */
const UNSIGNED_FLOAT = `(?:inf(?:inity)?|nan|(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?)`;
/** Python's bytes whitespace: space, \t, \n, \v, \f, \r. */
const WS = '[ \\t\\n\\v\\f\\r]*';

const INT = new RegExp(`^${WS}([+-]?)(${DIGITS})${WS}$`);
const FLOAT = new RegExp(`^${WS}([+-]?${UNSIGNED_FLOAT})${WS}$`, 'i');
const REAL_ONLY = new RegExp(`^([+-]?${UNSIGNED_FLOAT})$`, 'i');
const IMAG_ONLY = new RegExp(`^([+-]?)(${UNSIGNED_FLOAT})?j$`, 'i');
const BOTH = new RegExp(`^([+-]?${UNSIGNED_FLOAT})([+-])(${UNSIGNED_FLOAT})?j$`, 'i');

const text = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');

/** `s` without the whitespace {@link WS} names at either end (String's trim() cuts Unicode's too). */
const trimWs = (s: string): string => s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

/** A float literal matched by the grammar above (sign and underscores included) as a number. */
function literal(s: string): number {
  return floatOfText(s.replace(/_/g, ''));
}

/** Python's `int(b)` in base 10. */
export function parseIntBytes(b: Uint8Array): bigint {
  return intOf(text(b), () => bytesRepr(b));
}

/** Python's `int(s)` of a str in base 10 (NumPy's str -> integer conversion: `np.array('12', 'i4')`). */
export function parseIntString(s: string): bigint {
  return intOf(s, () => pyStrRepr(s));
}

function intOf(s: string, quoted: () => string): bigint {
  const m = INT.exec(s);
  if (m === null) throw new ValueError(`invalid literal for int() with base 10: ${quoted()}`);
  const v = BigInt(m[2].replace(/_/g, ''));
  return m[1] === '-' ? -v : v;
}

/**
 * `v` stored into an integer type of `bits` bits, or NumPy's OverflowError:
 * Python's own past a C long (uint32 and uint64: past 64 unsigned bits), otherwise
 * NumPy's bounds of the type.
 */
export function checkedInt(v: bigint, bits: number, signed: boolean): bigint {
  // NumPy converts to a C long, or for uint32 and uint64 to a C unsigned long.
  const cLong = v >= -(2n ** 63n) && v < (signed || bits < 32 ? 2n ** 63n : 2n ** 64n);
  if (!cLong) throw new OverflowError('Python int too large to convert to C long');
  const lo = signed ? -(2n ** BigInt(bits - 1)) : 0n;
  const hi = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
  if (v < lo || v > hi) throw new OverflowError(`Python integer ${v} out of bounds for ${signed ? 'int' : 'uint'}${bits}`);
  return v;
}

/** Python's `float(b)`: correctly rounded to a double, as JS's own parse is. */
export function parseFloatBytes(b: Uint8Array): number {
  const m = FLOAT.exec(text(b));
  if (m === null) throw new ValueError(`could not convert string to float: np.bytes_(${bytesRepr(b)})`);
  return literal(m[1]);
}

/** Python's `float(s)` of a str (NumPy's str -> float conversion). */
export function parseFloatString(s: string): number {
  const m = FLOAT.exec(s);
  if (m === null) throw new ValueError(`could not convert string to float: ${pyStrRepr(s)}`);
  return literal(m[1]);
}

/** Python's `complex(s)` of a str (NumPy's str -> complex conversion). */
export function parseComplexString(s: string): Complex {
  const parsed = complexOf(s);
  if (parsed !== null) return parsed;
  throw new ValueError(s.includes('_') ? `could not convert string to complex: ${pyStrRepr(s)}` : 'complex() arg is a malformed string');
}

/**
 * Python's UnicodeDecodeError (a ValueError) for the first byte of `b` that
 * is not UTF-8, or null when `b` decodes.
 */
function utf8Error(b: Uint8Array): ValueError | null {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    let reason = n < 0 ? 'invalid start byte' : '';
    for (let k = 1; reason === '' && k <= n; k++) {
      if (i + k >= b.length) reason = 'unexpected end of data';
      else {
        const d = b[i + k];
        // The second byte's range excludes overlong forms and surrogates, as Python's decoder does.
        const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
        const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
        if (d < lo || d > hi) reason = 'invalid continuation byte';
      }
    }
    if (reason !== '') {
      const e = new ValueError(`'utf-8' codec can't decode byte 0x${c.toString(16).padStart(2, '0')} in position ${i}: ${reason}`);
      e.name = 'UnicodeDecodeError';
      return e;
    }
    i += n + 1;
  }
  return null;
}

/**
 * Python's `complex()` of the item's text: `1`, `2j`, `-j`, `1.5-2e3J`,
 * `(1+2j)`. NumPy decodes the item as UTF-8 first; a malformed text that
 * holds an underscore is Python's "could not convert" error, quoting it.
 */
export function parseComplexBytes(b: Uint8Array): Complex {
  const bad = utf8Error(b);
  if (bad !== null) throw bad;
  const str = Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8');
  const parsed = complexOf(str);
  if (parsed !== null) return parsed;
  throw new ValueError(str.includes('_') ? `could not convert string to complex: ${pyStrRepr(str)}` : 'complex() arg is a malformed string');
}

function complexOf(str: string): Complex | null {
  let s = trimWs(str);
  if (s.startsWith('(') && s.endsWith(')')) s = trimWs(s.slice(1, -1));
  let m = REAL_ONLY.exec(s);
  if (m !== null) return { re: literal(m[1]), im: 0 };
  m = IMAG_ONLY.exec(s);
  if (m !== null) return { re: 0, im: (m[1] === '-' ? -1 : 1) * (m[2] === undefined ? 1 : literal(m[2])) };
  m = BOTH.exec(s);
  if (m !== null) return { re: literal(m[1]), im: (m[2] === '-' ? -1 : 1) * (m[3] === undefined ? 1 : literal(m[3])) };
  return null;
}
