/**
 * @module widget/widget-texts
 * The widget's own words, as the server sends them (`dialogs/widget.json`, a shop's over it; see
 * `load-texts.ts`). There is no table of them here: one translation mechanism, the server's.
 * A text the widget does not have is never shown as its key: a few states keep a language-neutral
 * mark (so "offline" still shows when the server that would name it is down), the rest stay
 * empty, next to the icons that carry their meaning.
 */
import type { ErrorCode } from '../errors';
import type { Locale } from '../core/shop';
import { intlLocale } from './locale';

/** The keys of `dialogs/widget.json` (its type only: the texts come from the server). */
export type TextKey = keyof (typeof import('../../dialogs/widget.json'))['en'];

/** What shows when the server's texts never arrived: marks any shopper reads, in no language. */
const NEUTRAL: Partial<Record<TextKey, string>> = {
  connecting: '…',
  reconnecting: '…',
  sending: '…',
  typing: '…',
  offline: '⚠',
  failed: '⚠',
  timeout: '⚠',
  unknownError: '⚠',
};

export class WidgetTexts {
  /**
   * @param texts by key, without the `widget.` namespace; empty when none arrived
   */
  constructor(
    private readonly texts: Readonly<Record<string, string>>,
    readonly lang: Locale,
  ) {}

  /**
   * The text of `key`, its `{name}` placeholders filled from `vars`.
   * @example t.text('limitReached', { max: 2000 }) // '2000-character limit reached'
   */
  text(key: TextKey, vars: Record<string, string | number> = {}): string {
    return fill(this.own(key) ?? NEUTRAL[key] ?? '', vars);
  }

  /** "3 unread messages": the plural form the language has for `n` (`unread_one`, `unread_other`). */
  unread(n: number): string {
    const form = new Intl.PluralRules(intlLocale(this.lang)).select(n);
    return fill(this.own(`unread_${form}`) ?? this.text('unread_other'), { n });
  }

  /** The composer's counter: `n`, or `n/max` once the server said its limit (no words). */
  counter(n: number, max: number | null): string {
    return max == null ? String(n) : `${n}/${max}`;
  }

  /** A built-in category's name, for replies that carry no `categoryName`; '' for another slug. */
  category(slug: string): string {
    return this.own(`category_${slug}`) ?? '';
  }

  /** What a refused request says when the server's error has no message. */
  error(code: ErrorCode | undefined): string {
    return (code && this.own(`error_${code}`)) || this.text('unknownError');
  }

  private own(key: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.texts, key) ? this.texts[key] : undefined;
  }
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
