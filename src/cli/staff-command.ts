/**
 * @module cli/staff-command
 * `kefu staff add NAME --role agent|admin [--display-name X] [--password-stdin]` and
 * `kefu staff list`: console accounts. `add` prints a one-time password (shown once, never
 * stored in clear), or takes the password from standard input.
 */
import type { Readable, Writable } from 'node:stream';
import { loadConfig } from '../config';
import { createStaffAccount } from '../staff/create-staff-account';
import { staffView } from '../staff/staff-view';
import { openStores } from '../storage/open-stores';

const USAGE = 'usage: kefu staff add NAME --role agent|admin [--display-name X] [--password-stdin]\n       kefu staff list\n';

export interface StaffCommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

interface AddArgs {
  name: string;
  role: string;
  displayName?: string;
  passwordStdin: boolean;
}

function parseAdd(args: string[]): AddArgs | string {
  const [name, ...rest] = args;
  if (!name || name.startsWith('--')) return 'NAME is required';
  let role: string | undefined;
  let displayName: string | undefined;
  let passwordStdin = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = rest[i + 1];
    if (arg === '--role' && value !== undefined) (role = value), i++;
    else if (arg === '--display-name' && value !== undefined) (displayName = value), i++;
    else if (arg === '--password-stdin') passwordStdin = true;
    else return `unknown or incomplete option "${arg}"`;
  }
  if (role === undefined) return '--role agent|admin is required';
  return { name, role, displayName, passwordStdin };
}

/** Standard input up to its end, without the final line break (`echo pw | kefu staff add …`). */
async function readPassword(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export async function runStaff(args: string[], io: StaffCommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add' && action !== 'list') {
    io.stderr.write(USAGE);
    return 2;
  }
  const parsed = action === 'add' ? parseAdd(rest) : null;
  if (typeof parsed === 'string') {
    io.stderr.write(`kefu staff add: ${parsed}\n${USAGE}`);
    return 2;
  }
  const password = parsed?.passwordStdin ? await readPassword(io.stdin) : undefined;
  const stores = await openStores(loadConfig());
  try {
    if (!parsed) {
      for (const a of (await stores.staff.directory.list()).map(staffView)) io.stdout.write(`${a.name}\t${a.role}\t${a.displayName}\n`);
      return 0;
    }
    const created = await createStaffAccount(
      stores.staff,
      { name: parsed.name, role: parsed.role, displayName: parsed.displayName, password },
      { staffId: 'cli', staffName: 'cli' },
    );
    const { account } = created;
    io.stdout.write(`added ${account.role} ${account.name} (${account.displayName})\n`);
    if (created.generated) io.stdout.write(`one-time password (shown only now): ${created.password}\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`kefu staff ${action}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await stores.close();
  }
}
