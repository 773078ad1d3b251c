/**
 * @module test/staff/env-scope
 * Runs a CLI command in-process against a given data directory: sets the environment it reads
 * (`loadConfig`), captures what it prints, and restores everything afterwards.
 */
import { PassThrough, Readable } from 'node:stream';

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export async function withEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Streams for a command's `io` argument, and what was written to them. */
export function commandIo(stdinText = ''): { io: { stdin: Readable; stdout: PassThrough; stderr: PassThrough }; output(): { stdout: string; stderr: string } } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  return {
    io: { stdin: Readable.from([Buffer.from(stdinText)]), stdout, stderr },
    output: () => ({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
  };
}

/** Captures `process.stdout.write` while `run` runs (commands that print there directly). */
export async function captureStdout<T>(run: () => Promise<T>): Promise<{ result: T; stdout: string }> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await run();
    return { result, stdout: chunks.join('') };
  } finally {
    process.stdout.write = original;
  }
}
