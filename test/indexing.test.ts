// Basic indexing (lib/indexing.ts): index strings as Python writes them, the
// slice arithmetic of CPython, and the layout NumPy gives each view. The
// random cross-checks replay hundreds of index expressions through NumPy.
import { IndexError } from '../lib/errors';
import { adjustSlice, applyIndex, ellipsis, newaxis, parseIndex, slice, Slice, type IndexItem, type Layout } from '../lib/indexing';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** A C-contiguous layout of `shape` with `itemsize`-byte items at offset 0. */
function cLayout(shape: number[], itemsize: number): Layout {
  const strides: number[] = [];
  let s = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return { shape, strides, offset: 0 };
}

describe('slice() and Slice', () => {
  test('slice(stop) is Python slice(stop): start and step default', () => {
    expect(slice(5)).toEqual(new Slice(null, 5, null));
  });

  test('slice(start, stop, step) keeps every part; null or undefined parts are defaults', () => {
    expect(slice(1, 5, 2)).toEqual(new Slice(1, 5, 2));
    expect(slice(null, null, -1)).toEqual(new Slice(null, null, -1));
    expect(slice(2, null)).toEqual(new Slice(2, null, null));
    // An explicit undefined reads as omitted: slice(2, undefined) is slice(2).
    expect(slice(2, undefined)).toEqual(new Slice(null, 2, null));
  });

  test('prints as the index text it stands for', () => {
    expect(String(slice(1, 5, 2))).toBe('1:5:2');
    expect(String(slice(null, null, -1))).toBe('::-1');
    expect(String(slice(3))).toBe(':3');
    expect(String(new Slice())).toBe(':');
  });
});

describe('parseIndex', () => {
  test('integers, slices, ... and None, separated by commas', () => {
    expect(parseIndex('1:5:2, ::-1, ..., None, 3')).toEqual([new Slice(1, 5, 2), new Slice(null, null, -1), ellipsis, newaxis, 3]);
  });

  test('negative and explicitly signed integers', () => {
    expect(parseIndex('-1, +2, -3:')).toEqual([-1, 2, new Slice(-3, null, null)]);
  });

  test('np.newaxis, newaxis and Ellipsis are spelled as in Python', () => {
    expect(parseIndex('np.newaxis, newaxis, Ellipsis')).toEqual([newaxis, newaxis, ellipsis]);
    expect(parseIndex(':, null')).toEqual([new Slice(null, null, null), newaxis]);
  });

  test("a bare ':' and '::' are the full slice", () => {
    expect(parseIndex(':')).toEqual([new Slice(null, null, null)]);
    expect(parseIndex('::')).toEqual([new Slice(null, null, null)]);
  });

  test('spaces anywhere between the parts are ignored', () => {
    expect(parseIndex('  1 : 4 ,2 ')).toEqual([new Slice(1, 4, null), 2]);
  });

  test("one trailing comma is allowed, as in Python's a[1,]", () => {
    expect(parseIndex('1,')).toEqual([1]);
  });

  test("an empty string and '()' are the empty index (the whole array)", () => {
    expect(parseIndex('')).toEqual([]);
    expect(parseIndex('()')).toEqual([]);
  });

  test('bad text is an IndexError that quotes the index', () => {
    expect(() => parseIndex('1, x')).toThrow(IndexError);
    expect(() => parseIndex('1, x')).toThrow("invalid index 'x' in '1, x'");
    expect(() => parseIndex('1.5')).toThrow(IndexError);
    expect(() => parseIndex('1:2:3:4')).toThrow("invalid slice '1:2:3:4'");
    expect(() => parseIndex('1,,2')).toThrow('empty index item');
  });

  test('an integer beyond 2^53 is refused rather than rounded', () => {
    expect(() => parseIndex('9007199254740993')).toThrow('too large');
  });

  test('a non-string is a TypeError', () => {
    expect(() => parseIndex(3 as unknown as string)).toThrow(TypeError);
  });

  // The float check of a slice bound was /\d+\.?\d*/: a run of n digits that
  // is no number backtracked n^2/2 times (10^5 digits: 168 s; now < 1 ms).
  test('a slice bound of 10^6 digits and a letter is an IndexError at once, quoted in short', () => {
    const digits = '1'.repeat(1e6);
    let e: unknown;
    try {
      parseIndex(`${digits}x:`);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(IndexError);
    const message = (e as Error).message;
    expect(message).toContain('invalid index');
    expect(message).toContain('(1000001 characters)');
    expect(message.length).toBeLessThan(300);
    expect(() => parseIndex(`:${digits}.5e`)).toThrow(IndexError);
    expect(() => parseIndex(`${digits}.5:`)).toThrow(TypeError);
  });
});

describe('adjustSlice (CPython PySlice_AdjustIndices)', () => {
  test('returns [start, step, length]', () => {
    expect(adjustSlice(new Slice(1, 8, 3), 10)).toEqual([1, 3, 3]);
  });

  test('a reversed full slice starts at the last element', () => {
    expect(adjustSlice(new Slice(null, null, -1), 5)).toEqual([4, -1, 5]);
  });

  test('out-of-range bounds clamp to the axis', () => {
    expect(adjustSlice(new Slice(-100, 100, null), 4)).toEqual([0, 1, 4]);
    expect(adjustSlice(new Slice(100, -100, -2), 4)).toEqual([3, -2, 2]);
  });

  test('an empty result has length 0', () => {
    expect(adjustSlice(new Slice(3, 1, null), 5)[2]).toBe(0);
    expect(adjustSlice(new Slice(null, null, null), 0)).toEqual([0, 1, 0]);
  });

  test('step 0 is an error, as in Python', () => {
    expect(() => adjustSlice(new Slice(null, null, 0), 5)).toThrow('slice step cannot be zero');
  });

  test('non-integer parts are a TypeError', () => {
    expect(() => adjustSlice(new Slice(0.5, null, null), 5)).toThrow(TypeError);
    expect(() => adjustSlice(new Slice(null, null, 1.5), 5)).toThrow(TypeError);
  });
});

describe('applyIndex', () => {
  const a34 = cLayout([3, 4], 2); // a (3, 4) int16 array

  test('an integer removes its axis and moves the offset', () => {
    expect(applyIndex(a34, [1])).toEqual({ shape: [4], strides: [2], offset: 8 });
  });

  test('an integer on every axis gives a 0-d layout', () => {
    expect(applyIndex(a34, [2, -1])).toEqual({ shape: [], strides: [], offset: 22 });
  });

  test('a slice scales the stride by its step and starts at its first element', () => {
    expect(applyIndex(a34, [new Slice(null, null, -1), new Slice(1, null, 2)])).toEqual({ shape: [3, 2], strides: [-8, 4], offset: 18 });
  });

  test('a column a[:, 1] keeps the row stride: a non-contiguous 1-d view', () => {
    expect(applyIndex(a34, parseIndex(':, 1'))).toEqual({ shape: [3], strides: [8], offset: 2 });
  });

  test('newaxis (or null) inserts a length-1 axis with stride 0', () => {
    expect(applyIndex(a34, [newaxis, new Slice(), null])).toEqual({ shape: [1, 3, 1, 4], strides: [0, 8, 0, 2], offset: 0 });
  });

  test('... expands to as many full slices as the other items leave', () => {
    expect(applyIndex(cLayout([2, 3, 4], 1), [ellipsis, 1])).toEqual({ shape: [2, 3], strides: [12, 4], offset: 1 });
    expect(applyIndex(cLayout([2, 3, 4], 1), [1, ellipsis, 2, 3])).toEqual({ shape: [], strides: [], offset: 12 + 8 + 3 });
  });

  test('missing trailing items are full slices', () => {
    expect(applyIndex(a34, [])).toEqual(a34);
  });

  test('an empty slice keeps the offset where it was, with the axis stride (NumPy 0:0:1)', () => {
    expect(applyIndex(a34, [new Slice(5, 9, 3)])).toEqual({ shape: [0, 4], strides: [8, 2], offset: 0 });
  });

  test('too many indices is an IndexError in NumPy words', () => {
    expect(() => applyIndex(a34, [0, 0, 0])).toThrow(IndexError);
    expect(() => applyIndex(a34, [0, 0, 0])).toThrow('too many indices for array: array is 2-dimensional, but 3 were indexed');
  });

  test('newaxis and ... do not count as indices', () => {
    expect(() => applyIndex(a34, [newaxis, 0, ellipsis, 0, newaxis])).not.toThrow();
  });

  test('an out-of-bounds integer names the axis and its size', () => {
    expect(() => applyIndex(a34, [0, 4])).toThrow('index 4 is out of bounds for axis 1 with size 4');
    expect(() => applyIndex(a34, [-4])).toThrow('index -4 is out of bounds for axis 0 with size 3');
  });

  test('two ellipses are an error', () => {
    expect(() => applyIndex(a34, [ellipsis, ellipsis])).toThrow("an index can only have a single ellipsis ('...')");
  });

  test('a non-integer number or another kind of item is an IndexError', () => {
    expect(() => applyIndex(a34, [1.5])).toThrow(IndexError);
    expect(() => applyIndex(a34, ['1' as unknown as IndexItem])).toThrow(IndexError);
  });

  test('reversing a 0-stride axis gives stride 0, not -0', () => {
    expect(Object.is(applyIndex({ shape: [3], strides: [0], offset: 0 }, [new Slice(null, null, -1)]).strides[0], 0)).toBe(true);
  });

  test('does not modify the layout it was given', () => {
    const l = cLayout([3, 4], 2);
    applyIndex(l, [1, new Slice(null, null, -1)]);
    expect(l).toEqual(cLayout([3, 4], 2));
  });
});

// --------------------------------------------------------- NumPy cross-checks

interface IndexCase {
  shape: number[];
  /** The base's strides: NumPy 2 gives new empty arrays all-0 strides. */
  strides: number[];
  itemsize: number;
  index: string;
  expect: Layout | { error: string };
}

// Random index expressions over random C-ordered arrays; offsets are data
// pointer differences from the base array.
const RANDOM_INDEXES = String.raw`
import random
rng = random.Random(1234)
def item(n):
    r = rng.random()
    if r < 0.3: return str(rng.randint(-n - 1, n)) if n else '0'
    if r < 0.8:
        part = lambda: '' if rng.random() < 0.35 else str(rng.randint(-n - 2, n + 2))
        step = rng.choice(['', '', '1', '2', '3', '-1', '-2', '-3'])
        return part() + ':' + part() + (':' + step if step or rng.random() < 0.2 else '')
    if r < 0.9: return 'None'
    return '...'
out = []
for _ in range(600):
    shape = [rng.randint(0 if rng.random() < 0.05 else 1, 5) for _ in range(rng.randint(0, 4))]
    it = rng.choice([1, 2, 4, 8])
    a = np.zeros(shape, dtype=('V', it))
    k = rng.randint(0, len(shape) + 1)
    items = [item(shape[min(i, len(shape) - 1)] if shape else 1) for i in range(k)]
    text = ', '.join(items)
    try:
        t = eval('np.s_[' + text + ',]', {'np': np}) if text else ()
        v = a[t]
        # NumPy gives a scalar for an integer on every axis; the library gives the 0-d view.
        if not isinstance(v, np.ndarray): v = a[t + (Ellipsis,)]
        off = v.__array_interface__['data'][0] - a.__array_interface__['data'][0]
        exp = dict(shape=list(v.shape), strides=list(v.strides), offset=off)
    except IndexError as e:
        exp = dict(error='IndexError')
    out.append(dict(shape=shape, strides=list(a.strides), itemsize=it, index=text, expect=exp))
print(json.dumps(out))
`;

describeWithNumpy('indexing against NumPy', () => {
  test('600 random index expressions give NumPy layouts, or its IndexError', () => {
    const cases = runNumpy<IndexCase[]>(RANDOM_INDEXES);
    let errors = 0;
    for (const k of cases) {
      const base = { shape: k.shape, strides: k.strides, offset: 0 };
      const run = (): Layout | { error: string } => {
        try {
          return applyIndex(base, parseIndex(k.index));
        } catch (e) {
          return { error: (e as Error).name };
        }
      };
      const got = run();
      if ('error' in got) errors++;
      expect({ case: k.shape.join('x') + `[${k.index}]`, got }).toEqual({ case: k.shape.join('x') + `[${k.index}]`, got: k.expect });
    }
    // The generator must exercise both outcomes.
    expect(errors).toBeGreaterThan(10);
    expect(errors).toBeLessThan(cases.length / 2);
  });

  test("slice lengths and starts match Python's slice.indices for every small case", () => {
    const want = runNumpy<[number | null, number | null, number | null, number, number, number][]>(String.raw`
vals = [None, -7, -3, -1, 0, 1, 2, 5, 8]
out = []
for n in (0, 1, 5):
    for a in vals:
        for b in vals:
            for c in (None, 1, 2, -1, -3):
                s, e, st = slice(a, b, c).indices(n)
                out.append([a, b, c, n, s, len(range(s, e, st))])
print(json.dumps(out))
`);
    for (const [a, b, c, n, start, len] of want) {
      const [s, , l] = adjustSlice(new Slice(a, b, c), n);
      // Python's start for an empty slice may differ; only the length matters then.
      expect([a, b, c, n, l, l === 0 ? null : s]).toEqual([a, b, c, n, len, len === 0 ? null : start]);
    }
  });
});
