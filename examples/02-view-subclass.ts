/**
 * view(Type) returns the same bytes as a subclass. The library calls the
 * subclass's arrayFinalize(from) override on every new array and view, as
 * NumPy calls __array_finalize__, so extra state (here a mask) travels with
 * views.
 *
 * Run: node -r ./examples/register.js examples/02-view-subclass.ts
 * NumPy twin: examples/numpy/02-view-subclass.py
 */
import { arange, NdArray, sharesMemory, zeros } from '../lib';
import { print } from './print';

/** A MaskedArray-like array: values are the base's bytes, the mask is its own. */
class Masked extends NdArray {
  declare mask: NdArray | null;

  /** `from` is the array this one was made from (null for a new owner). */
  override arrayFinalize(from: NdArray | null): void {
    this.mask = from instanceof Masked ? from.mask : null;
  }

  /** The values as a list, masked ones replaced by `fill`. */
  filled(fill: number): unknown[] {
    const mask = this.mask;
    return (this.toArray() as unknown[]).map((x, i) => (mask !== null && mask.get(i) ? fill : x));
  }
}

const data = arange(5, '<i2');
const m = data.view(Masked);
print(m.constructor.name, sharesMemory(m, data));
print('mask after view():', m.mask);

m.mask = zeros(5, '?');
m.mask.set('1', true);
m.mask.set('3', true);
data.set('0', 10); // the values are shared: m sees it
print(m.filled(-1));

const v = m.view(); // arrayFinalize(m) hands the mask on
print(v.constructor.name, v.mask === m.mask);
print('plain view is Masked:', m.view(NdArray) instanceof Masked);

// Output:
// Masked True
// mask after view(): None
// [10, -1, 2, -1, 4]
// Masked True
// plain view is Masked: False
