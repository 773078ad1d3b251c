/**
 * @module cli/handoff-command
 * `kefu handoff list` and `kefu handoff release CONVERSATION_ID`: the handoff queue until the
 * staff console (issue 5) takes over; a released conversation is answered by the bot again.
 * The reasons are printed as staff see them in the console (redacted, cut), one line each: the
 * shopper's line breaks and control characters cannot forge lines or drive the terminal.
 * Listed as staff take them: conversations handed off by an angry shopper first (marked
 * `angry`, the others `normal`), then oldest first.
 */
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { HANDOFF_PRIORITY } from '../core/conversation';
import { staffReason } from '../staff/live-view';
import { openStores } from '../storage/open-stores';

export interface HandoffCommandIo {
  stdout: Writable;
  stderr: Writable;
}

/** Line breaks, tabs, escape sequences and other control characters of shopper text, as one space. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export async function runHandoff(args: string[], io: HandoffCommandIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [action, conversationId] = args;
  const stores = await openStores(loadConfig());
  try {
    if (action === 'list') {
      for (const entry of await stores.handoffs.list()) {
        const priority = entry.priority >= HANDOFF_PRIORITY.angry ? 'angry ' : 'normal';
        io.stdout.write(`${entry.queuedAt}  ${entry.conversationId}  ${priority}  ${staffReason(entry.reason).replace(CONTROL, ' ')}\n`);
      }
      return 0;
    }
    if (action === 'release' && conversationId) {
      if (!(await stores.conversations.get(conversationId))) {
        io.stderr.write(`no conversation ${conversationId}\n`);
        return 1;
      }
      await stores.handoffs.release(conversationId);
      io.stdout.write(`released ${conversationId}: the bot answers it again\n`);
      return 0;
    }
    io.stderr.write('usage: kefu handoff list | kefu handoff release CONVERSATION_ID\n');
    return 2;
  } finally {
    await stores.close();
  }
}
