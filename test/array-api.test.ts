// NumPy 2's array-API names (lib/array-api.ts) against NumPy at run time:
// the aliases are the same functions here as NumPy's are the same objects;
// values, dtypes, shapes and errors of matrixTranspose, permuteDims,
// unstack, vecdot/matvec/vecmat, cumulativeSum/cumulativeProd, astype and
// isdtype, byte for byte.
import {
  acos, acosh, asin, asinh, atan, atan2, atanh, arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh,
  astype, bitwiseInvert, bitwiseLeftShift, bitwiseRightShift, concat, concatenate, cumulativeProd, cumulativeSum,
  dtype, invert, isdtype, leftShift, matrixTranspose, matvec, permuteDims, pow, power, rightShift, transpose,
  unstack, vecdot, vecmat, zeros, ones, asarray, sharesMemory,
} from '../lib';
import type { DType, DTypeKindName, NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, hexOf, type Case } from './helpers/np-compare';
import { seeded, shared } from './helpers/np-data';
import * as mm from '../lib';
import { expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase, type ViewSpec } from './helpers/np-layout';

function data(shape: number[], seed: number, dtype: string, lo = -9, hi = 9): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo))), dtype, shape);
}

const ALIASES: [string, string, unknown, unknown][] = [
  ['acos', 'arccos', acos, arccos], ['acosh', 'arccosh', acosh, arccosh], ['asin', 'arcsin', asin, arcsin],
  ['asinh', 'arcsinh', asinh, arcsinh], ['atan', 'arctan', atan, arctan], ['atanh', 'arctanh', atanh, arctanh],
  ['atan2', 'arctan2', atan2, arctan2], ['pow', 'power', pow, power], ['bitwise_invert', 'invert', bitwiseInvert, invert],
  ['bitwise_left_shift', 'left_shift', bitwiseLeftShift, leftShift], ['bitwise_right_shift', 'right_shift', bitwiseRightShift, rightShift],
  ['concat', 'concatenate', concat, concatenate],
];

describeWithNumpy('array-API aliases against NumPy', () => {
  test('each alias is the same object in NumPy, and the same function here', () => {
    const want = runNumpy<boolean[]>(`print(json.dumps([getattr(np, a) is getattr(np, b) for a, b in ${JSON.stringify(ALIASES.map(([a, b]) => [a, b]))}]))`);
    expect(want).toEqual(ALIASES.map(() => true));
    expect(ALIASES.filter(([, , ours, theirs]) => ours !== theirs).map(([a]) => a)).toEqual([]);
  });

  test('values, out and where through the aliases, and their errors named as NumPy names them', () => {
    const x = data([2, 3], 1, '<f8', -1, 2);
    const i = data([5], 2, '<i4', 0, 6);
    const out = zeros([2, 3], '<f8');
    const cases: Case[] = [
      // Inputs -1, 0, 1: values every libm rounds correctly (elsewhere glibc and NumPy's SIMD loops may differ by an ulp).
      { py: `np.acos(${x.py})`, js: () => acos(x.arr) },
      { py: `np.atan2(${x.py}, 3.0)`, js: () => atan2(x.arr, 3.0) },
      { py: `np.pow(${i.py}, 3)`, js: () => pow(i.arr, 3) },
      { py: `np.pow(${i.py}, -1)`, js: () => pow(i.arr, -1) },
      { py: `np.bitwise_left_shift(${i.py}, 2)`, js: () => bitwiseLeftShift(i.arr, 2) },
      { py: `np.bitwise_invert(${i.py})`, js: () => bitwiseInvert(i.arr) },
      { py: `np.bitwise_invert(${x.py})`, js: () => bitwiseInvert(x.arr) },
      { py: `np.asin(${x.py}, out=np.zeros((2, 3)), where=${x.py} > 0)`, js: () => asin(x.arr, { out, where: x.arr.greater(0) }) },
      { py: `np.concat([${x.py}, ${x.py}], axis=1)`, js: () => concat([x.arr, x.arr], { axis: 1 }) },
      { py: `np.concat([${x.py}, ${i.py}], axis=None)`, js: () => concat([x.arr, i.arr], { axis: null }) },
    ];
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy('transposes and unstack against NumPy', () => {
  test('permuteDims, transpose, matrixTranspose: values and errors', () => {
    const a = data([2, 3, 4], 3, '>i2');
    const v = data([4], 4, '<f4');
    const cases: Case[] = [
      { py: `np.permute_dims(${a.py}, (2, 0, 1))`, js: () => permuteDims(a.arr, [2, 0, 1]) },
      { py: `np.permute_dims(${a.py})`, js: () => permuteDims(a.arr) },
      { py: `np.permute_dims(${a.py}, (0, 1))`, js: () => permuteDims(a.arr, [0, 1]) },
      { py: `np.permute_dims(${a.py}, (0, 1, 3))`, js: () => permuteDims(a.arr, [0, 1, 3]) },
      { py: `np.transpose(${a.py}, (1, 0, 2))`, js: () => transpose(a.arr, [1, 0, 2]) },
      { py: `np.matrix_transpose(${a.py})`, js: () => matrixTranspose(a.arr) },
      { py: `np.matrix_transpose(${v.py})`, js: () => matrixTranspose(v.arr) },
      { py: `np.matrix_transpose(np.float64(1.0))`, js: () => matrixTranspose(asarray(1.0)) },
    ];
    expectCasesLikeNumpy(cases);
    const m = matrixTranspose(a.arr);
    expect(sharesMemory(m, a.arr)).toBe(true);
    expect(m.strides).toEqual([a.arr.strides[0], a.arr.strides[2], a.arr.strides[1]]);
  });

  test('unstack: every piece along every axis (shape and bytes), views; errors', () => {
    const a = data([2, 3, 4], 5, '<u2', 0, 99);
    const want = runNumpy<unknown[]>(`
a = ${a.py}
out = []
for ax in [0, 1, 2, -1, 3, -4]:
    try:
        out.append([[list(p.shape), p.tobytes().hex()] for p in np.unstack(a, axis=ax)])
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
try:
    np.unstack(np.zeros(()))
except Exception as e:
    out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`);
    const got: unknown[] = [];
    for (const ax of [0, 1, 2, -1, 3, -4]) {
      try {
        got.push(unstack(a.arr, { axis: ax }).map((p) => [p.shape, hexOf(p)]));
      } catch (e) {
        got.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    try {
      unstack(zeros([]));
    } catch (e) {
      got.push(`${(e as Error).name}: ${(e as Error).message}`);
    }
    expect(got).toEqual(want);
    expect(unstack(a.arr, { axis: 1 }).every((p) => sharesMemory(p, a.arr))).toBe(true);
  });
});

describeWithNumpy('vecdot, matvec and vecmat against NumPy', () => {
  test('dtypes (ints, bool, floats, complex conjugated), broadcasting, axis, errors', () => {
    const cases: Case[] = [];
    for (const [k, dt] of ['<i4', '|u1', '<f8', '>f4', '<c16', '|b1', '<i8'].entries()) {
      const lo = dt === '|b1' ? 0 : -5;
      const hi = dt === '|b1' ? 2 : 6;
      const x = data([2, 3, 4], 10 + k, dt === '<c16' ? '<f8' : dt, lo, hi);
      const y = data([3, 4], 20 + k, dt === '<c16' ? '<f8' : dt, lo, hi);
      const m = data([3, 5, 4], 30 + k, dt === '<c16' ? '<f8' : dt, lo, hi);
      const w = data([5], 40 + k, dt === '<c16' ? '<f8' : dt, lo, hi);
      // Complex operands: a real part and an imaginary part from other data, so conjugation shows.
      const cx = (s: { py: string; arr: NdArray }, t: { py: string; arr: NdArray }): { py: string; arr: NdArray } =>
        dt === '<c16' ? { py: `(${s.py} + 1j * ${t.py}[..., ::-1])`, arr: s.arr.astype('<c16').add(t.arr.index('..., ::-1').multiply(asarray({ re: 0, im: 1 }, '<c16'))) } : s;
      const X = cx(x, x);
      const Y = cx(y, y);
      const M = cx(m, m);
      const W = cx(w, w);
      cases.push({ py: `np.vecdot(${X.py}, ${Y.py})`, js: () => vecdot(X.arr, Y.arr) });
      cases.push({ py: `np.vecdot(${X.py}, ${X.py}, axis=1)`, js: () => vecdot(X.arr, X.arr, { axis: 1 }) });
      cases.push({ py: `np.vecdot(${Y.py}[0], ${Y.py}[1])`, js: () => vecdot(Y.arr.index(0), Y.arr.index(1)) });
      cases.push({ py: `np.matvec(${M.py}, ${Y.py}[0])`, js: () => matvec(M.arr, Y.arr.index(0)) });
      cases.push({ py: `np.matvec(${M.py}, ${X.py}[:, :1])`, js: () => matvec(M.arr, X.arr.index(':, :1')) });
      cases.push({ py: `np.vecmat(${W.py}, ${M.py})`, js: () => vecmat(W.arr, M.arr) });
      cases.push({ py: `np.vecmat(${W.py}, ${M.py}[0])`, js: () => vecmat(W.arr, M.arr.index(0)) });
    }
    const f = data([3, 4], 50, '<f8');
    const g = data([3], 51, '<f8');
    cases.push({ py: `np.vecdot(${f.py}, ${g.py})`, js: () => vecdot(f.arr, g.arr) });
    cases.push({ py: `np.vecdot(${f.py}, ${g.py}, axis=0)`, js: () => vecdot(f.arr, g.arr, { axis: 0 }) });
    cases.push({ py: `np.vecdot(${f.py}, ${f.py}, axis=2)`, js: () => vecdot(f.arr, f.arr, { axis: 2 }) });
    cases.push({ py: `np.vecdot(np.float64(2.0), ${g.py})`, js: () => vecdot(asarray(2.0), g.arr) });
    cases.push({ py: `np.vecdot(${g.py}, np.float64(2.0))`, js: () => vecdot(g.arr, asarray(2.0)) });
    cases.push({ py: `np.matvec(${g.py}, ${g.py})`, js: () => matvec(g.arr, g.arr) });
    cases.push({ py: `np.matvec(${f.py}, ${g.py})`, js: () => matvec(f.arr, g.arr) });
    cases.push({ py: `np.vecmat(${g.py}, ${g.py})`, js: () => vecmat(g.arr, g.arr) });
    cases.push({ py: `np.vecmat(${f.py}[0], ${f.py})`, js: () => vecmat(f.arr.index(0), f.arr) });
    cases.push({ py: `np.vecdot(np.array([b'1'], 'S2'), np.array([b'1'], 'S2'))`, js: () => vecdot(asarray([1]).astype('|S2'), asarray([1]).astype('|S2')) });
    // A record operand: no loop, found before the core dimensions are checked (fuzz 8M range).
    const rec = "np.zeros(3, [('a', '<f8')])";
    const R = (): ReturnType<typeof zeros> => zeros([3], [['a', '<f8']] as never);
    cases.push({ py: `np.vecmat(${g.py}, ${rec})`, js: () => vecmat(g.arr, R()) });
    cases.push({ py: `np.matvec(${rec}, ${g.py})`, js: () => matvec(R(), g.arr) });
    cases.push({ py: `np.vecdot(${g.py}, ${rec})`, js: () => vecdot(g.arr, R()) });
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy('cumulativeSum and cumulativeProd against NumPy', () => {
  test('dtypes (no widening), axis, includeInitial, dtype, out, errors', () => {
    const cases: Case[] = [];
    for (const [k, dt] of ['|b1', '|i1', '<u2', '>i4', '<i8', '<f4', '>f8', '<c8'].entries()) {
      const a = data([2, 3], 60 + k, dt === '<c8' ? '<f4' : dt, dt === '|b1' ? 0 : -4, dt === '|b1' ? 2 : 5);
      const A = dt === '<c8' ? { py: `${a.py}.astype('<c8')`, arr: a.arr.astype('<c8') } : a;
      for (const [fn, js] of [['cumulative_sum', cumulativeSum], ['cumulative_prod', cumulativeProd]] as const) {
        cases.push({ py: `np.${fn}(${A.py}, axis=1)`, js: () => js(A.arr, { axis: 1 }) });
        cases.push({ py: `np.${fn}(${A.py}, axis=0, include_initial=True)`, js: () => js(A.arr, { axis: 0, includeInitial: true }) });
        cases.push({ py: `np.${fn}(${A.py}[0])`, js: () => js(A.arr.index(0)) });
        cases.push({ py: `np.${fn}(${A.py}[0], include_initial=True)`, js: () => js(A.arr.index(0), { includeInitial: true }) });
        cases.push({ py: `np.${fn}(${A.py}, axis=-1, dtype='<f8', include_initial=True)`, js: () => js(A.arr, { axis: -1, dtype: '<f8', includeInitial: true }) });
      }
    }
    const a = data([2, 3], 70, '<i2');
    cases.push({ py: `np.cumulative_sum(${a.py})`, js: () => cumulativeSum(a.arr) });
    cases.push({ py: `np.cumulative_sum(${a.py}, axis=2)`, js: () => cumulativeSum(a.arr, { axis: 2 }) });
    cases.push({ py: `np.cumulative_sum(np.int16(5))`, js: () => cumulativeSum(asarray(5, '<i2')) });
    cases.push({ py: `np.cumulative_sum(np.int16(5), include_initial=True)`, js: () => cumulativeSum(asarray(5, '<i2'), { includeInitial: true }) });
    cases.push({ py: `np.cumulative_sum(np.zeros((2, 0)), axis=1, include_initial=True)`, js: () => cumulativeSum(zeros([2, 0]), { axis: 1, includeInitial: true }) });
    cases.push({ py: `np.cumulative_sum(${a.py}, axis=1, out=np.zeros((2, 3), 'f4'))`, js: () => cumulativeSum(a.arr, { axis: 1, out: zeros([2, 3], '<f4') }) });
    cases.push({ py: `np.cumulative_sum(${a.py}, axis=1, out=np.zeros((2, 4), 'f4'), include_initial=True)`, js: () => cumulativeSum(a.arr, { axis: 1, out: ones([2, 4], '<f4'), includeInitial: true }) });
    cases.push({ py: `np.cumulative_prod(${a.py}, axis=0, out=np.zeros((3, 3), 'i8'), include_initial=True)`, js: () => cumulativeProd(a.arr, { axis: 0, out: ones([3, 3], '<i8'), includeInitial: true }) });
    cases.push({ py: `np.cumulative_sum(${a.py}, axis=1, out=np.zeros((2, 3), 'i8'), include_initial=True)`, js: () => cumulativeSum(a.arr, { axis: 1, out: zeros([2, 3], '<i8'), includeInitial: true }) });
    expectCasesLikeNumpy(cases);
  });
});

describeWithNumpy('astype and isdtype against NumPy', () => {
  test('astype: the method as a function; copy=False returns the input when nothing changes', () => {
    const a = data([2, 3], 80, '<f8', -3, 3);
    const f = asarray([[1, 2], [3, 4]], '<i4').transpose();
    expectCasesLikeNumpy([
      { py: `np.astype(${a.py}, 'i2')`, js: () => astype(a.arr, '<i2') },
      { py: `np.astype(${a.py}, 'c8', copy=False)`, js: () => astype(a.arr, '<c8', { copy: false }) },
      { py: `np.astype(np.array([[1, 2], [3, 4]], 'i4').T, 'f4')`, js: () => astype(f, '<f4') },
    ]);
    expect(astype(a.arr, '<f8', { copy: false })).toBe(a.arr);
    expect(astype(a.arr, '<f8')).not.toBe(a.arr);
    expect(astype(f, '<f4').strides).toEqual([4, 8]);
    expect(() => astype([1, 2] as unknown as NdArray, '<f8')).toThrow(TypeError);
  });

  test('isdtype: every dtype against every kind name, dtype kinds and lists', () => {
    const dts = ['?', 'i1', 'u1', '>i2', 'u4', 'i8', 'u8', 'f2', '>f4', 'f8', 'c8', 'c16', 'S3', 'V4', '[("a", "<i4"), ("b", "<f8")]'];
    const kinds: (string | string[])[] = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric', 'f8', '>i2', 'V8', ['bool', 'f4'], ['c16', 'integral']];
    const want = runNumpy<unknown[]>(`
dts = ${JSON.stringify(dts)}
kinds = json.loads(${JSON.stringify(JSON.stringify(kinds))})
names = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric']
def kind(k):
    if isinstance(k, list): return tuple(kind(x) for x in k)
    return k if k in names else np.dtype(k)
out = []
for d in dts:
    dt = np.dtype(eval(d) if d.startswith('[') else d)
    out.append([np.isdtype(dt, kind(k)) for k in kinds])
for args in [(np.dtype('f8'), 'floating'), (np.dtype('f8'), 3)]:
    try: np.isdtype(*args)
    except Exception as e: out.append(type(e).__name__)
print(json.dumps(out))
`);
    const names = ['bool', 'signed integer', 'unsigned integer', 'integral', 'real floating', 'complex floating', 'numeric'];
    const kindOf = (k: string | string[]): DTypeKindName | DType | (DTypeKindName | DType)[] =>
      Array.isArray(k) ? (k.map(kindOf) as (DTypeKindName | DType)[]) : names.includes(k) ? (k as DTypeKindName) : dtype(k);
    const got: unknown[] = dts.map((d) => {
      const dt = d.startsWith('[') ? dtype([['a', '<i4'], ['b', '<f8']]) : dtype(d);
      return kinds.map((k) => isdtype(dt, kindOf(k)));
    });
    for (const args of [[dtype('f8'), 'floating'], [dtype('f8'), 3]] as const) {
      try {
        isdtype(args[0], args[1] as DTypeKindName);
      } catch (e) {
        got.push((e as Error).name);
      }
    }
    expect(got).toEqual(want);
    expect(() => isdtype('f8' as unknown as DType, 'numeric')).toThrow(new TypeError("dtype argument must be a NumPy dtype, but it is 'f8'."));
  });
});

describeWithNumpy('array-API names against NumPy: fuzz pass 10 (seeds 7000078 7000221 7000298 7000749)', () => {
  test("cumulativeSum/Prod with includeInitial keep concatenate's memory order; unstack of a 1-d array gives NumPy scalars (native 0-d copies)", () => {
    const views: ViewSpec[] = [{ shape: [3, 2], perm: [1, 0] }, { shape: [2, 3] }, { shape: [4, 3, 2], perm: [2, 1, 0] }, { shape: [3, 4], index: '::-1, ::2' }, { shape: [3, 4], to: [2, 3, 4] }];
    const cases: LayoutCase[] = [];
    for (const v of views) {
      for (let axis = 0; axis < jsView(v).ndim; axis++) {
        for (const dt of ['<f8', '<c8', '<i4']) {
          cases.push({ py: `np.cumulative_sum(${pyView(v)}.astype('${dt}'), axis=${axis}, include_initial=True)`, js: () => mm.cumulativeSum(jsView(v).astype(dt), { axis, includeInitial: true }) });
          cases.push({ py: `np.cumulative_prod(${pyView(v)}.astype('${dt}'), axis=${axis}, include_initial=True)`, js: () => mm.cumulativeProd(jsView(v).astype(dt), { axis, includeInitial: true }) });
        }
      }
    }
    for (const dt of ['>f8', '<i2', '>c8', '|b1']) {
      cases.push({ py: `np.unstack(np.arange(3).astype('${dt}'))[1]`, js: () => mm.unstack(mm.arange(3).astype(dt))[1] });
      cases.push({ py: `np.unstack(np.arange(6).astype('${dt}').reshape(2, 3), axis=1)[2]`, js: () => mm.unstack(mm.arange(6).astype(dt).reshape([2, 3]), { axis: 1 })[2] });
    }
    expectLayoutsLikeNumpy(cases);
    const v = mm.arange(3).astype('>f8');
    expect(mm.sharesMemory(mm.unstack(v)[0], v)).toBe(false);
    const m = mm.arange(6).reshape([2, 3]);
    expect(mm.sharesMemory(mm.unstack(m)[0], m)).toBe(true);
    // A record's np.void looks into the array (np.shares_memory(np.unstack(r)[0], r) is True; fuzz 9008045).
    const r = mm.zeros([3], [['a', '>f2'], ['b', '<i4']] as never);
    const pieces = mm.unstack(r);
    expect(pieces.map((p) => [p.shape, p.dtype.str, mm.sharesMemory(p, r)])).toEqual([0, 1, 2].map(() => [[], r.dtype.str, true]));
  });
});

describeWithNumpy('vecdot and vecmat of complex vectors of length 0 or broadcast', () => {
  test("the result is laid out by x1's strides, as NumPy's gufunc lays it out (fuzz seed 11250826)", () => {
    // conj(x1) was a new empty array (zero strides): the product then came out in C order.
    const views: [number[], number[]][] = [[[2, 3, 4, 2], [3, 2, 0, 1]], [[2, 2, 2, 3], [2, 0, 3, 1]], [[3, 3, 2], [1, 0, 2]]];
    const cases: LayoutCase[] = [];
    for (const [shape, perm] of views) {
      const py = `np.zeros((${shape.join(', ')}), '<c8').transpose((${perm.join(', ')}))[..., :0]`;
      const js = (): NdArray => mm.zeros(shape, '<c8').transpose(perm).index('..., :0');
      cases.push({ py: `np.vecdot(${py}, np.zeros(0, '<i8'))`, js: () => mm.vecdot(js(), mm.zeros([0], '<i8')) });
      cases.push({ py: `np.vecmat(${py}, np.ones((0, 2)))`, js: () => mm.vecmat(js(), mm.ones([0, 2])) });
    }
    // A broadcast x1 (stride 0): conj(x1) was a new array in full, laid out otherwise.
    const broadcast: [number[], number[], number[], number[] | null][] = [
      [[2, 1, 1, 1], [0, 3, 2, 1], [2, 3, 3, 1], [1, 2, 3, 0]],
      [[2, 2, 1, 2], [0, 3, 1, 2], [2, 2, 3, 2], null],
      [[3, 1, 3, 2], [0, 1, 2, 3], [3, 2, 3, 2], [3, 2, 0, 1]],
      [[1, 3, 1, 2], [3, 0, 1, 2], [1, 3, 3, 2], null],
    ];
    for (const [base, perm, to, bperm] of broadcast) {
      const inv = perm.map((_, i) => perm.indexOf(i));
      const py = `np.broadcast_to(np.zeros((${perm.map((p) => base[p]).join(', ')}), '<c8').transpose((${inv.join(', ')})), (${to.join(', ')}))`;
      const js = (): NdArray => mm.broadcastTo(mm.zeros(perm.map((p) => base[p]), '<c8').transpose(inv), to);
      if (bperm === null) {
        cases.push({ py: `np.vecmat(${py}, np.ones((${to[to.length - 1]}, 2)))`, js: () => mm.vecmat(js(), mm.ones([to[to.length - 1], 2])) });
      } else {
        const binv = bperm.map((_, i) => bperm.indexOf(i));
        const pyb = `np.ones((${bperm.map((p) => to[p]).join(', ')})).transpose((${binv.join(', ')}))`;
        cases.push({ py: `np.vecdot(${py}, ${pyb})`, js: () => mm.vecdot(js(), mm.ones(bperm.map((p) => to[p])).transpose(binv)) });
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});
