// Strided walks in C index order over byte offsets (lib/iterate.ts): the
// loops every JS path of the library runs, so their order and their edge
// cases (0-d, empty, negative and zero strides) are pinned here.
import { forEachOffset, forEachOffset2, forEachRow } from '../lib/iterate';

function offsets(shape: number[], strides: number[], offset: number): number[] {
  const out: number[] = [];
  forEachOffset(shape, strides, offset, (o) => out.push(o));
  return out;
}

test('a C-contiguous 2x3 layout of 4-byte items is walked row by row', () => {
  expect(offsets([2, 3], [12, 4], 0)).toEqual([0, 4, 8, 12, 16, 20]);
});

test('a transposed layout is walked in its own C index order, not memory order', () => {
  expect(offsets([3, 2], [4, 12], 0)).toEqual([0, 12, 4, 16, 8, 20]);
});

test('negative strides walk down from the offset of element 0', () => {
  expect(offsets([3], [-2], 10)).toEqual([10, 8, 6]);
});

test('a 0 stride repeats the same byte (a broadcast axis)', () => {
  expect(offsets([2, 2], [0, 8], 4)).toEqual([4, 12, 4, 12]);
});

test('a 0-d layout is one element at the offset', () => {
  expect(offsets([], [], 7)).toEqual([7]);
});

test('an empty layout calls nothing, whatever the other axes', () => {
  expect(offsets([3, 0, 2], [0, 0, 0], 0)).toEqual([]);
});

test('forEachRow hands over whole innermost rows: start, length, stride', () => {
  const rows: [number, number, number][] = [];
  forEachRow([2, 3], [24, 8], 100, (p, n, s) => rows.push([p, n, s]));
  expect(rows).toEqual([
    [100, 3, 8],
    [124, 3, 8],
  ]);
  const zeroD: [number, number, number][] = [];
  forEachRow([], [], 5, (p, n, s) => zeroD.push([p, n, s]));
  expect(zeroD).toEqual([[5, 1, 0]]);
});

test('forEachOffset2 walks two layouts of one shape in lockstep', () => {
  const pairs: [number, number][] = [];
  // A (2, 2) C layout of 2-byte items beside an F layout of 8-byte items.
  forEachOffset2([2, 2], [4, 2], 0, [8, 16], 1000, (a, b) => pairs.push([a, b]));
  expect(pairs).toEqual([
    [0, 1000],
    [2, 1016],
    [4, 1008],
    [6, 1024],
  ]);
});
