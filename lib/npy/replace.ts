/**
 * Replacing a file safely, as saveNpy/createNpy (npy.ts) and saveNpyAsync
 * (async.ts) do: build the new file under a fresh temporary name beside the
 * real target (a symbolic link is followed), keep the old file's permission
 * bits, rename it into place, then make the rename durable. Apart from npy.ts
 * so that async.ts reaches it without loading memmap.ts (and so ndarray.ts).
 * @module
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as nodePath from 'path';
import { checkPath, requireRegularFile } from '../paths';

/**
 * Where a replacement of `target` goes: the real file behind it (a symbolic
 * link is followed), a fresh temporary name in the same folder, and the
 * permission bits to give the new file (the old file's, else 0666 & ~umask).
 * Refuses a target the caller could not write, as open(path, 'w') would.
 * Shared by saveNpy/createNpy (npy.ts) and saveNpyAsync (async.ts).
 */
export function replacementOf(target: string, bytes = 0): { dest: string; tmp: string; mode: number } {
  checkPath(target);
  let dest = target;
  let mode = 0o666 & ~process.umask();
  let exists = true;
  try {
    dest = fs.realpathSync(target);
    const st = fs.statSync(dest);
    // A folder would only fail at the rename, after the whole file was written
    // beside it. A device, FIFO or socket would be replaced by a regular file
    // (as root, saveNpy('/dev/null', a) put a file in place of the device):
    // refused as memmap refuses them, before anything is written.
    if (!st.isFile()) requireRegularFile(st, target, 'saving replaces the target with a new regular file, which would remove it');
    mode = st.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    exists = false;
  }
  // A rename would replace a file we may not write: refuse as open(path, 'w') would.
  if (exists) fs.accessSync(dest, fs.constants.W_OK);
  requireRoom(dest, target, bytes);
  const tmp = nodePath.join(nodePath.dirname(dest), `.${nodePath.basename(dest)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  return { dest, tmp, mode };
}

/**
 * Refuses, before a byte is written, a replacement of `bytes` bytes that its
 * filesystem has no room for: a one-element array broadcast to 2^50
 * elements would otherwise fill the disk before write() failed (the old file
 * keeps its blocks until the rename, so the new one needs all of its own).
 * Best effort: the free space is read once, and a filesystem that cannot say
 * is not checked (write() still fails with ENOSPC, and the temporary file is
 * removed).
 */
function requireRoom(dest: string, target: string, bytes: number): void {
  if (bytes <= 0) return;
  let free: number;
  try {
    const s = fs.statfsSync(nodePath.dirname(dest));
    // Root may also write into the blocks reserved for it.
    free = (process.getuid?.() === 0 ? s.bfree : s.bavail) * s.bsize;
  } catch {
    return;
  }
  if (!(bytes > free)) return;
  const e = new Error(
    `ENOSPC: no space left on device, saving '${target}' needs ${bytes} bytes and its filesystem has ${free} free; nothing was written`,
  ) as NodeJS.ErrnoException;
  e.code = 'ENOSPC';
  e.errno = -28;
  e.syscall = 'write';
  e.path = target;
  throw e;
}

/** Makes a rename durable (fsync of the folder entry itself); best effort where folders cannot be opened. */
export function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a folder; the data file itself is synced.
  } finally {
    fs.closeSync(fd);
  }
}
