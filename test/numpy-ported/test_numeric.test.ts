// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4), classes
// TestNonzero (count_nonzero, nonzero), TestBoolArray, TestClip, TestTypes
// (promotion, can_cast) and TestArgwhere, ported test by test: same names, same
// intent, the same values, shapes and errors (TestTypes' skips are listed above it).
//
// Mapping: np.count_nonzero(a, axis=, keepdims=) -> countNonzero(a, axis,
// { keepdims }) (a 0-d int64 array for the whole array); np.nonzero(a) ->
// nonzero(a) (one int64 array per axis); np.array(list, dtype) -> zeros +
// set. np.typecodes['All'] is run for the dtypes that exist here (not g, G,
// U, O, M, m).
//
// Skipped (not counted as passing):
// - test_nonzero_invalid_object, test_nonzero_sideeffect_safety, test_nonzero_exception_safe,
//   the object half of test_count_nonzero_axis_consistent: object arrays (Python __bool__) do not exist here
//   (test_count_nonzero_axis_consistent is ported against a JS count instead).
import { absolute, add, all, any, arange, argwhere, AxisError, bitwiseAnd, canCast, bitwiseOr, bitwiseXor, clip, countNonzero, dtype, empty, greater, greaterEqual, invert, less, lessEqual, logicalAnd, logicalNot, logicalOr, logicalXor, max, maximum, mayShareMemory, min, minimum, multiply, NdArray, nonzero, promoteTypes, resultType, ValueError, where, zeros } from '../../lib';
import type { Casting, DType, DTypeLike, UfuncInput } from '../../lib';
import { rng } from '../helpers/bytes';
import { array, shapeOf, vals } from '../helpers/np-array';

/** np.count_nonzero(...) as a JS number (or nested numbers for an axis). */
function count(a: NdArray, axis?: number | number[] | null, keepdims?: boolean): unknown {
  const r = countNonzero(a, axis as never, keepdims === undefined ? {} : { keepdims });
  const v = r.toArray();
  const num = (x: unknown): unknown => (Array.isArray(x) ? x.map(num) : Number(x as bigint));
  return num(v);
}

function nz(a: NdArray): number[][] {
  return nonzero(a).map((c) => (c.toArray() as bigint[]).map(Number));
}


describe('TestNonzero', () => {
  test('test_nonzero_trivial', () => {
    expect(count(zeros(0, 'f8'))).toBe(0);
    expect(count(zeros(0, '?'))).toBe(0);
    expect(nz(zeros(0, 'f8'))).toEqual([[]]);

    expect(count(array([0]))).toBe(0);
    expect(count(array([false], '?'))).toBe(0);
    expect(nz(array([0]))).toEqual([[]]);

    expect(count(array([1]))).toBe(1);
    expect(count(array([true], '?'))).toBe(1);
    expect(nz(array([1]))).toEqual([[0]]);
  });

  test('test_nonzero_zerodim', () => {
    const errMsg = /Calling nonzero on 0d arrays is not allowed/;
    expect(() => nonzero(zeros([], 'i8'))).toThrow(ValueError);
    expect(() => nonzero(zeros([], 'i8'))).toThrow(errMsg);
    const one = zeros([], 'i8');
    one.fill(1);
    expect(() => one.nonzero()).toThrow(errMsg);
  });

  test('test_nonzero_onedim', () => {
    let x = array([1, 0, 2, -1, 0, 0, 8]);
    expect(count(x)).toBe(4);
    expect(count(x)).toBe(4);
    expect(nz(x)).toEqual([[0, 2, 3, 6]]);

    x = array(
      [
        [1, 2, -5, -3],
        [0, 0, 2, 7],
        [1, 1, 0, 1],
        [-1, 3, 1, 0],
        [0, 7, 0, 4],
      ],
      [
        ['a', 'i4'],
        ['b', 'i2'],
        ['c', 'i1'],
        ['d', 'i8'],
      ],
      [5],
    );
    expect(count(x.field('a'))).toBe(3);
    expect(count(x.field('b'))).toBe(4);
    expect(count(x.field('c'))).toBe(3);
    expect(count(x.field('d'))).toBe(4);
    expect(nz(x.field('a'))).toEqual([[0, 2, 3]]);
    expect(nz(x.field('b'))).toEqual([[0, 2, 3, 4]]);
  });

  test('test_nonzero_twodim', () => {
    let x = array([
      [0, 1, 0],
      [2, 0, 3],
    ]);
    for (const t of ['i1', 'i2', 'i4', 'i8']) expect(count(x.astype(t))).toBe(3);
    expect(nz(x)).toEqual([
      [0, 1, 1],
      [1, 0, 2],
    ]);

    x = zeros([3, 3], 'f8');
    for (let i = 0; i < 3; i++) x.set(`${i}, ${i}`, 1); // np.eye(3)
    for (const t of ['i1', 'i2', 'i4', 'i8']) expect(count(x.astype(t))).toBe(3);
    expect(nz(x)).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);

    x = array(
      [
        [
          [0, 1],
          [0, 0],
          [1, 11],
        ],
        [
          [1, 1],
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 5],
          [0, 1],
        ],
      ],
      [
        ['a', 'f4'],
        ['b', 'u1'],
      ],
      [3, 3],
    );
    expect(count(x.field('a'))).toBe(4);
    expect(count(x.field('b'))).toBe(5);
    expect(nz(x.field('a'))).toEqual([
      [0, 1, 1, 2],
      [2, 0, 1, 1],
    ]);
    expect(nz(x.field('b'))).toEqual([
      [0, 0, 1, 2, 2],
      [0, 2, 0, 1, 2],
    ]);

    expect(x.field('a').transpose().flags.aligned).toBe(false);
    expect(count(x.field('a').transpose())).toBe(4);
    expect(count(x.field('b').transpose())).toBe(5);
    expect(nz(x.field('a').transpose())).toEqual([
      [0, 1, 1, 2],
      [1, 1, 2, 0],
    ]);
    expect(nz(x.field('b').transpose())).toEqual([
      [0, 0, 1, 2, 2],
      [0, 1, 2, 0, 2],
    ]);
  });

  test('test_sparse', () => {
    // test special sparse condition boolean code path
    for (let i = 0; i < 20; i++) {
      let c = zeros(200, '?');
      c.set(`${i}::20`, true);
      expect(nz(c)[0]).toEqual(Array.from({ length: 10 }, (_, k) => i + 20 * k));

      c = zeros(400, '?');
      c.set(`${10 + i}:${20 + i}`, true);
      c.set(`${20 + i * 2}`, true);
      expect(nz(c)[0]).toEqual([...Array.from({ length: 10 }, (_, k) => 10 + i + k), 20 + i * 2]);
    }
  });

  test.each(['float32', 'float64'])('test_nonzero_float_dtypes[%s]', (dt) => {
    const rand = rng(10);
    const vals = Array.from({ length: 100 }, () => 2 ** 33 * (rand() - 0.5));
    const x = array(vals, dt);
    for (let k = 0; k < 100; k++) x.set(`${Math.floor(rand() * 50)}`, 0);
    const xs = x.toArray() as number[];
    expect(nz(x)[0]).toEqual(xs.flatMap((v, i) => (v !== 0 ? [i] : [])));
  });

  test.each(['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64'])('test_nonzero_integer_dtypes[%s]', (dt) => {
    const rand = rng(10);
    const x = array(
      Array.from({ length: 100 }, () => Math.floor(rand() * 255)),
      'i8',
    ).astype(dt);
    for (let k = 0; k < 100; k++) x.set(`${Math.floor(rand() * 50)}`, 0);
    const xs = x.toArray() as unknown[];
    expect(nz(x)[0]).toEqual(xs.flatMap((v, i) => (v !== 0 && v !== 0n && v !== false ? [i] : [])));
  });

  test('test_return_type', () => {
    class C extends NdArray {}
    for (const view of [C, NdArray]) {
      for (let nd = 1; nd < 4; nd++) {
        const shape = Array.from({ length: nd }, (_, i) => 2 + i);
        const size = shape.reduce((p, n) => p * n, 1);
        const x = array(Array.from({ length: size }, (_, i) => i), 'i8').reshape(shape).view(view);
        for (const nzx of [nonzero(x), x.nonzero()]) {
          for (const nzxI of nzx) {
            expect(Object.getPrototypeOf(nzxI)).toBe(NdArray.prototype);
            expect(nzxI.flags.writeable).toBe(true);
          }
        }
      }
    }
  });

  test('test_count_nonzero_axis', () => {
    // Basic check of functionality
    const m = array([
      [0, 1, 7, 0, 0],
      [3, 0, 0, 2, 19],
    ]);
    expect(count(m, 0)).toEqual([1, 1, 1, 1, 1]);
    expect(count(m, 1)).toEqual([2, 3]);

    expect(() => countNonzero(m, [1, 1])).toThrow(ValueError);
    expect(() => countNonzero(m, 'foo' as never)).toThrow(TypeError);
    expect(() => countNonzero(m, 3)).toThrow(AxisError);
    expect(() => countNonzero(m, array([[1], [2]]) as never)).toThrow(TypeError);
  });

  test('test_count_nonzero_axis_all_dtypes', () => {
    // More thorough test that the axis argument is respected for all dtypes
    for (const dt of [...'?bhilqnpBHILQNPefdFDSV']) {
      const name = dtype(dt).name;
      if (dt !== 'V') {
        const mm = zeros([3, 3], dt);
        const one = zeros(1, dt); // np.ones(1, dtype=dt)
        one.fill(dt === 'S' ? '1' : 1);
        expect([name, mm.dtype.itemsize]).toEqual([name, one.dtype.itemsize]);
        mm.set('0, 0', one.get(0));
        mm.set('1, 0', one.get(0));

        const r0 = countNonzero(mm, 0);
        expect([name, r0.dtype.str, count(mm, 0)]).toEqual([name, '<i8', [2, 0, 0]]);
        const r1 = countNonzero(mm, 1);
        expect([name, r1.dtype.str, count(mm, 1)]).toEqual([name, '<i8', [1, 1, 0]]);
        expect([name, count(mm, [0, 1])]).toEqual([name, 2]);
        expect([name, count(mm, null)]).toEqual([name, 2]);
        expect([name, count(mm)]).toEqual([name, 2]);
      } else {
        // There are no 'nonzero' objects for np.void: np.void(1) is one zero byte.
        const m = zeros([2, 3], 'V1');
        expect([name, countNonzero(m, 0).dtype.str, count(m, 0)]).toEqual([name, '<i8', [0, 0, 0]]);
        expect([name, countNonzero(m, 1).dtype.str, count(m, 1)]).toEqual([name, '<i8', [0, 0]]);
        expect(count(m, [0, 1])).toBe(0);
        expect(count(m, null)).toBe(0);
        expect(count(m)).toBe(0);
      }
    }
  });

  test('test_count_nonzero_axis_consistent', () => {
    // NumPy checks against the same array cast to object; here against a JS count.
    const rand = rng(1234);
    const size = [5, 5, 5, 5];
    const flat = Array.from({ length: 625 }, () => Math.floor(rand() * 200) - 100);
    const m = array(flat, 'i8', [625]).reshape(size);
    const combos = (xs: number[], k: number): number[][] =>
      k === 0 ? [[]] : xs.flatMap((x, i) => combos(xs.slice(i + 1), k - 1).map((c) => [x, ...c]));
    const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    for (let length = 0; length < 4; length++) {
      for (const combo of combos([0, 1, 2, 3], length)) {
        for (const perm of perms(combo)) {
          // The expected counts: sum over the axes in perm of (v != 0).
          const keep = [0, 1, 2, 3].filter((a) => !perm.includes(a));
          const outShape = keep.map((a) => size[a]!);
          const out = new Array<number>(outShape.reduce((p, n) => p * n, 1)).fill(0);
          flat.forEach((v, i) => {
            const idx = [Math.floor(i / 125) % 5, Math.floor(i / 25) % 5, Math.floor(i / 5) % 5, i % 5];
            let o = 0;
            for (const a of keep) o = o * 5 + idx[a]!;
            if (v !== 0) out[o]! += 1;
          });
          const got = countNonzero(m, perm);
          expect([perm, got.shape]).toEqual([perm, outShape]);
          expect([perm, (got.toArray() as unknown as number[]).flat(4).map(Number)]).toEqual([perm, outShape.length === 0 ? [out[0]] : out]);
        }
      }
    }
  });

  test('test_countnonzero_axis_empty', () => {
    const a = array([
      [0, 0, 1],
      [1, 0, 1],
    ]);
    expect(count(a, [])).toEqual([
      [0, 0, 1],
      [1, 0, 1],
    ]);
  });

  test('test_countnonzero_keepdims', () => {
    const a = array([
      [0, 0, 1, 0],
      [0, 3, 5, 0],
      [7, 9, 2, 0],
    ]);
    expect(count(a, 0, true)).toEqual([[1, 2, 3, 0]]);
    expect(count(a, 1, true)).toEqual([[1], [2], [3]]);
    expect(count(a, undefined, true)).toEqual([[6]]);
  });

  test('test_array_method', () => {
    // Tests that the array method call to nonzero works
    const m = array([
      [1, 0, 0],
      [4, 0, 6],
    ]);
    expect(m.nonzero().map((c) => (c.toArray() as bigint[]).map(Number))).toEqual([
      [0, 1, 1],
      [0, 0, 2],
    ]);
  });

  test.skip('test_nonzero_invalid_object: object arrays do not exist here', () => {});
  test.skip('test_nonzero_sideeffect_safety: object arrays (Python __bool__) do not exist here', () => {});

  test('test_nonzero_sideffects_structured_void', () => {
    // Checks that structured void does not mutate alignment flag of original array.
    const arr = zeros(5, 'i1,i8,i8'); // `ones` may short-circuit
    expect(arr.flags.aligned).toBe(true); // structs are considered "aligned"
    expect(arr.field('f2').flags.aligned).toBe(false);
    // make sure that nonzero/count_nonzero do not flip the flag:
    expect(nz(arr)).toEqual([[]]);
    expect(arr.flags.aligned).toBe(true);
    expect(count(arr)).toBe(0);
    expect(arr.flags.aligned).toBe(true);
  });

  test.skip('test_nonzero_exception_safe: object arrays (Python __bool__) do not exist here', () => {});

  test('test_nonzero_byteorder', () => {
    const values: [number, string][] = [
      [0, 'f8'],
      [-0, 'f8'],
      [1, 'f8'],
      [NaN, 'f8'],
      [0, 'i8'],
      [1, 'i8'],
      [0, 'f2'],
      [12.3, 'f2'],
    ];
    const expectedValues = [0, 0, 1, 1, 0, 1, 0, 1];
    values.forEach(([value, dt], k) => {
      const A = array([value], dt);
      const swapped = A.view(A.dtype.newbyteorder()).byteswap().copy();
      expect(swapped.dtype.str).not.toBe(A.dtype.str);
      expect([value, dt, count(A)]).toEqual([value, dt, expectedValues[k]]);
      expect([value, dt, count(swapped)]).toEqual([value, dt, expectedValues[k]]);
    });
  });

  test('test_count_nonzero_non_aligned_array', () => {
    // gh-27523
    let b: NdArray = zeros(64 + 1, 'i1').index('1:').view('<i8');
    b.set(Array.from({ length: b.size }, (_, i) => i));
    b.set('::2', 0);
    expect(b.flags.aligned).toBe(false);
    expect(count(b)).toBe(b.size / 2);

    b = zeros(64 + 1, 'f2').index('1:').view('<f8');
    b.set(Array.from({ length: b.size }, (_, i) => i));
    b.set('::2', 0);
    expect(b.flags.aligned).toBe(false);
    expect(count(b)).toBe(b.size / 2);
  });
});

// ---------------------------------------------------------------------------
// TestBoolArray and TestClip. a.clip(m, M, out=) -> clip(a, m, M, { out });
// NumPy's reference `clip` (selector.choose((a, m, M))) is the element-wise
// rule written out in JS; its randn/rand data come from the shared seeded
// rng. Left out of TestClip: the object, datetime/timedelta and long double
// cases (no such dtypes: test_object_clip, test_NaT_propagation, both cases of
// test_clip_problem_cases), test_clip_property (hypothesis) and
// test_clip_min_max_args (np.clip's min=/max= keyword aliases and
// positional-argument errors: Python call syntax). NumPy scalars
// (np.float32(-2), np.int32(1)) -> 0-d arrays of that dtype; a non-native
// scalar (_neg_byteorder(0.5)) -> a 0-d '>f8' array; 1j -> { re: 0, im: 1 }.

describe('TestBoolArray', () => {
  function bools(n: number, v: boolean, from: number): NdArray {
    const a = zeros(n, '?');
    a.fill(v);
    return a.index(`${from}:`); // offset for simd tests
  }
  function create(): [NdArray, NdArray, NdArray, NdArray, NdArray] {
    const t = bools(41, true, 1);
    const f = bools(41, false, 1);
    const o = bools(42, false, 2);
    const nm = f.copy();
    const im = t.copy();
    nm.set(3, true);
    nm.set(-2, true);
    im.set(3, false);
    im.set(-2, false);
    return [t, f, o, nm, im];
  }
  const b = (a: NdArray): unknown => a.toArray();

  test('test_all_any', () => {
    const [t, f, , nm, im] = create();
    expect(all(t).toArray()).toBe(true);
    expect(any(t).toArray()).toBe(true);
    expect(all(f).toArray()).toBe(false);
    expect(any(f).toArray()).toBe(false);
    expect(any(nm).toArray()).toBe(true);
    expect(any(im).toArray()).toBe(true);
    expect(all(nm).toArray()).toBe(false);
    expect(all(im).toArray()).toBe(false);
    // check bad element in all positions
    for (let i = 0; i < 256 - 7; i++) {
      const d = bools(256, false, 7);
      d.set(i, true);
      expect(any(d).toArray()).toBe(true);
      const e = bools(256, true, 7);
      e.set(i, false);
      expect(all(e).toArray()).toBe(false);
      expect(b(e)).toEqual(b(invert(d)));
    }
    // big array test for blocked libc loops
    const idx: number[] = [];
    for (let i = 9; i < 6000; i += 507) idx.push(i);
    for (const i of [...idx, 7764, 90021, -10]) {
      const d = bools(100043, false, 0);
      d.set(i, true);
      expect([i, any(d).toArray()]).toEqual([i, true]);
      const e = bools(100043, true, 0);
      e.set(i, false);
      expect([i, all(e).toArray()]).toEqual([i, false]);
    }
  });

  test('test_logical_not_abs', () => {
    const [t, f, o, nm, im] = create();
    expect(b(invert(t))).toEqual(b(f));
    expect(b(absolute(invert(t)))).toEqual(b(f));
    expect(b(absolute(invert(f)))).toEqual(b(t));
    expect(b(absolute(f))).toEqual(b(f));
    expect(b(invert(absolute(f)))).toEqual(b(t));
    expect(b(invert(absolute(t)))).toEqual(b(f));
    expect(b(absolute(invert(nm)))).toEqual(b(im));
    logicalNot(t, { out: o });
    expect(b(o)).toEqual(b(f));
    absolute(t, { out: o });
    expect(b(o)).toEqual(b(t));
  });

  test('test_logical_and_or_xor', () => {
    const [t, f, o, nm, im] = create();
    expect(b(bitwiseOr(t, t))).toEqual(b(t));
    expect(b(bitwiseOr(f, f))).toEqual(b(f));
    expect(b(bitwiseOr(t, f))).toEqual(b(t));
    expect(b(bitwiseOr(f, t))).toEqual(b(t));
    logicalOr(t, t, { out: o });
    expect(b(o)).toEqual(b(t));
    expect(b(bitwiseAnd(t, t))).toEqual(b(t));
    expect(b(bitwiseAnd(f, f))).toEqual(b(f));
    expect(b(bitwiseAnd(t, f))).toEqual(b(f));
    expect(b(bitwiseAnd(f, t))).toEqual(b(f));
    logicalAnd(t, t, { out: o });
    expect(b(o)).toEqual(b(t));
    expect(b(bitwiseXor(t, t))).toEqual(b(f));
    expect(b(bitwiseXor(f, f))).toEqual(b(f));
    expect(b(bitwiseXor(t, f))).toEqual(b(t));
    expect(b(bitwiseXor(f, t))).toEqual(b(t));
    logicalXor(t, t, { out: o });
    expect(b(o)).toEqual(b(f));

    expect(b(bitwiseAnd(nm, t))).toEqual(b(nm));
    expect((b(bitwiseAnd(im, f)) as boolean[]).every((x) => x === false)).toBe(true);
    expect(b(bitwiseAnd(nm, true))).toEqual(b(nm));
    expect((b(bitwiseAnd(im, false)) as boolean[]).every((x) => x === false)).toBe(true);
    expect(b(bitwiseOr(nm, f))).toEqual(b(nm));
    expect((b(bitwiseOr(im, t)) as boolean[]).every((x) => x)).toBe(true);
    expect(b(bitwiseOr(nm, false))).toEqual(b(nm));
    expect((b(bitwiseOr(im, true)) as boolean[]).every((x) => x)).toBe(true);
    expect(b(bitwiseXor(nm, t))).toEqual(b(invert(nm)));
    expect(b(bitwiseXor(nm, f))).toEqual(b(nm));
  });
});

describe('TestClip', () => {
  const nr = 5;
  const nc = 3;
  const r = rng(5354);
  const randn = (n: number, m: number): NdArray => {
    const a: NdArray = zeros([n, m], 'f8');
    // Box-Muller
    a.set(Array.from({ length: n }, () => Array.from({ length: m }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()))));
    return a;
  };
  const rand = (n: number, m: number): NdArray => {
    const a: NdArray = zeros([n, m], 'f8');
    a.set(Array.from({ length: n }, () => Array.from({ length: m }, () => r())));
    return a;
  };
  const intData = (n: number, m: number, dt: string): NdArray => multiply(rand(n, m), 10).astype(dt as never);
  /** A NumPy scalar (np.float32(v), np.int32(v)): a 0-d array of that dtype, strong as NumPy's scalars are. */
  const scalar = (v: number, dt: string): NdArray => {
    const s = zeros([], dt as never) as NdArray;
    s.fill(v);
    return s;
  };
  const fastclip = (a: NdArray, m: UfuncInput | null, M: UfuncInput | null, out?: NdArray, casting?: 'unsafe'): NdArray => clip(a, m, M, { out, ...(casting === undefined ? {} : { casting }) });
  /** NumPy's reference: selector = (a < m) + 2 * (a > M), then choose((a, m, M)), written out per element. */
  const refClip = (a: NdArray, m: UfuncInput, M: UfuncInput, out?: NdArray): NdArray => {
    const lo = less(a, m);
    const hi = greater(a, M);
    const res = where(lo, m, where(hi, M, a));
    if (out === undefined) return res;
    out.set(res.astype(out.dtype));
    return out;
  };
  // assert_array_strict_equal: same values and dtype
  const strictEqual = (x: NdArray, y: NdArray): void => {
    expect(x.dtype.str).toBe(y.dtype.str);
    expect(x.toArray()).toEqual(y.toArray());
  };

  test.each([...'?bhilqpBHILQPefdFD'])('test_ones_pathological[%s]', (dt) => {
    // gh-12519: amin > amax gives amax
    const arr = zeros(10, dt as never) as NdArray;
    arr.fill(1);
    const expected = zeros(10, dt as never) as NdArray;
    const actual = clip(arr, 1, 0);
    // assert_equal compares values (NEP 50 makes the bool case int64, as in NumPy)
    const n = (x: NdArray): number[] => (x.toArray() as unknown[]).map((v) => Number(typeof v === 'object' && v !== null ? (v as { re: number }).re : v));
    expect(n(actual)).toEqual(n(expected));
  });

  test('test_simple_double', () => {
    const a = randn(nr, nc);
    strictEqual(fastclip(a, 0.1, 0.6), refClip(a, 0.1, 0.6));
  });

  test('test_simple_int', () => {
    const a = intData(nr, nc, 'i8');
    strictEqual(fastclip(a, -2, 4), refClip(a, -2, 4));
  });

  test('test_array_double', () => {
    const a = randn(nr, nc);
    const m = zeros(a.shape, 'f8');
    const M = add(m, 0.5);
    strictEqual(fastclip(a, m, M), refClip(a, m, M));
  });

  test('test_simple_nonnative', () => {
    let a: NdArray = randn(nr, nc).astype('>f8');
    expect(a.dtype.isnative).toBe(false);
    expect(fastclip(a, -0.5, 0.6).toArray()).toEqual(refClip(a, -0.5, 0.6).toArray());
    a = randn(nr, nc);
    const M = zeros([], '>f8');
    M.fill(0.6);
    expect(M.dtype.isnative).toBe(false);
    expect(fastclip(a, -0.5, M).toArray()).toEqual(refClip(a, -0.5, M).toArray());
  });

  test('test_clip_non_contig', () => {
    const a = randn(nr * 2, nc * 3).index('::2, ::3');
    expect(a.flags.fContiguous).toBe(false);
    expect(a.flags.cContiguous).toBe(false);
    strictEqual(fastclip(a, -1.6, 1.7), refClip(a, -1.6, 1.7));
  });

  test('test_simple_out', () => {
    const a = randn(nr, nc);
    const ac = zeros(a.shape, 'f8');
    const act = zeros(a.shape, 'f8');
    fastclip(a, -0.5, 0.6, ac);
    refClip(a, -0.5, 0.6, act);
    strictEqual(ac, act);
  });

  test.each([[null], ['unsafe']] as const)('test_simple_int32_inout[%s]', (casting) => {
    // native int32 input with double min/max and int32 out
    const a = intData(nr, nc, 'i4');
    const m = zeros([], 'f8');
    const M = zeros([], 'f8');
    M.fill(2);
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    if (casting === null) {
      expect(() => fastclip(a, m, M, ac)).toThrow(TypeError);
    } else {
      fastclip(a, m, M, ac, casting);
      refClip(a, m, M, act);
      strictEqual(ac, act);
    }
  });

  test('test_simple_int64_out', () => {
    const a = intData(nr, nc, 'i4');
    const m = zeros([], 'i4');
    m.fill(-1);
    const M = zeros([], 'i4');
    M.fill(1);
    const ac = zeros(a.shape, 'i8');
    const act = ac.copy();
    fastclip(a, m, M, ac);
    refClip(a, m, M, act);
    strictEqual(ac, act);
  });

  test('test_simple_int64_inout', () => {
    const a = intData(nr, nc, 'i4');
    const m = zeros(a.shape, 'f8');
    const M = zeros([], 'f8');
    M.fill(1);
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    fastclip(a, m, M, ac, 'unsafe');
    refClip(a, m, M, act);
    strictEqual(ac, act);
  });

  test('test_simple_int32_out', () => {
    const a = randn(nr, nc);
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    fastclip(a, -1.0, 2.0, ac, 'unsafe');
    refClip(a, -1.0, 2.0, act);
    strictEqual(ac, act);
  });

  test('test_simple_inplace_01', () => {
    const a = randn(nr, nc);
    const ac = a.copy();
    const m = zeros(a.shape, 'f8');
    fastclip(a, m, 1.0, a);
    refClip(a, m, 1.0, ac);
    strictEqual(a, ac);
  });

  test('test_simple_complex', () => {
    // native complex input with native double scalar min/max
    let a: NdArray = multiply(add(randn(nr, nc), multiply(rand(nr, nc), { re: 0, im: 1 })), 3);
    expect(a.dtype.str).toBe('<c16');
    strictEqual(fastclip(a, -0.5, 1), refClip(a, -0.5, 1));
    // native input with complex double scalar min/max
    a = multiply(randn(nr, nc), 3);
    const m = { re: -0.5, im: 1 };
    const M = { re: 1, im: 2 };
    strictEqual(fastclip(a, m, M), refClip(a, m, M));
  });

  test('test_clip_complex', () => {
    // gh-5354: native complex input without explicit min/max (min=None or max=None)
    const a = zeros(10, 'c16');
    a.fill({ re: 1, im: 0 });
    const m = min(a);
    const M = max(a);
    strictEqual(fastclip(a, m, null), a);
    strictEqual(fastclip(a, null, M), a);
  });

  test('test_simple_inplace_02', () => {
    const a = randn(nr, nc);
    const ac = a.copy();
    fastclip(a, -0.5, 0.6, a);
    refClip(ac, -0.5, 0.6, ac);
    strictEqual(a, ac);
  });

  test('test_noncontig_inplace', () => {
    const a = randn(nr * 2, nc * 3).index('::2, ::3');
    const ac = a.copy();
    fastclip(a, -0.5, 0.6, a);
    refClip(ac, -0.5, 0.6, ac);
    expect(a.toArray()).toEqual(ac.toArray());
  });

  test('test_type_cast_01', () => {
    const a = randn(nr, nc);
    strictEqual(fastclip(a, -0.5, 0.6), refClip(a, -0.5, 0.6));
  });

  test('test_type_cast_02', () => {
    // native int32 input with int32 scalar min/max
    const a = intData(nr, nc, 'i8').astype('i4');
    strictEqual(fastclip(a, -2, 4), refClip(a, -2, 4));
  });

  test('test_type_cast_03', () => {
    // native int32 input with float64 scalar min/max
    const a = intData(nr, nc, 'i4');
    const m = scalar(-2, 'f8');
    const M = scalar(4, 'f8');
    strictEqual(fastclip(a, m, M), refClip(a, m, M));
  });

  test('test_type_cast_04', () => {
    // native int32 input with float32 scalar min/max
    const a = intData(nr, nc, 'i4');
    const m = scalar(-2, 'f4');
    const M = scalar(4, 'f4');
    strictEqual(refClip(a, m, M), fastclip(a, m, M));
  });

  test('test_type_cast_05', () => {
    // native int32 with double arrays min/max
    const a = intData(nr, nc, 'i8');
    const m = multiply(-0.5, zeros(a.shape, 'f8'));
    strictEqual(fastclip(a, m, 1), refClip(a, m, 1));
  });

  test('test_type_cast_06', () => {
    // native with NON native scalar min/max
    const a = randn(nr, nc);
    const mS = scalar(0.5, '>f8');
    expect(mS.dtype.isnative).toBe(false);
    const act = refClip(a, mS, 1);
    strictEqual(fastclip(a, mS, 1), act);
  });

  test('test_type_cast_07', () => {
    // NON native with native array min/max; NumPy compares a_s.clip with
    // fastclip (the same call), so the reference is the element-wise rule
    const a = randn(nr, nc);
    const m = multiply(-0.5, add(zeros(a.shape, 'f8'), 1));
    const aS = a.astype('>f8');
    expect(aS.dtype.isnative).toBe(false);
    const act = clip(aS, m, 1);
    const ac = fastclip(aS, m, 1);
    strictEqual(ac, act);
    expect(ac.toArray()).toEqual(refClip(aS, m, 1).toArray());
  });

  test('test_type_cast_08', () => {
    // NON native with native scalar min/max
    const a = randn(nr, nc);
    const aS = a.astype('>f8');
    expect(aS.dtype.isnative).toBe(false);
    const ac = fastclip(aS, -0.5, 1);
    strictEqual(ac, clip(aS, -0.5, 1));
    expect(ac.toArray()).toEqual(refClip(aS, -0.5, 1).toArray());
  });

  test('test_type_cast_09', () => {
    // native with NON native array min/max
    const a = randn(nr, nc);
    const mS = multiply(-0.5, add(zeros(a.shape, 'f8'), 1)).astype('>f8');
    expect(mS.dtype.isnative).toBe(false);
    strictEqual(fastclip(a, mS, 1), refClip(a, mS, 1));
  });

  test('test_type_cast_10', () => {
    // native int input with float min/max and float out
    const a = intData(nr, nc, 'i8');
    const b = zeros(a.shape, 'f4');
    const m = scalar(-0.5, 'f4');
    const M = scalar(1, 'f4');
    const act = refClip(a, m, M, b).copy();
    const ac = fastclip(a, m, M, b);
    expect(ac).toBe(b);
    strictEqual(ac, act);
  });

  test('test_type_cast_11', () => {
    // non native with native scalar min/max, out non native
    const a = randn(nr, nc).astype('>f8');
    const b = a.copy().astype('>f8');
    const bt = b.copy();
    fastclip(a, -0.5, 1, b);
    refClip(a, -0.5, 1, bt);
    strictEqual(b, bt);
  });

  test('test_type_cast_12', () => {
    // native int input with int32 min/max and float out
    const a = intData(nr, nc, 'i8');
    const b = zeros(a.shape, 'f4');
    const m = scalar(0, 'i4');
    const M = scalar(1, 'i4');
    const act = refClip(a, m, M, b).copy();
    const ac = fastclip(a, m, M, b);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_simple', () => {
    const a = randn(nr, nc);
    const ac = zeros(a.shape, 'f8');
    const act = zeros(a.shape, 'f8');
    fastclip(a, -0.5, 0.6, ac);
    refClip(a, -0.5, 0.6, act);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_simple2', () => {
    // native int32 input with double min/max and int32 out
    const a = intData(nr, nc, 'i4');
    const m = scalar(0, 'f8');
    const M = scalar(2, 'f8');
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    fastclip(a, m, M, ac, 'unsafe');
    refClip(a, m, M, act);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_simple_int32', () => {
    // native int32 input with int32 scalar min/max and int64 out
    const a = intData(nr, nc, 'i4');
    const m = scalar(-1, 'i4');
    const M = scalar(1, 'i4');
    const ac = zeros(a.shape, 'i8');
    const act = ac.copy();
    fastclip(a, m, M, ac);
    refClip(a, m, M, act);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_array_int32', () => {
    // native int32 input with double array min/max and int32 out
    const a = intData(nr, nc, 'i4');
    const m = zeros(a.shape, 'f8');
    const M = scalar(1, 'f8');
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    fastclip(a, m, M, ac, 'unsafe');
    refClip(a, m, M, act);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_array_outint32', () => {
    // native double input with scalar min/max and int out
    const a = randn(nr, nc);
    const ac = zeros(a.shape, 'i4');
    const act = ac.copy();
    fastclip(a, -1.0, 2.0, ac, 'unsafe');
    refClip(a, -1.0, 2.0, act);
    strictEqual(ac, act);
  });

  test('test_clip_with_out_transposed', () => {
    // the out argument works when transposed
    const a = arange(16).reshape([4, 4]);
    const out = empty(a.shape, a.dtype).T;
    clip(a, 4, 10, { out });
    expect(out.toArray()).toEqual(refClip(a, 4, 10).toArray());
  });

  test('test_clip_with_out_memory_overlap', () => {
    const a = arange(16).reshape([4, 4]);
    const ac = a.copy();
    clip(a.index(':-1'), 4, 10, { out: a.index('1:') });
    expect(a.index('1:').toArray()).toEqual(refClip(ac.index(':-1'), 4, 10).toArray());
  });

  test('test_clip_inplace_array', () => {
    const a = randn(nr, nc);
    const ac = a.copy();
    const m = zeros(a.shape, 'f8');
    fastclip(a, m, 1.0, a);
    refClip(a, m, 1.0, ac);
    strictEqual(a, ac);
  });

  test('test_clip_inplace_simple', () => {
    const a = randn(nr, nc);
    const ac = a.copy();
    fastclip(a, -0.5, 0.6, a);
    refClip(a, -0.5, 0.6, ac);
    strictEqual(a, ac);
  });

  test('test_clip_func_takes_out', () => {
    const a = randn(nr, nc);
    const ac = a.copy();
    const a2 = clip(a, -0.5, 0.6, { out: a });
    refClip(a, -0.5, 0.6, ac);
    strictEqual(a2, ac);
    expect(a2).toBe(a);
  });

  test('test_clip_nan', () => {
    const d = arange(7).astype('f8');
    const allNaN = (x: NdArray): boolean => (x.toArray() as number[]).every(Number.isNaN);
    expect(allNaN(clip(d, NaN, null))).toBe(true);
    expect(allNaN(clip(d, null, NaN))).toBe(true);
    expect(allNaN(clip(d, NaN, NaN))).toBe(true);
    expect(allNaN(clip(d, -2, NaN))).toBe(true);
    expect(allNaN(clip(d, NaN, 10))).toBe(true);
  });

  test('test_clip_all_none', () => {
    const arr = arange(10);
    expect(clip(arr, null, null).toArray()).toEqual(arr.toArray());
  });

  test('test_clip_invalid_casting', () => {
    const a = arange(10);
    expect(() => clip(a, 1, 8, { casting: 'garbage' as never })).toThrow(/casting must be one of/);
    expect(() => clip(a, 1, 8, { casting: 'garbage' as never })).toThrow(ValueError);
  });

  test.each([
    ['two scalars', (): UfuncInput => 1, (): UfuncInput => 0],
    ['mix scalar and array', (): UfuncInput => 1, (): UfuncInput => zeros(10, 'f8')],
    ['two arrays', (): UfuncInput => add(zeros(10, 'f8'), 1), (): UfuncInput => zeros(10, 'f8')],
  ] as [string, () => UfuncInput, () => UfuncInput][])('test_clip_value_min_max_flip[%s]', (_n, amin, amax) => {
    const a = arange(10);
    const expected = minimum(maximum(a, amin()), amax());
    const actual = clip(a, amin(), amax());
    expect(actual.dtype.str).toBe(expected.dtype.str);
    expect(actual.toArray()).toEqual(expected.toArray());
  });

  test('test_clip_scalar_nan_propagation', () => {
    const arr = zeros(10, 'i8');
    const amin = zeros([], 'f8');
    amin.fill(NaN);
    const amax = zeros(10, 'i4');
    const expected = minimum(maximum(arr, amin), amax);
    const actual = clip(arr, amin, amax);
    expect(actual.dtype.str).toBe(expected.dtype.str);
    expect(actual.toArray()).toEqual(expected.toArray());
  });

  test.each([
    ['int32', -(2n ** 32n) - 1n, 2n ** 32n],
    ['int32', -(2n ** 320n), null],
    ['int32', null, 2n ** 300n],
    ['int32', -1000n, 2n ** 32n],
    ['int32', -(2n ** 32n) - 1n, 1000n],
    ['uint8', -1n, 129n],
  ] as const)('test_out_of_bound_pyints[%s-%s-%s]', (dt, lo, hi) => {
    const a = arange(10000).astype(dt as never);
    const c = clip(a, lo, hi);
    expect(mayShareMemory(a, c)).toBe(false);
    expect(c.dtype.str).toBe(a.dtype.str);
    if (lo !== null) expect(all(greaterEqual(c, lo)).toArray()).toBe(true);
    if (hi !== null) expect(all(lessEqual(c, hi)).toArray()).toBe(true);
  });
});

// ---------------------------------------------------------------- TestTypes
// NumPy scalars (np.int8(0)) -> 0-d arrays of that dtype (strong, as NumPy
// scalars are); np.array([x]) -> a 1-element array; promote_func(a, b) ->
// resultType(a, b) or add(a, b).dtype; np.can_cast(f, t) -> canCast(dtype(f), dtype(t)).
// Left out everywhere: long double (g, G) lines.
// Skipped (not counted as passing):
// - test_promote_types_endian's U, M8 and m8 lines, test_promote_types_strings, the S/U lines
//   of test_can_cast: no unicode or datetime dtypes, and numbers do not promote or cast to bytes here
//   (README "Values": no number <-> text casts).
// - test_can_cast_and_promote_usertypes: no user dtypes (rational).
// - test_promote_identical_types_metadata, test_promote_types_metadata: dtypes carry no metadata.
// - test_result_type's np.result_type(None): no None dtype.
// - test_can_cast_values, test_can_cast_scalars: canCast takes dtypes (a JS number is no dtype,
//   and there are no NumPy scalars to pass).
describe('TestTypes', () => {
  const s = (dt: string): NdArray => zeros([], dt as never);
  const arr1 = (dt: string): NdArray => zeros(1, dt as never);

  function checkPromotionCases(promote: (a: NdArray, b: NdArray) => DType): void {
    const b = s('?');
    const [i8, i16, i32, i64] = [s('i1'), s('i2'), s('i4'), s('i8')];
    const [u8, , u32, u64] = [s('u1'), s('u2'), s('u4'), s('u8')];
    const [f32, f64] = [s('f4'), s('f8')];
    const [c64, c128] = [s('c8'), s('c16')];
    const eq = (got: DType, want: string): void => expect(got.str).toBe(dtype(want).str);

    // coercion within the same kind
    eq(promote(i8, i16), 'i2');
    eq(promote(i32, i8), 'i4');
    eq(promote(i16, i64), 'i8');
    eq(promote(u8, u32), 'u4');
    eq(promote(f32, f64), 'f8');
    eq(promote(c128, c64), 'c16');

    // coercion between kinds
    eq(promote(b, i32), 'i4');
    eq(promote(b, u8), 'u1');
    eq(promote(i8, u8), 'i2');
    eq(promote(u8, i32), 'i4');
    eq(promote(i64, u32), 'i8');
    eq(promote(u64, i32), 'f8');
    eq(promote(i32, f32), 'f8');
    eq(promote(i64, f32), 'f8');
    eq(promote(f32, i16), 'f4');
    eq(promote(f32, u32), 'f8');
    eq(promote(f32, c64), 'c8');
    eq(promote(c128, f32), 'c16');

    // coercion between scalars and 1-D arrays
    eq(promote(arr1('?'), i8), 'i1');
    eq(promote(arr1('?'), u8), 'u1');
    eq(promote(arr1('?'), i32), 'i4');
    eq(promote(arr1('?'), u32), 'u4');
    eq(promote(arr1('i1'), i64), 'i8');
    // unsigned and signed unfortunately tend to promote to float64:
    eq(promote(u64, arr1('i4')), 'f8');
    eq(promote(i64, arr1('u4')), 'i8');
    eq(promote(arr1('u2'), i32), 'i4');
    const m1 = s('i4');
    m1.set(-1);
    eq(promote(m1, arr1('u8')), 'f8');
    eq(promote(f64, arr1('f4')), 'f8');
    eq(promote(c64, arr1('f8')), 'c16');
    const c3j = s('c8');
    c3j.set({ re: 0, im: 3 });
    eq(promote(c3j, arr1('f8')), 'c16');
    eq(promote(arr1('f4'), c128), 'c16');

    // coercion between scalars and 1-D arrays, where
    // the scalar has greater kind than the array
    eq(promote(arr1('?'), f64), 'f8');
    eq(promote(arr1('?'), i64), 'i8');
    eq(promote(arr1('?'), u64), 'u8');
    eq(promote(arr1('i1'), f64), 'f8');
    eq(promote(arr1('u2'), f64), 'f8');
  }

  test('test_coercion', () => {
    checkPromotionCases((a, b) => add(a, b).dtype);

    // Use-case: float/complex scalar * bool/int8 array
    //           shouldn't narrow the float/complex type
    for (const a of [array([true, false], '?'), array([-3, 12], 'i1')]) {
      const strong = (dt: string, v: unknown): NdArray => {
        const x = s(dt);
        x.set(v as never);
        return x;
      };
      expect(multiply(1.234, a).dtype.str).toBe('<f8');
      expect(multiply(strong('f8', 1.234), a).dtype.str).toBe('<f8');
      expect(multiply(strong('f4', 1.234), a).dtype.str).toBe('<f4');
      expect(multiply(strong('f2', 1.234), a).dtype.str).toBe('<f2');

      expect(multiply({ re: 0, im: 1.234 }, a).dtype.str).toBe('<c16');
      expect(multiply(strong('c16', { re: 0, im: 1.234 }), a).dtype.str).toBe('<c16');
      expect(multiply(strong('c8', { re: 0, im: 1.234 }), a).dtype.str).toBe('<c8');
    }
  });

  test('test_result_type', () => {
    checkPromotionCases((a, b) => resultType(a, b));
  });

  test('test_promote_types_endian', () => {
    // promote_types should always return native-endian types
    expect(promoteTypes(dtype('<i8'), dtype('<i8')).equals(dtype('i8'))).toBe(true);
    expect(promoteTypes(dtype('>i8'), dtype('>i8')).equals(dtype('i8'))).toBe(true);
  });

  test.each([
    ['V6', 'V10'], // mismatch shape
    // Mismatching names:
    [[['name1', 'i8']], [['name2', 'i8']]],
  ] as [DTypeLike, DTypeLike][])('test_invalid_void_promotion[%j %j]', (dtype1, dtype2) => {
    expect(() => promoteTypes(dtype(dtype1), dtype(dtype2))).toThrow(TypeError);
  });

  test.each([
    ['V10', 'V10'],
    [[['name1', 'i8']], [['name1', dtype('i8').newbyteorder()]]],
    ['i8,i8', 'i8,>i8'],
    ['i8,i8', 'i4,i4'],
  ] as [DTypeLike, DTypeLike][])('test_valid_void_promotion[%j %j]', (dtype1, dtype2) => {
    expect(promoteTypes(dtype(dtype1), dtype(dtype2)).equals(dtype(dtype1))).toBe(true);
  });

  test('test_can_cast', () => {
    const cc = (f: string, t: string, casting?: Casting): boolean => canCast(dtype(f), dtype(t), casting);
    expect(cc('i4', 'i8')).toBe(true);
    expect(cc('f8', 'c16')).toBe(true);
    expect(cc('c16', 'f8')).toBe(false);

    expect(cc('i8', 'f8')).toBe(true);
    expect(cc('i8', 'f4')).toBe(false);

    expect(cc('i8', 'i8', 'no')).toBe(true);
    expect(cc('<i8', '>i8', 'no')).toBe(false);

    expect(cc('<i8', '>i8', 'equiv')).toBe(true);
    expect(cc('<i4', '>i8', 'equiv')).toBe(false);

    expect(cc('<i4', '>i8', 'safe')).toBe(true);
    expect(cc('<i8', '>i4', 'safe')).toBe(false);

    expect(cc('<i8', '>i4', 'same_kind')).toBe(true);
    expect(cc('<i8', '>u4', 'same_kind')).toBe(false);

    expect(cc('<i8', '>u4', 'unsafe')).toBe(true);

    expect(() => canCast(dtype('i4'), null as never)).toThrow(TypeError);
    expect(() => canCast(null as never, dtype('i4'))).toThrow(TypeError);
  });

  test('test_can_cast_simple_to_structured', () => {
    const cc = (f: DTypeLike, t: DTypeLike, casting?: Casting): boolean => canCast(dtype(f), dtype(t), casting);
    // Non-structured can only be cast to structured in 'unsafe' mode.
    expect(cc('i4', 'i4,i4')).toBe(false);
    expect(cc('i4', 'i4,i2')).toBe(false);
    expect(cc('i4', 'i4,i4', 'unsafe')).toBe(true);
    expect(cc('i4', 'i4,i2', 'unsafe')).toBe(true);
    // Even if there is just a single field which is OK.
    expect(cc('i2', [['f1', 'i4']])).toBe(false);
    expect(cc('i2', [['f1', 'i4']], 'same_kind')).toBe(false);
    expect(cc('i2', [['f1', 'i4']], 'unsafe')).toBe(true);
    // It should be the same for recursive structured or subarrays.
    expect(cc('i2', [['f1', 'i4,i4']])).toBe(false);
    expect(cc('i2', [['f1', 'i4,i4']], 'unsafe')).toBe(true);
    expect(cc('i2', [['f1', '(2,3)i4']])).toBe(false);
    expect(cc('i2', [['f1', '(2,3)i4']], 'unsafe')).toBe(true);
  });

  test('test_can_cast_structured_to_simple', () => {
    const cc = (f: DTypeLike, t: DTypeLike, casting?: Casting): boolean => canCast(dtype(f), dtype(t), casting);
    // Need unsafe casting for structured to simple.
    expect(cc([['f1', 'i4']], 'i4')).toBe(false);
    expect(cc([['f1', 'i4']], 'i4', 'unsafe')).toBe(true);
    expect(cc([['f1', 'i4']], 'i2', 'unsafe')).toBe(true);
    // Since it is unclear what is being cast, multiple fields to
    // single should not work even for unsafe casting.
    expect(cc('i4,i4', 'i4', 'unsafe')).toBe(false);
    // But a single field inside a single field is OK.
    expect(cc([['f1', [['x', 'i4']]]], 'i4')).toBe(false);
    expect(cc([['f1', [['x', 'i4']]]], 'i4', 'unsafe')).toBe(true);
    // And a subarray is fine too - it will just take the first element
    // (arguably not very consistently; might also take the first field).
    expect(cc([['f0', '(3,)i4']], 'i4')).toBe(false);
    expect(cc([['f0', '(3,)i4']], 'i4', 'unsafe')).toBe(true);
    // But a structured subarray with multiple fields should fail.
    expect(cc([['f0', 'i4,i4', [2]]], 'i4', 'unsafe')).toBe(false);
  });
});

// ---------------------------------------------------------------- TestArgwhere
describe('TestArgwhere', () => {
  test.each([0, 1, 2])('test_nd[%i]', (nd) => {
    // get an nd array with multiple elements in every dimension
    const x = empty(new Array<number>(nd).fill(2), '?');
    const flat0 = (v: boolean): void => x.reshape(-1).set(0, v); // x.flat[0] = v (x is contiguous)

    // none
    x.fill(false);
    expect(argwhere(x).shape).toEqual([0, nd]);

    // only one
    x.fill(false);
    flat0(true);
    expect(argwhere(x).shape).toEqual([1, nd]);

    // all but one
    x.fill(true);
    flat0(false);
    expect(argwhere(x).shape).toEqual([x.size - 1, nd]);

    // all
    x.fill(true);
    expect(argwhere(x).shape).toEqual([x.size, nd]);
  });

  test('test_2D', () => {
    const x = arange(6).reshape([2, 3]);
    expect(vals(argwhere(greater(x, 1)))).toEqual([
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  test('test_list', () => {
    // np.argwhere([4, 0, 2, 1, 3]): the list as an array
    expect(vals(argwhere(array([4, 0, 2, 1, 3])))).toEqual([[0], [2], [3], [4]]);
  });
});
