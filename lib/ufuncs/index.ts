/**
 * The element-wise ufuncs, by topic.
 * @module
 */
export { add, subtract, multiply, divide, floorDivide, remainder, power, minimum, maximum, negative, conjugate, conj, absolute, abs, square } from './arith';
export { less, lessEqual, greater, greaterEqual, equal, notEqual, logicalAnd, logicalOr, logicalXor, logicalNot } from './compare';
export { bitwiseAnd, bitwiseOr, bitwiseXor, invert, leftShift, rightShift } from './bitwise';
export { sqrt, exp, log, isnan, isinf, isfinite, signbit } from './math';
export { sin, cos, tan, arcsin, arccos, arctan, arctan2, hypot, sinh, cosh, tanh, arcsinh, arccosh, arctanh, degrees, rad2deg, radians, deg2rad } from './trig';
export { exp2, expm1, log2, log10, log1p, logaddexp, logaddexp2, cbrt } from './explog';
export { sign, positive, reciprocal, trueDivide, fmod, copysign, fmax, fmin, heaviside, nextafter, spacing, gcd, lcm } from './arith2';
export { rint, floor, ceil, trunc, round, around } from './rounding';
export type { RoundOptions } from './rounding';
export { clip } from './clip';
export type { ClipOptions } from './clip';
export { where } from './where';
export { modf, frexp, ldexp, fabs } from './float-parts';
export { divmod } from './divmod';
export { floatPower } from './float-power';
export { bitwiseCount } from './bit-count';
export { addOuter, subtractOuter, multiplyOuter, divideOuter, floorDivideOuter, remainderOuter, powerOuter, minimumOuter, maximumOuter, fminOuter, fmaxOuter, equalOuter, notEqualOuter, lessOuter, lessEqualOuter, greaterOuter, greaterEqualOuter, logicalAndOuter, logicalOrOuter, logicalXorOuter, bitwiseAndOuter, bitwiseOrOuter, bitwiseXorOuter, leftShiftOuter, rightShiftOuter, hypotOuter, arctan2Outer, logaddexpOuter } from './outer';
export type { OutPair, Ufunc2Options } from './two-outputs';
export { subtractAt, multiplyAt, divideAt, floorDivideAt, remainderAt, powerAt, minimumAt, maximumAt, fminAt, fmaxAt, bitwiseAndAt, bitwiseOrAt, bitwiseXorAt, leftShiftAt, rightShiftAt, logicalAndAt, logicalOrAt, logicalXorAt, equalAt, notEqualAt, lessAt, lessEqualAt, greaterAt, greaterEqualAt, hypotAt, arctan2At, logaddexpAt, negativeAt, absoluteAt, squareAt, sqrtAt, expAt, logAt, invertAt } from './at';
