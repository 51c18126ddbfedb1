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

async function measureAsync(fn, rounds, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn();
  const out = [];
  let last;
  for (let r = 0; r < rounds; r++) {
    const t0 = h.now();
    last = await fn();
    out.push(h.ms(t0, h.now()));
  }
  const st = h.stats(out);
  st.result = last;
  return st;
}

// Async iteration code reaches V8's optimizing tier only after a dozen runs
// (the first ones take 10x longer): both sides warm up alike.
const STREAM_WARMUP = 15;

async function streamRows(ctx) {
  const n = 1_000_000;
  const ab = new ArrayBuffer(n * 16);
  h.fillRecords(ab, 0, n * 16);
  const data = Buffer.from(ab);
  // Random chunk sizes 1 B .. 64 KiB (a fixed LCG), as a socket delivers them.
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
  const lib = await measureAsync(async () => {
    let count = 0;
    for await (const b of mm.recordStream(Readable.from(chunks), RECORD)) count += b.shape[0];
    return count;
  }, ctx.rounds, STREAM_WARMUP);
  const dt = mm.dtype(RECORD);
  const base = await measureAsync(async () => {
    const carry = new Uint8Array(16);
    let held = 0;
    let count = 0;
    let last;
    for await (const chunk of Readable.from(chunks)) {
      let pos = 0;
      if (held > 0) {
        const take = Math.min(16 - held, chunk.length);
        carry.set(chunk.subarray(0, take), held);
        held += take;
        pos = take;
        if (held < 16) continue;
        last = mm.fromBuffer(carry.slice(), dt);
        count++;
        held = 0;
      }
      const whole = Math.floor((chunk.length - pos) / 16);
      if (whole > 0) {
        last = mm.fromBuffer(chunk.subarray(pos, pos + whole * 16), dt);
        count += whole;
      }
      const tail = pos + whole * 16;
      if (tail < chunk.length) {
        carry.set(chunk.subarray(tail), 0);
        held = chunk.length - tail;
      }
    }
    return last ? count : -1;
  }, ctx.rounds, STREAM_WARMUP);
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
      note: `${mb} MB; base: a hand-written carry loop over the same Readable making the same arrays with fromBuffer; np: frombuffer per chunk with a carry`,
    },
  ];
}

module.exports = { W19: w19 };
