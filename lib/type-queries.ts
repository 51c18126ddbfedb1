/**
 * NumPy's questions about which dtype holds some values: `np.min_scalar_type`
 * (the smallest dtype that holds one value) and `np.common_type` (the
 * inexact dtype arrays share). Both answer with a DType in the machine's
 * byte order, as NumPy's do (it builds them from type numbers); the
 * promotion of operands itself is {@link resultType}'s (promote.ts). Also
 * `np.issubdtype` (NumPy's abstract scalar types by name), `np.mintypecode`,
 * `np.typename`, `np.isscalar` and `np.iterable`.
 * @module
 */
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { KeyError, ValueError, repr } from './errors';
import { asAnyArray } from './stack-helpers';
import { isArray, requireArray, requireOpen } from './internal';

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

/**
 * NumPy's abstract scalar types, by their names (NumPy passes the classes
 * `np.floating`, `np.integer`, …; JavaScript has no such classes, so
 * {@link issubdtype} takes the names).
 */
export type AbstractDTypeName = 'generic' | 'number' | 'integer' | 'signedinteger' | 'unsignedinteger' | 'inexact' | 'floating' | 'complexfloating' | 'flexible' | 'character';

/** The dtype kind letters under each abstract type (NumPy's scalar type tree). */
const ABSTRACT_KINDS: Readonly<Record<AbstractDTypeName, string>> = {
  generic: 'biufcSUVOMm',
  number: 'iufcm',
  integer: 'ium',
  signedinteger: 'im',
  unsignedinteger: 'u',
  inexact: 'fc',
  floating: 'f',
  complexfloating: 'c',
  flexible: 'SUV',
  character: 'SU',
};

const isAbstractName = (x: unknown): x is AbstractDTypeName => typeof x === 'string' && Object.prototype.hasOwnProperty.call(ABSTRACT_KINDS, x);

/** NumPy's scalar type of a dtype, as a key: the byte order and a flexible dtype's size do not count; every void (structured or not) is `np.void`. */
export function scalarTypeKey(dt: DType): string {
  return 'SUVO'.includes(dt.kind) ? dt.kind : `${dt.kind}${dt.itemsize}`;
}

/**
 * NumPy's `np.issubdtype(arg1, arg2)`: whether the scalar type of `arg1` is
 * `arg2`'s or under it in NumPy's type tree. Each argument is a dtype (or
 * anything {@link dtype} reads) or the name of an abstract type
 * ({@link AbstractDTypeName}: `'floating'` for `np.floating`, `'integer'`,
 * `'signedinteger'`, `'number'`, `'inexact'`, …). The byte order and a
 * flexible dtype's size do not count (`'S5'` is `'S1'`'s type); a bool is
 * not an integer, as in NumPy.
 *
 * @example
 * issubdtype('<f4', 'floating');        // true
 * issubdtype(a.dtype, 'integer');       // an int or uint array
 * issubdtype('>i8', '<i8');             // true
 * issubdtype('floating', 'inexact');    // true
 * @throws TypeError when an argument is neither an abstract name nor a dtype.
 */
export function issubdtype(arg1: DTypeLike | AbstractDTypeName, arg2: DTypeLike | AbstractDTypeName): boolean {
  const abstract1 = isAbstractName(arg1);
  const abstract2 = isAbstractName(arg2);
  const dt1 = abstract1 ? null : toDType(arg1 as DTypeLike);
  const dt2 = abstract2 ? null : toDType(arg2 as DTypeLike);
  if (abstract2) {
    const under = ABSTRACT_KINDS[arg2];
    // An abstract type is under another when all its kinds are (floating under inexact).
    if (abstract1) return [...ABSTRACT_KINDS[arg1]].every((k) => under.includes(k));
    return under.includes(dt1!.kind);
  }
  // Nothing abstract is under a concrete type.
  if (abstract1) return false;
  return scalarTypeKey(dt1!) === scalarTypeKey(dt2!);
}

/** NumPy's type characters from the widest item to the narrowest (`_typecodes_by_elsize`). */
const TYPECODES_BY_ELSIZE = 'GDFgdfQqLlIiHhBb?';

/**
 * NumPy's `np.mintypecode(typechars, typeset='GDFgdf', default='d')`: the
 * type character of `typeset` that the fewest bytes hold, among the given
 * ones (`typechars`: characters, or arrays and dtypes, whose `char` counts)
 * — float32 with float64 complex is complex128 (`'D'`); `default` when none
 * is in `typeset`.
 *
 * @example
 * mintypecode('idF'); // 'D'
 * mintypecode(['d', 'f', 'S']); // 'f'
 */
export function mintypecode(typechars: string | Iterable<unknown>, typeset: string = 'GDFgdf', defaultCode: string = 'd'): string {
  if (typeof typeset !== 'string') throw new TypeError(`mintypecode(): typeset must be a string, got ${typeof typeset}`);
  const codes: string[] = [];
  for (const t of typechars as Iterable<unknown>) {
    if (typeof t === 'string') codes.push(t);
    else if (t !== null && typeof t === 'object' && 'dtype' in t) codes.push((asAnyArray(t).dtype as DType).char);
    else codes.push(toDType(t as DTypeLike).char);
  }
  const hits = new Set(codes.filter((c) => c.length > 0 && typeset.includes(c)));
  if (hits.size === 0) return defaultCode;
  if (hits.has('F') && hits.has('d')) return 'D';
  // NumPy's min by the index in its size order: a character not there is ValueError ("substring not found").
  let best: string | null = null;
  for (const c of hits) {
    const i = TYPECODES_BY_ELSIZE.indexOf(c);
    if (i < 0) throw new ValueError('substring not found');
    if (best === null || i < TYPECODES_BY_ELSIZE.indexOf(best)) best = c;
  }
  return best!;
}

/** NumPy's `_namefromtype`: each type character's description. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  S1: 'character', '?': 'bool', b: 'signed char', B: 'unsigned char', h: 'short', H: 'unsigned short', i: 'integer', I: 'unsigned integer',
  l: 'long integer', L: 'unsigned long integer', q: 'long long integer', Q: 'unsigned long long integer', f: 'single precision',
  d: 'double precision', g: 'long precision', F: 'complex single precision', D: 'complex double precision', G: 'complex long double precision',
  S: 'string', U: 'unicode', V: 'void', O: 'object',
};

/**
 * NumPy's `np.typename(char)`: the description of a type character
 * (`'d'` is `'double precision'`).
 * @throws KeyError for a character NumPy does not describe, as NumPy's.
 */
export function typename(char: string): string {
  if (typeof char !== 'string' || !Object.prototype.hasOwnProperty.call(TYPE_NAMES, char)) throw new KeyError(repr(char));
  return TYPE_NAMES[char];
}

/**
 * NumPy's `np.isscalar(element)`: true for a scalar value — a number, a
 * bigint, a boolean, a string, a Buffer (Python's bytes) or a `{ re, im }`
 * complex; false for an NdArray (0-d too), a list, null or undefined.
 */
export function isscalar(element: unknown): boolean {
  const t = typeof element;
  if (t === 'number' || t === 'bigint' || t === 'boolean' || t === 'string') return true;
  if (Buffer.isBuffer(element)) return true;
  if (element === null || t !== 'object' || isArray(element)) return false;
  const keys = Object.keys(element as object);
  return Object.getPrototypeOf(element) === Object.prototype && keys.length === 2 && keys.includes('re') && keys.includes('im');
}

/**
 * NumPy's `np.iterable(y)`: whether `y` can be iterated — a list, a string,
 * any iterable, an NdArray of one or more dimensions (a 0-d array cannot,
 * as NumPy's).
 */
export function iterable(y: unknown): boolean {
  if (isArray(y)) return y.ndim > 0;
  return y !== null && y !== undefined && typeof (y as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}
