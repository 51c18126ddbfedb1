// One canonical JSON form for array values on both sides of a NumPy
// cross-check: ints as decimal strings (64-bit ones do not fit a double),
// floats as numbers or 'nan' / 'inf' / '-inf' / '-0', complex as {re, im},
// bytes as hex, records as lists in field order, subarrays as nested lists.
import type { DType, NdArray } from '../../lib';

/** Python source defining `encode(a)`, the NumPy side of {@link encode}. */
export const PY_ENCODE = `
import math
def encf(v):
    v = float(v)
    if math.isnan(v): return 'nan'
    if math.isinf(v): return 'inf' if v > 0 else '-inf'
    if v == 0 and math.copysign(1, v) < 0: return '-0'
    return v
def enc(x, dt):
    if dt.names is not None:
        return [enc(x[i], dt.fields[n][0]) for i, n in enumerate(dt.names)]
    if dt.subdtype is not None:
        return encarr(x, dt.subdtype[0], len(dt.subdtype[1]))
    k = dt.kind
    if k == 'b': return bool(x)
    if k in 'iu': return str(int(x))
    if k == 'f': return encf(x)
    if k == 'c': return {'re': encf(x.real), 'im': encf(x.imag)}
    if k in 'SV': return bytes(x).hex()
    raise TypeError(dt)
def encarr(x, dt, ndim):
    if ndim == 0: return enc(x, dt)
    return [encarr(e, dt, ndim - 1) for e in x]
def encode(a):
    return encarr(a.tolist(), a.dtype, a.ndim)
`;

function encF(v: number): number | string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  return v;
}

/**
 * Encodes one value of `dt`. With `checkTypes`, also asserts that it has the
 * library's documented JS type (boolean, number, bigint, {re, im}, Uint8Array,
 * plain object in field order, nested arrays).
 */
export function encodeValue(v: unknown, dt: DType, checkTypes = false): unknown {
  if (dt.isStructured) {
    const rec = v as Record<string, unknown>;
    if (checkTypes) {
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.keys(rec)).toEqual(dt.names);
    }
    return dt.names!.map((n) => encodeValue(rec[n], dt.fields![n].dtype, checkTypes));
  }
  if (dt.shape.length > 0) return encodeNested(v, dt.base, dt.shape.length, checkTypes);
  switch (dt.kind) {
    case 'b':
      if (checkTypes) expect(typeof v).toBe('boolean');
      return v;
    case 'i':
    case 'u':
      if (checkTypes) expect(typeof v).toBe(dt.itemsize === 8 ? 'bigint' : 'number');
      return String(v);
    case 'f':
      if (checkTypes) expect(typeof v).toBe('number');
      return encF(v as number);
    case 'c': {
      const c = v as { re: number; im: number };
      if (checkTypes) expect(Object.keys(c)).toEqual(['re', 'im']);
      return { re: encF(c.re), im: encF(c.im) };
    }
    default:
      if (checkTypes) expect(v).toBeInstanceOf(Uint8Array);
      return Buffer.from(v as Uint8Array).toString('hex');
  }
}

function encodeNested(v: unknown, dt: DType, ndim: number, checkTypes: boolean): unknown {
  if (ndim === 0) return encodeValue(v, dt, checkTypes);
  if (checkTypes) expect(Array.isArray(v)).toBe(true);
  return (v as unknown[]).map((e) => encodeNested(e, dt, ndim - 1, checkTypes));
}

/** `a.toArray()` in the canonical form (the JS side of Python's `encode(a)`). */
export function encode(a: NdArray, checkTypes = false): unknown {
  return encodeNested(a.toArray(), a.dtype, a.ndim, checkTypes);
}
