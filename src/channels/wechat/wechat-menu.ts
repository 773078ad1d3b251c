/**
 * @module channels/wechat/wechat-menu
 * A shopper who answers a numbered menu with "2" means its second action. The menu is the one
 * the shopper last saw: read back from the transcript (the replies since their previous
 * message), so it survives a restart and holds across servers, and no second copy of it is kept.
 */
import type { SuggestedAction, TranscriptStore } from '../../core/conversation';
import { actionForNumber, menuOf } from '../plain-text';

/** Enough for one turn's replies and a few agent messages. */
const LOOK_BACK = 20;
/** Only a lone digit can pick from a menu; anything else needs no transcript read. */
const MENU_NUMBER = /^\s*[1-9１-９]\s*[.。、]?\s*$/;

/**
 * The action the shopper's `text` picks from the menu shown before their message `activityId`
 * (which may already be stored, when WeChat retries it), if it picks one.
 */
export async function chosenMenuAction(
  transcripts: TranscriptStore,
  conversationId: string,
  activityId: string,
  text: string,
): Promise<SuggestedAction | undefined> {
  if (!MENU_NUMBER.test(text)) return undefined;
  const recent = await transcripts.list(conversationId, { limit: LOOK_BACK });
  const at = recent.findIndex((a) => a.id === activityId);
  const earlier = at >= 0 ? recent.slice(0, at) : recent;
  let start = earlier.length;
  while (start > 0 && earlier[start - 1].from.role !== 'user') start--;
  return actionForNumber(menuOf(earlier.slice(start))?.actions, text);
}
