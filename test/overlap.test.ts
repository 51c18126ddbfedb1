import { TooHardError } from '../lib/errors';
import {
  boundsOverlap,
  byteBounds,
  Extent,
  extentsShareMemory,
  internalOverlap,
  Overlap,
  solveOverlap,
} from '../lib/overlap';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

function ext(offset: number, shape: readonly number[], strides: readonly number[], itemsize: number): Extent {
  return { offset, shape, strides, itemsize };
}

/** C-contiguous extent of `shape`. */
function cArray(shape: number[], itemsize: number, offset = 0): Extent {
  const strides = new Array<number>(shape.length);
  let s = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return ext(offset, shape, strides, itemsize);
}

// --- brute force -----------------------------------------------------------

/** Byte offsets of every element, in C index order. */
function elementOffsets(e: Extent): number[] {
  let out = [e.offset];
  for (let i = 0; i < e.shape.length; i++) {
    const next: number[] = [];
    for (const base of out) for (let x = 0; x < e.shape[i]; x++) next.push(base + x * e.strides[i]);
    out = next;
  }
  return out;
}

function bytesOf(e: Extent): Set<number> {
  const s = new Set<number>();
  for (const o of elementOffsets(e)) for (let k = 0; k < e.itemsize; k++) s.add(o + k);
  return s;
}

function bruteShares(a: Extent, b: Extent): boolean {
  const sb = bytesOf(b);
  for (const x of bytesOf(a)) if (sb.has(x)) return true;
  return false;
}

/** Some byte hit by two distinct elements (an element's own bytes are distinct). */
function bruteInternal(a: Extent): boolean {
  const seen = new Set<number>();
  for (const o of elementOffsets(a)) {
    for (let k = 0; k < a.itemsize; k++) {
      if (seen.has(o + k)) return true;
      seen.add(o + k);
    }
  }
  return false;
}

/** Element-pair brute force in BigInt: exact at any magnitude, for few elements. */
function bigElementOffsets(e: Extent): bigint[] {
  let out = [BigInt(e.offset)];
  for (let i = 0; i < e.shape.length; i++) {
    const next: bigint[] = [];
    for (const base of out) for (let x = 0; x < e.shape[i]; x++) next.push(base + BigInt(x) * BigInt(e.strides[i]));
    out = next;
  }
  return out;
}

function bigShares(a: Extent, b: Extent): boolean {
  if (a.itemsize === 0 || b.itemsize === 0) return false;
  const wa = BigInt(a.itemsize);
  const wb = BigInt(b.itemsize);
  const ob = bigElementOffsets(b);
  for (const x of bigElementOffsets(a)) for (const y of ob) if (x < y + wb && y < x + wa) return true;
  return false;
}

function bigInternal(a: Extent): boolean {
  if (a.itemsize === 0) return false;
  const w = BigInt(a.itemsize);
  const o = bigElementOffsets(a);
  for (let i = 0; i < o.length; i++) for (let j = i + 1; j < o.length; j++) if (o[i] < o[j] + w && o[j] < o[i] + w) return true;
  return false;
}

const answer = (b: boolean): Overlap => (b ? 'yes' : 'no');

// --- seeded randomness -----------------------------------------------------

/** mulberry32: tiny, seedable, good enough to spread test cases. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }

  /** 0–3 dims (0-d and empty axes now and then), shapes 0–5, strides −24..24, itemsize 1–8, offset 0..64. */
  small(): Extent {
    const nd = this.pick([0, 1, 1, 2, 2, 2, 3, 3, 3]);
    const shape: number[] = [];
    const strides: number[] = [];
    for (let i = 0; i < nd; i++) {
      shape.push(this.int(0, 9) === 0 ? 0 : this.int(1, 5));
      strides.push(this.int(-24, 24));
    }
    return ext(this.int(0, 64), shape, strides, this.int(1, 8));
  }

  /** A second extent that shares strides or an offset with `a`, so pairs are often close calls. */
  near(a: Extent): Extent {
    const b = this.small();
    switch (this.int(0, 3)) {
      case 0:
        return ext(a.offset + this.int(-8, 8), b.shape.slice(0, a.shape.length), a.strides.slice(0, b.shape.length), b.itemsize);
      case 1:
        return ext(a.offset + this.int(1, 8), a.shape.slice(), a.strides.slice(), a.itemsize);
      default:
        return b;
    }
  }
}

// Fixed seeds reproduce; one fresh seed per run widens coverage. Every failure
// message carries its seed: rerun with OVERLAP_SEED=<seed> to replay it.
const fixedSeeds = [1, 2, 0xdecaf];
const runSeed = process.env.OVERLAP_SEED !== undefined ? Number(process.env.OVERLAP_SEED) : Date.now() % 0x7fffffff;
const seeds = [...fixedSeeds, runSeed];

const show = (e: Extent): string => JSON.stringify(e);

// --- tests -----------------------------------------------------------------

describe('byteBounds', () => {
  test('positive, negative and zero strides', () => {
    expect(byteBounds(cArray([3, 4], 8))).toEqual([0, 96]);
    expect(byteBounds(ext(18, [10], [-2], 2))).toEqual([0, 20]);
    expect(byteBounds(ext(40, [3, 5], [0, -8], 8))).toEqual([8, 48]);
  });

  test('0-d array covers one item', () => {
    expect(byteBounds(ext(8, [], [], 4))).toEqual([8, 12]);
  });

  test('empty arrays and itemsize 0 give an empty range at the offset', () => {
    expect(byteBounds(ext(16, [3, 0], [8, -4], 4))).toEqual([16, 16]);
    expect(byteBounds(ext(16, [3], [8], 0))).toEqual([16, 16]);
  });

  test('byte offsets beyond 2^40 stay exact', () => {
    const off = 2 ** 42 + 3;
    expect(byteBounds(ext(off, [1000, 1000], [-(2 ** 30), 8], 8))).toEqual([off - 999 * 2 ** 30, off + 999 * 8 + 8]);
  });

  test('malformed extents are RangeErrors naming the field', () => {
    expect(() => byteBounds(ext(0, [2, 3], [8], 4))).toThrow(/strides must have one entry per axis \(2\)/);
    expect(() => byteBounds(ext(0.5, [2], [8], 4))).toThrow(/offset must be a safe integer, got 0.5/);
    expect(() => byteBounds(ext(0, [-1], [8], 4))).toThrow(/shape must hold non-negative/);
    expect(() => byteBounds(ext(0, [2], [8], -1))).toThrow(/itemsize/);
    expect(() => byteBounds(ext(0, [2], [Infinity], 1))).toThrow(/strides must hold safe integers/);
    expect(() => byteBounds(ext(0, [2 ** 30, 2 ** 30], [2 ** 30, 1], 1))).toThrow(/spans more than 2\^53 bytes/);
    // A huge negative offset must not cancel a lost-precision reach.
    expect(() => byteBounds(ext(-(2 ** 52), [3], [2 ** 52 + 1], 1))).toThrow(/spans more than 2\^53/);
  });
});

describe('classic cases', () => {
  const a = cArray([10], 2); // int16[10]

  test('a[::2] vs a[1::2] of int16: bounds overlap, memory does not', () => {
    const even = ext(0, [5], [4], 2);
    const odd = ext(2, [5], [4], 2);
    expect(boundsOverlap(even, odd)).toBe(true);
    expect(solveOverlap(even, odd)).toBe('no');
    expect(solveOverlap(odd, even)).toBe('no');
  });

  test('a vs a[1:] share memory', () => {
    expect(solveOverlap(a, ext(2, [9], [2], 2))).toBe('yes');
  });

  test('a reversed and stepped: a[::-2] hits odd elements only', () => {
    const rev = ext(18, [5], [-4], 2); // elements 9, 7, 5, 3, 1
    expect(solveOverlap(rev, ext(0, [5], [4], 2))).toBe('no');
    expect(solveOverlap(rev, ext(2, [5], [4], 2))).toBe('yes');
    expect(solveOverlap(ext(18, [10], [-2], 2), a)).toBe('yes');
  });

  test('columns of a 2-d int32 array are disjoint; a row meets each column once', () => {
    const col = (j: number): Extent => ext(4 * j, [4], [20], 4); // x[:, j] of int32[4, 5]
    expect(boundsOverlap(col(0), col(1))).toBe(true);
    expect(solveOverlap(col(0), col(1))).toBe('no');
    expect(solveOverlap(col(1), col(4))).toBe('no');
    expect(solveOverlap(col(3), ext(40, [5], [4], 4))).toBe('yes'); // row 2
    expect(solveOverlap(ext(0, [4, 2], [20, 8], 4), ext(4, [4, 2], [20, 8], 4))).toBe('no'); // x[:, ::2] vs x[:, 1::2] (first 4 cols)
  });

  test('interleaved record fields: packed {a: i4, b: f8}', () => {
    const n = 6;
    const fieldA = ext(0, [n], [12], 4);
    const fieldB = ext(4, [n], [12], 8);
    const records = ext(0, [n], [12], 12);
    expect(boundsOverlap(fieldA, fieldB)).toBe(true);
    expect(solveOverlap(fieldA, fieldB)).toBe('no');
    expect(solveOverlap(fieldB, records)).toBe('yes');
    // A 2-byte view straddling both fields touches each.
    expect(solveOverlap(ext(3, [n], [12], 2), fieldA)).toBe('yes');
    expect(solveOverlap(ext(3, [n], [12], 2), fieldB)).toBe('yes');
    // The last record's b against a trailing buffer right after the array.
    expect(solveOverlap(fieldB, ext(72, [4], [1], 1))).toBe('no');
  });

  test('transposes', () => {
    const x = cArray([3, 4], 8);
    const xT = ext(0, [4, 3], [8, 32], 8);
    expect(solveOverlap(x, xT)).toBe('yes');
    expect(internalOverlap(xT)).toBe('no');
    // x[:, ::2].T vs x[:, 1::2]
    expect(solveOverlap(ext(0, [2, 3], [16, 32], 8), ext(8, [3, 2], [32, 16], 8))).toBe('no');
    // x.T[1] is column 1; it contains x[2, 1].
    expect(solveOverlap(ext(8, [3], [32], 8), ext(72, [], [], 8))).toBe('yes');
  });

  test('0-stride broadcasts', () => {
    const row = ext(4, [3, 5], [0, 4], 4); // a row of int32[4, 5] broadcast to 3 rows
    expect(internalOverlap(row)).toBe('yes');
    expect(solveOverlap(row, ext(4, [5], [4], 4))).toBe('yes');
    expect(solveOverlap(row, ext(24, [5], [4], 4))).toBe('no');
    const scalar = ext(12, [7, 7], [0, 0], 4);
    expect(solveOverlap(scalar, ext(0, [5], [8], 4))).toBe('no'); // 0, 8, 16, ...: 12 is between
    expect(solveOverlap(scalar, ext(0, [5], [4], 4))).toBe('yes');
    expect(internalOverlap(ext(0, [1, 4], [0, 4], 4))).toBe('no'); // length-1 axis with stride 0 is harmless
  });

  test('empty arrays never overlap, not even themselves', () => {
    const empty = ext(4, [0], [2], 2);
    const emptyDeep = ext(0, [3, 0, 2], [8, 4, 2], 2);
    for (const e of [empty, emptyDeep, ext(0, [4], [1], 0)]) {
      expect(boundsOverlap(e, a)).toBe(false);
      expect(boundsOverlap(e, e)).toBe(false);
      expect(solveOverlap(e, a)).toBe('no');
      expect(solveOverlap(a, e)).toBe('no');
      expect(internalOverlap(e)).toBe('no');
    }
  });

  test('0-d arrays', () => {
    const s = ext(6, [], [], 2);
    expect(solveOverlap(s, a)).toBe('yes');
    expect(solveOverlap(s, s)).toBe('yes');
    expect(solveOverlap(s, ext(0, [5], [4], 2))).toBe('no');
    expect(solveOverlap(ext(7, [], [], 1), s)).toBe('yes');
    expect(internalOverlap(s)).toBe('no');
  });

  test('adjacent but disjoint ranges are rejected by bounds alone', () => {
    expect(boundsOverlap(ext(0, [4], [2], 2), ext(8, [4], [2], 2))).toBe(false);
    expect(solveOverlap(ext(0, [4], [2], 2), ext(8, [4], [2], 2), 0)).toBe('no');
  });
});

describe('internalOverlap', () => {
  test('contiguous, transposed and stepped arrays do not overlap themselves', () => {
    expect(internalOverlap(cArray([3, 4, 5], 8))).toBe('no');
    expect(internalOverlap(ext(0, [5, 4, 3], [8, 40, 160], 8))).toBe('no');
    expect(internalOverlap(ext(400, [3, 2], [-160, 16], 8))).toBe('no');
  });

  test('itemsize larger than a stride overlaps (as_strided views)', () => {
    expect(internalOverlap(ext(0, [4], [2], 4))).toBe('yes');
    expect(internalOverlap(ext(0, [4], [-3], 4))).toBe('yes');
  });

  test('two axes reaching the same address', () => {
    expect(internalOverlap(ext(0, [3, 3], [8, 4], 4))).toBe('yes'); // (0, 2) and (1, 0)
    expect(internalOverlap(ext(0, [2, 2], [4, -4], 4))).toBe('yes'); // equal |stride|
    expect(internalOverlap(ext(0, [2, 3], [5, 3], 1))).toBe('no'); // 0 3 6 / 5 8 11: needs the search
    expect(internalOverlap(ext(0, [2, 3], [5, 3], 2))).toBe('yes'); // 5..6 meets 6..7
  });
});

describe('brute force against byte sets', () => {
  test.each(seeds)('seed %d: thousands of random small extents', (seed) => {
    const g = new Gen(seed);
    const failures: string[] = [];
    for (let i = 0; i < 3000 && failures.length < 5; i++) {
      const a = g.small();
      const b = g.near(a);
      const shares = bruteShares(a, b);
      const got = solveOverlap(a, b);
      if (got !== answer(shares)) failures.push(`solveOverlap(${show(a)}, ${show(b)}) = ${got}, brute force ${shares}`);
      if (solveOverlap(b, a) !== got) failures.push(`solveOverlap not symmetric for ${show(a)}, ${show(b)}`);
      if (shares && !boundsOverlap(a, b)) failures.push(`boundsOverlap false on sharing ${show(a)}, ${show(b)}`);
      // A work bound may give up but must never give a wrong answer.
      const bounded = solveOverlap(a, b, g.int(0, 3));
      if (bounded !== 'too-hard' && bounded !== got) failures.push(`bounded solveOverlap(${show(a)}, ${show(b)}) = ${bounded}`);

      const internal = bruteInternal(a);
      const gotInternal = internalOverlap(a);
      if (gotInternal !== answer(internal)) failures.push(`internalOverlap(${show(a)}) = ${gotInternal}, brute force ${internal}`);
      const boundedInternal = internalOverlap(a, g.int(0, 3));
      if (boundedInternal !== 'too-hard' && boundedInternal !== gotInternal) {
        failures.push(`bounded internalOverlap(${show(a)}) = ${boundedInternal}`);
      }
    }
    if (failures.length > 0) failures.unshift(`seed ${seed} (rerun with OVERLAP_SEED=${seed})`);
    expect(failures).toEqual([]);
  });

  test('bounds check equals the byte-range test', () => {
    const g = new Gen(runSeed ^ 0x5eed);
    for (let i = 0; i < 2000; i++) {
      const a = g.small();
      const b = g.near(a);
      const [la, ha] = byteBounds(a);
      const bytes = [...bytesOf(a)];
      if (bytes.length > 0) expect([la, ha]).toEqual([Math.min(...bytes), Math.max(...bytes) + 1]);
      else expect(la).toBe(ha);
      const sb = [...bytesOf(b)];
      const expected = bytes.length > 0 && sb.length > 0 && Math.min(...bytes) <= Math.max(...sb) && Math.min(...sb) <= Math.max(...bytes);
      if (boundsOverlap(a, b) !== expected) throw new Error(`seed ${runSeed}: boundsOverlap(${show(a)}, ${show(b)})`);
    }
  });
});

describe('large offsets and strides (multi-GiB mappings)', () => {
  const big = 2 ** 42;

  test('slices of a 1000^3 float64 array at 4 TiB resolve exactly and fast', () => {
    const x = cArray([1000, 1000, 1000], 8, big);
    const [s0, s1, s2] = x.strides;
    const t0 = Date.now();
    expect(solveOverlap(ext(big, [1000, 1000], [s0, s2], 8), ext(big + s1, [1000, 1000], [s0, s2], 8))).toBe('no'); // x[:,0,:] vs x[:,1,:]
    expect(solveOverlap(ext(big, [500, 1000, 1000], [2 * s0, s1, s2], 8), ext(big + s0, [500, 1000, 1000], [2 * s0, s1, s2], 8))).toBe('no');
    expect(solveOverlap(ext(big, [1000, 1000], [s0, s1], 8), ext(big + 8, [1000, 1000], [s0, s1], 8))).toBe('no'); // x[..., 0] vs x[..., 1]
    expect(solveOverlap(ext(big + 500 * s0, [500, 1000, 1000], x.strides, 8), ext(big, [501, 1000, 1000], x.strides, 8))).toBe('yes');
    expect(internalOverlap(ext(big, [1000, 1000, 1000], [s2, s0, s1], 8))).toBe('no');
    expect(Date.now() - t0).toBeLessThan(500);
  });

  test('coprime strides near 2^31: exact where products exceed 2^53', () => {
    const s = [2 ** 33 + 1, 2 ** 31 + 7];
    const a = ext(big, [3, 3], s, 8);
    const hit = big + 2 * s[0] + 1 * s[1] + 3;
    expect(solveOverlap(a, ext(hit, [], [], 1))).toBe('yes');
    expect(solveOverlap(a, ext(hit + 5, [], [], 1))).toBe('no');
    expect(solveOverlap(a, ext(big + 8, [4, 4], [2 ** 31 + 11, 2 ** 29 + 3], 8))).toBe(answer(bigShares(a, ext(big + 8, [4, 4], [2 ** 31 + 11, 2 ** 29 + 3], 8))));
  });

  test.each(seeds)('seed %d: random large extents against element-pair brute force', (seed) => {
    const g = new Gen(seed ^ 0xb16);
    const failures: string[] = [];
    const bigStride = (): number => (g.int(0, 1) ? 1 : -1) * g.int(2 ** 26, 2 ** 34);
    for (let i = 0; i < 300 && failures.length < 5; i++) {
      const nd = g.int(1, 3);
      const shape = Array.from({ length: nd }, () => g.int(1, 4));
      const strides = Array.from({ length: nd }, bigStride);
      const itemsize = g.int(1, 16);
      const a = ext(big + g.int(0, 2 ** 20), shape, strides, itemsize);
      // b starts at a random element of a, nudged, with strides mixed from a's and fresh ones.
      let start = a.offset + g.int(-8, 8);
      for (let k = 0; k < nd; k++) start += g.int(0, shape[k] - 1) * strides[k];
      const ndb = g.int(0, 3);
      const b = ext(
        start,
        Array.from({ length: ndb }, () => g.int(1, 4)),
        Array.from({ length: ndb }, () => (g.int(0, 1) ? g.pick(strides) * g.int(-2, 2) + g.int(-1, 1) * g.int(0, 64) : bigStride())),
        g.int(1, 16),
      );
      const expected = answer(bigShares(a, b));
      const got = solveOverlap(a, b);
      if (got !== expected) failures.push(`solveOverlap(${show(a)}, ${show(b)}) = ${got}, expected ${expected}`);
      // Self-overlap of a mixed view: stack a's strides with b's.
      const mixed = ext(a.offset, [...shape, ...b.shape], [...strides, ...b.strides], Math.min(itemsize, b.itemsize));
      if (mixed.shape.length <= 4) {
        const exp = answer(bigInternal(mixed));
        const gotI = internalOverlap(mixed);
        if (gotI !== exp) failures.push(`internalOverlap(${show(mixed)}) = ${gotI}, expected ${exp}`);
      }
    }
    if (failures.length > 0) failures.unshift(`seed ${seed} (rerun with OVERLAP_SEED=${seed})`);
    expect(failures).toEqual([]);
  });
});

describe('maxWork', () => {
  // NumPy's own example: x = arange(80).reshape(4, 20).astype(int8),
  // a = x[:, ::7], b = x[:, 3::3]. Disjointness rests on 20 < lcm(7, 3) + 1,
  // which the gcd pruning cannot see, so several candidates are tried.
  const a = ext(0, [4, 3], [20, 7], 1);
  const b = ext(3, [4, 6], [20, 3], 1);

  test('a small bound gives up, an unbounded search proves "no"', () => {
    expect(solveOverlap(a, b, 1)).toBe('too-hard');
    expect(solveOverlap(a, b)).toBe('no');
    expect(solveOverlap(a, b, Infinity)).toBe('no');
    expect(solveOverlap(a, b, 0)).toBe('too-hard'); // bounds only
    expect(boundsOverlap(a, b)).toBe(true);
  });

  test('extentsShareMemory turns too-hard into TooHardError', () => {
    expect(() => extentsShareMemory(a, b, 1)).toThrow(TooHardError);
    expect(() => extentsShareMemory(a, b, 1)).toThrow(/maxWork=1/);
    expect(extentsShareMemory(a, b)).toBe(false);
    expect(extentsShareMemory(a, ext(27, [], [], 1))).toBe(true); // x[1, 7]
  });

  test('a knapsack-hard instance stops at the bound', () => {
    // From NumPy's mem_overlap.c notes: disjoint, but exponential for this method.
    const x1 = ext(0, [1049, 1049, 1049], [36674, 61119, 85569], 1);
    const x2 = ext(64023025, [1049, 1049, 1], [12223, 12224, 1], 1);
    const t0 = Date.now();
    expect(solveOverlap(x1, x2, 10_000)).toBe('too-hard');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('internalOverlap obeys the bound once the shortcuts are exhausted', () => {
    const e = ext(0, [2, 3], [5, 3], 1);
    expect(internalOverlap(e, 0)).toBe('too-hard');
    expect(internalOverlap(e)).toBe('no');
    // Shortcuts answer even at maxWork = 0.
    expect(internalOverlap(ext(0, [4], [2], 4), 0)).toBe('yes');
    expect(internalOverlap(cArray([3, 4], 4), 0)).toBe('no');
  });

  test('maxWork must be a non-negative integer or Infinity', () => {
    expect(() => solveOverlap(a, b, -1)).toThrow(/maxWork must be a non-negative integer or Infinity, got -1/);
    expect(() => internalOverlap(a, 1.5)).toThrow(RangeError);
    expect(() => solveOverlap(a, b, NaN)).toThrow(RangeError);
  });
});

describeWithNumpy('NumPy cross-check (as_strided over one buffer)', () => {
  interface NpResult {
    may: boolean;
    shares: boolean;
    internalA: boolean;
    tooHard1: boolean;
  }

  test.each(seeds)('seed %d: may_share_memory, shares_memory, internal_overlap agree', (seed) => {
    const g = new Gen(seed ^ 0x9e3779b9);
    const cases: [Extent, Extent][] = [];
    // Offsets sit well inside the buffer; NumPy only does pointer arithmetic
    // on these views, so strides reaching outside it are harmless.
    const shift = (e: Extent): Extent => ext(e.offset + 512, e.shape.slice(), e.strides.slice(), e.itemsize);
    for (let i = 0; i < 300; i++) {
      const a = g.small();
      cases.push([shift(a), shift(g.near(a))]);
    }
    for (let i = 0; i < 40; i++) {
      const s = (): number => (g.int(0, 1) ? 1 : -1) * g.int(2 ** 20, 2 ** 33);
      const strides = [s(), s()];
      const a = ext(512, [g.int(1, 4), g.int(1, 4)], strides, g.int(1, 8));
      const b = ext(512 + g.int(0, 8), [g.int(1, 4), g.int(1, 4)], [strides[g.int(0, 1)] * g.int(-2, 2), s()], g.int(1, 8));
      cases.push([a, b]);
    }
    const results = runNumpy<NpResult[]>(
      `
from numpy.lib.stride_tricks import as_strided
from numpy._core._multiarray_tests import internal_overlap
buf = np.zeros(4096, np.uint8)
def view(e):
    o, w = e['offset'], e['itemsize']
    return as_strided(buf[o:o + w].view(f'S{w}'), shape=e['shape'], strides=e['strides'])
out = []
for ea, eb in json.load(sys.stdin):
    a, b = view(ea), view(eb)
    try:
        np.shares_memory(a, b, max_work=1)
        hard = False
    except np.exceptions.TooHardError:
        hard = True
    out.append(dict(may=bool(np.may_share_memory(a, b)), shares=bool(np.shares_memory(a, b)),
                    internalA=bool(internal_overlap(a)), tooHard1=hard))
print(json.dumps(out))
`,
      JSON.stringify(cases),
    );
    expect(results).toHaveLength(cases.length);
    const failures: string[] = [];
    cases.forEach(([a, b], i) => {
      const r = results[i];
      const [x, y] = [a, b]; // the very offsets NumPy saw, relative to buf
      if (boundsOverlap(x, y) !== r.may) failures.push(`may_share_memory ${r.may} vs boundsOverlap for ${show(x)}, ${show(y)}`);
      if (solveOverlap(x, y) !== answer(r.shares)) failures.push(`shares_memory ${r.shares} vs solveOverlap for ${show(x)}, ${show(y)}`);
      if (internalOverlap(x) !== answer(r.internalA)) failures.push(`internal_overlap ${r.internalA} vs internalOverlap for ${show(x)}`);
      // When NumPy needs no search at all, one step is enough for us too.
      if (!r.tooHard1 && solveOverlap(x, y, 1) === 'too-hard') failures.push(`maxWork=1 too hard only here: ${show(x)}, ${show(y)}`);
    });
    if (failures.length > 0) failures.unshift(`seed ${seed} (rerun with OVERLAP_SEED=${seed})`);
    expect(failures).toEqual([]);
  });

  test('NumPy gives up on the same hard example at max_work=1', () => {
    const r = runNumpy<boolean>(`
x = np.arange(4 * 20).reshape(4, 20).astype(np.int8)
try:
    np.shares_memory(x[:, ::7], x[:, 3::3], max_work=1)
    print(json.dumps(False))
except np.exceptions.TooHardError:
    print(json.dumps(True))
`);
    expect(r).toBe(true);
    expect(solveOverlap(ext(0, [4, 3], [20, 7], 1), ext(3, [4, 6], [20, 3], 1), 1)).toBe('too-hard');
  });
});
