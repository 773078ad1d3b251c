/**
 * @module test/browser/fresh-widget
 * The widget bundle is generated (scripts/build-widget.js): a browser test builds it from the
 * current sources first, so `npx jest test/browser/…` right after an edit tests the edit. It
 * writes only when the bytes change, so tests running side by side read a whole file.
 */
import path from 'node:path';

export function useFreshWidget(): void {
  beforeAll(() => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'build-widget.js');
    (require(script) as { buildWidget(): unknown }).buildWidget();
  });
}
