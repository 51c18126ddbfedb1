// The AVX-512 quicksort of native/simd_sort.cc against the radix sorts it
// stands in for (sortKernels.simdSort(false) switches it off): the same
// bits from sort (lanes along the last axis and in blocks along axis 0),
// argsort (keys packed with their index over lanes up to 65536 items: ties
// in index order; float64/int64 keys that share the packed top bits are
// ordered by their whole key) and
// unique (values, and counts/index/inverse), for every dtype it serves, in
// both byte orders, over random data with NaNs of several payloads, ±0,
// ±inf, subnormals and many ties, at every lane length 1-300 and a few long
// ones. On a CPU without AVX-512 the suite prints a skip line.
import { broadcastTo, concatenate, fromBuffer, type NdArray } from '../lib';
import { sortKernels } from '../lib/native';
import * as S from '../lib/sort';
import { partition, partitionInPlace } from '../lib/partition';
import { xorshift32 } from './helpers/bytes';

const SIMD = sortKernels.simdSort(true);
if (!SIMD) console.log('simd-sort.test.ts skipped: this CPU has no AVX-512 (the radix sorts run; nothing to compare)');
const describeSimd = SIMD ? describe : describe.skip;

/** xorshift32: deterministic data. */
const rng = xorshift32;

const F8_SPECIAL = [NaN, -NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];

/** n items of `spec`'s width as raw little-endian words, a third of them specials or ties. */
function data(spec: string, n: number, seed: number): NdArray {
  const next = rng(seed);
  const kind = spec[1];
  const width = Number(spec.slice(2));
  if (kind === 'f') {
    const f = new Float64Array(n);
    const nanBits = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < n; i++) {
      const r = next() % 12;
      if (r < 2) f[i] = F8_SPECIAL[next() % F8_SPECIAL.length];
      else if (r < 5) f[i] = (next() % 7) - 3;
      else f[i] = (next() / 2 ** 32 - 0.5) * 2 ** ((next() % 80) - 40);
    }
    const a = fromBuffer(f).astype(spec);
    if (width === 8) {
      // NaNs with payloads and either sign: a sort keeps each one's bits.
      const bytes = new Uint8Array(a.buffer as ArrayBuffer, a.offset, n * 8);
      for (let i = 0; i < n; i += 37) {
        nanBits.setUint32(0, 0x7ff80000 | (next() & 0x7ffff) | (next() & 1 ? 0x80000000 : 0));
        nanBits.setUint32(4, next());
        for (let b = 0; b < 8; b++) bytes[i * 8 + b] = nanBits.getUint8(spec[0] === '>' ? b : 7 - b);
      }
    }
    return a;
  }
  const words = new Uint32Array(n * (width === 8 ? 2 : 1));
  for (let i = 0; i < words.length; i++) {
    const r = next() % 8;
    words[i] = r === 0 ? 0 : r === 1 ? 0xffffffff : r === 2 ? 0x80000000 : r === 3 ? next() % 5 : next();
  }
  return fromBuffer(words, `<${kind}${width}`).astype(spec);
}

const hex = (a: NdArray): string => {
  const c = a.copy();
  return Buffer.from(c.buffer as ArrayBuffer, c.offset, c.size * c.itemsize).toString('hex');
};

/** The op's results with the SIMD sorts on, then off. */
function both<T>(f: () => T): [T, T] {
  const on = f();
  sortKernels.simdSort(false);
  try {
    return [on, f()];
  } finally {
    sortKernels.simdSort(true);
  }
}

const SPECS = ['<f8', '>f8', '<i8', '<u8', '>i8', '<f4', '>f4', '<i4', '<u4', '>u4'];
const ops = (a: NdArray, axis: number): string[] => [
  hex(S.sort(a, { axis })),
  hex(S.argsort(a, { axis })),
];
const uniqueOps = (a: NdArray): string[] => {
  const u = S.unique(a, { returnCounts: true, returnIndex: true, returnInverse: true });
  return [hex(S.unique(a).values), hex(u.values), hex(u.counts!), hex(u.index!), hex(u.inverse!)];
};

describeSimd('AVX-512 sorts give the radix sorts bits', () => {
  test.each(SPECS)('%s: lanes of every length 1-300 along axis 1 and axis 0', (spec) => {
    for (let len = 1; len <= 300; len++) {
      // At least 256 items (the native kernels' floor), at least 2 lanes.
      const rows = Math.max(2, Math.ceil(256 / len));
      const a = data(spec, rows * len, len * 7919 + spec.length).reshape([rows, len]);
      const [on, off] = both(() => [...ops(a, 1), ...ops(a.T, 1)]);
      if (on.join() !== off.join()) throw new Error(`${spec} lane length ${len}: SIMD and radix differ`);
    }
  });

  test.each(SPECS)('%s: unique of 256-300 items and of long arrays', (spec) => {
    for (const n of [256, 257, 263, 300, 1000, 4097, 70001]) {
      const a = data(spec, n, n + 17);
      const [on, off] = both(() => uniqueOps(a));
      expect(on).toEqual(off);
    }
  });

  test.each(SPECS)('%s: long lanes (partitions, many ties, sorted and reversed input)', (spec) => {
    for (const n of [4096, 10000, 65537, 300001]) {
      const a = data(spec, n, n);
      const sorted = S.sort(a);
      const reversed = sorted.index('::-1');
      for (const x of [a, sorted, reversed]) {
        const [on, off] = both(() => ops(x, 0));
        expect(on).toEqual(off);
      }
    }
    // One repeated value, and a few copies of the least value among many of
    // another: the partition's all-equal and pivot-is-the-least cases.
    const one = data(spec, 300, 3);
    const same = broadcastTo(one.index('3:4'), [5000]).copy();
    const least = concatenate([broadcastTo(S.sort(one).index('0:1'), [40]), same, broadcastTo(one.index('5:6'), [3000])]);
    for (const x of [same, least]) {
      const [on, off] = both(() => ops(x, 0));
      expect(on).toEqual(off);
    }
  });

  test.each(['<f8', '>f8', '<i8', '>u8'])('%s: argsort of lanes whose keys differ only in the low bits the packed words drop', (spec) => {
    const next = rng(5);
    for (const [rows, n] of [[3, 10000], [2, 65536], [40, 300], [20, 33]]) {
      // 1 + k ulp (float64) or 2^40 + k (integers), k < 2^16: the top
      // 48 bits of every key are one or two values, so whole runs tie
      // there, with real ties among them.
      const f = new Float64Array(rows * n);
      const big = new BigUint64Array(rows * n);
      for (let i = 0; i < f.length; i++) {
        const k = next() % (next() % 2 ? 65536 : 40);
        f[i] = 1 + k * 2 ** -52;
        big[i] = 2n ** 40n + BigInt(k);
      }
      const a = (spec[1] === 'f' ? fromBuffer(f) : fromBuffer(big, '<u8').view(`<${spec.slice(1)}`)).astype(spec).reshape([rows, n]);
      const [on, off] = both(() => [hex(S.argsort(a, { axis: 1 })), hex(S.argsort(a.T, { axis: 0 }))]);
      expect(on).toEqual(off);
    }
  });

  // float64 lanes sort as doubles (no keys; along axis 0 too, lane by lane
  // when a lane has no zero and no NaN): -0 and +0 compare equal there and
  // NaNs are taken out first, so lanes made mostly of them.
  test.each(['<f8', '>f8'])('%s: lanes of only zeros of both signs, NaNs and a few values', (spec) => {
    const next = rng(99);
    // The last two: lanes with no zero and no NaN, and (in blocks) such lanes
    // beside lanes with them.
    const pools = [[0, -0], [0, -0, NaN], [-0, -0, 0, 1.5, -2], [NaN, NaN, 7], [0, 0, 0, -1], [-0], [1.5, -2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, -0, NaN]];
    for (const pool of pools) {
      for (const n of [200, 1000, 5000]) {
        const f = Float64Array.from({ length: n }, () => pool[next() % pool.length]);
        const a = fromBuffer(f).astype(spec);
        // Along axis 0 of 20 lanes: a block of 16 neighbouring lanes (moved
        // by transposes) and 4 more.
        const [on, off] = both(() => [...ops(a, 0), ...ops(a.reshape([10, n / 10]), 1), ...ops(a.index('::-1'), 0), ...ops(a.reshape([n / 20, 20]), 0)]);
        expect(on).toEqual(off);
        // In place (dst is src): lanes of 10 of a copy, both ways.
        const [inOn, inOff] = both(() => {
          const c = a.reshape([n / 10, 10]).copy();
          S.sortInPlace(c, { axis: 1 });
          return hex(c);
        });
        expect(inOn).toBe(inOff);
      }
    }
  });
});

describeSimd('AVX-512 select of 64-bit integer lanes (partition of int64/uint64)', () => {
  // The select leaves its partitions in another order than std::nth_element,
  // so the contract is checked: item k is the sort's, none greater before it,
  // none smaller after it, the same items (ties, both byte orders, long lanes,
  // several kths, in place and into a copy; the SIMD path against the sort).
  test.each(['<i8', '>i8', '<u8', '>u8'])('%s', (spec) => {
    for (const n of [300, 65537, 300001]) {
      const a = data(spec, n, n + 1);
      const sorted = S.sort(a).toArray() as bigint[];
      const want = [...sorted].map(String).sort();
      for (const kth of [n >> 1, [0, 7, n >> 2, n - 2], n - 1]) {
        const inPlace = a.copy();
        partitionInPlace(inPlace, kth as never);
        for (const p of [partition(a, kth as never), inPlace]) {
          const v = p.toArray() as bigint[];
          for (const k of ([] as number[]).concat(kth as never)) {
            expect(v[k]).toBe(sorted[k]);
            for (let i = 0; i < n; i++) {
              if ((i < k && v[i] > v[k]) || (i > k && v[i] < v[k])) throw new Error(`${spec} n=${n} kth=${String(kth)}: item ${i} on the wrong side of ${k}`);
            }
          }
          expect(v.map(String).sort()).toEqual(want);
        }
      }
    }
  });
});
