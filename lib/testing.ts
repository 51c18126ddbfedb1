/**
 * `mmarray/testing`: assertions about memory, usable from any test runner
 * (they throw Node's `assert.AssertionError`), a temp-file fixture, and
 * optional jest matchers built on the same checks.
 *
 * ```ts
 * import { expectSharesMemory, expectNoCopies, withTempMemmap } from 'mmarray/testing';
 *
 * withTempMemmap('<u4', [4, 4], (m) => {
 *   const col = expectNoCopies(() => m.index(':, 0'));
 *   expectSharesMemory(m, col);
 * });
 * ```
 * @module
 */
import { AssertionError } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DTypeLike } from './dtype';
import { explain } from './inspect';
import { isArray, storageOf } from './internal';
import { memmap, type Memmap } from './memmap';
import { TooHardError } from './errors';
import { sharesMemory } from './memory';
import type { NdArray } from './ndarray';
import { stats } from './stats';

function fail(message: string, stackStartFn: (...args: never[]) => unknown, actual?: unknown, expected?: unknown, operator?: string): never {
  throw new AssertionError({ message, actual, expected, operator, stackStartFn });
}

/** Options of {@link expectSharesMemory} and {@link expectIsolated}. */
export interface OverlapCheckOptions {
  /**
   * Bound on the exact search's work (NumPy's `max_work`), default
   * {@link DEFAULT_MAX_WORK}. Some layouts make the exact answer a hard
   * Diophantine problem (NumPy's own hard case runs for seconds unbounded);
   * past the bound the assertion fails saying it could not tell.
   */
  maxWork?: number;
}

/** The default work bound of the overlap assertions: well under a second. */
export const DEFAULT_MAX_WORK = 1_000_000;

/** sharesMemory under a work bound: true, false, or 'too-hard'. */
function sharesBounded(a: NdArray, b: NdArray, maxWork: number): boolean | 'too-hard' {
  if (!(Number.isSafeInteger(maxWork) && maxWork >= 0)) throw new RangeError(`maxWork must be a non-negative integer, got ${String(maxWork)}`);
  try {
    return sharesMemory(a, b, maxWork);
  } catch (e) {
    if (e instanceof TooHardError) return 'too-hard';
    throw e;
  }
}

function tooHard(maxWork: number): string {
  return `cannot tell whether the arrays share memory: the exact answer needs more than maxWork = ${maxWork} steps (mayShareMemory, the bounds check, says they may); pass a larger maxWork to search longer`;
}

/** Asserts that some byte is used by both arrays (NumPy's `shares_memory(a, b)` is true). */
export function expectSharesMemory(a: NdArray, b: NdArray, options: OverlapCheckOptions = {}): void {
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const r = sharesBounded(a, b, maxWork);
  if (r === 'too-hard') fail(`expected the arrays to share memory, but ${tooHard(maxWork)}`, expectSharesMemory, 'too hard', true, 'sharesMemory');
  if (!r) fail(`expected the arrays to share memory, but they do not. ${explain(a, b)}`, expectSharesMemory, false, true, 'sharesMemory');
}

/** Asserts that no byte is used by both arrays: writes through one can never show in the other. */
export function expectIsolated(a: NdArray, b: NdArray, options: OverlapCheckOptions = {}): void {
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const r = sharesBounded(a, b, maxWork);
  if (r === 'too-hard') fail(`expected the arrays to be isolated, but ${tooHard(maxWork)}`, expectIsolated, 'too hard', false, 'sharesMemory');
  if (r) fail(`expected the arrays to be isolated, but they share memory. ${explain(a, b)}`, expectIsolated, true, false, 'sharesMemory');
}

/** Asserts that writes to the array are refused (`flags.writeable` is false). */
export function expectReadOnly(a: NdArray): void {
  if (a.flags.writeable) {
    const m = storageOf(a).mapping;
    const where = m === null ? 'memory' : `a mapping of '${m.path}' in mode '${m.mode}'`;
    fail(`expected a read-only array, but flags.writeable is true (${a.constructor.name}<${a.dtype.str}> over ${where})`, expectReadOnly, true, false, 'flags.writeable');
  }
}

/**
 * Runs `fn` and asserts that the library made no copy meanwhile (it counts
 * copies in {@link stats}); returns what `fn` returned. An async `fn` is
 * awaited: copies made by other work running concurrently in this process
 * count too. The counters are read, never reset.
 */
export function expectNoCopies<T>(fn: () => Promise<T>): Promise<T>;
export function expectNoCopies<T>(fn: () => T): T;
export function expectNoCopies<T>(fn: () => T | Promise<T>): T | Promise<T> {
  const before = stats();
  const check = (): void => {
    const after = stats();
    const n = after.copies - before.copies;
    if (n !== 0) {
      fail(`expected no copies, but ${n} cop${n === 1 ? 'y' : 'ies'} (${after.copiedBytes - before.copiedBytes} bytes) ${n === 1 ? 'was' : 'were'} made`, expectNoCopies, n, 0, 'copies');
    }
  };
  const r = fn();
  if (isPromise(r)) return r.then((v) => (check(), v));
  check();
  return r;
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/**
 * Creates a temporary file of `shape` × `dtype` zero bytes mapped in mode
 * `'w+'`, hands the Memmap and its path to `fn`, then always closes the
 * mapping and removes the file, whether `fn` returns, throws or rejects.
 * Returns what `fn` returns (a Promise when `fn` is async).
 */
export function withTempMemmap<T>(dtype: DTypeLike, shape: number | readonly number[], fn: (m: Memmap, path: string) => Promise<T>): Promise<T>;
export function withTempMemmap<T>(dtype: DTypeLike, shape: number | readonly number[], fn: (m: Memmap, path: string) => T): T;
export function withTempMemmap<T>(dtype: DTypeLike, shape: number | readonly number[], fn: (m: Memmap, path: string) => T | Promise<T>): T | Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-'));
  const file = path.join(dir, 'data.bin');
  let m: Memmap | undefined;
  const cleanup = (): void => {
    try {
      m?.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  let r: T | Promise<T>;
  try {
    m = memmap(file, { dtype, shape, mode: 'w+' });
    r = fn(m, file);
  } catch (e) {
    cleanup();
    throw e;
  }
  if (isPromise(r)) return r.finally(cleanup);
  cleanup();
  return r;
}

/** What a jest matcher returns. */
export interface MatcherResult {
  /** The check held. */
  pass: boolean;
  /** The failure message (for `.not`, the message when the check held). */
  message: () => string;
}

/** The part of jest's `expect` that {@link registerJestMatchers} uses. */
export interface ExpectLike {
  // `any` as in jest's own CustomMatcher type, so jest's `expect` fits.
  extend(matchers: Record<string, (this: any, received: any, ...args: any[]) => MatcherResult>): void;
}

/**
 * The matchers {@link registerJestMatchers} adds. For TypeScript, merge them
 * into jest's types once in your test setup:
 * ```ts
 * declare global {
 *   namespace jest {
 *     interface Matchers<R> extends MmarrayMatchers<R> {}
 *   }
 * }
 * ```
 */
export interface MmarrayMatchers<R> {
  /** Some byte is used by both arrays. */
  toShareMemoryWith(other: NdArray): R;
  /** Writes to the array are refused (`flags.writeable` is false). */
  toBeReadOnly(): R;
}

function checkArray(v: unknown, what: string): NdArray {
  // The brand check of the private fields: the matchers read the array's storage through internal.ts.
  if (!isArray(v)) {
    throw new TypeError(`${what} must be an NdArray, got ${Object.prototype.toString.call(v)}`);
  }
  return v as NdArray;
}

/**
 * Adds `toShareMemoryWith(b)` and `toBeReadOnly()` to jest's `expect` (use
 * `.not.toShareMemoryWith(b)` for isolation). Call once, e.g. in a setup file:
 * `registerJestMatchers(expect)`.
 */
export function registerJestMatchers(expect: ExpectLike): void {
  expect.extend({
    toShareMemoryWith(received: unknown, other: NdArray): MatcherResult {
      const a = checkArray(received, 'received');
      const b = checkArray(other, 'expected');
      const r = sharesBounded(a, b, DEFAULT_MAX_WORK);
      // Too hard to tell: fail both ways (.not too), saying why.
      if (r === 'too-hard') return { pass: this.isNot === true, message: () => `expected the arrays ${this.isNot === true ? 'not ' : ''}to share memory, but ${tooHard(DEFAULT_MAX_WORK)}` };
      const pass = r;
      return { pass, message: () => `expected the arrays ${pass ? 'not ' : ''}to share memory. ${explain(a, b)}` };
    },
    toBeReadOnly(received: unknown): MatcherResult {
      const a = checkArray(received, 'received');
      const pass = !a.flags.writeable;
      return { pass, message: () => `expected ${a.constructor.name}<${a.dtype.str}> ${pass ? 'to be writeable' : 'to be read-only'}, but flags.writeable is ${String(a.flags.writeable)}` };
    },
  });
}
