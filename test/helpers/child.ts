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

/**
 * The close-during-work check of the async calls, in a child node against
 * dist/ (a crash there is a signal, not a dead jest worker): `rounds` times,
 * maps `file` with `mapOptions` (the text of an options object), starts
 * `call` (the text of an expression of `m` and the round `i` that gives a
 * promise), lets the loop turn or not, closes `m`, and awaits the call,
 * which must settle with a value or with `ERR_CLOSED` (anything else ends
 * the child with status 3). Expects the child to live; returns how many
 * rounds ended each way.
 */
export function closeMidCall(file: string, mapOptions: string, call: string, rounds: number): { value: number; closed: number } {
  const dist = path.resolve(__dirname, '../../dist/index.js');
  const script = `
    const L = require(${JSON.stringify(dist)});
    (async () => {
      const out = { value: 0, closed: 0 };
      for (let i = 0; i < ${rounds}; i++) {
        const m = L.memmap(${JSON.stringify(file)}, ${mapOptions});
        const work = ${call};
        await new Promise((r) => (i % 3 ? setImmediate(r) : r()));
        m.close();
        await work.then(() => out.value++, (e) => { if (e.code !== 'ERR_CLOSED') throw e; out.closed++; });
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(3); });
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
  if (r.signal !== null || r.status !== 0) throw new Error(`the child ended with ${r.signal ?? `status ${r.status}`}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { value: number; closed: number };
  if (out.value + out.closed !== rounds) throw new Error(`the child settled ${out.value + out.closed} calls of ${rounds}`);
  return out;
}
