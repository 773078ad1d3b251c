/**
 * @module dialogs/faq-handler
 * Shop questions answered from the FAQ: the best entry for the question (preferring the
 * intent's topic); when nothing fits, say so and offer a human. The answer is shown once: the
 * protocol says FAQ answers always come with an FAQ card, so the card carries the question and the
 * answer and the message text is a short lead-in (`faq.leadIn`). Plain-text channels print the
 * card's answer under the lead-in (`channels/plain-text.ts`), so every channel says it once.
 */
import type { TurnContext } from 'botbuilder-core';
import { localize, type Faq, type Locale } from '../core/shop';
import type { BotServices } from './turn/bot-services';
import { ContentTypes, reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { faqTagOf } from '../domain/domain-queries';
import { handoffAction } from './menu';


export function faqCard(faq: Faq, locale: Locale) {
  const questions = faq.questions[locale] ?? Object.values(faq.questions)[0] ?? [];
  return {
    contentType: ContentTypes.faq,
    content: { faqId: faq.id, question: questions[0] ?? '', answer: localize(faq.answer, locale) },
  };
}

/** The text an FAQ card comes with: a lead-in, never the answer again (the card holds it). */
export function faqLeadIn(services: BotServices, locale: Locale): string {
  return services.responses.text(locale, 'faq.leadIn');
}

/**
 * The best FAQ entry for the question. A menu tap has no question: then the first entry with
 * the intent's tag (the domain's `faqTag`, or its `faq` answer's `tag`) is the answer.
 */
export function findFaq(services: BotServices, text: string, locale: Locale, intent: string): Faq | null {
  const tag = faqTagOf(services.domain, intent);
  if (text.trim()) {
    // The intent already names the topic: an entry of that topic that shares real words with the
    // question beats a closer-worded entry of another topic ("how many days until my refund
    // arrives" is about refunds, not delivery times).
    const onTopic = tag ? services.faq.search(text, locale, { tags: [tag], limit: 5 }).find((h) => h.faq.tags?.includes(tag)) : undefined;
    // `faqOnTopic` is about half of FaqRetriever's general bar.
    if (onTopic && onTopic.confidence >= services.domain.thresholds.faqOnTopic) return onTopic.faq;
    const hit = services.faq.best(text, locale, tag ? { tags: [tag] } : {});
    if (hit) return hit.faq;
  }
  if (!tag) return null;
  return text.trim() ? null : services.faqs.find((f) => f.tags?.includes(tag)) ?? null;
}

/** Answers from the FAQ; returns whether an answer was found. */
export async function handleFaq(context: TurnContext, services: BotServices, intent: string): Promise<boolean> {
  const { locale, text } = turnInfo(context);
  const faq = findFaq(services, text, locale, intent);
  if (!faq) {
    await reply(context, services.responses.text(locale, 'faq.noAnswer'), locale, {
      actions: [handoffAction(services.responses, locale)],
    });
    return false;
  }
  await reply(context, faqLeadIn(services, locale), locale, { attachments: [faqCard(faq, locale)] });
  return true;
}
