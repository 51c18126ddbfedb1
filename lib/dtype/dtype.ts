/**
 * The immutable {@link DType}: NumPy's data-type model for the kinds a file
 * can hold (bool, signed/unsigned ints, IEEE floats, complex, fixed bytes `S`,
 * raw `V`), plus structured records and subarrays built from them.
 *
 * Layout facts (itemsize, alignment, offsets) are fixed at construction;
 * derived views (`descr`, `segments`, `swapUnits`, `codec`) are computed on
 * first use and cached. A DType is frozen: share it freely.
 *
 * Instances come from {@link dtype} (parse.ts) or the `makeX` factories
 * below; the constructor is closed to everyone else so the invariants hold.
 *
 * Over 600 lines because the class, its derived views and the factories
 * keep one set of invariants; parsing specs is in parse.ts, value codecs
 * in codecs.ts.
 * @module
 */
import { endianness } from 'os';
import { inspect } from 'util';
import { ValueError, describeValue, quoteInput } from '../errors';
import { buildCodec, type Codec } from './codecs';

/** NumPy's `dtype.kind` for the supported kinds; structured, subarray and raw void are all `'V'`. */
export type DTypeKind = 'b' | 'i' | 'u' | 'f' | 'c' | 'S' | 'V';

/** A field of a structured dtype: its dtype and byte offset inside the record. */
export interface Field {
  readonly dtype: DType;
  readonly offset: number;
}

/** NumPy's `dtype.byteorder`: `'='` native, `'<'`/`'>'` explicit, `'|'` not applicable. */
export type ByteOrder = '=' | '<' | '>' | '|';

/** Spellings accepted by {@link DType.newbyteorder} (NumPy's, single letters case-insensitive). */
export type ByteOrderSpec =
  | 'S' | 's' | 'swap' | '<' | 'L' | 'l' | 'little' | '>' | 'B' | 'b' | 'big'
  | '=' | 'N' | 'n' | 'native' | '|' | 'I' | 'i' | 'ignore';

/** One entry of NumPy's `dtype.descr`: `[name, format]` or `[name, format, shape]`. */
export type DescrEntry = [string, DescrFormat] | [string, DescrFormat, number[]];
/** A format inside `descr`: a `.str` string, a nested record's descr, or `[format, shape]` for a nested subarray. */
export type DescrFormat = string | DescrEntry[] | [DescrFormat, number[]];
/** NumPy's `dtype.descr`, tuples written as arrays. */
export type Descr = DescrEntry[];

/** A list spec: `[name, format]` or `[name, format, shape]` entries (NumPy's list of tuples). */
export type DescrList = ReadonlyArray<
  readonly [string, DTypeLike] | readonly [string, DTypeLike, number | readonly number[]]
>;

/** NumPy's dict spec. `aligned: true` means `align=True`; `titles` must be absent or all null. */
export interface DTypeDict {
  readonly names: readonly string[];
  readonly formats: readonly DTypeLike[];
  readonly offsets?: readonly number[];
  readonly itemsize?: number;
  readonly aligned?: boolean;
  readonly titles?: readonly (null | undefined)[] | null;
}

/** A subarray spec, NumPy's `(base, shape)` tuple: `{ base: '<f4', shape: [2, 3] }`. */
export interface SubarraySpec {
  readonly base: DTypeLike;
  /** The subarray's shape: a number, an array or a typed array of integers. */
  readonly shape: number | readonly number[] | ArrayLike<number>;
}

/** Anything {@link dtype} understands. */
export type DTypeLike = string | DType | DescrList | DTypeDict | SubarraySpec;

/** True on little-endian hosts; `'='` and unprefixed specs mean this order. */
export const NATIVE_LITTLE = endianness() === 'LE';
/** The explicit byte-order character of this host (`'<'` or `'>'`). */
export const NATIVE_ORDER: '<' | '>' = NATIVE_LITTLE ? '<' : '>';

/** A stored byte order: never `'='`, so `str` and the codec need no host lookup. */
type Order = '<' | '>' | '|';

interface StructLayout {
  readonly names: readonly string[];
  readonly fields: Readonly<Record<string, Field>>;
  readonly isalignedstruct: boolean;
}

interface Init {
  readonly kind: DTypeKind;
  readonly char: string;
  readonly itemsize: number;
  readonly alignment: number;
  readonly order: Order;
  /** The order was asked for by name (newbyteorder('<')): `.byteorder` reports it, not `'='`. */
  readonly explicit?: boolean;
  readonly struct?: StructLayout;
  readonly subarray?: { readonly base: DType; readonly shape: readonly number[] };
}

// Seals the constructor: only the factories in this module can build a DType.
const SEAL = Symbol('DType');

const STEMS: Record<DTypeKind, string> = {
  b: 'bool', i: 'int', u: 'uint', f: 'float', c: 'complex', S: 'bytes', V: 'void',
};

/**
 * An immutable data type, NumPy's `np.dtype` for the kinds mmarray supports.
 * Property names and values follow NumPy; see {@link dtype} to build one.
 */
export class DType {
  /** NumPy's `.kind`; structured, subarray and void dtypes are `'V'`. */
  readonly kind: DTypeKind;
  /** NumPy's `.char` (`'h'`, `'e'`, `'S'`, `'c'`, `'V'`, `'?'`, ...). */
  readonly char: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** NumPy's `.alignment`: required address multiple for aligned access. */
  readonly alignment: number;
  /**
   * NumPy's `.byteorder`: `'='` when the order is this host's, except where
   * `newbyteorder('<')` / `('>')` / `('S')` asked for it by name, which NumPy
   * keeps (`dtype('<f8').newbyteorder('<').byteorder` is `'<'`).
   */
  readonly byteorder: ByteOrder;
  /** NumPy's `.str`, e.g. `'<i2'`, `'|S10'`, `'|V16'` (never `'='`). */
  readonly str: string;
  /** NumPy's `.name`, e.g. `'int16'`, `'bytes80'`, `'void128'`. */
  readonly name: string;
  /** Field names in order, or null when not structured. */
  readonly names: readonly string[] | null;
  /** Fields by name (null prototype), or null when not structured. */
  readonly fields: Readonly<Record<string, Field>> | null;
  /** Subarray shape; `[]` otherwise. */
  readonly shape: readonly number[];
  /** Subarray base dtype; the dtype itself otherwise. */
  readonly base: DType;
  /** `[base, shape]` for a subarray dtype, null otherwise. */
  readonly subdtype: readonly [DType, readonly number[]] | null;
  /** NumPy's `.isnative`: own byte order native or `'|'`, recursing into fields. */
  readonly isnative: boolean;
  /** True for structs laid out with `align=True` (or a dict with `aligned: true`). */
  readonly isalignedstruct: boolean;
  /** True when the dtype has fields (`names !== null`). */
  readonly isStructured: boolean;
  /** Byte order the codec uses for this dtype's own scalars (true for `'|'` dtypes). */
  readonly littleEndian: boolean;

  #descr: Descr | undefined;
  #segments: readonly (readonly [number, number])[] | undefined;
  #swapUnits: readonly (readonly [number, number])[] | undefined;
  #swapRuns: readonly (readonly [number, number, number, number])[] | undefined;
  #segmentRuns: readonly (readonly [number, number, number, number])[] | undefined;
  #codec: Codec | undefined;
  #orders: Map<string, DType> | undefined = undefined;
  readonly #order: Order;
  readonly #sub: Init['subarray'];

  /** @internal Use {@link dtype}; the seal keeps layouts consistent. */
  constructor(seal: typeof SEAL, init: Init) {
    if (seal !== SEAL) throw new TypeError('DType cannot be constructed directly; use dtype(spec)');
    this.kind = init.kind;
    this.char = init.char;
    this.itemsize = init.itemsize;
    this.alignment = init.alignment;
    this.#order = init.order;
    this.#sub = init.subarray;
    this.byteorder = init.order === NATIVE_ORDER && init.explicit !== true ? '=' : init.order;
    this.littleEndian = init.order !== '>';
    const flexible = init.kind === 'S' || init.kind === 'V';
    this.str = `${init.order}${init.kind}${init.itemsize}`;
    this.name = STEMS[init.kind] + (init.kind === 'b' || (flexible && init.itemsize === 0) ? '' : 8 * init.itemsize);
    this.names = init.struct?.names ?? null;
    this.fields = init.struct?.fields ?? null;
    this.isStructured = this.names !== null;
    // A subarray carries its base's aligned-struct flag, as NumPy copies the flags.
    this.isalignedstruct = init.struct?.isalignedstruct ?? init.subarray?.base.isalignedstruct ?? false;
    this.shape = init.subarray?.shape ?? [];
    this.base = init.subarray?.base ?? this;
    this.subdtype = init.subarray ? Object.freeze([init.subarray.base, init.subarray.shape] as const) : null;
    const fields = this.fields;
    this.isnative = fields
      ? Object.values(fields).every((f) => f.dtype.isnative)
      : init.order === NATIVE_ORDER || init.order === '|';
    Object.freeze(this);
  }

  /**
   * JSON form: the spec that rebuilds this dtype with {@link fromDescr} —
   * `'<f8'` for a scalar, `[base, shape]` for a subarray, the `descr` list
   * for a record — instead of a walk over its internals.
   */
  toJSON(): Descr | DescrFormat {
    if (this.isStructured) return this.descr;
    if (this.#sub) return [this.#sub.base.toJSON(), [...this.#sub.shape]] as unknown as DescrFormat;
    return this.str;
  }

  /**
   * NumPy's `dtype.descr`: `[['', '<i4']]` for a scalar, `[['', '|V24']]` for a
   * subarray, the field list with `['', '|Vn']` gaps for a record.
   * @throws ValueError for records with overlapping or out-of-order fields (as NumPy).
   */
  get descr(): Descr {
    if (this.#descr === undefined) {
      this.#descr = this.isStructured ? structDescr(this) : [['', this.str]];
    }
    return this.#descr;
  }

  /**
   * Merged `[offset, length]` byte ranges covered by leaf fields, sorted;
   * `[[0, itemsize]]` when not structured (empty for itemsize 0). Copying these
   * copies a record without touching its padding.
   */
  get segments(): readonly (readonly [number, number])[] {
    if (this.#segments === undefined) {
      const ranges: [number, number][] = [];
      collectRanges(this, 0, ranges);
      ranges.sort((a, b) => a[0] - b[0]);
      const merged: [number, number][] = [];
      for (const [start, len] of ranges) {
        const last = merged[merged.length - 1];
        if (last && start <= last[0] + last[1]) last[1] = Math.max(last[1], start + len - last[0]);
        else merged.push([start, len]);
      }
      this.#segments = Object.freeze(merged.map((r) => Object.freeze(r)));
    }
    return this.#segments;
  }

  /**
   * `[offset, size]` of every multi-byte scalar unit to reverse for a byteswap:
   * one per int/float, two halves per complex, none for b1/i1/u1/S/V;
   * subarrays expanded and records recursed, in field order.
   */
  get swapUnits(): readonly (readonly [number, number])[] {
    if (this.#swapUnits === undefined) {
      const units: (readonly [number, number])[] = [];
      collectSwapUnits(this, 0, units);
      this.#swapUnits = Object.freeze(units);
    }
    return this.#swapUnits;
  }

  /**
   * The bytes of {@link segments}, run-length encoded: `[offset, length,
   * count, step]` stands for `count` ranges of `length` bytes every `step`
   * bytes. A subarray of records is one run (or one per field), not one range
   * per record, so the table stays proportional to the dtype, not to its size.
   * @internal
   */
  get segmentRuns(): readonly (readonly [number, number, number, number])[] {
    if (this.#segmentRuns === undefined) this.#segmentRuns = Object.freeze(segmentRunsOf(this));
    return this.#segmentRuns;
  }

  /**
   * The same units as {@link swapUnits}, run-length encoded: `[offset, size,
   * count, step]` stands for `count` units of `size` bytes every `step` bytes.
   * A subarray of scalars is one run whatever its length, so a dtype of
   * 2^27 int16 costs one entry, not 2^27.
   * @internal
   */
  get swapRuns(): readonly (readonly [number, number, number, number])[] {
    if (this.#swapRuns === undefined) {
      const runs: (readonly [number, number, number, number])[] = [];
      collectSwapRuns(this, 0, runs);
      this.#swapRuns = Object.freeze(runs);
    }
    return this.#swapRuns;
  }

  /** The read/write codec for one item, built on first use and cached. */
  get codec(): Codec {
    return (this.#codec ??= buildCodec(this));
  }

  /**
   * NumPy's `newbyteorder`: a dtype with the given byte order applied to every
   * scalar inside (fields and subarray bases too); `'|'` scalars keep theirs.
   * `'S'` swaps, `'<' 'L'` little, `'>' 'B'` big, `'=' 'N'` native, `'|' 'I'` keep.
   */
  newbyteorder(order: ByteOrderSpec = 'S'): DType {
    const o = normalizeOrderSpec(order);
    // DTypes are immutable: the swapped dtype is built once per order and kept.
    const cache = (this.#orders ??= new Map<string, DType>());
    let dt = cache.get(o);
    if (dt === undefined) {
      dt = applyOrder(this, o);
      cache.set(o, dt);
    }
    return dt;
  }

  /**
   * NumPy's `==`: same kind and size, equivalent byte order (`'='` is the
   * native order), same field names in the same order with equal dtypes and
   * offsets, same subarray shape. Specs that do not parse compare unequal.
   */
  equals(other: DTypeLike): boolean {
    let o: DType;
    try {
      o = other instanceof DType ? other : dtypeParser(other);
    } catch {
      return false;
    }
    return sameDType(this, o);
  }

  /** NumPy's `str(dt)`: `'int16'`, `'>i4'`, `'|S3'`, a field list or dict for records. */
  toString(): string {
    if (this.isStructured) return structStr(this, true);
    if (this.#sub) return subarrayStr(this);
    return this.kind === 'S' || this.kind === 'V' || !this.isnative ? this.str : this.name;
  }

  /** NumPy's `repr(dt)`, e.g. `dtype('int16')`, `dtype([('a', '<i4')], align=True)`. */
  [inspect.custom](): string {
    return `dtype(${constructionRepr(this, false)}${this.isalignedstruct ? ', align=True' : ''})`;
  }

  /** @internal The stored order (`'<'`, `'>'` or `'|'`), for layout code in this folder. */
  static orderOf(dt: DType): Order {
    return dt.#order;
  }
}

/** True when `x` is a {@link DType}. */
export function isDType(x: unknown): x is DType {
  return x instanceof DType;
}

// parse.ts registers itself here so `equals` can parse without an import cycle
// at module-evaluation time.
let dtypeParser: (spec: DTypeLike) => DType = () => {
  throw new Error('dtype parser not registered');
};

/** @internal Called once by parse.ts. */
export function registerParser(parse: (spec: DTypeLike) => DType): void {
  dtypeParser = parse;
}

// ---------------------------------------------------------------- factories

/**
 * A non-structured dtype of `kind` and `itemsize`. `order` is normalized:
 * `'='` becomes the host order; 1-byte numbers, bool, S and V get `'|'`.
 * `char` defaults to NumPy's canonical one for the kind and size.
 */
export function makeScalar(kind: DTypeKind, itemsize: number, order: ByteOrder = '=', char?: string, explicit = false): DType {
  const noOrder = kind === 'b' || kind === 'S' || kind === 'V' || itemsize === 1;
  const alignment = kind === 'b' || kind === 'S' || kind === 'V' ? 1 : kind === 'c' ? itemsize / 2 : itemsize;
  return new DType(SEAL, {
    kind,
    char: char ?? defaultChar(kind, itemsize),
    itemsize,
    alignment,
    order: noOrder ? '|' : order === '=' ? NATIVE_ORDER : order === '|' ? NATIVE_ORDER : order,
    explicit: explicit && order !== '=' && order !== '|',
  });
}

/**
 * A structured dtype from fields already placed. The caller (parse.ts) has
 * checked names, offsets and itemsize; `alignment` is 1 for packed structs.
 */
export function makeStruct(
  names: readonly string[],
  fields: readonly Field[],
  itemsize: number,
  alignment: number,
  isalignedstruct: boolean,
): DType {
  // Every way of building a record ends here: NumPy keeps itemsizes in C ints
  // (past that its list forms even wrap to negative sizes).
  if (!(itemsize <= 0x7fffffff)) throw new ValueError(`a structured dtype of ${itemsize} bytes won't fit into a C int (at most 2147483647 bytes, as in NumPy)`);
  const byName: Record<string, Field> = Object.create(null);
  names.forEach((n, i) => {
    byName[n] = Object.freeze({ dtype: fields[i].dtype, offset: fields[i].offset });
  });
  return new DType(SEAL, {
    kind: 'V',
    char: 'V',
    itemsize,
    alignment,
    order: '|',
    struct: { names: Object.freeze([...names]), fields: Object.freeze(byName), isalignedstruct },
  });
}

/**
 * A subarray dtype `(base, shape)`; an empty shape gives `base` itself, as in
 * NumPy. Dimensions must be non-negative safe integers.
 * @throws ValueError for a negative or non-integer dimension, or a size that overflows.
 */
export function makeSubarray(base: DType, shape: readonly number[]): DType {
  if (shape.length === 0) return base;
  // NumPy's NPY_MAXDIMS: an array with the subarray's axes could not exist.
  if (shape.length > 64) throw new ValueError(`invalid shape in fixed-type tuple: ${shape.length} dimensions, more than 64`);
  let count = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d)) throw new ValueError(`invalid shape in fixed-type tuple: ${JSON.stringify(shape)}`);
    if (d < 0) throw new ValueError(`invalid shape in fixed-type tuple: dimension smaller than zero in ${JSON.stringify(shape)}`);
    count *= d;
  }
  const itemsize = count * base.itemsize;
  if (!Number.isSafeInteger(itemsize) || itemsize > 0x7fffffff) {
    throw new ValueError(`invalid shape in fixed-type tuple: ${JSON.stringify(shape)} of ${base.str} is too large`);
  }
  return new DType(SEAL, {
    kind: 'V',
    char: 'V',
    itemsize,
    alignment: base.alignment,
    order: '|',
    subarray: { base, shape: Object.freeze([...shape]) },
  });
}

function defaultChar(kind: DTypeKind, size: number): string {
  switch (kind) {
    case 'b': return '?';
    case 'i': return { 1: 'b', 2: 'h', 4: 'i', 8: 'l' }[size] ?? 'i';
    case 'u': return { 1: 'B', 2: 'H', 4: 'I', 8: 'L' }[size] ?? 'u';
    case 'f': return { 2: 'e', 4: 'f', 8: 'd' }[size] ?? 'f';
    case 'c': return { 8: 'F', 16: 'D' }[size] ?? 'c';
    default: return kind;
  }
}

// ---------------------------------------------------------------- byte order

function normalizeOrderSpec(order: string): 'S' | '<' | '>' | '=' | '|' {
  const words: Record<string, 'S' | '<' | '>' | '=' | '|'> = {
    s: 'S', swap: 'S', '<': '<', l: '<', little: '<', '>': '>', b: '>', big: '>',
    '=': '=', n: '=', native: '=', '|': '|', i: '|', ignore: '|',
  };
  const o = typeof order === 'string' ? words[order.length === 1 ? order.toLowerCase() : order] : undefined;
  if (o === undefined) throw new ValueError(`byteorder not recognized (got ${typeof order === 'string' ? quoteInput(order, pyRepr) : describeValue(order)})`);
  return o;
}

// NumPy's PyArray_DescrNewByteorder: '<' and '>' are stored as asked, a swap
// gives the explicit opposite order, '=' the native one, '|' keeps the dtype.
function applyOrder(dt: DType, o: 'S' | '<' | '>' | '=' | '|'): DType {
  if (dt.names) {
    const fields = dt.names.map((n) => {
      const f = dt.fields![n];
      return { dtype: applyOrder(f.dtype, o), offset: f.offset };
    });
    return makeStruct(dt.names, fields, dt.itemsize, dt.alignment, dt.isalignedstruct);
  }
  if (dt.subdtype) return makeSubarray(applyOrder(dt.base, o), dt.shape);
  const cur = DType.orderOf(dt);
  if (cur === '|' || o === '|') return dt;
  if (o === '=') return cur === NATIVE_ORDER && dt.byteorder === '=' ? dt : makeScalar(dt.kind, dt.itemsize, '=', dt.char);
  const next = o === 'S' ? (cur === '<' ? '>' : '<') : o;
  return next === cur && dt.byteorder === next ? dt : makeScalar(dt.kind, dt.itemsize, next, dt.char, true);
}

// ---------------------------------------------------------------- equality

function sameDType(a: DType, b: DType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || a.itemsize !== b.itemsize) return false;
  if (a.names || b.names) {
    if (!a.names || !b.names || a.names.length !== b.names.length) return false;
    return a.names.every((n, i) => {
      if (b.names![i] !== n) return false;
      const fa = a.fields![n];
      const fb = b.fields![n];
      return fa.offset === fb.offset && sameDType(fa.dtype, fb.dtype);
    });
  }
  if (a.subdtype || b.subdtype) {
    return !!a.subdtype && !!b.subdtype && a.shape.length === b.shape.length &&
      a.shape.every((d, i) => d === b.shape[i]) && sameDType(a.base, b.base);
  }
  return DType.orderOf(a) === DType.orderOf(b);
}

// ---------------------------------------------------------------- layout walks

function collectRanges(dt: DType, at: number, out: [number, number][]): void {
  if (dt.names) {
    for (const n of dt.names) collectRanges(dt.fields![n].dtype, at + dt.fields![n].offset, out);
  } else if (dt.subdtype && dt.base.isStructured) {
    const bs = dt.base.segments;
    // Records without gaps: the whole subarray is one range (not one per record).
    if (bs.length === 1 && bs[0][0] === 0 && bs[0][1] === dt.base.itemsize) {
      out.push([at, dt.itemsize]);
      return;
    }
    if (bs.length === 0) return;
    const count = dt.itemsize / (dt.base.itemsize || 1);
    for (let i = 0; dt.base.itemsize > 0 && i < count; i++) collectRanges(dt.base, at + i * dt.base.itemsize, out);
  } else if (dt.itemsize > 0) {
    out.push([at, dt.itemsize]);
  }
}

type Run = readonly [number, number, number, number];

function segmentRunsOf(dt: DType): Run[] {
  if (dt.names) {
    const runs: Run[] = [];
    for (const n of dt.names) {
      const f = dt.fields![n];
      for (const r of f.dtype.segmentRuns) runs.push([f.offset + r[0], r[1], r[2], r[3]]);
    }
    if (!runs.every((r) => r[2] === 1)) return runs;
    // Plain ranges: sorted and merged, as segments are.
    runs.sort((a, b) => a[0] - b[0]);
    const merged: [number, number, number, number][] = [];
    for (const [start, len] of runs) {
      const last = merged[merged.length - 1];
      if (last && start <= last[0] + last[1]) last[1] = Math.max(last[1], start + len - last[0]);
      else merged.push([start, len, 1, len]);
    }
    return merged;
  }
  if (dt.subdtype && dt.base.isStructured) {
    const step = dt.base.itemsize;
    if (step === 0) return [];
    const count = dt.itemsize / step;
    const inner = dt.base.segmentRuns;
    if (inner.length === 0) return [];
    if (inner.length === 1 && inner[0][0] === 0 && inner[0][1] === step && inner[0][2] === 1) return [[0, dt.itemsize, 1, dt.itemsize]];
    if (inner.length === 1 && inner[0][2] === 1) return [[inner[0][0], inner[0][1], count, step]];
    const runs: Run[] = [];
    for (let i = 0; i < count; i++) for (const r of inner) runs.push([i * step + r[0], r[1], r[2], r[3]]);
    return runs;
  }
  return dt.itemsize > 0 ? [[0, dt.itemsize, 1, dt.itemsize]] : [];
}

function collectSwapRuns(dt: DType, at: number, out: (readonly [number, number, number, number])[]): void {
  if (dt.names) {
    for (const n of dt.names) collectSwapRuns(dt.fields![n].dtype, at + dt.fields![n].offset, out);
  } else if (dt.subdtype) {
    const step = dt.base.itemsize;
    if (step === 0) return;
    const count = dt.itemsize / step;
    const inner = dt.base.swapRuns;
    if (inner.length === 1 && inner[0][2] === 1) {
      out.push([at + inner[0][0], inner[0][1], count, step]);
      return;
    }
    for (let i = 0; inner.length > 0 && i < count; i++) for (const r of inner) out.push([at + i * step + r[0], r[1], r[2], r[3]]);
  } else if (dt.kind === 'c') {
    out.push([at, dt.itemsize / 2, 2, dt.itemsize / 2]);
  } else if ((dt.kind === 'i' || dt.kind === 'u' || dt.kind === 'f') && dt.itemsize > 1) {
    out.push([at, dt.itemsize, 1, dt.itemsize]);
  }
}

function collectSwapUnits(dt: DType, at: number, out: (readonly [number, number])[]): void {
  if (dt.names) {
    for (const n of dt.names) collectSwapUnits(dt.fields![n].dtype, at + dt.fields![n].offset, out);
  } else if (dt.subdtype) {
    const step = dt.base.itemsize;
    for (let o = 0; step > 0 && o < dt.itemsize; o += step) collectSwapUnits(dt.base, at + o, out);
  } else if (dt.kind === 'c') {
    out.push([at, dt.itemsize / 2], [at + dt.itemsize / 2, dt.itemsize / 2]);
  } else if ((dt.kind === 'i' || dt.kind === 'u' || dt.kind === 'f') && dt.itemsize > 1) {
    out.push([at, dt.itemsize]);
  }
}

// NumPy's _array_descr: fields in name order, gaps as ['', '|Vn'].
function structDescr(dt: DType): Descr {
  const out: Descr = [];
  let at = 0;
  for (const name of dt.names!) {
    const { dtype: f, offset } = dt.fields![name];
    if (offset > at) out.push(['', `|V${offset - at}`]);
    else if (offset < at) {
      throw new ValueError('dtype.descr is not defined for types with overlapping or out-of-order fields');
    }
    out.push(f.subdtype ? [name, fieldDescr(f.base), [...f.shape]] : [name, fieldDescr(f)]);
    at = offset + f.itemsize;
  }
  if (dt.itemsize > at) out.push(['', `|V${dt.itemsize - at}`]);
  return out;
}

function fieldDescr(dt: DType): DescrFormat {
  if (dt.isStructured) return structDescr(dt);
  if (dt.subdtype) return [fieldDescr(dt.base), [...dt.shape]];
  return dt.str;
}

// ---------------------------------------------------------------- NumPy's str/repr

/** Python's `repr` of a str. */
export function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === q) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return q + out + q;
}

function tupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function constructionRepr(dt: DType, short: boolean): string {
  if (dt.isStructured) return structStr(dt, false);
  if (dt.subdtype) return subarrayStr(dt);
  if (dt.kind === 'b') return short ? "'?'" : "'bool'";
  if (dt.kind === 'S' || dt.kind === 'V') return `'${dt.kind}${dt.itemsize || ''}'`;
  const order = DType.orderOf(dt);
  if (short || (dt.byteorder !== '=' && dt.byteorder !== '|')) {
    return `'${order === '|' ? '' : order}${dt.kind}${dt.itemsize}'`;
  }
  return `'${dt.name}'`;
}

function subarrayStr(dt: DType): string {
  return `(${constructionRepr(dt.base, true)}, ${tupleRepr(dt.shape)})`;
}

// NumPy's _is_packed: fields in order, back to back (with C padding if aligned).
function isPacked(dt: DType): boolean {
  const align = dt.isalignedstruct;
  let maxAlign = 1;
  let at = 0;
  for (const n of dt.names!) {
    const f = dt.fields![n];
    if (align) {
      at = Math.ceil(at / f.dtype.alignment) * f.dtype.alignment;
      maxAlign = Math.max(maxAlign, f.dtype.alignment);
    }
    if (f.offset !== at) return false;
    at += f.dtype.itemsize;
  }
  if (align) at = Math.ceil(at / maxAlign) * maxAlign;
  return at === dt.itemsize;
}

function structStr(dt: DType, includeAlign: boolean): string {
  const names = dt.names!;
  const fields = names.map((n) => dt.fields![n]);
  if (!(includeAlign && dt.isalignedstruct) && isPacked(dt)) {
    const items = names.map((n, i) => {
      const f = fields[i].dtype;
      const fmt = f.subdtype ? `${constructionRepr(f.base, true)}, ${tupleRepr(f.shape)}` : constructionRepr(f, true);
      return `(${pyRepr(n)}, ${fmt})`;
    });
    return `[${items.join(', ')}]`;
  }
  return (
    `{'names': [${names.map(pyRepr).join(', ')}], ` +
    `'formats': [${fields.map((f) => constructionRepr(f.dtype, true)).join(', ')}], ` +
    `'offsets': [${fields.map((f) => f.offset).join(', ')}], ` +
    `'itemsize': ${dt.itemsize}${includeAlign && dt.isalignedstruct ? ", 'aligned': True" : ''}}`
  );
}
