/**
 * The one door into an array's private state. NdArray keeps its state in
 * `#private` fields; every other module of the library reads or changes it
 * through the functions here (`storageOf`, `requireOpen`, `requireWritable`,
 * the layout readers) and builds arrays with `derive`, `makeArray` and
 * `allocate`, never with `new NdArray`.
 *
 * Why a door that ndarray.ts opens rather than imports of ndarray.ts: the
 * class's methods call the operation modules (sum → reduce.ts, sort →
 * sort.ts, add → ufuncs/…), and those modules need to build result arrays.
 * If they imported the class from ndarray.ts the two would import each
 * other, and which one finishes loading first would depend on who was
 * imported first. Here the dependency runs one way only: ndarray.ts imports
 * this module, and when its class body is evaluated (its `static` block) it
 * hands over the accessors of its private fields and its constructor with
 * {@link provideArrayAccess} — once, the way better-sqlite3's addon receives
 * its error class at `initialize()`. This module imports nothing that
 * imports it, so it is not a hidden cycle: it is the callback half of a
 * one-way dependency. Operation modules import `type { NdArray }` for
 * signatures and {@link NdArray} from here for `instanceof`; they never
 * load ndarray.ts.
 *
 * Only ndarray.ts (views) and create.ts (constructors) are meant to make new
 * arrays from scratch; operation modules make results with {@link allocate}
 * (a new zeroed owner) or {@link derive} (a view).
 * @module
 */
import type { Codec, DType } from './dtype';
import { AccessError, describeValue } from './errors';
import { checkNdim, checkShape, MAXDIMS, newStrides, shapeToSize } from './layout';
import type { NdArray as ArrayClass } from './ndarray';
import { freshMemory } from './fresh-memory';
import { MemoryStorage, setAllocator, type Storage } from './storage';

/** An array, in the library's signatures (the class lives in ndarray.ts). */
export type NdArray<T = unknown> = ArrayClass<T>;

/** The constructor token: only code holding it can call `new NdArray(...)`. */
export const INTERNAL: unique symbol = Symbol('mmarray.internal');

/** Everything an array is made of. */
export interface ArrayInit {
  storage: Storage;
  dtype: DType;
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
  base: NdArray | null;
  writeable: boolean;
  ownData: boolean;
}

/** What ndarray.ts hands over when its class is defined: readers and writers of the private fields, and its constructor. */
export interface ArrayAccess {
  construct(
    proto: object,
    st: Storage,
    dt: DType,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    base: NdArray | null,
    writeable: boolean,
    own: boolean,
    locked: boolean,
  ): NdArray;
  finalize(a: NdArray, from: NdArray | null): void;
  isArray(v: unknown): v is NdArray;
  prototype: object;
  storage(a: NdArray): Storage;
  codec(a: NdArray): Codec;
  writeFlag(a: NdArray): boolean;
  ownsData(a: NdArray): boolean;
  locked(a: NdArray): boolean;
  scalar(a: NdArray): boolean;
  shape(a: NdArray): readonly number[];
  strides(a: NdArray): readonly number[];
  setWriteFlag(a: NdArray, value: boolean): void;
  lock(a: NdArray): void;
  markScalar(a: NdArray): void;
  relayout(a: NdArray, st: Storage, shape: readonly number[], strides: readonly number[]): void;
}

let access: ArrayAccess | null = null;

/** Called once, by NdArray's static block. */
export function provideArrayAccess(a: ArrayAccess): void {
  if (access !== null) throw new Error('mmarray: array access provided twice (two copies of ndarray.js loaded?)');
  access = a;
  storageOf = a.storage;
  codecOf = a.codec;
  writeFlagOf = a.writeFlag;
  ownsData = a.ownsData;
  isLocked = a.locked;
  isScalarCopy = a.scalar;
  shapeOf = a.shape;
  stridesOf = a.strides;
  setWriteFlag = a.setWriteFlag;
  lockReadOnly = a.lock;
  markScalar = a.markScalar;
  setLayout = a.relayout;
  construct = a.construct;
  finalize = a.finalize;
  arrayPrototype = a.prototype;
  isArray = a.isArray;
}

function notLoaded(): never {
  throw new Error('mmarray: ndarray.js is not loaded yet (import the package, not a single module)');
}

// The accessors below are bound by provideArrayAccess: a direct call, no dispatch.

/** The array's storage (its buffer or mapping). */
export let storageOf: (a: NdArray) => Storage = notLoaded;
/** The codec resolved for the array's dtype when it was made. */
export let codecOf: (a: NdArray) => Codec = notLoaded;
/** The WRITEABLE flag alone (the memory may still be read-only: see {@link isWriteable}). */
export let writeFlagOf: (a: NdArray) => boolean = notLoaded;
/** The array owns its memory (NumPy's OWNDATA). */
export let ownsData: (a: NdArray) => boolean = notLoaded;
/** Made read-only for good (asStrided's `writeable: false`): no view of it can be made writeable. */
export let isLocked: (a: NdArray) => boolean = notLoaded;
/** A scalar-like copy (NumPy returned a scalar): its views are writeable. */
export let isScalarCopy: (a: NdArray) => boolean = notLoaded;
/** The layout's shape as the library reads it (not frozen, never handed out). */
export let shapeOf: (a: NdArray) => readonly number[] = notLoaded;
/** The layout's byte strides as the library reads them (not frozen, never handed out). */
export let stridesOf: (a: NdArray) => readonly number[] = notLoaded;
/** Sets the WRITEABLE flag (the checks are Flags.writeable's). */
export let setWriteFlag: (a: NdArray, value: boolean) => void = notLoaded;
/** Makes `a` read-only for good (asStrided's `writeable: false`). */
export let lockReadOnly: (a: NdArray) => void = notLoaded;
/** Marks `a` as a scalar-like copy: read-only itself, writeable views. */
export let markScalar: (a: NdArray) => void = notLoaded;
/** Gives `a` a new storage and layout in place: only grow.ts calls it, when a memmap's file grows or shrinks under the same object. */
export let setLayout: (a: NdArray, st: Storage, shape: readonly number[], strides: readonly number[]) => void = notLoaded;
/** True when `v` is an array (any subclass): the brand check of the private fields. */
// (Before ndarray.js is loaded no array exists, so false is the truth.)
export let isArray: (v: unknown) => v is NdArray = (_v: unknown): _v is NdArray => false;

let construct: ArrayAccess['construct'] = notLoaded;
let finalize: ArrayAccess['finalize'] = notLoaded;
let arrayPrototype: object | null = null;

/**
 * The array class as operation modules see it: `x instanceof NdArray` and
 * `NdArray.prototype`, without importing ndarray.ts (which imports them).
 * It has no constructor: results are made with {@link allocate},
 * {@link makeArray} or {@link derive}.
 */
export const NdArray: { readonly prototype: NdArray; [Symbol.hasInstance](v: unknown): v is NdArray } = {
  get prototype(): NdArray {
    return (arrayPrototype ?? notLoaded()) as NdArray;
  },
  [Symbol.hasInstance](v: unknown): v is NdArray {
    return isArray(v);
  },
};

/**
 * What `v` is, for the "got …" of an error where an array was expected,
 * without running its code (errors.ts's describeValue): an object that
 * inherits from the array class but is no array (a Proxy of an array,
 * `Object.create(NdArray.prototype)`) is named as such.
 */
export function describeNonArray(v: unknown): string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return describeValue(v);
  let tag = 'object';
  let inherits = false;
  try {
    tag = Object.prototype.toString.call(v);
    inherits = arrayPrototype !== null && Object.prototype.isPrototypeOf.call(arrayPrototype, v);
  } catch {
    // A Proxy whose traps throw: say no more.
  }
  return `an object that is not an NdArray (${tag}${inherits ? '; it inherits from NdArray: a Proxy of an NdArray is not one, pass the array itself' : ''})`;
}

/**
 * Throws a TypeError naming `fn`'s argument `arg` unless `v` is an array (any
 * subclass): the check at the top of a public function that reads an array
 * argument, so that a JS list, a look-alike or a Proxy of an array gets its
 * own message instead of whatever the first member read on it throws.
 */
export function requireArray(v: unknown, fn: string, arg: string): asserts v is NdArray {
  if (!isArray(v)) throw new TypeError(`${fn}(): ${arg} must be an NdArray, got ${describeNonArray(v)}`);
}

/** Throws a TypeError naming `fn`'s argument `arg` unless `v` is a function (a callback). */
export function requireFunction(v: unknown, fn: string, arg: string): void {
  if (typeof v !== 'function') throw new TypeError(`${fn}(): ${arg} must be a function, got ${describeValue(v)}`);
}

/** Throws the "closed mapping" error when the array's mapping is closed. */
export function requireOpen(a: NdArray): void {
  storageOf(a).checkOpen();
}

/** The WRITEABLE flag and the memory's own writability together. */
export function isWriteable(a: NdArray): boolean {
  return writeFlagOf(a) && storageOf(a).writable;
}

/** Throws {@link readOnlyError} unless `a` can be written. */
export function requireWritable(a: NdArray, message?: string): void {
  if (!isWriteable(a)) throw readOnlyError(a, message);
}

/** NumPy's read-only error where its iterator meets the target (ufunc.at, einsum's out). */
export const ITERATOR_READ_ONLY = 'operand array with iterator write flag set is read-only';

/** NumPy's read-only error where it writes a result through a temporary copy (take's, compress's and argmax's `out`, place). */
export const WRITEBACK_READ_ONLY = 'WRITEBACKIFCOPY base is read-only';

/**
 * The one read-only error: NumPy's message for the call ("assignment
 * destination is read-only" unless `message` gives another, as NumPy's sort
 * says "sort array is read-only"), naming the file and its mode when the
 * memory is a mapping, and why the write is refused.
 */
export function readOnlyError(a: NdArray, message = 'assignment destination is read-only'): AccessError {
  const st = storageOf(a);
  const m = st.mapping;
  let why = '';
  if (m !== null) {
    why = st.writable
      ? ` (flags.writeable is false on this view of '${m.path}', mapped with mode '${m.mode}')`
      : ` ('${m.path}' is mapped read-only, mode '${m.mode}')`;
  }
  return new AccessError('ERR_READ_ONLY', `${message}${why}`);
}

/** MAXDIMS as a local constant: a module's own binding reads in fewer bytes of bytecode than another module's export. */
const MAX_AXES = MAXDIMS;

/**
 * A view of `src`'s memory with prototype `proto`. `base` collapses to the
 * owner as in NumPy: the first array in the chain that owns its data or has
 * no array base. Layout arrays are shared, never mutated: every op builds new ones.
 */
export function derive<T extends NdArray>(
  src: NdArray,
  proto: object,
  dt: DType,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable = writeFlagOf(src) || isScalarCopy(src),
): T {
  // Every array passes here or makeArray: no result (take, stack, a view)
  // can get past NumPy's 64 axes, whatever shapes its inputs combine. (The
  // compare is inline, the error a call: see ndarray.ts's accessOf on the
  // bytecode budget of a view's construction.)
  if (shape.length > MAX_AXES) checkNdim(shape.length);
  const a = construct(proto, storageOf(src), dt, shape, strides, offset, src.base ?? src, writeable, false, isLocked(src)) as T;
  if (proto !== arrayPrototype) finalize(a, src);
  return a;
}

/** A new owner over `init.storage` (constructors, copies and memmap). */
export function makeArray<T extends NdArray = NdArray>(init: ArrayInit, proto: object = arrayPrototype ?? notLoaded()): T {
  checkNdim(init.shape.length);
  const a = construct(proto, init.storage, init.dtype, [...init.shape], [...init.strides], init.offset, init.base, init.writeable, init.ownData, false) as T;
  finalize(a, null);
  return a;
}

setAllocator(freshMemory);

/**
 * A new C- or F-contiguous owner: zeroed, or with `uninitialized` of any
 * content (only for callers that overwrite every byte before returning it).
 */
export function allocate(dt: DType, shape: readonly number[], order: 'C' | 'F' = 'C', uninitialized = false): NdArray {
  // Callers pass checked shapes; one that is not (NaN, -1, 2.5) is refused
  // here with checkShape's error instead of making an array of NaN items.
  for (let i = 0; i < shape.length; i++) if (!(shape[i] >= 0 && Number.isSafeInteger(shape[i]))) checkShape(shape);
  const storage = MemoryStorage.allocate(shapeToSize(shape) * dt.itemsize, uninitialized);
  return makeArray({ storage, dtype: dt, shape, strides: newStrides(shape, dt.itemsize, order), offset: 0, base: null, writeable: true, ownData: true });
}

/**
 * A new owner `c` presented in `like`'s class, as NumPy keeps a subclass
 * through copies (a copy of a Memmap is a Memmap without a file, whose
 * flush() does nothing). The subclass's `arrayFinalize(from)` sees `like`.
 */
export function asClassOf<T extends NdArray>(like: T, c: NdArray): T {
  const proto = Object.getPrototypeOf(like) as object;
  if (proto === arrayPrototype) return c as T;
  const a = construct(proto, storageOf(c), c.dtype, shapeOf(c), stridesOf(c), c.offset, null, writeFlagOf(c), ownsData(c), false) as T;
  finalize(a, like);
  return a;
}

/** True once ndarray.ts has provided its access (for a clear error in a half-loaded state). */
export function accessProvided(): boolean {
  return access !== null;
}
