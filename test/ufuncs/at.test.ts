// ufunc.at for the other ufuncs (lib/ufuncs/at.ts): maximumAt(a, idx, v) is
// np.maximum.at(a, idx, v), in place and unbuffered, compared with NumPy
// (dtype and every byte of `a` after the call, or the error), on the
// kernel's path (1-d targets of the loop's dtype, one index array) and the
// general one (casts back, byte-swapped or 2-d targets, tuples of items).
import * as mm from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { expectCasesLikeNumpy, type Case } from '../helpers/np-compare';
import { xorshift32 } from '../helpers/bytes';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('mmarray-at-');

type AtFn = (a: mm.NdArray, items: unknown, values?: unknown) => void;
const fn = (name: string): AtFn => (mm as unknown as Record<string, AtFn>)[name];

/** The Python expression of `np.<op>.at(a, idx[, v])` that evaluates to `a` afterwards. */
function pyAt(op: string, a: string, idx: string, v?: string): string {
  return `(lambda a: (np.${op}.at(a, ${idx}${v === undefined ? '' : `, ${v}`}), a)[1])(${a})`;
}

/** A Python literal of a JS number (NaN, infinities, -0). */
function pyNum(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "float('-inf')";
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}
const pyList = (xs: readonly number[]): string => `[${xs.map(pyNum).join(', ')}]`;

/** Deterministic numbers in [0, 1). */
function rng(seed: number): () => number {
  const next = xorshift32(seed);
  return () => next() / 2 ** 32;
}

const BINARY: [string, string][] = [
  ['subtract', 'subtractAt'], ['multiply', 'multiplyAt'], ['divide', 'divideAt'], ['floor_divide', 'floorDivideAt'],
  ['remainder', 'remainderAt'], ['power', 'powerAt'], ['minimum', 'minimumAt'], ['maximum', 'maximumAt'],
  ['fmin', 'fminAt'], ['fmax', 'fmaxAt'], ['bitwise_and', 'bitwiseAndAt'], ['bitwise_or', 'bitwiseOrAt'],
  ['bitwise_xor', 'bitwiseXorAt'], ['left_shift', 'leftShiftAt'], ['right_shift', 'rightShiftAt'],
  ['logical_and', 'logicalAndAt'], ['logical_or', 'logicalOrAt'], ['logical_xor', 'logicalXorAt'],
  ['hypot', 'hypotAt'], ['logaddexp', 'logaddexpAt'],
  ['equal', 'equalAt'], ['not_equal', 'notEqualAt'], ['less', 'lessAt'], ['less_equal', 'lessEqualAt'],
  ['greater', 'greaterAt'], ['greater_equal', 'greaterEqualAt'],
];
const UNARY: [string, string][] = [['negative', 'negativeAt'], ['absolute', 'absoluteAt'], ['square', 'squareAt'], ['invert', 'invertAt'], ['sqrt', 'sqrtAt']];

const FLOATS = [0.5, -2, 3, -0, 1.5, 7, -1, 2, NaN, Infinity, -Infinity, 0.25];
const INTS = [0, 1, -3, 7, 2, 5, -1, 100, 3, -128, 127, 4];

describeWithNumpy('ufunc.at against NumPy', () => {
  test('every ufunc, every dtype, repeated indices, on the kernel path (1-d, one index array, values of a\'s dtype)', () => {
    const cases: Case[] = [];
    const dtypes = ['<f8', '<f4', '<i1', '<u1', '<i2', '<i4', '<u4', '<i8', '<u8', '|b1'];
    const r = rng(7);
    for (const [np, js] of BINARY) {
      for (const dt of dtypes) {
        const src = dt.includes('f') ? FLOATS : INTS;
        const n = 5;
        const aVals = Array.from({ length: n }, () => src[Math.floor(r() * src.length)]);
        const idx = Array.from({ length: 9 }, () => Math.floor(r() * n) - (r() < 0.3 ? n : 0));
        let vVals = idx.map(() => src[Math.floor(r() * src.length)]);
        // Shifts by at least the width, and integer powers, kept to NumPy's defined values.
        if (np.endsWith('shift') || (np === 'power' && !dt.includes('f'))) vVals = vVals.map((x) => Math.abs(x) % 4);
        const aPy = dt === '|b1' ? `np.array(${pyList(aVals)}).astype('${dt}')` : `np.array(${pyList(aVals)}, '${dt}')`;
        const vPy = dt === '|b1' ? `np.array(${pyList(vVals)}).astype('${dt}')` : `np.array(${pyList(vVals)}, '${dt}')`;
        const make = (xs: number[]): mm.NdArray => (dt === '|b1' ? mm.array(xs, 'f8').astype('bool') : mm.array(xs, dt));
        cases.push({
          py: pyAt(np, aPy, `np.array(${pyList(idx)})`, vPy),
          js: () => {
            const a = make(aVals);
            fn(js)(a, mm.array(idx, 'i8'), make(vVals));
            return a;
          },
        });
        // One value for every index (a 0-d array of a's dtype).
        cases.push({
          py: pyAt(np, aPy, `np.array(${pyList(idx)}, np.int32)`, `${vPy}[0]`),
          js: () => {
            const a = make(aVals);
            fn(js)(a, mm.array(idx, 'i4'), make(vVals).index(0));
            return a;
          },
        });
      }
    }
    for (const [np, js] of UNARY) {
      for (const dt of dtypes) {
        const src = dt.includes('f') ? FLOATS : INTS;
        const aVals = Array.from({ length: 4 }, () => src[Math.floor(r() * src.length)]);
        const aPy = dt === '|b1' ? `np.array(${pyList(aVals)}).astype('${dt}')` : `np.array(${pyList(aVals)}, '${dt}')`;
        cases.push({
          py: pyAt(np, aPy, 'np.array([0, 2, 0, -1, 0])'),
          js: () => {
            const a = dt === '|b1' ? mm.array(aVals, 'f8').astype('bool') : mm.array(aVals, dt);
            fn(js)(a, mm.array([0, 2, 0, -1, 0], 'i8'));
            return a;
          },
        });
      }
    }
    expectCasesLikeNumpy(cases);
  });

  test('the general path: each step cast back into a (JS numbers are int64 or float64 arrays), other dtypes and layouts', () => {
    const cases: Case[] = [];
    const r = rng(11);
    const targets: [string, (xs: number[]) => mm.NdArray, string][] = [
      ['<f2', (xs) => mm.array(xs, 'f2'), "np.array(%, '<f2')"],
      ['>f8', (xs) => mm.array(xs, '>f8'), "np.array(%, '>f8')"],
      ['<c16', (xs) => mm.array(xs, 'c16'), "np.array(%, '<c16')"],
      ['<i1', (xs) => mm.array(xs, 'i1'), "np.array(%, '<i1')"],
      ['<u1', (xs) => mm.array(xs, 'u1'), "np.array(%, '<u1')"],
      ['<f4', (xs) => mm.array(xs, 'f4'), "np.array(%, '<f4')"],
    ];
    for (const [np, js] of BINARY) {
      for (const [dt, make, pyTmpl] of targets) {
        const src = dt.includes('f') || dt.includes('c') ? FLOATS : INTS;
        const aVals = Array.from({ length: 4 }, () => src[Math.floor(r() * src.length)]);
        const idx = [0, 3, 0, 1, 0, -1];
        let vals = idx.map(() => (dt.includes('i') || dt.includes('u') ? INTS : FLOATS)[Math.floor(r() * 12)]);
        if (np.endsWith('shift') || np === 'power') vals = vals.map((x) => (Number.isFinite(x) ? Math.abs(Math.trunc(x)) % 4 : 2));
        // float64 values into every target (a cast back at every step).
        cases.push({
          py: pyAt(np, pyTmpl.replace('%', pyList(aVals)), `np.array(${pyList(idx)})`, `np.array(${pyList(vals)}, 'f8')`),
          js: () => {
            const a = make(aVals);
            fn(js)(a, mm.array(idx, 'i8'), mm.array(vals, 'f8'));
            return a;
          },
        });
        // A JS integer: NumPy's int64 array of a Python int (not a weak scalar).
        cases.push({
          py: pyAt(np, pyTmpl.replace('%', pyList(aVals)), `np.array(${pyList(idx)})`, '3'),
          js: () => {
            const a = make(aVals);
            fn(js)(a, mm.array(idx, 'i8'), 3);
            return a;
          },
        });
      }
    }
    expectCasesLikeNumpy(cases);
  });

  test('arctan2At: each step within an ulp or two of NumPy (its loop an item at a time is the C library\'s atan2)', () => {
    const r = rng(5);
    for (const dt of ['f8', 'f4'] as const) {
      const a0 = Array.from({ length: 6 }, () => (r() - 0.5) * 10);
      const idx = Array.from({ length: 20 }, () => Math.floor(r() * 6));
      const v = idx.map(() => (r() - 0.5) * 10);
      const a = mm.array(a0, dt);
      mm.arctan2At(a, mm.array(idx), mm.array(v, dt));
      const want = runNumpy<number[]>(`a = np.array(${JSON.stringify(a0)}, '${dt}'); np.arctan2.at(a, ${JSON.stringify(idx)}, np.array(${JSON.stringify(v)}, '${dt}')); print(json.dumps(a.astype(float).tolist()))`, '');
      const got = a.toArray() as number[];
      const tol = dt === 'f8' ? 4e-16 : 4e-7;
      got.forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
    }
  });

  test('2-d targets, tuples of items, slices, masks, broadcast values', () => {
    const m = (): mm.NdArray => mm.arange(12).astype('f8').reshape([3, 4]);
    expectCasesLikeNumpy([
      { py: pyAt('maximum', 'np.arange(12.).reshape(3, 4)', '(np.array([0, 0, 2]), np.array([1, 1, 3]))', 'np.array([20., 5., 30.])'), js: () => { const a = m(); mm.maximumAt(a, [mm.array([0, 0, 2]), mm.array([1, 1, 3])], mm.array([20, 5, 30], 'f8')); return a; } },
      { py: pyAt('multiply', 'np.arange(12.).reshape(3, 4)', 'np.array([2, 0, 2])', 'np.array([1., 2., 3., 4.])'), js: () => { const a = m(); mm.multiplyAt(a, mm.array([2, 0, 2]), mm.array([1, 2, 3, 4], 'f8')); return a; } },
      { py: pyAt('minimum', 'np.arange(12.).reshape(3, 4)', '(slice(None), np.array([3, 3]))', 'np.array([[2.], [-1.], [9.]])'), js: () => { const a = m(); mm.minimumAt(a, [':', mm.array([3, 3])], mm.array([[2], [-1], [9]], 'f8')); return a; } },
      { py: pyAt('subtract', 'np.arange(12.).reshape(3, 4)', 'np.arange(12).reshape(3, 4) % 2 == 0', '1.5'), js: () => { const a = m(); mm.subtractAt(a, mm.remainder(mm.arange(12).reshape([3, 4]), 2).equal(0), 1.5); return a; } },
      { py: pyAt('maximum', 'np.arange(12.).reshape(3, 4)', '1', '5.'), js: () => { const a = m(); mm.maximumAt(a, 1, 5.5 - 0.5); return a; } },
      { py: pyAt('negative', 'np.arange(12.).reshape(3, 4)', '(slice(None, None, 2), np.array([1, 1, 0]))'), js: () => { const a = m(); mm.negativeAt(a, ['::2', mm.array([1, 1, 0])]); return a; } },
      { py: pyAt('bitwise_or', 'np.zeros(3, np.uint8)', 'np.array([0, 2, 0, 0])', 'np.array([1, 2, 4, 8], np.uint8)'), js: () => { const a = mm.zeros([3], 'u1'); mm.bitwiseOrAt(a, mm.array([0, 2, 0, 0]), mm.array([1, 2, 4, 8], 'u1')); return a; } },
      // A stepped view of a (the kernel takes its stride) and a reversed index array.
      { py: pyAt('maximum', 'np.arange(10.)[::-2]', 'np.array([0, 1, 2, 0])[::-1]', 'np.array([7., 8., 9., 1.])'), js: () => { const a = mm.arange(10).astype('f8').index('::-2'); mm.maximumAt(a, mm.array([0, 1, 2, 0]).index('::-1'), mm.array([7, 8, 9, 1], 'f8')); return a; } },
      // uint64 and int16 index arrays.
      { py: pyAt('maximum', 'np.zeros(4)', 'np.array([3, 3, 1], np.uint64)', 'np.array([1., 5., 2.])'), js: () => { const a = mm.zeros([4]); mm.maximumAt(a, mm.array([3, 3, 1], 'u8'), mm.array([1, 5, 2], 'f8')); return a; } },
      { py: pyAt('fmin', 'np.full(4, np.nan)', 'np.array([3, 3, 1], np.int16)', 'np.array([1., np.nan, 2.])'), js: () => { const a = mm.full([4], NaN); mm.fminAt(a, mm.array([3, 3, 1], 'i2'), mm.array([1, NaN, 2], 'f8')); return a; } },
    ]);
  });

  test('an index array per axis of an N-d target (a 2-d histogram): one flat index through the kernel, NumPy\'s values and errors', () => {
    // 600 points (the kernels ravel from 256), rows and columns with negatives and repeats.
    const r = rng(23);
    const n = 600;
    const rows = Array.from({ length: n }, () => Math.floor(r() * 7) - 3);
    const cols = Array.from({ length: n }, () => Math.floor(r() * 9) - 4);
    const w = Array.from({ length: n }, () => Math.round(r() * 40 - 20) / 4);
    const R = `np.array(${pyList(rows)})`;
    const C = `np.array(${pyList(cols)}, np.int32)`;
    const W = `np.array(${pyList(w)})`;
    const jr = (): mm.NdArray => mm.array(rows, 'i8');
    const jc = (): mm.NdArray => mm.array(cols, 'i4');
    const jw = (): mm.NdArray => mm.array(w, 'f8');
    const cases: Case[] = [];
    for (const [dt, init] of [['<f8', 'np.zeros((7, 9))'], ['<f4', "np.zeros((7, 9), '<f4')"], ['<i8', "np.zeros((7, 9), '<i8')"], ['|i1', "np.zeros((7, 9), '|i1')"]] as const) {
      const z = (): mm.NdArray => mm.zeros([7, 9], dt);
      cases.push({ py: pyAt('add', init, `(${R}, ${C})`, '1'), js: () => { const a = z(); mm.addAt(a, [jr(), jc()], 1); return a; } });
      cases.push({ py: pyAt('add', init, `(${R}, ${C})`, W), js: () => { const a = z(); mm.addAt(a, [jr(), jc()], jw()); return a; } });
      cases.push({ py: pyAt('maximum', init, `(${R}, ${C})`, W), js: () => { const a = z(); mm.maximumAt(a, [jr(), jc()], jw()); return a; } });
      cases.push({ py: pyAt('subtract', init, `(${R}, ${C})`, '2'), js: () => { const a = z(); mm.subtractAt(a, [jr(), jc()], 2); return a; } });
      cases.push({ py: pyAt('negative', init, `(${R}, ${C})`), js: () => { const a = z(); mm.negativeAt(a, [jr(), jc()]); return a; } });
    }
    // Index arrays that broadcast (an outer product of rows and columns), values broadcast over them.
    const br = Array.from({ length: 20 }, (_, i) => (i * 3) % 7);
    const bc = Array.from({ length: 15 }, (_, i) => (i * 5) % 9 - 4);
    const bv = Array.from({ length: 15 }, (_, i) => i - 7);
    cases.push({
      py: pyAt('add', 'np.zeros((7, 9))', `(np.array(${pyList(br)})[:, None], np.array(${pyList(bc)})[None, :])`, `np.array(${pyList(bv)}, 'f8')`),
      js: () => { const a = mm.zeros([7, 9]); mm.addAt(a, [mm.array(br).reshape([20, 1]), mm.array(bc).reshape([1, 15])], mm.array(bv, 'f8')); return a; },
    });
    cases.push({
      py: pyAt('minimum', 'np.arange(63.).reshape(7, 9)', `(np.array(${pyList(br)})[:, None], np.array(${pyList(bc)})[None, :])`, `np.array(${pyList(bv)}, 'f8')`),
      js: () => { const a = mm.arange(63).astype('f8').reshape([7, 9]); mm.minimumAt(a, [mm.array(br).reshape([20, 1]), mm.array(bc).reshape([1, 15])], mm.array(bv, 'f8')); return a; },
    });
    // A 3-d target; an index out of bounds (nothing written, NumPy's message); values that do not broadcast.
    cases.push({
      py: pyAt('add', 'np.zeros((3, 4, 5))', `(${R} % 3, ${C} % 4, ${R} % 5)`, W),
      js: () => { const a = mm.zeros([3, 4, 5]); mm.addAt(a, [mm.remainder(jr(), 3), mm.remainder(jc(), 4), mm.remainder(jr(), 5)], jw()); return a; },
    });
    cases.push({ py: pyAt('add', 'np.zeros((7, 8))', `(${R}, ${C})`, W), js: () => { const a = mm.zeros([7, 8]); mm.addAt(a, [jr(), jc()], jw()); return a; } });
    cases.push({ py: pyAt('maximum', 'np.zeros((7, 9))', `(${R}, ${C})`, 'np.ones(7)'), js: () => { const a = mm.zeros([7, 9]); mm.maximumAt(a, [jr(), jc()], mm.ones([7])); return a; } });
    // A target that is not C-contiguous takes the general path.
    cases.push({ py: pyAt('add', 'np.zeros((9, 7)).T', `(${R}, ${C})`, W), js: () => { const a = mm.zeros([9, 7]).T; mm.addAt(a, [jr(), jc()], jw()); return a; } });
    expectCasesLikeNumpy(cases);
  });

  test('an index array per axis read by the kernel itself: any layout of the target, every indexed op, overlaps and errors as NumPy', () => {
    const r = rng(31);
    const n = 700;
    const rows = Array.from({ length: n }, () => Math.floor(r() * 7) - 3);
    const cols = Array.from({ length: n }, () => Math.floor(r() * 9) - 4);
    const w = Array.from({ length: n }, () => Math.round(r() * 40 - 20) / 4);
    const e = Array.from({ length: n }, () => Math.floor(r() * 3));
    const R = `np.array(${pyList(rows)})`;
    const C = `np.array(${pyList(cols)}, np.uint16)[::-1]`;
    const W = `np.array(${pyList(w)})`;
    const jr = (): mm.NdArray => mm.array(rows, 'i8');
    const jc = (): mm.NdArray => mm.array(cols, 'u2').index('::-1');
    const jw = (): mm.NdArray => mm.array(w, 'f8');
    // Targets of every layout: F order, reversed axes, a stepped window of a larger array.
    const layouts: [string, (dt: string) => mm.NdArray, (dt: string) => string][] = [
      ['F', (dt) => mm.zeros([9, 7], dt).T, (dt) => `np.zeros((9, 7), '${dt}').T`],
      ['reversed', (dt) => mm.arange(63).astype(dt).reshape([7, 9]).index('::-1, ::-1'), (dt) => `np.arange(63).astype('${dt}').reshape(7, 9)[::-1, ::-1]`],
      ['stepped', (dt) => mm.arange(14 * 27).astype(dt).reshape([14, 27]).index('1::2, ::3'), (dt) => `np.arange(14 * 27).astype('${dt}').reshape(14, 27)[1::2, ::3]`],
    ];
    const cases: Case[] = [];
    for (const [, make, py] of layouts) {
      for (const dt of ['<f8', '<f4', '<i8', '<i2', '<u1']) {
        const float = dt.includes('f');
        const v = float ? W : `${W}.astype('${dt}')`;
        const jv = (): mm.NdArray => jw().astype(dt);
        for (const [np, js] of [['add', 'addAt'], ['subtract', 'subtractAt'], ['multiply', 'multiplyAt'], ['maximum', 'maximumAt'], ['minimum', 'minimumAt'], ['fmax', 'fmaxAt']] as const) {
          cases.push({ py: pyAt(np, py(dt), `(${R}, ${C})`, v), js: () => { const a = make(dt); fn(js)(a, [jr(), jc()], jv()); return a; } });
        }
        if (!float) cases.push({ py: pyAt('bitwise_xor', py(dt), `(${R}, ${C})`, v), js: () => { const a = make(dt); mm.bitwiseXorAt(a, [jr(), jc()], jv()); return a; } });
        cases.push({ py: pyAt('add', py(dt), `(${R}, ${C})`, '3'), js: () => { const a = make(dt); mm.addAt(a, [jr(), jc()], 3); return a; } });
        cases.push({ py: pyAt('square', py(dt), `(${R}, ${C})`), js: () => { const a = make(dt); mm.squareAt(a, [jr(), jc()]); return a; } });
      }
    }
    const E = `np.array(${pyList(e)})`;
    const je = (): mm.NdArray => mm.array(e, 'i8');
    cases.push(
      // A power with exponents of the target's int dtype (the element loop, not an indexed one).
      { py: pyAt('power', "np.full((7, 9), 2, '<i8')", `(${R}, ${C})`, E), js: () => { const a = mm.full([7, 9], 2, 'i8'); mm.powerAt(a, [jr(), jc()], je()); return a; } },
      // A negative exponent stops the loop there (NumPy's ValueError, the items before it written).
      { py: pyAt('power', "np.full((7, 9), 2, '<i8')", `(${R}, ${C})`, `np.where(np.arange(${n}) == 400, -1, ${E})`), js: () => { const a = mm.full([7, 9], 2, 'i8'); mm.powerAt(a, [jr(), jc()], mm.where(mm.equal(mm.arange(n), 400), -1, je())); return a; } },
      // An index out of range on the last axis: NumPy's IndexError, nothing written.
      { py: pyAt('add', 'np.zeros((7, 4))', `(${R}, ${C})`, W), js: () => { const a = mm.zeros([7, 4]); mm.addAt(a, [jr(), jc()], jw()); return a; } },
      // Values that are the target's own items (read before any write, as NumPy's copy).
      { py: '(lambda a: (np.add.at(a, (np.array([0, 1, 1, 0]), np.array([1, 1, 0, 0])), a[::-1, ::-1].ravel()), a)[1])(np.arange(4.).reshape(2, 2))', js: () => { const a = mm.arange(4).astype('f8').reshape([2, 2]); mm.addAt(a, [mm.array([0, 1, 1, 0]), mm.array([1, 1, 0, 0])], a.index('::-1, ::-1').reshape([-1])); return a; } },
      // Index arrays of different lengths: NumPy's broadcast error.
      { py: pyAt('maximum', 'np.zeros((3, 3))', '(np.array([0, 1]), np.array([0, 1, 2]))', '1.'), js: () => { const a = mm.zeros([3, 3]); mm.maximumAt(a, [mm.array([0, 1]), mm.array([0, 1, 2])], 1); return a; } },
      // No points.
      { py: pyAt('add', 'np.ones((3, 3))', '(np.array([], int), np.array([], int))', 'np.array([])'), js: () => { const a = mm.ones([3, 3]); mm.addAt(a, [mm.array([], 'i8'), mm.array([], 'i8')], mm.array([], 'f8')); return a; } },
    );
    expectCasesLikeNumpy(cases);
  });

  test('a mapped target with its index arrays in the same mapping: the indices read before any write', () => {
    // One int64 file: items 0..11 a 3x4 histogram, 12..17 its row ids, 18..23 its column ids.
    const m = mm.memmap(tmp.path('h.bin'), { dtype: '<i8', mode: 'w+', shape: [24] });
    try {
      m.index('12:18').set([0, 0, 2, 2, 1, 0]);
      m.index('18:24').set([0, 0, 3, 3, 1, 0]);
      const h = m.index(':12').reshape([3, 4]);
      mm.addAt(h, [m.index('12:18'), m.index('18:24')], mm.array([1, 2, 3, 4, 5, 6], 'i8'));
      expect(h.toArray()).toEqual([[9n, 0n, 0n, 0n], [0n, 5n, 0n, 0n], [0n, 0n, 0n, 7n]]);
      // Indices that the updates themselves rewrite: each item is read as it was before the call.
      const g = m.index('12:20').reshape([2, 4]);
      // (NumPy, on the same bytes in memory: [[6, 0, 2, 2], [1, 0, 0, 0]].)
      mm.addAt(g, [m.index('12:14'), m.index('12:14')], mm.array([1, 5], 'i8'));
      expect(g.toArray()).toEqual([[6n, 0n, 2n, 2n], [1n, 0n, 0n, 0n]]);
    } finally {
      m.close();
    }
  });

  test("NumPy's errors: the loop's type first, then the index, then the values' shape; read-only refused", () => {
    const a = (): mm.NdArray => mm.array([1, 2, 3]);
    expectCasesLikeNumpy([
      { py: pyAt('maximum', 'np.array([1, 2, 3])', '[5]', '[1, 2]'), js: () => { const x = a(); mm.maximumAt(x, [mm.array([5])], [1, 2]); return x; } },
      { py: pyAt('maximum', 'np.array([1, 2, 3])', 'np.array([5])', 'np.array([1., 2.])'), js: () => { const x = a(); mm.maximumAt(x, mm.array([5]), mm.array([1, 2], 'f8')); return x; } },
      { py: pyAt('maximum', 'np.array([1, 2, 3])', 'np.array([0, 1])', 'np.array([1, 2, 3])'), js: () => { const x = a(); mm.maximumAt(x, mm.array([0, 1]), mm.array([1, 2, 3])); return x; } },
      { py: pyAt('maximum', 'np.array([1, 2, 3])', 'np.array([0])', 'np.array([[1]])'), js: () => { const x = a(); mm.maximumAt(x, mm.array([0]), mm.array([[1]])); return x; } },
      { py: pyAt('subtract', 'np.array([True, False])', 'np.array([0])', 'True'), js: () => { const x = mm.array([true, false]); mm.subtractAt(x, mm.array([0]), true); return x; } },
      { py: pyAt('bitwise_and', 'np.array([1.5, 2.5])', 'np.array([9])', '1'), js: () => { const x = mm.array([1.5, 2.5]); mm.bitwiseAndAt(x, mm.array([9]), 1); return x; } },
      { py: pyAt('power', 'np.array([2, 2, 3])', 'np.array([0, 1])', 'np.array([2, -1])'), js: () => { const x = mm.array([2, 2, 3]); mm.powerAt(x, mm.array([0, 1]), mm.array([2, -1])); return x; } },
    ]);
    const ro = a();
    ro.flags.writeable = false;
    expect(() => mm.maximumAt(ro, mm.array([0]), 5)).toThrow('operand array with iterator write flag set is read-only');
    expect(ro.toArray()).toEqual([1n, 2n, 3n]);
    expect(() => (mm.maximumAt as unknown as (a: mm.NdArray, i: unknown) => void)(a(), mm.array([0]))).toThrow('second operand needed for ufunc');
    expect(() => (mm.negativeAt as unknown as (a: mm.NdArray, i: unknown, v: unknown) => void)(a(), mm.array([0]), 1)).toThrow('second operand provided when ufunc is unary');
  });

  test('an integer power stops at its first negative exponent, the steps before it kept (kernel and general paths)', () => {
    const x = mm.array([2, 2, 3]);
    expect(() => mm.powerAt(x, mm.array([0, 1]), mm.array([2, -1]))).toThrow('Integers to negative integer powers are not allowed.');
    expect(x.toArray()).toEqual([4n, 2n, 3n]);
    const y = mm.array([2, 2, 3], 'i1');
    expect(() => mm.powerAt(y, mm.array([0, 0, 1]), mm.array([2, 2, -1]))).toThrow('Integers to negative integer powers are not allowed.');
    expect(y.toArray()).toEqual([16, 2, 3]);
    // 2-d: the general path.
    const z = mm.array([[2, 2], [3, 3]]);
    expect(() => mm.powerAt(z, [mm.array([0, 1]), mm.array([1, 0])], mm.array([3, -2]))).toThrow('Integers to negative integer powers are not allowed.');
    expect(z.toArray()).toEqual([[2n, 8n], [3n, 3n]]);
  });

  test('values that share memory with a are read as they were before the first write', () => {
    expectCasesLikeNumpy([
      { py: '(lambda a: (np.maximum.at(a, np.array([1, 2, 3]), a[:3]), a)[1])(np.array([5., 1., 0., 0.]))', js: () => { const a = mm.array([5, 1, 0, 0], 'f8'); mm.maximumAt(a, mm.array([1, 2, 3]), a.index(':3')); return a; } },
      { py: '(lambda a: (np.multiply.at(a, np.array([[1, 2], [0, 0]]), a[:2, ::-1].T), a)[1])(np.arange(1., 7.).reshape(3, 2))', js: () => { const a = mm.arange(1, 7).astype('f8').reshape([3, 2]); mm.multiplyAt(a, mm.array([[1, 2], [0, 0]]), a.index(':2, ::-1').T); return a; } },
    ]);
  });

  test('expAt and logAt apply the ufunc once per occurrence, each result cast back (NumPy\'s SIMD exp/log are not correctly rounded: compared with the ufunc itself)', () => {
    const idx = mm.array([1, 2, 2, 5, -1, 0], 'i8');
    for (const dt of ['<f8', '<f4', '<f2', '>f8', '<c16', '<i4', '<u1']) {
      for (const [at, uf] of [[mm.expAt, mm.exp], [mm.logAt, mm.log]] as const) {
        const a = mm.arange(6).astype(dt);
        const expected = a.copy();
        for (const i of [1, 2, 2, 5, 5, 0]) expected.set(String(i), uf(expected.index(i)).astype(dt, { casting: 'unsafe' }).get() as never);
        at(a, idx);
        expect(a.toArray()).toEqual(expected.toArray());
      }
    }
  });

  test('a group maximum over a record file mapped r+ writes through to the file', () => {
    const fs = require('fs') as typeof import('fs');
    const os = require('os') as typeof import('os');
    const path = require('path') as typeof import('path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-at-'));
    const file = path.join(dir, 'best.bin');
    try {
      fs.writeFileSync(file, Buffer.alloc(4 * 8));
      const best = mm.memmap(file, { dtype: '<f8', mode: 'r+', shape: [4] });
      mm.maximumAt(best, mm.array([0, 3, 0, 3, 1]), mm.array([2, 9, 5, -1, 4], 'f8'));
      mm.multiplyAt(best, mm.array([0, 0]), 0.5);
      best.close();
      const buf = fs.readFileSync(file);
      expect(Array.from(new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 32)))).toEqual([1.25, 4, 0, 9]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithNumpy('ufunc.at broadcasts its values strictly (no extra leading 1s, which a[idx] = v drops)', () => {
  test('addAt and maximumAt on 1-d and 2-d targets, the kernel and the general paths', () => {
    const r = 'np.arange(300) % 7';
    const c = 'np.arange(300) % 9';
    const jr = (): mm.NdArray => mm.remainder(mm.arange(300), 7);
    const jc = (): mm.NdArray => mm.remainder(mm.arange(300), 9);
    const cases: Case[] = [];
    for (const [py, shape] of [['np.ones((1, 1, 1))', [1, 1, 1]], ['np.ones((1, 1))', [1, 1]], ['np.ones((1,))', [1]], ['np.ones((1, 300))', [1, 300]], ['np.ones(())', []]] as const) {
      cases.push({ py: pyAt('add', 'np.zeros((7, 9))', `(${r}, ${c})`, py), js: () => { const a = mm.zeros([7, 9]); mm.addAt(a, [jr(), jc()], mm.ones([...shape])); return a; } });
      cases.push({ py: pyAt('maximum', 'np.zeros((7, 9))', `(${r}, ${c})`, py), js: () => { const a = mm.zeros([7, 9]); mm.maximumAt(a, [jr(), jc()], mm.ones([...shape])); return a; } });
    }
    for (const [py, shape] of [['np.ones((1, 1))', [1, 1]], ['np.ones((1, 5))', [1, 5]], ['np.ones(5)', [5]]] as const) {
      cases.push({ py: pyAt('add', 'np.zeros(10)', 'np.arange(5)', py), js: () => { const a = mm.zeros([10]); mm.addAt(a, mm.arange(5), mm.ones([...shape])); return a; } });
      cases.push({ py: pyAt('add', 'np.zeros(10, np.int32)', 'np.arange(5)', py), js: () => { const a = mm.zeros([10], 'i4'); mm.addAt(a, mm.arange(5), mm.ones([...shape])); return a; } });
    }
    expectCasesLikeNumpy(cases);
  });
});

describe('ufunc.at with a list of plain numbers (NumPy\'s np.add.at(a, [2, 5, 2], 1) written as it is)', () => {
  test("a JS list of items is NumPy's tuple: more numbers than axes is NumPy's IndexError, saying how to pass one index array", () => {
    const a = mm.arange(10);
    const hint = "too many indices for array: array is 1-dimensional, but 3 were indexed (a list of items is NumPy's tuple: for the index array [2, 5, 2] pass [[2, 5, 2]] or an NdArray)";
    expect(() => mm.addAt(a, [2, 5, 2], 1)).toThrow(new mm.IndexError(hint));
    expect(() => mm.maximumAt(a, [2, 5, 2], 1)).toThrow(new mm.IndexError(hint));
    expect(a.toArray()).toEqual(mm.arange(10).toArray());
    // As many numbers as axes: one item, as NumPy's tuple (h[1, 2] += 5).
    const h = mm.zeros([3, 3]);
    mm.addAt(h, [1, 2], 5);
    expect(h.toArray()).toEqual([[0, 0, 0], [0, 0, 5], [0, 0, 0]]);
    mm.addAt(a, [[2, 5, 2]], 1);
    expect(a.toArray()).toEqual([0n, 1n, 4n, 3n, 4n, 6n, 6n, 7n, 8n, 9n]);
  });

  test("leaving the values out is NumPy's ValueError, before anything is read", () => {
    const a = mm.arange(3);
    expect(() => (mm.addAt as (x: mm.NdArray, i: unknown) => void)(a, [[0]])).toThrow(new mm.ValueError('second operand needed for ufunc'));
    expect(() => (mm.maximumAt as (x: mm.NdArray, i: unknown) => void)(a, [[0]])).toThrow(new mm.ValueError('second operand needed for ufunc'));
    expect(a.toArray()).toEqual([0n, 1n, 2n]);
  });
});
