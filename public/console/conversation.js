/**
 * @module console/conversation
 * One open conversation: who and where, its state (bot, waiting in the queue, taken by an
 * agent), take over / release, the turns as they happen (paged back in time), correcting a
 * turn's intent, and the agent's reply box.
 */
import { api } from './api.js';
import { el, icon, replace } from './dom.js';
import { errorText, fmtDateTime, fmtDuration, fmtTime, intentLabel, localeLabel, t } from './i18n.js';
import { renderTurn } from './turn-view.js';

const PAGE = 20;
const MAX_CHARS = 2000;

/** The shopper's name for lists and headers: the customer id, else "Visitor ·" a short id. */
export function shopperName(conversation) {
  if (conversation && conversation.customerId) return conversation.customerId;
  const id = conversation ? String(conversation.id) : '';
  return `${t('visitor')} · ${id.slice(0, 8)}`;
}

/** The words for a refused takeover: "Already taken by X." in the UI's language. */
export function takenByText(err) {
  const holder = err && err.detail && err.detail.holder;
  const name = holder && (holder.staffName || holder.displayName);
  return name ? t('alreadyTaken', { name }) : errorText(err);
}

/**
 * Mounts the conversation `id` into `root`.
 * @param ctx the app context ({me, bus, toast, showError})
 * @param opts {onBack?: () => void} shows a back button (phone layout, transcripts)
 */
export function mountConversation(root, ctx, id, opts = {}) {
  const s = { conversation: null, assignment: null, handoff: null, turns: new Map(), before: undefined, loadedOnce: false, intents: null, editing: new Set(), stale: new Set() };
  const header = el('header', { class: 'conv-header' });
  const notice = el('p', { class: 'conv-alert', role: 'alert', 'data-testid': 'takeover-error', hidden: true });
  const older = el('button', { type: 'button', class: 'btn btn--ghost btn--small', 'data-testid': 'load-earlier', text: t('loadEarlier'), hidden: true });
  const list = el('div', { class: 'turns', 'data-testid': 'turns' });
  const scroller = el('div', { class: 'conv-scroll', role: 'log', 'aria-live': 'polite', 'aria-label': t('transcript') }, [el('div', { class: 'older' }, [older]), list]);
  const composer = el('form', { class: 'composer' });
  const pane = el('section', { class: 'conv', 'data-testid': 'conversation', 'data-conversation-id': id, 'aria-label': t('conversation') }, [header, notice, scroller, composer]);
  replace(root, pane);
  let closed = false;
  let refreshTimer = null;

  const heldByMe = () => !!(s.assignment && s.assignment.staffId === ctx.me.id);

  function showNotice(text) {
    notice.textContent = text || '';
    notice.hidden = !text;
  }

  // ------------------------------------------------------------------ header

  function statusLine() {
    if (s.assignment) {
      const who = heldByMe() ? t('heldByYou') : t('heldBy', { name: s.assignment.staffName });
      return el('p', { class: 'conv-status conv-status--agent', 'data-testid': 'conversation-status' }, [icon('agent'), el('span', { text: `${who} · ${t('since')} ${fmtTime(s.assignment.since)}` })]);
    }
    if (s.handoff) {
      const waited = Math.max(0, (Date.now() - Date.parse(s.handoff.queuedAt)) / 1000);
      return el('p', { class: 'conv-status conv-status--queue', 'data-testid': 'conversation-status' }, [icon('clock'), el('span', { text: `${t('waitingForAgent')} · ${reasonText(s.handoff.reason)} · ${fmtDuration(waited)}` })]);
    }
    return el('p', { class: 'conv-status conv-status--bot', 'data-testid': 'conversation-status' }, [icon('bot'), el('span', { text: t('botAnswering') })]);
  }

  function renderHeader() {
    const c = s.conversation;
    const actions = el('div', { class: 'conv-actions' });
    if (heldByMe()) {
      actions.append(el('button', { type: 'button', class: 'btn', 'data-testid': 'release', onclick: release, text: t('release') }));
    } else {
      actions.append(el('button', { type: 'button', class: 'btn btn--primary', 'data-testid': 'takeover', onclick: takeover, text: t('takeover') }));
    }
    replace(header, [
      opts.onBack ? el('button', { type: 'button', class: 'btn btn--ghost btn--icon conv-back', 'aria-label': t('back'), title: t('back'), 'data-testid': 'conversation-back', onclick: opts.onBack }, [icon('back')]) : null,
      el('div', { class: 'conv-title' }, [
        el('h2', { text: c ? shopperName(c) : t('loading') }),
        c ? el('p', { class: 'muted conv-meta' }, [
          el('span', { class: 'mono', text: c.id }),
          el('span', { text: c.channel }),
          c.locale ? el('span', { text: localeLabel(c.locale) }) : null,
          el('span', { text: `${t('started')} ${fmtDateTime(c.createdAt)}` }),
        ]) : null,
        c ? statusLine() : null,
      ]),
      c ? actions : null,
    ]);
  }

  // ------------------------------------------------------------------ turns

  function annotateControl(turn) {
    // Only a recognised intent can be wrong: turns an agent handled carry none.
    if (turn.role !== 'user' || (!turn.intent && !turn.annotation)) return null;
    const box = el('div', { class: 'annotate' });
    const ann = turn.annotation;
    if (ann) {
      box.append(el('p', { class: `annotation annotation--${ann.status}`, 'data-testid': 'annotation' }, [
        el('span', { text: `${t('correctedTo')} ` }),
        el('strong', { text: intentLabel(ann.correctIntent) }),
        el('span', { class: 'tag', text: t('ann_' + ann.status) }),
      ]));
    }
    const open = el('button', { type: 'button', class: 'btn btn--link btn--small', 'data-testid': 'annotate', text: ann ? t('changeCorrection') : t('wrongIntent') });
    open.addEventListener('click', () => openEditor(turn, box, open));
    box.append(open);
    return box;
  }

  async function openEditor(turn, box, opener) {
    if (!s.intents) {
      try {
        s.intents = (await api('GET', '/api/staff/intents')).intents;
      } catch (err) {
        ctx.showError(err);
        return;
      }
    }
    s.editing.add(turn.id);
    opener.hidden = true;
    const selectId = `intent-${turn.id}`;
    const current = turn.intent && turn.intent.name;
    const select = el('select', { id: selectId, 'data-testid': 'intent-select' }, [
      el('option', { value: '', text: t('chooseIntent') }),
      ...s.intents.filter((n) => n !== current).map((n) => el('option', { value: n, text: `${intentLabel(n)} (${n})` })),
    ]);
    const save = el('button', { type: 'submit', class: 'btn btn--primary btn--small', 'data-testid': 'annotate-save', text: t('saveCorrection') });
    const cancel = el('button', { type: 'button', class: 'btn btn--ghost btn--small', text: t('cancel') });
    const form = el('form', { class: 'annotate-form' }, [el('label', { for: selectId, text: t('rightIntent') }), select, save, cancel]);
    const close = () => {
      form.remove();
      opener.hidden = false;
      s.editing.delete(turn.id);
      if (s.stale.delete(turn.id)) placeTurns();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!select.value) {
        select.focus();
        return;
      }
      save.disabled = true;
      try {
        const { annotation } = await api('POST', '/api/staff/annotations', { conversationId: id, activityId: turn.activity.id, correctIntent: select.value });
        // The list may have been refetched while the editor was open: annotate the current copy.
        (s.turns.get(turn.id) || turn).annotation = annotation;
        s.stale.add(turn.id);
        ctx.toast(t('annotationSaved'));
        close();
      } catch (err) {
        ctx.showError(err);
        save.disabled = false;
      }
    });
    box.append(form);
    select.focus();
  }

  const nodes = new Map();

  /** Puts the turns in order, rebuilding only those whose data changed (keeps focus elsewhere). */
  function placeTurns() {
    const sorted = Array.from(s.turns.values()).sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    let prev = null;
    for (const turn of sorted) {
      const key = JSON.stringify(turn);
      let node = nodes.get(turn.id);
      if (!node || (node.dataset.key !== key && !s.editing.has(turn.id))) {
        const fresh = renderTurn(turn, annotateControl(turn));
        fresh.dataset.key = key;
        if (node) node.replaceWith(fresh);
        node = fresh;
        nodes.set(turn.id, node);
      } else if (node.dataset.key !== key) {
        s.stale.add(turn.id);
      }
      const expected = prev ? prev.nextSibling : list.firstChild;
      if (expected !== node) list.insertBefore(node, expected);
      prev = node;
    }
    if (!sorted.length) replace(list, el('p', { class: 'empty', text: t('noTurns') }));
    else for (const n of Array.from(list.children)) if (!n.dataset.turnId) n.remove();
  }

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  }

  async function loadTurns(before) {
    const q = before ? `?before=${encodeURIComponent(before)}&limit=${PAGE}` : `?limit=${PAGE}`;
    const page = await api('GET', `/api/staff/conversations/${encodeURIComponent(id)}/turns${q}`);
    if (closed) return;
    const stick = !before && (nearBottom() || !s.loadedOnce);
    const oldHeight = scroller.scrollHeight;
    for (const turn of page.turns || []) s.turns.set(turn.id, turn);
    if (before || !s.loadedOnce) s.before = page.before;
    s.loadedOnce = true;
    older.hidden = !s.before;
    placeTurns();
    if (before) scroller.scrollTop += scroller.scrollHeight - oldHeight;
    else if (stick) scroller.scrollTop = scroller.scrollHeight;
  }

  older.addEventListener('click', async () => {
    older.disabled = true;
    try {
      await loadTurns(s.before);
    } catch (err) {
      ctx.showError(err);
    } finally {
      older.disabled = false;
    }
  });

  // ------------------------------------------------------------------ actions

  function applyState(payload) {
    if (payload.conversation) s.conversation = payload.conversation;
    if ('assignment' in payload) s.assignment = payload.assignment || null;
    if ('handoff' in payload) s.handoff = payload.handoff || null;
    renderHeader();
    renderComposer();
  }

  async function loadConversation() {
    applyState(await api('GET', `/api/staff/conversations/${encodeURIComponent(id)}`));
  }

  async function takeover() {
    showNotice('');
    try {
      const { assignment } = await api('POST', `/api/staff/conversations/${encodeURIComponent(id)}/takeover`, {});
      applyState({ assignment, handoff: null, conversation: { ...s.conversation, handoff: true } });
      ctx.toast(t('takenOver'));
      input.focus();
    } catch (err) {
      if (err.status === 409) {
        showNotice(takenByText(err));
        loadConversation().catch(() => {});
      } else ctx.showError(err);
    }
  }

  async function release() {
    showNotice('');
    try {
      await api('POST', `/api/staff/conversations/${encodeURIComponent(id)}/release`, {});
      applyState({ assignment: null, handoff: null, conversation: { ...s.conversation, handoff: false } });
      ctx.toast(t('released'));
    } catch (err) {
      if (err.status === 409) loadConversation().catch(() => {});
      ctx.showError(err);
    }
  }

  // Built once: a state change must not wipe what the agent is typing.
  const input = el('textarea', { id: `agent-input-${id}`, rows: '2', maxlength: String(MAX_CHARS), 'data-testid': 'agent-input', 'aria-label': t('replyLabel') });
  const counter = el('span', { class: 'muted counter', text: `0/${MAX_CHARS}` });
  const hint = el('span', { class: 'muted composer-hint' });
  const sendBtn = el('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'agent-send' }, [icon('send'), el('span', { text: t('send') })]);
  composer.append(input, el('div', { class: 'composer-bar' }, [hint, counter, sendBtn]));
  input.addEventListener('input', () => {
    counter.textContent = `${input.value.length}/${MAX_CHARS}`;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      composer.requestSubmit();
    }
  });
  composer.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || !heldByMe()) return;
    sendBtn.disabled = true;
    try {
      const sent = await api('POST', `/api/staff/conversations/${encodeURIComponent(id)}/messages`, { text });
      if (sent && sent.delivered === false) ctx.toast(t('notDelivered'));
      input.value = '';
      counter.textContent = `0/${MAX_CHARS}`;
      scheduleRefresh(0);
    } catch (err) {
      if (err.status === 409) {
        showNotice(takenByText(err));
        loadConversation().catch(() => {});
      } else ctx.showError(err);
    } finally {
      renderComposer();
      input.focus();
    }
  });

  function renderComposer() {
    const mine = heldByMe();
    input.disabled = !mine;
    sendBtn.disabled = !mine;
    input.placeholder = mine ? t('replyPlaceholder') : t('takeOverToReply');
    hint.textContent = mine ? t('enterToSend') : t('takeOverToReply');
    composer.classList.toggle('composer--off', !mine);
  }

  // ------------------------------------------------------------------ live updates

  function scheduleRefresh(delay = 150) {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      loadTurns().catch((err) => ctx.showError(err));
    }, delay);
  }

  const offs = [
    ctx.bus.on('activity', (a) => {
      if (a && a.conversationId === id) scheduleRefresh();
    }),
    ctx.bus.on('conversation', (p) => {
      if (p && p.conversation && p.conversation.id === id) applyState(p);
    }),
    ctx.bus.on('resync', () => {
      loadConversation().catch(() => {});
      scheduleRefresh(0);
    }),
  ];
  // The waiting time in the header ticks.
  const ticker = setInterval(() => {
    if (s.handoff && !s.assignment) renderHeader();
  }, 15000);

  renderHeader();
  renderComposer();
  loadConversation()
    .then(() => loadTurns())
    .catch((err) => {
      if (closed) return;
      replace(list, el('p', { class: 'empty empty--error', role: 'alert', text: errorText(err) }));
    });

  return {
    unmount() {
      closed = true;
      clearTimeout(refreshTimer);
      clearInterval(ticker);
      for (const off of offs) off();
    },
  };
}

/** The handoff reason as stored (`intent: what the shopper said`), with the intent named. */
export function reasonText(reason) {
  const text = String(reason || '');
  const m = /^([a-z_.]+)(?::\s*(.*))?$/s.exec(text);
  if (!m) return text;
  return m[2] ? `${intentLabel(m[1])}: ${m[2]}` : intentLabel(m[1]);
}
