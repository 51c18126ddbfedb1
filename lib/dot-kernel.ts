/**
 * The bulk loop of matmul and everything built on it (dot, vdot, inner,
 * tensordot): C[n×m] = A[n×k] · B[k×m] over row-major, native-order,
 * aligned typed arrays, one matrix of a stack at a time.
 *
 * Arithmetic is NumPy's per dtype: bool is logical (OR of ANDs), integers
 * wrap modulo 2^bits (every store into the result's typed array wraps, and
 * 32-bit products use `Math.imul`, 64-bit ones BigInt, so no product is
 * rounded), float32 sums in float32, complex as (re, im) pairs. Float sums
 * run in the kernel's order (native/dot_kernels.h: a matrix product sums
 * each element over p = 0…k-1 by fused multiply-adds, a matrix × vector
 * product in 16 lanes of them per segment of 65536 items, the segments'
 * lanes added in order, and a fixed tree); NumPy's BLAS sums in its
 * own blocked order, so float results may differ from NumPy's in the last
 * bits (ints are exact).
 *
 * The native kernel (native/dot_kernels.cc, native/gemm*.cc) runs every
 * kind; these JS loops are its mirror (the same bits), kept for the tests
 * that pin the kernel's order (dot-native.ts's forceDotJs).
 * @module
 */
import type { AnyTypedArray } from './typed';
import { fma32, fma64 } from './fma';

/** What the loop computes with: the dtype class of its operands. */
export type DotKind = 'bool' | 'int' | 'int32' | 'bigint' | 'float' | 'complex';

/** One matrix product of the stack: offsets and sizes in elements (complex: in (re, im) pairs). */
export interface GemmCall {
  readonly aOff: number;
  readonly bOff: number;
  readonly cOff: number;
}

/**
 * C[cOff…] = A[aOff…] · B[bOff…] for an n×k by k×m product (C is zeroed
 * first). `kind` picks the arithmetic (see the module comment).
 */
export function gemmJS(kind: DotKind, A: AnyTypedArray, B: AnyTypedArray, C: AnyTypedArray, call: GemmCall, n: number, k: number, m: number): void {
  const { aOff, bOff, cOff } = call;
  switch (kind) {
    case 'float':
    case 'int':
      gemmNumber(A as Float64Array, B as Float64Array, C as Float64Array, aOff, bOff, cOff, n, k, m);
      return;
    case 'int32':
      gemmInt32(A as Int32Array, B as Int32Array, C as Int32Array, aOff, bOff, cOff, n, k, m);
      return;
    case 'bool':
      gemmBool(A as Uint8Array, B as Uint8Array, C as Uint8Array, aOff, bOff, cOff, n, k, m);
      return;
    case 'bigint':
      gemmBig(A as BigInt64Array, B as BigInt64Array, C as BigInt64Array, aOff, bOff, cOff, n, k, m);
      return;
    case 'complex':
      gemmComplex(A as Float64Array, B as Float64Array, C as Float64Array, aOff, bOff, cOff, n, k, m);
  }
}

/** Lanes of a matrix × vector sum (native/dot_kernels.h: the same order there). */
export const DOT_LANES = 16;
/** Items of a matrix × vector row summed on their own lanes before the segments' lanes are added (native/dot_kernels.h). */
export const DOT_SEGMENT = 65536;

// A float row · vector: each segment of DOT_SEGMENT items in DOT_LANES
// partial sums (lane p mod 16, each a chain of fused multiply-adds from 0),
// the segments' lanes added lane by lane in order, then folded as a fixed
// tree (16 → 8 → 4 → 2 → 1): the kernel's order, bit for bit.
function laneDot(A: Float64Array, ar: number, B: Float64Array, br: number, k: number, f32: boolean, acc: Float64Array, seg: Float64Array): number {
  acc.fill(0);
  for (let s0 = 0; s0 < k; s0 += DOT_SEGMENT) {
    const s1 = Math.min(k, s0 + DOT_SEGMENT);
    const lanes = s0 === 0 ? acc : seg;
    lanes.fill(0);
    if (f32) for (let p = s0; p < s1; p++) lanes[p & 15] = fma32(A[ar + p], B[br + p], lanes[p & 15]);
    else for (let p = s0; p < s1; p++) lanes[p & 15] = fma64(A[ar + p], B[br + p], lanes[p & 15]);
    if (s0 > 0) for (let j = 0; j < DOT_LANES; j++) acc[j] = f32 ? Math.fround(acc[j] + seg[j]) : acc[j] + seg[j];
  }
  if (f32) {
    for (let w = DOT_LANES / 2; w >= 1; w /= 2) for (let j = 0; j < w; j++) acc[j] = Math.fround(acc[j] + acc[j + w]);
  } else {
    for (let w = DOT_LANES / 2; w >= 1; w /= 2) for (let j = 0; j < w; j++) acc[j] += acc[j + w];
  }
  return acc[0];
}

// Float: each product added by a fused multiply-add (one rounding, in
// float32 for float32: fma.ts), as the kernel's FMA. Small ints: each store
// into C's typed array wraps, as NumPy's int loop.
function gemmNumber(A: Float64Array, B: Float64Array, C: Float64Array, aOff: number, bOff: number, cOff: number, n: number, k: number, m: number): void {
  const f32 = (C as AnyTypedArray) instanceof Float32Array;
  const float = f32 || (C as AnyTypedArray) instanceof Float64Array;
  if (float && m === 1) {
    const acc = new Float64Array(DOT_LANES);
    const seg = new Float64Array(DOT_LANES);
    for (let i = 0; i < n; i++) C[cOff + i] = laneDot(A, aOff + i * k, B, bOff, k, f32, acc, seg);
    return;
  }
  for (let i = 0; i < n; i++) {
    const cr = cOff + i * m;
    C.fill(0, cr, cr + m);
    const ar = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const a = A[ar + p];
      const br = bOff + p * m;
      if (f32) for (let j = 0; j < m; j++) C[cr + j] = fma32(a, B[br + j], C[cr + j]);
      else if (float) for (let j = 0; j < m; j++) C[cr + j] = fma64(a, B[br + j], C[cr + j]);
      else for (let j = 0; j < m; j++) C[cr + j] += a * B[br + j];
    }
  }
}

function gemmInt32(A: Int32Array, B: Int32Array, C: Int32Array, aOff: number, bOff: number, cOff: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const cr = cOff + i * m;
    C.fill(0, cr, cr + m);
    const ar = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const a = A[ar + p];
      const br = bOff + p * m;
      for (let j = 0; j < m; j++) C[cr + j] = C[cr + j] + Math.imul(a, B[br + j]);
    }
  }
}

function gemmBool(A: Uint8Array, B: Uint8Array, C: Uint8Array, aOff: number, bOff: number, cOff: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const cr = cOff + i * m;
    C.fill(0, cr, cr + m);
    const ar = aOff + i * k;
    for (let p = 0; p < k; p++) {
      if (A[ar + p] === 0) continue;
      const br = bOff + p * m;
      for (let j = 0; j < m; j++) if (B[br + j] !== 0) C[cr + j] = 1;
    }
  }
}

function gemmBig(A: BigInt64Array, B: BigInt64Array, C: BigInt64Array, aOff: number, bOff: number, cOff: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const cr = cOff + i * m;
    C.fill(0n, cr, cr + m);
    const ar = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const a = A[ar + p];
      if (a === 0n) continue;
      const br = bOff + p * m;
      // The typed array's store wraps modulo 2^64 (ToBigInt64 / ToBigUint64).
      for (let j = 0; j < m; j++) C[cr + j] += a * B[br + j];
    }
  }
}

function gemmComplex(A: Float64Array, B: Float64Array, C: Float64Array, aOff: number, bOff: number, cOff: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const cr = 2 * (cOff + i * m);
    C.fill(0, cr, cr + 2 * m);
    const ar = 2 * (aOff + i * k);
    for (let p = 0; p < k; p++) {
      const are = A[ar + 2 * p];
      const aim = A[ar + 2 * p + 1];
      const br = 2 * (bOff + p * m);
      for (let j = 0; j < m; j++) {
        const bre = B[br + 2 * j];
        const bim = B[br + 2 * j + 1];
        C[cr + 2 * j] += are * bre - aim * bim;
        C[cr + 2 * j + 1] += are * bim + aim * bre;
      }
    }
  }
}
