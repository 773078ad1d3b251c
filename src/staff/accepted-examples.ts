/**
 * @module staff/accepted-examples
 * Accepted annotations as training utterances: the shopper's (redacted) words labelled with the
 * intent staff chose. Sorted and de-duplicated, so the same set always gives the same model hash.
 */
import type { AnnotationStore } from '../core/staff';
import { createLogger } from '../log';
import type { IntentExample } from '../nlp/corpus-types';

const log = createLogger('kefu:staff:accepted-examples');

/** The store's largest annotation page. */
const MAX_ACCEPTED = 1000;

/**
 * @example const extra = await acceptedExamples(stores.staff.annotations); loadOrTrainModel({ ..., extraExamples: extra })
 */
export async function acceptedExamples(annotations: AnnotationStore): Promise<IntentExample[]> {
  let accepted;
  try {
    accepted = await annotations.list({ status: 'accepted', limit: MAX_ACCEPTED });
  } catch (err) {
    // The bot still starts (on the corpus alone) when the store cannot list annotations.
    log.warn('cannot read accepted annotations; training without them: %s', err instanceof Error ? err.message : String(err));
    return [];
  }
  const unique = new Map<string, IntentExample>();
  for (const a of accepted) {
    const example: IntentExample = { text: a.text, intent: a.correctIntent, locale: a.locale };
    unique.set(JSON.stringify([example.locale, example.intent, example.text]), example);
  }
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
