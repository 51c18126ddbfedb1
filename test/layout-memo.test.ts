// Layouts shared between views made the same way (lib/layout-memo.ts): a
// hit gives the same layout a fresh computation gives, the arrays shared
// are never handed out mutable, and nothing about a view but its layout
// arrays is remembered (closed mappings, writeability, offsets, errors).
import * as fs from 'fs';
import { arange, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { applyIndex, parseIndex } from '../lib/indexing';
import { shapeOf, stridesOf } from '../lib/internal';
import { viewLayout } from '../lib/layout';
import { fieldOf, indexLayout, reversedLayout, sharedViewLayout } from '../lib/layout-memo';
import { memmap } from '../lib/memmap';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-layout-memo-');

/** A small deterministic generator (the cases must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('indexLayout', () => {
  test('equals applyIndex on random layouts and index strings, hit or miss', () => {
    const r = rng(14);
    const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
    const bound = (n: number): string => (r() < 0.3 ? '' : String(int(-n - 2, n + 2)));
    const layouts = Array.from({ length: 6 }, () => {
      const nd = int(1, 3);
      const shape = Array.from({ length: nd }, () => int(0, 6));
      const strides = Array.from({ length: nd }, () => int(-3, 3) * 8);
      return { shape, strides };
    });
    let checked = 0;
    for (let k = 0; k < 400; k++) {
      const l = layouts[int(0, layouts.length - 1)];
      const items = l.shape.slice(0, int(1, l.shape.length)).map((n) => {
        const c = r();
        if (c < 0.2 && n > 0) return String(int(-n, n - 1));
        if (c < 0.3) return 'None';
        const step = r() < 0.5 ? '' : `:${[1, 2, -1, -3][int(0, 3)]}`;
        return `${bound(n)}:${bound(n)}${step}`;
      });
      const spec = items.join(', ');
      const want = applyIndex({ shape: l.shape, strides: l.strides, offset: 0 }, parseIndex(spec));
      // Twice: the second call is the memo's hit.
      for (let t = 0; t < 2; t++) {
        const got = indexLayout(spec, l.shape, l.strides);
        expect([got.shape, got.strides, got.delta]).toEqual([want.shape, want.strides, want.offset]);
        checked++;
      }
    }
    expect(checked).toBe(800);
  });

  test('an out-of-bounds index after a hit on a longer layout still throws, and the hit survives', () => {
    const long = [10];
    const short = [2];
    const st = [4];
    expect(indexLayout('5', long, st).delta).toBe(20);
    expect(() => indexLayout('5', short, st)).toThrow('index 5 is out of bounds for axis 0 with size 2');
    expect(indexLayout('5', long, st).delta).toBe(20);
  });

  test('views made by one string from one array share layout arrays; their offsets are their own', () => {
    const a = arange(24, '<i4').reshape([4, 6]);
    const v = a.index('::2, 1:-1:2');
    const w = a.index('::2, 1:-1:2');
    expect(shapeOf(v)).toBe(shapeOf(w));
    expect(stridesOf(v)).toBe(stridesOf(w));
    // Two fields have one layout (their parent's) and two offsets: each view of them reads its own field.
    const r = zeros([4], [['x', '<i4'], ['y', '<i4']]);
    for (let i = 0; i < 4; i++) r.set(i, [i, 10 * i]);
    const x = r.field('x').index('1:3');
    const y = r.field('y').index('1:3');
    expect(shapeOf(x)).toBe(shapeOf(y));
    expect(x.toArray()).toEqual([1, 2]);
    expect(y.toArray()).toEqual([10, 20]);
  });
});

describe('sharedViewLayout', () => {
  test('equals viewLayout for a string and for a DType, hit or miss', () => {
    const shape = [3, 8];
    const strides = [16, 2];
    for (const spec of ['<i4', '<i2', '|u1', '<f8', '(1,)<i2', '>u4']) {
      const want = viewLayout(shape, strides, 2, dtype(spec));
      for (const s of [spec, spec, dtype(spec), dtype(spec)]) {
        const got = sharedViewLayout(shape, strides, 2, s);
        expect([got.dtype.str, got.dtype.shape, got.shape, got.strides]).toEqual([want.dtype.str, want.dtype.shape, want.shape, want.strides]);
      }
    }
  });

  test('a list spec is parsed on each call: changing it between calls changes the view', () => {
    const a = zeros([4], '<i4');
    const spec = [['x', '<i2'], ['y', '<i2']] as [string, string][];
    expect(a.view(spec).dtype.names).toEqual(['x', 'y']);
    spec[1][0] = 'z';
    expect(a.view(spec).dtype.names).toEqual(['x', 'z']);
  });

  test('a refused view is refused again on the same layout (errors are not memoised)', () => {
    const a = zeros([4, 3], '<i2').index(':, ::2');
    expect(() => a.view('<i4')).toThrow('the last axis must be contiguous');
    expect(() => a.view('<i4')).toThrow('the last axis must be contiguous');
  });
});

describe('reversed layouts (T)', () => {
  test('T of two arrays in turn: each gets its own reversal', () => {
    const a = zeros([2, 3, 4], '<i2');
    const b = zeros([5, 6], '<f8');
    for (let k = 0; k < 3; k++) {
      expect(a.T.shape).toEqual([4, 3, 2]);
      expect(a.T.strides).toEqual([2, 8, 24]);
      expect(b.T.shape).toEqual([6, 5]);
      expect(b.T.strides).toEqual([8, 48]);
    }
    const s = [1, 2, 3];
    const t = [24, 8, 2];
    const first = reversedLayout(s, t).shape;
    expect(reversedLayout(s, t).shape).toBe(first);
    expect(reversedLayout(s, [24, 8, 2]).shape).not.toBe(first);
    expect(reversedLayout(s, t).strides).toEqual([2, 8, 24]);
  });
});

describe('what sharing must not change', () => {
  test('shared shapes and strides are handed out frozen: editing one throws and changes no view', () => {
    const a = zeros([4, 5], '<i2');
    const t1 = a.T;
    const t2 = a.T;
    expect(shapeOf(t1)).toBe(shapeOf(t2));
    expect(Object.isFrozen(t1.shape)).toBe(true);
    expect(() => {
      (t1.shape as number[])[0] = 100;
    }).toThrow(TypeError);
    expect(() => {
      (t2.strides as number[])[1] = 0;
    }).toThrow(TypeError);
    expect([t1.shape, t2.shape, a.T.shape]).toEqual([
      [5, 4],
      [5, 4],
      [5, 4],
    ]);
    expect(a.T.strides).toEqual([2, 10]);
  });

  test('views of a closed mapping throw even when their layout is memoised', () => {
    const p = tmp.path('closed.bin');
    fs.writeFileSync(p, Buffer.alloc(64));
    const m = memmap(p, { dtype: '<i2', mode: 'r', shape: [4, 8] });
    m.index('1:-1:2');
    m.view('<i4');
    m.T;
    m.close();
    for (const f of [() => m.index('1:-1:2'), () => m.view('<i4'), () => m.T]) {
      expect(f).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    }
  });

  test('writeability follows the source, not the view the memo was filled by', () => {
    const a = zeros([6], '<i4');
    const ro = a.index('::1');
    ro.flags.writeable = false;
    expect(a.index('1:-1:2').flags.writeable).toBe(true);
    const v = ro.index('1:-1:2');
    expect(v.flags.writeable).toBe(false);
    expect(() => v.set(0, 1)).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    expect(ro.view('<u4').flags.writeable).toBe(false);
    expect(a.view('<u4').flags.writeable).toBe(true);
    a.index('1:-1:2').set(0, 7);
    expect(a.toArray()).toEqual([0, 7, 0, 0, 0, 0]);
  });
});

describe('fieldOf', () => {
  test('finds fields of the dtype asked, hit or miss, and undefined for a missing name', () => {
    const a = dtype([['x', '<i4'], ['y', '<f8']]);
    const b = dtype([['x', '<f8'], ['z', '<u1']]);
    for (let k = 0; k < 2; k++) {
      expect(fieldOf(a, 'y')).toEqual({ dtype: dtype('<f8'), offset: 4 });
      expect(fieldOf(b, 'x')?.dtype.str).toBe('<f8');
      expect(fieldOf(a, 'x')?.dtype.str).toBe('<i4');
      expect(fieldOf(b, 'y')).toBeUndefined();
      expect(fieldOf(a, 'toString')).toBeUndefined();
      expect(fieldOf(dtype('<i4'), 'x')).toBeUndefined();
    }
  });

  test('a missing field after a hit on another dtype is still refused by field()', () => {
    const r = zeros([2], [['x', '<i4']]);
    const s = zeros([2], [['y', '<i4']]);
    r.field('x');
    expect(() => s.field('x' as 'y')).toThrow("no field of name x; fields are 'y'");
  });
});
