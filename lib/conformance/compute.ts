/**
 * The conformance runner's compute ops (FORMAT.md, "Compute ops"): one
 * dispatch table merged from the op modules, so each topic registers its ops
 * in its own file: `compute-ufunc-ops.ts` (element-wise ufuncs, `clip`,
 * `where`) and `compute-index-ops.ts` (reductions, fancy indexing, sorting,
 * joining). Also the compute comparisons: `values_ulp` and `buffer_nan`.
 * @module
 */
import { INDEX_OPS } from './compute-index-ops';
import { specialFloat, type ComputeOp, type ComputeOps, type Json } from './compute-operands';
import { UFUNC_OPS } from './compute-ufunc-ops';

export type { ComputeContext, ComputeOp, ComputeOps, Json } from './compute-operands';

function merge(...tables: ComputeOps[]): ReadonlyMap<string, ComputeOp> {
  const all = new Map<string, ComputeOp>();
  for (const t of tables) {
    for (const [name, op] of Object.entries(t)) {
      if (all.has(name)) throw new Error(`compute op '${name}' is registered twice`);
      all.set(name, op);
    }
  }
  return all;
}

/** Every compute op by its case-file name. */
export const COMPUTE_OPS: ReadonlyMap<string, ComputeOp> = merge(UFUNC_OPS, INDEX_OPS);

/** Every op name FORMAT.md defines for compute cases (built or not): a case using one that is not built fails. */
export const COMPUTE_OP_NAMES: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'power', 'minimum', 'maximum', 'less',
  'less_equal', 'greater', 'greater_equal', 'equal', 'not_equal', 'logical_and', 'logical_or', 'logical_xor',
  'bitwise_and', 'bitwise_or', 'bitwise_xor', 'left_shift', 'right_shift', 'negative', 'absolute', 'sqrt',
  'square', 'exp', 'log', 'logical_not', 'invert', 'isnan', 'isfinite', 'isinf', 'signbit', 'clip', 'where',
  'sum', 'prod', 'mean', 'min', 'max', 'any', 'all', 'argmin', 'argmax', 'count_nonzero', 'getitem', 'setitem',
  'put', 'add_at', 'take', 'compress', 'argwhere', 'flatnonzero', 'sort', 'sort_inplace', 'argsort',
  'searchsorted', 'unique', 'unique_counts', 'unique_inverse', 'bincount', 'concatenate', 'stack',
]);

// ------------------------------------------------------------------ comparing

/** A float of a case file: a number, or one spelled as a string (compute-operands.ts `specialFloat`). */
export function decodeFloat(x: Json): number {
  return (typeof x === 'string' ? specialFloat(x) : null) ?? (x as number);
}

const scratch = new DataView(new ArrayBuffer(8));

/** An integer that orders like the float value `x` of `bytes` (2, 4 or 8), +0 and −0 both 0 (FORMAT.md's `ord`). */
function ord(x: number, bytes: number): bigint {
  let bits: bigint;
  let sign: bigint;
  if (bytes === 8) {
    scratch.setFloat64(0, x);
    bits = scratch.getBigUint64(0);
    sign = 1n << 63n;
  } else if (bytes === 4) {
    scratch.setFloat32(0, x);
    bits = BigInt(scratch.getUint32(0));
    sign = 1n << 31n;
  } else {
    bits = BigInt(float16BitsOf(x));
    sign = 1n << 15n;
  }
  return bits & sign ? -(bits & (sign - 1n)) : bits;
}

/** The bits of `x`, a value float16 represents exactly. */
function float16BitsOf(x: number): number {
  scratch.setFloat32(0, x);
  const b = scratch.getUint32(0);
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  const man = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (man ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 1) return sign | (e << 10) | (man >>> 13);
  if (exp === 0) return sign;
  return sign | ((man | 0x800000) >>> (14 - e));
}

/**
 * `values` compared with `values_ulp`: every float (every complex part) within
 * `ulp` units in the last place of a float of `partBytes` bytes; NaN only matches NaN.
 */
export function sameWithinUlp(want: Json, got: Json, ulp: number, partBytes: number): boolean {
  if (Array.isArray(want) && Array.isArray(got)) {
    return want.length === got.length && want.every((w, i) => sameWithinUlp(w, got[i], ulp, partBytes));
  }
  if (Array.isArray(want) || Array.isArray(got)) return false;
  if (typeof want === 'object' || typeof got === 'object' || typeof want === 'boolean' || typeof got === 'boolean') return want === got;
  const a = decodeFloat(want);
  const b = decodeFloat(got);
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  const d = ord(a, partBytes) - ord(b, partBytes);
  return (d < 0n ? -d : d) <= BigInt(ulp);
}

/** True when the bytes at `off` of `buf` hold a NaN of the float spec (`<f4`, `>f8`, `<f2`). */
function isNaNAt(buf: Uint8Array, off: number, spec: string): boolean {
  const little = spec[0] !== '>';
  const n = Number(spec.slice(2));
  const dv = new DataView(buf.buffer, buf.byteOffset + off, n);
  if (n === 8) return Number.isNaN(dv.getFloat64(0, little));
  if (n === 4) return Number.isNaN(dv.getFloat32(0, little));
  const bits = dv.getUint16(0, little);
  return (bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0;
}

/**
 * Compares the buffer with `wantHex`, the bytes listed in `bufferNan` (each
 * `[offset, spec]`) only for holding some NaN. Returns a difference or null.
 */
export function compareBuffer(got: Uint8Array, wantHex: string, bufferNan: Json | undefined): string | null {
  const want = Buffer.from(wantHex, 'hex');
  const mine = Buffer.from(got.buffer, got.byteOffset, got.byteLength);
  if (want.length !== mine.length) return `buffer is ${mine.length} bytes, expected ${want.length}`;
  const skip = new Uint8Array(want.length);
  for (const entry of (bufferNan as [number, string][] | undefined) ?? []) {
    const [off, spec] = entry;
    if (!isNaNAt(got, off, spec)) return `expected a NaN (${spec}) at byte ${off} of the buffer`;
    skip.fill(1, off, off + Number(spec.slice(2)));
  }
  for (let i = 0; i < want.length; i++) {
    if (!skip[i] && want[i] !== mine[i]) return `buffer differs from byte ${i}: expected ${wantHex} got ${mine.toString('hex')}`;
  }
  return null;
}

/** Strides as compared for a new array: axes of length 1 (and every axis of an empty array) read as null. */
export function comparableStrides(shape: readonly number[], strides: readonly Json[]): Json[] {
  const empty = shape.some((n) => n === 0);
  return strides.map((s, i) => (empty || shape[i] === 1 ? null : s));
}
