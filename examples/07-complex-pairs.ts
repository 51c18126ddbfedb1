/**
 * complex64 as float32 pairs: the same 8 bytes per item are (re, im). A
 * float view doubles the last axis; a strided slice of it is the real or
 * imaginary parts, writable in place (here: conjugate).
 *
 * Run: node -r ./examples/register.js examples/07-complex-pairs.ts
 * NumPy twin: examples/numpy/07-complex-pairs.py
 */
import { zeros } from '../lib';
import { print, tolist, tuple } from './print';

const z = zeros(3, '<c8');
z.set([{ re: 1, im: 2 }, [3, -4], { re: 0.5, im: 0 }]); // {re, im} or [re, im]

const pairs = z.view('<f4');
print(tolist(pairs), tuple(pairs.shape));

const im = pairs.index('1::2'); // every imaginary part, a strided view
print(tolist(im), tuple(im.strides));

im.apply((x) => -(x as number)); // conjugate in place
print(tolist(z));
print(z.get(1));

// Output:
// [1.0, 2.0, 3.0, -4.0, 0.5, 0.0] (6,)
// [2.0, -4.0, 0.0] (8,)
// [(1-2j), (3+4j), (0.5-0j)]
// (3+4j)
