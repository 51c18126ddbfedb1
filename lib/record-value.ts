/**
 * How a JS value reads as a record of a structured dtype: JS has no tuples,
 * so a record is an object (or an array in field order), and a list whose
 * items are all whole records is an array level, as NumPy's lists are. One
 * home for that rule, for `array()`/`asarray()` and for assignment.
 * @internal
 * @module
 */
import type { DType } from './dtype';

/** An object that is not a list or a typed array (a record, or `{ re, im }`). */
export function isPlainObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/**
 * Could `v` be stored as one element of `dt`? Checked in depth for records
 * (every field present, each value fitting its field); subarray fields take
 * anything that broadcasts, so they are not looked into.
 */
export function fits(v: unknown, dt: DType): boolean {
  if (dt.shape.length > 0) return true;
  if (dt.isStructured) {
    const names = dt.names as readonly string[];
    const fields = dt.fields as NonNullable<DType['fields']>;
    if (Array.isArray(v)) return v.length === names.length && names.every((n, i) => fits(v[i], fields[n].dtype));
    if (isPlainObject(v)) {
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec);
      return keys.length === names.length && names.every((n) => Object.prototype.hasOwnProperty.call(rec, n) && fits(rec[n], fields[n].dtype));
    }
    return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  }
  if (dt.kind === 'c') {
    if (Array.isArray(v)) return v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
    if (isPlainObject(v)) return typeof (v as { re?: unknown }).re === 'number' && typeof (v as { im?: unknown }).im === 'number';
    return true;
  }
  return !Array.isArray(v) && !isPlainObject(v);
}

/**
 * Whether the list `v` is an array level of records of `dt` rather than one
 * record in field order: every item is an object that is a whole record.
 * `[{a: [1, 2]}]` is one record in a list, not the tuple form of a record
 * whose field `a` is `{a: [1, 2]}` (which could not fit it anyway); and
 * `[{a: 1, b: 2}, {a: 3, b: 4}]` is two records, not one whose fields are
 * records.
 */
export function isWholeRecordList(v: readonly unknown[], dt: DType): boolean {
  return v.length > 0 && v.every((x) => isPlainObject(x) && fits(x, dt));
}
