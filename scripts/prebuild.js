#!/usr/bin/env node
// `npm run prebuild [-- --arch arm64]`: builds the Node-API prebuild that
// `npm pack` ships, prebuilds/<platform>-<arch>/mmarray.node (prebuildify
// --napi --strip; one binary serves every Node version with Node-API 8), and
// on Linux checks it with scripts/check-glibc.js (loads on glibc >= 2.28, no
// system libstdc++ needed).
//
// The build runs in a temp copy of the sources, so the working tree's build/
// (what tests and node-gyp-build load first) is left alone. Node's headers
// come from npm_config_nodedir, else from the running node's own prefix
// (<prefix>/include/node): node-gyp never downloads them.
//
// --arch arm64 on an x64 Linux host cross-compiles with Debian's
// g++-aarch64-linux-gnu (apt-get install g++-aarch64-linux-gnu);
// scripts/check-arm64.sh loads the result with an arm64 Node under qemu.
// --release builds every prebuild this host can make (see main()).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['binding.gyp', 'package.json', 'native'];

function parseArgs(argv) {
  const opts = { arches: [], release: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--arch') opts.arches.push(argv[++i]);
    else if (argv[i] === '--release') opts.release = true;
    else throw new Error(`prebuild: unknown argument ${argv[i]} (usage: prebuild.js [--arch x64|arm64]... [--release])`);
  }
  if (opts.arches.length === 0) opts.arches.push(os.arch());
  return opts;
}

function hasCommand(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function nodeHeaders() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.resolve(process.execPath, '..', '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) return prefix;
  throw new Error(
    `prebuild: no Node headers under ${prefix}/include/node; set npm_config_nodedir ` +
      'to a Node install that has them (node-gyp would otherwise download them)',
  );
}

function crossEnv(arch) {
  if (arch === os.arch()) return {};
  if (os.platform() === 'linux' && os.arch() === 'x64' && arch === 'arm64') {
    const t = 'aarch64-linux-gnu';
    return { CC: `${t}-gcc`, CXX: `${t}-g++`, LINK: `${t}-g++`, AR: `${t}-ar`, STRIP: `${t}-strip`, OBJDUMP: `${t}-objdump` };
  }
  throw new Error(`prebuild: no cross toolchain known for ${os.platform()}-${os.arch()} -> ${arch}`);
}

function main() {
  const { arches, release } = parseArgs(process.argv.slice(2));
  // --release (npm pack's prepack): every prebuild this host can make. On
  // linux-x64 that includes linux-arm64 when the cross compiler is installed;
  // without it the package ships no linux-arm64 prebuild, said loudly.
  if (release && os.platform() === 'linux' && os.arch() === 'x64' && !arches.includes('arm64')) {
    if (hasCommand('aarch64-linux-gnu-g++')) arches.push('arm64');
    else console.error('prebuild: WARNING: no aarch64-linux-gnu-g++, so no linux-arm64 prebuild (apt-get install g++-aarch64-linux-gnu)');
  }
  for (const arch of arches) buildOne(arch);
}

function buildOne(arch) {
  const nodedir = nodeHeaders();
  const cross = crossEnv(arch);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-prebuild-'));
  try {
    for (const f of SOURCES) fs.cpSync(path.join(root, f), path.join(work, f), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    const env = { ...process.env, ...cross, npm_config_nodedir: nodedir };
    // prebuildify's defaults would target the newest Node it knows (and fetch
    // its headers); the running Node's version with --napi gives the same
    // Node-API binary from the local headers.
    const args = [
      require.resolve('prebuildify/bin.js'), '--napi', '--strip',
      '--target', process.versions.node, '--arch', arch, '--out', root, work,
    ];
    if (cross.STRIP) args.push('--strip-bin', cross.STRIP);
    // Linux prebuilds are named for their C library (mmarray.glibc.node,
    // mmarray.musl.node): node-gyp-build then never offers a glibc binary to
    // musl, where it could not load, and the loader's error says what to do.
    if (os.platform() === 'linux') args.push('--tag-libc');
    console.error(`prebuild: ${os.platform()}-${arch}, Node headers from ${nodedir}`);
    execFileSync(process.execPath, args, { env, stdio: ['ignore', 2, 2], cwd: work });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const out = path.join(root, 'prebuilds', `${os.platform()}-${arch}`);
  console.error(`prebuild: ${fs.readdirSync(out).map((f) => path.join(out, f)).join(', ')}`);
  if (os.platform() === 'linux') {
    const env = { ...process.env };
    if (cross.OBJDUMP) env.OBJDUMP = cross.OBJDUMP;
    execFileSync(process.execPath, [path.join(__dirname, 'check-glibc.js'), ...fs.readdirSync(out).map((f) => path.join(out, f))], { env, stdio: ['ignore', 2, 2] });
  }
}

try {
  main();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
