'use strict';
// W19: growing files and record streams (issue 19).
// - Appending 1,000 batches of 1,000 16-byte records to a new file:
//   Memmap.append (then close(), which trims the capacity) against
//   fs.appendFileSync of the same bytes and NumPy's tofile.
// - Parsing 1M 16-byte records off a stream of random-size chunks:
//   recordStream against the carry loop users hand-write today (for await
//   over the same Readable, fromBuffer over each chunk's whole records, a
//   copied record per chunk edge: the same arrays) and NumPy's frombuffer
//   over the same chunks.
const fs = require('fs');
const { Readable } = require('stream');

const mm = require('../dist');
const h = require('./harness');
// The suite's record layout (bench/workloads.js).
const RECORD = { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] };

function w19(ctx) {
  const batches = 1000;
  const per = 1000;
  const bytes = new Uint8Array(per * 16);
  h.fillRecords(bytes.buffer, 0, bytes.length);
  const batch = mm.fromBuffer(bytes, RECORD);
  const file = ctx.dir.path('w19-append.bin');
  const setup = () => fs.rmSync(file, { force: true });
  const rounds = ctx.rounds;
  const lib = h.measure(() => {
    fs.writeFileSync(file, bytes);
    const m = mm.memmap(file, { dtype: RECORD, mode: 'r+' });
    for (let i = 1; i < batches; i++) m.append(batch);
    m.close();
  }, { rounds, setup, warmup: 2 });
  const base = h.measure(() => {
    fs.writeFileSync(file, bytes);
    for (let i = 1; i < batches; i++) fs.appendFileSync(file, bytes);
  }, { rounds, setup, warmup: 2 });
  if (fs.statSync(file).size !== batches * per * 16) throw new Error('W19: wrong file size');
  setup();
  const np = h.runNumpy('W19', { file, batches, per, rounds });
  setup();
  const rows = [
    {
      id: 'W19',
      name: '1,000 appends of 1,000 16-byte records',
      lib,
      base,
      np: np?.tofile,
      target: { ref: 'base', time: 1.5 },
      note: 'base: fs.appendFileSync; np: ndarray.tofile on an open file',
    },
  ];
  return streamRows(ctx).then((more) => [...rows, ...more]);
}

// Async iteration code reaches V8's optimizing tier only after a dozen runs
// (the first ones take 10x longer): both sides warm up alike.
const STREAM_WARMUP = 15;
// A round takes ~2 ms and the VM is shared: many rounds, the two sides
// alternating (and swapping which goes first) so that load hits both alike.
const STREAM_ROUNDS = 201;

/** Times `a` and `b` in alternating rounds; median, p90, min, max of each. */
async function measurePair(a, b, rounds, warmup) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta = [];
  const tb = [];
  let ra;
  let rb;
  const time = async (fn, out) => {
    const t0 = h.now();
    const r = await fn();
    out.push(h.ms(t0, h.now()));
    return r;
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      ra = await time(a, ta);
      rb = await time(b, tb);
    } else {
      rb = await time(b, tb);
      ra = await time(a, ta);
    }
  }
  const withP90 = (samples, result) => {
    const st = h.stats(samples);
    const s = [...samples].sort((x, y) => x - y);
    st.p90 = s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
    st.result = result;
    return st;
  };
  return [withP90(ta, ra), withP90(tb, rb)];
}

/** 1M 16-byte records cut into random-size chunks (1 B .. 64 KiB, a fixed LCG), as a socket delivers them. */
function streamData() {
  const n = 1_000_000;
  const ab = new ArrayBuffer(n * 16);
  h.fillRecords(ab, 0, n * 16);
  const data = Buffer.from(ab);
  const sizes = [];
  let seed = 12345;
  for (let pos = 0; pos < data.length; ) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const len = Math.min(data.length - pos, 1 + ((seed >>> 8) % 65536));
    sizes.push(len);
    pos += len;
  }
  const chunks = [];
  for (let pos = 0, i = 0; i < sizes.length; pos += sizes[i], i++) chunks.push(data.subarray(pos, pos + sizes[i]));
  return { n, data, sizes, chunks };
}

/** The library: every batch is kept (as a consumer would use it). */
async function libParse(chunks, dt) {
  const keep = [];
  for await (const b of mm.recordStream(Readable.from(chunks), dt)) keep.push(b);
  return keep;
}

/**
 * The carry loop a user writes by hand over the same Readable: the bytes of
 * a record begun in one chunk are kept (a view) and joined with the head of
 * the next chunk by Buffer.concat; the whole records between are viewed in
 * place with fromBuffer. The same arrays as the library's, kept alike.
 */
async function handParse(chunks, dt) {
  const size = dt.itemsize;
  const keep = [];
  let tail = null;
  for await (const chunk of Readable.from(chunks)) {
    let pos = 0;
    if (tail !== null) {
      const need = size - tail.length;
      if (chunk.length < need) {
        tail = Buffer.concat([tail, chunk]);
        continue;
      }
      keep.push(mm.fromBuffer(Buffer.concat([tail, chunk.subarray(0, need)]), dt));
      tail = null;
      pos = need;
    }
    const whole = Math.floor((chunk.length - pos) / size);
    if (whole > 0) keep.push(mm.fromBuffer(chunk.subarray(pos, pos + whole * size), dt));
    const end = pos + whole * size;
    if (end < chunk.length) tail = chunk.subarray(end);
  }
  if (tail !== null) throw new Error(`stream ended inside a record (${tail.length} bytes left)`);
  return keep;
}

const recordsOf = (batches) => batches.reduce((s, b) => s + b.shape[0], 0);

async function streamRows(ctx) {
  const { n, data, sizes, chunks } = streamData();
  const dt = mm.dtype(RECORD);
  const [lib, base] = await measurePair(() => libParse(chunks, dt), () => handParse(chunks, dt), STREAM_ROUNDS, STREAM_WARMUP);
  lib.result = recordsOf(lib.result);
  base.result = recordsOf(base.result);
  if (lib.result !== n || base.result !== n) throw new Error(`W19: parsed ${lib.result} / ${base.result} records, expected ${n}`);
  const file = ctx.dir.path('w19-records.bin');
  fs.writeFileSync(file, data);
  const sizesFile = ctx.dir.path('w19-sizes.json');
  fs.writeFileSync(sizesFile, JSON.stringify(sizes));
  const np = h.runNumpy('W19S', { file, sizes: sizesFile, rounds: ctx.rounds });
  fs.rmSync(file, { force: true });
  fs.rmSync(sizesFile, { force: true });
  const mb = (data.length / 1e6).toFixed(0);
  return [
    {
      id: 'W19',
      name: `recordStream: 1M 16-byte records, ${chunks.length} random chunks`,
      lib,
      base,
      np: np?.frombuffer,
      target: { ref: 'base', speed: 0.9 },
      note: `${mb} MB; ${STREAM_ROUNDS} rounds alternating with base; p90 lib ${lib.p90.toFixed(2)} ms, base ${base.p90.toFixed(2)} ms (${(lib.p90 / base.p90).toFixed(2)}×); base: a hand-written carry loop over the same Readable (Buffer.concat of the tail) making the same arrays, kept alike; np: frombuffer per chunk with a carry`,
    },
  ];
}

module.exports = { W19: w19, streamData, libParse, handParse, measurePair, recordsOf };

// `node bench/w19_grow.js [rounds]`: the stream figures alone (no NumPy, no data files).
if (require.main === module) {
  (async () => {
    const { n, chunks } = streamData();
    const dt = mm.dtype(RECORD);
    const rounds = Number(process.argv[2] ?? STREAM_ROUNDS);
    const [lib, base] = await measurePair(() => libParse(chunks, dt), () => handParse(chunks, dt), rounds, STREAM_WARMUP);
    if (recordsOf(lib.result) !== n || recordsOf(base.result) !== n) throw new Error('W19: wrong record count');
    const f = (st) => `median ${st.median.toFixed(3)} ms, p90 ${st.p90.toFixed(3)} ms`;
    console.log(`recordStream ${f(lib)} | hand loop ${f(base)} | time ratio median ${(lib.median / base.median).toFixed(3)}×, p90 ${(lib.p90 / base.p90).toFixed(3)}× (${chunks.length} chunks, ${rounds} rounds)`);
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
