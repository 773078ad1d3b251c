/**
 * @module test/helpers/browser
 * Debian's Chromium driven by playwright-core (no browser download).
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Where browser tests write screenshots: an ignored folder, so `npm test` leaves a clone clean.
 * `npm run screenshots` points it at `test/screenshots/`, the images the README shows.
 */
export const SCREENSHOT_DIR = process.env.KEFU_SCREENSHOT_DIR
  ? path.resolve(process.env.KEFU_SCREENSHOT_DIR)
  : path.join(__dirname, '..', 'artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
