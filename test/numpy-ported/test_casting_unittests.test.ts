// NumPy's own numpy/_core/tests/test_casting_unittests.py (NumPy 2.4): the
// tests of casts between the dtypes this library has, ported test by test:
// same names, same intent, the same values.
//
// Mapping: cast._simple_strided_call((arr1, arr2)) -> arr2.set(arr1) (an
// assignment cast, NumPy's unsafe casting); np.can_cast -> canCast;
// as_strided over a byte buffer -> asStrided over a u1 array viewed as the dtype.
//
// test_simple_direct_casts: NumPy's loop over target dtypes `return`s (not
// `continue`s) at the first target its cast resolver splits into several
// steps, and after the first pair whose two dtypes both have alignment 1, so
// it reaches only the pairs listed in REACHED (computed from NumPy 2.4's
// resolver: bool, int8 and uint8 sources to bool only; other native sources
// to bool, int8 and native int16; int16 also to >i2 and int32). Those are run here as NumPy runs
// them; every other pair of the same dtypes is then cross-checked against
// NumPy's own cast (bit for bit, contiguous, strided and unaligned) when numpy
// is installed, except float/complex to unsigned (negative values: C's
// undefined behaviour, which NumPy's test also avoids).
//
// Skipped (not counted as passing):
// - TestChanges.test_float_to_string, test_to_void, test_string_cancast,
//   test_simple_string_casts_roundtrip, test_string_to_string_cancast,
//   test_unicode_byteswapped_cast, test_void_to_string_special_case: no
//   number <-> text casts and no unicode dtype here (README "Values").
// - test_simple_cancast, test_structured_field_offsets, test_structured_view_offsets_parametric:
//   they read NumPy's cast implementation objects (_resolve_descriptors, view offsets).
// - test_numeric_to_times, test_time_to_time: no datetime dtypes.
// - test_object_*: no object dtype.
// - test_same_value_*: NumPy 2.4's casting='same_value' does not exist here.
import { asStrided, canCast, dtype, NdArray, zeros } from '../../lib';
import { array, vals } from '../helpers/np-array';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

// simple_dtypes = "?bhilqBHILQefdFD" on 64-bit Linux ('l' is 'q' there)
const SIMPLE = [...'?bhilqBHILQefdFD'];

/** simple_dtype_instances(): each dtype, then its byte-swapped twin. */
function instances(): string[] {
  const out: string[] = [];
  for (const c of SIMPLE) {
    const dt = dtype(c);
    out.push(dt.str);
    if (dt.byteorder !== '|') out.push(dt.newbyteorder().str);
  }
  return [...new Set(out)]; // 'l' and 'q' are one dtype here
}

/** The pairs NumPy's test_simple_direct_casts reaches before its early return (see the header). */
const REACHED: Record<string, string[]> = {
  '|b1': ['|b1'],
  '|i1': ['|b1'],
  '<i2': ['|b1', '|i1', '<i2', '>i2', '<i4'],
  '<i4': ['|b1', '|i1', '<i2'],
  '<i8': ['|b1', '|i1', '<i2'],
  '|u1': ['|b1'],
  '<u2': ['|b1', '|i1', '<i2'],
  '<u4': ['|b1', '|i1', '<i2'],
  '<u8': ['|b1', '|i1', '<i2'],
  '<f2': ['|b1', '|i1', '<i2'],
  '<f4': ['|b1', '|i1', '<i2'],
  '<f8': ['|b1', '|i1', '<i2'],
  '<c8': ['|b1', '|i1', '<i2'],
  '<c16': ['|b1', '|i1', '<i2'],
};

const SIZE = 1500; // Best larger than NPY_LOWLEVEL_BUFFER_BLOCKSIZE * itemsize

/** A seeded random.randrange(-128, 128). */
function randValues(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % 256 - 128;
  });
}

/** Item assignment of `value` into a `dt` array, with NumPy's manual unsigned rollover. */
function itemValue(dt: string, value: number): number | bigint | boolean {
  const d = dtype(dt);
  if (d.kind === 'b') return value !== 0;
  if (value < 0 && d.kind === 'u') return BigInt(value) + 2n ** BigInt(8 * d.itemsize);
  return value;
}

function getData(dt1: string, dt2: string, seed: number): [NdArray, NdArray, number[]] {
  const i1 = dtype(dt1).itemsize;
  const i2 = dtype(dt2).itemsize;
  const length = i1 >= i2 ? Math.floor(SIZE / i1) : Math.floor(SIZE / i2);
  const values = randValues(length, seed);
  const arr1 = zeros(length, dt1 as never) as NdArray;
  expect(arr1.flags.cContiguous && arr1.flags.aligned).toBe(true);
  values.forEach((v, i) => arr1.set(i, itemValue(dt1, v)));
  const arr2 = zeros(length, dt2 as never) as NdArray;
  values.forEach((v, i) => arr2.set(i, itemValue(dt2, v)));
  return [arr1, arr2, values];
}

/** get_data_variation: a copy of arr1 laid out strided (aligned or not) or unaligned, and a matching target. */
function variation(arr1: NdArray, arr2: NdArray, aligned: boolean, contig: boolean): [NdArray, NdArray] {
  const s1 = contig ? arr1.itemsize : aligned ? 2 * arr1.itemsize : arr1.itemsize + 1;
  const s2 = contig ? arr2.itemsize : aligned ? 2 * arr2.itemsize : arr2.itemsize + 1;
  const n = arr1.size;
  const fromBytes = zeros(n * 3 * arr1.itemsize + 1, 'u1');
  const toBytes = zeros(n * 3 * arr2.itemsize + 1, 'u1');
  const base1 = (aligned ? fromBytes.index(':-1') : fromBytes.index('1:')).index(`:${Math.floor((fromBytes.size - 1) / arr1.itemsize) * arr1.itemsize}`).view(arr1.dtype);
  const base2 = (aligned ? toBytes.index(':-1') : toBytes.index('1:')).index(`:${Math.floor((toBytes.size - 1) / arr2.itemsize) * arr2.itemsize}`).view(arr2.dtype);
  const new1 = asStrided(base1, [n], [s1]);
  const new2 = asStrided(base2, [n], [s2]);
  new1.set(arr1);
  expect(new1.flags.cContiguous).toBe(contig);
  expect(new2.flags.cContiguous).toBe(contig);
  if (!aligned) {
    expect(!new1.flags.aligned || new1.dtype.alignment === 1).toBe(true);
    expect(!new2.flags.aligned || new2.dtype.alignment === 1).toBe(true);
  }
  return [new1, new2];
}

const bytesOf = (a: NdArray): number[] => a.copy('C').reshape(-1).view('u1').toArray() as number[];

function expectedList(dt2: string, values: number[]): unknown[] {
  const d = dtype(dt2);
  return values.map((v) => {
    if (d.kind === 'b') return v !== 0;
    if (d.kind === 'c') return { re: v, im: 0 };
    if (v < 0 && d.kind === 'u') return Number(BigInt(v) + 2n ** BigInt(8 * d.itemsize));
    return v;
  });
}

describe('TestCasting', () => {
  const pairs = Object.entries(REACHED).flatMap(([f, ts]) => ts.map((t) => [f, t] as const));
  test.each(pairs)('test_simple_direct_casts[%s -> %s]', (fromDt, toDt) => {
    const [arr1, arr2, values] = getData(fromDt, toDt, fromDt.length * 31 + toDt.length);
    arr2.set(arr1); // cast._simple_strided_call((arr1, arr2))

    // Check via python list
    const got = (arr2.toArray() as unknown[]).map((v) => (typeof v === 'bigint' ? Number(v) : v));
    expect(got).toEqual(expectedList(toDt, values));

    // Check that the same results are achieved for strided loops
    let [a1, a2] = variation(arr1, arr2, true, false);
    a2.set(a1);
    expect(a2.toArray()).toEqual(arr2.toArray());
    expect(bytesOf(a2)).toEqual(bytesOf(arr2));

    // Check if alignment makes a difference, but only if the alignment can be wrong
    if (dtype(fromDt).alignment === 1 && dtype(toDt).alignment === 1) return;

    [a1, a2] = variation(arr1, arr2, false, true);
    a2.set(a1);
    expect(a2.toArray()).toEqual(arr2.toArray());
    expect(bytesOf(a2)).toEqual(bytesOf(arr2));

    [a1, a2] = variation(arr1, arr2, false, false);
    a2.set(a1);
    expect(a2.toArray()).toEqual(arr2.toArray());
    expect(bytesOf(a2)).toEqual(bytesOf(arr2));
  });

  test.each(['no', 'unsafe'] as const)('test_void_and_structured_with_subarray[%s]', (casting) => {
    // test case corresponding to gh-19325
    const dt = dtype([['foo', '<f4', [3, 2]]]);
    const expected = casting === 'unsafe';
    expect(canCast(dtype('V4'), dt, casting)).toBe(expected);
    expect(canCast(dt, dtype('V4'), casting)).toBe(expected);
  });

  // np.typecodes["AllInteger"] + np.typecodes["AllFloat"], less long double
  test.each([...'bBhHiIlLqQnNpP', ...'efdFD'])('test_nonstandard_bool_to_other[%s]', (dt) => {
    // simple test for casting bool_ to numeric types, which should not
    // expose the detail that NumPy bools can sometimes take values other
    // than 0 and 1.  See also gh-19514.
    const nonstandardBools = array([0, 3, -7], 'i1').view('?');
    const res = nonstandardBools.astype(dt as never) as NdArray;
    const want = dtype(dt).kind === 'c' ? [0, 1, 1].map((re) => ({ re, im: 0 })) : [0, 1, 1];
    expect(vals(res)).toEqual(want);
  });
});

describeWithNumpy('TestCasting (every pair of simple dtypes against NumPy)', () => {
  const all = instances();
  const pairs = all.flatMap((f) => all.map((t) => [f, t] as const)).filter(([f, t]) => !('fc'.includes(dtype(f).kind) && dtype(t).kind === 'u'));
  const values = randValues(187, 7);
  const want = runNumpy<Record<string, string>>(
    `
vals = json.loads(sys.stdin.read())
out = {}
import warnings
warnings.simplefilter('ignore')
for f, t in ${JSON.stringify(pairs)}:
    a = np.empty(len(vals), f)
    for i, v in enumerate(vals):
        if v < 0 and a.dtype.kind == 'u':
            v = v + np.iinfo(a.dtype).max + 1
        a[i] = v
    b = np.empty(len(vals), t)
    b[...] = a
    out[f + ' ' + t] = b.tobytes().hex()
print(json.dumps(out))
`,
    JSON.stringify(values),
  );
  test.each(pairs)('%s -> %s: the bytes of NumPy\'s cast, contiguous, strided and unaligned', (f, t) => {
    const a = zeros(values.length, f as never) as NdArray;
    values.forEach((v, i) => a.set(i, itemValue(f, v)));
    const b = zeros(values.length, t as never) as NdArray;
    b.set(a);
    const hex = (x: NdArray): string => Buffer.from(bytesOf(x)).toString('hex');
    expect(hex(b)).toBe(want[`${f} ${t}`]);
    for (const [aligned, contig] of [
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      const [a1, a2] = variation(a, b, aligned, contig);
      a2.set(a1);
      expect(hex(a2)).toBe(want[`${f} ${t}`]);
    }
  });
});
