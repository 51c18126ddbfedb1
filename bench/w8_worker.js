'use strict';
// W8: one worker thread maps its own slice of the records file and sums the
// `value` field on each 'run' message.
const { parentPort, workerData } = require('worker_threads');
const mm = require('../dist');

const { file, first, count } = workerData;
const rec = mm.memmap(file, {
  dtype: { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] },
  mode: 'r',
  offset: first * 16,
  shape: [count],
});
const field = rec.field('value');
parentPort.postMessage('ready');
parentPort.on('message', () => parentPort.postMessage(field.sum()));
