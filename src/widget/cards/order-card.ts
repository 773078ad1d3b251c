/**
 * @module widget/cards/order-card
 * `application/vnd.kefu.order+json`: order id and status, items, total, carrier, tracking
 * number, estimated delivery and the latest shipping event.
 */
import type { OrderCardContent } from '../../core/chat-protocol';
import { el } from '../dom';
import { fmtDate, fmtMoney } from '../format';
import { pick } from '../locale';
import type { RenderContext, Wire } from '../render-context';

/** The card as sent: `statusLabel` is the status in the shopper's language, the bot's own word for it. */
type OrderItem = Wire<OrderCardContent['items'][number]>;
type OrderEvent = Wire<NonNullable<OrderCardContent['lastEvent']>>;

export function orderCard(c: Wire<OrderCardContent>, ctx: RenderContext): HTMLElement {
  const { t, lang } = ctx;
  const status = c.status == null ? '' : String(c.status);
  // A card stored before cards named their status shows the status as sent.
  const statusText = typeof c.statusLabel === 'string' && c.statusLabel ? c.statusLabel : status;
  const card = el('article', { class: 'kefu-card kefu-card--order', 'data-testid': 'chat-card', 'data-kind': 'order', 'data-order-id': c.orderId == null ? null : String(c.orderId) });
  card.appendChild(el('div', { class: 'kefu-order-head' }, [
    el('h3', { class: 'kefu-order-id' }, [el('span', { class: 'kefu-card-label', text: t.text('order') + ' ' }), el('span', { class: 'kefu-mono', text: pick(c.orderId, lang) })]),
    status ? el('span', { class: 'kefu-status kefu-status--' + status.replace(/[^a-z-]/gi, ''), 'data-status': status, text: statusText }) : null,
  ]));
  if (Array.isArray(c.items) && c.items.length) {
    const items = (c.items as unknown[]).filter((it): it is OrderItem => !!it && typeof it === 'object');
    card.appendChild(el('ul', { class: 'kefu-order-items', 'aria-label': t.text('items') }, items.map((it) =>
      el('li', null, [
        el('span', { class: 'kefu-item-title', text: pick(it.title, lang) || pick(it.productId, lang) }),
        el('span', { class: 'kefu-item-qty', text: '×' + (it.quantity == null ? 1 : pick(it.quantity, lang)) }),
      ]))));
  }
  const dl = el('dl', { class: 'kefu-facts' });
  const fact = (label: string, value: string, cls?: string): void => {
    if (value === '') return;
    dl.appendChild(el('div', { class: 'kefu-fact' + (cls ? ' ' + cls : '') }, [el('dt', { text: label }), el('dd', { text: value })]));
  };
  if (c.total != null) fact(t.text('total'), fmtMoney(c.total, c.currency, lang), 'kefu-fact--total');
  fact(t.text('carrier'), pick(c.carrier, lang));
  fact(t.text('tracking'), pick(c.trackingNumber, lang), 'kefu-fact--mono');
  fact(t.text('eta'), fmtDate(c.estimatedDelivery, lang, false));
  if (dl.childNodes.length) card.appendChild(dl);
  const ev = c.lastEvent && typeof c.lastEvent === 'object' ? (c.lastEvent as OrderEvent) : null;
  if (ev && (ev.description || ev.at)) {
    card.appendChild(el('div', { class: 'kefu-order-event' }, [
      el('span', { class: 'kefu-card-label', text: t.text('lastEvent') }),
      el('p', { text: pick(ev.description, lang) }),
      ev.at ? el('time', { datetime: String(ev.at), text: fmtDate(ev.at, lang, true) }) : null,
    ]));
  }
  return card;
}
