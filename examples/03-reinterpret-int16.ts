/**
 * Reinterpreting int16 data as int32 (pairs of items) and as int8 (bytes),
 * and updating it in place through either view. view(dtype) with another
 * itemsize rescales the last axis, which must be contiguous.
 *
 * Run: node -r ./examples/register.js examples/03-reinterpret-int16.ts
 * NumPy twin: examples/numpy/03-reinterpret-int16.py
 */
import { zeros } from '../lib';
import { hex, print, tolist } from './print';

const a = zeros(4, '<i2');
a.set([1, 2, -1, 0x7fff]);

const wide = a.view('<i4'); // two int16 → one int32, little-endian: low half first
print(tolist(wide), wide.size);

wide.set('0', 0x00030004); // one int32 store = a[0] = 4, a[1] = 3
print(tolist(a));

const bytes = a.view('<i1'); // every int16 as its two bytes
print(tolist(bytes), bytes.size);

bytes.set('1', 1); // the high byte of a[0]: 4 + 256
print(tolist(a), hex(a.get(0) as number));

// Output:
// [131073, 2147483647] 2
// [4, 3, -1, 32767]
// [4, 0, 3, 0, -1, -1, -1, 127] 8
// [260, 3, -1, 32767] 0x104
