/**
 * @module staff/staff-view
 * What the console and the CLI may see of an account: never its password hash.
 */
import type { StaffAccount, StaffRole } from '../core/staff';

export interface StaffView {
  id: string;
  name: string;
  displayName: string;
  role: StaffRole;
}

export function staffView(account: StaffAccount): StaffView {
  return { id: account.id, name: account.name, displayName: account.displayName, role: account.role };
}
