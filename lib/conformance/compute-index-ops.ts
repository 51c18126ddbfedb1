/**
 * The conformance runner's compute ops for axis reductions, fancy indexing,
 * sorting and joining (`reduce_axis`, `fancy_*`, `sort_search`, `join`),
 * registered into {@link ../compute}'s dispatch table.
 * @internal
 * @module
 */
import type { ComputeOps } from './compute-operands';

/** Ops by their case-file name. */
export const INDEX_OPS: ComputeOps = {};
