/**
 * Python's `print` for the examples, so each one prints exactly what its
 * NumPy twin (examples/numpy/*.py) prints: `true` shows as `True`, `null` as
 * `None`, arrays as lists, record values as tuples, and `tolist(a)` gives
 * floats their Python spelling (`1.0`, `inf`). Not part of the library.
 * @module
 */
import type { NdArray, DType } from '../lib';

/** A number Python would print as a float (`2.0`, not `2`). */
class PyFloat {
  constructor(readonly value: number) {}
}

/** A sequence Python would print as a tuple: `(3, 2)`. */
class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

/** Marks a list to print as a Python tuple, e.g. `tuple(a.shape)` → `(3, 2, 3)`. */
export function tuple(items: readonly unknown[]): PyTuple {
  return new PyTuple(items);
}

/** Python's `hex(n)`. */
export function hex(n: number | bigint): string {
  return n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s.replace(/e([+-])(\d)$/, 'e$10$2') : `${s}.0`;
}

/** Python's `repr` of a complex part inside `(1+2j)`: no trailing `.0`. */
function complexPart(x: number): string {
  return floatRepr(x).replace(/\.0$/, '');
}

/** Python's `repr()` of a value as the examples hold it. */
export function repr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${repr(v.items[0])},)` : `(${v.items.map(repr).join(', ')})`;
  if (v instanceof Uint8Array) {
    return `b'${Array.from(v, (c) => (c >= 32 && c < 127 && c !== 39 && c !== 92 ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`)).join('')}'`;
  }
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if (typeof v === 'object' && 're' in v && 'im' in v) {
    const { re, im } = v as { re: number; im: number };
    const sign = im < 0 || Object.is(im, -0) ? '-' : '+';
    if (Object.is(re, 0)) return `${complexPart(im)}j`;
    return `(${complexPart(re)}${sign}${complexPart(Math.abs(im))}j)`;
  }
  if (typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function' && 'dtype' in v) return String(v);
  if (typeof v === 'object') return repr(tuple(Object.values(v)));
  return String(v);
}

/** Python's `print(*values)`: strings as they are, everything else as `repr`. */
export function print(...values: unknown[]): void {
  console.log(values.map((v) => (typeof v === 'string' ? v : repr(v))).join(' '));
}

/** The value `dt` reads, with floats and records marked for Python's spelling. */
function pythonValue(v: unknown, dt: DType): unknown {
  if (dt.names !== null) {
    return tuple(dt.names.map((n) => pythonValue((v as Record<string, unknown>)[n], dt.fields![n].dtype)));
  }
  if (dt.shape.length > 0) return (function nest(x: unknown): unknown {
    return Array.isArray(x) ? x.map(nest) : pythonValue(x, dt.base);
  })(v);
  return dt.kind === 'f' ? new PyFloat(v as number) : v;
}

/** NumPy's `a.tolist()`, printable as Python prints it. */
export function tolist(a: NdArray): unknown {
  const nest = (x: unknown, depth: number): unknown => (depth < a.ndim ? (x as unknown[]).map((y) => nest(y, depth + 1)) : pythonValue(x, a.dtype));
  return nest(a.toArray(), 0);
}
