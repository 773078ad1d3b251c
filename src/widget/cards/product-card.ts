/**
 * @module widget/cards/product-card
 * `application/vnd.kefu.product+json`: image, title (a link when the product has a URL),
 * brand and category, price, stock and the reason it was recommended.
 */
import type { ProductCardContent } from '../../core/chat-protocol';
import { el } from '../dom';
import { fmtMoney } from '../format';
import { pick } from '../locale';
import type { RenderContext, Wire } from '../render-context';
import { safeUrl } from '../safe-url';

export function productCard(c: Wire<ProductCardContent>, ctx: RenderContext): HTMLElement {
  const { t, lang } = ctx;
  const title = pick(c.title, lang);
  const href = safeUrl(c.url, ctx.serverUrl);
  const card = el('article', { class: 'kefu-card kefu-card--product', 'data-testid': 'chat-card', 'data-kind': 'product', 'data-product-id': c.productId == null ? null : String(c.productId) });
  const imgSrc = safeUrl(c.imageUrl, ctx.serverUrl);
  if (imgSrc) {
    const figure = el('div', { class: 'kefu-card-media' });
    const img = el('img', { class: 'kefu-card-img', alt: '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
    img.addEventListener('error', () => figure.remove(), { once: true });
    img.addEventListener('load', () => {
      figure.classList.add('kefu-loaded');
      ctx.grew();
    }, { once: true });
    img.src = imgSrc;
    figure.appendChild(img);
    card.appendChild(figure);
  }
  const body = el('div', { class: 'kefu-card-body' });
  const titleNode = href
    ? el('a', { class: 'kefu-card-title', href, target: '_blank', rel: 'noopener noreferrer', text: title })
    : el('h3', { class: 'kefu-card-title', text: title });
  body.appendChild(href ? el('h3', { class: 'kefu-card-heading' }, [titleNode]) : titleNode);
  // The bot names the category in the shopper's language (categoryName); older replies carry only the slug.
  const category = c.categoryName ? pick(c.categoryName, lang) : c.category == null ? '' : t.category(String(c.category)) || pick(c.category, lang);
  const meta = [pick(c.brand, lang), category].filter(Boolean).join(' · ');
  if (meta) body.appendChild(el('p', { class: 'kefu-card-meta', text: meta }));
  const priceRow = el('div', { class: 'kefu-card-row' }, [el('span', { class: 'kefu-price', text: fmtMoney(c.price, c.currency, lang) })]);
  const stock = stockBadge(c, ctx);
  if (stock) priceRow.appendChild(stock);
  body.appendChild(priceRow);
  if (c.reason) body.appendChild(el('p', { class: 'kefu-card-reason' }, [el('span', { class: 'kefu-card-label', text: t.text('reason') }), pick(c.reason, lang)]));
  card.appendChild(body);
  return card;
}

/** Out of stock, only a few left, how many, or just "in stock". */
function stockBadge(c: Wire<ProductCardContent>, { t }: RenderContext): HTMLElement | null {
  const n = typeof c.stock === 'number' && Number.isFinite(c.stock) ? Math.max(0, Math.floor(c.stock)) : null;
  let text: string | null = null;
  let kind = 'ok';
  if (c.inStock === false || n === 0) {
    text = t.text('outOfStock');
    kind = 'out';
  } else if (n != null && n <= 5) {
    text = t.text('lowStock', { n: n });
    kind = 'low';
  } else if (n != null) text = `${t.text('inStock')} · ${t.text('stockCount', { n: n })}`;
  else if (c.inStock === true) text = t.text('inStock');
  return text ? el('span', { class: `kefu-stock kefu-stock--${kind}`, text }) : null;
}
