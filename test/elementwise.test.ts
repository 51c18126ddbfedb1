// Element-wise API (lib/elementwise.ts): forEach/reduce/apply/map walk any
// strided view in C index order. (sum/min/max/mean: test/reduce.test.ts;
// typedArray(): test/typed.test.ts.)
import { arange, broadcastTo, fromBuffer, zeros } from '../lib/create';
import { AccessError } from '../lib/errors';
import type { NdArray } from '../lib/ndarray';

/** A (3, 4) int16 array holding 0..11. */
function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

describe('forEach and reduce', () => {
  test('visit elements in C index order of the view, not of memory', () => {
    const seen: [unknown, number][] = [];
    grid().T.forEach((v, i) => seen.push([v, i]));
    expect(seen.slice(0, 4)).toEqual([
      [0, 0],
      [4, 1],
      [8, 2],
      [1, 3],
    ]);
    expect(seen).toHaveLength(12);
  });

  test('a 0-d array has one element; an empty array none', () => {
    const seen: unknown[] = [];
    grid().index('1, 1').forEach((v) => seen.push(v));
    zeros([2, 0]).forEach((v) => seen.push(v));
    expect(seen).toEqual([5]);
  });

  test('reduce folds with an initial value', () => {
    expect(grid().index(':, ::-2').reduce((acc: number[], v) => [...acc, v as number], [])).toEqual([3, 1, 7, 5, 11, 9]);
  });
});

describe('apply (in place)', () => {
  test('a.apply(x => x + 1) is NumPy a += 1, over a strided view only', () => {
    const a = grid();
    a.index(':, 1::2').apply((x) => (x as number) + 100);
    expect(a.toArray()).toEqual([
      [0, 101, 2, 103],
      [4, 105, 6, 107],
      [8, 109, 10, 111],
    ]);
  });

  test('gets the flat index in C order as second argument', () => {
    const a = zeros([2, 2], '<i4').T;
    a.apply((_, i) => i);
    expect(a.toArray()).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  test('values convert as set() converts them, with the same errors', () => {
    const a = arange(3, '<i2');
    a.apply((x) => (x as number) + 0.9);
    expect(a.toArray()).toEqual([0, 1, 2]);
    expect(() => a.apply(() => 40000)).toThrow('integer 40000 out of bounds for int16');
  });

  test('returns the array itself, for chaining', () => {
    const a = arange(2, '<i2');
    expect(a.apply((x) => x)).toBe(a);
  });

  test('refuses a read-only array before calling fn', () => {
    const a = fromBuffer(new Uint8Array(3), 'u1', { readonly: true });
    const fn = jest.fn((x: unknown) => x);
    expect(() => a.apply(fn)).toThrow(AccessError);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('map (new array)', () => {
  test('makes a C-contiguous array of the same shape and dtype by default', () => {
    const m = grid().T.map((x) => (x as number) * 2);
    expect([m.shape, m.strides, m.dtype.str]).toEqual([[4, 3], [6, 2], '<i2']);
    expect(m.get(1, 0)).toBe(2);
    expect(m.flags.ownData).toBe(true);
  });

  test('takes another dtype for the results', () => {
    const m = arange(3, '<i2').map((x) => (x as number) / 2, '<f8');
    expect([m.dtype.str, m.toArray()]).toEqual(['<f8', [0, 0.5, 1]]);
  });

  test('works on read-only arrays and leaves them alone', () => {
    const bytes = Uint8Array.from([1, 2]);
    const m = fromBuffer(bytes, 'u1', { readonly: true }).map((x) => (x as number) + 1);
    expect([m.toArray(), Array.from(bytes)]).toEqual([[2, 3], [1, 2]]);
  });
});

describe('toArray() past the JS heap', () => {
  // V8 ends the process when its heap runs out; a 2^33-element broadcast view
  // (64 GiB of array slots at least) is refused before anything is built.
  test('a RangeError saying how much heap it needs, for floats, int64 and records', () => {
    for (const dt of ['<f8', '<i8', [['a', '<u1']]] as const) {
      const big = broadcastTo(zeros(1, dt as never), [2 ** 33]);
      expect(() => big.toArray()).toThrow(RangeError);
      expect(() => big.toArray()).toThrow(/toArray\(\): 8589934592 elements of .* need at least \d+ bytes of JS heap, more than the \d+ left/);
    }
  });

  test('control: 2^20 elements of a broadcast view still come back', () => {
    const a = broadcastTo(zeros(1, '<f8'), [2 ** 20]).toArray() as number[];
    expect(a.length).toBe(2 ** 20);
    expect(a[2 ** 20 - 1]).toBe(0);
  });
});
