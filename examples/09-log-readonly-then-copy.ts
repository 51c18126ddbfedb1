/**
 * A log of uint32 records [seq, level, code], mapped read-only: nothing can
 * write it by accident (the write is refused before any byte is touched).
 * To work on it, take a copy: a writeable array in memory, isolated from
 * the file. (mode 'c' is the lazy alternative: copy-on-write pages.)
 *
 * Run: node -r ./examples/register.js examples/09-log-readonly-then-copy.ts
 * NumPy twin: examples/numpy/09-log-readonly-then-copy.py
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memmap, sharesMemory } from '../lib';
import { print, tolist } from './print';

const entry = [['seq', '<u4'], ['level', '<u4'], ['code', '<u4']] as const;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-example-'));
const file = path.join(dir, 'events.log');
const writer = memmap(file, { dtype: '<u4', mode: 'w+', shape: 12 }); // creates the file
writer.set([1, 0, 200, 2, 1, 500, 3, 0, 200, 4, 1, 500]);
writer.close(); // close() unmaps; the kernel writes the pages back

const log = memmap(file, { dtype: entry, mode: 'r' });
print(log.size, log.flags.writeable);
try {
  log.field('level').set('0', 9);
} catch (e) {
  // NumPy's words; the rest of the message names the file and its mode.
  print(`refused: ${(e as Error).message.split(' (')[0]}`);
}

const work = log.copy(); // an owner in memory
const code = work.field('code');
const level = work.field('level');
for (let i = 0; i < work.size; i++) if (code.get(i) === 500) level.set([i], 2);
print(work.flags.writeable, sharesMemory(work, log));
print(tolist(level));
print(tolist(log.field('level'))); // the file is untouched

log.close();
fs.rmSync(dir, { recursive: true });

// Output:
// 4 False
// refused: assignment destination is read-only
// True False
// [0, 2, 0, 2]
// [0, 1, 0, 1]
