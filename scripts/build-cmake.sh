#!/usr/bin/env bash
# `npm run build:cmake`: builds the addon with cmake-js into build-cmake/
# (extra arguments go to cmake-js), without network access.
#
# cmake-js 8 uses node-api-headers only for packages whose package.json has
# binary.napi_versions; for any other package it wants the full Node headers
# and downloads them from nodejs.org unless npm_config_nodedir names a Node
# install that has them. The running node's own prefix normally does
# (<prefix>/include/node/node.h: official tarballs, nvm, distro packages), so
# point cmake-js there unless the caller already chose a nodedir.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${npm_config_nodedir:-}" ]; then
  prefix=$(node -p "require('path').resolve(process.execPath, '..', '..')")
  if [ -f "$prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$prefix"
  else
    echo "build:cmake: no Node headers under $prefix/include/node; cmake-js will try to download them" >&2
  fi
fi
echo "build:cmake: Node headers from ${npm_config_nodedir:-<download>}"
exec "$PWD/node_modules/.bin/cmake-js" rebuild --out build-cmake "$@"
