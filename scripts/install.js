#!/usr/bin/env node
// The package's install script (`npm install`, `npm rebuild mmarray`):
// node-gyp-build loads the prebuild or an existing build and compiles with
// node-gyp only when none loads. For that compile, Node's headers come from
// npm's `nodedir` or else from the running node's own prefix
// (<prefix>/include/node: official tarballs, nvm and distribution packages
// ship them), so node-gyp does not download them.
'use strict';

const fs = require('fs');
const path = require('path');

if (!process.env.npm_config_nodedir) {
  const prefix = path.resolve(process.execPath, '..', '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h'))) process.env.npm_config_nodedir = prefix;
}
require('node-gyp-build/bin.js');
