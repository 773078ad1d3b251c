/**
 * @module staff/staff-copy
 * What staff may see of an activity. The stored copy is redacted text (`privacy/redact-activity`),
 * but the entities the bot records on its replies (`channelData.entities`) keep the recogniser's
 * value, and a phone number it normalised to bare digits ("(555) 123-4567" → "5551234567") is no
 * longer a shape the text redaction knows. So the value of every personal entity (phone, e-mail)
 * is replaced by its mask here, on the way to the console, the `/staff` socket and exports.
 */
import type { ChatActivity } from '../core/conversation';
import { redactActivity } from '../privacy/redact-activity';

/** Entity types whose value is personal data, and the mask staff see instead (console-api.md, `Entity`). */
const PERSONAL_ENTITY_MASKS = new Map([
  ['phone', '[phone]'],
  ['email', '[email]'],
]);

function maskEntity(entity: unknown): unknown {
  if (typeof entity !== 'object' || entity === null) return entity;
  const mask = PERSONAL_ENTITY_MASKS.get(String((entity as { type?: unknown }).type));
  if (mask === undefined) return entity;
  const { text: _text, ...rest } = entity as Record<string, unknown>;
  return { ...rest, value: mask };
}

/**
 * A stored (already redacted) activity with its personal entity values masked.
 * @example const turns = groupTurns(stored.map(maskPersonalEntities));
 */
export function maskPersonalEntities(activity: ChatActivity): ChatActivity {
  const entities = activity.channelData?.entities;
  if (!Array.isArray(entities)) return activity;
  return { ...activity, channelData: { ...activity.channelData, entities: entities.map(maskEntity) } };
}

/** The staff copy of an activity as the pipeline emits it (unredacted): redacted, entities masked. */
export function staffCopy(activity: ChatActivity): ChatActivity {
  return maskPersonalEntities(redactActivity(activity));
}
