/**
 * @module test/cli/built-cli
 * The real CLI for end-to-end tests: builds `dist/` once per test file, then runs
 * `node bin/kefu.js …` in the repository with a given environment.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Builds the CLI (`beforeAll(() => buildCli('cli/config-command.js'), 300000)`). The build emits
 * even when another module has a type error; the command's own file is what must be there.
 */
export function buildCli(commandFile: string): void {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  if (!fs.existsSync(path.join(ROOT, 'dist', commandFile))) throw new Error(`build failed: dist/${commandFile} missing`);
}

/** @example runKefu(['config', '--json'], { ...process.env, KEFU_PORT: '8080' }) */
export function runKefu(args: string[], env: NodeJS.ProcessEnv): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kefu.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
