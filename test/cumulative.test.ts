// cumsum / cumprod against NumPy: dtype, shape, strides and bytes over
// dtypes (bool, ints that wrap, >i4, f2/f4 rounding every step, f8, c8, c16),
// axes (none, 0, -1, middle), F-ordered input, dtype=, out=, empty arrays,
// errors; the native kernel against the JS reference over random views.
import { cumprod, cumsum } from '../lib/cumulative';
import { cumulativeProd } from '../lib/array-api';
import { asStrided, broadcastTo, fromBuffer, full, zeros } from '../lib/create';
import type { NdArray } from '../lib/ndarray';
import { jsPath } from './helpers/kernels';
import { AxisError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { bytesOf } from './workloads/harness';

const DTYPES = ['|b1', '<i1', '<u1', '<i2', '>i4', '<u4', '<i8', '<u8', '<f2', '>f2', '<f4', '<f8', '>f8', '<c8', '<c16'];
const CASES: [string, number | null, string | null, string | null][] = [
  // [fn, axis, dtype option, layout]
  ['cumsum', null, null, null], ['cumprod', null, null, null], ['cumsum', 0, null, null], ['cumsum', -1, null, null],
  ['cumprod', 1, null, null], ['cumsum', 1, null, 'F'], ['cumprod', 0, null, 'F'], ['cumsum', -1, '<f8', null],
  ['cumsum', 0, '<i2', null], ['cumprod', 2, '<i4', null], ['cumsum', 2, null, 'rev'],
  // float16 steps round to half (NumPy's HALF_add), the input cast to half first (fuzz seed 727).
  ['cumsum', 2, '<f2', null], ['cumprod', 1, '<f2', 'F'],
];

describeWithNumpy('cumsum and cumprod against NumPy', () => {
  test('dtype, shape, strides and bytes for every dtype, axis, layout and dtype=', () => {
    const want = runNumpy<Record<string, { input: string; dtype?: string; shape?: number[]; strides?: number[]; hex?: string; error?: string }>>(`
import warnings
warnings.simplefilter('ignore')
rng = np.random.default_rng(4)
base = rng.normal(0, 40, (3, 4, 5))
out = {}
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    if d.kind == 'b': x = base > 0
    elif d.kind == 'c': x = (base + 1j * base[::-1]).astype(d)
    else: x = (np.abs(base) if d.kind == 'u' else base).astype(d)
    for (fn, axis, dto, layout) in json.loads(${JSON.stringify(JSON.stringify(CASES))}):
        key = ' '.join([dt, fn, json.dumps(axis), json.dumps(dto), json.dumps(layout)])
        src = np.asfortranarray(x) if layout == 'F' else (x[:, ::-1, ::2] if layout == 'rev' else x)
        try:
            r = getattr(np, fn)(src, axis=axis, dtype=dto)
            out[key] = {'input': x.tobytes().hex(), 'dtype': r.dtype.str, 'shape': list(r.shape), 'strides': list(r.strides), 'hex': np.ascontiguousarray(r).tobytes().hex()}
        except Exception as e:
            out[key] = {'input': x.tobytes().hex(), 'error': type(e).__name__}
print(json.dumps(out))
`);
    const failures: string[] = [];
    for (const dt of DTYPES) {
      for (const [fn, axis, dto, layout] of CASES) {
        const key = [dt, fn, JSON.stringify(axis), JSON.stringify(dto), JSON.stringify(layout)].join(' ');
        const w = want[key];
        const x = fromBuffer(new Uint8Array(Buffer.from(w.input, 'hex')).buffer, dt as never).reshape(3, 4, 5);
        const src = layout === 'F' ? x.copy('F') : layout === 'rev' ? x.index(':, ::-1, ::2') : x;
        let got: Record<string, unknown>;
        try {
          const r = (fn === 'cumsum' ? cumsum : cumprod)(src, axis, dto === null ? undefined : { dtype: dto });
          got = { dtype: r.dtype.str, shape: r.shape, strides: r.strides, hex: Buffer.from(bytesOf(r)).toString('hex') };
        } catch (e) {
          got = { error: (e as Error).name };
        }
        const expected = w.error !== undefined ? { error: w.error } : { dtype: w.dtype, shape: w.shape, strides: w.strides, hex: w.hex };
        if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${key}: numpy ${JSON.stringify(expected).slice(0, 200)} ours ${JSON.stringify(got).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

test('empty arrays, bad axes, NumPy option spellings', () => {
  expect(cumsum(zeros([0, 3], '<i4'), 0).shape).toEqual([0, 3]);
  expect(cumsum(zeros([0, 3], '<i4')).dtype.str).toBe('<i8');
  expect(() => cumsum(zeros(3), 1)).toThrow(AxisError);
  // A 0-d array: a 1-d result of its item, for axis 0 or -1 as for none (NumPy's); axis 1 is out of bounds for 1 dimension.
  const z = fromBuffer(new Float64Array([5.5])).reshape([]);
  for (const axis of [null, 0, -1]) expect([axis, cumsum(z, axis).shape, cumprod(z, axis).toArray()]).toEqual([axis, [1], [5.5]]);
  expect(() => cumsum(z, 1)).toThrow(new AxisError('axis 1 is out of bounds for array of dimension 1'));
  expect(() => cumsum(zeros(3), 0, { dtpye: 'f8' } as never)).toThrow("cumsum() got an unexpected keyword argument 'dtpye'");
  // float16 accumulates in float16 (NumPy: 2048 + 1 rounds back to 2048 at every step).
  expect(cumsum(full(3, 2048, '<f2')).toArray()).toEqual([2048, 4096, 6144]);
  expect(cumsum(fromBuffer(new Uint16Array([0x6800, 0x3c00, 0x3c00]), '<f2')).toArray()).toEqual([2048, 2048, 2048]);
  expect(cumsum(fromBuffer(new Int32Array([2 ** 31 - 1, 1]), '<i4'), 0, { dtype: '<i4' }).toArray()).toEqual([2 ** 31 - 1, -(2 ** 31)]);
});

// The native kernel (native/accumulate_kernels.cc) against the JS reference
// loop (kernels turned off): random strided views of every dtype, both byte
// orders, unaligned items, every axis and the flattened walk, dtype= and out=.
describe('the native accumulation equals the JS reference', () => {
  const ALL = ['|b1', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8', '<f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c8', '<c16', '>c16'];

  /** Same bytes, except that NaNs may differ in payload (the JS path rounds through doubles). */
  function sameBits(a: NdArray, b: NdArray): boolean {
    const x = Buffer.from(bytesOf(a));
    const y = Buffer.from(bytesOf(b));
    if (x.equals(y)) return true;
    const part = a.dtype.kind === 'c' ? a.itemsize / 2 : a.itemsize;
    if (!'fc'.includes(a.dtype.kind) || part === 2) return false;
    const le = a.dtype.littleEndian;
    for (let i = 0; i < x.length; i += part) {
      const read = (z: Buffer): number => (part === 4 ? (le ? z.readFloatLE(i) : z.readFloatBE(i)) : le ? z.readDoubleLE(i) : z.readDoubleBE(i));
      const u = read(x);
      const v = read(y);
      if (!(Number.isNaN(u) && Number.isNaN(v)) && !x.subarray(i, i + part).equals(y.subarray(i, i + part))) return false;
    }
    return true;
  }

  /** A random view: 1 to 3 axes, negative and >1 steps, transposed, sometimes unaligned (byte offset 1). */
  function randomView(dt: string, rnd: () => number): NdArray {
    const nd = 1 + Math.floor(rnd() * 3);
    const full = Array.from({ length: nd }, () => 1 + Math.floor(rnd() * (nd === 1 ? 9000 : 23)));
    const count = full.reduce((p, d) => p * d, 1);
    const item = Number(dt.slice(2)) || 1;
    const shift = rnd() < 0.3 ? 1 : 0;
    const bytes = new Uint8Array(count * item + shift);
    for (let i = 0; i < bytes.length; i++) bytes[i] = rnd() * 256;
    // Small values so that products stay finite for a while; bool bytes of any value.
    let x = fromBuffer(bytes.buffer, dt as never, { offset: shift, count }).reshape(full);
    if (dt[1] === 'f' || dt[1] === 'c') {
      const v = fromBuffer(new Float64Array(Array.from({ length: count * (dt[1] === 'c' ? 2 : 1) }, () => (rnd() - 0.3) * 3)), '<f8');
      const fresh = dt[1] === 'c' ? v.view('<c16').astype(dt) : v.astype(dt);
      const cp = fromBuffer(bytes.buffer, dt as never, { offset: shift, count });
      cp.set(fresh);
      x = cp.reshape(full);
    }
    const idx = full.map((d) => {
      const r = rnd();
      if (r < 0.3) return '::-1';
      if (r < 0.5 && d > 3) return '1::2';
      if (r < 0.6 && d > 5) return '-2:0:-3';
      return ':';
    });
    let v = x.index(idx.join(', '));
    if (nd > 1 && rnd() < 0.4) v = v.T;
    return v;
  }

  test.each(ALL)('%s: random views, every axis, cumsum and cumprod, dtype= and out=', (dt) => {
    let seed = 12345 + ALL.indexOf(dt) * 7919;
    const rnd = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const failures: string[] = [];
    for (let round = 0; round < 12; round++) {
      const v = randomView(dt, rnd);
      const axes: (number | null)[] = [null, ...v.shape.map((_, k) => k)];
      for (const fn of [cumsum, cumprod]) {
        for (const axis of axes) {
          const dto = dt === '<f2' ? '<f4' : rnd() < 0.2 ? ['<f8', '>i4', '<c8', '|u1'][Math.floor(rnd() * 4)] : undefined;
          const opts = dto === undefined ? undefined : { dtype: dto };
          const native = fn(v, axis, opts);
          const js = jsPath(() => fn(v, axis, opts));
          const name = `${dt} ${fn.name} ${v.shape} ${v.strides} axis ${axis} dtype ${dto}`;
          if (native.dtype.str !== js.dtype.str || native.strides.join() !== js.strides.join() || !sameBits(native, js)) failures.push(name);
          // out= of another dtype and byte order (without dtype=, float64 then accumulates in float64).
          const outType = native.dtype.kind === 'c' ? '>c16' : '>f8';
          const out = zeros(native.shape, outType);
          const r = fn(v, axis, { ...opts, out });
          const ref = zeros(native.shape, outType);
          jsPath(() => fn(v, axis, { ...opts, out: ref }));
          if (r !== out || !sameBits(out, ref)) failures.push(`${name} out=`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describeWithNumpy('out= against NumPy', () => {
  test('cast results, in place, an overlapping out, the wrong size', () => {
    const want = runNumpy<Record<string, number[]>>(`
a = np.array([0.6, 0.6, 0.6, 0.6, -2.5, 7.25])
o = np.empty(6, int); np.cumsum(a, out=o)
x = np.arange(6.); np.cumsum(x, out=x)
y = np.arange(6.); np.cumsum(y[:-1], out=y[1:])
z = np.arange(1., 7.).reshape(2, 3); zo = np.zeros(6, np.float32); np.cumprod(z, out=zo)
w = np.arange(12.).reshape(3, 4); np.cumsum(w, axis=0, out=w)
print(json.dumps({'int': o.tolist(), 'inplace': x.tolist(), 'shifted': y.tolist(), 'flat': zo.tolist(), 'axis0': w.ravel().tolist()}))
`);
    const a = fromBuffer(new Float64Array([0.6, 0.6, 0.6, 0.6, -2.5, 7.25]));
    const o = zeros(6, '<i8');
    expect(cumsum(a, null, { out: o })).toBe(o);
    expect((o.toArray() as bigint[]).map(Number)).toEqual(want.int);
    const x = fromBuffer(new Float64Array([0, 1, 2, 3, 4, 5]));
    cumsum(x, null, { out: x });
    expect(x.toArray()).toEqual(want.inplace);
    const y = fromBuffer(new Float64Array([0, 1, 2, 3, 4, 5]));
    cumsum(y.index(':-1'), null, { out: y.index('1:') });
    expect(y.toArray()).toEqual(want.shifted);
    const zo = zeros(6, '<f4');
    cumprod(fromBuffer(new Float64Array([1, 2, 3, 4, 5, 6])).reshape(2, 3), null, { out: zo });
    expect(zo.toArray()).toEqual(want.flat);
    const w = fromBuffer(new Float64Array(Array.from({ length: 12 }, (_, i) => i))).reshape(3, 4);
    cumsum(w, 0, { out: w });
    expect(w.ravel().toArray()).toEqual(want.axis0);
    expect(() => cumsum(a, null, { out: zeros(5) })).toThrow('provided out is the wrong size for the accumulation.');
  });

  test("without dtype, out's dtype joins the promotion that picks the accumulation dtype", () => {
    const want = runNumpy<Record<string, string>>(`
import warnings
warnings.simplefilter('ignore')
r = {}
o = np.zeros(3); np.cumsum(np.array([2**62, 2**62, 3]), out=o); r['i8->f8'] = o.tobytes().hex()
o = np.zeros(2, '>f4'); np.cumprod(np.array([10**10, 3 * 10**10]), out=o); r['i8->f4'] = o.tobytes().hex()
o = np.zeros((2, 3), '>c16'); np.cumprod(np.array([[1.5, -2, 0.5], [-3, 4, -0.25]]), axis=1, out=o); r['f8->c16'] = o.tobytes().hex()
o = np.zeros(2, np.int64); np.cumsum(np.array([2**63, 2**63], np.uint64), out=o); r['u8->i8'] = o.tobytes().hex()
o = np.zeros(4, np.int8); np.cumprod(np.array([100, 3, -7, 2], np.int16), out=o); r['i2->i1'] = o.tobytes().hex()
print(json.dumps(r))
`);
    const hex = (x: NdArray): string => Buffer.from(bytesOf(x)).toString('hex');
    const run = (fn: typeof cumsum, input: NdArray, axis: number | null, out: NdArray): string => {
      fn(input, axis, { out });
      return hex(out);
    };
    expect({
      'i8->f8': run(cumsum, fromBuffer(new BigInt64Array([2n ** 62n, 2n ** 62n, 3n]), '<i8'), null, zeros(3)),
      'i8->f4': run(cumprod, fromBuffer(new BigInt64Array([10n ** 10n, 3n * 10n ** 10n]), '<i8'), null, zeros(2, '>f4')),
      'f8->c16': run(cumprod, fromBuffer(new Float64Array([1.5, -2, 0.5, -3, 4, -0.25])).reshape(2, 3), 1, zeros([2, 3], '>c16')),
      'u8->i8': run(cumsum, fromBuffer(new BigUint64Array([2n ** 63n, 2n ** 63n]), '<u8'), null, zeros(2, '<i8')),
      'i2->i1': run(cumprod, fromBuffer(new Int16Array([100, 3, -7, 2]), '<i2'), null, zeros(4, '|i1')),
    }).toEqual(want);
  });
});

describeWithNumpy("a new result over a broadcast axis: NumPy's iterator layout (fuzz seed 8559)", () => {
  test('strides of cumsum/cumprod of broadcast views, every axis, as NumPy allocates them', () => {
    const want = runNumpy<number[][][]>(`
from numpy.lib.stride_tricks import as_strided
base = np.arange(48, dtype='>u8')
a = as_strided(base[19:], (3, 2, 4), (8, 24, -48))
views = [np.broadcast_to(a, (3, 3, 2, 4)), np.broadcast_to(a[:, :, None, :], (3, 2, 5, 4)),
         np.broadcast_to(np.arange(4.)[:, None], (4, 3)), np.broadcast_to(np.asfortranarray(np.ones((2, 3)))[:, None, :], (2, 4, 3))]
print(json.dumps([[list(f(v, ax).strides) for ax in range(v.ndim) for f in (np.cumsum, np.cumprod)] for v in views]))
`);
    const base = fromBuffer(new BigUint64Array(48).map((_, i) => BigInt(i)), '<u8').astype('>u8');
    const a = asStrided(base.index('19:'), [3, 2, 4], [8, 24, -48]);
    const f = zeros([3, 2], 'f8').T;
    f.fill(1);
    const views = [
      broadcastTo(a, [3, 3, 2, 4]),
      broadcastTo(a.index(':, :, None, :'), [3, 2, 5, 4]),
      broadcastTo(fromBuffer(new Float64Array([0, 1, 2, 3])).index(':, None'), [4, 3]),
      broadcastTo(f.index(':, None, :'), [2, 4, 3]),
    ];
    const got = views.map((v) => Array.from({ length: v.ndim }, (_, ax) => [cumsum(v, ax), cumprod(v, ax)]).flat().map((r) => [...r.strides]));
    expect(got).toEqual(want);
  });

  test('float16 too (its loop in JS), and cumulativeProd with includeInitial over it (fuzz seed 9253258)', () => {
    const want = runNumpy<number[][]>(`
s = np.zeros(6, '<f2')[::3]
b = np.broadcast_to(s, (3, 2))
c = np.expand_dims(b, -3)
print(json.dumps([list(np.cumsum(b, 0).strides), list(np.cumprod(b, 1).strides), list(np.cumsum(c, 1).strides),
                  list(np.cumulative_prod(c, axis=0, include_initial=True).strides)]))
`);
    const s = zeros([6], '<f2').index('::3');
    const b = broadcastTo(s, [3, 2]);
    const c = b.index('None');
    const got = [cumsum(b, 0), cumprod(b, 1), cumsum(c, 1), cumulativeProd(c, { axis: 0, includeInitial: true })].map((r) => [...r.strides]);
    expect(got).toEqual(want);
  });
});
