/**
 * Options objects, read once.
 *
 * An options object is the caller's: a getter or a Proxy trap on it runs the
 * caller's code, which may close the mapping, `release()` the array or
 * transfer its buffer. Read lazily, option by option, such code ran in the
 * middle of a call, after the closed check and after a window or typed
 * array was taken, and the call went on over memory that was gone (a
 * reduction over a closed mapping answered NaN; a `put` threw a DataView
 * error instead of `ERR_CLOSED`). So every public call that takes options
 * reads each option it knows exactly once, here, first; then it checks the
 * array is open and works only from the copy. (better-sqlite3's phases:
 * defaults, then validate, then interpret, then the native call.)
 * @module
 */

/**
 * The options in `keys` of `options`, each read exactly once (a getter runs
 * once), as a fresh plain object holding only those that are not undefined.
 * `undefined` or `null` reads as no options.
 */
export function readOptions<T extends object, K extends keyof T>(options: T | null | undefined, keys: readonly K[]): Pick<T, K> {
  // No prototype: an option left out reads undefined, not a polluted Object.prototype's value.
  const out = Object.create(null) as Pick<T, K>;
  if (options === undefined || options === null) return out;
  for (const k of keys) {
    // An option inherited from a polluted Object.prototype is not the
    // caller's: `Object.prototype.mode = 'w+'` (another package's
    // prototype-pollution bug) made every memmap(p) truncate its file. Only
    // then is ownership asked (no extra Proxy trap runs otherwise); an
    // options object's own prototype chain still counts.
    if (hasOwn(Object.prototype, k) && !hasOwn(options, k)) continue;
    const v = options[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A list, a typed array or an NdArray: a value, never an options object. */
function isArrayLike(o: object): boolean {
  if (Array.isArray(o) || ArrayBuffer.isView(o)) return true;
  const proto = Object.getPrototypeOf(o) as unknown;
  // An NdArray by duck type (options.ts sits below ndarray.ts); `in` runs no getter.
  return proto !== Object.prototype && proto !== null && 'ndim' in o && 'strides' in o;
}

/** The TypeError for a value where a call takes only its options. */
function notOptions(name: string, v: unknown): TypeError {
  const what = typeof v === 'string' ? `'${v}'` : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'a list' : ArrayBuffer.isView(v) ? 'a typed array' : 'an array') : String(v);
  // An NdArray there is most often one of NumPy's later positional arguments
  // (np.argmax(a, 0, out), np.average(a, 0, weights)): say where it goes.
  const hint = what === 'an array' ? ' (NumPy\'s later arguments go in the options object, e.g. { out })' : '';
  return new TypeError(`${name}() takes its options as an object, got ${what}${hint}`);
}

function hasOwn(o: object, k: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** `snake_case` → `camelCase` (NumPy's keyword → this library's option). */
function camelOf(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * NumPy's `TypeError: name() got an unexpected keyword argument 'key'`, with
 * the library's spelling when `key` is NumPy's snake_case of a known option
 * (`return_counts` → `returnCounts`).
 */
export function unexpectedKeyword(name: string, key: string, known: readonly string[]): TypeError {
  const camel = camelOf(key);
  const hint = camel !== key && known.includes(camel) ? ` (mmarray spells it '${camel}')` : '';
  return new TypeError(`${name}() got an unexpected keyword argument '${key}'${hint}`);
}

/**
 * {@link readOptions} for a call that knows every option it takes: an own
 * key outside `keys` (not undefined) is NumPy's TypeError for an unknown
 * keyword, thrown before anything is read, so a NumPy spelling
 * (`{ return_counts: true }`) fails loudly instead of being ignored.
 */
export function readKnownOptions<T extends object, K extends keyof T>(options: T | null | undefined, keys: readonly K[], name: string): Pick<T, K> {
  // A number or a string where the options go is a positional argument this
  // call does not take (`ptp(a, 1)` of a call without an axis slot): an
  // error, not silently no options.
  if (options !== undefined && options !== null && (typeof options !== 'object' || isArrayLike(options))) {
    throw notOptions(name, options);
  }
  if (options !== undefined && options !== null && typeof options === 'object') {
    for (const key of Object.keys(options)) {
      if ((keys as readonly PropertyKey[]).includes(key)) continue;
      if ((options as Record<string, unknown>)[key] === undefined) continue;
      throw unexpectedKeyword(name, key, keys as readonly string[]);
    }
  }
  return readOptions(options, keys);
}

/**
 * A boolean NumPy takes positionally or by keyword (`byteswap(inplace)`,
 * `fill_diagonal(a, val, wrap)`), given as it is or as `{ [key]: value }`:
 * undefined is `fallback`. An object was truthy, so `{ inplace: false }`
 * swapped in place; anything but a boolean is a TypeError now.
 */
export function booleanArg(arg: unknown, key: string, name: string, fallback = false): boolean {
  let v = arg;
  if (v !== null && typeof v === 'object' && !isArrayLike(v)) v = (readKnownOptions(v as Record<string, unknown>, [key], name) as Record<string, unknown>)[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new TypeError(`${name}(): ${key} must be a boolean, got ${typeof v === 'string' ? `'${v}'` : typeof v === 'object' && v !== null ? 'an array' : String(v)}`);
  return v;
}

/**
 * An options object that also carries NumPy's `axis` keyword: what a NumPy
 * user writes for `np.sum(a, axis=1, keepdims=True)` is
 * `sum(a, { axis: 1, keepdims: true })`, the same call as
 * `sum(a, 1, { keepdims: true })`.
 */
export type WithAxis<O, A> = O & { axis?: A };

/**
 * The axis slot of a reduction read as NumPy's keyword form: a plain object
 * there (not a list, a typed array or an array) is the options, its `axis`
 * key the axis (read once; absent is the call's default). Options in both
 * places are a TypeError, as Python's "got multiple values". Anything else
 * is returned as given, for the call's own axis checks.
 */
export function axisInOptions<A, O extends object>(name: string, axis: A | WithAxis<O, A> | undefined, options: O | null | undefined): [A | undefined, O | null | undefined] {
  // An array (or a dtype string) after the axis is NumPy's positional `out`
  // or `dtype`: read as options, an NdArray's own keys were none of them, so
  // `argmax(a, 0, out)` and `sum(a, 0, out)` left `out` as it was.
  if (options !== undefined && options !== null && (typeof options !== 'object' || isArrayLike(options))) throw notOptions(name, options);
  if (axis === null || typeof axis !== 'object' || Array.isArray(axis) || ArrayBuffer.isView(axis)) return [axis as A | undefined, options];
  const proto = Object.getPrototypeOf(axis) as unknown;
  if (proto !== Object.prototype && proto !== null) return [axis as A, options];
  if (options !== undefined && options !== null && Object.keys(options).length > 0) {
    throw new TypeError(`${name}() got options twice: pass ${name}(a, { axis, ... }) or ${name}(a, axis, { ... })`);
  }
  const rest = Object.create(null) as Record<string, unknown>;
  let ax: unknown;
  for (const key of Object.keys(axis)) {
    const v = (axis as Record<string, unknown>)[key];
    if (key === 'axis') ax = v;
    else rest[key] = v;
  }
  return [ax as A | undefined, rest as O];
}

/**
 * A call whose second argument is NumPy's positional `key` (`cov(m, y)`,
 * `trapezoid(y, x)`) or its options: a plain object there is the options,
 * anything else (a list, an NdArray, a DType) the value of `key`, put in the options
 * (the third argument). `key` in both places is Python's "got multiple
 * values".
 */
export function optionsWithValue<O extends object>(name: string, key: string, slot: unknown, options: O | null | undefined): O | undefined {
  if (slot === undefined) return options ?? undefined;
  // Only a plain object is the options: a list, an NdArray, a DType is the value.
  const proto = slot !== null && typeof slot === 'object' ? (Object.getPrototypeOf(slot) as unknown) : undefined;
  if (proto === Object.prototype || proto === null) {
    if (options !== undefined && options !== null && Object.keys(options).length > 0) {
      throw new TypeError(`${name}() got options twice: pass ${name}(a, { ${key}, ... }) or ${name}(a, ${key}, { ... })`);
    }
    return slot as O;
  }
  if (options !== undefined && options !== null && (typeof options !== 'object' || isArrayLike(options))) throw notOptions(name, options);
  if (options !== undefined && options !== null && hasOwn(options, key) && (options as Record<string, unknown>)[key] !== undefined) {
    throw new TypeError(`${name}() got multiple values for argument '${key}'`);
  }
  return { ...(options ?? {}), [key]: slot } as O;
}

/**
 * One parameter a method takes positionally or as NumPy's keyword in an
 * options object (`a.copy('F')` or `a.copy({ order: 'F' })`): a plain
 * object in the slot is the options, holding `key` only; anything else is
 * the value itself (undefined: the default).
 */
export function keywordValue<T>(name: string, key: string, slot: T | Readonly<Record<string, unknown>> | undefined): T | undefined {
  const proto = slot !== null && typeof slot === 'object' ? (Object.getPrototypeOf(slot) as unknown) : undefined;
  if (proto !== Object.prototype && proto !== null) return slot as T | undefined;
  return readKnownOptions(slot as Record<string, unknown>, [key], name)[key] as T | undefined;
}

/**
 * NumPy's trailing parameters of a call, taken as NumPy takes them: each
 * positionally in NumPy's order (`keys`), and any of them in one options
 * object, which comes last (`isclose(a, b, 1e-3, 1e-6)`, `isclose(a, b, 1e-3,
 * { equalNan: true })`, `isclose(a, b, { rtol: 1e-3 })`). A positional
 * `undefined` is the parameter's default; a value given both ways is
 * Python's "got multiple values"; more values than NumPy's parameters, or
 * anything after the options, is a TypeError. A `{ re, im }` complex value
 * is a value, not options. The merged options are for the call's
 * {@link readKnownOptions}. A `null` is the default too, except for the
 * `keepNull` keys, where NumPy's `None` means something of its own
 * (loadtxt's `comments=None`: no comments); there it stays `null`.
 */
export function positionalOptions<O extends object>(name: string, keys: readonly (keyof O & string)[], args: readonly unknown[], keepNull: readonly (keyof O & string)[] = []): O {
  const out: Record<string, unknown> = {};
  // Trailing undefined are arguments not given (a wrapper passes its own slots on).
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  for (let i = 0; i < end; i++) {
    const v = args[i];
    const proto = v !== null && typeof v === 'object' ? (Object.getPrototypeOf(v) as unknown) : undefined;
    const isComplex = (proto === Object.prototype || proto === null) && isComplexValue(v as object);
    if ((proto === Object.prototype || proto === null) && !isComplex) {
      if (i !== end - 1) throw new TypeError(`${name}() takes its options object last, got ${String(end - 1 - i)} more argument(s) after it`);
      for (const k of Object.keys(v as object)) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) continue;
        if (hasOwn(out, k)) throw new TypeError(`${name}() got multiple values for argument '${k}'`);
        out[k] = x;
      }
      break;
    }
    if (i >= keys.length) throw new TypeError(`${name}() takes at most ${keys.length} argument(s) after its inputs (${keys.join(', ')}), got ${end}`);
    // An array where NumPy's positional dtype goes is most often its out, one place early.
    if (keys[i] === 'dtype' && v !== null && typeof v === 'object' && isArrayLike(v) && !Array.isArray(v)) {
      const at = keys.indexOf('out' as keyof O & string);
      throw new TypeError(`${name}(): dtype must be a data type, got an array${at > i ? ` (out is NumPy's next argument: pass null for the dtype first, or { out })` : ''}`);
    }
    // undefined or null (NumPy's None) leaves the parameter to its default, unless None is a value of its own there.
    if (v !== undefined && (v !== null || keepNull.includes(keys[i]))) out[keys[i]] = v;
  }
  return out as O;
}

/** `{ re, im }` (its only own keys): a complex value. */
function isComplexValue(v: object): boolean {
  const k = Object.keys(v);
  return k.length === 2 && k.includes('re') && k.includes('im');
}

/**
 * A reduction's arguments after its input: the axis slot read as NumPy's
 * keyword form ({@link axisInOptions}), and the rest as NumPy's positional
 * parameters after the axis (`keys`, in NumPy's order: `std(a, 0, null,
 * null, 1)` is ddof 1, as NumPy's `np.std(a, 0, None, None, 1)`) or the
 * options object ({@link positionalOptions}). With no positional parameter
 * (`keys` empty) anything but options is {@link axisInOptions}' TypeError.
 * Returns the axis and the options.
 */
export function axisArgs<A, O extends object>(name: string, keys: readonly string[], axis: A | WithAxis<O, A> | undefined, rest: readonly unknown[]): [A | undefined, O | null | undefined] {
  let given: unknown = rest[0];
  if (keys.length === 0) {
    if (rest.length > 1) throw new TypeError(`${name}() takes its options as an object after the axis, got ${rest.length} more arguments`);
  } else if (rest.length > 1 || (rest.length === 1 && given !== undefined && given !== null)) {
    given = positionalOptions<O>(name, keys as (keyof O & string)[], rest);
  }
  return axisInOptions<A, O>(name, axis, given as O | null | undefined);
}

/**
 * {@link axisArgs} for a call that reads `axis` from its options: the
 * options with the slot's axis put in them (`median(a, 0)`, `median(a, 0,
 * { keepdims: true })` and `median(a, { axis: 0, keepdims: true })` are one
 * call); the axis in both places is Python's "got multiple values".
 */
export function optionsWithAxisArgs<A, O extends { axis?: A }>(name: string, keys: readonly string[], axis: A | O | undefined, rest: readonly unknown[]): O | undefined {
  const [ax, o] = axisArgs<A, O>(name, keys, axis as A | WithAxis<O, A> | undefined, rest);
  if (ax === undefined) return o ?? undefined;
  if (o !== undefined && o !== null && Object.prototype.hasOwnProperty.call(o, 'axis') && (o as { axis?: unknown }).axis !== undefined) {
    throw new TypeError(`${name}() got multiple values for argument 'axis'`);
  }
  return { ...(o ?? {}), axis: ax } as O;
}
