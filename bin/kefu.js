#!/usr/bin/env node
// natural reads ./.env through dotenv and is noisy about it.
process.env.DOTENV_CONFIG_QUIET = process.env.DOTENV_CONFIG_QUIET || 'true';
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { if (typeof code === 'number') process.exitCode = code; },
  (err) => { console.error(err && err.message ? err.message : err); process.exitCode = 1; },
);
