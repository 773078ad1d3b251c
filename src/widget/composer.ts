/**
 * @module widget/composer
 * The text box, send button and character counter. The limit is the server's (`session`
 * `maxTextLength`): until it is known the counter shows only the count and nothing is cut.
 */
import type { Locale } from '../core/shop';
import { el } from './dom';
import { icon } from './icons';
import type { WidgetTexts } from './widget-texts';

export class Composer {
  readonly element: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly counter: HTMLElement;
  /** The server's limit, in characters; null until it said. */
  private max: number | null = null;

  /**
   * @param counterId id of the counter, for `aria-describedby`
   * @param onSend gets the trimmed text, within the limit
   */
  constructor(
    private readonly t: WidgetTexts,
    lang: Locale,
    counterId: string,
    private readonly onSend: (text: string) => void,
  ) {
    this.input = el('textarea', {
      class: 'kefu-input', rows: '1', placeholder: t.text('placeholder'),
      'aria-label': t.text('inputLabel'), 'aria-describedby': counterId, 'data-testid': 'chat-input',
      enterkeyhint: 'send', lang: lang === 'zh' ? 'zh-CN' : 'en',
    });
    this.sendButton = el('button', {
      type: 'submit', class: 'kefu-send', 'aria-label': t.text('send'), title: t.text('send'), 'data-testid': 'chat-send', disabled: true,
    }, [icon('send')]);
    this.counter = el('span', { class: 'kefu-counter', id: counterId, 'aria-live': 'polite' });
    this.element = el('form', { class: 'kefu-composer', novalidate: true }, [
      el('div', { class: 'kefu-composer-row' }, [this.input, this.sendButton]),
      el('div', { class: 'kefu-composer-foot' }, [el('span', { class: 'kefu-hint', text: t.text('hint') }), this.counter]),
    ]);
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('input', () => this.update());
  }

  /** The longest text the server accepts, from its `session`. */
  setMaxLength(max: number): void {
    this.max = max;
    this.input.maxLength = max;
    this.update();
  }

  /** `text` cut to the server's limit, once known. */
  fit(text: string): string {
    return this.max == null ? text : text.slice(0, this.max);
  }

  focus(): void {
    this.input.focus({ preventScroll: true });
  }

  /** Sizes the box to its text and refreshes the counter and the send button. */
  update(): void {
    const { input, max, t } = this;
    const n = input.value.length;
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 140) + 'px';
    const full = max != null && n >= max;
    this.sendButton.disabled = !input.value.trim() || (max != null && n > max);
    this.counter.textContent = t.counter(n, max);
    this.counter.classList.toggle('kefu-counter--warn', max != null && n >= max * 0.9);
    this.counter.classList.toggle('kefu-counter--full', full);
    this.counter.title = full ? t.text('limitReached', { max }) : '';
    this.counter.setAttribute('aria-label', full ? t.text('limitReached', { max }) : t.counter(n, max));
  }

  private onKey(e: KeyboardEvent): void {
    // isComposing / 229: Enter confirms an IME candidate (pinyin), it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      this.submit();
    }
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || (this.max != null && text.length > this.max)) return;
    this.input.value = '';
    this.update();
    this.onSend(text);
  }
}
