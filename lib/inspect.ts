/**
 * Debugging aids: {@link describe} answers the questions one asks of an array
 * that behaves unexpectedly (is it a view? of what? can it be written? does
 * it overlap itself? is its mapping still open?) in one object, and
 * {@link explain} says in words whether two arrays share memory and why.
 *
 * Both only read layout metadata: they never touch the data, never copy,
 * and work on arrays whose mapping was closed.
 * @module
 */
import type { NdArray } from './ndarray';
import { mayShareMemory, sharesMemory } from './memory';
import { byteBounds } from './layout';
import { internalOverlap, type Overlap } from './overlap';
import type { NativeMode } from './native';
import { storageOf } from './internal';

export type { NativeMode, Overlap };

/**
 * Work bound for the exact overlap questions asked here. Debugging output must
 * come back at once; past this bound the answer is reported as `'too-hard'`.
 */
const MAX_WORK = 100_000;

/** The file behind a memory-mapped array. */
export interface MappingDescription {
  /** Path the file was mapped from. */
  readonly path: string;
  /** Mode it was opened with: `'r'`, `'r+'`, `'w+'` or `'c'`. */
  readonly mode: NativeMode;
  /** File offset of the mapping's byte 0. */
  readonly offset: number;
}

/** An axis whose stride makes several elements use the same bytes. */
export interface StrideWarning {
  /** The axis. */
  readonly axis: number;
  /** Its length (always more than 1). */
  readonly length: number;
  /** Its byte stride. */
  readonly stride: number;
  /** The itemsize the stride is smaller than (in magnitude). */
  readonly itemsize: number;
}

/** What {@link describe} reports: the debugging checklist of one array. */
export interface ArrayDescription {
  /** The class name (`NdArray`, `Memmap` or a subclass). */
  readonly className: string;
  /** The dtype string, e.g. `'<u4'`. */
  readonly dtype: string;
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Byte strides. */
  readonly strides: readonly number[];
  /** Bytes per element. */
  readonly itemsize: number;
  /** Byte offset of element 0 inside the storage. */
  readonly offset: number;
  /**
   * Arrays between this one and the owner of its memory, following `.base`:
   * 0 for an owner (a fresh array, a copy, a memmap itself), 1 for a view.
   * (`base` collapses to the owner as in NumPy, so it is rarely more.)
   */
  readonly baseChain: number;
  /** Bytes the elements would take if contiguous (`size * itemsize`). */
  readonly nbytes: number;
  /** `nbytes` of the array at the end of the base chain (this one's for an owner). */
  readonly baseNbytes: number;
  /** `[low, high)`: the lowest byte the array addresses and one past the highest. */
  readonly byteBounds: readonly [number, number];
  /** Length of the whole storage (buffer range or mapping) in bytes. */
  readonly storageBytes: number;
  /** Row-major contiguous (NumPy's `C_CONTIGUOUS`). */
  readonly cContiguous: boolean;
  /** Column-major contiguous (NumPy's `F_CONTIGUOUS`). */
  readonly fContiguous: boolean;
  /** `flags.writeable`. */
  readonly writeable: boolean;
  /** The memory itself can be written (false for a `'r'` mapping or a read-only buffer). */
  readonly memoryWriteable: boolean;
  /** `flags.ownData`. */
  readonly ownData: boolean;
  /** The dtype's alignment in bytes. */
  readonly alignment: number;
  /** `flags.aligned`: the data address and the strides are multiples of `alignment`. */
  readonly aligned: boolean;
  /** Axes longer than 1 whose stride is 0 or smaller in magnitude than the itemsize. */
  readonly strideWarnings: readonly StrideWarning[];
  /**
   * Does some byte belong to two different elements? `'too-hard'` when the
   * exact answer needs more work than describe() spends.
   */
  readonly selfOverlap: Overlap;
  /** The mapped file, or null for memory. */
  readonly mapping: MappingDescription | null;
  /** True once the mapping was closed (every access then throws `AccessError`). */
  readonly closed: boolean;
  /** The checklist in words, one finding per line. */
  readonly notes: readonly string[];
}

/**
 * The debugging checklist for one array, from its layout alone (no data is
 * read, closed mappings are fine): base chain, nbytes against the base's,
 * strides against the itemsize (overlap warnings), contiguity, writeability,
 * alignment, and the mapped file with its mode.
 *
 * @example
 * ```ts
 * const col = zeros([3, 4], '<i4').index(':, 1');
 * describe(col).notes;
 * // [ 'a view (base chain 1) of 12 elements × 4 bytes; the view itself is 12 bytes', … ]
 * ```
 */
export function describe(a: NdArray): ArrayDescription {
  const st = storageOf(a);
  const flags = a.flags;
  let chain = 0;
  let root: NdArray = a;
  while (root.base !== null) {
    root = root.base;
    chain++;
  }
  const strideWarnings: StrideWarning[] = [];
  for (let i = 0; i < a.ndim; i++) {
    const n = a.shape[i];
    const s = a.strides[i];
    if (n > 1 && Math.abs(s) < a.itemsize) strideWarnings.push({ axis: i, length: n, stride: s, itemsize: a.itemsize });
  }
  const extent = { offset: a.offset, shape: a.shape, strides: a.strides, itemsize: a.itemsize };
  const selfOverlap = internalOverlap(extent, MAX_WORK);
  const info = st.mapping;
  const mapping = info === null ? null : { path: info.path, mode: info.mode, offset: info.offset };
  const d = {
    className: a.constructor.name,
    dtype: a.dtype.str,
    shape: a.shape,
    strides: a.strides,
    itemsize: a.itemsize,
    offset: a.offset,
    baseChain: chain,
    nbytes: a.nbytes,
    baseNbytes: root.nbytes,
    byteBounds: byteBounds(a.offset, a.shape, a.strides, a.itemsize),
    storageBytes: st.byteLength,
    cContiguous: flags.cContiguous,
    fContiguous: flags.fContiguous,
    writeable: flags.writeable,
    memoryWriteable: st.writable,
    ownData: flags.ownData,
    alignment: a.dtype.alignment,
    aligned: flags.aligned,
    strideWarnings,
    selfOverlap,
    mapping,
    closed: st.closed,
  };
  return { ...d, notes: notesOf(d) };
}

function notesOf(d: Omit<ArrayDescription, 'notes'>): string[] {
  const notes: string[] = [];
  if (d.closed) {
    notes.push(d.mapping === null
      ? 'CLOSED: the memory was released (release()) or its ArrayBuffer detached; any access throws AccessError (ERR_CLOSED)'
      : `CLOSED: the mapping of '${d.mapping.path}' was closed; any access throws AccessError (ERR_CLOSED)`);
  }
  if (d.baseChain === 0) {
    notes.push(`an owner (base chain 0) of ${d.nbytes} bytes${d.ownData ? ' it allocated' : ''}`);
  } else {
    notes.push(`a view (base chain ${d.baseChain}) of ${d.baseNbytes} bytes; the view's elements take ${d.nbytes} bytes`);
  }
  if (d.mapping !== null) {
    notes.push(`maps '${d.mapping.path}' in mode '${d.mapping.mode}' from file offset ${d.mapping.offset}: ${MODE_WORDS[d.mapping.mode]}`);
  } else {
    notes.push(`lives in memory (an ArrayBuffer of ${d.storageBytes} bytes or a range of one)`);
  }
  const layout = d.cContiguous && d.fContiguous ? 'C- and F-contiguous' : d.cContiguous ? 'C-contiguous' : d.fContiguous ? 'F-contiguous' : 'not contiguous';
  notes.push(`${layout}: strides [${d.strides.join(', ')}] for shape [${d.shape.join(', ')}] and itemsize ${d.itemsize}`);
  for (const w of d.strideWarnings) {
    notes.push(
      w.stride === 0
        ? `OVERLAP: axis ${w.axis} has stride 0: its ${w.length} elements are the same bytes (a broadcast view)`
        : `OVERLAP: axis ${w.axis} has stride ${w.stride}, smaller than the itemsize ${w.itemsize}: neighbouring elements share bytes`,
    );
  }
  if (d.strideWarnings.length === 0 && d.selfOverlap === 'yes') notes.push('OVERLAP: elements on different axes share bytes (the strides interleave)');
  if (d.selfOverlap === 'too-hard') notes.push('self-overlap: undecided within the work bound');
  if (d.writeable) notes.push('writeable');
  else if (d.memoryWriteable) notes.push('read-only by flag (flags.writeable is false; the memory itself is writeable)');
  else notes.push('read-only memory: writes throw AccessError (ERR_READ_ONLY) and the flag cannot be set');
  notes.push(
    d.aligned
      ? `aligned to ${d.alignment} bytes`
      : `NOT aligned to ${d.alignment} bytes (the data address or a stride is not a multiple of it); typedArray() refuses it`,
  );
  return notes;
}

const MODE_WORDS: Readonly<Record<NativeMode, string>> = {
  r: 'read-only, writes refused',
  'r+': 'writes go to the file',
  'w+': 'file created or truncated to size, writes go to the file',
  c: 'copy-on-write, writes stay in this process and never reach the file',
};

/** Where an array's bytes live, in words. */
function whereIs(a: NdArray): string {
  const m = storageOf(a).mapping;
  if (m !== null) return `a mapping of '${m.path}' (mode '${m.mode}', file offset ${m.offset})${storageOf(a).closed ? ', closed' : ''}`;
  const w = storageOf(a).single!;
  return `a ${w.buffer.byteLength}-byte ${w.buffer.constructor.name}${w.bufferOffset !== 0 || storageOf(a).byteLength !== w.buffer.byteLength ? ` (bytes ${w.bufferOffset}..${w.bufferOffset + storageOf(a).byteLength})` : ''}`;
}

/** The byte range `a` addresses, `shift` bytes further (its storage's place in a shared buffer). */
function range(a: NdArray, shift: number): string {
  const [lo, hi] = byteBounds(a.offset + shift, a.shape, a.strides, a.itemsize);
  return lo === hi ? 'no bytes' : `bytes [${lo}, ${hi})`;
}

/**
 * Whether and how two arrays share memory, in words: the same storage or
 * not, the byte ranges, `mayShareMemory` (bounds) and `sharesMemory`
 * (exact, under a work bound), and what that means for writes.
 *
 * @example
 * ```ts
 * const a = zeros(6, '<i4');
 * explain(a.index('::2'), a.index('1::2'));
 * // "Same memory (one ArrayBuffer …); byte ranges [0, 20) and [4, 24) overlap,
 * //  so mayShareMemory is true, but no byte is used by both: sharesMemory is false. …"
 * ```
 */
export function explain(a: NdArray, b: NdArray): string {
  if (storageOf(a).closed || storageOf(b).closed) {
    const which = storageOf(a).closed && storageOf(b).closed ? 'both arrays' : storageOf(a).closed ? 'the first array' : 'the second array';
    return `Cannot compare: ${which} belong${which === 'both arrays' ? '' : 's'} to a closed mapping (a: ${whereIs(a)}; b: ${whereIs(b)}).`;
  }
  const sameStorage = storageOf(a) === storageOf(b);
  const wa = storageOf(a).single;
  const wb = storageOf(b).single;
  const sameBuffer = sameStorage || (wa !== null && wb !== null && wa.buffer === wb.buffer);
  if (!sameBuffer) {
    const ma = storageOf(a).mapping;
    const mb = storageOf(b).mapping;
    let text = `No shared memory: a lives in ${whereIs(a)}, b in ${whereIs(b)}. Writes through one never show in the other.`;
    if (ma !== null && mb !== null && ma.path === mb.path) {
      text =
        `No shared memory as far as this library knows: a and b are two separate mappings of the same file '${ma.path}' ` +
        `(modes '${ma.mode}' and '${mb.mode}'). The kernel's page cache still makes stores through an 'r+'/'w+' mapping ` +
        "visible through the other ('c' mappings excepted), so coordinate writers yourself.";
    }
    return text;
  }
  const where = sameStorage ? `the same ${storageOf(a).mapping !== null ? 'mapping' : 'memory'} (${whereIs(a)})` : `the same ArrayBuffer (a: ${whereIs(a)}; b: ${whereIs(b)})`;
  const rel = relation(a, b);
  const may = mayShareMemory(a, b);
  const ranges = sameStorage ? `a addresses ${range(a, 0)}, b ${range(b, 0)}` : `a addresses ${range(a, wa!.bufferOffset)} of the buffer, b ${range(b, wb!.bufferOffset)}`;
  if (!may) return `Same memory, no shared bytes: a and b live in ${where}${rel}, but ${ranges} do not meet, so mayShareMemory and sharesMemory are both false.`;
  let exact: boolean | 'too-hard';
  try {
    exact = sharesMemory(a, b, MAX_WORK);
  } catch {
    exact = 'too-hard';
  }
  if (exact === true) {
    return `Shared memory: a and b live in ${where}${rel}; ${ranges} and some bytes are used by both (sharesMemory is true): a write through one is seen through the other.`;
  }
  if (exact === false) {
    return `Same memory, no shared bytes: a and b live in ${where}${rel}; ${ranges} overlap, so mayShareMemory is true, but the strides interleave and no byte is used by both (sharesMemory is false).`;
  }
  return `Maybe shared: a and b live in ${where}${rel}; ${ranges} overlap (mayShareMemory is true), and the exact answer needs more than ${MAX_WORK} steps of work (sharesMemory would throw TooHardError at that bound).`;
}

/** ", and b is a view of a" and the like, or "". */
function relation(a: NdArray, b: NdArray): string {
  if (a === b) return ', and they are the same array';
  const ra = a.base ?? a;
  const rb = b.base ?? b;
  if (b.base === a) return ', and b is a view of a';
  if (a.base === b) return ', and a is a view of b';
  if (ra === rb) return ', and both are views of the same owner';
  return '';
}
