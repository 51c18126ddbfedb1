// Broadcasting and nditer's 'K' order (lib/broadcast.ts), as pure functions.
import { broadcastShape, broadcastStridesTo, kOrder, kOrderStrides } from '../lib/broadcast';
import { ValueError } from '../lib/errors';

describe('broadcastShape', () => {
  test('aligns shapes on the right; length-1 axes stretch', () => {
    expect(broadcastShape([[2, 1, 3], [4, 1], []])).toEqual([2, 4, 3]);
    expect(broadcastShape([[0], [1]])).toEqual([0]);
  });

  test("incompatible shapes give NumPy's message with every operand", () => {
    expect(() => broadcastShape([[2, 3], [], [3, 2]])).toThrow(new ValueError('operands could not be broadcast together with shapes (2,3) () (3,2) '));
  });

  test('broadcast strides are 0 on new and length-1 axes', () => {
    expect(broadcastStridesTo([1, 3], [24, 8], [2, 4, 3])).toEqual([0, 0, 8]);
  });
});

describe("kOrder (nditer order='K')", () => {
  test('C-ordered operands keep C order; a transposed one reverses it', () => {
    expect(kOrder(2, [[24, 8]])).toEqual([1, 0]);
    expect(kOrder(2, [[8, 16]])).toEqual([0, 1]);
  });

  test('broadcast (0) strides do not decide; reversed strides compare by magnitude', () => {
    expect(kOrder(2, [[0, 8], [8, 0]])).toEqual([1, 0]);
    expect(kOrder(3, [[-8, 48, 16]])).toEqual([0, 2, 1]);
  });

  test('packed strides follow the order, fastest first', () => {
    expect(kOrderStrides([2, 3], 4, [0, 1])).toEqual([4, 8]);
  });
});
