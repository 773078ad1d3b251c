/**
 * @module console/accounts
 * Accounts (admins only): the staff list, and adding an account. The new account's one-time
 * password is shown once, here, and never again.
 */
import { api } from './api.js';
import { el, replace } from './dom.js';
import { errorText, t } from './i18n.js';

export function mount(root, ctx) {
  let closed = false;
  const list = el('tbody', {});
  const name = el('input', { id: 'acc-name', required: true, maxlength: '64', autocomplete: 'off', 'data-testid': 'account-name', pattern: '[A-Za-z0-9._-]+' });
  const display = el('input', { id: 'acc-display', maxlength: '64', autocomplete: 'off', 'data-testid': 'account-display' });
  const role = el('select', { id: 'acc-role', 'data-testid': 'account-role' }, [el('option', { value: 'agent', text: t('role_agent') }), el('option', { value: 'admin', text: t('role_admin') })]);
  const submit = el('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'account-add', text: t('addAccount') });
  const result = el('div', { class: 'once', role: 'status', hidden: true });
  const form = el('form', { class: 'account-form' }, [
    el('label', { class: 'field' }, [el('span', { class: 'field-label', text: t('userName') }), name]),
    el('label', { class: 'field' }, [el('span', { class: 'field-label', text: t('displayName') }), display]),
    el('label', { class: 'field' }, [el('span', { class: 'field-label', text: t('role') }), role]),
    el('div', { class: 'filters-actions' }, [submit]),
  ]);
  replace(root, el('div', { class: 'page page--narrow' }, [
    el('div', { class: 'pane-head' }, [el('h1', { text: t('nav_accounts') })]),
    el('section', { class: 'panel' }, [el('h2', { text: t('addAccount') }), form, result]),
    el('section', { class: 'panel' }, [
      el('h2', { text: t('staff') }),
      el('div', { class: 'table-wrap' }, [el('table', { class: 'table', 'data-testid': 'accounts' }, [
        el('thead', {}, [el('tr', {}, [t('userName'), t('displayName'), t('role')].map((h) => el('th', { scope: 'col', text: h })))]),
        list,
      ])]),
    ]),
  ]));

  async function load() {
    try {
      const { accounts } = await api('GET', '/api/staff/accounts');
      if (closed) return;
      replace(list, accounts.map((a) => el('tr', { 'data-testid': 'account-row' }, [
        el('td', { class: 'mono', text: a.name }),
        el('td', { text: a.displayName }),
        el('td', {}, [el('span', { class: `role role--${a.role}`, text: t('role_' + a.role) })]),
      ])));
    } catch (err) {
      if (!closed) replace(list, el('tr', {}, [el('td', { colspan: '3', class: 'empty--error', role: 'alert', text: errorText(err) })]));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.hidden = true;
    if (!form.reportValidity()) return;
    submit.disabled = true;
    try {
      const { account, password } = await api('POST', '/api/staff/accounts', { name: name.value.trim(), displayName: display.value.trim() || undefined, role: role.value });
      const pw = el('code', { class: 'password', 'data-testid': 'one-time-password', text: password });
      const copy = el('button', { type: 'button', class: 'btn btn--small', text: t('copy') });
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(password);
          copy.textContent = t('copied');
        } catch (_) {
          const range = document.createRange();
          range.selectNodeContents(pw);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }
      });
      const hide = el('button', { type: 'button', class: 'btn btn--ghost btn--small', text: t('done') });
      hide.addEventListener('click', () => {
        replace(result, []);
        result.hidden = true;
      });
      replace(result, [
        el('p', {}, [el('strong', { text: t('accountCreated', { name: account.name }) })]),
        el('p', { class: 'muted', text: t('passwordOnce') }),
        el('div', { class: 'once-row' }, [pw, copy, hide]),
      ]);
      result.hidden = false;
      form.reset();
      load();
    } catch (err) {
      ctx.showError(err);
    } finally {
      submit.disabled = false;
    }
  });

  load();
  return {
    unmount() {
      closed = true;
    },
  };
}
