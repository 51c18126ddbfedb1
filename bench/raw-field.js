'use strict';
// The raw-JS baselines of the W7 per-element rows (bench/workloads.js) and
// of bench/element_ab.js: forEach, reduce and apply over the `<f8` field of
// records, hand-written over a Float64Array (a stride-2 field of 16-byte
// records, at element 1) or a DataView (an unaligned field: `fo` bytes into
// records of `rb`). `roBuf` is read, `rwBuf` written; `len` fields.

function rawFieldLoops(roBuf, rwBuf, len, rb, fo, unaligned) {
  const rdv = new DataView(roBuf, 0, rb * len);
  const wdv = new DataView(rwBuf, 0, rb * len);
  const rta = unaligned ? null : new Float64Array(roBuf, 0, 2 * len);
  const wta = unaligned ? null : new Float64Array(rwBuf, 0, 2 * len);
  const rawEach = unaligned
    ? (fn) => {
        for (let i = 0, o = fo; i < len; i++, o += rb) fn(rdv.getFloat64(o, true), i);
      }
    : (fn) => {
        for (let i = 0, p = 1; i < len; i++, p += 2) fn(rta[p], i);
      };
  const rawReduce = unaligned
    ? (fn, acc) => {
        for (let i = 0, o = fo; i < len; i++, o += rb) acc = fn(acc, rdv.getFloat64(o, true), i);
        return acc;
      }
    : (fn, acc) => {
        for (let i = 0, p = 1; i < len; i++, p += 2) acc = fn(acc, rta[p], i);
        return acc;
      };
  const rawApply = unaligned
    ? (fn) => {
        for (let i = 0, o = fo; i < len; i++, o += rb) wdv.setFloat64(o, fn(wdv.getFloat64(o, true), i), true);
      }
    : (fn) => {
        for (let i = 0, p = 1; i < len; i++, p += 2) wta[p] = fn(wta[p], i);
      };
  return { rawEach, rawReduce, rawApply };
}

module.exports = { rawFieldLoops };
