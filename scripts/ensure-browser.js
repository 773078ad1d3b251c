#!/usr/bin/env node
/**
 * Run before `npm test`: the browser tests drive Debian's Chromium and need a CJK font, or every
 * Chinese screenshot is empty boxes (issue 15). When either is missing, install both through apt
 * if this process is root and apt-get exists; otherwise stop at once with the exact command.
 * `KEFU_CHROMIUM` points at another Chromium; `KEFU_SKIP_BROWSER_CHECK=1` skips this check.
 */
'use strict';
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

if (process.env.KEFU_SKIP_BROWSER_CHECK === '1') process.exit(0);

const chromium = process.env.KEFU_CHROMIUM || '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function hasCjkFont() {
  const fc = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fc.status === 0) return fc.stdout.trim().length > 0;
  return fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

function missing() {
  const m = [];
  if (!fs.existsSync(chromium)) m.push(`Chromium (${chromium})`);
  if (!hasCjkFont()) m.push('a CJK font');
  return m;
}

let lacking = missing();
if (lacking.length === 0) process.exit(0);

const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (isRoot && hasApt) {
  console.log(`The browser tests need ${lacking.join(' and ')}: installing ${PACKAGES.join(' and ')} through apt…`);
  const run = spawnSync('sh', ['-c', command], { stdio: 'inherit' });
  lacking = missing();
  if (run.status === 0 && lacking.length === 0) process.exit(0);
}
console.error(
  `The browser tests need ${lacking.join(' and ')}, which this machine does not have.\n` +
    `Install them with:\n\n  sudo sh -c '${command}'\n\n` +
    (isRoot ? '' : 'or run npm test as root to let it install them, ') +
    'or set KEFU_CHROMIUM to a Chromium binary.',
);
process.exit(1);
