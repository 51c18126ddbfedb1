// lib/group-starts.ts: reduceat's starts read where they lie (an index array
// of any stride and byte order, handed to the kernels as it is), their
// bounds and NumPy's message, an out that is the index array.
import * as mm from '../lib';
import { addReduceat, arange, asarray, bitwiseOrReduceat, fromBuffer, maximumReduceat } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

// 600 floats in [0, 1) fixed in both languages (a seeded generator's bytes).
const R = Float64Array.from({ length: 600 }, (_, i) => ((Math.imul(i + 1, 2654435761) >>> 0) % 1000003) / 1000003);
const RPY = `np.frombuffer(bytes.fromhex('${Buffer.from(R.buffer).toString('hex')}'), '<f8')`;
const r = (): mm.NdArray => fromBuffer(R.slice().buffer, '<f8');

describeWithNumpy('reduceat reads an index array where it lies (lib/group-starts.ts) against NumPy', () => {
  // Past 64 starts an integer index array goes to the kernels as it is (any
  // stride, either byte order) instead of being read into numbers first.
  // Starts below 600 (below 256 for one-byte items).
  const top = (t: string): number => (t.endsWith('1') ? 250 : 600);
  const py = (t: string, view: string): string => `np.array([(i * 37) % ${top(t)} for i in range(450)], '${t}')${view}`;
  const js = (t: string, view: string): mm.NdArray => asarray(Array.from({ length: 450 }, (_, i) => (i * 37) % top(t)), t).index(view);
  const DATA = `np.where(${RPY} < 0.2, 0.0, ${RPY})`;
  const data = (): mm.NdArray => mm.where(mm.less(r(), 0.2), 0.0, r());
  const forms: [string, string][] = [['<i8', ':'], ['>i8', '::3'], ['<i4', '::-1'], ['>i2', '1::2'], ['<u4', '::-2'], ['|u1', '3:']];
  test.each(forms)('index array %s[%s]: add, maximum (zero groups redone), bitwise_or, subtract (the ufunc loop), integer maximum', (t, view) => {
    const ints = `(${RPY} * 1000).astype('<i4')`;
    const cases: Case[] = [
      { py: `np.add.reduceat(${DATA}, ${py(t, `[${view}]`)})`, js: () => addReduceat(data(), js(t, view)) },
      { py: `np.maximum.reduceat(${DATA}, ${py(t, `[${view}]`)})`, js: () => maximumReduceat(data(), js(t, view)) },
      { py: `np.subtract.reduceat(${DATA}, ${py(t, `[${view}]`)})`, js: () => mm.subtract.reduceat(data(), js(t, view)) },
      { py: `np.bitwise_or.reduceat(${ints}, ${py(t, `[${view}]`)})`, js: () => bitwiseOrReduceat(mm.multiply(r(), 1000).astype('<i4'), js(t, view)) },
      { py: `np.maximum.reduceat(${ints}, ${py(t, `[${view}]`)})`, js: () => maximumReduceat(mm.multiply(r(), 1000).astype('<i4'), js(t, view)) },
      { py: `np.add.reduceat(${DATA}.reshape(100, 6), ${py(t, `[${view}]`)} % 100, axis=0)`, js: () => addReduceat(data().reshape(100, 6), mm.remainder(js(t, view), 100), 0) },
    ];
    expectCasesLikeNumpy(cases);
    // Every case above gave a result (none an error both sides agree on).
    for (const c of cases) expect(c.js()).toBeInstanceOf(mm.NdArray);
  });

  test('the first start out of range, in order, named exactly (an int64 past 2^53 too)', () => {
    const bad = (v: bigint, at: number): mm.NdArray => {
      const xs = BigInt64Array.from({ length: 200 }, (_, i) => BigInt(i));
      xs[at] = v;
      xs[190] = 601n;
      return fromBuffer(xs.buffer, '<i8');
    };
    const cases: Case[] = [
      { py: `np.add.reduceat(${RPY}, [*range(100), 2**62 + 1, *range(101, 190), 601, *range(191, 200)])`, js: () => addReduceat(r(), bad(2n ** 62n + 1n, 100)) },
      { py: `np.add.reduceat(${RPY}, [*range(100), -3, *range(101, 190), 601, *range(191, 200)])`, js: () => addReduceat(r(), bad(-3n, 100)) },
      { py: `np.bitwise_or.reduceat(np.arange(600), [*range(100), -3, *range(101, 190), 601, *range(191, 200)])`, js: () => bitwiseOrReduceat(arange(600), bad(-3n, 100)) },
      { py: `np.subtract.reduceat(${RPY}, [*range(100), 700, *range(101, 190), 601, *range(191, 200)])`, js: () => mm.subtract.reduceat(r(), bad(700n, 100)) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

describe('reduceat with an out that is its index array', () => {
  // The kernels read every start before they write; a group redone in JS
  // afterwards (a float maximum's zero groups) reads them as they were.
  test.each([
    ['maximumReduceat', (a: mm.NdArray, i: mm.NdArray, o?: mm.NdArray) => maximumReduceat(a, i, o === undefined ? {} : { out: o })],
    ['addReduceat', (a: mm.NdArray, i: mm.NdArray, o?: mm.NdArray) => addReduceat(a, i, o === undefined ? {} : { out: o })],
    ['subtract.reduceat', (a: mm.NdArray, i: mm.NdArray, o?: mm.NdArray) => mm.subtract.reduceat(a, i, 0, null, o ?? null)],
  ] as const)('%s: the result is as if the starts were copied first', (_, f) => {
    const a = mm.where(mm.less(r(), 0.3), 0.0, r());
    const starts = BigInt64Array.from({ length: 120 }, (_, i) => BigInt((i * 5) % 600));
    const idx = fromBuffer(starts.slice().buffer, '<i8');
    const want = f(a, fromBuffer(starts.slice().buffer, '<i8')).toArray();
    const out = idx.view('<f8');
    expect(f(a, idx, out)).toBe(out);
    expect(out.toArray()).toEqual(want);
  });
});
