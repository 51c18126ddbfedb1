'use strict';
// The interleaved CPU-time A/B of two addon builds beside NumPy, shared by
// bench/loop_ab.js and bench/axis_ab.js. Each of `--procs` rounds runs A's
// child process, then B's, then NumPy's, so load drifts hit every side
// alike; each child times every row `--rounds` times by CPU. The table gives
// per row the median over processes of each child's min and median CPU ms,
// and the page faults of A and B, with the load average after each round.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** The middle value of `v` (the upper one of an even count); NaN when empty. */
function median(v) {
  const s = [...v].sort((p, q) => p - q);
  return s.length === 0 ? NaN : s[s.length >> 1];
}

/**
 * Runs the A/B for the command line `args` (`A.node B.node [--procs 3]
 * [--rounds 15] [--only a,b] [--no-numpy]`, plus the script's own flags,
 * read through the `opt` passed to the callbacks).
 *
 * - `script`: the calling file; `node script --child ROUNDS ONLY` prints
 *   `{ row: { cpu: [ms...], faults } }` as JSON, with the addon at
 *   `MMARRAY_ADDON_PATH`.
 * - `usage`: the error text when A or B is missing.
 * - `prepare()`: writes the data files, once, before the first child.
 * - `envOf(side, opt)`: extra environment for side 'A' or 'B'.
 * - `numpyArgs(rounds, only, opt)`: python3's arguments (NumPy's side
 *   prints the same JSON shape).
 * - `nameWidth`; `ratio`: add a column of B's median over NumPy's.
 */
function runAb({ script, args, usage, prepare, envOf = () => ({}), numpyArgs, nameWidth = 28, ratio = false }) {
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const [A, B] = args.filter((s, i) => !s.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (!A || !B) throw new Error(usage);
  const procs = Number(opt('--procs', 3));
  const rounds = Number(opt('--rounds', 15));
  const only = opt('--only', '');
  const onlyList = only ? only.split(',') : [];
  prepare();
  const runs = { A: [], B: [], np: [] };
  const load = [];
  for (let p = 0; p < procs; p++) {
    for (const [side, addon] of [['A', A], ['B', B]]) {
      const env = { ...process.env, MMARRAY_ADDON_PATH: path.resolve(addon), ...envOf(side, opt) };
      const r = spawnSync(process.execPath, [script, '--child', String(rounds), only], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`${side} child failed:\n${r.stderr}`);
      runs[side].push(JSON.parse(r.stdout));
    }
    if (!args.includes('--no-numpy')) {
      const r = spawnSync('python3', numpyArgs(rounds, onlyList, opt), { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`numpy child failed:\n${r.stderr}`);
      runs.np.push(JSON.parse(r.stdout));
    }
    load.push(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  }
  const fmt = (v) => (v < 1 ? v.toFixed(3) : v.toFixed(2));
  console.log(`CPU ms per call: median over ${procs} processes of (min / median of ${rounds} rounds); load average ${load.join(', ')}`);
  console.log(`${'row'.padEnd(nameWidth)} | ${'A min / med'.padEnd(16)} | ${'B min / med'.padEnd(16)} | ${'NumPy min / med'.padEnd(16)} | ${ratio ? 'B/np med | ' : ''}faults A / B`);
  for (const name of Object.keys(runs.A[0])) {
    const stat = (side, f) => median(runs[side].map((r) => f(r[name].cpu)));
    const cell = (side) => {
      if (runs[side].length === 0 || !runs[side][0][name]) return 'n/a'.padEnd(16);
      return `${fmt(stat(side, (c) => Math.min(...c)))} / ${fmt(stat(side, median))}`.padEnd(16);
    };
    const r = ratio ? `${(runs.np.length && runs.np[0][name] ? (stat('B', median) / stat('np', median)).toFixed(2) : 'n/a').padEnd(8)} | ` : '';
    const fl = (side) => median(runs[side].map((x) => x[name].faults)).toFixed(0);
    console.log(`${name.padEnd(nameWidth)} | ${cell('A')} | ${cell('B')} | ${cell('np')} | ${r}${fl('A')} / ${fl('B')}`);
  }
}

module.exports = { runAb };
