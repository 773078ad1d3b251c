/**
 * @module widget/feedback-buttons
 * Thumbs up / down under a bot reply (the protocol's `feedback`), and after a thumbs down an
 * optional comment. A rating the server did not take is undone.
 */
import type { FeedbackPayload } from '../core/chat-protocol';
import { el } from './dom';
import { icon } from './icons';
import type { RenderContext } from './render-context';

/** Sends a rating; `onFail` undoes it in the UI. */
export type SendFeedback = (payload: FeedbackPayload, onFail?: () => void) => void;

/** Longest comment the box takes (the server accepts longer). */
const COMMENT_MAX = 500;

export function renderFeedback(activityId: string, ctx: RenderContext, send: SendFeedback): HTMLElement {
  const { t } = ctx;
  const box = el('div', { class: 'kefu-feedback', role: 'group', 'aria-label': t.text('feedback') });
  const up = el('button', { type: 'button', class: 'kefu-fb', 'aria-label': t.text('helpful'), title: t.text('helpful'), 'aria-pressed': 'false', 'data-testid': 'chat-feedback-up' }, [icon('up')]);
  const down = el('button', { type: 'button', class: 'kefu-fb kefu-fb--down', 'aria-label': t.text('notHelpful'), title: t.text('notHelpful'), 'aria-pressed': 'false', 'data-testid': 'chat-feedback-down' }, [icon('up')]);
  let rating: FeedbackPayload['rating'] | null = null;
  const set = (r: FeedbackPayload['rating'] | null): void => {
    rating = r;
    box.setAttribute('data-rating', r || '');
    up.setAttribute('aria-pressed', String(r === 'up'));
    down.setAttribute('aria-pressed', String(r === 'down'));
  };
  const choose = (r: FeedbackPayload['rating']): void => {
    if (rating === r) return;
    const previous = rating;
    set(r);
    send({ activityId, rating: r }, () => set(previous));
    box.parentNode?.querySelector('.kefu-comment')?.remove();
    if (r === 'down') showCommentForm(box, activityId, ctx, send);
  };
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  box.append(up, down);
  return box;
}

function showCommentForm(box: HTMLElement, activityId: string, ctx: RenderContext, send: SendFeedback): void {
  const { t } = ctx;
  const input = el('input', { type: 'text', class: 'kefu-comment-input', maxlength: String(COMMENT_MAX), placeholder: t.text('commentLabel'), 'aria-label': t.text('commentLabel'), 'data-testid': 'chat-feedback-comment' });
  const form = el('form', { class: 'kefu-comment' }, [input, el('button', { type: 'submit', class: 'kefu-comment-send', text: t.text('commentSubmit') })]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const comment = input.value.trim();
    if (comment) send({ activityId, rating: 'down', comment });
    form.replaceWith(el('p', { class: 'kefu-thanks', role: 'status', text: t.text('thanks') }));
  });
  box.parentNode?.appendChild(form);
  input.focus({ preventScroll: true });
  ctx.grew();
}
