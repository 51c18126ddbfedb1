/**
 * The conformance runner's compute ops for axis reductions, fancy indexing,
 * sorting and joining (`reduce_axis`, `fancy_*`, `sort_search`, `join`),
 * registered into {@link ../compute}'s dispatch table.
 * @internal
 * @module
 */
import type { NdArray } from '../index';
import * as R from '../reduce-axis';
import { arrayOperand, splitKwargs, type ComputeContext, type ComputeOp, type ComputeOps, type Json } from './compute-operands';

type Kw = { [k: string]: Json };

function reduceOptions(a: NdArray, kw: Kw, ctx: ComputeContext): R.ReduceOptions {
  return {
    keepdims: kw.keepdims as boolean | undefined,
    dtype: (kw.dtype ?? undefined) as never,
    out: kw.out === undefined ? undefined : arrayOperand(a, kw.out, ctx),
  };
}

function reduction(f: (a: NdArray, axis: R.Axis | undefined, o: R.ReduceOptions) => NdArray): ComputeOp {
  return (a, args, ctx) => {
    const [, kw] = splitKwargs(args, 0);
    return f(a, kw.axis as R.Axis | undefined, reduceOptions(a, kw, ctx));
  };
}

function argReduction(f: (a: NdArray, axis: number | null | undefined, o: R.ArgReduceOptions) => NdArray): ComputeOp {
  return (a, args) => {
    const [, kw] = splitKwargs(args, 0);
    return f(a, kw.axis as number | null | undefined, { keepdims: kw.keepdims as boolean | undefined });
  };
}

/** Ops by their case-file name. */
export const INDEX_OPS: ComputeOps = {
  sum: reduction(R.sum),
  prod: reduction(R.prod),
  mean: reduction(R.mean),
  min: reduction(R.min),
  max: reduction(R.max),
  any: reduction(R.any),
  all: reduction(R.all),
  argmin: argReduction(R.argmin),
  argmax: argReduction(R.argmax),
  count_nonzero: (a, args) => {
    const [, kw] = splitKwargs(args, 0);
    return R.countNonzero(a, kw.axis as R.Axis | undefined, { keepdims: kw.keepdims as boolean | undefined });
  },
};
