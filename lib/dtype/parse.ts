/**
 * Spec → {@link DType}, following NumPy 2.4's `np.dtype(spec, align=...)`.
 *
 * Accepted specs (NumPy's rules, restricted to kinds a file can hold):
 * - strings: type codes (`'h'`, `'?'`, `'e'`), kind + size (`'<i2'`, `'f8'`,
 *   `'c16'`, `'S10'`, `'a10'`, `'V8'`), names (`'int16'`, `'double'`,
 *   `'intp'`), each optionally prefixed by a byte order `< > = |` (prefixed
 *   names are not understood, as in NumPy);
 * - comma strings (`'i4, f8'` → fields f0, f1) and repeat prefixes
 *   (`'3i4'`, `'(2,3)f4'`), which go through NumPy's `_commastring` grammar:
 *   a string is one when it starts with a digit, `()`, or has a comma;
 * - `[[name, format], [name, format, shape], ...]` lists;
 * - `{ names, formats, offsets?, itemsize?, aligned? }` dicts;
 * - `{ base, shape }` subarrays.
 *
 * `align` lays structs out like C: each field at a multiple of its
 * alignment, the itemsize a multiple of the largest; it propagates into nested
 * lists and dicts, as NumPy's does. A dict's `aligned: true` does the same for
 * that dict only: nested specs are packed unless they say `aligned: true`
 * themselves (the conformance format's rule; NumPy would propagate it).
 *
 * Unsupported NumPy kinds (`U`, `O`, `M8`, `m8`, long double `g`/`G`,
 * StringDType `T`) raise a `TypeError` saying so; anything NumPy would not
 * understand raises NumPy's `TypeError: data type 'i3' not understood`.
 * @module
 */
import { OverflowError, ValueError, quoteInput, repr } from '../errors';
import {
  DType,
  makeScalar,
  makeStruct,
  makeSubarray,
  NATIVE_ORDER,
  pyRepr,
  registerParser,
  type ByteOrder,
  type DTypeDict,
  type DTypeKind,
  type DTypeLike,
  type Field,
  type SubarraySpec,
} from './dtype';
import { sameSpec, snapshotSpec, specKey } from './spec-key';

/** Options of {@link dtype}. */
export interface DTypeOptions {
  /** Lay structured dtypes out like a C struct (NumPy's `align=True`). */
  readonly align?: boolean;
}

type Scalar = readonly [DTypeKind, number, string];

/** One-character type codes (NumPy's `dtype.char` and friends). */
const CODES: Record<string, Scalar> = {
  '?': ['b', 1, '?'], b: ['i', 1, 'b'], B: ['u', 1, 'B'], h: ['i', 2, 'h'], H: ['u', 2, 'H'],
  i: ['i', 4, 'i'], I: ['u', 4, 'I'], l: ['i', 8, 'l'], L: ['u', 8, 'L'], q: ['i', 8, 'q'],
  Q: ['u', 8, 'Q'], p: ['i', 8, 'l'], P: ['u', 8, 'L'], n: ['i', 8, 'l'], N: ['u', 8, 'L'],
  e: ['f', 2, 'e'], f: ['f', 4, 'f'], d: ['f', 8, 'd'], F: ['c', 8, 'F'], D: ['c', 16, 'D'],
  S: ['S', 0, 'S'], c: ['S', 1, 'c'], V: ['V', 0, 'V'],
};

/** Kind + itemsize codes for numbers (`S`, `a`, `V` take any size and are handled apart). */
const SIZED: Record<string, Scalar> = {
  b1: ['b', 1, '?'], i1: ['i', 1, 'b'], i2: ['i', 2, 'h'], i4: ['i', 4, 'i'], i8: ['i', 8, 'l'],
  u1: ['u', 1, 'B'], u2: ['u', 2, 'H'], u4: ['u', 4, 'I'], u8: ['u', 8, 'L'],
  f2: ['f', 2, 'e'], f4: ['f', 4, 'f'], f8: ['f', 8, 'd'], c8: ['c', 8, 'F'], c16: ['c', 16, 'D'],
};

/** NumPy's `sctypeDict` names for the supported kinds. Looked up only without a byte-order prefix. */
const NAMES: Record<string, Scalar> = {
  bool: SIZED.b1, bool_: SIZED.b1,
  int8: SIZED.i1, byte: SIZED.i1, uint8: SIZED.u1, ubyte: SIZED.u1,
  int16: SIZED.i2, short: SIZED.i2, uint16: SIZED.u2, ushort: SIZED.u2,
  int32: SIZED.i4, intc: SIZED.i4, uint32: SIZED.u4, uintc: SIZED.u4,
  int64: SIZED.i8, long: SIZED.i8, int_: SIZED.i8, intp: SIZED.i8, int: SIZED.i8,
  uint64: SIZED.u8, ulong: SIZED.u8, uint: SIZED.u8, uintp: SIZED.u8,
  longlong: CODES.q, ulonglong: CODES.Q,
  float16: SIZED.f2, half: SIZED.f2, float32: SIZED.f4, single: SIZED.f4,
  float64: SIZED.f8, double: SIZED.f8, float: SIZED.f8,
  complex64: SIZED.c8, csingle: SIZED.c8, complex128: SIZED.c16, cdouble: SIZED.c16, complex: SIZED.c16,
  // 'a' alone is a name, not a type code, so '<a' is not understood (as in NumPy).
  bytes: CODES.S, bytes_: CODES.S, a: CODES.S, void: CODES.V,
};

/** Aliases NumPy 2.0 removed; NumPy names them in its error. */
const REMOVED = new Set(['int0', 'uint0', 'void0', 'object0', 'str0', 'bytes0', 'bool8']);

/** Specs NumPy understands whose kind mmarray does not support, and why. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/^(U\d*|str_?|unicode)$/, 'fixed-width unicode strings (U) are not supported by mmarray; store bytes (S) instead'],
  [/^(O[48]?|object_?)$/, 'object dtype (O) is not supported by mmarray: Python objects cannot live in a file'],
  [/^([Mm](8)?(\[\w*\])?|(datetime|timedelta)64(\[\w*\])?)$/, 'datetime64/timedelta64 (M8/m8) are not supported by mmarray; store int64 instead'],
  [/^(g|G|f16|c32|float128|complex256|longdouble|clongdouble)$/, 'long double (g/G) is not supported by mmarray: its layout is platform-specific'],
  [/^T$/, 'StringDType (T) is not supported by mmarray: its data lives outside the array'],
];

const cache = new Map<string, DType>();
const alignedCache = new Map<string, DType>();
const CACHE_LIMIT = 1024;
/**
 * A parsed non-string spec, the private copy it was parsed from, and the
 * last spec object that found it by key (held, one per entry, so that a
 * kept spec object is noticed on its second call).
 */
interface SpecEntry {
  readonly snapshot: unknown;
  readonly dt: DType;
  last: object;
}
const specCache = new Map<string, SpecEntry>();
const alignedSpecCache = new Map<string, SpecEntry>();
const specObjects = new WeakMap<object, SpecEntry>();
const alignedSpecObjects = new WeakMap<object, SpecEntry>();
/** Longer specs are parsed each time, not kept: the cache holds at most CACHE_LIMIT × this many characters. */
const CACHE_KEY_LIMIT = 256;

/**
 * Builds a {@link DType} from any spec NumPy's `np.dtype(spec, align=align)`
 * accepts for the supported kinds. A DType is returned as is.
 * @throws TypeError for a spec NumPy does not understand or a kind mmarray does not support.
 * @throws ValueError for an invalid layout (duplicate names, negative or misaligned offsets, itemsize too small).
 */
export function dtype(spec: DTypeLike, options?: DTypeOptions): DType {
  if (spec instanceof DType) return spec;
  const align = options?.align === true;
  if (typeof spec === 'string') {
    // Keyed by the spec itself (no string built per call): view('<i4') in a
    // hot loop costs one map lookup.
    const c = align ? alignedCache : cache;
    let dt = c.get(spec);
    if (dt === undefined) {
      dt = parseString(spec, align);
      if (spec.length <= CACHE_KEY_LIMIT) {
        if (c.size >= CACHE_LIMIT) c.clear();
        c.set(spec, dt);
      }
    }
    return dt;
  }
  // A list, dict or subarray spec: cached by its content (see spec-key.ts).
  // The same object again: compared with the copy it was parsed from.
  const byObject = align ? alignedSpecObjects : specObjects;
  const seen = byObject.get(spec);
  if (seen !== undefined && sameSpec(spec, seen.snapshot)) return seen.dt;
  const c = align ? alignedSpecCache : specCache;
  const key = specKey(spec);
  if (key === null) return parseAny(spec, align);
  let entry = c.get(key);
  if (entry === undefined) {
    const snapshot = snapshotSpec(spec);
    const snapshotKey = specKey(snapshot);
    const dt = parseAny(snapshot, align);
    if (snapshotKey === null) return dt;
    entry = { snapshot, dt, last: spec };
    if (c.size >= CACHE_LIMIT) c.clear();
    c.set(snapshotKey, entry);
    byObject.set(spec, entry);
  } else if (entry.last === spec) {
    // Seen twice in a row: a spec the caller keeps, worth the WeakMap entry
    // (a fresh literal per call would only churn the WeakMap).
    byObject.set(spec, entry);
  } else {
    entry.last = spec;
  }
  return entry.dt;
}

registerParser((spec) => dtype(spec));

/** The caller's text in a message: Python's repr, bounded (errors.ts's quoteInput). */
function quoted(text: string): string {
  return quoteInput(text, pyRepr);
}

function notUnderstood(spec: unknown): TypeError {
  const close = typeof spec === 'string' ? closeMatches(spec) : [];
  const hint = close.length > 0 ? `; did you mean ${close.map(pyRepr).join(', ')}?` : '';
  return new TypeError(`data type ${typeof spec === 'string' ? quoted(spec) : repr(spec)} not understood${hint}`);
}

/** Bits → bytes for the habits of other libraries: 'f32' → 'f4' and 'float32', 'int64' → 'i8'. */
const BIT_WIDTHS: Record<string, number> = { 8: 1, 16: 2, 32: 4, 64: 8, 128: 16 };

/**
 * Up to three spellings close to an unknown one: the same kind with the
 * size in bytes instead of bits, then names and codes one or two edits away.
 */
function closeMatches(spec: string): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    if (!out.includes(s) && out.length < 3) out.push(s);
  };
  // '' is in every string: an empty spec has no order character (and nothing is close to it).
  if (spec === '') return out;
  const order = '<>=|'.includes(spec[0]) ? spec[0] : '';
  const body = order ? spec.slice(1) : spec;
  const bits = /^([biufc])(\d+)$/.exec(body);
  if (bits !== null && BIT_WIDTHS[bits[2]] !== undefined) {
    const code = bits[1] + BIT_WIDTHS[bits[2]];
    if (Object.prototype.hasOwnProperty.call(SIZED, code)) {
      add(order + code);
      const name = Object.keys(NAMES).find((n) => /\d$/.test(n) && NAMES[n] === SIZED[code]);
      if (name !== undefined && order === '') add(name);
    }
  }
  const named = /^(int|uint|float|complex)(\d+)$/.exec(body);
  if (named !== null && !Object.prototype.hasOwnProperty.call(NAMES, body)) {
    const kind = { int: 'i', uint: 'u', float: 'f', complex: 'c' }[named[1] as 'int'];
    for (const [n, sc] of Object.entries(NAMES)) if (/\d$/.test(n) && sc[0] === kind) add(n);
  }
  const candidates = [...Object.keys(NAMES), ...Object.keys(SIZED)];
  const lower = body.toLowerCase();
  for (const maxDistance of [1, 2]) {
    for (const c of candidates) {
      const sized = Object.prototype.hasOwnProperty.call(SIZED, c);
      // Names take no byte-order prefix (NumPy does not understand '>int16').
      if (c.length > 1 && (sized || order === '') && editDistance(lower, c) <= maxDistance) add((sized ? order : '') + c);
    }
  }
  return out;
}

/** Levenshtein distance (short strings only). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How deep a list, dict or subarray spec may nest (fields of fields...). A
 * deeper or cyclic spec (a list that holds itself) is a ValueError naming
 * the limit, not a stack overflow; the .npy header parser stops at 64
 * levels of literal for the same reason.
 */
export const MAX_SPEC_DEPTH = 64;
let specDepth = 0;

/** Runs `parse` one nesting level deeper, refusing past {@link MAX_SPEC_DEPTH}. */
function nested<T>(parse: () => T): T {
  if (specDepth >= MAX_SPEC_DEPTH) throw new ValueError(`dtype spec nests deeper than ${MAX_SPEC_DEPTH} levels (is it cyclic?)`);
  specDepth++;
  try {
    return parse();
  } finally {
    specDepth--;
  }
}

function parseAny(spec: unknown, align: boolean): DType {
  return nested(() => parseAnyLevel(spec, align));
}

function parseAnyLevel(spec: unknown, align: boolean): DType {
  if (spec instanceof DType) return spec;
  if (typeof spec === 'string') return dtype(spec, { align });
  // NumPy's (base, shape) tuple, as dtype.descr writes a nested subarray.
  if (isSubarrayPair(spec)) return makeSubarray(parseAny(spec[0], align), shapeOf(spec[1]));
  if (Array.isArray(spec)) return parseFieldList(spec, align);
  if (spec !== null && typeof spec === 'object') {
    if ('names' in spec || 'formats' in spec) return parseDict(spec as DTypeDict, align);
    if ('base' in spec && 'shape' in spec) {
      const s = spec as SubarraySpec;
      return makeSubarray(parseAny(s.base, align), shapeOf(s.shape));
    }
  }
  throw notUnderstood(spec);
}

// ---------------------------------------------------------------- strings

const ORDER_CHARS = '<>|=';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function parseString(spec: string, align: boolean): DType {
  return isCommaString(spec) ? parseCommaString(spec, align) : parsePlain(spec);
}

// NumPy's _check_for_commastring: leading digit, leading "()", or a comma outside [].
function isCommaString(s: string): boolean {
  const order = ORDER_CHARS.includes(s[0] ?? 'x');
  if (isDigit(s[0]) || (s.length > 1 && order && isDigit(s[1]))) return true;
  if ((s.length > 1 && s[0] === '(' && s[1] === ')') || (s.length > 3 && order && s[1] === '(' && s[2] === ')')) {
    return true;
  }
  let depth = 0;
  for (const c of s) {
    if (c === ',' && depth === 0) return true;
    if (c === '[') depth++;
    else if (c === ']') depth--;
  }
  return false;
}

// NumPy's _convert_from_str for one type: optional order, then a code, kind+size or name.
function parsePlain(spec: string): DType {
  let type = spec;
  let order: ByteOrder = '=';
  if (type[0] === '<' || type[0] === '>' || type[0] === '=') {
    order = type[0];
    type = type.slice(1);
  } else if (type[0] === '|') {
    type = type.slice(1);
  }
  if (type === '') throw notUnderstood(spec);
  let found: Scalar | undefined;
  let size = 0;
  if (type.length === 1) {
    found = CODES[type];
  } else if (/^\s*[+-]?\d+$/.test(type.slice(1))) {
    // strtol semantics for the size: leading blanks and a sign are allowed.
    size = parseInt(type.slice(1), 10);
    if (size < 0 || size > 0x7fffffff) throw notUnderstood(spec);
    const kind = type[0];
    if (kind === 'S' || kind === 'a') return makeScalar('S', size);
    if (kind === 'V') return makeScalar('V', size);
    if (size > 0) found = SIZED[kind + size];
    if (!found) unsupported(kind === 'U' ? 'U' : kind + size, spec);
  }
  if (!found) {
    unsupported(type, spec);
    // The name table is keyed by the whole spec: NumPy does not understand '>int16'.
    found = Object.prototype.hasOwnProperty.call(NAMES, spec) ? NAMES[spec] : undefined;
    if (!found) {
      if (REMOVED.has(type)) {
        throw new TypeError(`Alias ${quoted(spec)} was removed in NumPy 2.0. Use a name without a digit at the end.`);
      }
      throw notUnderstood(spec);
    }
  }
  const [kind, itemsize, char] = found;
  return makeScalar(kind, itemsize, order, char);
}

function unsupported(type: string, spec: string): void {
  // A name after a byte order ('<str', '<object', '<float128') is not
  // understood by NumPy at all; only datetime64/timedelta64 take one.
  if (type !== spec && /^[a-z][a-z_]/.test(type) && !/^(datetime|timedelta)64/.test(type)) return;
  for (const [re, why] of UNSUPPORTED) {
    if (re.test(type)) throw new TypeError(`data type ${quoted(spec)}: ${why}`);
  }
}

// NumPy's _commastring grammar (numpy/_core/_internal.py), one format per match.
const FORMAT_RE = /([<>|=]?)( *[(]?[ ,0-9]*[)]? *)([<>|=]?)([A-Za-z0-9.?]*(?:\[[a-zA-Z0-9,.]+\])?)/y;
const SEP_RE = /\s*,\s*/y;
const TRAILING_SPACE_RE = /\s+$/y;

type CommaItem = string | readonly [string, number[]];

function parseCommaString(spec: string, align: boolean): DType {
  const items: CommaItem[] = [];
  let isList = false;
  let at = 0;
  const bad = (): ValueError => new ValueError(`format number ${items.length + 1} of ${quoteInput(spec, (t) => `"${t}"`)} is not recognized`);
  while (at < spec.length) {
    FORMAT_RE.lastIndex = at;
    const m = FORMAT_RE.exec(spec)!; // every part is optional: it always matches
    const [, order1, repeats, order2, type] = m;
    at = FORMAT_RE.lastIndex;
    if (at < spec.length) {
      TRAILING_SPACE_RE.lastIndex = at;
      SEP_RE.lastIndex = at;
      if (TRAILING_SPACE_RE.test(spec)) at = spec.length;
      else if (SEP_RE.test(spec)) {
        at = SEP_RE.lastIndex;
        isList = true;
      } else throw bad();
    }
    if (order1 && order2 && normalOrder(order1) !== normalOrder(order2)) {
      throw new ValueError(`inconsistent byte-order specification ${order1} and ${order2}`);
    }
    let order = order2 || order1;
    if (order === '|' || order === '=' || normalOrder(order) === normalOrder('=')) order = '';
    const format = order + type;
    if (repeats === '') items.push(format);
    else {
      const shape = repeatShape(repeats);
      if (shape === undefined) throw bad();
      items.push([format, shape]);
    }
  }
  const toDType = (item: CommaItem): DType =>
    typeof item === 'string' ? dtype(item, { align }) : makeSubarray(dtype(item[0], { align }), item[1]);
  if (!isList) return toDType(items[0]);
  return layoutSequential(items.map((_, i) => `f${i}`), items.map(toDType), align);
}

function normalOrder(o: string): string {
  return o === '=' ? NATIVE_ORDER : o;
}

// The repeat part as Python's literal_eval would read it: an int or a tuple of ints.
function repeatShape(repeats: string): number[] | undefined {
  let text = repeats.trim();
  const paren = text.startsWith('(');
  if (paren !== text.endsWith(')')) return undefined;
  if (paren) text = text.slice(1, -1).trim();
  if (text === '') return paren ? [] : undefined;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // one trailing comma
  if (!parts.every((p) => /^(0+|[1-9]\d*)$/.test(p))) return undefined;
  return parts.map(Number);
}

// ---------------------------------------------------------------- lists and dicts

/**
 * `[base, shape]` rather than a field list: a field list's items are
 * `[name, format]` arrays, never a number or a list of numbers.
 */
function isSubarrayPair(spec: unknown): spec is [unknown, unknown] {
  if (!Array.isArray(spec) || spec.length !== 2) return false;
  const s = spec[1];
  return typeof s === 'number' || (Array.isArray(s) && allNumbers(s)) || isIntTypedArray(s);
}

/**
 * Every item of `list` is a number, holes included (as undefined): `every`
 * skips a sparse list's holes one index at a time, so a subarray shape of
 * length 2^32-1 with no items ran for minutes; here its first hole answers.
 */
function allNumbers(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'number') return false;
  return true;
}

function isIntTypedArray(v: unknown): v is ArrayLike<number | bigint> {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof Float32Array) && !(v instanceof Float64Array);
}

function shapeOf(shape: unknown): number[] {
  if (typeof shape === 'number') return [shape];
  if (Array.isArray(shape) && allNumbers(shape)) return [...shape];
  // A typed-array shape, as memmap() takes one.
  if (isIntTypedArray(shape)) return Array.from(shape, (d) => Number(d));
  throw new ValueError(`invalid shape in fixed-type tuple: ${repr(shape)}`);
}

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** NumPy keeps itemsizes and field offsets in C ints. */
const C_INT_MAX = 0x7fffffff;
/** 2**63: NumPy reads offsets and itemsizes as C longs first, and a Python int past one is an OverflowError. */
const C_LONG_LIMIT = 2 ** 63;

function pyIntTooLarge(what: string, value: number): OverflowError {
  return new OverflowError(`Python int too large to convert to C long: ${what} ${value} is 2**63 or more`);
}

/** Places fields one after another (C layout when `align`), as NumPy's list forms do. */
function layoutSequential(names: readonly string[], types: readonly DType[], align: boolean): DType {
  let at = 0;
  let maxAlign = 1;
  const fields: Field[] = types.map((t) => {
    if (align) {
      at = roundUp(at, t.alignment);
      maxAlign = Math.max(maxAlign, t.alignment);
    }
    const f = { dtype: t, offset: at };
    at += t.itemsize;
    return f;
  });
  return makeStruct(names, fields, align ? roundUp(at, maxAlign) : at, align ? maxAlign : 1, align);
}

/** The most fields a structured dtype may have (NumPy has no limit; V8's arrays do). */
const MAX_FIELDS = 2 ** 24;

/**
 * `list.map(fn)` that visits holes too (as undefined): `map` skips a sparse
 * list's holes one index at a time, so a field list of length 2^32-1 with
 * no entries ran for minutes before failing; here its first hole is refused.
 */
function mapEvery<T>(list: readonly unknown[], fn: (entry: unknown, i: number) => T): T[] {
  // A Proxy claiming 2^32 valid fields would grow `out` past V8's largest
  // array, a fatal error (SIGTRAP), not an exception: refused first.
  if (list.length > MAX_FIELDS) throw new ValueError(`a dtype with ${list.length} fields: at most ${MAX_FIELDS} are supported`);
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(fn(list[i], i));
  return out;
}

function parseFieldList(list: readonly unknown[], align: boolean): DType {
  const names: string[] = [];
  const seen = new Set<string>();
  const types = mapEvery(list, (entry, i) => {
    if (!Array.isArray(entry) || entry.length < 2 || entry.length > 3) {
      throw new TypeError(`Field elements must be 2- or 3-tuples ([name, format] or [name, format, shape]), got ${repr(entry)}`);
    }
    const [name, format, shape] = entry as [unknown, unknown, unknown];
    if (typeof name !== 'string') {
      throw new TypeError(`First element of field tuple is neither a tuple nor str: ${repr(name)}`);
    }
    const n = name === '' ? `f${i}` : name;
    if (seen.has(n)) throw new ValueError(`field ${quoted(n)} occurs more than once`);
    seen.add(n);
    names.push(n);
    const t = parseAny(format, align);
    return entry.length === 3 ? makeSubarray(t, shapeOf(shape)) : t;
  });
  return layoutSequential(names, types, align);
}

const DICT_KEYS = new Set(['names', 'formats', 'offsets', 'itemsize', 'aligned', 'titles']);

function parseDict(d: DTypeDict, alignOption: boolean): DType {
  for (const key of Object.keys(d)) {
    if (!DICT_KEYS.has(key)) {
      throw new ValueError(`unknown key ${quoted(key)} in dtype dict: expected names, formats, offsets, itemsize, aligned`);
    }
  }
  const { names, formats, offsets, itemsize, aligned, titles } = d;
  if (!Array.isArray(names) || !Array.isArray(formats)) {
    throw new TypeError(`a dtype dict needs 'names' and 'formats' arrays, got ${repr(d)}`);
  }
  if (aligned !== undefined && typeof aligned !== 'boolean') {
    throw new ValueError("NumPy dtype descriptor includes 'aligned' entry, but its value is neither True nor False");
  }
  if (titles != null && !Array.isArray(titles)) {
    throw new TypeError(`field titles are not supported by mmarray, got ${repr(titles)}`);
  }
  const hasOffsets = offsets != null;
  if (
    formats.length !== names.length ||
    (hasOffsets && (!Array.isArray(offsets) || offsets.length !== names.length)) ||
    (titles != null && titles.length !== names.length)
  ) {
    throw new ValueError("'names', 'formats', 'offsets', and 'titles' dict entries must have the same length");
  }
  // `aligned: true` lays out this dict only. Nested formats follow the `align`
  // option alone: in the conformance format every nested struct states its own
  // flag (NumPy would also align nested list/dict specs here).
  const align = alignOption || aligned === true;
  const seen = new Set<string>();
  let total = 0;
  let maxAlign = 1;
  const fields: Field[] = mapEvery(names, (name: unknown, i: number) => {
    if (typeof name !== 'string') throw new ValueError(`field names must be strings, got ${repr(name)}`);
    // Checked per field, so a sparse titles list as long as a sparse names list is not walked hole by hole.
    if (titles != null && (titles as unknown[])[i] != null) throw new TypeError(`field titles are not supported by mmarray, got ${repr(titles)}`);
    if (seen.has(name)) throw new ValueError(`name ${quoted(name)} already used as a name or title`);
    seen.add(name);
    const t = parseAny(formats[i], alignOption);
    let offset: number;
    if (hasOffsets) {
      offset = offsets[i];
      if (typeof offset !== 'number' || !Number.isInteger(offset)) throw new TypeError(`field offset must be an integer, got ${repr(offset)}`);
      if (offset >= C_LONG_LIMIT) throw pyIntTooLarge('field offset', offset);
      if (offset > C_INT_MAX) throw new ValueError(`field offset ${offset} won't fit into a C int (at most ${C_INT_MAX}, as in NumPy)`);
      if (offset < 0) throw new ValueError(`offset ${offset} cannot be negative`);
      if (align && offset % t.alignment !== 0) {
        throw new ValueError(
          `offset ${offset} for NumPy dtype with fields is not divisible by the field alignment ${t.alignment} with align=True`,
        );
      }
      total = Math.max(total, offset + t.itemsize);
    } else {
      if (align) total = roundUp(total, t.alignment);
      offset = total;
      total += t.itemsize;
    }
    if (align) maxAlign = Math.max(maxAlign, t.alignment);
    return { dtype: t, offset };
  });
  total = roundUp(total, maxAlign);
  if (itemsize !== undefined) {
    if (typeof itemsize !== 'number' || !Number.isInteger(itemsize) || itemsize < 0) throw new TypeError(`itemsize must be a non-negative integer, got ${repr(itemsize)}`);
    if (itemsize >= C_LONG_LIMIT) throw pyIntTooLarge('itemsize', itemsize);
    if (itemsize > C_INT_MAX) throw new ValueError(`itemsize ${itemsize} won't fit into a C int (at most ${C_INT_MAX}, as in NumPy)`);
    if (itemsize < total) {
      throw new ValueError(`NumPy dtype descriptor requires ${total} bytes, cannot override to smaller itemsize of ${itemsize}`);
    }
    if (align && itemsize % maxAlign !== 0) {
      throw new ValueError(
        `NumPy dtype descriptor requires alignment of ${maxAlign} bytes, which is not divisible into the specified itemsize ${itemsize}`,
      );
    }
    total = itemsize;
  }
  return makeStruct(names, fields, total, align ? maxAlign : 1, align);
}

// ---------------------------------------------------------------- .npy descr

/**
 * NumPy's `lib.format.descr_to_dtype`: reads a `dtype.descr` value (a `.str`
 * string, or a list of `[name, descr]` / `[name, descr, shape]` entries) and
 * turns `['', '|Vn']` entries into gaps, as `.npy` headers use them.
 * @throws TypeError for a value that is not a descr.
 */
export function fromDescr(descr: unknown): DType {
  return nested(() => fromDescrLevel(descr));
}

function fromDescrLevel(descr: unknown): DType {
  if (typeof descr === 'string') return dtype(descr);
  if (!Array.isArray(descr)) throw new TypeError(`not a dtype descr: ${repr(descr)}`);
  // [format, shape] for a nested subarray, which _array_descr emits as a tuple;
  // the base may itself be a record's descr or another subarray.
  if (isSubarrayPair(descr)) return makeSubarray(fromDescr(descr[0]), shapeOf(descr[1]));
  const names: string[] = [];
  const formats: DType[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of descr) {
    if (!Array.isArray(entry) || (entry.length !== 2 && entry.length !== 3) || typeof entry[0] !== 'string') {
      throw new TypeError(`not a descr entry ([name, descr] or [name, descr, shape]): ${repr(entry)}`);
    }
    const base = fromDescr(entry[1]);
    const t = entry.length === 3 ? makeSubarray(base, shapeOf(entry[2])) : base;
    const isPadding = entry[0] === '' && t.kind === 'V' && !t.isStructured;
    if (!isPadding) {
      names.push(entry[0]);
      formats.push(t);
      offsets.push(offset);
    }
    offset += t.itemsize;
  }
  return parseDict({ names, formats, offsets, itemsize: offset }, false);
}
