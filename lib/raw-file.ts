/**
 * Raw files, as NumPy's `ndarray.tofile` and `np.fromfile`: an array's
 * items with no header at all, in C order and in the dtype's own byte order
 * (binary), or as text items joined by a separator.
 *
 * `tofile(a, path, { sep })`: binary when `sep` is `''` (the default),
 * otherwise each item as Python's `str()` of it (`1.0`, `0.1`, `1e-05`,
 * `True`, `7`; a float32 or float16 item as the double it is, as NumPy's)
 * with `sep` between items and nothing after the last. Unlike
 * NumPy's, which opens the path with `'wb'` and truncates it at once, the
 * file is written under a temporary name and renamed over `path`
 * (npy/write-file.ts): a live mapping of the old file (the array being
 * saved, say) keeps its data, and a failure leaves the old file as it was.
 *
 * `fromfile(path, { dtype, count, offset, sep })`: a new array (a copy in
 * memory; {@link memmap} maps a raw file instead) of `count` items (-1:
 * every whole item to the end of the file; a partial last item is ignored,
 * and a count past the end reads the items there are, as NumPy's), read
 * from byte `offset`. A subarray dtype gives its axes
 * after the item axis, as NumPy's does. Text mode (`sep` not `''`) parses
 * numbers separated by `sep`, where whitespace in `sep` matches any run of
 * whitespace (none included); `offset` is binary only, as in NumPy.
 * Everything is checked before the file is opened for reading, and the
 * file must be a regular one (a FIFO would block).
 * @module
 */
import * as fs from 'fs';

import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, describeValue } from './errors';
import { allocate, requireArray, requireOpen, storageOf } from './internal';
import { positionalOptions, readKnownOptions } from './options';
import { checkPath, openRegularFile } from './paths';
import { forEach } from './elementwise';
import { pyComplexText, pyFloatText } from './repr';
import { replaceFile, writeAll, writeArray } from './npy/write-file';
import { COMPLEX_TEXT, FLOAT_TEXT, INT_TEXT, complexOfText, floatOfText } from './number-text';
import { checkFormatLength, formatPieces, parseFormat, type FormatSpec } from './py-format';
import type { Complex } from './value-types';

/** Options of {@link tofile}: NumPy's `sep` (and its text `format`, `'%s'` only). */
export interface TofileOptions {
  /** `''` (default): binary; otherwise text, with this between items. */
  sep?: string;
  /**
   * NumPy's `format` of text mode: Python's `format % item` for each item,
   * one conversion (`'%.3f'`, `'<%5d>'`); default `'%s'`, Python's `str()`.
   */
  format?: string;
}

/** Options of {@link fromfile}, NumPy's keywords. */
export interface FromfileOptions {
  /** The items' dtype (default `'f8'`, NumPy's `float`). */
  dtype?: DTypeLike;
  /** How many items to read; -1 (default) reads to the end of the file. */
  count?: number;
  /** Bytes to skip at the start of the file (binary mode only; default 0). */
  offset?: number;
  /** `''` (default): binary; otherwise text items separated by `sep`. */
  sep?: string;
}

// ------------------------------------------------------------------ tofile

/**
 * Python's `str()` of one item as NumPy's getitem gives it: `True`, `7`,
 * any float as a Python float (`1.0`, `1e-05`, `0.10000000149011612` for
 * float32's 0.1), and a complex as a Python complex (`(1+2j)`, `2j`).
 */
function itemText(dt: DType): (v: unknown) => string {
  if (dt.kind === 'b') return (v) => (v ? 'True' : 'False');
  if (dt.kind === 'i' || dt.kind === 'u') return (v) => String(v);
  if (dt.kind === 'c') return (v) => pyComplexText((v as Complex).re, (v as Complex).im);
  return (v) => pyFloatText(v as number);
}

/**
 * Python's `format % item` of one item as NumPy's text mode writes it (the
 * item as getitem gives it, then formatted); the format's errors are
 * Python's, raised before the file is touched when there is an item.
 */
function formattedText(dt: DType, format: string, size: number): (v: unknown) => string {
  const pieces = parseFormat(format);
  const specs = pieces.filter((x): x is FormatSpec => typeof x !== 'string');
  if (size > 0 && specs.length === 0) throw new TypeError('not all arguments converted during string formatting');
  if (size > 0 && specs.length > 1) throw new TypeError('not enough arguments for format string');
  checkFormatLength(pieces, 0, 'tofile()', format);
  const spec = specs[0];
  const str = itemText(dt);
  const textual = spec !== undefined && (spec.type === 's' || spec.type === 'r');
  if (size > 0 && dt.kind === 'c' && !textual) {
    throw new TypeError('diuoxXc'.includes(spec.type) ? `%${spec.type} format: a real number is required, not complex` : 'must be real number, not complex');
  }
  if (size > 0 && dt.kind === 'f' && 'oxXc'.includes(spec.type)) throw new TypeError(spec.type === 'c' ? '%c requires int or char' : `%${spec.type} format: an integer is required, not float`);
  // %s and %r of an item are its Python str(); the others format the number itself.
  return (v) => formatPieces(pieces, [textual ? str(v) : v]);
}

/**
 * NumPy's `a.tofile(fid, sep='', format='%s')`: writes `a`'s items to
 * `path` in C order whatever its layout, with no header (binary, the dtype's
 * byte order), or as text items joined by `sep`. The file is replaced
 * atomically (see the module's notes): `path` is never truncated under a
 * mapping of it.
 * @throws TypeError for a bad path or option; ValueError for text mode of a dtype it cannot write (structured, bytes, void).
 */
export function tofile(a: NdArray, path: string, sep?: string | TofileOptions | null, format?: string | TofileOptions | null, options?: TofileOptions): void;
export function tofile(a: NdArray, path: string, options?: TofileOptions): void;
export function tofile(a: NdArray, path: string, ...rest: unknown[]): void {
  requireArray(a, 'tofile', 'a');
  // NumPy's positional sep and format (a.tofile(p, ',', '%.3f')), or the options.
  const o = readKnownOptions(positionalOptions<TofileOptions>('tofile', ['sep', 'format'], rest), ['sep', 'format'], 'tofile');
  checkPath(path);
  const sep = o.sep ?? '';
  if (typeof sep !== 'string') throw new TypeError(`tofile(): sep must be a string, got ${describeValue(sep)}`);
  const format = o.format ?? '%s';
  if (typeof format !== 'string') throw new TypeError(`tofile(): format must be a string, got ${describeValue(format)}`);
  requireOpen(a);
  if (sep === '') {
    replaceFile(path, a.nbytes, (fd) => {
      if (a.size !== 0) writeArray(a, (bytes, offset, length) => writeAll(fd, bytes, offset, length));
    });
    return;
  }
  const dt = a.dtype;
  if (!'biufc'.includes(dt.kind) || dt.subdtype !== null) {
    throw new ValueError(`tofile(): text mode (sep ${JSON.stringify(sep)}) writes bools, integers, floats and complex numbers; got dtype ${dt.str}: write it in binary (sep '') instead`);
  }
  const text = format === '%s' ? itemText(dt) : formattedText(dt, format, a.size);
  const sepBytes = Buffer.from(sep, 'utf8');
  replaceFile(path, 0, (fd) => {
    // Items are joined into pieces of about 1 MiB, so a large array is not one string.
    let parts: string[] = [];
    let size = 0;
    forEach(a, (v, i) => {
      if (i > 0) parts.push(sep);
      const t = text(v);
      parts.push(t);
      size += t.length + sepBytes.length;
      if (size >= 1 << 20) {
        const b = Buffer.from(parts.join(''), 'utf8');
        writeAll(fd, b, 0, b.length);
        parts = [];
        size = 0;
      }
    });
    const b = Buffer.from(parts.join(''), 'utf8');
    writeAll(fd, b, 0, b.length);
  });
}

// ------------------------------------------------------------------ fromfile

function checkCount(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new TypeError(`fromfile(): ${name} must be an integer, got ${describeValue(v)}`);
  if (v < min) throw new ValueError(`fromfile(): ${name} must be >= ${min}, got ${v}`);
  return v;
}

/** Reads exactly `n` bytes at `position` into `a`'s storage from byte `offset`, a window piece at a time. */
function readInto(fd: number, a: NdArray, position: number, n: number, path: string): void {
  const st = storageOf(a);
  for (let pos = a.offset, end = a.offset + n; pos < end; ) {
    const len = Math.min(1 << 28, end - pos);
    const w = st.single ?? st.window(pos, len);
    const got = fs.readSync(fd, w.bytes, pos - w.start, len, position + (pos - a.offset));
    // The file shrank between fstat and read: say so rather than return zeros.
    if (got === 0) throw new ValueError(`fromfile(): '${path}' ended at byte ${position + (pos - a.offset)} while reading (the file shrank?)`);
    pos += got;
  }
}

/** The result of `count` items of `dt`: a subarray dtype's axes follow the item axis. */
function resultOf(dt: DType, count: number): NdArray {
  return dt.subdtype !== null ? allocate(dt.subdtype[0], [count, ...dt.subdtype[1]], 'C', true) : allocate(dt, [count], 'C', true);
}

/**
 * NumPy's `np.fromfile(file, dtype=float, count=-1, sep='', offset=0)`: a
 * new array of the items of a raw file (see the module's notes).
 * @throws TypeError for a bad option; ValueError for a 0-sized or object dtype, an offset past the end, or (text) data that does not parse; fs errors naming the file.
 */
export function fromfile(path: string, dtype?: FromfileOptions['dtype'] | FromfileOptions | null, count?: number | FromfileOptions | null, sep?: string | FromfileOptions | null, offset?: number | FromfileOptions | null, options?: FromfileOptions): NdArray;
export function fromfile(path: string, ...rest: unknown[]): NdArray {
  // NumPy's positional dtype, count, sep and offset (np.fromfile(p, '<f4', 2)), or the options.
  const o = readKnownOptions(positionalOptions<FromfileOptions>('fromfile', ['dtype', 'count', 'sep', 'offset'], rest), ['dtype', 'count', 'offset', 'sep'], 'fromfile');
  checkPath(path);
  const dt = toDType(o.dtype ?? 'f8');
  const count = checkCount(o.count ?? -1, 'count', -1);
  const offset = checkCount(o.offset ?? 0, 'offset', 0);
  const sep = o.sep ?? '';
  if (typeof sep !== 'string') throw new TypeError(`fromfile(): sep must be a string, got ${describeValue(sep)}`);
  if (dt.itemsize === 0) throw new ValueError('The elements are 0-sized.');
  if (sep !== '') {
    if (offset !== 0) throw new TypeError("'offset' argument only permitted for binary files");
    if (!'biufc'.includes(dt.kind) || dt.subdtype !== null) throw new ValueError(`fromfile(): text mode reads bools, integers, floats and complex numbers; got dtype ${dt.str}`);
    return fromText(path, dt, count, sep);
  }
  const { fd, size } = openRegularFile(path, 'fromfile reads regular files only');
  try {
    // NumPy's arithmetic: C's truncating division, so an offset less than an item past the end reads nothing.
    const whole = Math.trunc((size - offset) / dt.itemsize);
    if (whole < 0) throw new ValueError(`negative dimensions are not allowed: offset ${offset} is past the end of '${path}' (${size} bytes)`);
    // As NumPy's, a count past the end reads the items there are.
    const n = count === -1 ? whole : Math.min(count, whole);
    const r = resultOf(dt, n);
    if (n > 0) readInto(fd, r, offset, n * dt.itemsize, path);
    return r;
  } finally {
    fs.closeSync(fd);
  }
}

/** The separator as a pattern: its whitespace matches any run of whitespace (none included), the rest itself. */
export function sepPattern(sep: string): RegExp {
  const core = sep.trim();
  const esc = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
  // A separator of whitespace only must match at least one whitespace character (NumPy's rule).
  return core === '' ? /\s+/ : new RegExp(`\\s*${esc}\\s*`);
}

/** Bytes of text read at a time: a text file is parsed a piece at a time, never held whole. */
const TEXT_CHUNK = 1 << 20;
/** The longest item text (with the whitespace around it): longer is refused as unmatched data rather than gathered into one string. */
const MAX_ITEM_TEXT = 1 << 20;

/**
 * The items of the text file `fd`, in order, as `text.trim().split(sep)`
 * would give them, read a piece at a time: a file past V8's longest string
 * (about 512 MiB) could not be read whole (Node's ERR_STRING_TOO_LONG), and
 * the list of its items ran the JS heap out (a V8 abort).
 */
function* textItems(fd: number, sep: string, path: string): Generator<string> {
  const re = new RegExp(sepPattern(sep).source, 'g');
  const buf = Buffer.alloc(TEXT_CHUNK);
  let carry = '';
  let started = false;
  let index = 0;
  for (let pos = 0; ; ) {
    const got = fs.readSync(fd, buf, 0, TEXT_CHUNK, pos);
    if (got === 0) break;
    pos += got;
    let text = carry + buf.toString('latin1', 0, got);
    if (!started) {
      text = text.trimStart();
      started = text !== '';
    }
    // A separator that reaches the end of what was read may go on in the next piece: it waits.
    let last = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && m.index + m[0].length < text.length; m = re.exec(text)) {
      yield text.slice(last, m.index);
      index += 1;
      last = m.index + m[0].length;
    }
    carry = text.slice(last);
    if (carry.length > MAX_ITEM_TEXT) {
      throw new ValueError(`string or file could not be read to its end due to unmatched data: item ${index} of '${path}' runs past ${MAX_ITEM_TEXT} characters with no separator ${JSON.stringify(sep)} (it starts ${JSON.stringify(carry.slice(0, 40))})`);
    }
  }
  if (!started) return;
  // NumPy stops at a separator that ends the text ('1,2,'), not at one
  // followed by anything, even whitespace ('1,2,\n' is unmatched data).
  const core = sep.trim();
  yield* (core !== '' && carry.endsWith(core) ? carry.slice(0, -core.length) : carry).trimEnd().split(sepPattern(sep));
}

/** The tokens of `dt` that NumPy's text readers accept. */
export function textPattern(dt: DType): RegExp {
  return dt.kind === 'f' ? FLOAT_TEXT : dt.kind === 'c' ? COMPLEX_TEXT : INT_TEXT;
}

/** Reads and checks the first `limit` items (-1: all) of the text file `path` through `take(item index, text)`; returns how many there were. */
function eachTextItem(path: string, sep: string, dt: DType, limit: number, take: (i: number, t: string) => void): number {
  const { fd } = openRegularFile(path, 'fromfile reads regular files only');
  const test = textPattern(dt);
  let i = 0;
  try {
    for (const t of textItems(fd, sep, path)) {
      if (i === limit) break;
      if (!test.test(t)) {
        throw new ValueError(
          `string or file could not be read to its end due to unmatched data: item ${i} of '${path}' is ${JSON.stringify(t.slice(0, 40))}, not a number of dtype ${dt.str}`,
        );
      }
      take(i, t);
      i += 1;
    }
  } finally {
    fs.closeSync(fd);
  }
  return i;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The value NumPy stores for the integer text `t` (digits with an optional
 * sign) in an item of `dt`: C's `strtoll` (signed) or `strtoull` (unsigned)
 * of it, then a C cast to the item's width. So out of range is no error, as
 * in NumPy: a signed token saturates at int64's ends, an unsigned one at
 * 2^64 - 1 (a negative one within range wraps modulo 2^64 first), and the
 * cast keeps the low bits ('300' as uint8 is 44, '-1' is 255). A bool is
 * the token not being 0. `fromString`: NumPy's string scan (`fromstring`),
 * whose signed overflow is int64's maximum on either side.
 */
function intFromText(t: string, dt: DType, fromString = false): number | bigint | boolean {
  // Past 20 significant digits a token is out of 64-bit range: its sign is all that counts (and a 1 MiB token is not parsed).
  const [, sign, digits] = /^([+-]?)0*(\d*)$/.exec(t) as RegExpExecArray;
  const v = digits.length > 20 ? (sign === '-' ? -(2n ** 64n) : 2n ** 64n) : BigInt(sign + (digits === '' ? '0' : digits));
  if (dt.kind === 'b') return v !== 0n;
  const bits = dt.itemsize * 8;
  let wrapped: bigint;
  if (dt.kind === 'i') {
    wrapped = BigInt.asIntN(bits, v < INT64_MIN ? (fromString ? INT64_MAX : INT64_MIN) : v > INT64_MAX ? INT64_MAX : v);
  } else {
    const magnitude = v < 0n ? -v : v;
    wrapped = BigInt.asUintN(bits, magnitude > UINT64_MAX ? UINT64_MAX : BigInt.asUintN(64, v));
  }
  return dt.itemsize === 8 ? wrapped : Number(wrapped);
}

/** One checked text item ({@link textPattern} matched) as the value `set` stores for `dt` (an integer token as {@link intFromText} reads it, `fromString` for `fromstring`). */
export function textValue(dt: DType, t: string, fromString = false): number | bigint | boolean | Complex {
  if (dt.kind === 'f') return floatOfText(t);
  if (dt.kind === 'c') return complexOfText(t);
  return intFromText(t, dt, fromString);
}

function fromText(path: string, dt: DType, count: number, sep: string): NdArray {
  // Two passes: the items are counted (and checked), then the result allocated and filled.
  const n = eachTextItem(path, sep, dt, count, () => undefined);
  const r = resultOf(dt, n);
  const got = eachTextItem(path, sep, dt, n, (i, t) => r.set(i, textValue(dt, t)));
  if (got !== n) throw new ValueError(`fromfile(): '${path}' held ${got} items when read again, not ${n} (the file changed while it was read?)`);
  return r;
}
