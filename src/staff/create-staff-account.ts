/**
 * @module staff/create-staff-account
 * Adds a staff account (the CLI's `kefu staff add` and the console's account form): validates
 * the name, role and display name, hashes the password (a generated one-time password unless
 * one is given), stores it and writes `staff.add` to the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog, StaffDirectory, StaffRole } from '../core/staff';
import { AppError, ErrorCodes } from '../errors';
import type { HttpError } from '../http/respond';
import { generatePassword, hashPassword } from './password-hash';
import { badRequest, staffError } from './staff-error';
import { staffView, type StaffView } from './staff-view';

/** Login names: 2–32 lower-case letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
const NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;
const MAX_DISPLAY_NAME = 40;

export interface NewStaffAccount {
  name: unknown;
  role: unknown;
  displayName?: unknown;
  /** Given by the caller (`--password-stdin`); otherwise a one-time password is generated. */
  password?: string;
}

export interface Actor {
  staffId: string;
  staffName: string;
}

const nameTaken = (name: string): HttpError => staffError(409, 'KEFU_CONFLICT', `The name "${name}" is already taken.`, `用户名 "${name}" 已被使用。`);

export function parseRole(role: unknown): StaffRole {
  if (role !== 'agent' && role !== 'admin') throw badRequest('role must be "agent" or "admin".', 'role 必须是 "agent" 或 "admin"。');
  return role;
}

/** Display names are shown to shoppers as text; control characters and markup-looking angle brackets are refused. */
function parseDisplayName(value: unknown, fallback: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string') throw badRequest('displayName must be a string.', 'displayName 必须是字符串。');
  const trimmed = value.trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed.length === 0 || trimmed.length > MAX_DISPLAY_NAME || /[\u0000-\u001f\u007f<>]/.test(trimmed)) {
    throw badRequest(
      `displayName must be 1–${MAX_DISPLAY_NAME} characters without control characters or < >.`,
      `displayName 必须是 1–${MAX_DISPLAY_NAME} 个字符，不含控制字符和 < >。`,
    );
  }
  return trimmed;
}

export function parseStaffName(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('name must be a string.', 'name 必须是字符串。');
  const name = value.trim().toLowerCase();
  if (!NAME.test(name)) throw badRequest('name must be 2–32 characters: letters, digits, ".", "_" or "-".', 'name 必须是 2–32 个字符：字母、数字、"."、"_" 或 "-"。');
  return name;
}

/**
 * @example const { account, password } = await createStaffAccount(stores.staff, { name: 'li.na', role: 'agent' }, { staffId: 'cli', staffName: 'cli' });
 */
export async function createStaffAccount(
  stores: { directory: StaffDirectory; audit: AuditLog },
  input: NewStaffAccount,
  by: Actor,
): Promise<{ account: StaffView; password: string; generated: boolean }> {
  const name = parseStaffName(input.name);
  const role = parseRole(input.role);
  const displayName = parseDisplayName(input.displayName, name);
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw badRequest(`The password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters.`, `密码必须是 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 个字符。`);
  }
  if (await stores.directory.byName(name)) throw nameTaken(name);
  let stored;
  try {
    stored = await stores.directory.add({ id: randomUUID(), name, displayName, role, passwordHash: await hashPassword(password), createdAt: new Date().toISOString() });
  } catch (err) {
    // Two adds of one name at once: the store refuses the second.
    if (err instanceof AppError && err.code === ErrorCodes.conflict) throw nameTaken(name);
    throw err;
  }
  await stores.audit.record({ at: new Date().toISOString(), ...by, action: 'staff.add', detail: { name, role } });
  return { account: staffView(stored), password, generated };
}
