/**
 * Zero-copy parsing of a binary file of records [id u4, ts u4, value f8],
 * as another program wrote them: map it with a structured dtype, read a
 * record, take a field as a strided view. Then the same fields in another
 * order with align: true, to see the padding a C compiler would insert.
 *
 * Run: node -r ./examples/register.js examples/08-record-file.ts
 * NumPy twin: examples/numpy/08-record-file.py
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dtype, memmap, sharesMemory } from '../lib';
import { print, tolist } from './print';

// A file written elsewhere: three little-endian 16-byte records.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-example-'));
const file = path.join(dir, 'readings.bin');
const buf = Buffer.alloc(3 * 16);
[
  [1, 1700000000, 0.5],
  [2, 1700000060, 2.5],
  [3, 1700000120, -1.25],
].forEach(([id, ts, value], i) => {
  buf.writeUInt32LE(id, i * 16);
  buf.writeUInt32LE(ts, i * 16 + 4);
  buf.writeDoubleLE(value, i * 16 + 8);
});
fs.writeFileSync(file, buf);

const rec = dtype([['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
const readings = memmap(file, { dtype: rec, mode: 'r' }); // shape from the file size
print(rec.itemsize, readings.size);
print(tolist(readings.index(1))); // one record, as a tuple
const r = readings.get(1) as { id: number; ts: number; value: number }; // a plain object
print(r.id, r.value);

const value = readings.field('value'); // a view: stride 16, no bytes copied
print(tolist(value), value.strides[0], sharesMemory(value, readings));
print(tolist(readings.field('id')));

// The layout a C struct { uint32 id; double value; uint32 ts; } has:
const order: [string, string][] = [['id', '<u4'], ['value', '<f8'], ['ts', '<u4']];
const packed = dtype(order);
const aligned = dtype(order, { align: true });
const offsets = (d: typeof rec): number[] => d.names!.map((n) => d.fields![n].offset);
print('packed', packed.itemsize, offsets(packed));
print('aligned', aligned.itemsize, offsets(aligned), aligned.isalignedstruct);

readings.close();
fs.rmSync(dir, { recursive: true });

// Output:
// 16 3
// (2, 1700000060, 2.5)
// 2 2.5
// [0.5, 2.5, -1.25] 16 True
// [1, 2, 3]
// packed 16 [0, 4, 12]
// aligned 24 [0, 8, 16] True
