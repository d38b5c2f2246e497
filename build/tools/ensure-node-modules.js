#!/usr/bin/env node
// Installs the pinned npm tooling (NSwag, linters) once, even when several projects build in
// parallel: the first build takes a directory lock, the others wait for it.
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..');
const marker = path.join(root, 'node_modules', 'nswag', 'package.json');
const lock = path.join(root, 'node_modules.install-lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (fs.existsSync(marker)) process.exit(0);
const deadline = Date.now() + 10 * 60 * 1000;
for (;;) {
  try { fs.mkdirSync(lock); break; } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    if (fs.existsSync(marker)) process.exit(0);
    if (Date.now() > deadline) { console.error(`timed out waiting for ${lock}; delete it if no install is running`); process.exit(1); }
    sleep(1000);
  }
}
try {
  if (!fs.existsSync(marker)) {
    console.log('Installing pinned npm tooling (npm ci)…');
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  }
} finally {
  fs.rmdirSync(lock);
}
