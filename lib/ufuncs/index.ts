/**
 * The element-wise ufuncs, by topic.
 * @module
 */
export { add, subtract, multiply, divide, floorDivide, remainder, power, minimum, maximum, negative, conjugate, conj, absolute, abs, square } from './arith';
export { less, lessEqual, greater, greaterEqual, equal, notEqual, logicalAnd, logicalOr, logicalXor, logicalNot } from './compare';
export { bitwiseAnd, bitwiseOr, bitwiseXor, invert, leftShift, rightShift } from './bitwise';
export { sqrt, exp, log, isnan, isinf, isfinite, signbit } from './math';
export { rint, floor, ceil, trunc, round, around } from './rounding';
export { clip } from './clip';
export { where } from './where';
