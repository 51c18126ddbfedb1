// Real workloads against NumPy: each test writes one program twice, in
// Python/NumPy and in JS/mmarray, over the same input files. The Python side
// runs first in a fresh folder: it makes the inputs (seeded) and saves every
// result with `out(name, x)` (a .npy of np.asarray(x), plus its strides) or
// `err(name, fn)` (the exception's class and message). The JS side then reads
// the same inputs and checks each of its results against NumPy's, bit for
// bit: dtype string, shape and bytes (and strides where asked).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { NdArray } from '../../lib/ndarray';
import { openNpy } from '../../lib/npy/npy';
import { TempDir } from '../helpers/tmp';

const PRELUDE = `
import numpy as np, json, os, sys
os.makedirs('out', exist_ok=True)
def T(spec):
    # A JS list-of-lists record spec as NumPy's list of tuples.
    return [tuple(T(x) if isinstance(x, list) else x for x in f) for f in spec]
_meta = {}
def out(name, x):
    a = np.asarray(x)
    np.save(os.path.join('out', name + '.npy'), a)
    _meta[name] = {'strides': list(a.strides) if isinstance(x, np.ndarray) else None}
def err(name, fn):
    try:
        fn()
    except Exception as e:
        _meta[name] = {'error': type(e).__name__, 'message': str(e)}
        return
    _meta[name] = {'error': None}
`;
const EPILOGUE = `
with open(os.path.join('out', 'meta.json'), 'w') as f:
    json.dump(_meta, f)
`;

interface Meta {
  strides?: number[] | null;
  error?: string | null;
  message?: string;
}

/** One workload run: the folder both sides work in, and NumPy's answers. */
export class Workload {
  readonly dir: string;
  private readonly meta: Record<string, Meta>;
  private readonly checked = new Set<string>();

  constructor(readonly tmp: TempDir, readonly name: string, script: string) {
    this.dir = tmp.path(name);
    fs.mkdirSync(this.dir);
    const r = spawnSync('python3', ['-c', PRELUDE + script + EPILOGUE], {
      cwd: this.dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`${name}: python3 failed (${r.status}):\n${r.stderr}`);
    this.meta = JSON.parse(fs.readFileSync(path.join(this.dir, 'out', 'meta.json'), 'utf8')) as Record<string, Meta>;
  }

  /** A path inside the workload's folder. */
  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** NumPy's result `name`, mapped read-only. */
  numpy(name: string): NdArray {
    const p = path.join(this.dir, 'out', `${name}.npy`);
    if (!fs.existsSync(p)) throw new Error(`${this.name}: NumPy saved no result '${name}'`);
    return openNpy(p, { mode: 'r' });
  }

  /**
   * Ours against NumPy's `name`: the same dtype string (descr for records),
   * shape and bytes in C order; with `strides`, the same strides too.
   */
  same(name: string, ours: NdArray, { strides = false } = {}): void {
    this.checked.add(name);
    const theirs = this.numpy(name);
    try {
      const label = `${this.name}/${name}`;
      expect({ label, dtype: describeDtype(ours) }).toEqual({ label, dtype: describeDtype(theirs) });
      expect({ label, shape: ours.shape }).toEqual({ label, shape: theirs.shape });
      if (strides) expect({ label, strides: ours.strides }).toEqual({ label, strides: this.meta[name].strides });
      const a = bytesOf(ours);
      const b = bytesOf(theirs);
      if (!equalBytes(a, b)) {
        expect({ label, values: ours.toString() }).toEqual({ label, values: theirs.toString() });
        throw new Error(`${label}: same repr, different bytes`);
      }
    } finally {
      (theirs as unknown as { close(): void }).close();
    }
  }

  /**
   * NumPy raised `name` (class, message); ours must raise the same class (or
   * `documented`, a class the README names for that case) with a message
   * matching `message`.
   */
  raises(name: string, fn: () => unknown, message?: RegExp | string, documented?: string): { numpy: Meta; ours: Error } {
    this.checked.add(name);
    const m = this.meta[name];
    if (!m) throw new Error(`${this.name}: NumPy recorded no error case '${name}'`);
    let caught: unknown;
    try {
      fn();
    } catch (e) {
      caught = e;
    }
    const label = `${this.name}/${name}`;
    expect({ label, numpyRaised: m.error }).not.toEqual({ label, numpyRaised: null });
    expect({ label, oursRaised: caught !== undefined }).toEqual({ label, oursRaised: true });
    const e = caught as Error;
    expect({ label, error: e.name }).toEqual({ label, error: documented ?? m.error });
    expect(e.message).toMatch(message ?? m.message!);
    return { numpy: m, ours: e };
  }

  /** NumPy's message for error case `name`. */
  message(name: string): string {
    return this.meta[name]?.message ?? '';
  }

  /** Every result NumPy saved was checked by the JS side. */
  allChecked(): void {
    expect(Object.keys(this.meta).filter((k) => !this.checked.has(k)).sort()).toEqual([]);
  }
}

function describeDtype(a: NdArray): string {
  return a.dtype.fields ? JSON.stringify(a.dtype.descr) : a.dtype.str;
}

/** The bytes of `a` in C order. */
export function bytesOf(a: NdArray): Uint8Array {
  const c = a.copy('C');
  const buf = c.buffer as ArrayBuffer;
  return new Uint8Array(buf, c.offset, c.size * c.dtype.itemsize).slice();
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
