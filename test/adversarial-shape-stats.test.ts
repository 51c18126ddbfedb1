// Adversarial pass 5: hostile calls into the surface added in session 4
// (cumsum/cumprod with out, split/repeat/tile/roll, block, unravelIndex/
// ravelMultiIndex, the statistics). Each case pins a finding of this pass:
// what used to crash the process, hang, or answer instead of raising. Cases
// that crashed run in forked children (over dist/), beside a control child.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import * as L from '../lib';
import { NdArray } from '../lib';
import { MAX_SPLIT_PARTS } from '../lib/split';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-adv5-');

/** Runs `body` in a child node over dist/ (L in scope); its last stdout line, exit status and signal. */
function child(body: string): { status: number | null; signal: NodeJS.Signals | null; out: string; stderr: string } {
  const dist = path.resolve(__dirname, '../dist/index.js');
  const script = `const L = require(${JSON.stringify(dist)});\nconst r = (() => {\n${body}\n})();\nconsole.log(JSON.stringify(r));`;
  const r = spawnSync('bash', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath, '-e', script], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, signal: r.signal, out: r.stdout.trim().split('\n').pop() ?? '', stderr: r.stderr };
}

/** A native-order view of `dt` at byte `offset` of a fresh buffer: misaligned for offsets that are not multiples of its alignment. */
function at(offset: number, dt: string, n: number): NdArray {
  const itemsize = L.dtype(dt).itemsize;
  return L.fromBuffer(new ArrayBuffer(offset + n * itemsize), dt, { offset, count: n });
}

describe('cumsum/cumprod into a misaligned out of the accumulation dtype', () => {
  // The native kernel stored a row's results through its output cast, which
  // is null when out has the accumulation dtype in native order: a misaligned
  // such out (an odd offset of a buffer or a mapping) called a null function
  // pointer and the process died of SIGSEGV.
  test('a child that cumsums into a misaligned <f8 out lives (a control child first)', () => {
    const control = child(`const o = L.fromBuffer(new ArrayBuffer(8 * 41), '<f8', { offset: 8, count: 40 });
      L.cumsum(L.arange(40).astype('f8'), { out: o }); return o.get(39);`);
    expect(control).toMatchObject({ status: 0, signal: null, out: '780' });
    const r = child(`const o = L.fromBuffer(new ArrayBuffer(8 * 41), '<f8', { offset: 3, count: 40 });
      L.cumsum(L.arange(40).astype('f8'), { out: o }); return o.get(39);`);
    expect(r).toMatchObject({ status: 0, signal: null, out: '780' });
  });

  test.each([
    ['<f8', 3],
    ['<f8', 4],
    ['<f4', 1],
    ['<i8', 5],
    ['<i4', 2],
    ['<c16', 4],
    ['<c8', 2],
  ])('%s at byte offset %d: cumsum and cumprod give the aligned answers', (dt, offset) => {
    const a = L.arange(1, 21).astype(dt as 'f8');
    for (const f of [L.cumsum, L.cumprod]) {
      const o = at(offset, dt, 20);
      expect(o.flags.aligned).toBe(false);
      expect(f(a, { out: o })).toBe(o);
      expect(o.toArray()).toEqual(f(a).astype(dt as 'f8').toArray());
    }
  });

  test('along an outer axis and flattened, of a 2-d misaligned out', () => {
    const a = L.arange(1, 13).astype('f8').reshape(3, 4);
    for (const axis of [0, 1, null]) {
      const n = 12;
      const o = at(1, '<f8', n).reshape(axis === null ? [n] : [3, 4]);
      L.cumsum(a, { axis, out: o });
      expect(o.toArray()).toEqual(L.cumsum(a, { axis }).toArray());
    }
  });

  test('a misaligned out of a mapping', () => {
    const p = tmp.path('out.bin');
    const m = L.memmap(p, { dtype: '<f8', mode: 'w+', offset: 3, shape: [10] });
    L.cumsum(L.arange(10).astype('f8'), { out: m });
    expect(m.toArray()).toEqual([0, 1, 3, 6, 10, 15, 21, 28, 36, 45]);
    m.close();
  });
});

describe('cumsum/cumprod into an out with no add or multiply loop', () => {
  // A structured out took the JS path, whose final assignment broadcast each
  // running sum into every field: NumPy's UFuncTypeError, nothing stored.
  test.each([
    [[['x', '<f8']], 'cumsum', "ufunc 'add' did not contain a loop with signature matching types (dtype([('x', '<f8')]), dtype('float64')) -> None"],
    [[['x', '<f8'], ['y', '<i4']], 'cumprod', "ufunc 'multiply' did not contain a loop with signature matching types (dtype([('x', '<f8'), ('y', '<i4')]), dtype('float64')) -> None"],
    ['S3', 'cumsum', "ufunc 'add' did not contain a loop with signature matching types (dtype('S3'), dtype('float64')) -> None"],
    ['V8', 'cumsum', "ufunc 'add' did not contain a loop with signature matching types (dtype('V8'), dtype('float64')) -> None"],
  ])('out of dtype %j (%s): UFuncTypeError, out untouched', (dt, fn, message) => {
    const out = L.zeros([4], dt as 'f8');
    const bytes = (a: NdArray): unknown => a.view(L.dtype('|u1')).toArray();
    const before = bytes(out);
    const f = fn === 'cumsum' ? L.cumsum : L.cumprod;
    expect(() => f(L.arange(1, 5).astype('f8'), { out })).toThrow(expect.objectContaining({ name: 'UFuncTypeError', code: 'ERR_UFUNC_TYPE', message }));
    expect(bytes(out)).toEqual(before);
  });
});

describe('split into more parts than memory holds', () => {
  // arraySplit(arange(3), 2 ** 40) pushed split points until V8 aborted the
  // process ("Fatal JavaScript invalid size error"); 10^7 parts (a view of
  // about 400 bytes each) already fill the default heap. NumPy: MemoryError.
  test('a section count past 2^22 is a RangeError at once, in a child that lives', () => {
    const r = child(`try { L.arraySplit(L.arange(3), 2 ** 40); return 'no error'; } catch (e) { return [e.constructor.name, e.message]; }`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['RangeError', expect.stringContaining('cannot split into 1099511627776 parts')]);
  });

  test.each([
    ['arraySplit count', () => L.arraySplit(L.arange(3), MAX_SPLIT_PARTS + 1)],
    ['split count', () => L.split(L.zeros([0]), 2 ** 30)],
    ['arraySplit points', () => L.arraySplit(L.arange(3), new Array<number>(MAX_SPLIT_PARTS).fill(1))],
  ])('%s', (_name, f) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(expect.objectContaining({ code: 'ERR_OUT_OF_RANGE', message: expect.stringMatching(/at most 4194304 \(2\^22\)/) }));
  });
});

describe('roll by shifts whose sum is not a finite number', () => {
  // Shifts were added before the modulo: 1e308 + 1e308 is Infinity, and the
  // slices got NaN bounds (a TypeError about slice indices). Each shift is
  // now reduced modulo its axis as it is added, as NumPy's Python ints give.
  test('two shifts of 1e308 along one axis (1e308 % 6 is 2)', () => {
    expect(L.roll(L.arange(6), [1e308, 1e308]).toArray()).toEqual([2n, 3n, 4n, 5n, 0n, 1n]);
    expect(L.roll(L.arange(6), [1e308, 1e308], [0, 0]).toArray()).toEqual([2n, 3n, 4n, 5n, 0n, 1n]);
    expect(L.roll(L.arange(6).reshape(2, 3), [-1.7976931348623157e308, 1e308], 1).toArray()).toEqual(
      L.roll(L.arange(6).reshape(2, 3), (-1.7976931348623157e308 % 3) + (1e308 % 3), 1).toArray(),
    );
  });

  test('an empty shift or axis list rolls nothing (NumPy broadcasts to no pairs)', () => {
    expect(L.roll(L.arange(5), []).toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(L.roll(L.arange(5), [], 0).toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(L.roll(L.arange(5), 1, []).toArray()).toEqual([0n, 1n, 2n, 3n, 4n]);
  });
});

describe('unravelIndex / ravelMultiIndex with more than 64 dims', () => {
  // A million dims of 1 made a million int64 result arrays (17 s here);
  // NumPy refuses more than NPY_MAXDIMS before any work.
  test.each([
    ['unravelIndex', () => L.unravelIndex(0, new Array<number>(1e6).fill(1))],
    ['ravelMultiIndex', () => L.ravelMultiIndex(new Array<number>(1e5).fill(0), new Array<number>(1e5).fill(1))],
    ['unravelIndex, 65', () => L.unravelIndex(0, new Array<number>(65).fill(1))],
  ])('%s: NumPy\'s ValueError', (_name, f) => {
    expect(f).toThrow(expect.objectContaining({ code: 'ERR_VALUE', message: expect.stringMatching(/^maximum supported dimension for an ndarray is currently 64, found \d+$/) }));
  });

  test('64 dims still work', () => {
    expect(L.unravelIndex(0, new Array<number>(64).fill(1)).length).toBe(64);
    expect(Number(L.ravelMultiIndex(new Array<number>(64).fill(0), new Array<number>(64).fill(1)).get())).toBe(0);
  });
});

describe('block of lists that hold themselves, or nest past 64 levels', () => {
  // Each list level is an axis of the result; a self-holding list recursed
  // until the stack overflowed (a RangeError with no code; NumPy's RecursionError).
  test('a list that holds itself', () => {
    const x: unknown[] = [];
    x.push(x);
    expect(() => L.block(x as never)).toThrow(expect.objectContaining({ code: 'ERR_VALUE', message: 'maximum supported dimension for an ndarray is currently 64, found 65' }));
    const y: unknown[] = [L.arange(2)];
    y.push(y);
    expect(() => L.block(y as never)).toThrow(expect.objectContaining({ code: 'ERR_VALUE' }));
  });

  test('100000 levels deep, and 65; 64 still builds', () => {
    const nest = (k: number): unknown => {
      let v: unknown = 1;
      for (let i = 0; i < k; i++) v = [v];
      return v;
    };
    expect(() => L.block(nest(100000) as never)).toThrow(expect.objectContaining({ code: 'ERR_VALUE' }));
    expect(() => L.block(nest(65) as never)).toThrow('maximum supported dimension for an ndarray is currently 64, found 65');
    expect(L.block(nest(64) as never).ndim).toBe(64);
  });

  test('each list is read once: a getter that answers differently the second time changes nothing', () => {
    let reads = 0;
    const row = [L.arange(2), L.arange(2)];
    const tricky = new Proxy(row, {
      get(t, k, r) {
        if (k === '1') {
          reads++;
          // The second read (the old build pass) saw a scalar where the depth check saw an array.
          return reads === 1 ? t[1] : 7;
        }
        return Reflect.get(t, k, r) as unknown;
      },
    });
    expect(L.block([tricky, [L.arange(2), L.arange(2)]] as never).toArray()).toEqual([
      [0n, 1n, 0n, 1n],
      [0n, 1n, 0n, 1n],
    ]);
    expect(reads).toBe(1);
  });
});

describe('repeat and tile of empty arrays to shapes past 2^53', () => {
  // A zero axis made the result empty, so nothing checked the others:
  // shape [0, 3 * 2^60] (not even an exact JS integer). NumPy: "array is too big".
  test.each([
    ['repeat along the long axis', () => L.repeat(L.zeros([0, 3]), 2 ** 60, 1)],
    ['repeat by a list', () => L.repeat(L.zeros([3, 0]), [2 ** 52, 2 ** 52, 2 ** 52], 0)],
    ['tile', () => L.tile(L.zeros([0]), [2 ** 60, 2 ** 60])],
  ])('%s: ValueError', (_name, f) => {
    expect(f).toThrow(expect.objectContaining({ code: 'ERR_VALUE', message: expect.stringContaining('array is too big') }));
  });

  test('empty results within bounds still come back', () => {
    expect(L.repeat(L.zeros([0, 3]), 2 ** 40, 1).shape).toEqual([0, 3 * 2 ** 40]);
    expect(L.tile(L.zeros([0]), [2 ** 20, 2 ** 20]).shape).toEqual([2 ** 20, 0]);
  });
});

describe('sparse lists (holes) of length 2^32-1', () => {
  // A list with holes costs nothing to make; spreading it ([...v]) or mapping
  // it kept its 2^32-1 length: tile and roll aborted V8 (heap out of memory),
  // hstack and the other stackers ran for 10 minutes into a TypeError of no
  // message of ours. Every item is now read by index and checked as it comes.
  test('tile and roll refuse it at once, in a child that lives', () => {
    const r = child(`const out = [];
      for (const f of [() => L.tile(L.zeros([2]), new Array(2 ** 32 - 1)), () => L.roll(L.zeros([2]), new Array(2 ** 32 - 1))]) {
        try { f(); out.push('no error'); } catch (e) { out.push([e.constructor.name, e.message]); }
      }
      return out;`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      ['ValueError', 'maximum supported dimension for an ndarray is currently 64, found 4294967295'],
      ['TypeError', 'shift must hold integers, got undefined'],
    ]);
  });

  test('moveaxis (spread: heap out of memory) refuses it in a child that lives; repeat and split (map over every hole) at once', () => {
    const r = child(`try { L.moveaxis(L.zeros([2]), new Array(2 ** 32 - 1), new Array(2 ** 32 - 1)); return 'no error'; } catch (e) { return [e.constructor.name, e.message]; }`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'repeated axis in `source` argument']);
    expect(() => L.repeat(L.zeros([2]), new Array(2 ** 32 - 1))).toThrow("Cannot cast repeats undefined to int64 according to the rule 'safe'");
    expect(() => L.split(L.zeros([2]), new Array(2 ** 32 - 1))).toThrow(/cannot split into 4294967296 parts/);
    expect(() => L.arraySplit(L.zeros([2]), new Array(2 ** 32 - 1))).toThrow(RangeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => L.split(L.zeros([4]), [1, , 2] as never)).toThrow('slice indices must be integers, got undefined');
    expect(() => L.moveaxis(L.zeros([2, 3]), {} as never, 0)).toThrow(TypeError);
  });

  test.each([
    ['hstack', () => L.hstack(new Array(2 ** 32 - 1))],
    ['vstack', () => L.vstack(new Array(2 ** 32 - 1))],
    ['dstack', () => L.dstack(new Array(2 ** 32 - 1))],
    ['columnStack', () => L.columnStack(new Array(2 ** 32 - 1))],
    ['block', () => L.block(new Array(2 ** 32 - 1) as never)],
    ['roll axis', () => L.roll(L.zeros([2]), 1, new Array(2 ** 32 - 1))],
  ])('%s: a TypeError about the undefined item, at once', (_name, f) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(/undefined/);
  });

  test('a hole in a short list is refused as the undefined it reads as', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => L.hstack([L.arange(2), , L.arange(2)] as never)).toThrow(/undefined/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => L.tile(L.arange(2), [2, , 2] as never)).toThrow('reps must hold integers, got undefined');
  });
});

describe('the new functions over a 6 GiB sparse mapping, views across the 2^31 and 2^32 byte edges', () => {
  // Misaligned (offset 3) and aligned '<f8' views straddling the window
  // edges give what the same values in memory give; cumsum into such a view
  // is the case that crashed (a misaligned out of the accumulation dtype).
  const fns: [string, (x: NdArray) => unknown][] = [
    ['roll', (x) => L.roll(x, 7)],
    ['repeat', (x) => L.repeat(x, Array.from({ length: x.size }, (_, i) => i % 3))],
    ['tile', (x) => L.tile(x, [2, 1])],
    ['diff', (x) => L.diff(x, { n: 2, prepend: 1 })],
    ['cumsum', (x) => L.cumsum(x)],
    ['maximumAccumulate', (x) => L.maximumAccumulate(x)],
    ['quantile', (x) => L.quantile(x, [0, 0.3, 1])],
    ['nanmedian', (x) => L.nanmedian(x)],
    ['nanstd', (x) => L.nanstd(x)],
    ['average', (x) => L.average(x, { weights: L.abs(x) })],
    ['histogram', (x) => L.histogram(x, { bins: [-12, -3, 0, 4, 12], weights: x })],
    ['isin', (x) => L.isin(x, [0.5, -11, 3])],
    ['unique', (x) => L.unique(x).values],
    ['hstack', (x) => L.hstack([x, x])],
    ['arctan2', (x) => L.arctan2(x, 3)],
  ];
  const plainOf = (v: unknown): unknown => (v instanceof NdArray ? v.toArray() : Array.isArray(v) ? v.map(plainOf) : v);

  test.each([0, 3])('offset %d', (offset) => {
    const bytes = 6 * 2 ** 30 + 4096;
    const p = tmp.sparse(bytes, 'big.bin');
    const m = L.memmap(p, { dtype: '<f8', mode: 'r+', offset, shape: [Math.floor((bytes - offset) / 8)] });
    try {
      // Items at byte 2^31, 2^32 and 3 * 2^31 (less the offset).
      for (const e of [2 ** 28, 2 ** 29, 3 * 2 ** 28]) {
        for (let i = e - 20; i < e + 20; i++) m.set(i, ((i * 7919) % 23) - 11 + (i % 3 === 0 ? 0.5 : 0));
        m.set(e - 2, NaN);
        for (const spec of [`${e - 20}:${e + 20}`, `${e + 19}:${e - 21}:-1`, `${e - 20}:${e + 20}:3`]) {
          const v = m.index(spec);
          const c = v.copy();
          for (const [name, f] of fns) expect([spec, name, plainOf(f(v))]).toEqual([spec, name, plainOf(f(c))]);
          const before = v.copy();
          L.cumsum(c, { out: v });
          expect(v.toArray()).toEqual(L.cumsum(c).toArray());
          v.set(before);
        }
      }
    } finally {
      m.close();
      fs.rmSync(p);
    }
  });
});
