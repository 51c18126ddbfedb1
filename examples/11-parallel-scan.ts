/**
 * Scanning one file on several cores: every worker thread maps its own
 * slice of the file (memmap with an offset; it need not be page aligned),
 * so nothing is copied or transferred. Posting a mapped ArrayBuffer to a
 * worker would not share it: Node 20 silently copies external buffers.
 * Only the small results travel back.
 *
 * Run: node -r ./examples/register.js examples/11-parallel-scan.ts
 * (worker threads inherit the -r flag, so the worker runs this same file).
 * NumPy twin: examples/numpy/11-parallel-scan.py (threads, one np.memmap each)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { memmap } from '../lib';
import { print } from './print';

interface Slice {
  file: string;
  start: number; // first element
  count: number;
}

interface Result {
  sum: number;
  max: number;
}

const ITEM = 4; // bytes per '<u4'

/** What each worker does: map its slice read-only, reduce it, unmap. */
function scan({ file, start, count }: Slice): Result {
  const part = memmap(file, { dtype: '<u4', mode: 'r', offset: start * ITEM, shape: count });
  try {
    return { sum: part.sum() as number, max: part.max() as number };
  } finally {
    part.close();
  }
}

function runWorker(slice: Slice): Promise<Result> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: slice });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

async function main(): Promise<void> {
  const n = 1_000_003;
  const workers = 4;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-example-'));
  const file = path.join(dir, 'values.u4');
  const init = memmap(file, { dtype: '<u4', mode: 'w+', shape: n });
  init.apply((_v, i) => (i * 7) % 1000);
  init.close();

  const per = Math.ceil(n / workers);
  const slices: Slice[] = [];
  for (let start = 0; start < n; start += per) slices.push({ file, start, count: Math.min(per, n - start) });
  const results = await Promise.all(slices.map(runWorker));

  const total = results.reduce((s, r) => s + r.sum, 0);
  const max = Math.max(...results.map((r) => r.max));
  const whole = scan({ file, start: 0, count: n }); // one thread, for comparison
  print('slices:', slices.map((s) => s.count));
  print('sum:', total, 'max:', max);
  print('same as one thread:', total === whole.sum && max === whole.max);
  fs.rmSync(dir, { recursive: true });
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  parentPort!.postMessage(scan(workerData as Slice));
}

// Output:
// slices: [250001, 250001, 250001, 250000]
// sum: 499500021 max: 999
// same as one thread: True
