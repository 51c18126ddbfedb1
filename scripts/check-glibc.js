#!/usr/bin/env node
// Checks that Linux builds of the addon load on every glibc >= 2.28 (Node
// 20's own floor) and need no libstdc++ from the system:
//
//   node scripts/check-glibc.js [file.node ...]   (default: every
//       prebuilds/linux-*/*.node, else build/Release/mmarray.node)
//
// It reads the dynamic symbol table with `objdump -T` and the version
// references with `objdump -p` (binutils; any architecture) and fails when a
// symbol needs a GLIBC_ version above 2.28, when a version without a number
// is needed (GLIBC_ABI_DT_RELR), or when any GLIBCXX_/CXXABI_ version is
// (libstdc++ is linked statically, see binding.gyp and
// native/glibc_compat.cc). The offending symbols are listed.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const GLIBC_MAX = [2, 28];

/** "2.28" -> [2, 28]; compares version arrays. */
function cmp(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] || 0) - (b[i] || 0);
    if (d) return d;
  }
  return 0;
}

/**
 * The verdict on one `objdump -T` listing: the highest GLIBC_ version and
 * every symbol that breaks the rules, as `symbol (VERSION)`.
 */
function inspect(objdumpText) {
  let highest = null;
  const problems = [];
  for (const line of objdumpText.split('\n')) {
    // `objdump -p` "Version References": versions needed even without a
    // symbol, such as GLIBC_ABI_DT_RELR (packed relocations, glibc 2.36).
    const need = /^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ ((?:GLIBC|GLIBCXX|CXXABI)_\S+)\s*$/.exec(line);
    if (need && !/^GLIBC_[0-9.]+$/.test(need[1])) {
      if (!problems.includes(`(version reference) (${need[1]})`)) problems.push(`(version reference) (${need[1]})`);
      continue;
    }
    const m = /\((GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\)\s+(\S+)\s*$/.exec(line);
    if (!m) continue;
    const [, lib, ver, sym] = m;
    const v = ver.split('.').map(Number);
    if (lib === 'GLIBC') {
      if (!highest || cmp(v, highest) > 0) highest = v;
      if (cmp(v, GLIBC_MAX) > 0) problems.push(`${sym} (GLIBC_${ver})`);
    } else {
      problems.push(`${sym} (${lib}_${ver})`);
    }
  }
  return { highest: highest ? `GLIBC_${highest.join('.')}` : null, problems };
}

function defaultFiles(root) {
  const pre = path.join(root, 'prebuilds');
  const files = [];
  if (fs.existsSync(pre)) {
    for (const dir of fs.readdirSync(pre).filter((d) => d.startsWith('linux-'))) {
      for (const f of fs.readdirSync(path.join(pre, dir))) {
        if (f.endsWith('.node')) files.push(path.join(pre, dir, f));
      }
    }
  }
  if (files.length === 0) files.push(path.join(root, 'build', 'Release', 'mmarray.node'));
  return files;
}

function main(argv) {
  const files = argv.length ? argv : defaultFiles(path.resolve(__dirname, '..'));
  let failed = false;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`check-glibc: ${file} does not exist (build it first)`);
      failed = true;
      continue;
    }
    const objdump = process.env.OBJDUMP || 'objdump';
    const listing = ['-T', '-p'].map((flag) => execFileSync(objdump, [flag, file], { encoding: 'utf8' })).join('\n');
    const { highest, problems } = inspect(listing);
    if (problems.length) {
      failed = true;
      console.error(`check-glibc: FAIL ${file}: needs more than glibc ${GLIBC_MAX.join('.')} without libstdc++:`);
      for (const p of problems) console.error(`  ${p}`);
    } else {
      console.log(`check-glibc: ok ${file}: highest ${highest}, no GLIBCXX_/CXXABI_`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { inspect, GLIBC_MAX };

if (require.main === module) process.exit(main(process.argv.slice(2)));
