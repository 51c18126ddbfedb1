/**
 * An RGB image decoded as height × width × channel (HWC) uint8, turned into
 * the channel-first float32 (CHW) a model wants. transpose() is a view: no
 * pixel moves. The one pass over the data is astype(); ask for order 'C'
 * there, because astype's default 'K' keeps the memory order of its input,
 * which here is still HWC.
 *
 * Run: node -r ./examples/register.js examples/10-image-hwc-to-chw.ts
 * NumPy twin: examples/numpy/10-image-hwc-to-chw.py
 */
import { arange, resetStats, sharesMemory, stats } from '../lib';
import { print, tolist, tuple } from './print';

const [h, w] = [2, 3];
const img = arange(h * w * 3, 'u1').reshape([h, w, 3]); // HWC, as decoders give it

const chw = img.transpose([2, 0, 1]);
print(tuple(chw.shape), tuple(chw.strides), sharesMemory(img, chw), chw.flags.cContiguous);

resetStats();
const keep = chw.astype('<f4'); // order 'K': HWC bytes again, CHW shape
const x = chw.astype('<f4', 'C'); // what the model reads: each channel a contiguous plane
print(tuple(keep.strides), tuple(x.strides), x.flags.cContiguous);
print('copies:', stats().copies);

x.apply((v) => (v as number) / 2); // in place, no further copy
print(tolist(x.index(0))); // the red plane

// Output:
// (3, 2, 3) (1, 9, 3) True False
// (4, 36, 12) (24, 12, 4) True
// copies: 2
// [[0.0, 1.5, 3.0], [4.5, 6.0, 7.5]]
