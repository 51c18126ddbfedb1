/**
 * Reading a `.npy` file's header from disk: open without blocking, refuse
 * anything but a regular file, read the fixed prefix, then exactly the
 * header's length (capped by header.ts) and parse it. Apart from npy.ts so
 * that append.ts can read a header without loading npy.ts (which loads
 * append.ts to track the memmaps it opens).
 * @module
 */
import * as fs from 'fs';
import { checkPath, openRegularFile } from '../paths';
import { headerLength, parseHeader, type HeaderOptions, type NpyHeader } from './header';

/** Reads just the header of a `.npy` file. */
export function readNpyHeader(path: string, options: HeaderOptions = {}): NpyHeader {
  checkPath(path);
  // A FIFO, a socket or any other non-regular file is refused before any read.
  const { fd, size } = openRegularFile(path);
  try {
    const prefix = Buffer.alloc(Math.min(12, size));
    fs.readSync(fd, prefix, 0, prefix.length, 0);
    if (prefix.length < 12) {
      // Let the header parser name the problem (bad magic or truncation).
      return parseHeader(prefix, path, options);
    }
    const need = headerLength(prefix, path, options);
    const bytes = Buffer.alloc(Math.min(need, size));
    fs.readSync(fd, bytes, 0, bytes.length, 0);
    return parseHeader(bytes, path, options);
  } finally {
    fs.closeSync(fd);
  }
}
