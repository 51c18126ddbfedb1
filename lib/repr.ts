/**
 * NumPy's `repr(array)` (numpy/_core/arrayprint.py, default print options:
 * linewidth 75, precision 8 with floatmode 'maxprec', threshold 1000,
 * edgeitems 3), for `toString()` and `util.inspect`:
 * - one format per array, built from every element shown: integers
 *   right-aligned to the widest, floats aligned on the decimal point (or all
 *   in scientific notation when the magnitudes call for it), `' True'`
 *   padded to `'False'`, records field by field, subarrays as nested lists;
 * - rows wrapped at the line width, nested axes on their own lines with the
 *   hanging indent, blank lines between blocks of 3-d and up;
 * - more than 1000 elements summarized with `...` (and `shape=` added);
 * - `dtype=` omitted where NumPy implies it (native float64, int64,
 *   complex128, bool), quoted for bytes, void and non-native types.
 * @module
 */
import type { DType } from './dtype';
import { float16Bits, float16Value } from './dtype/float16';
import { bytesRepr, pyShape } from './format';
import type { NdArray } from './ndarray';
import { codecOf, requireArray, storageOf } from './internal';

const LINE_WIDTH = 75;
const PRECISION = 8;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
/**
 * Most elements a summarized repr shows. NumPy keeps `edgeitems` on each side
 * of every long axis and all of a short one, so a broadcast view of shape
 * `[2] * 40` (or `[7] * 18`) would print 2^40 (6^18) elements: past this
 * bound the repr keeps 1 item per side, then none (`[...]`), and stays short.
 */
const SHOWN_LIMIT = 1 << 16;

type Format = (v: unknown) => string;

/** NumPy's `np.array_repr(arr)`: `array([[ 0,  1], [ 2,  3]], dtype=int16)` with NumPy's wrapping and padding. */
export function arrayRepr(arr: NdArray): string {
  requireArray(arr, 'arrayRepr', 'arr');
  return reprText(arr);
}

/** The text of {@link arrayRepr}, for `toString()` and `util.inspect` (their receiver checked by its first read). */
export function reprText(a: NdArray): string {
  const dt = a.dtype;
  const prefix = 'array(';
  if (storageOf(a).closed) return `${prefix}<${storageOf(a).mapping === null ? 'released' : 'closed mapping'}>, dtype=${dtypeShortRepr(dt)})`;
  const size = a.size;
  const { tree, fmt } = shownItems(a);
  // (The suffix ')' takes one column of the line width, as array2string's `suffix`.)
  const lst = size === 0 ? '[]' : formatArray(tree, a.ndim, fmt, LINE_WIDTH - 1, ' '.repeat(prefix.length + 1));
  const extras: string[] = [];
  if ((size === 0 && !(a.ndim === 1)) || size > THRESHOLD) extras.push(`shape=${pyShape(a.shape)}`);
  if (!dtypeIsImplied(dt) || size === 0) extras.push(`dtype=${dtypeShortRepr(dt)}`);
  if (extras.length === 0) return `${prefix}${lst})`;
  const arrStr = `${prefix}${lst},`;
  const extraStr = `${extras.join(', ')})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > LINE_WIDTH ? `\n${' '.repeat(prefix.length)}` : ' ';
  return arrStr + spacer + extraStr;
}

/**
 * NumPy's `str(array)` (`np.array_str`): the items as {@link arrayRepr}
 * formats them, separated by spaces, with no `array(` or `dtype=` (`[[1.5
 * 2. ]\n [3.  4. ]]`); a 0-d array is its scalar's `str()` (`1.5`,
 * `(1+2j)`, `True`).
 */
export function arrayStr(a: NdArray): string {
  requireArray(a, 'arrayStr', 'a');
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
  const size = a.size;
  const { tree, fmt } = shownItems(a);
  if (a.ndim === 0) return fmt(tree);
  return size === 0 ? '[]' : formatArray(tree, a.ndim, fmt, LINE_WIDTH, ' ', ' ');
}

/**
 * The items a repr or str shows (every one, or NumPy's summary past the
 * threshold, its edge items cut down to keep the output bounded) and the
 * one format built from all of them.
 */
function shownItems(a: NdArray): { tree: unknown; fmt: Format } {
  const summarize = a.size > THRESHOLD;
  let edge = EDGE_ITEMS;
  while (summarize && edge > 0 && shownCount(a.shape, edge) > SHOWN_LIMIT) edge = edge > 1 ? 1 : 0;
  const tree = gather(a, summarize, edge);
  const shown: unknown[] = [];
  flatten(tree, a.ndim, shown);
  return { tree, fmt: formatter(shown, a.dtype, a.ndim === 0) };
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

function formatArray(tree: unknown, ndim: number, fmt: Format, lineWidth: number, nextLinePrefix: string, separator = ', '): string {
  const recurse = (node: unknown, axis: number, hanging: string, width: number): string => {
    const left = ndim - axis;
    if (left === 0) return fmt(node);
    const items = node as Level;
    const nextHanging = `${hanging} `;
    const nextWidth = width - 1;
    let s = '';
    if (left === 1) {
      const elemWidth = width - 1;
      let line = hanging;
      items.forEach((item, i) => {
        const word = item === SKIP ? '...' : recurse(item, axis + 1, nextHanging, nextWidth);
        // (NumPy's summary marker goes through the plain _extendLine; words here are one line.)
        const needsWrap = line.length + word.length > elemWidth && line.length > hanging.length;
        if (needsWrap) {
          s += `${line.trimEnd()}\n`;
          line = hanging;
        }
        line += word;
        if (i < items.length - 1) line += separator;
      });
      s += line;
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

function formatter(values: unknown[], dt: DType, zeroD: boolean): Format {
  if (dt.shape.length > 0) {
    const leaves: unknown[] = [];
    const walk = (v: unknown, d: number): void => {
      if (d === dt.shape.length) leaves.push(v);
      else for (const x of v as unknown[]) walk(x, d + 1);
    };
    for (const v of values) walk(v, 0);
    const base = formatter(leaves, dt.base, false);
    // NumPy's SubArrayFormat: a subarray of more than `threshold` items shows
    // `edgeitems` per side of each long axis (its widths still come from all).
    let size = 1;
    for (const d of dt.shape) size *= d;
    const cut = size > THRESHOLD;
    const nested = (v: unknown, d: number): string => {
      if (d === dt.shape.length) return base(v);
      const xs = v as unknown[];
      const parts =
        cut && xs.length > 2 * EDGE_ITEMS
          ? [...xs.slice(0, EDGE_ITEMS).map((x) => nested(x, d + 1)), '...', ...xs.slice(-EDGE_ITEMS).map((x) => nested(x, d + 1))]
          : xs.map((x) => nested(x, d + 1));
      return `[${parts.join(', ')}]`;
    };
    return (v) => nested(v, 0);
  }
  if (dt.isStructured) {
    const names = dt.names as readonly string[];
    const fields = names.map((n) => formatter(values.map((v) => (v as Record<string, unknown>)[n]), dt.fields![n].dtype, false));
    return (v) => {
      const r = v as Record<string, unknown>;
      const parts = names.map((n, i) => fields[i](r[n]));
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
    };
  }
  switch (dt.kind) {
    case 'b': {
      const t = zeroD ? 'True' : ' True';
      return (v) => (v ? t : 'False');
    }
    case 'i':
    case 'u': {
      const width = maxOf(values, (v) => String(v).length);
      return (v) => String(v).padStart(width);
    }
    case 'f':
      return floatFormat(values as number[], dt.itemsize, '-') as Format;
    case 'c': {
      const cs = values as { re: number; im: number }[];
      const re = floatFormat(cs.map((c) => c.re), dt.itemsize / 2, '-');
      const im = floatFormat(cs.map((c) => c.im), dt.itemsize / 2, '+');
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

/** Shortest round-trip digits of `x` in its own precision: mantissa digits and decimal exponent. */
function shortest(x: number, itemsize: number): { digits: string; exp: number } {
  const ax = Math.abs(x);
  let text: string;
  if (itemsize === 8 || ax === 0) {
    text = ax.toExponential();
  } else {
    const back = itemsize === 4 ? (y: number): number => Math.fround(y) : (y: number): number => float16Value(float16Bits(y));
    const maxDigits = itemsize === 4 ? 9 : 5;
    text = ax.toExponential(maxDigits - 1);
    for (let p = 1; p < maxDigits; p++) {
      const t = ax.toExponential(p - 1);
      if (back(Number(t)) === ax) {
        text = t;
        break;
      }
    }
    text = tieToEven(ax, text, back);
  }
  const [mant, e] = text.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) };
}

/**
 * toExponential rounds a tie up; Dragon4 (NumPy) rounds it to the even
 * digit. A tie: the exact value continues with a 5 and nothing after it.
 */
function tieToEven(ax: number, text: string, back: ((y: number) => number) | null): string {
  const [mant, e] = text.split('e');
  const digits = mant.replace('.', '');
  const last = Number(digits[digits.length - 1]);
  if (last % 2 === 0) return text;
  const exact = ax.toExponential(100).split('e')[0].replace('.', '');
  // Only when the exponent agrees (no carry into a new digit) is the comparison digit by digit.
  if (exact.split('e')[0].length < digits.length + 1 || ax.toExponential(100).split('e')[1] !== e) return text;
  if (exact[digits.length] !== '5' || !/^0*$/.test(exact.slice(digits.length + 1))) return text;
  const down = digits.slice(0, -1) + String(last - 1);
  const candidate = `${down[0]}${down.length > 1 ? `.${down.slice(1)}` : ''}e${e}`;
  return back === null || back(Number(candidate)) === ax ? candidate : text;
}

/** Positional text, unique digits capped at PRECISION fractional digits, trimmed to `1.` style. */
function positional(x: number, itemsize: number, sign: '-' | '+'): string {
  const neg = x < 0 || Object.is(x, -0);
  const { digits, exp } = shortest(x, itemsize);
  let int: string;
  let frac: string;
  if (exp >= 0) {
    int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  if (frac.length > PRECISION) {
    const fixed = Math.abs(x).toFixed(PRECISION);
    [int, frac] = fixed.split('.');
    frac = frac.replace(/0+$/, '');
  }
  if (digits === '0') frac = '';
  return `${neg ? '-' : sign === '+' ? '+' : ''}${int}.${frac}`;
}

/** Scientific text `1.5e+10`, unique digits capped at PRECISION, mantissa not yet padded. */
function scientific(x: number, itemsize: number, sign: '-' | '+'): { int: string; frac: string; exp: string } {
  const neg = x < 0 || Object.is(x, -0);
  let { digits, exp } = shortest(x, itemsize);
  if (digits.length - 1 > PRECISION) {
    const [m, e] = Math.abs(x).toExponential(PRECISION).split('e');
    digits = m.replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(e);
  }
  const int = `${neg ? '-' : sign === '+' ? '+' : ''}${digits[0]}`;
  const frac = digits.slice(1);
  const expText = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return { int, frac, exp: expText };
}

/** np.finfo(dtype).precision by float size: decimal digits the type holds. */
const FINFO_PRECISION: Record<number, number> = { 2: 3, 4: 6, 8: 15 };

function floatFormat(values: number[], itemsize: number, sign: '-' | '+'): (x: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const absNonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (absNonZero.length > 0) {
    const max = maxOf(absNonZero, (v) => v);
    const min = -maxOf(absNonZero, (v) => -v);
    // NumPy (2.4 here) lowers the cutoff for narrow floats: 1e3 for float16, 1e6 for float32.
    const cutoff = 10 ** Math.min(8, FINFO_PRECISION[itemsize]);
    expFormat = max >= cutoff || min < 0.0001 || max / min > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = 0;
  let expSize = 0;
  if (finite.length > 0) {
    if (expFormat) {
      const parts = finite.map((v) => scientific(v, itemsize, sign));
      expSize = maxOf(parts, (p) => p.exp.length) - 1;
      precision = maxOf(parts, (p) => p.frac.length);
      padLeft = maxOf(parts, (p) => p.int.length);
      padRight = expSize + 2 + precision;
    } else {
      const strs = finite.map((v) => positional(v, itemsize, sign).split('.'));
      padLeft = maxOf(strs, (s) => s[0].length);
      padRight = maxOf(strs, (s) => s[1].length);
    }
  }
  if (finite.length !== values.length) {
    const negInf = sign !== '-' || values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  return (x) => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? `${sign === '+' ? '+' : ''}nan` : `${x < 0 ? '-' : sign === '+' ? '+' : ''}inf`;
      return ret.padStart(padLeft + padRight + 1);
    }
    if (expFormat) {
      const p = scientific(x, itemsize, sign);
      const exp = p.exp[0] + p.exp.slice(1).padStart(expSize, '0');
      if (p.frac.length < precision) {
        // NumPy's min_digits: the value's own digits (not zeros) up to the common precision.
        const [m, e] = tieToEven(Math.abs(x), Math.abs(x).toExponential(precision), null).split('e');
        const [i, f] = m.split('.');
        const n = Number(e);
        const ex = `${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(expSize, '0')}`;
        return `${`${p.int.slice(0, -1)}${i}`.padStart(padLeft)}.${f}e${ex}`;
      }
      return `${p.int.padStart(padLeft)}.${p.frac}e${exp}`;
    }
    const [int, frac] = positional(x, itemsize, sign).split('.');
    return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
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
  const { digits, exp } = shortest(x, 8);
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
  const { digits, exp } = shortest(v, dt.itemsize);
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
