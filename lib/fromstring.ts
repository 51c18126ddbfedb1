/**
 * NumPy's `np.fromstring(string, dtype=float, count=-1, *, sep)`: a new 1-d
 * array of the numbers in a string, separated by `sep` (text mode only:
 * NumPy deprecated the binary mode, `sep=''`, for `frombuffer`; here it is
 * a ValueError that says so). The items and the separator are read as
 * {@link fromfile}'s text mode reads them (whitespace in `sep` matches any
 * run of whitespace; a separator of whitespace only, at least one).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DTypeLike } from './dtype';
import { ValueError, boundText, describeValue } from './errors';
import { allocate } from './internal';
import { readKnownOptions } from './options';
import { sepPattern, textPattern, textValue } from './raw-file';

/** An unsigned item of a string: digits, no sign. */
const UNSIGNED_TEXT = /^\d+$/;

/** Options of {@link fromstring}, NumPy's keywords. */
export interface FromstringOptions {
  /** The items' dtype (default `'f8'`). */
  dtype?: DTypeLike;
  /** How many items to read; -1 (default) all. */
  count?: number;
  /** The separator between items (required; not `''`). */
  sep: string;
}

/**
 * The numbers in `text` (see the module's notes).
 * @example fromstring('1 2 3', { sep: ' ', dtype: 'i4' }) // int32 [1, 2, 3]
 * @throws ValueError for sep `''`, a count larger than the items there are, or an item that is not a number of the dtype; TypeError for a bad option.
 */
export function fromstring(text: string, options: FromstringOptions): NdArray {
  const o = readKnownOptions(options ?? ({} as FromstringOptions), ['dtype', 'count', 'sep'], 'fromstring');
  if (typeof text !== 'string') throw new TypeError(`fromstring(): string must be a string, got ${describeValue(text)}`);
  const dt = toDType(o.dtype ?? 'f8');
  const count = o.count ?? -1;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < -1) throw new TypeError(`fromstring(): count must be -1 or a length, got ${describeValue(count)}`);
  const sep = o.sep;
  if (sep === undefined) throw new TypeError("fromstring() missing required keyword argument 'sep'");
  if (typeof sep !== 'string') throw new TypeError(`fromstring(): sep must be a string, got ${describeValue(sep)}`);
  if (sep === '') throw new ValueError('The binary mode of fromstring is removed, use frombuffer instead');
  if (!'biufc'.includes(dt.kind) || dt.subdtype !== null) throw new ValueError(`fromstring(): text mode reads bools, integers, floats and complex numbers; got dtype ${dt.str}`);
  // NumPy stops at a separator that ends the text ('1,2,'), not at one
  // followed by anything, even whitespace ('1,2, ': there it reads a -1).
  const core = sep.trim();
  const trailing = core !== '' && text.endsWith(core);
  const body = (trailing ? text.slice(0, -core.length) : text).trim();
  if (trailing && body === '') throw new ValueError(`string or file could not be read to its end due to unmatched data: item 0 is "", not a number of dtype ${dt.str}`);
  // Two passes over the items, none of them kept: the first counts and
  // checks them, the second fills the result. (A split of the whole string
  // held an array of every item: 10 million of them outgrew a 1 GiB heap.)
  // NumPy's string scan of an unsigned item takes digits only: a sign ('-1', even '+5') is unmatched
  // data there, though fromfile's reads '-1' as 2^64 - 1 cast down.
  const test = dt.kind === 'u' ? UNSIGNED_TEXT : textPattern(dt);
  let total = 0;
  eachItem(body, sep, (item, i) => {
    if (count !== -1 && i >= count) return false;
    if (!test.test(item)) {
      throw new ValueError(`string or file could not be read to its end due to unmatched data: item ${i} is ${JSON.stringify(boundText(item, 40))}, not a number of dtype ${dt.str}`);
    }
    total = i + 1;
    return true;
  });
  const n = count === -1 ? total : count;
  if (n > total) throw new ValueError(`string size must be a multiple of element size: ${count} items asked of a string holding ${total}`);
  const r = allocate(dt, [n]);
  eachItem(body, sep, (item, i) => {
    if (i >= n) return false;
    r.set(i, textValue(dt, item, true));
    return true;
  });
  return r;
}

/** JavaScript's `\s`, by character code. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/**
 * Calls `fn(item, index)` for each item of trimmed `body`, in order, as
 * `body.split(sepPattern(sep))` would give them (no items in an empty
 * body), until it returns false. A separator of whitespace only is scanned
 * by character (the regular expression split took 2/3 of the call).
 */
function eachItem(body: string, sep: string, fn: (item: string, i: number) => boolean): void {
  if (body === '') return;
  let i = 0;
  if (sep.trim() === '') {
    const len = body.length;
    let p = 0;
    while (p < len) {
      const start = p;
      while (p < len && !isSpace(body.charCodeAt(p))) p++;
      if (!fn(body.slice(start, p), i++)) return;
      while (p < len && isSpace(body.charCodeAt(p))) p++;
    }
    return;
  }
  const re = new RegExp(sepPattern(sep).source, 'g');
  let last = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    if (!fn(body.slice(last, m.index), i++)) return;
    last = re.lastIndex;
  }
  fn(body.slice(last), i);
}
