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
    # A JS list-of-lists record spec as NumPy's list of tuples (a subarray shape as a tuple).
    def field(f):
        return tuple(tuple(x) if isinstance(x, list) and all(isinstance(i, int) for i in x) else T(x) if isinstance(x, list) else x for x in f)
    return [field(f) for f in spec]
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
   * Ours against NumPy's float result `name` where the README documents a
   * tolerance (`|z|`, exp/log/power): same dtype and shape, every value within
   * `ulps` units in the last place of NumPy's value, or of `scale` when that
   * is larger (a difference of products that cancels is exact only to the
   * products' ulp); NaN where NumPy has NaN. Returns the largest distance.
   */
  near(name: string, ours: NdArray, ulps: number, scale = 0): number {
    this.checked.add(name);
    const theirs = this.numpy(name);
    try {
      const label = `${this.name}/${name}`;
      expect({ label, dtype: ours.dtype.str, shape: ours.shape }).toEqual({ label, dtype: theirs.dtype.str, shape: theirs.shape });
      const a = flatNumbers(ours);
      const b = flatNumbers(theirs);
      const single = ours.dtype.itemsize === 4;
      let worst = 0;
      for (let i = 0; i < a.length; i++) {
        if (Number.isNaN(b[i])) {
          expect({ label, i, nan: Number.isNaN(a[i]) }).toEqual({ label, i, nan: true });
          continue;
        }
        const e = Math.floor(Math.log2(Math.max(Math.abs(b[i]), scale) || Number.MIN_VALUE));
        const ulp = 2 ** (e - (single ? 23 : 52));
        worst = Math.max(worst, Math.abs(a[i] - b[i]) / ulp);
      }
      expect({ label, withinUlps: worst <= ulps }).toEqual({ label, withinUlps: true });
      return worst;
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

function flatNumbers(a: NdArray): number[] {
  const out: number[] = [];
  a.astype('<f8').forEach((v) => out.push(v as number));
  return out;
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
