// Child process of test/grow.test.ts: appends `count` records {id, v = id/2}
// (ids from 1) to a record file, in runs of `run`, with pauses between runs.
'use strict';
const fs = require('fs');

const [file, count, run] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a)));
let id = 1;
function step() {
  const n = Math.min(run, count - id + 1);
  const buf = Buffer.alloc(n * 8);
  for (let i = 0; i < n; i++, id++) {
    buf.writeUInt32LE(id, i * 8);
    buf.writeFloatLE(id / 2, i * 8 + 4);
  }
  // Split one record across two writes: the reader must wait for its tail.
  fs.appendFileSync(file, buf.subarray(0, buf.length - 3));
  setTimeout(() => {
    fs.appendFileSync(file, buf.subarray(buf.length - 3));
    if (id <= count) setTimeout(step, 3);
  }, 3);
}
step();
