/**
 * `.npz` archives, as NumPy's `savez`, `savez_compressed` and `load`: a ZIP
 * file (zip.ts) whose members are `.npy` files named `<key>.npy`.
 *
 * Writing: each array goes in as `.npy` bytes (the header of npy.ts's
 * saveNpy: C order, or Fortran order for an only-F-contiguous array),
 * stored (`savez`) or raw-deflated (`savezCompressed`, zlib's default level,
 * as Python's zipfile). A stored member streams from the array to the file
 * (its CRC-32 patched into the local header afterwards); a compressed one is
 * built and deflated in memory. The archive is written under a temporary
 * name and renamed over the path (write-file.ts), so an archive that a live
 * array maps is never truncated. As NumPy, a path that does not end in
 * `.npz` gets `.npz` appended.
 *
 * Reading: `load(path)` looks at the magic bytes: a `.npy` file is read into
 * memory (or mapped, with `mmapMode`, through openNpy); a ZIP archive gives
 * an {@link NpzFile}, which has read only the directory: each member is read
 * when asked for, every time it is asked for, as NumPy's `NpzFile`. A
 * stored member (any archive `savez` writes) is mapped at its offset in the
 * archive when `mmapMode` is given (`'r'` or `'c'`; `'r+'` is refused: a
 * write would leave the member's CRC stale) — NumPy ignores `mmap_mode` for
 * archives and always copies; a deflated member is inflated into memory.
 * A member read into memory has its CRC-32 checked; a mapped one does not
 * (that would read it all). Object arrays are refused as NumPy refuses them
 * under `allow_pickle=False` (the only mode: pickles are never read).
 * @module
 */
import { constants as bufferConstants } from 'buffer';
import * as fs from 'fs';
import { getHeapStatistics } from 'v8';
import * as zlib from 'zlib';

import type { NdArray } from '../ndarray';
import { fromDescr, type DType } from '../dtype';
import { AccessError, KeyError, MemoryError, ValueError, describeValue } from '../errors';
import { checkShape, shapeToSize } from '../layout';
import { pyShape } from '../format';
import { allocate, isArray, requireOpen, storageOf } from '../internal';
import { positionalOptions, readKnownOptions } from '../options';
import { checkPath, openRegularFile } from '../paths';
import { asAnyArray } from '../stack-helpers';
import { memmap, type Memmap } from '../memmap';
import { openNpy } from './npy';
import { descrOf, formatHeader, headerLength, MAGIC_PREFIX, parseHeader, type HeaderOptions, type NpyHeader } from './header';
import { replaceFile, writeAll, writeArray } from './write-file';
import {
  centralDirectory,
  LOCAL_CRC_OFFSET,
  localHeader,
  memberNameProblem,
  METHOD_DEFLATED,
  METHOD_STORED,
  readDirectory,
  type WrittenMember,
  type ZipMember,
} from './zip';

/** The arrays of {@link savez}: one (saved as `arr_0`), a list (`arr_0`, `arr_1`, ...), or named by an object's keys. */
export type NpzArrays = NdArray | readonly unknown[] | { readonly [name: string]: unknown };

// ------------------------------------------------------------------ writing

/**
 * JS heap one member takes while savez writes it, at least (its key/array
 * pair, header, name and directory entry objects): a lower bound, so only a
 * count that surely cannot fit is refused.
 */
const MEMBER_HEAP_BYTES = 256;

/**
 * Refuses, before the list is walked, more arrays than the JS heap can hold
 * members for: a list of length 2^32-1 (sparse, or a Proxy) was walked
 * index by index (a hang), or its members listed until V8 aborted.
 */
function checkMemberCount(n: number): void {
  if (n < 1 << 16) return;
  const h = getHeapStatistics();
  const free = h.heap_size_limit - h.used_heap_size;
  if (n * MEMBER_HEAP_BYTES > free) {
    throw new MemoryError(`savez(): ${n} arrays are at least ${n * MEMBER_HEAP_BYTES} bytes of JS heap while the archive is written, more than the ${free} left`);
  }
}

/** The member name of `key`, refused (before any file is touched) when load() would refuse it in the archive. */
function memberName(key: string): string {
  if (key === '' || key.includes('\0')) throw new TypeError(`savez(): array names must be non-empty and without NUL characters, got ${JSON.stringify(key)}`);
  const name = `${key}.npy`;
  const problem = memberNameProblem(name);
  if (problem !== null) {
    throw new ValueError(`savez(): the array name ${JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}...` : key)} is not a plain relative member name (${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}...` : name)} ${problem}), which load() refuses`);
  }
  return name;
}

/** The members to write: member name → array, in order. */
function membersOf(arrays: NpzArrays): [string, NdArray][] {
  if (arrays === null || typeof arrays !== 'object') throw new TypeError(`savez(): arrays must be an NdArray, a list of arrays or an object of named arrays, got ${describeValue(arrays)}`);
  if (Array.isArray(arrays)) {
    const n = arrays.length;
    checkMemberCount(n);
    const out: [string, NdArray][] = [];
    for (let i = 0; i < n; i++) {
      // A hole is not an array (map() skipped holes, walking all 2^32-1 indices of a sparse list).
      if (!(i in arrays)) throw new TypeError(`savez(): arrays[${i}] is required`);
      out.push([`arr_${i}.npy`, asAnyArray(arrays[i])]);
    }
    return out;
  }
  if (isArray(arrays)) return [['arr_0.npy', arrays]];
  const keys = Object.keys(arrays);
  checkMemberCount(keys.length);
  return keys.map((k): [string, NdArray] => [memberName(k), asAnyArray((arrays as Record<string, unknown>)[k])]);
}

function writeNpz(path: string, arrays: NpzArrays, compress: boolean): void {
  checkPath(path);
  const target = path.endsWith('.npz') ? path : `${path}.npz`;
  const list = membersOf(arrays);
  const headers = list.map(([, a]) => {
    requireOpen(a);
    const fortranOrder = a.flags.fContiguous && !a.flags.cContiguous && a.ndim > 1;
    return { fortranOrder, header: formatHeader({ descr: descrOf(a.dtype), fortranOrder, shape: a.shape }) };
  });
  const total = list.reduce((s, [, a], i) => s + a.nbytes + headers[i].header.length, 0);
  replaceFile(target, compress ? 0 : total, (fd) => {
    const written: WrittenMember[] = [];
    let pos = 0;
    const put = (b: Uint8Array, offset = 0, length = b.length): void => {
      writeAll(fd, b, offset, length);
      pos += length;
    };
    list.forEach(([key, a], i) => {
      // A name that is not ASCII is flagged UTF-8 in its headers (zip.ts).
      const { fortranOrder, header } = headers[i];
      const data = fortranOrder ? a.transpose() : a;
      const name = Buffer.from(key, 'utf8');
      const size = header.length + a.nbytes;
      const localOffset = pos;
      if (!compress) {
        const lh = localHeader({ name, method: METHOD_STORED, crc: 0, compressedSize: size, size });
        put(lh);
        let crc = zlib.crc32(header);
        put(header);
        if (a.size !== 0) {
          writeArray(data, (b, o, l) => {
            crc = zlib.crc32(b.subarray(o, o + l), crc);
            put(b, o, l);
          });
        }
        const c = Buffer.alloc(4);
        c.writeUInt32LE(crc >>> 0);
        fs.writeSync(fd, c, 0, 4, localOffset + LOCAL_CRC_OFFSET);
        written.push({ name, method: METHOD_STORED, crc, compressedSize: size, size, localOffset });
      } else {
        const chunks: Buffer[] = [Buffer.from(header)];
        if (a.size !== 0) writeArray(data, (b, o, l) => chunks.push(Buffer.from(b.subarray(o, o + l))));
        const raw = Buffer.concat(chunks, size);
        const crc = zlib.crc32(raw);
        const packed = zlib.deflateRawSync(raw);
        put(localHeader({ name, method: METHOD_DEFLATED, crc, compressedSize: packed.length, size }));
        put(packed);
        written.push({ name, method: METHOD_DEFLATED, crc, compressedSize: packed.length, size, localOffset });
      }
    });
    put(centralDirectory(written, pos));
  });
}

/**
 * NumPy's `np.savez(file, *args, **kwds)`: the arrays in one uncompressed
 * `.npz` archive, a list as `arr_0`, `arr_1`, ... and an object's entries
 * under their keys (`.npz` is appended to a path without it). Values that
 * are not NdArrays go through {@link asarray}. The file is replaced
 * atomically.
 * @example
 * savez('run.npz', { x, y }); load('run.npz').get('x');
 */
export function savez(path: string, arrays: NpzArrays): void {
  writeNpz(path, arrays, false);
}

/** NumPy's `np.savez_compressed`: {@link savez} with every member deflated. */
export function savezCompressed(path: string, arrays: NpzArrays): void {
  writeNpz(path, arrays, true);
}

// ------------------------------------------------------------------ reading

/** Options of {@link load}. */
export interface LoadOptions extends HeaderOptions {
  /**
   * NumPy's `mmap_mode`: `'r'`, `'r+'` or `'c'` maps a `.npy` file (openNpy)
   * instead of reading it; for an `.npz`, `'r'` or `'c'` maps its stored
   * members (NumPy ignores it there). Default: read into memory.
   */
  mmapMode?: 'r' | 'r+' | 'c' | null;
  /** NumPy's `allow_pickle`: only `false` (the default) is supported; object arrays are refused. */
  allowPickle?: false;
  /** NumPy's `fix_imports` (Python 2 pickles only): accepted, a boolean, and without effect here. */
  fixImports?: boolean;
  /** NumPy's `encoding` (Python 2 pickles only): `'ASCII'` (default), `'latin1'` or `'bytes'`, without effect here. */
  encoding?: 'ASCII' | 'latin1' | 'bytes';
}

const PICKLE_REFUSED = 'Object arrays cannot be loaded when allow_pickle=False';

function checkAllowPickle(v: unknown): void {
  if (v !== undefined && v !== false) throw new ValueError(`allowPickle: only false is supported (object arrays and pickles are never read), got ${describeValue(v)}`);
}

/** What shows a file written in place: its size and modification time (nanoseconds). */
interface ArchiveStamp {
  readonly size: bigint;
  readonly mtimeNs: bigint;
}

function stampOf(fd: number): ArchiveStamp {
  const st = fs.fstatSync(fd, { bigint: true });
  return { size: st.size, mtimeNs: st.mtimeNs };
}

/**
 * An open `.npz` archive, as NumPy's `NpzFile`: {@link files} lists the
 * keys (`x` for the member `x.npy`), {@link get} reads one member each time
 * it is called. Holds the file open until {@link close}.
 */
export class NpzFile {
  /** The archive's path. */
  readonly path: string;
  /** The member keys: names with `.npy` removed, as NumPy's `NpzFile.files`. */
  readonly files: readonly string[];
  #fd: number | null;
  readonly #members: ReadonlyMap<string, ZipMember>;
  readonly #mmapMode: 'r' | 'c' | null;
  readonly #headerOptions: HeaderOptions;
  /** The archive's size and modification time when its directory was read. */
  readonly #written: ArchiveStamp;

  /** @internal Built by {@link load}. */
  constructor(path: string, fd: number, members: readonly ZipMember[], mmapMode: 'r' | 'c' | null, headerOptions: HeaderOptions, written: ArchiveStamp) {
    this.path = path;
    this.#fd = fd;
    this.#written = written;
    this.#members = new Map(members.map((m) => [m.name, m]));
    this.files = Object.freeze(members.map((m) => (m.name.endsWith('.npy') ? m.name.slice(0, -4) : m.name)));
    this.#mmapMode = mmapMode;
    this.#headerOptions = headerOptions;
  }

  /** The keys, as {@link files}. */
  keys(): string[] {
    return [...this.files];
  }

  /** Whether `key` (with or without `.npy`) names a member. */
  has(key: string): boolean {
    return this.#members.has(key) || this.#members.has(`${key}.npy`);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.files[Symbol.iterator]();
  }

  /** Closes the archive (idempotent); arrays already read or mapped stay valid. */
  close(): void {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
  }

  /** `using z = load(path)` closes the archive at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#fd === null;
  }

  #member(key: string): ZipMember {
    if (typeof key !== 'string') throw new TypeError(`NpzFile.get(): key must be a string, got ${describeValue(key)}`);
    const m = this.#members.get(key) ?? (this.#members.has(`${key}.npy`) ? this.#members.get(`${key}.npy`) : undefined);
    if (m === undefined) throw new KeyError(`${key} is not a file in the archive`);
    return m;
  }

  #readAt(position: number, length: number): Buffer {
    if (this.#fd === null) throw new AccessError('ERR_CLOSED', `NpzFile '${this.path}' is closed`);
    return readAt(this.#fd, position, length);
  }

  /** The raw bytes of a member (any member, `.npy` or not), inflated and CRC-checked. */
  bytes(key: string): Buffer {
    const m = this.#member(key);
    this.#requireBufferable(m);
    const raw = this.#readAt(m.dataOffset, m.compressedSize);
    if (raw.length !== m.compressedSize) throw this.#bad(m, `ends after ${raw.length} of its ${m.compressedSize} bytes`);
    const data = m.method === METHOD_STORED ? raw : this.#inflate(m, raw);
    if (zlib.crc32(data) >>> 0 !== m.crc >>> 0) throw this.#bad(m, 'fails its CRC-32 check (damaged data)');
    return data;
  }

  /** A member read whole into memory must fit one Buffer (4 GiB here): past it Buffer.alloc and inflate threw Node's own RangeErrors. */
  #requireBufferable(m: ZipMember): void {
    const bytes = Math.max(m.size, m.compressedSize);
    if (bytes > bufferConstants.MAX_LENGTH) {
      throw new MemoryError(
        `Unable to allocate ${(bytes / 2 ** 30).toFixed(1)} GiB for member ${JSON.stringify(m.name)} of '${this.path}': a member read whole into memory holds at most ${bufferConstants.MAX_LENGTH} bytes` +
          (m.method === METHOD_STORED ? ' (get() reads a stored .npy member into an array, or maps it with mmapMode)' : ''),
      );
    }
  }

  /**
   * memmap opens the archive again by its path, which must still be the file
   * this NpzFile read the directory of: savez over the path renames a new
   * archive into place, whose bytes at the old member's offset are another
   * array's (they were mapped silently). Nor may it have been written in
   * place since (a new archive written over the old one's bytes): the
   * directory read at load() no longer says where the members are, and the
   * bytes at the old offset were mapped as the member when they happened to
   * parse as a .npy header.
   */
  #requireSameFile(): void {
    const open = fs.fstatSync(this.#fd ?? -1);
    const now = fs.statSync(this.path);
    if (open.ino !== now.ino || open.dev !== now.dev) {
      throw new ValueError(`'${this.path}' is no longer the archive load() opened (it was replaced since): mmapMode maps members through the path; load() it again`);
    }
    const stamp = stampOf(this.#fd ?? -1);
    if (stamp.size !== this.#written.size || stamp.mtimeNs !== this.#written.mtimeNs) {
      throw new ValueError(
        `'${this.path}' changed since load() read its directory (written in place: ${this.#written.size} bytes then, ${stamp.size} now): mmapMode maps members at the offsets that directory gave; load() it again`,
      );
    }
  }

  #bad(m: ZipMember, detail: string): ValueError {
    return new ValueError(`member ${JSON.stringify(m.name)} of '${this.path}' ${detail}`);
  }

  #inflate(m: ZipMember, raw: Buffer): Buffer {
    let out: Buffer;
    try {
      // Never more than the member claims: a stream that inflates past it is refused, not followed.
      out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, m.size) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw this.#bad(m, `inflates past its declared ${m.size} bytes (a zip bomb?)`);
      throw this.#bad(m, `does not inflate: ${(e as Error).message}`);
    }
    if (out.length !== m.size) throw this.#bad(m, `inflates to ${out.length} bytes, not its declared ${m.size}`);
    return out;
  }

  /** Whether a member's data starts with the .npy magic (a deflated member is inflated whole to see). */
  #startsWithMagic(m: ZipMember, key: string): boolean {
    const head = m.method === METHOD_STORED ? this.#readAt(m.dataOffset, Math.min(MAGIC_PREFIX.length, m.size)) : this.bytes(key).subarray(0, MAGIC_PREFIX.length);
    return head.length === MAGIC_PREFIX.length && head.equals(MAGIC_PREFIX);
  }

  /**
   * The array stored under `key` (`x` or `x.npy`), read now: mapped when the
   * archive was loaded with `mmapMode` and the member is stored, else a new
   * array in memory.
   * A member is read as an array when its name ends in `.npy` or, as NumPy's
   * `NpzFile` reads it, when its bytes start with the `.npy` magic; any other
   * member's bytes are {@link bytes}.
   * @throws KeyError `x is not a file in the archive`; ValueError for a member that is not a valid `.npy` (or an object array); AccessError after close().
   */
  get(key: string): NdArray {
    const m = this.#member(key);
    const source = `${this.path}[${m.name}]`;
    // As NumPy's NpzFile: any member whose bytes start with the .npy magic is an array, whatever its name.
    if (!m.name.endsWith('.npy') && !this.#startsWithMagic(m, key)) {
      throw new ValueError(`member ${JSON.stringify(m.name)} of '${this.path}' is not a .npy file (its bytes do not start with the .npy magic): read its bytes with bytes(${JSON.stringify(key)})`);
    }
    if (m.method === METHOD_STORED) {
      // Before the header is read: the directory's offset must still be this member's.
      if (this.#mmapMode !== null) this.#requireSameFile();
      const prefix = this.#readAt(m.dataOffset, Math.min(12, m.size));
      const hlen = Math.min(headerLength(prefix, source, this.#headerOptions), m.size);
      const h = npyHeader(this.#readAt(m.dataOffset, hlen), source, this.#headerOptions);
      const { dt, shape, nbytes } = layoutOf(h, source, m.size);
      if (this.#mmapMode !== null) {
        // Checked before and after the path is opened, so the mapping is of the file whose directory was read.
        this.#requireSameFile();
        const mapped = memmap(this.path, { dtype: dt, mode: this.#mmapMode, offset: m.dataOffset + h.dataOffset, shape: h.shape, order: h.fortranOrder ? 'F' : 'C' });
        try {
          this.#requireSameFile();
        } catch (e) {
          mapped.close();
          throw e;
        }
        return mapped;
      }
      const a = allocate(elementOf(dt), shape, h.fortranOrder ? 'F' : 'C', true);
      let crc = zlib.crc32(this.#readAt(m.dataOffset, h.dataOffset));
      crc = readInto(this.#fd ?? -1, a, m.dataOffset + h.dataOffset, nbytes, crc);
      // Bytes past the array's (NumPy ignores them) still count in the CRC.
      const rest = m.size - h.dataOffset - nbytes;
      if (rest > 0) crc = zlib.crc32(this.#readAt(m.dataOffset + h.dataOffset + nbytes, rest), crc);
      if (crc >>> 0 !== m.crc >>> 0) throw this.#bad(m, 'fails its CRC-32 check (damaged data)');
      return a;
    }
    const data = this.bytes(key);
    const h = npyHeader(data, source, this.#headerOptions);
    const { dt, shape, nbytes } = layoutOf(h, source, data.length);
    const a = allocate(elementOf(dt), shape, h.fortranOrder ? 'F' : 'C', true);
    if (nbytes > 0) storageOf(a).single!.bytes.set(data.subarray(h.dataOffset, h.dataOffset + nbytes));
    return a;
  }
}

function npyHeader(bytes: Uint8Array, source: string, options: HeaderOptions): NpyHeader {
  try {
    return parseHeader(bytes, source, options);
  } catch (e) {
    // NumPy's refusal of object arrays under allow_pickle=False, then which member.
    if (e instanceof ValueError && /holds the object dtype/.test(e.message)) throw new ValueError(`${PICKLE_REFUSED}: ${source} holds an object array`);
    throw e;
  }
}

function elementOf(dt: DType): DType {
  return dt.shape.length > 0 ? dt.base : dt;
}

/** The dtype, full shape and data bytes of a member's header, checked against the member's `size`. */
function layoutOf(h: NpyHeader, source: string, size: number): { dt: DType; shape: number[]; nbytes: number } {
  let dt: DType;
  let shape: number[];
  try {
    dt = fromDescr(h.descr);
    shape = checkShape([...h.shape, ...dt.shape]);
  } catch (e) {
    throw new ValueError(`invalid .npy header in ${source}: ${(e as Error).message}`);
  }
  const count = shapeToSize(shape);
  const nbytes = count * elementOf(dt).itemsize;
  if (h.dataOffset + nbytes > size) {
    throw new ValueError(
      `Failed to read all data for array. Expected ${pyShape(h.shape)} = ${count} elements, could only read ` +
        `${Math.floor(Math.max(0, size - h.dataOffset) / elementOf(dt).itemsize)} elements. (file seems not fully written?): ${source} is ${size} bytes`,
    );
  }
  return { dt, shape, nbytes };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const got = fs.readSync(fd, b, done, length - done, position + done);
    if (got === 0) break;
    done += got;
  }
  return done === length ? b : b.subarray(0, done);
}

/** Reads `n` bytes at `position` into `a`'s memory, a window piece at a time; returns the CRC-32 carried on from `crc`. */
function readInto(fd: number, a: NdArray, position: number, n: number, crc: number): number {
  const st = storageOf(a);
  for (let pos = a.offset, end = a.offset + n; pos < end; ) {
    const len = Math.min(1 << 28, end - pos);
    const w = st.single ?? st.window(pos, len);
    const got = fs.readSync(fd, w.bytes, pos - w.start, len, position + (pos - a.offset));
    if (got === 0) throw new ValueError(`the archive ended at byte ${position + (pos - a.offset)} while reading a member (the file shrank?)`);
    crc = zlib.crc32(w.bytes.subarray(pos - w.start, pos - w.start + got), crc);
    pos += got;
  }
  return crc;
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\x05\x06', 'latin1');

/**
 * NumPy's `np.load(file, mmap_mode=None, allow_pickle=False)`: a `.npy`
 * file's array (in memory, or mapped with `mmapMode`), or an
 * {@link NpzFile} for a `.npz` archive. Anything else is refused as NumPy
 * refuses a pickle under `allow_pickle=False`.
 * @throws ValueError for a file that is neither, a damaged or hostile archive (naming the file), an object array; fs errors naming the file.
 */
export function load(
  path: string,
  mmapMode?: LoadOptions['mmapMode'] | LoadOptions,
  allowPickle?: false | LoadOptions | null,
  fixImports?: boolean | LoadOptions | null,
  encoding?: LoadOptions['encoding'] | LoadOptions | null,
  options?: LoadOptions,
): NdArray | Memmap | NpzFile;
export function load(path: string, options?: LoadOptions): NdArray | Memmap | NpzFile;
export function load(path: string, ...rest: unknown[]): NdArray | Memmap | NpzFile {
  // NumPy's positional mmap_mode, allow_pickle, fix_imports and encoding (np.load(p, 'r')), or the options.
  const o = readKnownOptions(positionalOptions<LoadOptions>('load', ['mmapMode', 'allowPickle', 'fixImports', 'encoding'], rest), ['mmapMode', 'allowPickle', 'fixImports', 'encoding', 'maxHeaderSize'], 'load');
  // The two pickle parameters change nothing without pickles; NumPy checks encoding first.
  if (o.encoding !== undefined && o.encoding !== 'ASCII' && o.encoding !== 'latin1' && o.encoding !== 'bytes') throw new ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'");
  if (o.fixImports !== undefined && typeof o.fixImports !== 'boolean') throw new TypeError(`load(): fixImports must be a boolean, got ${describeValue(o.fixImports)}`);
  checkPath(path);
  checkAllowPickle(o.allowPickle);
  const mode = o.mmapMode ?? null;
  if (mode !== null && mode !== 'r' && mode !== 'r+' && mode !== 'c') throw new ValueError(`mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got ${describeValue(mode)}); load takes 'r', 'r+' or 'c'`);
  const headerOptions: HeaderOptions = o.maxHeaderSize === undefined ? {} : { maxHeaderSize: o.maxHeaderSize };
  const { fd, size } = openRegularFile(path, 'load reads regular files only');
  let keep = false;
  try {
    const magic = readAt(fd, 0, 6);
    if (magic.length === 0) throw new ValueError(`No data left in file: '${path}' is empty`);
    if (magic.subarray(0, 4).equals(ZIP_MAGIC) || magic.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
      if (mode === 'r+') throw new ValueError(`mmapMode 'r+' cannot map members of an archive ('${path}'): a write would not update the member's CRC; use 'r' or 'c'`);
      // Stamped before the directory is read: a write meanwhile shows as a change.
      const written = stampOf(fd);
      const members = readDirectory((p, n) => readAt(fd, p, n), size, path);
      keep = true;
      return new NpzFile(path, fd, members, mode, headerOptions, written);
    }
    if (magic.length === 6 && Buffer.from(magic).equals(Buffer.from(MAGIC_PREFIX))) {
      const m = openNpy(path, { mode: mode ?? 'r', ...headerOptions });
      if (mode !== null) return m;
      try {
        return m.astype(m.dtype, { order: 'K', subok: false });
      } finally {
        m.close();
      }
    }
    throw new ValueError(
      'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`. ' +
        `('${path}' is neither a .npy file nor a .npz archive; pickles are never read)`,
    );
  } catch (e) {
    if (e instanceof ValueError && /holds the object dtype/.test(e.message)) throw new ValueError(`${PICKLE_REFUSED}: '${path}' holds an object array`);
    throw e;
  } finally {
    if (!keep) fs.closeSync(fd);
  }
}
