// Runs Python with NumPy for cross-checks. When python3 or numpy is missing,
// tests that need it print one clear skip line and do not count as passes.
import { spawnSync } from 'child_process';

let cached: boolean | undefined;

/** True when `python3 -c 'import numpy'` works on this machine. */
export function hasNumpy(): boolean {
  if (cached === undefined) {
    const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
    cached = r.status === 0;
  }
  return cached;
}

/**
 * NumPy at its x86-64 baseline (as the fuzzer asks it, test/fuzz/differ.ts):
 * above it some results depend on the CPU (the AVX2 complex multiply fuses
 * multiply-adds, a different last bit).
 */
export const NUMPY_BASELINE: NodeJS.ProcessEnv = process.arch === 'x64' ? { NPY_DISABLE_CPU_FEATURES: 'X86_V3 X86_V4 AVX512_ICL AVX512_SPR' } : {};

/**
 * Runs `script` with python3 (numpy imported as np, json as json) and returns
 * what it printed to stdout, parsed as JSON. Throws with Python's stderr when
 * the script fails. `env` adds environment variables (e.g. {@link NUMPY_BASELINE}).
 */
export function runNumpy<T = unknown>(script: string, input?: string, env: NodeJS.ProcessEnv = {}): T {
  const r = spawnSync('python3', ['-c', `import numpy as np, json, sys\n${script}`], {
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * `describe` when numpy is present; otherwise a describe block with a single
 * test that prints the skip line and is reported as skipped (not passed).
 */
export function describeWithNumpy(name: string, fn: () => void): void {
  if (hasNumpy()) {
    describe(name, fn);
  } else {
    describe(name, () => {
      // eslint-disable-next-line no-console
      console.log(`SKIP ${name}: python3 with numpy is not installed`);
      test.skip('needs python3 + numpy', () => undefined);
    });
  }
}
