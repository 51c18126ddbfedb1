/**
 * The conformance runner's compute ops for axis reductions, fancy indexing,
 * sorting and joining (`reduce_axis`, `fancy_*`, `sort_search`, `join`),
 * registered into {@link ../compute}'s dispatch table.
 * @module
 */
import type { NdArray } from '../index';
import * as R from '../reduce-axis';
import * as F from '../fancy';
import * as S from '../sort';
import * as J from '../join';
import { parseIndex } from '../indexing';
import { arrayOperand, operand, splitKwargs, type ComputeContext, type ComputeOp, type ComputeOps, type Json } from './compute-operands';

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

/** A `getitem`/`setitem`/`add_at` key: index strings parsed one item each, operands as arrays or ints. */
function key(a: NdArray, items: Json[], ctx: ComputeContext): F.FancyItem[] {
  return items.map((it) => {
    if (typeof it === 'string') {
      const parsed = parseIndex(it);
      if (parsed.length !== 1) throw new Error(`runner: index item '${it}' is not one item`);
      return parsed[0];
    }
    return operand(a, it, ctx) as F.FancyItem;
  });
}

function isOperandValue(v: Json): boolean {
  return v === 'self' || (v !== null && typeof v === 'object' && !Array.isArray(v) && ('self' in v || ('dtype' in v && 'shape' in v)));
}

/** A `setitem`/`put` value: an array operand, or a `set`-style value decoded against `a.dtype`. */
function writeValue(a: NdArray, v: Json, ctx: ComputeContext): unknown {
  return isOperandValue(v) ? arrayOperand(a, v, ctx) : ctx.decode(v, a.dtype);
}

function sortOptions(args: Json[]): S.SortOptions {
  const [, kw] = splitKwargs(args, 0);
  return { axis: kw.axis as number | null | undefined, order: kw.order as string[] | undefined };
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
  getitem: (a, args, ctx) => a.index(...key(a, args[0] as Json[], ctx)),
  setitem: (a, args, ctx) => {
    const k = key(a, args[0] as Json[], ctx);
    a.set(k, writeValue(a, args[1], ctx));
    return a;
  },
  put: (a, args, ctx) => {
    const [[ind, v], kw] = splitKwargs(args, 2);
    F.put(a, operand(a, ind, ctx) as NdArray, writeValue(a, v, ctx), { mode: kw.mode as F.ClipMode | undefined });
    return a;
  },
  add_at: (a, args, ctx) => {
    F.addAt(a, key(a, args[0] as Json[], ctx), operand(a, args[1], ctx) as never);
    return a;
  },
  take: (a, args, ctx) => {
    const [[ind], kw] = splitKwargs(args, 1);
    return F.take(a, operand(a, ind, ctx) as NdArray, { axis: kw.axis as number | null | undefined, mode: kw.mode as F.ClipMode | undefined });
  },
  compress: (a, args, ctx) => {
    const [[c], kw] = splitKwargs(args, 1);
    return F.compress(arrayOperand(a, c, ctx), a, { axis: kw.axis as number | null | undefined });
  },
  sort: (a, args) => S.sort(a, sortOptions(args)),
  sort_inplace: (a, args) => {
    S.sortInPlace(a, sortOptions(args));
    return a;
  },
  argsort: (a, args) => S.argsort(a, sortOptions(args)),
  searchsorted: (a, args, ctx) => {
    const [[v], kw] = splitKwargs(args, 1);
    return S.searchsorted(a, operand(a, v, ctx) as NdArray, { side: kw.side as 'left' | 'right' | undefined });
  },
  unique: (a) => S.unique(a).values,
  unique_counts: (a) => S.unique(a, { returnCounts: true }).counts!,
  unique_inverse: (a) => S.unique(a, { returnInverse: true }).inverse!,
  bincount: (a, args, ctx) => {
    const [, kw] = splitKwargs(args, 0);
    return S.bincount(a, { weights: kw.weights === undefined ? undefined : arrayOperand(a, kw.weights, ctx), minlength: kw.minlength as number | undefined });
  },
  concatenate: (a, args, ctx) => {
    const [[xs], kw] = splitKwargs(args, 1);
    return J.concatenate((xs as Json[]).map((x) => arrayOperand(a, x, ctx)), { axis: kw.axis as number | null | undefined });
  },
  stack: (a, args, ctx) => {
    const [[xs], kw] = splitKwargs(args, 1);
    return J.stack((xs as Json[]).map((x) => arrayOperand(a, x, ctx)), { axis: kw.axis as number | undefined });
  },
  argwhere: (a) => F.argwhere(a),
  flatnonzero: (a) => F.flatnonzero(a),
  count_nonzero: (a, args) => {
    const [, kw] = splitKwargs(args, 0);
    return R.countNonzero(a, kw.axis as R.Axis | undefined, { keepdims: kw.keepdims as boolean | undefined });
  },
};
