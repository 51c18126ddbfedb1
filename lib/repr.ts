/**
 * NumPy's array printing (numpy/_core/arrayprint.py): `repr(array)`,
 * `str(array)` and `np.array2string`, under the print options of
 * print-options.ts (by default linewidth 75, precision 8 with floatmode
 * 'maxprec', threshold 1000, edgeitems 3), for `toString()`,
 * `util.inspect`, {@link arrayRepr}, {@link arrayStr} and
 * {@link array2string}:
 * - one format per array, built from every element shown: integers
 *   right-aligned to the widest, floats aligned on the decimal point (or all
 *   in scientific notation when the magnitudes call for it), `' True'`
 *   padded to `'False'`, records field by field, subarrays as nested lists;
 * - rows wrapped at the line width, nested axes on their own lines with the
 *   hanging indent, blank lines between blocks of 3-d and up;
 * - more than `threshold` elements summarized with `...` (and `shape=`
 *   added to a repr);
 * - `dtype=` omitted where NumPy implies it (native float64, int64,
 *   complex128, bool), quoted for bytes, void and non-native types.
 * @module
 */
import type { DType } from './dtype';
import { positionalText, scientificText, shortestDigits, type Dragon4Options } from './float-digits';
import { ValueError } from './errors';
import { bytesRepr, pyShape } from './format';
import type { NdArray } from './ndarray';
import { codecOf, requireArray, storageOf } from './internal';
import { positionalOptions } from './options';
import { checkPrintOptions, currentPrintOptions, type PrintFormatter, type PrintOptions } from './print-options';

/**
 * Most elements a summarized repr shows. NumPy keeps `edgeitems` on each side
 * of every long axis and all of a short one, so a broadcast view of shape
 * `[2] * 40` (or `[7] * 18`) would print 2^40 (6^18) elements: past this
 * bound the repr keeps 1 item per side, then none (`[...]`), and stays short.
 */
const SHOWN_LIMIT = 1 << 16;

type Format = (v: unknown) => string;

/** The options of one call: the ones in force with the call's own over them. */
function callOptions(fn: string, given: Record<string, unknown>): PrintOptions {
  return { ...currentPrintOptions(), ...checkPrintOptions(fn, given) };
}

/** NumPy's class name in a repr: `array(` for NdArray, `memmap(` for a Memmap, else the class's own name. */
function reprPrefix(a: NdArray): string {
  const name = (a.constructor as { name?: unknown } | undefined)?.name;
  if (name === 'NdArray' || typeof name !== 'string' || name === '') return 'array(';
  return name === 'Memmap' ? 'memmap(' : `${name}(`;
}

/**
 * NumPy's `np.array_repr(arr, max_line_width, precision, suppress_small)`:
 * `array([[ 0,  1], [ 2,  3]], dtype=int16)` with NumPy's wrapping and
 * padding under the print options (the three arguments, positionally or in
 * an options object `{ maxLineWidth, precision, suppressSmall }`, override
 * theirs for this call); a Memmap's is `memmap([...])`, as NumPy's.
 */
export function arrayRepr(arr: NdArray, ...args: unknown[]): string {
  requireArray(arr, 'arrayRepr', 'arr');
  return reprText(arr, positionalOptions<Record<string, unknown>>('arrayRepr', ['maxLineWidth', 'precision', 'suppressSmall'], args));
}

/** The text of {@link arrayRepr}, for `toString()` and `util.inspect` (their receiver checked by its first read). */
export function reprText(a: NdArray, given: Record<string, unknown> = {}): string {
  const dt = a.dtype;
  const prefix = reprPrefix(a);
  if (storageOf(a).closed) return `${prefix}<${storageOf(a).mapping === null ? 'released' : 'closed mapping'}>, dtype=${dtypeShortRepr(dt)})`;
  const global = currentPrintOptions();
  if (global.overrideRepr !== null) return String(global.overrideRepr(a));
  const opts = callOptions('arrayRepr', renamed('arrayRepr', given));
  const maxLineWidth = opts.linewidth;
  const size = a.size;
  // (The suffix ')' takes one column of the line width, as array2string's `suffix`.)
  const lst = size === 0 ? '[]' : array2text(a, { ...opts, linewidth: opts.linewidth - 1 }, ', ', prefix);
  const extras: string[] = [];
  if ((size === 0 && !(a.ndim === 1)) || size > global.threshold) extras.push(`shape=${pyShape(a.shape)}`);
  if (!dtypeIsImplied(dt) || size === 0) extras.push(`dtype=${dtypeShortRepr(dt)}`);
  if (extras.length === 0) return `${prefix}${lst})`;
  const arrStr = `${prefix}${lst},`;
  const extraStr = `${extras.join(', ')})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > maxLineWidth ? `\n${' '.repeat(prefix.length)}` : ' ';
  return arrStr + spacer + extraStr;
}

/** array_repr's and array_str's argument names as the print options' names (`fn` names the caller in the error). */
function renamed(fn: string, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given)) {
    if (k === 'maxLineWidth') out.linewidth = v;
    else if (k === 'suppressSmall') out.suppress = v;
    else if (k === 'precision') out.precision = v;
    else throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  return out;
}

/**
 * NumPy's `str(array)` (`np.array_str(a, max_line_width, precision,
 * suppress_small)`): the items as {@link arrayRepr} formats them, separated
 * by spaces, with no `array(` or `dtype=` (`[[1.5 2. ]\n [3.  4. ]]`); a 0-d
 * array is its scalar's `str()` (`1.5`, `(1+2j)`, `True`), never cut by
 * `precision`.
 */
export function arrayStr(a: NdArray, ...args: unknown[]): string {
  requireArray(a, 'arrayStr', 'a');
  const opts = callOptions('arrayStr', renamed('arrayStr', positionalOptions<Record<string, unknown>>('arrayStr', ['maxLineWidth', 'precision', 'suppressSmall'], args)));
  const dt = a.dtype;
  if (storageOf(a).closed) return `<${storageOf(a).mapping === null ? 'released' : 'closed mapping'}>`;
  if (a.ndim === 0 && dt.fields === null && dt.shape.length === 0) {
    const v = a.get();
    if (dt.kind === 'c') return complexStr((v as { re: number }).re, (v as { im: number }).im, dt);
    // NumPy's _guarded_repr_or_str: a bytes scalar shows its repr (np.bytes_(b'ab')).
    if (dt.kind === 'S') return scalarRepr(v, dt);
    if (dt.kind === 'V' && v instanceof Uint8Array) return voidText(v);
    return scalarStr(v, dt);
  }
  if (a.size === 0) return '[]';
  return array2text(a, opts, ' ', '');
}

/** Options of {@link array2string} after its positional parameters (NumPy's keyword-only ones). */
export interface Array2StringOptions {
  /** Characters per line (the print options' `linewidth`). */
  maxLineWidth?: number | null;
  /** Digits after the point of floats. */
  precision?: number | null;
  /** Small floats as 0, positionally (the print options' `suppress`). */
  suppressSmall?: boolean | null;
  /** Between elements (`' '`). */
  separator?: string;
  /** Its length indents the lines after the first (`'array('`); not written. */
  prefix?: string;
  /** Element writers by dtype kind (see {@link PrintFormatter}). */
  formatter?: PrintFormatter | null;
  /** Summarize arrays of more elements than this. */
  threshold?: number | null;
  /** Items kept at each end of a summarized axis. */
  edgeitems?: number | null;
  /** `'-'`, `'+'` or `' '`. */
  sign?: '-' | '+' | ' ' | null;
  /** `'fixed'`, `'unique'`, `'maxprec'` or `'maxprec_equal'`. */
  floatmode?: 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal' | null;
  /** Its length is taken off the last line's width (`')'`); not written. */
  suffix?: string;
  /** Only false: NumPy's legacy modes are not kept. */
  legacy?: false | null;
}

/**
 * NumPy's `np.array2string(a, max_line_width, precision, suppress_small,
 * separator=' ', prefix='', *, formatter, threshold, edgeitems, sign,
 * floatmode, suffix='', legacy)`: the text of the elements as a repr
 * writes them, under the print options with the given ones over them. The
 * first six positionally or all in an options object; `prefix` and
 * `suffix` are not written, only measured (the first line is that much
 * shorter, the next lines indented by it).
 *
 * ```ts
 * array2string(array([1e-16, 1, 2, 3]), { precision: 2, separator: ',', suppressSmall: true })  // '[0.,1.,2.,3.]'
 * array2string(arange(3), { formatter: { int: (x: number) => `0x${x.toString(16)}` } })  // '[0x0 0x1 0x2]'
 * ```
 *
 * @throws TypeError / ValueError for options {@link setPrintoptions} refuses.
 */
export function array2string(a: NdArray, ...args: unknown[]): string {
  requireArray(a, 'array2string', 'a');
  const o = positionalOptions<Array2StringOptions & Record<string, unknown>>('array2string', ['maxLineWidth', 'precision', 'suppressSmall', 'separator', 'prefix'], args);
  const { separator = ' ', prefix = '', suffix = '', maxLineWidth, suppressSmall, ...rest } = o;
  for (const [k, v] of [['separator', separator], ['prefix', prefix], ['suffix', suffix]] as const) {
    if (typeof v !== 'string') throw new TypeError(`array2string(): ${k} must be a string`);
  }
  const opts = callOptions('array2string', { ...rest, linewidth: maxLineWidth, suppress: suppressSmall });
  if (storageOf(a).closed) return `<${storageOf(a).mapping === null ? 'released' : 'closed mapping'}>`;
  if (a.size === 0) return '[]';
  return array2text(a, { ...opts, linewidth: opts.linewidth - suffix.length }, separator, prefix);
}

/** NumPy's `_array2string`: the elements (a.size > 0) laid out under `opts`. */
function array2text(a: NdArray, opts: PrintOptions, separator: string, prefix: string): string {
  const summarize = a.size > opts.threshold;
  let edge = opts.edgeitems;
  while (summarize && edge > 0 && shownCount(a.shape, edge) > SHOWN_LIMIT) edge = edge > 1 ? 1 : 0;
  const tree = gather(a, summarize, edge);
  const shown: unknown[] = [];
  flatten(tree, a.ndim, shown);
  const fmt = formatter(shown, a.dtype, a.ndim === 0, opts);
  if (a.ndim === 0) return fmt(tree);
  return formatArray(tree, a.ndim, fmt, opts.linewidth, ' '.repeat(prefix.length + 1), separator);
}

/** NumPy's `dtype_short_repr`. */
export function dtypeShortRepr(dt: DType): string {
  if (dt.isStructured) return String(dt);
  if (dt.kind === 'S' || dt.kind === 'V' || !dt.isnative) return `'${String(dt)}'`;
  return dt.name;
}

function dtypeIsImplied(dt: DType): boolean {
  if (dt.isStructured || !dt.isnative) return false;
  return dt.kind === 'b' || (dt.kind === 'i' && dt.itemsize === 8) || (dt.kind === 'f' && dt.itemsize === 8) || (dt.kind === 'c' && dt.itemsize === 16);
}


// ------------------------------------------------------------------ elements shown

/** A level of shown elements: values at the last axis, sub-levels above; `SKIP` marks NumPy's `...`. */
const SKIP = Symbol('...');
type Level = unknown[];

/** How many elements a summary keeping `edge` items per side of each axis shows (stops counting past SHOWN_LIMIT). */
function shownCount(shape: readonly number[], edge: number): number {
  let n = 1;
  for (const len of shape) {
    n *= len > 2 * edge ? 2 * edge : len;
    if (n > SHOWN_LIMIT) break;
  }
  return n;
}

function gather(a: NdArray, summarize: boolean, edge: number): unknown {
  const at = storageOf(a).cursor(a.itemsize);
  const codec = codecOf(a);
  const level = (axis: number, off: number): unknown => {
    if (axis === a.ndim) {
      const w = at(off);
      return codec.read(w.view, off - w.start);
    }
    const len = a.shape[axis];
    const s = a.strides[axis];
    const out: Level = [];
    if (summarize && len > 2 * edge) {
      for (let i = 0; i < edge; i++) out.push(level(axis + 1, off + i * s));
      out.push(SKIP);
      for (let i = len - edge; i < len; i++) out.push(level(axis + 1, off + i * s));
    } else {
      for (let i = 0; i < len; i++) out.push(level(axis + 1, off + i * s));
    }
    return out;
  };
  return a.size === 0 ? [] : level(0, a.offset);
}

function flatten(tree: unknown, depth: number, out: unknown[]): void {
  if (depth === 0) {
    out.push(tree);
    return;
  }
  for (const x of tree as Level) if (x !== SKIP) flatten(x, depth - 1, out);
}

// ------------------------------------------------------------------ layout (_formatArray)

/** NumPy's `_extendLine_pretty`: `word` (maybe of several lines) onto `line`, wrapping before it when it would pass `width`. */
function extendLine(state: { s: string; line: string }, word: string, width: number, nextLinePrefix: string): void {
  const words = word.split('\n');
  if (words.length === 1) {
    if (state.line.length + word.length > width && state.line.length > nextLinePrefix.length) {
      state.s += `${state.line.trimEnd()}\n`;
      state.line = nextLinePrefix;
    }
    state.line += word;
    return;
  }
  const longest = maxOf(words, (w) => w.length);
  let indent: string;
  if (state.line.length + longest > width && state.line.length > nextLinePrefix.length) {
    state.s += `${state.line.trimEnd()}\n`;
    state.line = nextLinePrefix + words[0];
    indent = nextLinePrefix;
  } else {
    indent = ' '.repeat(state.line.length);
    state.line += words[0];
  }
  for (const w of words.slice(1)) {
    state.s += `${state.line.trimEnd()}\n`;
    state.line = indent + w;
  }
  state.line += ' '.repeat(longest - words[words.length - 1].length);
}

function formatArray(tree: unknown, ndim: number, fmt: Format, lineWidth: number, nextLinePrefix: string, separator: string): string {
  const recurse = (node: unknown, axis: number, hanging: string, width: number): string => {
    const left = ndim - axis;
    if (left === 0) return fmt(node);
    const items = node as Level;
    const nextHanging = `${hanging} `;
    const nextWidth = width - 1;
    let s = '';
    if (left === 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      const state = { s: '', line: hanging };
      items.forEach((item, i) => {
        const word = item === SKIP ? '...' : recurse(item, axis + 1, nextHanging, nextWidth);
        extendLine(state, word, elemWidth, hanging);
        if (i < items.length - 1) state.line += separator;
      });
      s = state.s + state.line;
    } else {
      const lineSep = `${separator.trimEnd()}\n${'\n'.repeat(left - 2)}`;
      items.forEach((item, i) => {
        const nested = item === SKIP ? '...' : recurse(item, axis + 1, nextHanging, nextWidth);
        s += hanging + nested + (i < items.length - 1 ? lineSep : '');
      });
    }
    return `[${s.slice(hanging.length)}]`;
  };
  return recurse(tree, 0, nextLinePrefix, lineWidth);
}

// ------------------------------------------------------------------ element formats

/** The user's writer for a dtype kind (NumPy's `_get_formatdict` precedence), or null. */
function userFormat(f: PrintFormatter | null, key: 'bool' | 'int' | 'float' | 'complexfloat' | 'void' | 'numpystr'): Format | null {
  if (f === null) return null;
  const group = { bool: null, int: 'int_kind', float: 'float_kind', complexfloat: 'complex_kind', void: null, numpystr: 'str_kind' }[key];
  const pick = f[key] ?? (group !== null ? f[group as keyof PrintFormatter] : null) ?? f.all ?? null;
  if (pick === null || pick === undefined) return null;
  return (v) => String((pick as (x: unknown) => unknown)(v));
}

function formatter(values: unknown[], dt: DType, zeroD: boolean, o: PrintOptions): Format {
  if (dt.shape.length > 0) {
    const leaves: unknown[] = [];
    const walk = (v: unknown, d: number): void => {
      if (d === dt.shape.length) leaves.push(v);
      else for (const x of v as unknown[]) walk(x, d + 1);
    };
    for (const v of values) walk(v, 0);
    const base = formatter(leaves, dt.base, false, o);
    // NumPy's SubArrayFormat: a subarray of more than `threshold` items shows
    // `edgeitems` per side of each long axis (its widths still come from all).
    let size = 1;
    for (const d of dt.shape) size *= d;
    const cut = size > o.threshold;
    const edge = o.edgeitems;
    const nested = (v: unknown, d: number): string => {
      if (d === dt.shape.length) return base(v);
      const xs = v as unknown[];
      const parts =
        cut && xs.length > 2 * edge
          ? [...xs.slice(0, edge).map((x) => nested(x, d + 1)), '...', ...xs.slice(xs.length - edge).map((x) => nested(x, d + 1))]
          : xs.map((x) => nested(x, d + 1));
      return `[${parts.join(', ')}]`;
    };
    return (v) => nested(v, 0);
  }
  if (dt.isStructured) {
    const names = dt.names as readonly string[];
    const fields = names.map((n) => formatter(values.map((v) => (v as Record<string, unknown>)[n]), dt.fields![n].dtype, false, o));
    return (v) => {
      const r = v as Record<string, unknown>;
      const parts = names.map((n, i) => fields[i](r[n]));
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    };
  }
  const key = dt.kind === 'b' ? 'bool' : dt.kind === 'i' || dt.kind === 'u' ? 'int' : dt.kind === 'f' ? 'float' : dt.kind === 'c' ? 'complexfloat' : dt.kind === 'V' ? 'void' : 'numpystr';
  const user = userFormat(o.formatter, key);
  if (user !== null) return user;
  switch (dt.kind) {
    case 'b': {
      const t = zeroD ? 'True' : ' True';
      return (v) => (v ? t : 'False');
    }
    case 'i':
    case 'u':
      return integerFormat(values as (number | bigint)[], o.sign);
    case 'f':
      return floatFormat(values as number[], dt.itemsize, o, o.sign) as Format;
    case 'c': {
      const cs = values as { re: number; im: number }[];
      const re = floatFormat(cs.map((c) => c.re), dt.itemsize / 2, o, o.sign);
      const im = floatFormat(cs.map((c) => c.im), dt.itemsize / 2, o, '+');
      return (v) => {
        const c = v as { re: number; im: number };
        const i = im(c.im);
        const sp = i.trimEnd().length;
        return `${re(c.re)}${i.slice(0, sp)}j${i.slice(sp)}`;
      };
    }
    case 'V':
      return (v) => voidText(v as Uint8Array);
    default:
      return (v) => bytesRepr(v as Uint8Array);
  }
}

/** NumPy's IntegerFormat: right-aligned to the widest, with the sign option. */
function integerFormat(values: readonly (number | bigint)[], signOpt: '-' | '+' | ' '): Format {
  let width = 0;
  let sign = signOpt;
  if (values.length > 0) {
    let max = values[0];
    let min = values[0];
    for (const v of values) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    let maxLen = String(max).length;
    if (sign === ' ' && min < 0) sign = '-';
    if (max >= 0 && sign !== '-') maxLen += 1;
    width = Math.max(maxLen, String(min).length);
  }
  return (v) => {
    const x = v as number | bigint;
    const text = x >= 0 && sign !== '-' ? `${sign}${String(x)}` : String(x);
    return text.padStart(width);
  };
}

/** NumPy's text of an unstructured void item: every byte as `\xHH`, upper-case hex (`b'\x00\x41'`). */
function voidText(b: Uint8Array): string {
  let out = "b'";
  for (const c of b) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
  return `${out}'`;
}

/**
 * The largest `f(x)` over `xs` (0 for none; at least 0 for widths), in a loop:
 * `Math.max(...xs)` overflows the stack past about 10^5 items, which a
 * subarray field of a record holds easily.
 */
function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = xs.length === 0 ? 0 : -Infinity;
  for (const x of xs) {
    const v = f(x);
    if (v > m) m = v;
  }
  return m;
}

// ------------------------------------------------------------------ floats (FloatingFormat)

/** np.finfo(dtype).precision by float size: decimal digits the type holds. */
const FINFO_PRECISION: Record<number, number> = { 2: 3, 4: 6, 8: 15 };

/** NumPy's FloatingFormat: one format for `values` (a float type of `itemsize` bytes) under the options. */
function floatFormat(values: number[], itemsize: number, o: PrintOptions, sign: '-' | '+' | ' '): (x: number) => string {
  if (o.precision < 0 && o.floatmode !== 'unique') throw new ValueError('precision must be >= 0');
  const finite = values.filter((v) => Number.isFinite(v));
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (absNonZero.length > 0) {
    const max = maxOf(absNonZero, (v) => v);
    const min = -maxOf(absNonZero, (v) => -v);
    // NumPy (2.4 here) lowers the cutoff for narrow floats: 1e3 for float16, 1e6 for float32.
    const cutoff = 10 ** Math.min(8, FINFO_PRECISION[itemsize]);
    expFormat = max >= cutoff || (!o.suppress && (min < 0.0001 || max / min > 1000));
  }
  const d: Dragon4Options = {
    precision: o.floatmode === 'unique' ? -1 : o.precision,
    unique: true,
    fractional: true,
    trim: '.',
    sign: sign === '+',
    padLeft: -1,
    padRight: -1,
    expDigits: -1,
    minDigits: -1,
  };
  let padLeft = 0;
  let padRight = 0;
  if (finite.length > 0) {
    const unique = o.floatmode !== 'fixed';
    const first: Dragon4Options = { ...d, unique, trim: unique ? '.' : 'k' };
    if (expFormat) {
      const parts = finite.map((v) => {
        const [mant, exp] = scientificText(v, itemsize, first).split('e');
        const [int, frac = ''] = mant.split('.');
        return { int, frac, exp };
      });
      d.expDigits = maxOf(parts, (p) => p.exp.length) - 1;
      d.trim = 'k';
      d.precision = d.minDigits = maxOf(parts, (p) => p.frac.length);
      d.unique = unique;
      padLeft = maxOf(parts, (p) => p.int.length);
      padRight = d.expDigits + 2 + d.precision;
    } else {
      const strs = finite.map((v) => positionalText(v, itemsize, first).split('.'));
      padLeft = maxOf(strs, (s) => s[0].length);
      padRight = maxOf(strs, (s) => (s[1] ?? '').length);
      d.unique = unique;
      if (o.floatmode === 'fixed' || o.floatmode === 'maxprec_equal') {
        d.precision = d.minDigits = padRight;
        d.trim = 'k';
      } else {
        d.trim = '.';
        d.minDigits = 0;
      }
    }
  }
  if (sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) padLeft += 1;
  if (finite.length !== values.length) {
    const negInf = sign !== '-' || values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, o.nanstr.length - offset, o.infstr.length + (negInf ? 1 : 0) - offset);
  }
  d.padLeft = padLeft;
  if (!expFormat) d.padRight = padRight;
  return (x) => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? `${sign === '+' ? '+' : ''}${o.nanstr}` : `${x < 0 ? '-' : sign === '+' ? '+' : ''}${o.infstr}`;
      return ret.padStart(padLeft + padRight + 1);
    }
    return expFormat ? scientificText(x, itemsize, d) : positionalText(x, itemsize, d);
  };
}

/**
 * Python's `repr()` of a float (what NumPy's `tofile(sep=...)` writes for
 * every float item: the legacy getitem hands it a Python float, so float32
 * and float16 items print as the doubles they are): the shortest digits
 * that round-trip, positional when the decimal exponent is in [-4, 16)
 * (`1.0`, `0.0001`), scientific outside (`1e-05`, `1.5e+16`), and `inf`,
 * `-inf`, `nan`.
 */
export function pyFloatText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${neg}0.0`;
  const { digits, exp } = shortestDigits(x, 8);
  return shortText(neg, digits, exp, exp < -4 || exp >= 16);
}

/**
 * Python's `str()` of a complex (CPython's complex repr): `(1+2j)`,
 * `(-0.5-1e-20j)`, `(inf+nanj)`; a real part of +0 is left out (`2j`,
 * `-infj`), a NaN imaginary part is always `+nan`.
 */
export function pyComplexText(re: number, im: number, part: (x: number) => string = (x) => pyFloatText(x).replace(/\.0$/, '')): string {
  // `part`: a part as repr() writes it without the '.0' of a whole number ('1', '1.5', '1e+16').
  const imag = `${Number.isNaN(im) || im > 0 || Object.is(im, 0) ? '+' : ''}${part(im)}j`;
  // A real part of +0 is left out, and so are the parentheses: '2j', '-infj'.
  if (re === 0 && !Object.is(re, -0)) return `${part(im)}j`;
  return `(${part(re)}${imag})`;
}

/** Shortest digits as Python writes a float: `1e-05`, `1.5e+16` (scientific) or `0.0001`, `1.0`. */
function shortText(neg: string, digits: string, exp: number, scientific: boolean): string {
  if (scientific) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${neg}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp >= 0) return `${neg}${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}.${digits.slice(exp + 1) || '0'}`;
  return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** np.finfo(dtype).precision of float16 and float32: a narrow scalar's `str()` is positional below 10 to this power. */
const NARROW_CUTOFF: Record<number, number> = { 2: 1e3, 4: 1e6 };

/**
 * NumPy's `str()` of one scalar of `dt` (what `'%s' % scalar` writes, so
 * savetxt's `%s`): `True`, `7`, `b'ab'`, a float64 as Python's float, and a
 * float32/float16 with its own shortest digits (`0.1`, not the double's
 * `0.10000000149011612`), positional in [1e-4, 1e6) (float16: 1e3),
 * scientific outside (`1e+06`, `1e-04`).
 */
export function scalarStr(v: unknown, dt: DType): string {
  const k = dt.kind;
  if (k === 'b') return v ? 'True' : 'False';
  if (k === 'S' && v instanceof Uint8Array) return bytesRepr(v);
  if (k !== 'f' || typeof v !== 'number' || dt.itemsize === 8) return typeof v === 'number' && k === 'f' ? pyFloatText(v) : String(v);
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const neg = v < 0 || Object.is(v, -0) ? '-' : '';
  if (v === 0) return `${neg}0.0`;
  const ax = Math.abs(v);
  const { digits, exp } = shortestDigits(v, dt.itemsize);
  return shortText(neg, digits, exp, ax < 1e-4 || ax >= NARROW_CUTOFF[dt.itemsize]);
}

/**
 * NumPy's `str()` of a complex scalar of `dt` (what `astype('S')` writes):
 * Python's complex repr for complex128; complex64 parts with float32's own
 * shortest digits and cut-off (`(0.1-0.2j)`, `(1e+07+1j)`).
 */
export function complexStr(re: number, im: number, dt: DType): string {
  if (dt.itemsize === 16) return pyComplexText(re, im);
  const F4 = { kind: 'f', itemsize: 4 } as DType;
  return pyComplexText(re, im, (x) => scalarStr(x, F4).replace(/\.0$/, ''));
}

/** NumPy 2's `repr()` of one scalar of `dt` (savetxt's `%r`): `np.float32(0.1)`, `np.int64(7)`, `np.True_`, `np.bytes_(b'ab')`. */
export function scalarRepr(v: unknown, dt: DType): string {
  if (dt.kind === 'b') return v ? 'np.True_' : 'np.False_';
  if (dt.kind === 'S') return `np.bytes_(${scalarStr(v, dt)})`;
  return `np.${dt.name}(${scalarStr(v, dt)})`;
}
