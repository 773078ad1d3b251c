/**
 * @module console/app
 * The staff console's shell: session (who is signed in), the hash router, navigation, the
 * language switch and the live connection. Each view is its own module with
 * `mount(root, ctx, params) → {update?(params), unmount()}`.
 */
import { api, setUnauthorizedHandler } from './api.js';
import { el, icon, replace } from './dom.js';
import { errorText, getLang, LANGS, setLang, t } from './i18n.js';
import { connectStaff, createBus } from './socket.js';
import * as login from './login.js';
import * as live from './live.js';
import * as transcripts from './transcripts.js';
import * as teach from './teach.js';
import * as dashboard from './dashboard.js';
import * as accounts from './accounts.js';

/** Hash routes: `#/live`, `#/live/<conversationId>`, … */
const ROUTES = [
  { name: 'live', view: live, icon: 'live' },
  { name: 'transcripts', view: transcripts, icon: 'transcripts' },
  { name: 'teach', view: teach, icon: 'teach' },
  { name: 'dashboard', view: dashboard, icon: 'dashboard' },
  { name: 'accounts', view: accounts, icon: 'accounts', admin: true },
];

const root = document.getElementById('app');
const toasts = document.getElementById('toasts');
const state = { me: null, bus: null, disconnect: null, current: null, routeName: null, status: 'offline' };

function parseHash() {
  const parts = (location.hash || '').replace(/^#\/?/, '').split('/');
  const name = parts[0] || 'live';
  const id = parts[1] ? decodeURIComponent(parts.slice(1).join('/')) : null;
  return { name, id };
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/** A message that stays until dismissed (errors) or fades after a few seconds. */
function toast(message, kind = 'info') {
  const close = el('button', { type: 'button', class: 'toast-close', 'aria-label': t('dismiss'), text: '×' });
  const node = el('div', { class: `toast toast--${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'toast' }, [
    el('span', { text: message }),
    close,
  ]);
  close.addEventListener('click', () => node.remove());
  toasts.appendChild(node);
  if (kind !== 'error') setTimeout(() => node.remove(), 4000);
  else setTimeout(() => node.remove(), 12000);
}

function showError(err) {
  toast(errorText(err), 'error');
}

function unmountView() {
  if (state.current) state.current.unmount();
  state.current = null;
  state.routeName = null;
}

function applyLang() {
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
}

/** The language switch (same control on the login screen and in the top bar). */
export function langSwitch(onChange) {
  const select = el('select', { class: 'lang-switch', 'aria-label': t('language'), 'data-testid': 'lang-switch' },
    LANGS.map((l) => el('option', { value: l.code, text: l.label })));
  select.value = getLang();
  select.addEventListener('change', () => {
    setLang(select.value);
    applyLang();
    onChange();
  });
  return el('label', { class: 'lang' }, [icon('globe'), select]);
}

function showLogin() {
  if (state.disconnect) state.disconnect();
  state.disconnect = null;
  state.me = null;
  unmountView();
  applyLang();
  const mounted = login.mount(root, {
    langSwitch: () => langSwitch(showLogin),
    onLogin: (staff) => {
      mounted.unmount();
      startSession(staff);
    },
  });
}

async function logout() {
  try {
    await api('POST', '/api/staff/logout', {});
  } catch (err) {
    if (err.status !== 401) showError(err);
  }
  if (location.hash) history.replaceState(null, '', location.pathname);
  showLogin();
}

function statusBadge() {
  return el('span', { class: `conn conn--${state.status}`, 'data-testid': 'connection', role: 'status', title: t('conn_' + state.status) }, [
    el('span', { class: 'conn-dot', 'aria-hidden': 'true' }),
    el('span', { class: 'conn-label', text: t('conn_' + state.status) }),
  ]);
}

/** Builds the shell (top bar, navigation, the view's area) and mounts the current route. */
function renderShell() {
  unmountView();
  applyLang();
  const me = state.me;
  const nav = el('nav', { class: 'nav', 'aria-label': t('navigation') },
    ROUTES.filter((r) => !r.admin || me.role === 'admin').map((r) =>
      el('a', { href: `#/${r.name}`, class: 'nav-link', 'data-route': r.name, 'data-testid': `nav-${r.name}` }, [icon(r.icon), el('span', { text: t('nav_' + r.name) })])));
  const status = el('span', { class: 'conn-slot' }, [statusBadge()]);
  const topbar = el('header', { class: 'topbar' }, [
    el('a', { class: 'brand', href: '#/live' }, [el('span', { class: 'brand-mark', 'aria-hidden': 'true', text: '客' }), el('span', { class: 'brand-name', text: t('appName') })]),
    status,
    el('div', { class: 'topbar-spacer' }),
    langSwitch(renderShell),
    el('span', { class: 'me', 'data-testid': 'me' }, [
      el('span', { class: 'me-name', text: me.displayName || me.name }),
      el('span', { class: `role role--${me.role}`, text: t('role_' + me.role) }),
    ]),
    el('button', { type: 'button', class: 'btn btn--ghost btn--icon', 'data-testid': 'logout', 'aria-label': t('logout'), title: t('logout'), onclick: logout }, [icon('logout')]),
  ]);
  const view = el('main', { class: 'view', id: 'view', tabindex: '-1' });
  replace(root, el('div', { class: 'shell' }, [topbar, nav, view]));
  route();
}

function route() {
  if (!state.me) return;
  const { name, id } = parseHash();
  const found = ROUTES.find((r) => r.name === name && (!r.admin || state.me.role === 'admin'));
  if (!found) {
    navigate('#/live');
    return;
  }
  for (const a of root.querySelectorAll('.nav-link')) {
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (state.routeName === name && state.current && state.current.update) {
    state.current.update({ id });
    return;
  }
  unmountView();
  const viewRoot = document.getElementById('view');
  viewRoot.replaceChildren();
  state.routeName = name;
  state.current = found.view.mount(viewRoot, {
    me: state.me,
    bus: state.bus,
    navigate,
    toast,
    showError,
  }, { id });
}

function startSession(staff) {
  state.me = staff;
  state.bus = createBus();
  state.status = 'offline';
  state.bus.on('status', (s) => {
    state.status = s;
    const slot = root.querySelector('.conn-slot');
    if (slot) replace(slot, statusBadge());
    if (s === 'auth' && state.me) {
      toast(t('sessionExpired'), 'error');
      showLogin();
    }
  });
  state.disconnect = connectStaff(state.bus);
  renderShell();
}

setUnauthorizedHandler(() => {
  if (state.me) {
    toast(t('sessionExpired'), 'error');
    showLogin();
  }
});
window.addEventListener('hashchange', route);

(async function start() {
  applyLang();
  try {
    const { staff } = await api('GET', '/api/staff/me');
    startSession(staff);
  } catch (err) {
    if (err.status !== 401) showError(err);
    showLogin();
  }
})();
