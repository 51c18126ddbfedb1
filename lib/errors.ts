/**
 * The library's error classes. Each mirrors the NumPy exception a Python user
 * would expect, so `err.name` reads the same as NumPy's traceback:
 * `ValueError`, `IndexError`, `AxisError`, `KeyError`, `OverflowError`,
 * `TooHardError`. JS's own `TypeError` and `RangeError` are used for a wrong
 * kind of argument and an out-of-range option.
 *
 * Writes to read-only memory and any use of a closed mapping throw the one
 * class {@link AccessError}, told apart by `code`.
 *
 * Every class carries a stable `code` to branch on (messages may be
 * reworded): `ERR_VALUE`, `ERR_INDEX`, `ERR_AXIS`, `ERR_KEY`, `ERR_OVERFLOW`,
 * `ERR_TOO_HARD`, and `ERR_READ_ONLY` / `ERR_CLOSED` for AccessError
 * (`ERR_PARTIAL_RECORD` for the stream's PartialRecordError, a ValueError;
 * `ERR_LINALG` for LinAlgError, a ValueError as NumPy's).
 * @module
 */
import { getHeapStatistics } from 'v8';

/** NumPy's `ValueError`: an argument with the right type but a bad value. */
export class ValueError extends Error {
  /** `'ERR_VALUE'` (`'ERR_AXIS'` for the AxisError subclass, `'ERR_LINALG'` for LinAlgError, `'ERR_PARTIAL_RECORD'` for PartialRecordError). */
  readonly code: 'ERR_VALUE' | 'ERR_AXIS' | 'ERR_PARTIAL_RECORD' | 'ERR_LINALG' = 'ERR_VALUE';
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/**
 * NumPy's `numpy.linalg.LinAlgError` (a ValueError, as NumPy's): a matrix the
 * operation cannot take: "Singular matrix", "Matrix is not positive
 * definite", "Last 2 dimensions of the array must be square",
 * "1-dimensional array given. Array must be at least two-dimensional".
 */
export class LinAlgError extends ValueError {
  /** `'ERR_LINALG'`. */
  override readonly code = 'ERR_LINALG';
  constructor(message: string) {
    super(message);
    this.name = 'LinAlgError';
  }
}

/** NumPy's `IndexError`: an index outside an axis, or too many indices. */
export class IndexError extends RangeError {
  /** Always `'ERR_INDEX'`. */
  readonly code = 'ERR_INDEX';
  constructor(message: string) {
    super(message);
    this.name = 'IndexError';
  }
}

/** NumPy's `AxisError`: an axis number outside `[-ndim, ndim)`. */
export class AxisError extends ValueError {
  /** Always `'ERR_AXIS'`. */
  override readonly code = 'ERR_AXIS';
  constructor(message: string) {
    super(message);
    this.name = 'AxisError';
  }
}

/** NumPy's `KeyError`: a name that is not a field of the dtype (multi-field access). */
export class KeyError extends Error {
  /** Always `'ERR_KEY'`. */
  readonly code = 'ERR_KEY';
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

/** NumPy's `OverflowError`: an integer value that does not fit the dtype. */
export class OverflowError extends RangeError {
  /** Always `'ERR_OVERFLOW'`. */
  readonly code = 'ERR_OVERFLOW';
  constructor(message: string) {
    super(message);
    this.name = 'OverflowError';
  }
}

/** NumPy's `TooHardError`: `sharesMemory` gave up within its work bound. */
export class TooHardError extends Error {
  /** Always `'ERR_TOO_HARD'`. */
  readonly code = 'ERR_TOO_HARD';
  constructor(message: string) {
    super(message);
    this.name = 'TooHardError';
  }
}

/**
 * NumPy's (Python's) `NotImplementedError`: a case NumPy itself leaves
 * unimplemented and refuses (`structuredToUnstructured` of a record without
 * fields given a dtype, `unstructuredToStructured` of a last axis of length 0).
 */
export class NotImplementedError extends Error {
  /** Always `'ERR_NOT_IMPLEMENTED'`. */
  readonly code = 'ERR_NOT_IMPLEMENTED';
  constructor(message: string) {
    super(message);
    this.name = 'NotImplementedError';
  }
}

/** Why an {@link AccessError} was thrown. */
export type AccessErrorCode = 'ERR_READ_ONLY' | 'ERR_CLOSED' | 'ERR_BUSY';

/**
 * A write to read-only memory (`code: 'ERR_READ_ONLY'`, "assignment
 * destination is read-only") or any access to a closed mapping
 * (`code: 'ERR_CLOSED'`, "mapping of '…' is closed", also after `release()`),
 * or a `release()` refused while an async job holds the memory
 * (`code: 'ERR_BUSY'`). Thrown before any byte is touched: on a `PROT_READ`
 * mapping a raw store would kill the process.
 */
export class AccessError extends Error {
  readonly code: AccessErrorCode;
  constructor(code: AccessErrorCode, message: string) {
    super(message);
    this.name = 'AccessError';
    this.code = code;
  }
}

/**
 * Most characters of the caller's input an error message quotes. Input is
 * the caller's, of any length (a 10 MB dtype spec, an index string, a
 * list): a message quoting it whole would be as large, and so would every
 * log line and stack trace that carries it. Longer input keeps its head and
 * tail around `...`, as NumPy elides the middle of a long repr, and the
 * message says how long it was.
 */
export const QUOTE_LIMIT = 100;

/** `text` cut to at most about `limit` characters: its head and tail around `...` (whole code points). */
export function boundText(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  let head = Math.ceil((limit - 3) * 0.75);
  let tail = limit - 3 - head;
  // Never split a surrogate pair: a lone half would print as U+FFFD.
  const hi = text.charCodeAt(head - 1);
  if (hi >= 0xd800 && hi <= 0xdbff) head -= 1;
  const lo = text.charCodeAt(text.length - tail);
  if (lo >= 0xdc00 && lo <= 0xdfff) tail -= 1;
  return `${text.slice(0, head)}...${text.slice(text.length - tail)}`;
}

/**
 * The caller's string for an error message, bounded by {@link boundText} and
 * quoted by `quote` (default: in single quotes; the dtype parser passes
 * Python's repr); a cut string is followed by its length.
 */
export function quoteInput(text: string, quote: (s: string) => string = (s) => `'${s}'`, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return quote(text);
  return `${quote(boundText(text, limit))} (${text.length} characters)`;
}

/** List items a message shows before `...`. */
const REPR_ITEMS = 20;
/** Nesting a message shows before `[...]`: a list that holds itself ends here instead of overflowing the stack. */
const REPR_DEPTH = 4;

/**
 * Formats a value for an error message: strings quoted, arrays bracketed,
 * each bounded (at most {@link QUOTE_LIMIT} characters of a string, 20
 * items of a list, 4 levels of nesting). Reading it runs no caller code but
 * a `toJSON` (an object's own JSON), whose text is bounded too.
 */
export function repr(value: unknown, depth = 0): string {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (Array.isArray(value)) {
    if (depth >= REPR_DEPTH) return '[...]';
    const n = value.length;
    const items: string[] = [];
    for (let i = 0; i < Math.min(n, REPR_ITEMS); i++) items.push(repr(value[i], depth + 1));
    if (n > REPR_ITEMS) items.push(`... ${n - REPR_ITEMS} more`);
    return `[${items.join(', ')}]`;
  }
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (ArrayBuffer.isView(value)) return `${Object.prototype.toString.call(value).slice(8, -1)}(${value.byteLength} bytes)`;
  if (value !== null && typeof value === 'object') {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      // A cycle, a BigInt, a throwing getter or Proxy trap: the tag instead.
    }
    if (text === undefined) {
      try {
        text = Object.prototype.toString.call(value);
      } catch {
        text = 'object';
      }
    }
    return boundText(text);
  }
  return String(value);
}

/**
 * What a value is, for a "got …" in an error message, without running any of
 * the caller's code (no `toString`, no getter; a Proxy's traps may run and
 * throw, which is caught): primitives as themselves (strings quoted and
 * bounded), a JS array by its length, an object by its tag.
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return quoteInput(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return v.toString();
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return String(v);
  if (Array.isArray(v)) return `a JS array of length ${v.length}`;
  let tag = 'object';
  try {
    tag = Object.prototype.toString.call(v);
  } catch {
    // A Proxy whose traps throw: say no more.
  }
  return `an object (${tag})`;
}

/** NumPy's (Python's) `ZeroDivisionError`: `average` with weights that sum to zero. */
export class ZeroDivisionError extends RangeError {
  /** Always `'ERR_ZERO_DIVISION'`. */
  readonly code = 'ERR_ZERO_DIVISION';
  constructor(message: string) {
    super(message);
    this.name = 'ZeroDivisionError';
  }
}

/**
 * NumPy's (Python's) `MemoryError`: a new in-memory array larger than an
 * ArrayBuffer may be (4 GiB) or than the machine gives. A RangeError, as
 * before it had a class of its own.
 */
export class MemoryError extends RangeError {
  /** Always `'ERR_MEMORY'`. */
  readonly code = 'ERR_MEMORY';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MemoryError';
  }
}

const SIZE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A byte count as NumPy's MemoryError writes it: whole bytes below 1 KiB;
 * else in the largest binary unit (at most EiB), three significant digits
 * with the point kept (`1.00`, `118.`), or every whole digit from 1000 on.
 */
export function formatByteSize(bytes: number | bigint): string {
  const b = BigInt(bytes);
  let unit = Math.floor(Math.max(b.toString(2).length - 1, 1) / 10);
  let value = Number(b) / 2 ** (10 * unit);
  if (Math.round(value) === 1024) {
    unit++;
    value /= 1024;
  }
  if (unit >= SIZE_UNITS.length) {
    value *= 2 ** (10 * (unit - SIZE_UNITS.length + 1));
    unit = SIZE_UNITS.length - 1;
  }
  if (unit === 0) return `${b} bytes`;
  if (Math.round(value) >= 1000) return `${value.toFixed(0)}. ${SIZE_UNITS[unit]}`;
  const text = value.toPrecision(3);
  return `${text.includes('.') ? text : `${text}.`} ${SIZE_UNITS[unit]}`;
}

/**
 * NumPy's MemoryError for an array it could not allocate: `Unable to
 * allocate 1.04 EiB for an array with shape (150094635296999121,) and data
 * type int64`, with `detail` (the library's reason) after it in parentheses.
 */
export function allocationError(shape: readonly (number | bigint)[], itemsize: number, typeName: string, detail?: string, options?: { cause?: unknown }): MemoryError {
  const count = shape.reduce<bigint>((t, d) => t * BigInt(d), 1n);
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  return new MemoryError(`Unable to allocate ${formatByteSize(count * BigInt(itemsize))} for an array with shape ${dims} and data type ${typeName}${detail === undefined ? '' : ` (${detail})`}`, options);
}

/**
 * NumPy's iterator refusing to cast operand `operand` from `from` to `to`
 * (each dtype as its repr, `dtype('bool')`) under the rule `casting`.
 */
export function iteratorCastError(operand: number, from: string, to: string, casting: string): TypeError {
  return new TypeError(`Iterator operand ${operand} dtype could not be cast from ${from} to ${to} according to the rule '${casting}'`);
}

/** The most 8-byte items a list argument converts to: the 4 GiB an array in memory holds. */
export const MAX_LIST_ITEMS = 2 ** 29;

/**
 * Refuses, before it is walked, a list of `length` items that `what` would
 * hold as int64 (kth, reduceat indices, lexsort keys) when they could not
 * fit the 4 GiB an array in memory holds, as array() refuses such input: a
 * Proxy claiming 2^32-1 items was walked until V8 aborted out of heap.
 */
export function checkListLength(length: number, what: string): void {
  if (length > MAX_LIST_ITEMS) {
    throw new MemoryError(`${what}: ${length} items of 8 bytes; an array in memory holds at most 4 GiB (${MAX_LIST_ITEMS} such items)`);
  }
}

/**
 * The items of a list argument, each passed through `check` (which throws
 * for a bad one) as it is read: the length read once and refused past
 * `most` items (checkListLength's bound by default) before any item is
 * read, then each item read once, by index. Spreading or mapping the list
 * first walked every hole of a sparse list of length 2^32-1, or every index
 * a Proxy claimed, until the heap ran out (loadtxt's usecols and comments,
 * vectorize's excluded).
 */
export function listItems<T>(list: ArrayLike<unknown>, what: string, check: (v: unknown, i: number) => T, most = MAX_LIST_ITEMS): T[] {
  const n = list.length;
  if (most === MAX_LIST_ITEMS) checkListLength(n, what);
  else if (n > most) throw new ValueError(`${what}: ${n} items, more than the ${most} it takes`);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = check(list[i], i);
  return out;
}

/**
 * Bytes of JS heap one view of an array (an NdArray and its shape and
 * strides lists) takes at least: a lower bound, so only a list that surely
 * cannot fit is refused.
 */
const VIEW_HEAP_BYTES = 256;

/**
 * Refuses, before it is made, a list of `count` views of an array's rows
 * (an NdArray given where NumPy iterates a sequence of arrays: concatenate,
 * stack, vstack...) that the JS heap cannot hold: V8 ends the process when
 * its heap runs out, and a 2^31-row broadcast view was listed row by row
 * until it did (NumPy raises MemoryError or runs for hours).
 */
export function checkRowViews(count: number, what: string): void {
  const need = count * VIEW_HEAP_BYTES;
  if (count < 1 << 16) return;
  const h = getHeapStatistics();
  const free = h.heap_size_limit - h.used_heap_size;
  if (need > free) {
    throw new MemoryError(`${what}: an array of ${count} rows given as the sequence of arrays is ${count} views, at least ${need} bytes of JS heap, more than the ${free} left; join a list of arrays, or reshape the array instead`);
  }
}
