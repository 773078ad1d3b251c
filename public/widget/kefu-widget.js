/**
 * @module kefu-widget
 *
 * The kefu chat widget: a launcher button and a chat panel, a client of the
 * socket.io namespace `/chat` (shared/protocol/chat-protocol.md).
 * Plain ES2020 in one IIFE, no build step, one global: `window.KefuWidget`.
 *
 * @example <caption>One script tag (auto-initialises on DOMContentLoaded)</caption>
 * <script src="https://shop.example/widget/kefu-widget.js"
 *         data-server="https://shop.example" data-locale="zh"></script>
 *
 * @example <caption>Programmatic</caption>
 * KefuWidget.init({ serverUrl: 'https://shop.example', locale: 'en', customerToken: jwt, open: true });
 * KefuWidget.setLocale('zh');       // re-initialises, the conversation resumes
 * KefuWidget.send('转人工');         // opens the panel and sends a message
 *
 * Security: every piece of data from the server (text, card fields, action
 * titles, error messages) is inserted with textContent / createTextNode, never
 * as HTML; links and images are only made for http: and https: URLs.
 */
(function () {
  'use strict';

  if (window.KefuWidget && window.KefuWidget.version) return; // loaded twice

  const VERSION = '0.1.0';
  const MAX_CHARS = 2000;
  const ACK_TIMEOUT_MS = 10000;
  /** How long `destroy()` keeps the socket for acknowledgements still on their way. */
  const DESTROY_ACK_WAIT_MS = 2000;
  const TYPING_TIMEOUT_MS = 15000;
  const HISTORY_LIMIT = 100;
  const STORAGE_PREFIX = 'kefu.conversationId:';
  const CT_PRODUCT = 'application/vnd.kefu.product+json';
  const CT_ORDER = 'application/vnd.kefu.order+json';
  const CT_FAQ = 'application/vnd.kefu.faq+json';

  // ---------------------------------------------------------------- strings

  /** UI strings; zh and en are equal citizens, keep the keys in step. */
  const STRINGS = {
    zh: {
      title: '智能客服',
      subtitle: '在线 · 订单、推荐、售后都可以问我',
      openChat: '打开客服聊天',
      closeChat: '关闭客服聊天',
      unread: (n) => `${n} 条未读消息`,
      close: '关闭',
      inputLabel: '输入消息',
      placeholder: '输入您的问题…',
      hint: 'Enter 发送 · Shift+Enter 换行',
      send: '发送',
      counter: (n) => `${n}/${MAX_CHARS}`,
      limitReached: `已达到 ${MAX_CHARS} 字上限`,
      welcome: '您好！我是店铺的智能客服，可以帮您查询订单和物流、推荐商品、解答退换货等问题，也可以为您转接人工客服。',
      sending: '发送中',
      failed: '发送失败',
      timeout: '发送超时，请检查网络后重试',
      retry: '重试',
      typing: '客服正在输入…',
      connecting: '正在连接客服…',
      reconnecting: '连接已断开，正在重新连接…',
      offline: '暂时无法连接客服，稍后将自动重试',
      authExpired: '登录状态已失效，已切换为访客身份',
      agent: '人工客服',
      suggestions: '推荐回复',
      feedback: '这条回复有帮助吗？',
      helpful: '有帮助',
      notHelpful: '没有帮助',
      commentLabel: '哪里可以做得更好？（选填）',
      commentSubmit: '提交',
      thanks: '感谢您的反馈！',
      feedbackFailed: '反馈提交失败，请稍后再试',
      order: '订单',
      items: '商品',
      total: '合计',
      carrier: '物流公司',
      tracking: '运单号',
      eta: '预计送达',
      lastEvent: '最新动态',
      reason: '推荐理由：',
      inStock: '有货',
      stockCount: (n) => `库存 ${n} 件`,
      lowStock: (n) => `仅剩 ${n} 件`,
      outOfStock: '缺货',
      faq: '常见问题',
      products: '推荐商品',
      status: {
        pending: '待付款',
        paid: '已付款/待发货',
        shipped: '已发货',
        delivered: '已签收',
        cancelled: '已取消',
        returned: '已退货',
        refunded: '已退款'
      },
      categories: {
        phones: '手机', laptops: '笔记本电脑', tablets: '平板电脑', headphones: '耳机',
        audio: '音频', cameras: '相机', wearables: '智能穿戴', skincare: '护肤',
        makeup: '彩妆', appliances: '家电', clothing: '服饰', shoes: '鞋靴', books: '图书',
        food: '食品', home: '家居', sports: '运动', toys: '玩具', accessories: '配件'
      },
      errors: {
        KEFU_RATE_LIMIT: '消息发送过于频繁，请稍后再试',
        KEFU_BAD_REQUEST: '消息无法处理，请修改后重试',
        KEFU_AUTH: '登录状态已失效，已切换为访客身份',
        KEFU_INTERNAL: '服务暂时不可用，请稍后再试'
      },
      unknownError: '出错了，请稍后再试'
    },
    en: {
      title: 'Shop assistant',
      subtitle: 'Online · orders, products, returns',
      openChat: 'Open chat with customer service',
      closeChat: 'Close chat',
      unread: (n) => `${n} unread ${n === 1 ? 'message' : 'messages'}`,
      close: 'Close',
      inputLabel: 'Type a message',
      placeholder: 'Ask a question…',
      hint: 'Enter to send · Shift+Enter for a new line',
      send: 'Send',
      counter: (n) => `${n}/${MAX_CHARS}`,
      limitReached: `${MAX_CHARS}-character limit reached`,
      welcome: 'Hi! I am the shop assistant. I can track your orders, recommend products and answer questions about returns and payments, or hand you over to a human agent.',
      sending: 'Sending',
      failed: 'Not sent',
      timeout: 'Sending timed out. Check your connection and retry.',
      retry: 'Retry',
      typing: 'The assistant is typing…',
      connecting: 'Connecting…',
      reconnecting: 'Connection lost. Reconnecting…',
      offline: 'Customer service is unreachable right now; retrying shortly',
      authExpired: 'Your sign-in has expired; you are chatting as a guest',
      agent: 'Agent',
      suggestions: 'Suggested replies',
      feedback: 'Was this reply helpful?',
      helpful: 'Helpful',
      notHelpful: 'Not helpful',
      commentLabel: 'What could be better? (optional)',
      commentSubmit: 'Submit',
      thanks: 'Thanks for your feedback!',
      feedbackFailed: 'Feedback could not be sent; please try later',
      order: 'Order',
      items: 'Items',
      total: 'Total',
      carrier: 'Carrier',
      tracking: 'Tracking no.',
      eta: 'Estimated delivery',
      lastEvent: 'Latest update',
      reason: 'Why: ',
      inStock: 'In stock',
      stockCount: (n) => `${n} in stock`,
      lowStock: (n) => `Only ${n} left`,
      outOfStock: 'Out of stock',
      faq: 'FAQ',
      products: 'Recommended products',
      status: {
        pending: 'Awaiting payment',
        paid: 'Paid, awaiting shipment',
        shipped: 'Shipped',
        delivered: 'Delivered',
        cancelled: 'Cancelled',
        returned: 'Returned',
        refunded: 'Refunded'
      },
      categories: {
        phones: 'Phones', laptops: 'Laptops', tablets: 'Tablets', headphones: 'Headphones',
        audio: 'Audio', cameras: 'Cameras', wearables: 'Wearables', skincare: 'Skincare',
        makeup: 'Makeup', appliances: 'Appliances', clothing: 'Clothing', shoes: 'Shoes', books: 'Books',
        food: 'Food', home: 'Home', sports: 'Sports', toys: 'Toys', accessories: 'Accessories'
      },
      errors: {
        KEFU_RATE_LIMIT: 'You are sending messages too fast; please wait a moment',
        KEFU_BAD_REQUEST: 'That message could not be processed',
        KEFU_AUTH: 'Your sign-in has expired; you are chatting as a guest',
        KEFU_INTERNAL: 'The service is temporarily unavailable'
      },
      unknownError: 'Something went wrong; please try again'
    }
  };

  // ---------------------------------------------------------------- helpers

  /** 'zh-CN', 'zh-Hant', 'ZH' → 'zh'; everything else → 'en'. */
  function normLocale(value) {
    return String(value || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  /** A localised field may be a string or `{zh, en}`; pick the best text. */
  function pick(value, lang) {
    if (value == null) return '';
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return value.map((v) => pick(v, lang)).join(', ');
    const keys = Object.keys(value).filter((k) => value[k] != null);
    const own = keys.find((k) => k.toLowerCase() === lang || k.toLowerCase().startsWith(lang + '-'));
    const key = own || keys[0];
    return key == null ? '' : pick(value[key], lang);
  }

  /** A v4 UUID; crypto.randomUUID is missing outside secure contexts. */
  function newId() {
    const c = window.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    const b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** Absolute http(s) URL or null: javascript:, data: and friends never become links. */
  function safeUrl(raw, base) {
    if (typeof raw !== 'string' || !raw.trim()) return null;
    try {
      const u = new URL(raw.trim(), base || window.location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  function trimSlash(url) {
    return String(url || '').replace(/\/+$/, '');
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (_) { return null; }
  }

  function storageSet(key, value) {
    try {
      if (value == null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (_) { /* private mode or quota: the conversation just won't resume */ }
  }

  function intlLocale(lang) {
    return lang === 'zh' ? 'zh-CN' : 'en-US';
  }

  function fmtMoney(amount, currency, lang) {
    const n = typeof amount === 'number' ? amount : Number(amount);
    if (amount == null || amount === '' || !Number.isFinite(n)) return amount == null ? '' : String(amount);
    try {
      return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: currency || 'CNY' }).format(n);
    } catch (_) {
      return `${currency || ''} ${n.toFixed(2)}`.trim();
    }
  }

  function fmtDate(value, lang, withTime) {
    if (!value) return '';
    const s = String(value);
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) return s;
    // A bare date is midnight UTC; format it in UTC so it does not shift a day.
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
    const opts = dateOnly || !withTime
      ? { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : undefined }
      : { dateStyle: 'medium', timeStyle: 'short' };
    try { return new Intl.DateTimeFormat(intlLocale(lang), opts).format(d); } catch (_) { return s; }
  }

  function onReady(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
    else setTimeout(fn, 0);
  }

  // ---------------------------------------------------------------- DOM

  /**
   * Builds an element. Strings in `children` become text nodes, `text` sets
   * textContent; there is deliberately no way to pass HTML.
   */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const key of Object.keys(props)) {
        const v = props[key];
        if (v == null || v === false) continue;
        if (key === 'class') node.className = v;
        else if (key === 'text') node.textContent = String(v);
        else if (key.startsWith('on') && typeof v === 'function') node.addEventListener(key.slice(2), v);
        else node.setAttribute(key, v === true ? '' : String(v));
      }
    }
    appendAll(node, children);
    return node;
  }

  function appendAll(node, children) {
    if (children == null) return node;
    for (const c of [].concat(children)) {
      if (c == null || c === false || c === '') continue;
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** Static, trusted path data only. */
  const ICONS = {
    chat: { d: 'M12 3C6.9 3 3 6.5 3 10.9c0 2.4 1.2 4.6 3.1 6L5.4 21l4.3-2.3c.7.1 1.5.2 2.3.2 5.1 0 9-3.5 9-7.9S17.1 3 12 3z', fill: true },
    close: { d: 'M6 6l12 12M18 6L6 18' },
    chevron: { d: 'M6 9l6 6 6-6' },
    send: { d: 'M4.5 12 3 4l18 8-18 8 1.5-8zm0 0H12' },
    up: { d: 'M7 10v10H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1H7zm0 0 3.6-6.4A1.8 1.8 0 0 1 14 4.8V9h4.8a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.6 20H7' },
    clock: { d: 'M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z' },
    alert: { d: 'M12 8v5m0 3.5v.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z' },
    retry: { d: 'M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6' },
    agent: { d: 'M4 13v-1a8 8 0 0 1 16 0v1M4 13h2.5v5H5a1 1 0 0 1-1-1v-4zm16 0h-2.5v5H19a1 1 0 0 0 1-1v-4zm-2.5 5c0 1.5-1.5 2.5-4 2.5' },
    bot: { d: 'M12 4v3M7 7h10a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3zm2.5 5.5v1m5-1v1' }
  };

  function icon(name, cls) {
    const spec = ICONS[name];
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'kefu-icon' + (cls ? ' ' + cls : ''));
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', spec.d);
    if (spec.fill) {
      path.setAttribute('fill', 'currentColor');
    } else {
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', 'currentColor');
      path.setAttribute('stroke-width', '2');
      path.setAttribute('stroke-linecap', 'round');
      path.setAttribute('stroke-linejoin', 'round');
    }
    svg.appendChild(path);
    return svg;
  }

  const URL_RE = /https?:\/\/[^\s<>"'`，。！？；：、（）【】《》「」]+/gi;

  /** Appends plain text, turning http(s) URLs into links (text nodes only). */
  function appendText(node, text, base) {
    const s = String(text);
    let last = 0;
    for (const m of s.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,;:!?)\]}]+$/, '');
      const href = safeUrl(url, base);
      if (!href) continue;
      if (m.index > last) node.appendChild(document.createTextNode(s.slice(last, m.index)));
      node.appendChild(el('a', { class: 'kefu-link', href, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }));
      last = m.index + url.length;
    }
    if (last < s.length) node.appendChild(document.createTextNode(s.slice(last)));
    return node;
  }

  // ---------------------------------------------------------------- loaders

  let ioPromise = null;

  /** Loads `${serverUrl}/socket.io/socket.io.js` once, unless `window.io` exists. */
  function loadSocketIo(src) {
    if (typeof window.io === 'function') return Promise.resolve(window.io);
    if (!ioPromise) {
      ioPromise = new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = src;
        s.async = true;
        s.setAttribute('data-kefu', 'socket.io');
        s.onload = () => (typeof window.io === 'function' ? resolve(window.io) : reject(new Error('socket.io client did not define window.io')));
        s.onerror = () => {
          s.remove();
          reject(new Error('could not load ' + src));
        };
        document.head.appendChild(s);
      }).catch((err) => {
        ioPromise = null; // allow a later retry
        throw err;
      });
    }
    return ioPromise;
  }

  /** Adds the stylesheet once; resolves when it loaded, failed, or after 3 s. */
  function loadCss(href) {
    if (!href) return Promise.resolve();
    const existing = document.querySelector('link[data-kefu-css]');
    if (existing && existing.getAttribute('href') === href) {
      return existing.sheet ? Promise.resolve() : waitLink(existing);
    }
    if (existing) existing.remove();
    const link = el('link', { rel: 'stylesheet', href, 'data-kefu-css': '' });
    const done = waitLink(link);
    document.head.appendChild(link);
    return done;
  }

  function waitLink(link) {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, 3000);
      const end = () => { clearTimeout(t); resolve(); };
      link.addEventListener('load', end, { once: true });
      link.addEventListener('error', end, { once: true });
    });
  }

  // ---------------------------------------------------------------- widget

  /**
   * One mounted widget: DOM, socket and conversation state.
   * Created by `KefuWidget.init`; `destroy()` undoes everything it did.
   */
  class Widget {
    constructor(cfg) {
      this.cfg = cfg;
      this.lang = cfg.lang;
      this.t = STRINGS[this.lang];
      this.socket = null;
      this.destroyed = false;
      this.isOpen = false;
      this.unread = 0;
      this.connState = 'connecting';
      /** activity id → {row, entry?} for dedupe across history fetches */
      this.seen = new Map();
      this.timers = new Set();
      this.typingTimer = null;
      this.typingRow = null;
      this.serverRetries = 0;
      /** Messages, taps and ratings sent and not yet acknowledged; `destroy()` waits for them. */
      this.unacked = 0;
      this.onAllAcked = null;
      this.storageKey = STORAGE_PREFIX + cfg.serverUrl;
      onReady(() => this.mount());
    }

    // ------------------------------------------------------------ lifecycle

    mount() {
      if (this.destroyed) return;
      const t = this.t;
      const panelId = 'kefu-panel-' + Math.random().toString(36).slice(2, 8);
      const titleId = panelId + '-title';
      const counterId = panelId + '-counter';

      this.badge = el('span', { class: 'kefu-badge', hidden: true, 'aria-hidden': 'true' });
      this.launcher = el('button', {
        type: 'button', class: 'kefu-launcher', 'data-testid': 'chat-open',
        'aria-label': t.openChat, 'aria-expanded': 'false', 'aria-controls': panelId,
        onclick: () => this.toggle()
      }, [icon('chat', 'kefu-icon-open'), icon('close', 'kefu-icon-close'), this.badge]);

      this.banner = el('div', { class: 'kefu-banner', role: 'status', 'data-testid': 'chat-connection', hidden: true });
      this.log = el('div', {
        class: 'kefu-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
        'aria-label': cfgText(this.cfg.title, t.title), tabindex: '0'
      }, [el('div', { class: 'kefu-welcome' }, [el('p', { text: this.cfg.welcome || t.welcome })])]);

      this.input = el('textarea', {
        class: 'kefu-input', rows: '1', maxlength: String(MAX_CHARS), placeholder: t.placeholder,
        'aria-label': t.inputLabel, 'aria-describedby': counterId, 'data-testid': 'chat-input',
        enterkeyhint: 'send', lang: this.lang === 'zh' ? 'zh-CN' : 'en'
      });
      this.sendBtn = el('button', {
        type: 'submit', class: 'kefu-send', 'aria-label': t.send, title: t.send, 'data-testid': 'chat-send', disabled: true
      }, [icon('send')]);
      this.counter = el('span', { class: 'kefu-counter', id: counterId, 'aria-live': 'polite' });
      const form = el('form', { class: 'kefu-composer', novalidate: true }, [
        el('div', { class: 'kefu-composer-row' }, [this.input, this.sendBtn]),
        el('div', { class: 'kefu-composer-foot' }, [el('span', { class: 'kefu-hint', text: t.hint }), this.counter])
      ]);
      form.addEventListener('submit', (e) => { e.preventDefault(); this.submitInput(); });
      this.input.addEventListener('keydown', (e) => this.onInputKey(e));
      this.input.addEventListener('input', () => this.onInputChange());

      const header = el('header', { class: 'kefu-header' }, [
        el('div', { class: 'kefu-avatar', 'aria-hidden': 'true' }, [icon('bot')]),
        el('div', { class: 'kefu-heading' }, [
          el('h2', { class: 'kefu-title', id: titleId, text: cfgText(this.cfg.title, t.title) }),
          el('p', { class: 'kefu-subtitle' }, [el('span', { class: 'kefu-dot', 'aria-hidden': 'true' }), cfgText(this.cfg.subtitle, t.subtitle)])
        ]),
        el('button', { type: 'button', class: 'kefu-close', 'aria-label': t.closeChat, title: t.close, onclick: () => this.close(true) }, [icon('close')])
      ]);

      this.panel = el('section', {
        class: 'kefu-panel', id: panelId, role: 'dialog', 'aria-labelledby': titleId, hidden: true,
        lang: this.lang === 'zh' ? 'zh-CN' : 'en', 'data-testid': 'chat-panel'
      }, [header, this.banner, this.log, form]);
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { e.stopPropagation(); this.close(true); }
      });

      this.root = el('div', { class: 'kefu-root', 'data-kefu-version': VERSION, hidden: true }, [this.panel, this.launcher]);
      if (this.cfg.accentColor) this.root.style.setProperty('--kefu-accent', this.cfg.accentColor);
      // A re-init (locale switch) of an open panel should not replay the opening animation.
      if (this.cfg.reinit) this.root.classList.add('kefu-quiet');
      (this.cfg.container || document.body).appendChild(this.root);
      this.onInputChange();

      // Stay hidden until styled, so the page never flashes raw markup.
      loadCss(this.cfg.cssUrl).then(() => {
        if (this.destroyed) return;
        this.root.hidden = false;
        if (this.cfg.open) this.open(false);
      });
      // "Connecting…" only shows when the first connection is slow.
      this.later(() => { this.graceOver = true; this.renderBanner(); }, 1500);
      this.connect();
    }

    /**
     * Removes the widget at once; the socket stays until what was sent is acknowledged (at most
     * DESTROY_ACK_WAIT_MS), so a message sent just before is not dropped. Resolves once it is closed.
     */
    destroy() {
      this.destroyed = true;
      for (const id of this.timers) clearTimeout(id);
      this.timers.clear();
      clearTimeout(this.typingTimer);
      document.documentElement.classList.remove('kefu-lock');
      if (this.root) this.root.remove();
      const socket = this.socket;
      this.socket = null;
      if (!socket) return Promise.resolve();
      socket.off();
      return new Promise((resolve) => {
        // The manager's listeners deliver the acknowledgements, so they go only now.
        const close = () => {
          clearTimeout(timer);
          this.onAllAcked = null;
          if (socket.io && socket.io.off) socket.io.off();
          socket.disconnect();
          resolve();
        };
        const timer = setTimeout(close, this.unacked > 0 ? DESTROY_ACK_WAIT_MS : 0);
        if (this.unacked > 0) this.onAllAcked = close;
        else close();
      });
    }

    /** `socket.emit` with an acknowledgement that `destroy()` waits for. */
    emitAcked(event, payload, ack) {
      this.unacked++;
      this.socket.emit(event, payload, (res) => {
        this.unacked--;
        if (this.unacked === 0 && this.onAllAcked) this.onAllAcked();
        ack(res);
      });
    }

    /** setTimeout that dies with the widget. */
    later(fn, ms) {
      const id = setTimeout(() => { this.timers.delete(id); if (!this.destroyed) fn(); }, ms);
      this.timers.add(id);
      return id;
    }

    // ------------------------------------------------------------ connection

    connect() {
      const { serverUrl } = this.cfg;
      const u = new URL(serverUrl + '/', window.location.href);
      // A server under a path prefix keeps its namespace at `/chat`; the prefix goes to `path`.
      const ioPath = trimSlash(u.pathname) + (this.cfg.path || '/socket.io');
      loadSocketIo(u.origin + ioPath + '/socket.io.js').then((io) => {
        if (this.destroyed) return;
        this.serverRetries = 0;
        this.attachSocket(io(u.origin + '/chat', {
          path: ioPath,
          // A function, so every reconnect sends the conversation id stored by the last `session`.
          auth: (cb) => cb(this.authPayload()),
          reconnectionDelayMax: 10000
        }));
      }, () => {
        if (this.destroyed) return;
        this.setConn('offline');
        this.serverRetries++;
        this.later(() => this.connect(), Math.min(30000, 2000 * 2 ** this.serverRetries));
      });
    }

    authPayload() {
      const auth = {};
      const id = storageGet(this.storageKey);
      if (id) auth.conversationId = id;
      if (this.cfg.customerToken) auth.customerToken = this.cfg.customerToken;
      // Only an explicitly configured locale is sent: without it the server
      // answers in the language of each message, which is what a guest expects.
      if (this.cfg.locale) auth.locale = normLocale(this.cfg.locale);
      return auth;
    }

    attachSocket(socket) {
      this.socket = socket;
      socket.on('connect', () => {
        this.kicks = 0;
        this.setConn('online');
        this.flushQueued();
      });
      socket.on('session', (s) => this.onSession(s));
      socket.on('activity', (a) => this.onActivity(a, false));
      socket.on('error', (e) => this.notice(this.errorText(e), 'error'));
      socket.on('disconnect', (reason) => {
        if (this.destroyed) return;
        this.setConn('reconnecting');
        this.hideTyping();
        // The server closed us on purpose (e.g. a restart); socket.io does not retry that by itself.
        if (reason === 'io server disconnect') this.reconnectLater();
      });
      socket.on('connect_error', (err) => {
        if (this.destroyed) return;
        const code = (err && err.data && err.data.code) || (err && err.code) || (err && err.message);
        if (code === 'KEFU_AUTH' && this.cfg.customerToken) {
          this.cfg.customerToken = undefined;
          this.notice(this.t.authExpired, 'warn');
          socket.connect();
          return;
        }
        this.setConn(this.connState === 'connecting' ? 'connecting' : 'reconnecting');
        // Middleware refusals are not retried by the manager; transport errors are.
        if (!socket.active) this.reconnectLater();
      });
    }

    reconnectLater() {
      this.kicks = (this.kicks || 0) + 1;
      this.later(() => { if (this.socket && !this.socket.connected) this.socket.connect(); }, Math.min(30000, 1000 * 2 ** this.kicks));
    }

    onSession(session) {
      if (!session || typeof session.conversationId !== 'string') return;
      storageSet(this.storageKey, session.conversationId);
      this.conversationId = session.conversationId;
      if (session.resumed) this.fetchHistory();
    }

    fetchHistory() {
      const socket = this.socket;
      socket.emit('history', { limit: HISTORY_LIMIT }, (res) => {
        if (this.destroyed || !res || !res.ok || !Array.isArray(res.activities)) return;
        for (const a of res.activities) this.onActivity(a, true);
        this.scrollToBottom(true);
      });
    }

    setConn(state) {
      this.connState = state;
      if (this.root) this.root.setAttribute('data-connection', state);
      this.renderBanner();
    }

    renderBanner() {
      if (!this.banner) return;
      const s = this.connState;
      const text = s === 'reconnecting' ? this.t.reconnecting : s === 'offline' ? this.t.offline : s === 'connecting' ? this.t.connecting : '';
      this.banner.setAttribute('data-state', s);
      this.banner.textContent = text;
      this.banner.hidden = !text || (s === 'connecting' && !this.graceOver);
    }

    // ------------------------------------------------------------ panel

    toggle() {
      if (this.isOpen) this.close(true); else this.open(true);
    }

    open(focus) {
      if (!this.panel || this.isOpen) return;
      this.isOpen = true;
      this.panel.hidden = false;
      this.root.classList.add('kefu-is-open');
      document.documentElement.classList.add('kefu-lock');
      this.launcher.setAttribute('aria-expanded', 'true');
      this.setUnread(0);
      this.scrollToBottom(true);
      if (focus !== false) this.input.focus({ preventScroll: true });
    }

    close(restoreFocus) {
      if (!this.panel || !this.isOpen) return;
      this.isOpen = false;
      this.panel.hidden = true;
      this.root.classList.remove('kefu-quiet');
      this.root.classList.remove('kefu-is-open');
      document.documentElement.classList.remove('kefu-lock');
      this.launcher.setAttribute('aria-expanded', 'false');
      this.setUnread(0);
      if (restoreFocus) this.launcher.focus();
    }

    setUnread(n) {
      this.unread = n;
      this.badge.hidden = n === 0;
      this.badge.textContent = n > 9 ? '9+' : String(n);
      this.launcher.setAttribute('aria-label', this.isOpen ? this.t.closeChat : n ? `${this.t.openChat} (${this.t.unread(n)})` : this.t.openChat);
    }

    isNearBottom() {
      const l = this.log;
      return l.scrollHeight - l.scrollTop - l.clientHeight < 80;
    }

    scrollToBottom(force) {
      if (!this.log) return;
      if (force || this.stick) this.log.scrollTop = this.log.scrollHeight;
    }

    /** Inserts a row at the end of the log, keeping the typing indicator last. */
    appendRow(row) {
      this.stick = this.isNearBottom();
      if (this.typingRow && this.typingRow.parentNode === this.log) this.log.insertBefore(row, this.typingRow);
      else this.log.appendChild(row);
      this.scrollToBottom(false);
    }

    // ------------------------------------------------------------ composer

    onInputKey(e) {
      // isComposing / 229: Enter confirms an IME candidate (pinyin), it must not send.
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        this.submitInput();
      }
    }

    onInputChange() {
      const input = this.input;
      const n = input.value.length;
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight, 140) + 'px';
      this.sendBtn.disabled = !input.value.trim() || n > MAX_CHARS;
      this.counter.textContent = this.t.counter(n);
      this.counter.classList.toggle('kefu-counter--warn', n >= MAX_CHARS * 0.9);
      this.counter.classList.toggle('kefu-counter--full', n >= MAX_CHARS);
      this.counter.title = n >= MAX_CHARS ? this.t.limitReached : '';
      this.counter.setAttribute('aria-label', n >= MAX_CHARS ? this.t.limitReached : this.t.counter(n));
    }

    submitInput() {
      const text = this.input.value.trim();
      if (!text || text.length > MAX_CHARS) return;
      this.input.value = '';
      this.onInputChange();
      this.sendText(text);
    }

    sendText(text) {
      const s = String(text).trim().slice(0, MAX_CHARS);
      if (!s) return null;
      return this.sendTurn('message', { text: s }, s);
    }

    /** Shows the shopper's bubble at once (pending) and emits `message` / `postback`. */
    sendTurn(event, payload, display) {
      const id = newId();
      const entry = { id, event, payload: Object.assign({ id }, payload), status: 'pending', attempt: 0 };
      this.clearActions();
      const row = this.renderMessage({ type: 'message', id, text: display, from: { role: 'user' } }, 'user');
      entry.row = row;
      this.seen.set(id, { row, entry });
      this.appendRow(row);
      this.scrollToBottom(true);
      this.emitEntry(entry);
      return id;
    }

    emitEntry(entry) {
      entry.attempt++;
      const attempt = entry.attempt;
      this.setStatus(entry, 'pending');
      entry.timer = this.later(() => {
        if (entry.attempt === attempt && entry.status === 'pending') this.setStatus(entry, 'failed', this.t.timeout);
      }, ACK_TIMEOUT_MS);
      const ack = (res) => {
        if (this.destroyed) return;
        if (res && res.ok) {
          // A late success still counts: the server stored the message.
          clearTimeout(entry.timer);
          if (res.id && res.id !== entry.id) this.seen.set(String(res.id), { row: entry.row, entry });
          this.setStatus(entry, 'sent');
        } else if (entry.attempt === attempt) {
          clearTimeout(entry.timer);
          this.setStatus(entry, 'failed', this.errorText(res && res.error));
        }
      };
      if (this.socket) {
        entry.queued = false;
        this.emitAcked(entry.event, entry.payload, ack);
      } else {
        entry.queued = ack; // socket.io not loaded yet; flushed on connect
      }
    }

    flushQueued() {
      for (const { entry } of this.seen.values()) {
        if (entry && entry.queued && entry.status === 'pending') {
          const ack = entry.queued;
          entry.queued = false;
          this.emitAcked(entry.event, entry.payload, ack);
        }
      }
    }

    setStatus(entry, status, message) {
      entry.status = status;
      const row = entry.row;
      this.stick = this.isNearBottom();
      row.setAttribute('data-status', status);
      const meta = row.querySelector('.kefu-meta');
      meta.textContent = '';
      if (status === 'pending') {
        meta.appendChild(el('span', { class: 'kefu-pending', role: 'img', 'aria-label': this.t.sending, title: this.t.sending }, [icon('clock')]));
      } else if (status === 'failed') {
        meta.appendChild(el('span', { class: 'kefu-failed', role: 'alert' }, [icon('alert'), el('span', { text: message || this.t.failed })]));
        meta.appendChild(el('button', {
          type: 'button', class: 'kefu-retry', 'data-testid': 'chat-retry',
          onclick: () => this.emitEntry(entry)
        }, [icon('retry'), this.t.retry]));
      }
      this.scrollToBottom(false);
    }

    /** The server's own message first (it knows best), else a localised text for the code. */
    errorText(error) {
      if (!error || typeof error !== 'object') return this.t.unknownError;
      const message = pick(error.message, this.lang).trim();
      return message || (error.code && this.t.errors[error.code]) || this.t.unknownError;
    }

    // ------------------------------------------------------------ activities

    onActivity(a, fromHistory) {
      if (this.destroyed || !this.log || !a || typeof a !== 'object') return;
      if (a.type === 'typing') {
        if (!fromHistory) this.showTyping();
        return;
      }
      if (a.type === 'event') {
        if (a.name === 'turn.end') this.hideTyping();
        return;
      }
      if (a.type !== 'message') return;
      const id = a.id == null ? null : String(a.id);
      if (id && this.seen.has(id)) {
        // Already shown; if it was our own message stuck as pending/failed, it did arrive.
        const known = this.seen.get(id);
        if (known.entry && known.entry.status !== 'sent') {
          clearTimeout(known.entry.timer);
          this.setStatus(known.entry, 'sent');
        }
        return;
      }
      const role = roleOf(a);
      const tapped = role === 'user' && !a.text && a.channelData && a.channelData.postbackData;
      if (tapped && typeof tapped.title === 'string') a = Object.assign({}, a, { text: tapped.title });
      const hasContent = (typeof a.text === 'string' && a.text) || (Array.isArray(a.attachments) && a.attachments.length)
        || (a.suggestedActions && Array.isArray(a.suggestedActions.actions) && a.suggestedActions.actions.length);
      if (!hasContent) return;
      // "Agent joined / left" (channelData.agentPresence): a system line, text only.
      if (role === 'bot' && a.channelData && a.channelData.agentPresence && typeof a.text === 'string') {
        if (id) this.seen.set(id, {});
        this.notice(a.text, 'info');
        return;
      }
      if (role === 'user') this.clearActions();
      else this.hideTyping();
      const row = this.renderMessage(a, role);
      if (fromHistory) row.classList.add('kefu-quiet'); // a page of history should not animate row by row
      if (id) this.seen.set(id, { row });
      this.appendRow(row);
      if (!fromHistory && role !== 'user' && !this.isOpen) this.setUnread(this.unread + 1);
    }

    renderMessage(a, role) {
      const t = this.t;
      const row = el('div', {
        class: `kefu-msg kefu-msg--${role}`, 'data-testid': 'chat-message', 'data-role': role,
        'data-id': a.id == null ? null : String(a.id)
      });
      if (role === 'agent') {
        const name = a.from && pick(a.from.name, this.lang);
        row.appendChild(el('div', { class: 'kefu-sender' }, [icon('agent'), el('span', { class: 'kefu-sender-name', text: name || t.agent }), name ? el('span', { class: 'kefu-tag', text: t.agent }) : null]));
      }
      if (typeof a.text === 'string' && a.text) {
        const bubble = el('div', { class: 'kefu-bubble', title: a.timestamp ? fmtDate(a.timestamp, this.lang, true) : null });
        appendText(bubble, a.text, this.cfg.serverUrl);
        row.appendChild(bubble);
      }
      if (Array.isArray(a.attachments) && a.attachments.length) {
        const cards = this.renderAttachments(a.attachments);
        if (cards) row.appendChild(cards);
      }
      if (role !== 'user' && a.suggestedActions && Array.isArray(a.suggestedActions.actions)) {
        const actions = this.renderActions(a.suggestedActions.actions);
        if (actions) row.appendChild(actions);
      }
      const meta = el('div', { class: 'kefu-meta' });
      row.appendChild(meta);
      if (role === 'bot' && a.id != null) meta.appendChild(this.renderFeedback(String(a.id)));
      return row;
    }

    renderAttachments(list) {
      const products = [];
      const others = [];
      for (const att of list) {
        if (!att || typeof att !== 'object' || !att.content || typeof att.content !== 'object') continue;
        if (att.contentType === CT_PRODUCT) products.push(this.productCard(att.content));
        else if (att.contentType === CT_ORDER) others.push(this.orderCard(att.content));
        else if (att.contentType === CT_FAQ) others.push(this.faqCard(att.content));
      }
      if (!products.length && !others.length) return null;
      const wrap = el('div', { class: 'kefu-cards' });
      if (products.length > 1) {
        wrap.appendChild(el('div', { class: 'kefu-carousel', role: 'list', 'aria-label': this.t.products, tabindex: '0' },
          products.map((c) => { c.setAttribute('role', 'listitem'); return c; })));
      } else if (products.length) {
        wrap.appendChild(products[0]);
      }
      appendAll(wrap, others);
      return wrap;
    }

    productCard(c) {
      const t = this.t;
      const lang = this.lang;
      const title = pick(c.title, lang);
      const href = safeUrl(c.url, this.cfg.serverUrl);
      const card = el('article', { class: 'kefu-card kefu-card--product', 'data-testid': 'chat-card', 'data-kind': 'product', 'data-product-id': c.productId == null ? null : String(c.productId) });
      const imgSrc = safeUrl(c.imageUrl, this.cfg.serverUrl);
      if (imgSrc) {
        const figure = el('div', { class: 'kefu-card-media' });
        const img = el('img', { class: 'kefu-card-img', alt: '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
        img.addEventListener('error', () => figure.remove(), { once: true });
        img.addEventListener('load', () => { figure.classList.add('kefu-loaded'); this.scrollToBottom(false); }, { once: true });
        img.src = imgSrc;
        figure.appendChild(img);
        card.appendChild(figure);
      }
      const body = el('div', { class: 'kefu-card-body' });
      const titleNode = href
        ? el('a', { class: 'kefu-card-title', href, target: '_blank', rel: 'noopener noreferrer', text: title })
        : el('h3', { class: 'kefu-card-title', text: title });
      body.appendChild(href ? el('h3', { class: 'kefu-card-heading' }, [titleNode]) : titleNode);
      // The bot names the category in the shopper's language (categoryName); older replies carry only the slug.
      const category = c.categoryName ? pick(c.categoryName, lang) : c.category == null ? '' : (t.categories[String(c.category)] || pick(c.category, lang));
      const meta = [pick(c.brand, lang), category].filter(Boolean).join(' · ');
      if (meta) body.appendChild(el('p', { class: 'kefu-card-meta', text: meta }));
      const priceRow = el('div', { class: 'kefu-card-row' }, [el('span', { class: 'kefu-price', text: fmtMoney(c.price, c.currency, lang) })]);
      const stock = this.stockBadge(c);
      if (stock) priceRow.appendChild(stock);
      body.appendChild(priceRow);
      if (c.reason) body.appendChild(el('p', { class: 'kefu-card-reason' }, [el('span', { class: 'kefu-card-label', text: t.reason }), pick(c.reason, lang)]));
      card.appendChild(body);
      return card;
    }

    stockBadge(c) {
      const t = this.t;
      const n = typeof c.stock === 'number' && Number.isFinite(c.stock) ? Math.max(0, Math.floor(c.stock)) : null;
      let text = null;
      let kind = 'ok';
      if (c.inStock === false || n === 0) { text = t.outOfStock; kind = 'out'; }
      else if (n != null && n <= 5) { text = t.lowStock(n); kind = 'low'; }
      else if (n != null) text = `${t.inStock} · ${t.stockCount(n)}`;
      else if (c.inStock === true) text = t.inStock;
      return text ? el('span', { class: `kefu-stock kefu-stock--${kind}`, text }) : null;
    }

    orderCard(c) {
      const t = this.t;
      const lang = this.lang;
      const status = c.status == null ? '' : String(c.status);
      const card = el('article', { class: 'kefu-card kefu-card--order', 'data-testid': 'chat-card', 'data-kind': 'order', 'data-order-id': c.orderId == null ? null : String(c.orderId) });
      card.appendChild(el('div', { class: 'kefu-order-head' }, [
        el('h3', { class: 'kefu-order-id' }, [el('span', { class: 'kefu-card-label', text: t.order + ' ' }), el('span', { class: 'kefu-mono', text: pick(c.orderId, lang) })]),
        status ? el('span', { class: 'kefu-status kefu-status--' + status.replace(/[^a-z-]/gi, ''), 'data-status': status, text: t.status[status] || status }) : null
      ]));
      if (Array.isArray(c.items) && c.items.length) {
        card.appendChild(el('ul', { class: 'kefu-order-items', 'aria-label': t.items }, c.items.filter(Boolean).map((it) =>
          el('li', null, [el('span', { class: 'kefu-item-title', text: pick(it.title, lang) || pick(it.productId, lang) }), el('span', { class: 'kefu-item-qty', text: '×' + (it.quantity == null ? 1 : pick(it.quantity, lang)) })]))));
      }
      const dl = el('dl', { class: 'kefu-facts' });
      const fact = (label, value, cls) => {
        if (value == null || value === '') return;
        dl.appendChild(el('div', { class: 'kefu-fact' + (cls ? ' ' + cls : '') }, [el('dt', { text: label }), el('dd', { text: value })]));
      };
      if (c.total != null) fact(t.total, fmtMoney(c.total, c.currency, lang), 'kefu-fact--total');
      fact(t.carrier, pick(c.carrier, lang));
      fact(t.tracking, pick(c.trackingNumber, lang), 'kefu-fact--mono');
      fact(t.eta, fmtDate(c.estimatedDelivery, lang, false));
      if (dl.childNodes.length) card.appendChild(dl);
      const ev = c.lastEvent;
      if (ev && typeof ev === 'object' && (ev.description || ev.at)) {
        card.appendChild(el('div', { class: 'kefu-order-event' }, [
          el('span', { class: 'kefu-card-label', text: t.lastEvent }),
          el('p', { text: pick(ev.description, lang) }),
          ev.at ? el('time', { datetime: String(ev.at), text: fmtDate(ev.at, lang, true) }) : null
        ]));
      }
      return card;
    }

    faqCard(c) {
      const card = el('article', { class: 'kefu-card kefu-card--faq', 'data-testid': 'chat-card', 'data-kind': 'faq', 'data-faq-id': c.faqId == null ? null : String(c.faqId) });
      card.appendChild(el('span', { class: 'kefu-card-label kefu-faq-label', text: this.t.faq }));
      card.appendChild(el('h3', { class: 'kefu-faq-q', text: pick(c.question, this.lang) }));
      card.appendChild(appendText(el('p', { class: 'kefu-faq-a' }), pick(c.answer, this.lang), this.cfg.serverUrl));
      return card;
    }

    renderActions(actions) {
      const buttons = [];
      for (const action of actions) {
        if (!action || typeof action !== 'object') continue;
        const title = pick(action.title, this.lang) || (typeof action.value === 'string' ? action.value : '');
        if (!title) continue;
        if (action.type === 'openUrl') {
          const href = safeUrl(action.value, this.cfg.serverUrl);
          if (href) buttons.push(el('a', { class: 'kefu-action kefu-action--link', href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'chat-action', text: title }));
          continue;
        }
        buttons.push(el('button', { type: 'button', class: 'kefu-action', 'data-testid': 'chat-action', text: title, onclick: () => this.tapAction(action, title) }));
      }
      return buttons.length ? el('div', { class: 'kefu-actions', role: 'group', 'aria-label': this.t.suggestions }, buttons) : null;
    }

    tapAction(action, title) {
      const display = pick(action.displayText, this.lang) || title;
      if (action.type === 'imBack' && typeof action.value === 'string') {
        this.sendTurn('message', { text: action.value.slice(0, MAX_CHARS) }, display);
      } else {
        // The title travels as `data` so the stored postback can be shown again after a reload.
        const payload = { value: action.value, data: action.data !== undefined ? action.data : { title: display } };
        this.sendTurn('postback', payload, display);
      }
      this.input.focus({ preventScroll: true });
    }

    /** Suggested actions belong to the latest bot turn only. */
    clearActions() {
      if (!this.log) return;
      for (const node of this.log.querySelectorAll('.kefu-actions')) node.remove();
    }

    renderFeedback(activityId) {
      const t = this.t;
      const box = el('div', { class: 'kefu-feedback', role: 'group', 'aria-label': t.feedback });
      const up = el('button', { type: 'button', class: 'kefu-fb', 'aria-label': t.helpful, title: t.helpful, 'aria-pressed': 'false', 'data-testid': 'chat-feedback-up' }, [icon('up')]);
      const down = el('button', { type: 'button', class: 'kefu-fb kefu-fb--down', 'aria-label': t.notHelpful, title: t.notHelpful, 'aria-pressed': 'false', 'data-testid': 'chat-feedback-down' }, [icon('up')]);
      let rating = null;
      const set = (r) => {
        rating = r;
        box.setAttribute('data-rating', r || '');
        up.setAttribute('aria-pressed', String(r === 'up'));
        down.setAttribute('aria-pressed', String(r === 'down'));
      };
      const choose = (r) => {
        if (rating === r) return;
        const previous = rating;
        set(r);
        this.sendFeedback({ activityId, rating: r }, () => set(previous));
        const form = box.parentNode && box.parentNode.querySelector('.kefu-comment');
        if (form) form.remove();
        if (r === 'down') this.showCommentForm(box, activityId);
      };
      up.addEventListener('click', () => choose('up'));
      down.addEventListener('click', () => choose('down'));
      box.append(up, down);
      return box;
    }

    showCommentForm(box, activityId) {
      const t = this.t;
      const input = el('input', { type: 'text', class: 'kefu-comment-input', maxlength: '500', placeholder: t.commentLabel, 'aria-label': t.commentLabel, 'data-testid': 'chat-feedback-comment' });
      const form = el('form', { class: 'kefu-comment' }, [input, el('button', { type: 'submit', class: 'kefu-comment-send', text: t.commentSubmit })]);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const comment = input.value.trim();
        if (comment) this.sendFeedback({ activityId, rating: 'down', comment });
        form.replaceWith(el('p', { class: 'kefu-thanks', role: 'status', text: t.thanks }));
      });
      box.parentNode.appendChild(form);
      input.focus({ preventScroll: true });
      this.scrollToBottom(false);
    }

    sendFeedback(payload, onFail) {
      if (!this.socket) { if (onFail) onFail(); return; }
      let done = false;
      const timer = this.later(() => { if (!done) { done = true; if (onFail) onFail(); this.notice(this.t.feedbackFailed, 'warn'); } }, ACK_TIMEOUT_MS);
      this.emitAcked('feedback', payload, (res) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (!res || !res.ok) { if (onFail) onFail(); this.notice(this.t.feedbackFailed, 'warn'); }
      });
    }

    showTyping() {
      if (!this.log) return;
      if (!this.typingRow) {
        this.typingRow = el('div', { class: 'kefu-typing', 'data-testid': 'chat-typing', role: 'status' }, [
          el('span', { class: 'kefu-typing-dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]),
          el('span', { class: 'kefu-sr', text: this.t.typing })
        ]);
      }
      if (this.typingRow.parentNode !== this.log) {
        this.stick = this.isNearBottom();
        this.log.appendChild(this.typingRow);
        this.scrollToBottom(false);
      }
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.hideTyping(), TYPING_TIMEOUT_MS);
    }

    hideTyping() {
      clearTimeout(this.typingTimer);
      if (this.typingRow) this.typingRow.remove();
    }

    /** A small system line in the log (server `error` events, auth changes). */
    notice(text, kind) {
      if (!this.log) return;
      this.appendRow(el('div', { class: 'kefu-notice kefu-notice--' + (kind || 'info'), role: 'status', 'data-testid': 'chat-notice' }, [el('span', { text })]));
    }

    resetConversation() {
      storageSet(this.storageKey, null);
      this.conversationId = undefined;
      this.seen.clear();
      this.hideTyping();
      if (this.log) for (const node of Array.from(this.log.children)) if (!node.classList.contains('kefu-welcome')) node.remove();
      if (this.socket) { this.socket.disconnect(); this.socket.connect(); }
    }
  }

  function roleOf(a) {
    const r = a.from && a.from.role;
    return r === 'user' || r === 'agent' ? r : 'bot';
  }

  function cfgText(value, fallback) {
    return value ? String(value) : fallback;
  }

  // ---------------------------------------------------------------- global API

  /** Defaults read from the <script> tag that loaded this file. */
  function scriptDefaults() {
    const s = document.currentScript || document.querySelector('script[src*="kefu-widget.js"]');
    if (!s) return { autoInit: false };
    const src = s.src ? new URL(s.src, window.location.href) : null;
    const d = s.dataset;
    const out = {
      autoInit: d.autoInit !== 'false' && !!src,
      serverUrl: d.server || (src ? src.origin : window.location.origin),
      cssUrl: src ? new URL('kefu-widget.css' + src.search, src).href : undefined
    };
    if (d.locale) out.locale = d.locale;
    if (d.open) out.open = d.open === 'true';
    if (d.title) out.title = d.title;
    if (d.subtitle) out.subtitle = d.subtitle;
    if (d.accent) out.accentColor = d.accent;
    return out;
  }

  const fromScript = scriptDefaults();
  let autoInitPending = fromScript.autoInit;
  let instance = null;
  let options = {};

  /**
   * @typedef {object} KefuWidgetOptions
   * @property {string} [serverUrl]   kefu server; @default the origin of the script tag
   * @property {string} [locale]      'zh' | 'en' (any zh-* / en-* tag); sent in the handshake; @default navigator.language for the UI, nothing sent
   * @property {string} [customerToken] JWT of a signed-in shopper (see protocol)
   * @property {boolean} [open]       open the panel at start; @default false
   * @property {string} [title]       header title; @default localised "智能客服" / "Shop assistant"
   * @property {string} [subtitle]    header subtitle
   * @property {string} [welcome]     greeting shown at the top of the log
   * @property {string} [accentColor] CSS colour for --kefu-accent
   * @property {string|false} [cssUrl] stylesheet; @default kefu-widget.css next to the script; false: the page styles it
   * @property {string} [path]        socket.io path; @default '/socket.io'
   * @property {HTMLElement} [container] where to mount; @default document.body
   */
  const KefuWidget = {
    version: VERSION,

    /** (Re)creates the widget; previous options are kept unless overridden. */
    init(opts) {
      autoInitPending = false;
      const given = Object.assign({}, opts || {});
      // `open` is a start state, not a lasting option: a re-init keeps the current state.
      const open = given.open !== undefined ? !!given.open : instance ? instance.isOpen : !!fromScript.open;
      const reinit = !!instance;
      delete given.open;
      if (instance) instance.destroy();
      options = Object.assign({}, options, given);
      const cfg = Object.assign({}, fromScript, options, { open, reinit });
      delete cfg.autoInit;
      cfg.serverUrl = trimSlash(new URL(cfg.serverUrl || window.location.origin, window.location.href).href);
      cfg.lang = normLocale(cfg.locale || navigator.language);
      instance = new Widget(cfg);
      return KefuWidget;
    },

    /** Switches the UI and handshake locale; the conversation resumes. */
    setLocale(locale) {
      return KefuWidget.init({ locale });
    },

    open() { if (instance) instance.open(true); },
    close() { if (instance) instance.close(false); },
    toggle() { if (instance) instance.toggle(); },

    /** Opens the panel and sends `text` as the shopper; returns the message id. */
    send(text) {
      if (!instance) return null;
      instance.open(false);
      return instance.sendText(text);
    },

    /** Forgets the stored conversation and starts a new one. */
    resetConversation() { if (instance) instance.resetConversation(); },

    getConversationId() { return instance ? instance.conversationId || storageGet(instance.storageKey) : null; },
    getLocale() { return instance ? instance.lang : null; },

    /** Removes the widget; resolves once its connection is closed (after pending acknowledgements, at most 2 s). */
    destroy() {
      autoInitPending = false;
      const closing = instance ? instance.destroy() : Promise.resolve();
      instance = null;
      return closing;
    }
  };

  window.KefuWidget = KefuWidget;
  if (autoInitPending) onReady(() => { if (autoInitPending) KefuWidget.init(); });
})();
