/**
 * `npm run conformance -- DIR` (or `-- FILE.json`): replays every NumPy case
 * file in DIR (`cases/` or `cases-compute/`), or one file, and exits non-zero
 * when any case fails.
 * @internal
 * @module
 */
import * as path from 'path';
import * as fs from 'fs';
import { runDirectory, runFile } from './runner';

const dir = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'test', 'conformance', 'cases');
try {
  const t = dir.endsWith('.json') && fs.statSync(dir).isFile() ? runFile(dir) : runDirectory(dir);
  process.exitCode = t.failed > 0 ? 1 : 0;
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}
