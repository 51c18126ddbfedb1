/**
 * The ZIP container of `.npz` files (PKWARE APPNOTE 6.3), the subset NumPy's
 * `savez` writes and `load` reads, by hand over `node:zlib`:
 *
 * ```
 * [local header 1][data 1] ... [local header n][data n]
 * [central directory: one entry per member]
 * [zip64 end record][zip64 locator]     only when a count, size or offset needs it
 * [end of central directory record]     last, maybe followed by a comment
 * ```
 *
 * Members are stored (method 0) or deflated (method 8, raw deflate); each
 * carries the CRC-32 of its uncompressed bytes. A size or offset at or past
 * 0xFFFFFFFF is 0xFFFFFFFF in its 32-bit field and the real value in the
 * entry's zip64 extra field (id 0x0001), as APPNOTE 4.5.3 says: in a local
 * header both sizes, in a central entry only the fields that overflowed, in
 * the order uncompressed size, compressed size, local header offset.
 *
 * The reader trusts nothing in the file: the end record is looked for only
 * in the last 64 KiB + 22 bytes; every offset and size must lie inside the
 * file (members before the central directory, which lies before the end
 * record); a local header must carry its signature and the central entry's
 * name; members may not overlap (the overlapping-member zip bomb); a stored
 * member's two sizes must agree, and a deflated member cannot claim more
 * than deflate's largest ratio (1032:1) allows; encryption, other methods,
 * multi-disk archives, duplicate names and names that are not plain relative
 * names (NUL or control characters, a leading '/', a '..' part, a
 * backslash) are refused. Every error is a ValueError naming the file.
 * @module
 */
import { ValueError } from '../errors';

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
export const ZIP64_END_SIG = 0x06064b50;
export const ZIP64_LOCATOR_SIG = 0x07064b50;
export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_SIZE = 22;
export const ZIP64_END_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;
/** The largest end-record comment: the end record lies in the last END_SIZE + MAX_COMMENT bytes. */
export const MAX_COMMENT = 0xffff;
export const ZIP64_EXTRA_ID = 0x0001;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;
/** General purpose flag bits: encrypted (bit 0), data descriptor follows (bit 3), UTF-8 names (bit 11). */
export const FLAG_ENCRYPTED = 0x1;
export const FLAG_UTF8 = 0x800;
/** Deflate cannot expand more than about 1032:1 (a 258-byte match per 2 bits, plus block overhead). */
export const MAX_DEFLATE_RATIO = 1032;
/** 1980-01-01 00:00, the DOS date NumPy's members carry (zipfile.ZipInfo's default date_time). */
export const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

let zip64Threshold = U32_MAX;

/**
 * @internal Tests only: sizes and offsets at or past `bytes` go to zip64
 * fields (default 0xFFFFFFFF), so the zip64 paths run without 4 GiB files.
 * Returns the previous value.
 */
export function setZip64Threshold(bytes: number): number {
  const old = zip64Threshold;
  zip64Threshold = bytes;
  return old;
}

/** Whether a size or offset needs a zip64 field. */
export function needsZip64(n: number): boolean {
  return n >= zip64Threshold;
}

// ------------------------------------------------------------------ writing

/** One member as the writer saw it: what its central entry says. */
export interface WrittenMember {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function putU64(b: Buffer, at: number, v: number): void {
  b.writeBigUInt64LE(BigInt(v), at);
}

/** A local header for `m` (its crc may be 0 and patched later at offset 14). */
export function localHeader(m: Omit<WrittenMember, 'localOffset'>): Buffer {
  const z64 = needsZip64(m.size) || needsZip64(m.compressedSize);
  const extra = z64 ? 20 : 0;
  const b = Buffer.alloc(LOCAL_HEADER_SIZE + m.name.length + extra);
  b.writeUInt32LE(LOCAL_SIG, 0);
  b.writeUInt16LE(z64 ? 45 : 20, 4);
  b.writeUInt16LE(isAscii(m.name) ? 0 : FLAG_UTF8, 6);
  b.writeUInt16LE(m.method, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(DOS_DATE_1980, 12);
  b.writeUInt32LE(m.crc >>> 0, 14);
  b.writeUInt32LE(z64 ? U32_MAX : m.compressedSize, 18);
  b.writeUInt32LE(z64 ? U32_MAX : m.size, 22);
  b.writeUInt16LE(m.name.length, 26);
  b.writeUInt16LE(extra, 28);
  m.name.copy(b, LOCAL_HEADER_SIZE);
  if (z64) {
    const at = LOCAL_HEADER_SIZE + m.name.length;
    b.writeUInt16LE(ZIP64_EXTRA_ID, at);
    b.writeUInt16LE(16, at + 2);
    putU64(b, at + 4, m.size);
    putU64(b, at + 12, m.compressedSize);
  }
  return b;
}

/** Offset of the CRC field in a local header. */
export const LOCAL_CRC_OFFSET = 14;

function isAscii(name: Buffer): boolean {
  return name.every((c) => c < 0x80);
}

/** The central directory and end record(s) for `members`, the directory starting at `cdOffset`. */
export function centralDirectory(members: readonly WrittenMember[], cdOffset: number): Buffer {
  const parts: Buffer[] = [];
  for (const m of members) {
    const fields: number[] = [];
    if (needsZip64(m.size)) fields.push(m.size);
    if (needsZip64(m.compressedSize)) fields.push(m.compressedSize);
    if (needsZip64(m.localOffset)) fields.push(m.localOffset);
    const extra = fields.length > 0 ? 4 + 8 * fields.length : 0;
    const b = Buffer.alloc(CENTRAL_HEADER_SIZE + m.name.length + extra);
    const version = fields.length > 0 || needsZip64(m.size) ? 45 : 20;
    b.writeUInt32LE(CENTRAL_SIG, 0);
    b.writeUInt16LE((3 << 8) | version, 4); // made by: Unix, as Python's zipfile
    b.writeUInt16LE(version, 6);
    b.writeUInt16LE(isAscii(m.name) ? 0 : FLAG_UTF8, 8);
    b.writeUInt16LE(m.method, 10);
    b.writeUInt16LE(0, 12);
    b.writeUInt16LE(DOS_DATE_1980, 14);
    b.writeUInt32LE(m.crc >>> 0, 16);
    b.writeUInt32LE(needsZip64(m.compressedSize) ? U32_MAX : m.compressedSize, 20);
    b.writeUInt32LE(needsZip64(m.size) ? U32_MAX : m.size, 24);
    b.writeUInt16LE(m.name.length, 28);
    b.writeUInt16LE(extra, 30);
    b.writeUInt16LE(0, 32);
    b.writeUInt16LE(0, 34);
    b.writeUInt16LE(0, 36);
    b.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    b.writeUInt32LE(needsZip64(m.localOffset) ? U32_MAX : m.localOffset, 42);
    m.name.copy(b, CENTRAL_HEADER_SIZE);
    if (extra > 0) {
      const at = CENTRAL_HEADER_SIZE + m.name.length;
      b.writeUInt16LE(ZIP64_EXTRA_ID, at);
      b.writeUInt16LE(8 * fields.length, at + 2);
      fields.forEach((v, k) => putU64(b, at + 4 + 8 * k, v));
    }
    parts.push(b);
  }
  const cdSize = parts.reduce((s, b) => s + b.length, 0);
  const count = members.length;
  const z64 = count >= U16_MAX || needsZip64(cdSize) || needsZip64(cdOffset);
  if (z64) {
    const rec = Buffer.alloc(ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE);
    rec.writeUInt32LE(ZIP64_END_SIG, 0);
    putU64(rec, 4, ZIP64_END_SIZE - 12);
    rec.writeUInt16LE((3 << 8) | 45, 12);
    rec.writeUInt16LE(45, 14);
    putU64(rec, 24, count);
    putU64(rec, 32, count);
    putU64(rec, 40, cdSize);
    putU64(rec, 48, cdOffset);
    rec.writeUInt32LE(ZIP64_LOCATOR_SIG, ZIP64_END_SIZE);
    putU64(rec, ZIP64_END_SIZE + 8, cdOffset + cdSize);
    rec.writeUInt32LE(1, ZIP64_END_SIZE + 16);
    parts.push(rec);
  }
  const end = Buffer.alloc(END_SIZE);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(z64 ? U16_MAX : count, 8);
  end.writeUInt16LE(z64 ? U16_MAX : count, 10);
  end.writeUInt32LE(z64 ? U32_MAX : cdSize, 12);
  end.writeUInt32LE(z64 ? U32_MAX : cdOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

// ------------------------------------------------------------------ reading

/** One member of an archive, checked against the file: where its data lies and how it is stored. */
export interface ZipMember {
  /** The name in the archive. */
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** File offset of the member's first data byte (after its local header). */
  dataOffset: number;
}

/** Reads `length` bytes of the file at `position` (fewer only at its end). */
export type ReadAt = (position: number, length: number) => Buffer;

function bad(path: string, detail: string): ValueError {
  return new ValueError(`'${path}' is not a valid .npz (zip) archive: ${detail}`);
}

function u64(b: Buffer, at: number, path: string, what: string): number {
  const v = b.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw bad(path, `${what} ${v} is past 2^53`);
  return Number(v);
}

/** Finds the end record: the last signature in the tail whose comment length reaches exactly the end of the file. */
function findEnd(readAt: ReadAt, size: number, path: string): { at: number; end: Buffer } {
  if (size < END_SIZE) throw bad(path, `${size} bytes is too short for a zip end record (${END_SIZE} bytes)`);
  const tailStart = Math.max(0, size - END_SIZE - MAX_COMMENT);
  const tail = readAt(tailStart, size - tailStart);
  for (let i = tail.length - END_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_SIG) continue;
    if (i + END_SIZE + tail.readUInt16LE(i + 20) !== tail.length) continue;
    return { at: tailStart + i, end: tail.subarray(i, i + END_SIZE) };
  }
  throw bad(path, 'no end of central directory record in its last 64 KiB');
}

/**
 * Why `name` is not a plain relative member name (what NumPy writes:
 * `arr_0.npy`, `x.npy`, `a/b.npy`), or null when it is one: the reader
 * refuses such names and savez refuses to write them, so what savez writes
 * load reads.
 */
export function memberNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'holds a NUL or control character';
  if (name.includes('\\')) return 'holds a backslash';
  if (name.startsWith('/')) return "starts with '/'";
  if (name.split('/').includes('..')) return "has a '..' part";
  if (Buffer.byteLength(name, 'utf8') > U16_MAX) return `is ${Buffer.byteLength(name, 'utf8')} bytes of UTF-8, more than a zip name holds (${U16_MAX})`;
  return null;
}

function checkName(name: string, path: string): void {
  if (memberNameProblem(name) !== null) throw bad(path, `member name ${JSON.stringify(name)} is not a plain relative name`);
}

/**
 * Bytes of the central directory read at a time: the directory is walked
 * through a window of this size (an entry is at most 46 + 3 * 65535 bytes),
 * never read whole, as a sparse file's end record may claim gigabytes of it.
 */
const CD_WINDOW = 1 << 20;

/**
 * The members of the archive `path` of `size` bytes, each checked as the
 * module's notes say. `readAt` reads the file.
 */
export function readDirectory(readAtShort: ReadAt, size: number, path: string): ZipMember[] {
  // The file may shrink after it was stat'ed: a short read is its own error, not a RangeError of a Buffer read.
  const readAt: ReadAt = (position, length) => {
    const b = readAtShort(position, length);
    if (b.length < length) throw bad(path, `it ends at byte ${position + b.length}, before the ${length} bytes at offset ${position} its directory locates (the file shrank?)`);
    return b;
  };
  const { at: endAt, end } = findEnd(readAt, size, path);
  if (end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0) throw bad(path, 'multi-disk archives are not supported');
  let count = end.readUInt16LE(10);
  let cdSize = end.readUInt32LE(12);
  let cdOffset = end.readUInt32LE(16);
  let cdLimit = endAt;
  if (endAt >= ZIP64_LOCATOR_SIZE) {
    const loc = readAt(endAt - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
    if (loc.readUInt32LE(0) === ZIP64_LOCATOR_SIG) {
      const recAt = u64(loc, 8, path, 'zip64 end record offset');
      if (recAt + ZIP64_END_SIZE > endAt - ZIP64_LOCATOR_SIZE) throw bad(path, `zip64 end record offset ${recAt} is past the locator`);
      const rec = readAt(recAt, ZIP64_END_SIZE);
      if (rec.readUInt32LE(0) !== ZIP64_END_SIG) throw bad(path, `no zip64 end record at offset ${recAt}`);
      count = u64(rec, 32, path, 'member count');
      cdSize = u64(rec, 40, path, 'central directory size');
      cdOffset = u64(rec, 48, path, 'central directory offset');
      cdLimit = recAt;
    }
  }
  if (cdOffset + cdSize > cdLimit) throw bad(path, `central directory [${cdOffset}, ${cdOffset + cdSize}) runs past its end record at ${cdLimit}`);
  if (count * CENTRAL_HEADER_SIZE > cdSize) throw bad(path, `${count} members cannot fit a ${cdSize}-byte central directory`);
  let win: Buffer = Buffer.alloc(0);
  let winStart = 0;
  /** Bytes [p, p + n) of the directory (p from its start; p + n <= cdSize). */
  const cd = (p: number, n: number): Buffer => {
    if (p < winStart || p + n > winStart + win.length) {
      win = readAt(cdOffset + p, Math.min(Math.max(n, CD_WINDOW), cdSize - p));
      winStart = p;
    }
    return win.subarray(p - winStart, p - winStart + n);
  };
  const members: ZipMember[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + CENTRAL_HEADER_SIZE > cdSize || cd(p, 4).readUInt32LE(0) !== CENTRAL_SIG) throw bad(path, `central directory entry ${k} is missing or damaged (offset ${cdOffset + p})`);
    const head = cd(p, CENTRAL_HEADER_SIZE);
    const flags = head.readUInt16LE(8);
    const method = head.readUInt16LE(10);
    const crc = head.readUInt32LE(16);
    let compressedSize = head.readUInt32LE(20);
    let usize = head.readUInt32LE(24);
    const nameLen = head.readUInt16LE(28);
    const extraLen = head.readUInt16LE(30);
    const commentLen = head.readUInt16LE(32);
    let localOffset = head.readUInt32LE(42);
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;
    if (next > cdSize) throw bad(path, `central directory entry ${k} runs past the directory`);
    const rawName = cd(p + CENTRAL_HEADER_SIZE, nameLen);
    const name = rawName.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    checkName(name, path);
    if (flags & FLAG_ENCRYPTED) throw bad(path, `member ${JSON.stringify(name)} is encrypted`);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATED) throw bad(path, `member ${JSON.stringify(name)} uses compression method ${method} (only stored, 0, and deflate, 8, are read)`);
    // The zip64 extra field: the 32-bit fields at 0xFFFFFFFF, in order.
    const extra = cd(p + CENTRAL_HEADER_SIZE + nameLen, extraLen);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (e + 4 + len > extra.length) throw bad(path, `member ${JSON.stringify(name)} has a damaged extra field`);
      if (id === ZIP64_EXTRA_ID) {
        let q = e + 4;
        const take = (what: string): number => {
          if (q + 8 > e + 4 + len) throw bad(path, `member ${JSON.stringify(name)}: its zip64 field lacks the ${what}`);
          const v = u64(extra, q, path, what);
          q += 8;
          return v;
        };
        if (usize === U32_MAX) usize = take('size');
        if (compressedSize === U32_MAX) compressedSize = take('compressed size');
        if (localOffset === U32_MAX) localOffset = take('local header offset');
      }
      e += 4 + len;
    }
    if (names.has(name)) throw bad(path, `member name ${JSON.stringify(name)} appears twice`);
    names.add(name);
    if (localOffset + LOCAL_HEADER_SIZE > cdOffset) throw bad(path, `member ${JSON.stringify(name)}: local header offset ${localOffset} is past the member area (which ends at ${cdOffset})`);
    const local = readAt(localOffset, LOCAL_HEADER_SIZE);
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw bad(path, `member ${JSON.stringify(name)}: no local header at offset ${localOffset}`);
    const localNameLen = local.readUInt16LE(26);
    const dataOffset = localOffset + LOCAL_HEADER_SIZE + localNameLen + local.readUInt16LE(28);
    if (localNameLen !== nameLen || !readAt(localOffset + LOCAL_HEADER_SIZE, nameLen).equals(rawName)) {
      throw bad(path, `member ${JSON.stringify(name)}: its local header names another member`);
    }
    if (dataOffset + compressedSize > cdOffset) {
      throw bad(path, `member ${JSON.stringify(name)}: ${compressedSize} bytes from offset ${dataOffset} run past the member area (which ends at ${cdOffset})`);
    }
    if (method === METHOD_STORED && compressedSize !== usize) throw bad(path, `stored member ${JSON.stringify(name)} claims ${usize} bytes but holds ${compressedSize}`);
    if (method === METHOD_DEFLATED && usize > compressedSize * MAX_DEFLATE_RATIO + 1024) {
      throw bad(path, `member ${JSON.stringify(name)} claims ${usize} bytes from ${compressedSize} compressed, more than deflate can expand (a zip bomb?)`);
    }
    members.push({ name, method, crc, compressedSize, size: usize, localOffset, dataOffset });
    p = next;
  }
  // Members may not share bytes: overlapping members are the non-recursive zip bomb.
  const byOffset = [...members].sort((a, b) => a.localOffset - b.localOffset);
  for (let k = 1; k < byOffset.length; k++) {
    const prev = byOffset[k - 1];
    if (byOffset[k].localOffset < prev.dataOffset + prev.compressedSize) {
      throw bad(path, `members ${JSON.stringify(prev.name)} and ${JSON.stringify(byOffset[k].name)} overlap (a zip bomb?)`);
    }
  }
  return members;
}
