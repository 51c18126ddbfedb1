/**
 * Python's text forms as NumPy's messages print them: the one home of the
 * tuple and string reprs the library's error messages and `toString()` use.
 * Pure functions of their arguments; nothing here touches an array's data.
 * @module
 */

/** Python's tuple repr of a shape: `(3,)` or `(2, 3)` (`()` for 0-d). */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Python's `(2,3)` as NumPy prints shapes in broadcast errors: no spaces. */
export function tupleNoSpace(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}
