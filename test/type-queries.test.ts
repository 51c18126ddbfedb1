// NumPy's dtype questions (lib/type-queries.ts): minScalarType, the
// smallest dtype that holds one value, and commonType, the inexact dtype a
// set of arrays shares, each against NumPy at run time.
import { arange, asarray, commonType, dtype, isscalar, issubdtype, iterable, KeyError, ValueError, minScalarType, mintypecode, typename, zeros, type AbstractDTypeName, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describeWithNumpy('minScalarType against NumPy', () => {
  test('integers at or above 0 take the smallest unsigned type, below 0 the smallest signed one', () => {
    // JS integers are NumPy's Python ints (int64 values), so each is compared with np.min_scalar_type(int).
    const ints = [0, 10, 255, 256, -1, -128, -129, 300, -300, 65535, 65536, -32768, -32769, 70000, -70000, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 40, -(2 ** 40)];
    const want = runNumpy<string[]>(`print(json.dumps([np.min_scalar_type(v).str for v in ${JSON.stringify(ints)}]))`);
    expect(ints.map((v) => minScalarType(v).str)).toEqual(want);
    // int64's and uint64's extremes, as bigints.
    const big = ['2**63 - 1', '2**63', '2**64 - 1', '-2**63'];
    const wantBig = runNumpy<string[]>(`print(json.dumps([np.min_scalar_type(v).str for v in [${big.join(', ')}]]))`);
    expect([2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, -(2n ** 63n)].map((v) => minScalarType(v).str)).toEqual(wantBig);
  });

  test('floats take the smallest float whose range holds them (NaN and inf are float16), complex stays complex', () => {
    const floats = [0.5, 3.1, -64999.5, 65000.5, -65000.5, 150000.5, 3.3e38, 3.5e38, -3.5e38, 1e300, NaN, Infinity, -Infinity];
    const want = runNumpy<string[]>(`print(json.dumps([np.min_scalar_type(float(v)).str for v in ${JSON.stringify(floats.map(String))}]))`);
    expect(floats.map((v) => minScalarType(v).str)).toEqual(want);
    const complexes: [number, number][] = [[0, 1], [1e39, 0], [0, -1e39], [3e38, 3e38], [NaN, 0]];
    const wantC = runNumpy<string[]>(`print(json.dumps([np.min_scalar_type(complex(float(r), float(i))).str for r, i in ${JSON.stringify(complexes.map(([r, i]) => [String(r), String(i)]))}]))`);
    expect(complexes.map(([re, im]) => minScalarType({ re, im }).str)).toEqual(wantC);
    expect(minScalarType(true).str).toBe('|b1');
    // An integral JS number is NumPy's int, not its float: 1e5 is uint32 where NumPy's 1e5 is float32.
    expect(minScalarType(1e5).str).toBe('<u4');
  });

  test('a 0-d array is read by its value (in the native byte order), any other array keeps its dtype', () => {
    const cases: [string, NdArray][] = [
      ["np.array(300, '>i4')", asarray(300, '>i4')],
      ["np.array(100, '<u2')", asarray(100, '<u2')],
      ["np.array(-3, 'i1')", asarray(-3, 'i1')],
      ["np.array(5, 'i1')", asarray(5, 'i1')],
      ["np.array(3.1, '>f8')", asarray(3.1, '>f8')],
      ["np.array(1e5, '<f4')", asarray(1e5, '<f4')],
      ["np.array(1e5, '>f2')", asarray(1e5, '>f2')],
      ["np.array(1, '<c8')", asarray(1, '<c8')],
      ["np.array(2**63, '<u8')", asarray(2n ** 63n, '<u8')],
      ["np.array(True)", asarray(true)],
      ["np.array([1], '>i4')", asarray([1], '>i4')],
      ["np.zeros((2, 0), '<f8')", asarray([[], []], '<f8')],
      ["np.array(b'ab')", asarray('ab', 'S2')],
    ];
    const want = runNumpy<string[]>(`print(json.dumps([np.min_scalar_type(a).str for a in [${cases.map(([py]) => py).join(', ')}]]))`);
    expect(cases.map(([, a]) => minScalarType(a).str)).toEqual(want);
    const one = asarray([1, 2], '>i4');
    expect(minScalarType(one)).toBe(one.dtype);
  });
});

describeWithNumpy('commonType against NumPy', () => {
  test('the highest precision among the arrays, integers as float64, complex when any is', () => {
    const sets: [string[], NdArray[]][] = [
      [["'f4'"], [arange(2, 'f4')]],
      [["'f2'"], [arange(2, 'f2')]],
      [["'i1'"], [arange(2, 'i1')]],
      [["'f2'", "'c8'"], [arange(2, 'f2'), arange(2, 'c8')]],
      [["'u1'", "'f2'"], [arange(2, 'u1'), arange(2, 'f2')]],
      [["'c16'", "'f4'"], [arange(2, 'c16'), arange(2, 'f4')]],
      [["'>f4'", "'<f4'"], [arange(2, '>f4'), arange(2, '<f4')]],
      [[], []],
    ];
    const want = runNumpy<string[]>(`print(json.dumps([np.dtype(np.common_type(*[np.arange(2, dtype=t) for t in ts])).str for ts in ${JSON.stringify(sets.map(([ts]) => ts.map((t) => t.slice(1, -1))))}]))`);
    expect(sets.map(([, arrays]) => commonType(...arrays).str)).toEqual(want);
  });

  test("a bool or non-number array is NumPy's TypeError", () => {
    const want = runNumpy<string>(`
try: np.common_type(np.array([True]))
except TypeError as e: print(json.dumps(str(e)))`);
    expect(() => commonType(asarray([true]))).toThrow(new TypeError(want));
    expect(() => commonType(arange(2, 'f4'), asarray(['ab'], 'S2'))).toThrow(new TypeError(want));
    expect(() => commonType([1.5] as never)).toThrow(new TypeError('commonType(): arrays[0] must be an NdArray, got a JS array of length 1'));
  });
});

describeWithNumpy('issubdtype, mintypecode and typename against NumPy', () => {
  const concrete = ['?', 'i1', '>i2', '<i4', 'i8', 'u1', 'u2', '>u4', 'u8', 'f2', '<f4', '>f8', 'c8', '>c16', 'S1', 'S7', 'V4', "[('a', '<i4'), ('b', '<f8')]"];
  const abstract: AbstractDTypeName[] = ['generic', 'number', 'integer', 'signedinteger', 'unsignedinteger', 'inexact', 'floating', 'complexfloating', 'flexible', 'character'];
  const js = (s: string): string | ReturnType<typeof dtype> => (s.startsWith('[') ? dtype([['a', '<i4'], ['b', '<f8']]) : s);
  const py = (s: string): string => (s.startsWith('[') ? `np.dtype(${s})` : (abstract as string[]).includes(s) ? `np.${s}` : `'${s}'`);

  test('every pair of concrete dtypes and abstract types answers as np.issubdtype', () => {
    const all = [...concrete, ...abstract];
    const pairs: [string, string][] = [];
    for (const a of all) for (const b of all) pairs.push([a, b]);
    const want = runNumpy<boolean[]>(`print(json.dumps([bool(np.issubdtype(a, b)) for a, b in [${pairs.map(([a, b]) => `(${py(a)}, ${py(b)})`).join(', ')}]]))`);
    const got = pairs.map(([a, b]) => issubdtype(js(a) as never, js(b) as never));
    const bad = pairs.filter((_, i) => got[i] !== want[i]).map(([a, b], i) => `${a} ${b}: ${String(got[i])}`);
    expect(bad).toEqual([]);
    expect(got.filter(Boolean).length).toBeGreaterThan(50);
  });

  test('mintypecode and typename give NumPy\'s characters and names', () => {
    const calls: [unknown[], string][] = [
      [['idF'], "'idF'"], [['idF', 'GDFgdf'], "'idF', 'GDFgdf'"], [[['d', 'f', 'S']], "['d', 'f', 'S']"], [['x'], "'x'"], [['ifb', 'ifb'], "'ifb', 'ifb'"],
      [['Ff'], "'Ff'"], [['fd', 'GDFgdf', 'F'], "'fd', 'GDFgdf', 'F'"], [['', 'GDFgdf', 'g'], "'', 'GDFgdf', 'g'"],
      [[[zeros([1], 'f4'), zeros([1], 'c8')]], "[np.zeros(1, 'f4'), np.zeros(1, 'c8')]"], [[[dtype('<f8')]], "[np.dtype('f8')]"],
    ];
    const want = runNumpy<string[]>(`print(json.dumps([np.mintypecode(${calls.map(([, p]) => p).join('), np.mintypecode(')})]))`);
    expect(calls.map(([args]) => (mintypecode as (...a: unknown[]) => string)(...args))).toEqual(want);
    const chars = ['S1', '?', 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd', 'g', 'F', 'D', 'G', 'S', 'U', 'V', 'O'];
    expect(chars.map(typename)).toEqual(runNumpy<string[]>(`print(json.dumps([np.typename(c) for c in ${JSON.stringify(chars)}]))`));
    expect(() => typename('z')).toThrow(KeyError);
    expect(() => typename('z')).toThrow("'z'");
    // NumPy's errors: a typeset character outside its size order ('S'), a typeset that is no string.
    expect(() => mintypecode('S', 'S')).toThrow(new ValueError('substring not found'));
    expect(() => mintypecode('d', 5 as never)).toThrow(new TypeError('mintypecode(): typeset must be a string, got number'));
  });
});

test('isscalar: numbers, bigints, booleans, strings, Buffers and { re, im } are scalars; arrays (0-d too), lists and null are not', () => {
  for (const v of [1, 1.5, 2n, true, 'a', Buffer.from('x'), { re: 1, im: 2 }]) expect(isscalar(v)).toBe(true);
  for (const v of [asarray(3), asarray([1]), [1], null, undefined, { re: 1 }, { re: 1, im: 2, x: 3 }, new Float64Array(1)]) expect(isscalar(v)).toBe(false);
});

test('iterable: lists, strings, typed arrays and arrays of one or more dimensions; not a 0-d array or a number', () => {
  for (const v of [[1], 'ab', new Float64Array(2), asarray([1, 2]), new Set([1])]) expect(iterable(v)).toBe(true);
  for (const v of [asarray(3), 3, null, undefined, { a: 1 }]) expect(iterable(v)).toBe(false);
});
