/**
 * NdArray: a strided view of bytes. Storage + dtype + shape + byte strides +
 * byte offset of element 0 + base + flags, with NumPy's semantics for every
 * view operation. Views are O(1): they never touch the data.
 *
 * This file holds the class and nothing else: its private state, the view
 * methods (their layout maths is in layout.ts and indexing.ts), element
 * access (the hot path), and one-line delegations to the operation modules
 * (reduce.ts, assign.ts, copy.ts, typed.ts, fancy.ts, sort.ts, ufuncs/, …).
 * It is over 600 lines because NumPy's ndarray has that many methods, each
 * with its TSDoc: a class body cannot be split across files without patching
 * its prototype from elsewhere, which would hide where a method lives. Its
 * private state is opened to the rest of the library once, in the static
 * block, through internal.ts.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, DType, type DTypeLike } from './dtype';
import { makeStruct } from './dtype/dtype';
import { IndexError, KeyError, ValueError, describeValue, quoteInput, repr } from './errors';
import { applyIndex, elementIndexError, parseIndex, Slice, VALID_INDICES, type IndexItem } from './indexing';
import { fieldOf, indexLayout, reversedLayout, sharedViewLayout } from './layout-memo';
import {
  allocate,
  asClassOf,
  derive,
  describeNonArray,
  INTERNAL,
  isLocked,
  makeArray,
  markScalar,
  ownsData,
  provideArrayAccess,
  readOnlyError,
  setWriteFlag,
  shapeOf,
  storageOf,
  stridesOf,
  writeFlagOf,
} from './internal';
import {
  checkNdim,
  fixUnknownDimension,
  isAligned,
  isCContiguous,
  isFContiguous,
  iterationOrder,
  kContiguousStart,
  MAXDIMS,
  normalizeAxes,
  normalizeAxis,
  reshapeStrides,
  shapeToSize,
  shapeToStrides,
} from './layout';
import type { Storage, Window } from './storage';
import { elementAccess, freezeLayout, sharedAccess, type ElementAccess } from './element-access';
import { assign, elementValue, fillScalar, isElementPosition } from './assign';
import { byteswapInPlace, copyAs } from './copy';
import { sizedFlexible } from './cast';
import { canCast, type Casting, type PyScalar } from './promote';
import { booleanArg, keywordValue, positionalOptions, readKnownOptions, type WithAxis } from './options';
import { releaseMemory } from './release';
import { reprText } from './repr';
import * as elementwise from './elementwise';
import * as reduceAll from './reduce';
import * as typed from './typed';
import type { SumOf, ValueOf } from './value-types';
import * as reduceAxis from './reduce-axis';
import * as fancy from './fancy';
import * as repeating from './repeat';
import type { FancyItem } from './fancy';
import * as sort from './sort';
import * as partitioning from './partition';
import * as diagonals from './diagonal';
import * as variances from './variance';
import * as cumulative from './cumulative';
import * as choosing from './choose';
import * as linalg from './linalg';
import * as ufuncs from './ufuncs';
import type { UfuncInput, UfuncOptions } from './ufunc';
import * as asyncOps from './async';
import * as rawFile from './raw-file';
import { tobytes } from './tobytes';
import { checkSameValue, sameValueKind } from './same-value';
import { FlatIter } from './flatiter';
import { readOrder, type Order } from './order';
import { isPlainObject } from './record-value';

export type { Order } from './order';

/** Options of {@link NdArray.astype}, NumPy's keywords. */
export interface AstypeOptions {
  /** Memory layout of the result: C, F, A or K (default K, the source's order). */
  order?: Order;
  /**
   * NumPy's `casting`: the cast must be allowed under this rule, else a
   * TypeError (default `'unsafe'`: any cast). `'same_value'` (NumPy 2.4):
   * any numeric cast, but a ValueError when a value changes (lib/same-value.ts).
   */
  casting?: Casting | 'same_value';
  /**
   * NumPy's `copy`: `false` returns the array itself when the dtype is the
   * same and its layout already meets `order` (default `true`: always a new array).
   */
  copy?: boolean;
  /**
   * NumPy's `subok`: `true` (the default) keeps this array's class (a copy of a
   * `Memmap` is a `Memmap` without a file); `false` returns a plain `NdArray`.
   */
  subok?: boolean;
}

const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

/** An index: a NumPy index string, or index items. */
export type IndexSpec = string | readonly (IndexItem | FancyItem)[];

/**
 * `A` (an NdArray or a subclass of it) with elements of type `U`: what
 * dtype-changing views and casts return. The subclass's own members stay.
 */
export type Retyped<A, U> = Omit<A, keyof NdArray<unknown>> & NdArray<U>;

/** The element type of field `K` of records of type `T` (a subarray field's elements are not told apart). */
export type FieldValue<T, K extends string> = T extends { [P in K]: infer V } ? (V extends unknown[] ? unknown : V) : unknown;

/** A constructor of an NdArray subclass, for `view(Subclass)`. */
export type ArrayClass<T extends NdArray> = abstract new (...args: never[]) => T;

/** NumPy's array flags, computed from the layout on each read. */
export class Flags {
  /** @internal */
  constructor(private readonly a: NdArray) {}

  /** Elements are laid out in row-major order with no gaps (NumPy's rules, length-1 axes ignored). */
  get cContiguous(): boolean {
    return isCContiguous(shapeOf(this.a), stridesOf(this.a), this.a.dtype.itemsize);
  }

  /** Elements are laid out in column-major order with no gaps. */
  get fContiguous(): boolean {
    return isFContiguous(shapeOf(this.a), stridesOf(this.a), this.a.dtype.itemsize);
  }

  /** Data address and strides are multiples of the dtype's alignment. */
  get aligned(): boolean {
    const a = this.a;
    return isAligned(storageOf(a).addressBase + a.offset, shapeOf(a), stridesOf(a), a.dtype.alignment);
  }

  /** The array owns its memory (a copy), rather than viewing someone else's. */
  get ownData(): boolean {
    return ownsData(this.a);
  }

  /**
   * Writes are allowed. Setting it `false` always works; setting it back to
   * `true` follows NumPy: refused when the memory is read-only (a `'r'`
   * mapping or read-only buffer), or for a view whose owning copy is itself
   * not writeable.
   */
  get writeable(): boolean {
    return writeFlagOf(this.a);
  }

  set writeable(value: boolean) {
    const a = this.a;
    if (!value) {
      setWriteFlag(a, false);
      return;
    }
    if (!storageOf(a).writable || isLocked(a)) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array');
    }
    const root = a.base;
    if (root !== null && ownsData(root) && !writeFlagOf(root)) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array');
    }
    setWriteFlag(a, true);
  }

  toJSON(): Record<string, boolean> {
    return {
      cContiguous: this.cContiguous,
      fContiguous: this.fContiguous,
      writeable: this.writeable,
      aligned: this.aligned,
      ownData: this.ownData,
    };
  }

  [inspect.custom](): string {
    return `Flags ${JSON.stringify(this.toJSON())}`;
  }
}

/**
 * What the library's own code reads from an array through NdArray's getters
 * (sibling modules see the layout through them): a subclass redefining one
 * could steer writes outside an array's bounds, so `view(Subclass)` refuses it.
 */
const PROTECTED = new Set(['dtype', 'shape', 'strides', 'offset', 'buffer', 'byteOffset', 'base', '_w', '_own', '_locked', '_scalar', 'ndim', 'size', 'itemsize', 'nbytes']);
/** Subclass prototypes already checked. */
const checkedProtos = new WeakSet<object>();

function checkSubclass(proto: object): void {
  if (checkedProtos.has(proto)) return;
  for (let p: object | null = proto; p !== null && p !== NdArray.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (PROTECTED.has(name)) {
        const cls = (p as { constructor?: { name?: string } }).constructor?.name ?? 'the class';
        throw new TypeError(`view(type): ${cls} redefines '${name}', which the library reads to keep accesses in bounds; use another name`);
      }
    }
  }
  checkedProtos.add(proto);
}

/** Bits of NdArray's `#bits`: owns its memory (OWNDATA), read-only for good, a scalar-like copy. */
const OWN = 1;
const LOCKED = 2;
const SCALAR = 4;

/**
 * A view's element accessor for its current flags and layout (a change of
 * either builds a new one; the constructor calls elementAccess itself).
 *
 * The view-creation budget: V8 inlines a view's whole construction (the
 * operation, derive, construct, the constructor, elementAccess's hit) into
 * the caller's loop only while their bytecode adds up to less than its
 * cumulative inlining budget (920 bytes in Node 20; a callee that has
 * optimized code of its own counts with what it inlined). Past it, derive
 * stays a call and the view costs about half more (`m.T` 50 ns, not 35, on
 * this VM). So that chain keeps its rare paths out of line: other
 * prototypes (constructSubclass), transpose's permutation, field()'s error,
 * the layout memos' misses; and the view keeps no field it can derive (the
 * codec is its dtype's).
 */
let accessOf: (a: NdArray, st: Storage, shape: readonly number[], strides: readonly number[], writeable: boolean) => ElementAccess;

/**
 * A view of `src` with this layout, in `src`'s class: derive() for the
 * operations every program repeats (`view(dtype)`, `index(string)`,
 * `field(name)`, `T`), as short as it can be. Measured with
 * `--trace-turbo-inlining`: through derive, construct and the ten-argument
 * constructor the chain of `field` and `T` was 830-960 bytes of bytecode
 * before counting callees that already had optimized code of their own
 * (V8 then counts what those inlined too: derive 180 + 441), so whether a
 * view was inlined or a call depended on which function V8 had compiled
 * first. Here a plain NdArray's view is the layout memo's hit, one accessor
 * memo hit and a three-store constructor; any other class goes to derive.
 */
let viewOf: (src: NdArray, dt: DType, shape: readonly number[], strides: readonly number[], offset: number) => NdArray;

/** The accessor of an array (a base, whose accessor remembers its views' last one). */
let accessOfBase: (a: NdArray) => ElementAccess;

/**
 * The accessor the next array's `#acc` starts with: every construction site
 * in this file sets it just before `new`, and the constructor clears it.
 * A private field declared without a value is first defined as undefined
 * and then assigned in the constructor, and that second store makes V8 mark
 * the field mutable in every array's map (const-field tracking): it then
 * reloads and map-checks the accessor on every `get(i)`. Starting the field
 * at its final value keeps it const, so a `get(i)` loop over a view V8 knows
 * (a module- or closure-level `const`) folds the accessor and its typed array
 * into constants, as it does for a hand-written typed-array loop (W7 stride-2
 * `get`: 5.4 -> 1.2 ns per element of CPU time, A/B at load 20), and the
 * field's one map spares the map check elsewhere. Only a performance hint:
 * the constructor stores its argument when the field holds anything else (a
 * construction that did not set it), so every array still gets its own
 * accessor.
 */
let nextAcc: ElementAccess | null = null;

/** MAXDIMS as a local constant (fewer bytes of bytecode than another module's export). */
const MAX_AXES = MAXDIMS;

/** The constructor's refusal, out of line for the reason above. */
function notAConstructor(): TypeError {
  return new TypeError('use fromBuffer(), zeros(), empty(), arange() or memmap() to create arrays');
}

/**
 * The error for a value that is not an NdArray where a function needs one
 * (undefined, a plain object, a Proxy of an array): the private-state reads
 * that find no array throw this instead of V8's "Cannot read private member".
 * Costs nothing on the way through (a try that never catches).
 */
function notAnArray(v: unknown): TypeError {
  const what = Array.isArray(v) ? `a JS array of length ${v.length} (wrap it: fromBuffer/ndarray, or pass a list where a list is taken)` : describeNonArray(v);
  return new TypeError(`expected an NdArray, got ${what}`);
}

/** A float16 array (its whole-array sum and mean take the axis path: NumPy's half loop). */
function isHalf(a: { dtype: DType }): boolean {
  return a.dtype.kind === 'f' && a.dtype.itemsize === 2;
}

/** A reduction called with the method's own arguments after the axis (NumPy's positional parameters or the options: the function reads them). */
type ReduceCall = (a: NdArray, axis: unknown, ...rest: unknown[]) => NdArray;

/** NumPy's keywords of `a.reshape(shape, *, order, copy)`, as the method's last argument. */
export interface ReshapeMethodOptions {
  /** `'C'` (default), `'F'` or `'A'`: the order the items are read and placed in. */
  order?: 'C' | 'F' | 'A';
  /** `true`: always a new array; `false`: a view or NumPy's ValueError; `null`/absent: a view when the strides allow it. */
  copy?: boolean | null;
}

/**
 * An n-dimensional strided view of bytes in memory or in a mapped file.
 *
 * Create one with {@link fromBuffer}, {@link zeros}, {@link empty},
 * {@link arange}, {@link memmap} or {@link openNpy}; every other operation
 * returns views (same bytes) or, where NumPy copies, a new owner.
 */
export class NdArray<T = unknown> {
  // The state is private (#fields): no assignment from outside can change
  // where or whether an array writes (`a._w = true`, `a.offset = …`, a
  // subclass getter), and JSON.stringify and for-in never see it. The names
  // below are read-only, non-enumerable prototype getters over it.
  //
  // A view is three fields: its accessor, which holds the whole layout
  // (storage, dtype, shape, strides, offset, writeable flag; element-access.ts)
  // and is shared with the last view made the same way from the same owner,
  // its base, and its flag bits. A view is allocated often and kept (a ring
  // of views in W1): each field more is 8 bytes of every view and of the
  // young generation's copying while views are alive.
  /** The layout and element accessor, built with the view (element-access.ts says why not on first use). */
  #acc: ElementAccess = nextAcc!;
  #base: NdArray | null;
  /** OWN | LOCKED | SCALAR: one small integer, not three fields. */
  #bits: number;

  /**
   * The accessor of `a`, the receiver of a method or getter; for anything
   * else (a method called on a Proxy of an array, or through `call` on a
   * plain object) notAnArray's TypeError instead of V8's "Cannot read
   * private member". A try that never catches on the way through costs
   * nothing once optimized.
   */
  static #of(a: NdArray): ElementAccess {
    try {
      return a.#acc;
    } catch {
      throw notAnArray(a);
    }
  }

  /** `a` itself once it is known to be an array (see {@link NdArray.#of}). */
  static #brand(a: NdArray): NdArray {
    if (typeof a !== 'object' || a === null || !(#acc in a)) throw notAnArray(a);
    return a;
  }

  /** @internal Use the constructors (`fromBuffer`, `zeros`, `memmap`, …). */
  constructor(token: typeof INTERNAL, acc: ElementAccess, base: NdArray | null, bits: number) {
    // Three stores and the token check: a small constructor keeps a view's
    // whole construction inside V8's inlining budget (see viewOf).
    if (token !== INTERNAL) throw notAConstructor();
    // Stored only when the initializer did not (see nextAcc): V8 marks the
    // field mutable on a store even of the value it holds.
    if (this.#acc !== acc) this.#acc = acc;
    this.#base = base;
    this.#bits = bits;
    nextAcc = null;
  }

  static {
    viewOf = (src, dt, shape, strides, offset) => {
      const proto = Object.getPrototypeOf(src) as object;
      if (proto !== NdArray.prototype || shape.length > MAX_AXES) return derive(src, proto, dt, shape, strides, offset);
      const acc = src.#acc;
      const bits = src.#bits;
      const owner = src.#base ?? src;
      // derive's rules: the base collapses to the owner; writeable as the
      // source (or a scalar-like copy's views); locked stays locked.
      const a = (nextAcc = sharedAccess(owner.#acc, acc.st, dt, shape, strides, offset, acc.writeable || (bits & SCALAR) !== 0));
      return new NdArray(INTERNAL, a, owner, bits & LOCKED);
    };
    accessOfBase = (base) => base.#acc;
    accessOf = (a, st, shape, strides, writeable) => {
      const base = a.#base;
      const acc = a.#acc;
      return elementAccess(st, acc.dt, shape, strides, acc.offset, writeable, base === null ? null : base.#acc);
    };
    // The private state of an array, or notAnArray's TypeError for any other
    // value (a try that never catches on the way through).
    const accOf = (a: NdArray): ElementAccess => {
      try {
        return a.#acc;
      } catch {
        throw notAnArray(a);
      }
    };
    // The one hand-over of the private state: see internal.ts's header.
    provideArrayAccess({
      construct,
      finalize,
      isArray: (v): v is NdArray => typeof v === 'object' && v !== null && #acc in v,
      prototype: NdArray.prototype,
      storage: (a) => accOf(a).st,
      // Not a field of its own: the dtype keeps its codec (one field less to set per view).
      codec: (a) => accOf(a).dt.codec,
      writeFlag: (a) => a.#acc.writeable,
      ownsData: (a) => (a.#bits & OWN) !== 0,
      locked: (a) => (a.#bits & LOCKED) !== 0,
      scalar: (a) => (a.#bits & SCALAR) !== 0,
      shape: (a) => accOf(a).shape,
      strides: (a) => accOf(a).strides,
      // The element accessor holds the writeable flag it was built with: each change builds a new one.
      setWriteFlag: (a, value) => {
        const acc = a.#acc;
        // The same flag again keeps the accessor: replacing it makes V8 mark
        // every array's #acc mutable (see nextAcc).
        if (acc.writeable === value) return;
        a.#acc = accessOf(a, acc.st, acc.shape, acc.strides, value);
      },
      lock: (a) => {
        const acc = a.#acc;
        a.#bits |= LOCKED;
        if (acc.writeable) a.#acc = accessOf(a, acc.st, acc.shape, acc.strides, false);
      },
      markScalar: (a) => {
        const acc = a.#acc;
        a.#bits |= SCALAR;
        if (acc.writeable) a.#acc = accessOf(a, acc.st, acc.shape, acc.strides, false);
      },
      relayout: (a, st, shape, strides) => {
        a.#acc = accessOf(a, st, shape, strides, a.#acc.writeable);
      },
    });
  }

  /** The element type. */
  get dtype(): DType {
    return NdArray.#of(this).dt;
  }
  /** Length of each axis (a frozen array). */
  get shape(): readonly number[] {
    const acc = NdArray.#of(this);
    if (!acc.layoutFrozen) freezeLayout(acc);
    return acc.shape;
  }
  /** Bytes to step along each axis (may be negative or 0; a frozen array). */
  get strides(): readonly number[] {
    const acc = NdArray.#of(this);
    if (!acc.layoutFrozen) freezeLayout(acc);
    return acc.strides;
  }
  /** Byte offset of element 0 inside the storage (the buffer or the mapping). */
  get offset(): number {
    return NdArray.#of(this).offset;
  }
  /** The array whose memory this one views, or null for an owner. */
  get base(): NdArray | null {
    return NdArray.#brand(this).#base;
  }
  /** @internal */
  get _w(): boolean {
    return NdArray.#of(this).writeable;
  }
  /** @internal */
  get _own(): boolean {
    return (NdArray.#brand(this).#bits & OWN) !== 0;
  }
  /** @internal Made read-only for good (asStrided's writeable: false): no view of it can be made writeable. */
  get _locked(): boolean {
    return (NdArray.#brand(this).#bits & LOCKED) !== 0;
  }
  /** @internal A scalar-like copy (NumPy returned a scalar): its views are writeable. */
  get _scalar(): boolean {
    return (NdArray.#brand(this).#bits & SCALAR) !== 0;
  }

  /**
   * NumPy's `__array_finalize__`: called on every new array of a subclass
   * (views, copies) with the array it came from (null for a fresh one).
   * The base method does nothing, so an override may call
   * `super.arrayFinalize(from)`.
   */
  arrayFinalize(_from: NdArray | null): void {
    // Nothing to set up on a plain NdArray.
  }

  /** Number of axes. */
  get ndim(): number {
    return NdArray.#of(this).shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return shapeToSize(NdArray.#of(this).shape);
  }

  /** Bytes per element. */
  get itemsize(): number {
    return NdArray.#of(this).dt.itemsize;
  }

  /** Bytes the elements would take if contiguous (`size * itemsize`). */
  get nbytes(): number {
    return this.size * NdArray.#of(this).dt.itemsize;
  }

  /** NumPy's flags (`cContiguous`, `fContiguous`, `writeable`, `aligned`, `ownData`). */
  get flags(): Flags {
    return new Flags(NdArray.#brand(this));
  }

  /**
   * The ArrayBuffer holding the array's storage. Element 0 sits at
   * {@link byteOffset} in it, which is {@link offset} only when the storage
   * starts the buffer: `fromBuffer` of a typed array that does not start its
   * buffer, or a mapping's window, start further in. Read a C-contiguous
   * array as `new Float64Array(a.buffer, a.byteOffset, a.size)`, or use
   * `typedArray()`. Mappings over 4 GiB have no single buffer: RangeError.
   */
  get buffer(): ArrayBuffer {
    return NdArray.#wholeWindow(this).buffer;
  }

  /**
   * Byte offset of element 0 inside {@link buffer} (a typed array's name for
   * it): {@link offset}, counted in the storage, plus where the storage
   * starts in the buffer. Mappings over 4 GiB have no single buffer:
   * RangeError.
   */
  get byteOffset(): number {
    const w = NdArray.#wholeWindow(this);
    return w.bufferOffset - w.start + NdArray.#of(this).offset;
  }

  /** The one window over `a`'s whole open storage, behind {@link buffer} and {@link byteOffset}. */
  static #wholeWindow(a: NdArray): Window {
    const st = NdArray.#of(a).st;
    st.checkOpen();
    const w = st.whole();
    if (w === null) throw new RangeError('a mapping larger than 4 GiB has no single ArrayBuffer; use typedArray() on a view');
    return w;
  }

  /** The transpose (a view). */
  get T(): this {
    return this.reversedView();
  }

  /**
   * NumPy 2's `a.mT`: the matrix transpose, the last two axes swapped (a view).
   * @throws ValueError for fewer than two axes (NumPy's words).
   */
  get mT(): this {
    if (this.ndim < 2) throw new ValueError('matrix transpose with ndim < 2 is undefined');
    return this.swapaxes(-1, -2);
  }

  /**
   * NumPy's `a.real`: for complex arrays a view of the real parts (float32 for
   * complex64, float64 for complex128, in the array's byte order, with its
   * strides); any other array is returned itself, as NumPy does.
   */
  get real(): Retyped<this, number> {
    return this.complexPart(0);
  }

  /**
   * NumPy's `a.imag`: for complex arrays a view of the imaginary parts; for
   * any other array (records too) a read-only array of zeros of its shape and
   * dtype (NumPy's), not sharing its memory.
   */
  get imag(): Retyped<this, number> {
    return this.complexPart(1);
  }

  private complexPart(part: 0 | 1): Retyped<this, number> {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    if (acc.dt.kind !== 'c') {
      if (part === 0) return this as unknown as Retyped<this, number>;
      // NumPy's array_imag_get: new zeroed memory of a's dtype (records and
      // voids too), F-ordered when a is F- and not C-contiguous, read-only.
      const fortran = isFContiguous(acc.shape, acc.strides, acc.dt.itemsize) && !isCContiguous(acc.shape, acc.strides, acc.dt.itemsize);
      const zeros = asClassOf(this, allocate(acc.dt, acc.shape, fortran ? 'F' : 'C'));
      zeros.flags.writeable = false;
      return zeros as unknown as Retyped<this, number>;
    }
    const half = acc.dt.itemsize / 2;
    const dt = toDType(`${acc.dt.str[0] === '>' ? '>' : '<'}f${half}`);
    return derive<NdArray>(this, Object.getPrototypeOf(this), dt, acc.shape, acc.strides, acc.offset + part * half) as unknown as Retyped<this, number>;
  }

  // ---------------------------------------------------------------- views

  /**
   * NumPy's `view`: the same bytes with another dtype and/or class. A
   * different itemsize rescales the last axis, which must be contiguous.
   */
  view(): this;
  view<C extends NdArray>(cls: ArrayClass<C>): C;
  view<const D extends DTypeLike>(dtype: D): Retyped<this, ValueOf<D>>;
  view<C extends NdArray>(dtype: DTypeLike | null | undefined, cls: ArrayClass<C>): C;
  view(a?: DTypeLike | ArrayClass<NdArray> | null, cls?: ArrayClass<NdArray>): NdArray {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    // The common form (a dtype string) first; the rest out of line (see accessOf on the bytecode budget).
    if (typeof a === 'string' && cls === undefined) {
      const layout = sharedViewLayout(acc.shape, acc.strides, acc.dt.itemsize, a);
      return viewOf(this, layout.dtype, layout.shape, layout.strides, acc.offset) as this;
    }
    return this.viewAs(a, cls);
  }

  /** view() with a DType, a class or nothing. */
  private viewAs(a: DTypeLike | ArrayClass<NdArray> | null | undefined, cls: ArrayClass<NdArray> | undefined): NdArray {
    const acc = NdArray.#of(this);
    let spec: DTypeLike | null | undefined = a as DTypeLike | null | undefined;
    if (typeof a === 'function' && !(a instanceof DType)) {
      cls = a as ArrayClass<NdArray>;
      spec = undefined;
    }
    const proto = cls ? (cls as unknown as { prototype: object }).prototype : Object.getPrototypeOf(this);
    if (cls && !(cls.prototype instanceof NdArray) && (cls as unknown) !== NdArray) {
      throw new TypeError('view(type): type must be NdArray or a subclass of it');
    }
    if (cls) checkSubclass(proto);
    if (spec === undefined || spec === null) return derive(this, proto, acc.dt, acc.shape, acc.strides, acc.offset);
    const layout = sharedViewLayout(acc.shape, acc.strides, acc.dt.itemsize, spec);
    return derive(this, proto, layout.dtype, layout.shape, layout.strides, acc.offset);
  }

  /**
   * Basic indexing: `a.index('1:5:2, ::-1, ..., None, 3')` or
   * `a.index(1, slice(1, 5, 2), newaxis, ellipsis)`. Always a view; an
   * integer on every axis gives a 0-d view. With an integer or boolean
   * index array among the items it is NumPy's advanced indexing, which
   * copies.
   */
  index(...items: (IndexItem | string | FancyItem)[]): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    // One index string (the common form): its layout is memoised per string, shared with the last view it made.
    if (items.length === 1 && typeof items[0] === 'string') {
      const m = indexLayout(items[0], acc.shape, acc.strides);
      return viewOf(this, acc.dt, m.shape, m.strides, acc.offset + m.delta) as this;
    }
    return this.indexItems(items);
  }

  /** index() with items other than one string, out of line (see accessOf on the bytecode budget). */
  private indexItems(items: (IndexItem | string | FancyItem)[]): this {
    const acc = NdArray.#of(this);
    // Index arrays (integer or boolean) make it NumPy's advanced indexing: a copy.
    if (fancy.isFancy(items)) return fancy.getitem(this, items as FancyItem[]) as this;
    for (const it of items) if (typeof it === 'string') throw new TypeError('mix index strings and values in one form only');
    const l = applyIndex({ shape: acc.shape as number[], strides: acc.strides as number[], offset: acc.offset }, items as IndexItem[]);
    return derive(this, Object.getPrototypeOf(this), acc.dt, l.shape, l.strides, l.offset);
  }

  /** A view of one field of a structured dtype (a subarray field adds its axes). */
  field<K extends string>(name: K): Retyped<this, FieldValue<T, K>> {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const f = fieldOf(acc.dt, name);
    if (f === undefined) throw noField(acc.dt, name);
    const dt = f.dtype;
    if (dt.shape.length !== 0) return subarrayView<NdArray>(this, Object.getPrototypeOf(this), dt, acc.shape, acc.strides, acc.offset + f.offset) as never;
    return viewOf(this, dt, acc.shape, acc.strides, acc.offset + f.offset) as never;
  }

  /**
   * NumPy's `a.getfield(dtype, offset=0)`: a view of `dtype` at byte `offset`
   * of each item, with this array's shape and strides (a subarray dtype adds
   * its axes). Any dtype whose bytes lie within the item: the high half of
   * each `<i4` is `a.getfield('<i2', 2)`; a record's field by place rather
   * than by name. Writeable when this array is.
   *
   * @example
   * asarray([1, 2, 3], '<u4').getfield('<u2', 2).toArray(); // [0, 0, 0]
   * @throws ValueError when the bytes `[offset, offset + dtype.itemsize)` leave the item (NumPy's words: the type larger than the item, a negative offset, or type and offset past its end)
   */
  getfield<const D extends DTypeLike>(dtype: D, offset: number | { offset?: number } = 0): Retyped<this, ValueOf<D>> {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    // NumPy's keyword form, { offset }.
    offset = keywordValue<number>('getfield', 'offset', offset) ?? 0;
    const dt = toDType(dtype);
    if (typeof offset !== 'number' || !Number.isInteger(offset)) throw new TypeError(`getfield(): offset must be an integer, got ${repr(offset)}`);
    // NumPy's checks, in its order (PyArray_GetField).
    if (dt.itemsize > acc.dt.itemsize) throw new ValueError('new type is larger than original type');
    if (offset < 0) throw new ValueError('offset is negative');
    if (offset > acc.dt.itemsize - dt.itemsize) throw new ValueError('new type plus offset is larger than original type');
    if (dt.shape.length !== 0) return subarrayView<NdArray>(this, Object.getPrototypeOf(this), dt, acc.shape, acc.strides, acc.offset + offset) as never;
    return viewOf(this, dt, acc.shape, acc.strides, acc.offset + offset) as never;
  }

  /**
   * NumPy's `a.setfield(val, dtype, offset=0)`: writes `val` (a scalar, nested
   * lists or an array, broadcast and cast as {@link set} does) into
   * `a.getfield(dtype, offset)`.
   *
   * @example
   * const a = zeros([2], '<u4');
   * a.setfield(1, '<u2', 2);
   * a.toArray(); // [65536, 65536]
   * @throws AccessError (`ERR_READ_ONLY`) when the array is read-only; ValueError as {@link getfield}
   */
  setfield(val: unknown, dtype: DTypeLike, offset = 0): void {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    if (!(acc.writeable && acc.st.writable)) throw readOnlyError(this);
    assign(this.getfield(dtype, offset), val);
  }

  /** A multi-field view keeping the original offsets and itemsize (NumPy ≥ 1.16). */
  fields(names: readonly string[]): Retyped<this, unknown> {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const dt = acc.dt;
    if (!Array.isArray(names)) throw new TypeError(`fields() takes an array of field names, got ${repr(names)}`);
    for (const n of names) {
      if (typeof n !== 'string') throw new TypeError(`field names must be strings, got ${repr(n)} in ${repr(names)}`);
    }
    if (dt.fields === null) throw new IndexError(`${VALID_INDICES}: dtype ${dt.str} has no fields`);
    const seen = new Set<string>();
    for (const n of names) {
      if (!Object.prototype.hasOwnProperty.call(dt.fields, n)) throw new KeyError(`${repr(n)}; fields are ${(dt.names ?? []).map((x) => repr(x)).join(', ')}`);
      if (seen.has(n)) throw new ValueError(`duplicate field of name ${repr(n)}`);
      seen.add(n);
    }
    // NumPy copies the parent's flags (isalignedstruct) into the view's dtype,
    // whose alignment is 1 (a new void descr).
    const sub = makeStruct(
      names,
      names.map((n) => dt.fields![n]),
      dt.itemsize,
      1,
      dt.isalignedstruct,
    );
    return derive<NdArray>(this, Object.getPrototypeOf(this), sub, acc.shape, acc.strides, acc.offset) as unknown as Retyped<this, unknown>;
  }

  /**
   * NumPy's `reshape`: a view when the strides allow it, otherwise a copy. One axis may be -1.
   * The shape is a list (`reshape([-1, 60], 'F')`) or, as NumPy also takes it, the sizes
   * themselves (`reshape(-1, 60)`, C order).
   */
  reshape(shape: number | readonly number[], order?: 'C' | 'F' | 'A' | ReshapeMethodOptions | null, options?: ReshapeMethodOptions): this;
  reshape(...shapeThenOptions: [...number[], ReshapeMethodOptions]): this;
  reshape(...shape: number[]): this;
  reshape(shape?: number | readonly number[] | ReshapeMethodOptions, ...rest: unknown[]): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    if (shape === undefined) throw new TypeError('reshape() takes exactly 1 argument (0 given)');
    if (typeof shape !== 'number' && (shape === null || typeof (shape as Iterable<number>)[Symbol.iterator] !== 'function')) {
      throw new TypeError(`reshape(): shape must be an integer or a list of integers, got ${describeValue(shape)}`);
    }
    // NumPy's keywords order and copy, as an options object last (a.reshape([4], { order: 'F', copy: false })).
    let opts: ReshapeMethodOptions = {};
    if (rest.length > 0 && isPlainObject(rest[rest.length - 1])) {
      opts = readKnownOptions(rest[rest.length - 1] as ReshapeMethodOptions, ['order', 'copy'], 'reshape');
      rest = rest.slice(0, -1);
    }
    const sizes = typeof shape === 'number' && rest.length > 0 && typeof rest[0] === 'number';
    if (!sizes && rest[0] !== undefined && rest[0] !== null && opts.order !== undefined) throw new TypeError("reshape() got multiple values for argument 'order'");
    const order = readOrder(sizes || rest[0] === undefined || rest[0] === null ? opts.order : rest[0], 'C');
    const copy = opts.copy ?? null;
    if (copy !== null && typeof copy !== 'boolean') throw new TypeError(`reshape: copy must be a boolean or null, got ${describeValue(copy)}`);
    if (order === 'K') throw new ValueError("order 'K' is not permitted for reshaping");
    if (sizes && !rest.every((n) => typeof n === 'number')) throw new TypeError(`reshape(): every size must be a number, got ${rest.map((n) => repr(n)).join(', ')}`);
    // The length first: a sparse list of length 2^32-1 was spread until V8 aborted out of heap.
    if (!sizes && Array.isArray(shape)) checkNdim(shape.length);
    const req = sizes ? [shape as number, ...(rest as number[])] : typeof shape === 'number' ? [shape] : [...(shape as Iterable<number>)];
    const ord: 'C' | 'F' = order === 'A' ? (this.flags.fContiguous && !this.flags.cContiguous ? 'F' : 'C') : order;
    // copy: true copies first, once the shape is known good (the copy is contiguous in ord: its reshape is a view of it).
    if (copy === true) return this.copy(ord).reshape(fixUnknownDimension(req, this.size), ord);
    if (req.length === this.ndim && req.every((n, i) => n === acc.shape[i])) {
      return derive(this, Object.getPrototypeOf(this), acc.dt, acc.shape, acc.strides, acc.offset);
    }
    const dims = fixUnknownDimension(req, this.size);
    const contiguous = ord === 'C' ? this.flags.cContiguous : this.flags.fContiguous;
    if (contiguous) {
      return derive(this, Object.getPrototypeOf(this), acc.dt, dims, shapeToStrides(dims, this.itemsize, ord), acc.offset);
    }
    const strides = reshapeStrides(acc.shape, acc.strides, this.itemsize, dims, ord);
    if (strides !== null) return derive(this, Object.getPrototypeOf(this), acc.dt, dims, strides, acc.offset);
    // copy: false refuses the copy (NumPy 2's ValueError), checked before any item moves.
    if (copy === false) throw new ValueError('Unable to avoid creating a copy while reshaping.');
    const c = this.copy(ord);
    return derive(c, Object.getPrototypeOf(this), c.dtype, dims, shapeToStrides(dims, c.itemsize, ord), c.offset);
  }

  /** NumPy's `ravel`: a view only when already contiguous in `order`, else a copy. */
  ravel(order: Order | { order?: Order } = 'C'): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const size = this.size;
    const flat = [size];
    let ord = readOrder(keywordValue<Order>('ravel', 'order', order), 'C');
    if (ord === 'A') ord = this.flags.fContiguous && !this.flags.cContiguous ? 'F' : 'C';
    if (ord === 'C' && this.flags.cContiguous) {
      return derive(this, Object.getPrototypeOf(this), acc.dt, flat, [this.itemsize], acc.offset);
    }
    if (ord === 'F' && this.flags.fContiguous) {
      return derive(this, Object.getPrototypeOf(this), acc.dt, flat, [this.itemsize], acc.offset);
    }
    if (ord === 'K') {
      const start = kContiguousStart(acc.shape, acc.strides, acc.dt.itemsize, acc.offset);
      if (start !== null) return derive(this, Object.getPrototypeOf(this), acc.dt, flat, [this.itemsize], start);
      // The copy walks memory order the way NumPy's iterator picks it.
      return flatOwner(this, copyAs(this.transpose(iterationOrder(acc.strides)), acc.dt, 'C'));
    }
    return flatOwner(this, copyAs(this, this.dtype, ord));
  }

  /**
   * Reverses or permutes the axes (a view): `transpose()`, `transpose([2, 0, 1])`, or as
   * NumPy also takes it, `transpose(2, 0, 1)`.
   */
  transpose(axes?: readonly number[] | null): this;
  transpose(...axes: number[]): this;
  transpose(axes?: readonly number[] | number | null, ...rest: number[]): this {
    if (axes === undefined || axes === null) return this.reversedView();
    return this.permutedView(typeof axes === 'number' ? [axes, ...rest] : axes);
  }

  /**
   * The default transpose (reversed axes, `T`): layout arrays shared with the
   * last transpose of the same layout. Apart from the permutation so that a
   * view's whole construction fits V8's inlining budget (see accessOf).
   */
  private reversedView(): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const r = reversedLayout(acc.shape, acc.strides);
    return viewOf(this, acc.dt, r.shape, r.strides, acc.offset) as this;
  }

  private permutedView(axes: readonly number[]): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const n = this.ndim;
    if (axes.length !== n) throw new ValueError("axes don't match array");
    const perm = normalizeAxes(axes, n, 'repeated axis in transpose');
    const shape = new Array<number>(n);
    const strides = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      shape[i] = acc.shape[perm[i]];
      strides[i] = acc.strides[perm[i]];
    }
    return derive(this, Object.getPrototypeOf(this), acc.dt, shape, strides, acc.offset);
  }

  /** Exchanges two axes (a view). */
  swapaxes(axis1: number, axis2: number): this {
    const n = this.ndim;
    const a = normalizeAxis(axis1, n, 'axis1');
    const b = normalizeAxis(axis2, n, 'axis2');
    const perm = [...Array(n).keys()];
    perm[a] = b;
    perm[b] = a;
    return this.transpose(perm);
  }

  /** Removes length-1 axes: all of them, or the given ones (which must have length 1). */
  squeeze(axisArg?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    // NumPy's keyword form, { axis }.
    const axis = keywordValue<number | readonly number[] | null>('squeeze', 'axis', axisArg);
    const n = this.ndim;
    let drop: Set<number>;
    if (axis === undefined || axis === null) {
      drop = new Set([...Array(n).keys()].filter((i) => acc.shape[i] === 1));
    } else if (n === 0) {
      // NumPy lets a 0-d array "squeeze" axis 0 / -1: nothing to remove.
      for (const ax of typeof axis === 'number' ? [axis] : axis) normalizeAxis(ax, 1);
      drop = new Set();
    } else {
      drop = new Set(normalizeAxes(typeof axis === 'number' ? [axis] : axis, n, "duplicate value in 'axis'"));
      for (const i of drop) {
        if (acc.shape[i] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
      }
    }
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!drop.has(i)) {
        shape.push(acc.shape[i]);
        strides.push(acc.strides[i]);
      }
    }
    return derive(this, Object.getPrototypeOf(this), acc.dt, shape, strides, acc.offset);
  }

  /** Inserts length-1 axes at the given positions of the result (NumPy's `expand_dims`, a reshape). */
  expandDims(axis: number | readonly number[]): this {
    NdArray.#of(this).st.checkOpen();
    if (axis === undefined) throw new TypeError("expand_dims() missing 1 required positional argument: 'axis'");
    if (typeof axis === 'bigint') return this.expandDims(Number(axis));
    if (typeof axis !== 'number' && !(axis instanceof NdArray) && !Array.isArray(axis) && !ArrayBuffer.isView(axis)) {
      throw new TypeError(`expandDims(): axis must be an integer or a list of integers, got ${describeValue(axis)}`);
    }
    if (Array.isArray(axis) || ArrayBuffer.isView(axis)) checkNdim(this.ndim + (axis as ArrayLike<number>).length);
    // NumPy takes anything but a tuple or list as one axis (operator.index): an
    // array of more than one item is its TypeError, refused before it is read
    // (a 2^31-item array was spread item by item: a hang).
    if (axis instanceof NdArray && (axis.ndim !== 0 || !'iu'.includes(axis.dtype.kind))) throw new TypeError('only integer scalar arrays can be converted to a scalar index');
    const axes = typeof axis === 'number' ? [axis] : axis instanceof NdArray ? [Number(axis.get())] : Array.from(axis as ArrayLike<number>);
    const outNdim = this.ndim + axes.length;
    checkNdim(outNdim);
    const pos = new Set(normalizeAxes(axes, outNdim));
    const shape: number[] = [];
    for (let i = 0, k = 0; i < outNdim; i++) shape.push(pos.has(i) ? 1 : NdArray.#of(this).shape[k++]);
    return this.reshape(shape);
  }

  /** Reverses the order of elements along the given axes, or all axes (a view). */
  flip(axis?: number | readonly number[] | null): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const n = this.ndim;
    if (n === 0 && (axis === undefined || axis === null) && acc.dt.isStructured) {
      // A record's scalar (np.void) views the array's memory: so does this.
      return derive(this, Object.getPrototypeOf(this), acc.dt, acc.shape, acc.strides, acc.offset);
    }
    if (n === 0 && (axis === undefined || axis === null)) {
      // NumPy's flip indexes with an empty tuple here and returns a scalar:
      // a read-only copy, whose own views (like a scalar's methods) are writeable.
      // (A void scalar converts back to a writeable array.) A numeric scalar
      // is native-endian, so a '>f8' element comes back as '<f8' (on x86).
      const dt = acc.dt.kind !== 'V' && !acc.dt.isnative ? acc.dt.newbyteorder('=') : acc.dt;
      const c = asClassOf(this, copyAs(this, dt, 'C'));
      if (acc.dt.kind !== 'V') {
        markScalar(c);
      }
      return c;
    }
    const axes = axis === undefined || axis === null ? [...Array(n).keys()] : normalizeAxes(typeof axis === 'number' ? [axis] : axis, n);
    const items: IndexItem[] = [];
    for (let i = 0; i < n; i++) items.push(axes.includes(i) ? sliceAll(-1) : sliceAll(1));
    return this.index(...items);
  }

  /** `view(dtype.newbyteorder(order))`: the same bytes read in the other byte order. */
  newbyteorder(order: 'S' | '<' | '>' | '=' | '|' = 'S'): this {
    // The same values in the other order: the element type stays.
    return this.view(NdArray.#of(this).dt.newbyteorder(order)) as unknown as this;
  }

  // ---------------------------------------------------------------- reads

  /** One element's value (see the README's value mapping). Negative indices count from the end. */
  get(...indices: number[]): T {
    // Hot path, kept small so it inlines into the caller's loop: the view's
    // accessor, built with the view, does the bounds check and the read
    // (element-access.ts); the closed check costs nothing until it fires.
    // No call here but the accessor's: a call that returns into the
    // caller's loop makes V8 keep its double accumulator on the stack.
    const acc = NdArray.#of(this);
    if (indices.length === 1) return acc.get(indices[0]) as T;
    return acc.read(this.offsetOf(indices)) as T;
  }


  /** Byte offset of the element at `indices` (all axes), range-checked. */
  private offsetOf(indices: readonly number[]): number {
    const acc = NdArray.#of(this);
    const shape = acc.shape;
    const n = shape.length;
    if (indices.length !== n) {
      acc.st.checkOpen();
      throw new IndexError(`get() needs ${n} ind${n === 1 ? 'ex' : 'ices'} for a ${n}-d array, got ${indices.length}`);
    }
    const strides = acc.strides;
    let off = acc.offset;
    for (let k = 0; k < n; k++) {
      let i = indices[k];
      const len = shape[k];
      if (i < 0) i += len;
      if (!(i >= 0 && i < len) || !Number.isInteger(i)) throw this.outOfBounds(indices[k], k);
      off += i * strides[k];
    }
    return off;
  }

  private outOfBounds(index: number, axis: number): Error {
    NdArray.#of(this).st.checkOpen();
    return elementIndexError(index, axis, NdArray.#of(this).shape[axis]);
  }

  /**
   * NumPy's `a.item(*args)`: one element's value. No argument: the only
   * element (a ValueError unless the size is 1); one integer: the element at
   * that flat (C-order) index; one integer per axis (or one array of them):
   * the element there. Negative indices count from the end.
   */
  item(...args: (number | readonly number[])[]): T {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    const idx = args.length === 1 && Array.isArray(args[0]) ? (args[0] as readonly number[]) : (args as readonly number[]);
    if (idx.length === 0) {
      if (acc.shape.reduce((p, d) => p * d, 1) !== 1) throw new ValueError('can only convert an array of size 1 to a Python scalar');
      return acc.read(acc.offset) as T;
    }
    for (const i of idx) if (typeof i !== 'number' || !Number.isInteger(i)) throw new TypeError(`item(): an index must be an integer, got ${describeValue(i)}`);
    if (idx.length === 1) {
      const size = acc.shape.reduce((p, d) => p * d, 1);
      let flat = idx[0];
      if (flat < -size || flat >= size) throw new IndexError(acc.shape.length === 1 ? `index ${flat} is out of bounds for axis 0 with size ${size}` : `index ${flat} is out of bounds for size ${size}`);
      if (flat < 0) flat += size;
      let off = acc.offset;
      for (let k = acc.shape.length - 1; k >= 0; k--) {
        const d = acc.shape[k];
        off += (flat % d) * acc.strides[k];
        flat = Math.floor(flat / d);
      }
      return acc.read(off) as T;
    }
    if (idx.length !== acc.shape.length) throw new ValueError('incorrect number of indices for array');
    return acc.read(this.offsetOf(idx)) as T;
  }

  /**
   * NumPy's `a.flat`: a {@link FlatIter} over the elements in C order:
   * `get`/`set` by flat index (or slice, index array, mask), iteration,
   * `copy()` (a flattened copy) and `base` (this array) (lib/flatiter.ts).
   */
  get flat(): FlatIter<T> {
    NdArray.#of(this).st.checkOpen();
    return new FlatIter<T>(this);
  }

  /** NumPy's `tolist()`: nested JS arrays of values; a 0-d array gives its value. */
  toArray(): unknown {
    NdArray.#of(this).st.checkOpen();
    return elementwise.toNested(this);
  }

  /** Iterates over the first axis: values of a 1-d array, sub-array views otherwise. */
  *[Symbol.iterator](): IterableIterator<unknown> {
    NdArray.#of(this).st.checkOpen();
    if (this.ndim === 0) throw new TypeError('iteration over a 0-d array');
    const n = NdArray.#of(this).shape[0];
    if (this.ndim === 1) {
      for (let i = 0; i < n; i++) yield this.get(i);
    } else {
      for (let i = 0; i < n; i++) yield this.index(i);
    }
  }

  // ---------------------------------------------------------- element-wise

  /** Calls `fn(value, i)` for every element in C index order; `i` is the flat index. */
  forEach(fn: (value: T, i: number) => void): void {
    elementwise.forEach(this, fn as (value: unknown, i: number) => void);
  }

  /** Folds every element into an accumulator, in C index order. */
  reduce<A>(fn: (acc: A, value: T, i: number) => A, initial: A): A {
    return elementwise.reduce(this, fn as (acc: A, value: unknown, i: number) => A, initial);
  }

  /**
   * In-place element-wise update: `a.apply(x => x + 1)` is NumPy's `a += 1`.
   * Checks `flags.writeable` first; values convert as in {@link set}.
   * It stores as it goes: when `fn` throws, or returns a value that does not
   * convert, at element k, elements before k keep their new values (an
   * all-or-nothing apply would need a scratch copy as large as the array,
   * too much over a big mapping). For all-or-nothing, use `a.set(a.map(fn))`.
   */
  apply(fn: (value: T, i: number) => unknown): this {
    elementwise.apply(this, fn as (value: unknown, i: number) => unknown);
    return this;
  }

  /** A new C-contiguous array of `fn(value, i)`, with `dtype` (default: this dtype). */
  map(fn: (value: T, i: number) => unknown, dtype?: DTypeLike): NdArray {
    return elementwise.map(this, fn as (value: unknown, i: number) => unknown, dtype === undefined ? NdArray.#of(this).dt : toDType(dtype));
  }

  /**
   * Sum of all elements (BigInt for 64-bit integer dtypes). With arguments,
   * NumPy's `sum(axis, { keepdims, dtype, out })` as an array (0-d for
   * `axis` null): see {@link reduceAxis.sum}.
   */
  sum(): SumOf<T>;
  sum(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  sum(axis: reduceAxis.Axis, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: reduceAxis.ReduceOptions['where'] | null): NdArray;
  sum(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, ...rest: unknown[]): SumOf<T> | NdArray {
    // float16: NumPy's half loop (float32 pairwise, rounded to half per call), which the axis path has.
    if (arguments.length === 0) return (isHalf(this) ? reduceAxis.sum(this, null).get() : reduceAll.sum(this)) as SumOf<T>;
    return (reduceAxis.sum as ReduceCall)(this, axis, ...rest);
  }

  /** Smallest element; with arguments NumPy's `min(axis, { keepdims, out })` as an array. */
  min(): SumOf<T>;
  min(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  min(axis: reduceAxis.Axis, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: reduceAxis.ReduceOptions['where'] | null): NdArray;
  min(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, ...rest: unknown[]): SumOf<T> | NdArray {
    if (arguments.length === 0) return reduceAll.min(this) as SumOf<T>;
    return (reduceAxis.min as ReduceCall)(this, axis, ...rest);
  }

  /** Largest element; with arguments NumPy's `max(axis, { keepdims, out })` as an array. */
  max(): SumOf<T>;
  max(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  max(axis: reduceAxis.Axis, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: reduceAxis.ReduceOptions['where'] | null): NdArray;
  max(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, ...rest: unknown[]): SumOf<T> | NdArray {
    if (arguments.length === 0) return reduceAll.max(this) as SumOf<T>;
    return (reduceAxis.max as ReduceCall)(this, axis, ...rest);
  }

  /** Arithmetic mean; with arguments NumPy's `mean(axis, { keepdims, dtype, out })` as an array. */
  mean(): number;
  mean(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  mean(axis: reduceAxis.Axis, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
  mean(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, ...rest: unknown[]): number | NdArray {
    if (arguments.length === 0) return isHalf(this) ? (reduceAxis.mean(this, null).get() as number) : reduceAll.mean(this);
    return (reduceAxis.mean as ReduceCall)(this, axis, ...rest);
  }

  // ------------------------------------------- compute: reductions, indexing, sorting (issue 18)

  /** NumPy's `prod(axis, { keepdims, dtype, out })` (see {@link reduceAxis.prod}). */
  prod(axis: reduceAxis.Axis, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: reduceAxis.ReduceOptions['where'] | null): NdArray;
  prod(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  prod(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis> = null, ...rest: unknown[]): NdArray {
    return (reduceAxis.prod as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `any(axis, { keepdims, out })`: a bool array (0-d for `axis` null). */
  any(axis: reduceAxis.Axis, out?: NdArray | null, keepdims?: boolean | null): NdArray;
  any(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  any(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis> = null, ...rest: unknown[]): NdArray {
    return (reduceAxis.any as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `all(axis, { keepdims, out })`. */
  all(axis: reduceAxis.Axis, out?: NdArray | null, keepdims?: boolean | null): NdArray;
  all(axis?: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis>, options?: reduceAxis.ReduceOptions): NdArray;
  all(axis: reduceAxis.Axis | WithAxis<reduceAxis.ReduceOptions, reduceAxis.Axis> = null, ...rest: unknown[]): NdArray {
    return (reduceAxis.all as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `argmin(axis, { keepdims })`: int64 indices (into the flattened array for `axis` null). */
  argmin(axis: number | null, out?: NdArray | null): NdArray;
  argmin(axis?: number | null | WithAxis<reduceAxis.ArgReduceOptions, number | null>, options?: reduceAxis.ArgReduceOptions): NdArray;
  argmin(axis: number | null | WithAxis<reduceAxis.ArgReduceOptions, number | null> = null, ...rest: unknown[]): NdArray {
    return (reduceAxis.argmin as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `argmax(axis, { keepdims })`. */
  argmax(axis: number | null, out?: NdArray | null): NdArray;
  argmax(axis?: number | null | WithAxis<reduceAxis.ArgReduceOptions, number | null>, options?: reduceAxis.ArgReduceOptions): NdArray;
  argmax(axis: number | null | WithAxis<reduceAxis.ArgReduceOptions, number | null> = null, ...rest: unknown[]): NdArray {
    return (reduceAxis.argmax as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `take(indices, axis, { mode, out })` (or `take(indices, { axis, mode, out })`): a copy (see {@link fancy.take}). */
  take(indices: NdArray | number | readonly number[], axis?: number | null, out?: NdArray | null, mode?: fancy.TakeOptions['mode'] | null): NdArray;
  take(indices: NdArray | number | readonly number[], axis?: number | null | fancy.TakeOptions, options?: fancy.TakeOptions): NdArray;
  take(indices: NdArray | number | readonly number[], ...rest: unknown[]): NdArray {
    return (fancy.take as (a: NdArray, i: unknown, ...r: unknown[]) => NdArray)(this, indices, ...rest);
  }

  /** NumPy's `a.repeat(repeats, axis=None)`: a copy with each element repeated (see {@link repeating.repeat}). */
  repeat(repeats: repeating.Repeats, axis?: number | null | { axis?: number | null }): NdArray {
    return repeating.repeat(this, repeats, axis);
  }

  /** NumPy's `put(indices, values, { mode })`: writes `a.flat[indices]`, values repeated cyclically. */
  put(indices: NdArray | number | readonly number[], values: unknown, mode?: Parameters<typeof fancy.put>[3]): void {
    fancy.put(this, indices, values, mode);
  }

  /** NumPy's `a.compress(condition, axis=None, out=None)`: the slices where the condition holds (a copy); `axis` positionally or in the options. */
  compress(condition: NdArray | readonly (boolean | number)[], axis?: number | null, out?: NdArray | null): NdArray;
  compress(condition: NdArray | readonly (boolean | number)[], axis?: number | null | fancy.CompressOptions, options?: fancy.CompressOptions): NdArray;
  compress(condition: NdArray | readonly (boolean | number)[], ...rest: unknown[]): NdArray {
    return (fancy.compress as (c: unknown, a: NdArray, ...r: unknown[]) => NdArray)(condition, this, ...rest);
  }

  /** NumPy's `a.diagonal(offset=0, axis1=0, axis2=1)`: a read-only view of the diagonal (see {@link diagonals.diagonal}); the three positionally or as options. */
  diagonal(offset?: number | null, axis1?: number | null, axis2?: number | null): this;
  diagonal(offset?: number | diagonals.DiagonalOptions | null, axis1?: number | diagonals.DiagonalOptions | null, axis2?: number | diagonals.DiagonalOptions | null, options?: diagonals.DiagonalOptions): this;
  diagonal(...rest: unknown[]): this {
    return (diagonals.diagonal as (a: NdArray, ...r: unknown[]) => NdArray)(this, ...rest) as this;
  }

  /**
   * NumPy's `a.dot(b, out=None)`: {@link linalg.dot} of this array and `b`
   * (`out` positionally or as `{ out }`).
   *
   * @example
   * asarray([[1, 2], [3, 4]]).dot([1, 1]).toArray(); // [3, 7]
   */
  dot(b: unknown, out: NdArray | { out?: NdArray | null } | null = null): NdArray {
    return linalg.dot(this, b, out);
  }

  /** NumPy's `a.trace(offset=0, axis1=0, axis2=1, dtype=None, out=None)`: the sum along the diagonal (see {@link diagonals.trace}). */
  trace(offset?: number | null, axis1?: number | null, axis2?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
  trace(offset?: number | diagonals.TraceOptions | null, axis1?: number | diagonals.TraceOptions | null, axis2?: number | diagonals.TraceOptions | null, options?: diagonals.TraceOptions): NdArray;
  trace(...args: unknown[]): NdArray {
    return (diagonals.trace as (a: NdArray, ...r: unknown[]) => NdArray)(this, ...args);
  }

  /** NumPy's `nonzero()`: one int64 index array per axis. */
  nonzero(): NdArray[] {
    return fancy.nonzero(this);
  }

  /** NumPy's `a.sort(axis=-1, kind, order)`: sorts in place (see {@link sort.sortInPlace}); `axis` positionally or in the options; returns this. */
  sort(axis?: number | null, kind?: sort.SortOptions['kind'] | null, order?: sort.SortOptions['order'] | null): this;
  sort(axis?: number | null | sort.SortOptions, options?: sort.SortOptions): this;
  sort(axis?: number | null | sort.SortOptions, ...rest: unknown[]): this {
    sort.sortInPlace(this, axis, ...rest);
    return this;
  }

  /** NumPy's `argsort(axis=-1, kind, order)`: int64 indices that sort the array; `axis` positionally or in the options. */
  argsort(axis?: number | null, kind?: sort.SortOptions['kind'] | null, order?: sort.SortOptions['order'] | null): NdArray;
  argsort(axis?: number | null | sort.SortOptions, options?: sort.SortOptions): NdArray;
  argsort(axis?: number | null | sort.SortOptions, ...rest: unknown[]): NdArray {
    return (sort.argsort as (a: NdArray, ...r: unknown[]) => NdArray)(this, axis, ...rest);
  }

  /** NumPy's `a.partition(kth, axis=-1, kind='introselect', order)`: partitions in place as {@link partitioning.partition} partitions a copy (a read-only array: AccessError ERR_READ_ONLY with NumPy's message); returns this. */
  partition(kth: partitioning.Kth, axis?: number | null, kind?: partitioning.PartitionOptions['kind'] | null, order?: partitioning.PartitionOptions['order'] | null): this;
  partition(kth: partitioning.Kth, axis?: number | null | partitioning.PartitionOptions, options?: partitioning.PartitionOptions): this;
  partition(kth: partitioning.Kth, axis?: number | null | partitioning.PartitionOptions, ...rest: unknown[]): this {
    partitioning.partitionInPlace(this, kth, axis, ...rest);
    return this;
  }

  /** NumPy's `argpartition(kth, axis=-1, kind='introselect', order)`: int64 positions that partition the array (see {@link partitioning.argpartition}). */
  argpartition(kth: partitioning.Kth, axis?: number | null, kind?: partitioning.PartitionOptions['kind'] | null, order?: partitioning.PartitionOptions['order'] | null): NdArray;
  argpartition(kth: partitioning.Kth, axis?: number | null | partitioning.PartitionOptions, options?: partitioning.PartitionOptions): NdArray;
  argpartition(kth: partitioning.Kth, axis?: number | null | partitioning.PartitionOptions, ...rest: unknown[]): NdArray {
    return (partitioning.argpartition as (a: NdArray, k: unknown, ...r: unknown[]) => NdArray)(this, kth, axis, ...rest);
  }

  /** NumPy's `searchsorted(v, side, { sorter })` (or `searchsorted(v, { side, sorter })`) over this sorted 1-d array: int64 insertion points. */
  searchsorted(v: NdArray | number | bigint | boolean, side?: sort.SearchsortedOptions['side'] | null, sorter?: sort.SearchsortedOptions['sorter'] | null): NdArray;
  searchsorted(v: NdArray | number | bigint | boolean, side?: sort.SearchsortedOptions['side'] | sort.SearchsortedOptions, options?: sort.SearchsortedOptions): NdArray;
  searchsorted(v: NdArray | number | bigint | boolean, ...rest: unknown[]): NdArray {
    return (sort.searchsorted as (a: NdArray, k: unknown, ...r: unknown[]) => NdArray)(this, v, ...rest);
  }

  // ------------------------------------------- end of compute block

  /**
   * A zero-copy typed array over this array's elements (C-contiguous,
   * aligned, native byte order, plain numeric dtype). A read-only array
   * (read-only memory, or `flags.writeable` cleared) is refused unless
   * `unsafeAllowReadOnly` is set: a typed array cannot refuse stores, and one
   * store through it into a `'r'` mapping kills the process.
   */
  typedArray(options?: typed.TypedArrayOptions): typed.AnyTypedArray {
    return typed.typedArray(this, options);
  }

  /**
   * The zero-copy fast path for any strided view (a record field, a column, a
   * reversed or stepped slice) whose strides are multiples of the itemsize:
   * a typed array over the bytes it spans, with the element offset and
   * strides to index it — element (i, j) is
   * `array[offset + i * strides[0] + j * strides[1]]`. Same conditions and
   * read-only rule as {@link typedArray}.
   */
  stridedTypedArray(options?: typed.TypedArrayOptions): typed.StridedTypedArray {
    return typed.stridedTypedArray(this, options);
  }

  // ---------------------------------------------------------------- writes

  /**
   * Writes `value` (a scalar, nested JS arrays or an NdArray; broadcast to the
   * target) to the whole array, or with two arguments to `a[index]`. Checks
   * `flags.writeable` first and writes nothing when it refuses or when any
   * value does not convert.
   */
  set(value: unknown): void;
  set(index: IndexSpec | IndexItem, value: unknown): void;
  set(a: unknown, b?: unknown): void {
    // NumPy's a[i] = v for one element of a writeable 1-d numeric array:
    // stored in place by the view's accessor, without building a view. The
    // accessor refuses read-only memory and a view that was not writeable
    // when it was built (a change of the flag drops it). Kept small so it
    // inlines into the caller's loop.
    const two = arguments.length >= 2;
    if (two && typeof a === 'number' && NdArray.#of(this).set(a, b)) return;
    this.assignAt(two, a, b);
  }

  /** set()'s general path: `two` says whether an index came. */
  private assignAt(two: boolean, a: unknown, b: unknown): void {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    if (!(acc.writeable && acc.st.writable)) throw readOnlyError(this);
    if (two) {
      const spec = a as IndexSpec | IndexItem;
      // One index item (a.set(0, 5), NumPy's a[0] = 5) works as the string or list forms do;
      // index arrays among the items make it NumPy's advanced assignment (a scatter).
      const items = typeof spec === 'string' ? null : Array.isArray(spec) ? (spec as readonly FancyItem[]) : [spec as FancyItem];
      if (items !== null && fancy.isFancy(items)) {
        fancy.setitem(this, items as FancyItem[], b);
        return;
      }
      const target = typeof spec === 'string' ? this.index(spec) : this.index(...(items as IndexItem[]));
      const seq = (b instanceof NdArray && b.ndim > 0) || Array.isArray(b);
      assign(target, seq && target.ndim === 0 && isElementPosition(this, items ?? parseIndex(spec as string)) ? elementValue(this.dtype, b) : b);
    } else {
      assign(this, a);
    }
  }

  /** Sets every element to one scalar value. */
  fill(value: unknown): void {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    if (!(acc.writeable && acc.st.writable)) throw readOnlyError(this);
    fillScalar(this, value);
  }

  /** Swaps the bytes of every element: in place (returns this) or into a copy. */
  byteswap(inplaceArg: boolean | { inplace?: boolean } = false): this {
    const acc = NdArray.#of(this);
    // Given as it is or as { inplace } (an object was truthy: { inplace: false } swapped in place).
    const inplace = booleanArg(inplaceArg, 'inplace', 'byteswap');
    acc.st.checkOpen();
    if (inplace) {
      if (!(acc.writeable && acc.st.writable)) throw readOnlyError(this, 'array to be byte-swapped is read-only');
      byteswapInPlace(this);
      return this;
    }
    const c = copyAs(this, acc.dt, 'A');
    byteswapInPlace(c);
    return asClassOf(this, c);
  }

  // ---------------------------------------------------------------- lifetime

  /**
   * Frees the memory behind this array now, as NumPy's `del a` does at
   * refcount 0: a large result's pre-faulted region goes straight back to
   * the pool for the next result, instead of after a GC and a later turn of
   * the event loop (a loop that never yields sees neither). Also
   * `using y = x.copy()`, which calls it at the end of the block.
   *
   * Afterwards this array, every view or alias of the same memory, and every
   * typed array or `buffer` taken from them are unusable: access throws
   * `AccessError` `ERR_CLOSED` (typed arrays read length 0), never recycled
   * bytes. Releasing again does nothing.
   *
   * - Memory the caller supplied (`fromBuffer`, `ndarray(typedArray)`) is
   *   never freed: release() does nothing and the array stays usable.
   * - A `Memmap` is closed (`close()`); a plain view of a mapping throws a
   *   `TypeError`: close the memmap it came from.
   * - While an async job (`sumAsync`, `copyAsync`, `saveNpyAsync`…) holds
   *   the memory, release() throws `AccessError` `ERR_BUSY` and changes
   *   nothing: await the job first.
   * - Do not release memory a Node API still reads in the background (a
   *   pending `fs.write` of a typed array over it).
   */
  release(): void {
    const st = NdArray.#of(this).st;
    if (st.mapping !== null) {
      throw new TypeError(`release() of a plain view of the mapping of '${st.mapping.path}': close() the memmap it came from`);
    }
    releaseMemory(st);
  }

  /** {@link release}: what `using y = x.copy()` calls at the end of its block. */
  [Symbol.dispose](): void {
    this.release();
  }

  // ---------------------------------------------------------------- copies

  /** A new owner of a copy of the data, laid out in `order` (C, F, A or K). */
  copy(order: Order | { order?: Order } = 'C'): this {
    NdArray.#of(this).st.checkOpen();
    return asClassOf(this, copyAs(this, NdArray.#of(this).dt, typeof order === 'string' ? order : readOrder(keywordValue<Order>('copy', 'order', order), 'C')));
  }

  /**
   * NumPy's `a.tofile(fid, sep='', format='%s')`: writes the items to `path` with no
   * header, in C order whatever the layout (binary in the dtype's byte order,
   * or text items, each Python's `format % item`, joined by `sep`); the file is replaced atomically, never
   * truncated under a live mapping (lib/raw-file.ts).
   */
  tofile(path: string, sep?: string | rawFile.TofileOptions | null, format?: string | rawFile.TofileOptions | null, options?: rawFile.TofileOptions): void;
  tofile(path: string, options?: rawFile.TofileOptions): void;
  tofile(path: string, ...rest: unknown[]): void {
    (rawFile.tofile as (a: NdArray, p: string, ...r: unknown[]) => void)(this, path, ...rest);
  }

  /** NumPy's `a.flatten(order='C')`: a new 1-d array (always a copy) of the elements in `order` (C, F, A or K). */
  flatten(order: Order | { order?: Order } = 'C'): this {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    return asClassOf(this, copyAs(this.ravel(keywordValue<Order>('flatten', 'order', order) ?? 'C'), acc.dt, 'C'));
  }

  /**
   * NumPy's `a.tobytes(order='C')`: the items as raw bytes in a new Buffer,
   * in C (or `'F'`, or `'A'`: F for a Fortran-contiguous array) order
   * whatever the layout, in the dtype's byte order (lib/tobytes.ts).
   */
  tobytes(order: Order | { order?: Order } = 'C'): Buffer {
    return tobytes(this, keywordValue<Order>('tobytes', 'order', order) ?? 'C');
  }

  /**
   * A copy cast to `dtype`, NumPy's `astype`: unsafe casting and the source's
   * memory order (K) by default. The second argument is the order, or
   * `{ order, casting, copy, subok }`: a cast that `casting` does not allow
   * is a TypeError (before anything is copied); `copy: false` returns this
   * array itself when no copy is needed; `subok: false` gives a plain NdArray.
   */
  astype<const D extends DTypeLike>(dtype: D, order?: Order | null, casting?: AstypeOptions['casting'] | null, subok?: boolean | null, copy?: boolean | null): Retyped<this, ValueOf<D>>;
  astype<const D extends DTypeLike>(dtype: D, orderOrOptions?: Order | AstypeOptions): Retyped<this, ValueOf<D>>;
  astype<const D extends DTypeLike>(dtype: D, ...rest: unknown[]): Retyped<this, ValueOf<D>> {
    const acc = NdArray.#of(this);
    acc.st.checkOpen();
    // NumPy's positional order, casting, subok and copy (a.astype('i2', 'K', 'safe')), or the options.
    const o: AstypeOptions = readKnownOptions(positionalOptions<AstypeOptions>('astype', ['order', 'casting', 'subok', 'copy'], rest), ['order', 'casting', 'copy', 'subok'], 'astype');
    const order = readOrder(o.order, 'K');
    const dt = sizedFlexible(acc.dt, toDType(dtype));
    const sameValue = o.casting === 'same_value';
    if (sameValue) {
      if (!sameValueKind(acc.dt) || !sameValueKind(dt)) throw new TypeError(`Cannot cast array data from ${inspect(acc.dt)} to ${inspect(dt)} according to the rule 'same_value'`);
    } else if (o.casting !== undefined) {
      const casting = o.casting as Casting;
      if (!CASTINGS.includes(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe', 'same_value' (got ${repr(o.casting)})`);
      if (!canCast(acc.dt, dt, casting)) {
        throw new TypeError(`Cannot cast array data from ${inspect(acc.dt)} to ${inspect(dt)} according to the rule ${repr(o.casting)}`);
      }
    }
    if (o.copy !== undefined && typeof o.copy !== 'boolean') throw new TypeError(`copy must be a boolean, got ${repr(o.copy)}`);
    if (o.subok !== undefined && typeof o.subok !== 'boolean') throw new TypeError(`subok must be a boolean, got ${repr(o.subok)}`);
    const plain = o.subok === false && Object.getPrototypeOf(this) !== NdArray.prototype;
    if (o.copy === false && !plain && dt.shape.length === 0 && dt.equals(acc.dt)) {
      const f = this.flags;
      const laidOut = order === 'K' || (order === 'A' && (f.cContiguous || f.fContiguous)) || (order === 'C' && f.cContiguous) || (order === 'F' && f.fContiguous);
      if (laidOut) return this as unknown as Retyped<this, ValueOf<D>>;
    }
    const c = copyAs(this, dt, order);
    if (sameValue) checkSameValue(this, c);
    if (dt.shape.length === 0) return (plain ? c : asClassOf<NdArray>(this, c)) as unknown as Retyped<this, ValueOf<D>>;
    // A subarray dtype adds its axes to the result, as NumPy's astype does.
    const sub = shapeToStrides(dt.shape, dt.base.itemsize, 'C');
    const shape = [...c.shape, ...dt.shape];
    const strides = shapeToSize(shape) === 0 ? shape.map(() => 0) : [...c.strides, ...sub];
    const owner = makeArray({ storage: storageOf(c), dtype: dt.base, shape, strides, offset: 0, base: null, writeable: true, ownData: true });
    return (plain ? owner : asClassOf<NdArray>(this, owner)) as unknown as Retyped<this, ValueOf<D>>;
  }

  // ---------------------------------------------------------------- ufunc shorthands

  /** `add(this, other, options)`: see the function `add` (NumPy's `np.add`); `a.add(1, { out: a })` is `a += 1`. */
  add(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.add(this, other, options);
  }

  /** `subtract(this, other, options)`. */
  subtract(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.subtract(this, other, options);
  }

  /** `multiply(this, other, options)`. */
  multiply(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.multiply(this, other, options);
  }

  /** `divide(this, other, options)` (true division). */
  divide(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.divide(this, other, options);
  }

  /** `floorDivide(this, other, options)` (`//`). */
  floorDivide(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.floorDivide(this, other, options);
  }

  /** `remainder(this, other, options)` (`%`). */
  remainder(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.remainder(this, other, options);
  }

  /** `power(this, other, options)` (`**`). */
  power(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.power(this, other, options);
  }

  /** `less(this, other, options)` (`<`): a bool array. */
  less(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.less(this, other, options);
  }

  /** `lessEqual(this, other, options)` (`<=`). */
  lessEqual(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.lessEqual(this, other, options);
  }

  /** `greater(this, other, options)` (`>`). */
  greater(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.greater(this, other, options);
  }

  /** `greaterEqual(this, other, options)` (`>=`). */
  greaterEqual(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.greaterEqual(this, other, options);
  }

  /** `equal(this, other, options)` (`==`, element-wise). */
  equal(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.equal(this, other, options);
  }

  /** `notEqual(this, other, options)` (`!=`, element-wise). */
  notEqual(other: UfuncInput, options?: UfuncOptions): NdArray {
    return ufuncs.notEqual(this, other, options);
  }

  /** `negative(this, options)` (unary `-`). */
  negative(options?: UfuncOptions): NdArray {
    return ufuncs.negative(this, options);
  }

  /** `absolute(this, options)` (`abs()`). */
  abs(options?: UfuncOptions): NdArray {
    return ufuncs.absolute(this, options);
  }

  /** NumPy's `a.clip(lo, hi)`: `null` for no bound, or NumPy 2.1's keywords `a.clip({ min, max })`. */
  clip(lo: UfuncInput | null, hi: UfuncInput | null, options?: ufuncs.ClipOptions): NdArray;
  clip(options: ufuncs.ClipOptions): NdArray;
  clip(lo: UfuncInput | null | ufuncs.ClipOptions, hi?: UfuncInput | null, options?: ufuncs.ClipOptions): NdArray {
    return (ufuncs.clip as (x: unknown, ...r: unknown[]) => NdArray)(this, lo, hi, options);
  }

  /** Standard deviation (NumPy's `a.std()`: a number); with arguments NumPy's `std(axis, { ddof, correction, keepdims, dtype, out, where, mean })` as an array (see {@link variances.std}). */
  std(): number;
  std(axis: reduceAxis.Axis | WithAxis<variances.VarianceOptions, reduceAxis.Axis>, options?: variances.VarianceOptions): NdArray;
  std(axis: reduceAxis.Axis, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
  std(axis?: reduceAxis.Axis | WithAxis<variances.VarianceOptions, reduceAxis.Axis>, ...rest: unknown[]): number | NdArray {
    if (arguments.length === 0) return variances.std(this, null).get() as number;
    return (variances.std as ReduceCall)(this, axis, ...rest);
  }

  /** Variance (NumPy's `a.var()`: a number); with arguments as {@link std} (see {@link variances.variance}). */
  var(): number;
  var(axis: reduceAxis.Axis | WithAxis<variances.VarianceOptions, reduceAxis.Axis>, options?: variances.VarianceOptions): NdArray;
  var(axis: reduceAxis.Axis, dtype?: DTypeLike | null, out?: NdArray | null, ddof?: number | null, keepdims?: boolean | null): NdArray;
  var(axis?: reduceAxis.Axis | WithAxis<variances.VarianceOptions, reduceAxis.Axis>, ...rest: unknown[]): number | NdArray {
    if (arguments.length === 0) return variances.variance(this, null).get() as number;
    return (variances.variance as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `a.cumsum(axis=None, dtype, out)`: the running sums, of the flattened array when `axis` is null (see {@link cumulative.cumsum}). */
  cumsum(axis: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
  cumsum(axis?: number | null | WithAxis<cumulative.CumulativeOptions, number | null>, options?: cumulative.CumulativeOptions): NdArray;
  cumsum(axis?: number | null | WithAxis<cumulative.CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
    return (cumulative.cumsum as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `a.cumprod(axis=None, dtype, out)`: the running products (see {@link cumulative.cumprod}). */
  cumprod(axis: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
  cumprod(axis?: number | null | WithAxis<cumulative.CumulativeOptions, number | null>, options?: cumulative.CumulativeOptions): NdArray;
  cumprod(axis?: number | null | WithAxis<cumulative.CumulativeOptions, number | null>, ...rest: unknown[]): NdArray {
    return (cumulative.cumprod as ReduceCall)(this, axis, ...rest);
  }

  /** NumPy's `a.round(decimals=0, out=None)` (see {@link ufuncs.round}). */
  round(decimals?: number | null, out?: NdArray | null): NdArray;
  round(decimals?: number | null, options?: ufuncs.RoundOptions): NdArray;
  round(...rest: unknown[]): NdArray {
    NdArray.#of(this); // the receiver's own check (a Proxy of an array is not one)
    return (ufuncs.round as (a: NdArray, ...r: unknown[]) => NdArray)(this, ...rest);
  }

  /** NumPy's `a.conj()`: the complex conjugate (the values themselves for real arrays). */
  conj(options?: UfuncOptions): NdArray {
    return ufuncs.conjugate(this, options);
  }

  /** NumPy's `a.conjugate()`: as {@link conj}. */
  conjugate(options?: UfuncOptions): NdArray {
    return ufuncs.conjugate(this, options);
  }

  /** NumPy's `a.choose(choices, mode)`: `choose(this, choices, options)` (see {@link choosing.choose}). */
  choose(choices: Parameters<typeof choosing.choose>[1], options?: choosing.ChooseOptions): NdArray {
    // NumPy's method takes out and mode by keyword only (its further positional
    // arguments are more choices): refused here, not dropped.
    if (arguments.length > 2 || (options !== undefined && (options === null || typeof options !== 'object' || options instanceof NdArray))) {
      throw new TypeError('a.choose() takes out and mode in its options object (NumPy\'s method takes them by keyword only): a.choose(choices, { out, mode })');
    }
    return choosing.choose(this, choices, options);
  }

  /** NumPy's `a.tolist()`: the elements as nested JS arrays (as {@link toArray}; a 0-d array gives its element). */
  tolist(): unknown {
    return this.toArray();
  }

  /**
   * NumPy's `a.setflags(write, align, uic)`: `write` sets {@link Flags.writeable}
   * (true is refused where the data is read-only); `align` true is refused for
   * a misaligned array and `uic` (WRITEBACKIFCOPY) may only be false, as NumPy's.
   * Positional, or one object `{ write, align, uic }` (NumPy's keywords).
   */
  setflags(write?: boolean | null | { write?: boolean | null; align?: boolean | null; uic?: boolean | null }, align?: boolean | null, uic?: boolean | null): void {
    // An object was truthy: setflags({ write: false }) made the array writeable.
    if (write !== null && typeof write === 'object') {
      if (align !== undefined || uic !== undefined) throw new TypeError('setflags() takes its flags positionally or as one object, not both');
      ({ write, align, uic } = readKnownOptions(write, ['write', 'align', 'uic'], 'setflags'));
    }
    // NumPy reads each as a truth value: a number is one too; a string or an object is refused.
    const flag = (v: unknown, key: string): boolean | null => (v === undefined || v === null ? null : typeof v === 'number' ? v !== 0 : booleanArg(v, key, 'setflags'));
    const w = flag(write, 'write');
    const al = flag(align, 'align');
    const u = flag(uic, 'uic');
    if (al === true && !this.flags.aligned) throw new ValueError('cannot set aligned flag of mis-aligned array to True');
    if (u === true) throw new ValueError('cannot set WRITEBACKIFCOPY flag to True');
    if (w !== null) this.flags.writeable = w;
  }

  /** The array API's `device`: always `'cpu'`. */
  get device(): 'cpu' {
    NdArray.#of(this);
    return 'cpu';
  }

  /** The array API's `to_device`: this array for `'cpu'` (the only device), NumPy's ValueError otherwise. */
  toDevice(device: string): this {
    NdArray.#of(this);
    if (typeof device !== 'string') throw new TypeError(`toDevice() argument 1 must be str, not ${describeValue(device)}`);
    if (device !== 'cpu') throw new ValueError(`Unsupported device: ${device}. Only 'cpu' is accepted.`);
    return this;
  }

  // ---------------------------------------------------------------- async (lib/async.ts)

  /** {@link sum} on libuv's thread pool: same result, bit for bit; see {@link AsyncOptions}. */
  sumAsync(options?: asyncOps.AsyncOptions): Promise<number | bigint> {
    return asyncOps.sumAsync(this, options);
  }

  /** {@link min} on the thread pool. */
  minAsync(options?: asyncOps.AsyncOptions): Promise<number | bigint> {
    return asyncOps.minAsync(this, options);
  }

  /** {@link max} on the thread pool. */
  maxAsync(options?: asyncOps.AsyncOptions): Promise<number | bigint> {
    return asyncOps.maxAsync(this, options);
  }

  /** {@link mean} on the thread pool. */
  meanAsync(options?: asyncOps.AsyncOptions): Promise<number> {
    return asyncOps.meanAsync(this, options);
  }

  /** {@link copy} on the thread pool. */
  copyAsync(order?: Order, options?: asyncOps.AsyncOptions): Promise<this> {
    return asyncOps.copyAsync(this, order, options);
  }

  /**
   * {@link astype} on the thread pool. The second argument is the order (the
   * async options then come third) or one object with both:
   * `{ order, casting, copy, signal, onProgress, threads }`.
   */
  astypeAsync(dtype: DTypeLike, orderOrOptions?: Order | asyncOps.AstypeAsyncOptions, options?: asyncOps.AsyncOptions): Promise<this> {
    return asyncOps.astypeAsync(this, dtype, orderOrOptions, options);
  }

  /** {@link fill} on the thread pool (an abort leaves the array partly filled). */
  fillAsync(value: unknown, options?: asyncOps.AsyncOptions): Promise<void> {
    return asyncOps.fillAsync(this, value, options);
  }

  /** Whole-array {@link set} on the thread pool (an abort leaves the array partly written). */
  setAsync(value: unknown, options?: asyncOps.AsyncOptions): Promise<void> {
    return asyncOps.setAsync(this, value, options);
  }

  /** {@link byteswap} on the thread pool. */
  byteswapAsync(inplace?: boolean | { inplace?: boolean }, options?: asyncOps.AsyncOptions): Promise<this> {
    return asyncOps.byteswapAsync(this, inplace, options);
  }

  /** {@link sort} (in place) on libuv's thread pool; resolves with this array. See {@link SortAsyncOptions}. */
  sortAsync(options?: asyncOps.SortAsyncOptions): Promise<this> {
    return asyncOps.sortAsync(this, options);
  }

  /** {@link argsort} on libuv's thread pool: the same int64 indices. See {@link SortAsyncOptions}. */
  argsortAsync(options?: asyncOps.SortAsyncOptions): Promise<NdArray> {
    return asyncOps.argsortAsync(this, options);
  }

  /** {@link forEach}, yielding to the event loop between slices. */
  forEachAsync(fn: (value: unknown, i: number) => void, options?: { signal?: AbortSignal }): Promise<void> {
    return asyncOps.forEachAsync(this, fn, options);
  }

  /** A C-order fold, yielding to the event loop between slices. */
  reduceAsync<T>(fn: (acc: T, value: unknown, i: number) => T, initial: T, options?: { signal?: AbortSignal }): Promise<T> {
    return asyncOps.reduceAsync(this, fn, initial, options);
  }

  // ---------------------------------------------------------------- display

  /**
   * JSON form, @stdlib's ndarray shape: `{ type: 'ndarray', dtype, order:
   * 'row-major', shape, strides, data }` with `data` the values in C order
   * (`strides` in elements over it; 64-bit integers as decimal strings) and
   * `dtype` the dtype's own JSON form. Arrays of more than 2^20 elements or
   * 16 MiB are refused (RangeError) rather than built into gigabytes of text.
   */
  toJSON(): { type: 'ndarray'; dtype: unknown; order: 'row-major'; shape: number[]; strides: number[]; data: unknown[] } {
    NdArray.#of(this).st.checkOpen();
    const size = shapeToSize(NdArray.#of(this).shape);
    const bytes = size * NdArray.#of(this).dt.itemsize;
    if (size > MAX_JSON_ELEMENTS || bytes > MAX_JSON_BYTES) {
      throw new RangeError(
        `toJSON(): an array of ${size} elements (${bytes} bytes) is too large to serialize (at most ${MAX_JSON_ELEMENTS} elements and ${MAX_JSON_BYTES} bytes); use toArray() on a slice, or saveNpy()`,
      );
    }
    const data: unknown[] = [];
    elementwise.forEach(this, (v) => {
      data.push(jsonValue(v));
    });
    const shape = [...NdArray.#of(this).shape];
    return { type: 'ndarray', dtype: NdArray.#of(this).dt.toJSON(), order: 'row-major', shape, strides: shapeToStrides(shape, 1, 'C'), data };
  }

  /** NumPy-like `array([...], dtype=...)` text. */
  toString(): string {
    return reprText(this);
  }

  [inspect.custom](): string {
    const acc = NdArray.#of(this);
    if (acc.st.closed) return `${this.constructor.name}<${acc.dt.str}> (${acc.st.mapping === null ? 'released or detached memory' : 'closed mapping'})`;
    const f = this.flags;
    const layout = [f.cContiguous ? 'C' : '', f.fContiguous ? 'F' : ''].join('') || 'strided';
    return `${this.constructor.name}<${acc.dt.str}> shape [${acc.shape.join(', ')}] strides [${acc.strides.join(', ')}] offset ${acc.offset} ${layout}${f.writeable ? '' : ' read-only'}\n${reprText(this)}`;
  }
}

/** Largest array toJSON() serializes: elements, and bytes of data. */
const MAX_JSON_ELEMENTS = 2 ** 20;
const MAX_JSON_BYTES = 2 ** 24;

/** An element value as JSON can hold it: BigInt as a decimal string, bytes as an array of numbers. */
function jsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonValue(x);
    return out;
  }
  return v;
}

// The no-op base method: skipped, so plain arrays pay no call per view.
const baseFinalize = NdArray.prototype.arrayFinalize;

/** ravel's copy: the new owner itself, 1-d (NumPy's flags.owndata true, base None), in `like`'s class. */
function flatOwner<T extends NdArray>(like: T, c: NdArray): T {
  const flat = makeArray({ storage: storageOf(c), dtype: c.dtype, shape: [c.size], strides: [c.itemsize], offset: 0, base: null, writeable: true, ownData: true });
  return asClassOf(like, flat);
}

/**
 * `new NdArray(...)` with `proto` as the prototype. NdArray and the library's
 * own subclasses (no constructor of their own) are built with `new`, the fast
 * path; a user's subclass through `Reflect.construct` with a stand-in
 * `new.target`, so its private fields are NdArray's and its own constructor
 * does not run (as NumPy's views never call `__init__`).
 */
function construct(
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
): NdArray {
  const acc = elementAccess(st, dt, shape, strides, offset, writeable, base === null ? null : accessOfBase(base));
  // OWN | LOCKED from the booleans by arithmetic, not two conditionals: fewer bytes of bytecode (see viewOf).
  const bits = +own | (+locked << 1);
  nextAcc = acc;
  if (proto === NdArray.prototype) return new NdArray(INTERNAL, acc, base, bits);
  return constructSubclass(proto, acc, base, bits);
}

/**
 * construct() for any other prototype, out of line: V8 inlines a view's
 * construction only within a bytecode budget (see viewOf), which this
 * function's size counted against on every plain view.
 */
function constructSubclass(proto: object, acc: ElementAccess, base: NdArray | null, bits: number): NdArray {
  if (proto === firstOwnProto) return new firstOwnClass!(INTERNAL, acc, base, bits);
  const cls = ownClasses.get(proto);
  if (cls !== undefined) return new cls(INTERNAL, acc, base, bits);
  let target = newTargets.get(proto);
  if (target === undefined) {
    target = function view(): void {} as unknown as new () => object;
    target.prototype = proto;
    newTargets.set(proto, target);
  }
  return Reflect.construct(NdArray, [INTERNAL, acc, base, bits], target) as NdArray;
}

/** Stand-in `new.target`s of user subclasses, by prototype. */
const newTargets = new WeakMap<object, new () => object>();

/** Calls the subclass's `arrayFinalize(from)` hook; the base no-op is skipped, so plain arrays and Memmaps pay no call. */
function finalize(a: NdArray, from: NdArray | null): void {
  const fin = a.arrayFinalize;
  if (fin !== baseFinalize && typeof fin === 'function') fin.call(a, from);
}

/** The first registered subclass (Memmap), checked before the map: one comparison on the path of every Memmap view. */
let firstOwnClass: typeof NdArray | null = null;
let firstOwnProto: object | null = null;

/** The library's own subclasses (constructor = NdArray's): views of them are built with `new`, the fast path. */
const ownClasses = new Map<object, typeof NdArray>();

/** @internal Registers a library subclass of NdArray that adds no constructor (Memmap). */
export function registerArrayClass(cls: typeof NdArray): void {
  ownClasses.set(cls.prototype, cls);
  if (firstOwnClass === null) {
    firstOwnClass = cls;
    firstOwnProto = cls.prototype;
  }
}

/** field() of a subarray field: its axes appended (C-contiguous within the item); out of line (see viewOf). */
function subarrayView<T extends NdArray>(src: NdArray, proto: object, dt: DType, shape: readonly number[], strides: readonly number[], offset: number): T {
  checkNdim(shape.length + dt.shape.length);
  const base = dt.base;
  const subStrides = shapeToStrides(dt.shape, base.itemsize, 'C');
  return derive(src, proto, base, [...shape, ...dt.shape], [...strides, ...subStrides], offset);
}

/** field()'s error, out of line (see accessOf). */
function noField(dt: DType, name: string): ValueError | IndexError {
  const names = dt.names;
  // NumPy's words first ("no field of name nope", the name as it is), then what there is.
  const shown = typeof name === 'string' ? quoteInput(name, (s) => s) : repr(name);
  // A plain dtype: NumPy's `a['x']` is not a field lookup there but an invalid index.
  if (!names) return new IndexError(`${VALID_INDICES}: dtype ${dt.str} has no fields (field ${shown})`);
  return new ValueError(`no field of name ${shown}; fields are ${names.map((n) => repr(n)).join(', ')}`);
}

function sliceAll(step: number): IndexItem {
  return new Slice(null, null, step);
}
