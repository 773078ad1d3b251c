/**
 * @module console/live
 * Live: the handoff queue first (angry shoppers first and marked, as the server orders it;
 * reason, waiting time ticking), then the conversations
 * active in the last 30 minutes; both update from `/staff` events. A message heard there shows
 * in its row at once (its text, the row's place), and the list is refetched soon after for
 * the rest (new conversations, intents, holders). Opening one shows it beside the list (below
 * it on a phone, with a way back).
 */
import { api } from './api.js';
import { el, icon, replace } from './dom.js';
import { errorText, fmtDuration, fmtTime, intentLabel, localeLabel, t } from './i18n.js';
import { reasonText, shopperName } from './conversation.js';
import { createSplit } from './split-view.js';

function waitingOf(item, fetchedAt) {
  return (Number(item.waitingSeconds) || 0) + (Date.now() - fetchedAt) / 1000;
}

const newestFirst = (x, y) => (x.lastActivityAt < y.lastActivityAt ? 1 : x.lastActivityAt > y.lastActivityAt ? -1 : 0);

/**
 * Puts a stored message into `data` as `/api/staff/live` would: an active row's last text and
 * time (newest row first), a queued one's last shopper words. False when its conversation is in
 * neither list (new, or back in the 30-minute window): only a refetch can add it.
 */
function applyMessage(data, a) {
  if (!a || a.type !== 'message' || typeof a.conversationId !== 'string') return false;
  const text = typeof a.text === 'string' && a.text ? a.text : null;
  const queued = data.queue.find((q) => q.conversation.id === a.conversationId);
  if (queued) {
    if (text && a.from && a.from.role === 'user') queued.lastText = text;
    return true;
  }
  const item = data.active.find((s) => s.conversation.id === a.conversationId);
  if (!item) return false;
  // An older message (heard late) does not replace a newer one.
  if (typeof a.timestamp === 'string' && !(item.lastActivityAt > a.timestamp)) {
    item.lastActivityAt = a.timestamp;
    if (text) item.lastText = text;
    data.active.sort(newestFirst);
  }
  return true;
}

function assignmentBadge(assignment, me) {
  if (!assignment) return null;
  const mine = assignment.staffId === me.id;
  return el('span', { class: 'tag tag--agent', text: mine ? t('heldByYou') : t('heldBy', { name: assignment.staffName }) });
}

export function mount(root, ctx, params) {
  const queueList = el('ul', { class: 'rows', 'aria-label': t('queue') });
  const activeList = el('ul', { class: 'rows', 'aria-label': t('active') });
  const queueCount = el('span', { class: 'count', text: '0' });
  const activeCount = el('span', { class: 'count', text: '0' });
  const listError = el('p', { class: 'empty empty--error', role: 'alert', hidden: true });
  const listPane = el('section', { class: 'list-pane', 'aria-label': t('nav_live') }, [
    el('div', { class: 'pane-head' }, [el('h1', { text: t('nav_live') })]),
    listError,
    el('h2', { class: 'section-title' }, [el('span', { text: t('queue') }), queueCount]),
    queueList,
    el('h2', { class: 'section-title' }, [el('span', { text: t('active') }), activeCount]),
    activeList,
  ]);
  const split = createSplit(ctx, listPane, { route: '#/live', icon: 'live', empty: t('pickConversation'), onSelect: () => renderLists() });
  replace(root, split.layout);

  let data = { queue: [], active: [] };
  let fetchedAt = Date.now();
  let timer = null;
  let closed = false;
  /** While a refetch is on its way: the messages heard meanwhile, which its answer may predate. */
  let heardDuringFetch = null;
  let fetchAgain = false;
  const waitNodes = [];

  function row(c, children, extraClass) {
    const isSel = split.selected() === c.id;
    return el('li', {}, [
      el('a', {
        href: `#/live/${encodeURIComponent(c.id)}`, class: 'row' + (extraClass ? ' ' + extraClass : '') + (isSel ? ' row--selected' : ''),
        'data-testid': 'conversation-row', 'data-conversation-id': c.id, 'aria-current': isSel ? 'true' : null,
      }, children),
    ]);
  }

  function renderLists() {
    // Rows are rebuilt: keep keyboard focus on the same conversation.
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-testid="conversation-row"]');
    const focusId = focused && listPane.contains(focused) ? focused.dataset.conversationId : null;
    waitNodes.length = 0;
    replace(queueList, data.queue.length ? data.queue.map((q) => {
      const wait = el('span', { class: 'wait', 'data-testid': 'waiting-time' }, [icon('clock'), el('span', { text: fmtDuration(waitingOf(q, fetchedAt)) })]);
      waitNodes.push({ node: wait.lastChild, item: q });
      const angry = Number(q.priority) > 0;
      return row(q.conversation, [
        el('div', { class: 'row-top' }, [el('strong', { class: 'row-title', text: shopperName(q.conversation) }), wait]),
        el('div', { class: 'row-reason', 'data-testid': 'queue-reason', text: reasonText(q.reason) }),
        q.lastText ? el('div', { class: 'row-text', 'data-testid': 'row-text', text: q.lastText }) : null,
        el('div', { class: 'row-tags' }, [
          angry ? el('span', { class: 'tag tag--angry', 'data-testid': 'queue-angry', title: t('angryShopperTitle'), text: t('angryShopper') }) : null,
          el('span', { class: 'tag tag--queue', text: t('waiting') }), assignmentBadge(q.assignment, ctx.me), el('span', { class: 'tag', text: q.conversation.channel }),
        ]),
      ], 'row--queue' + (angry ? ' row--angry' : ''));
    }) : el('li', { class: 'empty', text: t('queueEmpty') }));
    replace(activeList, data.active.length ? data.active.map((a) => row(a.conversation, [
      el('div', { class: 'row-top' }, [el('strong', { class: 'row-title', text: shopperName(a.conversation) }), el('time', { class: 'muted', datetime: a.lastActivityAt, text: fmtTime(a.lastActivityAt) })]),
      a.lastText ? el('div', { class: 'row-text', 'data-testid': 'row-text', text: a.lastText }) : null,
      el('div', { class: 'row-tags' }, [
        assignmentBadge(a.assignment, ctx.me),
        ...(a.intents || []).slice(0, 2).map((n) => el('span', { class: 'tag', title: n, text: intentLabel(n) })),
        a.conversation.locale ? el('span', { class: 'tag', text: localeLabel(a.conversation.locale) }) : null,
        el('span', { class: 'tag', text: a.conversation.channel }),
      ]),
    ])) : el('li', { class: 'empty', text: t('activeEmpty') }));
    queueCount.textContent = String(data.queue.length);
    activeCount.textContent = String(data.active.length);
    if (focusId) {
      const again = Array.from(listPane.querySelectorAll('[data-testid="conversation-row"]')).find((n) => n.dataset.conversationId === focusId);
      if (again) again.focus();
    }
  }

  /** One refetch at a time, so that an older answer never lands after a newer one. */
  async function refresh() {
    if (heardDuringFetch) {
      fetchAgain = true;
      return;
    }
    const heard = (heardDuringFetch = []);
    try {
      const next = await api('GET', '/api/staff/live');
      if (closed) return;
      data = { queue: next.queue || [], active: next.active || [] };
      // The answer may have been read before these were stored.
      for (const a of heard) applyMessage(data, a);
      fetchedAt = Date.now();
      listError.hidden = true;
      renderLists();
    } catch (err) {
      if (closed) return;
      listError.textContent = errorText(err);
      listError.hidden = false;
    } finally {
      heardDuringFetch = null;
      if (fetchAgain && !closed) {
        fetchAgain = false;
        scheduleRefresh();
      }
    }
  }

  /**
   * At most one refetch per 250 ms. Once due it is not put off again: in a busy shop events
   * arrive more often than that, and the list must still be refetched.
   */
  function scheduleRefresh() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      refresh();
    }, 250);
  }

  function onActivity(a) {
    if (heardDuringFetch) heardDuringFetch.push(a);
    if (applyMessage(data, a)) renderLists();
    scheduleRefresh();
  }

  const offs = [ctx.bus.on('activity', onActivity), ctx.bus.on('conversation', scheduleRefresh), ctx.bus.on('resync', scheduleRefresh)];
  const ticker = setInterval(() => {
    for (const w of waitNodes) w.node.textContent = fmtDuration(waitingOf(w.item, fetchedAt));
  }, 1000);
  // Conversations fall out of the 30-minute window without an event: refetch now and then.
  const poll = setInterval(refresh, 60000);

  split.select(params.id);
  refresh();

  return {
    update(p) {
      split.select(p.id);
    },
    unmount() {
      closed = true;
      clearTimeout(timer);
      clearInterval(ticker);
      clearInterval(poll);
      for (const off of offs) off();
      split.unmount();
    },
  };
}
