/**
 * NumPy 2.4's `casting='same_value'` of `astype`: the cast is unsafe
 * (any numeric dtype to any other) but every value must survive it, else
 * a ValueError (`could not cast 'same_value' double to long`). What counts
 * as the same value, as NumPy's loops check it:
 * the value cast back to the source dtype equals the original (1.5 or NaN
 * into an integer, 300 into int8, 2 into bool, 0.1 into float32, 2**53 + 1
 * into float64 all fail), except that NaN stays NaN between float and
 * complex types, and a cast to bool always keeps the value (its truth);
 * complex to real also needs an imaginary part of 0 (`: imag is not 0`);
 * between signed and unsigned integers the sign is checked too (-1 into
 * uint8 is 255, which casts back to -1).
 * @module
 */
import type { NdArray } from './ndarray';
import type { DType } from './dtype';
import { ValueError } from './errors';
import { copyAs } from './copy';
import { isnan, less, logicalAnd, logicalNot, notEqual } from './ufuncs';

/** NumPy's C names of the numeric types, as its messages spell them (LP64). */
const C_NAMES: Record<string, string> = {
  b1: 'bool', i1: 'byte', u1: 'ubyte', i2: 'short', u2: 'ushort', i4: 'int', u4: 'uint', i8: 'long', u8: 'ulong',
  f2: 'half', f4: 'float', f8: 'double', c8: 'cfloat', c16: 'cdouble',
};

function cName(dt: DType): string {
  return C_NAMES[`${dt.kind}${dt.itemsize}`] ?? dt.name;
}

function anyTrue(a: NdArray): boolean {
  return a.size > 0 && (a.any().item() as boolean);
}

/** True when `dt` is a number type same_value casting knows (bool, integers, floats, complex). */
export function sameValueKind(dt: DType): boolean {
  return 'biufc'.includes(dt.kind) && !dt.isStructured && dt.shape.length === 0;
}

/**
 * Throws NumPy's ValueError when `out` (the unsafe cast of `src`) does not
 * hold the same values (see the module's notes).
 */
export function checkSameValue(src: NdArray, out: NdArray): void {
  const S = src.dtype;
  const D = out.dtype;
  const fail = (why = ''): ValueError => new ValueError(`could not cast 'same_value' ${cName(S)} to ${cName(D)}${why}`);
  // Any value has a truth value: a cast to bool keeps it (NumPy's: 2, 0.5, NaN and 1+1j are all True).
  if (D.kind === 'b') return;
  // Between a signed and an unsigned integer type the back cast wraps to the value it came from
  // (int8 -1 -> uint8 255 -> int8 -1; uint64 2^63 -> int64 -2^63 -> 2^63): the sign tells instead.
  if (S.kind === 'i' && D.kind === 'u' && anyTrue(less(src, 0))) throw fail();
  if (S.kind === 'u' && D.kind === 'i' && anyTrue(less(out, 0))) throw fail();
  let s = src;
  let o = out;
  if (S.kind === 'c' && D.kind !== 'c') {
    if (anyTrue(notEqual(src.imag, 0))) throw fail(': imag is not 0');
    s = src.real;
  }
  if (D.kind === 'c' && S.kind !== 'c') o = out.real;
  const back = copyAs(o, s.dtype, 'C');
  let changed = notEqual(back, s);
  // NaN stays NaN between float (and complex) types: not a changed value.
  if ('fc'.includes(S.kind) && 'fc'.includes(D.kind)) changed = logicalAnd(changed, logicalNot(isnan(s)));
  if (anyTrue(changed)) throw fail();
}
