/**
 * Ufuncs with two outputs (`divmod`, `modf`, `frexp`): NumPy's `out=` is a
 * pair, one entry per output, each an array or null. Each output is its own
 * single-output spec run by `callUfunc` (type resolution, broadcasting,
 * `where`, `casting`, `dtype` as every ufunc), one pass per output, with
 * NumPy's guarantees kept across the two passes:
 *
 * - nothing is written before every check of both outputs has passed (the
 *   second output's checks run first, as a pass with `where: false`, which
 *   checks everything and writes nothing);
 * - the result is as if the inputs were read before any write: an input
 *   (or the mask) that shares memory with the first output is copied
 *   before the first pass writes it;
 * - two outputs that share memory end as NumPy's element-by-element loop
 *   leaves them (see `interleave`): computed into copies, then written
 *   element by element in C order.
 * @module
 */
import { ValueError } from '../errors';
import { NdArray as ArrayClass, describeNonArray, storageOf } from '../internal';
import { mayShareMemory } from '../memory';
import { needsOverlapCopy } from '../write-overlap';
import { broadcastStridesTo } from '../broadcast';
import { dtype as toDType } from '../dtype';
import { resultType, type PyScalar } from '../promote';
import type { NdArray } from '../ndarray';
import { readOptions } from '../options';
import { refusePositionalOut } from '../ufunc-options';
import { runUncaptured } from '../kernels';
import { callUfunc, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';

/** NumPy's `out=` of a two-output ufunc: one entry per output (null: a new array). */
export type OutPair = readonly [NdArray | null | undefined, NdArray | null | undefined];

/** The options of a two-output ufunc: those of every ufunc, with `out` a pair. */
export interface Ufunc2Options extends Omit<UfuncOptions, 'out'> {
  /** Where to write each output (NumPy's `out=(o1, o2)`); either entry may be null. */
  out?: OutPair | null;
}

function outEntry(name: string, v: unknown): NdArray | null {
  if (v === undefined || v === null) return null;
  if (v instanceof ArrayClass) return v;
  throw new TypeError(`${name}(): each entry of out must be an NdArray or null, got ${describeNonArray(v)}`);
}

/** Runs `specs[0]` and `specs[1]` over `inputs`, NumPy's two-output ufunc `name`. */
export function callUfunc2(name: string, specs: readonly [UfuncSpec, UfuncSpec], inputs: readonly UfuncInput[], options: Ufunc2Options = {}): [NdArray, NdArray] {
  // modf(x, o1, o2) is NumPy's positional outputs: refused, not read as no options.
  refusePositionalOut(name, options);
  // Every option read once (lib/options.ts); the rest go to each pass as given.
  const o = readOptions(options ?? {}, ['out', 'where', 'casting', 'dtype', 'order', 'subok']) as Ufunc2Options;
  for (const key of Object.keys(options ?? {})) {
    if (!['out', 'where', 'casting', 'dtype', 'order', 'subok'].includes(key)) throw new TypeError(`${name}() got an unexpected keyword argument '${key}'`);
  }
  let out0: NdArray | null = null;
  let out1: NdArray | null = null;
  if (o.out !== undefined && o.out !== null) {
    if (o.out instanceof ArrayClass) throw new TypeError(`${name}(): out must be a pair [out1, out2] (one entry per output), got an NdArray`);
    if (!Array.isArray(o.out)) throw new TypeError(`${name}(): out must be a pair [out1, out2] or null, got ${describeNonArray(o.out)}`);
    if (o.out.length !== 2) throw new ValueError(`The 'out' tuple must have exactly one entry per ufunc output`);
    out0 = outEntry(name, o.out[0]);
    out1 = outEntry(name, o.out[1]);
  }
  const rest: UfuncOptions = {};
  if (o.casting !== undefined) rest.casting = o.casting;
  if (o.dtype !== undefined) rest.dtype = o.dtype;
  if (o.order !== undefined) rest.order = o.order;
  if (o.subok !== undefined) rest.subok = o.subok;
  let where = o.where ?? null;
  let ins = [...inputs];
  if (out0 !== null && out1 !== null && (where === null || where === true) && mayShareMemory(out0, out1)) {
    // Both checks first, writing nothing; then both results, from the inputs as given.
    callUfunc(specs[0], ins, { ...rest, out: out0, where: false });
    callUfunc(specs[1], ins, { ...rest, out: out1, where: false });
    // On the JS thread even under ufuncAsync: the interleave reads the two
    // results (recorded for the pool they were not there yet, and ufuncAsync
    // left zeros in out).
    // NumPy's loop writes an output that overlaps an input through a
    // temporary copied back after the loop, first output first (nditer's
    // copy-if-overlap, write-overlap.ts); the others it writes directly.
    const viaTemp = [out0, out1].map((o) => ins.some((x) => x instanceof ArrayClass && needsOverlapCopy(x, o, { shape: o.shape, inStrides: broadcastStridesTo(x.shape, x.strides, o.shape), outStrides: o.strides })));
    return runUncaptured(() => {
      const t0 = callUfunc(specs[0], ins, { ...rest, out: out0.copy() });
      const t1 = callUfunc(specs[1], ins, { ...rest, out: out1.copy() });
      if (!viaTemp[0] && !viaTemp[1]) interleave(out0, out1, t0, t1, secondFirst(name, inputs, rest));
      else if (!viaTemp[0]) out0.set(t0);
      else if (!viaTemp[1]) out1.set(t1);
      if (viaTemp[0]) out0.set(t0);
      if (viaTemp[1]) out1.set(t1);
      return [out0, out1];
    });
  }
  if (out0 !== null) {
    // The second output's checks, writing nothing, before the first pass writes.
    if (out1 !== null) callUfunc(specs[1], ins, { ...rest, out: out1, where: false });
    // Inputs the first pass would overwrite, read by the second: copied first.
    ins = ins.map((x) => (x instanceof ArrayClass && mayShareMemory(x, out0 as NdArray) ? x.copy() : x));
    if (where instanceof ArrayClass && mayShareMemory(where, out0)) where = where.copy();
  }
  const r0 = callUfunc(specs[0], ins, { ...rest, out: out0, where });
  const r1 = callUfunc(specs[1], ins, { ...rest, out: out1, where });
  return [r0, r1];
}

/**
 * Outputs that share memory get NumPy's bytes: its loop writes both outputs
 * element by element (C order, no copy), so each shared byte keeps the value
 * written last. Within one element the loop's own order counts: the float
 * loops compute `op1 = npy_divmod(in1, in2, &op2)` (`modf`, `frexp` alike),
 * writing the second output first; integer `divmod` writes the quotient first.
 * Element by element in JS: only for overlapping outputs.
 */
function interleave(out0: NdArray, out1: NdArray, t0: NdArray, t1: NdArray, out1First: boolean): void {
  // The same items twice (out: [x, x]): each item is what is written last, in
  // one bulk copy (the walk below took 4 s per million items).
  if (storageOf(out0) === storageOf(out1) && out0.offset === out1.offset && out0.itemsize === out1.itemsize && out0.strides.every((s, i) => s === out1.strides[i])) {
    if (out1First) out0.set(t0);
    else out1.set(t1);
    return;
  }
  const shape = out0.shape;
  const n = out0.size;
  const idx = new Array<number>(shape.length).fill(0);
  const put = (out: NdArray, t: NdArray): void => out.index(...idx).set(t.get(...idx));
  for (let k = 0; k < n; k++) {
    if (out1First) {
      put(out1, t1);
      put(out0, t0);
    } else {
      put(out0, t0);
      put(out1, t1);
    }
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

/** True when NumPy's loop writes the second output of an element first (all float loops; not integer divmod). */
function secondFirst(name: string, inputs: readonly UfuncInput[], rest: UfuncOptions): boolean {
  if (name !== 'divmod') return true;
  let kind: string;
  try {
    kind = rest.dtype !== undefined && rest.dtype !== null ? toDType(rest.dtype).kind : resultType(...(inputs as PyScalar[])).kind;
  } catch {
    return true; // the passes themselves raise the resolution error
  }
  return kind === 'f';
}
