/**
 * @module console/split-view
 * A list beside the open conversation (Live, Transcripts). On a phone only one of the two
 * shows: the list, or the conversation with a way back to the list.
 */
import { el, icon, replace } from './dom.js';
import { mountConversation } from './conversation.js';

/**
 * @param listPane the list's element (left, or alone on a phone)
 * @param opts {route: '#/live', icon: 'live', empty: 'Pick…', onSelect(id)}
 */
export function createSplit(ctx, listPane, opts) {
  const detail = el('div', { class: 'detail-pane' });
  const layout = el('div', { class: 'split' + (opts.className ? ' ' + opts.className : '') }, [listPane, detail]);
  let selected = null;
  let conversation = null;
  return {
    layout,
    selected: () => selected,
    /** Opens conversation `id` (null: none) unless it is open already. */
    select(id) {
      if (id === selected && conversation) return;
      if (conversation) conversation.unmount();
      conversation = null;
      selected = id || null;
      layout.classList.toggle('split--open', !!id);
      if (id) conversation = mountConversation(detail, ctx, id, { onBack: () => ctx.navigate(opts.route) });
      else replace(detail, el('div', { class: 'placeholder' }, [icon(opts.icon), el('p', { text: opts.empty })]));
      opts.onSelect(selected);
    },
    unmount() {
      if (conversation) conversation.unmount();
    },
  };
}
