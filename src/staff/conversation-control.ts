/**
 * @module staff/conversation-control
 * An agent takes a conversation over, writes to the shopper, and releases it back to the bot.
 * Taking over sets the conversation's `handoff` flag (the bot stays quiet), removes it from the
 * handoff queue and records the assignment; only one agent holds a conversation at a time.
 * The shopper is told when an agent joins and leaves (`dialogs/agent-presence`).
 */
import { randomUUID } from 'node:crypto';
import { BOT_ID, type ChatService } from '../chat/chat-service';
import type { ChatActivity, Conversation, ConversationStore, HandoffQueue, TranscriptStore } from '../core/conversation';
import type { Assignment, Assignments, AuditLog, StaffAccount } from '../core/staff';
import { agentPresenceNotice, type AgentPresence } from '../dialogs/agent-presence';
import type { Responses } from '../domain/responses';
import { redactActivity } from '../privacy/redact-activity';
import { createLogger } from '../log';
import { notFound, staffError } from './staff-error';

const log = createLogger('kefu:staff');

export interface ControlStores {
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  handoffs: HandoffQueue;
  assignments: Assignments;
  audit: AuditLog;
}

export const MAX_AGENT_TEXT = 2000;

export class ConversationControl {
  constructor(
    private readonly stores: ControlStores,
    private readonly chat: ChatService,
    /** The wording of "agent joined / left"; without it the shopper is not told. */
    private readonly responses?: Responses,
  ) {}

  async conversation(id: string): Promise<Conversation> {
    const conversation = await this.stores.conversations.get(id);
    if (!conversation) throw notFound('No such conversation.', '没有这个会话。');
    return conversation;
  }

  /** @throws 409 with `holder` when another agent holds it */
  async takeover(id: string, staff: StaffAccount): Promise<Assignment> {
    await this.conversation(id);
    const assignment: Assignment = { conversationId: id, staffId: staff.id, staffName: staff.displayName, since: new Date().toISOString() };
    const heldBefore = await this.stores.assignments.get(id);
    const taken = await this.stores.assignments.take(assignment);
    if (!taken.ok) {
      const holder = taken.holder;
      throw staffError(409, 'KEFU_CONFLICT', `Already taken by ${holder.staffName}.`, `已由 ${holder.staffName} 接管。`, {
        holder: { staffId: holder.staffId, staffName: holder.staffName },
      });
    }
    // Leaving the queue clears the flag in the adapters, so the flag is set after it.
    await this.stores.handoffs.release(id);
    const updated = await this.stores.conversations.update(id, { handoff: true });
    await this.audit(staff, 'takeover', id);
    if (updated) this.chat.events.emit('conversation', updated);
    if (updated && !heldBefore) await this.tellShopper(updated, 'joined', staff);
    return (await this.stores.assignments.get(id)) ?? assignment;
  }

  /** @throws 409 when the caller does not hold it */
  async release(id: string, staff: StaffAccount): Promise<void> {
    await this.conversation(id);
    if (!(await this.stores.assignments.release(id, staff.id))) throw notHolding();
    await this.stores.handoffs.release(id);
    const updated = await this.stores.conversations.update(id, { handoff: false });
    await this.audit(staff, 'release', id);
    if (updated) this.chat.events.emit('conversation', updated);
    if (updated) await this.tellShopper(updated, 'left', staff);
  }

  /** Stores and pushes "agent joined / left"; a failure is logged, the takeover or release stands. */
  private async tellShopper(conversation: Conversation, presence: AgentPresence, staff: StaffAccount): Promise<void> {
    if (!this.responses) return;
    const notice = agentPresenceNotice(this.responses, conversation, presence, staff.displayName, { id: BOT_ID, role: 'bot' });
    try {
      const stored = await this.stores.transcripts.append(notice);
      this.chat.events.emit('activity', stored.activity);
      this.chat.push(conversation, notice);
    } catch (err) {
      log.warn('cannot tell the shopper in %s that the agent %s', conversation.id, presence, err);
    }
  }

  /**
   * Stores the agent's message (redacted, like every transcript) and pushes the agent's own words
   * to the shopper on the conversation's channel. Resolves with the staff (redacted) copy and
   * whether the channel could deliver it now (a channel without a pusher cannot).
   * @throws 409 unless the caller holds the conversation
   */
  async send(id: string, staff: StaffAccount, text: unknown): Promise<{ activity: ChatActivity; delivered: boolean }> {
    if (typeof text !== 'string' || text.trim().length === 0 || text.length > MAX_AGENT_TEXT) {
      throw staffError(400, 'KEFU_BAD_REQUEST', `text must be 1–${MAX_AGENT_TEXT} characters.`, `text 必须是 1–${MAX_AGENT_TEXT} 个字符。`);
    }
    const conversation = await this.conversation(id);
    const holder = await this.stores.assignments.get(id);
    if (!holder || holder.staffId !== staff.id) throw notHolding();
    const activity: ChatActivity = {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      conversationId: id,
      from: { id: staff.id, role: 'agent', name: staff.displayName },
      ...(conversation.locale ? { locale: conversation.locale } : {}),
      text,
    };
    const stored = await this.stores.transcripts.append(activity);
    this.chat.events.emit('activity', stored.activity);
    const delivered = this.chat.push(conversation, activity);
    await this.audit(staff, 'reply', id, { activityId: activity.id });
    return { activity: redactActivity(activity), delivered };
  }

  private audit(staff: StaffAccount, action: 'takeover' | 'release' | 'reply', conversationId: string, detail?: Record<string, unknown>): Promise<void> {
    return this.stores.audit.record({ at: new Date().toISOString(), staffId: staff.id, staffName: staff.name, action, conversationId, ...(detail ? { detail } : {}) });
  }
}

function notHolding() {
  return staffError(409, 'KEFU_CONFLICT', 'You do not hold this conversation. Take it over first.', '你没有接管这个会话，请先接管。');
}
