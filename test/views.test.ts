// Views of an existing array's memory under a new layout (lib/views.ts):
// asStrided (any strides, bounds-checked), broadcastTo (0 strides, read-only)
// and ascontiguousarray (a view when C-contiguous, else a copy).
import { arange, ascontiguousarray, asStrided, broadcastTo, slidingWindowView } from '../lib/create';
import { ValueError } from '../lib/errors';
import { sharesMemory } from '../lib/memory';

describe('asStrided', () => {
  test('a sliding window over a 1-d array', () => {
    const a = arange(6, '<i4');
    const w = asStrided(a, [4, 3], [4, 4]);
    expect(w.toArray()).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
    ]);
    expect(w.base).toBe(a);
  });

  test('starts at element 0 of the source, whatever its offset', () => {
    const a = arange(6, 'u1').index('2:');
    expect(asStrided(a, [2], [2]).toArray()).toEqual([2, 4]);
  });

  test('default strides are C-contiguous', () => {
    expect(asStrided(arange(6, '<i2'), [2, 3]).strides).toEqual([6, 2]);
  });

  test('writeable: false makes a read-only view; the default follows the source', () => {
    const a = arange(4, 'u1');
    expect(asStrided(a, [2], [1], { writeable: false }).flags.writeable).toBe(false);
    expect(asStrided(a, [2], [1]).flags.writeable).toBe(true);
  });

  test('writeable: false is for good, as in NumPy: neither the view nor its views can be made writeable', () => {
    const ro = asStrided(arange(4, 'u1'), [2], [1], { writeable: false });
    const set = (x: { flags: { writeable: boolean } }) => () => {
      x.flags.writeable = true;
    };
    expect(set(ro)).toThrow('cannot set WRITEABLE flag to True of this array');
    expect(set(ro.index('1:'))).toThrow('cannot set WRITEABLE flag to True of this array');
    // broadcastTo's read-only flag, by contrast, can be lifted (NumPy 2.4 allows it too).
    const b = broadcastTo(arange(4, 'u1'), [2, 4]);
    b.flags.writeable = true;
    expect(b.flags.writeable).toBe(true);
  });

  test('unlike NumPy, a view past the buffer is refused', () => {
    expect(() => asStrided(arange(4, 'u1'), [3], [2])).toThrow(RangeError);
    expect(() => asStrided(arange(4, 'u1'), [3], [2])).toThrow("as_strided view reaches bytes [0, 5) outside the buffer's [0, 4)");
    expect(() => asStrided(arange(4, 'u1').index('1:'), [3], [-1])).toThrow(RangeError);
  });

  test('an empty shape can have any strides', () => {
    expect(asStrided(arange(4, 'u1'), [0, 5], [1000, -1000]).size).toBe(0);
  });

  test('shape and strides must have the same length and hold integers', () => {
    expect(() => asStrided(arange(4, 'u1'), [2], [1, 1])).toThrow(ValueError);
    expect(() => asStrided(arange(4, 'u1'), [2], [0.5])).toThrow(TypeError);
  });
});

describe('broadcastTo', () => {
  test('repeats along new and length-1 axes with stride 0, read-only', () => {
    const b = broadcastTo(arange(3, '<i2'), [2, 3]);
    expect([b.shape, b.strides, b.flags.writeable]).toEqual([[2, 3], [0, 2], false]);
    expect(b.toArray()).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });

  test('a length-1 axis gets stride 0 even when it stays length 1', () => {
    expect(broadcastTo(arange(3, '<i2').reshape([3, 1]), [3, 1]).strides).toEqual([2, 0]);
  });

  test('shapes that do not broadcast are refused in NumPy words', () => {
    expect(() => broadcastTo(arange(3, 'u1'), [4])).toThrow('operands could not be broadcast together with remapped shapes');
    expect(() => broadcastTo(arange(3, 'u1').reshape([1, 3]), [3])).toThrow('input operand has more dimensions than allowed');
  });

  test('shares memory with the source', () => {
    const a = arange(3, 'u1');
    expect(sharesMemory(broadcastTo(a, [5, 3]), a)).toBe(true);
  });
});

describe('ascontiguousarray', () => {
  test('a C-contiguous array comes back as a view', () => {
    const a = arange(6, '<i2');
    const c = ascontiguousarray(a);
    expect(c).not.toBe(a);
    expect(sharesMemory(c, a)).toBe(true);
  });

  test('any other layout comes back as a C-ordered copy', () => {
    const a = arange(6, '<i2').reshape([2, 3]).T;
    const c = ascontiguousarray(a);
    expect([c.strides, c.toArray(), sharesMemory(c, a)]).toEqual([[4, 2], a.toArray(), false]);
  });

  test('a 0-d array becomes shape [1], as NumPy does', () => {
    const z = arange(3, '<i2').index('1');
    expect(ascontiguousarray(z).shape).toEqual([1]);
    expect(ascontiguousarray(z).get(0)).toBe(1);
  });
});

describe('slidingWindowView options', () => {
  test("NumPy's axis= keyword as an option gives the positional axis's view", () => {
    const x = arange(15).reshape(5, 3);
    const a = slidingWindowView(x, 2, 0);
    const b = slidingWindowView(x, 2, { axis: 0 });
    expect(b.shape).toEqual([4, 3, 2]);
    expect({ shape: b.shape, strides: b.strides, offset: b.offset }).toEqual({ shape: a.shape, strides: a.strides, offset: a.offset });
    expect(b.toArray()).toEqual(a.toArray());
    expect(b.flags.writeable).toBe(false);
    expect(slidingWindowView(x, 2, { axis: 0, writeable: true }).flags.writeable).toBe(true);
    expect(slidingWindowView(x, [2, 2], { axis: [0, 1] }).shape).toEqual([4, 2, 2, 2]);
  });

  test('an unknown key or options given twice is a TypeError', () => {
    const x = arange(6);
    expect(() => slidingWindowView(x, 2, { axes: 0 } as never)).toThrow(/slidingWindowView\(\) got an unexpected keyword argument 'axes'/);
    expect(() => slidingWindowView(x, 2, 0, { axis: 0 } as never)).toThrow(/unexpected keyword argument 'axis'/);
    expect(() => slidingWindowView(x, 2, { axis: 0 }, { writeable: true })).toThrow(/options given twice/);
  });
});
