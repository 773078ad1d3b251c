/**
 * @module console/retrain
 * The admin's "Retrain" on the Teach page: starts a retrain (POST /api/staff/retrain), shows its
 * progress while the server trains in the background (polling GET), then the held-out accuracy per
 * language. The running bot switches to the new model when it is done; no restart.
 */
import { api } from './api.js';
import { el, replace } from './dom.js';
import { errorText, fmtPercent, localeLabel, t } from './i18n.js';

const POLL_MS = 700;

/**
 * @param ctx the page context (`showError`)
 * @param onDone called after a retrain finished (the training history reloads)
 * @returns `{ node, close }`
 */
export function retrainPanel(ctx, onDone) {
  let timer = null;
  let closed = false;
  const button = el('button', { type: 'button', class: 'btn btn--primary', 'data-testid': 'retrain-button', text: t('retrain'), onclick: start });
  const status = el('div', { class: 'retrain-status', 'data-testid': 'retrain-status', role: 'status', 'aria-live': 'polite' });
  const node = el('div', { class: 'retrain' }, [el('p', { class: 'muted', text: t('retrainHint') }), button, status]);

  function render(job) {
    button.disabled = job.state === 'running';
    if (job.state === 'running') {
      const step = t('retrainStep_' + (job.step || 'loading'), undefined, job.step || '');
      replace(status, [
        el('progress', { max: '100', value: String(job.percent || 0), 'data-testid': 'retrain-progress', 'aria-label': t('retrain') }),
        el('span', { class: 'muted', text: ` ${t('retrainRunning', { step })} ${job.percent || 0}%` }),
      ]);
    } else if (job.state === 'done') {
      const heldOut = (job.run && job.run.heldOut) || {};
      replace(status, el('div', { 'data-testid': 'retrain-result' }, [
        el('p', { text: t(job.trained === false ? 'retrainUnchanged' : 'retrainDone') }),
        el('ul', { class: 'retrain-accuracy' }, ['zh', 'en'].filter((l) => heldOut[l]).map((l) =>
          el('li', { 'data-testid': `retrain-accuracy-${l}`, text: t('retrainAccuracy', { lang: localeLabel(l), accuracy: fmtPercent(heldOut[l].accuracy) }) }))),
      ]));
    } else if (job.state === 'failed') {
      replace(status, el('p', { class: 'empty--error', role: 'alert', 'data-testid': 'retrain-error', text: t('retrainFailed', { error: job.error || '' }) }));
    } else replace(status, []);
  }

  async function poll() {
    timer = null;
    try {
      const { retrain } = await api('GET', '/api/staff/retrain');
      if (closed) return;
      render(retrain);
      if (retrain.state === 'running') timer = setTimeout(poll, POLL_MS);
      else if (retrain.state === 'done') onDone();
    } catch (err) {
      if (!closed) replace(status, el('p', { class: 'empty--error', role: 'alert', text: errorText(err) }));
    }
  }

  async function start() {
    button.disabled = true;
    try {
      const { retrain } = await api('POST', '/api/staff/retrain', {});
      render(retrain);
    } catch (err) {
      // 409: someone else's retrain is running; show its progress.
      if (err && err.status !== 409) ctx.showError(err);
    }
    if (!timer) timer = setTimeout(poll, POLL_MS);
  }

  // A retrain started earlier (by this admin or another) is shown as it goes.
  api('GET', '/api/staff/retrain').then(({ retrain }) => {
    if (closed) return;
    render(retrain);
    if (retrain.state === 'running' && !timer) timer = setTimeout(poll, POLL_MS);
  }).catch(() => undefined);

  return {
    node,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
