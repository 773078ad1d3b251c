/**
 * @module console/teach
 * Teach: the corrections staff made to recognised intents (review list), accepted or rejected
 * by an admin, how held-out accuracy changed between the last two training runs, and (admins) the
 * Retrain button (`retrain.js`).
 */
import { api } from './api.js';
import { el, replace } from './dom.js';
import { errorText, fmtDateTime, fmtPercent, intentLabel, localeLabel, t } from './i18n.js';
import { retrainPanel } from './retrain.js';

const STATUSES = ['pending', 'accepted', 'rejected'];

function accuracyDelta(now, before) {
  if (!now || typeof now.accuracy !== 'number') return null;
  if (!before || typeof before.accuracy !== 'number') return null;
  const pts = (now.accuracy - before.accuracy) * 100;
  const sign = pts > 0.05 ? 'up' : pts < -0.05 ? 'down' : 'flat';
  return el('span', { class: `delta delta--${sign}`, 'data-testid': 'accuracy-delta', text: `${pts >= 0 ? '+' : ''}${pts.toFixed(1)} ${t('points')}` });
}

/** The latest run's held-out accuracy per language, with the change since the run before. */
function trainingCard(runs) {
  const [last, prev] = runs;
  if (!last) return el('p', { class: 'muted', text: t('noTrainingRuns') });
  const langs = ['zh', 'en'];
  return el('div', { class: 'training' }, [
    el('p', { class: 'muted', text: t('lastTrained', { at: fmtDateTime(last.at), n: last.acceptedAnnotations || 0 }) }),
    el('div', { class: 'kpis' }, langs.map((l) => {
      const now = last.heldOut && last.heldOut[l];
      const before = prev && prev.heldOut && prev.heldOut[l];
      return el('div', { class: 'kpi', 'data-testid': `training-${l}` }, [
        el('span', { class: 'kpi-label', text: t('heldOutAccuracy', { lang: localeLabel(l) }) }),
        el('span', { class: 'kpi-value', text: now ? fmtPercent(now.accuracy) : '—' }),
        el('span', { class: 'kpi-sub' }, [now ? el('span', { class: 'muted', text: t('nExamples', { n: now.n }) }) : null, ' ', prev ? accuracyDelta(now, before) : el('span', { class: 'muted', text: t('firstRun') })]),
      ]);
    })),
    prev ? el('p', { class: 'muted', text: t('comparedWith', { at: fmtDateTime(prev.at) }) }) : null,
  ]);
}

export function mount(root, ctx) {
  let status = 'pending';
  let closed = false;
  const admin = ctx.me.role === 'admin';
  // Annotations name staff by id; admins can read the account list, agents know themselves.
  const names = new Map([[ctx.me.id, ctx.me.displayName || ctx.me.name]]);
  const who = (id) => names.get(id) || String(id || '').slice(0, 8);
  const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': t('reviewList') });
  const list = el('ul', { class: 'ann-list', 'data-testid': 'annotations', role: 'tabpanel' });
  const training = el('div', {}, [el('p', { class: 'muted', text: t('loading') })]);
  // Admins retrain from here; the history below reloads when it is done.
  const retrain = admin ? retrainPanel(ctx, () => loadTraining()) : null;
  replace(root, el('div', { class: 'page page--narrow' }, [
    el('div', { class: 'pane-head' }, [el('h1', { text: t('nav_teach') })]),
    el('p', { class: 'muted intro', text: t('teachIntro') }),
    el('section', { class: 'panel', 'aria-label': t('training') }, [el('h2', { text: t('training') }), training, retrain ? retrain.node : null]),
    el('section', { class: 'panel', 'aria-label': t('reviewList') }, [el('h2', { text: t('reviewList') }), tabs, list]),
  ]));

  function renderTabs() {
    replace(tabs, STATUSES.map((s) => el('button', {
      type: 'button', role: 'tab', class: 'tab', 'aria-selected': s === status ? 'true' : 'false', 'data-testid': `teach-tab-${s}`,
      onclick: () => {
        status = s;
        renderTabs();
        load();
      },
      text: t('ann_' + s),
    })));
  }

  async function review(annotation, verdict, row) {
    for (const b of row.querySelectorAll('button')) b.disabled = true;
    try {
      await api('POST', `/api/staff/annotations/${encodeURIComponent(annotation.id)}/${verdict}`, {});
      ctx.toast(t(verdict === 'accept' ? 'accepted' : 'rejected'));
      load();
    } catch (err) {
      ctx.showError(err);
      for (const b of row.querySelectorAll('button')) b.disabled = false;
    }
  }

  function renderRow(a) {
    const row = el('li', { class: 'ann', 'data-testid': 'annotation-row', 'data-annotation-id': a.id });
    row.append(
      el('p', { class: 'msg-text msg-text--user', text: a.text }),
      el('p', { class: 'ann-change' }, [
        el('span', { class: 'chip chip--warn', title: a.predictedIntent, text: `${intentLabel(a.predictedIntent)} ${typeof a.predictedScore === 'number' ? fmtPercent(a.predictedScore) : ''}` }),
        el('span', { class: 'arrow', 'aria-label': t('correctedTo'), text: '→' }),
        el('span', { class: 'chip chip--ok', title: a.correctIntent, 'data-testid': 'annotation-intent', text: intentLabel(a.correctIntent) }),
      ]),
      el('p', { class: 'muted ann-meta' }, [
        el('span', { text: localeLabel(a.locale) }),
        // A shopper's pick of a clarifying question's button, not a staff correction.
        a.source === 'clarification'
          ? el('span', { class: 'chip chip--intent', 'data-testid': 'annotation-source', title: t('sourceClarificationHint'), text: `${t('sourceClarification')} · ${fmtDateTime(a.createdAt)}` })
          : el('span', { text: t('byAt', { who: who(a.createdBy), at: fmtDateTime(a.createdAt) }) }),
        a.reviewedBy ? el('span', { text: t('reviewedBy', { who: who(a.reviewedBy), at: fmtDateTime(a.reviewedAt) }) }) : null,
        // Retention deleted the conversation: an accepted correction is kept, unlinked.
        a.conversationId ? el('a', { href: `#/transcripts/${encodeURIComponent(a.conversationId)}`, text: t('openConversation') }) : null,
      ]),
    );
    if (admin && a.status === 'pending') {
      row.append(el('div', { class: 'ann-actions' }, [
        el('button', { type: 'button', class: 'btn btn--primary btn--small', 'data-testid': 'annotation-accept', text: t('accept'), onclick: () => review(a, 'accept', row) }),
        el('button', { type: 'button', class: 'btn btn--small', 'data-testid': 'annotation-reject', text: t('reject'), onclick: () => review(a, 'reject', row) }),
      ]));
    }
    return row;
  }

  async function load() {
    try {
      const { annotations } = await api('GET', `/api/staff/annotations?status=${status}`);
      if (closed) return;
      replace(list, annotations.length ? annotations.map(renderRow) : el('li', { class: 'empty', text: t('noAnnotations') }));
    } catch (err) {
      if (!closed) replace(list, el('li', { class: 'empty empty--error', role: 'alert', text: errorText(err) }));
    }
  }

  async function loadTraining() {
    try {
      const { runs } = await api('GET', '/api/staff/training');
      if (!closed) replace(training, trainingCard(runs || []));
    } catch (err) {
      if (!closed) replace(training, el('p', { class: 'empty--error', role: 'alert', text: errorText(err) }));
    }
  }

  renderTabs();
  if (admin) {
    api('GET', '/api/staff/accounts').then(({ accounts }) => {
      for (const a of accounts) names.set(a.id, a.displayName || a.name);
      if (!closed) load();
    }).catch(() => load());
  } else load();
  loadTraining();
  return {
    unmount() {
      closed = true;
      if (retrain) retrain.close();
    },
  };
}
