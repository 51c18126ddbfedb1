/**
 * Per-view element accessors: what `get(i)` and `set(i, v)` run. A view
 * builds its accessor when it is made and keeps it; the accessor holds what
 * the layout fixes (the memory around the view's first byte, the stride, the
 * length, the codec), so a call does only what cannot be fixed ahead: the
 * index check and one load or store. (scijs resolves an accessor
 * per dtype and dimension the same way; here one class with a tier field, so
 * that the call site in NdArray.get stays monomorphic and V8 inlines it.)
 *
 * Tiers, picked once per view:
 * - typed: a 1-d view of a numeric dtype in this host's byte order (not
 *   bool, float16 or complex) whose items sit aligned inside one window reads
 *   `ta[base + i * step]` from a typed array over the window's whole buffer,
 *   shared by every view of that buffer and type;
 * - view: any other 1-d view inside one window (unaligned fields of packed
 *   records, the other byte order, bool, float16, complex, records) goes
 *   through the codec and the window's DataView;
 * - windowed: a view wider than one window, and every n-d access, reads at a
 *   byte offset through the window holding it (the last one is kept).
 *
 * What stays per call: bounds (negative indices count from the end, a
 * non-integer index is out of bounds), and the closed check, which costs
 * nothing until it fires: close() and a transfer detach the windows, so a
 * typed array then has length 0 (reads give `undefined`, which no item of
 * these dtypes is) and a DataView throws a TypeError; both are reported as
 * the closed error. A set() that cannot take the fast path (a read-only
 * memory, a non-scalar value, an index out of range, a non-numeric dtype)
 * returns false and the caller's general path gives the answer or the error.
 * The view's writeable flag is fixed into the accessor: the view builds a
 * new one when the flag changes.
 * @internal
 * @module
 */
import type { Codec, DType } from './dtype';
import { IndexError } from './errors';
import { elementIndexError } from './indexing';
import { WINDOW_STEP, type Storage, type Window } from './storage';
import { ctorFor, type AnyTypedArray } from './typed';

/**
 * What a view keeps: its layout (storage, dtype, shape, strides, offset,
 * writeable flag) and its element accesses. A view is its accessor, its base
 * and its flag bits; everything else is read from here, so views made the
 * same way share one accessor and each view is one small object.
 */
export interface ElementAccess {
  readonly st: Storage;
  readonly dt: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  /** Byte offset of element 0 inside the storage. */
  readonly offset: number;
  readonly writeable: boolean;
  /** Element `index` of a 1-d view (negative from the end); throws IndexError or the closed error. */
  get(index: number): unknown;
  /** Stores the scalar `value` at element `index` of a 1-d view and returns true, or returns false to leave it to the general path. */
  set(index: number, value: unknown): boolean;
  /** The item at storage byte offset `off`, which the caller has bounds-checked. */
  read(off: number): unknown;
  /**
   * True once `shape` and `strides` are frozen ({@link freezeLayout}): the
   * getters that hand them out read this flag, not Object.isFrozen twice
   * (23 ns a read; the ufunc fast path reads a dozen layouts a call).
   */
  readonly layoutFrozen: boolean;
}

/** Freezes `acc`'s shape and strides (once; they are never reassigned): an in-place edit would move an array outside its bounds checks. */
export function freezeLayout(acc: ElementAccess): void {
  Object.freeze(acc.shape);
  Object.freeze(acc.strides);
  (acc as Access).layoutFrozen = true;
}

/** A value that converts to one element of a numeric dtype (not a sequence or an array). */
function isNumericScalar(v: unknown): v is number | bigint | boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

/** Typed-array element indices stay int32 below this (see elementAccess). */
const INT32_LIMIT = 2 ** 31;

/**
 * The typed array of `ctor` over the whole of the window's buffer, made once
 * and kept on the window (Window.arrays): a view's accessor indexes it from
 * its first item instead of making its own (making a typed array cost more
 * than the rest of a view). Storages of one buffer each keep their own.
 */
function wholeArray(w: Window, ctor: TypedCtor): AnyTypedArray {
  // [ctor, array, ctor, array, ...]: the constructor is kept, not read back
  // from the array (a program may change a prototype's `constructor`).
  let list = w.arrays;
  if (list === null) {
    list = [];
    w.arrays = list;
  }
  for (let k = 0; k < list.length; k += 2) if (list[k] === ctor) return list[k + 1] as AnyTypedArray;
  const buffer = w.buffer;
  const ta = new ctor(buffer, 0, Math.floor(buffer.byteLength / ctor.BYTES_PER_ELEMENT));
  list.push(ctor, ta);
  return ta;
}

type TypedCtor = NonNullable<ReturnType<typeof ctorFor>>;

/** The last dtype's typed array constructor (ctorFor builds a string per call). */
let ctorDt: DType | null = null;
let ctorOfDt: TypedCtor | null = null;

/**
 * The accessor of a view, made with the view; never throws (a closed storage
 * gives an accessor that reports the closed error when used). Made with the
 * view rather than on its first get(): a build call inside get() made V8
 * keep the double accumulator of every get loop compiled after it on the
 * stack (about 1.3 ns more per element). Cheap enough for that: the typed
 * tier indexes a typed array shared per buffer, the view tier reads the
 * window's own DataView, and `parent`, the accessor of the view's base (its
 * owner), remembers the last accessor made for one of its views: a view made
 * the same way again (`a.field('value')` per call, `m.T`) shares it. Sharing
 * is safe because an accessor holds nothing a view changes (a change of the
 * writeable flag or of the layout makes a new one), and the owner already
 * holds the memory that its views' accessors hold.
 */
export function elementAccess(
  st: Storage,
  dt: DType,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean,
  parent: ElementAccess | null,
): ElementAccess {
  if (parent === null) return make(st, dt, dt.codec, shape, strides, offset, writeable, null);
  return sharedAccess(parent, st, dt, shape, strides, offset, writeable);
}

/**
 * elementAccess for a view of the array whose accessor is `parent` (its
 * owner): the last accessor made for one of the owner's views when the
 * layout is the same, else a new one that the owner remembers. The hit is
 * kept small (the miss is a call): it is inlined into every view's
 * construction, whose bytecode budget is nearly spent (see ndarray.ts's viewOf).
 */
export function sharedAccess(
  parent: ElementAccess,
  st: Storage,
  dt: DType,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean,
): ElementAccess {
  const a = (parent as Access).last;
  if (a !== null && a.shape === shape && a.strides === strides && a.offset === offset && a.dt === dt && a.writeable === writeable && a.st === st) return a;
  return remember(parent as Access, st, dt, shape, strides, offset, writeable);
}

/** sharedAccess's miss: makes the accessor and has `parent` remember it. */
function remember(
  parent: Access,
  st: Storage,
  dt: DType,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean,
): Access {
  // The codec is resolved here, on a miss, not per view (the dtype keeps it).
  // One Memo per owner, updated in place: a miss allocates only the accessor.
  const m = parent.memo ?? (parent.memo = new Memo());
  const acc = make(st, dt, dt.codec, shape, strides, offset, writeable, m);
  parent.last = acc;
  return acc;
}

/**
 * What an owner's accessor remembers of the last whole-buffer typed array
 * one of its views took (views of an owner mostly read one buffer as one
 * type: a row of a matrix per call). The last accessor itself is the
 * owner's `last`.
 */
class Memo {
  buffer: ArrayBuffer | null;
  ctor: TypedCtor | null;
  ta: AnyTypedArray | null;
  constructor() {
    this.buffer = null;
    this.ctor = null;
    this.ta = null;
  }
}

function make(
  st: Storage,
  dt: DType,
  codec: Codec,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean,
  m: Memo | null,
): Access {
  try {
    return build(st, dt, codec, shape, strides, offset, writeable, m);
  } catch {
    // Closed or detached memory: the windowed tier reports it on use.
    return new Access(st, codec, dt.itemsize, shape.length, shape.length === 1 ? shape[0] : 0, 0, null, null, 0, 0, dt, shape, strides, offset, writeable);
  }
}

function build(
  st: Storage,
  dt: DType,
  codec: Codec,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable: boolean,
  m: Memo | null,
): Access {
  st.checkOpen();
  const size = dt.itemsize;
  const k = dt.kind;
  const settable = writeable && st.writable && (k === 'f' || k === 'i' || k === 'u' || k === 'b' || k === 'c');
  if (shape.length !== 1) return new Access(st, codec, size, shape.length, 0, 0, null, null, 0, 0, dt, shape, strides, offset, writeable);
  const len = shape[0];
  const stride = strides[0];
  const setLen = settable ? len : 0;
  // One element's stride is never used.
  const step = len === 1 ? 0 : stride;
  const lo = step < 0 ? offset + (len - 1) * step : offset;
  const hi = (step < 0 ? offset : offset + (len - 1) * step) + size;
  if (len === 0 || hi - lo > WINDOW_STEP) return new Access(st, codec, size, 1, len, setLen, null, null, 0, 0, dt, shape, strides, offset, writeable);
  const w = st.single ?? st.window(lo, hi - lo);
  // Positions are kept as int32 (`| 0`, exact where used): a double
  // position (a window's start is a double field, see storage.ts) made every
  // read 3x slower. Where the window's own memory cannot be indexed in int32,
  // a typed array or DataView over the view's span is made instead.
  const at = w.bufferOffset + (lo - w.start);
  if (dt !== ctorDt) {
    ctorDt = dt;
    ctorOfDt = k === 'b' ? null : ctorFor(dt);
  }
  const ctor = ctorOfDt;
  // Alignment from the low bits (a typed array's itemsize is a power of two;
  // `|` keeps the low bits of any offset below 2^53): a double `%` is a call
  // to fmod, which cost more than the rest of a view's construction.
  if (ctor !== null && ((at | step) & (size - 1)) === 0) {
    const first = (at + (offset - lo)) / size;
    const estep = step / size;
    const buffer = w.buffer;
    if (buffer.byteLength / size < INT32_LIMIT) {
      let ta: AnyTypedArray;
      if (m !== null && m.buffer === buffer && m.ctor === ctor) ta = m.ta!;
      else {
        ta = wholeArray(w, ctor);
        if (m !== null) {
          m.buffer = buffer;
          m.ctor = ctor;
          m.ta = ta;
        }
      }
      return new Access(st, codec, size, 1, len, setLen, ta, null, first | 0, estep | 0, dt, shape, strides, offset, writeable);
    }
    const ta = new ctor(w.buffer, at, (hi - lo) / size);
    return new Access(st, codec, size, 1, len, setLen, ta, null, ((offset - lo) / size) | 0, estep | 0, dt, shape, strides, offset, writeable);
  }
  if (hi - w.start < INT32_LIMIT) {
    return new Access(st, codec, size, 1, len, setLen, null, w.view, (offset - w.start) | 0, step | 0, dt, shape, strides, offset, writeable);
  }
  return new Access(st, codec, size, 1, len, setLen, null, new DataView(w.buffer, at, hi - lo), (offset - lo) | 0, step | 0, dt, shape, strides, offset, writeable);
}

/**
 * One class for every tier, which a field tells apart: the call in NdArray's
 * get() meets one hidden class and one method whatever the views of a
 * program, and V8 inlines it (one class per tier made that call site
 * polymorphic, and the second tier a program used cost 1.5-4 ns more per
 * element). Fields are set once, in one order.
 */
class Access implements ElementAccess {
  /** The last window a windowed access used. */
  private win: Window | null;
  /** The last accessor made for a view of the array owning this one (see sharedAccess). */
  last: Access | null;
  /** The last whole-buffer typed array a view of the array owning this one took. */
  memo: Memo | null;
  /** See ElementAccess.layoutFrozen. */
  layoutFrozen: boolean;
  /** Bytes to step between the elements of a 1-d view, for the windowed tier (0 for any other). */
  private readonly stride: number;
  constructor(
    readonly st: Storage,
    private readonly codec: Codec,
    /** Itemsize in bytes. */
    private readonly size: number,
    private readonly ndim: number,
    /** Elements of a 1-d view (0 for any other). */
    private readonly len: number,
    /**
     * `len` where set(i, v) may store, else 0 (the memory or the view is
     * read-only, or the dtype not numeric), so that every index falls to the
     * general path: one bounds check instead of a flag and a check (a
     * boolean field read cost 0.7 ns of a 3 ns set()).
     */
    private readonly setLen: number,
    /** The typed tier's array, from the view's first byte. */
    private readonly ta: AnyTypedArray | null,
    /** The view tier's DataView, from the view's first byte. */
    private readonly dv: DataView | null,
    /**
     * Element 0 and the stride: in items of `ta`, or bytes of `dv` (int32).
     * Element i's position, base + i * step, is below 2^31 for 0 <= i < len
     * (build() checks the span), and so is |i * step|, so get() and set()
     * form it as `(base + Math.imul(i, step)) | 0`, exactly: int32 adds and
     * multiplies without the overflow checks V8 puts on `base + i * step`
     * (about 5% of a stride-2 get(), CPU time).
     */
    private readonly base: number,
    private readonly step: number,
    // The layout last: the fields get() reads keep the places they had
    // before the accessor held the layout.
    readonly dt: DType,
    readonly shape: readonly number[],
    readonly strides: readonly number[],
    /** Byte offset of the view's element 0 in the storage (the windowed tier reads from it). */
    readonly offset: number,
    readonly writeable: boolean,
  ) {
    this.stride = ndim === 1 ? strides[0] : 0;
    this.win = st.single;
    this.last = null;
    this.memo = null;
    this.layoutFrozen = false;
  }

  get(index: number): unknown {
    let i = index;
    const len = this.len;
    if (i < 0) i += len;
    if (i >= 0 && i < len && Number.isInteger(i)) {
      const ta = this.ta;
      if (ta !== null) {
        // undefined only when the buffer was detached (its length is 0 then).
        const v = ta[(this.base + Math.imul(i, this.step)) | 0];
        if (v !== undefined) return v;
      } else if (this.dv !== null) {
        // A detached DataView throws a TypeError.
        try {
          return this.codec.read(this.dv, (this.base + Math.imul(i, this.step)) | 0);
        } catch (e) {
          this.st.checkOpen();
          throw e;
        }
      } else {
        return this.read(this.offset + i * this.stride);
      }
    }
    throw this.badIndex(index);
  }

  set(index: number, value: unknown): boolean {
    if (!isNumericScalar(value)) return false;
    const len = this.setLen;
    const i = index < 0 ? index + len : index;
    if (!(i >= 0 && i < len) || !Number.isInteger(i)) return false;
    const codec = this.codec;
    const ta = this.ta;
    try {
      const c = codec.convert(value);
      if (ta !== null) {
        // A converted value stores into the typed array exactly as the
        // codec's store puts it. A detached buffer has length 0, and a store
        // past it would be dropped silently.
        const p = (this.base + Math.imul(i, this.step)) | 0;
        if (p >= ta.length) this.st.checkOpen();
        ta[p] = c as never;
      } else if (this.dv !== null) {
        codec.store(this.dv, (this.base + Math.imul(i, this.step)) | 0, c);
      } else {
        const off = this.offset + i * this.stride;
        codec.store(this.windowAt(off).view, off - this.win!.start, c);
      }
    } catch (e) {
      this.st.checkOpen();
      throw e;
    }
    return true;
  }

  read(off: number): unknown {
    const w = this.windowAt(off);
    try {
      return this.codec.read(w.view, off - w.start);
    } catch (e) {
      this.st.checkOpen();
      throw e;
    }
  }

  /** The window holding the item at storage byte `off`, keeping the last one (walks stay in one window for 16 MiB). */
  private windowAt(off: number): Window {
    let w = this.win;
    if (w === null || off < w.start || off + this.size > w.end) {
      w = this.st.window(off, this.size);
      this.win = w;
    }
    return w;
  }

  /** The error for get(index): the closed error first when the memory went away, then a wrong index count or an index out of bounds. */
  private badIndex(index: number): Error {
    this.st.checkOpen();
    const n = this.ndim;
    if (n !== 1) return new IndexError(`get() needs ${n} ind${n === 1 ? 'ex' : 'ices'} for a ${n}-d array, got 1`);
    return elementIndexError(index, 0, this.len);
  }
}

