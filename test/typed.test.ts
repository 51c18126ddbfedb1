// Zero-copy typed arrays (lib/typed.ts): typedArray() is a window over the
// array's memory with its preconditions spelled out; stridedTypedArray()
// adds element strides for any strided view.
import { arange, fromBuffer, zeros } from '../lib/create';
import type { NdArray } from '../lib/ndarray';

/** A (3, 4) int16 array holding 0..11. */
function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

describe('typedArray', () => {
  test('is a zero-copy window: writes through it show in the array', () => {
    const a = zeros([2, 3], '<f4');
    const t = a.typedArray();
    expect(t).toBeInstanceOf(Float32Array);
    t[4] = 2.5;
    expect(a.get(1, 1)).toBe(2.5);
  });

  test('covers exactly the view, from its offset', () => {
    const a = arange(10, '<i4');
    const t = a.index('3:7').typedArray();
    expect(Array.from(t as Int32Array)).toEqual([3, 4, 5, 6]);
  });

  test('64-bit integers give BigInt arrays, bool gives Uint8Array', () => {
    expect(arange(2).typedArray()).toBeInstanceOf(BigInt64Array);
    expect(zeros(2, 'b1').typedArray()).toBeInstanceOf(Uint8Array);
  });

  test('refuses non-contiguous, foreign byte order, complex and misaligned views', () => {
    expect(() => grid().index(':, 1').typedArray()).toThrow('typedArray() needs a C-contiguous array');
    expect(() => zeros(2, '>i4').typedArray()).toThrow("no typed array holds >i4 in this machine's byte order");
    expect(() => zeros(2, '<c8').typedArray()).toThrow(TypeError);
    expect(() => fromBuffer(new ArrayBuffer(9), '<i4', { offset: 1, count: 2 }).typedArray()).toThrow('not aligned to 4 bytes');
  });

  test('a read-only array is refused (a typed array cannot refuse stores) unless the caller opts in', () => {
    const flagged = zeros(4, '<i4');
    flagged.flags.writeable = false;
    expect(() => flagged.typedArray()).toThrow('bypass flags.writeable');
    const memory = fromBuffer(new ArrayBuffer(16), '<i4', { readonly: true });
    expect(() => memory.typedArray()).toThrow('crash the process');
    expect(flagged.typedArray({ unsafeAllowReadOnly: true })).toHaveLength(4);
    expect(zeros(0, '<f8').typedArray()).toHaveLength(0);
  });
});

describe('stridedTypedArray', () => {
  test('a record field: the typed array spans the field, elements step over the records', () => {
    const rec = arange(64, 'u1').view([['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
    const field = rec.field('value');
    const { array, offset, strides, shape } = field.stridedTypedArray();
    expect(array).toBeInstanceOf(Float64Array);
    expect([offset, strides, shape]).toEqual([0, [2], [4]]);
    expect(Array.from({ length: 4 }, (_, i) => array[offset + i * strides[0]])).toEqual(field.toArray());
    array[offset + 3 * strides[0]] = 1.5;
    expect(field.get(3)).toBe(1.5);
  });

  test('reversed, stepped and 2-d views index the same elements as get()', () => {
    const g = arange(24, '<i4').reshape([4, 6]);
    for (const v of [g.index('::-3'), g.index(':, 1'), g.index('1:, ::-2'), g.T]) {
      const { array, offset, strides, shape } = v.stridedTypedArray();
      const at = (i: number, j = 0): number => array[offset + i * strides[0] + j * (strides[1] ?? 0)] as number;
      if (shape.length === 1) expect(Array.from({ length: shape[0] }, (_, i) => at(i))).toEqual(v.toArray());
      else expect(Array.from({ length: shape[0] }, (_, i) => Array.from({ length: shape[1] }, (_, j) => at(i, j)))).toEqual(v.toArray());
    }
  });

  test('refused when a stride is not a multiple of the itemsize, and for read-only arrays unless opted in', () => {
    const packed = zeros(3, [['a', '<u1'], ['b', '<i4']]);
    expect(() => packed.field('b').stridedTypedArray()).toThrow('stride 5 is not a multiple of the itemsize 4');
    const ro = zeros(4, '<f8');
    ro.flags.writeable = false;
    expect(() => ro.stridedTypedArray()).toThrow('bypass flags.writeable');
    expect(ro.stridedTypedArray({ unsafeAllowReadOnly: true }).array).toHaveLength(4);
    expect(zeros(0, '<f8').stridedTypedArray().array).toHaveLength(0);
  });
});

describe('typedArray options', () => {
  test("a misspelt option is NumPy's unknown-keyword TypeError, not ignored (the flag it meant is not set)", () => {
    const a = arange(3);
    expect(() => a.typedArray({ unsafe: true } as never)).toThrow(new TypeError("typedArray() got an unexpected keyword argument 'unsafe'"));
    expect(() => a.stridedTypedArray({ unsafeAllowReadonly: true } as never)).toThrow(new TypeError("stridedTypedArray() got an unexpected keyword argument 'unsafeAllowReadonly'"));
    expect(() => a.typedArray(true as never)).toThrow(/takes its options as an object, got true/);
  });
});
