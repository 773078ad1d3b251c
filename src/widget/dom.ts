/**
 * @module widget/dom
 * Building DOM from data: strings become text nodes and `text` sets textContent. There is
 * deliberately no way to pass HTML, so nothing the shopper, the bot or an agent wrote can
 * become markup.
 */
import { safeUrl } from './safe-url';

/** Attributes; `class` sets the class name, `text` the text content, `onclick` etc. add listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;
export type Child = Node | string | null | undefined | false;

/** @example el('p', { class: 'kefu-note', text: reply.text }) */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, children?: Child | Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (v == null || v === false) continue;
      if (typeof v === 'function') {
        if (key.startsWith('on')) node.addEventListener(key.slice(2), v);
      } else if (key === 'class') node.className = String(v);
      else if (key === 'text') node.textContent = String(v);
      else node.setAttribute(key, v === true ? '' : String(v));
    }
  }
  appendAll(node, children);
  return node;
}

export function appendAll<N extends Node>(node: N, children?: Child | Child[]): N {
  if (children == null) return node;
  for (const c of Array.isArray(children) ? children : [children]) {
    if (c == null || c === false || c === '') continue;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

// A URL ends at a space, a quote or Chinese punctuation (，。！？；：、（）【】《》「」, escaped so the
// bundle stays ASCII).
const URL_RE = /https?:\/\/[^\s<>"'`\uFF0C\u3002\uFF01\uFF1F\uFF1B\uFF1A\u3001\uFF08\uFF09\u3010\u3011\u300A\u300B\u300C\u300D]+/gi;

/** Appends plain text, turning http(s) URLs into links (text nodes only). */
export function appendText<N extends Node>(node: N, text: string, base?: string): N {
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?)\]}]+$/, '');
    const href = safeUrl(url, base);
    const at = m.index ?? 0;
    if (!href) continue;
    if (at > last) node.appendChild(document.createTextNode(text.slice(last, at)));
    node.appendChild(el('a', { class: 'kefu-link', href, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }));
    last = at + url.length;
  }
  if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  return node;
}

/** Runs `fn` once the document is parsed. */
export function onReady(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else setTimeout(fn, 0);
}
