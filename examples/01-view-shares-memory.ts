/**
 * A plain view() shares memory: a new array object over the same bytes.
 * Writes through either one are seen by both; copy() is the way out.
 *
 * Run: node -r ./examples/register.js examples/01-view-shares-memory.ts
 * NumPy twin: examples/numpy/01-view-shares-memory.py
 */
import { arange, sharesMemory } from '../lib'; // in your code: from 'mmarray'
import { print, tolist } from './print';

const a = arange(6, '<i4');
const v = a.view(); // no bytes move; v.base is a

print('v is a:', v === a);
print('v.base is a:', v.base === a);
print('shares memory:', sharesMemory(a, v));

v.set('0', 100); // v[0] = 100 writes a's memory
print(tolist(a));

const c = a.copy(); // a new owner
c.set('1', -1);
print(tolist(a));
print('copy shares memory:', sharesMemory(a, c));
print('c.base:', c.base);

// Output:
// v is a: False
// v.base is a: True
// shares memory: True
// [100, 1, 2, 3, 4, 5]
// [100, 1, 2, 3, 4, 5]
// copy shares memory: False
// c.base: None
