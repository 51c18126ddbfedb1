/**
 * Text files of numbers, as NumPy's `loadtxt` and `savetxt`: one row per
 * line, columns split by a delimiter, `#` comments.
 *
 * Both stream: a file is read (and written) a 1 MiB piece at a time, never
 * held as one string (V8's longest string is about 512 MiB, and a list of
 * every line would run the heap out long before). `loadtxt` reads the file
 * twice, once to count the rows and check the columns, once to parse into
 * the new array; the file must be a regular one (a FIFO cannot be read
 * twice, and would block).
 *
 * loadtxt, as NumPy's (its C reader, NumPy >= 1.23): `skiprows` lines are
 * dropped first, whatever they hold; then each comment (`comments`, `'#'`
 * by default; several or multi-character ones allowed; `null` for none)
 * ends its line; a line left empty (or blank, with the default whitespace
 * delimiter) is no row and does not count toward `max_rows`. `delimiter`
 * null (default) splits on runs of whitespace; otherwise on that one
 * character. Every row must have the first row's number of columns unless
 * `usecols` picks some (negative positions count from the end). A float
 * field is Python's float syntax (`1`, `-2.5e3`, `inf`, `nan`), an integer
 * field an integer (`1.0` is refused, as NumPy 2's), a bool field an
 * integer (nonzero true), a complex field `1+2j`, `(1-2j)`, `3j` or `1`.
 * Leading and trailing whitespace around a number is ignored. A bytes
 * field (`'S5'`) is the field's text as it is (whitespace kept), latin1
 * (a character past U+00FF is refused), cut to the width; `'S'` takes the
 * longest value's width. (`'U'` dtypes do not exist in mmarray: the dtype is
 * refused.) A structured dtype takes one column per field (a subarray field
 * as many as its size; a nested record its own fields, in NumPy's order)
 * and gives a 1-d array of records.
 *
 * `quotechar` (none by default): a field that starts with it (after the
 * whitespace between fields, with the whitespace delimiter) runs to the
 * next one; a doubled one inside is one quote; delimiters, the comment
 * character and line ends inside are text (the record then spans lines, and
 * is named by its first line). Text after the closing quote continues the
 * field; a quote elsewhere is text. With a quotechar, comments must be one
 * single character (NumPy's rule).
 *
 * `converters`: one function for every column, or an object (or Map) of them
 * by column, NumPy 2's: each gets the field's text as split (quotes removed,
 * whitespace kept) and returns the value. Without `usecols` a key is a
 * column of the file (negative from the end; past the row a ValueError);
 * with `usecols` a key matches an entry of `usecols` as written (`-1` only
 * `-1`), and one matching none is ignored. The value is stored as NumPy
 * stores the Python object: a float column takes a number, bigint, boolean,
 * numeric text or null (NaN); an integer column a finite number (truncated,
 * as `int()`), a bigint, a boolean or integer text, in range; a bool column
 * the value's truth; a complex one `{re, im}`, a number or complex text; a
 * bytes one a string, a Uint8Array, or a number's or boolean's Python text
 * (an integral number as `7`: JS does not tell `7.0` from `7`). A converter
 * that throws, or a value that does not fit, is NumPy's `could not convert
 * string ...` ValueError (the thrown error its `cause`).
 *
 * The result is 2-d (rows, columns) squeezed as NumPy's `ndmin` rule says
 * (0: length-1 axes dropped; 1: at least 1-d; 2: at least 2-d, a single row
 * or column kept as a row or column). `unpack` gives the columns (NumPy's
 * `arr.T`; a list of arrays here, one per column or field).
 *
 * Every failure is a ValueError naming the file and the line (1-based, as
 * an editor counts), after NumPy's message: `could not convert string
 * 'x' to float64 at row 0, column 2`, `the number of columns changed from
 * 3 to 2 at row 4`.
 *
 * savetxt, as NumPy's: a 1-d array is one column (a structured one, one
 * row per record, one column per field), a 2-d array its rows; `fmt` is one
 * `%` conversion for every column, a list of one per column, or a whole
 * row's format (Python's printf-style conversions, lib/py-format.ts), complex
 * values `(re+imj)`; `header` and `footer` lines start with `comments`.
 * `%s` writes NumPy's `str()` of the value's scalar (a float32 `0.1`, an
 * integer `7`, bytes `b'ab'`), `%r` its `repr()` (`np.float32(0.1)`).
 * The file is written under a temporary name and renamed over `path`
 * (npy/write-file.ts): a failure leaves the old file as it was.
 * @module
 */
import * as fs from 'fs';
import { inspect } from 'util';
import { StringDecoder } from 'string_decoder';

import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { pyRepr } from './dtype/dtype';
import { ValueError, describeValue, listItems, repr } from './errors';
import { allocate, requireOpen, NdArray as ArrayClass } from './internal';
import { positionalOptions, readKnownOptions } from './options';
import { checkPath, openRegularFile } from './paths';
import { replaceFile, writeAll } from './npy/write-file';
import { asarray } from './array-coerce';
import { checkFormatLength, conversionCount, formatPieces, parseFormat, type FormatPieces } from './py-format';
import { FLOAT_TEXT, INT_TEXT, floatOfText } from './number-text';
import { pyStrRepr } from './npy/pylit';
import { pyFloatText, scalarRepr, scalarStr } from './repr';

/** Options of {@link loadtxt}, NumPy's keywords. */
export interface LoadtxtOptions {
  /** The result's dtype (default `'f8'`); a structured dtype takes one column per field. */
  dtype?: DTypeLike;
  /** What starts a comment: a string, a list of them, or null for none (default `'#'`). */
  comments?: string | readonly string[] | null;
  /** The column separator, one character; null (default) splits on whitespace. */
  delimiter?: string | null;
  /** Lines to skip at the start, whatever they hold (default 0). */
  skiprows?: number;
  /** The columns to read (an index or a list; negative from the end). */
  usecols?: number | readonly number[] | null;
  /** Return the columns (or a structured result's fields) as a list of arrays. */
  unpack?: boolean;
  /** The least number of axes of the result: 0 (default), 1 or 2. */
  ndmin?: 0 | 1 | 2;
  /** The file's text encoding: `'utf-8'` (default) or `'latin1'`. */
  encoding?: string | null;
  /** The most rows to read (lines of data; blank and comment lines do not count). */
  max_rows?: number | null;
  /** Same as `max_rows` (camelCase). */
  maxRows?: number | null;
  /**
   * Functions from a field's text (a string, as NumPy 2's: the field as split,
   * quotes removed, whitespace kept) to its value: one for every column, or an
   * object (or Map) of them by column (NumPy's keys: see the module notes). The
   * value is stored as NumPy stores the Python object: see the module notes.
   */
  converters?: Converter | Record<number, Converter> | ReadonlyMap<number, Converter> | null;
  /** The quote character (default none): a field that starts with it runs to the next one, delimiters, comments and line ends inside it; a doubled one is one quote. */
  quotechar?: string | null;
}

/** Options of {@link savetxt}, NumPy's keywords. */
export interface SavetxtOptions {
  /** One conversion for every column (default `'%.18e'`), one per column, or a whole row's format. */
  fmt?: string | readonly string[];
  /** Between columns (default `' '`). */
  delimiter?: string;
  /** After each line (default `'\n'`). */
  newline?: string;
  /** Text written first, each of its lines after `comments`. */
  header?: string;
  /** Text written last, each of its lines after `comments`. */
  footer?: string;
  /** What starts the header and footer lines (default `'# '`). */
  comments?: string;
  /** The file's text encoding: `'utf-8'` (default) or `'latin1'`. */
  encoding?: string | null;
}

// ------------------------------------------------------------------ lines

const CHUNK = 1 << 20;
/** The longest line read: longer is refused with its line number rather than gathered into one string. */
const MAX_LINE = 1 << 26;

type TextEncoding = 'utf8' | 'latin1';

function encodingOf(e: string | null | undefined, fn: string): TextEncoding {
  if (e === null || e === undefined) return 'utf8';
  const k = String(e).toLowerCase().replace(/[-_]/g, '');
  if (k === 'utf8') return 'utf8';
  if (k === 'latin1' || k === 'iso88591' || k === 'bytes') return 'latin1';
  throw new ValueError(`${fn}(): encoding ${repr(e)} is not supported; use 'utf-8' or 'latin1'`);
}

/** The lines of the file `fd` (without their ends: `\n`, `\r\n` or `\r`, as Python's text mode reads them), a piece at a time. */
function* linesOf(fd: number, enc: TextEncoding, path: string, end: { unterminated: boolean } = { unterminated: false }): Generator<string> {
  const buf = Buffer.alloc(CHUNK);
  const dec = new StringDecoder(enc);
  let carry = '';
  let lineNo = 0;
  for (let pos = 0; ; ) {
    const got = fs.readSync(fd, buf, 0, CHUNK, pos);
    if (got === 0) break;
    pos += got;
    const text = carry + dec.write(buf.subarray(0, got));
    let start = 0;
    // Without a '\r' in the piece, lines end at each '\n': V8's indexOf finds them (a third of a
    // 300k-line read was this scan char by char).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
        yield text.slice(start, i);
        lineNo += 1;
        start = i + 1;
      }
    }
    for (;;) {
      let i = start;
      const n = text.length;
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      // A '\r' at the end of the piece may be half of '\r\n': it waits for the next piece.
      if (i >= n - (text.charCodeAt(n - 1) === 13 ? 1 : 0)) break;
      yield text.slice(start, i);
      lineNo += 1;
      start = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE) throw new ValueError(`loadtxt(): line ${lineNo + 1} of '${path}' is longer than ${MAX_LINE} characters`);
  }
  carry += dec.end();
  if (carry.endsWith('\r')) carry = carry.slice(0, -1);
  else if (carry !== '') end.unterminated = true;
  if (carry !== '') yield carry;
}

// ------------------------------------------------------------------ fields

const REAL = '[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan)';
const COMPLEX_TEXT = new RegExp(`^(?:(${REAL})(?:([+-](?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf(?:inity)?|nan))j)?|(${REAL})j)$`, 'i');

/** One parsed value, as its staging array takes it: a float or bool, an integer, a complex pair, or bytes. */
type Value = number | bigint | [number, number] | Uint8Array;

/** How one column's text becomes a value in its staging array; null when it does not parse. */
type Parse = (t: string) => Value | null;

/** A field's text as bytes (`S` dtypes: NumPy encodes it as latin1); null when a character is past U+00FF. */
function latin1Bytes(t: string): Uint8Array | null {
  const b = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 0xff) return null;
    b[i] = c;
  }
  return b;
}

/** The integers an `i`/`u` dtype holds (bool: any int64, nonzero true). */
function intRange(dt: DType): [bigint, bigint] {
  const k = dt.kind;
  const bits = k === 'b' ? 64 : dt.itemsize * 8;
  const lo = k === 'i' ? -(1n << BigInt(bits - 1)) : k === 'b' ? -(1n << 63n) : 0n;
  const hi = k === 'i' || k === 'b' ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return [lo, hi];
}

/** How the text of a field of `dt` parses: numbers trimmed of whitespace around them; bytes as they are. */
function parserFor(dt: DType): Parse {
  const k = dt.kind;
  if (k === 'f') {
    return (text) => {
      const t = text.trim();
      return FLOAT_TEXT.test(t) ? floatOfText(t) : null;
    };
  }
  if (k === 'S') return latin1Bytes;
  if (k === 'c') {
    return (text) => {
      const t = text.trim();
      if (t.includes('J')) return null;
      // '+-' before the imaginary part is a minus (old savetxt output, gh-7895).
      const s = (t.startsWith('(') && t.endsWith(')') ? t.slice(1, -1).trim() : t).replace('+-', '-');
      const m = COMPLEX_TEXT.exec(s);
      if (m === null) return null;
      if (m[3] !== undefined) return [0, floatOfText(m[3])];
      return [floatOfText(m[1]), m[2] === undefined ? 0 : floatOfText(m[2])];
    };
  }
  if (k === 'i' || k === 'u' || k === 'b') {
    const [lo, hi] = intRange(dt);
    return (text) => {
      const t = text.trim();
      if (!INT_TEXT.test(t)) return null;
      const v = BigInt(t);
      if (v < lo || v > hi) return null;
      return k === 'b' ? (v !== 0n ? 1 : 0) : v;
    };
  }
  throw new TypeError(`loadtxt(): dtype ${dt.str} is not supported (numbers, bool, complex, bytes (S) and records of them are)`);
}

/**
 * What a converter's result becomes in a column of `dt`, as NumPy stores the
 * Python object a converter returns: a float takes a number, bigint, boolean,
 * numeric text or null (NaN); an integer a whole part of a finite number
 * (truncated, as `int()`), a bigint or integer text, in range; a bool the
 * value's truth; a complex `{re, im}`, a number or complex text; bytes a
 * string (latin1), a Uint8Array, or a number's or boolean's Python text.
 * Null when the value does not fit.
 */
function coercerFor(dt: DType): (v: unknown) => Value | null {
  const k = dt.kind;
  const parse = parserFor(dt);
  if (k === 'f') {
    return (v) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? +v : v === null || v === undefined ? NaN : typeof v === 'string' ? parse(v) : null);
  }
  if (k === 'b') return (v) => (typeof v === 'number' ? +(v !== 0) : typeof v === 'bigint' ? +(v !== 0n) : +Boolean(v));
  if (k === 'i' || k === 'u') {
    const [lo, hi] = intRange(dt);
    return (v) => {
      let n: bigint;
      if (typeof v === 'string') return parse(v);
      if (typeof v === 'boolean') n = v ? 1n : 0n;
      else if (typeof v === 'bigint') n = v;
      else if (typeof v === 'number' && Number.isFinite(v)) n = BigInt(Math.trunc(v));
      else return null;
      return n < lo || n > hi ? null : n;
    };
  }
  if (k === 'c') {
    return (v) => {
      if (typeof v === 'number') return [v, 0];
      if (typeof v === 'boolean') return [+v, 0];
      if (typeof v === 'string') return parse(v);
      if (v !== null && typeof v === 'object' && typeof (v as { re?: unknown }).re === 'number' && typeof (v as { im?: unknown }).im === 'number') return [(v as { re: number }).re, (v as { im: number }).im];
      return null;
    };
  }
  // 'S'
  return (v) => {
    if (typeof v === 'string') return latin1Bytes(v);
    if (v instanceof Uint8Array) return v;
    if (typeof v === 'number') return latin1Bytes(Number.isInteger(v) ? String(v) : pyFloatText(v));
    if (typeof v === 'bigint') return latin1Bytes(String(v));
    if (typeof v === 'boolean') return latin1Bytes(v ? 'True' : 'False');
    return null;
  };
}

/** Where one column of the file goes: how its text parses, its dtype, and where its value is put. */
interface Column {
  parse: Parse;
  coerce: (v: unknown) => Value | null;
  dt: DType;
  put: (row: number, v: Value) => void;
}

/** A staging array of `rows x per` values for `dt` (native and wide: f8, i8, u8, f8 pairs for complex, u1 runs for bytes) and its finishing cast; `result` null for a zero-width bytes field. */
function stagingFor(dt: DType, rows: number, per: number): { put: (i: number, v: Value) => void; result: () => NdArray | null } {
  const k = dt.kind;
  if (k === 'c') {
    const arr = allocate(toDType('<f8'), [rows, per * 2]);
    const t = arr.typedArray() as Float64Array;
    return {
      put: (i, v) => {
        const [re, im] = v as [number, number];
        t[2 * i] = re;
        t[2 * i + 1] = im;
      },
      result: () => arr.view(toDType('<c16')).astype(dt),
    };
  }
  if (k === 'S') return bytesStaging(dt.itemsize, rows, per);
  const wide = k === 'f' || k === 'b' ? '<f8' : k === 'u' ? '<u8' : '<i8';
  const arr = allocate(toDType(wide), [rows, per]);
  const t = arr.typedArray() as Float64Array | BigInt64Array | BigUint64Array;
  return {
    put: t instanceof Float64Array ? (i, v) => (t[i] = v as number) : (i, v) => ((t as BigInt64Array)[i] = v as bigint),
    result: () => arr.astype(dt),
  };
}

/**
 * Bytes of width `n` (longer text cut, shorter padded with NULs, as NumPy's
 * `S` items); width 0 (`'S'`, NumPy's flexible bytes) is the longest value's
 * (at least 1), so its values wait in a list until the last row is read.
 */
function bytesStaging(n: number, rows: number, per: number): { put: (i: number, v: Value) => void; result: () => NdArray | null } {
  const fill = (width: number): { arr: NdArray; t: Uint8Array } => {
    const arr = allocate(toDType('|u1'), [rows, per * width]);
    return { arr, t: arr.typedArray() as Uint8Array };
  };
  const put = (t: Uint8Array, width: number, i: number, b: Uint8Array): void => t.set(b.length > width ? b.subarray(0, width) : b, i * width);
  if (n > 0) {
    const { arr, t } = fill(n);
    return { put: (i, v) => put(t, n, i, v as Uint8Array), result: () => arr.view(toDType(`|S${n}`)) };
  }
  if (per === 0) return { put: () => undefined, result: () => null };
  const held: Uint8Array[] = new Array<Uint8Array>(rows * per);
  return {
    put: (i, v) => (held[i] = v as Uint8Array),
    result: () => {
      let width = 1;
      for (const b of held) if (b !== undefined && b.length > width) width = b.length;
      const { arr, t } = fill(width);
      held.forEach((b, i) => put(t, width, i, b));
      return arr.view(toDType(`|S${width}`));
    },
  };
}

// ------------------------------------------------------------------ loadtxt

function nonNegInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new TypeError(`${name} must be an integer`);
  if (v < 0) throw new ValueError(`${name} must be nonnegative`);
  return v;
}

/** The reader's settings, checked before the file is opened. */
interface Reader {
  path: string;
  enc: TextEncoding;
  skip: number;
  maxRows: number;
  comments: readonly string[];
  delimiter: string | null;
  /** The quote character (`quotechar`), or null for none. */
  quote: string | null;
}

/** Each data row's fields (after skiprows, comments and blank lines), with its 1-based line number (its first, for a quoted field over several lines). */
function* rowsOf(r: Reader): Generator<[string[], number]> {
  const { fd } = openRegularFile(r.path, 'loadtxt reads regular files only');
  try {
    let line = 0;
    let rows = 0;
    // A record whose quoted field runs past its line, and the line it started on.
    let open: string | null = null;
    let openLine = 0;
    const end = { unterminated: false };
    for (let text of linesOf(fd, r.enc, r.path, end)) {
      line += 1;
      if (line <= r.skip) continue;
      // A line with no quote character (and no quoted field open) splits as without quoting.
      if (r.quote !== null && (open !== null || text.includes(r.quote))) {
        if (open === null) {
          if (rows === r.maxRows) break;
          openLine = line;
        } else {
          text = `${open}\n${text}`;
          if (text.length > MAX_LINE) throw new ValueError(`loadtxt(): the quoted field from line ${openLine} of '${r.path}' is longer than ${MAX_LINE} characters`);
        }
        const fields = quotedFields(text, r.delimiter, r.quote, r.comments[0] ?? null, false);
        open = fields === OPEN ? text : null;
        if (fields === null || fields === OPEN) continue;
        rows += 1;
        yield [fields, openLine];
        continue;
      }
      if (rows === r.maxRows) break;
      for (const c of r.comments) {
        const at = text.indexOf(c);
        if (at >= 0) text = text.slice(0, at);
      }
      let fields: string[];
      if (r.delimiter === null) {
        const t = text.trim();
        if (t === '') continue;
        fields = t.split(/\s+/);
      } else {
        // With a delimiter only an empty line is no row (NumPy's: a blank one is one empty field).
        if (text === '') continue;
        fields = text.split(r.delimiter);
      }
      rows += 1;
      yield [fields, line];
    }
    // A quote still open at the end of the file ends its field there, with the last line's end if it has one (as NumPy's).
    if (open !== null) yield [quotedFields(end.unterminated ? open : `${open}\n`, r.delimiter, r.quote!, r.comments[0] ?? null, true) as string[], openLine];
  } finally {
    fs.closeSync(fd);
  }
}

/** {@link quotedFields}'s answer for a line that ends inside a quoted field. */
const OPEN = Symbol('open quote');

const SPACE = /\s/;

/**
 * The fields of one line with quoting, as NumPy's tokenizer: a field that
 * starts with `quote` (after the whitespace between fields, when `delimiter`
 * is null) is quoted up to the next lone `quote` (a doubled one is one
 * literal quote); inside it, delimiters, the comment character and line
 * ends are text. Text after the closing quote continues the field
 * unquoted, and a quote not at a field's start is text. Null for a line
 * with no row (empty, blank with the whitespace delimiter, or a comment),
 * OPEN when the line ends inside a quoted field (unless `atEnd`).
 */
function quotedFields(text: string, delimiter: string | null, quote: string, comment: string | null, atEnd: boolean): string[] | null | typeof OPEN {
  const n = text.length;
  const ws = delimiter === null;
  let i = 0;
  if (ws) while (i < n && SPACE.test(text[i])) i++;
  if (i === n || text[i] === comment) return null;
  const fields: string[] = [];
  for (;;) {
    let cur = '';
    if (text[i] === quote) {
      i += 1;
      for (;;) {
        if (i >= n) {
          if (!atEnd) return OPEN;
          fields.push(cur);
          return fields;
        }
        const c = text[i];
        if (c === quote) {
          if (text[i + 1] !== quote) {
            i += 1;
            break;
          }
          i += 1;
        }
        cur += c;
        i += 1;
      }
    }
    const from = i;
    while (i < n && text[i] !== comment && (ws ? !SPACE.test(text[i]) : text[i] !== delimiter)) i++;
    fields.push(cur + text.slice(from, i));
    if (ws) while (i < n && SPACE.test(text[i])) i++;
    else if (i < n && text[i] === delimiter) {
      i += 1;
      continue;
    }
    if (i >= n || text[i] === comment) return fields;
  }
}

/**
 * NumPy's check of the parser's control characters (textreading's
 * error_if_matching_control_characters), in its order: the one-character
 * comment against a newline, the quote and the delimiter; the quote against
 * a newline and the delimiter; the delimiter against a newline; and with no
 * delimiter (whitespace), a comment or quote that is whitespace.
 */
function checkControlCharacters(delimiter: string | null, quote: string | null, comment: string | null): void {
  const newline = (c: string): boolean => c === '\n' || c === '\r';
  const fail = (a: string, b: string | null): TypeError =>
    new TypeError(b === null ? `control character '${a}' cannot be a newline (\`\\r\` or \`\\n\`).` : `The values for control characters '${a}' and '${b}' are incompatible`);
  if (comment !== null) {
    if (newline(comment)) throw fail('comment', null);
    if (comment === quote) throw fail('comment', 'quotechar');
    if (comment === delimiter) throw fail('comment', 'delimiter');
  }
  if (quote !== null) {
    if (newline(quote)) throw fail('quotechar', null);
    if (quote === delimiter) throw fail('quotechar', 'delimiter');
  }
  if (delimiter !== null && newline(delimiter)) throw fail('delimiter', null);
  if (delimiter === null) {
    if (comment !== null && /^\s$/u.test(comment)) throw fail('delimiter', 'comment');
    if (quote !== null && /^\s$/u.test(quote)) throw fail('delimiter', 'quotechar');
  }
}

/** A converter: the field's text in, the value out (see {@link LoadtxtOptions.converters}). */
export type Converter = (text: string) => unknown;

/** `converters` checked: one function for every column, or functions by column. */
type Converters = { all: Converter } | { by: [number, Converter][] } | null;

function convertersOf(v: unknown): Converters {
  if (v === undefined || v === null) return null;
  if (typeof v === 'function') return { all: v as Converter };
  const entries: [unknown, unknown][] | null = v instanceof Map ? [...v.entries()] : typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as object) : null;
  if (entries === null) throw new TypeError('converters must be a dictionary mapping columns to converter functions or a single callable.');
  const by: [number, Converter][] = [];
  for (const [k, f] of entries) {
    const key = typeof k === 'number' ? k : typeof k === 'string' && /^-?\d+$/.test(k) ? Number(k) : NaN;
    if (!Number.isSafeInteger(key)) throw new TypeError(`keys of the converters dictionary must be integers; got ${repr(String(k))}`);
    if (typeof f !== 'function') throw new TypeError(`values of the converters dictionary must be callable, but the value associated with key ${key} is not`);
    by.push([key, f as Converter]);
  }
  return { by };
}

/**
 * Each of the `n` result columns' converter, or null, as NumPy's: without
 * `usecols` a dict's key is a column of the file (negative: from the end of
 * a `width`-column row; past the row a ValueError); with `usecols` it is
 * matched to the entries of `usecols` as written (so `-1` matches `-1` only),
 * and a key that matches none is ignored.
 */
function converterColumns(conv: Converters, usecols: readonly number[] | null, width: number, n: number): (Converter | null)[] {
  const out = Array<Converter | null>(n).fill(null);
  if (conv === null) return out;
  if ('all' in conv) return out.fill(conv.all);
  const fileCol = (c: number): number => (c < 0 ? c + width : c);
  for (const [key, f] of conv.by) {
    const c = fileCol(key);
    if (usecols === null) {
      if (c < 0 || c >= width) {
        if (width === 0) continue;
        throw new ValueError(`converter specified for column ${key}, which is invalid for the number of fields ${width}.`);
      }
      if (c < n) out[c] = f;
    } else {
      // NumPy's: the key as written in usecols (-1 is not 2), its first place there; others unused.
      const j = usecols.indexOf(key);
      if (j >= 0 && j < n) out[j] = f;
    }
  }
  return out;
}

/**
 * NumPy's `np.loadtxt(fname, dtype=float, comments='#', delimiter=None,
 * skiprows=0, usecols=None, unpack=False, ndmin=0, encoding=None,
 * max_rows=None)`: a new array of the numbers in the text file `path`
 * (see the module's notes).
 * @example loadtxt('data.csv', { delimiter: ',', skiprows: 1, usecols: [0, 2] })
 * @throws TypeError for a bad option; ValueError naming the file and line for text that does not parse or a row of another length; fs errors naming the file.
 */
export function loadtxt(
  path: string,
  dtype?: DTypeLike | LoadtxtOptions | null,
  comments?: LoadtxtOptions['comments'] | LoadtxtOptions,
  delimiter?: LoadtxtOptions['delimiter'] | LoadtxtOptions,
  converters?: LoadtxtOptions['converters'] | LoadtxtOptions,
  skiprows?: number | LoadtxtOptions | null,
  usecols?: LoadtxtOptions['usecols'] | LoadtxtOptions,
  unpack?: boolean | LoadtxtOptions | null,
  ndmin?: 0 | 1 | 2 | LoadtxtOptions | null,
  encoding?: string | LoadtxtOptions | null,
  maxRows?: number | LoadtxtOptions | null,
  options?: LoadtxtOptions,
): NdArray | NdArray[];
export function loadtxt(path: string, options?: LoadtxtOptions): NdArray | NdArray[];
export function loadtxt(path: string, ...rest: unknown[]): NdArray | NdArray[] {
  // NumPy's positional dtype, comments, …, max_rows (quotechar is keyword-only), or the options.
  // A null comments is NumPy's comments=None (no comment lines), not the default '#'.
  const given = positionalOptions<LoadtxtOptions>('loadtxt', ['dtype', 'comments', 'delimiter', 'converters', 'skiprows', 'usecols', 'unpack', 'ndmin', 'encoding', 'maxRows'], rest, ['comments']);
  const o = readKnownOptions(given, ['dtype', 'comments', 'delimiter', 'converters', 'skiprows', 'usecols', 'unpack', 'ndmin', 'encoding', 'max_rows', 'maxRows', 'quotechar'], 'loadtxt');
  checkPath(path, 'fname');
  // Defaults, then every check, before the file is opened.
  const dt = toDType(o.dtype ?? 'f8');
  // NumPy's order of checks: ndmin, the comments (Python's), the row limits, then the control characters (C's).
  const ndmin = o.ndmin ?? 0;
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${typeof ndmin === 'string' ? ndmin : describeValue(ndmin)}`);
  let comments: string[] = [];
  if (o.comments === undefined) comments = ['#'];
  else if (o.comments !== null) {
    const bad = (): TypeError => new TypeError(`loadtxt(): comments must be a string, a list of strings or null, got ${describeValue(o.comments)}`);
    if (typeof o.comments === 'string') comments = [o.comments];
    else if (Array.isArray(o.comments)) {
      comments = listItems(o.comments as readonly unknown[], 'loadtxt(): comments', (c) => {
        if (typeof c !== 'string') throw bad();
        return c;
      });
    } else throw bad();
    if (comments.includes('')) throw new ValueError('comments cannot be an empty string. Use comments=None to disable comments.');
  }
  const delimiter = o.delimiter ?? null;
  if (comments.length > 1 && comments.includes(delimiter as string)) {
    const tuple = `(${comments.map(pyStrRepr).join(', ')})`;
    throw new TypeError(`Comment characters '${tuple}' cannot include the delimiter '${String(delimiter)}'`);
  }
  const quote = o.quotechar ?? null;
  // One comment of one character is the parser's own; anything else is matched as text, without quotes.
  const comment = comments.length === 1 && [...comments[0]].length === 1 ? comments[0] : null;
  if (quote !== null && comments.length > 0 && comment === null) {
    throw new ValueError('when multiple comments or a multi-character comment is given, quotes are not supported.  In this case quotechar must be set to None.');
  }
  const skip = nonNegInt(o.skiprows ?? 0, 'argument');
  const maxRowsOpt = o.max_rows ?? o.maxRows ?? null;
  const maxRows = maxRowsOpt === null ? -1 : nonNegInt(maxRowsOpt, 'argument');
  for (const c of [delimiter, quote]) {
    if (c !== null && (typeof c !== 'string' || [...c].length !== 1)) {
      throw new TypeError(`Text reading control character must be a single unicode character or None; but got: ${typeof c === 'string' ? pyStrRepr(c) : describeValue(c)}`);
    }
  }
  checkControlCharacters(delimiter as string | null, quote as string | null, comment);
  const converters = convertersOf(o.converters);
  if (!dt.isStructured && dt.shape.length > 0) {
    throw new TypeError('file reader does not support subarray dtypes.  You canput the dtype into a structured one using `np.dtype((\'name\', dtype))` to avoid this limitation.');
  }
  const colOf = (c: unknown): number => {
    if (typeof c !== 'number' || !Number.isSafeInteger(c)) {
      const type = typeof c === 'number' ? 'float' : typeof c === 'string' ? 'str' : typeof c === 'bigint' ? 'int' : c === null || c === undefined ? 'NoneType' : typeof c;
      if (typeof c === 'bigint' && Number.isSafeInteger(Number(c))) return Number(c);
      throw new TypeError(`usecols must be an int or a sequence of ints but it contains at least one element of type '${type}'`);
    }
    return c;
  };
  const usecols = o.usecols === undefined || o.usecols === null ? null : typeof o.usecols === 'number' ? [colOf(o.usecols)] : Array.isArray(o.usecols) ? listItems(o.usecols as readonly unknown[], 'loadtxt(): usecols', colOf) : null;
  if (o.usecols !== undefined && o.usecols !== null && usecols === null) throw new TypeError(`usecols must be an integer or a list of integers, got ${describeValue(o.usecols)}`);
  const unpack = o.unpack ?? false;
  if (typeof unpack !== 'boolean') throw new TypeError(`loadtxt(): unpack must be a boolean, got ${describeValue(unpack)}`);
  const reader: Reader = { path, enc: encodingOf(o.encoding, 'loadtxt'), skip, maxRows, comments, delimiter, quote };

  // The values each row gives the result: per field (nested records walked, subarrays item by item, in
  // NumPy's order), or all of one dtype; `slots` says which leaf and which of its values each column fills.
  const leaves: { dt: DType; path: string[]; shape: number[]; size: number }[] = [];
  const slots: { leaf: number; at: number }[] = [];
  const leafOf = new Map<string, number>();
  const walk = (rec: DType, path: string[], outer: number[], at: number, depth: number): void => {
    if (depth > 32) throw new TypeError('loadtxt(): record dtype nested too deep');
    for (const name of rec.names!) {
      const f = rec.fields![name].dtype;
      const shape = [...outer, ...f.shape];
      const n = f.shape.reduce((p, d) => p * d, 1);
      const p = [...path, name];
      if (f.base.isStructured) {
        for (let i = 0; i < n; i++) walk(f.base, p, shape, at * n + i, depth + 1);
        continue;
      }
      const key = JSON.stringify(p);
      let leaf = leafOf.get(key);
      if (leaf === undefined) {
        leaf = leaves.length;
        leafOf.set(key, leaf);
        leaves.push({ dt: f.base, path: p, shape, size: shape.reduce((q, d) => q * d, 1) });
      }
      for (let i = 0; i < n; i++) slots.push({ leaf, at: at * n + i });
    }
  };
  if (dt.isStructured) walk(dt, [], [], 0, 0);
  else leaves.push({ dt: dt.base, path: [], shape: [...dt.shape], size: dt.shape.reduce((p, d) => p * d, 1) });
  const parsers = leaves.map((l) => parserFor(l.dt));
  const coercers = leaves.map((l) => coercerFor(l.dt));

  // Pass 1: count the rows, fix the columns.
  let rows = 0;
  let width = -1;
  let picked: number[] | null = null;
  for (const [fields, line] of rowsOf(reader)) {
    if (width === -1) {
      width = fields.length;
      picked = usecols === null ? null : usecols.map((c) => c);
    } else if (usecols === null && fields.length !== width) {
      throw new ValueError(`the number of columns changed from ${width} to ${fields.length} at row ${rows + 1}; use \`usecols\` to select a subset and avoid this error (line ${line} of '${path}')`);
    }
    if (usecols !== null) {
      for (const c of usecols) {
        if (c >= fields.length || c < -fields.length) throw new ValueError(`invalid column index ${c} at row ${rows + 1} with ${fields.length} columns (line ${line} of '${path}')`);
      }
    }
    rows += 1;
  }
  // No data: one column (NumPy's (0, 1) before ndmin squeezes it to (0,)).
  const ncols = picked !== null ? picked.length : usecols !== null ? usecols.length : width === -1 ? 1 : width;
  const perRecord = dt.isStructured ? slots.length : leaves[0].size;
  if (dt.isStructured && rows > 0 && ncols !== perRecord) {
    throw new ValueError(`the dtype passed requires ${perRecord} columns but ${ncols} were found at row 1; use \`usecols\` to select a subset and avoid this error (file '${path}')`);
  }

  // Pass 2: parse into staging arrays, one per leaf (a zero-width bytes field of a record takes nothing).
  const plain = !dt.isStructured && dt.shape.length === 0;
  const stages = leaves.map((l) => stagingFor(l.dt, rows, plain ? ncols : l.dt.itemsize === 0 && dt.isStructured ? 0 : l.size));
  const columns: Column[] = [];
  const column = (k: number, put: (row: number, v: Value) => void): Column => ({ parse: parsers[k], coerce: coercers[k], dt: leaves[k].dt, put });
  if (plain) {
    for (let j = 0; j < ncols; j++) columns.push(column(0, (r, v) => stages[0].put(r * ncols + j, v)));
  } else if (dt.isStructured) {
    for (const { leaf, at } of slots) {
      const size = leaves[leaf].size;
      columns.push(column(leaf, leaves[leaf].dt.itemsize === 0 ? () => undefined : (r, v) => stages[leaf].put(r * size + at, v)));
    }
  } else {
    for (let j = 0; j < leaves[0].size; j++) columns.push(column(0, (r, v) => stages[0].put(r * leaves[0].size + j, v)));
  }
  // Each column's converter (by its column in the file; negative keys count from the end of the first row).
  const convs = converterColumns(converters, usecols, width === -1 ? 0 : width, columns.length);
  let row = 0;
  for (const [fields, line] of rowsOf(reader)) {
    if (row === rows) break;
    if (usecols === null && fields.length !== width) {
      throw new ValueError(`the number of columns changed from ${width} to ${fields.length} at row ${row + 1}; use \`usecols\` to select a subset and avoid this error (line ${line} of '${path}'; the file changed while it was read?)`);
    }
    for (let j = 0; j < columns.length; j++) {
      let c = usecols === null ? j : usecols[j];
      if (c < 0) c += fields.length;
      const text = fields[c];
      if (text === undefined) throw new ValueError(`invalid column index ${usecols![j]} at row ${row + 1} with ${fields.length} columns (line ${line} of '${path}')`);
      const conv = convs[j];
      let v: Value | null = null;
      let cause: unknown;
      if (conv === null) v = columns[j].parse(text);
      else {
        try {
          v = columns[j].coerce(conv(text));
        } catch (e) {
          cause = e;
        }
      }
      if (v === null) {
        const err = new ValueError(`could not convert string ${pyRepr(boundQuote(text))} to ${String(columns[j].dt)} at row ${row}, column ${c + 1} (line ${line} of '${path}').`);
        if (cause !== undefined) (err as Error & { cause?: unknown }).cause = cause;
        throw err;
      }
      columns[j].put(row, v);
    }
    row += 1;
  }
  if (row !== rows) throw new ValueError(`loadtxt(): '${path}' held ${row} rows when read again, not ${rows} (the file changed while it was read?)`);

  let arr: NdArray;
  if (plain) {
    arr = stages[0].result()!;
  } else if (dt.isStructured) {
    arr = allocate(dt, [rows]);
    leaves.forEach((l, k) => {
      const vals = stages[k].result();
      if (vals === null) return;
      let into = arr;
      for (const name of l.path) into = into.field(name);
      into.set(vals.reshape([rows, ...l.shape]));
    });
  } else {
    arr = stages[0].result()!.reshape([rows, ...dt.shape]);
  }
  arr = ensureNdmin(arr, ndmin, !plain);
  if (!unpack) return arr;
  // NumPy's `[arr[field] for field in dt.names]`: views of the records.
  if (dt.isStructured) return dt.names!.map((n) => arr.field(n));
  const t = arr.T;
  return t.ndim === 0 ? [t] : Array.from({ length: t.shape[0] }, (_, i) => t.index(i));
}

function boundQuote(s: string): string {
  return s.length > 100 ? `${s.slice(0, 100)}...` : s;
}

/** NumPy's `_ensure_ndmin_ndarray`. A record result is 1-d already; it is squeezed too, as NumPy's. */
function ensureNdmin(a: NdArray, ndmin: number, _records: boolean): NdArray {
  let r = a;
  if (r.ndim > ndmin) r = r.squeeze();
  if (r.ndim < ndmin) {
    if (ndmin === 1) r = r.reshape([r.size]);
    else if (ndmin === 2) r = (r.ndim === 0 ? r.reshape([1, 1]) : r.reshape([1, r.shape[0]])).T;
  }
  return r;
}

// ------------------------------------------------------------------ savetxt

/** Python's `str()` of a dtype: a native number type's name, else its type string (a record: its list of fields). */
function dtypeText(dt: DType): string {
  if (dt.isStructured) return inspect(dt).replace(/^dtype\((.*)\)$/s, '$1');
  return dt.isnative && 'biufc'.includes(dt.kind) ? dt.name : dt.str;
}

/**
 * NumPy's `np.savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n',
 * header='', footer='', comments='# ', encoding=None)`: writes a 1-d or
 * 2-d array to the text file `path` (see the module's notes).
 * @example savetxt('out.csv', a, { fmt: '%.3f', delimiter: ',', header: 'x,y' })
 * @throws ValueError for an array that is not 1-d or 2-d or a fmt with the wrong number of conversions; TypeError for a bad option.
 */
export function savetxt(
  path: string,
  X: unknown,
  fmt?: SavetxtOptions['fmt'] | SavetxtOptions | null,
  delimiter?: string | SavetxtOptions | null,
  newline?: string | SavetxtOptions | null,
  header?: string | SavetxtOptions | null,
  footer?: string | SavetxtOptions | null,
  comments?: string | SavetxtOptions | null,
  encoding?: string | SavetxtOptions | null,
  options?: SavetxtOptions,
): void;
export function savetxt(path: string, X: unknown, options?: SavetxtOptions): void;
export function savetxt(path: string, X: unknown, ...rest: unknown[]): void {
  // NumPy's positional fmt, delimiter, newline, header, footer, comments, encoding, or the options.
  const keys = ['fmt', 'delimiter', 'newline', 'header', 'footer', 'comments', 'encoding'] as const;
  const o = readKnownOptions(positionalOptions<SavetxtOptions>('savetxt', keys, rest, ['encoding']), [...keys], 'savetxt');
  checkPath(path, 'fname');
  const fmt = o.fmt ?? '%.18e';
  const str = (v: unknown, name: string, d: string): string => {
    if (v === undefined) return d;
    if (typeof v !== 'string') throw new TypeError(`savetxt(): ${name} must be a string, got ${describeValue(v)}`);
    return v;
  };
  const delimiter = str(o.delimiter, 'delimiter', ' ');
  const newline = str(o.newline, 'newline', '\n');
  let header = str(o.header, 'header', '');
  let footer = str(o.footer, 'footer', '');
  const comments = str(o.comments, 'comments', '# ');
  const enc = encodingOf(o.encoding, 'savetxt');
  let a = X instanceof ArrayClass ? X : asarray(X);
  requireOpen(a);
  if (a.ndim === 0 || a.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  const records = a.dtype.isStructured;
  let ncol: number;
  if (a.ndim === 1) {
    if (!records) {
      a = a.reshape([a.shape[0], 1]);
      ncol = 1;
    } else {
      ncol = a.dtype.names!.length;
    }
  } else {
    ncol = a.shape[1];
  }
  const complex = records ? a.dtype.names!.some((n) => a.dtype.fields![n].dtype.base.kind === 'c') : a.dtype.kind === 'c';
  let format: string;
  if (Array.isArray(fmt)) {
    if (fmt.length !== ncol) throw new ValueError(`fmt has wrong shape.  ${repr(fmt)}`);
    format = fmt.join(delimiter);
  } else if (typeof fmt === 'string') {
    const n = (fmt.match(/%/g) ?? []).length;
    const error = new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
    if (n === 1) format = Array<string>(ncol).fill(complex ? ` (${fmt}+${fmt}j)` : fmt).join(delimiter);
    else if (complex && n !== 2 * ncol) throw error;
    else if (!complex && n !== ncol) throw error;
    else format = fmt;
  } else {
    throw new ValueError(`invalid fmt: ${repr(fmt)}`);
  }
  const pieces: FormatPieces = parseFormat(format);
  const need = complex ? 2 * ncol : ncol;
  if (conversionCount(pieces) !== need) {
    throw new TypeError(`${conversionCount(pieces) < need ? 'not all arguments converted during string formatting' : 'not enough arguments for format string'} (fmt ${repr(format)}, ${need} values per row)`);
  }
  checkFormatLength(pieces, newline.length, `savetxt('${path}')`, format);
  const check = (text: string): string => {
    if (enc === 'latin1' && /[^\u0000-\u00ff]/.test(text)) throw new ValueError(`savetxt(): ${repr(boundQuote(text))} has characters that 'latin1' cannot encode`);
    return text;
  };
  if (header.length > 0) header = check(comments + header.replace(/\n/g, `\n${comments}`) + newline);
  if (footer.length > 0) footer = check(comments + footer.replace(/\n/g, `\n${comments}`) + newline);
  const rows = a.shape[0];
  // Each value's dtype (a complex one's parts: its float half), for `%s`/`%r`: NumPy formats the
  // row's NumPy scalars, so `%s` of a float32 is str(np.float32), of an int `7`, of bytes `b'ab'`.
  const colTypes = records ? a.dtype.names!.map((n) => a.dtype.fields![n].dtype) : Array<DType>(ncol).fill(a.dtype);
  const slotTypes = complex ? colTypes.flatMap((d) => (d.kind === 'c' ? [toDType(`<f${d.itemsize / 2}`), toDType(`<f${d.itemsize / 2}`)] : [d, d])) : colTypes;
  const specs = pieces.filter((p): p is Exclude<typeof p, string> => typeof p !== 'string');
  const asText = specs.map((p) => (p.type === 's' ? scalarStr : p.type === 'r' ? scalarRepr : null));
  const rowValues = (i: number): unknown[] => {
    const r = a.index(i);
    let vals: unknown[];
    if (records) vals = a.dtype.names!.map((n) => r.field(n).get());
    else vals = r.toArray() as unknown[];
    let out: unknown[] = vals;
    if (complex) {
      out = [];
      for (const v of vals) {
        if (v !== null && typeof v === 'object' && 're' in (v as object)) out.push((v as { re: number }).re, (v as { im: number }).im);
        else out.push(v, 0);
      }
    }
    for (let k = 0; k < out.length; k++) {
      const f = asText[k];
      if (f !== null && f !== undefined) out[k] = f(out[k], slotTypes[k]);
    }
    return out;
  };
  // NumPy formats each row's NumPy scalars: a float or bool is no integer to
  // %o, %x, %X or %c (2.0 included), and any TypeError of a real row is its
  // "Mismatch" error; a complex row's float parts raise Python's own.
  // Checked before the file is touched; with no row NumPy formats nothing and raises nothing.
  const mismatch = (): TypeError => new TypeError(`Mismatch between array dtype ('${dtypeText(a.dtype)}') and format specifier ('${format}')`);
  const k = specs.findIndex((p, j) => 'oxXc'.includes(p.type) && !'iu'.includes(slotTypes[j]?.kind ?? 'i'));
  if (rows > 0 && k >= 0) {
    if (!complex) throw mismatch();
    throw new TypeError(specs[k].type === 'c' ? '%c requires int or char' : `%${specs[k].type} format: an integer is required, not numpy.${slotTypes[k].name}`);
  }
  const formatRow = (i: number): string => {
    try {
      return formatPieces(pieces, rowValues(i));
    } catch (e) {
      if (e instanceof TypeError && !complex) throw mismatch();
      throw e;
    }
  };
  replaceFile(path, 0, (fd) => {
    let parts: string[] = [];
    let size = 0;
    const flush = (): void => {
      const b = Buffer.from(parts.join(''), enc);
      writeAll(fd, b, 0, b.length);
      parts = [];
      size = 0;
    };
    const push = (s: string): void => {
      parts.push(s);
      size += s.length;
      if (size >= CHUNK) flush();
    };
    if (header.length > 0) push(header);
    for (let i = 0; i < rows; i++) {
      let s = formatRow(i) + newline;
      if (complex) s = s.replace(/\+-/g, '-');
      push(check(s));
    }
    if (footer.length > 0) push(footer);
    flush();
  });
}
