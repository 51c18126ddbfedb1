// The ufunc machinery (lib/ufunc.ts and lib/ufuncs/): random strided,
// byte-swapped and unaligned operands cross-checked against NumPy, and the
// edge cases the issue names: broadcasting errors, read-only and overlapping
// out, where masks, empty and 0-d arrays, NEP 50 scalars, mappings past 4 GiB.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import {
  add,
  divide,
  dtype,
  equal,
  floorDivide,
  greater,
  less,
  memmap,
  multiply,
  ndarray,
  negative,
  NdArray,
  OverflowError,
  sqrt,
  subtract,
  UFuncTypeError,
  where,
  zeros,
  clip,
  type Memmap,
} from '../lib';
import * as api from '../lib';
import { AccessError, ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { rng } from './helpers/bytes';
import * as npCompareU from './helpers/np-compare';
import * as npDataU from './helpers/np-data';
import { randomItemBytes } from './helpers/ufunc-layouts';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-ufunc-');

function fromValues(values: number[], dt: string, shape: number[] = [values.length]): NdArray {
  const a = zeros(shape, dt);
  a.set(values.length === 1 && shape.length === 0 ? values[0] : values);
  return a;
}

// ------------------------------------------------------------------ NumPy cross-check

interface Layout {
  dtype: string;
  shape: number[];
  strides: number[];
  offset: number;
  shift: number;
  hex: string;
}

const EXACT_BINARY = [
  'add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'minimum', 'maximum', 'less', 'less_equal',
  'greater', 'greater_equal', 'equal', 'not_equal', 'logical_and', 'logical_xor', 'bitwise_and', 'bitwise_or',
  'bitwise_xor', 'left_shift', 'right_shift',
];
const EXACT_UNARY = ['negative', 'absolute', 'square', 'sqrt', 'logical_not', 'invert', 'isnan', 'isfinite', 'isinf', 'signbit'];
const DTYPES = ['|b1', '|i1', '|u1', '<i2', '>i2', '<u2', '<i4', '>u4', '<i8', '>i8', '<u8', '<f2', '>f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c16'];
const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A random view: a contiguous base (maybe one byte off alignment) sliced with random steps and flips. */
function randomLayout(r: () => number, shape: number[], dt: string): Layout {
  const d = dtype(dt);
  const steps = shape.map(() => [1, 2, -1, -2][Math.floor(r() * 4)]);
  const baseShape = shape.map((n, i) => Math.max(1, n * Math.abs(steps[i])));
  const shift = r() < 0.3 ? 1 : 0;
  // Small integers keep shifts and powers interesting; floats keep their random bits (NaN, inf, subnormals).
  const bytes = randomItemBytes(r, d, baseShape.reduce((x, y) => x * y, 1), 70);
  const base = new Array<number>(baseShape.length);
  let s = d.itemsize;
  for (let i = baseShape.length - 1; i >= 0; i--) {
    base[i] = s;
    s *= baseShape[i];
  }
  let offset = 0;
  const strides = shape.map((n, i) => {
    const st = base[i] * steps[i];
    if (steps[i] < 0 && n > 0) offset += (baseShape[i] - 1) * base[i];
    return st;
  });
  return { dtype: dt, shape, strides, offset, shift, hex: Buffer.from(bytes).toString('hex') };
}

function toArray(l: Layout): NdArray {
  const raw = Buffer.from(l.hex, 'hex');
  const buf = new Uint8Array(raw.length + l.shift);
  buf.set(raw, l.shift);
  return ndarray(l.shape, l.dtype, buf.subarray(l.shift), { strides: l.strides, offset: l.offset });
}

describeWithNumpy('element-wise ufuncs against NumPy', () => {
  test('random strided, flipped, byte-swapped and unaligned operands of every dtype', () => {
    const r = rng(18);
    const tasks: { op: string; a: Layout; b: Layout | null }[] = [];
    for (let t = 0; t < 500; t++) {
      const unary = r() < 0.3;
      const op = unary ? EXACT_UNARY[Math.floor(r() * EXACT_UNARY.length)] : EXACT_BINARY[Math.floor(r() * EXACT_BINARY.length)];
      const nd = Math.floor(r() * 4);
      const shape = Array.from({ length: nd }, () => Math.floor(r() * 4) + (r() < 0.1 ? 0 : 1));
      const a = randomLayout(r, shape, DTYPES[Math.floor(r() * DTYPES.length)]);
      // The second operand broadcasts: some axes dropped or of length 1.
      const bShape = shape.slice(Math.floor(r() * (nd + 1))).map((n) => (r() < 0.3 ? 1 : n));
      const b = unary ? null : randomLayout(r, bShape, DTYPES[Math.floor(r() * DTYPES.length)]);
      tasks.push({ op, a, b });
    }
    const want = runNumpy<({ dtype: string; shape: number[]; hex: string } | { error: string })[]>(
      `
import warnings
warnings.simplefilter('ignore')
out = []
def arr(l):
    raw = bytes.fromhex(l['hex'])
    return np.ndarray(tuple(l['shape']), np.dtype(l['dtype']), buffer=raw, offset=l['offset'], strides=tuple(l['strides']))
for t in json.load(sys.stdin):
    try:
        f = getattr(np, t['op'])
        r = f(arr(t['a'])) if t['b'] is None else f(arr(t['a']), arr(t['b']))
        r = np.asarray(r)
        out.append({'dtype': r.dtype.str, 'shape': list(r.shape), 'hex': np.ascontiguousarray(r).tobytes().hex()})
    except Exception as e:
        out.append({'error': type(e).__name__})
print(json.dumps(out))
`,
      JSON.stringify(tasks),
    );
    const failures: string[] = [];
    let compared = 0;
    tasks.forEach((t, i) => {
      const fn = (api as unknown as Record<string, (...x: unknown[]) => NdArray>)[camel(t.op)];
      const w = want[i];
      let got: NdArray;
      try {
        got = t.b === null ? fn(toArray(t.a)) : fn(toArray(t.a), toArray(t.b));
      } catch (e) {
        if (!('error' in w)) failures.push(`${t.op}(${t.a.dtype}, ${t.b?.dtype}): threw ${(e as Error).message}`);
        return;
      }
      if ('error' in w) {
        failures.push(`${t.op}(${t.a.dtype}, ${t.b?.dtype}): NumPy raised ${w.error}, got ${got.dtype.str}`);
        return;
      }
      const theirs = ndarray(w.shape, w.dtype, new Uint8Array(Buffer.from(w.hex, 'hex')));
      compared++;
      if (got.dtype.str !== theirs.dtype.str || JSON.stringify(got.shape) !== JSON.stringify(w.shape)) {
        failures.push(`${t.op}(${t.a.dtype}, ${t.b?.dtype}): ${got.dtype.str} ${JSON.stringify(got.shape)} vs NumPy ${w.dtype} ${JSON.stringify(w.shape)}`);
        return;
      }
      try {
        expect(got.toArray()).toEqual(theirs.toArray());
      } catch {
        failures.push(`${t.op}(${t.a.dtype} ${JSON.stringify(t.a.shape)}, ${t.b?.dtype}): values differ`);
      }
    });
    expect(failures.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  });
});

// ------------------------------------------------------------------ errors

describe('array_like inputs', () => {
  test('a nested list or a typed array is converted as NumPy converts array_like (its own dtype, not a weak scalar)', () => {
    expect(api.add([1, 2], [3, 4]).toArray()).toEqual([4n, 6n]);
    // [1, 2] is an int64 array: beside int8 the result is int64 (a weak Python int would keep int8).
    expect(api.add([1, 2], api.array([1], 'i1')).dtype.str).toBe('<i8');
    expect(api.add([[1], [2]], [10, 20]).shape).toEqual([2, 2]);
    expect(api.multiply(new Float32Array([1.5, 2]), 2).dtype.str).toBe('<f4');
    expect(api.sin([0]).toArray()).toEqual([0]);
    expect(api.where([true, false], [1, 2], [3, 4]).toArray()).toEqual([1n, 4n]);
    expect(api.array([1, 2]).add([3, 4]).toArray()).toEqual([4n, 6n]);
  });

  test('a list where is made bool directly, as NumPy makes it; a non-bool array where is refused', () => {
    const out = api.zeros([2]);
    api.add([1, 2], [3, 4], { out, where: [1, 0] });
    expect(out.toArray()).toEqual([4, 0]);
    expect(() => api.add([1, 2], [3, 4], { out, where: api.array([1, 0]) })).toThrow("Cannot cast array data from dtype('int64') to dtype('bool') according to the rule 'safe'");
  });
});

describe('broadcasting errors', () => {
  test("NumPy's message lists every operand's shape", () => {
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow(new ValueError('operands could not be broadcast together with shapes (2,3) (4,) '));
    expect(() => add(zeros([2, 3]), 1, { out: zeros([3, 2]) })).toThrow('operands could not be broadcast together with shapes (2,3) () (3,2) ');
  });

  test('an out that would have to grow is refused', () => {
    expect(() => add(zeros([2, 3]), 1, { out: zeros([3]) })).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
  });

  test('a where mask broadcasts with the operands', () => {
    const a = zeros([2, 3]);
    expect(() => sqrt(a, { out: a, where: zeros([2, 2, 3], '?') })).toThrow("non-broadcastable output operand with shape (2,3) doesn't match the broadcast shape (2,2,3)");
  });
});

describe('types', () => {
  test('no loop is a UFuncTypeError with a stable code', () => {
    let err: unknown;
    try {
      api.bitwiseAnd(zeros([2], 'f8'), 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UFuncTypeError);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as UFuncTypeError).code).toBe('ERR_UFUNC_TYPE');
  });

  test('out takes the result only under same_kind casting, and nothing is written when it refuses', () => {
    const out = fromValues([7, 7], 'i4');
    expect(() => divide(fromValues([1, 2], 'i4'), 2, { out })).toThrow("Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'");
    expect(out.toArray()).toEqual([7, 7]);
    // Narrower of the same kind is fine: the float64 result rounds into float32.
    const f4 = zeros([2], 'f4');
    divide(fromValues([1, 2], 'i4'), 3, { out: f4 });
    expect(f4.toArray()).toEqual([Math.fround(1 / 3), Math.fround(2 / 3)]);
  });

  test('NEP 50: JS numbers are weak Python scalars', () => {
    expect(add(fromValues([1, 2], 'i1'), 1).dtype.str).toBe('|i1');
    expect(add(fromValues([1, 2], 'i1'), 1.5).dtype.str).toBe('<f8');
    expect(add(fromValues([1, 2], 'f4'), 1.5).dtype.str).toBe('<f4');
    expect(() => add(fromValues([1, 2], 'i1'), 128)).toThrow(OverflowError);
    expect(less(fromValues([1, 2], 'i1'), 1000).toArray()).toEqual([true, true]);
    expect(equal(fromValues([1, 255], 'u1'), -1).toArray()).toEqual([false, false]);
    expect(where(fromValues([1, 0], '?'), fromValues([5, 5], 'i1'), 1000).toArray()).toEqual([5, -24]);
    expect(clip(fromValues([1, 200], 'u1'), -1, 100).toArray()).toEqual([1, 100]);
  });

  test('bool arithmetic as NumPy: + stays bool, - refuses', () => {
    expect(add(fromValues([1, 0], '?'), fromValues([1, 0], '?')).toArray()).toEqual([true, false]);
    expect(() => subtract(fromValues([1, 0], '?'), fromValues([1, 0], '?'))).toThrow(/boolean subtract/);
    expect(() => negative(fromValues([1, 0], '?'))).toThrow(/boolean negative/);
  });
});

describe('out', () => {
  test('a read-only out is refused before anything is written', () => {
    const bytes = new Uint8Array(16);
    const ro = ndarray([2], '<f8', bytes, { readonly: true });
    expect(() => add(zeros([2]), 1, { out: ro })).toThrow(AccessError);
    const flagged = zeros([2]);
    flagged.flags.writeable = false;
    expect(() => add(flagged, 1, { out: flagged })).toThrow('output array is read-only');
    expect(flagged.toArray()).toEqual([0, 0]);
  });

  test('in place: add(x, 1, { out: x }) is x += 1 and returns out', () => {
    const x = fromValues([1, 2, 3], 'i2');
    expect(add(x, 1, { out: x })).toBe(x);
    expect(x.toArray()).toEqual([2, 3, 4]);
  });

  test('an out overlapping an input reads as if the input were copied first', () => {
    const x = fromValues([1, 2, 3, 4, 5], 'f8');
    const before = x.toArray() as number[];
    add(x.index('::-1'), 10, { out: x });
    expect(x.toArray()).toEqual(before.slice().reverse().map((v) => v + 10));
    const y = fromValues([1, 2, 3, 4, 5, 6], 'i4');
    const prev = y.toArray() as number[];
    multiply(y.index(':-1'), y.index('1:'), { out: y.index('1:') });
    expect(y.toArray()).toEqual([prev[0], ...prev.slice(0, -1).map((v, i) => v * prev[i + 1])]);
  });

  test('where: masked-out elements keep the values out had', () => {
    const out = fromValues([9, 9, 9, 9], 'f8');
    add(fromValues([1, 2, 3, 4], 'f8'), 1, { out, where: fromValues([1, 0, 1, 0], '?') });
    expect(out.toArray()).toEqual([2, 9, 4, 9]);
    expect(() => add(out, 1, { out, where: fromValues([1, 0, 1, 0], 'i1') })).toThrow(/Cannot cast array data from dtype\('int8'\) to dtype\('bool'\)/);
  });
});

describe('empty and 0-d arrays', () => {
  test('an empty operand gives an empty result of the broadcast shape', () => {
    const r = add(zeros([0, 3], 'i2'), zeros([3], 'i4'));
    expect(r.shape).toEqual([0, 3]);
    expect(r.dtype.str).toBe('<i4');
    expect(add(zeros([0]), 1).toArray()).toEqual([]);
    // All-zero strides, as NumPy gives every array it allocates with no items; a reduction
    // of it then lays its result out in C order (trapezoid of a reversed (4, 2, 1) view,
    // fuzz seed 9323342: NumPy's strides (32, 16)).
    expect(r.strides).toEqual([0, 0]);
    expect(add(zeros([2, 0, 3]).transpose(2, 0, 1), 1).strides).toEqual([0, 0, 0]);
    const y = api.asStrided(api.zeros([20], '<c16').index('7:'), [4, 2, 1], [-16, -64, 128]);
    expect(api.trapezoid(y).strides).toEqual([32, 16]);
  });

  test('0-d operands give a 0-d result; scalars alone take the default dtypes', () => {
    const r = multiply(fromValues([3], 'i2', []), fromValues([4], 'i2', []));
    expect(r.shape).toEqual([]);
    expect(r.toArray()).toBe(12);
    expect(add(1, 2).dtype.str).toBe('<i8');
    expect(add(1, 2).toArray()).toBe(3n);
    expect(greater(2.5, 1).toArray()).toBe(true);
  });
});

describe('values NumPy pins down', () => {
  test('integer division by zero and INT_MIN // -1', () => {
    expect(floorDivide(fromValues([7, -128, 5], 'i1'), fromValues([0, -1, -2], 'i1')).toArray()).toEqual([0, -128, -3]);
    expect(api.remainder(fromValues([7, -7], 'i4'), fromValues([0, 2], 'i4')).toArray()).toEqual([0, 1]);
  });

  test("float // and % follow NumPy's divmod", () => {
    expect(floorDivide(1, 0.1).toArray()).toBe(9);
    expect(api.remainder(-1, Infinity).toArray()).toBe(Infinity);
    expect(Object.is(api.remainder(-0, 2).toArray(), 0)).toBe(true);
  });

  test('shifts past the width', () => {
    expect(api.leftShift(fromValues([1, 1, 1], 'i1'), fromValues([7, 8, -1], 'i1')).toArray()).toEqual([-128, 0, 0]);
    expect(api.rightShift(fromValues([-5, 5], 'i2'), 40).toArray()).toEqual([-1, 0]);
  });

  test('float16 computes in float32 and rounds once', () => {
    const r = add(fromValues([2048], '<f2'), fromValues([1], '<f2'));
    expect(r.toArray()).toEqual([2048]); // 2049 is a tie, rounded to even
    expect(sqrt(fromValues([2], '|i1')).dtype.str).toBe('<f2');
  });

  test('minimum and maximum propagate NaN', () => {
    expect(api.minimum(fromValues([NaN, 1], 'f8'), fromValues([0, NaN], 'f8')).toArray()).toEqual([NaN, NaN]);
  });
});

// ------------------------------------------------------------------ big mappings

describe('a mapping past 4 GiB', () => {
  let m: Memmap;
  const SIZE = 2 ** 32 + 2 ** 16;

  beforeAll(() => {
    m = memmap(tmp.sparse(SIZE, 'big.bin'), { dtype: 'u1', mode: 'r+' });
  });
  afterAll(() => m?.close());

  test('in-place add over a range straddling the 4 GiB edge, strided and contiguous', () => {
    const lo = 2 ** 32 - 1000;
    const v = m.index(`${lo}:${lo + 2000}`);
    add(v, 3, { out: v });
    expect(m.get(lo - 1)).toBe(0);
    expect(m.get(lo)).toBe(3);
    expect(m.get(2 ** 32)).toBe(3);
    expect(m.get(lo + 1999)).toBe(3);
    expect(m.get(lo + 2000)).toBe(0);
    const odd = m.index(`${lo + 1}:${lo + 2000}:2`);
    multiply(odd, 2, { out: odd });
    expect(m.get(2 ** 32 - 1)).toBe(6);
    expect(m.get(2 ** 32)).toBe(3);
    // A reduction-free check over the whole region: every touched byte is 3 or 6.
    const region = m.index(`${lo}:${lo + 2000}`);
    expect(api.logicalOr(equal(region, 3), equal(region, 6)).toArray()).toEqual(new Array(2000).fill(true));
  });

  test('an operand spanning more than one 4 GiB window is walked window by window', () => {
    const path = tmp.sparse(5 * 2 ** 30, 'five.bin');
    const w = memmap(path, { dtype: 'u1', mode: 'r+' });
    try {
      const step = 2 ** 16;
      const marks = [0, 12345, 40000, 81919];
      for (const i of marks) w.set(String(i * step), (i % 200) + 1);
      const v = w.index(`::${step}`); // 81920 elements over 5 GiB
      const r = add(v, 1, { out: zeros([v.size], 'u2') });
      for (const i of marks) expect(r.get(i)).toBe((i % 200) + 2);
      expect(r.get(1)).toBe(1);
      const back = w.index(`${step * 81919}::-${step}`);
      expect(greater(back, 0).get(0)).toBe(true);
    } finally {
      w.close();
    }
  });

  test('a comparison over the last 64 KiB window edge builds a new in-memory result', () => {
    const tail = m.index(`${2 ** 32 - 2 ** 15}:`);
    const r = greater(tail, 0);
    expect(r.shape).toEqual([2 ** 15 + 2 ** 16]);
    expect(r.flags.ownData).toBe(true);
  });
});

describe('NdArray shorthands', () => {
  test('methods call the ufuncs with this as the first input', () => {
    const a = fromValues([1, 2, 3], 'i2');
    expect(a.add(1).toArray()).toEqual([2, 3, 4]);
    expect(a.multiply(a).toArray()).toEqual([1, 4, 9]);
    expect(a.less(2).toArray()).toEqual([true, false, false]);
    expect(a.negative().abs().toArray()).toEqual([1, 2, 3]);
    expect(a.clip(2, null).toArray()).toEqual([2, 2, 3]);
    expect(a.divide(2, { out: zeros([3], 'f4') }).toArray()).toEqual([0.5, 1, 1.5]);
    a.add(10, { out: a });
    expect(a.toArray()).toEqual([11, 12, 13]);
  });
});

describe('strides that are not whole items', () => {
  test('an outer stride of 12 bytes over float64 (inner 8) is read and written correctly', () => {
    const base = zeros([5], '<f8');
    base.set([1, 2, 3, 4, 5]);
    const bytes = new Uint8Array(base.buffer);
    const v = ndarray([3, 2], '<f8', bytes, { strides: [12, 8], offset: 0 });
    const want = (v.toArray() as number[][]).map((row) => row.map((x) => x * 10));
    expect(multiply(v, 10).toArray()).toEqual(want);
    const rec = zeros([3, 2], { names: ['a', 'b'], formats: ['<i4', '<f8'], offsets: [0, 4], itemsize: 12 });
    const b = rec.field('b');
    b.set([[1, 2], [3, 4], [5, 6]]);
    const wantB = (b.T.toArray() as number[][]).map((row) => row.map((x) => x * 10));
    multiply(b.T, 10, { out: b.T });
    expect(b.T.toArray()).toEqual(wantB);
  });
});

describeWithNumpy('type resolution against NumPy', () => {
  const NAMES = ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16'];
  const BINARY = [...EXACT_BINARY, 'power', 'logical_or'];
  const UNARY = [...EXACT_UNARY, 'exp', 'log'];

  test('the result dtype (or the refusal) of every ufunc for every pair of dtypes', () => {
    const want = runNumpy<Record<string, string[][]>>(`
import warnings
warnings.simplefilter('ignore')
n = ${JSON.stringify(NAMES)}
def res(f, *a):
    try:
        return np.asarray(f(*[np.ones(1, x) for x in a])).dtype.str
    except Exception as e:
        return type(e).__name__
out = {}
for op in ${JSON.stringify(BINARY)}:
    out[op] = [[res(getattr(np, op), a, b) for b in n] for a in n]
for op in ${JSON.stringify(UNARY)}:
    out[op] = [[res(getattr(np, op), a)] for a in n]
print(json.dumps(out))
`);
    const one = (dt: string): NdArray => {
      const a = zeros([1], dt);
      a.fill(1);
      return a;
    };
    const outcome = (f: () => NdArray): string => {
      try {
        return f().dtype.str;
      } catch (e) {
        // NumPy's class names: our UFuncTypeError stands for its TypeError subclasses.
        const name = (e as Error).name;
        return name === 'UFuncTypeError' || name === 'DTypePromotionError' ? 'TypeError' : name;
      }
    };
    const fns = api as unknown as Record<string, (...x: unknown[]) => NdArray>;
    const diffs: string[] = [];
    for (const op of BINARY) {
      NAMES.forEach((a, i) =>
        NAMES.forEach((b, j) => {
          const got = outcome(() => fns[camel(op)](one(a), one(b)));
          const w = want[op][i][j] === 'UFuncTypeError' ? 'TypeError' : want[op][i][j];
          if (got !== w) diffs.push(`${op}(${a}, ${b}): ${got} vs NumPy ${w}`);
        }),
      );
    }
    for (const op of UNARY) {
      NAMES.forEach((a, i) => {
        const got = outcome(() => fns[camel(op)](one(a)));
        const w = want[op][i][0] === 'UFuncTypeError' ? 'TypeError' : want[op][i][0];
        if (got !== w) diffs.push(`${op}(${a}): ${got} vs NumPy ${w}`);
      });
    }
    expect(diffs.slice(0, 30)).toEqual([]);
  });
});

describeWithNumpy('where() of bytes and record arrays, as np.where', () => {
  test('bytes padded to the longer item, records of one dtype, broadcasting, a scalar condition, no numbers beside them', () => {
    const c = api.zeros(3, '?');
    c.set([true, false, true]);
    const bx = api.zeros(3, 'S2');
    bx.set([Buffer.from('a'), Buffer.from('bb'), Buffer.from('c')]);
    const by = api.zeros([], 'S4');
    by.set(Buffer.from('xyz1'));
    const r1 = api.where(c, bx, by);
    const rx = api.zeros(3, [['a', '<i4'], ['b', '<f8']] as never) as api.NdArray;
    const ry = api.zeros(3, [['a', '<i4'], ['b', '<f8']] as never) as api.NdArray;
    ry.set([[1, 1.5], [2, 2.5], [3, 3.5]] as never);
    const r2 = api.where(c.reshape([3, 1]), rx.reshape([1, 3]), ry);
    const r3 = api.where(2, bx, by);
    // bytes as their whole item in hex (NULs included), records as [a, b]
    const hex = (a: api.NdArray): string[] => (a.reshape(-1).toArray() as Uint8Array[]).map((x) => Buffer.concat([Buffer.from(x), Buffer.alloc(a.itemsize - x.length)]).toString('hex'));
    const rec = (a: api.NdArray): number[][] => (a.reshape(-1).toArray() as { a: number; b: number }[]).map((x) => [x.a, x.b]);
    const ours = [r1.dtype.str, r1.shape, hex(r1), r2.dtype.str, r2.shape, rec(r2), r3.dtype.str, hex(r3)];
    const py = runNumpy<unknown[]>(`
c = np.array([True, False, True])
bx = np.array([b'a', b'bb', b'c'], 'S2'); by = np.array(b'xyz1', 'S4')
rx = np.zeros(3, [('a', '<i4'), ('b', '<f8')]); ry = np.array([(1, 1.5), (2, 2.5), (3, 3.5)], rx.dtype)
r1 = np.where(c, bx, by); r2 = np.where(c.reshape(3, 1), rx.reshape(1, 3), ry); r3 = np.where(2, bx, by)
h = lambda a: [bytes(x).ljust(a.dtype.itemsize, b'\\0').hex() for x in a.reshape(-1)]
rec = lambda a: [[int(x[0]), float(x[1])] for x in a.reshape(-1)]
print(json.dumps([r1.dtype.str, list(r1.shape), h(r1), r2.dtype.str, list(r2.shape), rec(r2), r3.dtype.str, h(r3)]))`);
    expect(ours).toEqual(py);
    expect(() => api.where(c, bx, 5)).toThrow(api.DTypePromotionError);
  });
});

describeWithNumpy('a complex input cast to a real loop keeps only its real part (fuzz seed 1011034)', () => {
  test("a zero real part stays zero (the imaginary part is no fallback), any byte order and layout", () => {
    const { expectCasesLikeNumpy: check } = npCompareU;
    const { shared } = npDataU;
    const f = shared([7, 1, 0, -0.5, 0, 2.5, -3, 0], '<f8', [8]);
    const cases: npCompareU.Case[] = [];
    for (const [dt, fdt] of [['<c16', '<f8'], ['>c16', '>f8'], ['>c8', '>f4']] as const) {
      const z = f.arr.astype(fdt).view(dt);
      const zpy = `${f.py}.astype('${fdt}').view('${dt}')`;
      for (const [name, fn] of [['floor', api.floor], ['negative', api.negative], ['sqrt', api.sqrt]] as const) {
        for (const [sl, slpy] of [['::-1', '::-1'], [':', ':']] as const) {
          cases.push({ py: `np.${name}(${zpy}[${slpy}], dtype='<f4', casting='unsafe')`, js: () => fn(z.index(sl), { dtype: '<f4', casting: 'unsafe' }) });
        }
      }
      cases.push({ py: `np.add(${zpy}, 0, dtype='<f8', casting='unsafe')`, js: () => api.add(z, 0, { dtype: '<f8', casting: 'unsafe' }) });
      cases.push({ py: `np.logical_not(${zpy})`, js: () => api.logicalNot(z) });
    }
    check(cases);
  });
});

describeWithNumpy("loop choice: NumPy's legacy resolver takes the first loop every input casts to", () => {
  // int8 with uint8 promotes to int16, whose first float loop is float32; NumPy's
  // resolver matches inputs loop by loop, and both cast safely to float16.
  test('every mixed integer pair, bools and Python ints, over the float-only and int binary ufuncs: dtypes and values', () => {
    const ints = ['|i1', '|u1', '<i2', '<u2', '<i4', '<u4', '<i8', '<u8', '|b1'];
    const fns = ['logaddexp', 'logaddexp2', 'hypot', 'arctan2', 'copysign', 'heaviside', 'nextafter', 'fmod', 'ldexp', 'float_power', 'add', 'fmax', 'remainder', 'true_divide'];
    const others: (string | number)[] = [...ints, 5, 300, 2.5];
    const cases: [string, string, string | number][] = [];
    for (const f of fns) for (const a of ints) for (const b of others) cases.push([f, a, b]);
    const raw = runNumpy<(string | [string, (number | string)[]])[]>(`
out = []
for f, a, b in json.loads(sys.stdin.read()):
    x = np.array([1, 2, 3], a)
    y = np.array([3, 2, 1], b) if isinstance(b, str) else b
    try:
        r = getattr(np, f)(x, y)
        out.append([r.dtype.str, [float(v) if np.isfinite(v) else str(float(v)) for v in r]])
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))`, JSON.stringify(cases));
    const want = raw.map((w) => (typeof w === 'string' ? w : [w[0], w[1].map((v) => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity))] as [string, number[]]));
    const got = cases.map(([f, a, b]) => {
      const fn = (api as unknown as Record<string, (x: unknown, y: unknown) => NdArray>)[f.replace(/_(.)/g, (_, c: string) => c.toUpperCase())];
      try {
        const r = fn(api.asarray([1, 2, 3], a), typeof b === 'string' ? api.asarray([3, 2, 1], b) : b);
        return [r.dtype.str, (r.toArray() as unknown[]).map((v) => (typeof v === 'boolean' ? Number(v) : Number(v)))];
      } catch (e) {
        return (e as Error).name === 'UFuncTypeError' ? 'UFuncTypeError' : (e as Error).name;
      }
    });
    const bad = cases.filter((_, i) => {
      const w = want[i];
      const g = got[i];
      // ldexp's refusal is a plain TypeError in NumPy (its own resolver); ours is the UFuncTypeError subclass.
      if (typeof w === 'string' || typeof g === 'string') return !(w === g || (w === 'TypeError' && g === 'UFuncTypeError'));
      // f2/f4 arctan2 may differ by one ulp of the loop type (npymath vs libm)
      return w[0] !== g[0] || w[1].some((v, j) => { const x = (g[1] as number[])[j]; return !(Object.is(v, x) || Math.abs(v - x) <= Math.abs(v) * 1e-3); });
    });
    expect(bad).toEqual([]);
  });
});

describeWithNumpy('comparisons of a bool array with a Python int: found by the hand probes', () => {
  test('the int goes to the default int loop (no out-of-range comparison loop for bool): past int64 both raise OverflowError', () => {
    const ints = [2n ** 63n, 2n ** 64n - 1n, -(2n ** 63n) - 1n];
    const want = npc.numpyOutcomes(ints.map((v) => ({ py: `np.less(np.array([True, False]), ${v})`, js: () => null })));
    const got = ints.map((v) => {
      try {
        mm.less(mm.array([true, false]), v);
        return 'no error';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(got).toEqual(want.map((w) => w.error));
    expect(got).toEqual(['OverflowError', 'OverflowError', 'OverflowError']);
    // an integer array keeps NumPy's comparison loops: no error
    npc.expectCasesLikeNumpy([
      { py: 'np.less(np.array([1, 2], np.uint8), 2**64 - 1)', js: () => mm.less(mm.array([1, 2], 'u1'), 2n ** 64n - 1n) },
      { py: 'np.equal(np.array([True, False]), 1)', js: () => mm.equal(mm.array([true, false]), 1) },
    ]);
  });
});

describeWithNumpy("records, void and bytes find no loop: NumPy's message names the inputs (fuzz seed 9220368)", () => {
  test('a two-input ufunc names their dtypes, a comparison their DType classes, a one-input ufunc none', () => {
    const rec = api.zeros([1], [['a', '<i4']] as never) as api.NdArray;
    const s3 = api.zeros([1], 'S3');
    const v4 = api.zeros([1], 'V4');
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    const ours = [
      message(() => api.add(rec, api.zeros([], 'f8'))),
      message(() => api.add(rec, 1.5)),
      message(() => api.add(s3, 1)),
      message(() => api.add(s3, true)),
      message(() => api.maximum(v4, 1.5)),
      message(() => api.add(rec, rec)),
      message(() => api.less(s3, api.zeros([1], 'f8'))),
      message(() => api.less(v4, 1.5)),
      message(() => api.less(s3, 2)),
      message(() => api.sqrt(s3)),
    ];
    const py = runNumpy<string[]>(`
rec = np.zeros(1, [('a', '<i4')]); s3 = np.zeros(1, 'S3'); v4 = np.zeros(1, 'V4')
def m(f):
    try:
        f()
    except TypeError as e:
        return 'UFuncTypeError: ' + str(e)
    return 'no error'
print(json.dumps([m(lambda: np.add(rec, np.zeros((), 'f8'))), m(lambda: np.add(rec, 1.5)), m(lambda: np.add(s3, 1)),
  m(lambda: np.add(s3, True)), m(lambda: np.maximum(v4, 1.5)), m(lambda: np.add(rec, rec)),
  m(lambda: np.less(s3, np.zeros(1, 'f8'))), m(lambda: np.less(v4, 1.5)), m(lambda: np.less(s3, 2)), m(lambda: np.sqrt(s3))]))`);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy("where() of records and bytes lays out its result as NumPy's iterator does (fuzz seed 9351956)", () => {
  test("'K' order of the operands: F-ordered and reversed views, and triu over them", () => {
    const want = runNumpy<number[][]>(`
rec = np.zeros((3, 5), [('a', '>u2'), ('b', '<u8')])
f = np.asfortranarray(rec)
r = rec[::-1, ::-1]
b = np.asfortranarray(np.zeros((4, 2), 'S3'))
c = np.array([True, False, True, False, True])
print(json.dumps([list(np.where(c, f, f).strides), list(np.where(c, r, r).strides), list(np.triu(r).strides), list(np.triu(f.T).strides), list(np.where(True, b, b).strides)]))
`);
    const rec = api.zeros([3, 5], [['a', '>u2'], ['b', '<u8']] as never) as api.NdArray;
    const f = rec.copy('F');
    const r = rec.index('::-1, ::-1');
    const b = api.zeros([4, 2], 'S3').copy('F');
    const c = api.asarray([true, false, true, false, true]);
    const got = [api.where(c, f, f), api.where(c, r, r), api.triu(r), api.triu(f.T), api.where(true, b, b)].map((x) => [...x.strides]);
    expect(got).toEqual(want);
  });
});

describe('small operands without options take a path without planning, with the same results', () => {
  // callUfunc's smallCall: arrays under UFUNC_NATIVE_MIN_ELEMENTS items, C-contiguous, of one shape,
  // beside numbers. The general path (taken here by passing options) is the reference.
  const dts = ['b1', 'i1', 'u1', 'i2', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8', 'c8', 'c16', '>f8', '>i4'];
  const shapes = [[5], [2, 3], [3, 1], []];
  const scalars = [1, 2.5, -3, 300, 1e10, -0, NaN, 2 ** 53, 2n ** 70n, true];
  const unary = ['negative', 'absolute', 'sqrt', 'square', 'exp', 'isnan', 'logicalNot', 'invert', 'sign', 'floor', 'reciprocal'] as const;
  const binary = ['add', 'subtract', 'multiply', 'divide', 'floorDivide', 'remainder', 'power', 'minimum', 'fmax', 'less', 'equal', 'notEqual', 'logicalXor', 'bitwiseAnd', 'leftShift', 'arctan2', 'gcd', 'ldexp'] as const;
  const call = api as unknown as Record<string, (...args: unknown[]) => NdArray>;
  function arr(dt: string, shape: number[]): NdArray {
    const n = shape.reduce((p, q) => p * q, 1);
    const vals = Array.from({ length: n }, (_, i) => ((i * 7) % 11) - 5 + (dt.includes('f') || dt.includes('c') ? 0.25 : 0));
    return api.asarray(vals).astype(dt === 'b1' ? 'b1' : dt.includes('u') ? 'i8' : dt).astype(dt).reshape(shape);
  }
  function outcome(f: () => NdArray): unknown {
    try {
      const r = f();
      return [r.dtype.str, [...r.shape], [...r.strides], Buffer.from(r.tobytes()).toString('hex')];
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
  }
  test('every unary and binary ufunc here, array with array and with a scalar on either side', () => {
    let compared = 0;
    for (const shape of shapes) {
      for (const d1 of dts) {
        const a = arr(d1, shape);
        for (const u of unary) {
          expect([u, d1, outcome(() => call[u](a))]).toEqual([u, d1, outcome(() => call[u](a, {}))]);
          compared++;
        }
        for (const u of binary) {
          for (const d2 of dts) {
            const b = arr(d2, shape);
            expect([u, d1, d2, outcome(() => call[u](a, b))]).toEqual([u, d1, d2, outcome(() => call[u](a, b, {}))]);
          }
          for (const s of scalars) {
            expect([u, d1, s, outcome(() => call[u](a, s))]).toEqual([u, d1, s, outcome(() => call[u](a, s, {}))]);
            expect([u, s, d1, outcome(() => call[u](s, a))]).toEqual([u, s, d1, outcome(() => call[u](s, a, {}))]);
          }
          compared += dts.length + 2 * scalars.length;
        }
      }
    }
    expect(compared).toBe(shapes.length * dts.length * (unary.length + binary.length * (dts.length + 2 * scalars.length)));
  });
  test('past the native threshold (one native row, or the JS loop over the whole row): the same results', () => {
    let compared = 0;
    for (const shape of [[70], [2, 1500]]) {
      for (const d1 of ['b1', 'i1', 'u8', 'i8', 'f4', 'f8', 'c16', '>f8']) {
        const a = arr(d1, shape);
        for (const u of unary) {
          expect([u, d1, outcome(() => call[u](a))]).toEqual([u, d1, outcome(() => call[u](a, {}))]);
          const want = outcome(() => call[u](a, {}));
          const od = typeof want === 'string' ? 'f8' : (want as [string])[0];
          expect([u, d1, outcome(() => call[u](a, { out: api.zeros(shape, od) }))]).toEqual([u, d1, outcome(() => call[u](a, { out: api.zeros(shape, od), casting: 'same_kind' }))]);
          compared += 2;
        }
        for (const u of binary) {
          for (const b of [arr('i8', shape), arr('u8', shape), arr('f4', shape), 3, -2.5, 2n ** 70n]) {
            expect([u, d1, String(b), outcome(() => call[u](a, b))]).toEqual([u, d1, String(b), outcome(() => call[u](a, b, {}))]);
            expect([u, String(b), d1, outcome(() => call[u](b, a))]).toEqual([u, String(b), d1, outcome(() => call[u](b, a, {}))]);
            compared += 2;
          }
        }
      }
    }
    expect(compared).toBe(2 * 8 * (2 * unary.length + 12 * binary.length));
  });
  test('broadcast C-contiguous inputs past the native threshold: the general path\'s results, layouts and errors', () => {
    const pairs: [number[], number[]][] = [
      [[20, 10], [10]], [[20, 10], [20, 1]], [[20, 1], [1, 10]], [[4, 5, 6], [5, 1]], [[4, 1, 6], [3, 1]], [[70], [1]], [[2, 40], [3, 40]],
    ];
    let compared = 0;
    for (const [s1, s2] of pairs) {
      for (const [d1, d2] of [['f8', 'f8'], ['i4', 'f8'], ['f2', 'f2'], ['u1', 'i8'], ['c16', 'f4'], ['>f8', 'f8']]) {
        const a = arr(d1, s1);
        const b = arr(d2, s2);
        for (const u of ['add', 'multiply', 'less', 'maximum', 'arctan2', 'floorDivide'] as const) {
          expect([u, s1, s2, d1, d2, outcome(() => call[u](a, b))]).toEqual([u, s1, s2, d1, d2, outcome(() => call[u](a, b, {}))]);
          expect([u, s2, s1, d2, d1, outcome(() => call[u](b, a))]).toEqual([u, s2, s1, d2, d1, outcome(() => call[u](b, a, {}))]);
          const want = outcome(() => call[u](a, b, {}));
          if (typeof want !== 'string') {
            const [dt, shape] = want as [string, number[]];
            const into = (o: NdArray, opts: object): unknown => outcome(() => (call[u](a, b, { out: o, ...opts }), o));
            expect([u, into(api.zeros(shape, dt), {})]).toEqual([u, into(api.zeros(shape, dt), { casting: 'same_kind' })]);
          }
          compared += 3;
        }
      }
    }
    expect(compared).toBe(7 * 6 * 6 * 3);
  });
  test('broadcast inputs over shared memory (which the kernel does not reach) take the general path', () => {
    const shared = new Float64Array(new SharedArrayBuffer(8 * 200)).map((_, i) => i);
    const a = api.ndarray([20, 10], 'f8', shared);
    const b = api.arange(10).astype('f8');
    expect(api.add(a, b).toArray()).toEqual(api.add(a, b, {}).toArray());
    expect(api.add(a, b).get(19, 9)).toBe(199 + 9);
  });
  test('with only an `out`: the same out, values and errors as the general path', () => {
    // The general path is taken by naming the default casting beside out.
    const outDts = ['b1', 'i4', 'u1', 'f8', 'c16', 'f4', 'i8', '>f8'];
    function intoOut(f: (o: NdArray) => NdArray, o: NdArray): unknown {
      try {
        const r = f(o);
        return [r === o, Buffer.from(o.tobytes()).toString('hex')];
      } catch (e) {
        return `${(e as Error).constructor.name}: ${(e as Error).message}`;
      }
    }
    let compared = 0;
    for (const shape of [[5], [2, 3], []]) {
      for (const d1 of dts) {
        const a = arr(d1, shape);
        for (const od of outDts) {
          for (const u of unary) {
            const fast = intoOut((o) => call[u](a, { out: o }), api.zeros(shape, od));
            expect([u, d1, od, fast]).toEqual([u, d1, od, intoOut((o) => call[u](a, { out: o, casting: 'same_kind' }), api.zeros(shape, od))]);
            compared++;
          }
          for (const u of binary) {
            for (const b of [arr('f8', shape), arr('i2', shape), 3, 2.5]) {
              const fast = intoOut((o) => call[u](a, b, { out: o }), api.zeros(shape, od));
              expect([u, d1, od, fast]).toEqual([u, d1, od, intoOut((o) => call[u](a, b, { out: o, casting: 'same_kind' }), api.zeros(shape, od))]);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });
  test('with only an `out`: in place, overlapping, read-only and closed outs', () => {
    const a = api.asarray([1, 2, 3, 4, 5, 6], 'f8');
    expect(add(a, a, { out: a })).toBe(a);
    expect(a.toArray()).toEqual([2, 4, 6, 8, 10, 12]);
    // Shifted by one item: every input is read as it was before the call (NumPy's rule).
    const buf = api.asarray([1, 2, 3, 4, 5, 6, 7], 'f8');
    const x = buf.index(':6');
    const y = buf.index('1:');
    expect(add(x, 10, { out: y })).toBe(y);
    expect(buf.toArray()).toEqual([1, 11, 12, 13, 14, 15, 16]);
    const ro = api.asarray([0, 0, 0, 0, 0, 0], 'f8');
    ro.flags.writeable = false;
    expect(() => add(a, 1, { out: ro })).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    const m = memmap(tmp.path('small-out.bin'), { mode: 'w+', dtype: 'f8', shape: [6] });
    m.close();
    expect(() => add(a, 1, { out: m })).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
    // A getter for out is read once, by the general path.
    let reads = 0;
    const o = api.zeros([6], 'f8');
    const opts = Object.defineProperty({}, 'out', { enumerable: true, get: () => (reads++, o) });
    expect(add(a, 1, opts)).toBe(o);
    expect(reads).toBe(1);
  });
  test('where(condition, x, y): against the same operands as strided views (the general path)', () => {
    // Every other item of a stack of two copies: the same values, not contiguous.
    const strided = (v: NdArray): NdArray => api.stack([v, v], { axis: -1 }).index('..., 0');
    for (const shape of shapes) {
      const n = shape.reduce((p, q) => p * q, 1);
      const c = api.asarray(Array.from({ length: n }, (_, i) => i % 3 !== 1)).reshape(shape);
      for (const d1 of dts) {
        for (const d2 of ['i1', 'u8', 'f8', 'c8', '>f8']) {
          const a = arr(d1, shape);
          const b = arr(d2, shape);
          expect([d1, d2, outcome(() => api.where(c, a, b))]).toEqual([d1, d2, outcome(() => api.where(strided(c), strided(a), strided(b)))]);
          for (const s of [7, -1.5, 300]) expect([d1, s, outcome(() => api.where(c, a, s))]).toEqual([d1, s, outcome(() => api.where(strided(c), strided(a), s))]);
        }
      }
    }
  });
  test('values it computes, against NumPy-known answers', () => {
    const a = api.asarray([1, 2, 3], 'i1');
    expect(add(a, 126).toArray()).toEqual([127, -128, -127]);
    expect(divide(a, 2).toArray()).toEqual([0.5, 1, 1.5]);
    expect(less(a, 300).toArray()).toEqual([true, true, true]);
    expect(() => add(a, 300)).toThrow(OverflowError);
  });
  test('a closed mapping still says it is closed', () => {
    const m = memmap(tmp.path('small.bin'), { mode: 'w+', dtype: 'f8', shape: [4] });
    m.close();
    expect(() => add(m, 1)).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  });
});
