/**
 * @module cli/handoff-command
 * `kefu handoff list` and `kefu handoff release CONVERSATION_ID`: the handoff queue until the
 * staff console (issue 5) takes over; a released conversation is answered by the bot again.
 */
import { loadConfig } from '../config';
import { openStores } from '../storage/open-stores';

export async function runHandoff(args: string[]): Promise<number> {
  const [action, conversationId] = args;
  const stores = await openStores(loadConfig());
  try {
    if (action === 'list') {
      for (const entry of await stores.handoffs.list()) {
        process.stdout.write(`${entry.queuedAt}  ${entry.conversationId}  ${entry.reason}\n`);
      }
      return 0;
    }
    if (action === 'release' && conversationId) {
      if (!(await stores.conversations.get(conversationId))) {
        process.stderr.write(`no conversation ${conversationId}\n`);
        return 1;
      }
      await stores.handoffs.release(conversationId);
      process.stdout.write(`released ${conversationId}: the bot answers it again\n`);
      return 0;
    }
    process.stderr.write('usage: kefu handoff list | kefu handoff release CONVERSATION_ID\n');
    return 2;
  } finally {
    await stores.close();
  }
}
