'use strict';
// W19: growing files (issue 19). Appending 1,000 batches of 1,000 16-byte
// records to a new file: Memmap.append (then close(), which trims the
// capacity) against fs.appendFileSync of the same bytes and NumPy's tofile.
const fs = require('fs');

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
  return [
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
}

module.exports = { W19: w19 };
