import * as fs from 'fs';
import { describe as describeArray, explain } from '../lib/inspect';
import { arange, broadcastTo, fromBuffer, zeros, asStrided } from '../lib/create';
import { memmap } from '../lib/memmap';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-inspect-');

describe('describe()', () => {
  test('an owner: base chain 0, contiguous, writeable, aligned, in memory', () => {
    const a = zeros([3, 4], '<i4');
    const d = describeArray(a);
    expect(d).toMatchObject({
      className: 'NdArray',
      dtype: '<i4',
      shape: [3, 4],
      strides: [16, 4],
      baseChain: 0,
      nbytes: 48,
      baseNbytes: 48,
      byteBounds: [0, 48],
      cContiguous: true,
      fContiguous: false,
      writeable: true,
      ownData: true,
      aligned: true,
      alignment: 4,
      strideWarnings: [],
      selfOverlap: 'no',
      mapping: null,
      closed: false,
    });
    expect(d.notes).toContain('an owner (base chain 0) of 48 bytes it allocated');
  });

  test('a column view: base chain 1, the base is larger, not contiguous', () => {
    const col = zeros([3, 4], '<i4').index(':, 1');
    const d = describeArray(col);
    expect(d).toMatchObject({ baseChain: 1, nbytes: 12, baseNbytes: 48, byteBounds: [4, 40], cContiguous: false, fContiguous: false, offset: 4 });
    expect(d.notes).toContain('a view (base chain 1) of 48 bytes; the view\'s elements take 12 bytes');
    expect(d.notes).toContain('not contiguous: strides [16] for shape [3] and itemsize 4');
  });

  test('a broadcast view: stride 0 is reported as overlap, and it is read-only by flag', () => {
    const b = broadcastTo(arange(3, '<i2'), [4, 3]);
    const d = describeArray(b);
    expect(d.strideWarnings).toEqual([{ axis: 0, length: 4, stride: 0, itemsize: 2 }]);
    expect(d.selfOverlap).toBe('yes');
    expect(d.notes).toContain('OVERLAP: axis 0 has stride 0: its 4 elements are the same bytes (a broadcast view)');
    expect(d.notes).toContain('read-only by flag (flags.writeable is false; the memory itself is writeable)');
  });

  test('a stride smaller than the itemsize is an overlap warning; a length-1 axis is not', () => {
    const a = zeros(8, '<u4');
    const d = describeArray(asStrided(a, [1, 5], [0, 2]));
    expect(d.strideWarnings).toEqual([{ axis: 1, length: 5, stride: 2, itemsize: 4 }]);
    expect(d.notes).toContain('OVERLAP: axis 1 has stride 2, smaller than the itemsize 4: neighbouring elements share bytes');
  });

  test('strides that interleave across axes are found by the exact check', () => {
    const a = zeros(8, '<u4');
    const d = describeArray(asStrided(a, [3, 3], [4, 4]));
    expect(d.strideWarnings).toEqual([]);
    expect(d.selfOverlap).toBe('yes');
    expect(d.notes).toContain('OVERLAP: elements on different axes share bytes (the strides interleave)');
  });

  test('a misaligned view says so', () => {
    const a = fromBuffer(new ArrayBuffer(12), 'u1').index('1:9').view('<u4');
    const d = describeArray(a);
    expect(d.aligned).toBe(false);
    expect(d.notes).toContain("NOT aligned to 4 bytes (the data address or a stride is not a multiple of it); typedArray() refuses it");
  });

  test('read-only memory is told apart from a read-only flag', () => {
    const a = fromBuffer(new ArrayBuffer(8), '<u4', { readonly: true });
    expect(describeArray(a)).toMatchObject({ writeable: false, memoryWriteable: false });
    expect(describeArray(a).notes).toContain('read-only memory: writes throw AccessError (ERR_READ_ONLY) and the flag cannot be set');
  });

  test('a mapping: path, mode and offset; closed mappings are described, not refused', () => {
    const p = tmp.file(new Uint8Array(64));
    const m = memmap(p, { dtype: '<u4', mode: 'r', offset: 16 });
    const v = m.index('2:');
    expect(describeArray(v)).toMatchObject({ className: 'Memmap', mapping: { path: p, mode: 'r', offset: 16 }, closed: false, writeable: false });
    expect(describeArray(v).notes).toContain(`maps '${p}' in mode 'r' from file offset 16: read-only, writes refused`);
    m.close();
    const d = describeArray(v);
    expect(d.closed).toBe(true);
    expect(d.notes[0]).toBe(`CLOSED: the mapping of '${p}' was closed; any access throws AccessError (ERR_CLOSED)`);
  });
});

describe('explain()', () => {
  test('a view of its base shares memory', () => {
    const a = zeros(6, '<i4');
    const v = a.index('1:4');
    expect(explain(a, v)).toBe(
      'Shared memory: a and b live in the same memory (a 24-byte ArrayBuffer), and b is a view of a; a addresses bytes [0, 24), b bytes [4, 16) and some bytes are used by both (sharesMemory is true): a write through one is seen through the other.',
    );
  });

  test('interleaved views: bounds overlap but no byte is shared', () => {
    const a = zeros(6, '<i4');
    expect(explain(a.index('::2'), a.index('1::2'))).toBe(
      'Same memory, no shared bytes: a and b live in the same memory (a 24-byte ArrayBuffer), and both are views of the same owner; a addresses bytes [0, 20), b bytes [4, 24) overlap, so mayShareMemory is true, but the strides interleave and no byte is used by both (sharesMemory is false).',
    );
  });

  test('disjoint halves of one buffer', () => {
    const a = zeros(6, '<i4');
    expect(explain(a.index(':3'), a.index('3:'))).toMatch(/^Same memory, no shared bytes: .* bytes \[0, 12\), b bytes \[12, 24\) do not meet/);
  });

  test('two arrays over one ArrayBuffer through different typed-array ranges', () => {
    const buf = new ArrayBuffer(32);
    const a = fromBuffer(new Uint8Array(buf, 0, 16), '<u4');
    const b = fromBuffer(new Uint8Array(buf, 8, 16), '<u4');
    expect(explain(a, b)).toMatch(/^Shared memory: a and b live in the same ArrayBuffer .* a addresses bytes \[0, 16\) of the buffer, b bytes \[8, 24\)/);
  });

  test('a copy is isolated', () => {
    const a = zeros(4, '<f8');
    expect(explain(a, a.copy())).toBe(
      'No shared memory: a lives in a 32-byte ArrayBuffer, b in a 32-byte ArrayBuffer. Writes through one never show in the other.',
    );
  });

  test('two mappings of one file are separate memory, with the page-cache caveat', () => {
    const p = tmp.file(new Uint8Array(16));
    const m1 = memmap(p, { mode: 'r+' });
    const m2 = memmap(p, { mode: 'r' });
    try {
      expect(explain(m1, m2)).toMatch(new RegExp(`^No shared memory as far as this library knows: a and b are two separate mappings of the same file '${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' \\(modes 'r\\+' and 'r'\\)`));
    } finally {
      m1.close();
      m2.close();
    }
  });

  test('a closed mapping is reported, not thrown', () => {
    const p = tmp.file(new Uint8Array(16));
    const m = memmap(p, { mode: 'r' });
    m.close();
    expect(explain(m, zeros(2))).toBe(`Cannot compare: the first array belongs to a closed mapping (a: a mapping of '${p}' (mode 'r', file offset 0), closed; b: a 16-byte ArrayBuffer).`);
    expect(fs.existsSync(p)).toBe(true);
  });
});
