/**
 * @module core/conversation-state-keys
 * The keys of the dialog-state store (botbuilder `Storage`) that belong to one conversation, so
 * that retention deletes them with it: botbuilder's `ConversationState`
 * (`<channel>/conversations/<id>/`) and the Bot Framework channel's conversation reference
 * (`botframework/references/<id>`, `channels/botframework/reference-store`; written for that
 * channel's conversations only, deleted for any).
 */

/** @example conversationStateKeys('wechat:o123', 'wechat') // ['wechat/conversations/wechat:o123/', 'botframework/references/wechat:o123'] */
export function conversationStateKeys(conversationId: string, channel: string): string[] {
  return [`${channel}/conversations/${conversationId}/`, `botframework/references/${conversationId}`];
}
