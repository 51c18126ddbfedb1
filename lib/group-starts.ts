/**
 * The group starts of a reduceat (lib/reduceat.ts, lib/ufunc-fold.ts): the
 * `indices` argument checked as NumPy converts it to intp, handed to the
 * native kernels as it lies (an integer index array of any stride and byte
 * order: native/group_starts.h reads it), and read into numbers only when a
 * JS path needs them. 100k int64 starts made into a Float64Array took ~0.7
 * ms of a 2.4 ms bitwiseOr.reduceat of 10M int32.
 * @internal
 * @module
 */
import { inspect } from 'util';
import { IndexError, ValueError, checkListLength, repr } from './errors';
import { isArray, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { readValues } from './compute-values';
import { indicesOf } from './typed-reader';
import { indexMaxNative, startsOperand } from './index-kernels';
import { mayShareMemory } from './memory';
import type { StartsOperand } from './native';

/** Index arrays at most this long are read into numbers at once (a kernel call costs more than reading them). */
const READ_AT_ONCE = 64;

/** The starts of a reduceat's groups. */
export class GroupStarts {
  /** How many groups. */
  readonly length: number;
  /** The index array the kernels read, or null when the starts are numbers only. */
  private array: NdArray | null;
  private numbers: Float64Array | null;

  private constructor(length: number, array: NdArray | null, numbers: Float64Array | null) {
    this.length = length;
    this.array = array;
    this.numbers = numbers;
  }

  /**
   * NumPy's conversion of reduceat's `indices`: one dimension of integers
   * (integer arrays that cast safely to int64, bools; JS numbers truncated
   * as NumPy's intp conversion).
   */
  static of(indices: unknown): GroupStarts {
    if (isArray(indices)) {
      requireOpen(indices);
      const k = indices.dtype.kind;
      if (!(k === 'i' || k === 'b' || (k === 'u' && indices.dtype.itemsize < 8)) && !(indices.size === 0)) {
        throw new TypeError(`Cannot cast array data from ${inspect(indices.dtype)} to dtype('int64') according to the rule 'safe'`);
      }
      if (indices.ndim > 1) throw new ValueError('object too deep for desired array');
      if (indices.ndim === 0) throw new ValueError('object of too small depth for desired array');
      checkListLength(indices.size, 'indices');
      if (indices.size > READ_AT_ONCE && k !== 'b' && startsOperand(indices) !== null) return new GroupStarts(indices.size, indices, null);
      return new GroupStarts(indices.size, null, numbersOf(indices));
    }
    if (typeof indices === 'number' || typeof indices === 'bigint') throw new ValueError('object of too small depth for desired array');
    if (!Array.isArray(indices)) throw new TypeError(`indices must be a list of integers or an integer array, got ${repr(indices)}`);
    // By index, each item checked as it comes: a hole fails at once, where
    // map() walked every hole of a sparse list of length 2^32-1 (minutes;
    // found by adversarial pass 6).
    const list = indices as readonly unknown[];
    const n = list.length;
    checkListLength(n, 'indices');
    // Straight into the Float64Array the kernel reads (a growing list's
    // reallocations and page faults were ~2% of a 100k-start call's samples).
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = list[i];
      if (Array.isArray(v)) throw new ValueError('setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.');
      if (typeof v === 'bigint' || typeof v === 'boolean') out[i] = Number(v);
      else if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`indices must hold integers, got ${repr(v)}`);
      else out[i] = Math.trunc(v);
    }
    return new GroupStarts(n, null, out);
  }

  /** The starts as numbers, read from the index array on first use. */
  get values(): Float64Array {
    if (this.numbers === null) this.numbers = numbersOf(this.array!);
    return this.numbers;
  }

  /**
   * Throws NumPy's IndexError (`index 8 out-of-bounds in add.reduceat [0,
   * 8)`) for the first start outside `[0, n)`, `ufunc` the ufunc's NumPy
   * name. An index array the kernel reads is checked by its largest item
   * first (no numbers read unless one is out of range).
   */
  check(n: number, ufunc: string): void {
    if (this.numbers === null) {
      const max = indexMaxNative(this.array!);
      if (max !== null && max !== -2 && max < n) return;
      // The message names the first bad start exactly (an int64 past 2^53 too).
      const vs = readValues(this.array!);
      for (const v of vs) {
        const x = typeof v === 'bigint' ? v : BigInt(v as number);
        if (x < 0n || x >= BigInt(n)) throw new IndexError(`index ${x} out-of-bounds in ${ufunc}.reduceat [0, ${n})`);
      }
      return;
    }
    const s = this.numbers;
    // By index (a for-of's iterator was ~6% of a 100k-start addReduceat's samples).
    for (let i = 0; i < s.length; i++) {
      if (s[i] < 0 || s[i] >= n) throw new IndexError(`index ${s[i]} out-of-bounds in ${ufunc}.reduceat [0, ${n})`);
    }
  }

  /**
   * Reads the starts into numbers now when `out` shares memory with their
   * index array: the kernels read every start before they write, but a JS
   * path after them (a redone group, a fallback) must see the starts as
   * they were when the call began (NumPy's rule: as if copied first).
   */
  keepFrom(out: NdArray | null): void {
    if (out !== null && this.array !== null && mayShareMemory(this.array, out)) {
      this.numbers = numbersOf(this.array);
      this.array = null;
    }
  }

  /** The operand native/group_starts.h reads: the index array itself, or the numbers as float64. */
  operand(): StartsOperand {
    if (this.array !== null) {
      const o = startsOperand(this.array);
      if (o !== null) return o;
    }
    const s = this.values;
    // Its own buffer when a view: the kernel reads [byteOffset, byteOffset + 8 * count) of it.
    return [s.buffer as ArrayBuffer, s.byteOffset, s.length, 8, 0, false];
  }
}

/** An integer or bool index array's values as numbers (int64 exact below 2^53; a larger one is out of bounds anyway). */
function numbersOf(a: NdArray): Float64Array {
  if (a.size > READ_AT_ONCE && a.dtype.kind !== 'b') {
    // Through typed arrays (int64 by its 32-bit halves), not a BigInt per item.
    const out = indicesOf(a);
    if (out !== null && out.every((v) => Math.abs(v) < 2 ** 53)) return out;
  }
  return Float64Array.from(readValues(a), (v) => Number(v));
}
