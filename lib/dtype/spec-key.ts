/**
 * Cache keys for non-string dtype specs (`[['ts', '<u8'], ['value', '<f8']]`,
 * `{ names, formats, offsets }`, `{ base, shape }`), so a spec passed on
 * every call is parsed once.
 *
 * A spec is a nested JS value its caller may mutate between calls, so the
 * key is its content, read afresh each call, never its identity: a canonical
 * string with a type tag per value (`s"ts"`, `n8`, `[…]`, `{"k":…}`,
 * `tInt32Array[2,3]`). On a miss, the spec is first copied into a private
 * snapshot; the key and the parse both come from that copy, so a spec that
 * changes while it is read (a getter, a proxy) can never store a DType under
 * a key it does not match. Anything else in a spec (a DType, a class
 * instance, a function), nesting deeper than {@link SPEC_KEY_DEPTH} or a key
 * longer than {@link SPEC_KEY_LENGTH} gives no key: that spec is parsed each
 * time, as before.
 * @module
 */

/** Deepest nesting a cached spec may have. */
export const SPEC_KEY_DEPTH = 16;
/** Longest key kept (the cache holds at most its size × this many characters). */
export const SPEC_KEY_LENGTH = 4096;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isTypedArray(v: unknown): v is ArrayLike<number | bigint> & { constructor: { name: string } } {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * The content key of `spec`, or null when it has none, built in one pass
 * over the value.
 */
export function specKey(spec: unknown): string | null {
  const k = keyOf(spec, 0);
  return k !== null && k.length <= SPEC_KEY_LENGTH ? k : null;
}

// A string needs quoting only for these (JSON.stringify is the slow path).
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

function keyOf(v: unknown, depth: number): string | null {
  if (typeof v === 'string') return NEEDS_ESCAPE.test(v) ? `s${JSON.stringify(v)}` : `s"${v}"`;
  if (typeof v === 'number') return Object.is(v, -0) ? 'n-0' : `n${v}`;
  if (typeof v === 'boolean') return v ? 'T' : 'F';
  if (v === undefined) return 'u';
  if (v === null) return 'z';
  if (typeof v !== 'object' || depth >= SPEC_KEY_DEPTH) return null;
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      const k = keyOf(v[i], depth + 1);
      if (k === null) return null;
      out += k + ',';
      if (out.length > SPEC_KEY_LENGTH) return null;
    }
    return out + ']';
  }
  if (isTypedArray(v)) return `t${v.constructor.name}[${Array.prototype.join.call(v, ',')}]`;
  if (!isPlainObject(v)) return null;
  let out = '{';
  for (const name of Object.keys(v)) {
    const k = keyOf((v as Record<string, unknown>)[name], depth + 1);
    if (k === null) return null;
    out += `${JSON.stringify(name)}:${k},`;
    if (out.length > SPEC_KEY_LENGTH) return null;
  }
  return out + '}';
}

/**
 * A private deep copy of a spec that has a key (plain arrays, plain objects,
 * typed arrays and primitives only): what is parsed and keyed on a miss.
 */
export function snapshotSpec<T>(spec: T): T {
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(copy);
    if (isTypedArray(v)) return (v as unknown as { slice(): unknown }).slice();
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k]);
    return out;
  };
  return copy(spec) as T;
}

/**
 * True when the live `spec` has exactly the content of `snapshot` (a copy
 * made by {@link snapshotSpec}): the check behind the per-object fast path,
 * which needs no key string. Same rules as the key: anything the key would
 * refuse compares unequal.
 */
export function sameSpec(spec: unknown, snapshot: unknown, depth = 0): boolean {
  if (spec === null || typeof spec !== 'object') return Object.is(spec, snapshot);
  if (snapshot === null || typeof snapshot !== 'object' || depth >= SPEC_KEY_DEPTH) return false;
  if (Array.isArray(spec)) {
    if (!Array.isArray(snapshot) || spec.length !== snapshot.length) return false;
    for (let i = 0; i < spec.length; i++) if (!sameSpec(spec[i], snapshot[i], depth + 1)) return false;
    return true;
  }
  if (isTypedArray(spec)) {
    if (!isTypedArray(snapshot) || spec.constructor !== snapshot.constructor || spec.length !== snapshot.length) return false;
    for (let i = 0; i < spec.length; i++) if (spec[i] !== snapshot[i]) return false;
    return true;
  }
  if (!isPlainObject(spec) || Array.isArray(snapshot) || isTypedArray(snapshot)) return false;
  const keys = Object.keys(spec);
  const snapKeys = Object.keys(snapshot);
  if (keys.length !== snapKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== snapKeys[i]) return false;
    if (!sameSpec((spec as Record<string, unknown>)[keys[i]], (snapshot as Record<string, unknown>)[keys[i]], depth + 1)) return false;
  }
  return true;
}
