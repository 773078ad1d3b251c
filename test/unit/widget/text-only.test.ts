/**
 * The widget inserts what the server sends as text only: no module of it (nor the bundle built
 * from them) uses an API that parses HTML, so shopper, bot or agent text can never become markup.
 * The browser tests show it end to end (an <img onerror> sent in zh stays text).
 */
import fs from 'node:fs';
import path from 'node:path';

const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|document\.write|srcdoc)\b/;
const root = path.join(__dirname, '..', '..', '..', 'src', 'widget');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('widget (text only)', () => {
  it('should have modules that never parse HTML', () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect({ file: path.relative(root, file), sink: fs.readFileSync(file, 'utf8').match(HTML_SINKS)?.[0] }).toEqual({ file: path.relative(root, file), sink: undefined });
  });

  it('should build a bundle that never parses HTML', () => {
    const { buildWidget, WIDGET_BUNDLE } = require('../../../scripts/build-widget') as { buildWidget(): unknown; WIDGET_BUNDLE: string };
    buildWidget();
    const bundle = fs.readFileSync(WIDGET_BUNDLE, 'utf8');
    expect(bundle).toMatch(/KefuWidget/);
    expect(bundle.match(HTML_SINKS)?.[0]).toBeUndefined();
  });
});
