/**
 * Operands and kwargs of the compute ops in `cases-compute/*.json` (FORMAT.md,
 * "Compute ops"): the op signature both op tables implement, and the decoding
 * of operands into arrays and Python scalars.
 *
 * Operands: `"self"`; `{"self": [op, ...]}` (the current array after a
 * sub-chain); `{"dtype", "shape", "values"}` (a new C-contiguous array); a
 * number (Python `int` when integral, else `float`: the scalar rule, which is
 * the library's own rule for JS numbers); `"nan" "inf" "-inf" "-0"` (floats);
 * `true`/`false`; `{"int": "…"}` (a bigint); `{"complex": [re, im]}`.
 * @module
 */
import { array, dtype as toDType, NdArray, zeros, type DType } from '../index';
import type { PyScalar } from '../promote';

/** A JSON value of a case file. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** What an op needs from the runner. */
export interface ComputeContext {
  /** Applies one op of either table (or the view ops) to `a`. */
  apply(a: NdArray, op: Json[]): NdArray;
  /** A `set`-style value decoded against `dt`. */
  decode(v: Json, dt: DType): unknown;
}

/** One compute op: `a` is the current array, `args` the op's elements after its name. */
export type ComputeOp = (a: NdArray, args: Json[], ctx: ComputeContext) => NdArray;

/** A table of ops by their case-file name. */
export type ComputeOps = Record<string, ComputeOp>;

/** An operand: an array, a Python scalar, or null (`clip`'s missing bound). */
export type Operand = NdArray | PyScalar | null;

/** The float a case file spells as a string (`"nan" "inf" "-inf" "-0"`), or null for any other string. */
export function specialFloat(x: string): number | null {
  switch (x) {
    case 'nan':
      return NaN;
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    case '-0':
      return -0;
  }
  return null;
}

/** An operand (see the module comment) for op input `a`. */
export function operand(a: NdArray, v: Json, ctx: ComputeContext): Operand {
  if (v === 'self') return a;
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'string') {
    const f = specialFloat(v);
    if (f === null) throw new Error(`runner: unknown operand '${v}'`);
    return f;
  }
  if (Array.isArray(v)) throw new Error(`runner: a list is not an operand: ${JSON.stringify(v)}`);
  if ('self' in v) {
    let cur = a;
    for (const op of v.self as Json[][]) cur = ctx.apply(cur, op);
    return cur;
  }
  if ('int' in v) return BigInt(v.int as string);
  if ('complex' in v) {
    const [re, im] = v.complex as Json[];
    const part = (x: Json): number => (typeof x === 'string' ? (specialFloat(x) ?? Number(x)) : (x as number));
    return { re: part(re), im: part(im) };
  }
  if ('dtype' in v) return newArray(v, ctx);
  throw new Error(`runner: unknown operand ${JSON.stringify(v)}`);
}

/** An operand that must be an array. */
export function arrayOperand(a: NdArray, v: Json, ctx: ComputeContext): NdArray {
  const x = operand(a, v, ctx);
  if (!(x instanceof NdArray)) throw new Error(`runner: expected an array operand, got ${JSON.stringify(v)}`);
  return x;
}

/** `np.array(values, dtype).reshape(shape)`: C-contiguous, aligned, writeable, outside the case buffer. */
export function newArray(v: { [k: string]: Json }, ctx: ComputeContext): NdArray {
  const dt = toDType(v.dtype as never);
  // An empty one has the strides of exactly that: np.array of the nested lists is a new
  // empty array of the lists' shape (zero strides), and the reshape, when `shape` is another
  // one, lays it out in C order over it ([] as (0, 2, 3) of float64: (48, 24, 8)). Either
  // orders a result laid out over it (a reduction's where=: fuzz seeds 11069405 11206928).
  if ((v.shape as number[]).includes(0)) return array(v.values as never, dt).reshape(v.shape as number[]);
  const out = zeros(v.shape as number[], dt);
  if (out.size > 0) out.set(ctx.decode(v.values, dt));
  return out;
}

/** Splits an op's arguments into its fixed arguments and its kwargs object (the last element when it is a plain object). */
export function splitKwargs(args: Json[], fixed: number): [Json[], { [k: string]: Json }] {
  if (args.length > fixed) {
    const last = args[args.length - 1];
    if (last !== null && typeof last === 'object' && !Array.isArray(last)) return [args.slice(0, -1), last];
  }
  return [args, {}];
}
