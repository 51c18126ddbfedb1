/**
 * A generalized ufunc's `out=` (`matmul`, `matvec`, `vecmat`, `vecdot`):
 * the checks NumPy's gufunc machinery makes, in its order and words, and
 * the result written there. The result is computed first and then stored,
 * so an `out` that overlaps an input gets NumPy's answer (as if the inputs
 * were copied first).
 * @module
 */
import { inspect } from 'util';
import type { NdArray } from './ndarray';
import { ValueError, repr } from './errors';
import { isArray, requireOpen, requireWritable } from './internal';
import { canCast, type Casting } from './promote';
import { UFuncTypeError } from './ufunc';
import { iteratorShape, tupleNoSpace } from './format';

/** An input of the gufunc as its iterator sees it: the shape it was given and how many of its last axes are core axes. */
export interface GufuncOperand {
  readonly shape: readonly number[];
  readonly core: number;
}

/** `out` checked as an output operand (null when none): an open, writeable NdArray. */
export function gufuncOut(out: unknown): NdArray | null {
  if (out === undefined || out === null) return null;
  if (!isArray(out)) throw new TypeError(`out must be an NdArray, got ${repr(out)}`);
  requireOpen(out);
  requireWritable(out, 'output array is read-only');
  return out;
}

/**
 * NumPy's iterator error when the loop (non-core) axes of the operands do
 * not broadcast: each operand's shape, remapped onto the iterator's axes
 * (its loop axes right-aligned, `newaxis` at the output's core axes), then
 * the output's core shape as the requested one.
 */
function remappedError(inputs: readonly GufuncOperand[], out: NdArray | null, outCoreShape: readonly number[]): ValueError {
  const outCore = outCoreShape.length;
  const loop = (op: GufuncOperand): readonly number[] => op.shape.slice(0, op.shape.length - op.core);
  const loopNdim = Math.max(out === null ? 0 : out.ndim - outCore, ...inputs.map((op) => loop(op).length));
  const parts = inputs.map((op) => {
    const l = loop(op);
    const mapped = [...new Array<number>(loopNdim - l.length).fill(-1), ...l, ...new Array<number>(outCore).fill(-1)];
    return `${iteratorShape(op.shape)}->${iteratorShape(mapped)} `;
  });
  if (out !== null) parts.push(`${iteratorShape(out.shape)}->${iteratorShape([...new Array<number>(loopNdim - (out.ndim - outCore)).fill(-1), ...out.shape])} `);
  const requested = [...new Array<number>(loopNdim).fill(-1), ...outCoreShape];
  return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join('')} and requested shape ${iteratorShape(requested)}`);
}

/**
 * The inputs' loop axes broadcast together, or NumPy's iterator error when
 * they do not (`outCoreShape`: the result's core shape, which it names; an
 * `out` given is named too).
 */
export function checkLoopBroadcast(inputs: readonly GufuncOperand[], outCoreShape: readonly number[], out: unknown = null): void {
  const loops = inputs.map((op) => op.shape.slice(0, op.shape.length - op.core));
  const nd = Math.max(0, ...loops.map((l) => l.length));
  for (let i = 1; i <= nd; i++) {
    let n = 1;
    for (const l of loops) {
      const d = l.length - i >= 0 ? l[l.length - i] : 1;
      if (d === 1) continue;
      if (n !== 1 && d !== n) throw remappedError(inputs, isArray(out) ? out : null, outCoreShape);
      n = d;
    }
  }
}

/**
 * NumPy's iterator checks of `out`'s loop axes, in its order: all the
 * operands' loop axes broadcast together (else the remapped shapes); `out`
 * has no length-1 axis where the broadcast is longer (an output is not
 * broadcast: "non-broadcastable output operand", its shape also shown as the
 * iterator holds it, fastest axis first); an axis `out` lacks is 1 (else a
 * reduction the gufunc does not enable). Where `out` is longer than the
 * result, the result is broadcast into it.
 */
function checkOutLoops(inputs: readonly GufuncOperand[], out: NdArray, r: NdArray, coreDims: number): void {
  const core = r.shape.slice(r.ndim - coreDims);
  const outLoop = out.shape.slice(0, out.ndim - coreDims);
  const loops = [...inputs.map((op) => op.shape.slice(0, op.shape.length - op.core)), r.shape.slice(0, r.ndim - coreDims), outLoop];
  const nd = Math.max(r.ndim - coreDims, outLoop.length, ...loops.map((l) => l.length));
  const shape = new Array<number>(nd).fill(1);
  for (const l of loops) {
    for (let i = 1; i <= l.length; i++) {
      const d = l[l.length - i];
      const n = shape[nd - i];
      if (d === 1 || d === n) continue;
      if (n !== 1) throw remappedError(inputs, out, core);
      shape[nd - i] = d;
    }
  }
  for (let i = 1; i <= outLoop.length; i++) {
    if (outLoop[outLoop.length - i] === 1 && shape[nd - i] !== 1) {
      const held = [...new Array<number>(nd - outLoop.length).fill(-1), ...out.shape].reverse();
      throw new ValueError(`non-broadcastable output operand with shape ${tupleNoSpace(out.shape)} [remapped to ${iteratorShape(held)}] doesn't match the broadcast shape ${tupleNoSpace([...shape, ...core])}`);
    }
  }
  for (let i = outLoop.length + 1; i <= nd; i++) {
    if (shape[nd - i] !== 1) {
      throw new ValueError('output operand requires a reduction along dimension -1, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.');
    }
  }
}

/**
 * `r` (the gufunc `fn`'s result, `coreDims` core axes last) written into
 * `out`, or `r` when there is none. `out` must have the core shape of `r`
 * and loop axes that `r`'s broadcast to (a larger stack is filled by
 * broadcasting, as NumPy's), and `r`'s dtype must cast to its dtype under
 * `casting`. `inputs` are the operands for the iterator's message.
 */
export function intoGufuncOut(
  fn: string,
  signature: string,
  r: NdArray,
  out: NdArray | null,
  casting: Casting,
  coreDims: number,
  inputs: readonly GufuncOperand[],
): NdArray {
  if (out === null) return r;
  if (out.ndim !== r.ndim || out.shape.some((s, i) => s !== r.shape[i])) {
    if (out.ndim < coreDims) throw new ValueError(`${fn}: Output operand 0 does not have enough dimensions (has ${out.ndim}, gufunc core with signature ${signature} requires ${coreDims})`);
    for (let c = 0; c < coreDims; c++) {
      const o = out.shape[out.ndim - coreDims + c];
      const e = r.shape[r.ndim - coreDims + c];
      if (o !== e) throw new ValueError(`${fn}: Output operand 0 has a mismatch in its core dimension ${c}, with gufunc signature ${signature} (size ${o} is different from ${e})`);
    }
    checkOutLoops(inputs, out, r, coreDims);
  }
  if (!canCast(r.dtype, out.dtype, casting)) {
    throw new UFuncTypeError(`Cannot cast ufunc '${fn}' output from ${inspect(r.dtype)} to ${inspect(out.dtype)} with casting rule '${casting}'`);
  }
  out.set(r);
  return out;
}
