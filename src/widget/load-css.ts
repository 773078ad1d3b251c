/**
 * @module widget/load-css
 * The widget's stylesheet, added once; the widget stays hidden until it is styled.
 */
import { el } from './dom';

/** Resolves when the stylesheet loaded, failed, or after 3 s; no `href`: the page styles it. */
export function loadCss(href: string | false | undefined): Promise<void> {
  if (!href) return Promise.resolve();
  const existing = document.querySelector<HTMLLinkElement>('link[data-kefu-css]');
  if (existing && existing.getAttribute('href') === href) {
    return existing.sheet ? Promise.resolve() : waitLink(existing);
  }
  if (existing) existing.remove();
  const link = el('link', { rel: 'stylesheet', href, 'data-kefu-css': '' });
  const done = waitLink(link);
  document.head.appendChild(link);
  return done;
}

function waitLink(link: HTMLLinkElement): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 3000);
    const end = (): void => {
      clearTimeout(t);
      resolve();
    };
    link.addEventListener('load', end, { once: true });
    link.addEventListener('error', end, { once: true });
  });
}
