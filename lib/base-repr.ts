/**
 * NumPy's `binary_repr` and `base_repr`: an integer as a string of digits.
 *
 * Both take a JS number or a bigint and work on its exact integer value (as
 * NumPy's, which turns its argument into a Python int first), so an int64
 * past 2**53 given as a bigint prints every digit. `binaryRepr` with a
 * `width` prints a negative number in two's complement of at least that
 * many bits (gh-8679: `-2**k` needs only k+1 of them); `baseRepr` prints
 * the sign and magnitude, with `padding` zeros added on the left.
 * @module
 */
import { constants } from 'buffer';

import { MemoryError, ValueError, describeValue } from './errors';

/**
 * Refuses a text `length` characters long that V8 cannot make (its longest
 * string, about 2^29 characters), before it is built: `binaryRepr(1, 1e9)`
 * was a RangeError "Invalid string length" naming nothing.
 */
function checkTextLength(length: number, fn: string, what: string): void {
  if (length > constants.MAX_STRING_LENGTH) throw new MemoryError(`${fn}(): ${what} ${length} asks for a string of ${length} characters; a JavaScript string holds at most ${constants.MAX_STRING_LENGTH}`);
}

/** The exact integer value of `num` (Python's `operator.index`): a bigint, or a safe-integer number. */
function exactInt(num: unknown, fn: string, what: string): bigint {
  if (typeof num === 'bigint') return num;
  if (typeof num === 'number' && Number.isInteger(num)) {
    if (!Number.isSafeInteger(num)) throw new RangeError(`${fn}(): ${what} ${num} is past 2**53 as a number, where it may not be the integer meant; pass a bigint`);
    return BigInt(num);
  }
  if (typeof num === 'boolean') return num ? 1n : 0n;
  throw new TypeError(`${fn}(): ${describeValue(num)} cannot be interpreted as an integer`);
}

/**
 * NumPy's `np.binary_repr(num, width=None)`: `num` in base 2. Without
 * `width` a negative number gets a minus sign; with it, its two's
 * complement in `width` bits (more when it does not fit: a ValueError, as
 * NumPy's, for a width too small).
 * @example binaryRepr(-3, 8) // '11111101'
 * @throws TypeError for a num that is not an integer; ValueError for a width too small.
 */
export function binaryRepr(num: number | bigint, width: number | null = null): string {
  const n = exactInt(num, 'binaryRepr', 'num');
  if (width !== null && (typeof width !== 'number' || !Number.isSafeInteger(width))) {
    throw new TypeError(`binaryRepr(): width must be an integer or null, got ${describeValue(width)}`);
  }
  if (width !== null) checkTextLength(width, 'binaryRepr', 'width');
  const insufficient = (binwidth: number): void => {
    if (width !== null && width < binwidth) throw new ValueError(`Insufficient bit width=${width} provided for binwidth=${binwidth}`);
  };
  if (n === 0n) return '0'.repeat(width || 1);
  if (n > 0n) {
    const binary = n.toString(2);
    insufficient(binary.length);
    return binary.padStart(width === null ? binary.length : Math.max(binary.length, width), '0');
  }
  if (width === null) return `-${(-n).toString(2)}`;
  let poswidth = (-n).toString(2).length;
  // gh-8679: -2**k fits in k+1 bits.
  if (1n << BigInt(poswidth - 1) === -n) poswidth -= 1;
  const binary = ((1n << BigInt(poswidth + 1)) + n).toString(2);
  insufficient(binary.length);
  return '1'.repeat(Math.max(binary.length, width) - binary.length) + binary;
}

/**
 * NumPy's `np.base_repr(number, base=2, padding=0)`: `number` in `base`
 * (2 to 36, digits then capital letters), its sign in front, `padding`
 * zeros added before the digits. A fractional number is truncated toward
 * zero first (Python's `int()`).
 * @example baseRepr(-255, 16, 2) // '-00FF'
 * @throws ValueError for a base outside 2..36; TypeError for a value that is not a number.
 */
export function baseRepr(number: number | bigint, base = 2, padding = 0): string {
  if (typeof base !== 'number' || !Number.isSafeInteger(base)) throw new TypeError(`baseRepr(): base must be an integer, got ${describeValue(base)}`);
  if (typeof padding !== 'number' || !Number.isSafeInteger(padding)) throw new TypeError(`baseRepr(): padding must be an integer, got ${describeValue(padding)}`);
  if (base > 36) throw new ValueError('Bases greater than 36 not handled in base_repr.');
  if (base < 2) throw new ValueError('Bases less than 2 not handled in base_repr.');
  if (typeof number === 'number' && !Number.isFinite(number)) {
    throw new (Number.isNaN(number) ? ValueError : RangeError)(`cannot convert float ${number} to integer`);
  }
  const n = typeof number === 'number' && !Number.isInteger(number) ? exactInt(Math.trunc(number), 'baseRepr', 'number') : exactInt(number, 'baseRepr', 'number');
  const mag = n < 0n ? -n : n;
  checkTextLength(padding, 'baseRepr', 'padding');
  // NumPy's sign test is on the number itself: base_repr(-0.5) is '-', its digits of int(-0.5) none.
  const negative = number < 0;
  const body = `${padding > 0 ? '0'.repeat(padding) : ''}${mag === 0n ? '' : mag.toString(base).toUpperCase()}`;
  return body === '' && !negative ? '0' : `${negative ? '-' : ''}${body}`;
}
