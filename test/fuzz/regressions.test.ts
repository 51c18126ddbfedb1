// Programs the fuzzer found diverging from NumPy, kept with NumPy's answer
// (test/fuzz/regressions.json, written by `node test/fuzz/cli.js --add SEED
// --name ...`), so they replay without NumPy. Each id names the seed and the
// behaviour it pins down; the comparison is the fuzzer's own (differ.ts).
import * as fs from 'fs';
import * as path from 'path';
import { compare } from './differ';
import type { Program } from './program';
import type { Json } from '../../lib/conformance/compute';

type Regression = Program & { expect: { [k: string]: Json } };
const CASES = JSON.parse(fs.readFileSync(path.join(__dirname, 'regressions.json'), 'utf8')) as Regression[];

describe('fuzz regressions: programs that once diverged from NumPy', () => {
  test.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { expect: want, ...program } = c;
    const d = compare(Number(/^fuzz\/(\d+)/.exec(c.id)![1]), program, want);
    expect(d === null ? null : `${d.kind}: ${d.detail}`).toBeNull();
  });
});
