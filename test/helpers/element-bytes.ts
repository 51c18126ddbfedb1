// Shared by the element-byte tests (assign, copy): a small int16 grid, hex
// bytes, and one JSON-safe encoding of values used on both the JS and the
// Python side.
import { arange } from '../../lib/create';
import type { NdArray } from '../../lib/ndarray';
/** A (3, 4) int16 array holding 0..11. */
export function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(h: string): Uint8Array {
  return new Uint8Array(Buffer.from(h, 'hex'));
}

/** JSON-safe encoding of values, the same as the Python side's. */
export function enc(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : v.toString();
  if (typeof v === 'number') {
    if (v !== v) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return Object.is(v, -0) ? '-0' : v;
  }
  if (Array.isArray(v)) return v.map(enc);
  if (v !== null && typeof v === 'object' && 're' in v) {
    const c = v as { re: number; im: number };
    return [enc(c.re), enc(c.im)];
  }
  return v;
}

export const PY_ENC = String.raw`
def enc(v):
    if isinstance(v, bool): return v
    if isinstance(v, int): return str(v) if abs(v) > 2**53 - 1 else v
    if isinstance(v, float):
        if v != v: return 'nan'
        if v in (float('inf'), float('-inf')): return 'inf' if v > 0 else '-inf'
        if v == 0 and str(v).startswith('-'): return '-0'
        return v
    if isinstance(v, complex): return [enc(v.real), enc(v.imag)]
    if isinstance(v, list): return [enc(x) for x in v]
    raise TypeError(type(v))
`;

