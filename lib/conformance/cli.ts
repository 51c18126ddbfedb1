/**
 * `npm run conformance -- DIR`: replays every NumPy case file in DIR and
 * exits non-zero when any case fails.
 * @module
 */
import * as path from 'path';
import { runDirectory } from './runner';

const dir = process.argv[2] ?? path.resolve(__dirname, '..', '..', 'test', 'conformance', 'cases');
try {
  const t = runDirectory(dir);
  process.exitCode = t.failed > 0 ? 1 : 0;
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}
