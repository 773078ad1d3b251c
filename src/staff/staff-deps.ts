/**
 * @module staff/staff-deps
 * What the console's route handlers share: the app context, the staff stores, login and
 * conversation control, and the audit log in the shape handlers write to it.
 */
import type { AppContext } from '../app-context';
import type { AuditAction } from '../core/staff';
import type { StaffStores } from '../core/stores';
import type { ConversationControl } from './conversation-control';
import type { StaffAuth, StaffPrincipal } from './staff-auth';

export interface StaffDeps {
  ctx: AppContext;
  staff: StaffStores;
  auth: StaffAuth;
  control: ConversationControl;
  /** Ends the `/staff` sockets of a session (logout). */
  disconnectSession(tokenHash: string): void;
}

/** Writes one audit entry for the caller. */
export function audit(deps: StaffDeps, who: StaffPrincipal, action: AuditAction, extra: { conversationId?: string; detail?: Record<string, unknown> } = {}): Promise<void> {
  return deps.staff.audit.record({ at: new Date().toISOString(), staffId: who.account.id, staffName: who.account.name, action, ...extra });
}
