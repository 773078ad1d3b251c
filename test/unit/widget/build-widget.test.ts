/**
 * scripts/build-widget.js: the widget's modules become one self-contained IIFE with one global,
 * `window.KefuWidget`, and a build with nothing changed rewrites nothing (npm start and the
 * browser tests run it every time).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const { buildWidget, WIDGET_BUNDLE } = require(path.join(__dirname, '..', '..', '..', 'scripts', 'build-widget.js')) as {
  buildWidget(): { changed: boolean; bytes: number };
  WIDGET_BUNDLE: string;
};

describe('build-widget', () => {
  it('should rewrite nothing when the bundle is up to date', () => {
    buildWidget();
    const before = fs.statSync(WIDGET_BUNDLE).mtimeMs;
    expect(buildWidget().changed).toBe(false);
    expect(fs.statSync(WIDGET_BUNDLE).mtimeMs).toBe(before);
  });

  it('should build one script that defines only window.KefuWidget, without a module system', () => {
    const code = fs.readFileSync(WIDGET_BUNDLE, 'utf8');
    expect(code).not.toMatch(/\brequire\(|^\s*import\s|^\s*export\s/m);
    expect(/^[\x00-\x7f]*$/.test(code)).toBe(true); // ASCII: safe on a shop page of any charset
    // Run it with a minimal page: no script tag, so no auto-init; only the API appears.
    const window: Record<string, unknown> = { location: { href: 'https://shop.example/', origin: 'https://shop.example' } };
    const document = { currentScript: null, querySelector: () => null, readyState: 'complete' };
    const page = vm.createContext({ window, document, navigator: { language: 'zh-CN' }, URL, setTimeout, clearTimeout });
    vm.runInContext(code, page);
    expect(Object.keys(window).sort()).toEqual(['KefuWidget', 'location']);
    const api = window.KefuWidget as { version: string; getConversationId(): unknown; getLocale(): unknown };
    expect(api.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version);
    expect([api.getConversationId(), api.getLocale()]).toEqual([null, null]);
  });
});
