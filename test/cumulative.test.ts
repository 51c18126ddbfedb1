// cumsum / cumprod against NumPy: dtype, shape, strides and bytes over
// dtypes (bool, ints that wrap, >i4, f2/f4 rounding every step, f8, c8, c16),
// axes (none, 0, -1, middle), F-ordered input, dtype=, empty arrays, errors.
import { cumprod, cumsum } from '../lib/cumulative';
import { fromBuffer, full, zeros } from '../lib/create';
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
  expect(() => cumsum(zeros(3), 0, { dtpye: 'f8' } as never)).toThrow("cumsum() got an unexpected keyword argument 'dtpye'");
  // float16 accumulates in float16 (NumPy: 2048 + 1 rounds back to 2048 at every step).
  expect(cumsum(full(3, 2048, '<f2')).toArray()).toEqual([2048, 4096, 6144]);
  expect(cumsum(fromBuffer(new Uint16Array([0x6800, 0x3c00, 0x3c00]), '<f2')).toArray()).toEqual([2048, 2048, 2048]);
  expect(cumsum(fromBuffer(new Int32Array([2 ** 31 - 1, 1]), '<i4'), 0, { dtype: '<i4' }).toArray()).toEqual([2 ** 31 - 1, -(2 ** 31)]);
});
