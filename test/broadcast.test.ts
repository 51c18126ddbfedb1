// Broadcasting and nditer's 'K' order (lib/broadcast.ts), as pure functions.
import { broadcastShape, broadcastShapes, broadcastStridesTo, kOrder, kOrderStrides } from '../lib/broadcast';
import { ValueError } from '../lib/errors';
import { broadcastTo } from '../lib/create';
import { asarray } from '../lib/array-coerce';
import { broadcastArrays } from '../lib/views';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

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

describeWithNumpy('broadcastShapes / broadcastArrays of many operands, against NumPy', () => {
  // Past 64 operands NumPy's _broadcast_shape scans in chunks (64, then the shape so far + 63):
  // a mismatch names the argument within its chunk. 10^5 operands were a stack overflow here.
  const lists: [string, (readonly number[])[]][] = [
    ['70 x (3,) then (2,)', [...new Array(70).fill([3]), [2]]],
    ['70 x (1,), (3,), (2,)', [...new Array(70).fill([1]), [3], [2]]],
    ['(2,1), 63 x (1,), (3,) then (4,)', [[2, 1], ...new Array(63).fill([1]), [3], [4]]],
    ['10^5 x (1,1), (2,3)', [...new Array(100_000).fill([1, 1]), [2, 3]]],
    ['10^5 x (3,), then (2,)', [...new Array(100_000).fill([3]), [2]]],
    ['64 x (3,), then (2,)', [...new Array(64).fill([3]), [2]]],
  ];
  test.each(lists)('%s', (_name, shapes) => {
    const want = runNumpy<{ shape?: number[]; error?: string }>(
      `shapes = [tuple(s) for s in json.load(sys.stdin)]\ntry:\n  print(json.dumps({'shape': list(np.broadcast_shapes(*shapes))}))\nexcept ValueError as e:\n  print(json.dumps({'error': str(e)}))`,
      JSON.stringify(shapes),
    );
    const zero = asarray(0);
    const arrays = shapes.map((s) => broadcastTo(zero, s));
    if (want.error !== undefined) {
      expect(() => broadcastShapes(...shapes)).toThrow(new ValueError(want.error));
      expect(() => broadcastArrays(...arrays)).toThrow(new ValueError(want.error));
    } else {
      expect(broadcastShapes(...shapes)).toEqual(want.shape);
      const out = broadcastArrays(...arrays);
      expect(out.length).toBe(shapes.length);
      expect(out[0].shape).toEqual(want.shape);
      expect(out[out.length - 1].shape).toEqual(want.shape);
    }
  });
});
