/**
 * NumPy's `finfo` and `iinfo`: the machine limits of the float and integer
 * dtypes (IEEE 754 binary16/32/64 and two's complement integers), as NumPy
 * reports them.
 * @module
 */
import { dtype as toDType, isDType, type DType, type DTypeLike } from './dtype';
import { ValueError } from './errors';
import { float16Bits, float16Value } from './dtype/float16';
import { isArray } from './internal';
import type { NdArray } from './ndarray';

/** A dtype spec, or an array whose dtype is meant (as NumPy's `finfo(a.dtype)`). */
export type LimitsOf = DTypeLike | NdArray;

function dtypeOf(x: LimitsOf): DType {
  if (isArray(x)) return x.dtype;
  return isDType(x) ? x : toDType(x as DTypeLike);
}

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
  if (dt.isStructured || dt.shape.length > 0 || (dt.kind !== 'f' && dt.kind !== 'c')) throw new ValueError(`data type <class '${scalarTypeName(dt)}'> not inexact`);
  return new FInfo(toDType(`f${dt.kind === 'c' ? dt.itemsize / 2 : dt.itemsize}`));
}

/**
 * NumPy's `np.iinfo(dtype)`: the bounds of an integer type, as a frozen
 * {@link IInfo} (`min`/`max` numbers up to 32 bits, bigints for 64).
 * @throws ValueError for a type that is not an integer (NumPy's "Invalid integer data type 'f'.").
 */
export function iinfo(type: LimitsOf): IInfo {
  const dt = dtypeOf(type);
  if (dt.isStructured || dt.shape.length > 0 || (dt.kind !== 'i' && dt.kind !== 'u')) throw new ValueError(`Invalid integer data type '${dt.kind}'.`);
  return new IInfo(dt);
}
