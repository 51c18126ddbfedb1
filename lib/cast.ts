/**
 * NumPy's unsafe casting (`astype`) between numeric kinds, bool, complex and
 * bytes, with the results of NumPy's C casts on x86-64:
 * - int → narrower int wraps modulo 2^bits;
 * - float → int truncates toward zero; NaN, ±inf and values outside the
 *   target's range give what x86's conversion instruction gives (the
 *   "integer indefinite" value: the most negative int64/int32, truncated to
 *   the target's width) — C leaves this undefined, and this library pins it;
 * - complex → real keeps the real part; anything → bool tests non-zero.
 * @module
 */
import { inspect } from 'util';
import type { DType } from './dtype';
import { makeScalar } from './dtype/dtype';
import { checkedInt, parseComplexBytes, parseFloatBytes, parseIntBytes } from './number-text';
import { complexStr, scalarStr } from './repr';
import type { Complex } from './value-types';

type Caster = (v: unknown) => unknown;

const TWO_63 = 2 ** 63;
const INT64_MIN = -(2n ** 63n);

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object' && 're' in (v as object)) return (v as { re: number }).re;
  throw new TypeError(`cannot cast ${String(v)} to a number`);
}

/**
 * NumPy's truth value of one element as its codec reads it: a number, a
 * complex, a string or void (any non-NUL byte: `b''` is false), a record
 * (any true field).
 */
export function isNonZero(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof Uint8Array) return v.some((b) => b !== 0);
  if (v !== null && typeof v === 'object') {
    if ('re' in v) return (v as { re: number; im: number }).re !== 0 || (v as { re: number; im: number }).im !== 0;
    return Object.values(v as object).some(isNonZero);
  }
  return Boolean(v);
}

/** cvttsd2si with a 64-bit destination: trunc, or INT64_MIN when it does not fit. */
function floatToInt64(x: number): bigint {
  if (!Number.isFinite(x) || x >= TWO_63 || x < -TWO_63) return INT64_MIN;
  return BigInt(Math.trunc(x));
}

/** cvttsd2si with a 32-bit destination. */
function floatToInt32(x: number): number {
  if (!Number.isFinite(x) || x >= 2 ** 31 || x < -(2 ** 31)) return -(2 ** 31);
  return Math.trunc(x);
}

function wrap(v: bigint, bits: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

/**
 * @internal float → integer kind of `bits` width, as GCC compiles NumPy's
 * casts on x86-64 (astype, and a float loop's result into an integer `out`).
 */
export function floatToInt(x: number, bits: number, signed: boolean): bigint {
  if (bits === 64) {
    if (signed) return floatToInt64(x);
    // uint64: values below 2^63 (NaN too) convert directly; larger ones are
    // shifted into range first (x - 2^63, then the top bit set again), which
    // gives 0 from 2^64 and +inf on, as NumPy does (it gave 2^63 here).
    if (x >= TWO_63) return x < 2 ** 64 ? BigInt(Math.trunc(x)) : 0n;
    return BigInt.asUintN(64, floatToInt64(x));
  }
  if (bits === 32 && signed) return BigInt(floatToInt32(x));
  if (bits === 32) return BigInt.asUintN(32, floatToInt64(x));
  // 8/16-bit targets go through a 32-bit conversion, then keep the low bits.
  return wrap(BigInt(floatToInt32(x)), bits, signed);
}

const f64 = new Float64Array(1);
const f64Bits = new BigUint64Array(f64.buffer);

/**
 * The float32 nearest to `b`, rounded once. Number(b) then Math.fround rounds
 * twice and can miss by one float32 ulp (2^60 + 2^36 + 1 gives 2^60, not
 * 2^60 + 2^37); rounding to odd in float64 first makes the second rounding
 * exact, since float64 keeps more than 2 extra bits.
 */
function bigintToFloat32(b: bigint): number {
  const d = Number(b);
  const back = BigInt(d);
  if (back === b) return Math.fround(d);
  f64[0] = d;
  // Inexact, so |b| >= 2^53 and d is not 0: an even last bit moves one ulp toward b.
  if ((f64Bits[0] & 1n) === 0n) f64Bits[0] += (b < 0n ? back > b : back < b) ? 1n : -1n;
  return Math.fround(f64[0]);
}

function intOf(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return null;
}

/** A function turning a value read with `src`'s codec into one `dst`'s codec stores as NumPy's cast would. */
export function makeCaster(src: DType, dst: DType): Caster {
  if (src.isStructured || dst.isStructured || src.subdtype !== null || dst.subdtype !== null) {
    try {
      return voidCaster(src, dst);
    } catch (e) {
      // NumPy names the outermost dtypes, whichever nested field failed.
      if (e instanceof TypeError) {
        throw new TypeError(`Cannot cast array data from ${inspect(src)} to ${inspect(dst)} according to the rule 'unsafe'`);
      }
      throw e;
    }
  }
  return scalarCaster(src, dst);
}

function scalarCaster(src: DType, dst: DType): Caster {
  const sk = src.kind;
  const dk = dst.kind;
  if (dk === 'b') return (v) => isNonZero(v);
  if (dk === 'i' || dk === 'u') {
    const bits = dst.itemsize * 8;
    const signed = dk === 'i';
    const out = (b: bigint): unknown => (bits === 64 ? b : Number(b));
    if (sk === 'b' || sk === 'i' || sk === 'u') {
      return (v) => out(wrap(intOf(v) as bigint, bits, signed));
    }
    if (sk === 'f' || sk === 'c') return (v) => out(floatToInt(toNumber(v), bits, signed));
    // Python's int() of the item's text, in the type's bounds.
    if (sk === 'S') return (v) => out(checkedInt(parseIntBytes(v as Uint8Array), bits, signed));
    throw new TypeError(`cannot cast ${src.str} to ${dst.str}`);
  }
  // 64-bit ints into float32 parts must round once, as C's int64 -> float does.
  const wideToSingle = (sk === 'i' || sk === 'u') && src.itemsize === 8 && (dst.kind === 'f' ? dst.itemsize === 4 : dst.itemsize === 8);
  if (dk === 'f') {
    // Python's float() of the item's text (float32 and float16 round that double).
    if (sk === 'S') return (v) => parseFloatBytes(v as Uint8Array);
    if (sk === 'V') throw new TypeError(`cannot cast ${src.str} to ${dst.str}`);
    if (wideToSingle) return (v) => bigintToFloat32(v as bigint);
    return (v) => toNumber(v);
  }
  if (dk === 'c') {
    if (sk === 'c') return (v) => v;
    if (sk === 'S') return (v) => parseComplexBytes(v as Uint8Array);
    if (sk === 'V') throw new TypeError(`cannot cast ${src.str} to ${dst.str}`);
    if (wideToSingle) return (v) => ({ re: bigintToFloat32(v as bigint), im: 0 });
    return (v) => ({ re: toNumber(v), im: 0 });
  }
  if (dk === 'S' || dk === 'V') {
    if (sk === 'S' || sk === 'V') return (v) => v;
    // NumPy's str() of the item (a bool, an integer, a float with its own
    // type's shortest digits, a complex as Python's repr); the S codec
    // NUL-pads or cuts it to the itemsize, as NumPy does.
    if (dk === 'S' && (sk === 'i' || sk === 'u')) return (v) => String(v);
    if (dk === 'S' && sk === 'b') return (v) => (v ? 'True' : 'False');
    if (dk === 'S' && sk === 'f') return (v) => scalarStr(v, src);
    if (dk === 'S' && sk === 'c') return (v) => complexStr((v as Complex).re, (v as Complex).im, src);
    // A number into a void: its bytes in native order (NumPy's copy of the
    // value's memory), which the V codec NUL-pads or cuts to the itemsize.
    if (dk === 'V' && 'biufc'.includes(sk)) {
      const nat = src.isnative ? src : src.newbyteorder('=');
      return (v) => {
        const b = new Uint8Array(nat.itemsize);
        nat.codec.write(new DataView(b.buffer), 0, v);
        return b;
      };
    }
    throw new TypeError(`cannot cast ${src.str} to ${dst.str}`);
  }
  throw new TypeError(`cannot cast ${src.str} to ${dst.str}`);
}

// ------------------------------------------------------------------ records and subarrays

/**
 * NumPy's (>= 1.14) casts that involve fields or subarrays, in the order of
 * its `void_to_void_get_loop` / `get_fields_transfer_function`:
 * - record → record: field by field **by position**, names ignored; the
 *   field counts must match;
 * - record → anything else: only a record with exactly one field, whose
 *   value is cast;
 * - anything else → record: the value is cast into every field;
 * - subarrays: see {@link subarrayCaster}.
 * Records come out as arrays in field order (the record codec takes them),
 * so no field name, `__proto__` included, becomes an object key here.
 * Throws TypeError when NumPy refuses the cast.
 */
function voidCaster(src: DType, dst: DType): Caster {
  if (src.isStructured || dst.isStructured) {
    if (!src.isStructured) {
      const casts = dst.names!.map((n) => voidCaster(src, dst.fields![n].dtype));
      return (v) => casts.map((c) => c(v));
    }
    const sn = src.names!;
    if (!dst.isStructured) {
      if (sn.length !== 1) throw new TypeError('a record casts to a non-record only when it has exactly one field');
      const name = sn[0];
      const c = voidCaster(src.fields![name].dtype, dst);
      return (v) => c((v as Record<string, unknown>)[name]);
    }
    const dn = dst.names!;
    if (sn.length !== dn.length) throw new TypeError('records cast field by field: the field counts differ');
    const casts = sn.map((n, i) => voidCaster(src.fields![n].dtype, dst.fields![dn[i]].dtype));
    return (v) => {
      const r = v as Record<string, unknown>;
      return casts.map((c, i) => c(r[sn[i]]));
    };
  }
  if (src.subdtype !== null || dst.subdtype !== null) return subarrayCaster(src, dst);
  return scalarCaster(src, dst);
}

/**
 * NumPy's subarray transfer (`get_subarray_broadcast_transfer_function`):
 * the source's axes line up with the destination's last axes; a source
 * axis of length 1 (or a missing one) repeats, a destination index past the
 * source's length gets zero bytes, and source axes the destination lacks
 * are read at index 0. So (2,) → (3,) pads with a zero, (2, 3) → (3,) takes
 * the first row and a subarray → scalar takes the first element.
 */
function subarrayCaster(src: DType, dst: DType): Caster {
  const sShape = src.shape;
  const dShape = dst.shape;
  const base = voidCaster(src.base, dst.base);
  const dSize = dShape.reduce((a, b) => a * b, 1);
  const nd = dShape.length;
  // Flat source index for each flat destination index, or -1 for a zero.
  const from = new Array<number>(dSize);
  for (let k = 0; k < dSize; k++) {
    let rest = k;
    let idx = 0;
    let factor = 1;
    for (let i = nd - 1; i >= 0; i--) {
      let coord = rest % dShape[i];
      rest = Math.floor(rest / dShape[i]);
      const len = i >= nd - sShape.length ? sShape[i - (nd - sShape.length)] : 1;
      if (len === 1) coord = 0;
      else if (coord < len) {
        idx += factor * coord;
        factor *= len;
      } else {
        idx = -1;
        break;
      }
    }
    from[k] = idx;
  }
  const zeroBytes = new DataView(new ArrayBuffer(Math.max(dst.base.itemsize, 1)));
  const zero = dst.base.codec.read(zeroBytes, 0);
  const flatten = (v: unknown): unknown[] => {
    if (sShape.length === 0) return [v];
    const out: unknown[] = [];
    const walk = (x: unknown, d: number): void => {
      if (d === sShape.length) out.push(x);
      else for (const e of x as unknown[]) walk(e, d + 1);
    };
    walk(v, 0);
    return out;
  };
  const nest = (flat: unknown[]): unknown => {
    if (nd === 0) return flat[0];
    let at = 0;
    const build = (d: number): unknown[] => {
      const out = new Array<unknown>(dShape[d]);
      for (let i = 0; i < dShape[d]; i++) out[i] = d === nd - 1 ? flat[at++] : build(d + 1);
      return out;
    };
    return build(0);
  };
  return (v) => {
    const leaves = flatten(v);
    const out = new Array<unknown>(dSize);
    for (let k = 0; k < dSize; k++) out[k] = from[k] < 0 ? zero : base(leaves[from[k]]);
    return nest(out);
  };
}

/** Characters NumPy gives the text of each type (`np.zeros(1, t).astype('S').itemsize`). */
const TEXT_LENGTH: Readonly<Record<string, number>> = Object.freeze({
  b1: 5,
  i1: 4,
  i2: 6,
  i4: 11,
  i8: 21,
  u1: 3,
  u2: 5,
  u4: 10,
  u8: 20,
  f2: 32,
  f4: 32,
  f8: 32,
  c8: 64,
  c16: 64,
});

/**
 * The target of `astype` with an unsized `S` or `V` (`a.astype('S')`), sized
 * as NumPy sizes it: `S` as long as the source type's longest text (`S21` for
 * int64) or the source's own length, `V` as the source's itemsize. Any other
 * target is returned as it is.
 */
export function sizedFlexible(src: DType, dst: DType): DType {
  if (dst.itemsize !== 0 || dst.isStructured || dst.shape.length > 0 || (dst.kind !== 'S' && dst.kind !== 'V')) return dst;
  if (dst.kind === 'V') return src.itemsize > 0 ? makeScalar('V', src.itemsize, '|') : dst;
  const n = src.kind === 'S' ? src.itemsize : src.isStructured || src.shape.length > 0 ? undefined : TEXT_LENGTH[`${src.kind}${src.itemsize}`];
  return n === undefined || n === 0 ? dst : makeScalar('S', n, '|');
}
