// Stride arithmetic (lib/layout.ts): pure functions of shape, strides and
// offset. Each rule is pinned by hand on a small case, then cross-checked
// against NumPy's own flags and reshape on many random strided layouts.
import { AxisError, ValueError } from '../lib/errors';
import {
  byteBounds,
  checkShape,
  isAligned,
  isCContiguous,
  isFContiguous,
  normalizeAxes,
  normalizeAxis,
  reshapeStrides,
  shapeToSize,
  shapeToStrides,
} from '../lib/layout';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describe('shapeToSize', () => {
  test('is the product of the shape, 1 for a 0-d shape and 0 with any empty axis', () => {
    expect(shapeToSize([2, 3, 4])).toBe(24);
    expect(shapeToSize([])).toBe(1);
    expect(shapeToSize([5, 0, 7])).toBe(0);
  });
});

describe('shapeToStrides', () => {
  test('C order: the last axis is the itemsize, each axis before it steps over the ones after', () => {
    expect(shapeToStrides([2, 3, 4], 2, 'C')).toEqual([24, 8, 2]);
  });

  test('F order: the first axis is the itemsize', () => {
    expect(shapeToStrides([2, 3, 4], 2, 'F')).toEqual([2, 4, 12]);
  });

  test('C is the default order', () => {
    expect(shapeToStrides([3, 5], 8)).toEqual([40, 8]);
  });

  test('a 0-d shape has no strides', () => {
    expect(shapeToStrides([], 4)).toEqual([]);
  });

  test('an empty axis counts as length 1 for the axes outside it', () => {
    expect(shapeToStrides([3, 0, 2], 4, 'C')).toEqual([8, 8, 4]);
    expect(shapeToStrides([3, 0, 2], 4, 'F')).toEqual([4, 12, 12]);
  });
});

describe('byteBounds', () => {
  test('a C-contiguous array covers [offset, offset + nbytes)', () => {
    expect(byteBounds(16, [2, 3], [12, 4], 4)).toEqual([16, 40]);
  });

  test('a negative stride reaches below the offset of element 0', () => {
    // a[::-1] of 5 int32 starting at its last element (byte 16).
    expect(byteBounds(16, [5], [-4], 4)).toEqual([0, 20]);
  });

  test('gaps between elements count as covered: bounds, not bytes', () => {
    expect(byteBounds(0, [3], [10], 2)).toEqual([0, 22]);
  });

  test('a 0-stride axis addresses one element however long it is', () => {
    expect(byteBounds(8, [1000], [0], 8)).toEqual([8, 16]);
  });

  test('a 0-d array covers its one item', () => {
    expect(byteBounds(3, [], [], 2)).toEqual([3, 5]);
  });

  test('an empty array covers nothing: [offset, offset]', () => {
    expect(byteBounds(12, [4, 0], [-8, 4], 4)).toEqual([12, 12]);
  });
});

describe('isCContiguous / isFContiguous', () => {
  test('a C-ordered 2-d array is C- and not F-contiguous; its transpose the other way round', () => {
    expect(isCContiguous([2, 3], [12, 4], 4)).toBe(true);
    expect(isFContiguous([2, 3], [12, 4], 4)).toBe(false);
    expect(isCContiguous([3, 2], [4, 12], 4)).toBe(false);
    expect(isFContiguous([3, 2], [4, 12], 4)).toBe(true);
  });

  test('a 1-d array with unit stride is both; a strided or reversed one is neither', () => {
    expect([isCContiguous([4], [2], 2), isFContiguous([4], [2], 2)]).toEqual([true, true]);
    expect([isCContiguous([4], [4], 2), isFContiguous([4], [4], 2)]).toEqual([false, false]);
    expect([isCContiguous([4], [-2], 2), isFContiguous([4], [-2], 2)]).toEqual([false, false]);
  });

  test("the stride of a length-1 axis is ignored (NumPy's relaxed strides)", () => {
    expect(isCContiguous([3, 1, 4], [16, 12345, 4], 4)).toBe(true);
    expect(isFContiguous([1, 5], [-7, 8], 8)).toBe(true);
    expect(isCContiguous([1], [0], 8)).toBe(true);
  });

  test('0-d arrays and empty arrays are both C- and F-contiguous whatever the strides', () => {
    expect([isCContiguous([], [], 4), isFContiguous([], [], 4)]).toEqual([true, true]);
    expect([isCContiguous([3, 0], [99, -5], 4), isFContiguous([3, 0], [99, -5], 4)]).toEqual([true, true]);
  });

  test('a multi-element axis with stride 0 is not contiguous', () => {
    expect(isCContiguous([3], [0], 4)).toBe(false);
  });
});

describe('isAligned', () => {
  test('the address and every stride must be multiples of the alignment', () => {
    expect(isAligned(8, [4], [8], 8)).toBe(true);
    expect(isAligned(4, [4], [8], 8)).toBe(false);
    expect(isAligned(8, [4], [12], 8)).toBe(false);
  });

  test('a length-1 axis does not count, so its odd stride does not unalign', () => {
    expect(isAligned(0, [1, 4], [3, 4], 4)).toBe(true);
  });

  test('an empty array is aligned even at an odd address', () => {
    expect(isAligned(1, [0], [4], 4)).toBe(true);
  });

  test('alignment 1 (bytes, records of bytes) is always aligned', () => {
    expect(isAligned(7, [3], [5], 1)).toBe(true);
  });

  test('negative strides are judged by their magnitude', () => {
    expect(isAligned(16, [3], [-8], 8)).toBe(true);
    expect(isAligned(16, [3], [-6], 8)).toBe(false);
  });
});

describe('normalizeAxis / normalizeAxes', () => {
  test('negative axes count from the end', () => {
    expect(normalizeAxis(-1, 3)).toBe(2);
    expect(normalizeAxis(-3, 3)).toBe(0);
    expect(normalizeAxis(1, 3)).toBe(1);
  });

  test("an axis outside [-ndim, ndim) is NumPy's AxisError, worded as NumPy words it", () => {
    expect(() => normalizeAxis(3, 3)).toThrow(AxisError);
    expect(() => normalizeAxis(3, 3)).toThrow('axis 3 is out of bounds for array of dimension 3');
    expect(() => normalizeAxis(-4, 3)).toThrow('axis -4 is out of bounds for array of dimension 3');
    expect(() => normalizeAxis(0, 0)).toThrow(AxisError);
  });

  test('an AxisError is also a ValueError, as in NumPy', () => {
    expect(() => normalizeAxis(5, 1)).toThrow(ValueError);
  });

  test('a non-integer axis is a TypeError', () => {
    expect(() => normalizeAxis(1.5, 3)).toThrow(TypeError);
  });

  test('the same axis twice (in any spelling) is a repeated axis', () => {
    expect(normalizeAxes([0, -1], 3)).toEqual([0, 2]);
    expect(() => normalizeAxes([2, -1], 3)).toThrow('repeated axis');
  });
});

describe('checkShape', () => {
  test('returns a copy of a valid shape', () => {
    const s = [2, 0, 3];
    const out = checkShape(s);
    expect(out).toEqual([2, 0, 3]);
    expect(out).not.toBe(s);
  });

  test("a negative dimension is NumPy's ValueError and quotes the shape", () => {
    expect(() => checkShape([2, -1])).toThrow(ValueError);
    expect(() => checkShape([2, -1])).toThrow('negative dimensions are not allowed (shape [2, -1])');
  });

  test('a non-integer dimension is a TypeError naming the argument', () => {
    expect(() => checkShape([2.5], 'newshape')).toThrow(TypeError);
    expect(() => checkShape([2.5], 'newshape')).toThrow('newshape must hold integers, got 2.5');
  });

  test('more than 2^53 elements is refused', () => {
    expect(() => checkShape([2 ** 30, 2 ** 30, 2 ** 30])).toThrow('array is too big');
  });
});

describe('reshapeStrides', () => {
  test('a contiguous array splits an axis into row-major strides', () => {
    expect(reshapeStrides([12], [4], 4, [3, 4], 'C')).toEqual([16, 4]);
  });

  test('a strided axis can be split: every other element of 12 as (2, 3)', () => {
    expect(reshapeStrides([6], [8], 4, [2, 3], 'C')).toEqual([24, 8]);
  });

  test('two axes can merge only when contiguous among themselves', () => {
    // a[:, ::2] of a (3, 4) int16 array: evenly spaced, so it merges into one axis.
    expect(reshapeStrides([3, 2], [8, 4], 2, [6], 'C')).toEqual([4]);
    // a[:, :2] of the same array: a gap after every second element, so only a copy can.
    expect(reshapeStrides([3, 2], [8, 2], 2, [6], 'C')).toBeNull();
    // a[::2] of a (4, 3) int16 array: the 3 columns stay contiguous, rows can split.
    expect(reshapeStrides([2, 3], [12, 2], 2, [2, 3, 1], 'C')).toEqual([12, 2, 2]);
  });

  test('F order merges the axes in column-major order', () => {
    // The transpose of a C (2, 3) float64 array is F-contiguous: merging it in F order works.
    expect(reshapeStrides([3, 2], [8, 24], 8, [6], 'F')).toEqual([8]);
    expect(reshapeStrides([3, 2], [8, 24], 8, [6], 'C')).toBeNull();
  });

  test('length-1 axes of the source constrain nothing', () => {
    expect(reshapeStrides([3, 1, 2], [16, 999, 8], 8, [6], 'C')).toEqual([8]);
    expect(reshapeStrides([3, 1, 2], [24, 999, 8], 8, [6], 'C')).toBeNull();
    expect(reshapeStrides([1, 6], [999, 8], 8, [2, 3], 'C')).toEqual([24, 8]);
  });

  test('an empty source reshapes to contiguous strides in the requested order (as NumPy gives them)', () => {
    expect(reshapeStrides([0, 4], [8, 2], 2, [2, 0], 'C')).toEqual([2, 2]);
    expect(reshapeStrides([0, 4], [8, 2], 2, [2, 0], 'F')).toEqual([2, 4]);
  });
});

// --------------------------------------------------------- NumPy cross-checks

interface RandomLayout {
  itemsize: number;
  shape: number[];
  strides: number[];
  /** Byte offset of element 0 from the lowest address of the base buffer. */
  offset: number;
  /** np.lib.array_utils.byte_bounds relative to the base buffer. */
  bounds: [number, number];
  c: boolean;
  f: boolean;
  aligned: boolean;
}

// Random basic-indexing views of C- or F-ordered bases, with NumPy's answers.
const RANDOM_VIEWS = String.raw`
import random
from numpy.lib.array_utils import byte_bounds
rng = random.Random(20240611)
out = []
for _ in range(400):
    nd = rng.randint(0, 4)
    shape = tuple(rng.choice([1, 1, 2, 3, 4, 5, 0] if rng.random() < 0.1 else [1, 2, 3, 4, 5]) for _ in range(nd))
    dt = np.dtype(rng.choice(['u1', '<i2', '<f4', '<f8', '<c16']))
    base = np.zeros(shape, dtype=dt, order=rng.choice('CF'))
    idx = []
    for n in shape:
        r = rng.random()
        if r < 0.4: idx.append(slice(None))
        elif r < 0.8:
            step = rng.choice([1, 2, 3, -1, -2])
            idx.append(slice(rng.randint(-n - 1, n + 1) if rng.random() < 0.5 else None, None, step))
        elif r < 0.9 and n: idx.append(rng.randrange(n))
        else: idx.append(None); idx.append(slice(None))
    v = base[tuple(idx)]
    if v.ndim > 1 and rng.random() < 0.3: v = v.transpose(rng.sample(range(v.ndim), v.ndim))
    lo0 = byte_bounds(base)[0]
    lo, hi = byte_bounds(v)
    ptr = v.__array_interface__['data'][0]
    out.append(dict(itemsize=dt.itemsize, shape=list(v.shape), strides=list(v.strides), offset=ptr - lo0,
                    bounds=[lo - lo0, hi - lo0], c=bool(v.flags.c_contiguous), f=bool(v.flags.f_contiguous),
                    aligned=bool(v.flags.aligned)))
print(json.dumps(out))
`;

interface ReshapeCase {
  itemsize: number;
  shape: number[];
  strides: number[];
  newShape: number[];
  order: 'C' | 'F';
  /** Strides of the no-copy reshape, or null when NumPy had to copy. */
  expect: number[] | null;
}

// Non-contiguous sources (contiguous ones take a fast path that skips reshapeStrides).
const RANDOM_RESHAPES = String.raw`
import random
rng = random.Random(7)
def factor(n, parts):
    dims = []
    for _ in range(parts - 1):
        ds = [d for d in range(1, n + 1) if n % d == 0]
        d = rng.choice(ds); dims.append(d); n //= d
    dims.append(n)
    rng.shuffle(dims)
    return dims
out = []
while len(out) < 300:
    nd = rng.randint(1, 4)
    full = [rng.choice([1, 2, 3, 4, 6]) for _ in range(nd)]
    base = np.zeros(full, dtype='<i4')
    idx = tuple(slice(None, None, rng.choice([1, 1, 2])) if rng.random() < 0.5 else slice(rng.randint(0, 1), None) for _ in full)
    v = base[idx]
    if rng.random() < 0.3 and v.ndim > 1: v = v.T
    if v.flags.c_contiguous or v.flags.f_contiguous or v.size == 0: continue
    order = rng.choice('CF')
    new = factor(v.size, rng.randint(1, 4))
    if rng.random() < 0.2: new.insert(rng.randint(0, len(new)), 1)
    # The same shape is not a reshape: NdArray.reshape returns the view as it is.
    if new == list(v.shape): continue
    r = v.reshape(new, order=order)
    nocopy = np.shares_memory(r, v) and r.base is not None and (r.base is v.base or r.base is v)
    out.append(dict(itemsize=4, shape=list(v.shape), strides=list(v.strides), newShape=new, order=order,
                    expect=list(r.strides) if nocopy else None))
print(json.dumps(out))
`;

describeWithNumpy('layout against NumPy', () => {
  test('flags.c_contiguous, f_contiguous, aligned and byte_bounds of 400 random views', () => {
    const cases = runNumpy<RandomLayout[]>(RANDOM_VIEWS);
    expect(cases).toHaveLength(400);
    for (const k of cases) {
      const got = {
        c: isCContiguous(k.shape, k.strides, k.itemsize),
        f: isFContiguous(k.shape, k.strides, k.itemsize),
        // NumPy's buffers are 16-byte aligned: the alignment of every dtype used here is ≤ 8.
        aligned: isAligned(k.offset, k.shape, k.strides, Math.min(k.itemsize, 8)),
        bounds: byteBounds(k.offset, k.shape, k.strides, k.itemsize),
      };
      const want = { c: k.c, f: k.f, aligned: k.aligned, bounds: k.bounds };
      if (shapeToSize(k.shape) === 0) {
        // NumPy's byte_bounds of an empty array is not meaningful; ours is [offset, offset].
        got.bounds = want.bounds;
      }
      expect({ layout: k, ...got }).toEqual({ layout: k, ...want });
    }
  });

  test('reshape without a copy exactly when NumPy does, with its strides (300 random strided sources)', () => {
    const cases = runNumpy<ReshapeCase[]>(RANDOM_RESHAPES);
    for (const k of cases) {
      const got = reshapeStrides(k.shape, k.strides, k.itemsize, k.newShape, k.order);
      expect({ case: k, got }).toEqual({ case: k, got: k.expect });
    }
  });

  test('contiguous strides of new arrays for random shapes, both orders', () => {
    const shapes = runNumpy<[number[], number, number[], number[]][]>(String.raw`
import random
rng = random.Random(3)
out = []
for _ in range(100):
    shape = [rng.randint(1, 6) for _ in range(rng.randint(0, 5))]
    it = rng.choice([1, 2, 4, 8, 16])
    dt = np.dtype(('V', it))
    out.append([shape, it, list(np.empty(shape, dt, order='C').strides), list(np.empty(shape, dt, order='F').strides)])
print(json.dumps(out))
`);
    for (const [shape, itemsize, c, f] of shapes) {
      expect([shape, shapeToStrides(shape, itemsize, 'C'), shapeToStrides(shape, itemsize, 'F')]).toEqual([shape, c, f]);
    }
  });
});
