/**
 * NdArray: a strided view of bytes. Storage + dtype + shape + byte strides +
 * byte offset of element 0 + base + flags, with NumPy's semantics for every
 * view operation. Views are O(1): they never touch the data.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, DType, type DTypeLike, type Codec } from './dtype';
import { AccessError, IndexError, KeyError, ValueError, repr } from './errors';
import { applyIndex, parseIndex, Slice, type IndexItem } from './indexing';
import {
  checkShape,
  isAligned,
  isCContiguous,
  isFContiguous,
  normalizeAxes,
  normalizeAxis,
  reshapeStrides,
  shapeToSize,
  shapeToStrides,
} from './layout';
import { MemoryStorage, Storage, type Window } from './storage';
import * as data from './data';
import * as elementwise from './elementwise';
import * as asyncOps from './async';

/** Memory orders: C (row-major), F (column-major), A (F if the input is F-contiguous and not C), K (keep the input's). */
export type Order = 'C' | 'F' | 'A' | 'K';

/** An index: a NumPy index string, or index items. */
export type IndexSpec = string | readonly IndexItem[];

/** A constructor of an NdArray subclass, for `view(Subclass)`. */
export type ArrayClass<T extends NdArray> = abstract new (...args: never[]) => T;

const WRITE_REFUSED = 'assignment destination is read-only';

/** NumPy's array flags, computed from the layout on each read. */
export class Flags {
  /** @internal */
  constructor(private readonly a: NdArray) {}

  /** Elements are laid out in row-major order with no gaps (NumPy's rules, length-1 axes ignored). */
  get cContiguous(): boolean {
    return isCContiguous(this.a.shape, this.a.strides, this.a.itemsize);
  }

  /** Elements are laid out in column-major order with no gaps. */
  get fContiguous(): boolean {
    return isFContiguous(this.a.shape, this.a.strides, this.a.itemsize);
  }

  /** Data address and strides are multiples of the dtype's alignment. */
  get aligned(): boolean {
    const a = this.a;
    return isAligned(a._st.addressBase + a.offset, a.shape, a.strides, a.dtype.alignment);
  }

  /** The array owns its memory (a copy), rather than viewing someone else's. */
  get ownData(): boolean {
    return this.a._own;
  }

  /**
   * Writes are allowed. Setting it `false` always works; setting it back to
   * `true` follows NumPy: refused when the memory is read-only (a `'r'`
   * mapping or read-only buffer), or for a view whose owning copy is itself
   * not writeable.
   */
  get writeable(): boolean {
    return this.a._w;
  }

  set writeable(value: boolean) {
    const a = this.a;
    if (!value) {
      a._w = false;
      return;
    }
    if (!a._st.writable || a._locked) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array');
    }
    const root = a.base;
    if (root !== null && root._own && !root._w) {
      throw new ValueError('cannot set WRITEABLE flag to True of this array');
    }
    a._w = true;
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
 * An n-dimensional strided view of bytes in memory or in a mapped file.
 *
 * Create one with {@link fromBuffer}, {@link zeros}, {@link empty},
 * {@link arange}, {@link memmap} or {@link openNpy}; every other operation
 * returns views (same bytes) or, where NumPy copies, a new owner.
 */
export class NdArray {
  /** @internal */ _st!: Storage;
  /** The element type. */
  readonly dtype!: DType;
  /** Length of each axis. */
  readonly shape!: readonly number[];
  /** Bytes to step along each axis (may be negative or 0). */
  readonly strides!: readonly number[];
  /** Byte offset of element 0 inside the storage (the buffer or the mapping). */
  readonly offset!: number;
  /** The array whose memory this one views, or null for an owner. */
  readonly base!: NdArray | null;
  /** @internal */ _w!: boolean;
  /** @internal */ _own!: boolean;
  /** @internal */ _codec!: Codec;
  /** @internal Made read-only for good (asStrided's writeable: false): no view of it can be made writeable. */
  _locked!: boolean;
  /** @internal The window of the last element access. */
  _win!: Window | null;
  /** @internal A scalar-like copy (NumPy returned a scalar): its views are writeable. */
  _scalar?: boolean;

  /** @internal Use the constructors (`fromBuffer`, `zeros`, `memmap`, …). */
  constructor(token: typeof INTERNAL, init: ArrayInit) {
    if (token !== INTERNAL) throw new TypeError('use fromBuffer(), zeros(), empty(), arange() or memmap() to create arrays');
    setup(this, init);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return shapeToSize(this.shape);
  }

  /** Bytes per element. */
  get itemsize(): number {
    return this.dtype.itemsize;
  }

  /** Bytes the elements would take if contiguous (`size * itemsize`). */
  get nbytes(): number {
    return this.size * this.dtype.itemsize;
  }

  /** NumPy's flags (`cContiguous`, `fContiguous`, `writeable`, `aligned`, `ownData`). */
  get flags(): Flags {
    return new Flags(this);
  }

  /**
   * The ArrayBuffer holding the array's storage (byte `offset` is relative to
   * `byteOffset` of it). Mappings over 4 GiB have no single buffer: RangeError.
   */
  get buffer(): ArrayBuffer {
    this._st.checkOpen();
    const w = this._st.whole();
    if (w === null) throw new RangeError('a mapping larger than 4 GiB has no single ArrayBuffer; use typedArray() on a view');
    return w.buffer;
  }

  /** The transpose (a view). */
  get T(): this {
    return this.transpose();
  }

  // ---------------------------------------------------------------- views

  /**
   * NumPy's `view`: the same bytes with another dtype and/or class. A
   * different itemsize rescales the last axis, which must be contiguous.
   */
  view(): this;
  view<T extends NdArray>(cls: ArrayClass<T>): T;
  view(dtype: DTypeLike): this;
  view<T extends NdArray>(dtype: DTypeLike | null | undefined, cls: ArrayClass<T>): T;
  view(a?: DTypeLike | ArrayClass<NdArray> | null, cls?: ArrayClass<NdArray>): NdArray {
    this._st.checkOpen();
    let spec: DTypeLike | null | undefined = a as DTypeLike | null | undefined;
    if (typeof a === 'function' && !(a instanceof DType)) {
      cls = a as ArrayClass<NdArray>;
      spec = undefined;
    }
    const proto = cls ? (cls as unknown as { prototype: object }).prototype : Object.getPrototypeOf(this);
    if (cls && !(cls.prototype instanceof NdArray) && (cls as unknown) !== NdArray) {
      throw new TypeError('view(type): type must be NdArray or a subclass of it');
    }
    if (spec === undefined || spec === null) return derive(this, proto, this.dtype, this.shape, this.strides, this.offset);
    const dt = toDType(spec);
    const layout = viewLayout(this, dt);
    return derive(this, proto, layout.dtype, layout.shape, layout.strides, this.offset);
  }

  /**
   * Basic indexing: `a.index('1:5:2, ::-1, ..., None, 3')` or
   * `a.index(1, slice(1, 5, 2), newaxis, ellipsis)`. Always a view; an
   * integer on every axis gives a 0-d view.
   */
  index(...items: (IndexItem | string)[]): this {
    this._st.checkOpen();
    let parsed: readonly IndexItem[];
    if (items.length === 1 && typeof items[0] === 'string') {
      parsed = parseIndexCached(items[0]);
    } else {
      for (const it of items) if (typeof it === 'string') throw new TypeError('mix index strings and values in one form only');
      parsed = items as IndexItem[];
    }
    const l = applyIndex({ shape: this.shape as number[], strides: this.strides as number[], offset: this.offset }, parsed);
    return derive(this, Object.getPrototypeOf(this), this.dtype, l.shape, l.strides, l.offset);
  }

  /** A view of one field of a structured dtype (a subarray field adds its axes). */
  field(name: string): this {
    this._st.checkOpen();
    const fields = this.dtype.fields;
    if (fields === null || !Object.prototype.hasOwnProperty.call(fields, name)) {
      const names = this.dtype.names;
      throw new ValueError(
        names ? `no field of name ${repr(name)}; fields are ${names.map((n) => repr(n)).join(', ')}` : `no field of name ${repr(name)}: dtype ${this.dtype.str} has no fields`,
      );
    }
    const f = fields[name];
    return expandSubarray(this, Object.getPrototypeOf(this), f.dtype, this.shape, this.strides, this.offset + f.offset);
  }

  /** A multi-field view keeping the original offsets and itemsize (NumPy ≥ 1.16). */
  fields(names: readonly string[]): this {
    this._st.checkOpen();
    const dt = this.dtype;
    if (dt.fields === null) throw new KeyError(`dtype ${dt.str} has no fields`);
    const seen = new Set<string>();
    for (const n of names) {
      if (!Object.prototype.hasOwnProperty.call(dt.fields, n)) throw new KeyError(`${repr(n)}; fields are ${(dt.names ?? []).map((x) => repr(x)).join(', ')}`);
      if (seen.has(n)) throw new ValueError(`duplicate field of name ${repr(n)}`);
      seen.add(n);
    }
    const sub = toDType({
      names: [...names],
      formats: names.map((n) => dt.fields![n].dtype),
      offsets: names.map((n) => dt.fields![n].offset),
      itemsize: dt.itemsize,
    });
    return derive(this, Object.getPrototypeOf(this), sub, this.shape, this.strides, this.offset);
  }

  /** NumPy's `reshape`: a view when the strides allow it, otherwise a copy. One axis may be -1. */
  reshape(shape: number | readonly number[], order: 'C' | 'F' | 'A' = 'C'): this {
    this._st.checkOpen();
    const req = typeof shape === 'number' ? [shape] : [...shape];
    const ord: 'C' | 'F' = order === 'A' ? (this.flags.fContiguous && !this.flags.cContiguous ? 'F' : 'C') : order;
    if (order !== 'C' && order !== 'F' && order !== 'A') throw new ValueError(`order must be one of 'C', 'F', 'A' (got ${repr(order)})`);
    if (req.length === this.ndim && req.every((n, i) => n === this.shape[i])) {
      return derive(this, Object.getPrototypeOf(this), this.dtype, this.shape, this.strides, this.offset);
    }
    const dims = fixUnknownDimension(req, this.size);
    const contiguous = ord === 'C' ? this.flags.cContiguous : this.flags.fContiguous;
    if (contiguous) {
      return derive(this, Object.getPrototypeOf(this), this.dtype, dims, shapeToStrides(dims, this.itemsize, ord), this.offset);
    }
    const strides = reshapeStrides(this.shape, this.strides, this.itemsize, dims, ord);
    if (strides !== null) return derive(this, Object.getPrototypeOf(this), this.dtype, dims, strides, this.offset);
    const c = this.copy(ord);
    return derive(c, Object.getPrototypeOf(this), c.dtype, dims, shapeToStrides(dims, c.itemsize, ord), c.offset);
  }

  /** NumPy's `ravel`: a view only when already contiguous in `order`, else a copy. */
  ravel(order: Order = 'C'): this {
    this._st.checkOpen();
    const size = this.size;
    const flat = [size];
    let ord = order;
    if (ord === 'A') ord = this.flags.fContiguous && !this.flags.cContiguous ? 'F' : 'C';
    if (ord === 'C' && this.flags.cContiguous) {
      return derive(this, Object.getPrototypeOf(this), this.dtype, flat, [this.itemsize], this.offset);
    }
    if (ord === 'F' && this.flags.fContiguous) {
      return derive(this, Object.getPrototypeOf(this), this.dtype, flat, [this.itemsize], this.offset);
    }
    if (ord === 'K') {
      const start = kContiguousStart(this);
      if (start !== null) return derive(this, Object.getPrototypeOf(this), this.dtype, flat, [this.itemsize], start);
      // The copy walks memory order the way NumPy's iterator picks it.
      const c = this.transpose(iterationOrder(this.strides)).copy('C');
      return derive(c, Object.getPrototypeOf(this), c.dtype, flat, [this.itemsize], c.offset);
    }
    const c = this.copy(ord);
    return derive(c, Object.getPrototypeOf(this), c.dtype, flat, [this.itemsize], c.offset);
  }

  /** Reverses or permutes the axes (a view). */
  transpose(axes?: readonly number[] | null): this {
    this._st.checkOpen();
    const n = this.ndim;
    const shape = new Array<number>(n);
    const strides = new Array<number>(n);
    if (axes === undefined || axes === null) {
      for (let i = 0; i < n; i++) {
        shape[i] = this.shape[n - 1 - i];
        strides[i] = this.strides[n - 1 - i];
      }
    } else {
      if (axes.length !== n) throw new ValueError("axes don't match array");
      const perm = normalizeAxes(axes, n);
      for (let i = 0; i < n; i++) {
        shape[i] = this.shape[perm[i]];
        strides[i] = this.strides[perm[i]];
      }
    }
    return derive(this, Object.getPrototypeOf(this), this.dtype, shape, strides, this.offset);
  }

  /** Exchanges two axes (a view). */
  swapaxes(axis1: number, axis2: number): this {
    const n = this.ndim;
    const a = normalizeAxis(axis1, n);
    const b = normalizeAxis(axis2, n);
    const perm = [...Array(n).keys()];
    perm[a] = b;
    perm[b] = a;
    return this.transpose(perm);
  }

  /** Removes length-1 axes: all of them, or the given ones (which must have length 1). */
  squeeze(axis?: number | readonly number[] | null): this {
    this._st.checkOpen();
    const n = this.ndim;
    let drop: Set<number>;
    if (axis === undefined || axis === null) {
      drop = new Set([...Array(n).keys()].filter((i) => this.shape[i] === 1));
    } else if (n === 0) {
      // NumPy lets a 0-d array "squeeze" axis 0 / -1: nothing to remove.
      for (const ax of typeof axis === 'number' ? [axis] : axis) normalizeAxis(ax, 1);
      drop = new Set();
    } else {
      drop = new Set(normalizeAxes(typeof axis === 'number' ? [axis] : axis, n));
      for (const i of drop) {
        if (this.shape[i] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
      }
    }
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!drop.has(i)) {
        shape.push(this.shape[i]);
        strides.push(this.strides[i]);
      }
    }
    return derive(this, Object.getPrototypeOf(this), this.dtype, shape, strides, this.offset);
  }

  /** Inserts length-1 axes at the given positions of the result (NumPy's `expand_dims`, a reshape). */
  expandDims(axis: number | readonly number[]): this {
    this._st.checkOpen();
    const axes = typeof axis === 'number' ? [axis] : [...axis];
    const outNdim = this.ndim + axes.length;
    const pos = new Set(normalizeAxes(axes, outNdim));
    const shape: number[] = [];
    for (let i = 0, k = 0; i < outNdim; i++) shape.push(pos.has(i) ? 1 : this.shape[k++]);
    return this.reshape(shape);
  }

  /** Reverses the order of elements along the given axes, or all axes (a view). */
  flip(axis?: number | readonly number[] | null): this {
    this._st.checkOpen();
    const n = this.ndim;
    if (n === 0 && (axis === undefined || axis === null)) {
      // NumPy's flip indexes with an empty tuple here and returns a scalar:
      // a read-only copy, whose own views (like a scalar's methods) are writeable.
      // (A void scalar converts back to a writeable array.)
      const c = asClassOf(this, data.copyAs(this, this.dtype, 'C'));
      if (this.dtype.kind !== 'V') {
        c._w = false;
        c._scalar = true;
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
    return this.view(this.dtype.newbyteorder(order));
  }

  // ---------------------------------------------------------------- reads

  /** One element's value (see the README's value mapping). Negative indices count from the end. */
  get(...indices: number[]): unknown {
    // Hot path, kept small so it inlines into the caller's loop: no N-API
    // call (a closed mapping's windows are detached, so a zero-length buffer
    // is where the closed check happens), slow paths in other methods.
    const shape = this.shape;
    let off: number;
    if (indices.length === 1 && shape.length === 1) {
      let i = indices[0];
      const len = shape[0];
      if (i < 0) i += len;
      if (!(i >= 0 && i < len) || !Number.isInteger(i)) throw this.outOfBounds(indices[0], 0);
      off = this.offset + i * this.strides[0];
    } else {
      off = this.offsetOf(indices);
    }
    const w = this._st.single ?? this.windowAt(off);
    if (w.buffer.byteLength === 0) this._st.checkOpen();
    return this._codec.read(w.view, off - w.start);
  }

  /** Byte offset of the element at `indices` (all axes), range-checked. */
  private offsetOf(indices: readonly number[]): number {
    const shape = this.shape;
    const n = shape.length;
    if (indices.length !== n) {
      this._st.checkOpen();
      throw new IndexError(`get() needs ${n} ind${n === 1 ? 'ex' : 'ices'} for a ${n}-d array, got ${indices.length}`);
    }
    const strides = this.strides;
    let off = this.offset;
    for (let k = 0; k < n; k++) {
      let i = indices[k];
      const len = shape[k];
      if (i < 0) i += len;
      if (!(i >= 0 && i < len) || !Number.isInteger(i)) throw this.outOfBounds(indices[k], k);
      off += i * strides[k];
    }
    return off;
  }

  /** The window holding the element at `off`, reusing this view's last one (walks stay in one window for 16 MiB). */
  private windowAt(off: number): Window {
    let w = this._win;
    const size = this.dtype.itemsize;
    if (w === null || off < w.start || off + size > w.end) {
      w = this._st.window(off, size);
      this._win = w;
    }
    return w;
  }

  private outOfBounds(index: number, axis: number): Error {
    this._st.checkOpen();
    return new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${this.shape[axis]}`);
  }

  /** NumPy's `tolist()`: nested JS arrays of values; a 0-d array gives its value. */
  toArray(): unknown {
    this._st.checkOpen();
    return data.toNested(this);
  }

  /** Iterates over the first axis: values of a 1-d array, sub-array views otherwise. */
  *[Symbol.iterator](): IterableIterator<unknown> {
    this._st.checkOpen();
    if (this.ndim === 0) throw new TypeError('iteration over a 0-d array');
    const n = this.shape[0];
    if (this.ndim === 1) {
      for (let i = 0; i < n; i++) yield this.get(i);
    } else {
      for (let i = 0; i < n; i++) yield this.index(i);
    }
  }

  // ---------------------------------------------------------- element-wise

  /** Calls `fn(value, i)` for every element in C index order; `i` is the flat index. */
  forEach(fn: (value: unknown, i: number) => void): void {
    elementwise.forEach(this, fn);
  }

  /** Folds every element into an accumulator, in C index order. */
  reduce<T>(fn: (acc: T, value: unknown, i: number) => T, initial: T): T {
    return elementwise.reduce(this, fn, initial);
  }

  /**
   * In-place element-wise update: `a.apply(x => x + 1)` is NumPy's `a += 1`.
   * Checks `flags.writeable` first; values convert as in {@link set}.
   */
  apply(fn: (value: unknown, i: number) => unknown): this {
    elementwise.apply(this, fn);
    return this;
  }

  /** A new C-contiguous array of `fn(value, i)`, with `dtype` (default: this dtype). */
  map(fn: (value: unknown, i: number) => unknown, dtype?: DTypeLike): NdArray {
    return elementwise.map(this, fn, dtype === undefined ? this.dtype : toDType(dtype));
  }

  /** Sum of all elements (BigInt for 64-bit integer dtypes). */
  sum(): number | bigint {
    return elementwise.sum(this);
  }

  /** Smallest element. */
  min(): number | bigint {
    return elementwise.min(this);
  }

  /** Largest element. */
  max(): number | bigint {
    return elementwise.max(this);
  }

  /** Arithmetic mean. */
  mean(): number {
    return elementwise.mean(this);
  }

  /**
   * A zero-copy typed array over this array's elements (C-contiguous,
   * aligned, native byte order, plain numeric dtype). A read-only array
   * (read-only memory, or `flags.writeable` cleared) is refused unless
   * `unsafeAllowReadOnly` is set: a typed array cannot refuse stores, and one
   * store through it into a `'r'` mapping kills the process.
   */
  typedArray(options?: elementwise.TypedArrayOptions): elementwise.AnyTypedArray {
    return elementwise.typedArray(this, options);
  }

  /**
   * The zero-copy fast path for any strided view (a record field, a column, a
   * reversed or stepped slice) whose strides are multiples of the itemsize:
   * a typed array over the bytes it spans, with the element offset and
   * strides to index it — element (i, j) is
   * `array[offset + i * strides[0] + j * strides[1]]`. Same conditions and
   * read-only rule as {@link typedArray}.
   */
  stridedTypedArray(options?: elementwise.TypedArrayOptions): elementwise.StridedTypedArray {
    return elementwise.stridedTypedArray(this, options);
  }

  // ---------------------------------------------------------------- writes

  /**
   * Writes `value` (a scalar, nested JS arrays or an NdArray; broadcast to the
   * target) to the whole array, or with two arguments to `a[index]`. Checks
   * `flags.writeable` first and writes nothing when it refuses or when any
   * value does not convert.
   */
  set(value: unknown): void;
  set(index: IndexSpec, value: unknown): void;
  set(a: unknown, b?: unknown): void {
    this._st.checkOpen();
    if (!this._w) throw new AccessError('ERR_READ_ONLY', WRITE_REFUSED);
    if (arguments.length >= 2) {
      const spec = a as IndexSpec;
      const target = typeof spec === 'string' ? this.index(spec) : this.index(...(spec as IndexItem[]));
      data.assign(target, b);
    } else {
      data.assign(this, a);
    }
  }

  /** Sets every element to one scalar value. */
  fill(value: unknown): void {
    this._st.checkOpen();
    if (!this._w) throw new AccessError('ERR_READ_ONLY', WRITE_REFUSED);
    data.fillScalar(this, value);
  }

  /** Swaps the bytes of every element: in place (returns this) or into a copy. */
  byteswap(inplace = false): this {
    this._st.checkOpen();
    if (inplace) {
      if (!this._w) throw new AccessError('ERR_READ_ONLY', WRITE_REFUSED);
      data.byteswapInPlace(this);
      return this;
    }
    const c = data.copyAs(this, this.dtype, 'A');
    data.byteswapInPlace(c);
    return asClassOf(this, c);
  }

  // ---------------------------------------------------------------- copies

  /** A new owner of a copy of the data, laid out in `order` (C, F, A or K). */
  copy(order: Order = 'C'): this {
    this._st.checkOpen();
    return asClassOf(this, data.copyAs(this, this.dtype, order));
  }

  /** A copy cast to `dtype` with NumPy's unsafe casting; keeps the memory order (K) by default. */
  astype(dtype: DTypeLike, order: Order = 'K'): this {
    this._st.checkOpen();
    return asClassOf(this, data.copyAs(this, toDType(dtype), order));
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

  /** {@link astype} on the thread pool. */
  astypeAsync(dtype: DTypeLike, order?: Order, options?: asyncOps.AsyncOptions): Promise<this> {
    return asyncOps.astypeAsync(this, dtype, order, options);
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
  byteswapAsync(inplace?: boolean, options?: asyncOps.AsyncOptions): Promise<this> {
    return asyncOps.byteswapAsync(this, inplace, options);
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

  /** NumPy-like `array([...], dtype=...)` text. */
  toString(): string {
    return data.format(this);
  }

  [inspect.custom](): string {
    if (this._st.closed) return `NdArray<${this.dtype.str}> (closed mapping)`;
    const f = this.flags;
    const layout = [f.cContiguous ? 'C' : '', f.fContiguous ? 'F' : ''].join('') || 'strided';
    return `${this.constructor.name}<${this.dtype.str}> shape [${this.shape.join(', ')}] strides [${this.strides.join(', ')}] offset ${this.offset} ${layout}${f.writeable ? '' : ' read-only'}\n${data.format(this)}`;
  }
}

/** Parsed index strings, reused: parsing costs more than the view itself. */
const indexCache = new Map<string, readonly IndexItem[]>();

function parseIndexCached(spec: string): readonly IndexItem[] {
  let items = indexCache.get(spec);
  if (items === undefined) {
    items = Object.freeze(parseIndex(spec));
    if (indexCache.size >= 512) indexCache.clear();
    indexCache.set(spec, items);
  }
  return items;
}

/** @internal */
export const INTERNAL: unique symbol = Symbol('mmarray.internal');

/** @internal Everything an array is made of. */
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

/**
 * A new owner `c` presented in `like`'s class, as NumPy keeps a subclass
 * through copies (a copy of a Memmap is a Memmap without a file, whose
 * flush() does nothing). The subclass's `arrayFinalize(from)` sees `like`.
 */
function asClassOf<T extends NdArray>(like: T, c: NdArray): T {
  const proto = Object.getPrototypeOf(like) as object;
  if (proto === NdArray.prototype) return c as T;
  const a = Object.create(proto) as T;
  setup(a, { storage: c._st, dtype: c.dtype, shape: c.shape, strides: c.strides, offset: c.offset, base: null, writeable: c._w, ownData: c._own }, like);
  return a;
}

function setup(a: NdArray, init: ArrayInit, from: NdArray | null = null): void {
  const w = a as unknown as Record<string, unknown>;
  w._st = init.storage;
  w.dtype = init.dtype;
  w.shape = [...init.shape];
  w.strides = [...init.strides];
  w.offset = init.offset;
  w.base = init.base;
  w._w = init.writeable;
  w._own = init.ownData;
  w._codec = init.dtype.codec;
  w._win = init.storage.single;
  w._locked = false;
  const fin = (a as unknown as { arrayFinalize?: (from: NdArray | null) => void }).arrayFinalize;
  if (typeof fin === 'function') fin.call(a, from);
}

/**
 * A view of `src`'s memory. `base` collapses to the owner as in NumPy: the
 * first array in the chain that owns its data or has no array base.
 */
export function derive<T extends NdArray>(
  src: NdArray,
  proto: object,
  dt: DType,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  writeable = src._w || src._scalar === true,
): T {
  const a = Object.create(proto) as T;
  const w = a as unknown as Record<string, unknown>;
  w._st = src._st;
  w.dtype = dt;
  // Layout arrays are shared, never mutated: every op builds new ones.
  w.shape = shape;
  w.strides = strides;
  w.offset = offset;
  w.base = src.base ?? src;
  w._w = writeable;
  w._own = false;
  w._codec = dt.codec;
  w._win = src._st.single;
  w._locked = src._locked;
  const fin = (a as unknown as { arrayFinalize?: (from: NdArray | null) => void }).arrayFinalize;
  if (typeof fin === 'function') fin.call(a, src);
  return a;
}

/** A new owner over `storage` (used by constructors, copies and memmap). */
export function makeArray<T extends NdArray = NdArray>(init: ArrayInit, proto: object = NdArray.prototype): T {
  const a = Object.create(proto) as T;
  setup(a, init);
  return a;
}

/** Appends a subarray dtype's axes (C-contiguous within the item) to a layout. */
function expandSubarray<T extends NdArray>(src: NdArray, proto: object, dt: DType, shape: readonly number[], strides: readonly number[], offset: number): T {
  if (dt.shape.length === 0) return derive(src, proto, dt, shape, strides, offset);
  const base = dt.base;
  const subStrides = shapeToStrides(dt.shape, base.itemsize, 'C');
  return derive(src, proto, base, [...shape, ...dt.shape], [...strides, ...subStrides], offset);
}

/** NumPy 2.x `view(dtype)` layout rules. */
function viewLayout(a: NdArray, dt: DType): { dtype: DType; shape: readonly number[]; strides: readonly number[] } {
  const old = a.itemsize;
  // Same itemsize, no subarray: the layout is unchanged and can be shared.
  if (dt.itemsize === old && dt.shape.length === 0) return { dtype: dt, shape: a.shape, strides: a.strides };
  let shape = [...a.shape];
  let strides = [...a.strides];
  if (dt.itemsize !== old) {
    if (a.ndim === 0) {
      throw new ValueError('Changing the dtype of a 0d array is only supported if the itemsize is unchanged');
    }
    if (dt.shape.length > 0) {
      throw new ValueError('Changing the dtype to a subarray type is only supported if the total itemsize is unchanged');
    }
    const axis = a.ndim - 1;
    if (shape[axis] !== 1 && a.size !== 0 && strides[axis] !== old) {
      throw new ValueError(
        `To change to a dtype of a different size, the last axis must be contiguous (cannot view a non-contiguous last axis as ${dt.str})`,
      );
    }
    if (dt.itemsize < old) {
      if (dt.itemsize === 0 || old % dt.itemsize !== 0) {
        throw new ValueError(`When changing to a smaller dtype, its size must be a divisor of the size of original dtype (${old} bytes → ${dt.str})`);
      }
      shape[axis] *= old / dt.itemsize;
      // A broadcast view can hold 2^53 elements; a smaller dtype multiplies that (NumPy refuses too).
      checkShape(shape);
    } else {
      const bytes = shape[axis] * old;
      if (bytes % dt.itemsize !== 0) {
        throw new ValueError(
          `When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array (${bytes} bytes → ${dt.str})`,
        );
      }
      shape[axis] = bytes / dt.itemsize;
    }
    strides[axis] = dt.itemsize;
  }
  if (dt.shape.length > 0) {
    const sub = shapeToStrides(dt.shape, dt.base.itemsize, 'C');
    shape = checkShape([...shape, ...dt.shape]);
    strides = [...strides, ...sub];
    return { dtype: dt.base, shape, strides };
  }
  return { dtype: dt, shape, strides };
}

function fixUnknownDimension(req: number[], size: number): number[] {
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < req.length; i++) {
    const n = req[i];
    if (!Number.isInteger(n)) throw new TypeError(`shape must hold integers, got ${repr(n)}`);
    if (n < 0) {
      if (unknown !== -1) throw new ValueError('can only specify one unknown dimension');
      unknown = i;
    } else {
      known *= n;
    }
  }
  const fail = (): never => {
    throw new ValueError(`cannot reshape array of size ${size} into shape ${pyShape(req)}`);
  };
  const dims = [...req];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) fail();
    dims[unknown] = size / known;
  } else if (known !== size) {
    fail();
  }
  return dims;
}

/** Python's tuple repr of a shape: (3,) or (2, 3). */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * For ravel('K'): when the array is contiguous in some axis order with
 * positive strides (length-1 axes ignored), the offset of its lowest byte.
 */
function kContiguousStart(a: NdArray): number | null {
  const axes: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] === 0) return a.offset;
    if (a.shape[i] !== 1) axes.push(i);
  }
  axes.sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]));
  let expected = a.itemsize;
  for (let k = axes.length - 1; k >= 0; k--) {
    const i = axes[k];
    if (a.strides[i] !== expected) return null;
    expected *= a.shape[i];
  }
  return a.offset;
}

/**
 * NumPy's nditer axis order for 'K' (outermost first): larger |stride| outside,
 * and a 0 stride compares with nothing, so it keeps its C position.
 */
function iterationOrder(strides: readonly number[]): number[] {
  const r = [...strides.keys()].reverse(); // innermost first, as the iterator stores axes
  for (let i0 = 1; i0 < r.length; i0++) {
    const s0 = Math.abs(strides[r[i0]]);
    let pos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s1 = Math.abs(strides[r[i1]]);
      if (s0 === 0 || s1 === 0) continue;
      if (s1 <= s0) break;
      pos = i1;
    }
    if (pos !== i0) {
      const ax = r[i0];
      r.splice(i0, 1);
      r.splice(pos, 0, ax);
    }
  }
  return r.reverse();
}

function sliceAll(step: number): IndexItem {
  return new Slice(null, null, step);
}

/** @internal Strides of newly allocated data: contiguous, or all 0 when empty (NumPy 2.x). */
export function newStrides(shape: readonly number[], itemsize: number, order: 'C' | 'F'): number[] {
  if (shapeToSize(shape) === 0) return new Array<number>(shape.length).fill(0);
  return shapeToStrides(shape, itemsize, order);
}

/** @internal New zeroed C- or F-contiguous owner. */
export function allocate(dt: DType, shape: readonly number[], order: 'C' | 'F' = 'C'): NdArray {
  const size = shapeToSize(shape);
  const storage = MemoryStorage.allocate(size * dt.itemsize);
  return makeArray({
    storage,
    dtype: dt,
    shape,
    strides: newStrides(shape, dt.itemsize, order),
    offset: 0,
    base: null,
    writeable: true,
    ownData: true,
  });
}

