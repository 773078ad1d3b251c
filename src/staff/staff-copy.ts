/**
 * @module staff/staff-copy
 * What staff may see of an activity. The stored copy is redacted text (`privacy/redact-activity`),
 * and the bot stores the entities on its replies (`channelData.entities`) with personal values
 * already masked (`privacy/redact` `redactEntity`). Replies stored before it did may still hold a
 * phone number the recogniser normalised to bare digits ("(555) 123-4567" → "5551234567"), which
 * the text redaction no longer recognises; so the same mask is applied here once more, on the way
 * to the console, the `/staff` socket and exports (a value already masked stays as it is).
 */
import type { ChatActivity } from '../core/conversation';
import { redactActivity } from '../privacy/redact-activity';
import { redactEntity } from '../privacy/redact';

function maskEntity(entity: unknown, locale: 'zh' | 'en'): unknown {
  if (typeof entity !== 'object' || entity === null) return entity;
  const fields = entity as Record<string, unknown>;
  return redactEntity({ ...fields, type: String(fields.type) }, locale);
}

/**
 * A stored (already redacted) activity with its personal entity values masked.
 * @example const turns = groupTurns(stored.map(maskPersonalEntities));
 */
export function maskPersonalEntities(activity: ChatActivity): ChatActivity {
  const entities = activity.channelData?.entities;
  if (!Array.isArray(entities)) return activity;
  return { ...activity, channelData: { ...activity.channelData, entities: entities.map((e) => maskEntity(e, activity.locale ?? 'en')) } };
}

/** The staff copy of an activity as the pipeline emits it (unredacted): redacted, entities masked. */
export function staffCopy(activity: ChatActivity): ChatActivity {
  return maskPersonalEntities(redactActivity(activity));
}
