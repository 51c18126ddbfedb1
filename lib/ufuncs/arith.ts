/**
 * Arithmetic ufuncs: `add subtract multiply divide floorDivide remainder
 * power minimum maximum negative conjugate absolute square`, with NumPy's values:
 * integers wrap; integer `//` and `%` by 0 give 0 and `INT_MIN // -1` is
 * `INT_MIN`; float `//` and `%` follow `npy_divmod`; an integer to a negative
 * integer power is a ValueError; `minimum`/`maximum` propagate NaN; complex
 * division is Smith's algorithm in the part type.
 * @module
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ValueError } from '../errors';
import type { NdArray } from '../ndarray';
import { callUfunc, UFuncTypeError, type AnyLoop, type Resolved, type UfuncInput, type UfuncOptions, type UfuncSpec } from '../ufunc';
import { ALL, COMPLEX, FLOATS, INTS, T } from './types';
import { family, rounder } from './family';
import { coreNativeLoop } from './math-native';
import { NEGATIVE_POWER } from '../ufunc-native';

type X = any;

const NUMERIC = [...INTS, ...FLOATS, ...COMPLEX];

export function pick(r: Resolved, loops: Partial<Record<'b' | 'i' | 'I' | 'f' | 'c', AnyLoop>>, name: string): AnyLoop {
  const l = loops[family(r.inTypes[0])];
  if (l === undefined) throw new UFuncTypeError(`ufunc '${name}' has no loop for ${r.inTypes[0].str}`);
  return l;
}

// ------------------------------------------------------------------ add, subtract, multiply

const ADD_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] + b[bi];
};
const ADD_B = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
const ADD_C = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    o[oi] = a[ai] + b[bi];
    o[oi + 1] = a[ai + 1] + b[bi + 1];
  }
};
const SUB_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] - b[bi];
};
const SUB_C = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    o[oi] = a[ai] - b[bi];
    o[oi + 1] = a[ai + 1] - b[bi + 1];
  }
};
const MUL_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] * b[bi];
};
// Products of 32-bit ints pass 2^53: Math.imul keeps the low 32 bits exactly (the stores keep fewer).
const MUL_I = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = Math.imul(a[ai], b[bi]);
};
const MUL_B = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
function mulC(F: (x: number) => number) {
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const ar = a[ai], aim = a[ai + 1], br = b[bi], bim = b[bi + 1];
      o[oi] = F(F(ar * br) - F(aim * bim));
      o[oi + 1] = F(F(ar * bim) + F(aim * br));
    }
  };
}
const MUL_C8 = mulC(Math.fround);
const MUL_C16 = mulC((x) => x);

function boolSubtract(common: { kind: string }): Resolved | undefined {
  if (common.kind === 'b') {
    throw new UFuncTypeError('numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
  }
  return undefined;
}

export const ADD: UfuncSpec = { name: 'add', nin: 2, types: ALL, loop: (r) => pick(r, { b: ADD_B, i: ADD_N, I: ADD_N, f: ADD_N, c: ADD_C }, 'add') };
export const SUBTRACT: UfuncSpec = { name: 'subtract', nin: 2, types: NUMERIC, resolve: boolSubtract, loop: (r) => pick(r, { i: SUB_N, I: SUB_N, f: SUB_N, c: SUB_C }, 'subtract') };
export const MULTIPLY: UfuncSpec = {
  name: 'multiply',
  nin: 2,
  types: ALL,
  loop: (r) => pick(r, { b: MUL_B, i: MUL_I, I: MUL_N, f: MUL_N, c: r.inTypes[0].itemsize === 8 ? MUL_C8 : MUL_C16 }, 'multiply'),
};

// ------------------------------------------------------------------ divide

const DIV_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] / b[bi];
};
/** NumPy's complex division (Smith's algorithm, no fused multiply-add), every step rounded by F. */
function divC(F: (x: number) => number) {
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const ar = a[ai], aim = a[ai + 1], br = b[bi], bim = b[bi + 1];
      const brAbs = Math.abs(br);
      const biAbs = Math.abs(bim);
      if (brAbs >= biAbs) {
        if (brAbs === 0 && biAbs === 0) {
          o[oi] = ar / brAbs;
          o[oi + 1] = aim / brAbs;
        } else {
          const rat = F(bim / br);
          const scl = F(1.0 / F(br + F(bim * rat)));
          o[oi] = F(F(ar + F(aim * rat)) * scl);
          o[oi + 1] = F(F(aim - F(ar * rat)) * scl);
        }
      } else {
        const rat = F(br / bim);
        const scl = F(1.0 / F(bim + F(br * rat)));
        o[oi] = F(F(F(ar * rat) + aim) * scl);
        o[oi + 1] = F(F(F(aim * rat) - ar) * scl);
      }
    }
  };
}
const DIV_C8 = divC(Math.fround);
const DIV_C16 = divC((x) => x);

export const DIVIDE: UfuncSpec = {
  name: 'divide',
  nin: 2,
  types: [...FLOATS, ...COMPLEX],
  // True division of bools and ints is float64 (PyUFunc_TrueDivisionTypeResolver).
  resolve: (common) => (common.kind === 'b' || common.kind === 'i' || common.kind === 'u' ? { inTypes: [T.f8, T.f8], outType: T.f8 } : undefined),
  loop: (r) => pick(r, { f: DIV_N, c: r.inTypes[0].itemsize === 8 ? DIV_C8 : DIV_C16 }, 'divide'),
};

// ------------------------------------------------------------------ floor_divide, remainder

const FLOORDIV_I = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x = a[ai];
    const y = b[bi];
    if (y === 0) {
      o[oi] = 0;
      continue;
    }
    const r = x % y;
    // (x - r) / y is exact for 32-bit ints; the store wraps INT_MIN // -1 back to INT_MIN.
    o[oi] = (x - r) / y - (r !== 0 && r < 0 !== y < 0 ? 1 : 0);
  }
};
const FLOORDIV_BIG = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x: bigint = a[ai];
    const y: bigint = b[bi];
    if (y === 0n) {
      o[oi] = 0n;
      continue;
    }
    const q = x / y;
    o[oi] = x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
  }
};
const REM_I = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const y = b[bi];
    if (y === 0) {
      o[oi] = 0;
      continue;
    }
    const r = a[ai] % y;
    o[oi] = r !== 0 && r < 0 !== y < 0 ? r + y : r;
  }
};
const REM_BIG = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const y: bigint = b[bi];
    if (y === 0n) {
      o[oi] = 0n;
      continue;
    }
    const r = (a[ai] as bigint) % y;
    o[oi] = r !== 0n && r < 0n !== y < 0n ? r + y : r;
  }
};

/** NumPy's `npy_divmod` (npymath), intermediates rounded by F: [floor quotient, remainder]. */
function divmod(a: number, b: number, F: (x: number) => number): [number, number] {
  let mod = a % b; // C's fmod
  if (b === 0) return [F(a / b), mod];
  let div = F(F(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = F(mod + b);
      div = F(div - 1);
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (F(div - floordiv) > 0.5) floordiv = F(floordiv + 1);
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function floorDivF(F: (x: number) => number) {
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const x = a[ai];
      const y = b[bi];
      o[oi] = y === 0 ? x / y : divmod(x, y, F)[0];
    }
  };
}
function remF(F: (x: number) => number) {
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const x = a[ai];
      const y = b[bi];
      o[oi] = y === 0 ? x % y : divmod(x, y, F)[1];
    }
  };
}

export const FLOOR_DIVIDE: UfuncSpec = {
  name: 'floor_divide',
  nin: 2,
  types: [...INTS, ...FLOATS],
  loop: (r) => pick(r, { i: FLOORDIV_I, I: FLOORDIV_BIG, f: floorDivF(rounder(r.inTypes[0])) }, 'floor_divide'),
};
export const REMAINDER: UfuncSpec = {
  name: 'remainder',
  nin: 2,
  types: [...INTS, ...FLOATS],
  loop: (r) => pick(r, { i: REM_I, I: REM_BIG, f: remF(rounder(r.inTypes[0])) }, 'remainder'),
};

// ------------------------------------------------------------------ power


const POW_I = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    let e = b[bi];
    if (e < 0) throw new ValueError(NEGATIVE_POWER);
    let base = a[ai];
    let r = 1;
    // Square and multiply modulo 2^32; the store keeps the loop type's low bits.
    while (e > 0) {
      if (e % 2 === 1) r = Math.imul(r, base);
      base = Math.imul(base, base);
      e = Math.floor(e / 2);
    }
    o[oi] = r;
  }
};
function powBig(bits: number, signed: boolean) {
  const wrap = signed ? (v: bigint) => BigInt.asIntN(bits, v) : (v: bigint) => BigInt.asUintN(bits, v);
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      let e: bigint = b[bi];
      if (e < 0n) throw new ValueError(NEGATIVE_POWER);
      let base: bigint = a[ai];
      let r = 1n;
      while (e > 0n) {
        if (e & 1n) r = wrap(r * base);
        base = wrap(base * base);
        e >>= 1n;
      }
      o[oi] = r;
    }
  };
}
/** C's pow where it differs from Math.pow: pow(1, y) and pow(-1, ±inf) are 1. */
function cpow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}
/** pow for every element: float16's power loop (NumPy's has no fast paths). */
const POW_PLAIN = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = cpow(a[ai], b[bi]);
};
/**
 * Complex power runs the native loop (native/ufunc_complex.cc CPower) on
 * every path: NumPy 2.4's `nc_pow` step for step (a zero exponent gives 1;
 * a zero base 0 for an exponent with a positive real part, else NaN; real
 * integer exponents under 100 in magnitude by rounded complex products, a
 * negative one then 1/r by Smith's division) and the C library's `cpow`
 * for the rest, which is what NumPy calls: NumPy's bits on the same glibc.
 */
export const POWER: UfuncSpec = {
  name: 'power',
  nin: 2,
  types: NUMERIC,
  loop: (r) => {
    const t = r.inTypes[0];
    // float32 and float64 run the native loop on every path (as exp and log, math.ts): the same bits at any size.
    return pick(r, { i: POW_I, I: powBig(64, t.kind === 'i'), f: t.itemsize === 2 ? POW_PLAIN : coreNativeLoop('power', r), c: coreNativeLoop('power', r) }, 'power');
  },
  strided: (r) => (r.inTypes[1].kind === 'f' && r.inTypes[1].itemsize >= 4 ? POWER_STRIDED : null),
};
/**
 * power's float32/float64 loop as NumPy runs it on an exponent its iterator
 * buffered with a non-zero stride: pow for every element, no fast path
 * (the kernel of float_power, which has none).
 */
const POWER_STRIDED: UfuncSpec = {
  name: 'power',
  kernel: 'float_power',
  nin: 2,
  types: [T.f4, T.f8],
  loop: (r) => coreNativeLoop('float_power', r),
};

// ------------------------------------------------------------------ minimum, maximum

// Which of +0 and -0 a tie keeps, as NumPy 2.4.6 at its x86-64 baseline: float32/64 (and
// ints, where it cannot show) take Highway's Min/Max, minpd/maxpd, whose tie is the second
// operand, in every layout; float16's scalar loop keeps the first (maximum(i4 0, f16 -0.0)
// computes in float64: -0.0).
const MIN_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x = a[ai];
    const y = b[bi];
    o[oi] = x < y || x !== x ? x : y;
  }
};
const MAX_N = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x = a[ai];
    const y = b[bi];
    o[oi] = x > y || x !== x ? x : y;
  }
};
const MIN_F2 = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x = a[ai];
    const y = b[bi];
    o[oi] = x <= y || x !== x ? x : y;
  }
};
const MAX_F2 = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
    const x = a[ai];
    const y = b[bi];
    o[oi] = x >= y || x !== x ? x : y;
  }
};
const MIN_B = (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};
const MAX_B = ADD_B;
/** Lexicographic complex order with NaN propagated from either input (NumPy's CLE/CGE loops). */
function minmaxC(max: boolean) {
  return (n: number, a: X, ai: number, as: number, b: X, bi: number, bs: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) {
      const ar = a[ai], aim = a[ai + 1], br = b[bi], bim = b[bi + 1];
      const keepA =
        ar !== ar || aim !== aim ||
        (max
          ? (ar > br && aim === aim && bim === bim) || (ar === br && aim >= bim)
          : (ar < br && aim === aim && bim === bim) || (ar === br && aim <= bim));
      const useA = keepA;
      o[oi] = useA ? ar : br;
      o[oi + 1] = useA ? aim : bim;
    }
  };
}

const half = (r: { inTypes: readonly { kind: string; itemsize: number }[] }): boolean => r.inTypes[0].kind === 'f' && r.inTypes[0].itemsize === 2;
export const MINIMUM: UfuncSpec = { name: 'minimum', nin: 2, types: ALL, loop: (r) => pick(r, { b: MIN_B, i: MIN_N, I: MIN_N, f: half(r) ? MIN_F2 : MIN_N, c: minmaxC(false) }, 'minimum') };
export const MAXIMUM: UfuncSpec = { name: 'maximum', nin: 2, types: ALL, loop: (r) => pick(r, { b: MAX_B, i: MAX_N, I: MAX_N, f: half(r) ? MAX_F2 : MAX_N, c: minmaxC(true) }, 'maximum') };

// ------------------------------------------------------------------ unary

const NEG_N = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = -a[ai];
};
const NEG_C = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    o[oi] = -a[ai];
    o[oi + 1] = -a[ai + 1];
  }
};
const ABS_N = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.abs(a[ai]);
};
const ABS_BIG = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    const x = a[ai];
    o[oi] = x < 0n ? -x : x;
  }
};
const ABS_B = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai] !== 0 ? 1 : 0;
};
const ABS_C = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.hypot(a[ai], a[ai + 1]);
};
const SQUARE_N = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    const x = a[ai];
    o[oi] = x * x;
  }
};
const SQUARE_I = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = Math.imul(a[ai], a[ai]);
};
function squareC(F: (x: number) => number) {
  return (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
    for (let k = 0; k < n; k++, ai += as, oi += os) {
      const r = a[ai], i = a[ai + 1];
      o[oi] = F(F(r * r) - F(i * i));
      o[oi + 1] = F(F(r * i) + F(i * r));
    }
  };
}

const CONJ_N = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) o[oi] = a[ai];
};
const CONJ_C = (n: number, a: X, ai: number, as: number, o: X, oi: number, os: number): void => {
  for (let k = 0; k < n; k++, ai += as, oi += os) {
    o[oi] = a[ai];
    o[oi + 1] = -a[ai + 1];
  }
};

export const NEGATIVE: UfuncSpec = {
  name: 'negative',
  nin: 1,
  types: NUMERIC,
  resolve: (common) => {
    if (common.kind === 'b') throw new UFuncTypeError('The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.');
    return undefined;
  },
  loop: (r) => pick(r, { i: NEG_N, I: NEG_N, f: NEG_N, c: NEG_C }, 'negative'),
};
/** NumPy's conjugate: the loops of every number type but bool (a bool input computes in int8, as NumPy's). */
export const CONJUGATE: UfuncSpec = { name: 'conjugate', nin: 1, types: NUMERIC, loop: (r) => pick(r, { i: CONJ_N, I: CONJ_N, f: CONJ_N, c: CONJ_C }, 'conjugate') };
export const ABSOLUTE: UfuncSpec = {
  name: 'absolute',
  nin: 1,
  types: ALL,
  outType: (t) => (t.kind === 'c' ? (t.itemsize === 8 ? T.f4 : T.f8) : t),
  loop: (r) => pick(r, { b: ABS_B, i: ABS_N, I: ABS_BIG, f: ABS_N, c: ABS_C }, 'absolute'),
};
export const SQUARE: UfuncSpec = {
  name: 'square',
  nin: 1,
  types: NUMERIC,
  loop: (r) => pick(r, { i: SQUARE_I, I: SQUARE_N, f: SQUARE_N, c: squareC(rounder(r.inTypes[0])) }, 'square'),
};

// ------------------------------------------------------------------ public functions

/** NumPy's `np.add(x1, x2)`: `add(x, 1, { out: x })` is `x += 1`. See {@link UfuncOptions}. */
export function add(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ADD, [x1, x2], options);
}
/** NumPy's `np.subtract(x1, x2)` (bools refuse, as in NumPy). */
export function subtract(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SUBTRACT, [x1, x2], options);
}
/** NumPy's `np.multiply(x1, x2)`. */
export function multiply(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(MULTIPLY, [x1, x2], options);
}
/** NumPy's `np.divide` (true division): ints and bools give float64. */
export function divide(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(DIVIDE, [x1, x2], options);
}
/** NumPy's `np.floor_divide(x1, x2)` (`//`): integer division by 0 gives 0. */
export function floorDivide(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(FLOOR_DIVIDE, [x1, x2], options);
}
/** NumPy's `np.remainder(x1, x2)` (`%`, the sign of the divisor). */
export function remainder(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(REMAINDER, [x1, x2], options);
}
/** NumPy's `np.power(x1, x2)`: integers to negative integer powers are a ValueError. */
export function power(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(POWER, [x1, x2], options);
}
/** NumPy's `np.minimum(x1, x2)`: NaN propagates. */
export function minimum(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(MINIMUM, [x1, x2], options);
}
/** NumPy's `np.maximum(x1, x2)`: NaN propagates. */
export function maximum(x1: UfuncInput, x2: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(MAXIMUM, [x1, x2], options);
}
/** NumPy's `np.negative(x)`: unsigned ints wrap; bools refuse. */
export function negative(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(NEGATIVE, [x], options);
}
/** NumPy's `np.conjugate(x)` (`np.conj`): the complex conjugate; a real number is itself (bools compute in int8, as in NumPy). */
export function conjugate(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(CONJUGATE, [x], options);
}
/** Alias of {@link conjugate}, as `np.conj`. */
export const conj = conjugate;
/** NumPy's `np.absolute(x)` (`np.abs`): complex gives its float magnitude; `abs(int8(-128))` stays -128. */
export function absolute(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(ABSOLUTE, [x], options);
}
/** Alias of {@link absolute}, as `np.abs`. */
export const abs = absolute;
/** NumPy's `np.square(x)`. */
export function square(x: UfuncInput, options?: UfuncOptions): NdArray {
  return callUfunc(SQUARE, [x], options);
}
