/**
 * NumPy's `ndarray.tobytes(order='C')`: a copy of an array's items as raw
 * bytes, in the dtype's own byte order, laid out in C or Fortran order
 * whatever the array's strides. The result is a Node `Buffer` (a
 * `Uint8Array`), NumPy's `bytes`.
 * @module
 */
import { constants } from 'buffer';

import type { NdArray } from './ndarray';
import { MemoryError } from './errors';
import { readOrder } from './order';
import { requireArray, requireOpen } from './internal';
import { writeArray } from './npy/write-file';

/**
 * `a`'s items as bytes: `order` `'C'` (default) row-major, `'F'`
 * column-major, `'A'` F when `a` is Fortran-contiguous and not
 * C-contiguous, else C (`'K'` reads as C, as NumPy's tobytes does).
 * @throws ValueError for another order; MemoryError when the bytes pass Node's largest Buffer.
 */
export function tobytes(a: NdArray, order: 'C' | 'F' | 'A' | 'K' = 'C'): Buffer {
  requireArray(a, 'tobytes', 'a');
  const o = readOrder(order, 'C');
  requireOpen(a);
  const n = a.nbytes;
  if (n > constants.MAX_LENGTH) throw new MemoryError(`tobytes(): ${n} bytes are more than Node's largest Buffer (${constants.MAX_LENGTH} bytes)`);
  const f = a.flags;
  const fortran = o === 'F' || (o === 'A' && f.fContiguous && !f.cContiguous);
  // Fortran order of `a` is C order of its transpose.
  const src = fortran && a.ndim > 1 ? a.T : a;
  const out = Buffer.allocUnsafe(n);
  let at = 0;
  if (n > 0) {
    writeArray(src, (bytes, offset, length) => {
      out.set(bytes.subarray(offset, offset + length), at);
      at += length;
    });
  }
  return out;
}
