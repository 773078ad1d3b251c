/**
 * @module widget/cards/attachments
 * A message's attachments as cards: one renderer per content type of the protocol (the map's
 * type makes a new content type in `core/chat-protocol` fail to compile until it has one);
 * several products become a carousel; unknown types are skipped.
 */
import { ContentTypes, type CardContents, type ContentType } from '../../core/chat-protocol';
import { appendAll, el } from '../dom';
import type { RenderContext, Wire } from '../render-context';
import { faqCard } from './faq-card';
import { orderCard } from './order-card';
import { productCard } from './product-card';

const RENDERERS: { [K in ContentType]: (content: Wire<CardContents[K]>, ctx: RenderContext) => HTMLElement } = {
  [ContentTypes.product]: productCard,
  [ContentTypes.order]: orderCard,
  [ContentTypes.faq]: faqCard,
};

function isContentType(value: unknown): value is ContentType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RENDERERS, value);
}

export function renderAttachments(list: readonly unknown[], ctx: RenderContext): HTMLElement | null {
  const products: HTMLElement[] = [];
  const others: HTMLElement[] = [];
  for (const att of list) {
    if (!att || typeof att !== 'object') continue;
    const { contentType, content } = att as { contentType?: unknown; content?: unknown };
    if (!isContentType(contentType) || !content || typeof content !== 'object') continue;
    const render = RENDERERS[contentType] as (content: object, ctx: RenderContext) => HTMLElement;
    (contentType === ContentTypes.product ? products : others).push(render(content, ctx));
  }
  if (!products.length && !others.length) return null;
  const wrap = el('div', { class: 'kefu-cards' });
  if (products.length > 1) {
    for (const c of products) c.setAttribute('role', 'listitem');
    wrap.appendChild(el('div', { class: 'kefu-carousel', role: 'list', 'aria-label': ctx.t.text('products'), tabindex: '0' }, products));
  } else if (products.length) {
    wrap.appendChild(products[0]);
  }
  appendAll(wrap, others);
  return wrap;
}
