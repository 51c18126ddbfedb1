// NumPy's ufunc objects (lib/ufunc-object.ts, lib/ufunc-fold.ts): every
// exported ufunc carries NumPy's attributes and methods, `subtract.reduce(a)`
// is `np.subtract.reduce(a)`. Compared with NumPy (dtype, shape and bytes,
// or the error's class and message) over the binary ufuncs, dtypes, axes,
// keepdims, dtype, initial, where, out, accumulate, reduceat and outer.
import * as mm from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, pyAxis, type Case } from './helpers/np-compare';

type Ufunc = ((...args: unknown[]) => unknown) & mm.BinaryUfuncMethods;
const uf = (name: string): Ufunc => (mm as unknown as Record<string, Ufunc>)[name];
const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const BINARY = [
  'add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'power', 'fmod', 'float_power',
  'minimum', 'maximum', 'fmin', 'fmax', 'equal', 'not_equal', 'less', 'greater_equal',
  'logical_and', 'logical_xor', 'bitwise_or', 'bitwise_and', 'left_shift', 'right_shift', 'gcd', 'lcm',
  'arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'copysign', 'nextafter', 'heaviside',
];
const DTYPES = ['|b1', '<i1', '|u1', '<i4', '<i8', '<u8', '<f2', '<f4', '<f8', '<c16'];
// Small values (1..4 and their negatives for the signed and float kinds): no overflow, no negative power.
const V2 = [[3, 1, 4, 1], [2, 2, 1, 3], [4, 1, 2, 2]];
const arr = (dt: string): string => `np.array(${JSON.stringify(V2)}).astype('${dt}')`;
const js = (dt: string): mm.NdArray => mm.array(V2).astype(dt);
// NumPy 2.4's float power and arctan2 loops ignore a reduction's accumulator
// along the axis their loop walks (np.power.reduce([3., 1, 4, 1]) is 3.0,
// a[0] ** a[-1]; arctan2 alike, with initial= and in reduceat too): a NumPy
// bug, checked below against the fold NumPy computes item by item instead.
const numpyFoldBug = (name: string, dt: string): boolean => name === 'arctan2' || (name === 'power' && ['<f2', '<f4', '<f8'].includes(dt));

describeWithNumpy('ufunc methods against NumPy', () => {
  test('reduce: every binary ufunc x dtype, axis 0 (default), 1, None, (0, 1), keepdims', () => {
    const cases: Case[] = [];
    const axes: [string, unknown][] = [['', undefined], ['axis=1', 1], ['axis=None', null], ['axis=(0, 1)', [0, 1]], ['axis=-1, keepdims=True', { axis: -1, keepdims: true }]];
    for (const name of BINARY) {
      for (const dt of DTYPES) {
        for (const [py, ax] of axes) {
          if (numpyFoldBug(name, dt) && py !== '') continue;
          // NumPy's float32 arctan2 is 1 ULP off the correctly rounded value in places (mmarray's is not).
          if (name === 'arctan2' && (dt === '<f2' || dt === '<f4')) continue;
          cases.push({ py: `np.${name}.reduce(${arr(dt)}${py ? `, ${py}` : ''})`, js: () => uf(camel(name)).reduce(js(dt), ax as never) });
        }
      }
    }
    expectCasesLikeNumpy(cases);
  });

  test('reduce: dtype, initial, where (with and without initial), out, empty inputs, 0-d', () => {
    const cases: Case[] = [];
    for (const name of ['subtract', 'divide', 'power', 'hypot', 'logaddexp', 'arctan2', 'fmax', 'equal', 'gcd', 'floor_divide', 'add', 'minimum']) {
      const f = (): Ufunc => uf(camel(name));
      // gcd with a float dtype: NumPy names the loop it looked for, (float32, int32) -> float32.
      if (name !== 'gcd' && name !== 'arctan2') cases.push({ py: `np.${name}.reduce(${arr('<i4')}, 0, np.float32)`, js: () => f().reduce(js('<i4'), 0, 'float32') });
      if (!numpyFoldBug(name, '<f8')) {
        cases.push(
          { py: `np.${name}.reduce(${arr('<f8')}, 1, initial=2)`, js: () => f().reduce(js('<f8'), 1, { initial: 2 }) },
          { py: `np.${name}.reduce(${arr('<f8')}, 1, where=np.array([True, False, True, True]))`, js: () => f().reduce(js('<f8'), 1, { where: [true, false, true, true] }) },
          { py: `np.${name}.reduce(${arr('<f8')}, 1, where=np.array([True, False, True, True]), initial=5)`, js: () => f().reduce(js('<f8'), 1, { where: [true, false, true, true], initial: 5 }) },
        );
      }
      cases.push(
        { py: `np.${name}.reduce(np.zeros((0,), '<f8'))`, js: () => f().reduce(mm.zeros([0])) },
        { py: `np.${name}.reduce(np.zeros((0, 3), '<f8'), 0)`, js: () => f().reduce(mm.zeros([0, 3]), 0) },
        { py: `np.${name}.reduce(np.zeros((3, 0), '<f8'), 0)`, js: () => f().reduce(mm.zeros([3, 0]), 0) },
        { py: `np.${name}.reduce(np.zeros((0,), '<f8'), initial=7)`, js: () => f().reduce(mm.zeros([0]), 0, { initial: 7 }) },
        { py: `np.${name}.reduce(np.array(5.0))`, js: () => f().reduce(mm.array(5.0, 'float64')) },
        { py: `np.${name}.reduce(${arr('<f8')}, axis=())`, js: () => f().reduce(js('<f8'), []) },
        { py: `np.${name}.reduce(${arr('<i8')}, 0, None, np.zeros(4, '<f8'))`, js: () => f().reduce(js('<i8'), 0, null, mm.zeros([4])) },
        { py: `np.${name}.reduce(${arr('<f8')}, 0, out=np.zeros(3, '<f8'))`, js: () => f().reduce(js('<f8'), 0, { out: mm.zeros([3]) }) },
        { py: `np.${name}.reduce(${arr('<f8')}, 5)`, js: () => f().reduce(js('<f8'), 5) },
      );
    }
    expectCasesLikeNumpy(cases);
  });

  test('initial: null is NumPy\'s initial=None (no identity) for add/multiply/minimum/maximum.reduce and sum/prod/min/max', () => {
    const cases: Case[] = [];
    const red: [string, string, (a: mm.NdArray, o: object) => mm.NdArray][] = [
      ['add', 'sum', (a, o) => mm.sum(a, o as never)], ['multiply', 'prod', (a, o) => mm.prod(a, o as never)],
      ['minimum', 'min', (a, o) => mm.min(a, o as never)], ['maximum', 'max', (a, o) => mm.max(a, o as never)],
    ];
    for (const [uname, fname, f] of red) {
      for (const [py, a, o] of [
        ['np.ones(3) * 2', () => mm.multiply(mm.ones([3]), 2), {}],
        ['np.ones((2, 0))', () => mm.ones([2, 0]), { axis: 1 }],
        ['np.ones((0, 2))', () => mm.ones([0, 2]), { axis: 1 }],
        ['np.array([])', () => mm.array([], 'float64'), {}],
        ['np.ones(3)', () => mm.ones([3]), { where: [true, false, true] }],
      ] as [string, () => mm.NdArray, Record<string, unknown>][]) {
        const kw = Object.entries(o).map(([k, v]) => `${k}=${Array.isArray(v) ? `np.array(${JSON.stringify(v).replace(/true/g, 'True').replace(/false/g, 'False')})` : String(v)}`).join(', ');
        cases.push({ py: `np.${uname}.reduce(${py}, ${kw ? `${kw}, ` : ''}${'axis' in o ? '' : 'axis=None, '}initial=None)`, js: () => uf(uname).reduce(a(), { axis: null, ...o, initial: null }) });
        cases.push({ py: `np.${fname === 'min' ? 'min' : fname === 'max' ? 'max' : fname}(${py}, ${kw ? `${kw}, ` : ''}initial=None)`, js: () => f(a(), { ...o, initial: null }) });
      }
    }
    expectCasesLikeNumpy(cases);
  });

  test('fmin/fmax.reduce (the nanmin/nanmax kernels, as NumPy\'s nanmin is fmin.reduce): NaNs, signed zeros, infinities, every axis, dtype, out, initial, where', () => {
    // 40x50 values with NaNs, zeros of both signs and infinities; an all-NaN row and column; a zeros-only row.
    const py = `(lambda v: (v.__setitem__((slice(None), 7), np.nan), v.__setitem__(3, np.nan), v.__setitem__(5, np.where(np.arange(50) % 3 == 0, -0.0, 0.0)), v)[-1])(np.where(np.arange(2000).reshape(40, 50) % 11 == 0, np.nan, np.where(np.arange(2000).reshape(40, 50) % 13 == 0, -0.0, np.where(np.arange(2000).reshape(40, 50) % 17 == 0, np.inf, np.sin(np.arange(2000.0).reshape(40, 50)) * 100))))`;
    const v = (): mm.NdArray => {
      const x = new Float64Array(2000);
      for (let i = 0; i < 2000; i++) x[i] = i % 11 === 0 ? NaN : i % 13 === 0 ? -0 : i % 17 === 0 ? Infinity : Math.sin(i) * 100;
      const a = mm.fromBuffer(x.buffer, '<f8').reshape([40, 50]);
      for (let r = 0; r < 40; r++) a.set([r, 7], NaN);
      for (let c = 0; c < 50; c++) a.set([3, c], NaN);
      for (let c = 0; c < 50; c++) a.set([5, c], c % 3 === 0 ? -0 : 0);
      return a;
    };
    const cases: Case[] = [];
    for (const name of ['fmin', 'fmax']) {
      const f = (): Ufunc => uf(name);
      for (const [p, ax] of [['', undefined], ['1', 1], ['None', null], ['(0, 1)', [0, 1]], ['-1, keepdims=True', { axis: -1, keepdims: true }]] as [string, unknown][]) {
        cases.push({ py: `np.${name}.reduce(${py}${p ? `, ${p}` : ''})`, js: () => f().reduce(v(), ax as never) });
        cases.push({ py: `np.${name}.reduce(${py}.T${p ? `, ${p}` : ''})`, js: () => f().reduce(v().T, ax as never) });
        cases.push({ py: `np.${name}.reduce(${py}.astype('f4')${p ? `, ${p}` : ''})`, js: () => f().reduce(v().astype('f4'), ax as never) });
      }
      cases.push(
        { py: `np.${name}.reduce(${py}, 1, 'f4')`, js: () => f().reduce(v(), 1, 'f4') },
        { py: `np.${name}.reduce(${py}, 1, None, np.zeros(40, 'f4'))`, js: () => f().reduce(v(), 1, null, mm.zeros([40], 'f4')) },
        { py: `np.${name}.reduce(${py}, 0, initial=-5)`, js: () => f().reduce(v(), 0, { initial: -5 }) },
        { py: `np.${name}.reduce(${py}, 1, initial=1, where=np.arange(50) % 2 == 0)`, js: () => f().reduce(v(), 1, { initial: 1, where: mm.equal(mm.remainder(mm.arange(50), 2), 0) }) },
        { py: `np.${name}.reduce(${py}, 1, where=np.arange(50) % 2 == 0)`, js: () => f().reduce(v(), 1, { where: mm.equal(mm.remainder(mm.arange(50), 2), 0) }) },
        { py: `np.${name}.reduce((np.arange(2000).reshape(40, 50) * 7919 % 1000 - 500).astype('i4'), 1)`, js: () => f().reduce(mm.subtract(mm.remainder(mm.multiply(mm.arange(2000), 7919), 1000), 500).astype('i4').reshape([40, 50]), 1) },
        { py: `np.${name}.reduce(np.zeros((0, 3)))`, js: () => f().reduce(mm.zeros([0, 3])) },
      );
    }
    expectCasesLikeNumpy(cases);
  });

  test('accumulate: binary ufuncs x dtypes, axis 0 and 1, dtype, out; NumPy\'s errors', () => {
    const cases: Case[] = [];
    for (const name of BINARY) {
      for (const dt of ['|b1', '<i1', '<i8', '<u8', '<f2', '<f8', '<c16']) {
        cases.push(
          { py: `np.${name}.accumulate(${arr(dt)})`, js: () => uf(camel(name)).accumulate(js(dt)) },
          { py: `np.${name}.accumulate(${arr(dt)}, 1)`, js: () => uf(camel(name)).accumulate(js(dt), 1) },
        );
      }
      cases.push(
        { py: `np.${name}.accumulate(${arr('<f8')}, 0, np.int64)`, js: () => uf(camel(name)).accumulate(js('<f8'), 0, 'int64') },
        { py: `np.${name}.accumulate(${arr('<f8')}, None)`, js: () => uf(camel(name)).accumulate(js('<f8'), null) },
        { py: `np.${name}.accumulate(np.array(5.0))`, js: () => uf(camel(name)).accumulate(mm.array(5.0, 'float64')) },
        { py: `np.${name}.accumulate(np.zeros((0, 2)))`, js: () => uf(camel(name)).accumulate(mm.zeros([0, 2])) },
        { py: `np.${name}.accumulate(np.array([1.5, 2.5, 4.0]), out=np.zeros(3))`, js: () => uf(camel(name)).accumulate(mm.array([1.5, 2.5, 4.0]), 0, { out: mm.zeros([3]) }) },
      );
    }
    expectCasesLikeNumpy(cases);
  });

  test('reduceat and outer: binary ufuncs x dtypes; out-of-range indices', () => {
    const cases: Case[] = [];
    const line = [3, 1, 4, 1, 5, 2, 2, 6];
    for (const name of BINARY) {
      for (const dt of ['|b1', '<i4', '<u8', '<f4', '<f8', '<c16']) {
        const a = `np.array(${JSON.stringify(line)}).astype('${dt}')`;
        if (!numpyFoldBug(name, dt)) {
          cases.push(
            { py: `np.${name}.reduceat(${a}, [0, 4, 1, 5, 7])`, js: () => uf(camel(name)).reduceat(mm.array(line).astype(dt), [0, 4, 1, 5, 7]) },
            { py: `np.${name}.reduceat(${arr(dt)}, [0, 2], axis=1)`, js: () => uf(camel(name)).reduceat(js(dt), [0, 2], 1) },
          );
        }
        if (name === 'arctan2' && dt === '<f4') continue;
        cases.push({ py: `np.${name}.outer(${a}[:3], ${arr(dt)})`, js: () => uf(camel(name)).outer(mm.array(line).astype(dt).index(mm.slice(0, 3)), js(dt)) });
      }
      cases.push({ py: `np.${name}.reduceat(np.arange(8.0), [0, 8])`, js: () => uf(camel(name)).reduceat(mm.arange(0, 8, 1, 'float64'), [0, 8]) });
    }
    expectCasesLikeNumpy(cases);
  });

  test('power and arctan2 fold item by item, as NumPy does along another axis (its loops along this one are the bug above)', () => {
    const want = runNumpy<Record<string, string>>(`
import functools
out = {}
for n in ['power', 'arctan2']:
    for dt in ['<f4', '<f8']:
        rows = np.array(${JSON.stringify(V2)}).astype(dt)
        f = getattr(np, n)
        out[n + dt] = np.array([functools.reduce(f, list(r)) for r in rows], dt).tobytes().hex()
        out[n + dt + 'i'] = np.array([functools.reduce(f, list(r), rows.dtype.type(2)) for r in rows], dt).tobytes().hex()
        out[n + dt + 'at'] = f.reduce(np.ascontiguousarray(rows.T), axis=0).tobytes().hex()
print(json.dumps(out))`);
    const hex = (a: mm.NdArray): string => Buffer.from(a.tobytes()).toString('hex');
    for (const n of ['power', 'arctan2']) {
      for (const dt of ['<f4', '<f8']) {
        if (!(n === 'arctan2' && dt === '<f4')) expect([n, dt, hex(uf(n).reduce(js(dt), 1))]).toEqual([n, dt, want[n + dt]]);
        if (!(n === 'arctan2' && dt === '<f4')) expect([n, dt, hex(uf(n).reduce(js(dt), 1, { initial: 2 }))]).toEqual([n, dt, want[`${n}${dt}i`]]);
        if (!(n === 'arctan2' && dt === '<f4')) expect([n, dt, hex(uf(n).reduceat(js(dt), [0], 1).reshape([-1]))]).toEqual([n, dt, want[`${n}${dt}at`]]);
      }
    }
  });

  test('long folds and accumulations (the native loop, a step over every lane at a time) give NumPy\'s bits', () => {
    const x = mm.divide(mm.arange(0, 5000, 1, 'float64'), 997);
    const want = runNumpy<Record<string, string>>(`
x = np.arange(5000.0) / 997
m = x.reshape(2, 2500)
out = {}
for n in ['subtract', 'divide', 'logaddexp', 'hypot', 'fmax']:
    # along axis 0 of the transpose: NumPy's loop then walks the lanes (its arctan2 along the axis is the bug above)
    out[n] = getattr(np, n).reduce(x.reshape(-1, 1), axis=0).tobytes().hex()
    out[n + '2'] = getattr(np, n).reduce(np.ascontiguousarray(m.T), axis=0).tobytes().hex()
print(json.dumps(out))`);
    const hex = (a: mm.NdArray): string => Buffer.from(a.tobytes()).toString('hex');
    for (const n of ['subtract', 'divide', 'logaddexp', 'hypot', 'fmax']) {
      expect([n, hex(uf(n).reduce(x))]).toEqual([n, want[n]]);
      expect([n, hex(uf(n).reduce(x.reshape([2, 2500]), 1))]).toEqual([n, want[`${n}2`]]);
    }
    // Accumulations along each axis of a 3-d array (outer rows, lanes, a
    // strided input, a cast input), against NumPy's along axis 0 of the
    // same values moved there (its loops along the walked axis are the bug above).
    const cube = mm.divide(mm.arange(0, 2 * 300 * 5, 1, 'float64'), 613).reshape([2, 300, 5]);
    const acc = runNumpy<Record<string, string>>(`
c = (np.arange(2 * 300 * 5, dtype='f8') / 613).reshape(2, 300, 5)
out = {}
for n in ['subtract', 'logaddexp', 'hypot', 'fmin']:
    for ax in range(3):
        r = getattr(np, n).accumulate(np.ascontiguousarray(np.moveaxis(c, ax, 0)), axis=0)
        out[n + str(ax)] = np.ascontiguousarray(np.moveaxis(r, 0, ax)).tobytes().hex()
    out[n + 'i'] = getattr(np, n).accumulate(np.arange(1, 400, dtype='i4')).tobytes().hex()
print(json.dumps(out))`);
    // (arctan2 is left out: float64 arctan2 is fdlibm's, within 1.5 ulp of NumPy's, README.)
    for (const n of ['subtract', 'logaddexp', 'hypot', 'fmin']) {
      for (const ax of [0, 1, 2]) expect([n, ax, hex(uf(n).accumulate(cube, ax))]).toEqual([n, ax, acc[`${n}${ax}`]]);
      expect([n, hex(uf(n).accumulate(mm.arange(1, 400, 1, 'int32')))]).toEqual([n, acc[`${n}i`]]);
    }
    expect(hex(mm.subtract.accumulate(cube.index(mm.slice(null), mm.slice(null, null, -1)), 1))).toBe(hex(mm.subtract.accumulate(cube.index(mm.slice(null), mm.slice(null, null, -1)).copy(), 1)));
    // A where mask over a long fold (each lane's kept items natively), and
    // reduceat over many groups (one native call), against NumPy.
    const grp = runNumpy<Record<string, string>>(`
x = np.arange(5000.0) / 997
m = x.reshape(2, 2500)
mask = (np.arange(2500) % 3) < 2
starts = [0, 17, 17, 400, 399, 1000, 2499] + list(range(1000, 2500, 7))
out = {}
for n in ['subtract', 'logaddexp', 'hypot', 'fmax']:
    out[n + 'w'] = getattr(np, n).reduce(np.ascontiguousarray(m.T), axis=0, where=mask[:, None], initial=1.5).tobytes().hex()
    out[n + 'g'] = getattr(np, n).reduceat(x[:2500], starts).tobytes().hex()
    out[n + 'g2'] = getattr(np, n).reduceat(m, starts, axis=1).tobytes().hex()
print(json.dumps(out))`);
    const mask = mm.less(mm.remainder(mm.arange(0, 2500, 1, 'int64'), 3), 2);
    const starts = [0, 17, 17, 400, 399, 1000, 2499, ...Array.from({ length: Math.ceil(1500 / 7) }, (_, i) => 1000 + 7 * i)];
    for (const n of ['subtract', 'logaddexp', 'hypot', 'fmax']) {
      expect([n, hex(uf(n).reduce(x.reshape([2, 2500]), 1, { where: mask, initial: 1.5 }))]).toEqual([n, grp[`${n}w`]]);
      expect([n, hex(uf(n).reduceat(x.index(mm.slice(0, 2500)), starts))]).toEqual([n, grp[`${n}g`]]);
      expect([n, hex(uf(n).reduceat(x.reshape([2, 2500]), starts, 1))]).toEqual([n, grp[`${n}g2`]]);
    }
    // Integer folds of one lane run in one call of the loop (its reduce and
    // accumulate forms): wrapping int8, uint64, bools, against NumPy's bits.
    const ints = runNumpy<Record<string, string>>(`
out = {}
v = (np.arange(1000) * 7919) % 23 + 1
for dt in ['i1', 'u8', 'i4']:
    x = v.astype(dt)
    for n in ['subtract', 'floor_divide', 'remainder', 'left_shift', 'bitwise_xor', 'minimum', 'gcd']:
        out[n + dt + 'r'] = getattr(np, n).reduce(x).tobytes().hex()
        out[n + dt + 'a'] = getattr(np, n).accumulate(x).tobytes().hex()
        out[n + dt + 'g'] = getattr(np, n).reduceat(x, [0, 10, 10, 500, 3]).tobytes().hex()
b = (v % 3) == 0
for n in ['equal', 'not_equal', 'less']:
    out[n + 'b'] = getattr(np, n).accumulate(b).tobytes().hex()
print(json.dumps(out))`);
    const v = mm.add(mm.remainder(mm.multiply(mm.arange(0, 1000, 1, 'int64'), 7919), 23), 1);
    for (const dt of ['i1', 'u8', 'i4']) {
      const xi = v.astype(dt);
      for (const n of ['subtract', 'floor_divide', 'remainder', 'left_shift', 'bitwise_xor', 'minimum', 'gcd']) {
        expect([n, dt, hex(uf(camel(n)).reduce(xi))]).toEqual([n, dt, ints[`${n}${dt}r`]]);
        expect([n, dt, hex(uf(camel(n)).accumulate(xi))]).toEqual([n, dt, ints[`${n}${dt}a`]]);
        expect([n, dt, hex(uf(camel(n)).reduceat(xi, [0, 10, 10, 500, 3]))]).toEqual([n, dt, ints[`${n}${dt}g`]]);
      }
    }
    const bools = mm.equal(mm.remainder(v, 3), 0);
    for (const n of ['equal', 'not_equal', 'less']) expect([n, hex(uf(camel(n)).accumulate(bools))]).toEqual([n, ints[`${n}b`]]);
    // The native path stops at an integer's negative power, as NumPy's loop does.
    const p = mm.concatenate([mm.full([200], 1, 'int64'), mm.array([-1]), mm.full([200], 1, 'int64')]);
    expect(() => mm.power.reduce(p)).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => mm.power.accumulate(p)).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => mm.power.accumulate(p.reshape([1, -1]), 1)).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => mm.power.reduceat(p, [0, 300])).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => mm.power.reduce(p, 0, { where: mm.full([401], true, 'bool'), initial: 1 })).toThrow('Integers to negative integer powers are not allowed.');
  });
});

describeWithNumpy('folds along the innermost axis: the kernel runs lane by lane (a running value in a register per lane)', () => {
  test('reduce, accumulate and reduceat along axis 1 of 40x300 (and a reversed, a strided and a transposed view) give NumPy\'s bits', () => {
    // Floats with signed zeros, NaNs and infinities; small ints; bools.
    const fpy = `np.where(np.arange(12000).reshape(40, 300) % 97 == 0, np.nan, np.where(np.arange(12000).reshape(40, 300) % 89 == 0, -0.0, np.where(np.arange(12000).reshape(40, 300) % 83 == 0, -np.inf, (((np.arange(12000) * 7919) % 1000 - 500) / 37).reshape(40, 300))))`;
    const f = (): mm.NdArray => {
      const v = new Float64Array(12000);
      for (let i = 0; i < 12000; i++) v[i] = i % 97 === 0 ? NaN : i % 89 === 0 ? -0 : i % 83 === 0 ? -Infinity : (((i * 7919) % 1000) - 500) / 37;
      return mm.fromBuffer(v.buffer, '<f8').reshape([40, 300]);
    };
    const ipy = (dt: string): string => `((np.arange(12000) * 7919 % 23) + 1).astype('${dt}').reshape(40, 300)`;
    const ia = (dt: string): mm.NdArray => mm.add(mm.remainder(mm.multiply(mm.arange(0, 12000, 1, 'int64'), 7919), 23), 1).astype(dt).reshape([40, 300]);
    const starts = [0, 5, 5, 100, 99, 150, 299, 200];
    const views: [string, (a: mm.NdArray) => mm.NdArray][] = [['', (a) => a], ['[:, ::-1]', (a) => a.index(':, ::-1')], ['[::2, ::3]', (a) => a.index('::2, ::3')], ['.T.copy().T', (a) => a.T.copy().T]];
    const cases: Case[] = [];
    const fold = (name: string, py: string, js: () => mm.NdArray): void => {
      for (const [vp, vj] of views) {
        cases.push(
          { py: `np.${name}.reduce(${py}${vp}, axis=1)`, js: () => uf(camel(name)).reduce(vj(js()), 1) },
          { py: `np.${name}.accumulate(${py}${vp}, axis=1)`, js: () => uf(camel(name)).accumulate(vj(js()), 1) },
          { py: `np.${name}.reduceat(${py}${vp}, [s for s in ${JSON.stringify(starts)} if s < (${py}${vp}).shape[1]], axis=1)`, js: () => { const a = vj(js()); return uf(camel(name)).reduceat(a, starts.filter((s) => s < a.shape[1]), 1); } },
        );
      }
    };
    for (const n of ['subtract', 'copysign', 'heaviside', 'divide', 'logaddexp', 'hypot']) fold(n, fpy, f);
    // (fmax.accumulate of floats: tied zeros take NumPy's first operand, README; ints here.)
    cases.push({ py: `np.fmax.accumulate(${ipy('i2')}, axis=1)`, js: () => mm.fmax.accumulate(ia('i2'), 1) }, { py: `np.fmin.reduceat(${fpy}, ${JSON.stringify(starts)}, axis=1)`, js: () => mm.fmin.reduceat(f(), starts, 1) });
    for (const n of ['subtract', 'bitwise_xor', 'left_shift', 'gcd', 'remainder', 'maximum']) fold(n, ipy('i1'), () => ia('i1'));
    for (const n of ['subtract', 'bitwise_or', 'right_shift', 'lcm']) fold(n, ipy('u8'), () => ia('u8'));
    for (const n of ['greater_equal', 'logical_xor', 'not_equal']) fold(n, `(${ipy('i4')} % 3 == 0)`, () => mm.equal(mm.remainder(ia('i4'), 3), 0));
    expectCasesLikeNumpy(cases);
  });
});

describe('ufunc attributes and the methods a ufunc cannot have', () => {
  test('nin, nout, nargs, identity, signature as NumPy\'s', () => {
    const want: [string, number, number, number | boolean | null][] = [
      ['add', 2, 1, 0], ['multiply', 2, 1, 1], ['subtract', 2, 1, null], ['logicalAnd', 2, 1, true], ['logicalOr', 2, 1, false],
      ['bitwiseAnd', 2, 1, -1], ['bitwiseOr', 2, 1, 0], ['hypot', 2, 1, 0], ['logaddexp', 2, 1, -Infinity], ['gcd', 2, 1, 0],
      ['minimum', 2, 1, null], ['sin', 1, 1, null], ['negative', 1, 1, null], ['divmod', 2, 2, null], ['modf', 1, 2, null],
    ];
    for (const [name, nin, nout, identity] of want) {
      const f = uf(name);
      expect([name, f.nin, f.nout, f.nargs, f.identity, f.signature]).toEqual([name, nin, nout, nin + nout, identity, null]);
    }
    expect(mm.abs).toBe(mm.absolute);
    expect(mm.abs.nin).toBe(1);
  });

  test('NumPy\'s ValueErrors for the methods of unary and two-output ufuncs', () => {
    expect(() => mm.sin.reduce(mm.ones([3]))).toThrow(new mm.ValueError('reduce only supported for binary functions'));
    expect(() => mm.sin.accumulate(mm.ones([3]))).toThrow('accumulate only supported for binary functions');
    expect(() => mm.sin.reduceat(mm.ones([3]), [0])).toThrow('reduceat only supported for binary functions');
    expect(() => mm.sin.outer(mm.ones([3]), 1)).toThrow('outer product only supported for binary functions');
    expect(() => mm.divmod.reduce(mm.ones([3]))).toThrow('reduce only supported for functions returning a single value');
    expect(() => mm.divmod.at(mm.ones([3]), 0, 1)).toThrow('Only single output ufuncs supported at this time');
    const [q, r] = mm.divmod.outer(mm.array([5, 7]), mm.array([2, 3]));
    expect(q.toArray()).toEqual([[2n, 1n], [3n, 2n]]);
    expect(r.toArray()).toEqual([[1n, 2n], [1n, 1n]]);
  });

  test('at methods: in place, repeated indices applied again, in order', () => {
    const best = mm.zeros([3]);
    mm.maximum.at(best, [[0, 0, 2]], mm.array([1, 5, 2]));
    expect(best.toArray()).toEqual([5, 0, 2]);
    const x = mm.array([1, 2, 3], 'float64');
    mm.negative.at(x, [[0, 0, 2]]);
    expect(x.toArray()).toEqual([1, 2, -3]);
    const c = mm.zeros([2]);
    mm.add.at(c, [[1, 1, 1]], 1);
    expect(c.toArray()).toEqual([0, 3]);
    const h = mm.array([3, 4], 'float64');
    mm.hypot.at(h, [[0]], 4);
    expect(h.toArray()).toEqual([5, 4]);
  });

  test('the methods\' argument errors name the problem', () => {
    expect(() => mm.subtract.reduceat(mm.array(5.0, 'float64'), [0])).toThrow(new TypeError('cannot reduceat on a scalar'));
    expect(() => mm.subtract.reduce(mm.ones([3]), 0, { out: [0] as never })).toThrow('out must be an NdArray, got');
    expect(() => mm.subtract.accumulate(mm.ones([3]), 0, { out: mm.zeros([4]) })).toThrow("subtract.accumulate: out has shape (4,), the result's is (3,)");
    expect(() => mm.subtract.reduceat(mm.ones([3]), [0, 1], 0, { out: mm.zeros([3]) })).toThrow("subtract.reduceat: out has shape (3,), the result's is (2,)");
    expect(() => mm.subtract.reduceat(mm.ones([3]), [0], '0' as never)).toThrow(TypeError);
    expect(() => mm.subtract.reduce(mm.ones([2, 3]), 0, { out: mm.zeros([2]) })).toThrow(mm.ValueError);
    expect(() => mm.subtract.reduce(mm.ones([3]), 0, { bogus: 1 } as never)).toThrow(TypeError);
  });

  test('a read-only out is refused before anything is computed', () => {
    const out = mm.zeros([4]);
    out.flags.writeable = false;
    expect(() => mm.subtract.reduce(mm.ones([3, 4]), 0, { out })).toThrow('output array is read-only');
    expect(() => mm.subtract.accumulate(mm.ones([4]), 0, { out })).toThrow('output array is read-only');
  });
});
