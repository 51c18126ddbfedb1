// The NumPy conformance contract for the compute ops: every case in
// test/conformance/cases-compute (a copy of ../shared/conformance/cases-compute)
// replays through the public API. One test per file, so a topic can be run
// alone (`npx jest test/conformance-compute.test.ts -t ufunc_arith`); a case
// whose op is not built fails, it is never skipped.
import * as fs from 'fs';
import * as path from 'path';
import { runFile } from '../lib/conformance/runner';

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
