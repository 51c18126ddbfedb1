/**
 * The inner loops of the math ufuncs (`trig.ts`, `explog.ts`, `arith2.ts`)
 * and of complex `sqrt exp log power` (`math.ts`, `arith.ts`):
 * each runs the native loop (native/ufunc_math.cc) over the block of typed
 * arrays the JS iterator hands it, so a small array, a buffered block and
 * the whole-array native walk all compute with the same C library call and
 * give the same bits. Only the bool `fmax`/`fmin` (logical or/and) are JS.
 * @module
 */
import type { DType } from '../dtype';
import { callKernelUfunc, kernelCompute, nativeOpCode } from '../ufunc-native';
import { UFuncTypeError, type AnyLoop, type Loop1, type Loop2, type Resolved, type TA, type UfuncSpec } from '../ufunc';
import { MATH_OPS } from './math-ops';

/** Type codes (CAST_CODES) of the typed arrays a real loop may be handed. */
const ARRAY_CODES = new Map<unknown, number>([
  [Float64Array, 0], [Float32Array, 1], [Int8Array, 2], [Uint8Array, 3], [Int16Array, 4], [Uint16Array, 5],
  [Int32Array, 6], [Uint32Array, 7], [BigInt64Array, 9], [BigUint64Array, 10],
]);

/**
 * One typed-array operand as a callKernelUfunc operand from index `i`, stride
 * `s` (both in array elements). An input may come in its own typed array
 * rather than the loop's (the iterator passes int and float blocks through
 * unconverted): the kernel then converts it, as the iterator would have.
 * Complex loops always get their own pairs.
 */
function operand(a: TA, i: number, s: number, complexCode: number): [ArrayBuffer, number, number[], number, boolean] {
  const b = a.BYTES_PER_ELEMENT;
  const code = complexCode >= 0 ? complexCode : (ARRAY_CODES.get(a.constructor) as number);
  return [a.buffer as ArrayBuffer, a.byteOffset + i * b, [s * b], code, false];
}

/**
 * A block of `n` elements of `x` from index `i`, stride `s` (array
 * elements; `per` of them to an element: 2 for complex) copied into a new
 * ArrayBuffer: the kernel reaches no SharedArrayBuffer (kernels.ts
 * regionOf), whose arrays then come to these loops in their own memory.
 */
function gather(x: TA, i: number, s: number, n: number, per: number): TA {
  const count = s === 0 ? 1 : n;
  const c = new (x.constructor as new (n: number) => TA)(count * per);
  for (let k = 0; k < count; k++) for (let p = 0; p < per; p++) c[k * per + p] = x[i + k * s + p];
  return c;
}

/** The inner loop of math ufunc `name` at the resolved types: the native loop over each block. */
export function nativeLoop(name: string, r: Resolved): AnyLoop {
  return opLoop(MATH_OPS[name], r);
}

/**
 * The inner loop of core ufunc `name` (native/ufunc_kernels.cc's own codes)
 * at the resolved types: the native loop over each block. For the complex
 * `sqrt exp log power`, whose only implementation is the native one.
 */
export function coreNativeLoop(name: string, r: Resolved): AnyLoop {
  return opLoop(nativeOpCode(name), r);
}

function opLoop(op: number, r: Resolved): AnyLoop {
  const code = kernelCompute(op, r.inTypes[0]);
  const cx = r.inTypes[0].kind === 'c' ? code : -1;
  const per = cx >= 0 ? 2 : 1;
  const run = (n: number, ins: [TA, number, number][], o: TA, oi: number, os: number): void => {
    if (o.buffer instanceof ArrayBuffer && ins.every(([a]) => a.buffer instanceof ArrayBuffer)) {
      callKernelUfunc(op, code, [n], [...ins.map(([a, ai, as]) => operand(a, ai, as, cx)), operand(o, oi, os, cx)]);
      return;
    }
    const staged = ins.map(([a, ai, as]) => operand(gather(a, ai, as, n, per), 0, as === 0 ? 0 : per, cx));
    const res = new (o.constructor as new (n: number) => TA)(n * per);
    callKernelUfunc(op, code, [n], [...staged, operand(res, 0, per, cx)]);
    for (let k = 0; k < n; k++) for (let p = 0; p < per; p++) o[oi + k * os + p] = res[k * per + p];
  };
  if (r.inTypes.length === 1) {
    const loop: Loop1 = (n, a, ai, as, o, oi, os) => run(n, [[a, ai, as]], o, oi, os);
    return loop;
  }
  const loop: Loop2 = (n, a, ai, as, b, bi, bs, o, oi, os) => run(n, [[a, ai, as], [b, bi, bs]], o, oi, os);
  return loop;
}

// ------------------------------------------------------------------ bool loops

/** Bool fmax/fmin: any non-zero byte is true (the bool family's rule). */
export const BOOL_OR: Loop2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 || b[bi] !== 0 ? 1 : 0;
};
export const BOOL_AND: Loop2 = (n, a, ai, as, b, bi, bs, o, oi, os) => {
  for (let k = 0; k < n; k++, ai += as, bi += bs, oi += os) o[oi] = a[ai] !== 0 && b[bi] !== 0 ? 1 : 0;
};

// ------------------------------------------------------------------ specs

/**
 * The spec of math ufunc `name` over loop types `types` (NumPy's order; ints
 * and bools reach a float-only one through the first float they cast to
 * safely, as NumPy's resolver: int8 → float16, int16 → float32, wider →
 * float64). `special` replaces the native loop where it returns one.
 */
export function mathSpec(name: string, nin: 1 | 2, types: readonly DType[], options: { resolve?: UfuncSpec['resolve']; special?: (r: Resolved) => AnyLoop | undefined } = {}): UfuncSpec {
  const { resolve, special } = options;
  return { name, nin, types, resolve, loop: (r) => special?.(r) ?? nativeLoop(name, r) };
}

/**
 * NumPy's refusal of bool inputs where a ufunc has no bool loop although
 * bool casts safely to its int8 loop (`sign`, `positive`, `gcd`, `lcm`):
 * its message names each input's DType class.
 */
export function refuseBool(name: string, nin: 1 | 2): NonNullable<UfuncSpec['resolve']> {
  const cls = "<class 'numpy.dtypes.BoolDType'>";
  const types = nin === 1 ? cls : `(${cls}, ${cls})`;
  return (common) => {
    if (common.kind === 'b') throw new UFuncTypeError(`ufunc '${name}' did not contain a loop with signature matching types ${types} -> None`);
    return undefined;
  };
}
