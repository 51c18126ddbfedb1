// NumPy's own numpy/lib/tests/test_packbits.py (NumPy 2.4), ported test by
// test: same names, same intent, the same values, shapes, dtypes and errors.
//
// Mapping: np.packbits(a, axis=, bitorder=) -> packbits(a, { axis, bitorder });
// np.unpackbits(a, axis=, count=, bitorder=) -> unpackbits(a, { axis, count,
// bitorder }); np.random.randint(min, max) multipliers in test_packbits_large ->
// the suite's seeded generator (any nonzero multiplier keeps the bits, which is
// what the test checks).
//
// Skipped (not counted as passing): none.
import { arange, empty, NdArray, ones, packbits, tile, unpackbits, ValueError, zeros } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';
import { rng } from '../helpers/bytes';
import { assertEqual } from '../helpers/np-assert';

const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);
const DTS = ['?', 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q'];
const INT_RANGE: Record<string, [number, number]> = {
  b: [-128, 127], B: [0, 255], h: [-32768, 32767], H: [0, 65535], i: [-2147483648, 2147483647], I: [0, 4294967295],
  l: [-(2 ** 53), 2 ** 53], L: [0, 2 ** 53], q: [-(2 ** 53), 2 ** 53], Q: [0, 2 ** 53],
};

// The literals of NumPy's test_packbits_large, as written there.
const LARGE_A = [1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0];
const LARGE_R = [252, 127, 192, 3, 254, 7, 252, 0, 7, 31, 240, 0, 28, 1, 255, 252, 113, 248, 3, 255, 192, 28, 15, 192, 28, 126, 0, 224, 127, 255, 227, 142, 7, 31, 142, 63, 28, 126, 56, 227, 240, 0, 227, 128, 63, 224, 14, 56, 252, 112, 56, 255, 241, 248, 3, 240, 56, 224, 112, 63, 255, 255, 199, 224, 14, 0, 31, 143, 192, 3, 255, 199, 0, 1, 255, 224, 1, 255, 252, 126, 63, 0, 1, 192, 252, 14, 63, 0, 15, 199, 252, 113, 255, 3, 128, 56, 252, 14, 7, 0, 113, 255, 255, 142, 56, 227, 129, 248, 227, 129, 199, 31, 128];
const LARGE_LAST = [128, 128, 128, 31, 30, 28, 24, 16, 0, 0, 0, 199, 198, 196, 192];
const LARGE_AX0 = [[190, 186, 178, 178, 150, 215, 87, 83, 83, 195, 199, 206, 204, 204, 140, 140, 136, 136, 8, 40, 105, 107, 75, 74, 88], [72, 216, 248, 241, 227, 195, 202, 90, 90, 83, 83, 119, 127, 109, 73, 64, 208, 244, 189, 45, 41, 104, 122, 90, 18], [113, 120, 248, 216, 152, 24, 60, 52, 182, 150, 150, 150, 146, 210, 210, 246, 255, 255, 223, 151, 21, 17, 17, 131, 163], [214, 210, 210, 64, 68, 5, 5, 1, 72, 88, 92, 92, 78, 110, 39, 181, 149, 220, 222, 218, 218, 202, 234, 170, 168], [0, 128, 128, 192, 80, 112, 48, 160, 160, 224, 240, 208, 144, 128, 160, 224, 240, 208, 144, 144, 176, 240, 224, 192, 128]];
const LARGE_AX1 = [[252, 127, 192, 0], [7, 252, 15, 128], [240, 0, 28, 0], [255, 128, 0, 128], [192, 31, 255, 128], [142, 63, 0, 0], [255, 240, 7, 0], [7, 224, 14, 0], [126, 0, 224, 0], [255, 255, 199, 0], [56, 28, 126, 0], [113, 248, 227, 128], [227, 142, 63, 0], [0, 28, 112, 0], [15, 248, 3, 128], [28, 126, 56, 0], [56, 255, 241, 128], [240, 7, 224, 0], [227, 129, 192, 128], [255, 255, 254, 0], [126, 0, 224, 0], [3, 241, 248, 0], [0, 255, 241, 128], [128, 0, 255, 128], [224, 1, 255, 128], [248, 252, 126, 0], [0, 7, 3, 128], [224, 113, 248, 0], [0, 252, 127, 128], [142, 63, 224, 0], [224, 14, 63, 0], [7, 3, 128, 0], [113, 255, 255, 128], [28, 113, 199, 0], [7, 227, 142, 0], [14, 56, 252, 0]];
const LARGE_T_AX0 = [[252, 7, 240, 255, 192, 142, 255, 7, 126, 255, 56, 113, 227, 0, 15, 28, 56, 240, 227, 255, 126, 3, 0, 128, 224, 248, 0, 224, 0, 142, 224, 7, 113, 28, 7, 14], [127, 252, 0, 128, 31, 63, 240, 224, 0, 255, 28, 248, 142, 28, 248, 126, 255, 7, 129, 255, 0, 241, 255, 0, 1, 252, 7, 113, 252, 63, 14, 3, 255, 113, 227, 56], [192, 15, 28, 0, 255, 0, 7, 14, 224, 199, 126, 227, 63, 112, 3, 56, 241, 224, 192, 254, 224, 248, 241, 255, 255, 126, 3, 248, 127, 224, 63, 128, 255, 199, 142, 252], [0, 128, 0, 128, 128, 0, 0, 0, 0, 0, 0, 128, 0, 0, 128, 0, 128, 0, 128, 0, 0, 0, 128, 128, 128, 0, 128, 0, 128, 0, 0, 0, 128, 0, 0, 0]];
const LARGE_T_AX1 = [[190, 72, 113, 214, 0], [186, 216, 120, 210, 128], [178, 248, 248, 210, 128], [178, 241, 216, 64, 192], [150, 227, 152, 68, 80], [215, 195, 24, 5, 112], [87, 202, 60, 5, 48], [83, 90, 52, 1, 160], [83, 90, 182, 72, 160], [195, 83, 150, 88, 224], [199, 83, 150, 92, 240], [206, 119, 150, 92, 208], [204, 127, 146, 78, 144], [204, 109, 210, 110, 128], [140, 73, 210, 39, 160], [140, 64, 246, 181, 224], [136, 208, 255, 149, 240], [136, 244, 255, 220, 208], [8, 189, 223, 222, 144], [40, 45, 151, 218, 144], [105, 41, 21, 218, 176], [107, 104, 17, 202, 240], [75, 122, 17, 234, 224], [74, 90, 131, 170, 192], [88, 18, 163, 168, 128]];

test('test_packbits', () => {
  const a = [[[1, 0, 1], [0, 1, 0]], [[1, 1, 0], [0, 0, 1]]];
  for (const dt of DTS) {
    const b = packbits(arr(a, dt), { axis: -1 });
    expect(b.dtype.str).toBe('|u1');
    assertEqual(b, [[[160], [64]], [[192], [32]]]);
  }
  expect(() => packbits(arr(a, 'f8'))).toThrow(TypeError);
});

test('test_packbits_empty', () => {
  const shapes = [[0], [10, 20, 0], [10, 0, 20], [0, 10, 20], [20, 0, 0], [0, 20, 0], [0, 0, 20], [0, 0, 0]];
  for (const dt of DTS) {
    for (const shape of shapes) {
      const b = packbits(empty(shape, dt));
      expect(b.dtype.str).toBe('|u1');
      expect(b.shape).toEqual([0]);
    }
  }
});

test('test_packbits_empty_with_axis', () => {
  const shapes: [number[], number[][]][] = [
    [[0], [[0]]],
    [[10, 20, 0], [[2, 20, 0], [10, 3, 0], [10, 20, 0]]],
    [[10, 0, 20], [[2, 0, 20], [10, 0, 20], [10, 0, 3]]],
    [[0, 10, 20], [[0, 10, 20], [0, 2, 20], [0, 10, 3]]],
    [[20, 0, 0], [[3, 0, 0], [20, 0, 0], [20, 0, 0]]],
    [[0, 20, 0], [[0, 20, 0], [0, 3, 0], [0, 20, 0]]],
    [[0, 0, 20], [[0, 0, 20], [0, 0, 20], [0, 0, 3]]],
    [[0, 0, 0], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]],
  ];
  for (const dt of DTS) {
    for (const [inShape, outShapes] of shapes) {
      outShapes.forEach((outShape, ax) => {
        const b = packbits(empty(inShape, dt), { axis: ax });
        expect(b.dtype.str).toBe('|u1');
        expect(b.shape).toEqual(outShape);
      });
    }
  }
});

test.each(['little', 'big'] as const)('test_packbits_large(%s)', (bitorder) => {
  const a = arr(LARGE_A).repeat(3);
  const aVals = (a.toArray() as bigint[]).map(Number);
  for (const dt of DTS) {
    let x = arr(aVals, dt);
    let b = packbits(x, { axis: null, bitorder });
    expect(b.dtype.str).toBe('|u1');
    if (bitorder === 'big') assertEqual(b, LARGE_R);
    assertEqual(unpackbits(b, { bitorder }).index(':-4'), a);
    const last = Array.from({ length: 15 }, (_, j) => Number(packbits(x.index(`:-${j + 1}`), { axis: null }).index(-1).get()));
    assertEqual(last, LARGE_LAST);
    x = x.reshape(36, 25);
    b = packbits(x, { axis: 0 });
    expect(b.dtype.str).toBe('|u1');
    assertEqual(b, LARGE_AX0);
    b = packbits(x, { axis: 1 });
    expect(b.dtype.str).toBe('|u1');
    assertEqual(b, LARGE_AX1);
    x = x.T.copy();
    b = packbits(x, { axis: 0 });
    expect(b.dtype.str).toBe('|u1');
    assertEqual(b, LARGE_T_AX0);
    b = packbits(x, { axis: 1 });
    expect(b.dtype.str).toBe('|u1');
    assertEqual(b, LARGE_T_AX1);
  }
  // result is the same if input is multiplied with a nonzero value
  const r = rng(5);
  for (const dt of DTS.slice(1)) {
    const [lo, hi] = INT_RANGE[dt];
    const rnd = aVals.map(() => {
      const v = Math.floor(lo + r() * (hi - lo));
      return v === 0 ? 1 : v;
    });
    const x = arr(aVals.map((v, i) => v * rnd[i]), dt);
    const b = packbits(x, { axis: -1 });
    assertEqual(unpackbits(b).index(':-4'), a);
  }
  expect(() => packbits(arr(aVals, 'f8'))).toThrow(TypeError);
});

test('test_packbits_very_large', () => {
  // gh-8637; NumPy's loop runs the same bool array once per dtype name
  for (let s = 950; s < 1050; s++) {
    const x = ones([200, s], '?');
    const b = packbits(x, { axis: 1 });
    expect(b.shape).toEqual([200, Math.ceil(s / 8)]);
  }
});

test('test_unpackbits', () => {
  const a = arr([[2], [7], [23]], 'u1');
  const b = unpackbits(a, { axis: 1 });
  expect(b.dtype.str).toBe('|u1');
  assertEqual(b, [[0, 0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 0, 1, 1, 1]]);
});

test('test_pack_unpack_order', () => {
  const a = arr([[2], [7], [23]], 'u1');
  const b = unpackbits(a, { axis: 1 });
  expect(b.dtype.str).toBe('|u1');
  const bLittle = unpackbits(a, { axis: 1, bitorder: 'little' });
  const bBig = unpackbits(a, { axis: 1, bitorder: 'big' });
  assertEqual(b, bBig);
  assertEqual(a, packbits(bLittle, { axis: 1, bitorder: 'little' }));
  assertEqual(b.index(':, ::-1'), bLittle);
  assertEqual(a, packbits(bBig, { axis: 1, bitorder: 'big' }));
  expect(() => unpackbits(a, { bitorder: 'r' as never })).toThrow(ValueError);
  expect(() => unpackbits(a, { bitorder: 10 as never })).toThrow(TypeError);
});

test('test_unpackbits_empty', () => {
  const b = unpackbits(empty([0], 'u1'));
  expect(b.dtype.str).toBe('|u1');
  expect(b.shape).toEqual([0]);
});

test('test_unpackbits_empty_with_axis', () => {
  const shapes: [number[][], number[]][] = [
    [[[0]], [0]],
    [[[2, 24, 0], [16, 3, 0], [16, 24, 0]], [16, 24, 0]],
    [[[2, 0, 24], [16, 0, 24], [16, 0, 3]], [16, 0, 24]],
    [[[0, 16, 24], [0, 2, 24], [0, 16, 3]], [0, 16, 24]],
    [[[3, 0, 0], [24, 0, 0], [24, 0, 0]], [24, 0, 0]],
    [[[0, 24, 0], [0, 3, 0], [0, 24, 0]], [0, 24, 0]],
    [[[0, 0, 24], [0, 0, 24], [0, 0, 3]], [0, 0, 24]],
    [[[0, 0, 0], [0, 0, 0], [0, 0, 0]], [0, 0, 0]],
  ];
  for (const [inShapes, outShape] of shapes) {
    inShapes.forEach((inShape, ax) => {
      const b = unpackbits(empty(inShape, 'u1'), { axis: ax });
      expect(b.dtype.str).toBe('|u1');
      expect(b.shape).toEqual(outShape);
    });
  }
});

test('test_unpackbits_large', () => {
  let d: NdArray = arange(277).astype('u1');
  assertEqual(packbits(unpackbits(d)), d);
  assertEqual(packbits(unpackbits(d.index('::2'))), d.index('::2'));
  d = tile(d, [3, 1]);
  assertEqual(packbits(unpackbits(d, { axis: 1 }), { axis: 1 }), d);
  d = d.T.copy();
  assertEqual(packbits(unpackbits(d, { axis: 0 }), { axis: 0 }), d);
});

describe('TestCount', () => {
  const x = arr([
    [1, 0, 1, 0, 0, 1, 0],
    [0, 1, 1, 1, 0, 0, 0],
    [0, 0, 1, 0, 0, 1, 1],
    [1, 1, 0, 0, 0, 1, 1],
    [1, 0, 1, 0, 1, 0, 1],
    [0, 0, 1, 1, 1, 0, 0],
    [0, 1, 0, 1, 0, 1, 0],
  ], 'u1');
  const padded1 = zeros([57], 'u1');
  padded1.index(':49').set(x.ravel());
  const padded2 = zeros([9, 9], 'u1');
  padded2.index(':7, :7').set(x);
  const counts = [...Array.from({ length: 58 }, (_, i) => i), ...Array.from({ length: 56 }, (_, i) => -1 - i)];

  test.each((['little', 'big'] as const).flatMap((bo) => counts.map((cnt) => [bo, cnt] as const)))('test_roundtrip(%s, %i)', (bitorder, count) => {
    const cutoff = count < 0 ? count - 1 : count;
    const packed = packbits(x, { bitorder });
    const unpacked = unpackbits(packed, { count, bitorder });
    expect(unpacked.dtype.str).toBe('|u1');
    assertEqual(unpacked, padded1.index(`:${cutoff}`));
  });

  test.each([{}, { count: null }])('test_count(%j)', (kwargs) => {
    const unpacked = unpackbits(packbits(x), kwargs);
    expect(unpacked.dtype.str).toBe('|u1');
    assertEqual(unpacked, padded1.index(':-1'));
  });

  const counts2 = [...Array.from({ length: 8 }, (_, i) => i), ...Array.from({ length: 8 }, (_, i) => -1 - i)];
  test.each((['little', 'big'] as const).flatMap((bo) => counts2.map((cnt) => [bo, cnt] as const)))('test_roundtrip_axis(%s, %i)', (bitorder, count) => {
    const cutoff = count < 0 ? count - 1 : count;
    const unpacked0 = unpackbits(packbits(x, { axis: 0, bitorder }), { axis: 0, count, bitorder });
    expect(unpacked0.dtype.str).toBe('|u1');
    assertEqual(unpacked0, padded2.index(`:${cutoff}, :${x.shape[1]}`));
    const unpacked1 = unpackbits(packbits(x, { axis: 1, bitorder }), { axis: 1, count, bitorder });
    expect(unpacked1.dtype.str).toBe('|u1');
    assertEqual(unpacked1, padded2.index(`:${x.shape[0]}, :${cutoff}`));
  });

  const kw: { count?: null; bitorder?: 'little' | 'big' }[] = [{}, { count: null }, { bitorder: 'little' }, { bitorder: 'little', count: null }, { bitorder: 'big' }, { bitorder: 'big', count: null }];
  test.each(kw)('test_axis_count(%j)', (kwargs) => {
    const big = (kwargs.bitorder ?? 'big') === 'big';
    const unpacked0 = unpackbits(packbits(x, { axis: 0 }), { axis: 0, ...kwargs });
    expect(unpacked0.dtype.str).toBe('|u1');
    assertEqual(big ? unpacked0 : unpacked0.index('::-1, :'), padded2.index(`:-1, :${x.shape[1]}`));
    const unpacked1 = unpackbits(packbits(x, { axis: 1 }), { axis: 1, ...kwargs });
    expect(unpacked1.dtype.str).toBe('|u1');
    assertEqual(big ? unpacked1 : unpacked1.index(':, ::-1'), padded2.index(`:${x.shape[0]}, :-1`));
  });

  test('test_bad_count', () => {
    expect(() => unpackbits(packbits(x, { axis: 0 }), { axis: 0, count: -9 })).toThrow(ValueError);
    expect(() => unpackbits(packbits(x, { axis: 1 }), { axis: 1, count: -9 })).toThrow(ValueError);
    expect(() => unpackbits(packbits(x), { count: -57 })).toThrow(ValueError);
  });
});
