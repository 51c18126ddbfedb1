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

/**
 * A shape as NumPy's `convert_shape_to_string` prints it in the reshape
 * size error and the iterator's (remapped shapes, a requested shape): no
 * spaces, leading negative sizes (unknown, or `newaxis`) dropped, later
 * ones printed `newaxis`, and the 1-tuple comma only for one size in all
 * (`(5,3)`, `(7,)`, `(-1, 5)` → `(5)`, `(2, -1, 5)` → `(2,newaxis,5)`).
 */
export function iteratorShape(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i] < 0) i++;
  if (i === shape.length) return '()';
  const parts = [String(shape[i])];
  for (i++; i < shape.length; i++) parts.push(shape[i] < 0 ? 'newaxis' : String(shape[i]));
  return shape.length === 1 ? `(${parts[0]},)` : `(${parts.join(',')})`;
}

/** Python's `repr(bytes)`. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    if (c === 0x22) hasDouble = true;
  }
  const q = hasSingle && !hasDouble ? '"' : "'";
  let out = '';
  for (const c of b) {
    if (c === 0x5c) out += '\\\\';
    else if (c === q.charCodeAt(0)) out += `\\${q}`;
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(c);
  }
  return `b${q}${out}${q}`;
}
