/**
 * @module widget/icons
 * The widget's icons: static, trusted SVG path data only.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

const ICONS = {
  chat: { d: 'M12 3C6.9 3 3 6.5 3 10.9c0 2.4 1.2 4.6 3.1 6L5.4 21l4.3-2.3c.7.1 1.5.2 2.3.2 5.1 0 9-3.5 9-7.9S17.1 3 12 3z', fill: true },
  close: { d: 'M6 6l12 12M18 6L6 18' },
  chevron: { d: 'M6 9l6 6 6-6' },
  send: { d: 'M4.5 12 3 4l18 8-18 8 1.5-8zm0 0H12' },
  up: { d: 'M7 10v10H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1H7zm0 0 3.6-6.4A1.8 1.8 0 0 1 14 4.8V9h4.8a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.6 20H7' },
  clock: { d: 'M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z' },
  alert: { d: 'M12 8v5m0 3.5v.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z' },
  retry: { d: 'M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6' },
  agent: { d: 'M4 13v-1a8 8 0 0 1 16 0v1M4 13h2.5v5H5a1 1 0 0 1-1-1v-4zm16 0h-2.5v5H19a1 1 0 0 0 1-1v-4zm-2.5 5c0 1.5-1.5 2.5-4 2.5' },
  bot: { d: 'M12 4v3M7 7h10a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3zm2.5 5.5v1m5-1v1' },
} as const satisfies Record<string, { d: string; fill?: boolean }>;

export type IconName = keyof typeof ICONS;

/** @example icon('send') */
export function icon(name: IconName, cls?: string): SVGSVGElement {
  const spec: { d: string; fill?: boolean } = ICONS[name];
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'kefu-icon' + (cls ? ' ' + cls : ''));
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', spec.d);
  if (spec.fill) {
    path.setAttribute('fill', 'currentColor');
  } else {
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
  }
  svg.appendChild(path);
  return svg;
}
