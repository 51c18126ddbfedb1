// The differential fuzzer over a fixed set of seeds: each seed's random
// program (test/fuzz/program.ts) replayed by the library must give what NumPy
// gives (test/fuzz/oracle.py). More seeds: `node test/fuzz/cli.js --seeds 1000`.
import * as fs from 'fs';
import * as path from 'path';
import { describeWithNumpy } from '../helpers/numpy';
import { fuzzSeeds } from './differ';
import { generate } from './program';

// Seeds 0..SEEDS-1, in batches (one python3 process each): 200 programs take
// 2.5 s at load 22 (the suite takes 28 s, ts-jest compiling lib/ is most of it);
// the CLI runs the thousands.
const SEEDS = 400;
const BATCH = 200;

describeWithNumpy('differential fuzzing against NumPy', () => {
  for (let from = 0; from < SEEDS; from += BATCH) {
    test(`seeds ${from}..${from + BATCH - 1}: every program agrees with NumPy`, () => {
      const seeds = Array.from({ length: BATCH }, (_, i) => from + i);
      const { divergences } = fuzzSeeds(seeds);
      const shown = divergences.map((d) => `seed ${d.seed}: ${d.kind}\n  ops ${JSON.stringify(d.program.ops).slice(0, 300)}\n  ${d.detail.slice(0, 400)}`);
      expect(shown).toEqual([]);
    });
  }
});

describe('the fuzz program generator', () => {
  test('a seed always gives the same program', () => {
    for (const seed of [0, 1, 77, 123456]) expect(JSON.stringify(generate(seed))).toBe(JSON.stringify(generate(seed)));
  });

  test('the seeds cover every op family the fuzzer is meant to reach', () => {
    const seen = new Set<string>();
    for (let s = 0; s < SEEDS; s++) for (const op of generate(s).ops) seen.add(op[0] as string);
    for (const name of [
      'index', 'view', 'transpose', 'reshape', 'broadcast_to', 'as_strided', 'astype', 'sum', 'argmax', 'add',
      'where', 'getitem', 'setitem', 'take', 'put', 'compress', 'argsort', 'unique', 'bincount', 'concatenate', 'fill',
      'copy', 'byteswap', 'npy_roundtrip', 'searchsorted_sorter', 'astype_casting', 'sort_kind', 'concatenate_kw',
      'ufunc_kw', 'putmask', 'cumulative', 'diff', 'variance', 'round', 'nonzero',
    ]) {
      expect([name, seen.has(name)]).toEqual([name, true]);
    }
  });
});

describe('the NumPy replayer the oracle uses', () => {
  const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared', 'conformance');
  test.each(['replay_numpy.py', 'replay_compute.py'])('%s equals ../shared/conformance/ where that folder exists', (file) => {
    const theirs = path.join(SHARED, file);
    if (!fs.existsSync(theirs)) {
      console.log(`SKIP shared comparison: ${theirs} does not exist on this machine`);
      return;
    }
    expect(fs.readFileSync(path.join(__dirname, 'numpy', file)).equals(fs.readFileSync(theirs))).toBe(true);
  });
});
