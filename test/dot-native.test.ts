// The native products (native/gemm.cc, native/gemm_exact.cc through
// lib/dot-native.ts): bit for bit the JS mirror's (lib/dot-kernel.ts) for
// every dtype, on sizes that cross every tile and block edge of every ISA
// (MR 12/6/4 rows, NR 16/32/8/4 columns, KC 256); the same bits on 1 or
// more threads; and NumPy's values (integers exact, wrapping; floats and
// complex to rounding: NumPy's BLAS sums in its own order) on strided,
// transposed, Fortran-order and byte-swapped operands and a strided `out`.
import * as m from '../lib';
import { forceDotJs, setDotThreads } from '../lib/dot-native';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

function rnd(shape: number[], dt: string, seed: number): m.NdArray {
  let s = seed;
  const n = shape.reduce((a, b) => a * b, 1);
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    vals.push(s / 2147483647 - 0.5);
  }
  const f = m.asarray(vals, 'f8');
  let a: m.NdArray;
  if (dt[0] === 'c') {
    a = m.empty([n], dt);
    const parts = a.view(dt === 'c16' ? 'f8' : 'f4');
    parts.index(m.slice(0, null, 2)).set(f);
    parts.index(m.slice(1, null, 2)).set(f.index(m.slice(null, null, -1)));
  } else if (dt === 'b1') a = m.greater(f, 0.1);
  else if (/^[iu]/.test(dt)) a = m.multiply(f, dt === 'i8' ? 2 ** 40 : 2 ** 12).astype(dt);
  else a = f.astype(dt);
  return a.reshape(shape);
}

const bytes = (a: m.NdArray): string => Buffer.from(a.copy().ravel().view('u1').typedArray() as Uint8Array).toString('hex');

function mirrored(f: () => m.NdArray): m.NdArray {
  const was = forceDotJs(true);
  try {
    return f();
  } finally {
    forceDotJs(was);
  }
}

// [n, k, m]: 1..67 across the tiles' rows (4, 6, 12) and columns (4, 8, 16, 32), KC (256), and matrix × vector lanes (16).
const EDGES: [number, number, number][] = [
  [1, 1, 1], [1, 1, 2], [2, 3, 1], [3, 17, 5], [4, 16, 4], [5, 33, 7], [6, 8, 8], [7, 15, 9], [11, 31, 15], [12, 256, 16],
  [13, 257, 17], [17, 3, 31], [23, 64, 32], [25, 255, 33], [31, 100, 47], [37, 1, 63], [49, 129, 64], [61, 61, 65], [67, 67, 67], [66, 513, 1],
];

test('native products give the JS mirror bits for every dtype and every tile edge', () => {
  const bad: string[] = [];
  for (const dt of ['f8', 'f4', 'c16', 'c8', 'i8', 'i4', 'u4', 'i2', 'u1', 'i1', 'b1']) {
    for (const [n, k, mm] of EDGES) {
      if (dt === 'i8' && n * k * mm > 40000) continue; // the BigInt mirror is slow
      const a = rnd([n, k], dt, n * 7 + k);
      const b = rnd([k, mm], dt, mm + 3);
      const native = m.matmul(a, b);
      const js = mirrored(() => m.matmul(a, b));
      if (bytes(native) !== bytes(js)) bad.push(`${dt} ${n}x${k}x${mm}`);
    }
  }
  expect(bad).toEqual([]);
});

test('the bits do not depend on the thread count (products large enough to split)', () => {
  const cases: [string, number[], number[]][] = [
    ['f8', [301, 129], [129, 157]],
    ['f4', [251, 300], [300, 131]],
    ['f8', [5003, 1001], [1001]],
  ];
  for (const [dt, sa, sb] of cases) {
    const a = rnd(sa, dt, 11);
    const b = rnd(sb, dt, 12);
    const was = setDotThreads(1);
    try {
      const one = bytes(m.matmul(a, b));
      for (const t of [2, 3, 4]) {
        setDotThreads(t);
        expect(bytes(m.matmul(a, b))).toBe(one);
      }
    } finally {
      setDotThreads(was);
    }
  }
});

test('rows longer than a segment (65536 items): the mirror bits, the same on 1 to 4 threads', () => {
  const bad: string[] = [];
  for (const dt of ['f8', 'f4']) {
    for (const k of [65535, 65536, 65537, 3 * 65536 + 37]) {
      const x = rnd([k], dt, k);
      const y = rnd([k], dt, k + 1);
      if (bytes(m.dot(x, y)) !== bytes(mirrored(() => m.dot(x, y)))) bad.push(`${dt} dot ${k}`);
    }
    const a = rnd([5, 70001], dt, 5);
    const v = rnd([70001], dt, 6);
    if (bytes(m.matmul(a, v)) !== bytes(mirrored(() => m.matmul(a, v)))) bad.push(`${dt} matvec 5x70001`);
  }
  expect(bad).toEqual([]);
  // From 2^20 items the dot splits its segments over threads.
  const k = 2 ** 20 + 5;
  const x = rnd([k], 'f8', 1);
  const y = rnd([k], 'f8', 2);
  const want = bytes(mirrored(() => m.dot(x, y)));
  const was = setDotThreads(1);
  try {
    for (const t of [1, 2, 3, 4]) {
      setDotThreads(t);
      expect([t, bytes(m.dot(x, y))]).toEqual([t, want]);
    }
  } finally {
    setDotThreads(was);
  }
});

test('a row vector times a matrix (its own unpacked path): the mirror bits, the same on 1 to 4 threads', () => {
  const bad: string[] = [];
  // Columns across 12-vector passes, single vectors and scalar tails of every ISA; rows across the 256-row chunks.
  const shapes: [number, number][] = [[300, 37], [257, 17], [16, 33], [1000, 200], [513, 97], [40, 385], [3, 1000]];
  for (const dt of ['f8', 'f4']) {
    for (const [k, mm] of shapes) {
      const a = rnd([1, k], dt, k);
      const b = rnd([k, mm], dt, mm);
      if (bytes(m.matmul(a, b)) !== bytes(mirrored(() => m.matmul(a, b)))) bad.push(`${dt} 1x${k}x${mm}`);
      const v = rnd([k], dt, k + 1);
      if (bytes(m.matmul(v, b)) !== bytes(mirrored(() => m.matmul(v, b)))) bad.push(`${dt} vecmat ${k}x${mm}`);
    }
  }
  expect(bad).toEqual([]);
  // From 2^22 multiply-adds and 2 × 512 columns the columns split over threads (at multiples of 16).
  const a = rnd([1, 3900], 'f8', 3);
  const b = rnd([3900, 1100], 'f8', 4);
  const want = bytes(mirrored(() => m.matmul(a, b)));
  const was = setDotThreads(1);
  try {
    for (const t of [1, 2, 3, 4]) {
      setDotThreads(t);
      expect([t, bytes(m.matmul(a, b))]).toEqual([t, want]);
    }
  } finally {
    setDotThreads(was);
  }
});

test('a stack of tiny matrices runs in one native call with the mirror bits (broadcast stacks, every dtype)', () => {
  const bad: string[] = [];
  for (const dt of ['f8', 'f4', 'c16', 'c8', 'i8', 'i4', 'u1', 'b1']) {
    const pairs: [m.NdArray, m.NdArray][] = [
      [rnd([300, 2, 3], dt, 1), rnd([300, 3, 2], dt, 2)],
      [rnd([7, 1, 2, 3], dt, 3), rnd([5, 3, 4], dt, 4)],
      [rnd([40, 3, 3], dt, 5), rnd([3], dt, 6)],
      [m.broadcastTo(rnd([1, 4, 4], dt, 7), [9, 4, 4]), rnd([9, 4, 4], dt, 8)],
    ];
    pairs.forEach(([a, b], i) => {
      if (bytes(m.matmul(a, b)) !== bytes(mirrored(() => m.matmul(a, b)))) bad.push(`${dt} case ${i}`);
    });
  }
  expect(bad).toEqual([]);
});

test('the stacked kernel checks every offset before it writes', () => {
  const { dotGemmBatch } = jest.requireActual('../lib/native') as typeof import('../lib/native');
  const A = new Float64Array(4).fill(1);
  const B = new Float64Array(4).fill(2);
  const C = new Float64Array(4).fill(7);
  const untouched = (): boolean => C.every((v) => v === 7);
  const offs = (...v: number[]): Float64Array => Float64Array.from(v);
  expect(() => dotGemmBatch(0, A, offs(0, 3), B, offs(0, 0), C, 1, 2, 2)).toThrow("dotGemmBatch: product 1's operands are outside their arrays");
  expect(untouched()).toBe(true);
  for (const bad of [-1, 0.5, NaN, Infinity, 2 ** 60]) {
    expect(() => dotGemmBatch(0, A, offs(0, bad), B, offs(0, 0), C, 1, 2, 2)).toThrow("dotGemmBatch: product 1's operands are outside their arrays");
    expect(untouched()).toBe(true);
  }
  expect(() => dotGemmBatch(0, A, offs(0, 0, 0), B, offs(0, 0, 0), C, 1, 2, 2)).toThrow("dotGemmBatch: the stack's sizes do not fit its arrays");
  expect(() => dotGemmBatch(0, A, offs(0), B, offs(0, 0), C, 1, 2, 2)).toThrow("dotGemmBatch: the stack's sizes do not fit its arrays");
  expect(() => dotGemmBatch(0, A, offs(0, 0), B, offs(0, 0), new Float32Array(4), 1, 2, 2)).toThrow("dotGemmBatch: C must be a typed array of the kernel's type");
  expect(untouched()).toBe(true);
  dotGemmBatch(0, A, offs(0, 2), B, offs(0, 0), C, 1, 2, 2);
  expect(Array.from(C)).toEqual([4, 4, 4, 4]);
});

test('the kernel refuses bad integer and complex operands', () => {
  const { dotGemm } = jest.requireActual('../lib/native') as typeof import('../lib/native');
  const i = new Int32Array(6);
  expect(() => dotGemm(2, i, 0, new Int16Array(6), 0, i, 0, 2, 3, 2)).toThrow("dotGemm: B must be a typed array of the kernel's type");
  expect(() => dotGemm(2, new Float64Array(6), 0, i, 0, i, 0, 2, 3, 2)).toThrow("dotGemm: A must be a typed array of the kernel's type");
  const c = new Float64Array(6); // 3 complex items
  expect(() => dotGemm(3, c, 0, c, 0, c, 0, 1, 3, 1)).not.toThrow();
  expect(() => dotGemm(3, c, 1, c, 0, c, 0, 1, 3, 1)).toThrow('dotGemm: A holds 6 items, the product needs 6 from 2');
  expect(() => dotGemm(9, c, 0, c, 0, c, 0, 1, 1, 1)).toThrow(/^dotGemm: type must be/);
});

describeWithNumpy('native products against NumPy', () => {
  test('integers wrap as NumPy; complex, f4 and f8 agree to rounding; layouts and out', () => {
    const want = runNumpy<Record<string, { r: string; dtype: string; shape: number[] }>>(`
def rnd(shape, dt, seed):
    s = seed; v = []
    for _ in range(int(np.prod(shape))):
        s = (s * 48271) % 2147483647
        v.append(s / 2147483647 - 0.5)
    f = np.array(v, 'f8')
    if dt[0] == 'c': a = (f + f[::-1] * np.array(1j, dt)).astype(dt)
    elif dt[0] in 'iu': a = (f * (2**40 if dt == 'i8' else 2**12)).astype(dt)
    else: a = f.astype(dt)
    return a.reshape(shape)
out = {}
def put(name, r):
    r = np.asarray(r)
    out[name] = {'r': r.astype(r.dtype.newbyteorder('<')).tobytes().hex(), 'dtype': r.dtype.str, 'shape': list(r.shape)}
for dt in ['i8', 'i4', 'i2', 'u1', 'c16', 'c8', 'f8', 'f4']:
    a = rnd((13, 67), dt, 1); b = rnd((67, 29), dt, 2)
    put(dt + ' matmul', a @ b)
    put(dt + ' matmul T F', a.T.copy().T @ np.asfortranarray(b))
    put(dt + ' matmul strided', rnd((26, 67), dt, 1)[::2] @ rnd((67, 58), dt, 2)[:, ::2])
    put(dt + ' dot', np.dot(a[3], b[:, 5]))
    put(dt + ' vdot', np.vdot(a, rnd((13, 67), dt, 4)))
    put(dt + ' inner', np.inner(a, rnd((5, 67), dt, 5)))
    put(dt + ' outer', np.outer(a[0], b[0]))
    put(dt + ' swapped', a.astype(a.dtype.newbyteorder('>')) @ b)
big = np.array([2**62, 3], 'i8'); put('i8 wrap', np.dot(big, np.array([6, 5], 'i8')))
put('i4 wrap', np.array([[2**30, 7]], 'i4') @ np.array([[9], [2**29]], 'i4'))
put('u1 wrap', np.array([[200, 100, 255]], 'u1') @ np.array([[2], [3], [255]], 'u1'))
print(json.dumps(out))
`);
    const got: Record<string, () => m.NdArray> = {};
    for (const dt of ['i8', 'i4', 'i2', 'u1', 'c16', 'c8', 'f8', 'f4']) {
      const a = rnd([13, 67], dt, 1);
      const b = rnd([67, 29], dt, 2);
      got[`${dt} matmul`] = () => m.matmul(a, b);
      got[`${dt} matmul T F`] = () => m.matmul(a.T.copy().T, b.astype(b.dtype, 'F'));
      got[`${dt} matmul strided`] = () => {
        const res = m.empty([13, 58], dt).index(m.slice(null), m.slice(null, null, 2));
        return m.matmul(rnd([26, 67], dt, 1).index(m.slice(null, null, 2)), rnd([67, 58], dt, 2).index(m.slice(null), m.slice(null, null, 2)), { out: res });
      };
      got[`${dt} dot`] = () => m.dot(a.index(3), b.index(m.slice(null), 5));
      got[`${dt} vdot`] = () => m.vdot(a, rnd([13, 67], dt, 4));
      got[`${dt} inner`] = () => m.inner(a, rnd([5, 67], dt, 5));
      got[`${dt} outer`] = () => m.outer(a.index(0), b.index(0));
      got[`${dt} swapped`] = () => m.matmul(a.astype(a.dtype.newbyteorder('>')), b);
    }
    got['i8 wrap'] = () => m.dot(m.asarray([2n ** 62n, 3n], 'i8'), m.asarray([6n, 5n], 'i8'));
    got['i4 wrap'] = () => m.matmul(m.asarray([[2 ** 30, 7]], 'i4'), m.asarray([[9], [2 ** 29]], 'i4'));
    got['u1 wrap'] = () => m.matmul(m.asarray([[200, 100, 255]], 'u1'), m.asarray([[2], [3], [255]], 'u1'));
    const bad: string[] = [];
    for (const [name, w] of Object.entries(want)) {
      const r = got[name]();
      if (r.dtype.newbyteorder('<').str !== w.dtype.replace('>', '<') || JSON.stringify(r.shape) !== JSON.stringify(w.shape)) {
        bad.push(`${name}: ${r.dtype.str} ${JSON.stringify(r.shape)} vs ${w.dtype} ${JSON.stringify(w.shape)}`);
        continue;
      }
      const expected = m.fromBuffer(Buffer.from(w.r, 'hex'), w.dtype.replace('>', '<') as never).reshape(w.shape);
      const mine = r.astype(r.dtype.newbyteorder('<'));
      if (/^[<|][iub]/.test(expected.dtype.str)) {
        if (bytes(mine) !== bytes(expected)) bad.push(`${name}: not exact`);
        continue;
      }
      // Floats: within a few ulps of the sum of |products| (67 terms at most).
      const eps = /[fc]8$|f4$/.test(expected.dtype.str) && !/f8|c16/.test(expected.dtype.str) ? 2 ** -23 : 2 ** -52;
      const diff = Number(m.abs(m.subtract(mine, expected)).max());
      if (!(diff <= 67 * 4 * eps * 8)) bad.push(`${name}: off by ${diff}`);
    }
    expect(bad).toEqual([]);
  });
});

test('the AVX-512, AVX2 and portable paths give the same bits (MMARRAY_GEMM_ISA picks a narrower one)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('child_process') as typeof import('child_process');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('path') as typeof import('path');
  const addon = path.join(__dirname, '..', 'build', 'Release', 'mmarray.node');
  const script = `
    const a = require(${JSON.stringify(addon)});
    const crypto = require('crypto');
    let s = 3;
    const fill = (t) => { for (let i = 0; i < t.length; i++) { s = (s * 48271) % 2147483647; t[i] = s / 2147483647 - 0.5; } return t; };
    const h = crypto.createHash('sha256');
    for (const [n, k, m] of [[67, 300, 67], [13, 257, 1], [250, 129, 150], [1, 1000, 1], [5, 3, 40], [1, 1048581, 1], [5, 70001, 1]]) {
      for (const [type, T] of [[0, Float64Array], [1, Float32Array]]) {
        const A = fill(new T(n * k)), B = fill(new T(k * m)), C = new T(n * m);
        a.dotGemm(type, A, 0, B, 0, C, 0, n, k, m);
        h.update(Buffer.from(C.buffer));
      }
    }
    // The blocked LU and solves run their updates through the same GEMM.
    for (const n of [100, 257]) {
      const A = fill(new Float64Array(n * n)), piv = new Int32Array(n), info = new Int32Array(1);
      for (let i = 0; i < n; i++) A[i * n + i] += 4;
      a.linalgGetrf(0, A, piv, info, n, 1);
      const B = fill(new Float64Array(n * 20));
      a.linalgGetrs(0, A, piv, B, n, 20, 1);
      h.update(Buffer.from(A.buffer)); h.update(Buffer.from(piv.buffer)); h.update(Buffer.from(B.buffer));
    }
    process.stdout.write(h.digest('hex'));`;
  const run = (isa: string): string => {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, MMARRAY_GEMM_ISA: isa } });
    expect(r.stderr).toBe('');
    return r.stdout;
  };
  const best = run('');
  expect(best).toMatch(/^[0-9a-f]{64}$/);
  expect(run('avx2')).toBe(best);
  expect(run('portable')).toBe(best);
});
