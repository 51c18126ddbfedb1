/**
 * Per-dtype codecs: how one item is read from and written to a DataView.
 *
 * Values follow the library's one mapping (see the README): bool ↔ boolean,
 * 8–32-bit ints and f2/f4/f8 ↔ number, i8/u8 ↔ bigint, complex ↔
 * `{ re, im }`, `S` ↔ Uint8Array without trailing NULs, `V` ↔ Uint8Array,
 * record ↔ plain object in field order, subarray ↔ nested arrays.
 *
 * Each codec is assembled once per dtype from closures picked by kind, size
 * and byte order, so element access does no dispatch. A write is split in two
 * phases: `convert` validates and converts (and may throw), `store` only puts
 * bytes. `write` is `store(convert(v))`, so a bad value never leaves a half
 * written item, and callers filling many items convert once.
 * @module
 */
import { OverflowError, ValueError, repr } from '../errors';
import type { DType } from './dtype';
import { float16Bits, float16Value } from './float16';
import { tupleNoSpace } from '../format';

/** Reads and writes one item of a dtype. */
export interface Codec {
  /** Decodes the item at `byteOffset`. */
  read(dv: DataView, byteOffset: number): unknown;
  /** Converts `value` and stores it at `byteOffset`; throws before touching any byte if it cannot. */
  write(dv: DataView, byteOffset: number, value: unknown): void;
  /** Validates and converts a JS value to this codec's stored form (throws on a bad value). */
  convert(value: unknown): unknown;
  /** Stores a value returned by `convert`; never throws for such a value. */
  store(dv: DataView, byteOffset: number, converted: unknown): void;
}

type Read = (dv: DataView, o: number) => unknown;
type Store = (dv: DataView, o: number, v: never) => void;
type Convert = (v: unknown) => unknown;

/** Builds the codec of `dt` (DType.codec caches it). */
export function buildCodec(dt: DType): Codec {
  if (dt.isStructured) return recordCodec(dt);
  if (dt.subdtype) return subarrayCodec(dt.base.codec, dt.base, dt.shape);
  const [read, store] = accessors(dt);
  const convert = converter(dt);
  return codec(read, convert, store as (dv: DataView, o: number, v: unknown) => void);
}

function codec(read: Read, convert: Convert, store: (dv: DataView, o: number, v: unknown) => void): Codec {
  return {
    read,
    convert,
    store,
    write: (dv, o, v) => store(dv, o, convert(v)),
  };
}

// ---------------------------------------------------------------- scalar accessors

// [little-endian, big-endian] pairs, so the byte order is a literal at each call site.
const NUMERIC: Record<string, readonly [[Read, Store], [Read, Store]]> = {
  i2: [
    [(dv, o) => dv.getInt16(o, true), (dv, o, v: number) => dv.setInt16(o, v, true)],
    [(dv, o) => dv.getInt16(o, false), (dv, o, v: number) => dv.setInt16(o, v, false)],
  ],
  u2: [
    [(dv, o) => dv.getUint16(o, true), (dv, o, v: number) => dv.setUint16(o, v, true)],
    [(dv, o) => dv.getUint16(o, false), (dv, o, v: number) => dv.setUint16(o, v, false)],
  ],
  i4: [
    [(dv, o) => dv.getInt32(o, true), (dv, o, v: number) => dv.setInt32(o, v, true)],
    [(dv, o) => dv.getInt32(o, false), (dv, o, v: number) => dv.setInt32(o, v, false)],
  ],
  u4: [
    [(dv, o) => dv.getUint32(o, true), (dv, o, v: number) => dv.setUint32(o, v, true)],
    [(dv, o) => dv.getUint32(o, false), (dv, o, v: number) => dv.setUint32(o, v, false)],
  ],
  i8: [
    [(dv, o) => dv.getBigInt64(o, true), (dv, o, v: bigint) => dv.setBigInt64(o, v, true)],
    [(dv, o) => dv.getBigInt64(o, false), (dv, o, v: bigint) => dv.setBigInt64(o, v, false)],
  ],
  u8: [
    [(dv, o) => dv.getBigUint64(o, true), (dv, o, v: bigint) => dv.setBigUint64(o, v, true)],
    [(dv, o) => dv.getBigUint64(o, false), (dv, o, v: bigint) => dv.setBigUint64(o, v, false)],
  ],
  f2: [
    [(dv, o) => float16Value(dv.getUint16(o, true)), (dv, o, v: number) => dv.setUint16(o, float16Bits(v), true)],
    [(dv, o) => float16Value(dv.getUint16(o, false)), (dv, o, v: number) => dv.setUint16(o, float16Bits(v), false)],
  ],
  f4: [
    [(dv, o) => dv.getFloat32(o, true), (dv, o, v: number) => dv.setFloat32(o, v, true)],
    [(dv, o) => dv.getFloat32(o, false), (dv, o, v: number) => dv.setFloat32(o, v, false)],
  ],
  f8: [
    [(dv, o) => dv.getFloat64(o, true), (dv, o, v: number) => dv.setFloat64(o, v, true)],
    [(dv, o) => dv.getFloat64(o, false), (dv, o, v: number) => dv.setFloat64(o, v, false)],
  ],
  c8: [
    [
      (dv, o) => ({ re: dv.getFloat32(o, true), im: dv.getFloat32(o + 4, true) }),
      (dv, o, v: Complex) => (dv.setFloat32(o, v.re, true), dv.setFloat32(o + 4, v.im, true)),
    ],
    [
      (dv, o) => ({ re: dv.getFloat32(o, false), im: dv.getFloat32(o + 4, false) }),
      (dv, o, v: Complex) => (dv.setFloat32(o, v.re, false), dv.setFloat32(o + 4, v.im, false)),
    ],
  ],
  c16: [
    [
      (dv, o) => ({ re: dv.getFloat64(o, true), im: dv.getFloat64(o + 8, true) }),
      (dv, o, v: Complex) => (dv.setFloat64(o, v.re, true), dv.setFloat64(o + 8, v.im, true)),
    ],
    [
      (dv, o) => ({ re: dv.getFloat64(o, false), im: dv.getFloat64(o + 8, false) }),
      (dv, o, v: Complex) => (dv.setFloat64(o, v.re, false), dv.setFloat64(o + 8, v.im, false)),
    ],
  ],
};

function bytesAt(dv: DataView, o: number, n: number): Uint8Array {
  return new Uint8Array(dv.buffer, dv.byteOffset + o, n);
}

function accessors(dt: DType): [Read, Store] {
  const n = dt.itemsize;
  switch (dt.kind) {
    case 'b':
      return [(dv, o) => dv.getUint8(o) !== 0, (dv, o, v: boolean) => dv.setUint8(o, v ? 1 : 0)];
    case 'S':
      return [
        (dv, o) => {
          const b = bytesAt(dv, o, n);
          let end = n;
          while (end > 0 && b[end - 1] === 0) end--;
          return b.slice(0, end);
        },
        (dv, o, v: Uint8Array) => bytesAt(dv, o, n).set(v),
      ];
    case 'V':
      return [(dv, o) => bytesAt(dv, o, n).slice(), (dv, o, v: Uint8Array) => bytesAt(dv, o, n).set(v)];
    default:
      if (n === 1) {
        return dt.kind === 'i'
          ? [(dv, o) => dv.getInt8(o), (dv, o, v: number) => dv.setInt8(o, v)]
          : [(dv, o) => dv.getUint8(o), (dv, o, v: number) => dv.setUint8(o, v)];
      }
      return NUMERIC[`${dt.kind}${n}`][dt.littleEndian ? 0 : 1];
  }
}

// ---------------------------------------------------------------- conversions

interface Complex {
  re: number;
  im: number;
}

/** `{ re, im }` or `[re, im]` with number parts, else undefined. */
function asComplex(v: unknown): Complex | undefined {
  if (Array.isArray(v)) {
    return v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' ? { re: v[0], im: v[1] } : undefined;
  }
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
    const c = v as Partial<Complex>;
    if (typeof c.re === 'number' && typeof c.im === 'number') return { re: c.re, im: c.im };
  }
  return undefined;
}

function cannotStore(v: unknown, dt: DType, expected: string): TypeError {
  return new TypeError(`cannot store ${describe(v)} in a ${dt.name} (${dt.str}) item: expected ${expected}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  const shown = repr(v);
  const type = Array.isArray(v) ? 'array' : ArrayBuffer.isView(v) ? v.constructor.name : typeof v;
  return `${type} ${shown.length > 60 ? shown.slice(0, 57) + '...' : shown}`;
}

/** Python's `int(x)` for a JS number: truncation, with NumPy's errors for NaN and inf. */
function truncate(v: number): number {
  if (v !== v) throw new ValueError('cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw new OverflowError('cannot convert float infinity to integer');
  return Math.trunc(v);
}

/**
 * NumPy 2's error for a Python int outside an integer dtype: "Python
 * integer 300 out of bounds for int8", or Python's own for one no C long
 * holds (an unsigned dtype reads up to 2^64 - 1 first: uint32 with 2^63
 * is out of bounds for uint32, int8 with it too large for a C long).
 */
function outOfBounds(v: number | bigint, dt: DType): OverflowError {
  const b = typeof v === 'bigint' ? v : BigInt(v);
  const top = dt.kind === 'u' ? 2n ** 64n : 2n ** 63n;
  if (b < -(2n ** 63n) || b >= top) return new OverflowError('Python int too large to convert to C long');
  return new OverflowError(`Python integer ${b} out of bounds for ${dt.name}`);
}

function converter(dt: DType): Convert {
  switch (dt.kind) {
    case 'b':
      return (v) => {
        if (typeof v === 'boolean') return v;
        if (typeof v === 'number') return v !== 0; // NaN is true, as in NumPy
        if (typeof v === 'bigint') return v !== 0n;
        const c = asComplex(v);
        if (c) return c.re !== 0 || c.im !== 0;
        throw cannotStore(v, dt, 'a boolean, number, bigint or complex');
      };
    case 'i':
    case 'u':
      return dt.itemsize === 8 ? int64Converter(dt) : intConverter(dt);
    case 'f':
      return (v) => {
        if (typeof v === 'number') return v;
        if (typeof v === 'boolean') return v ? 1 : 0;
        if (typeof v === 'bigint') return Number(v);
        // A Python complex stored into a real item is NumPy's TypeError (float() of a complex),
        // even with a zero imaginary part; an array cast drops the imaginary part elsewhere.
        if (asComplex(v)) throw new TypeError("float() argument must be a string or a real number, not 'complex'");
        throw cannotStore(v, dt, 'a number, boolean or bigint');
      };
    case 'c':
      return (v): Complex => {
        if (typeof v === 'number') return { re: v, im: 0 };
        if (typeof v === 'boolean') return { re: v ? 1 : 0, im: 0 };
        if (typeof v === 'bigint') return { re: Number(v), im: 0 };
        const c = asComplex(v);
        if (c) return c;
        throw cannotStore(v, dt, '{ re, im }, [re, im], a number, boolean or bigint');
      };
    case 'S':
      return bytesConverter(dt, true);
    case 'V':
      return bytesConverter(dt, false);
  }
}

/** A Python complex stored into an integer item: NumPy's TypeError (Python's int() of a complex). */
const INT_OF_COMPLEX = "int() argument must be a string, a bytes-like object or a real number, not 'complex'";

function intConverter(dt: DType): Convert {
  const bits = dt.itemsize * 8;
  const min = dt.kind === 'u' ? 0 : -(2 ** (bits - 1));
  const max = dt.kind === 'u' ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
  const bmin = BigInt(min);
  const bmax = BigInt(max);
  return (v) => {
    if (typeof v === 'number') {
      const n = truncate(v);
      if (n < min || n > max) throw outOfBounds(n, dt);
      return n;
    }
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') {
      if (v < bmin || v > bmax) throw outOfBounds(v, dt);
      return Number(v);
    }
    if (!Array.isArray(v) && asComplex(v)) throw new TypeError(INT_OF_COMPLEX);
    throw cannotStore(v, dt, 'a number, bigint or boolean');
  };
}

function int64Converter(dt: DType): Convert {
  const min = dt.kind === 'u' ? 0n : -(2n ** 63n);
  const max = dt.kind === 'u' ? 2n ** 64n - 1n : 2n ** 63n - 1n;
  return (v) => {
    let b: bigint;
    if (typeof v === 'bigint') b = v;
    else if (typeof v === 'boolean') return v ? 1n : 0n;
    else if (typeof v === 'number') {
      const n = truncate(v);
      if (!Number.isSafeInteger(n)) {
        throw new TypeError(
          `cannot store ${v} exactly in a ${dt.name} item: numbers beyond ±(2^53 - 1) lose precision; pass a BigInt`,
        );
      }
      b = BigInt(n);
    } else if (!Array.isArray(v) && asComplex(v)) {
      throw new TypeError(INT_OF_COMPLEX);
    } else throw cannotStore(v, dt, 'a bigint, a safe-integer number or a boolean');
    if (b < min || b > max) throw outOfBounds(b, dt);
    return b;
  };
}

/** Python's `str()` of a number: ints plainly, floats in repr form ('1.5', '1e+20', '-0.0', 'nan'). */
function pyNumberText(v: number): string {
  if (v !== v) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v); // indistinguishable from a Python int
  const [mant, expText] = v.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const digits = mant.replace('-', '').replace('.', '');
  const sign = v < 0 ? '-' : '';
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac || '0'}`;
}

function bytesConverter(dt: DType, textOk: boolean): Convert {
  const n = dt.itemsize;
  const fit = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(n); // NUL padding, as NumPy pads S and V
    out.set(src.length > n ? src.subarray(0, n) : src);
    return out;
  };
  return (v) => {
    if (v instanceof Uint8Array) return fit(v);
    if (textOk) {
      let text: string | undefined;
      if (typeof v === 'string') text = v;
      else if (typeof v === 'number') text = pyNumberText(v);
      else if (typeof v === 'bigint') text = v.toString();
      else if (typeof v === 'boolean') text = v ? 'True' : 'False';
      if (text !== undefined) {
        const codes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c > 0x7f) {
            const ch = String.fromCodePoint(text.codePointAt(i)!);
            throw new ValueError(
              `'ascii' codec can't encode character '${ch}' (U+${c.toString(16).toUpperCase().padStart(4, '0')}) ` +
                `in position ${i} of ${repr(text)}: ${dt.str} holds ASCII only; pass a Uint8Array for other bytes`,
            );
          }
          codes[i] = c;
        }
        return fit(codes);
      }
      throw cannotStore(v, dt, 'a string (ASCII), Uint8Array, number, bigint or boolean');
    }
    throw cannotStore(v, dt, 'a Uint8Array (a bytes-like object)');
  };
}

// ---------------------------------------------------------------- records

function recordCodec(dt: DType): Codec {
  const names = dt.names!;
  const count = names.length;
  const offsets = names.map((n) => dt.fields![n].offset);
  const codecs = names.map((n) => dt.fields![n].dtype.codec);
  // A field named '__proto__' must become an own property, not the prototype.
  const plainKeys = !names.includes('__proto__');
  const nameSet = new Set(names);
  // Records with a field named re or im read `{ re, im }` as a dict of fields.
  const complexScalar = !nameSet.has('re') && !nameSet.has('im');

  const read = (dv: DataView, o: number): Record<string, unknown> => {
    const r: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const v = codecs[i].read(dv, o + offsets[i]);
      if (plainKeys) r[names[i]] = v;
      else Object.defineProperty(r, names[i], { value: v, enumerable: true, writable: true, configurable: true });
    }
    return r;
  };

  const convert = (v: unknown): unknown[] => {
    if (Array.isArray(v)) {
      if (v.length !== count) {
        throw new ValueError(`could not assign tuple of length ${v.length} to structure with ${count} fields.`);
      }
      return codecs.map((c, i) => c.convert(v[i]));
    }
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
      return codecs.map((c) => c.convert(v)); // a scalar goes to every field, as in NumPy
    }
    if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const proto = Object.getPrototypeOf(v);
      // A complex scalar ({ re, im } with no such fields) goes to every field, as NumPy's
      // complex does (a float field refuses it: Python's float() of a complex; fuzz seed 10379162).
      if (complexScalar && Object.keys(v).length === 2 && asComplex(v) !== undefined) return codecs.map((c) => c.convert(v));
      if (proto === Object.prototype || proto === null) {
        const obj = v as Record<string, unknown>;
        for (const key of Object.keys(obj)) {
          if (!nameSet.has(key)) throw new ValueError(`no field of name ${repr(key)} in ${dt}: cannot store ${describe(v)}`);
        }
        return codecs.map((c, i) => {
          if (!Object.prototype.hasOwnProperty.call(obj, names[i])) {
            throw new ValueError(`missing field ${repr(names[i])} in ${describe(v)} for a record of ${dt}`);
          }
          return c.convert(obj[names[i]]);
        });
      }
    }
    throw new TypeError(
      `cannot store ${describe(v)} in a record of ${dt}: expected an object with every field or an array with one entry per field`,
    );
  };

  const store = (dv: DataView, o: number, conv: unknown): void => {
    const values = conv as unknown[];
    for (let i = 0; i < count; i++) codecs[i].store(dv, o + offsets[i], values[i]);
  };

  return codec(read, convert, store);
}

// ---------------------------------------------------------------- subarrays

/** A converted subarray value smaller than the subarray: its leaves, broadcast when stored. */
class Broadcast {
  constructor(
    readonly leaves: readonly unknown[],
    /** Leading subarray axes the value does not have. */
    readonly lead: number,
    /** Leaf strides of the value's axes (0 where it broadcasts). */
    readonly vstrides: readonly number[],
  ) {}
}

function subarrayCodec(base: Codec, baseDType: DType, shape: readonly number[]): Codec {
  const ndim = shape.length;
  const step = baseDType.itemsize;
  const count = shape.reduce((a, b) => a * b, 1);
  const strides = shape.map((_, d) => step * shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const shapeText = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

  const readDim = (dv: DataView, o: number, d: number): unknown[] => {
    const out = new Array<unknown>(shape[d]);
    for (let i = 0; i < shape[d]; i++) {
      out[i] = d === ndim - 1 ? base.read(dv, o + i * step) : readDim(dv, o + i * strides[d], d + 1);
    }
    return out;
  };

  const broadcasts = (vshape: number[]): boolean =>
    vshape.length <= ndim && vshape.every((n, i) => n === 1 || n === shape[ndim - vshape.length + i]);

  const convert = (v: unknown): unknown[] | Broadcast => {
    // The value's own shape: array levels, at most as deep as the subarray.
    const vshape: number[] = [];
    for (let cur = v; Array.isArray(cur) && vshape.length < ndim; cur = cur[0]) {
      vshape.push(cur.length);
      if (cur.length === 0) break;
    }
    // A [re, im] pair at the bottom is one complex value when it cannot be an array level.
    if (!broadcasts(vshape) && baseDType.kind === 'c' && vshape[vshape.length - 1] === 2) vshape.pop();
    if (!broadcasts(vshape)) {
      throw new ValueError(`could not broadcast input array from shape ${tupleNoSpace(vshape)} into shape ${tupleNoSpace(shape)}`);
    }
    const leaves: unknown[] = [];
    const gather = (x: unknown, d: number): void => {
      if (d === vshape.length) {
        leaves.push(base.convert(x));
        return;
      }
      if (!Array.isArray(x) || x.length !== vshape[d]) {
        throw new ValueError(
          `setting an array element with a sequence: the value has an inhomogeneous shape after ${d} dimensions (expected ${shapeText(vshape)})`,
        );
      }
      for (const e of x) gather(e, d + 1);
    };
    gather(v, 0);
    if (leaves.length === count) return leaves;
    // Broadcast, expanded only when stored: a scalar for a subarray of 2^27
    // items keeps one leaf here, not a 2^27-entry array.
    const vstrides = vshape.map((n, i) => (n === 1 ? 0 : vshape.slice(i + 1).reduce((a, b) => a * b, 1)));
    return new Broadcast(leaves, ndim - vshape.length, vstrides);
  };

  const store = (dv: DataView, o: number, conv: unknown): void => {
    if (!(conv instanceof Broadcast)) {
      const values = conv as unknown[];
      for (let i = 0; i < count; i++) base.store(dv, o + i * step, values[i]);
      return;
    }
    const { leaves, lead, vstrides } = conv;
    if (leaves.length === 1) {
      for (let i = 0; i < count; i++) base.store(dv, o + i * step, leaves[0]);
      return;
    }
    // Walk the target in C order, mapping each index into the value.
    const idx = new Array<number>(ndim).fill(0);
    for (let k = 0; k < count; k++) {
      let src = 0;
      for (let i = 0; i < vstrides.length; i++) src += idx[lead + i] * vstrides[i];
      base.store(dv, o + k * step, leaves[src]);
      for (let d = ndim - 1; d >= 0 && ++idx[d] === shape[d]; d--) idx[d] = 0;
    }
  };

  return codec((dv, o) => readDim(dv, o, 0), convert, store);
}
