// unravelIndex / ravelMultiIndex against NumPy's np.unravel_index and
// np.ravel_multi_index: C and F order, input dtypes (bool, uint8, >i4,
// strided), broadcasting, wrap/clip modes (one or per axis), 0-d and empty
// inputs, and NumPy's errors (bounds, non-integers, bad mode/order/length).
import { arange, array, fromBuffer, ravelMultiIndex, unravelIndex } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { bytesOf } from './workloads/harness';
import { type Case, expectCasesLikeNumpy as check } from './helpers/np-compare';
import { shared } from './helpers/np-data';
import type { NdArray } from '../lib/ndarray';

function show(a: NdArray): { dtype: string; shape: number[]; hex: string } {
  return { dtype: a.dtype.str, shape: [...a.shape], hex: Buffer.from(bytesOf(a)).toString('hex') };
}

type Res = { dtype: string; shape: number[]; hex: string } | { error: string; message: string };

describeWithNumpy('unravelIndex and ravelMultiIndex against NumPy', () => {
  const want = runNumpy<Record<string, Res | Res[]>>(`
out = {}
def show(r):
    r = np.asarray(r)
    return {'dtype': r.dtype.str, 'shape': list(r.shape), 'hex': np.ascontiguousarray(r).tobytes().hex()}
def run(name, f):
    try:
        r = f()
        out[name] = [show(x) for x in r] if isinstance(r, tuple) else show(r)
    except Exception as e:
        out[name] = {'error': type(e).__name__, 'message': str(e)}
idx = np.array([[0, 7, 59], [60, 1234, 2399]])
run('u_c', lambda: np.unravel_index(idx, (40, 60)))
run('u_f', lambda: np.unravel_index(idx, (40, 60), order='F'))
run('u_3d', lambda: np.unravel_index(np.arange(24)[::-5], (2, 3, 4)))
run('u_scalar', lambda: np.unravel_index(1234, (40, 60)))
run('u_bool', lambda: np.unravel_index(True, (3, 4)))
run('u_u1', lambda: np.unravel_index(np.array([5, 11], 'u1'), (3, 4)))
run('u_be', lambda: np.unravel_index(np.array([5, 11], '>i4'), (3, 4)))
run('u_int_shape', lambda: np.unravel_index(5, 10))
run('u_empty_shape', lambda: np.unravel_index(0, ()))
run('u_empty', lambda: np.unravel_index(np.zeros(0, 'i8'), (3, 4)))
run('u_oob', lambda: np.unravel_index(12, (3, 4)))
run('u_neg', lambda: np.unravel_index(np.array([3, -1]), (3, 4)))
run('u_float', lambda: np.unravel_index(1.0, (3, 4)))
run('u_order', lambda: np.unravel_index(1, (3, 4), order='A'))
run('u_order_bad', lambda: np.unravel_index(1, (3, 4), order='X'))
run('u_zero', lambda: np.unravel_index(0, (0, 4)))
run('r_c', lambda: np.ravel_multi_index((np.array([1, 2]), np.array([3, 4])), (3, 5)))
run('r_f', lambda: np.ravel_multi_index((np.array([[1], [2]]), np.array([1, 2, 0])), (3, 5), order='F'))
run('r_3d', lambda: np.ravel_multi_index((np.array([1, 0]), 2, np.array([3, 1])), (2, 3, 4)))
run('r_scalar', lambda: np.ravel_multi_index((1, 2), (3, 5)))
run('r_wrap', lambda: np.ravel_multi_index((np.array([1, 3, -1]), np.array([3, 9, -7])), (3, 5), mode='wrap'))
run('r_clip', lambda: np.ravel_multi_index((np.array([1, 3, -1]), np.array([3, 9, -7])), (3, 5), mode='clip'))
run('r_modes', lambda: np.ravel_multi_index((np.array([1, 3, -1]), np.array([3, 9, -7])), (3, 5), mode=('clip', 'wrap')))
run('r_oob', lambda: np.ravel_multi_index((np.array([1, 3]), np.array([3, 4])), (3, 5)))
run('r_mode_bad', lambda: np.ravel_multi_index((1, 2), (3, 5), mode='bad'))
run('r_len', lambda: np.ravel_multi_index((np.array([1, 2]),), (3, 5)))
run('r_float', lambda: np.ravel_multi_index((np.array([1.0, 2.0]), np.array([1, 2])), (3, 5)))
run('r_bcast', lambda: np.ravel_multi_index((np.array([1, 2]), np.array([1, 2, 0])), (3, 5)))
run('r_zero', lambda: np.ravel_multi_index((1, 2), (3, 0)))
run('r_big', lambda: np.ravel_multi_index((1, 2), (2**40, 2**40)))
print(json.dumps(out))
`);
  const idx = array([[0, 7, 59], [60, 1234, 2399]]);
  const cases: Record<string, () => NdArray | NdArray[]> = {
    u_c: () => unravelIndex(idx, [40, 60]),
    u_f: () => unravelIndex(idx, [40, 60], { order: 'F' }),
    u_3d: () => unravelIndex(arange(24).index('::-5'), [2, 3, 4]),
    u_scalar: () => unravelIndex(1234, [40, 60]),
    u_bool: () => unravelIndex(array(true), [3, 4]),
    u_u1: () => unravelIndex(fromBuffer(new Uint8Array([5, 11]), 'u1'), [3, 4]),
    u_be: () => unravelIndex(array([5, 11], '>i4'), [3, 4]),
    u_int_shape: () => unravelIndex(5, 10),
    u_empty_shape: () => unravelIndex(0, []),
    u_empty: () => unravelIndex(array([], 'i8'), [3, 4]),
    u_oob: () => unravelIndex(12, [3, 4]),
    u_neg: () => unravelIndex([3, -1], [3, 4]),
    u_float: () => unravelIndex(array(1.5), [3, 4]),
    u_order: () => unravelIndex(1, [3, 4], { order: 'A' as never }),
    u_order_bad: () => unravelIndex(1, [3, 4], { order: 'X' as never }),
    u_zero: () => unravelIndex(0, [0, 4]),
    r_c: () => ravelMultiIndex([array([1, 2]), array([3, 4])], [3, 5]),
    r_f: () => ravelMultiIndex([array([[1], [2]]), array([1, 2, 0])], [3, 5], { order: 'F' }),
    r_3d: () => ravelMultiIndex([array([1, 0]), 2, array([3, 1])], [2, 3, 4]),
    r_scalar: () => ravelMultiIndex([1, 2], [3, 5]),
    r_wrap: () => ravelMultiIndex([[1, 3, -1], [3, 9, -7]], [3, 5], { mode: 'wrap' }),
    r_clip: () => ravelMultiIndex([[1, 3, -1], [3, 9, -7]], [3, 5], { mode: 'clip' }),
    r_modes: () => ravelMultiIndex([[1, 3, -1], [3, 9, -7]], [3, 5], { mode: ['clip', 'wrap'] }),
    r_oob: () => ravelMultiIndex([[1, 3], [3, 4]], [3, 5]),
    r_mode_bad: () => ravelMultiIndex([1, 2], [3, 5], { mode: 'bad' as never }),
    r_len: () => ravelMultiIndex([[1, 2]], [3, 5]),
    r_float: () => ravelMultiIndex([array([1.0, 2.5]), [1, 2]], [3, 5]),
    r_bcast: () => ravelMultiIndex([[1, 2], [1, 2, 0]], [3, 5]),
    r_zero: () => ravelMultiIndex([1, 2], [3, 0]),
    r_big: () => ravelMultiIndex([1, 2], [2 ** 40, 2 ** 40]),
  };
  test.each(Object.keys(cases))('%s', (name) => {
    let got: Res | Res[];
    try {
      const r = cases[name]();
      got = Array.isArray(r) ? r.map(show) : show(r);
    } catch (e) {
      got = { error: (e as Error).name, message: (e as Error).message };
    }
    expect(got).toEqual(want[name]);
  });

  test('an unknown option is refused with the NumPy spelling hint', () => {
    expect(() => unravelIndex(1, [3, 4], { orders: 'C' } as never)).toThrow(/unexpected keyword argument 'orders'/);
    expect(() => ravelMultiIndex([1, 2], [3, 5], { clip_mode: 'wrap' } as never)).toThrow(/unexpected keyword argument 'clip_mode'/);
  });

  test('flat indices past 2^53 stay exact', () => {
    const dims = [2 ** 30, 2 ** 30, 7];
    const flat = ravelMultiIndex([2 ** 30 - 1, 2 ** 30 - 2, 6], dims);
    expect(flat.get()).toBe(((2n ** 30n - 1n) * 2n ** 30n + (2n ** 30n - 2n)) * 7n + 6n);
    expect(unravelIndex(flat, dims).map((a) => a.get())).toEqual([2n ** 30n - 1n, 2n ** 30n - 2n, 6n]);
  });
});

describeWithNumpy('unravelIndex result layout against NumPy (fuzz pass 6)', () => {
  test("each coordinate is a column view of one (indices..., len(dims)) array in the indices' K order", () => {
    // Fuzz seeds 1019599 (a transposed index array: F-like columns), 1053630 and 1025995
    // (1-d and broadcast indices: stride len(dims) * 8).
    const d = shared([0, 1, 2, 3, 4, 5, 1, 2, 0, 2, 3, 1], '<i8', [3, 4]);
    const cases: Case[] = [];
    for (const [view, py] of [
      [d.arr, d.py],
      [d.arr.transpose(), `${d.py}.T`],
      [d.arr.index('::-1, ::2'), `${d.py}[::-1, ::2]`],
      [d.arr.index('0'), `${d.py}[0]`],
      [d.arr.index('0, 1:2').reshape([]), `${d.py}[0, 1:2].reshape(())`],
    ] as const) {
      for (const dims of [[2, 3], [6], [1, 2, 3]]) {
        for (let k = 0; k < dims.length; k++) {
          cases.push({ py: `np.unravel_index(${py}, ${JSON.stringify(dims)})[${k}]`, js: () => unravelIndex(view as NdArray, dims)[k] });
        }
      }
      cases.push({ py: `np.unravel_index(${py}, (3, 2), order='F')[1]`, js: () => unravelIndex(view as NdArray, [3, 2], { order: 'F' })[1] });
    }
    check(cases);
  });
});

describeWithNumpy('ravelMultiIndex at kernel sizes (one multiply and add per axis) against NumPy', () => {
  // 256 coordinates or more in 'raise' mode: the kernels' pass, NumPy's values and errors.
  test('C and F order, mixed dtypes, broadcast, byte-swapped and strided coordinates; a coordinate outside its axis', () => {
    const r = arange(600).index('::-1');
    const c = array(Array.from({ length: 600 }, (_, i) => (i * 7) % 50), '>i4');
    const b = array(Array.from({ length: 40 }, (_, i) => i % 3 === 0), '|b1').reshape([40, 1]);
    const u = array(Array.from({ length: 30 }, (_, i) => (i * 5) % 9), '<u2').reshape([1, 30]);
    const got: Res[] = [
      ravelMultiIndex([r, c], [600, 50]),
      ravelMultiIndex([r, c], [600, 50], { order: 'F' }),
      ravelMultiIndex([b, u, 3], [2, 9, 4]),
      ravelMultiIndex([r, c, r], [600, 50, 2 ** 30]),
    ].map(show);
    for (const f of [() => ravelMultiIndex([r, c], [600, 49]), () => ravelMultiIndex([arange(-1, 599), c], [600, 50])]) {
      try {
        f();
      } catch (e) {
        got.push({ error: (e as Error).name, message: (e as Error).message });
      }
    }
    const py = runNumpy<Res[]>(`
def show(r):
    return {'dtype': r.dtype.str, 'shape': list(r.shape), 'hex': np.ascontiguousarray(r).tobytes().hex()}
r = np.arange(600)[::-1]; c = ((np.arange(600) * 7) % 50).astype('>i4')
b = (np.arange(40) % 3 == 0).reshape(40, 1); u = ((np.arange(30) * 5) % 9).astype('<u2').reshape(1, 30)
out = [show(np.ravel_multi_index((r, c), (600, 50))), show(np.ravel_multi_index((r, c), (600, 50), order='F')),
       show(np.ravel_multi_index((b, u, 3), (2, 9, 4))), show(np.ravel_multi_index((r, c, r), (600, 50, 2**30)))]
for f in [lambda: np.ravel_multi_index((r, c), (600, 49)), lambda: np.ravel_multi_index((np.arange(-1, 599), c), (600, 50))]:
    try:
        f()
    except Exception as e:
        out.append({'error': type(e).__name__, 'message': str(e)})
print(json.dumps(out))`);
    expect(got).toEqual(py);
  });
});
