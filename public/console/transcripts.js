/**
 * @module console/transcripts
 * Transcripts: search and filter past conversations (text, dates, language, intent, human
 * involved, rating, customer, channel), page through the results, open one, and (admins)
 * export the filtered set as JSON Lines or CSV.
 */
import { api, download, query } from './api.js';
import { el, icon, replace } from './dom.js';
import { errorText, fmtDateTime, intentLabel, localeLabel, t } from './i18n.js';
import { shopperName } from './conversation.js';
import { createSplit } from './split-view.js';

/** The last search, kept while the console is open (coming back shows the same results). */
let remembered = {};

/** `YYYY-MM-DD` in the browser's time zone → ISO; `endOfDay` gives the next midnight. */
function dayToIso(day, endOfDay) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (endOfDay) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

function field(label, control) {
  return el('label', { class: 'field' }, [el('span', { class: 'field-label', text: label }), control]);
}

function options(list) {
  return list.map(([value, text]) => el('option', { value, text }));
}

export function mount(root, ctx, params) {
  const f = {
    text: el('input', { type: 'search', name: 'text', 'data-testid': 'filter-text', placeholder: t('searchText'), maxlength: '200' }),
    from: el('input', { type: 'date', name: 'from', 'data-testid': 'filter-from' }),
    to: el('input', { type: 'date', name: 'to', 'data-testid': 'filter-to' }),
    locale: el('select', { name: 'locale', 'data-testid': 'filter-locale' }, options([['', t('any')], ['zh', localeLabel('zh')], ['en', localeLabel('en')]])),
    intent: el('select', { name: 'intent', 'data-testid': 'filter-intent' }, options([['', t('any')]])),
    handoff: el('select', { name: 'handoff', 'data-testid': 'filter-handoff' }, options([['', t('any')], ['true', t('humanYes')], ['false', t('humanNo')]])),
    rating: el('select', { name: 'rating', 'data-testid': 'filter-rating' }, options([['', t('any')], ['up', t('ratingUp')], ['down', t('ratingDown')]])),
    customerId: el('input', { name: 'customerId', 'data-testid': 'filter-customer', maxlength: '128' }),
    channel: el('input', { name: 'channel', 'data-testid': 'filter-channel', maxlength: '64', placeholder: 'socketio' }),
  };
  for (const [k, v] of Object.entries(remembered)) if (f[k]) f[k].value = v;

  const exportBar = ctx.me.role === 'admin' ? el('div', { class: 'export' }, [
    el('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'export-jsonl', onclick: () => exportAs('jsonl') }, [icon('download'), el('span', { text: t('exportJsonl') })]),
    el('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'export-csv', onclick: () => exportAs('csv') }, [icon('download'), el('span', { text: t('exportCsv') })]),
  ]) : null;
  const form = el('form', { class: 'filters', role: 'search', 'aria-label': t('filters') }, [
    field(t('text'), f.text),
    field(t('from'), f.from),
    field(t('to'), f.to),
    field(t('shopperLanguage'), f.locale),
    field(t('intent'), f.intent),
    field(t('human'), f.handoff),
    field(t('rating'), f.rating),
    field(t('customerId'), f.customerId),
    field(t('channel'), f.channel),
    el('div', { class: 'filters-actions' }, [
      el('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'search', text: t('search') }),
      el('button', { type: 'reset', class: 'btn btn--ghost', text: t('clear') }),
      exportBar,
    ]),
  ]);
  const results = el('ul', { class: 'rows', 'data-testid': 'results', 'aria-label': t('results') });
  const status = el('p', { class: 'muted results-status', role: 'status' });
  const more = el('button', { type: 'button', class: 'btn btn--ghost btn--block', 'data-testid': 'load-more', text: t('loadMore'), hidden: true });
  const listPane = el('section', { class: 'list-pane', 'aria-label': t('results') }, [status, results, more]);
  const split = createSplit(ctx, listPane, { route: '#/transcripts', icon: 'transcripts', empty: t('pickTranscript'), className: 'split--transcripts', onSelect: () => renderResults() });
  replace(root, el('div', { class: 'page' }, [
    el('div', { class: 'pane-head' }, [el('h1', { text: t('nav_transcripts') })]),
    el('details', { class: 'filters-box', open: window.matchMedia('(min-width: 800px)').matches }, [el('summary', { text: t('filters') }), form]),
    split.layout,
  ]));

  let next;
  let items = [];
  let closed = false;

  function filterParams() {
    const p = {
      text: f.text.value.trim(),
      from: dayToIso(f.from.value, false),
      to: dayToIso(f.to.value, true),
      locale: f.locale.value,
      intent: f.intent.value,
      handoff: f.handoff.value,
      rating: f.rating.value,
      customerId: f.customerId.value.trim(),
      channel: f.channel.value.trim(),
    };
    remembered = Object.fromEntries(Object.keys(f).map((k) => [k, f[k].value]));
    return p;
  }

  function renderResults() {
    replace(results, items.length ? items.map((s) => el('li', {}, [
      el('a', {
        href: `#/transcripts/${encodeURIComponent(s.conversation.id)}`, class: 'row' + (split.selected() === s.conversation.id ? ' row--selected' : ''),
        'data-testid': 'conversation-row', 'data-conversation-id': s.conversation.id,
      }, [
        el('div', { class: 'row-top' }, [el('strong', { class: 'row-title', text: shopperName(s.conversation) }), el('time', { class: 'muted', datetime: s.lastActivityAt, text: fmtDateTime(s.lastActivityAt) })]),
        s.lastText ? el('div', { class: 'row-text', text: s.lastText }) : null,
        el('div', { class: 'row-tags' }, [
          s.humanInvolved ? el('span', { class: 'tag tag--agent', text: t('humanInvolved') }) : null,
          ...(s.intents || []).slice(0, 3).map((n) => el('span', { class: 'tag', title: n, text: intentLabel(n) })),
          s.conversation.locale ? el('span', { class: 'tag', text: localeLabel(s.conversation.locale) }) : null,
          el('span', { class: 'tag', text: t('messagesCount', { n: s.userMessages }) }),
        ]),
      ]),
    ])) : el('li', { class: 'empty', text: t('noResults') }));
    more.hidden = !next;
  }

  async function search(append) {
    const p = filterParams();
    status.textContent = t('loading');
    more.disabled = true;
    try {
      const page = await api('GET', '/api/staff/conversations' + query({ ...p, cursor: append ? next : undefined, limit: 20 }));
      if (closed) return;
      items = append ? items.concat(page.items || []) : page.items || [];
      next = page.next;
      status.textContent = t('resultsCount', { n: items.length }) + (next ? '+' : '');
      renderResults();
    } catch (err) {
      status.textContent = errorText(err);
    } finally {
      more.disabled = false;
    }
  }

  async function exportAs(format) {
    try {
      const { blob, filename } = await download('/api/staff/export' + query({ ...filterParams(), format }));
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: filename, hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      ctx.toast(t('exported', { name: filename }));
    } catch (err) {
      ctx.showError(err);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(false);
  });
  form.addEventListener('reset', () => setTimeout(() => search(false), 0));
  more.addEventListener('click', () => search(true));

  api('GET', '/api/staff/intents').then(({ intents }) => {
    if (closed) return;
    const keep = remembered.intent || '';
    replace(f.intent, options([['', t('any')], ...intents.map((n) => [n, `${intentLabel(n)} (${n})`])]));
    f.intent.value = keep;
  }).catch(() => {});

  split.select(params.id);
  search(false);

  return {
    update(p) {
      split.select(p.id);
    },
    unmount() {
      closed = true;
      split.unmount();
    },
  };
}
