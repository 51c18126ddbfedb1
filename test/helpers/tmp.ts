// The one temp-file helper of the test suite: a private directory per test
// file, removed afterwards.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class TempDir {
  readonly dir: string;
  private n = 0;

  constructor(prefix = 'mmarray-test-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** A fresh path inside the directory (nothing is created). */
  path(name = 'file.bin'): string {
    this.n += 1;
    return path.join(this.dir, `${this.n}-${name}`);
  }

  /** Writes `bytes` to a fresh file and returns its path. */
  file(bytes: Uint8Array | string, name?: string): string {
    const p = this.path(name);
    fs.writeFileSync(p, bytes);
    return p;
  }

  /** A sparse file of `size` bytes (ftruncate: costs no disk). */
  sparse(size: number, name = 'sparse.bin'): string {
    const p = this.path(name);
    const fd = fs.openSync(p, 'w');
    try {
      fs.ftruncateSync(fd, size);
    } finally {
      fs.closeSync(fd);
    }
    return p;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Creates a TempDir for the current test file and removes it after all tests. */
export function useTempDir(prefix?: string): TempDir {
  const holder: { t?: TempDir } = {};
  beforeAll(() => {
    holder.t = new TempDir(prefix);
  });
  afterAll(() => holder.t?.remove());
  return new Proxy({} as TempDir, {
    get(_target, prop) {
      const t = holder.t;
      if (!t) throw new Error('useTempDir: used outside a test');
      const v = (t as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}
