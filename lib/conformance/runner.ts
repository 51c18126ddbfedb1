/**
 * Replays NumPy-produced conformance cases (see FORMAT.md beside them)
 * through the public API and reports every difference.
 * @module
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ascontiguousarray,
  asStrided,
  broadcastTo,
  dtype as toDType,
  DType,
  mayShareMemory,
  ndarray,
  NdArray,
  sharesMemory,
  type DTypeLike,
} from '../index';
import { COMPUTE_OP_NAMES, COMPUTE_OPS, comparableStrides, compareBuffer, decodeFloat, sameWithinUlp, type ComputeContext } from './compute';

import type { Json } from './compute';

/** A case of a file (FORMAT.md). */
export interface Case {
  id: string;
  buffer_hex: string;
  buffer_align?: number;
  source: { dtype: Json; shape: number[]; strides: number[]; offset: number; writeable: boolean };
  ops: Json[][];
  expect: { [k: string]: Json };
}

/** The result of one case. */
export interface CaseResult {
  id: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  detail?: string;
  /** The error the library threw where NumPy raised too (the class is only a hint to a case, a fuzzer compares it). */
  thrown?: { name: string; message: string; classes: string[] };
}

/** Ops a caller adds to the case language (the fuzzer's `npy_roundtrip`); never used by the case files. */
export type ExtraOps = ReadonlyMap<string, (a: NdArray, args: Json[]) => NdArray>;

const SUPPORTED = new Set([
  'view', 'index', 'field', 'fields', 'reshape', 'ravel', 'transpose', 'swapaxes', 'squeeze', 'expand_dims',
  'flip', 'broadcast_to', 'as_strided', 'newbyteorder', 'byteswap', 'byteswap_inplace', 'set', 'fill', 'copy',
  'astype', 'ascontiguous', 'set_writeable',
]);

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

function bytesToHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** The conformance dtype spec → a spec this library takes (dicts and {base, shape} pass through). */
function toSpec(spec: Json): DTypeLike {
  return spec as unknown as DTypeLike;
}

// ------------------------------------------------------------------ values

function encodeFloat(x: number): Json {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return x;
}

/** Our value → the case file's JSON encoding, guided by the dtype. */
function encode(v: unknown, dt: DType): Json {
  if (Array.isArray(v)) {
    const el = dt.shape.length > 0 ? dt.base : dt;
    return v.map((x) => encode(x, el));
  }
  if (dt.shape.length > 0) return encode(v, dt.base);
  if (dt.isStructured) {
    const out: { [k: string]: Json } = {};
    const rec = v as Record<string, unknown>;
    for (const name of dt.names as readonly string[]) out[name] = encode(rec[name], dt.fields![name].dtype);
    return out;
  }
  switch (dt.kind) {
    case 'b':
      return v as boolean;
    case 'i':
    case 'u':
      return typeof v === 'bigint' ? v.toString() : (v as number);
    case 'f':
      return encodeFloat(v as number);
    case 'c': {
      const c = v as { re: number; im: number };
      return [encodeFloat(c.re), encodeFloat(c.im)];
    }
    case 'S':
      return { bytes_hex: bytesToHex(v as Uint8Array) };
    case 'V':
      return { void_hex: bytesToHex(v as Uint8Array) };
  }
  return null;
}

/** A `set`/`fill` value from the case file → a JS value for `dt`. */
function decode(v: Json, dt: DType): unknown {
  const el = dt.shape.length > 0 ? dt.base : dt;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if ('bytes_hex' in v) return hexToBytes(v.bytes_hex as string);
    if ('void_hex' in v) return hexToBytes(v.void_hex as string);
    if (el.isStructured) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = decode(x, el.fields?.[k]?.dtype ?? el);
      return out;
    }
  }
  if (Array.isArray(v)) {
    if (el.kind === 'c' && v.length === 2 && !Array.isArray(v[0]) && !Array.isArray(v[1])) {
      return { re: decodeScalar(v[0], el), im: decodeScalar(v[1], el) };
    }
    return v.map((x) => decode(x, dt));
  }
  return decodeScalar(v, el);
}

function decodeScalar(v: Json, dt: DType): unknown {
  if (typeof v === 'string') {
    if (/^-?\d+$/.test(v)) return (dt.kind === 'i' || dt.kind === 'u') && dt.itemsize === 8 ? BigInt(v) : Number(v);
    return decodeFloat(v);
  }
  if (typeof v === 'number' && (dt.kind === 'i' || dt.kind === 'u') && dt.itemsize === 8 && Number.isInteger(v)) {
    return BigInt(v);
  }
  return v;
}

// ------------------------------------------------------------------ comparing

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]));
  }
  return false;
}

function show(v: unknown): string {
  const s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Our dtype → the case file's dtype encoding. */
function describeDType(dt: DType): Json {
  if (dt.shape.length > 0) return { base: describeDType(dt.base), shape: [...dt.shape] };
  if (!dt.isStructured) return dt.str;
  const names = dt.names as readonly string[];
  const out: { [k: string]: Json } = {
    names: [...names],
    formats: names.map((n) => describeDType(dt.fields![n].dtype)),
    offsets: names.map((n) => dt.fields![n].offset),
    itemsize: dt.itemsize,
  };
  if (dt.alignment > 1) out.aligned = true;
  return out;
}

// ------------------------------------------------------------------ ops

class Skip extends Error {}
/** A compute op FORMAT.md defines that the library does not build yet: the case fails. */
class NotBuilt extends Error {}

const computeContext: ComputeContext = { apply: (a, op) => applyOp(a, op), decode };

function applyOp(a: NdArray, op: Json[]): NdArray {
  const [name, ...args] = op as [string, ...Json[]];
  switch (name) {
    case 'view':
      return args.length === 0 || args[0] === null ? a.view() : a.view(toSpec(args[0]));
    case 'index':
      return a.index(args[0] as string);
    case 'field':
      return a.field(args[0] as string);
    case 'fields':
      return a.fields(args[0] as string[]);
    case 'reshape':
      return a.reshape(args[0] as number[], (args[1] ?? 'C') as 'C' | 'F' | 'A');
    case 'ravel':
      return a.ravel((args[0] ?? 'C') as 'C' | 'F' | 'A' | 'K');
    case 'transpose':
      return a.transpose(args[0] as number[] | null);
    case 'swapaxes':
      return a.swapaxes(args[0] as number, args[1] as number);
    case 'squeeze':
      return a.squeeze(args.length ? (args[0] as number | number[] | null) : undefined);
    case 'expand_dims':
      return a.expandDims(args[0] as number | number[]);
    case 'flip':
      return a.flip(args[0] as number | number[] | null);
    case 'broadcast_to':
      return broadcastTo(a, args[0] as number[]);
    case 'as_strided':
      return asStrided(a, args[0] as number[], args[1] as number[]);
    case 'newbyteorder':
      return a.newbyteorder((args[0] ?? 'S') as 'S');
    case 'byteswap':
      return a.byteswap();
    case 'byteswap_inplace':
      a.byteswap(true);
      return a;
    case 'set': {
      const target = a.index(args[0] as string);
      a.set(args[0] as string, decode(args[1], target.dtype));
      return a;
    }
    case 'fill':
      a.fill(decode(args[0], a.dtype));
      return a;
    case 'copy':
      return a.copy((args[0] ?? 'C') as 'C');
    case 'astype':
      return a.astype(toSpec(args[0]));
    case 'ascontiguous':
      return ascontiguousarray(a);
    case 'set_writeable':
      a.flags.writeable = args[0] as boolean;
      return a;
    default: {
      const op = COMPUTE_OPS.get(name);
      if (op !== undefined) return op(a, args, computeContext);
      if (COMPUTE_OP_NAMES.has(name)) throw new NotBuilt(`compute op '${name}' is not built`);
      throw new Skip(`op '${name}' is not built`);
    }
  }
}

/** The names of an error's class and of every class it extends. */
function classChain(err: unknown): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(err); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) names.push(p.constructor.name);
  return names;
}

/** Runs one case (`extra`: ops beyond FORMAT.md's, looked up first). */
export function runCase(c: Case, extra?: ExtraOps): CaseResult {
  const fail = (detail: string): CaseResult => ({ id: c.id, status: 'failed', detail });
  for (const op of c.ops) {
    const name = op[0] as string;
    if (SUPPORTED.has(name) || COMPUTE_OPS.has(name) || extra?.has(name)) continue;
    if (COMPUTE_OP_NAMES.has(name)) return fail(`compute op '${name}' is not built`);
    return { id: c.id, status: 'skipped', detail: `op '${name}' is not built` };
  }
  const initial = hexToBytes(c.buffer_hex);
  // An mmap is page aligned; an ArrayBuffer's data is at least 8-aligned, and
  // the library models byte 0 of a buffer as 0 mod 64. buffer_align 1 starts one byte in.
  const shift = c.buffer_align === 1 ? 1 : 0;
  const backing = new Uint8Array(new ArrayBuffer(initial.length + shift));
  backing.set(initial, shift);
  const bytes = backing.subarray(shift);
  const s = c.source;
  let source: NdArray;
  try {
    source = ndarray(s.shape, toSpec(s.dtype), bytes, { offset: s.offset, strides: s.strides, readonly: !s.writeable });
  } catch (e) {
    return fail(`source: ${(e as Error).message}`);
  }
  const e = c.expect;
  let cur = source;
  for (let i = 0; i < c.ops.length; i++) {
    try {
      const op = c.ops[i];
      const own = extra?.get(op[0] as string);
      cur = own !== undefined ? own(cur, op.slice(1)) : applyOp(cur, op);
    } catch (err) {
      if (err instanceof Skip) return { id: c.id, status: 'skipped', detail: err.message };
      if (err instanceof NotBuilt) return fail(`op ${i}: ${err.message}`);
      if (e.error === undefined) return fail(`op ${i}: unexpected ${(err as Error).name}: ${(err as Error).message}`);
      if (e.error_op !== i) return fail(`op ${i}: threw ${(err as Error).name} (${(err as Error).message}) but NumPy raised at op ${String(e.error_op)}`);
      const want = (e.buffer_hex as string | undefined) ?? c.buffer_hex;
      const diff = compareBuffer(bytes, want, e.buffer_nan);
      if (diff !== null) return fail(`op ${i}: the failing op changed the buffer (${diff})`);
      return { id: c.id, status: 'passed', thrown: { name: (err as Error).name, message: (err as Error).message, classes: classChain(err) } };
    }
  }
  if (e.error !== undefined) return fail(`op ${String(e.error_op)}: expected ${String(e.error)} (${String(e.message)}) but nothing was thrown`);

  const diffs: string[] = [];
  const check = (what: string, want: Json | undefined, got: Json): void => {
    if (want === undefined) return;
    if (!same(want, got)) diffs.push(`expected ${what} ${show(want)} got ${show(got)}`);
  };
  const copied = (cur.base ?? cur).flags.ownData;
  check('dtype', e.dtype, describeDType(cur.dtype));
  check('shape', e.shape, [...cur.shape]);
  // A new array's strides on length-1 axes (all of an empty one's) are NumPy code-path noise (FORMAT.md, compute).
  if (copied && Array.isArray(e.strides)) check('strides', comparableStrides(cur.shape, e.strides), comparableStrides(cur.shape, [...cur.strides]));
  else check('strides', e.strides, [...cur.strides]);
  check('copied', e.copied, copied);
  if (!copied) check('offset', e.offset, cur.offset);
  const f = e.flags as { [k: string]: Json } | undefined;
  if (f) {
    const fl = cur.flags;
    check('c_contiguous', f.c_contiguous, fl.cContiguous);
    check('f_contiguous', f.f_contiguous, fl.fContiguous);
    check('writeable', f.writeable, fl.writeable);
    check('aligned', f.aligned, fl.aligned);
  }
  try {
    const got = encode(cur.toArray(), cur.dtype);
    if (typeof e.values_ulp === 'number' && (cur.dtype.kind === 'f' || cur.dtype.kind === 'c')) {
      const part = cur.dtype.kind === 'c' ? cur.itemsize / 2 : cur.itemsize;
      if (!sameWithinUlp(e.values as Json, got, e.values_ulp, part)) diffs.push(`expected values ${show(e.values)} within ${e.values_ulp} ulp, got ${show(got)}`);
    } else {
      check('values', e.values, got);
    }
  } catch (err) {
    diffs.push(`values: ${(err as Error).message}`);
  }
  check('shares_memory', e.shares_memory, sharesMemory(source, cur));
  check('may_share_memory', e.may_share_memory, mayShareMemory(source, cur));
  const bufferDiff = compareBuffer(bytes, (e.buffer_hex as string | undefined) ?? c.buffer_hex, e.buffer_nan);
  if (bufferDiff !== null) diffs.push(bufferDiff);
  if (diffs.length) return fail(`op ${c.ops.length - 1}: ${diffs.join('; ')}`);
  return { id: c.id, status: 'passed' };
}

/** Totals of a run. */
export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

/** Runs one case file, printing failures and its counts through `log`. */
export function runFile(file: string, log: (line: string) => void = console.log): Totals {
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as Case[];
  const t: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const c of cases) {
    let r: CaseResult;
    try {
      r = runCase(c);
    } catch (err) {
      r = { id: c.id, status: 'failed', detail: `runner: ${(err as Error).stack ?? String(err)}` };
    }
    t[r.status]++;
    if (r.status !== 'passed') log(`${r.id}: ${r.status === 'skipped' ? 'skipped: ' : ''}${r.detail}`);
  }
  log(`${path.basename(file)}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return t;
}

/** Runs every `*.json` file of `dir`, printing failures and per-file and total counts through `log`. */
export function runDirectory(dir: string, log: (line: string) => void = console.log): Totals {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no *.json case files in '${dir}'`);
  const total: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of files) {
    const t = runFile(path.join(dir, file), log);
    total.passed += t.passed;
    total.failed += t.failed;
    total.skipped += t.skipped;
  }
  log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total;
}

export { toDType };

/** Applies one op of the case language (either table) to `a`: the fuzzer's generator replays its views with it. */
export { applyOp as applyCaseOp };
/** The context compute ops decode their operands with (the fuzzer's own ops use it too). */
export { computeContext as caseContext };
