// Twelfth adversarial pass: hostile input against the surface session 11
// added (loadtxt/savetxt and their printf-style formats, mgrid/ogrid,
// vectorize, a.flat, binaryRepr/baseRepr, astype's same_value). Each case
// here failed before its fix (a hang, a heap abort, an untyped error, a
// silently wrong value); the hangs and heap aborts run in forked children
// with a time limit, beside a control.
import * as fs from 'fs';

import * as L from '../lib';
import { runInChild, type ChildResult } from './helpers/child';
import { thrownBy } from './helpers/thrown';
import { TempDir } from './helpers/tmp';

const tmp = new TempDir('mmarray-adv12-');
afterAll(() => tmp.remove());

const child = (body: string, heapMb = 256): ChildResult => runInChild(body, { heapMb, code: true });

/** A Proxy of an empty list claiming 2^32-1 items. */
const HUGE_PROXY = 'new Proxy([], { get: (t, k) => (k === "length" ? 2 ** 32 - 1 : t[k]) })';

describe('savetxt: fmt precisions and widths', () => {
  test("'%.99999999f' (child): 10^8 digits, the exact ones then zeros (worked out 10^99999999 as a BigInt: past the 60 s limit)", () => {
    const p = tmp.path('prec.txt');
    const r = child(`
      L.savetxt(${JSON.stringify(p)}, L.asarray([1.5]), { fmt: '%.99999999f' });
      const fd = require('fs').openSync(${JSON.stringify(p)}, 'r');
      const head = Buffer.alloc(8);
      require('fs').readSync(fd, head, 0, 8, 0);
      require('fs').closeSync(fd);
      return [require('fs').statSync(${JSON.stringify(p)}).size, head.toString()];`);
    fs.rmSync(p, { force: true });
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([2 + 99_999_999 + 1, '1.500000']);
  });

  test("'%.1100f' and '%.1000e': Python's digits (the exact decimal, then zeros)", () => {
    const p = tmp.path('exact.txt');
    L.savetxt(p, L.asarray([0.1]), { fmt: '%.1100f' });
    const exact = '1000000000000000055511151231257827021181583404541015625';
    expect(fs.readFileSync(p, 'latin1')).toBe(`0.${exact.padEnd(1100, '0')}\n`);
    L.savetxt(p, L.asarray([2 ** -1074]), { fmt: '%.1000e' });
    const t = fs.readFileSync(p, 'latin1');
    expect(t.startsWith('4.9406564584124654417656879286822137236505980')).toBe(true);
    expect(t.endsWith(`${'0'.repeat(100)}e-324\n`)).toBe(true);
    expect(t.length).toBe(1 + 1 + 1000 + 5 + 1);
  });

  test.each(['%999999999d', '%.999999999f', '%.999999999e', '%.999999999g', '%99999999999999999999999d'])("'%s': a MemoryError naming the file and the fmt, the old file left as it was (an untyped RangeError, or a hang)", (fmt) => {
    const p = tmp.file('old text\n', 'keep.txt');
    const e = thrownBy(() => L.savetxt(p, L.arange(3, 'f8'), { fmt }), L.MemoryError);
    expect(e.message).toContain(`savetxt('${p}'): fmt ${JSON.stringify(fmt)} makes rows of up to`);
    expect(fs.readFileSync(p, 'utf8')).toBe('old text\n');
  });

  test('control: a width of 10^7 is written', () => {
    const p = tmp.path('wide.txt');
    L.savetxt(p, L.asarray([7], 'i4'), { fmt: '%10000000d' });
    expect(fs.statSync(p).size).toBe(10_000_001);
    fs.rmSync(p);
  });

  test('to the path of a file a live writable array maps (child): replaced by rename, the mapping reads and writes its own bytes, no SIGBUS', () => {
    const p = tmp.path('mapped.npy');
    const r = child(`
      const m = L.createNpy(${JSON.stringify(p)}, 'f8', [100000]);
      m.fill(3);
      L.savetxt(${JSON.stringify(p)}, L.asarray([1, 2]), { fmt: '%d' });
      m.set(5, 4);
      return [m.sum(), require('fs').readFileSync(${JSON.stringify(p)}, 'utf8')];`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([300_001, '1\n2\n']);
  });
});

describe('list options claiming 2^32-1 items (a Proxy or a sparse list)', () => {
  const ok = tmp.file('1 2\n3 4\n', 'ok.txt');

  test('control (child): loadtxt with usecols [1] and comments [\'#\']', () => {
    const r = child(`return L.loadtxt(${JSON.stringify(ok)}, { usecols: [1], comments: ['#'] }).toArray();`);
    expect(JSON.parse(r.out)).toEqual([2, 4]);
  });

  test.each([
    ['loadtxt comments', `L.loadtxt(${JSON.stringify(ok)}, { comments: ${HUGE_PROXY} })`, 'loadtxt(): comments'],
    ['loadtxt usecols', `L.loadtxt(${JSON.stringify(ok)}, { usecols: new Array(2 ** 32 - 1) })`, 'loadtxt(): usecols'],
    ['vectorize excluded', `L.vectorize((x) => x, { excluded: new Array(2 ** 32 - 1) })`, 'vectorize(): excluded'],
    ['vectorize excluded (Proxy)', `L.vectorize((x) => x, { excluded: ${HUGE_PROXY} })`, 'vectorize(): excluded'],
    ['a.flat.get', `L.arange(6).flat.get(new Array(2 ** 32 - 1))`, 'flat index'],
  ])('%s (child, 256 MiB heap): a MemoryError before an item is read (was walked until the heap ran out)', (_name, call, what) => {
    const r = child(`${call}; return 'no error';`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', 'ERR_MEMORY', `${what}: 4294967295 items of 8 bytes; an array in memory holds at most 4 GiB (536870912 such items)`]);
  });

  test('a shorter sparse list: the TypeError of its first hole, at once', () => {
    expect(() => L.loadtxt(ok, { usecols: new Array(2 ** 28) })).toThrow(new TypeError("usecols must be an int or a sequence of ints but it contains at least one element of type 'NoneType'"));
    expect(() => L.loadtxt(ok, { comments: new Array(2 ** 28) as string[] })).toThrow(TypeError);
  });

  test("vectorize otypes: past NumPy's 64 operands is its ValueError, before a code is read (a string of 10^8 codes made 10^8 dtypes)", () => {
    expect(() => L.vectorize((x: number) => x, { otypes: 'd'.repeat(100_000_000) })).toThrow(new L.ValueError('Cannot construct a ufunc with more than 64 operands (requested number were: outputs = 100000000)'));
    expect(() => L.vectorize((x: number) => x, { otypes: 'd'.repeat(65) })).toThrow(L.ValueError);
    expect((L.vectorize((x: number) => x, { otypes: 'd' })([1, 2]) as L.NdArray).toArray()).toEqual([1, 2]);
  });
});

describe('vectorize: results larger than memory', () => {
  test('a 2^40-element broadcast (child): a MemoryError before fn is called (fn was called until the heap ran out)', () => {
    const r = child(`let calls = 0; const v = L.vectorize((x) => (calls++, x), { otypes: 'd' });
      try { v(L.broadcastTo(L.zeros([1]), [2 ** 40])); } catch (e) { return [e.constructor.name, calls]; } return 'no error';`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', 0]);
  });

  test("signature '()->(n)', 10^5 calls of 10^5 values (child): a MemoryError after the first call", () => {
    const r = child(`let calls = 0; const v = L.vectorize(() => (calls++, L.zeros([100000])), { signature: '()->(n)' });
      try { v(L.zeros([100000])); } catch (e) { return [e.constructor.name, calls]; } return 'no error';`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', 1]);
  });

  test("control: signature '()->(n)' of 3 calls", () => {
    const v = L.vectorize((x: L.NdArray) => [x.item() as number, (x.item() as number) + 1], { signature: '()->(n)' });
    expect((v(L.asarray([1, 2, 3], 'f8')) as L.NdArray).toArray()).toEqual([[1n, 2n], [2n, 3n], [3n, 4n]]);
  });
});

describe('mgrid/ogrid: lengths that are no integer', () => {
  test("ogrid('0:nan, 0:2'): NumPy's ValueError (was AccessError ERR_CLOSED, 'detached')", () => {
    expect(() => L.ogrid('0:nan, 0:2')).toThrow(new L.ValueError('ogrid(): cannot convert float NaN to integer (the length of a slice)'));
    expect(() => L.mgrid('0:nan, 0:2')).toThrow(L.ValueError);
  });

  test("an infinite length: NumPy's OverflowError", () => {
    expect(() => L.ogrid('0:inf, 0:2')).toThrow(L.OverflowError);
    expect(() => L.mgrid('0:1, 0:1:1e400j')).toThrow(L.OverflowError);
  });

  test("an integer past int64: NumPy's OverflowError (the grid held wrapped values, or none)", () => {
    expect(() => L.mgrid('100000000000000000000:100000000000000000003, 0:1')).toThrow(L.OverflowError);
    expect(() => L.ogrid('0:2, -9223372036854775809:0')).toThrow(L.OverflowError);
    // Control: int64's own bounds are integers.
    expect(L.mgrid('9223372036854775807:9223372036854775807, 0:1').shape).toEqual([2, 0, 1]);
  });
});

describe('binaryRepr/baseRepr: strings longer than V8 makes', () => {
  test('a MemoryError naming the width or padding (was an untyped RangeError "Invalid string length")', () => {
    expect(() => L.binaryRepr(1, 1e9)).toThrow(L.MemoryError);
    expect(() => L.binaryRepr(-1, 2 ** 40)).toThrow(/binaryRepr\(\): width 1099511627776 asks for a string of 1099511627776 characters/);
    expect(() => L.baseRepr(1, 2, 1e9)).toThrow(/baseRepr\(\): padding 1000000000/);
    expect(L.binaryRepr(-1, 16)).toBe('1'.repeat(16));
  });
});

describe("astype casting: 'same_value' between signed and unsigned integers", () => {
  test.each([
    ['i1', [-1], 'u1', 'byte to ubyte'],
    ['i8', [-1], 'u8', 'long to ulong'],
    ['i1', [-1], 'u8', 'byte to ulong'],
    ['i4', [-1], 'u4', 'int to uint'],
  ])("%s %j to %s: NumPy's ValueError (the back cast wrapped to the value: passed, -1 became 2^k - 1)", (from, vals, to, names) => {
    expect(() => L.asarray(vals, from).astype(to, { casting: 'same_value' })).toThrow(new L.ValueError(`could not cast 'same_value' ${names}`));
  });

  test("uint64 2^63 to int64, uint32 2^31 to int32: NumPy's ValueError (passed as -2^63, -2^31)", () => {
    expect(() => L.asarray([2n ** 63n], 'u8').astype('i8', { casting: 'same_value' })).toThrow(new L.ValueError("could not cast 'same_value' ulong to long"));
    expect(() => L.asarray([2 ** 31], 'u4').astype('i4', { casting: 'same_value' })).toThrow(new L.ValueError("could not cast 'same_value' uint to int"));
  });

  test('control: values that fit keep passing', () => {
    expect(L.asarray([5], 'i1').astype('u8', { casting: 'same_value' }).toArray()).toEqual([5n]);
    expect(L.asarray([200], 'u1').astype('i2', { casting: 'same_value' }).toArray()).toEqual([200]);
    expect(L.asarray([-1], 'i8').astype('i1', { casting: 'same_value' }).toArray()).toEqual([-1]);
  });
});

describe('a.flat of a mapped array larger than memory', () => {
  test('set and get by an integer, a list and a mask: no MemoryError (every flat position was built: 3e9 of them)', () => {
    const p = tmp.path('big.npy');
    const m = L.createNpy(p, 'u1', [3e9]);
    try {
      m.flat.set(5, 7);
      m.flat.set([-1, 6], [8, 9]);
      expect([m.get(5), m.get(6), m.get(2_999_999_999)]).toEqual([7, 9, 8]);
      expect(m.flat.get([5, -1]).toArray()).toEqual([7, 8]);
      expect(m.flat.get(L.asarray([6], 'i4')).toArray()).toEqual([9]);
      expect(() => m.flat.get([3e9])).toThrow(new L.IndexError('index 3000000000 is out of bounds for size 3000000000'));
    } finally {
      m.close();
      fs.rmSync(p, { force: true });
    }
  });

  test('control: a mask, an unsigned index array and negative positions on a small array', () => {
    const a = L.arange(6, 'f8');
    a.flat.set(L.asarray([true, false, true, false, false, true]), 9);
    expect(a.toArray()).toEqual([9, 1, 9, 3, 4, 9]);
    expect(a.flat.get(L.asarray([1, 2], 'u1')).toArray()).toEqual([1, 9]);
    expect(a.flat.get([-2]).toArray()).toEqual([4]);
    expect(() => a.flat.get([6])).toThrow(L.IndexError);
  });
});
