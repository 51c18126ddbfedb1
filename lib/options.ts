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
  const out = {} as Pick<T, K>;
  if (options === undefined || options === null) return out;
  for (const k of keys) {
    const v = options[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
