/**
 * float32 bit patterns through a uint32 view: hex patterns, the exponent
 * field by mask and shift, and a sign flip written through the integer view
 * into the floats' own memory.
 *
 * Run: node -r ./examples/register.js examples/06-float-bits.ts
 * NumPy twin: examples/numpy/06-float-bits.py
 */
import { zeros } from '../lib';
import { hex, print, tolist } from './print';

const f = zeros(5, '<f4');
f.set([1.0, -2.0, 0.15625, Infinity, 2 ** -149]);

const bits = f.view('<u4'); // same bytes, read as integers
print((bits.toArray() as number[]).map(hex));

const EXPONENT = 0x7f800000;
const exponent = bits.map((b) => ((b as number) & EXPONENT) >>> 23, '<u4'); // a new array
print(tolist(exponent)); // 127 is 2^0; 0 means subnormal, 255 inf/NaN

bits.apply((b) => ((b as number) ^ 0x80000000) >>> 0); // flip every sign bit in place
print(tolist(f));

// Output:
// ['0x3f800000', '0xc0000000', '0x3e200000', '0x7f800000', '0x1']
// [127, 128, 124, 255, 0]
// [-1.0, 2.0, -0.15625, -inf, -1.401298464324817e-45]
