/**
 * @module chat/turns-in-flight
 * The turns queued or running in this process, by conversation and message id, so that a
 * message retried by the client, or found again by a replay, is not run twice at once.
 */
export class TurnsInFlight {
  private readonly keys = new Set<string>();

  has(conversationId: string, activityId: string): boolean {
    return this.keys.has(key(conversationId, activityId));
  }

  add(conversationId: string, activityId: string): void {
    this.keys.add(key(conversationId, activityId));
  }

  delete(conversationId: string, activityId: string): void {
    this.keys.delete(key(conversationId, activityId));
  }
}

function key(conversationId: string, activityId: string): string {
  return `${conversationId}\n${activityId}`;
}
