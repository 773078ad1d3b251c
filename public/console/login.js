/**
 * @module console/login
 * The sign-in screen: name and password; a wrong pair and the rate limit are shown as the
 * server words them, in the UI's language.
 */
import { api } from './api.js';
import { el, replace } from './dom.js';
import { errorText, t } from './i18n.js';

/** `ctx` = {langSwitch(), onLogin(staff)} */
export function mount(root, ctx) {
  const user = el('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, 'data-testid': 'login-user', maxlength: '64' });
  const password = el('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password', maxlength: '256' });
  const submit = el('button', { type: 'submit', class: 'btn btn--primary btn--block', 'data-testid': 'login-submit', text: t('signIn') });
  const error = el('p', { class: 'form-error', role: 'alert', 'data-testid': 'login-error', hidden: true });
  const form = el('form', { class: 'login-form', novalidate: true }, [
    el('label', { for: 'login-user', text: t('userName') }),
    user,
    el('label', { for: 'login-password', text: t('password') }),
    password,
    error,
    submit,
  ]);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (!user.value.trim() || !password.value) {
      error.textContent = t('loginMissing');
      error.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      const { staff } = await api('POST', '/api/staff/login', { name: user.value.trim(), password: password.value });
      ctx.onLogin(staff);
    } catch (err) {
      error.textContent = errorText(err, 'login');
      error.hidden = false;
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  replace(root, el('div', { class: 'login-page' }, [
    el('div', { class: 'login-card' }, [
      el('div', { class: 'login-head' }, [
        el('span', { class: 'brand-mark brand-mark--lg', 'aria-hidden': 'true', text: '客' }),
        el('div', {}, [el('h1', { text: t('appName') }), el('p', { class: 'muted', text: t('loginIntro') })]),
      ]),
      form,
      el('div', { class: 'login-foot' }, [ctx.langSwitch()]),
    ]),
  ]));
  user.focus();
  return { unmount() {} };
}
