/**
 * Copy accounting: how many copies the library made and how many bytes they
 * moved, and how many mappings are open. A pipeline can assert "no copies in
 * this stage" with `resetStats()` … `stats().copies === 0`.
 * @module
 */

/** Counters since the last {@link resetStats}. */
export interface Stats {
  /** Copies made (copy, astype, byteswap(), ascontiguousarray, copying reshape/ravel). */
  copies: number;
  /** Bytes those copies wrote. */
  copiedBytes: number;
  /** Mappings open now. */
  openMappings: number;
  /** Bytes mapped now. */
  mappedBytes: number;
}

const counters = { copies: 0, copiedBytes: 0, openMappings: 0, mappedBytes: 0 };

/** A snapshot of the counters. */
export function stats(): Stats {
  return { ...counters };
}

/** Zeroes the copy counters (open mappings are a live count and stay). */
export function resetStats(): void {
  counters.copies = 0;
  counters.copiedBytes = 0;
}

/** @internal */
export function countCopy(bytes: number): void {
  counters.copies++;
  counters.copiedBytes += bytes;
}

/** @internal */
export function countMapping(bytes: number, delta: 1 | -1): void {
  counters.openMappings += delta;
  counters.mappedBytes += delta * bytes;
}
