// Comparisons of bytes (S) arrays against NumPy 2's string loops: the six
// comparisons over items of different lengths (NUL padding, inner NULs, high
// bytes), broadcasting, strided and 0-d operands, and the errors kept.
import { array, equal, greater, greaterEqual, less, lessEqual, notEqual, UFuncTypeError } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const ITEMS = ['ab', 'a', '', 'b', 'ab\u0000', 'a\u0000b', '\u00ff', 'abc'];
const OPS = { equal, not_equal: notEqual, less, less_equal: lessEqual, greater, greater_equal: greaterEqual };

describeWithNumpy('bytes (S) comparisons against NumPy', () => {
  const want = runNumpy<Record<string, number[]>>(`
items = [bytes(s, 'latin1') for s in ${JSON.stringify(ITEMS)}]
a = np.array(items, 'S3')
b = np.array([b'ab'], 'S2')
out = {}
for name in ${JSON.stringify(Object.keys(OPS))}:
    f = getattr(np, name)
    out[name + ' vs S2'] = f(a, b).astype(int).tolist()
    out[name + ' vs reversed'] = f(a, a[::-1]).astype(int).tolist()
    out[name + ' table'] = f(a[:, None], a[None, ::2]).astype(int).ravel().tolist()
    out[name + ' 0d'] = f(a, np.array(b'ab')).astype(int).tolist()
print(json.dumps(out))
`);
  const a = array(ITEMS.map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0))), 'S3');
  const b = array(['ab'], 'S2');
  const bits = (r: { dtype: { str: string }; toArray(): unknown }): number[] => (r.toArray() as boolean[] | boolean[][]).flat().map(Number);
  test.each(Object.keys(OPS))('%s', (name) => {
    const f = OPS[name as keyof typeof OPS];
    expect(f(a, b).dtype.str).toBe('|b1');
    expect(bits(f(a, b))).toEqual(want[`${name} vs S2`]);
    expect(bits(f(a, a.index('::-1')))).toEqual(want[`${name} vs reversed`]);
    expect(bits(f(a.index(':, null'), a.index('null, ::2')))).toEqual(want[`${name} table`]);
    expect(bits(f(a, array('ab')))).toEqual(want[`${name} 0d`]);
  });

  test('a bytes array against a number still has no loop; options are refused', () => {
    expect(() => equal(a, 1)).toThrow(UFuncTypeError);
    expect(() => less(a, b, { out: array([true]) } as never)).toThrow(/takes no options/);
  });
});
