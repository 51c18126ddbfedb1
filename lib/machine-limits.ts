/**
 * NumPy's `finfo` and `iinfo`: the machine limits of the float and integer
 * dtypes (IEEE 754 binary16/32/64 and two's complement integers), as NumPy
 * reports them.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, isDType, type DType, type DTypeLike } from './dtype';
import { ValueError } from './errors';
import { float16Bits, float16Value } from './dtype/float16';
import { isArray } from './internal';
import type { NdArray } from './ndarray';
import { scalarStr } from './repr';

/**
 * A dtype spec, an array whose dtype is meant (as NumPy's `finfo(a.dtype)`),
 * or a scalar standing for its type as NumPy's `finfo(1.2)`, `iinfo(12)`: a
 * number is int64 when integer-valued (not -0), else float64; a bigint int64.
 */
export type LimitsOf = DTypeLike | NdArray | number | bigint | boolean;

/** The dtype `x` names; null for a string that is no dtype (NumPy's str_ type: `finfo('hi')`). */
function dtypeOf(x: LimitsOf): DType | null {
  if (isArray(x)) return x.dtype;
  if (isDType(x)) return x;
  if (typeof x === 'number') return toDType(Number.isInteger(x) && !Object.is(x, -0) ? '<i8' : '<f8');
  if (typeof x === 'bigint') return toDType('<i8');
  if (typeof x === 'boolean') return toDType('|b1');
  try {
    return toDType(x as DTypeLike);
  } catch (e) {
    // NumPy falls back to the value's own type: a str is numpy.str_ (U), which has no limits.
    if (e instanceof TypeError && typeof x === 'string') return null;
    throw e;
  }
}

/** NumPy's `str()` of a dtype in its reprs: the name in native order, else the spec (`>i2`). */
function dtypeText(dt: DType): string {
  return dt.isnative || dt.itemsize === 1 ? dt.name : dt.str;
}

/** NumPy's text of each float type's largest value in finfo's repr. */
const MAX_TEXT: Readonly<Record<number, string>> = { 16: '6.55040e+04', 32: '3.4028235e+38', 64: '1.7976931348623157e+308' };

/** One FInfo per float type and one IInfo per integer dtype, as NumPy's finfo/iinfo return the same object. */
const FINFO = new Map<number, FInfo>();
const IINFO = new Map<string, IInfo>();

/** NumPy's scalar type name of `dt` for its messages (`numpy.int32`, `numpy.bool`, `numpy.bytes_`). */
function scalarTypeName(dt: DType): string {
  if (dt.isStructured || dt.kind === 'V') return 'numpy.void';
  if (dt.kind === 'S') return 'numpy.bytes_';
  return `numpy.${dt.name}`;
}

/** NumPy's `np.finfo(dtype)`: the limits of a float type (a complex type's are its parts'). */
export class FInfo {
  /** Bits of the type's storage. */
  readonly bits: number;
  /** The float dtype described (native byte order; float32 for complex64). */
  readonly dtype: DType;
  /** The gap between 1 and the next larger float: 2^-nmant. */
  readonly eps: number;
  /** The gap between 1 and the next smaller float: 2^-(nmant+1). */
  readonly epsneg: number;
  /** The largest finite value. */
  readonly max: number;
  /** The most negative finite value (`-max`). */
  readonly min: number;
  /** The smallest positive normal value (also {@link tiny}). */
  readonly smallestNormal: number;
  /** NumPy's alias of {@link smallestNormal}. */
  readonly tiny: number;
  /** The smallest positive subnormal value. */
  readonly smallestSubnormal: number;
  /** Decimal digits of precision: floor(-log10(eps)). */
  readonly precision: number;
  /** 10^-precision, in the type. */
  readonly resolution: number;
  /** Bits of the exponent (also {@link nexp}). */
  readonly iexp: number;
  /** Bits of the exponent. */
  readonly nexp: number;
  /** Bits of the mantissa (without the implicit bit). */
  readonly nmant: number;
  /** The smallest power of 2 that overflows. */
  readonly maxexp: number;
  /** The exponent of the smallest normal value. */
  readonly minexp: number;
  /** eps as a power of 2: -nmant. */
  readonly machep: number;
  /** epsneg as a power of 2: -(nmant+1). */
  readonly negep: number;

  /** @internal Built by {@link finfo}. */
  constructor(dt: DType) {
    const bits = dt.itemsize * 8;
    const [nexp, nmant] = bits === 16 ? [5, 10] : bits === 32 ? [8, 23] : [11, 52];
    const round = bits === 16 ? (v: number): number => float16Value(float16Bits(v)) : bits === 32 ? Math.fround : (v: number): number => v;
    this.bits = bits;
    this.dtype = dt;
    this.eps = 2 ** -nmant;
    this.epsneg = 2 ** -(nmant + 1);
    this.maxexp = 2 ** (nexp - 1);
    this.minexp = 2 - this.maxexp;
    this.max = (2 - this.eps) * 2 ** (this.maxexp - 1);
    this.min = -this.max;
    this.smallestNormal = 2 ** this.minexp;
    this.tiny = this.smallestNormal;
    this.smallestSubnormal = 2 ** (this.minexp - nmant);
    this.precision = Math.floor(-Math.log10(this.eps));
    this.resolution = round(10 ** -this.precision);
    this.iexp = nexp;
    this.nexp = nexp;
    this.nmant = nmant;
    this.machep = -nmant;
    this.negep = -(nmant + 1);
    Object.freeze(this);
  }

  /** NumPy's repr: `finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)`. */
  toString(): string {
    return `finfo(resolution=${scalarStr(this.resolution, this.dtype)}, min=-${MAX_TEXT[this.bits]}, max=${MAX_TEXT[this.bits]}, dtype=${this.dtype.name})`;
  }

  /** @internal As {@link toString} in `console.log`. */
  [inspect.custom](): string {
    return this.toString();
  }
}

/** NumPy's `np.iinfo(dtype)`: the limits of an integer type (int64/uint64 bounds as bigint, as their items read). */
export class IInfo {
  /** Bits of the type. */
  readonly bits: number;
  /** The integer dtype described, as given (byte order kept, as NumPy's). */
  readonly dtype: DType;
  /** `'i'` signed or `'u'` unsigned. */
  readonly kind: 'i' | 'u';
  /** The smallest value. */
  readonly min: number | bigint;
  /** The largest value. */
  readonly max: number | bigint;

  /** @internal Built by {@link iinfo}. */
  constructor(dt: DType) {
    this.bits = dt.itemsize * 8;
    this.dtype = dt;
    this.kind = dt.kind as 'i' | 'u';
    const lo = dt.kind === 'u' ? 0n : -(1n << BigInt(this.bits - 1));
    const hi = (dt.kind === 'u' ? 1n << BigInt(this.bits) : 1n << BigInt(this.bits - 1)) - 1n;
    this.min = this.bits === 64 ? lo : Number(lo);
    this.max = this.bits === 64 ? hi : Number(hi);
    Object.freeze(this);
  }

  /** NumPy's repr: `iinfo(min=-32768, max=32767, dtype=int16)`. */
  toString(): string {
    return `iinfo(min=${this.min}, max=${this.max}, dtype=${dtypeText(this.dtype)})`;
  }

  /** @internal As {@link toString} in `console.log`. */
  [inspect.custom](): string {
    return this.toString();
  }
}

/**
 * NumPy's `np.finfo(dtype)`: the machine limits of float16, float32 or
 * float64 (of a complex type, its parts' float type), as a frozen
 * {@link FInfo}. NumPy's attribute names in camelCase (`smallestNormal`,
 * `smallestSubnormal`).
 * @throws ValueError for a type that is not inexact (NumPy's "data type <class 'numpy.int32'> not inexact").
 */
export function finfo(type: LimitsOf): FInfo {
  const dt = dtypeOf(type);
  if (dt === null) throw new ValueError("data type <class 'numpy.str_'> not inexact");
  if (dt.isStructured || dt.shape.length > 0 || (dt.kind !== 'f' && dt.kind !== 'c')) throw new ValueError(`data type <class '${scalarTypeName(dt)}'> not inexact`);
  const size = dt.kind === 'c' ? dt.itemsize / 2 : dt.itemsize;
  let f = FINFO.get(size);
  if (f === undefined) FINFO.set(size, (f = new FInfo(toDType(`f${size}`))));
  return f;
}

/**
 * NumPy's `np.iinfo(dtype)`: the bounds of an integer type, as a frozen
 * {@link IInfo} (`min`/`max` numbers up to 32 bits, bigints for 64).
 * @throws ValueError for a type that is not an integer (NumPy's "Invalid integer data type 'f'.").
 */
export function iinfo(type: LimitsOf): IInfo {
  const dt = dtypeOf(type);
  if (dt === null) throw new ValueError("Invalid integer data type 'U'.");
  if (dt.isStructured || dt.shape.length > 0 || (dt.kind !== 'i' && dt.kind !== 'u')) throw new ValueError(`Invalid integer data type '${dt.kind}'.`);
  let i = IINFO.get(dt.str);
  if (i === undefined) IINFO.set(dt.str, (i = new IInfo(dt)));
  return i;
}
