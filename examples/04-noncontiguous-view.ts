/**
 * The view that cannot be: a column of a C-ordered matrix is strided, so it
 * cannot be reinterpreted with another itemsize (the bytes of one int32
 * would not be next to each other). The fix is an explicit copy, which is
 * contiguous, and is no longer tied to the matrix.
 *
 * Run: node -r ./examples/register.js examples/04-noncontiguous-view.ts
 * NumPy twin: examples/numpy/04-noncontiguous-view.py
 */
import { arange, ascontiguousarray, sharesMemory, stats, resetStats } from '../lib';
import { print, tolist, tuple } from './print';

const m = arange(16, '<i2').reshape([4, 4]);
const col = m.index(':, 1');
print(tolist(col), tuple(col.strides), col.flags.cContiguous);

try {
  col.view('<i4');
} catch (e) {
  print(`${(e as Error).name}: ${(e as Error).message.split(' (')[0]}`);
}

resetStats();
const fixed = ascontiguousarray(col); // = col.copy() here: one copy of 8 bytes
const pairs = fixed.view('<i4');
print(tolist(pairs), sharesMemory(fixed, m));
print('copies:', stats().copies);

fixed.set('0', 99); // the copy is isolated: m is unchanged
print(m.get(0, 1));

// Output:
// [1, 5, 9, 13] (8,) False
// ValueError: To change to a dtype of a different size, the last axis must be contiguous
// [327681, 851977] False
// copies: 1
// 1
