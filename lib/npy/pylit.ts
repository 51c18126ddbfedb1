/**
 * A small, safe reader and writer for the subset of Python literals that a
 * `.npy` header is made of: dicts, lists, tuples, strings, ints, floats,
 * `True`, `False` and `None`.
 *
 * Why not `eval` / `JSON.parse`: the header is untrusted text from a file,
 * written as a Python `repr`, so it is neither safe to evaluate nor JSON.
 * NumPy itself uses `ast.literal_eval` behind a size cap, because even that
 * can be driven into deep recursion; this reader keeps both guards of its
 * own: a nesting-depth cap ({@link MAX_LITERAL_DEPTH}) and a length cap
 * ({@link MAX_LITERAL_LENGTH}), checked before any work is done.
 *
 * Values keep their Python kind ({@link PyValue}) so a caller can tell a
 * tuple from a list and an int from a float, as NumPy's checks do, and quote
 * a bad value back in Python syntax ({@link pyRepr}).
 *
 * Accepted beyond what `repr` writes, because other writers produce it and
 * NumPy reads it: the Python 2 long suffix (`3L`, `3 L`) when
 * `allowLongSuffix` is set (NumPy filters it out for format versions 1.0
 * and 2.0), the `u`/`U` and raw `r`/`R` string prefixes, and `#` comments.
 * Rejected: bytes and triple-quoted strings, names other than
 * `True`/`False`/`None`, operators other than a unary sign on a number, and
 * sets — none of them can appear in a header NumPy would read.
 * @module
 */

import { ValueError } from '../errors';

/**
 * The string prefixes `ast.literal_eval` reads as str: `u` and raw `r` (a
 * bytes prefix, `b` alone or with `r`, makes a bytes value, which no header
 * field takes, and f-strings are not literals).
 */
const STRING_PREFIXES = new Set(['u', 'U', 'r', 'R']);

/** Deepest nesting of containers the reader accepts (a `.npy` descr nests far less). */
export const MAX_LITERAL_DEPTH = 64;
/** Longest literal text the reader accepts, in UTF-16 code units. */
export const MAX_LITERAL_LENGTH = 1 << 24;

/** A Python literal value, tagged with its Python type. */
export type PyValue =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'list'; readonly items: readonly PyValue[] }
  | { readonly kind: 'tuple'; readonly items: readonly PyValue[] }
  | { readonly kind: 'dict'; readonly entries: readonly (readonly [PyValue, PyValue])[] };

/** Options of {@link parsePyLiteral}. */
export interface PyLiteralOptions {
  /** Accept Python 2's `L` suffix on ints (`3L`). Default false. */
  allowLongSuffix?: boolean;
  /** Nesting cap; default {@link MAX_LITERAL_DEPTH}. */
  maxDepth?: number;
}

/**
 * Why a literal could not be read; `offset` is the index in the text where
 * reading stopped. Callers wrap it in their own error with context.
 */
export class PyLiteralError extends ValueError {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'ValueError';
    this.offset = offset;
  }
}

// Python's str.isspace() set is larger, but only these may separate tokens.
const WS = new Set([' ', '\t', '\n', '\r', '\f', '\v']);

// One-character escapes of Python string literals.
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly opts: Required<PyLiteralOptions>,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new PyLiteralError(message, at);
  }

  skipWs(): void {
    const t = this.text;
    for (;;) {
      while (this.pos < t.length && WS.has(t[this.pos]!)) this.pos++;
      // A comment runs to the end of its line, as Python's tokenizer reads
      // one (ast.literal_eval accepts `{...}  # note`).
      if (t[this.pos] !== '#') return;
      while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
    }
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  value(depth: number): PyValue {
    this.skipWs();
    const c = this.peek();
    if (c === undefined) this.fail('unexpected end of literal');
    switch (c) {
      case '{':
        return this.dict(depth + 1);
      case '[':
        return this.sequence(depth + 1, ']', 'list');
      case '(':
        return this.sequence(depth + 1, ')', 'tuple');
      case "'":
      case '"':
        return this.strings();
      default:
        break;
    }
    if (c === '-' || c === '+' || (c >= '0' && c <= '9') || c === '.') return this.number();
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64))!;
      const word = m[0];
      const next = this.text[this.pos + word.length];
      if (STRING_PREFIXES.has(word) && (next === "'" || next === '"')) return this.strings();
      if (next === "'" || next === '"') this.fail(`unsupported string prefix ${word}`);
      const named: Record<string, PyValue> = {
        True: { kind: 'bool', value: true },
        False: { kind: 'bool', value: false },
        None: { kind: 'none' },
      };
      const v = named[word];
      if (v === undefined) this.fail(`name ${word} is not a literal`);
      this.pos += word.length;
      return v;
    }
    return this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  enter(depth: number): void {
    if (depth > this.opts.maxDepth) this.fail(`literal nests deeper than ${this.opts.maxDepth} levels`);
    this.pos++; // the opening bracket
  }

  dict(depth: number): PyValue {
    this.enter(depth);
    const entries: [PyValue, PyValue][] = [];
    for (;;) {
      this.skipWs();
      if (this.peek() === '}') {
        this.pos++;
        return { kind: 'dict', entries };
      }
      const key = this.value(depth);
      this.skipWs();
      if (this.peek() !== ':') this.fail("expected ':' after a dict key");
      this.pos++;
      const val = this.value(depth);
      entries.push([key, val]);
      this.skipWs();
      const c = this.peek();
      if (c === ',') this.pos++;
      else if (c !== '}') this.fail("expected ',' or '}' in a dict");
    }
  }

  sequence(depth: number, close: string, kind: 'list' | 'tuple'): PyValue {
    const start = this.pos;
    this.enter(depth);
    const items: PyValue[] = [];
    let trailingComma = false;
    for (;;) {
      this.skipWs();
      if (this.peek() === close) {
        this.pos++;
        // `(x)` is x in parentheses, not a tuple; `(x,)` and `()` are tuples.
        if (kind === 'tuple' && items.length === 1 && !trailingComma) return items[0]!;
        return { kind, items };
      }
      if (this.peek() === undefined) this.fail(`unclosed ${kind}`, start);
      items.push(this.value(depth));
      this.skipWs();
      const c = this.peek();
      trailingComma = c === ',';
      if (trailingComma) this.pos++;
      else if (c !== close) this.fail(`expected ',' or '${close}' in a ${kind}`);
    }
  }

  /** Adjacent string literals (each with its own prefix) concatenate, as in Python. */
  strings(): PyValue {
    let value = '';
    for (let first = true; ; first = false) {
      const save = this.pos;
      if (!first) this.skipWs();
      const m = /^[A-Za-z]{0,2}/.exec(this.text.slice(this.pos, this.pos + 2))![0];
      const q = this.text[this.pos + m.length];
      if ((m !== '' && !STRING_PREFIXES.has(m)) || (q !== "'" && q !== '"')) {
        if (first) this.fail(m === '' ? 'expected a string' : `unsupported string prefix ${m}`);
        this.pos = save;
        return { kind: 'str', value };
      }
      this.pos += m.length;
      value += this.string(/[rR]/.test(m));
    }
  }

  /** One quoted string; `raw` (an `r` prefix) keeps backslashes as they are. */
  string(raw = false): string {
    const t = this.text;
    const start = this.pos;
    const quote = t[this.pos]!;
    if (t[this.pos + 1] === quote && t[this.pos + 2] === quote) this.fail('triple-quoted strings are not supported');
    this.pos++;
    let out = '';
    for (;;) {
      const c = t[this.pos];
      if (c === undefined || c === '\n' || c === '\r') this.fail('unterminated string', start);
      this.pos++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t[this.pos];
      if (e === undefined) this.fail('unterminated string', start);
      this.pos++;
      if (raw) {
        // A raw string keeps the backslash and the character after it (a quote too, without ending the string).
        if (e === '\r' || e === '\n') this.fail('unterminated string', start);
        out += '\\' + e;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (e === '\n') continue; // line continuation inside the string
      else if (e === 'x') out += this.hexEscape(2);
      else if (e === 'u') out += this.hexEscape(4);
      else if (e === 'U') out += this.hexEscape(8);
      else if (e >= '0' && e <= '7') {
        let digits = e;
        while (digits.length < 3 && /[0-7]/.test(t[this.pos] ?? '')) digits += t[this.pos++];
        out += String.fromCharCode(parseInt(digits, 8));
      } else if (e === 'N') this.fail('\\N{...} escapes are not supported', this.pos - 2);
      else out += '\\' + e; // Python keeps unknown escapes verbatim
    }
  }

  hexEscape(n: number): string {
    const digits = this.text.slice(this.pos, this.pos + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) this.fail(`truncated \\x/\\u/\\U escape`, this.pos - 2);
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) this.fail(`escape \\U${digits} is not a Unicode code point`, this.pos - 2);
    this.pos += n;
    return String.fromCodePoint(cp);
  }

  number(): PyValue {
    const start = this.pos;
    let sign = 1n;
    // literal_eval allows any run of unary signs before a number.
    while (this.peek() === '-' || this.peek() === '+') {
      if (this.peek() === '-') sign = -sign;
      this.pos++;
      this.skipWs();
    }
    const rest = this.text.slice(this.pos, this.pos + 400);
    const float = /^(?:\d(?:_?\d)*\.(?:\d(?:_?\d)*)?|\.\d(?:_?\d)*|\d(?:_?\d)*(?=[eE]))(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
    if (float) {
      this.pos += float[0].length;
      this.longSuffix();
      if (/^[A-Za-z0-9_.]/.test(this.peek() ?? '')) this.fail('malformed number', start);
      const v = Number(float[0].replace(/_/g, ''));
      return { kind: 'float', value: sign < 0n ? -v : v };
    }
    const int = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|[1-9](?:_?\d)*|0(?:_?0)*)/.exec(rest);
    if (!int) this.fail('malformed number', start);
    this.pos += int[0].length;
    const text = int[0].replace(/_/g, '').toLowerCase();
    this.longSuffix();
    if (/^[A-Za-z0-9_]/.test(this.peek() ?? '')) this.fail('malformed number', start);
    return { kind: 'int', value: sign * BigInt(text) };
  }

  /**
   * NumPy's `_filter_header` for format 1.0 and 2.0 files written by Python 2:
   * a name token that is exactly `L` right after a number token (spaces
   * between allowed; `l` and `Lx` are names of their own) is dropped.
   */
  longSuffix(): void {
    if (!this.opts.allowLongSuffix) return;
    let at = this.pos;
    while (this.text[at] === ' ' || this.text[at] === '\t' || this.text[at] === '\f') at++;
    if (this.text[at] === 'L' && !/^[A-Za-z0-9_]/.test(this.text[at + 1] ?? '')) this.pos = at + 1;
  }
}

/**
 * Reads one Python literal that makes up the whole of `text` (whitespace
 * around it allowed). Throws {@link PyLiteralError} with the offset where
 * reading stopped.
 */
export function parsePyLiteral(text: string, options: PyLiteralOptions = {}): PyValue {
  if (text.length > MAX_LITERAL_LENGTH) {
    throw new PyLiteralError(`literal is longer than ${MAX_LITERAL_LENGTH} characters`, 0);
  }
  const r = new Reader(text, {
    allowLongSuffix: options.allowLongSuffix ?? false,
    maxDepth: options.maxDepth ?? MAX_LITERAL_DEPTH,
  });
  const v = r.value(0);
  r.skipWs();
  if (r.pos !== text.length) r.fail('unexpected text after the literal');
  return v;
}

// Python's str.isprintable() is false for these categories (space excepted).
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/**
 * Python's `repr()` of a str, character for character: single quotes unless
 * the text holds `'` and no `"`; `\\`, `\t`, `\n`, `\r` and the chosen quote
 * escaped; other non-printable characters as `\xhh`, `\uhhhh` or
 * `\Uhhhhhhhh`; printable non-ASCII kept as is. (Printability follows the
 * Unicode tables of the running JS engine, which can lag or lead Python's for
 * newly assigned code points.)
 */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      out += cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python's `repr()` of a literal value, for error messages and for writing headers. */
export function pyRepr(v: PyValue): string {
  switch (v.kind) {
    case 'str':
      return pyStrRepr(v.value);
    case 'int':
      return v.value.toString();
    case 'float':
      return Number.isInteger(v.value) && Math.abs(v.value) < 1e16 ? v.value.toFixed(1) : String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
}
