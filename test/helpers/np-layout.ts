// Compares the memory layout of new results with NumPy's: each case is a
// Python expression and the JS call that should give the same array (shape,
// strides, every byte in C order) or the same error class. Strides on
// length-1 axes (all of an empty array's) are left out: they are NumPy's
// code-path noise, as the conformance runner treats them.
import * as mm from '../../lib';
import type { NdArray } from '../../lib';
import { hexOf } from './np-compare';
import { runNumpy } from './numpy';

/**
 * A view of a fresh float64 `arange` of `shape`'s size: reshaped to `shape`,
 * transposed by `perm`, indexed by `index` (NumPy's index syntax, the same
 * string in both languages), then maybe broadcast `to` a shape.
 */
export interface ViewSpec {
  shape: number[];
  perm?: number[];
  index?: string;
  to?: number[];
}

const size = (shape: readonly number[]): number => shape.reduce((x, y) => x * y, 1);
const pyTuple = (xs: readonly number[]): string => `(${xs.join(',')}${xs.length === 1 ? ',' : ''})`;

/** The view as a Python expression. */
export function pyView(v: ViewSpec): string {
  let s = `np.arange(${size(v.shape)}, dtype='<f8').reshape(${pyTuple(v.shape)})`;
  if (v.perm) s += `.transpose(${pyTuple(v.perm)})`;
  if (v.index) s += `[${v.index}]`;
  if (v.to) s = `np.broadcast_to(${s}, ${pyTuple(v.to)})`;
  return s;
}

/** The view built by the library. */
export function jsView(v: ViewSpec): NdArray {
  let a: NdArray = mm.arange(size(v.shape)).astype('<f8').reshape(v.shape);
  if (v.perm) a = a.transpose(v.perm);
  if (v.index) a = a.index(v.index);
  if (v.to) a = mm.broadcastTo(a, v.to);
  return a;
}

/** One case: the Python expression (numpy as np) and the JS call. */
export interface LayoutCase {
  py: string;
  js: () => NdArray;
}

interface Layout {
  shape?: number[];
  strides?: (number | null)[] | null;
  hex?: string;
  error?: string;
}

function comparable(shape: readonly number[], strides: readonly number[]): (number | null)[] | null {
  return shape.includes(0) ? null : strides.map((s, i) => (shape[i] === 1 ? null : s));
}

/** Every case's layout and bytes here equal NumPy's (the first five that differ are shown). */
export function expectLayoutsLikeNumpy(cases: readonly LayoutCase[]): void {
  const want = runNumpy<Layout[]>(
    `
out = []
for src in json.load(sys.stdin):
    try:
        a = np.asarray(eval(src))
        out.append({'shape': list(a.shape), 'strides': None if 0 in a.shape else [None if n == 1 else s for n, s in zip(a.shape, a.strides)], 'hex': a.tobytes().hex()})
    except Exception as e:
        out.append({'error': type(e).__name__})
print(json.dumps(out))
`,
    JSON.stringify(cases.map((c) => c.py)),
  );
  const got = cases.map((c): Layout => {
    try {
      const a = c.js();
      return { shape: [...a.shape], strides: comparable(a.shape, a.strides), hex: hexOf(a) };
    } catch (e) {
      const name = (e as Error).name;
      return { error: name === 'UFuncTypeError' ? 'TypeError' : name };
    }
  });
  const bad = cases.map((c, i) => ({ py: c.py, want: want[i], got: got[i] })).filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.got));
  expect(bad.slice(0, 5)).toEqual([]);
}

/**
 * Views whose memory order is not C: transposed, F-ordered, reversed,
 * strided, broadcast along new or length-1 axes (2 to 4 axes).
 */
export const ORDER_VIEWS: readonly ViewSpec[] = [
  { shape: [3, 4] },
  { shape: [4, 3], perm: [1, 0] },
  { shape: [3, 4], index: '::-1, ::-1' },
  { shape: [3, 8], index: ':, ::2' },
  { shape: [4, 3], perm: [1, 0], index: ':, None, :', to: [3, 2, 4] },
  { shape: [3, 4], to: [2, 3, 4] },
  { shape: [3, 1, 4], to: [3, 2, 4] },
  { shape: [2, 3, 4], perm: [2, 0, 1] },
  { shape: [2, 3, 4], perm: [1, 2, 0] },
  { shape: [4, 3, 2], perm: [2, 1, 0] },
  { shape: [2, 3, 4], perm: [0, 2, 1], index: '::-1' },
  { shape: [2, 4, 3], perm: [2, 0, 1], index: ':, :, ::-2' },
  { shape: [2, 3, 2, 2], perm: [1, 0, 3, 2] },
  { shape: [2, 2, 3, 2], perm: [2, 0, 3, 1] },
];
