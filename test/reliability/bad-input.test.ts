// Bad input, one table: every row names the call, the error it must raise
// (class and a fragment of the message) and checks that the file it was
// pointed at kept its bytes and its size. Nothing may be half-written, grown,
// truncated or created by a call that fails.
//
// Permission rows cannot be tested as root (root ignores file modes), so they
// run their action in a child process started as nobody (uid/gid 65534) on a
// file in a directory that user can reach.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asStrided, broadcastTo, dtype, AccessError, AxisError, IndexError, KeyError, OverflowError, ValueError } from '../../lib';
import { memmap } from '../../lib/memmap';
import { createNpy, openNpy, readNpyHeader, saveNpy } from '../../lib/npy/npy';
import { useTempDir } from '../helpers/tmp';

const DIST = path.resolve(__dirname, '../../dist');
const NOBODY = 65534;

type ErrorClass = abstract new (...args: never[]) => Error;

/** What the row's path points at before the action runs. */
type Setup =
  | { kind: 'file'; bytes: Uint8Array; mode?: number }
  | { kind: 'missing' }
  | { kind: 'dir' };

interface Row {
  name: string;
  setup: Setup;
  /** In-process action on the row's path. */
  act?: (p: string) => unknown;
  /** Or: JS run as nobody in a child, with `memmap` and `p` in scope. */
  asNobody?: string;
  /** Or: JS run in a child whose address space is capped (`ulimit -v`, KiB), so mmap fails. */
  inSmallAddressSpace?: { kib: number; src: string };
  /** A bug not fixed yet (where, what): the row is expected to fail until it is. */
  knownBug?: string;
  /** Expected class (in-process) — children report `name`, compared to the class's name. */
  error: ErrorClass;
  /** `err.name` when it differs from the class's (fs errors are plain `Error`s with a `code`). */
  code?: string;
  message: string | RegExp;
}

const pattern = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
const file = (n = 64, mode?: number): Setup => ({ kind: 'file', bytes: pattern(n), mode });

/** A minimal .npy v1.0 file: magic, version, header padded so the data starts at a multiple of 64. */
function npyBytes(header: string, data: Uint8Array, declaredLength?: number): Uint8Array {
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  const text = header + ' '.repeat(total - 10 - header.length - 1) + '\n';
  const hlen = declaredLength ?? total - 10;
  const pre = Uint8Array.from([0x93, ...Buffer.from('NUMPY'), 1, 0, hlen & 0xff, hlen >> 8]);
  return Buffer.concat([pre, Buffer.from(text, 'latin1'), data]);
}
const npyFile = (header: string, data = pattern(16), declaredLength?: number): Setup => ({
  kind: 'file',
  bytes: npyBytes(header, data, declaredLength),
});
const goodHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";

const REC = dtype([
  ['a', '<i4'],
  ['b', '<f4'],
]);

/** Runs `f` while the row's file is mapped in `mode`; closes the mapping after. */
function withMapping(p: string, mode: 'r' | 'r+' | 'c', f: () => unknown): unknown {
  const m = memmap(p, { mode });
  try {
    return f();
  } finally {
    m.close();
  }
}

/** An 'r+' mapping of the row's file: in-memory rows still prove the file is untouched. */
const rw = (p: string, dt: Parameters<typeof dtype>[0] = 'u1') => memmap(p, { mode: 'r+', dtype: dt });

const ROWS: Row[] = [
  // ---- opening files
  { name: 'missing file, r', setup: { kind: 'missing' }, act: (p) => memmap(p, { mode: 'r' }), error: Error, code: 'ENOENT', message: 'no such file or directory' },
  { name: 'missing file, r+', setup: { kind: 'missing' }, act: (p) => memmap(p, { mode: 'r+' }), error: Error, code: 'ENOENT', message: 'no such file or directory' },
  { name: 'missing file with a shape, r+ (never created)', setup: { kind: 'missing' }, act: (p) => memmap(p, { mode: 'r+', shape: 4 }), error: Error, code: 'ENOENT', message: 'no such file' },
  { name: 'missing .npy', setup: { kind: 'missing' }, act: (p) => openNpy(p), error: Error, code: 'ENOENT', message: 'no such file' },
  { name: 'directory, r', setup: { kind: 'dir' }, act: (p) => memmap(p, { mode: 'r' }), error: Error, code: 'EISDIR', message: 'is a directory' },
  { name: 'directory with a shape, r+', setup: { kind: 'dir' }, act: (p) => memmap(p, { mode: 'r+', shape: 4 }), error: Error, code: 'EISDIR', message: 'is a directory' },
  { name: 'no read permission, r', setup: file(64, 0o200), asNobody: "memmap(p, { mode: 'r' })", error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no read permission, r+', setup: file(64, 0o200), asNobody: "memmap(p, { mode: 'r+' })", error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no write permission, r+', setup: file(64, 0o444), asNobody: "memmap(p, { mode: 'r+' })", error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no write permission, r+ with a larger shape (no growth)', setup: file(64, 0o444), asNobody: "memmap(p, { mode: 'r+', shape: 4096 })", error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no write permission, w+ (no truncation)', setup: file(64, 0o444), asNobody: "memmap(p, { mode: 'w+', shape: 8 })", error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no write permission, createNpy (no replacement)', setup: file(64, 0o444), asNobody: `require(${JSON.stringify(path.join(DIST, 'npy/npy.js'))}).createNpy(p, 'u1', [8])`, error: Error, code: 'EACCES', message: 'permission denied' },
  { name: 'no write permission, saveNpy (no replacement)', setup: file(64, 0o444), asNobody: `require(${JSON.stringify(path.join(DIST, 'npy/npy.js'))}).saveNpy(p, memmap(p, { mode: 'r' }))`, error: Error, code: 'EACCES', message: 'permission denied' },
  {
    name: 'r+ whose mmap fails: the file is mapped before it is grown, so it never grew',
    setup: file(),
    inSmallAddressSpace: { kib: 4_000_000, src: "memmap(p, { mode: 'r+', shape: 2 ** 36 })" },
    error: Error,
    code: 'ENOMEM',
    message: 'cannot allocate memory, mmap',
  },
  // An empty array maps as in NumPy >= 2.2 ('r+' and 'w+' extend the file): test/empty-mapping.test.ts.
  { name: 'empty file, r', setup: file(0), act: (p) => memmap(p, { mode: 'r' }), error: ValueError, message: 'cannot mmap an empty file' },
  { name: 'empty file with a shape, r', setup: file(0), act: (p) => memmap(p, { mode: 'r', shape: 1 }), error: ValueError, message: 'mmap length is greater than file size: range [0, 1) is past the end of the file' },
  { name: 'shape larger than the file, r', setup: file(), act: (p) => memmap(p, { mode: 'r', shape: 65 }), error: ValueError, message: 'mmap length is greater than file size: range [0, 65) is past the end' },
  { name: 'shape too big to map, r+ (mapped before the file grows)', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: 2 ** 52 }), error: Error, code: 'ENOMEM', message: 'cannot allocate memory, mmap' },
  // ---- 'w+' and createNpy empty a file only once nothing can fail (issue 12, items 2 and 9)
  { name: "'w+' with a shape too big to map keeps the old content", setup: file(), act: (p) => memmap(p, { mode: 'w+', shape: 2 ** 50 }), error: Error, code: 'ENOMEM', message: 'cannot allocate memory, mmap' },
  { name: "'w+' with a shape too big to map keeps the old content, at an offset", setup: file(), act: (p) => memmap(p, { mode: 'w+', offset: 100, dtype: '<f8', shape: 2 ** 47 }), error: Error, code: 'ENOMEM', message: 'mmap' },
  { name: "'w+' too big to map on a missing file: no file left behind", setup: { kind: 'missing' }, act: (p) => memmap(p, { mode: 'w+', shape: 2 ** 50 }), error: Error, code: 'ENOMEM', message: 'mmap' },
  { name: 'createNpy too big to map on a missing file: no file left behind', setup: { kind: 'missing' }, act: (p) => createNpy(p, '<f8', [2 ** 47]), error: Error, code: 'EFBIG', message: /^EFBIG: file too large, ftruncate \(writing '.*'\)$/ },
  { name: 'createNpy too big to map keeps the old file', setup: file(), act: (p) => createNpy(p, '<f8', [2 ** 47]), error: Error, code: 'EFBIG', message: /^EFBIG: file too large, ftruncate \(writing '.*'\)$/ },
  { name: "'w+' on a file this process maps ('r') is refused", setup: file(), act: (p) => withMapping(p, 'r', () => memmap(p, { mode: 'w+', shape: 8 })), error: Error, code: 'ERR_MMARRAY_MAPPED', message: "mode 'w+' would truncate a file this process still maps (1 live mapping" },
  { name: "'w+' on a file this process maps ('c', a view) is refused", setup: file(), act: (p) => withMapping(p, 'c', () => memmap(p, { mode: 'write', shape: 64 })), error: Error, code: 'ERR_MMARRAY_MAPPED', message: 'close() them first' },
  // ---- paths with a NUL byte never reach open() (issue 12, item 10)
  { name: "NUL in the path, 'w+' (would truncate the part before the NUL)", setup: file(), act: (p) => memmap(`${p}\0.tmp`, { mode: 'w+', shape: 4 }), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: "must be a string without null bytes. Received '" },
  { name: "NUL in the path, 'r'", setup: file(), act: (p) => memmap(`${p}\0`, { mode: 'r' }), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: 'null bytes' },
  { name: 'NUL in the path, createNpy', setup: file(), act: (p) => createNpy(`${p}\0.tmp`, '<f8', [2]), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: 'null bytes' },
  { name: 'NUL in the path, saveNpy', setup: file(), act: (p) => saveNpy(`${p}\0.tmp`, rw(p).copy()), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: 'null bytes' },
  { name: 'NUL in the path, openNpy', setup: file(), act: (p) => openNpy(`${p}\0.tmp`), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: 'null bytes' },
  { name: 'NUL in the path, readNpyHeader', setup: file(), act: (p) => readNpyHeader(`${p}\0.tmp`), error: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: 'null bytes' },
  // ---- offset
  { name: 'offset beyond the end', setup: file(), act: (p) => memmap(p, { mode: 'r', offset: 65 }), error: ValueError, message: 'negative dimensions are not allowed: offset 65 is past the end' },
  { name: 'offset beyond the end with a shape, r', setup: file(), act: (p) => memmap(p, { mode: 'r', offset: 65, shape: 1 }), error: ValueError, message: 'mmap length is greater than file size' },
  { name: 'offset negative', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: -1 }), error: RangeError, message: 'offset must be >= 0, got -1' },
  { name: 'offset NaN', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: NaN }), error: TypeError, message: 'offset must be a number, got NaN' },
  { name: 'offset fractional', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: 1.5 }), error: RangeError, message: 'got 1.5' },
  { name: 'offset huge (> 2^53)', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: 2 ** 53 + 2 }), error: RangeError, message: 'below 2^53' },
  { name: 'offset Infinity', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: Infinity }), error: RangeError, message: 'Infinity' },
  { name: 'offset a string', setup: file(), act: (p) => memmap(p, { mode: 'r+', offset: '8' as unknown as number }), error: TypeError, message: "offset must be a number, got '8'" },
  // ---- shape
  { name: 'shape negative', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: [-1] }), error: ValueError, message: 'negative dimensions' },
  { name: 'shape NaN', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: [NaN] }), error: TypeError, message: 'shape must hold integers, got NaN' },
  { name: 'shape fractional', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: [2, 1.5] }), error: TypeError, message: 'got 1.5' },
  { name: 'shape huge (> 2^53)', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: [2 ** 53 + 2] }), error: ValueError, message: 'more than 2^53 elements' },
  { name: 'shape whose byte count passes 2^53', setup: file(), act: (p) => memmap(p, { mode: 'r+', dtype: '<f8', shape: [2 ** 52] }), error: ValueError, message: 'more than 2^53' },
  { name: 'shape product overflowing', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: [2 ** 30, 2 ** 30, 2 ** 30] }), error: ValueError, message: 'array is too big' },
  { name: "'w+' without shape", setup: file(), act: (p) => memmap(p, { mode: 'w+' }), error: ValueError, message: "shape must be given if mode == 'w+'" },
  { name: "'w+' without shape, missing file (never created)", setup: { kind: 'missing' }, act: (p) => memmap(p, { mode: 'w+' }), error: ValueError, message: 'shape must be given' },
  { name: 'order unknown', setup: file(), act: (p) => memmap(p, { mode: 'r+', order: 'X' as 'C' }), error: ValueError, message: "order must be one of 'C', 'F', 'A', or 'K' (got 'X')" },
  { name: 'order not a string', setup: file(), act: (p) => memmap(p, { mode: 'r+', order: 1 as unknown as 'C' }), error: TypeError, message: 'order must be str, not number' },
  // ---- mode, dtype, record size
  { name: 'mode unknown', setup: file(), act: (p) => memmap(p, { mode: 'rw' as 'r' }), error: ValueError, message: "'r', 'readonly', 'r+', 'readwrite', 'w+', 'write', 'c', 'copyonwrite' (got 'rw')" },
  { name: 'mode unknown, w+-like spelling', setup: file(), act: (p) => memmap(p, { mode: 'w' as 'r' }), error: ValueError, message: "(got 'w')" },
  { name: 'dtype unknown', setup: file(), act: (p) => memmap(p, { mode: 'r+', dtype: 'q9' }), error: TypeError, message: "data type 'q9' not understood" },
  { name: 'dtype object', setup: file(), act: (p) => memmap(p, { mode: 'r+', dtype: 'O' }), error: Error, message: /object|not understood|O/ },
  { name: 'trailing partial record', setup: file(63), act: (p) => memmap(p, { mode: 'r+', dtype: '<f8' }), error: ValueError, message: 'not a multiple of the data-type size: 63 bytes' },
  { name: 'trailing partial record after an offset', setup: file(), act: (p) => memmap(p, { mode: 'r+', dtype: '<i4', offset: 2 }), error: ValueError, message: '62 bytes' },
  { name: 'trailing partial record of a record dtype', setup: file(60), act: (p) => memmap(p, { mode: 'r+', dtype: REC }), error: ValueError, message: 'not a multiple' },
  // ---- views
  { name: 'view with an indivisible byte count', setup: file(), act: (p) => rw(p).index(':3').view('<i2'), error: ValueError, message: 'must be a divisor of the total size in bytes of the last axis' },
  { name: 'view to a size that does not divide the itemsize', setup: file(), act: (p) => rw(p, '<i4').index(':3').view('V3'), error: ValueError, message: 'divisor' },
  { name: 'view of a non-contiguous last axis', setup: file(), act: (p) => rw(p, '<i2').reshape([4, 8]).index(':, ::2').view('<i4'), error: ValueError, message: 'last axis must be contiguous' },
  { name: 'view of a 0-d array to another itemsize', setup: file(), act: (p) => rw(p, '<i4').index('0').view('<i2'), error: ValueError, message: '0d array' },
  // ---- index strings
  { name: 'index out of range', setup: file(), act: (p) => rw(p).index('64'), error: IndexError, message: 'index 64 is out of bounds for axis 0 with size 64' },
  { name: 'index out of range, negative', setup: file(), act: (p) => rw(p).index('-65'), error: IndexError, message: 'index -65 is out of bounds' },
  { name: 'index out of range on axis 1', setup: file(), act: (p) => rw(p).reshape([8, 8]).index('0, 8'), error: IndexError, message: 'axis 1 with size 8' },
  { name: 'index too many', setup: file(), act: (p) => rw(p).index('1, 2'), error: IndexError, message: 'too many indices' },
  { name: 'index malformed word', setup: file(), act: (p) => rw(p).index('abc'), error: IndexError, message: "invalid index 'abc'" },
  { name: 'index malformed slice', setup: file(), act: (p) => rw(p).index('1:2:3:4'), error: IndexError, message: "invalid slice '1:2:3:4'" },
  { name: 'index malformed float', setup: file(), act: (p) => rw(p).index('1.5'), error: IndexError, message: "invalid index '1.5'" },
  { name: 'index two ellipses', setup: file(), act: (p) => rw(p).index('..., ...'), error: IndexError, message: 'single ellipsis' },
  { name: 'index empty item', setup: file(), act: (p) => rw(p).reshape([8, 8]).index('1,,2'), error: IndexError, message: 'empty index item' },
  { name: 'index slice step 0', setup: file(), act: (p) => rw(p).index('::0'), error: IndexError, message: 'slice step cannot be zero' },
  { name: 'index huge integer', setup: file(), act: (p) => rw(p).index('99999999999999999999'), error: IndexError, message: 'too large' },
  { name: 'get out of range', setup: file(), act: (p) => rw(p).get(64), error: IndexError, message: 'out of bounds' },
  { name: 'get fractional', setup: file(), act: (p) => rw(p).get(1.5), error: IndexError, message: '1.5' },
  { name: 'get with the wrong number of indices', setup: file(), act: (p) => rw(p).get(1, 2), error: IndexError, message: 'needs 1 index' },
  { name: 'set through an out-of-range index string', setup: file(), act: (p) => rw(p).set('64', 1), error: IndexError, message: 'out of bounds' },
  // ---- fields
  { name: 'field unknown', setup: file(), act: (p) => rw(p, REC).field('c'), error: ValueError, message: "no field of name c; fields are 'a', 'b'" },
  { name: 'field of a dtype without fields', setup: file(), act: (p) => rw(p, '<i4').field('a'), error: IndexError, message: 'are valid indices: dtype <i4 has no fields' },
  { name: 'fields with an unknown name', setup: file(), act: (p) => rw(p, REC).fields(['a', 'zz']), error: KeyError, message: "'zz'" },
  { name: 'fields with a duplicate name', setup: file(), act: (p) => rw(p, REC).fields(['a', 'a']), error: ValueError, message: 'duplicate field' },
  // ---- asStrided, broadcastTo, axes, reshape
  { name: 'asStrided reaching before the buffer', setup: file(), act: (p) => asStrided(rw(p).index('2:'), [3], [-2]), error: RangeError, message: 'bytes [-2, 3) outside' },
  { name: 'asStrided reaching after the buffer', setup: file(), act: (p) => asStrided(rw(p), [3], [32]), error: RangeError, message: 'bytes [0, 65) outside' },
  { name: 'asStrided with a negative stride from byte 0', setup: file(), act: (p) => asStrided(rw(p), [2], [-1]), error: RangeError, message: 'outside the buffer' },
  { name: 'asStrided of a field reaching past the last record', setup: file(), act: (p) => asStrided(rw(p, REC).field('b'), [8], [9]), error: RangeError, message: 'outside the buffer' },
  { name: 'asStrided with a fractional stride', setup: file(), act: (p) => asStrided(rw(p), [2], [1.5]), error: TypeError, message: 'strides must hold integers' },
  { name: 'asStrided with mismatched shape and strides', setup: file(), act: (p) => asStrided(rw(p), [2, 2], [1]), error: ValueError, message: 'differ in length' },
  { name: 'broadcastTo an incompatible shape', setup: file(), act: (p) => broadcastTo(rw(p).index(':3'), [4]), error: ValueError, message: 'could not be broadcast' },
  { name: 'reshape to another size', setup: file(), act: (p) => rw(p).reshape([7, 9]), error: ValueError, message: 'cannot reshape array of size 64 into shape (7,9)' },
  { name: 'reshape with two unknown dimensions', setup: file(), act: (p) => rw(p).reshape([-1, -1]), error: ValueError, message: 'only specify one unknown' },
  { name: 'swapaxes out of range', setup: file(), act: (p) => rw(p).swapaxes(0, 1), error: AxisError, message: 'axis 1 is out of bounds' },
  { name: 'transpose with wrong axes', setup: file(), act: (p) => rw(p).reshape([8, 8]).transpose([0, 0]), error: ValueError, message: 'repeated axis' },
  // ---- writeable flag
  { name: 'setting writeable back on a read-only mapping', setup: file(), act: (p) => { memmap(p, { mode: 'r' }).flags.writeable = true; }, error: ValueError, message: 'cannot set WRITEABLE flag to True' },
  { name: "setting writeable on a view of a read-only mapping", setup: file(), act: (p) => { memmap(p, { mode: 'r' }).index('1:').flags.writeable = true; }, error: ValueError, message: 'cannot set WRITEABLE flag to True' },
  {
    name: 'setting writeable on a view after the owner copy was made read-only',
    setup: file(),
    act: (p) => {
      const c = rw(p).copy();
      c.flags.writeable = false;
      c.index('1:').flags.writeable = true;
    },
    error: ValueError,
    message: 'cannot set WRITEABLE flag to True',
  },
  { name: 'write through a read-only mapping', setup: file(), act: (p) => memmap(p, { mode: 'r' }).set(0), error: AccessError, message: 'assignment destination is read-only' },
  { name: 'write through a view made read-only', setup: file(), act: (p) => { const a = rw(p); a.flags.writeable = false; a.index('::2').fill(0); }, error: AccessError, message: 'read-only' },
  { name: 'write through a broadcast view', setup: file(), act: (p) => broadcastTo(rw(p).index(':4'), [2, 4]).set(0), error: AccessError, message: 'read-only' },
  // ---- wrong-typed writes (the file must not be half-written)
  { name: 'string into float', setup: file(), act: (p) => rw(p, '<f8').set('abc'), error: TypeError, message: "cannot store string 'abc' in a float64" },
  { name: 'string into float after a good value', setup: file(), act: (p) => rw(p, '<f8').index(':2').set([1.5, 'x']), error: TypeError, message: "string 'x'" },
  { name: 'string into float through an index string', setup: file(), act: (p) => rw(p, '<f8').set('3', 'abc'), error: TypeError, message: 'cannot store string' },
  { name: 'object into int', setup: file(), act: (p) => rw(p, '<i4').set({}), error: TypeError, message: 'cannot store object' },
  { name: 'BigInt overflow of int64', setup: file(), act: (p) => rw(p, '<i8').set(2n ** 63n), error: OverflowError, message: 'Python int too large to convert to C long' },
  { name: 'BigInt overflow after good values', setup: file(), act: (p) => rw(p, '<i8').index(':3').set([1n, 2n, -(2n ** 63n) - 1n]), error: OverflowError, message: 'Python int too large to convert to C long' },
  { name: 'number overflow of uint8', setup: file(), act: (p) => rw(p).set(256), error: OverflowError, message: 'out of bounds for uint8' },
  { name: 'negative into uint16', setup: file(), act: (p) => rw(p, '<u2').fill(-1), error: OverflowError, message: 'uint16' },
  { name: 'wrong-shaped nested array', setup: file(), act: (p) => rw(p, '<f8').set([1, 2, 3]), error: ValueError, message: 'broadcast' },
  { name: 'fill with a string', setup: file(), act: (p) => rw(p, '<f4').fill('1'), error: TypeError, message: 'cannot store string' },
  { name: 'apply returning a string', setup: file(), act: (p) => rw(p, '<f4').apply(() => 'no'), error: TypeError, message: 'cannot store string' },
  // ---- .npy headers
  { name: '.npy empty', setup: file(0), act: (p) => openNpy(p), error: ValueError, message: 'truncated' },
  { name: '.npy shorter than the magic', setup: { kind: 'file', bytes: Buffer.from('\x93NUM', 'latin1') }, act: (p) => openNpy(p), error: ValueError, message: 'is truncated: a .npy file starts with 8 bytes' },
  { name: '.npy bad magic', setup: { kind: 'file', bytes: Buffer.from('PK\x03\x04' + 'x'.repeat(60), 'latin1') }, act: (p) => openNpy(p), error: ValueError, message: 'is not a .npy file' },
  { name: '.npy unknown version', setup: { kind: 'file', bytes: Buffer.concat([Buffer.from('\x93NUMPY\x09\x00', 'latin1'), Buffer.alloc(120, 0x20)]) }, act: (p) => openNpy(p), error: ValueError, message: 'version' },
  { name: '.npy header truncated', setup: { kind: 'file', bytes: npyBytes(goodHeader, pattern(16)).subarray(0, 40) }, act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'truncated' },
  { name: '.npy header length beyond the file', setup: npyFile(goodHeader, pattern(16), 4000), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'truncated' },
  { name: '.npy header not a dict', setup: npyFile("['descr', '<f8']"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'invalid .npy header' },
  { name: '.npy header unterminated dict', setup: npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), "), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'cannot parse header' },
  { name: '.npy header with code in it', setup: npyFile("{'descr': __import__('os').system('true'), 'fortran_order': False, 'shape': (2,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'header' },
  { name: '.npy header missing shape', setup: npyFile("{'descr': '<f8', 'fortran_order': False, }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: "missing 'shape'" },
  { name: '.npy header extra key', setup: npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: "unexpected 'x'" },
  { name: '.npy header negative shape', setup: npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'non-negative' },
  { name: '.npy header bad descr', setup: npyFile("{'descr': '<q7', 'fortran_order': False, 'shape': (2,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'q7' },
  { name: '.npy data shorter than the header says', setup: npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'is too short for its header' },
  { name: '.npy object dtype', setup: npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'cannot be memory-mapped' },
  { name: '.npy record with an object field', setup: npyFile("{'descr': [('a', '<i8'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }"), act: (p) => openNpy(p, { mode: 'r+' }), error: ValueError, message: 'object' },
  { name: '.npy unknown mode', setup: npyFile(goodHeader), act: (p) => openNpy(p, { mode: 'w+' as 'r' }), error: ValueError, message: "mode must be 'r', 'r+' or 'c'" },
  { name: '.npy V0 with a shape of 2^120 elements', setup: npyFile("{'descr': '|V0', 'fortran_order': False, 'shape': (1099511627776, 1099511627776, 1099511627776), }"), act: (p) => openNpy(p), error: ValueError, message: 'array is too big: shape [1099511627776, 1099511627776, 1099511627776] has more than 2^53 elements' },
  { name: '.npy header with 65 dimensions', setup: npyFile(`{'descr': '<f8', 'fortran_order': False, 'shape': (${'1, '.repeat(65)}), }`), act: (p) => openNpy(p), error: ValueError, message: 'maximum supported dimension for an ndarray is currently 64, found 65' },
  { name: '.npy field with a 65-dimensional subarray', setup: npyFile(`{'descr': [('a', '<i4', (${'1, '.repeat(65)}))], 'fortran_order': False, 'shape': (1,), }`), act: (p) => openNpy(p), error: ValueError, message: 'invalid shape in fixed-type tuple: 65 dimensions, more than 64' },
  { name: 'memmap with 65 dimensions', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: Array(65).fill(1) }), error: ValueError, message: 'maximum supported dimension for an ndarray is currently 64, found 65' },
  { name: 'memmap whose dtype subarray axes pass 64 dimensions', setup: file(), act: (p) => memmap(p, { mode: 'r+', shape: Array(60).fill(1), dtype: `(${'1,'.repeat(10)})u1` }), error: ValueError, message: 'maximum supported dimension for an ndarray is currently 64, found 70' },
  { name: 'createNpy with 65 dimensions', setup: file(), act: (p) => createNpy(p, 'u1', Array(65).fill(1)), error: ValueError, message: 'maximum supported dimension for an ndarray is currently 64, found 65' },
  // ---- createNpy over an existing file: validated (and built aside) before the file is touched
  { name: 'createNpy with a byte count past 2^53', setup: file(), act: (p) => createNpy(p, '<f8', [2 ** 52]), error: ValueError, message: 'array is too big' },
  { name: 'createNpy with an element count past 2^53', setup: file(), act: (p) => createNpy(p, 'u1', [2 ** 30, 2 ** 30, 2 ** 30]), error: ValueError, message: 'array is too big' },
  { name: 'createNpy with a bad dtype', setup: file(), act: (p) => createNpy(p, 'q9', [4]), error: TypeError, message: "data type 'q9' not understood" },
  { name: 'createNpy with a negative shape', setup: file(), act: (p) => createNpy(p, '<f8', [-1]), error: ValueError, message: 'negative dimensions' },
  { name: 'createNpy with a fractional shape', setup: file(), act: (p) => createNpy(p, '<f8', [1.5]), error: TypeError, message: 'shape must hold integers, got 1.5' },
  // An empty shape is no bad input since empty arrays map (NumPy >= 2.2): createNpy of one over a file, test/empty-mapping.test.ts.
  { name: 'createNpy with a non-boolean fortranOrder', setup: file(), act: (p) => createNpy(p, '<f8', [3], { fortranOrder: 'yes' as unknown as boolean }), error: TypeError, message: "fortranOrder must be a boolean, got 'yes'" },
  { name: 'createNpy of a file too large for the filesystem', setup: file(), act: (p) => createNpy(p, 'u1', [2 ** 50]), error: Error, code: 'EFBIG', message: 'file too large' },
];

// ------------------------------------------------------------------ harness

const tmp = useTempDir('mmarray-bad-input-');

interface Snapshot {
  exists: boolean;
  isDir: boolean;
  size: number;
  bytes: Buffer | null;
  entries: string[] | null;
}

function snapshot(p: string): Snapshot {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return { exists: false, isDir: false, size: -1, bytes: null, entries: null };
  }
  const isDir = st.isDirectory();
  // A file that grew (sparse, maybe gigabytes) is already unequal by its size: do not read it.
  const bytes = isDir || st.size > 1 << 20 ? null : fs.readFileSync(p);
  return { exists: true, isDir, size: st.size, bytes, entries: isDir ? fs.readdirSync(p).sort() : null };
}

/** A directory nobody can enter, with the row's file in it (tmp.dir may be 0700). */
let nobodyDir = '';

function prepare(row: Row): string {
  const base = row.asNobody ? path.join(nobodyDir, `${ROWS.indexOf(row)}.bin`) : tmp.path('row.bin');
  const s = row.setup;
  if (s.kind === 'file') {
    fs.writeFileSync(base, s.bytes);
    if (s.mode !== undefined) fs.chmodSync(base, s.mode);
  } else if (s.kind === 'dir') {
    fs.mkdirSync(base);
  }
  return base;
}

interface Outcome {
  threw: boolean;
  name?: string;
  code?: string;
  message?: string;
  isClass?: boolean;
}

const BUILTIN = new Set<unknown>([Error, TypeError, RangeError]);

/**
 * instanceof, except for JS's own classes: errors made by Node's fs and by
 * the addon come from the outer realm under jest, so those match by name
 * (and by being a real Error of that realm).
 */
function isA(err: Error, cls: ErrorClass): boolean {
  if (err instanceof cls) return true;
  if (!BUILTIN.has(cls)) return false;
  const e = err as { name?: unknown; constructor?: { name?: unknown } };
  return Object.prototype.toString.call(err) === '[object Error]' && (cls === Error || e.name === cls.name || e.constructor?.name === cls.name);
}

function runInProcess(row: Row, p: string): Outcome {
  try {
    const r = row.act!(p);
    // A returned mapping would keep the file mapped: close it, the row failed anyway.
    (r as { close?: () => void } | undefined)?.close?.();
    return { threw: false };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { threw: true, name: err.name, code: err.code, message: err.message, isClass: isA(err, row.error) };
  }
}

/** Runs a child row's action: as nobody, or with a capped address space. */
function runInChild(row: Row, p: string): Outcome {
  const action = row.asNobody ?? row.inSmallAddressSpace!.src;
  const src = `
    const { memmap } = require(${JSON.stringify(path.join(DIST, 'memmap.js'))});
    const p = ${JSON.stringify(p)};
    let out;
    try { const r = (${action}); if (r && r.close) r.close(); out = { threw: false }; }
    catch (e) { out = { threw: true, name: e.name, code: e.code, message: e.message }; }
    process.stdout.write(JSON.stringify(out));
  `;
  const r =
    row.asNobody !== undefined
      ? spawnSync(process.execPath, ['-e', src], { uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 20000 })
      : spawnSync('bash', ['-c', `ulimit -v ${row.inSmallAddressSpace!.kib}; exec "$0" -e "$CHILD_SRC"`, process.execPath], {
          encoding: 'utf8',
          timeout: 20000,
          env: { ...process.env, CHILD_SRC: src },
        });
  if (r.error) throw r.error;
  if (r.status !== 0 || r.signal) throw new Error(`child failed (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(0, 400)}`);
  return JSON.parse(r.stdout) as Outcome;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'memmap.js'))) throw new Error(`build dist first (npx tsc -p tsconfig.build.json): ${DIST} is missing`);
  nobodyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-nobody-'));
  fs.chmodSync(nobodyDir, 0o755);
  // eslint-disable-next-line no-console
  console.log(`bad-input: ${ROWS.length} rows`);
});
afterAll(() => {
  if (nobodyDir) fs.rmSync(nobodyDir, { recursive: true, force: true });
});

/**
 * Can a child run as nobody and load the library? Decided once, when the
 * table is defined, so that rows that cannot run are reported as skipped.
 */
function probeNobody(): string | null {
  if (typeof process.getuid !== 'function') return 'process.getuid is unavailable on this platform';
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(DIST, 'memmap.js'))}); process.stdout.write(String(process.getuid()))`], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    timeout: 20000,
  });
  if (r.error) return `cannot start a child as uid ${NOBODY}: ${r.error.message}`;
  if (r.status !== 0) return `a child as uid ${NOBODY} cannot load ${DIST}: ${r.stderr.split('\n').slice(0, 3).join(' ')}`;
  if (r.stdout !== String(NOBODY)) return `the child ran as uid ${r.stdout}, not ${NOBODY}`;
  return null;
}
const nobodySkip = probeNobody();

describe('bad input: the right error, and the file unchanged', () => {
  test('table has at least one row per required case', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  const runnable = ROWS.filter((r) => r.asNobody === undefined || nobodySkip === null);
  const skipped = ROWS.filter((r) => !runnable.includes(r));
  for (const row of skipped) {
    // eslint-disable-next-line no-console
    console.log(`SKIP bad-input row '${row.name}': ${nobodySkip}`);
  }
  for (const row of skipped) test.skip(`${row.name} (needs a child as nobody)`, () => undefined);

  const check = (row: Row): void => {
    const p = prepare(row);
    const before = snapshot(p);
    let out: Outcome;
    if (row.asNobody !== undefined || row.inSmallAddressSpace !== undefined) {
      out = runInChild(row, p);
      expect(out.name).toBe(row.code ? 'Error' : row.error.name);
    } else {
      out = runInProcess(row, p);
      if (out.threw) expect({ row: row.name, isClass: out.isClass, name: out.name }).toEqual({ row: row.name, isClass: true, name: out.name });
    }
    expect(out.threw).toBe(true);
    if (row.code !== undefined) expect(out.code).toBe(row.code);
    else expect(out.name).toBe(row.error.name === 'Error' ? out.name : row.error.name);
    if (typeof row.message === 'string') expect(out.message).toContain(row.message);
    else expect(out.message).toMatch(row.message);
    const after = snapshot(p);
    const shape = (x: Snapshot): object => ({ exists: x.exists, isDir: x.isDir, size: x.size, entries: x.entries });
    expect(shape(after)).toEqual(shape(before));
    expect(after.bytes === null ? before.bytes === null : before.bytes !== null && after.bytes.equals(before.bytes)).toBe(true);
  };

  for (const row of runnable) {
    if (row.knownBug === undefined) {
      test(row.name, () => check(row));
    } else {
      // eslint-disable-next-line no-console
      console.log(`KNOWN BUG (bad-input row '${row.name}'): ${row.knownBug}`);
      // Passes while the bug is there; fails (remove knownBug) once it is fixed.
      test.failing(`${row.name} [known bug]`, () => check(row));
    }
  }
});
