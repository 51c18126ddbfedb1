/**
 * Big-endian bytes (a network or file format): read them as '>u4', not
 * '<u4'. Then the two ways to change byte order, which people mix up:
 * view(dtype.newbyteorder()) keeps the bytes and changes the values;
 * byteswap() keeps the dtype and moves the bytes (into a copy, or in place).
 * Together they give native-order data with the same values, as astype does.
 *
 * Run: node -r ./examples/register.js examples/05-byte-order.ts
 * NumPy twin: examples/numpy/05-byte-order.py
 */
import { fromBuffer } from '../lib';
import { print, tolist } from './print';

const raw = new Uint8Array([0x00, 0x00, 0x01, 0x02, 0xde, 0xad, 0xbe, 0xef]);
const be = fromBuffer(raw, '>u4');
const le = fromBuffer(raw, '<u4');
print('>u4', tolist(be));
print('<u4', tolist(le));

const relabeled = be.view(be.dtype.newbyteorder()); // same bytes, other reading
print(relabeled.dtype.str, tolist(relabeled));

const swapped = be.byteswap(); // a copy with the bytes moved, still '>u4'
print(swapped.dtype.str, tolist(swapped));

const native = be.byteswap().view(be.dtype.newbyteorder()); // same values, native bytes
print(native.dtype.str, tolist(native), tolist(native.view('u1')));
print(tolist(be.astype('<u4'))); // the same in one call

be.byteswap(true); // in place: the buffer itself changes
print(Array.from(raw));

// Output:
// >u4 [258, 3735928559]
// <u4 [33619968, 4022250974]
// <u4 [33619968, 4022250974]
// >u4 [33619968, 4022250974]
// <u4 [258, 3735928559] [2, 1, 0, 0, 239, 190, 173, 222]
// [258, 3735928559]
// [2, 1, 0, 0, 239, 190, 173, 222]
