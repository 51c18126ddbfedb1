/**
 * Memmaps of empty arrays, as NumPy >= 2.2 makes them (gh-27723): there are no
 * bytes to map, but the file is opened, created or extended exactly as NumPy
 * does, and the array still reports its file, mode and offset and can be
 * flushed and closed. NumPy maps one byte (or the whole file) to get a
 * buffer; nothing here needs one, so no mapping is made.
 *
 * NumPy's file rules for an empty array of `offset` bytes in:
 * - `'w+'`: the file is created or truncated, then extended to
 *   `max(offset, 1)` bytes;
 * - `'r+'`: the file must exist; it is extended to `max(offset, 1)` bytes when
 *   shorter;
 * - `'r'`, `'c'`: the file must exist and not be empty ("cannot mmap an empty
 *   file"), and `offset` must not pass its end.
 * @module
 */
import * as fs from 'fs';
import { ValueError } from './errors';
import { mapFile, type NativeMode } from './native';
import { requireRegularFile } from './paths';
import { FileStorage, MemoryStorage, closedError, type MappingInfo, type Window } from './storage';

/** The storage of an empty memmap: zero bytes, a file to report, a closed flag. */
export class EmptyMappedStorage extends FileStorage {
  readonly byteLength = 0;
  readonly addressBase: number;
  readonly single: Window;
  /**
   * The file's bytes past `offset` (none, or NumPy's one filler byte) were
   * made by the open, not left by anyone: an append may write over them.
   */
  readonly ownsTail: boolean;

  constructor(info: MappingInfo, ownsTail = false) {
    super(info);
    this.ownsTail = ownsTail;
    this.addressBase = 0;
    this.single = new MemoryStorage(new ArrayBuffer(0)).single;
    Object.freeze(this);
  }

  /** Idempotent; afterwards every access throws the closed-mapping error. */
  close(): void {
    this.markClosed();
  }

  window(): Window {
    if (this.closed) throw closedError(this.mapping);
    return this.single;
  }
}

/**
 * Opens, creates or extends `path` for an empty array at `offset`, by NumPy's
 * rules (see the module comment). `'r+'` and `'w+'` go through the native
 * layer, mapping the `max(offset, 1)` bytes NumPy leaves and unmapping them at
 * once: it refuses what a mapping refuses (FIFOs and other non-regular files,
 * `'w+'` on a file this process still maps, which truncating would kill) and
 * removes a file a failed `'w+'` created. Returns true when the bytes past
 * `offset` are the open's own (see {@link EmptyMappedStorage.ownsTail}).
 */
export function prepareEmptyFile(path: string, mode: NativeMode, offset: number): boolean {
  if (mode === 'r' || mode === 'c') {
    const st = fs.statSync(path);
    requireRegularFile(st, path);
    const size = st.size;
    if (size === 0) throw new ValueError(`cannot mmap an empty file ('${path}')`);
    if (offset > size) throw new ValueError(`mmap offset is greater than file size: offset ${offset}, '${path}' has ${size} bytes`);
    return false;
  }
  let before = 0;
  if (mode === 'r+') {
    try {
      before = fs.statSync(path).size;
    } catch {
      // The native open reports a missing file with the right error.
    }
  }
  mapFile(path, mode, 0, Math.max(offset, 1)).close();
  return mode === 'w+' || before <= offset;
}
