#!/usr/bin/env node
// Smoke test for one build of the native addon, loaded by path (lib/native.ts
// always loads build/Release through node-gyp-build; this checks the others,
// e.g. the cmake-js build):
//
//   node scripts/smoke-addon.js build-cmake/Release/mmarray.node
//
// Maps a temp file, reads it, writes and flushes through it, closes it, and
// exits non-zero on any failure.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const addonPath = process.argv[2];
if (!addonPath) {
  console.error('usage: node scripts/smoke-addon.js <path/to/mmarray.node>');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-smoke-'));
try {
  const { MappingHandle, pageSize } = require(path.resolve(addonPath));
  assert.ok(Number.isInteger(pageSize) && pageSize > 0, 'pageSize');

  const p = path.join(dir, 'smoke.bin');
  fs.writeFileSync(p, Buffer.from('hello, mapped world'));

  const r = new MappingHandle(p, 'r', 7, -1);
  assert.strictEqual(Buffer.from(r.window(0, r.length)).toString(), 'mapped world');
  r.close();

  const w = new MappingHandle(p, 'r+', 0, 5);
  const u = new Uint8Array(w.window(0, 5));
  u.set(Buffer.from('HELLO'));
  w.flush();
  w.close();
  assert.strictEqual(u.length, 0, 'close() detaches windows');
  assert.strictEqual(fs.readFileSync(p, 'utf8'), 'HELLO, mapped world');

  assert.throws(() => new MappingHandle(path.join(dir, 'missing'), 'r', 0, -1), { code: 'ENOENT' });
  console.log(`smoke OK: ${addonPath}`);
} catch (e) {
  console.error(`smoke FAILED: ${addonPath}`);
  console.error(e);
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
