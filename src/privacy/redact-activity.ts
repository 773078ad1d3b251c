/**
 * @module privacy/redact-activity
 * The staff copy of an activity: its text, postback value and card contents redacted; ids,
 * addressing, times and the bot's channel data (intent, handoff flag) unchanged. A shopper's
 * message marked `channelData.verificationAnswer` (it answered the verification question, see
 * `private-transcript-store`) has all its verification digits masked. The connection id the
 * socket.io channel puts on a message (`channelData.session`) is dropped: it means nothing once
 * the connection is gone, and no stored copy needs it.
 */
import type { ChatActivity } from '../core/conversation';
import { redact, redactDeep } from './redact';

/** Set on a shopper's message that answers the verification question. */
export const VERIFICATION_ANSWER = 'verificationAnswer';

/**
 * What the order flow puts on a reply that asks the verification question (`channelData`): the
 * shopper's next message with digits in it is the answer.
 * @example reply.channelData = { ...reply.channelData, ...AWAITS_VERIFICATION };
 */
export const AWAITS_VERIFICATION = { awaiting: 'verification' } as const;

/** Whether a stored reply asked the verification question. */
export function awaitsVerification(activity: ChatActivity | undefined): boolean {
  return activity?.channelData?.awaiting === AWAITS_VERIFICATION.awaiting;
}

export function redactActivity(activity: ChatActivity): ChatActivity {
  const out: ChatActivity = { ...activity };
  const verificationAnswer = activity.channelData?.[VERIFICATION_ANSWER] === true;
  if (activity.text !== undefined) out.text = redact(activity.text, { verificationAnswer });
  if (activity.value !== undefined) out.value = redactDeep(activity.value);
  if (activity.attachments) out.attachments = activity.attachments.map((a) => ({ ...a, content: redactDeep(a.content) }));
  if (activity.channelData) {
    const { session: _session, ...channelData } = activity.channelData;
    if (channelData.postbackData !== undefined) channelData.postbackData = redactDeep(channelData.postbackData);
    if (Object.keys(channelData).length > 0) out.channelData = channelData;
    else delete out.channelData;
  }
  return out;
}

/** True when redaction changed something (only then is a raw copy worth keeping). */
export function differs(a: ChatActivity, b: ChatActivity): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
