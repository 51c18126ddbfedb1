/**
 * The header of a NumPy `.npy` file: bytes in, {@link NpyHeader} out, and
 * back. Pure functions over `Uint8Array`s; reading the file is the caller's
 * business (see {@link headerLength} for how many bytes to read).
 *
 * ## The format, as this module reads and writes it
 *
 * A `.npy` file is a header followed by the raw array data.
 *
 * 1. Magic string, 6 bytes: `\x93NUMPY` ({@link MAGIC_PREFIX}).
 * 2. Format version, 2 bytes: major then minor, each an unsigned byte.
 *    Versions 1.0, 2.0 and 3.0 exist; they differ only in step 3 and 4.
 * 3. Header length `HEADER_LEN`, little-endian unsigned: 2 bytes in version
 *    1.0, 4 bytes in 2.0 and 3.0. Magic plus version is {@link MAGIC_LEN}
 *    bytes, so the length field ends at byte 10 (1.0) or 12 (2.0, 3.0).
 * 4. `HEADER_LEN` bytes of text: latin-1 in versions 1.0 and 2.0, UTF-8 in
 *    3.0 (which exists so that structured field names can use any Unicode).
 *    The text is the `repr` of a Python dict with exactly the keys
 *    - `'descr'`: the dtype, either a dtype string such as `'<i4'` or, for
 *      structured dtypes, a list of `(name, descr)` / `(name, descr, shape)`
 *      tuples, nested as deep as the dtype is (`name` may also be a
 *      `(title, name)` pair; a field with an empty name and a `|V` type is
 *      padding);
 *    - `'fortran_order'`: `True` when the data is laid out column-major;
 *    - `'shape'`: a tuple of non-negative ints (`()` for a 0-d array).
 *
 *    Writers pad the text with spaces and end it with `\n` so that the data
 *    starts on a multiple of {@link ARRAY_ALIGN} bytes, which keeps every
 *    element aligned when the file is memory-mapped from offset 0. NumPy
 *    also leaves room after the dict for the first (C order) or last
 *    (Fortran order) dimension to grow to {@link GROWTH_AXIS_MAX_DIGITS}
 *    digits, so a header can be rewritten in place when data is appended.
 *    Old files may be aligned to 16 only; readers must not insist on 64.
 * 5. The data, starting at `MAGIC_LEN + 2 or 4 + HEADER_LEN`
 *    ({@link NpyHeader.dataOffset}).
 *
 * A writer uses the oldest version that can hold its header: 1.0, then 2.0
 * when the header is longer than a 2-byte length allows, then 3.0 when the
 * text is not latin-1.
 *
 * ## Reading safely
 *
 * The header is untrusted. It is never evaluated: {@link parsePyLiteral}
 * reads the literal subset only, with nesting and length caps, and the text
 * must first fit under {@link MAX_HEADER_SIZE} characters (NumPy's default
 * `max_header_size`; raise it per call for huge structured dtypes). The
 * dict must hold exactly the three keys, and every value is checked before
 * it is trusted. Object dtypes (`'|O'`) hold pickled Python objects, not
 * data, so they are refused: such a file cannot be memory-mapped.
 *
 * Every error is a {@link ValueError} that names the source path (when
 * given) and quotes the bad value in Python syntax.
 * @module
 */

import { ValueError, describeValue, quoteInput } from '../errors';
import { checkShape } from '../layout';
import { bytesRepr } from '../format';
import { PyLiteralError, PyValue, parsePyLiteral, pyRepr, pyStrRepr } from './pylit';
import type { DescrEntry, DescrFormat } from '../dtype/dtype';
import type { DType } from '../dtype';

/** The first six bytes of every `.npy` file: `\x93NUMPY`. */
export const MAGIC_PREFIX: Uint8Array = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59);
/** Length of the magic string plus the two version bytes. */
export const MAGIC_LEN = 8;
/** Data starts on a multiple of this many bytes (NumPy's `ARRAY_ALIGN`). */
export const ARRAY_ALIGN = 64;
/**
 * Default cap on the header text, in characters (NumPy's `_MAX_HEADER_SIZE`):
 * a larger header is refused unless `maxHeaderSize` is raised.
 */
export const MAX_HEADER_SIZE = 10000;
/**
 * Digits reserved in a written header for the growth axis, so the shape can
 * be rewritten in place for up to 8 * 2**64 - 1 elements (NumPy's
 * `GROWTH_AXIS_MAX_DIGITS`).
 */
export const GROWTH_AXIS_MAX_DIGITS = 21;
/** The keys a header dict must hold, no more, no fewer. */
export const EXPECTED_KEYS: readonly string[] = ['descr', 'fortran_order', 'shape'];

/** What each format version changes: the width of the length field and the text encoding. */
interface VersionInfo {
  readonly version: readonly [number, number];
  /** Bytes of the little-endian header-length field. */
  readonly lengthBytes: 2 | 4;
  readonly encoding: 'latin1' | 'utf8';
}

/** Oldest first: {@link formatHeader} picks the first that can hold the header. */
const VERSIONS: readonly VersionInfo[] = [
  { version: [1, 0], lengthBytes: 2, encoding: 'latin1' },
  { version: [2, 0], lengthBytes: 4, encoding: 'latin1' },
  { version: [3, 0], lengthBytes: 4, encoding: 'utf8' },
];

/**
 * Python-literal value of a descr: a dtype str (`'<i4'`), or a list of
 * `[name, descr]` / `[name, descr, shape]` fields. In files a name may be a
 * `(title, name)` pair; {@link parseHeader} keeps the name and drops the
 * title. Fields named `''` with a `|V` type are padding and are kept, so
 * that offsets can be recomputed from the list.
 */
export type Descr = DescrFormat;
/** One field of a structured {@link Descr}: name, type and, for a subarray field, its shape (the dtype module's {@link DescrEntry}). */
export type DescrField = DescrEntry;
/**
 * Python's `(descr, shape)` tuple: a subarray inside a field's type, as
 * NumPy writes a subarray whose base is itself a subarray
 * (`('c', ('<f8', (5,)), (2,))`). Told from a field list by its second item,
 * a list of numbers.
 */
export type DescrSubarray = [Descr, number[]];

/** True for a {@link DescrSubarray} (a field list's items are never lists of numbers). */
export function isDescrSubarray(d: unknown): d is DescrSubarray {
  return Array.isArray(d) && d.length === 2 && Array.isArray(d[1]) && d[1].every((n: unknown) => typeof n === 'number');
}

/** A parsed `.npy` header. */
export interface NpyHeader {
  /** Format version `[major, minor]`: `[1, 0]`, `[2, 0]` or `[3, 0]`. */
  version: [number, number];
  /** The dtype description, as written in the file. */
  descr: Descr;
  /** True when the data is stored column-major. */
  fortranOrder: boolean;
  /** Array shape; `[]` for a 0-d array. Every entry is a safe integer. */
  shape: number[];
  /** byte offset where the data starts */
  dataOffset: number;
}

/** Options of {@link parseHeader} and {@link headerLength}. */
export interface HeaderOptions {
  /**
   * Largest header text accepted, in characters; default
   * {@link MAX_HEADER_SIZE}. Raise it only for files you trust.
   */
  maxHeaderSize?: number;
}

/**
 * How many leading bytes {@link parseHeader} needs, once the first 12 bytes
 * are known (magic + version + length field; 10 suffice for version 1.0).
 * The result is also the data offset.
 *
 * Throws a {@link ValueError} on a bad magic string, an unsupported version,
 * a prefix too short to hold the length field, or a header length that
 * cannot fit under `options.maxHeaderSize` (a cheap bound on bytes checked
 * here, so a hostile length field never makes the caller read gigabytes;
 * {@link parseHeader} checks the exact character count). Pass the same
 * `options` as to {@link parseHeader}.
 * @param prefix the first bytes of the file
 * @param source the file's path, quoted in error messages
 */
export function headerLength(prefix: Uint8Array, source?: string, options: HeaderOptions = {}): number {
  const maxHeaderSize = checkMaxHeaderSize(options.maxHeaderSize);
  const info = readVersion(prefix, source);
  const fieldEnd = MAGIC_LEN + info.lengthBytes;
  if (prefix.length < fieldEnd) {
    throw new ValueError(
      `EOF: reading array header length, expected ${info.lengthBytes} bytes got ${Math.max(0, prefix.length - MAGIC_LEN)}: ` +
        `${subject(source)} is truncated: a version ${versionText(info.version)} .npy header ` +
        `starts with ${fieldEnd} bytes, got ${prefix.length}`,
    );
  }
  const view = new DataView(prefix.buffer, prefix.byteOffset, fieldEnd);
  const textLength = info.lengthBytes === 2 ? view.getUint16(MAGIC_LEN, true) : view.getUint32(MAGIC_LEN, true);
  // UTF-8 spends up to 4 bytes on one character; latin-1 exactly one.
  const maxBytes = info.encoding === 'utf8' ? 4 * maxHeaderSize : maxHeaderSize;
  if (textLength > maxBytes) {
    throw tooLarge(source, textLength, info.encoding === 'utf8' ? 'bytes' : 'characters', maxHeaderSize);
  }
  return fieldEnd + textLength;
}

/**
 * Parses the header at the start of `bytes`.
 *
 * Pass at least the first `MAGIC_LEN + 4 + HEADER_LEN` bytes (exactly:
 * {@link headerLength}); more is fine, only the header is read. Throws a
 * {@link ValueError} naming `source` for: a bad magic string, an unsupported
 * version, too few bytes (with how many were expected), a header over
 * `options.maxHeaderSize` characters, text that is not a Python literal or
 * not a dict, missing or extra keys, a descr that is neither a str nor a
 * list of fields, an object dtype anywhere in the descr, a shape that is not
 * a tuple of non-negative ints up to 2**53 - 1, and a fortran_order that is
 * not a bool.
 * @param bytes the start of the file
 * @param source the file's path, quoted in every error message
 */
export function parseHeader(bytes: Uint8Array, source?: string, options: HeaderOptions = {}): NpyHeader {
  const maxHeaderSize = checkMaxHeaderSize(options.maxHeaderSize);
  const dataOffset = headerLength(bytes, source, options);
  const info = readVersion(bytes, source);
  const fieldEnd = MAGIC_LEN + info.lengthBytes;
  if (bytes.length < dataOffset) {
    // NumPy's wording first (np.load says the same), then ours.
    throw new ValueError(
      `EOF: reading array header, expected ${dataOffset - fieldEnd} bytes got ${Math.max(0, bytes.length - fieldEnd)}: ` +
        `${subject(source)} is truncated: its .npy header needs ${dataOffset} bytes, got ${bytes.length}`,
    );
  }
  const text = decode(bytes.subarray(fieldEnd, dataOffset), info, source);

  // Python's len() counts code points; so does the cap.
  let chars = 0;
  for (const _ of text) chars++;
  if (chars > maxHeaderSize) throw tooLarge(source, chars, 'characters', maxHeaderSize);

  let dict: PyValue;
  try {
    // Python 2 wrote longs as `3L`; NumPy still reads that in 1.0 and 2.0 files.
    dict = parsePyLiteral(text, { allowLongSuffix: info.version[0] < 3 });
  } catch (e) {
    if (!(e instanceof PyLiteralError)) throw e;
    throw invalid(source, `cannot parse header (${e.message}): ${quoteText(text)}`);
  }
  if (dict.kind !== 'dict') throw invalid(source, `header is not a dict: ${quoteValue(dict)}`);

  const values = headerEntries(dict, source);
  return {
    version: [info.version[0], info.version[1]],
    descr: readDescr(values.get('descr')!, source),
    fortranOrder: readFortranOrder(values.get('fortran_order')!, source),
    shape: readShape(values.get('shape')!, source),
    dataOffset,
  };
}

/**
 * A `.npy` format version to write, NumPy's `version=(major, minor)` as
 * `[major, minor]`: 1.0 (2-byte header length, latin-1), 2.0 (4-byte
 * length, latin-1) or 3.0 (4-byte length, UTF-8).
 */
export type NpyVersion = readonly [1, 0] | readonly [2, 0] | readonly [3, 0];

/**
 * Builds a complete `.npy` header: magic + version + header dict + padding +
 * `'\n'`, so that the data starts at a multiple of {@link ARRAY_ALIGN}.
 * Byte-for-byte what NumPy's `np.save` writes for the same descr, order and
 * shape: the dict as NumPy's `repr` (`"{'descr': '<i4', 'fortran_order':
 * False, 'shape': (3,), }"`, descr lists as lists of tuples), followed by
 * room for the growth axis to reach {@link GROWTH_AXIS_MAX_DIGITS} digits.
 * Without `version`, 1.0 unless the header needs more than 65535 bytes (2.0)
 * or a name is not latin-1 (3.0); with one, that version (NumPy's
 * `format.write_array(..., version=)`).
 *
 * Throws `TypeError` for a value of the wrong kind, `RangeError` for a shape
 * entry that is negative or above 2**53 - 1, and {@link ValueError} for an
 * object dtype (which cannot be memory-mapped), a version other than
 * `[1, 0]`, `[2, 0]` and `[3, 0]`, a header too long for version 1.0 or a
 * name that is not latin-1 for 1.0 and 2.0.
 */
export function formatHeader(h: { descr: Descr; fortranOrder: boolean; shape: readonly number[]; version?: NpyVersion | null }): Uint8Array {
  if (h === null || typeof h !== 'object') throw new TypeError(`formatHeader() takes a header { descr, fortranOrder, shape }, got ${describeValue(h)}`);
  if (typeof h.fortranOrder !== 'boolean') {
    throw new TypeError(`fortranOrder must be a boolean, got ${String(h.fortranOrder)}`);
  }
  checkShapeArg(h.shape, 'shape');
  const forced = writeVersion(h.version);
  let text =
    `{'descr': ${descrRepr(h.descr, 0)}, ` +
    `'fortran_order': ${h.fortranOrder ? 'True' : 'False'}, ` +
    `'shape': ${tupleRepr(h.shape)}, }`;
  if (h.shape.length > 0) {
    const growthAxis = h.shape[h.fortranOrder ? h.shape.length - 1 : 0]!;
    text += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(growthAxis).length));
  }

  const latin1 = !/[^\x00-\xff]/.test(text);
  if (forced !== undefined) {
    if (forced.encoding === 'latin1' && !latin1) {
      const c = /[^\x00-\xff]/.exec(text)![0];
      throw new ValueError(`cannot write a version ${versionText(forced.version)} .npy header: its text is latin-1, and ${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in a field name is not; use version [3, 0] (UTF-8)`);
    }
    const encoded = forced.encoding === 'latin1' ? encodeLatin1(text) : new TextEncoder().encode(text);
    const wrapped = wrapHeader(encoded, forced);
    // NumPy's message ("Header length 70001 too big for version=(1, 0)").
    if (!wrapped) throw new ValueError(`Header length ${encoded.length + 1} too big for version=(${forced.version.join(', ')}): a version 1.0 header holds at most 65535 bytes; use version [2, 0]`);
    return wrapped;
  }
  const encoded = latin1 ? encodeLatin1(text) : new TextEncoder().encode(text);
  for (const info of VERSIONS) {
    if ((info.encoding === 'latin1') !== latin1) continue;
    const wrapped = wrapHeader(encoded, info);
    if (wrapped) return wrapped;
  }
  throw new RangeError(`header of ${encoded.length} bytes is too large for any .npy format version`);
}

/** The layout of a version asked for by a writer; undefined for none (the oldest that holds the header). */
function writeVersion(v: unknown): VersionInfo | undefined {
  if (v === undefined || v === null) return undefined;
  const info = Array.isArray(v) && v.length === 2 ? VERSIONS.find((i) => i.version[0] === v[0] && i.version[1] === v[1]) : undefined;
  if (info === undefined) {
    const shown = Array.isArray(v) ? `[${v.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(', ')}]` : describeValue(v);
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not ${shown}; pass version as [1, 0], [2, 0] or [3, 0]`);
  }
  return info;
}

// ---------------------------------------------------------------------------
// Writing

/** Magic, version, length, text, space padding and '\n'; undefined when the length does not fit. */
function wrapHeader(text: Uint8Array, info: VersionInfo): Uint8Array | undefined {
  const prefixLen = MAGIC_LEN + info.lengthBytes;
  const unpadded = text.length + 1; // + '\n'
  // Always at least one space: NumPy pads by a full ARRAY_ALIGN rather than zero.
  const padLen = ARRAY_ALIGN - ((prefixLen + unpadded) % ARRAY_ALIGN);
  const headerLen = unpadded + padLen;
  if (headerLen > (info.lengthBytes === 2 ? 0xffff : 0xffffffff)) return undefined;

  const out = new Uint8Array(prefixLen + headerLen);
  out.set(MAGIC_PREFIX, 0);
  out[MAGIC_PREFIX.length] = info.version[0];
  out[MAGIC_PREFIX.length + 1] = info.version[1];
  const view = new DataView(out.buffer);
  if (info.lengthBytes === 2) view.setUint16(MAGIC_LEN, headerLen, true);
  else view.setUint32(MAGIC_LEN, headerLen, true);
  out.set(text, prefixLen);
  out.fill(0x20, prefixLen + text.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

function encodeLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function tupleRepr(items: readonly number[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Python's repr of a descr as `dtype.descr` holds it: a str, or a list of tuples. */
function descrRepr(descr: Descr, depth: number): string {
  if (typeof descr === 'string') {
    checkNotObject(descr, () => pyStrRepr(descr), undefined);
    return pyStrRepr(descr);
  }
  if (!Array.isArray(descr)) throw new TypeError(`descr must be a string or an array of fields, got ${String(descr)}`);
  if (depth > 64) throw new RangeError('descr nests deeper than 64 levels');
  if (isDescrSubarray(descr)) {
    checkShapeArg(descr[1], 'shape of a subarray descr');
    return `(${descrRepr(descr[0], depth + 1)}, ${tupleRepr(descr[1])})`;
  }
  const fields = descr.map((field, i) => {
    if (!Array.isArray(field) || (field.length !== 2 && field.length !== 3) || typeof field[0] !== 'string') {
      throw new TypeError(`descr field ${i} must be [name, descr] or [name, descr, shape], got ${JSON.stringify(field)}`);
    }
    const parts = [pyStrRepr(field[0]), descrRepr(field[1], depth + 1)];
    if (field.length === 3) {
      checkShapeArg(field[2], `shape of descr field ${pyStrRepr(field[0])}`);
      parts.push(tupleRepr(field[2]));
    }
    return `(${parts.join(', ')})`;
  });
  return `[${fields.join(', ')}]`;
}

function checkShapeArg(shape: unknown, what: string): asserts shape is readonly number[] {
  if (!Array.isArray(shape)) throw new TypeError(`${what} must be an array of integers, got ${String(shape)}`);
  for (const n of shape as unknown[]) {
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw new TypeError(`${what} must hold integers, got ${JSON.stringify(shape)}`);
    }
    if (n < 0 || n > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`${what} must hold integers in [0, 2**53 - 1], got ${JSON.stringify(shape)}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Reading

/** `'path'` for messages, or a generic noun when no path was given. */
function subject(source: string | undefined): string {
  return source === undefined ? 'the data' : typeof source === 'string' ? quoteInput(source) : describeValue(source);
}

function invalid(source: string | undefined, detail: string): ValueError {
  return new ValueError(`invalid .npy header in ${subject(source)}: ${detail}`);
}

function tooLarge(source: string | undefined, size: number, unit: string, max: number): ValueError {
  return new ValueError(
    `Header info length (${size}) is large and may not be safe to load securely: ` +
      `the .npy header in ${subject(source)} is ${size} ${unit}, over the maxHeaderSize of ${max} ` +
      `characters; it may not be safe to read. Raise maxHeaderSize only for a file you trust.`,
  );
}

function checkMaxHeaderSize(max: number | undefined): number {
  if (max === undefined) return MAX_HEADER_SIZE;
  if (!Number.isSafeInteger(max) || max < 0) {
    throw new RangeError(`maxHeaderSize must be a non-negative integer, got ${String(max)}`);
  }
  return max;
}

function versionText(v: readonly [number, number]): string {
  return `${v[0]}.${v[1]}`;
}

/** Checks the magic string and returns the version's layout. */
function readVersion(bytes: Uint8Array, source: string | undefined): VersionInfo {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`the header of ${subject(source)} must be bytes (a Uint8Array or Buffer), got ${describeValue(bytes)}`);
  const head = bytes.subarray(0, MAGIC_PREFIX.length);
  if (!head.every((b, i) => b === MAGIC_PREFIX[i])) {
    throw new ValueError(
      `${subject(source)} is not a .npy file: magic string ${bytesRepr(head)} ` +
        `does not match ${bytesRepr(MAGIC_PREFIX)}`,
    );
  }
  if (bytes.length < MAGIC_LEN) {
    throw new ValueError(
      `EOF: reading magic string, expected ${MAGIC_LEN} bytes got ${bytes.length}: ` +
        `${subject(source)} is truncated: a .npy file starts with ${MAGIC_LEN} bytes ` +
        `(magic string and version), got ${bytes.length}`,
    );
  }
  const major = bytes[MAGIC_PREFIX.length]!;
  const minor = bytes[MAGIC_PREFIX.length + 1]!;
  const info = VERSIONS.find((v) => v.version[0] === major && v.version[1] === minor);
  if (!info) {
    throw new ValueError(
      `${subject(source)} uses .npy format version (${major}, ${minor}); ` +
        `supported versions are ${VERSIONS.map((v) => `(${v.version.join(', ')})`).join(', ')}`,
    );
  }
  return info;
}

function decode(raw: Uint8Array, info: VersionInfo, source: string | undefined): string {
  if (info.encoding === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
    } catch {
      throw invalid(source, `a version ${versionText(info.version)} header must be UTF-8, and this one is not`);
    }
  }
  // Not TextDecoder('latin1'): the Encoding Standard maps that label to windows-1252.
  let s = '';
  for (let i = 0; i < raw.length; i += 8192) {
    s += String.fromCharCode(...raw.subarray(i, i + 8192));
  }
  return s;
}

const QUOTE_LIMIT = 200;

/** A header text quoted as Python would, cut short when long. */
function quoteText(text: string): string {
  const r = pyStrRepr(text.length > QUOTE_LIMIT ? text.slice(0, QUOTE_LIMIT) : text);
  return text.length > QUOTE_LIMIT ? `${r}... (${text.length} characters)` : r;
}

/** A value quoted in Python syntax, cut short when long. */
function quoteValue(v: PyValue): string {
  const r = pyRepr(v);
  return r.length > QUOTE_LIMIT ? `${r.slice(0, QUOTE_LIMIT)}... (${r.length} characters)` : r;
}

/** The three values by key, once the keys are exactly {@link EXPECTED_KEYS}. */
function headerEntries(dict: Extract<PyValue, { kind: 'dict' }>, source: string | undefined): Map<string, PyValue> {
  const values = new Map<string, PyValue>();
  const keys = dict.entries.map(([k]) => k);
  const keyList = `[${keys.map(quoteValue).join(', ')}]`;
  for (const [k, v] of dict.entries) {
    if (k.kind === 'str' && values.has(k.value)) {
      throw invalid(source, `key ${pyStrRepr(k.value)} appears more than once in ${keyList}`);
    }
    if (k.kind === 'str') values.set(k.value, v);
  }
  const missing = EXPECTED_KEYS.filter((k) => !values.has(k));
  const extra = keys.filter((k) => k.kind !== 'str' || !EXPECTED_KEYS.includes(k.value));
  if (missing.length > 0 || extra.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`missing ${missing.map(pyStrRepr).join(', ')}`] : []),
      ...(extra.length > 0 ? [`unexpected ${extra.map(quoteValue).join(', ')}`] : []),
    ];
    throw invalid(
      source,
      `header keys must be exactly ${EXPECTED_KEYS.map(pyStrRepr).join(', ')}; ` +
        `got ${keyList} (${problems.join('; ')})`,
    );
  }
  return values;
}

function readFortranOrder(v: PyValue, source: string | undefined): boolean {
  if (v.kind !== 'bool') throw invalid(source, `fortran_order is not a bool: ${quoteValue(v)}`);
  return v.value;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A tuple of non-negative ints up to 2**53 - 1, as numbers; `what` names it in errors. */
function readIntTuple(v: PyValue, what: string, source: string | undefined): number[] {
  if (v.kind !== 'tuple' || !v.items.every((x) => x.kind === 'int' && x.value >= 0n)) {
    throw invalid(source, `${what} is not a tuple of non-negative ints: ${quoteValue(v)}`);
  }
  return v.items.map((x) => {
    const n = (x as Extract<PyValue, { kind: 'int' }>).value;
    if (n > MAX_SAFE) {
      throw invalid(
        source,
        `${what} ${quoteValue(v)} has a dimension ${n} above 2**53 - 1 = ${Number.MAX_SAFE_INTEGER}, ` +
          `the largest size this library can address`,
      );
    }
    return Number(n);
  });
}

function readShape(v: PyValue, source: string | undefined): number[] {
  const shape = readIntTuple(v, 'shape', source);
  // The checks memmap() applies to a shape: at most 64 axes, at most 2^53 elements.
  try {
    return checkShape(shape);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    throw invalid(source, e.message);
  }
}

const OBJECT_TYPESTR = /^[<>|=!]?O/;

function checkNotObject(typestr: string, quoteDescr: () => string, source: string | undefined): void {
  if (OBJECT_TYPESTR.test(typestr)) {
    throw new ValueError(
      `${source === undefined ? '' : `${subject(source)}: `}descr ${quoteDescr()} holds the object dtype ` +
        `${pyStrRepr(typestr)}; object arrays hold pickled Python objects and cannot be memory-mapped`,
    );
  }
}

/** Converts and checks the descr; errors quote the whole descr, as NumPy's do. */
function readDescr(descr: PyValue, source: string | undefined): Descr {
  const quote = (): string => quoteValue(descr);
  const bad = (detail: string): ValueError =>
    invalid(source, `descr is not a valid dtype descriptor (${detail}): ${quote()}`);

  let depth = 0;
  const walk = (v: PyValue, inField = false): Descr => {
    if (v.kind === 'str') {
      checkNotObject(v.value, quote, source);
      return v.value;
    }
    if (inField && v.kind === 'tuple' && v.items.length === 2) {
      // (descr, shape) as a field's type: a subarray whose base is a subarray
      // or a record (NumPy's descr_to_dtype takes it). At the top level it
      // would be an array dtype NumPy cannot load, so it stays refused.
      const [baseValue, shapeValue] = v.items as [PyValue, PyValue];
      const tuple: PyValue = shapeValue.kind === 'int' ? { kind: 'tuple', items: [shapeValue] } : shapeValue;
      if (++depth > 64) throw bad('it nests deeper than 64 levels');
      const base = walk(baseValue, true);
      depth--;
      return [base, readIntTuple(tuple, 'shape of a subarray type', source)];
    }
    if (v.kind !== 'list') throw bad(`expected a str or a list of fields, got ${quoteValue(v)}`);
    return v.items.map((field): DescrField => {
      // NumPy accepts any 2- or 3-item sequence here; repr writes tuples.
      if ((field.kind !== 'tuple' && field.kind !== 'list') || (field.items.length !== 2 && field.items.length !== 3)) {
        throw bad(`a field must be (name, descr) or (name, descr, shape), got ${quoteValue(field)}`);
      }
      const [nameValue, typeValue, shapeValue] = field.items as [PyValue, PyValue, PyValue | undefined];
      const name = fieldName(nameValue);
      if (name === undefined) throw bad(`a field name must be a str or a (title, name) pair, got ${quoteValue(nameValue)}`);
      const type = walk(typeValue, true);
      if (shapeValue === undefined) return [name, type];
      // dtype((t, 3)) means shape (3,); NumPy's repr always writes the tuple.
      const tuple: PyValue = shapeValue.kind === 'int' ? { kind: 'tuple', items: [shapeValue] } : shapeValue;
      const shape = readIntTuple(tuple, `shape of field ${pyStrRepr(name)}`, source);
      return [name, type, shape];
    });
  };
  return walk(descr);
}

function fieldName(v: PyValue): string | undefined {
  if (v.kind === 'str') return v.value;
  if (v.kind === 'tuple' && v.items.length === 2 && v.items[1]!.kind === 'str') return v.items[1]!.value;
  return undefined;
}

/** NumPy's `dtype_to_descr`: the descr list for records, the dtype string otherwise (npy.ts, async.ts). */
export function descrOf(dt: DType): Descr {
  return dt.isStructured ? dt.descr : dt.str;
}
