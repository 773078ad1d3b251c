/**
 * @module widget/cards/faq-card
 * `application/vnd.kefu.faq+json`: the question and the shop's answer (links in it clickable).
 */
import type { FaqCardContent } from '../../core/chat-protocol';
import { appendText, el } from '../dom';
import { pick } from '../locale';
import type { RenderContext, Wire } from '../render-context';

export function faqCard(c: Wire<FaqCardContent>, ctx: RenderContext): HTMLElement {
  const card = el('article', { class: 'kefu-card kefu-card--faq', 'data-testid': 'chat-card', 'data-kind': 'faq', 'data-faq-id': c.faqId == null ? null : String(c.faqId) });
  card.appendChild(el('span', { class: 'kefu-card-label kefu-faq-label', text: ctx.t.text('faq') }));
  card.appendChild(el('h3', { class: 'kefu-faq-q', text: pick(c.question, ctx.lang) }));
  card.appendChild(appendText(el('p', { class: 'kefu-faq-a' }), pick(c.answer, ctx.lang), ctx.serverUrl));
  return card;
}
