// NdArray (lib/ndarray.ts): views never copy, flags follow NumPy's rules,
// `base` points at the owner, elements read as the README's value mapping,
// and no write path gets past read-only memory.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inspect } from 'util';
import * as mm from '../lib';
import { arange, asStrided, broadcastTo, fromBuffer, ndarray, zeros } from '../lib/create';
import { AccessError, AxisError, IndexError, KeyError, ValueError } from '../lib/errors';
import { newaxis, ellipsis, slice } from '../lib/indexing';
import { sharesMemory } from '../lib/memory';
import { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

/** A (3, 4) int16 array holding 0..11. */
function grid(): NdArray {
  return arange(12, '<i2').reshape([3, 4]);
}

describe('array properties', () => {
  test('ndim, size, itemsize and nbytes come from the shape and dtype', () => {
    const a = zeros([2, 3, 4], '<f4');
    expect([a.ndim, a.size, a.itemsize, a.nbytes]).toEqual([3, 24, 4, 96]);
  });

  test('shape, strides, offset and the internal state cannot be changed from outside (issue 12 item 7)', () => {
    // shape and strides are handed out frozen (lazily, on first read, so
    // view creation does not pay for it); the rest are getters over private fields.
    const a = grid();
    const bent = a.index(':, :');
    expect(() => {
      (bent.shape as number[])[0] = 1e6;
    }).toThrow(/read only property '0'/);
    expect(() => {
      (bent.strides as number[])[1] = 2 ** 40;
    }).toThrow(/read only property '1'/);
    expect(() => {
      (bent as unknown as { offset: number }).offset = 1e6;
    }).toThrow(/Cannot set property offset of .* which has only a getter/);
    expect(() => {
      (bent as unknown as { _w: boolean })._w = true;
    }).toThrow(/which has only a getter/);
    expect(bent.shape).toEqual([3, 4]);
    expect(bent.strides).toEqual(a.strides);
    expect(a.strides).toEqual([8, 2]);
    expect(() => bent.get(999999, 0)).toThrow(RangeError);
    // Nothing internal is enumerable: JSON and for-in see none of it.
    expect(Object.keys(bent)).toEqual([]);
  });

  test('a subclass that redefines what the library reads to stay in bounds is refused by view(type)', () => {
    class Lying extends NdArray {
      override get offset(): number {
        return 2 ** 40;
      }
    }
    expect(() => grid().view(Lying)).toThrow("view(type): Lying redefines 'offset', which the library reads to keep accesses in bounds; use another name");
    // buffer and byteOffset steer the library's own typed arrays over its results.
    class Shifted extends NdArray {
      override get byteOffset(): number {
        return 8;
      }
    }
    expect(() => grid().view(Shifted)).toThrow("view(type): Shifted redefines 'byteOffset', which the library reads to keep accesses in bounds; use another name");
  });

  test('buffer is the ArrayBuffer the array views', () => {
    const bytes = new Uint8Array(16);
    const a = fromBuffer(bytes, '<u4');
    expect(a.buffer).toBe(bytes.buffer);
    expect(a.index('2:').buffer).toBe(bytes.buffer);
  });

  test('byteOffset is where element 0 sits in buffer, wherever the storage starts in it', () => {
    // A typed array that starts 8 bytes into its buffer: offset counts from
    // the storage (the typed array's start), byteOffset from the buffer.
    const whole = new ArrayBuffer(32);
    new Uint32Array(whole).set([0, 0, 10, 11, 12, 13, 14, 15]);
    const a = fromBuffer(new Uint8Array(whole, 8), '<u4');
    expect(a.offset).toBe(0);
    expect(a.byteOffset).toBe(8);
    expect(Array.from(new Uint32Array(a.buffer, a.byteOffset, a.size))).toEqual([10, 11, 12, 13, 14, 15]);
    const v = a.index('2:');
    expect([v.offset, v.byteOffset]).toEqual([8, 16]);
    expect(new Uint32Array(v.buffer, v.byteOffset, 1)[0]).toBe(12);
    // With fromBuffer's own offset too.
    const b = fromBuffer(new Uint8Array(whole, 8), '<u4', { offset: 4, count: 2 });
    expect([b.offset, b.byteOffset]).toEqual([4, 12]);
    // A fresh array owns its buffer from byte 0.
    const z = zeros([3], '<f8');
    expect([z.offset, z.byteOffset, z.buffer.byteLength]).toEqual([0, 0, 24]);
  });

  test('byteOffset of a closed mapping throws ERR_CLOSED', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-byteoffset-'));
    try {
      const p = path.join(dir, 'a.npy');
      mm.saveNpy(p, mm.arange(0, 6, 1, '<f8'));
      const m = mm.openNpy(p, { mode: 'r' });
      const v = m.index('1:');
      expect(new Float64Array(v.buffer, v.byteOffset, 1)[0]).toBe(1);
      m.close();
      expect(() => v.byteOffset).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('only library constructors make arrays', () => {
    const Ctor = NdArray as unknown as new (t: symbol, init: object) => NdArray;
    expect(() => new Ctor(Symbol('x'), {})).toThrow(TypeError);
  });
});

describe('flags', () => {
  test('a new array is C-contiguous, writeable, aligned and owns its data', () => {
    expect(zeros([2, 3]).flags.toJSON()).toEqual({ cContiguous: true, fContiguous: false, writeable: true, aligned: true, ownData: true });
  });

  test('the transpose of a C array is F-contiguous', () => {
    const f = zeros([2, 3]).T.flags;
    expect([f.cContiguous, f.fContiguous]).toEqual([false, true]);
  });

  test('a column view is neither C- nor F-contiguous', () => {
    const f = grid().index(':, 1').flags;
    expect([f.cContiguous, f.fContiguous]).toEqual([false, false]);
  });

  test('a view does not own its data', () => {
    expect(grid().index('1:').flags.ownData).toBe(false);
  });

  test('an odd byte offset unaligns a multi-byte dtype', () => {
    const a = fromBuffer(new ArrayBuffer(17), '<i4', { offset: 1, count: 4 });
    expect(a.flags.aligned).toBe(false);
    expect(a.view('u1').flags.aligned).toBe(true);
  });

  test('an array over someone else\'s buffer does not own it', () => {
    expect(fromBuffer(new ArrayBuffer(8)).flags.ownData).toBe(false);
  });

  test('flags are read from the layout each time, and print as an object', () => {
    expect(inspect(zeros(2, 'u1').flags)).toBe('Flags {"cContiguous":true,"fContiguous":true,"writeable":true,"aligned":true,"ownData":true}');
  });
});

describe('writeable', () => {
  test('a view of a non-writeable array is not writeable', () => {
    const a = arange(6, '<f8');
    a.flags.writeable = false;
    expect(a.index('::2').flags.writeable).toBe(false);
    expect(a.view('u1').flags.writeable).toBe(false);
  });

  test('a view cannot be made writeable while its owner is not', () => {
    const a = arange(6, '<f8');
    const v = a.index('::2');
    a.flags.writeable = false;
    expect(() => {
      v.flags.writeable = true;
    }).toThrow(new ValueError('cannot set WRITEABLE flag to True of this array'));
  });

  test('a view made read-only by itself can be made writeable again when its owner is', () => {
    // NumPy: x[1:][1:] with the middle view read-only; the owner decides.
    const x = arange(4, '<i4');
    const y = x.index('1:');
    y.flags.writeable = false;
    const z = y.index('1:');
    expect(z.flags.writeable).toBe(false);
    z.flags.writeable = true;
    expect(z.flags.writeable).toBe(true);
  });

  test('an owner can be made read-only and writeable again', () => {
    const a = zeros(3);
    a.flags.writeable = false;
    expect(() => a.set(1)).toThrow(AccessError);
    a.flags.writeable = true;
    a.set(1);
    expect(a.toArray()).toEqual([1, 1, 1]);
  });

  test('broadcastTo gives a read-only view that can be made writeable, as in NumPy 2', () => {
    const b = broadcastTo(arange(3, '<f8'), [2, 3]);
    expect(b.flags.writeable).toBe(false);
    b.flags.writeable = true;
    expect(b.flags.writeable).toBe(true);
  });

  test('read-only memory never becomes writeable, however deep the view', () => {
    const ro = fromBuffer(new Uint8Array(16), 'u1', { readonly: true });
    const vv = ro.view('<u2').index('::2');
    expect(vv.flags.writeable).toBe(false);
    expect(() => {
      vv.flags.writeable = true;
    }).toThrow('cannot set WRITEABLE flag to True of this array');
    expect(() => {
      ro.flags.writeable = true;
    }).toThrow(ValueError);
  });

  test('setting writeable to false always works', () => {
    const ro = fromBuffer(new Uint8Array(4), 'u1', { readonly: true });
    ro.flags.writeable = false;
    expect(ro.flags.writeable).toBe(false);
  });
});

describe('read-only memory: every write path refuses and leaves the bytes alone', () => {
  const bytes = (): Uint8Array => Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const paths: [string, (a: NdArray) => unknown][] = [
    ['set(value)', (a) => a.set(0)],
    ['set(index, value)', (a) => a.set('1:', 0)],
    ['set(items, value)', (a) => a.set([slice(null, null, 2)], 0)],
    ['set from another array', (a) => a.set(zeros(8, 'u1'))],
    ['fill', (a) => a.fill(9)],
    ['byteswap(true)', (a) => a.view('<u2').byteswap(true)],
    ['apply', (a) => a.apply((x) => (x as number) + 1)],
    ['set through index()', (a) => a.index('::2').set(0)],
    ['set through view(dtype)', (a) => a.view('<u4').set(0)],
    ['set through a field', (a) => a.view([['lo', '<u2'], ['hi', '<u2']]).field('hi').set(0)],
    ['set through reshape/transpose', (a) => a.reshape([2, 4]).T.set(0)],
    ['fill through flip', (a) => a.flip().fill(0)],
    ['set through asStrided', (a) => asStrided(a, [2, 2], [1, 2]).set(0)],
  ];

  test.each(paths)('%s throws AccessError ERR_READ_ONLY', (name, write) => {
    const b = bytes();
    const a = fromBuffer(b, 'u1', { readonly: true });
    let err: unknown;
    try {
      write(a);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AccessError);
    // NumPy's words: byteswap's own, the others the assignment's.
    expect(err).toMatchObject({ code: 'ERR_READ_ONLY', message: name === 'byteswap(true)' ? 'array to be byte-swapped is read-only' : 'assignment destination is read-only' });
    expect(Array.from(b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test.each(paths)('%s throws the same way on a writeable buffer whose flag was cleared', (_name, write) => {
    const b = bytes();
    const a = fromBuffer(b, 'u1');
    a.flags.writeable = false;
    expect(() => write(a)).toThrow(AccessError);
    expect(Array.from(b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('typedArray() over read-only memory needs an explicit opt-in', () => {
    const a = fromBuffer(bytes(), 'u1', { readonly: true });
    expect(() => a.typedArray()).toThrow(AccessError);
    expect(a.typedArray({ unsafeAllowReadOnly: true })).toEqual(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  test('reads, views and copies are fine, and copies are writeable', () => {
    const a = fromBuffer(bytes(), 'u1', { readonly: true });
    expect(a.view('<u2').get(0)).toBe(0x0201);
    const c = a.copy();
    c.set(0);
    expect(c.flags.writeable).toBe(true);
    expect(a.get(0)).toBe(1);
    const swapped = a.view('<u2').byteswap();
    expect(swapped.flags.writeable).toBe(true);
    expect(swapped.get(0)).toBe(0x0102);
  });

  test('byteswap takes inplace as it is or as { inplace }: { inplace: false } leaves the array as it was', () => {
    const a = fromBuffer(new Uint16Array([0x0102, 0x0304]).buffer, '<u2');
    const copy = a.byteswap({ inplace: false });
    expect(copy).not.toBe(a);
    expect(copy.toArray()).toEqual([0x0201, 0x0403]);
    expect(a.toArray()).toEqual([0x0102, 0x0304]);
    expect(a.byteswap({ inplace: true })).toBe(a);
    expect(a.toArray()).toEqual([0x0201, 0x0403]);
    expect(a.byteswap({}).toArray()).toEqual([0x0102, 0x0304]);
    expect(() => a.byteswap({ in_place: true } as never)).toThrow("byteswap() got an unexpected keyword argument 'in_place'");
    expect(() => a.byteswap('yes' as never)).toThrow("byteswap(): inplace must be a boolean, got 'yes'");
    expect(a.toArray()).toEqual([0x0201, 0x0403]);
  });

  test('byteswapAsync reads inplace the same way, before the call is queued', async () => {
    const a = fromBuffer(new Uint16Array([0x0102]).buffer, '<u2');
    const copy = await a.byteswapAsync({ inplace: false });
    expect(copy).not.toBe(a);
    expect(a.toArray()).toEqual([0x0102]);
    await expect(a.byteswapAsync(1 as never)).rejects.toThrow('byteswapAsync(): inplace must be a boolean, got 1');
  });

  test('asStrided of read-only memory stays read-only even when asked for writeable', () => {
    const a = fromBuffer(bytes(), 'u1', { readonly: true });
    expect(asStrided(a, [4], [2], { writeable: true }).flags.writeable).toBe(false);
  });

  test('ndarray() with readonly makes the same promise', () => {
    const a = ndarray([2, 2], '<u2', bytes(), { readonly: true });
    expect(() => a.set(0)).toThrow(AccessError);
  });
});

describe('a detached buffer', () => {
  test('every access throws AccessError ERR_CLOSED instead of reading nothing or dropping a store', () => {
    const ab = new ArrayBuffer(16);
    const a = fromBuffer(ab, '<i4');
    const view = a.index('1:');
    structuredClone(ab, { transfer: [ab] });
    for (const act of [() => a.get(0), () => view.set(1), () => a.fill(2), () => a.toArray(), () => a.sum(), () => a.copy(), () => view.index('1:')]) {
      expect(act).toThrow(expect.objectContaining({ name: 'AccessError', code: 'ERR_CLOSED', message: expect.stringContaining('detached') }));
    }
  });
});

describe('base: the owner of the memory', () => {
  test('an owner has no base', () => {
    expect(zeros(3).base).toBeNull();
    expect(fromBuffer(new ArrayBuffer(4), 'u1').base).toBeNull();
  });

  test('a view of a view points at the owner, not at the view in between', () => {
    const a = zeros(12, 'u1');
    const v = a.index('2:').view('<u2').reshape([5]).index('::-1');
    expect(v.base).toBe(a);
  });

  test('a reshape that had to copy is a view of the copy', () => {
    const a = grid();
    const r = a.index(':, :2').reshape([6]);
    expect(r.base).not.toBeNull();
    expect(r.base!.flags.ownData).toBe(true);
    expect(sharesMemory(r, a)).toBe(false);
  });

  test("reshape() with no shape is NumPy's TypeError, not a JS one about iterables", () => {
    expect(() => (grid().reshape as () => unknown)()).toThrow(new TypeError('reshape() takes exactly 1 argument (0 given)'));
    expect(grid().reshape([12]).index(5).reshape([]).ndim).toBe(0);
    expect(() => grid().reshape(null as never)).toThrow(new TypeError('reshape(): shape must be an integer or a list of integers, got null'));
    expect(() => grid().expandDims(null as never)).toThrow(new TypeError('expandDims(): axis must be an integer or a list of integers, got null'));
    expect(grid().expandDims(1n as never).shape).toEqual([3, 1, 4]);
  });

  test('a copy is its own owner', () => {
    const c = grid().copy();
    expect(c.base).toBeNull();
    expect(c.flags.ownData).toBe(true);
  });
});

describe("the views a program repeats (view(dtype), index(string), field, T) keep every view's rules", () => {
  // These four skip the general view path (ndarray.ts's viewOf); each case
  // is one of the rules that path applies.
  const rec = { names: ['a', 'b'], formats: ['<u2', '<u2'] };
  const fourViews = (x: NdArray) => [x.view('<u2'), x.index('::-1'), x.T, x.view(rec).field('b')];

  test('the base is the owner, the flags are a view\'s, and each reads its own layout', () => {
    const a = arange(8, '<u2').view('<u4');
    for (const v of [...fourViews(a), ...fourViews(a.index('1:'))]) {
      expect(v.base).toBe(a.base);
      expect(v.flags.ownData).toBe(false);
      expect(v.flags.writeable).toBe(true);
    }
    const [u2, rev, t, b] = fourViews(a);
    expect(u2.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rev.toArray()).toEqual([0x00070006, 0x00050004, 0x00030002, 0x00010000]);
    expect(t.get(1)).toBe(0x00030002);
    expect(b.toArray()).toEqual([1, 3, 5, 7]);
  });

  test('a view made again after the writeable flag changed has the new flag (and refuses writes)', () => {
    const a = arange(4, '<u4');
    const before = a.index('1:');
    a.flags.writeable = false;
    for (const v of fourViews(a)) {
      expect(v.flags.writeable).toBe(false);
      expect(() => v.set(0, 1)).toThrow('assignment destination is read-only');
    }
    expect(before.flags.writeable).toBe(true);
    before.set(0, 9);
    expect(a.get(1)).toBe(9);
  });

  test('views of a locked view stay locked; views of a scalar-like copy are writeable', () => {
    const locked = asStrided(arange(4, '<u4'), [4], [4], { writeable: false });
    for (const v of fourViews(locked)) {
      expect(v.flags.writeable).toBe(false);
      expect(() => {
        v.flags.writeable = true;
      }).toThrow('cannot set WRITEABLE flag to True of this array');
    }
    const scalar = arange(1, '<u4').reshape([]).flip();
    expect(scalar.flags.writeable).toBe(false);
    for (const v of [scalar.view('<i4'), scalar.index('...'), scalar.T]) expect(v.flags.writeable).toBe(true);
  });

  test("a subclass's views keep its class and call its arrayFinalize", () => {
    const seen: NdArray[] = [];
    class Tagged extends NdArray {
      override arrayFinalize(from: NdArray | null): void {
        if (from !== null) seen.push(from);
      }
    }
    const a = arange(8, '<u2').view(Tagged);
    seen.length = 0;
    for (const v of fourViews(a)) expect(v).toBeInstanceOf(Tagged);
    expect(seen.length).toBe(5); // view(rec) then field('b') is two views
  });
});

describe('view(dtype)', () => {
  test('a smaller dtype multiplies the last axis', () => {
    const b = arange(3, '<i4').view('<i2');
    expect([b.shape, b.strides, b.toArray()]).toEqual([[6], [2], [0, 0, 1, 0, 2, 0]]);
  });

  test('a larger dtype divides the last axis', () => {
    const b = grid().view('<i4');
    expect([b.shape, b.strides]).toEqual([[3, 2], [8, 4]]);
  });

  test('view() with no dtype is a new view of the same dtype', () => {
    const a = grid();
    const v = a.view();
    expect(v).not.toBe(a);
    expect([v.shape, v.strides, v.offset, v.dtype.str]).toEqual([a.shape, a.strides, a.offset, '<i2']);
  });

  test('a different itemsize needs a contiguous last axis', () => {
    expect(() => grid().index(':, ::2').view('<i4')).toThrow('the last axis must be contiguous');
  });

  test('a 0-d array can change dtype only at the same itemsize', () => {
    const z = grid().index('1, 1');
    expect(z.view('<u2').get()).toBe(5);
    expect(() => z.view('u1')).toThrow('Changing the dtype of a 0d array is only supported if the itemsize is unchanged');
  });

  test('a larger dtype must divide the bytes of the last axis', () => {
    expect(() => arange(3, 'u1').view('<i2')).toThrow('its size must be a divisor of the total size in bytes of the last axis');
  });

  test('a subarray dtype of the same itemsize appends its axes', () => {
    const v = arange(6, '<f8').view({ base: '<f4', shape: [2] });
    expect([v.shape, v.strides, v.dtype.str]).toEqual([[6, 2], [8, 4], '<f4']);
  });

  test('a subarray dtype of another itemsize is refused, as in NumPy', () => {
    expect(() => arange(12, '<f4').view({ base: '<f4', shape: [3] })).toThrow(
      'Changing the dtype to a subarray type is only supported if the total itemsize is unchanged',
    );
  });

  test('view(Subclass) keeps the data and changes the class; views keep the class', () => {
    class Tagged extends NdArray {}
    const t = grid().view(Tagged);
    expect(t).toBeInstanceOf(Tagged);
    expect(t.index('0')).toBeInstanceOf(Tagged);
    expect(t.view('<u2')).toBeInstanceOf(Tagged);
  });

  test('method shorthands: std/var (a number with no argument, as mean), cumsum/cumprod, round, conj, choose, tolist, as their functions', () => {
    const a = mm.array([[1.5, -2.25, 3], [4, 5.5, -6]]);
    expect(a.std()).toBe(mm.std(a).get());
    expect(a.var()).toBe(mm.variance(a).get());
    expect(a.std(1, { ddof: 1 }).toArray()).toEqual(mm.std(a, 1, { ddof: 1 }).toArray());
    expect(a.var({ axis: 0 }).toArray()).toEqual(mm.variance(a, { axis: 0 }).toArray());
    expect(a.cumsum().toArray()).toEqual([1.5, -0.75, 2.25, 6.25, 11.75, 5.75]);
    expect(a.cumprod(1).toArray()).toEqual(mm.cumprod(a, 1).toArray());
    expect(a.round().toArray()).toEqual([[2, -2, 3], [4, 6, -6]]);
    expect(a.round(1).toArray()).toEqual(mm.round(a, 1).toArray());
    const z = mm.array([{ re: 1, im: 2 }]);
    expect(z.conj().get(0)).toEqual({ re: 1, im: -2 });
    expect(z.conjugate().get(0)).toEqual({ re: 1, im: -2 });
    expect(mm.array([0, 1, 0]).choose([mm.array([1, 2, 3]), mm.array([10, 20, 30])]).toArray()).toEqual([1n, 20n, 3n]);
    expect(a.tolist()).toEqual(a.toArray());
    expect(zeros([]).tolist()).toBe(0);
  });

  test("setflags, device and toDevice as NumPy's", () => {
    const a = zeros([3]);
    a.setflags(false);
    expect(a.flags.writeable).toBe(false);
    a.setflags(true);
    expect(a.flags.writeable).toBe(true);
    expect(() => a.setflags(null, null, true)).toThrow(new ValueError('cannot set WRITEBACKIFCOPY flag to True'));
    const misaligned = ndarray([2], '<i4', new Uint8Array(9).subarray(1));
    expect(() => misaligned.setflags(null, true)).toThrow(new ValueError('cannot set aligned flag of mis-aligned array to True'));
    // NumPy's keywords as one object; an object as the first flag was truthy (writeable).
    const b = zeros([2]);
    b.setflags({ write: false });
    expect(b.flags.writeable).toBe(false);
    b.setflags({ write: true, uic: false });
    expect(b.flags.writeable).toBe(true);
    b.setflags(0 as never);
    expect(b.flags.writeable).toBe(false);
    expect(() => b.setflags({ writeable: true } as never)).toThrow("setflags() got an unexpected keyword argument 'writeable'");
    expect(() => b.setflags('yes' as never)).toThrow("setflags(): write must be a boolean, got 'yes'");
    expect(() => b.setflags({ write: true }, null)).toThrow('setflags() takes its flags positionally or as one object, not both');
    expect(b.flags.writeable).toBe(false);
    expect(a.device).toBe('cpu');
    expect(a.toDevice('cpu')).toBe(a);
    expect(() => a.toDevice('gpu')).toThrow(new ValueError("Unsupported device: gpu. Only 'cpu' is accepted."));
  });

  test("mT swaps the last two axes (a view, NumPy 2's a.mT); under two axes NumPy's ValueError", () => {
    const a = arange(24).astype('<f8').reshape([2, 3, 4]);
    const t = a.mT;
    expect([t.shape, t.strides]).toEqual([[2, 4, 3], [96, 8, 32]]);
    expect(sharesMemory(t, a)).toBe(true);
    expect(t.get(1, 3, 2)).toBe(a.get(1, 2, 3));
    class Tagged extends NdArray {}
    expect(grid().view(Tagged).mT).toBeInstanceOf(Tagged);
    for (const v of [arange(3), zeros([])]) expect(() => v.mT).toThrow(new ValueError('matrix transpose with ndim < 2 is undefined'));
  });

  test('T of a subclass is the reversed view even when the subclass overrides transpose (as NumPy: .T never calls it)', () => {
    class Odd extends NdArray {
      override transpose(): this {
        throw new Error('not called by T');
      }
    }
    const t = grid().view(Odd).T;
    expect(t).toBeInstanceOf(Odd);
    expect(t.shape).toEqual([...grid().shape].reverse());
    expect(t.strides).toEqual([...grid().strides].reverse());
    expect(t.get(1, 0)).toBe(grid().get(0, 1));
  });

  test('arrayFinalize is called with the array a view came from', () => {
    const seen: (NdArray | null)[] = [];
    class Watched extends NdArray {
      override arrayFinalize(from: NdArray | null): void {
        seen.push(from);
      }
    }
    const a = grid();
    const w = a.view(Watched);
    w.index('0');
    expect(seen).toEqual([a, w]);
  });

  test('copies keep the subclass, as in NumPy, and arrayFinalize sees the original', () => {
    const seen: (NdArray | null)[] = [];
    class Watched extends NdArray {
      override arrayFinalize(from: NdArray | null): void {
        seen.push(from);
      }
    }
    const w = grid().view(Watched);
    seen.length = 0;
    const c = w.copy();
    const cast = w.astype('<f4');
    const swapped = w.byteswap();
    expect([c, cast, swapped].every((x) => x instanceof Watched)).toBe(true);
    expect(seen).toEqual([w, w, w]);
    expect(c.flags.ownData).toBe(true);
    expect(c.base).toBeNull();
  });

  test('view(cls) rejects a class that is not an NdArray', () => {
    expect(() => grid().view(Map as never)).toThrow(TypeError);
  });
});

describe('index, field and fields', () => {
  test('index() takes NumPy index text or index values, and they agree', () => {
    const a = arange(24, '<i2').reshape([2, 3, 4]);
    const s = a.index('1, ::-1, None, 1:3');
    const v = a.index(1, slice(null, null, -1), newaxis, slice(1, 3));
    expect([s.shape, s.strides, s.offset]).toEqual([v.shape, v.strides, v.offset]);
    expect(s.toArray()).toEqual([[[21, 22]], [[17, 18]], [[13, 14]]]);
  });

  test('an integer on every axis gives a 0-d view, not a value', () => {
    const z = grid().index('2, 3');
    expect(z).toBeInstanceOf(NdArray);
    expect([z.ndim, z.get(), z.toArray()]).toEqual([0, 11, 11]);
  });

  test('writes through an index view land in the array', () => {
    const a = grid();
    a.index(ellipsis, 0).set(-1);
    expect(a.toArray()).toEqual([[-1, 1, 2, 3], [-1, 5, 6, 7], [-1, 9, 10, 11]]);
  });

  test('index errors are IndexErrors', () => {
    expect(() => grid().index('3')).toThrow(IndexError);
    expect(() => grid().index('0, 0, 0')).toThrow('too many indices');
  });

  test('field() views one field: same strides, offset moved by the field offset', () => {
    const rec = zeros(4, [['id', '<u4'], ['value', '<f8']]);
    const v = rec.field('value');
    expect([v.shape, v.strides, v.offset, v.dtype.str]).toEqual([[4], [12], 4, '<f8']);
    v.set([1.5, 2.5, 3.5, 4.5]);
    expect(rec.get(2)).toEqual({ id: 0, value: 3.5 });
  });

  test('a subarray field adds its axes', () => {
    const rec = zeros(3, [['x', '<i4'], ['y', '<f8', [2]]]);
    expect([rec.field('y').shape, rec.field('y').strides]).toEqual([[3, 2], [20, 8]]);
  });

  test('an unknown field names the fields there are', () => {
    const rec = zeros(1, [['x', '<i4'], ['y', '<i4']]);
    expect(() => rec.field('z')).toThrow("no field of name z; fields are 'x', 'y'");
    expect(() => grid().field('z')).toThrow('dtype <i2 has no fields');
  });

  test('fields() keeps the original offsets and itemsize (NumPy ≥ 1.16)', () => {
    const rec = zeros(2, [['a', 'u1'], ['b', '<i4'], ['c', '<f8']]);
    const v = rec.fields(['c', 'a']);
    expect(v.dtype.itemsize).toBe(rec.dtype.itemsize);
    expect(v.dtype.fields!.c.offset).toBe(5);
    expect(v.get(0)).toEqual({ c: 0, a: 0 });
  });

  test('fields() refuses unknown and repeated names', () => {
    const rec = zeros(1, [['a', 'u1'], ['b', 'u1']]);
    expect(() => rec.fields(['q'])).toThrow(KeyError);
    expect(() => rec.fields(['a', 'a'])).toThrow("duplicate field of name 'a'");
    // A plain dtype: NumPy's `a[['a']]` is an invalid index, not a field lookup.
    expect(() => grid().fields(['a'])).toThrow(IndexError);
    expect(() => grid().fields(['a'])).toThrow('only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
    expect(() => grid().field('a')).toThrow(IndexError);
  });
});

describe('reshape, ravel and axis permutations', () => {
  test('reshape of a contiguous array is a view', () => {
    const a = grid();
    const r = a.reshape([2, -1]);
    expect(r.shape).toEqual([2, 6]);
    expect(sharesMemory(r, a)).toBe(true);
  });

  test('reshape in F order reads the elements column-major', () => {
    expect(arange(6, '<i2').reshape([2, 3], 'F').toArray()).toEqual([[0, 2, 4], [1, 3, 5]]);
  });

  test('reshape that strides cannot express copies', () => {
    const a = grid();
    const r = a.index(':, :2').reshape(-1);
    expect(r.toArray()).toEqual([0, 1, 4, 5, 8, 9]);
    expect(sharesMemory(r, a)).toBe(false);
  });

  test('reshape errors are worded as in NumPy', () => {
    expect(() => grid().reshape([5, -1])).toThrow('cannot reshape array of size 12 into shape (5,newaxis)');
    expect(() => grid().reshape([-1, -1])).toThrow('can only specify one unknown dimension');
    expect(() => grid().reshape([2, 2], 'K' as never)).toThrow(ValueError);
  });

  test('ravel is a view when contiguous in the order, a copy otherwise', () => {
    const a = grid();
    expect(sharesMemory(a.ravel(), a)).toBe(true);
    expect(a.ravel('F').toArray()).toEqual([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    expect(sharesMemory(a.ravel('F'), a)).toBe(false);
    expect(sharesMemory(a.T.ravel('K'), a)).toBe(true);
    expect(a.T.ravel('K').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('transpose reverses or permutes axes; T is transpose()', () => {
    const a = arange(24, '<i2').reshape([2, 3, 4]);
    expect(a.T.shape).toEqual([4, 3, 2]);
    expect(a.transpose([1, 0, 2]).strides).toEqual([8, 24, 2]);
    expect(a.transpose([-1, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(() => a.transpose([0, 1])).toThrow("axes don't match array");
    expect(() => a.transpose([0, 1, 1])).toThrow('repeated axis');
  });

  test('swapaxes exchanges two axes', () => {
    const a = arange(24, '<i2').reshape([2, 3, 4]);
    expect(a.swapaxes(0, -1).shape).toEqual([4, 3, 2]);
    expect(() => a.swapaxes(0, 3)).toThrow(AxisError);
  });

  test('squeeze removes length-1 axes, all or the ones named', () => {
    const a = zeros([1, 3, 1]);
    expect(a.squeeze().shape).toEqual([3]);
    expect(a.squeeze(2).shape).toEqual([1, 3]);
    expect(() => a.squeeze(1)).toThrow('cannot select an axis to squeeze out which has size not equal to one');
  });

  test('expandDims inserts length-1 axes at positions of the result', () => {
    expect(zeros(3).expandDims([0, 2]).shape).toEqual([1, 3, 1]);
    expect(zeros(3).expandDims(-1).shape).toEqual([3, 1]);
  });

  test('flip is a view with negative strides', () => {
    const a = grid();
    const f = a.flip(1);
    expect([f.strides, f.offset]).toEqual([[8, -2], 6]);
    expect(f.toArray()).toEqual([[3, 2, 1, 0], [7, 6, 5, 4], [11, 10, 9, 8]]);
    expect(a.flip().get(0, 0)).toBe(11);
  });
});

describe('byte order', () => {
  test('newbyteorder reads the same bytes the other way; byteswap moves the bytes', () => {
    const bytes = Uint8Array.from([0, 0, 0, 1]);
    const be = fromBuffer(bytes, '>u4');
    expect(be.get(0)).toBe(1);
    expect(be.newbyteorder().get(0)).toBe(0x01000000);
    expect(be.newbyteorder().dtype.str).toBe('<u4');
    const swapped = be.byteswap();
    expect([swapped.get(0), swapped.dtype.str]).toEqual([0x01000000, '>u4']);
    expect(Array.from(bytes)).toEqual([0, 0, 0, 1]);
  });
});

describe('element access', () => {
  test('get() takes one index per axis; negative ones count from the end', () => {
    const a = grid();
    expect([a.get(0, 0), a.get(-1, -1), a.get(1, -4)]).toEqual([0, 11, 4]);
  });

  test('get() refuses wrong counts and out-of-range or fractional indices', () => {
    const a = grid();
    expect(() => a.get(3, 0)).toThrow('index 3 is out of bounds for axis 0 with size 3');
    expect(() => a.get(0)).toThrow('get() needs 2 indices for a 2-d array, got 1');
    expect(() => a.get(0.5, 0)).toThrow(IndexError);
  });

  test('a 0-d array reads with get() and no index', () => {
    expect(grid().index('1, 2').get()).toBe(6);
  });

  test('values follow the mapping: bool, number, bigint, complex, bytes, records', () => {
    const buf = new ArrayBuffer(16);
    new Float32Array(buf).set([1, 2, 3, -4]);
    expect(fromBuffer(buf, 'b1').get(3)).toBe(true);
    expect(fromBuffer(buf, '<f4').get(3)).toBe(-4);
    expect(fromBuffer(buf, '<i8').get(0)).toBe(0x400000003f800000n);
    expect(fromBuffer(buf, '<c8').get(1)).toEqual({ re: 3, im: -4 });
    expect(fromBuffer(Uint8Array.from([104, 105, 0, 0]), 'S4').get(0)).toEqual(Uint8Array.from([104, 105]));
    expect(fromBuffer(Uint8Array.from([104, 105, 0, 0]), 'V4').get(0)).toEqual(Uint8Array.from([104, 105, 0, 0]));
    expect(fromBuffer(buf, [['a', '<f4'], ['b', '<f4']]).get(1)).toEqual({ a: 3, b: -4 });
  });

  test('toArray() is NumPy tolist(): nested arrays, or the bare value of a 0-d array', () => {
    expect(grid().index('::2, 1:3').toArray()).toEqual([[1, 2], [9, 10]]);
    expect(grid().index('0, 0').toArray()).toBe(0);
    expect(zeros([2, 0]).toArray()).toEqual([[], []]);
  });
});

describe('iteration', () => {
  test('a 1-d array yields its values', () => {
    expect([...arange(3, 'i1')]).toEqual([0, 1, 2]);
  });

  test('an n-d array yields views of its rows', () => {
    const a = grid();
    const rows = [...a];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBeInstanceOf(NdArray);
    expect((rows[1] as NdArray).toArray()).toEqual([4, 5, 6, 7]);
    (rows[1] as NdArray).set(0);
    expect(a.get(1, 3)).toBe(0);
  });

  test('a 0-d array cannot be iterated', () => {
    expect(() => [...grid().index('0, 0')]).toThrow('iteration over a 0-d array');
  });
});

describe('text output', () => {
  test("toString() is NumPy's repr (test/repr.test.ts compares with NumPy)", () => {
    expect(String(grid())).toBe('array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]], dtype=int16)');
    expect(String(arange(3, 'u1').view('b1'))).toBe('array([False,  True,  True])');
    expect(String(fromBuffer(new Float32Array([1, 2, 3, -4]), '<c8'))).toBe('array([1.+2.j, 3.-4.j], dtype=complex64)');
    expect(String(fromBuffer(new Float64Array([0, 1.5, -0, NaN, Infinity]), '<f8'))).toBe('array([ 0. ,  1.5, -0. ,  nan,  inf])');
    expect(String(zeros(1, [['a', '<i4'], ['s', 'S2']]))).toBe("array([(0, b'')], dtype=[('a', '<i4'), ('s', 'S2')])");
  });

  test('an empty array shows its shape, as NumPy does', () => {
    expect(String(zeros([2, 0], '<f4'))).toBe('array([], shape=(2, 0), dtype=float32)');
  });

  test('more than 1000 elements are summarized with ... per axis', () => {
    expect(String(arange(2000, '<i4'))).toBe('array([   0,    1,    2, ..., 1997, 1998, 1999],\n      shape=(2000,), dtype=int32)');
  });

  test('inspect() shows class, dtype, shape, strides, offset and layout before the values', () => {
    expect(inspect(grid().index('::-1, ::2'))).toBe(
      'NdArray<<i2> shape [3, 2] strides [-8, 4] offset 16 strided\narray([[ 8, 10],\n       [ 4,  6],\n       [ 0,  2]], dtype=int16)',
    );
    expect(inspect(zeros(3, '<f4')).split('\n')[0]).toBe('NdArray<<f4> shape [3] strides [4] offset 0 CF');
    expect(inspect(zeros([2, 2], '<f8', 'F')).split('\n')[0]).toBe('NdArray<<f8> shape [2, 2] strides [8, 16] offset 0 F');
  });

  test('inspect() marks read-only arrays and names subclasses', () => {
    class Image extends NdArray {}
    const ro = fromBuffer(new Uint8Array(2), 'u1', { readonly: true }).view(Image);
    expect(inspect(ro).split('\n')[0]).toBe('Image<|u1> shape [2] strides [1] offset 0 CF read-only');
  });
});

// --------------------------------------------------------- NumPy cross-checks

interface ViewCase {
  expr: string;
  shape: number[];
  strides: number[];
  offset: number;
  values: unknown;
  view: boolean;
}

describeWithNumpy('views against NumPy', () => {
  // The same expressions in Python and in this library, over a (2, 3, 4) int16 arange.
  const cases: [string, (a: NdArray) => NdArray][] = [
    ['a[1, ::-1, None, 1:3]', (a) => a.index('1, ::-1, None, 1:3')],
    ['a.transpose(1, 0, 2)[::2]', (a) => a.transpose([1, 0, 2]).index('::2')],
    ['a.swapaxes(0, 2).reshape(4, 6)', (a) => a.swapaxes(0, 2).reshape([4, 6])],
    ['a[:, 1].reshape(-1)', (a) => a.index(':, 1').reshape(-1)],
    ['a[:, :, ::2].reshape(-1)', (a) => a.index(':, :, ::2').reshape(-1)],
    ['a.reshape(4, 6, order="F")', (a) => a.reshape([4, 6], 'F')],
    ['a.T.ravel()', (a) => a.T.ravel()],
    ['a.T.ravel("A")', (a) => a.T.ravel('A')],
    ['a[::-1].ravel("K")', (a) => a.index('::-1').ravel('K')],
    ['np.flip(a, (0, 2))', (a) => a.flip([0, 2])],
    ['np.expand_dims(a[0], (0, -1))', (a) => a.index('0').expandDims([0, -1])],
    ['a[:, :1].squeeze()', (a) => a.index(':, :1').squeeze()],
    ['a.view(np.int8)[..., ::2]', (a) => a.view('i1').index('..., ::2')],
    ['a[:, 1:].view("<i4")', (a) => a.index(':, 1:, :').view('<i4')],
    ['a.view(">u2")[1, 2]', (a) => a.view('>u2').index('1, 2')],
  ];

  test.each(cases.map(([e]) => [e]))('%s', (expr) => {
    const want = runNumpy<ViewCase>(String.raw`
a = np.arange(24, dtype='<i2').reshape(2, 3, 4)
v = ${expr}
print(json.dumps(dict(expr=${JSON.stringify(expr)}, shape=list(v.shape), strides=list(v.strides),
    offset=v.__array_interface__['data'][0] - a.__array_interface__['data'][0] if np.shares_memory(a, v) else None,
    values=v.tolist(), view=bool(np.shares_memory(a, v)))))
`);
    const a = arange(24, '<i2').reshape([2, 3, 4]);
    const v = cases.find(([e]) => e === expr)![1](a);
    const view = sharesMemory(v, a);
    const got = { expr, shape: v.shape, strides: v.strides, offset: view ? v.offset : null, values: v.toArray(), view };
    expect(got).toEqual(want);
  });
});

describe('astype options: order, casting, copy (NumPy keywords)', () => {
  test('casting refuses a cast its rule does not allow, before anything is copied, with NumPy message', () => {
    const a = arange(3).astype('f8');
    expect(() => a.astype('i4', { casting: 'safe' })).toThrow("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
    expect(a.astype('f4', { casting: 'same_kind' }).dtype.str).toBe('<f4');
    expect(() => a.astype('>f8', { casting: 'no' })).toThrow(TypeError);
    expect(a.astype('>f8', { casting: 'equiv' }).toArray()).toEqual([0, 1, 2]);
    expect(() => a.astype('f8', { casting: 'sometimes' as never })).toThrow(ValueError);
  });

  test('copy: false returns the array itself only when dtype and order need no copy', () => {
    const a = arange(6).reshape([2, 3]);
    expect(a.astype('i8', { copy: false })).toBe(a);
    expect(a.astype('<i8', { copy: false, order: 'A' })).toBe(a);
    expect(a.astype('i8', { copy: false, order: 'F' })).not.toBe(a);
    const t = a.T;
    expect(t.astype('i8', { copy: false, order: 'F' })).toBe(t);
    expect(a.astype('>i8', { copy: false })).not.toBe(a);
    expect(a.astype('i8', { copy: true })).not.toBe(a);
    expect(() => a.astype('i8', { copy: 1 as never })).toThrow(TypeError);
  });

  test('the order string form still works', () => {
    expect(arange(6).reshape([2, 3]).astype('f4', 'F').flags.fContiguous).toBe(true);
  });
});

test("set() of one item with an integer per axis refuses a sequence, as NumPy's a[0] = [1] (ValueError); a[...] still broadcasts", () => {
  const a = zeros(2);
  expect(() => a.set(0, [1])).toThrow('setting an array element with a sequence.');
  expect(() => a.set('1', [1])).toThrow(ValueError);
  expect(() => a.set(0, zeros(1))).toThrow(ValueError);
  const m = zeros([2, 2]);
  expect(() => m.set([1, 1], [5])).toThrow(ValueError);
  m.set(1, [5, 6]); // a row: a view, broadcast as NumPy's m[1] = [5, 6]
  expect(m.toArray()).toEqual([[0, 0], [5, 6]]);
  const c = zeros([], 'f8');
  c.set([ellipsis], zeros(1)); // c[...] = np.array([0.]) broadcasts
  expect(() => c.set([], [1])).toThrow(ValueError);
  // complex items take [re, im], records take arrays in field order (README "Values")
  const z = zeros(1, 'c16');
  z.set(0, [1, 2]);
  expect(z.get(0)).toEqual({ re: 1, im: 2 });
  const r = zeros(1, [['x', 'i4'], ['y', 'i4']]);
  r.set(0, [3, 4]);
  expect(r.get(0)).toEqual({ x: 3, y: 4 });
});

describe("real and imag (NumPy's a.real / a.imag)", () => {
  test('complex: views of each part, in the byte order and strides of the array, writable through', () => {
    const z = fromBuffer(new Float32Array([1, 2, 3, 4, 5, 6]), '<c8');
    expect(z.real.dtype.str).toBe('<f4');
    expect(z.real.strides).toEqual([8]);
    expect(z.real.toArray()).toEqual([1, 3, 5]);
    expect(z.imag.toArray()).toEqual([2, 4, 6]);
    expect(z.imag.offset).toBe(z.offset + 4);
    z.imag.index('::2').fill(0);
    expect(z.toArray()).toEqual([{ re: 1, im: 0 }, { re: 3, im: 4 }, { re: 5, im: 0 }]);
    const be = z.astype('>c16').index('::-1');
    expect(be.real.dtype.str).toBe('>f8');
    expect(be.imag.strides).toEqual([-16]);
    expect(be.imag.toArray()).toEqual([0, 4, 0]);
  });

  test('real of a non-complex array is the array itself; imag a read-only zeros copy', () => {
    const a = fromBuffer(new Float64Array([1, 2]), '<f8');
    expect(a.real).toBe(a);
    const i = a.imag;
    expect(i.toArray()).toEqual([0, 0]);
    expect(i.flags.writeable).toBe(false);
    expect(i.dtype.str).toBe('<f8');
    expect(a.toArray()).toEqual([1, 2]);
  });
});

describeWithNumpy("getfield, setfield and dot: NumPy's ndarray methods", () => {
  test('getfield is a view of any dtype at a byte offset within each item, as NumPy', () => {
    const rec = mm.asarray([[1, 2.5], [3, -4.25]].map(([x, y]) => ({ x, y })), [['x', '<i4'], ['y', '<f8']]);
    const u4 = mm.asarray([1, 65536 * 3 + 2, 4294967295], '<u4');
    const cases: Case[] = [
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('<u2', 2)", js: () => u4.getfield('<u2', 2) },
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('<u2')", js: () => u4.getfield('<u2') },
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('>u2', 1)", js: () => u4.getfield('>u2', 1) },
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('(2,)u1', 2)", js: () => u4.getfield('(2,)u1', 2) },
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('<u4', 1)", js: () => u4.getfield('<u4', 1) },
      { py: "np.array([1, 65536 * 3 + 2, 4294967295], '<u4').getfield('<u2', -1)", js: () => u4.getfield('<u2', -1) },
      { py: "np.array([(1, 2.5), (3, -4.25)], [('x', '<i4'), ('y', '<f8')]).getfield('<f8', 4)", js: () => rec.getfield('<f8', 4) },
      { py: "np.array([1, 2], '<u2').getfield('<u4')", js: () => mm.asarray([1, 2], '<u2').getfield('<u4') },
      { py: "np.array([(1, 2.5), (3, -4.25)], [('x', '<i4'), ('y', '<f8')]).getfield('<i4', 0)", js: () => rec.getfield('<i4', 0) },
    ];
    expectCasesLikeNumpy(cases);
    // A view: writes reach the parent; writeable as the parent is.
    const a = mm.asarray([1, 2], '<u4');
    a.getfield('<u2', 2).set([1, 2]);
    expect(a.toArray()).toEqual([65537, 131074]);
    expect(sharesMemory(a.getfield('<u2', 2), a)).toBe(true);
    a.flags.writeable = false;
    expect(a.getfield('<u2').flags.writeable).toBe(false);
  });

  test('setfield writes a value (broadcast and cast) into getfield, and refuses a read-only array', () => {
    const want = runNumpy<unknown[]>(`
a = np.zeros(3, '<u4'); a.setfield(1, '<u2', 2)
b = np.zeros(3, '<u4'); b.setfield([1, 2, 3], '<u1', 0)
c = np.zeros((2, 2), '<f8'); c.setfield(np.array([1.5, -2]), '<f4', 4)
print(json.dumps([a.tolist(), b.tolist(), c.view('<u4').tolist()]))`);
    const a = mm.zeros([3], '<u4');
    a.setfield(1, '<u2', 2);
    const b = mm.zeros([3], '<u4');
    b.setfield([1, 2, 3], '<u1', 0);
    const c = mm.zeros([2, 2], '<f8');
    c.setfield(mm.asarray([1.5, -2]), '<f4', 4);
    expect([a.toArray(), b.toArray(), c.view('<u4').toArray()]).toEqual(want);
    const r = mm.zeros([2], '<u4');
    r.flags.writeable = false;
    expect(() => r.setfield(1, '<u2')).toThrow(AccessError);
    expect(() => mm.zeros([2], '<u2').setfield(1, '<u4')).toThrow(new ValueError('new type is larger than original type'));
    expect(() => mm.zeros([2], '<u4').getfield('u1', 1.5)).toThrow(new TypeError('getfield(): offset must be an integer, got 1.5'));
  });

  test('a.dot(b, out) is dot(a, b, out)', () => {
    const a = mm.asarray([[1, 2], [3, 4]], '<f8');
    expect(a.dot([1, 1]).toArray()).toEqual([3, 7]);
    expect(a.dot(a).toArray()).toEqual([[7, 10], [15, 22]]);
    const out = mm.zeros([2, 2]);
    expect(a.dot(a, out)).toBe(out);
    expect(a.dot(a, { out }).toArray()).toEqual([[7, 10], [15, 22]]);
    expect(() => a.dot(mm.zeros([3]))).toThrow(/shapes \(2,2\) and \(3,\) not aligned/);
  });
});
