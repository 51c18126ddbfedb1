// Helpers of the adversarial tests: a case that may abort or hang the process
// runs in a child node with a time limit, and a case of a polluted
// Object.prototype always cleans up after itself.
import { spawnSync } from 'child_process';
import * as path from 'path';

/** What a child run left: its exit status, the signal that killed it, and its last stdout line. */
export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

/**
 * Runs `body` (the inside of an async function, with `L` the library from
 * dist/) in a child node with a 60 s limit and a `heapMb` MiB heap. Its last
 * stdout line is the JSON of what `body` returned, or of
 * `[error class, message]` (`[class, code, message]` with `code`) for what it threw.
 */
export function runInChild(body: string, { heapMb = 512, code = false }: { heapMb?: number; code?: boolean } = {}): ChildResult {
  const dist = path.resolve(__dirname, '../../dist/index.js');
  const thrown = code ? '[e.constructor.name, e.code, e.message]' : '[e.constructor.name, e.message]';
  const script = `const L = require(${JSON.stringify(dist)});\n(async () => {\n${body}\n})().then((r) => console.log(JSON.stringify(r)), (e) => console.log(JSON.stringify(${thrown})));`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', script], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, out: r.stdout.trim().split('\n').pop() ?? '' };
}

/** Runs `f` with `Object.prototype[key] = value` (not enumerable), always removed after. */
export function polluted<T>(key: string, value: unknown, f: () => T): T {
  Object.defineProperty(Object.prototype, key, { value, configurable: true, enumerable: false, writable: true });
  try {
    return f();
  } finally {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
}
