/**
 * NumPy's questions about which dtype holds some values: `np.min_scalar_type`
 * (the smallest dtype that holds one value) and `np.common_type` (the
 * inexact dtype arrays share). Both answer with a DType in the machine's
 * byte order, as NumPy's do (it builds them from type numbers); the
 * promotion of operands itself is {@link resultType}'s (promote.ts).
 * @module
 */
import { dtype as toDType, type DType } from './dtype';
import { asAnyArray } from './stack-helpers';
import { requireArray, requireOpen } from './internal';

// NumPy's min_scalar_type_num bounds (convert_datatype.c): a float fits half
// strictly inside ±65000 (or when not finite), single inside ±3.4e38.
const HALF_BOUND = 65000;
const SINGLE_BOUND = 3.4e38;

/** The smallest unsigned (value >= 0) or signed integer dtype that holds `v`. */
function minIntegerType(v: bigint): string {
  if (v >= 0n) return v <= 0xffn ? 'u1' : v <= 0xffffn ? 'u2' : v <= 0xffffffffn ? 'u4' : 'u8';
  return v >= -0x80n ? 'i1' : v >= -0x8000n ? 'i2' : v >= -0x80000000n ? 'i4' : 'i8';
}

/** Whether `x` lies strictly inside ±bound (false for NaN and ±inf). */
const inside = (x: number, bound: number): boolean => x > -bound && x < bound;

/**
 * NumPy's `np.min_scalar_type(a)`: for one number (or a 0-d array) the
 * smallest dtype of its kind that holds its value — an integer at or above
 * 0 the smallest unsigned one (`300` is uint16, `-300` int16), a float the
 * smallest float whose range holds it (precision may be lost: `3.1` is
 * float16, `1e5` float32; NaN and ±inf are float16), complex complex64
 * when both parts fit float32's range. An array of one or more dimensions,
 * or of a non-number dtype, gives its own dtype. A JS number is what
 * {@link asarray} makes of it: an integral one is an int64 value
 * (`minScalarType(3)` is uint8, where NumPy's `3.0` is float16).
 *
 * @example
 * minScalarType(10).str;   // '|u1'
 * minScalarType(-300).str; // '<i2'
 * minScalarType(3.1).str;  // '<f2'
 */
export function minScalarType(a: unknown): DType {
  const x = asAnyArray(a);
  requireOpen(x);
  const dt = x.dtype;
  if (x.ndim > 0 || !['b', 'i', 'u', 'f', 'c'].includes(dt.kind) || dt.isStructured || dt.shape.length > 0) return dt;
  const v = x.item();
  switch (dt.kind) {
    case 'b':
      return toDType('?');
    case 'i':
    case 'u':
      // (Never wider than the value's own type, which holds it.)
      return toDType(minIntegerType(BigInt(v as number | bigint)));
    case 'f': {
      const f = v as number;
      if (dt.itemsize === 2) return toDType('f2');
      if (inside(f, HALF_BOUND) || !Number.isFinite(f)) return toDType('f2');
      if (dt.itemsize === 8 && inside(f, SINGLE_BOUND)) return toDType('f4');
      return toDType(`f${dt.itemsize}`);
    }
    default: {
      // NumPy keeps complex complex (demoting to a float is disabled there).
      const z = v as { re: number; im: number };
      if (dt.itemsize === 16 && inside(z.re, SINGLE_BOUND) && inside(z.im, SINGLE_BOUND)) return toDType('c8');
      return toDType(`c${dt.itemsize}`);
    }
  }
}

// np.common_type's precisions: half 0, single 1, double 2 (integers count as double).
const REAL_BY_PRECISION = ['f2', 'f4', 'f8'];
const COMPLEX_BY_PRECISION = [null, 'c8', 'c16'];

/**
 * NumPy's `np.common_type(*arrays)`: the float (or, when any array is
 * complex, complex) dtype of the highest precision among the arrays, an
 * integer array counting as float64. No arrays give float16, as NumPy's.
 *
 * @example
 * commonType(arange(3, null, null, 'f4')).str;            // '<f4'
 * commonType(arange(3), asarray([1], 'c8')).str;          // '<c16'
 * @throws TypeError for a bool or non-number array (NumPy's "can't get common type for non-numeric array")
 */
export function commonType(...arrays: unknown[]): DType {
  let complex = false;
  let precision = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    requireArray(a, 'commonType', `arrays[${i}]`);
    requireOpen(a);
    const dt = a.dtype;
    let p: number;
    if ((dt.kind === 'i' || dt.kind === 'u') && !dt.isStructured && dt.shape.length === 0) p = 2;
    else if ((dt.kind === 'f' || dt.kind === 'c') && !dt.isStructured && dt.shape.length === 0) {
      if (dt.kind === 'c') complex = true;
      p = dt.kind === 'f' ? [2, 4, 8].indexOf(dt.itemsize) : [8, 16].indexOf(dt.itemsize) + 1;
    } else {
      throw new TypeError("can't get common type for non-numeric array");
    }
    precision = Math.max(precision, p);
  }
  return toDType(complex ? (COMPLEX_BY_PRECISION[precision] as string) : REAL_BY_PRECISION[precision]);
}
