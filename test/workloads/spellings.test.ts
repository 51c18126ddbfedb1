// Workload: what a NumPy user types, as typed. Dtype names as NumPy spells
// them ('float32', 'int16', 'uint8', 'bool', 'f', 'double', '<M8'…), each
// checked against NumPy's dtype(...).str, or against the kind of error NumPy
// gives; and option names spelled NumPy's way (return_counts, keepdims…),
// which must fail loudly rather than be ignored.
import { dtype } from '../../lib/dtype';
import { arange, zeros } from '../../lib/create';
import { argsort, bincount, searchsorted, sort, unique } from '../../lib/sort';
import { concatenate, stack } from '../../lib/join';
import { compress, take } from '../../lib/fancy';
import { sum } from '../../lib/reduce-axis';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const SPELLINGS = [
  'float32', 'float64', 'float16', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'bool', 'complex64', 'complex128', 'f', 'd', 'e', 'i', 'l', 'q', 'B', 'H', 'I', 'L', 'Q', 'b', 'h', '?',
  'double', 'single', 'half', 'float', 'int', 'byte', 'ubyte', 'short', 'ushort', 'intc', 'uintc', 'longlong',
  'ulonglong', 'intp', 'uintp', 'cfloat', 'cdouble', 'csingle', 'bool_', 'float_', 'int_', 'uint',
  '<f4', '>f4', '=f4', '|u1', '<i8', '>u2', 'f8', 'i4', 'u2', 'c8', 'c16', 'S5', 'a5', 'V8', '|S3', 'b1',
  'i1', 'u1', 'f2', 'M8', '<M8', '<M8[ns]', 'datetime64[s]', 'm8', 'timedelta64', 'U10', '<U3', 'O', 'object',
  'str', 'bytes', 'float128', 'longdouble', 'g', 'x', 'int7', '', 'Float32', 'FLOAT32', ' f4', 'f4 ',
];

describeWithNumpy('workload: NumPy spellings', () => {
  test("dtype names give NumPy's dtype, or an error where NumPy has one or the library has no such type", () => {
    const theirs = runNumpy<Record<string, { str?: string; error?: string }>>(`
out = {}
for s in ${JSON.stringify(SPELLINGS)}:
    try:
        out[s] = {'str': np.dtype(s).str}
    except Exception as e:
        out[s] = {'error': type(e).__name__}
print(json.dumps(out))
`);
    const rows: string[] = [];
    for (const s of SPELLINGS) {
      let ours: { str?: string; error?: string };
      try {
        ours = { str: dtype(s).str };
      } catch (e) {
        ours = { error: (e as Error).name };
      }
      const t = theirs[s];
      // A type NumPy has and the library does not (datetime, str, object,
      // float128) must be refused with a TypeError, not mapped to something else.
      const ok = t.str !== undefined ? ours.str === t.str || (ours.error === 'TypeError' && /[MmUOg]|<U|V|f16/.test(t.str)) : ours.error !== undefined;
      if (!ok) rows.push(`${JSON.stringify(s)}: numpy ${JSON.stringify(t)} ours ${JSON.stringify(ours)}`);
    }
    expect(rows).toEqual([]);
  });

  test('an unsupported NumPy type says what it is and what to use instead', () => {
    expect(() => dtype('<M8')).toThrow(/datetime64/);
    expect(() => dtype('U10')).toThrow(/str|unicode|U/);
  });

  test("options spelled NumPy's way are refused with NumPy's TypeError, naming the camelCase spelling", () => {
    const a = arange(6);
    expect(() => unique(a, { return_counts: true } as never)).toThrow(/unique\(\) got an unexpected keyword argument 'return_counts' \(mmarray spells it 'returnCounts'\)/);
    expect(() => unique(a, { returnCount: true } as never)).toThrow(TypeError);
    expect(() => sort(a, { axes: 0 } as never)).toThrow(/sort\(\) got an unexpected keyword argument 'axes'/);
    expect(() => argsort(a, { kidn: 'stable' } as never)).toThrow(TypeError);
    expect(() => searchsorted(a, 2, { sides: 'right' } as never)).toThrow(TypeError);
    expect(() => bincount(a, { min_length: 3 } as never)).toThrow(/'min_length'/);
    expect(() => take(a, [1], { axsi: 0 } as never)).toThrow(TypeError);
    expect(() => compress([true], a, { axes: 0 } as never)).toThrow(TypeError);
    expect(() => concatenate([a, a], { axes: 0 } as never)).toThrow(TypeError);
    expect(() => stack([a, a], { axes: 0 } as never)).toThrow(TypeError);
    expect(() => sum(zeros([2, 2]), 0, { keep_dims: true } as never)).toThrow(/'keep_dims' \(mmarray spells it 'keepdims'\)|unexpected keyword argument 'keep_dims'/);
    // What they meant still works.
    expect(unique(a, { returnCounts: true }).counts!.size).toBe(6);
  });
});
