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
 * (`ERR_PARTIAL_RECORD` for the stream's PartialRecordError, a ValueError).
 * @module
 */

/** NumPy's `ValueError`: an argument with the right type but a bad value. */
export class ValueError extends Error {
  /** `'ERR_VALUE'` (`'ERR_AXIS'` for the AxisError subclass, `'ERR_PARTIAL_RECORD'` for PartialRecordError). */
  readonly code: 'ERR_VALUE' | 'ERR_AXIS' | 'ERR_PARTIAL_RECORD' = 'ERR_VALUE';
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
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

/** Formats a value for an error message: strings quoted, arrays bracketed. */
export function repr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
