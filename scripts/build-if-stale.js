#!/usr/bin/env node
/**
 * Builds `dist/` only when a source changed since the last build, so `npm start` restarts in
 * about a second instead of rebuilding TypeScript every time (issue 15). The stamp records the
 * newest modification time of everything the build reads; a missing or older stamp rebuilds.
 * The widget bundle (`public/widget/kefu-widget.js`, generated and ignored by git) is built
 * first, every time: esbuild takes about 0.1 s and rewrites it only when its bytes change.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** Not part of dist/ (tsconfig.build.json excludes it): the widget bundle is built below. */
const notInDist = path.join(root, 'src', 'widget');

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (p === notInDist) return 0;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildWidgetBundle() {
  const { buildWidgetAndReport, WIDGET_BUNDLE } = require('./build-widget');
  try {
    buildWidgetAndReport();
  } catch (err) {
    // Without dev dependencies (no esbuild) a bundle built before still serves.
    if (err && err.code === 'MODULE_NOT_FOUND' && fs.existsSync(WIDGET_BUNDLE)) return;
    console.error(err.message);
    process.exit(1);
  }
}

buildWidgetBundle();

const sources = Math.max(...inputs.map((i) => newestMtime(path.join(root, i))));
let built = 0;
try {
  built = Number(fs.readFileSync(stamp, 'utf8')) || 0;
} catch {
  built = 0;
}
if (built >= sources && fs.existsSync(path.join(root, 'dist', 'cli', 'main.js'))) process.exit(0);

const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stamp, String(sources));
