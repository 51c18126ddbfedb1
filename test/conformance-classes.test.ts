// Case classes the held-out NumPy conformance run found failing, rebuilt with
// the shared generator (../shared/conformance/generate.py, so NumPy answers
// each one) and replayed through the runner: nested records whose field has
// the parent's name, record values with subarray fields broadcast into empty
// selections, flip of a 0-d non-native array, and FORMAT.md's value encoding
// ("nan", "inf", "-0", 64-bit integer strings, [re, im]) at every nesting level.
import * as fs from 'fs';
import * as path from 'path';
import { runCase } from '../lib/conformance/runner';
import { hasNumpy, runNumpy } from './helpers/numpy';

const GENERATOR = path.resolve(__dirname, '..', '..', 'shared', 'conformance');

/** [label, dtype (a Python expression), shape, ops] for the generator. */
const CASES: [string, string, number[], unknown[][]][] = [
  // {id: {id: f2}}: a record value goes to the outer record, its `id` to the inner one.
  ['same-name', "[('id', [('id', '<f2')]), ('v', '<i2')]", [3], [['set', '1', { id: { id: 1.5 }, v: 2 }]]],
  ['same-name', "[('id', [('id', '<f2')])]", [3], [['set', '...', [{ id: { id: 1 } }, { id: { id: '-0' } }, { id: { id: 'nan' } }]]]],
  ['same-name', "[('id', [('id', '<f2')])]", [3], [['set', '0:1', [{ id: { id: 2.5 } }]]]],
  ['same-name', "[('id', [('id', '<f2')])]", [2], [['fill', { id: { id: 'inf' } }]]],
  ['same-name', "[('id', [('id', [('id', '>i8')])]), ('x', '<u1')]", [2], [['set', '...', { id: { id: { id: '-9223372036854775808' } }, x: 7 }]]],
  ['same-name', "[('id', [('id', '<f2')])]", [3], [['field', 'id'], ['set', '2', { id: 3 }]]],
  // Record values with subarray fields into empty selections (and one that does not broadcast).
  ['empty', "[('a', '<i2', (2,)), ('b', '<f4')]", [3, 2], [['set', '1:1', { a: [1, 2], b: 3 }]]],
  ['empty', "[('a', '<i2', (2,)), ('b', '<f4')]", [3, 2], [['set', '1:1', [{ a: [1, 2], b: 3 }]]]],
  ['empty', "[('a', '<i2', (2,)), ('b', '<f4')]", [3, 2], [['set', '1:1, 0', { a: [1, 2], b: 3 }]]],
  ['empty', "[('a', '<i2', (2,)), ('b', '<f4')]", [3, 2], [['set', '1:1', { a: [1, 2, 3], b: 3 }]]],
  ['empty', "[('a', '<i2', (2,))]", [3], [['set', '2:2', [{ a: [1, 2] }]]]],
  ['empty', "[('a', '<i2', (2,))]", [3], [['set', '2:2', { a: 5 }]]],
  ['empty', "[('a', '<i2', (2,))]", [3], [['index', '3:'], ['fill', { a: [1, 2] }]]],
  ['empty', "[('a', '<i2', (2,))]", [3], [['set', '1:2', [{ a: [1, 2] }]]]],
  // flip of a 0-d array: NumPy returns a scalar, which is native-endian.
  ['flip0d', "'>f8'", [], [['flip', null]]],
  ['flip0d', "'>i4'", [], [['flip', null]]],
  ['flip0d', "'>c16'", [], [['flip', null]]],
  ['flip0d', "'<u2'", [], [['flip', null]]],
  ['flip0d', "[('a', '>i4')]", [], [['flip', null]]],
  ['flip0d', "[('a', '>i4'), ('b', '|u1')]", [2], [['index', '1'], ['flip', null]]],
  ['flip0d', "'|V3'", [], [['flip', null]]],
  ['flip0d', "'>f4'", [3], [['index', '1, ...'], ['flip', null]]],
  // Special floats and 64-bit integer strings nested in records, subarrays and complex fields.
  [
    'values',
    "[('c', '<c16'), ('s', '<i8', (2,)), ('f', '>f4'), ('u', '<u8')]",
    [2],
    [['set', '0', { c: ['nan', '-0'], s: ['9223372036854775807', '-5'], f: 'inf', u: '18446744073709551615' }]],
  ],
  ['values', "[('c', '<c16'), ('s', '<i8', (2,))]", [2], [['fill', { c: ['-inf', 'inf'], s: ['-9223372036854775808', '0'] }]]],
  ['values', "[('r', [('z', '<c8', (2,)), ('k', '>u8')])]", [1], [['set', '...', { r: { z: [['inf', '-inf'], [1, '-0']], k: '18446744073709551615' } }]]],
  ['values', "[('r', [('z', '<f8', (2, 2))])]", [2], [['set', '...', [{ r: { z: [['nan', 1], ['-0', 'inf']] } }, { r: { z: 2.5 } }]]]],
  ['values', "[('j', '<i8'), ('i', '<i4')]", [2], [['set', '1', { j: 'nan', i: '-0' }]]],
  ['values', "[('j', '<i8'), ('i', '<i4')]", [2], [['set', '1', { j: '-0', i: -2.5 }]]],
  ['values', "[('c', '<c8')]", [1], [['set', '...', [{ c: ['nan', '-0'] }]]]],
  ['values', "[('s', '<i8', (2,))]", [1], [['set', '...', [{ s: ['-9223372036854775808', '9223372036854775807'] }]]]],
  ['values', "[('s', '>u8', (2,))]", [2, 1], [['set', '...', [[{ s: ['18446744073709551615', 0] }], [{ s: 1 }]]]]],
  ['values', "[('i', '<i4'), ('q', '<u8', (2,))]", [2], [['set', '...', { i: 1.5, q: [3, '18446744073709551615'] }]]],
];

const BUILD = String.raw`
import sys
sys.path.insert(0, ${JSON.stringify(GENERATOR)})
import generate as g
cases = json.loads(sys.stdin.read())
topic = g.Topic('classes')
for label, spec, shape, ops in cases:
    src = g.contig(np.dtype(eval(spec)), tuple(shape))
    size = max(1, int(np.prod(shape)) * src.dtype.itemsize)
    data = bytes((i * 37 + 11) % 256 for i in range(size))
    if not topic.add(label, data, src, ops):
        raise SystemExit('duplicate case ' + label)
print(json.dumps(topic.cases))
`;

const haveGenerator = hasNumpy() && fs.existsSync(path.join(GENERATOR, 'generate.py'));

(haveGenerator ? describe : describe.skip)('held-out case classes, answered by NumPy through the shared generator', () => {
  const cases = haveGenerator ? runNumpy<Parameters<typeof runCase>[0][]>(BUILD, JSON.stringify(CASES)) : [];

  test.each(cases.map((c) => [c.id, JSON.stringify(c.ops), c] as const))('%s %s', (_id, _ops, c) => {
    // A case NumPy answered with an error passes with `thrown` (what the
    // library raised, whose class the runner matched against NumPy's).
    const { thrown, ...r } = runCase(c);
    expect(r).toEqual({ id: c.id, status: 'passed' });
    expect(thrown !== undefined).toBe(c.expect.error !== undefined);
  });

  test('every case was generated, and NumPy raised where expected', () => {
    expect(cases).toHaveLength(CASES.length);
    expect(cases.filter((c) => c.expect.error !== undefined).length).toBeGreaterThanOrEqual(2);
  });
});

if (!haveGenerator) {
  test.skip('needs python3 + numpy and ../shared/conformance/generate.py', () => undefined);
  // eslint-disable-next-line no-console
  console.log('SKIP held-out case classes: python3 with numpy or ../shared/conformance/generate.py is missing');
}
