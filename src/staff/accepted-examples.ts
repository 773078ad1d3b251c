/**
 * @module staff/accepted-examples
 * Accepted annotations as training utterances: the shopper's (redacted) words labelled with the
 * intent staff chose. Every accepted annotation is read, a store page at a time; sorted and
 * de-duplicated, so the same set always gives the same model hash.
 */
import type { Annotation, AnnotationListOptions, AnnotationStore } from '../core/staff';
import { createLogger } from '../log';
import type { IntentExample } from '../nlp/corpus-types';

const log = createLogger('kefu:staff:accepted-examples');

/** The store's largest annotation page. */
const PAGE = 1000;

/**
 * Every annotation that passes `filter`, newest first, read page by page (the store caps a page).
 * @example const mine = await listAllAnnotations(stores.staff.annotations, { conversationId });
 */
export async function listAllAnnotations(
  annotations: AnnotationStore,
  filter: Omit<AnnotationListOptions, 'limit' | 'after'> = {},
): Promise<Annotation[]> {
  const all: Annotation[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await annotations.list({ ...filter, limit: PAGE, ...(last ? { after: { createdAt: last.createdAt, id: last.id } } : {}) });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/**
 * @example const extra = await acceptedExamples(stores.staff.annotations); loadOrTrainModel({ ..., extraExamples: extra })
 */
export async function acceptedExamples(annotations: AnnotationStore): Promise<IntentExample[]> {
  let accepted;
  try {
    accepted = await listAllAnnotations(annotations, { status: 'accepted' });
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
