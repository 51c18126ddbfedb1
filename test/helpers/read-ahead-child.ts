// The read-ahead tests' child node: MMARRAY_READ_AHEAD_MB is read once, when
// the addon loads, so each setting needs a process of its own.
import { spawnSync } from 'child_process';
import * as path from 'path';

const DIST = path.resolve(__dirname, '../../dist');

/**
 * Runs `body` (statements of an async function, with `L` the library, `N`
 * its native module, `cold(n)` a new sparse .npy of n zero <f8 in `dir` and
 * `advised()` the bytes advised so far) in a child node with
 * MMARRAY_READ_AHEAD_MB=`mb` (unset when null), and returns what it
 * returned. Throws with the child's stderr when it fails.
 */
export function withReadAhead(mb: string | null, dir: string, body: string): Record<string, unknown> {
  const child = `
    const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
    const N = require(${JSON.stringify(path.join(DIST, 'native.js'))});
    let k = 0;
    const cold = (n) => { const p = require('path').join(${JSON.stringify(dir)}, 'ra-' + process.pid + '-' + k++ + '.npy'); L.createNpy(p, '<f8', [n]).close(); return p; };
    const advised = () => N.kernelReadAhead()[1];
    (async () => { ${body} })().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(3); });
  `;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MMARRAY_READ_AHEAD_MB;
  if (mb !== null) env.MMARRAY_READ_AHEAD_MB = mb;
  const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000, env });
  if (r.status !== 0 || r.stderr !== '') throw new Error(`the child ended with ${r.signal ?? `status ${r.status}`}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/**
 * What a child's cold-then-warm sum of an n-item zero <f8 file reported
 * (`distance`, `sum`, `cold`: bytes advised cold, `warm`: the warm sums,
 * `warmAdvised`) shows a 32 MiB distance, one pass of advice within the
 * file (each madvise starts on a page boundary), and none once warm.
 */
export function expectAdvisedColdOnly(out: Record<string, unknown>, n: number): void {
  expect(out.distance).toBe(32 << 20);
  expect(out.sum).toBe(0);
  expect(out.cold).toBeGreaterThan(0);
  expect(out.cold).toBeLessThanOrEqual(n * 8 * 1.01);
  expect(out.warm).toEqual([0, 0]);
  expect(out.warmAdvised).toBe(0);
}
