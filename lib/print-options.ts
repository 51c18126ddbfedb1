/**
 * NumPy's print options (`np.set_printoptions`, `np.get_printoptions`,
 * `np.printoptions`): how `toString()`, `util.inspect`, {@link arrayRepr},
 * {@link arrayStr} and {@link array2string} write floats, where they
 * summarize, how wide a line is. One set for the process (NumPy keeps one
 * per context; JS has no context variable that follows synchronous code),
 * changed by {@link setPrintoptions} or for the length of one call by
 * {@link printoptions}.
 * @module
 */
import { ValueError } from './errors';
import type { NdArray } from './ndarray';
import { positionalOptions } from './options';

/**
 * Functions that write one element, by NumPy's `formatter` keys: `bool`,
 * `int`, `float`, `complexfloat`, `void` (unstructured), `numpystr`
 * (bytes), and the groups `all`, `int_kind`, `float_kind`,
 * `complex_kind`, `str_kind` (`longfloat`, `longcomplexfloat`, `datetime`,
 * `timedelta` and `object` are accepted and never apply: mmarray has no such
 * dtypes; any other key is refused). Each gets the element as `get()`
 * returns it (a number, bigint, boolean, `{ re, im }`, `Uint8Array`).
 */
export type PrintFormatter = Partial<Record<'bool' | 'int' | 'timedelta' | 'datetime' | 'float' | 'longfloat' | 'complexfloat' | 'longcomplexfloat' | 'void' | 'numpystr' | 'object' | 'all' | 'int_kind' | 'float_kind' | 'complex_kind' | 'str_kind', ((x: never) => string) | null>>;

/** NumPy's print options (`np.get_printoptions()`), camelCased. */
export interface PrintOptions {
  /** Digits after the point of floats (8). */
  precision: number;
  /** Arrays of more elements than this are summarized with `...` (1000). */
  threshold: number;
  /** Items kept at each end of each summarized axis (3). */
  edgeitems: number;
  /** Characters per line (75). */
  linewidth: number;
  /** Print small floats as 0 in positional form, never switching to scientific for them (false). */
  suppress: boolean;
  /** Text of a NaN (`'nan'`). */
  nanstr: string;
  /** Text of an infinity (`'inf'`). */
  infstr: string;
  /** `'-'` (a sign only on negatives), `'+'` (on every value), `' '` (a space where a positive sign would be). */
  sign: '-' | '+' | ' ';
  /** `'maxprec'` (at most `precision` digits, each value its own), `'maxprec_equal'` (the same digits for all), `'fixed'` (always `precision`), `'unique'` (as many as needed, `precision` ignored). */
  floatmode: 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal';
  /** Element writers by dtype kind (null: none). */
  formatter: PrintFormatter | null;
  /** NumPy's legacy print modes are not kept: always false. */
  legacy: false;
  /** A function that writes the whole repr instead (null: none). */
  overrideRepr: ((a: NdArray) => string) | null;
}

const DEFAULTS: PrintOptions = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: 'nan',
  infstr: 'inf',
  sign: '-',
  floatmode: 'maxprec',
  formatter: null,
  legacy: false,
  overrideRepr: null,
});

let current: PrintOptions = { ...DEFAULTS };

/** The options in force (the object itself: callers must not change it). */
export function currentPrintOptions(): PrintOptions {
  return current;
}

const POSITIONAL = ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'nanstr', 'infstr', 'formatter', 'sign', 'floatmode'] as const;
const KEYS = new Set<string>([...POSITIONAL, 'legacy', 'overrideRepr']);
const FLOATMODES = ['fixed', 'unique', 'maxprec', 'maxprec_equal'];

const isInt = (v: unknown): boolean => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';

/**
 * The given options checked as NumPy's `_make_options_dict` checks them
 * (`fn` names the caller in the messages); options not given are absent.
 */
export function checkPrintOptions(fn: string, given: Record<string, unknown>): Partial<PrintOptions> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(given)) {
    if (!KEYS.has(k)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'${FORMATTER_KEYS.has(k) ? " (a formatter goes in { formatter: { ... } })" : ''}`);
    if (v === undefined || v === null) continue;
    out[k] = v;
  }
  if ('precision' in out) {
    if (!isInt(out.precision)) throw new TypeError('precision must be an integer');
    out.precision = Number(out.precision);
  }
  if ('threshold' in out) {
    if (typeof out.threshold !== 'number' && typeof out.threshold !== 'bigint') throw new TypeError('threshold must be numeric');
    if (Number.isNaN(out.threshold)) throw new ValueError('threshold must be non-NAN, try sys.maxsize for untruncated representation');
    out.threshold = Number(out.threshold);
  }
  for (const k of ['edgeitems', 'linewidth'] as const) {
    if (k in out) {
      if (!isInt(out[k])) throw new TypeError(`${k} must be an integer`);
      out[k] = Number(out[k]);
      if ((out[k] as number) < 0) throw new ValueError(`${k} must be >= 0`);
    }
  }
  if ('suppress' in out) out.suppress = Boolean(out.suppress);
  for (const k of ['nanstr', 'infstr'] as const) {
    if (k in out && typeof out[k] !== 'string') throw new TypeError(`${k} must be a string`);
  }
  if ('floatmode' in out && !FLOATMODES.includes(out.floatmode as string)) {
    throw new ValueError(`floatmode option must be one of ${FLOATMODES.map((m) => `"${m}"`).join(', ')}`);
  }
  if ('sign' in out && !['-', '+', ' '].includes(out.sign as string)) throw new ValueError("sign option must be one of ' ', '+', or '-'");
  if ('legacy' in out && out.legacy !== false) {
    throw new ValueError(`${fn}(): NumPy's legacy print modes ('1.13', '1.21', '1.25', '2.1', '2.2') are not supported; legacy must be false`);
  }
  if ('formatter' in out) {
    const f = out.formatter;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new TypeError('formatter must be an object of functions by dtype kind');
    for (const [k, w] of Object.entries(f)) {
      if (!FORMATTER_KEYS.has(k)) throw new ValueError(`formatter key '${k}' is not one of ${[...FORMATTER_KEYS].join(', ')}`);
      if (w !== null && w !== undefined && typeof w !== 'function') throw new TypeError(`formatter['${k}'] must be a function`);
    }
  }
  if ('overrideRepr' in out && typeof out.overrideRepr !== 'function') throw new TypeError('overrideRepr must be a function');
  return out as Partial<PrintOptions>;
}

/** NumPy's formatter keys (`datetime`, `timedelta` and `object` name dtypes mmarray does not have: accepted, never used). */
const FORMATTER_KEYS = new Set(['bool', 'int', 'timedelta', 'datetime', 'float', 'longfloat', 'complexfloat', 'longcomplexfloat', 'void', 'numpystr', 'object', 'all', 'int_kind', 'float_kind', 'complex_kind', 'str_kind']);

/** The options after setPrintoptions(...args): NumPy's rule (formatter and overrideRepr reset unless given). */
function updated(fn: string, args: readonly unknown[]): PrintOptions {
  const given = checkPrintOptions(fn, positionalOptions<Record<string, unknown>>(fn, POSITIONAL, args));
  return { ...current, formatter: null, overrideRepr: null, ...given };
}

/**
 * NumPy's `np.set_printoptions(precision, threshold, edgeitems, linewidth,
 * suppress, nanstr, infstr, formatter, sign, floatmode, *, legacy,
 * override_repr)`: sets the options for every later repr, str and
 * {@link array2string}; each positionally in NumPy's order or in an options
 * object (`setPrintoptions({ precision: 3, suppress: true })`; a
 * `formatter` only in the object). An option not given (or null) keeps its
 * value, except `formatter` and `overrideRepr`, which are reset unless
 * given, as NumPy's are.
 *
 * @throws TypeError for a non-integer precision (`'precision must be an
 *   integer'`), a non-numeric threshold, an unknown option.
 * @throws ValueError for a NaN threshold, an unknown `sign` or `floatmode`,
 *   a `legacy` other than false (NumPy's legacy modes are not kept).
 */
export function setPrintoptions(...args: unknown[]): void {
  current = updated('setPrintoptions', args);
}

/** NumPy's `np.get_printoptions()`: a copy of the options in force. */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * NumPy's `with np.printoptions(...)` as a callback: `fn` runs with the
 * options changed as {@link setPrintoptions} would change them (given in
 * one options object), gets them, and the options before are back when it
 * returns or throws. Its result is returned. The options are the process's:
 * a promise `fn` returns is not waited for (text written after an `await`
 * inside it sees the options of that later time).
 *
 * ```ts
 * printoptions({ precision: 2 }, () => String(divide(array([2]), 3)))  // 'array([0.67])'
 * ```
 */
export function printoptions<R>(options: Partial<PrintOptions>, fn: (options: PrintOptions) => R): R {
  if (typeof fn !== 'function') throw new TypeError('printoptions(options, fn): fn must be a function');
  const before = current;
  current = updated('printoptions', [options]);
  try {
    return fn({ ...current });
  } finally {
    current = before;
  }
}
