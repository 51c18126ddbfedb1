// The NumPy conformance contract for the compute ops: every case in
// test/conformance/cases-compute (a copy of ../shared/conformance/cases-compute)
// replays through the public API. One test per file, so a topic can be run
// alone (`npx jest test/conformance-compute.test.ts -t ufunc_arith`); a case
// whose op is not built fails, it is never skipped.
import * as fs from 'fs';
import * as path from 'path';
import { runFile } from '../lib/conformance/runner';
import { newArray } from '../lib/conformance/compute-operands';

const CASES = path.join(__dirname, 'conformance', 'cases-compute');
const SHARED = path.resolve(__dirname, '..', '..', 'shared', 'conformance', 'cases-compute');
const FILES = fs.readdirSync(CASES).filter((f) => f.endsWith('.json')).sort();

describe('NumPy compute conformance cases', () => {
  test.each(FILES)('%s: every case passes, none skipped', (file) => {
    const lines: string[] = [];
    const t = runFile(path.join(CASES, file), (l) => lines.push(l));
    const failures = lines.filter((l) => !/: \d+ passed, \d+ failed, \d+ skipped$/.test(l));
    expect(failures.slice(0, 30)).toEqual([]);
    expect(t.failed).toBe(0);
    expect(t.skipped).toBe(0);
    expect(t.passed).toBeGreaterThan(0);
  });

  test('the copied cases equal ../shared/conformance/cases-compute where that folder exists', () => {
    if (!fs.existsSync(SHARED)) {
      console.log(`SKIP shared comparison: ${SHARED} does not exist on this machine`);
      return;
    }
    const theirs = fs.readdirSync(SHARED).filter((f) => f.endsWith('.json')).sort();
    expect(FILES).toEqual(theirs);
    for (const f of theirs) {
      expect(fs.readFileSync(path.join(CASES, f)).equals(fs.readFileSync(path.join(SHARED, f)))).toBe(true);
    }
  });
});

describe("the runner's new operands (FORMAT.md: np.array(values, dtype).reshape(shape))", () => {
  // An empty operand's strides order a result laid out over it (a reduction's where=);
  // NumPy's reshape of an empty array gives C strides over the shape (fuzz seed 11069405).
  const ctx = { apply: (a: never) => a, decode: (v: unknown) => v } as never;
  test.each([
    [[0, 2, 2, 3], '<u8', [96, 48, 24, 8]],
    [[2, 0, 4], '|b1', [4, 4, 1]],
    [[3, 0], '<f4', [4, 4]],
  ] as const)('%j of %s has strides %j', (shape, dtype, strides) => {
    const a = newArray({ dtype, shape: [...shape], values: [] }, ctx);
    expect(a.shape).toEqual(shape);
    expect(a.strides).toEqual(strides);
  });
  // np.array of nested empty lists is a new empty array of the lists' shape, with zero
  // strides; the reshape keeps them when the shape is the same (fuzz seed 11206928).
  test.each([
    [[2, 4, 0], '|b1', [[[], [], [], []], [[], [], [], []]], [0, 0, 0]],
    [[2, 0], '<f4', [[], []], [0, 0]],
    [[2, 0, 3], '<f8', [[], []], [24, 24, 8]],
  ] as const)('%j of %s from %j has strides %j', (shape, dtype, values, strides) => {
    const a = newArray({ dtype, shape: [...shape], values: values as never }, ctx);
    expect(a.shape).toEqual(shape);
    expect(a.strides).toEqual(strides);
  });
  test('a non-empty one is C-contiguous and holds the values', () => {
    const a = newArray({ dtype: '<i4', shape: [2, 2], values: [[1, 2], [3, 4]] }, ctx);
    expect(a.strides).toEqual([8, 4]);
    expect(a.toArray()).toEqual([[1, 2], [3, 4]]);
  });
});
