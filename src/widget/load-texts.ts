/**
 * @module widget/load-texts
 * Fetches the widget's texts from the server it talks to (`GET /api/v1/widget-texts`, revalidated
 * by ETag through the browser's cache) before the widget mounts. It never waits long: after
 * {@link TEXTS_TIMEOUT_MS}, or at once when the server is down, the widget mounts with the copy the
 * browser kept from the last load, else with no words (see `widget-texts.ts`).
 */
import type { Locale } from '../core/shop';
import { WidgetTexts } from './widget-texts';

/** The path of the server's route (`src/http/widget-texts-route.ts`). */
const TEXTS_PATH = '/api/v1/widget-texts';
const STORAGE_PREFIX = 'kefu.widgetTexts:';
/** The longest the widget waits for its texts before it mounts without them. */
export const TEXTS_TIMEOUT_MS = 4000;

/** Loaded texts per server and language: a locale switch or a re-init does not fetch again. */
const loaded = new Map<string, WidgetTexts>();

export async function loadTexts(serverUrl: string, lang: Locale): Promise<WidgetTexts> {
  const key = `${serverUrl}|${lang}`;
  const known = loaded.get(key);
  if (known) return known;
  try {
    const texts = new WidgetTexts(await fetchTexts(serverUrl, lang), lang);
    loaded.set(key, texts);
    return texts;
  } catch {
    return new WidgetTexts(kept(serverUrl, lang) ?? {}, lang);
  }
}

async function fetchTexts(serverUrl: string, lang: Locale): Promise<Record<string, string>> {
  const abort = new AbortController();
  const timer = window.setTimeout(() => abort.abort(), TEXTS_TIMEOUT_MS);
  try {
    const res = await fetch(`${serverUrl}${TEXTS_PATH}?locale=${encodeURIComponent(lang)}`, { signal: abort.signal, credentials: 'omit' });
    if (!res.ok) throw new Error(`widget texts: HTTP ${res.status}`);
    const texts = onlyStrings((await res.json() as { texts?: unknown }).texts);
    keep(serverUrl, lang, texts);
    return texts;
  } finally {
    clearTimeout(timer);
  }
}

/** The texts as text: anything but a string is dropped. */
function onlyStrings(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') throw new Error('widget texts: no texts');
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function keep(serverUrl: string, lang: Locale, texts: Record<string, string>): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + serverUrl + '|' + lang, JSON.stringify(texts));
  } catch {
    /* private mode or quota: the next load without the server has no words */
  }
}

function kept(serverUrl: string, lang: Locale): Record<string, string> | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_PREFIX + serverUrl + '|' + lang);
    return raw ? onlyStrings(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}
