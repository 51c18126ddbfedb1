#!/usr/bin/env bash
# Builds the addon with -fsanitize=address,undefined (CMakeLists.txt option
# MMARRAY_SANITIZE) into build-asan/ and runs scripts/native-exercise.js under
# it. Any sanitizer report fails the run. `npm run test:asan`.
#
# Plain cmake, not cmake-js: the addon needs only the Node-API headers
# (node-api-headers, installed with cmake-js) and node-addon-api, so nothing
# is downloaded. Node itself is not instrumented, hence LD_PRELOAD of the
# sanitizer runtimes and detect_leaks=0 (node leaks at exit by design).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
out=$root/build-asan

napi_inc=$(node -p "require('node-api-headers').include_dir")
# libuv's header (native/pool_buffer.cc) ships with Node's own headers: next to
# the binary (include/node), else node-gyp's cache of them.
uv_inc=$(node -p "require('path').resolve(process.execPath, '../../include/node')")
[ -f "$uv_inc/uv.h" ] || uv_inc=$(ls -d "$HOME"/.cache/node-gyp/"$(node -p 'process.versions.node')"/include/node 2>/dev/null || true)
[ -n "$uv_inc" ] && napi_inc="$napi_inc;$uv_inc"
echo "== test:asan: configure + build ($out)"
cmake -S "$root" -B "$out" -DCMAKE_BUILD_TYPE=Debug -DMMARRAY_SANITIZE=ON \
  -DCMAKE_JS_INC="$napi_inc" -DCMAKE_CXX_FLAGS=-DBUILDING_NODE_EXTENSION \
  -DCMAKE_LIBRARY_OUTPUT_DIRECTORY="$out/Release" >/dev/null
cmake --build "$out" --parallel "$(nproc 2>/dev/null || echo 2)"
addon=$out/Release/mmarray.node
test -f "$addon"

preload=
for lib in libasan.so libubsan.so; do
  f=$(gcc -print-file-name="$lib")
  if [ ! -e "$f" ]; then
    echo "test:asan: $lib not found (gcc -print-file-name=$lib gave '$f')" >&2
    exit 1
  fi
  preload="$preload${preload:+:}$f"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
asan_base="detect_leaks=0:halt_on_error=1:abort_on_error=0:exitcode=86:print_stacktrace=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=87"

# run_checked NAME ASAN_EXTRA CMD...: runs CMD with the sanitizer runtimes
# preloaded; fails on a sanitizer report in its output or a non-zero status.
run_checked() {
  local name=$1 extra=$2 status=0
  shift 2
  echo "== test:asan: $name"
  LD_PRELOAD="$preload" ASAN_OPTIONS="$asan_base$extra" "$@" >"$log" 2>&1 || status=$?
  cat "$log"
  if grep -qE 'ERROR: AddressSanitizer|runtime error:|SUMMARY: (Address|UndefinedBehavior)Sanitizer' "$log"; then
    echo "test:asan: FAILED: sanitizer report above" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    echo "test:asan: FAILED: $name exited with status $status" >&2
    exit "$status"
  fi
}

run_checked "node --expose-gc scripts/native-exercise.js $addon" "" \
  node --expose-gc scripts/native-exercise.js "$addon"

# The jest suites that drive the addon, through the sanitized build
# (MMARRAY_ADDON_PATH). handle_segv=0: the crash test's child must die by the
# real SIGSEGV. The /proc/self/maps count test is left out: ASan's own
# allocator maps memory as it goes.
MMARRAY_ADDON_PATH="$addon" run_checked "jest (native, kernels, extremes, buffered sum, memmap, elementwise, reduce, assign, copy, ufunc-native, index-kernels, ufunc-complex, fresh-memory, sorts, ufunc.at, ufunc methods) on $addon" ":handle_segv=0" \
  node node_modules/jest/bin/jest.js test/native.test.ts test/kernels.test.ts test/kernels-extremes.test.ts test/kernels-strided.test.ts test/buffered-sum.test.ts test/memmap.test.ts \
    test/elementwise.test.ts test/reduce.test.ts test/assign.test.ts test/copy.test.ts test/ufunc-native.test.ts \
    test/ufunc-complex.test.ts test/index-kernels.test.ts test/fresh-memory.test.ts test/sort-kernels.test.ts test/record-sort.test.ts test/sort.test.ts test/partition.test.ts test/stream-copy.test.ts test/axis-prod.test.ts test/release.test.ts test/cumulative.test.ts test/ufuncs/at.test.ts test/ufunc-object.test.ts \
    -t '^(?!.*mappings dropped without close\(\) are unmapped by the GC).*$'
# The async kernels' lifetime cases (close() mid-flight in a forked child
# 2000 times, transfers, worker teardown), aborts and errors, and pool
# memory freed on the pool, sanitized.
# saveNpyAsync's pool job (native/save_worker.cc) whole: its close() and
# abort cases, a forked child closing its source mid-save. The sort and
# ufunc jobs' aborts, close() cases and errors, threaded ones included; not
# their byte-equality sweeps over every dtype and thread count (the same
# native paths, dtype by dtype; test/async.test.ts took 18 minutes
# unsanitized in CI once threads were added to them, and sanitized the
# whole file would take CI past its time limit). The sort and ufunc jobs'
# tests live in async-sort/async-unique/async-ufunc.test.ts; the queue's aborts and
# close() while waiting in async-queue.test.ts.
MMARRAY_ADDON_PATH="$addon" run_checked "jest (async lifetimes, aborts, errors; saveNpyAsync's job) on $addon" ":handle_segv=0" \
  node node_modules/jest/bin/jest.js test/async.test.ts test/async-sort.test.ts test/async-unique.test.ts test/async-ufunc.test.ts test/async-queue.test.ts test/pool-buffer.test.ts test/save-worker.test.ts \
  -t '^(?!.*(the bytes sort/argsort give|give the sync bytes|the bytes the sync ufunc gives|the results unique gives)).*(lifetimes|abort|errors|broadcast|pool|saveNpyAsync|sortAsync|uniqueAsync|ufuncAsync)'
# Worker teardown with async kernels in flight, with LeakSanitizer on: node
# itself frees what a worker's env held, so any leak reported is the addon's.
MMARRAY_ADDON_PATH="$addon" run_checked "async jobs at worker teardown, leaks checked" ":detect_leaks=1:handle_segv=0" \
  node scripts/async-teardown-leaks.js
echo "test:asan: OK"
