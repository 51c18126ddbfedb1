// The NumPy conformance contract: every case in test/conformance/cases (a
// copy of ../shared/conformance/cases) replays through the public API.
import * as fs from 'fs';
import * as path from 'path';
import { runDirectory } from '../lib/conformance/runner';

const CASES = path.join(__dirname, 'conformance', 'cases');
const SHARED = path.resolve(__dirname, '..', '..', 'shared', 'conformance', 'cases');

describe('NumPy conformance cases', () => {
  test('every case passes, none skipped', () => {
    const lines: string[] = [];
    const totals = runDirectory(CASES, (l) => lines.push(l));
    const failures = lines.filter((l) => !/: \d+ passed, \d+ failed, \d+ skipped$/.test(l));
    // Show the first failures in the assertion message when something breaks.
    expect(failures.slice(0, 40)).toEqual([]);
    expect(totals.failed).toBe(0);
    expect(totals.skipped).toBe(0);
    expect(totals.passed).toBeGreaterThan(2900);
  });

  test('the copied cases equal ../shared/conformance/cases where that folder exists', () => {
    if (!fs.existsSync(SHARED)) {
      console.log(`SKIP shared comparison: ${SHARED} does not exist on this machine`);
      return;
    }
    const ours = fs.readdirSync(CASES).sort();
    const theirs = fs.readdirSync(SHARED).sort();
    expect(ours).toEqual(theirs);
    for (const f of theirs) {
      expect(fs.readFileSync(path.join(CASES, f)).equals(fs.readFileSync(path.join(SHARED, f)))).toBe(true);
    }
  });
});
