/**
 * NumPy's `apply_along_axis` and `apply_over_axes`
 * (`numpy/lib/_shape_base_impl.py`): a JS function applied to every 1-d
 * lane of an array, or repeatedly over a list of axes.
 *
 * `applyAlongAxis(fn, axis, arr, ...args)` runs as NumPy's: the array is
 * viewed with `axis` moved last; `fn` gets each lane as a 1-d view (C order
 * over the other axes; writes through it reach `arr`, as NumPy's view's
 * do); the first result fixes the result dtype and trailing shape, a
 * buffer of shape `other axes + result shape` is filled lane by lane
 * (later results cast into it as NumPy's assignment casts, so a wider
 * later result is truncated as NumPy's would be), and the result is that
 * buffer transposed so the result's axes sit where `axis` was: a
 * non-contiguous view of a new array, as NumPy returns.
 * @module
 */
import { asarray } from './array-coerce';
import { expandDims } from './axis-views';
import { zeros } from './create';
import { ValueError, repr } from './errors';
import { NdArray as ArrayClass, requireFunction, requireOpen } from './internal';
import { ellipsis } from './indexing';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';

function arrayOf(v: unknown): NdArray {
  if (v instanceof ArrayClass) {
    requireOpen(v);
    return v;
  }
  return asarray(v as never);
}

/** The C-order multi-indices of `shape` (NumPy's ndindex), one at a time. */
function* ndindex(shape: readonly number[]): Generator<number[]> {
  if (shape.some((n) => n === 0)) return;
  const idx = new Array<number>(shape.length).fill(0);
  for (;;) {
    yield idx.slice();
    let d = shape.length - 1;
    while (d >= 0 && ++idx[d] === shape[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

/**
 * NumPy's `np.apply_along_axis(func1d, axis, arr, *args)`: `fn(lane, ...args)`
 * for every 1-d lane of `arr` along `axis`; a scalar result drops the axis,
 * an array result puts its axes where `axis` was.
 *
 * @example
 * applyAlongAxis((v) => v.max(), 1, array([[1, 5], [7, 2]])).toArray(); // [5n, 7n]
 * applyAlongAxis((v) => sort(v), 0, b); // each column sorted, b's shape
 * @throws ValueError when an axis other than `axis` has length 0 (NumPy: no lane to call `fn` on)
 */
export function applyAlongAxis(fn: (lane: NdArray, ...args: never[]) => unknown, axis: number, arr: NdArray | readonly unknown[], ...args: unknown[]): NdArray {
  requireFunction(fn, 'applyAlongAxis', 'func1d');
  const a = arrayOf(arr);
  const nd = a.ndim;
  const ax = normalizeAxis(axis, nd);
  const dims = [...Array(nd).keys()];
  const inView = a.transpose([...dims.slice(0, ax), ...dims.slice(ax + 1), ax]);
  const outer = inView.shape.slice(0, -1);
  const inds = ndindex(outer);
  const first = inds.next();
  if (first.done === true) throw new ValueError('Cannot apply_along_axis when any iteration dimensions are 0');
  const call = (ind: readonly number[]): NdArray => arrayOf(fn(inView.index(...ind, ellipsis), ...(args as never[])));
  const res = call(first.value);
  const buff = zeros([...outer, ...res.shape], res.dtype);
  const bd = [...Array(buff.ndim).keys()];
  const permute = [...bd.slice(0, ax), ...bd.slice(buff.ndim - res.ndim), ...bd.slice(ax, buff.ndim - res.ndim)];
  const put = (ind: readonly number[], v: NdArray): void => {
    const dst = ind.length === 0 ? buff : buff.index(...ind);
    dst.set(v);
  };
  put(first.value, res);
  for (const ind of inds) put(ind, call(ind));
  return buff.transpose(permute);
}

/**
 * NumPy's `np.apply_over_axes(func, a, axes)`: `a = fn(a, axis)` for each
 * axis in turn (negative ones counted from `a`'s dimension); a result one
 * dimension short gets that axis back with length 1.
 *
 * @example
 * applyOverAxes((x, ax) => sum(x, ax), arange(24).reshape(2, 3, 4), [0, 2]).shape; // [1, 3, 1]
 * @throws ValueError when `fn` returns an array of any other dimension
 */
export function applyOverAxes(fn: (a: NdArray, axis: number) => NdArray, a: NdArray | readonly unknown[], axes: number | readonly number[]): NdArray {
  requireFunction(fn, 'applyOverAxes', 'func');
  let val = arrayOf(a);
  const n = val.ndim;
  const list = typeof axes === 'number' ? [axes] : axes;
  if (!Array.isArray(list)) throw new TypeError(`applyOverAxes(): axes must be an integer or a list of them, got ${repr(axes)}`);
  for (const ax0 of list) {
    if (typeof ax0 !== 'number' || !Number.isSafeInteger(ax0)) throw new TypeError(`applyOverAxes(): axis must be an integer, got ${repr(ax0)}`);
    const axis = ax0 < 0 ? n + ax0 : ax0;
    let res = arrayOf(fn(val, axis));
    if (res.ndim !== val.ndim) {
      res = expandDims(res, axis);
      if (res.ndim !== val.ndim) throw new ValueError('function is not returning an array of the correct shape');
    }
    val = res;
  }
  return val;
}
