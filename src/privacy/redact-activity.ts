/**
 * @module privacy/redact-activity
 * The staff copy of an activity: its text, postback value and card contents redacted; ids,
 * addressing, times and the bot's channel data (intent, handoff flag) unchanged.
 */
import type { ChatActivity } from '../core/conversation';
import { redact, redactDeep } from './redact';

export function redactActivity(activity: ChatActivity): ChatActivity {
  const out: ChatActivity = { ...activity };
  if (activity.text !== undefined) out.text = redact(activity.text);
  if (activity.value !== undefined) out.value = redactDeep(activity.value);
  if (activity.attachments) out.attachments = activity.attachments.map((a) => ({ ...a, content: redactDeep(a.content) }));
  const postbackData = activity.channelData?.postbackData;
  if (postbackData !== undefined) out.channelData = { ...activity.channelData, postbackData: redactDeep(postbackData) };
  return out;
}

/** True when redaction changed something (only then is a raw copy worth keeping). */
export function differs(a: ChatActivity, b: ChatActivity): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
