// lib/async-nan.ts: nanminAsync/nanmaxAsync give nanmin(a).get()/nanmax(a).get()
// bit for bit (NaNs scattered and in whole units, all NaN, a zero with one
// sign or both, every float layout, integer, bool, float16 and complex
// arrays, any thread count, a mapped file), reject with the sync errors, and
// abort.
import * as fs from 'fs';
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { randomArray, same, views } from './helpers/async-arrays';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-async-nan-');

/** `a` with NaN at every item of the flat C order that `nanAt` picks. */
function withNans(a: NdArray, nanAt: (i: number) => boolean): NdArray {
  const mask = Uint8Array.from({ length: a.size }, (_, i) => (nanAt(i) ? 1 : 0));
  return mm.where(mm.fromBuffer(mask.buffer, '|b1').reshape(a.shape), NaN, a).astype(a.dtype);
}

async function expectLikeSync(a: NdArray, threads: number[] = [1, 3]): Promise<void> {
  const want = [mm.nanmin(a).get(), mm.nanmax(a).get()];
  for (const t of threads) {
    const got = [await mm.nanminAsync(a, { threads: t }), await mm.nanmaxAsync(a, { threads: t })];
    for (let i = 0; i < 2; i++) {
      if (!same(got[i], want[i])) throw new Error(`${a.dtype.str} ${JSON.stringify(a.shape)} ${JSON.stringify(a.strides)} threads=${t} ${i ? 'nanmax' : 'nanmin'}: ${String(got[i])} != ${String(want[i])}`);
    }
  }
}

describe('nanminAsync / nanmaxAsync equal nanmin(a).get() / nanmax(a).get()', () => {
  test.each(['<f8', '>f8', '<f4', '>f4'])('%s: NaNs scattered, and NaN-only leading units, over random strided views', async (dt) => {
    let seed = 3;
    for (const shape of [[400_000], [2, 300_000], [70_000, 3]]) {
      const base = randomArray(dt, shape, seed++);
      for (const a of [withNans(base, (i) => i % 13 === 0), withNans(base, (i) => i < 250_000 || i % 101 === 0)]) {
        for (const v of views(a, seed++)) await expectLikeSync(v);
      }
    }
  });

  test('all NaN (NaN), one sign of zero, both zeros (the sync tie), a 0-d and a short array', async () => {
    await expectLikeSync(mm.full([300_000], NaN, '<f8'));
    const z = mm.full([300_000], -1, '<f8');
    z.index('::5').fill(-0);
    z.index('::7').fill(NaN);
    await expectLikeSync(z);
    z.index('::11').fill(0);
    await expectLikeSync(z);
    await expectLikeSync(z.index('::-3'));
    await expectLikeSync(mm.full([], 2.5, '<f4'));
    await expectLikeSync(mm.asarray([NaN, 3, -1, NaN], '<f8'));
  });

  test('integer and bool arrays (their nanmin is min), float16 and complex (the sync function)', async () => {
    for (const dt of ['<i4', '>u2', '|i1', '<u8', '|b1']) await expectLikeSync(randomArray(dt, [50_000], 9));
    await expectLikeSync(withNans(randomArray('<f8', [5_000], 4), (i) => i % 3 === 0).astype('<f2'), [2]);
    const c = mm.asarray([[1, 2], [NaN, 0], [3, -1]]).astype('<c16');
    expect(await mm.nanmaxAsync(c)).toEqual(mm.nanmax(c).get());
  });

  test('a mapped file', async () => {
    const file = tmp.path('nan.f8');
    const data = Float64Array.from({ length: 1 << 20 }, (_, i) => (i % 17 === 0 || i < 200_000 ? NaN : Math.sin(i)));
    fs.writeFileSync(file, new Uint8Array(data.buffer));
    const m = mm.memmap(file, { dtype: '<f8', mode: 'r' });
    try {
      await expectLikeSync(m, [2]);
      await expectLikeSync(m.index('::-9'), [1]);
    } finally {
      m.close();
    }
  });

  test('the sync errors as rejections; an aborted signal', async () => {
    await expect(mm.nanmaxAsync(mm.zeros([0], '<f8'))).rejects.toThrow('zero-size array to reduction operation fmax which has no identity');
    await expect(mm.nanminAsync([1, 2] as never)).rejects.toThrow(new TypeError('nanminAsync(): a must be an NdArray, got a JS array of length 2'));
    const rec = mm.zeros([300], [['a', '<f8'], ['b', '<i4']]);
    await expect(mm.nanmaxAsync(rec)).rejects.toThrow("ufunc 'fmax' did not contain a loop with signature matching types");
    const a = mm.full([300_000], 1.5, '<f8');
    await expect(mm.nanmaxAsync(a, { signal: AbortSignal.abort() })).rejects.toThrow(mm.AbortError);
    const file = tmp.path('closed.f8');
    fs.writeFileSync(file, new Uint8Array(8 * 1000));
    const m = mm.memmap(file, { dtype: '<f8', mode: 'r' });
    m.close();
    await expect(mm.nanmaxAsync(m)).rejects.toThrow(mm.AccessError);
  });
});
