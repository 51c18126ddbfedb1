/**
 * The conformance runner's compute ops for element-wise ufuncs, `clip` and
 * `where` (`ufunc_arith`, `ufunc_compare_logical`, `ufunc_out_where`),
 * registered into {@link ../compute}'s dispatch table.
 * @internal
 * @module
 */
import * as api from '../index';
import type { NdArray, UfuncInput, UfuncOptions } from '../index';
import { operand, splitKwargs, type ComputeContext, type ComputeOps, type Json } from './compute-operands';

type Fn1 = (x: UfuncInput, o?: UfuncOptions) => NdArray;
type Fn2 = (x1: UfuncInput, x2: UfuncInput, o?: UfuncOptions) => NdArray;

const UNARY: Record<string, Fn1> = {
  negative: api.negative, absolute: api.absolute, sqrt: api.sqrt, square: api.square, exp: api.exp, log: api.log,
  logical_not: api.logicalNot, invert: api.invert, isnan: api.isnan, isfinite: api.isfinite, isinf: api.isinf,
  signbit: api.signbit,
};

const BINARY: Record<string, Fn2> = {
  add: api.add, subtract: api.subtract, multiply: api.multiply, divide: api.divide, floor_divide: api.floorDivide,
  remainder: api.remainder, power: api.power, minimum: api.minimum, maximum: api.maximum, less: api.less,
  less_equal: api.lessEqual, greater: api.greater, greater_equal: api.greaterEqual, equal: api.equal,
  not_equal: api.notEqual, logical_and: api.logicalAnd, logical_or: api.logicalOr, logical_xor: api.logicalXor,
  bitwise_and: api.bitwiseAnd, bitwise_or: api.bitwiseOr, bitwise_xor: api.bitwiseXor, left_shift: api.leftShift,
  right_shift: api.rightShift,
};

/** `out` and `where` kwargs as the library takes them. */
function ufuncOptions(a: NdArray, kw: { [k: string]: Json }, ctx: ComputeContext): UfuncOptions {
  const o: UfuncOptions = {};
  if (kw.out !== undefined && kw.out !== null) o.out = operand(a, kw.out, ctx) as NdArray;
  if (kw.where !== undefined && kw.where !== null) o.where = operand(a, kw.where, ctx) as NdArray | boolean;
  return o;
}

function input(a: NdArray, v: Json, ctx: ComputeContext): UfuncInput {
  return operand(a, v, ctx) as UfuncInput;
}

/** Ops by their case-file name. */
export const UFUNC_OPS: ComputeOps = {};
for (const [name, fn] of Object.entries(UNARY)) {
  UFUNC_OPS[name] = (a, args, ctx) => {
    const [fixed, kw] = splitKwargs(args, 1);
    return fn(input(a, fixed[0], ctx), ufuncOptions(a, kw, ctx));
  };
}
for (const [name, fn] of Object.entries(BINARY)) {
  UFUNC_OPS[name] = (a, args, ctx) => {
    const [fixed, kw] = splitKwargs(args, 2);
    return fn(input(a, fixed[0], ctx), input(a, fixed[1], ctx), ufuncOptions(a, kw, ctx));
  };
}
UFUNC_OPS.clip = (a, args, ctx) => {
  const [fixed, kw] = splitKwargs(args, 3);
  const bound = (v: Json): UfuncInput | null => (v === null ? null : input(a, v, ctx));
  return api.clip(input(a, fixed[0], ctx), bound(fixed[1]), bound(fixed[2]), ufuncOptions(a, kw, ctx));
};
UFUNC_OPS.where = (a, args, ctx) => api.where(input(a, args[0], ctx), input(a, args[1], ctx), input(a, args[2], ctx));
