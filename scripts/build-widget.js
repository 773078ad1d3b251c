#!/usr/bin/env node
/**
 * Bundles the widget's TypeScript modules (`src/widget/index.ts`, which imports the protocol's
 * names from `src/core/chat-protocol.ts` like the server does) into the one embeddable script
 * `public/widget/kefu-widget.js`: an IIFE whose only global is `window.KefuWidget`, ES2020,
 * minified, ASCII only (safe on a shop page of any charset), with `kefu-widget.js.map` beside it.
 *
 * The bundle is generated, not committed (see .gitignore): the TypeScript is the one source, so
 * the bundle can never disagree with it or with the server's protocol module, and a review reads
 * the sources instead of a generated file. Every way into kefu builds it — `npm install` / `npm ci`
 * (prepare), `npm start` (prestart), `npm test` (pretest), `npm run build` — and the browser tests
 * build it too, so `npx jest test/browser/…` always tests the current sources. It takes about
 * 0.1 s and writes only when the bytes change, so an up-to-date bundle is never touched.
 *
 * @example node scripts/build-widget.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const WIDGET_ENTRY = path.join(root, 'src', 'widget', 'index.ts');
const WIDGET_BUNDLE = path.join(root, 'public', 'widget', 'kefu-widget.js');

/** Replaces `file` by `bytes` unless it holds them already; atomic, so a server never serves half a file. */
function writeIfChanged(file, bytes) {
  try {
    if (Buffer.from(bytes).equals(fs.readFileSync(file))) return false;
  } catch {
    // missing: write it
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return true;
}

/**
 * Synchronous (esbuild's `buildSync`), so `build-if-stale` and a test's `beforeAll` just call it.
 * @returns {{changed: boolean, bytes: number}}
 */
function buildWidget() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [WIDGET_ENTRY],
    outfile: WIDGET_BUNDLE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    tsconfig: path.join(root, 'tsconfig.widget.json'),
    banner: { js: '/* kefu chat widget, built from src/widget/*.ts by scripts/build-widget.js (MIT) */' },
    write: false,
    logLevel: 'warning',
  });
  let changed = false;
  let bytes = 0;
  for (const out of result.outputFiles) {
    changed = writeIfChanged(out.path, out.contents) || changed;
    if (out.path === WIDGET_BUNDLE) bytes = out.contents.length;
  }
  return { changed, bytes };
}

/** `buildWidget`, saying so when the bundle changed; esbuild's errors are thrown (and printed by it). */
function buildWidgetAndReport() {
  const result = buildWidget();
  if (result.changed) console.log(`built ${path.relative(root, WIDGET_BUNDLE)} (${(result.bytes / 1024).toFixed(1)} KB)`);
  return result;
}

module.exports = { buildWidget, buildWidgetAndReport, WIDGET_BUNDLE };

if (require.main === module) {
  try {
    buildWidgetAndReport();
  } catch (err) {
    console.error(err.message); // esbuild has printed the errors with file and line
    process.exit(1);
  }
}
