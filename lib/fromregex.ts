/**
 * NumPy's `np.fromregex(file, regexp, dtype, encoding)`: a structured array
 * from the matches of a regular expression in a text file, one record per
 * match, one field per group.
 * @module
 */
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import { zeros } from './create';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, describeValue, repr } from './errors';
import type { NdArray } from './ndarray';
import { checkedInt, parseComplexString, parseFloatString, parseIntString } from './number-text';
import { positionalOptions } from './options';
import { checkPath, openRegularFile } from './paths';

/**
 * The longest file read: the whole text becomes one JS string (V8 holds at
 * most 2^29 - 24 characters), so a larger file is refused before it is read.
 */
const MAX_BYTES = 2 ** 29 - 64;

/** The options of {@link fromregex} after its dtype. */
export interface FromregexOptions {
  /** The file's text encoding: `'utf-8'` (default) or `'latin1'`. */
  encoding?: string | null;
}

/**
 * The pattern as a global JS RegExp: a RegExp keeps its flags (and gets
 * `g`); a string is a pattern with Python's spellings that JS lacks
 * translated: named groups `(?P<name>…)` and back-references `(?P=name)`,
 * leading inline flags `(?i)`, `(?m)`, `(?s)`, and Python's `$`, `\A`,
 * `\Z` and `[]…]` (pythonAnchors).
 */
function compile(regexp: unknown): RegExp {
  if (regexp instanceof RegExp) return new RegExp(regexp.source, regexp.flags.includes('g') ? regexp.flags : `${regexp.flags}g`);
  if (typeof regexp !== 'string') throw new TypeError(`fromregex(): regexp must be a string or a RegExp, got ${describeValue(regexp)}`);
  let src = regexp;
  let flags = 'g';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(src);
  if (inline !== null) {
    for (const f of inline[1]) {
      if (f === 'i' || f === 'm' || f === 's') flags += flags.includes(f) ? '' : f;
      else if (f !== 'u' && f !== 'a') throw new ValueError(`fromregex(): the inline flag (?${f}) has no JS counterpart`);
    }
    src = src.slice(inline[0].length);
  }
  src = pythonAnchors(src.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'), flags.includes('m'));
  try {
    return new RegExp(src, flags);
  } catch (e) {
    throw new ValueError(`fromregex(): bad regular expression ${repr(regexp)}: ${(e as Error).message}`);
  }
}

/**
 * Python's anchors and classes in JS: `$` (outside a class, unescaped) also
 * matches before a last newline unless multiline, as Python's does; `\A`
 * and `\Z` are the text's ends; a `]` first in a class is a member.
 */
function pythonAnchors(src: string, multiline: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (!inClass && n === 'A') out += multiline ? '(?<![\\s\\S])' : '^';
      else if (!inClass && n === 'Z') out += multiline ? '(?![\\s\\S])' : '$';
      else out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // A ']' first in a Python class is a member, not its end (JS needs it escaped).
      const neg = src[i + 1] === '^';
      if (src[i + (neg ? 2 : 1)] === ']') {
        out += neg ? '[^\\]' : '[\\]';
        i += neg ? 2 : 1;
        continue;
      }
    } else if (c === '$' && !multiline) {
      out += '(?=\\n?$)';
      continue;
    }
    out += c;
  }
  return out;
}

/** The file's whole text, line ends as Python's text mode reads them (`\r\n` and `\r` as `\n`). */
function readText(path: string, encoding: string | null | undefined): string {
  const e = encoding === null || encoding === undefined ? 'utf8' : String(encoding).toLowerCase().replace(/[-_]/g, '');
  const enc = e === 'utf8' ? 'utf8' : e === 'latin1' || e === 'iso88591' ? 'latin1' : null;
  if (enc === null) throw new ValueError(`fromregex(): encoding ${repr(encoding)} is not supported; use 'utf-8' or 'latin1'`);
  const { fd, size } = openRegularFile(path, 'fromregex reads regular files only');
  try {
    if (size > MAX_BYTES) throw new ValueError(`fromregex(): '${path}' has ${size} bytes; it reads the whole file as one string, at most ${MAX_BYTES} bytes`);
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = fs.readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const dec = new StringDecoder(enc);
    return (dec.write(buf.subarray(0, got)) + dec.end()).replace(/\r\n?/g, '\n');
  } finally {
    fs.closeSync(fd);
  }
}

/** One group's text as a value of the field's dtype, as `np.array(text, dtype)` converts a str (Python's int(), float(), complex()). */
function converterFor(dt: DType, name: string): (text: string) => unknown {
  switch (dt.kind) {
    case 'b':
      // Python's bool of a str: any non-empty text is true.
      return (t) => t !== '';
    case 'i':
    case 'u':
      return (t) => {
        const v = checkedInt(parseIntString(t), dt.itemsize * 8, dt.kind === 'i');
        return dt.itemsize === 8 ? v : Number(v);
      };
    case 'f':
      return parseFloatString;
    case 'c':
      return parseComplexString;
    case 'S':
      return (t) => {
        // ASCII only, as NumPy's str -> bytes conversion.
        const bad = /[^\x00-\x7f]/u.exec(t);
        if (bad !== null) {
          // Python's UnicodeEncodeError, a ValueError: the character as its codec escapes it ('\xe9').
          // Python names the whole run of such characters: one by its escape, several by their positions.
          const chars = [...t];
          const at = [...t.slice(0, bad.index)].length;
          let end = at;
          while (end + 1 < chars.length && chars[end + 1].codePointAt(0)! > 0x7f) end++;
          const cp = chars[at].codePointAt(0)!;
          const esc = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
          const what = end === at ? `character '${esc}' in position ${at}` : `characters in position ${at}-${end}`;
          const e = new ValueError(`'ascii' codec can't encode ${what}: ordinal not in range(128)`);
          e.name = 'UnicodeEncodeError';
          throw e;
        }
        return new Uint8Array(Buffer.from(t, 'latin1'));
      };
    default:
      throw new TypeError(`fromregex(): field ${repr(name)} has dtype ${dt.str}; text converts only to bool, integer, float, complex and bytes fields`);
  }
}

/**
 * NumPy's `np.fromregex(file, regexp, dtype, encoding)`: reads the whole
 * text file at `path`, finds every match of `regexp` (as Python's
 * `re.findall`: non-overlapping, left to right) and returns a structured
 * array of `dtype` with one record per match, group `k` converted into
 * field `k` as `np.array` converts text (Python's `int()`, `float()`,
 * `complex()`, ASCII bytes; a bool field is true for any non-empty group).
 * A pattern with one group (or none: the whole match) is NumPy's
 * `np.array(seq, dtype=<first field's dtype>).view(dtype)`. `regexp` is a
 * JS RegExp or a pattern string, where Python's `(?P<name>…)`,
 * `(?P=name)` and leading `(?i)`/`(?m)`/`(?s)` are taken too; other syntax
 * is JavaScript's (`\w`, `\d`, `\b` are ASCII-only). It reads synchronously.
 *
 * ```ts
 * // a file of "1312 foo\n1534  bar\n444   qux"
 * fromregex(path, /(\d+)\s+(...)/, [['num', '<i8'], ['key', 'S3']])  // [(1312, b'foo'), (1534, b'bar'), (444, b'qux')]
 * ```
 *
 * @throws TypeError when `dtype` is not structured (`'dtype must be a structured datatype.'`), for a field of a kind text cannot convert to.
 * @throws ValueError for a group that is not a value of its field (Python's messages), matches with another number of groups than
 *   fields (`'could not assign tuple of length 2 to structure with 3 fields.'`), an unsupported encoding, a file past 2^29 bytes.
 * @throws OverflowError for an integer out of its field's range (NumPy's).
 */
export function fromregex(path: string, regexp: RegExp | string, dtype: DTypeLike, ...rest: unknown[]): NdArray {
  checkPath(path, 'file');
  const o = positionalOptions<FromregexOptions>('fromregex', ['encoding'], rest);
  for (const k of Object.keys(o)) if (k !== 'encoding') throw new TypeError(`fromregex() got an unexpected keyword argument '${k}'`);
  const dt = toDType(dtype);
  if (!dt.isStructured) throw new TypeError('dtype must be a structured datatype.');
  const re = compile(regexp);
  const text = readText(path, o.encoding);
  const names = dt.names as readonly string[];
  const convert = names.map((n) => converterFor(dt.fields![n].dtype.base, n));
  const rows: string[][] = [];
  let groups = -1;
  for (const m of text.matchAll(re)) {
    // re.findall: the whole match with no group, the group with one, the tuple of groups with more ('' for one that took no part).
    rows.push(m.length === 1 ? [m[0]] : m.slice(1).map((x) => x ?? ''));
    groups = m.length - 1;
  }
  if (rows.length > 0 && groups <= 1) {
    const plain = zeros([rows.length], dt.fields![names[0]].dtype);
    for (let i = 0; i < rows.length; i++) plain.set(i, convert[0](rows[i][0]));
    return plain.view(dt);
  }
  const out = zeros([rows.length], dt);
  if (rows.length > 0 && groups !== names.length) throw new ValueError(`could not assign tuple of length ${groups} to structure with ${names.length} fields.`);
  for (let i = 0; i < rows.length; i++) {
    const rec: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) rec[names[k]] = convert[k](rows[i][k]);
    out.set(i, rec);
  }
  return out;
}
