/**
 * Splitting an array into views: NumPy's `split`, `array_split`, `hsplit`,
 * `vsplit` and `dsplit`. Every part is a view of the input (`a[..., st:end, ...]`
 * along the axis), so over a memmap the parts read and write the file.
 * Sections are a count (equal parts; array_split lets the first
 * `N % sections` parts have one more) or a list of split points, which are
 * Python slice bounds (negative from the end, clamped, a decreasing pair
 * gives an empty part).
 * @module
 */
import type { NdArray } from './ndarray';
import { IndexError, ValueError, repr } from './errors';
import { Slice } from './indexing';
import { NdArray as ArrayClass, requireOpen } from './internal';

/**
 * Most parts one call makes. Each part is a view, a JS object of about 400
 * bytes: a section count of 2^40 on a 3-element array (NumPy's
 * MemoryError) grew the list of split points until V8 aborted the process
 * ("invalid size error"), and 10^7 parts already fill the default 4 GiB
 * heap, which V8 also answers by aborting. 2^22 parts are about 1.6 GB.
 */
export const MAX_SPLIT_PARTS = 2 ** 22;

function checkParts(parts: number): void {
  if (parts > MAX_SPLIT_PARTS) {
    // Node's code for a number out of its range, as the addon's scratch-memory RangeError carries.
    throw Object.assign(new RangeError(`cannot split into ${parts} parts: each is a view (a JS object), and one call makes at most ${MAX_SPLIT_PARTS} (2^22)`), { code: 'ERR_OUT_OF_RANGE' });
  }
}

/** A number of equal sections, or the indices where the axis is split. */
export type Sections = number | readonly number[] | NdArray;

/** The split points as a list, or null for a section count. */
function pointsOf(sections: Sections): number[] | null {
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections)) throw new TypeError(`sections must be an integer or a list of indices, got ${repr(sections)}`);
    return null;
  }
  let list: unknown[];
  if (sections instanceof ArrayClass) {
    const s = sections as NdArray;
    // NumPy takes len() of it: a 0-d array has none, so it counts as a number of sections.
    if (s.ndim === 0) return pointsOf(Number(s.toArray()));
    if (s.ndim !== 1) throw new TypeError(`split indices must be a 1-d list, got an array of shape ${JSON.stringify(s.shape)}`);
    list = s.toArray() as unknown[];
  } else if (Array.isArray(sections)) {
    // Counted before it is read: mapping a sparse list of length 2^32-1 walked every hole.
    checkParts(sections.length + 1);
    list = sections;
  } else {
    throw new TypeError(`sections must be an integer or a list of indices, got ${repr(sections)}`);
  }
  // Item by item (a hole is undefined, refused at once).
  const points: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const x = typeof v === 'bigint' ? Number(v) : v;
    if (typeof x !== 'number' || !Number.isInteger(x)) throw new TypeError(`slice indices must be integers, got ${repr(v)}`);
    points.push(x);
  }
  return points;
}

/** `a.shape[axis]` as Python reads it (negative from the end), NumPy's IndexError outside. */
function axisOf(a: NdArray, axis: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`axis must be an integer, got ${repr(axis)}`);
  if (axis < -a.ndim || axis >= a.ndim) throw new IndexError('tuple index out of range');
  return axis < 0 ? axis + a.ndim : axis;
}

/**
 * NumPy's `array_split(ary, indices_or_sections, axis=0)`: views of `a`
 * along `axis`; a section count need not divide the axis (the first
 * `N % sections` parts are one longer).
 *
 * @example
 * arraySplit(arange(7), 3).map((p) => p.toArray()); // [[0, 1, 2], [3, 4], [5, 6]]
 * @throws ValueError `number sections must be larger than 0.`; IndexError for an axis out of range.
 */
export function arraySplit(a: NdArray, sections: Sections, axis = 0): NdArray[] {
  requireOpen(a);
  const ax = axisOf(a, axis);
  const total = a.shape[ax];
  let points = pointsOf(sections);
  if (points === null) {
    const count = sections as number;
    if (count <= 0) throw new ValueError('number sections must be larger than 0.');
    checkParts(count);
    const each = Math.floor(total / count);
    const extras = total % count;
    points = [];
    for (let i = 0, at = 0; i <= count; i++) {
      points.push(at);
      at += i < extras ? each + 1 : each;
    }
  } else {
    checkParts(points.length + 1);
    points = [0, ...points, total];
  }
  const parts: NdArray[] = [];
  const items = a.shape.map(() => new Slice());
  for (let i = 0; i + 1 < points.length; i++) {
    items[ax] = new Slice(points[i], points[i + 1]);
    parts.push(a.index(...items));
  }
  return parts;
}

/**
 * NumPy's `split(ary, indices_or_sections, axis=0)`: {@link arraySplit},
 * except that a section count must divide the axis.
 *
 * @throws ValueError `array split does not result in an equal division`.
 */
export function split(a: NdArray, sections: Sections, axis = 0): NdArray[] {
  requireOpen(a);
  if (pointsOf(sections) === null) {
    const n = a.shape[axisOf(a, axis)];
    const count = typeof sections === 'number' ? sections : Number((sections as NdArray).toArray());
    // Python's N % 0 is a ZeroDivisionError; here it is the count's own error.
    if (count === 0) throw new ValueError('number sections must be larger than 0.');
    if (n % count !== 0) throw new ValueError('array split does not result in an equal division');
  }
  return arraySplit(a, sections, axis);
}

/** NumPy's `hsplit`: {@link split} along axis 1, or axis 0 for a 1-d array. */
export function hsplit(a: NdArray, sections: Sections): NdArray[] {
  requireOpen(a);
  if (a.ndim === 0) throw new ValueError('hsplit only works on arrays of 1 or more dimensions');
  return split(a, sections, a.ndim > 1 ? 1 : 0);
}

/** NumPy's `vsplit`: {@link split} along axis 0 of an array of 2 or more dimensions. */
export function vsplit(a: NdArray, sections: Sections): NdArray[] {
  requireOpen(a);
  if (a.ndim < 2) throw new ValueError('vsplit only works on arrays of 2 or more dimensions');
  return split(a, sections, 0);
}

/** NumPy's `dsplit`: {@link split} along axis 2 of an array of 3 or more dimensions. */
export function dsplit(a: NdArray, sections: Sections): NdArray[] {
  requireOpen(a);
  if (a.ndim < 3) throw new ValueError('dsplit only works on arrays of 3 or more dimensions');
  return split(a, sections, 2);
}
