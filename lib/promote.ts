/**
 * NumPy 2 type promotion for the numeric dtypes (bool, int8…int64,
 * uint8…uint64, float16/32/64, complex64/128): `promoteTypes`, `resultType`
 * with NEP 50 weak Python scalars, and `canCast`.
 *
 * The table (numpy/_core/src/multiarray/dtypemeta.c, `default_builtin_common_dtype`):
 * - bool promotes to anything; two ints (or two uints, floats, complexes) of one
 *   kind give the larger;
 * - a uint of n bytes with an int of m bytes: int(m) when m > n, else int(2n),
 *   and float64 for uint64 (no int holds it);
 * - an int of n bytes with a float or complex: the smallest float that holds
 *   every value of the int (1 byte: float16, 2: float32, 4 and 8: float64),
 *   widened to the other operand (complex: the complex of that float).
 *
 * NEP 50: a JS scalar is a Python scalar and is *weak*: `number` is a Python
 * `int` when its value is an integer (and not -0), else a `float`; `bigint` is
 * an `int`; `{ re, im }` is a `complex`; `boolean` is a `bool`. A weak scalar
 * takes the array dtype when its kind is not higher (int8 + 1 is int8), else
 * the default dtype of its kind combined with the array's precision (float32 +
 * 1j is complex64, int8 + 1.5 is float64). Only weak scalars: int64, float64,
 * complex128. Whether the scalar's value fits is checked where it is converted
 * (see `ufunc.ts`), as NumPy raises `OverflowError` there.
 * @module
 */
import type { Complex } from './value-types';
import { DType, dtype as toDType, type DTypeLike } from './dtype';
import { ValueError, describeValue, repr } from './errors';

/** NumPy's `DTypePromotionError` (a `TypeError`): the dtypes have no common dtype (records with numbers). */
export class DTypePromotionError extends TypeError {
  /** Stable machine-readable code. */
  readonly code = 'ERR_DTYPE_PROMOTION';
  constructor(message: string) {
    super(message);
    this.name = 'DTypePromotionError';
  }
}


/** A JS value standing for a Python scalar (weak under NEP 50). */
export type PyScalar = number | bigint | boolean | Complex;

/** The kinds of weak scalars, lowest first. */
export type WeakKind = 'b' | 'i' | 'f' | 'c';

/** One input of {@link resultType}: a dtype, an array (anything with a dtype) or a Python scalar. */
export type PromoteOperand = DType | { readonly dtype: DType } | PyScalar;

/** Native-order dtypes by NumPy's short name, built once. */
const T: Record<string, DType> = {};
for (const s of ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16']) T[s] = toDType(s);

/** The same by kind, then itemsize (no string building on the per-call path). */
const BY_KIND: Record<string, (DType | undefined)[]> = { b: [], i: [], u: [], f: [], c: [] };
for (const t of Object.values(T)) BY_KIND[t.kind][t.itemsize] = t;

/** The native-order numeric dtype of `kind` and `itemsize`. */
export function numericType(kind: 'b' | 'i' | 'u' | 'f' | 'c', itemsize: number): DType {
  const t = BY_KIND[kind]?.[itemsize];
  if (t === undefined) throw new TypeError(`no ${kind}${itemsize} dtype`);
  return t;
}

/** True for bool, int, uint, float and complex dtypes (no records, bytes, subarrays). */
export function isNumeric(dt: DType): boolean {
  return dt.kind !== 'V' && dt.kind !== 'S' && dt.shape.length === 0 && !dt.isStructured;
}

/** The float itemsize that holds every value of an int of `n` bytes. */
function floatFor(intBytes: number): number {
  return intBytes === 1 ? 2 : intBytes === 2 ? 4 : 8;
}

function native(dt: DType): DType {
  return numericType(dt.kind as 'b', dt.itemsize);
}

/**
 * NumPy's PromoteDTypeSequence error. With `listed` (two strong dtypes) the
 * message ends as NumPy's does, with the full list of DTypes in order.
 */
function refuse(a: DType, b: DType, listed = false): never {
  const cls = (dt: DType): string => `<class 'numpy.dtypes.${dtypeClassName(dt)}'>`;
  const tail = listed ? ` For example they cannot be stored in a single array unless the dtype is \`object\`. The full list of DTypes is: (${cls(a)}, ${cls(b)})` : '';
  throw new DTypePromotionError(`The DType ${cls(a)} could not be promoted by ${cls(b)}. This means that no common DType exists for the given inputs.${tail}`);
}

/** NumPy's DType class name of `dt` (`Float64DType`, `BytesDType`, `VoidDType`, ...). */
export function dtypeClassName(dt: DType): string {
  if (dt.isStructured || dt.kind === 'V') return 'VoidDType';
  if (dt.kind === 'S') return 'BytesDType';
  const n = dt.name.replace(/^uint/, 'UInt');
  return `${n[0].toUpperCase()}${n.slice(1)}DType`;
}

/**
 * NumPy's `np.promote_types(a, b)`: numeric dtypes by NumPy's table, the
 * result in native byte order; bytes to the longer; records with the same
 * field names in the same order field by field (packed, native order),
 * subarrays of one shape by their base, plain voids of one size to
 * themselves. Throws {@link DTypePromotionError} for any other pair.
 */
export function promoteTypes(x: DTypeLike, y: DTypeLike): DType {
  // Public: any dtype spec, as np.promote_types takes (internal callers pass DTypes).
  const a = x instanceof DType ? x : toDType(x);
  const b = y instanceof DType ? y : toDType(y);
  if (!isNumeric(a) || !isNumeric(b)) {
    if (a.kind === b.kind && a.kind === 'S') return a.itemsize >= b.itemsize ? a : b;
    // A number with bytes: bytes long enough for the number's longest text, as NumPy's
    // promote_types('i1', 'S3') is S4 (its astype('S') writes that text).
    const [num, bytes] = isNumeric(a) ? [a, b] : [b, a];
    if (isNumeric(num) && isPlainBytes(bytes)) return toDType(`S${Math.max(bytes.itemsize, textLength(num))}`);
    if (isVoidKind(a) && isVoidKind(b)) return voidCommon(a, b);
    refuse(a, b, true);
  }
  const ka = a.kind;
  const kb = b.kind;
  if (ka === 'b') return native(b);
  if (kb === 'b') return native(a);
  if (ka === kb) return native(a.itemsize >= b.itemsize ? a : b);
  const intA = ka === 'i' || ka === 'u';
  const intB = kb === 'i' || kb === 'u';
  if (intA && intB) {
    const [u, i] = ka === 'u' ? [a, b] : [b, a];
    if (i.itemsize > u.itemsize) return native(i);
    if (u.itemsize === 8) return T.f8;
    return numericType('i', u.itemsize * 2);
  }
  if (intA || intB) {
    const [n, x] = intA ? [a, b] : [b, a];
    const need = floatFor(n.itemsize);
    if (x.kind === 'f') return numericType('f', Math.max(need, x.itemsize));
    return numericType('c', Math.max(need * 2, x.itemsize));
  }
  // float with complex
  const [f, c] = ka === 'f' ? [a, b] : [b, a];
  return numericType('c', Math.max(f.itemsize * 2, c.itemsize));
}

/** Bytes (`S`) that are neither a record nor a subarray. */
function isPlainBytes(dt: DType): boolean {
  return dt.kind === 'S' && !dt.isStructured && dt.subdtype === null;
}

/** The longest text of a number dtype's items (NumPy's REQUIRED_STR_LEN): what bytes need to hold any of them. */
function textLength(dt: DType): number {
  return TEXT_LENGTH[dt.kind === 'b' ? 'b' : `${dt.kind}${dt.itemsize}`];
}

/** Records, subarrays and plain voids: NumPy's VoidDType. */
function isVoidKind(dt: DType): boolean {
  return dt.kind === 'V' || dt.isStructured || dt.subdtype !== null;
}

function pyNames(names: readonly string[]): string {
  return `(${names.map((n) => `'${n}'`).join(', ')}${names.length === 1 ? ',' : ''})`;
}

/**
 * NumPy's `void_common_instance` (dtypemeta.c) with `_promote_fields`
 * (_internal.py): plain voids of one size promote to themselves; records
 * with the same names in the same order promote field by field into a packed
 * record (aligned when either is), in native byte order; subarrays of one
 * shape promote their base. Anything else is a DTypePromotionError.
 */
function voidCommon(a: DType, b: DType): DType {
  const plain = (dt: DType): boolean => !dt.isStructured && dt.subdtype === null;
  if (plain(a) && plain(b)) {
    if (a.itemsize !== b.itemsize) {
      throw new DTypePromotionError('Invalid type promotion with void datatypes of different lengths. Use the `np.bytes_` datatype instead to pad the shorter value with trailing zero bytes.');
    }
    return a;
  }
  if (a.isStructured && b.isStructured) {
    const na = a.names as readonly string[];
    const nb = b.names as readonly string[];
    if (na.length !== nb.length || na.some((n, i) => n !== nb[i])) throw new DTypePromotionError(`field names \`${pyNames(na)}\` and \`${pyNames(nb)}\` mismatch.`);
    const formats = na.map((n) => promoteTypes(a.fields![n].dtype, b.fields![n].dtype));
    const res = toDType({ names: [...na], formats, aligned: a.isalignedstruct || b.isalignedstruct } as never);
    return res.equals(a) ? a : res;
  }
  if (a.subdtype !== null && b.subdtype !== null) {
    const [sa, sb] = [a.subdtype[1], b.subdtype[1]];
    if (sa.length !== sb.length || sa.some((d, i) => d !== sb[i])) throw new DTypePromotionError('invalid type promotion with subarray datatypes (shape mismatch).');
    const base = promoteTypes(a.subdtype[0], b.subdtype[0]);
    return base.equals(a.subdtype[0]) ? a : toDType({ base, shape: [...sa] } as never);
  }
  throw new DTypePromotionError('invalid type promotion with structured datatype(s).');
}

/** The weak kind of a Python scalar, or null when `x` is not one. */
export function weakKind(x: unknown): WeakKind | null {
  switch (typeof x) {
    case 'boolean':
      return 'b';
    case 'bigint':
      return 'i';
    case 'number':
      return Number.isInteger(x) && !Object.is(x, -0) ? 'i' : 'f';
    case 'object':
      if (x !== null && typeof (x as Complex).re === 'number' && typeof (x as Complex).im === 'number' && !('dtype' in x)) return 'c';
      return null;
    default:
      return null;
  }
}

const KIND_RANK: Record<string, number> = { b: 0, u: 1, i: 1, f: 2, c: 3 };

/** The dtype a weak scalar of `kind` takes beside the (strong) dtype `dt` (NEP 50). */
export function weakWith(dt: DType, kind: WeakKind): DType {
  const rank = KIND_RANK[kind];
  const have = KIND_RANK[dt.kind];
  if (rank <= have) return native(dt);
  if (kind === 'i') return T.i8;
  if (kind === 'f') return T.f8;
  // complex: keeps the float precision of a float dtype
  return dt.kind === 'f' ? numericType('c', Math.max(8, dt.itemsize * 2)) : T.c16;
}

/** The default dtype of a lone weak scalar kind. */
function weakDefault(kind: WeakKind): DType {
  return kind === 'b' ? T['?'] : kind === 'i' ? T.i8 : kind === 'f' ? T.f8 : T.c16;
}

/**
 * NumPy 2's `np.result_type(...)`: the promotion of every array and dtype,
 * with Python scalars weak (NEP 50). Booleans count as strong `bool`, which
 * is the same thing as bool is the lowest kind.
 */
export function resultType(...operands: PromoteOperand[]): DType {
  return resultTypeOf(operands);
}

/** {@link resultType} of a list: no spread, so 10^5 or more operands do not overflow the JS stack. */
export function resultTypeOf(operands: readonly PromoteOperand[]): DType {
  const strongs: DType[] = [];
  let weak: WeakKind | null = null;
  for (const x of operands) {
    const k = typeof x === 'boolean' ? null : weakKind(x);
    if (k !== null) {
      if (weak === null || KIND_RANK[k] > KIND_RANK[weak]) weak = k;
      continue;
    }
    const dt = typeof x === 'boolean' ? T['?'] : x instanceof DType ? x : x !== null && typeof x === 'object' ? (x as { dtype: DType }).dtype : undefined;
    if (!(dt instanceof DType)) throw new TypeError(`resultType() takes dtypes, arrays and scalars, got ${describeValue(x)}`);
    strongs.push(dt);
  }
  let strong: DType | null = null;
  if (strongs.length > 2 && strongs.every(isNumeric)) strong = promoteSequence(strongs);
  else for (const dt of strongs) strong = strong === null ? (isNumeric(dt) ? native(dt) : dt) : promoteTypes(strong, dt);
  if (strong === null) {
    if (weak === null) throw new TypeError('at least one array or dtype is required');
    return weakDefault(weak);
  }
  if (weak === null) return strong;
  if (!isNumeric(strong)) refuse(strong, weakDefault(weak));
  return weakWith(strong, weak);
}

/**
 * NumPy's type numbers, which order the builtin DTypes: a DType only
 * promotes one with a lower number and leaves a higher one to promote it
 * (`default_builtin_common_dtype`). float16 comes after all of them.
 */
const TYPE_NUM: Record<string, number> = {
  b1: 0, i1: 1, u1: 2, i2: 3, u2: 4, i4: 5, u4: 6, i8: 7, u8: 8, f4: 11, f8: 12, c8: 14, c16: 15, f2: 23,
};
const typeNum = (dt: DType): number => TYPE_NUM[dt.kind + dt.itemsize];

/** `cls.__common_dtype__(other)`: null for NumPy's NotImplemented (other has the higher type number). */
function commonOneWay(a: DType, b: DType): DType | null {
  if (typeNum(a) === typeNum(b)) return a;
  return typeNum(b) > typeNum(a) ? null : promoteTypes(a, b);
}

/** NumPy's `PyArray_CommonDType`: either side's answer. */
function commonDType(a: DType, b: DType): DType {
  return commonOneWay(a, b) ?? (commonOneWay(b, a) as DType);
}

/**
 * NumPy's `PyArray_PromoteDTypeSequence` over numeric dtypes (native order):
 * pairs from both ends reduce to the "most knowledgeable" dtype (the highest
 * type number), which then promotes every other one. Unlike a left-to-right
 * `promoteTypes` chain, the order of the inputs does not matter:
 * uint16, int16, float16 give float32 in any order (a chain gives float64 from
 * int32 + float16).
 */
function promoteSequence(input: readonly DType[]): DType {
  const dts: (DType | null)[] = input.map(native);
  let length = dts.length;
  let result: DType | null = null;
  // reduce_dtypes_to_most_knowledgeable
  for (;;) {
    const half = Math.floor(length / 2);
    for (let low = 0; low < half; low++) {
      const high = length - 1 - low;
      const a = dts[low] as DType;
      const b = dts[high];
      if (b === null) continue;
      result = commonOneWay(a, b);
      if (result === null) {
        dts[low] = b;
        dts[high] = a;
      } else if (typeNum(result) === typeNum(a)) {
        dts[high] = null; // cannot change the result
      }
    }
    if (length === 2) break;
    length -= half;
  }
  const main = dts[0] as DType;
  let start = 2;
  if (result === null) start = 1;
  let prev: DType | null = null;
  for (let i = start; i < dts.length; i++) {
    const d = dts[i];
    if (d === null || d === prev) continue;
    const promotion = commonOneWay(main, d) as DType; // main has the highest type number
    result = result === null ? promotion : commonDType(result, promotion);
  }
  return native(result as DType);
}

/** NumPy's casting rules, weakest first. */
export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

const CAST_KIND_ORDER: Record<string, number> = { b: 0, u: 1, i: 2, f: 3, c: 4 };

/**
 * NumPy's `np.can_cast(from, to, casting)`. Numeric dtypes by NumPy's table;
 * records field by field in position order (the least safe field decides;
 * other names make it at best `'safe'`, another layout or byte order at best
 * `'equiv'`; a different field count is never castable, not even `'unsafe'`);
 * subarrays by their base when the shapes match (else only `'unsafe'`), a
 * plain value into a subarray by its base (at best `'safe'`);
 * bytes and plain voids by size (wider is `'safe'`, narrower `'same_kind'`);
 * a plain dtype into a record only `'unsafe'` (never when a field cannot
 * take it); a record into a plain dtype only `'unsafe'` and only from a
 * record of one field (NumPy's structured_to_nonstructured).
 */
export function canCast(fromType: DTypeLike, toType: DTypeLike, casting: Casting = 'safe'): boolean {
  const from = fromType instanceof DType ? fromType : toDType(fromType);
  const to = toType instanceof DType ? toType : toDType(toType);
  const level = Object.prototype.hasOwnProperty.call(CASTING_LEVEL, casting) ? CASTING_LEVEL[casting] : undefined;
  if (level === undefined) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe', got ${repr(casting)}`);
  return castLevel(from, to) <= level;
}

const CASTING_LEVEL: Record<Casting, number> = { no: 0, equiv: 1, safe: 2, same_kind: 3, unsafe: 4 };
/** No cast at all: NumPy's can_cast is false even for 'unsafe'. */
const NEVER = 5;

/** The longest text of a value of each numeric type, the bytes a 'safe' cast to bytes needs (NumPy's). */
const TEXT_LENGTH: Readonly<Record<string, number>> = {
  b: 5, i1: 4, u1: 3, i2: 6, u2: 5, i4: 11, u4: 10, i8: 21, u8: 20, f2: 32, f4: 32, f8: 32, c8: 64, c16: 64,
};

/** The safest casting under which `from` casts to `to` (0 'no' … 4 'unsafe', 5 never). */
function castLevel(from: DType, to: DType): number {
  if (isNumeric(from) && isNumeric(to)) {
    for (const c of ['no', 'equiv', 'safe', 'same_kind'] as const) if (canCastNumeric(from, to, c)) return CASTING_LEVEL[c];
    return CASTING_LEVEL.unsafe;
  }
  const plainTo = !to.isStructured && to.subdtype === null;
  // An unsized target (V0, S0) is a kind, not a size (NumPy's can_cast): a void
  // takes any item whole ('no' from another void or a record, else 'safe');
  // bytes take bytes ('no') and any number's text ('safe').
  if (plainTo && to.itemsize === 0 && (to.kind === 'V' || to.kind === 'S')) {
    if (to.kind === 'V') return from.isStructured || (from.kind === 'V' && from.subdtype === null) ? CASTING_LEVEL.no : CASTING_LEVEL.safe;
    if (isPlainBytes(from)) return CASTING_LEVEL.no;
    if (isNumeric(from)) return CASTING_LEVEL.safe;
  }
  // A number or bytes into a plain void: its bytes, 'safe' when they fit.
  if (plainTo && to.kind === 'V' && (isNumeric(from) || isPlainBytes(from))) return from.itemsize <= to.itemsize ? CASTING_LEVEL.safe : CASTING_LEVEL.unsafe;
  if (from.isStructured && to.isStructured) return recordCastLevel(from, to);
  // NumPy's structured_to_nonstructured: only a record of one field casts, as
  // that field does, and at best 'unsafe'.
  if (from.isStructured) {
    const names = from.names as readonly string[];
    if (names.length !== 1) return NEVER;
    return atBestUnsafe(castLevel(from.fields![names[0]].dtype, to));
  }
  // nonstructured_to_structured: the value goes into every field, at best 'unsafe'.
  if (to.isStructured) {
    for (const n of to.names as readonly string[]) if (castLevel(from, to.fields![n].dtype) === NEVER) return NEVER;
    return CASTING_LEVEL.unsafe;
  }
  if (from.subdtype !== null || to.subdtype !== null) {
    // a plain value into every item of a subarray: at best 'safe'; a subarray to a plain value: its first item, 'unsafe'
    if (from.subdtype === null) return Math.max(CASTING_LEVEL.safe, castLevel(from, to.base));
    if (to.subdtype === null) return atBestUnsafe(castLevel(from.base, to));
    const sameShape = from.shape.length === to.shape.length && from.shape.every((d, i) => d === to.shape[i]);
    return sameShape ? castLevel(from.base, to.base) : atBestUnsafe(castLevel(from.base, to.base));
  }
  if (from.kind === to.kind && (from.kind === 'S' || from.kind === 'V')) {
    return from.itemsize === to.itemsize ? CASTING_LEVEL.no : from.itemsize < to.itemsize ? CASTING_LEVEL.safe : CASTING_LEVEL.same_kind;
  }
  // A number to bytes is its text: 'safe' when the bytes hold the longest
  // text of the type, else 'same_kind' (NumPy's can_cast; int64 needs 21).
  if (to.kind === 'S' && isNumeric(from)) {
    const longest = textLength(from);
    if (longest !== undefined) return to.itemsize >= longest ? CASTING_LEVEL.safe : CASTING_LEVEL.same_kind;
  }
  // bytes to numbers, numbers to or from voids: 'unsafe' at best
  return from.str === to.str ? CASTING_LEVEL.no : CASTING_LEVEL.unsafe;
}

/** 'unsafe', or never when the inner cast is never. */
function atBestUnsafe(level: number): number {
  return level === NEVER ? NEVER : CASTING_LEVEL.unsafe;
}

function recordCastLevel(from: DType, to: DType): number {
  const fn = from.names as readonly string[];
  const tn = to.names as readonly string[];
  if (fn.length !== tn.length) return NEVER;
  let level = CASTING_LEVEL.no;
  let sameLayout = from.itemsize === to.itemsize;
  for (let i = 0; i < fn.length; i++) {
    const f = (from.fields as Record<string, { dtype: DType; offset: number }>)[fn[i]];
    const t = (to.fields as Record<string, { dtype: DType; offset: number }>)[tn[i]];
    level = Math.max(level, castLevel(f.dtype, t.dtype));
    if (fn[i] !== tn[i]) level = Math.max(level, CASTING_LEVEL.safe);
    if (f.offset !== t.offset) sameLayout = false;
  }
  return sameLayout ? level : Math.max(level, CASTING_LEVEL.equiv);
}

function canCastNumeric(from: DType, to: DType, casting: Exclude<Casting, 'unsafe'>): boolean {
  const sameType = from.kind === to.kind && from.itemsize === to.itemsize;
  if (casting === 'no') return sameType && (from.byteorder === to.byteorder || from.itemsize === 1 || from.kind === 'b');
  if (sameType) return true;
  if (casting === 'equiv') return false;
  const safe = promoteTypes(from, to).str === native(to).str;
  if (safe || casting === 'safe') return safe;
  return CAST_KIND_ORDER[from.kind] <= CAST_KIND_ORDER[to.kind];
}

/**
 * NumPy's canonical form of a dtype (`PyArray_DescrCanonical`), which is what
 * promoting records gives (`np.result_type(d)`, `np.concatenate`, `np.stack`):
 * the host's byte order everywhere, a record's fields packed in field order (laid
 * out like a C struct for an aligned struct), padding and out-of-order offsets
 * dropped; subarrays keep their shape.
 */
export function canonicalDType(dt: DType): DType {
  if (dt.subdtype !== null) return toDType({ base: canonicalDType(dt.subdtype[0]), shape: [...dt.subdtype[1]] } as never);
  if (!dt.isStructured) return dt.isnative ? dt : dt.newbyteorder('=');
  const names = dt.names as readonly string[];
  return toDType({ names: [...names], formats: names.map((n) => canonicalDType(dt.fields![n].dtype)), aligned: dt.isalignedstruct } as never);
}
