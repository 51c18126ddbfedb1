'use strict';
// Timing, statistics, data files and the NumPy side of the suite. Every
// workload times this library, a hand-written raw-JS baseline and NumPy (a
// python3 subprocess running the same workload on the same files) in one run.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const now = () => process.hrtime.bigint();
const ms = (t0, t1) => Number(t1 - t0) / 1e6;

/** Median, min and max of a list of numbers. */
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}

/**
 * Runs `fn` once to warm up (JIT, page tables), then `rounds` times; each
 * round's duration in ms divided by `per` (e.g. ops per round -> ms per op).
 * `setup` runs before every round, untimed.
 */
function measure(fn, { rounds, per = 1, setup, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) {
    if (setup) setup();
    fn();
  }
  const out = [];
  let last;
  for (let r = 0; r < rounds; r++) {
    if (setup) setup();
    const t0 = now();
    last = fn();
    out.push(ms(t0, now()) / per);
  }
  const st = stats(out);
  st.result = last;
  return st;
}

/** A private temp directory for data files; remove() deletes it all. */
class DataDir {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-bench-'));
  }
  path(name) {
    return path.join(this.dir, name);
  }
  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const CHUNK = 64 * 2 ** 20;

/**
 * Writes `bytes` bytes to `file` in 64 MiB chunks; `fill(chunk, firstByte)`
 * fills each chunk deterministically from its position.
 */
function writeFile(file, bytes, fill) {
  const fd = fs.openSync(file, 'w');
  try {
    const buf = new ArrayBuffer(CHUNK);
    for (let pos = 0; pos < bytes; pos += CHUNK) {
      const n = Math.min(CHUNK, bytes - pos);
      fill(buf, pos, n);
      let done = 0;
      while (done < n) done += fs.writeSync(fd, new Uint8Array(buf, done, n - done), 0, n - done, pos + done);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Record i: [id = i <u4, ts = i*2654435761 mod 2^32 <u4, value = (i mod 1024)/4 - 100 <f8]. */
function fillRecords(buf, pos, n) {
  const u32 = new Uint32Array(buf, 0, n / 4);
  const f64 = new Float64Array(buf, 0, n / 8);
  const first = pos / 16;
  for (let k = 0, m = n / 16; k < m; k++) {
    const i = first + k;
    u32[4 * k] = i >>> 0;
    u32[4 * k + 1] = Math.imul(i, 2654435761 | 0) >>> 0;
    f64[2 * k + 1] = (i % 1024) / 4 - 100;
  }
}

/** Element i: (i mod 4096) / 8 - 200 as <f8. */
function fillF8(buf, pos, n) {
  const f64 = new Float64Array(buf, 0, n / 8);
  const first = pos / 8;
  for (let k = 0, m = n / 8; k < m; k++) f64[k] = ((first + k) % 4096) / 8 - 200;
}

/** A sparse file of `size` bytes (no data blocks). */
function sparseFile(file, size) {
  const fd = fs.openSync(file, 'w');
  try {
    fs.ftruncateSync(fd, size);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the file's dirty pages to disk and waits for it (fdatasync). */
function syncFile(file) {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Drops `file`'s pages from the page cache (its dirty pages written first),
 * so the next read comes from the disk: posix_fadvise(DONTNEED), which Node
 * does not expose, through python3 (as bench/numpy_bench.py's evict does).
 * Mapped pages stay: call it with no mapping of the file open. False when
 * python3 is missing or the call failed.
 */
function evictPageCache(file) {
  syncFile(file);
  const r = spawnSync('python3', ['-c', 'import os, sys\nfd = os.open(sys.argv[1], os.O_RDONLY)\nos.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)', file]);
  return r.status === 0;
}

/**
 * Writes a `.npy` of `n` `<f8` items 0, 1, 2, … in 64 MiB steps (distinct
 * values, not a sparse file of zero pages): the big file of bench/async.js
 * and bench/cold_sum.js.
 */
function writeRampNpy(mm, file, n) {
  const m = mm.createNpy(file, '<f8', [n]);
  const step = 8 << 20;
  for (let i = 0; i < n; i += step) m.index(`${i}:${Math.min(i + step, n)}`).set(mm.arange(i, Math.min(i + step, n), 1, 'f8'));
  m.flush();
  m.close();
}

/** xorshift32 in [0, n): the fixed-seed index stream of W4. */
function randomIndices(count, n, seed = 12345) {
  const out = new Uint32Array(count);
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x % n;
  }
  return out;
}

let numpyState;

/** True when python3 with numpy runs here. */
function hasNumpy() {
  if (numpyState === undefined) {
    const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
    numpyState = r.status === 0 ? r.stdout.trim() : null;
  }
  return numpyState !== null;
}

function numpyVersion() {
  hasNumpy();
  return numpyState;
}

/**
 * Runs one workload in bench/numpy_bench.py; returns { key: stats } from the
 * per-round milliseconds it prints, or null without numpy.
 */
function runNumpy(workload, params) {
  if (!hasNumpy()) return null;
  const r = spawnSync('python3', [path.join(__dirname, 'numpy_bench.py'), workload, JSON.stringify(params)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`numpy_bench.py ${workload} failed:\n${r.stderr}`);
  const raw = JSON.parse(r.stdout);
  const out = {};
  for (const [k, v] of Object.entries(raw)) {
    out[k] = Array.isArray(v) ? stats(v) : v;
  }
  return out;
}

module.exports = {
  evictPageCache,
  writeRampNpy,
  syncFile,
  now,
  ms,
  stats,
  measure,
  DataDir,
  writeFile,
  fillRecords,
  fillF8,
  sparseFile,
  randomIndices,
  hasNumpy,
  numpyVersion,
  runNumpy,
};
