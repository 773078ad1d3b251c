/**
 * @module widget/conversation-id-store
 * The conversation id kept in the browser per kefu server, so a reload resumes the conversation.
 */

const STORAGE_PREFIX = 'kefu.conversationId:';

export class ConversationIdStore {
  private readonly key: string;

  constructor(serverUrl: string) {
    this.key = STORAGE_PREFIX + serverUrl;
  }

  get(): string | null {
    try {
      return window.localStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  /** `null` forgets it. */
  set(id: string | null): void {
    try {
      if (id == null) window.localStorage.removeItem(this.key);
      else window.localStorage.setItem(this.key, id);
    } catch {
      /* private mode or quota: the conversation just won't resume */
    }
  }
}
