/**
 * @module privacy/private-transcript-store
 * A `TranscriptStore` wrapper for any adapter: what is stored is the redacted copy; the raw
 * activity is handed to the adapter as a side copy only when the raw retention allows (and the
 * redaction changed something). Callers still get the raw activity back from `append` for the
 * current turn: the bot needs the order number and the verification digits the shopper typed.
 *
 * A shopper's message with digits in it, stored while the bot's last reply asked the verification
 * question, is marked `channelData.verificationAnswer` before it is redacted, so every copy masks
 * its verification digits ("还是8000", "its 5678"; the rule is in `redact`). The mark rides on the
 * activity the turn and the staff live view get, so their copies mask the same way. That costs one
 * read of the conversation's last few activities, only for messages that may hold an answer (four
 * digits, or a four-digit group: not an order number alone).
 *
 * Replay after a crash (`unanswered`) reads the raw copy while one is kept; a message whose only
 * copy left is redacted is flagged `redacted`: run again, `[****]` would be a wrong verification
 * answer and `[电话]` a phone number the bot cannot read.
 */
import type { AppendOptions, AppendResult, ChatActivity, TranscriptStore, TranscriptView, UnansweredActivity } from '../core/conversation';
import { DAY_MS, type PrivacySettings } from './privacy-settings';
import { awaitsVerification, differs, redactActivity, VERIFICATION_ANSWER } from './redact-activity';
import { mayHoldAnswer } from './verification-digits';

/** The masks `redact` writes (`[电话]`, `[phone]`, `[****]`…): a copy holding one lost the shopper's words. */
const MASK = /\[(?:电话|phone|邮箱|email|地址|address|卡号|card|\*{4})\]/;

/** How far back the bot's last reply is looked for (a shopper may send a few messages in a row). */
const LOOK_BACK = 5;

/** The activity as stored: without the connection id (`redactActivity` drops it from the redacted copy too). */
function withoutSession(activity: ChatActivity): ChatActivity {
  if (activity.channelData?.session === undefined) return activity;
  const { session: _session, ...channelData } = activity.channelData;
  const out: ChatActivity = { ...activity, channelData };
  if (Object.keys(channelData).length === 0) delete out.channelData;
  return out;
}

/** True when the words the shopper typed were masked in this copy. */
function carriesMask(activity: ChatActivity): boolean {
  const postbackData = activity.channelData?.postbackData;
  return MASK.test(JSON.stringify([activity.text ?? null, activity.value ?? null, postbackData ?? null]));
}

export class PrivateTranscriptStore implements TranscriptStore {
  constructor(
    private readonly inner: TranscriptStore,
    private readonly settings: PrivacySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private rawUntil(): string | undefined {
    return this.settings.rawRetentionDays > 0
      ? new Date(this.now().getTime() + this.settings.rawRetentionDays * DAY_MS).toISOString()
      : undefined;
  }

  async append(activity: ChatActivity, _options?: AppendOptions): Promise<AppendResult> {
    const marked = await this.markAnswer(activity);
    const kept = withoutSession(marked);
    const redacted = redactActivity(kept);
    const rawUntil = this.rawUntil();
    const options = rawUntil && differs(redacted, kept) ? { raw: kept, rawUntil } : {};
    const result = await this.inner.append(redacted, options);
    return result.inserted ? { activity: marked, inserted: true } : result;
  }

  /** The shopper's message marked as a verification answer when the bot's last reply asked for one. */
  private async markAnswer(activity: ChatActivity): Promise<ChatActivity> {
    if (activity.from.role !== 'user' || !mayHoldAnswer(activity.text ?? '')) return activity;
    let awaiting: boolean;
    try {
      const recent = await this.inner.list(activity.conversationId, { limit: LOOK_BACK });
      awaiting = awaitsVerification(recent.reverse().find((a) => a.from.role !== 'user'));
    } catch {
      // Cannot tell: mask as an answer (the append below reports the store's trouble anyway).
      awaiting = true;
    }
    return awaiting ? { ...activity, channelData: { ...activity.channelData, [VERIFICATION_ANSWER]: true } } : activity;
  }

  async appendAll(activities: ChatActivity[]): Promise<AppendResult[]> {
    const kept = activities.map(withoutSession);
    const redacted = kept.map(redactActivity);
    const rawUntil = this.rawUntil();
    const raw = kept.map((a, i) => (differs(redacted[i], a) ? a : undefined));
    const results = await this.inner.appendAll(redacted, rawUntil ? { raw, rawUntil } : {});
    return results.map((r, i) => (r.inserted ? { activity: activities[i], inserted: true } : r));
  }

  get(conversationId: string, activityId: string): Promise<ChatActivity | null> {
    return this.inner.get(conversationId, activityId);
  }

  list(conversationId: string, options?: { before?: string; limit?: number; view?: TranscriptView }): Promise<ChatActivity[]> {
    return this.inner.list(conversationId, options);
  }

  repliesTo(conversationId: string, activityId: string): Promise<ChatActivity[]> {
    return this.inner.repliesTo(conversationId, activityId);
  }

  scan(since: string, options?: { cursor?: string; limit?: number }): Promise<{ activities: ChatActivity[]; next?: string }> {
    return this.inner.scan(since, options);
  }

  purgeRaw(now: string): Promise<number> {
    return this.inner.purgeRaw(now);
  }

  async unanswered(since: string, limit: number): Promise<UnansweredActivity[]> {
    return (await this.inner.unanswered(since, limit)).map(flagRedacted);
  }
}

/** The adapter gives the raw copy while one is kept; a copy that still carries a mask is the redacted one. */
function flagRedacted(found: UnansweredActivity): UnansweredActivity {
  return { ...found, redacted: found.redacted === true || carriesMask(found.activity) };
}
