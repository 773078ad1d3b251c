/**
 * @module console/dom
 * Builds DOM nodes. Strings in `children` become text nodes and `text` sets textContent:
 * there is deliberately no way to pass HTML, so shopper and store text is always text.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, props, children) {
  if (props) {
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (v == null || v === false) continue;
      if (key === 'class') node.setAttribute('class', v);
      else if (key === 'text') node.textContent = String(v);
      else if (key === 'dataset') Object.assign(node.dataset, v);
      else if (key.startsWith('on') && typeof v === 'function') node.addEventListener(key.slice(2), v);
      else if (key === 'value' && 'value' in node) node.value = String(v);
      else node.setAttribute(key, v === true ? '' : String(v));
    }
  }
  return append(node, children);
}

/**
 * An HTML element.
 * @example el('button', { class: 'btn', onclick: go, 'data-testid': 'takeover' }, [t('takeover')])
 */
export function el(tag, props, children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element (charts); attributes as for `el`. */
export function svg(tag, props, children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

/** Appends children (nodes, strings as text, arrays; null/false skipped). */
export function append(node, children) {
  if (children == null) return node;
  for (const c of [].concat(children)) {
    if (c == null || c === false || c === '') continue;
    if (Array.isArray(c)) append(node, c);
    else node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Replaces all children of `node`. */
export function replace(node, children) {
  node.replaceChildren();
  return append(node, children);
}

/** Static, trusted path data only (24×24 outline icons). */
const ICONS = {
  live: 'M4 12h3l2-6 4 12 2-6h5',
  transcripts: 'M5 4h10l4 4v12H5zM14 4v5h5M8 13h8M8 17h6',
  teach: 'M3 8l9-4 9 4-9 4-9-4zm4 2v5c2.5 2 7.5 2 10 0v-5',
  dashboard: 'M4 20V10m6 10V4m6 16v-7m4 7H3',
  accounts: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-6 9c0-3.3 2.7-6 6-6s6 2.7 6 6m2-9h4m-2-2v4',
  back: 'M15 5l-7 7 7 7',
  send: 'M4.5 12 3 4l18 8-18 8 1.5-8zm0 0H12',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  agent: 'M4 13v-1a8 8 0 0 1 16 0v1M4 13h2.5v5H5a1 1 0 0 1-1-1v-4zm16 0h-2.5v5H19a1 1 0 0 0 1-1v-4z',
  bot: 'M12 4v3M7 7h10a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3zm2.5 5.5v1m5-1v1',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8c0-3.9 3.1-7 7-7s7 3.1 7 7',
  clock: 'M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  download: 'M12 4v11m-5-5 5 5 5-5M5 20h14',
  globe: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  thumbUp: 'M7 10v10H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1H7zm0 0 3.6-6.4A1.8 1.8 0 0 1 14 4.8V9h4.8a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.6 20H7',
};

/** A decorative outline icon. */
export function icon(name) {
  return svg('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false', class: 'icon' }, [
    svg('path', { d: ICONS[name], fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
  ]);
}
