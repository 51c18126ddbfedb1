/**
 * The conformance runner's compute ops for element-wise ufuncs, `clip` and
 * `where` (`ufunc_arith`, `ufunc_compare_logical`, `ufunc_out_where`),
 * registered into {@link ../compute}'s dispatch table.
 * @internal
 * @module
 */
import type { ComputeOps } from './compute-operands';

/** Ops by their case-file name. */
export const UFUNC_OPS: ComputeOps = {};
