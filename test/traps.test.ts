// The traps a new user hits in the first hour (issue 13): typed-array and
// NumPy positional habits, errors that name the problem, stable error codes.
import { asarray, greater, where } from '../lib';
import { arange, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { AccessError, AxisError, IndexError, KeyError, OverflowError, TooHardError, ValueError } from '../lib/errors';
import { memmap } from '../lib/memmap';
import { createNpy, openNpy } from '../lib/npy/npy';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-traps-');

describe('integer indices in set() and index(), as NumPy a[0] = 5', () => {
  test('a.set(0, 5) writes element 0; a.index(0) is its 0-d view', () => {
    const a = zeros(3, '<i4');
    a.set(0, 5);
    a.set(-1, 7);
    expect(a.toArray()).toEqual([5, 0, 7]);
    expect(a.index(0).toArray()).toBe(5);
    const g = zeros([2, 3], '<f8');
    g.set(1, [1, 2, 3]);
    expect(g.toArray()).toEqual([[0, 0, 0], [1, 2, 3]]);
    expect(() => a.set(3, 1)).toThrow(IndexError);
  });
});

describe("NumPy's reshape(-1, 60) and transpose(2, 0, 1): sizes and axes as separate arguments", () => {
  test('reshape(a, b) is reshape([a, b]); the list form keeps its order argument', () => {
    const a = arange(12);
    expect(a.reshape(-1, 4).shape).toEqual([3, 4]);
    expect(a.reshape(2, 3, 2).shape).toEqual([2, 3, 2]);
    expect(a.reshape(12).shape).toEqual([12]);
    expect(a.reshape([3, 4], 'F').strides).toEqual(a.reshape([4, 3]).transpose().strides);
    expect(a.reshape(-1, 4).toArray()).toEqual(a.reshape([-1, 4]).toArray());
    expect(() => a.reshape(3, 4, 'x' as never)).toThrow(TypeError);
    expect(() => a.reshape(5, 3)).toThrow(ValueError);
  });

  test('transpose(2, 0, 1) is transpose([2, 0, 1]), a view with permuted strides', () => {
    const a = zeros([4, 5, 3], 'u1');
    const t = a.transpose(2, 0, 1);
    expect(t.shape).toEqual([3, 4, 5]);
    expect(t.strides).toEqual([1, 15, 3]);
    expect(t.strides).toEqual(a.transpose([2, 0, 1]).strides);
    expect(arange(3).transpose(0).shape).toEqual([3]);
    expect(() => a.transpose(1, 0)).toThrow(ValueError);
  });
});

describe("NumPy's positional dtype habit", () => {
  test("memmap(path, '<f8') maps float64, not uint8; memmap(path, dtype, options) takes the rest", () => {
    const p = tmp.file(new Uint8Array(new Float64Array([1.5, 2.5, 3.5]).buffer));
    const m = memmap(p, '<f8');
    expect(m.dtype.str).toBe('<f8');
    expect(m.toArray()).toEqual([1.5, 2.5, 3.5]);
    m.close();
    const r = memmap(p, [['a', '<f8']], { mode: 'r', shape: 2 });
    expect(r.toArray()).toEqual([{ a: 1.5 }, { a: 2.5 }]);
    expect(r.flags.writeable).toBe(false);
    r.close();
    const d = memmap(p, { names: ['x'], formats: ['<f8'] }, { mode: 'c', offset: 8 });
    expect(d.shape).toEqual([2]);
    d.close();
  });

  test('memmap refuses options it does not know, and a dtype in both places', () => {
    const p = tmp.file(new Uint8Array(8));
    expect(() => memmap(p, { dtpye: '<f8' } as never)).toThrow(/unknown memmap option 'dtpye'/);
    expect(() => memmap(p, '<f8', { dtype: '<f4' } as never)).toThrow(TypeError);
    expect(() => memmap(p, 42 as never)).toThrow(TypeError);
  });

  test("openNpy(path, dtype) is refused: the dtype comes from the header", () => {
    const p = tmp.path('a.npy');
    createNpy(p, '<f4', 3).close();
    expect(() => openNpy(p, '<f8' as never)).toThrow(/the dtype and shape come from the file's header/);
    expect(() => openNpy(p, { dtype: '<f8' } as never)).toThrow(/unknown openNpy option 'dtype'/);
    const m = openNpy(p, { mode: 'r' });
    expect(m.dtype.str).toBe('<f4');
    m.close();
  });

  test('zeros({ shape }) says what a shape is', () => {
    expect(() => zeros({ shape: [2, 3] } as never)).toThrow(new TypeError('shape must be an integer or an array of integers, got {"shape":[2,3]}'));
    expect(zeros(new Int32Array([2, 3]) as never).shape).toEqual([2, 3]);
  });
});

describe('errors', () => {
  test('every error class carries a stable code', () => {
    const codes = [
      new ValueError('x'),
      new IndexError('x'),
      new AxisError('x'),
      new KeyError('x'),
      new OverflowError('x'),
      new TooHardError('x'),
      new AccessError('ERR_CLOSED', 'x'),
    ].map((e) => [e.name, e.code]);
    expect(codes).toEqual([
      ['ValueError', 'ERR_VALUE'],
      ['IndexError', 'ERR_INDEX'],
      ['AxisError', 'ERR_AXIS'],
      ['KeyError', 'ERR_KEY'],
      ['OverflowError', 'ERR_OVERFLOW'],
      ['TooHardError', 'ERR_TOO_HARD'],
      ['AccessError', 'ERR_CLOSED'],
    ]);
    expect(() => arange(3, 'u1').reshape([4])).toThrow(expect.objectContaining({ code: 'ERR_VALUE' }));
  });

  test("an unknown dtype lists close matches ('f32' -> 'f4', 'float32')", () => {
    expect(() => dtype('f32')).toThrow(/^data type 'f32' not understood; did you mean 'f4', 'float32'/);
    expect(() => dtype('int65')).toThrow(/did you mean 'int8', 'int16', 'int32'\?$/);
    expect(() => dtype('flaot64')).toThrow(/did you mean 'float64'/);
    expect(() => dtype('>i32')).toThrow(/did you mean '>i4'/);
    expect(() => dtype('xyz')).toThrow(/^data type 'xyz' not understood$/);
  });

  test('OverflowError does not mention Python', () => {
    expect(() => zeros(1, 'u1').set(300)).toThrow(new OverflowError('Python integer 300 out of bounds for uint8'));
  });

  test("the read-only refusal names the file and mode of a mapping", () => {
    const p = tmp.file(new Uint8Array(4));
    const r = memmap(p, { mode: 'r' });
    expect(() => r.set(0, 1)).toThrow(`assignment destination is read-only ('${p}' is mapped read-only, mode 'r')`);
    r.close();
    const w = memmap(p, { mode: 'r+' });
    w.flags.writeable = false;
    expect(() => w.index('1:').fill(1)).toThrow(`assignment destination is read-only (flags.writeable is false on this view of '${p}', mapped with mode 'r+')`);
    w.close();
    const ro = zeros(2, 'u1');
    ro.flags.writeable = false;
    expect(() => ro.set(1)).toThrow(/^assignment destination is read-only$/);
  });
});

describeWithNumpy('OverflowError against NumPy', () => {
  test("the same values overflow as in NumPy's a[...] = v", () => {
    const want = runNumpy<boolean[]>(`
out = []
for v in [255, 256, -1, -129, 127, 128]:
    try:
        np.zeros(1, 'u1')[...] = v; a = True
    except OverflowError: a = False
    try:
        np.zeros(1, 'i1')[...] = v; b = True
    except OverflowError: b = False
    out += [a, b]
print(json.dumps(out))
`);
    const got: boolean[] = [];
    for (const v of [255, 256, -1, -129, 127, 128]) {
      for (const t of ['u1', 'i1']) {
        try {
          zeros(1, t).set(v);
          got.push(true);
        } catch (e) {
          expect(e).toBeInstanceOf(OverflowError);
          got.push(false);
        }
      }
    }
    expect(got).toEqual(want);
  });
});

describeWithNumpy("np.where(condition) alone: NumPy's nonzero, not a missing-argument TypeError", () => {
  test('the positions per axis equal NumPy\'s; x without y is its ValueError', () => {
    const m = asarray([[0, 1, 2], [3, 0, 5]], 'i4');
    const ours = [where(m), where([1, 0, 2]), where(greater(m, 1))].map((r) => r.map((c) => ({ dtype: c.dtype.str, values: (c.toArray() as bigint[]).map(Number) })));
    const want = runNumpy<unknown>(`
m = np.array([[0, 1, 2], [3, 0, 5]], dtype='i4')
print(json.dumps([[{'dtype': c.dtype.str, 'values': c.tolist()} for c in r] for r in (np.where(m), np.where([1, 0, 2]), np.where(m > 1))]))
`);
    expect(ours).toEqual(want);
    expect(() => (where as (...a: unknown[]) => unknown)(m, 1)).toThrow(new ValueError('either both or neither of x and y should be given'));
    expect(() => where(true)).toThrow(/Calling nonzero on 0d arrays is not allowed/);
    expect(where(m, 1, 0).toArray()).toEqual([[0n, 1n, 1n], [1n, 0n, 1n]]);
  });
});
