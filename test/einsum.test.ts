// einsum / einsumPath against NumPy 2: dtype, shape and every byte of the
// result over dtypes, shapes, ellipsis, diagonals, 0-d and empty operands,
// strided and byte-swapped inputs, `dtype`/`out`/`optimize`; NumPy's error
// words; the views NumPy returns; NumPy's greedy paths. The data are small
// integers, so every float sum is exact whatever order it adds in.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { einsum, einsumPath } from '../lib/einsum';
import { asarray, arange, fromBuffer, ones, zeros } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { type Case, expectCasesLikeNumpy as check } from './helpers/np-compare';
import { seeded, shared, type Shared } from './helpers/np-data';
import { ORDER_VIEWS, expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase } from './helpers/np-layout';

function data(dtype: string, shape: number[], seed: number): Shared {
  const r = seeded(seed);
  const n = shape.reduce((x, y) => x * y, 1);
  const vals = Array.from({ length: n }, () => Math.floor(r() * 5) - (dtype.includes('u') || dtype.includes('b') ? 0 : 1));
  if (dtype === '|b1') return shared(vals.map((v) => (v > 1 ? 1 : 0)), dtype, shape);
  return shared(vals, dtype, shape);
}

/** `np.einsum(subscripts, *ops, **kw)` beside `einsum(subscripts, ...ops, kw)`. */
function ein(subscripts: string, ops: Shared[], js: Record<string, unknown> = {}, py = ''): Case {
  return {
    py: `np.einsum('${subscripts}', ${ops.map((o) => o.py).join(', ')}${py === '' ? '' : `, ${py}`})`,
    js: () => einsum(subscripts, ...ops.map((o) => o.arr), js),
  };
}

/** The subscripts and operand shapes exercised for every dtype. */
const FORMS: [string, number[][]][] = [
  ['ij,jk->ik', [[3, 4], [4, 5]]],
  ['ij,jk', [[3, 4], [4, 2]]],
  ['ii', [[4, 4]]],
  ['ii->i', [[4, 4]]],
  ['iij->ji', [[3, 3, 2]]],
  ['i,i', [[5], [5]]],
  ['i,i->i', [[5], [5]]],
  ['i,j->ij', [[3], [4]]],
  ['ij->ji', [[3, 4]]],
  ['ijk->kji', [[2, 3, 4]]],
  ['ijk->k', [[2, 3, 4]]],
  ['ij->', [[3, 4]]],
  ['ba', [[3, 4]]],
  ['Ab,bA', [[2, 3], [3, 2]]],
  ['bij,bjk->bik', [[2, 3, 4], [2, 4, 3]]],
  ['...ij,...jk->...ik', [[2, 3, 4], [4, 2]]],
  ['...ij,...jk', [[2, 1, 3, 4], [5, 4, 2]]],
  ['i...->...', [[3, 2, 2]]],
  ['...,...', [[2, 3], [3]]],
  ['ij,ij->ij', [[2, 1], [2, 3]]],
  [',i->i', [[], [4]]],
  ['ij,jk,kl->il', [[2, 3], [3, 4], [4, 2]]],
  ['ijk,jl,kl->il', [[2, 3, 4], [3, 5], [4, 5]]],
  ['i,j,k->ijk', [[2], [3], [2]]],
  ['ij,ij->', [[3, 4], [3, 4]]],
  ['iji->j', [[3, 2, 3]]],
];

describeWithNumpy('einsum against NumPy', () => {
  test.each(['<f8', '<f4', '<f2', '<i8', '<i4', '<i1', '<u1', '>f8', '|b1', '<c16'])('every form over %s', (dt) => {
    const cases: Case[] = [];
    FORMS.forEach(([s, shapes], k) => {
      const ops = shapes.map((sh, i) => data(dt, sh, 100 * k + i + 1));
      cases.push(ein(s, ops));
      if (shapes.length > 1) {
        cases.push(ein(s, ops, { optimize: true }, 'optimize=True'));
        cases.push(ein(s, ops, { optimize: 'greedy' }, "optimize='greedy'"));
      }
    });
    check(cases);
  });

  test('type promotion, dtype, casting and integer wrap-around', () => {
    const i1 = data('<i1', [4], 1);
    const u1 = data('<u1', [4], 2);
    const f4 = data('<f4', [4], 3);
    const big = shared([100, 100, 100], '<i1', [3]);
    const two = shared([2, 2, 2], '<i1', [3]);
    check([
      ein('i,i->', [i1, u1]),
      ein('i,i', [i1, f4]),
      ein('i,i->i', [u1, f4]),
      ein('i,i->', [big, two]),
      ein('i->', [big]),
      ein('i,i->', [i1, u1], { dtype: '<f8' }, 'dtype=np.float64'),
      ein('i->', [f4], { dtype: '<i4' }, 'dtype=np.int32'),
      ein('i->', [f4], { dtype: '<i4', casting: 'unsafe' }, "dtype=np.int32, casting='unsafe'"),
      ein('i->i', [f4], { dtype: '<f2', casting: 'same_kind' }, "dtype=np.float16, casting='same_kind'"),
      ein('ij->ji', [data('<f4', [2, 3], 4)], { dtype: '<f8' }, 'dtype=np.float64'),
    ]);
  });

  test('empty, 0-d, strided and byte-swapped operands', () => {
    const z0 = data('<f8', [0, 3], 1);
    const z1 = data('<f8', [3, 2], 2);
    const e2 = data('<f8', [2, 0], 3);
    const e3 = data('<f8', [0, 3], 4);
    const s = data('<f8', [], 5);
    const m = data('>f4', [6, 8], 6);
    const v = data('<i2', [12], 7);
    const strided = (x: Shared, idx: string): Shared => ({ arr: x.arr.index(idx), py: `${x.py}[${idx}]` });
    const t = (x: Shared): Shared => ({ arr: x.arr.T, py: `${x.py}.T` });
    check([
      ein('ij,jk->ik', [z0, z1]),
      ein('ij,jk->ik', [e2, e3]),
      ein('ij->', [z0]),
      ein('ii', [data('<f8', [0, 0], 8)]),
      ein('', [s]),
      ein('->', [s]),
      ein(',', [s, s]),
      ein('ij,jk->ik', [strided(m, '::2, ::-2'), strided(m, '1::2, 1:5')]),
      ein('ij,jk->ik', [t(strided(m, '::2, ::2')), strided(m, '::3, ::2')]),
      ein('ii->i', [strided(m, '::-1, 2:8')]),
      ein('ij->j', [strided(m, ':, ::-3')]),
      ein('i,i', [strided(v, '::2'), strided(v, '::-2')]),
      ein('ij,jk,kl->il', [strided(m, '::2, ::2'), strided(m, '::2, 1::2'), strided(m, ':4, :3')], { optimize: true }, 'optimize=True'),
    ]);
  });

  test("NumPy's errors for bad subscripts, operand counts, sizes, dtypes and out", () => {
    const a = data('<f8', [2, 3], 1);
    const b = data('<f8', [4, 5], 2);
    const c = data('<f8', [3], 3);
    const sq = data('<f8', [2, 2], 4);
    check([
      ein('ij,jk->ik', [a, b]),
      ein('ij,jk->ik', [a, b], { optimize: true }, 'optimize=True'),
      ein('ij,jk', [a]),
      ein('ij', [a, a]),
      ein('i2', [a]),
      ein('ijk', [a]),
      ein('i', [a]),
      ein('ij->k', [a]),
      ein('ij->ii', [a]),
      ein('ij->j->', [a]),
      ein('..i', [a]),
      ein('i.j', [a]),
      ein('ij->i.', [a]),
      ein('ii->i', [a]),
      ein('i-', [c]),
      ein('ij,j', [sq, c]),
      ein('...i,...i', [a, data('<f8', [4, 3], 5)]),
      ein('i,j->', [c, c], { casting: 'bad' as never }, "casting='bad'"),
      ein('i', [c], { order: 'X' as never }, "order='X'"),
      ein('ij->', [a], { dtype: '<i4' }, 'dtype=np.int32'),
      { py: `np.einsum('i->', ${c.py}, out=np.zeros((), np.int32))`, js: () => einsum('i->', c.arr, { out: zeros([], '<i4') }) },
      { py: `np.einsum('ij->i', ${a.py}, out=np.zeros((2, 3)))`, js: () => einsum('ij->i', a.arr, { out: zeros([2, 3]) }) },
      { py: `np.einsum('ij->i', ${a.py}, out=np.zeros(1))`, js: () => einsum('ij->i', a.arr, { out: zeros([1]) }) },
      { py: `np.einsum('i->i', ${c.py}, out=np.zeros(4))`, js: () => einsum('i->i', c.arr, { out: zeros([4]) }) },
      { py: `np.einsum('ij', *[])`, js: () => einsum('ij') },
      { py: `np.einsum(','.join(['i'] * 64), *[np.ones(2)] * 64)`, js: () => einsum(new Array(64).fill('i').join(','), ...new Array(64).fill(ones([2]))) },
    ]);
    expect(() => einsum('ij', a.arr, { nope: 1 } as never)).toThrow(TypeError);
  });

  test('out: the result written into out (cast under casting) and out returned', () => {
    const a = data('<i4', [3, 4], 1);
    const b = data('<i4', [4, 2], 2);
    const out = zeros([3, 2], '<f8');
    const r = einsum('ij,jk->ik', a.arr, b.arr, { out });
    expect(r).toBe(out);
    const want = runNumpy<number[][]>(`print(json.dumps(np.einsum('ij,jk->ik', ${a.py}, ${b.py}).tolist()))`);
    expect(out.toArray()).toEqual(want);
    // A single operand with out: a copy into out, not a view.
    const o2 = zeros([4, 3], '<i8');
    einsum('ij->ji', a.arr, { out: o2 });
    expect(o2.toArray()).toEqual(a.arr.T.astype('<i8').toArray());
    // out overlapping the input: the result of the inputs as they were.
    const m = arange(9).reshape([3, 3]).astype('<f8');
    const expected = runNumpy<number[][]>(`m = np.arange(9.).reshape(3, 3); print(json.dumps(np.einsum('ij,jk->ik', m, m).tolist()))`);
    einsum('ij,jk->ik', m, m, { out: m });
    expect(m.toArray()).toEqual(expected);
    const ro = zeros([3, 2]);
    ro.flags.writeable = false;
    expect(() => einsum('ij,jk->ik', a.arr, b.arr, { out: ro })).toThrow(/read-only/);
  });

  test('views where NumPy returns views: diagonal, transpose, ellipsis moves; writeable through them', () => {
    const v = runNumpy<boolean[]>(`
a = np.arange(9.).reshape(3, 3)
print(json.dumps([bool(np.shares_memory(np.einsum(s, a), a)) for s in ['ii->i', 'ij->ji', 'ij', 'ji', '...->...', 'i...->...i', 'ii', 'ij->']]))`);
    const a = arange(9).reshape([3, 3]).astype('<f8');
    const forms = ['ii->i', 'ij->ji', 'ij', 'ji', '...->...', 'i...->...i', 'ii', 'ij->'];
    expect(forms.map((s) => einsum(s, a).buffer === a.buffer && einsum(s, a).ndim > 0)).toEqual(v);
    const d = einsum('ii->i', a);
    expect(d.flags.writeable).toBe(true);
    d.set(1, 100);
    expect(a.get(1, 1)).toBe(100);
    // NumPy returns the view before it looks at dtype: the operand's dtype, shared memory.
    const f = einsum('ij->ji', a, { dtype: '<f4' });
    expect([f.buffer === a.buffer, f.dtype.str]).toEqual([true, '<f8']);
    // A read-only operand gives a read-only view.
    const ro = arange(4).reshape([2, 2]);
    ro.flags.writeable = false;
    expect(einsum('ij->ji', ro).flags.writeable).toBe(false);
  });

  test("einsumPath: NumPy's greedy paths", () => {
    const specs: [string, number[][]][] = [
      ['ij,jk,kl->il', [[2, 3], [3, 4], [4, 5]]],
      ['ea,fb,abcd,gc,hd->efgh', [[10, 10], [10, 10], [10, 10, 10, 10], [10, 10], [10, 10]]],
      ['ij,jk,kl,lm->im', [[50, 3], [3, 60], [60, 2], [2, 70]]],
      ['i,j,k->ijk', [[2], [3], [4]]],
      ['ab,bc,cd,de,ef->af', [[8, 9], [9, 10], [10, 3], [3, 20], [20, 4]]],
      ['abc,bcd,dea,e->', [[3, 4, 5], [4, 5, 6], [6, 7, 3], [7]]],
      ['ii,ij,jk->k', [[4, 4], [4, 5], [5, 6]]],
      ['ij,jk->ik', [[2, 3], [3, 4]]],
      ['ij->', [[2, 3]]],
    ];
    const want = runNumpy<unknown[][]>(`print(json.dumps([[p if isinstance(p, str) else list(p) for p in np.einsum_path(s, *[np.ones(x) for x in sh], optimize='greedy')[0]] for s, sh in ${JSON.stringify(specs)}]))`);
    const got = specs.map(([s, sh]) => einsumPath(s, ...sh.map((x) => ones(x)))[0]);
    expect(got).toEqual(want);
    // A path from einsumPath drives einsum, with the same result.
    const ops = specs[2][1].map((sh) => arange(sh.reduce((x, y) => x * y, 1)).reshape(sh).astype('<f8'));
    const path = einsumPath(specs[2][0], ...ops)[0];
    expect(einsum(specs[2][0], ...ops, { optimize: path }).toArray()).toEqual(einsum(specs[2][0], ...ops).toArray());
    expect(() => einsum('ij', asarray([[1]]), { optimize: ['nope'] as never })).toThrow(TypeError);
  });
});

// einsum's quick trace and inner product (float64, no options object) against
// the general path it short-cuts (an options object forces that path): the same
// bits over float data whose sum depends on the order, strided, reversed,
// transposed and unaligned views, -0 and NaN; and NumPy's value for the call form.
describe('einsum trace and inner product without options', () => {
  const floats = (n: number, seed: number): Float64Array => {
    const r = seeded(seed);
    return Float64Array.from({ length: n }, () => (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6));
  };
  const same = (x: unknown, y: unknown): void => {
    const a = x as ReturnType<typeof einsum>;
    const b = y as ReturnType<typeof einsum>;
    expect(a.shape).toEqual(b.shape);
    expect(a.dtype.str).toBe(b.dtype.str);
    expect(Object.is(a.get(), b.get())).toBe(true);
  };
  test('trace: the bits of the general path', () => {
    for (const n of [0, 1, 2, 7, 8, 9, 16, 17, 129, 300]) {
      const m = fromBuffer(floats(n * n + 1, n), '<f8');
      const sq = m.index(`1:${n * n + 1}`).reshape([n, n]);
      for (const v of [sq, sq.T, sq.index('::-1, :'), sq.index(':, ::-1')]) {
        same(einsum('ii', v), einsum('ii', v, {}));
        same(einsum('jj->', v), einsum('jj->', v, {}));
      }
    }
    // Unaligned: a float64 view at byte offset 1 of a byte buffer.
    const bytes = new Uint8Array(8 * 400 + 8);
    new Uint8Array(floats(401, 3).buffer).forEach((b, i) => { bytes[i] = b; });
    const un = fromBuffer(bytes.buffer, '|u1').index('1:3201').view('<f8').reshape([20, 20]);
    same(einsum('ii', un), einsum('ii', un, {}));
    // A -0 sum comes out +0 (NumPy's zeroed output); NaN stays.
    const f8 = (v: number[], shape: number[]): ReturnType<typeof einsum> => fromBuffer(new Float64Array(v).buffer, '<f8').reshape(shape);
    expect(Object.is(einsum('ii', f8([-0, 1, 2, -0], [2, 2])).get(), 0)).toBe(true);
    expect(einsum('ii', f8([NaN, 1, 2, 3], [2, 2])).get()).toBeNaN();
  });
  test('inner product: the bits of the general path', () => {
    for (const n of [1, 2, 15, 16, 17, 100, 1000]) {
      const x = fromBuffer(floats(2 * n, n), '<f8');
      const y = fromBuffer(floats(2 * n, n + 50), '<f8');
      for (const [a, b] of [[x.index(`:${n}`), y.index(`:${n}`)], [x.index('::2'), y.index('::-2')], [x.index(`${n}:`), x.index(`:${n}`)]]) {
        same(einsum('i,i', a, b), einsum('i,i', a, b, {}));
        same(einsum('k,k->', a, b), einsum('k,k->', a, b, {}));
      }
    }
    const f8 = (v: number[]): ReturnType<typeof einsum> => fromBuffer(new Float64Array(v).buffer, '<f8');
    expect(Object.is(einsum('i,i', f8([-0]), f8([1])).get(), 0)).toBe(true);
    // Not the quick forms: the general path's answers and errors.
    expect(einsum('i,i->i', f8([1.5, 2]), f8([3, 4])).toArray()).toEqual([4.5, 8]);
    expect(() => einsum('i,i', f8([1, 2]), f8([1, 2, 3]))).toThrow(/could not be broadcast/);
    expect(() => einsum('ii', f8([1, 2, 3, 4, 5, 6]).reshape([2, 3]))).toThrow(/don't match/);
  });
  describeWithNumpy('against NumPy', () => {
    test('trace and inner product called without options', () => {
      const sq = data('<f8', [6, 6], 11);
      const v = data('<f8', [9], 12);
      const w = data('<f8', [9], 13);
      check([
        { py: `np.einsum('ii', ${sq.py})`, js: () => einsum('ii', sq.arr) },
        { py: `np.einsum('i,i', ${v.py}, ${w.py})`, js: () => einsum('i,i', v.arr, w.arr) },
      ]);
    });
  });
});

describeWithNumpy('einsum: found by the differential fuzzer (seeds 6000050, 6000651)', () => {
  test('a 0-d output of one operand is computed, not a view (NumPy returns a scalar: native byte order)', () => {
    const a = mm.array(1.5, 'f8');
    const r = einsum('', a);
    expect(mm.sharesMemory(r, a)).toBe(false);
    npc.expectCasesLikeNumpy([
      { py: "np.asarray(np.einsum('->', np.array(3, '>i4')))", js: () => einsum('->', mm.array(3, '>i4')) },
      { py: "np.asarray(np.einsum('', np.array(1+2j, '>c8')))", js: () => einsum('', mm.array({ re: 1, im: 2 }, '>c8')) },
      { py: "np.asarray(np.einsum('...->', np.array(7, 'u4'), dtype='i8'))", js: () => einsum('...->', mm.array(7, 'u4'), { dtype: 'i8' }) },
    ]);
  });
});

describeWithNumpy('einsum: a summed letter of length 0 adds no product, so the result is 0 beside an inf (fuzz seed 9377316)', () => {
  test("optimize=False: zeros of the output's shape and dtype; optimize=True: NumPy's own steps, NaN there", () => {
    const y = "np.array([-np.inf, -0.0, -1.5])";
    const jy = (): mm.NdArray => mm.array([-Infinity, -0, -1.5]);
    check([
      { py: `np.einsum('ijk,j->k', np.zeros((0, 3, 3)), ${y})`, js: () => einsum('ijk,j->k', zeros([0, 3, 3]), jy()) },
      { py: `np.asarray(np.einsum('ij,j->', np.zeros((0, 3)), ${y}))`, js: () => einsum('ij,j->', zeros([0, 3]), jy()) },
      { py: `np.einsum('i,j->j', np.zeros(0, 'f4'), ${y}.astype('f4'))`, js: () => einsum('i,j->j', zeros([0], 'f4'), jy().astype('f4')) },
      { py: `np.einsum('ij,jk->ik', np.zeros((2, 0)), np.full((0, 3), np.inf))`, js: () => einsum('ij,jk->ik', zeros([2, 0]), mm.full([0, 3], Infinity)) },
      { py: `np.einsum('ijk,j->k', np.zeros((0, 3, 3)), ${y}, optimize=True)`, js: () => einsum('ijk,j->k', zeros([0, 3, 3]), jy(), { optimize: true }) },
    ]);
  });
});

describeWithNumpy("einsum order 'K': the result laid out as NumPy's iterator allocates it (fuzz pass 9)", () => {
  test("the output's letters in the operands' memory order, summed letters included", () => {
    // [subscripts, the second operand: none, the view itself, its transpose, or its [..., 0]]
    const subs: Record<number, [string, string][]> = {
      2: [['ij->ji', ''], ['ij,ij->ji', 'same'], ['ij,ij->ij', 'same'], ['ij,kj->ik', 'same'], ['ij,kj->ki', 'same'], ['ij,jk->ki', 'T'], ['ji,jk->ik', 'same']],
      3: [['ijk->kj', ''], ['ijk->ik', ''], ['ijk->kij', ''], ['ijk,ijk->kji', 'same'], ['ijk,ijk->ik', 'same'], ['ijk,ijk->ki', 'same'], ['ijk,ij->kj', 'cut']],
      4: [['ijkl->lj', ''], ['ijkl->ljki', ''], ['ijkl,ijkl->jlk', 'same'], ['ijkl,ijkl->li', 'same']],
    };
    const cases: LayoutCase[] = [];
    for (const v of ORDER_VIEWS) {
      for (const [s, second] of subs[jsView(v).ndim] ?? []) {
        if (second === '') {
          cases.push({ py: `np.einsum('${s}', ${pyView(v)})`, js: () => einsum(s, jsView(v)) });
        } else if (second === 'same') {
          cases.push({ py: `np.einsum('${s}', ${pyView(v)}, ${pyView(v)})`, js: () => einsum(s, jsView(v), jsView(v)) });
        } else if (second === 'T') {
          cases.push({ py: `np.einsum('${s}', ${pyView(v)}, ${pyView(v)}.T)`, js: () => einsum(s, jsView(v), jsView(v).T) });
        } else {
          cases.push({ py: `np.einsum('${s}', ${pyView(v)}, ${pyView(v)}[..., 0])`, js: () => einsum(s, jsView(v), jsView(v).index('..., 0')) });
        }
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describe('einsum: a 0-d record or void result is the view itself (NumPy returns a void scalar that refers to the array; fuzz seed 9201132)', () => {
  test('the identity of a 0-d record view shares memory, keeps the byte order and writes through', () => {
    const recs = mm.zeros([2], [['a', '>i4'], ['b', 'u1']]);
    const r = einsum('->', recs.index('0, ...'));
    expect(mm.sharesMemory(r, recs)).toBe(true);
    expect(r.dtype.str).toBe(recs.dtype.str);
    r.field('a').set([], 5);
    expect(recs.field('a').toArray()).toEqual([5, 0]);
    const v = mm.zeros([], 'V4');
    expect(mm.sharesMemory(einsum('->', v), v)).toBe(true);
    // Other 0-d results stay NumPy's scalar copies.
    const f = mm.array(2.5, '>f8');
    expect(mm.sharesMemory(einsum('->', f), f)).toBe(false);
  });
});

describe("einsum of bytes and records: NumPy's errors wherever it must add or multiply (fuzz seed 9702752)", () => {
  const rec = zeros([2, 3], [['a', '<i2']]);
  test('a sum or a product starts from a bool False cast into the dtype, which bytes and records refuse', () => {
    expect(() => einsum('ij->', rec)).toThrow(new TypeError("Cannot cast scalar from dtype('bool') to dtype([('a', '<i2')]) according to the rule 'safe'"));
    // Even with nothing to add: an empty record array.
    expect(() => einsum('ij->', rec.index(':, 3:1'))).toThrow(TypeError);
    expect(() => einsum('i,i->i', zeros([3], 'S2'), zeros([3], 'S2'))).toThrow(new TypeError("Cannot cast scalar from dtype('bool') to dtype('S2') according to the rule 'safe'"));
  });
  test('a plain void, or bytes beside a number: "invalid data type for einsum"', () => {
    expect(() => einsum('i->', zeros([3], 'V4'))).toThrow(new TypeError('invalid data type for einsum'));
    expect(() => einsum('i,i', zeros([3], 'S2'), zeros([3]))).toThrow(new TypeError('invalid data type for einsum'));
    // A record beside a number has no common dtype: NumPy's promotion error (fuzz seeds 9764484, 9770005).
    expect(() => einsum('ij,j->i', rec, ones([3]))).toThrow(mm.DTypePromotionError);
  });
  test('a view (nothing summed, one operand) is returned as NumPy returns it', () => {
    expect(einsum('ij->ji', rec).shape).toEqual([3, 2]);
    expect(einsum('ii->i', rec.index(':, :2')).dtype.str).toBe('|V2');
  });
});

describe("einsum order 'A': Fortran when every operand is F-contiguous, 1-d ones included (fuzz seed 9719893)", () => {
  test('outer products of 1-d operands, and of a 1×n row, are laid out F; a C matrix keeps C', () => {
    // NumPy 2.4: np.einsum('i,j', ones(2), ones(3), order='A').strides == (8, 16).
    expect(einsum('i,j', ones([2]), ones([3]), { order: 'A' }).strides).toEqual([8, 16]);
    expect(einsum('ij,m', ones([1, 2], '|b1'), ones([3], '|b1'), { order: 'A' }).strides).toEqual([1, 1, 2]);
    expect(einsum('ij,m', ones([2, 2]), ones([3]), { order: 'A' }).strides).toEqual([48, 24, 8]);
  });
});
