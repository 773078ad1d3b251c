/**
 * @module console/i18n
 * The console's words in Chinese and English (keep the two tables' keys in step), the
 * language choice (remembered in localStorage, default from navigator.language) and number,
 * time and duration formatting in the chosen language.
 */

const STORAGE_KEY = 'kefu-console.lang';

export const LANGS = [
  { code: 'zh', label: '中文' },
  { code: 'en', label: 'English' },
];

const zh = {
  appName: 'kefu 客服工作台',
  appTitle: 'kefu 客服工作台',
  loginIntro: '客服人员登录后可查看实时会话、接管对话、审阅记录并纠正机器人。',
  userName: '用户名',
  password: '密码',
  signIn: '登录',
  loginMissing: '请输入用户名和密码。',
  logout: '退出登录',
  language: '界面语言',
  shopperLanguage: '顾客语言',
  navigation: '主导航',
  dismiss: '关闭',
  sessionExpired: '登录已失效，请重新登录。',
  nav_live: '实时会话',
  nav_transcripts: '会话记录',
  nav_teach: '训练纠错',
  nav_dashboard: '数据看板',
  nav_accounts: '账号管理',
  role: '角色',
  role_agent: '客服',
  role_admin: '管理员',
  conn_online: '实时连接',
  conn_offline: '连接中断',
  conn_auth: '未登录',
  queue: '等待人工',
  active: '进行中',
  queueEmpty: '暂无等待人工的会话。',
  activeEmpty: '最近 30 分钟没有进行中的会话。',
  waiting: '等待中',
  pickConversation: '从左侧选择一个会话查看详情。',
  pickTranscript: '从左侧选择一条会话记录。',
  visitor: '访客',
  conversation: '会话',
  transcript: '对话内容',
  loading: '加载中…',
  back: '返回列表',
  started: '开始于',
  since: '自',
  heldByYou: '由您接待',
  heldBy: '{name} 正在接待',
  alreadyTaken: '该会话已被 {name} 接管。',
  waitingForAgent: '等待人工',
  botAnswering: '机器人正在接待',
  takeover: '接管会话',
  release: '交还机器人',
  takenOver: '已接管，机器人将保持安静。',
  released: '已交还机器人。',
  loadEarlier: '加载更早的消息',
  noTurns: '还没有消息。',
  shopper: '顾客',
  bot: '机器人',
  agent: '人工客服',
  tapped: '点击了：',
  handedOff: '已转人工',
  entities: '识别到的实体',
  sentiment_positive: '正面',
  sentiment_negative: '负面',
  sentiment_neutral: '中性',
  sentimentBadge: '{label} · 怒气 {anger}',
  sentimentTitle: '顾客情绪：倾向 {score}（-1 到 1），怒气 {anger}（0 到 1）',
  angryShopper: '顾客生气',
  angryShopperTitle: '转人工时顾客正在生气：优先接待',
  suggestedActions: '推荐回复',
  card_product: '商品',
  card_order: '订单',
  card_faq: '常见问题',
  card_other: '卡片',
  wrongIntent: '意图识别错了？',
  changeCorrection: '修改纠正',
  correctedTo: '已纠正为',
  rightIntent: '正确的意图',
  chooseIntent: '请选择…',
  saveCorrection: '加入审核列表',
  cancel: '取消',
  annotationSaved: '已加入审核列表。',
  ann_pending: '待审核',
  ann_accepted: '已采纳',
  ann_rejected: '已拒绝',
  replyLabel: '回复顾客',
  replyPlaceholder: '输入给顾客的回复…',
  takeOverToReply: '接管会话后才能回复顾客',
  enterToSend: 'Enter 发送 · Shift+Enter 换行',
  send: '发送',
  notDelivered: '顾客当前不在线：消息已保存，顾客回来后会看到。',
  filters: '筛选条件',
  searchText: '搜索消息内容',
  text: '内容',
  from: '开始日期',
  to: '结束日期',
  intent: '意图',
  human: '人工参与',
  humanYes: '有人工参与',
  humanNo: '机器人独立完成',
  rating: '评价',
  ratingUp: '点赞',
  ratingDown: '点踩',
  customerId: '客户编号',
  channel: '渠道',
  any: '全部',
  search: '搜索',
  clear: '清空',
  results: '搜索结果',
  resultsCount: '{n} 个会话',
  noResults: '没有符合条件的会话。',
  loadMore: '加载更多',
  humanInvolved: '人工参与',
  messagesCount: '{n} 条顾客消息',
  exportJsonl: '导出 JSONL',
  exportCsv: '导出 CSV',
  exported: '已导出 {name}',
  teachIntro: '在会话中把识别错误的意图纠正过来；管理员审核通过后，下一次 kefu train 会把它们加入训练数据。',
  training: '模型训练',
  reviewList: '审核列表',
  noAnnotations: '这里还没有纠正记录。',
  sourceClarification: '顾客在澄清问题中选择',
  sourceClarificationHint: '机器人问“您是想…还是…”时，顾客点了这个意图的按钮',
  accept: '采纳',
  reject: '拒绝',
  accepted: '已采纳。',
  rejected: '已拒绝。',
  byAt: '{who} · {at}',
  reviewedBy: '审核：{who} · {at}',
  openConversation: '查看会话',
  noTrainingRuns: '还没有训练记录。',
  lastTrained: '最近一次训练：{at}，包含 {n} 条已采纳的纠正。',
  heldOutAccuracy: '{lang}留出集准确率',
  nExamples: '{n} 条',
  points: '个百分点',
  firstRun: '首次训练',
  comparedWith: '与 {at} 的训练相比。',
  retrain: '重新训练',
  retrainHint: '用意图语料、已采纳的纠正和当前商品目录重新训练，完成后机器人立即使用新模型，无需重启。',
  retrainRunning: '正在训练：{step}',
  retrainStep_loading: '读取数据',
  retrainStep_tokenize: '分词',
  'retrainStep_held-out folds': '交叉验证',
  'retrainStep_final model': '训练最终模型',
  retrainStep_switching: '切换到新模型',
  retrainDone: '训练完成，机器人已使用新模型。',
  retrainUnchanged: '没有新的内容需要学习，模型未变。',
  retrainAccuracy: '{lang}留出集准确率 {accuracy}',
  retrainFailed: '训练失败：{error}',
  retrainBusy: '已有一次训练正在进行。',
  range: '时间范围',
  lastDays: '最近 {n} 天',
  kpiConversations: '会话数',
  kpiTurns: '{n} 轮对话',
  kpiBotShare: '机器人独立解决率',
  kpiHandoffRate: '转人工率',
  kpiOosRate: '无法理解率（oos）',
  kpiNegativeRate: '负面情绪占比',
  kpiAngryTurns: '生气的对话轮次',
  kpiOfConversations: '{n} 个会话',
  kpiOfTurns: '{n} 轮对话',
  chartPerDay: '每日会话数',
  chartRates: '每日比率',
  chartTopIntents: '热门意图',
  chartFeedback: '各意图的点赞 / 点踩',
  chartNegative: '每日负面情绪占比',
  chartAngry: '每日生气的对话轮次',
  seriesBot: '机器人解决',
  seriesHuman: '人工参与',
  noData: '这段时间没有数据。',
  noFeedback: '这段时间没有顾客评价。',
  staff: '客服账号',
  displayName: '显示名称（顾客可见）',
  addAccount: '添加账号',
  accountCreated: '账号 {name} 已创建。',
  passwordOnce: '一次性密码只显示这一次，请立即转交给本人。',
  copy: '复制',
  copied: '已复制',
  done: '完成',
  locale_zh: '中文',
  locale_en: '英文',
  errors: {
    KEFU_AUTH: '登录已失效，请重新登录。',
    KEFU_AUTH_login: '用户名或密码错误。',
    KEFU_RATE_LIMIT: '尝试次数过多，请稍后再试。',
    KEFU_FORBIDDEN: '没有权限执行此操作（需要管理员）。',
    KEFU_CONFLICT: '操作冲突',
    KEFU_NOT_FOUND: '找不到该内容。',
    KEFU_BAD_REQUEST: '请求无效',
    KEFU_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
    NETWORK: '网络错误，无法连接服务器。',
    other: '出错了',
  },
  intents: {
    'account.help': '账号帮助', 'agent.handoff': '转人工', complaint: '投诉', 'invoice.request': '开发票', oos: '无法理解 (oos)',
    'order.status': '订单状态', 'order.cancel': '取消订单', 'order.change_address': '修改地址', 'payment.info': '支付方式',
    'product.recommend': '商品推荐', 'product.info': '商品信息', 'product.stock': '库存查询', 'promo.info': '优惠活动',
    'refund.status': '退款进度', 'return.request': '退货', 'shipping.info': '配送运费', 'smalltalk.greeting': '问候',
    'smalltalk.thanks': '感谢', 'smalltalk.goodbye': '道别',
  },
  status: { pending: '待付款', paid: '已付款', shipped: '已发货', delivered: '已签收', cancelled: '已取消', returned: '已退货', refunded: '已退款' },
};

const en = {
  appName: 'kefu console',
  appTitle: 'kefu · staff console',
  loginIntro: 'Sign in to watch live conversations, take over, review transcripts and teach the bot.',
  userName: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  loginMissing: 'Enter your user name and password.',
  logout: 'Sign out',
  language: 'Language',
  shopperLanguage: 'Shopper language',
  navigation: 'Main navigation',
  dismiss: 'Dismiss',
  sessionExpired: 'Your session has ended. Please sign in again.',
  nav_live: 'Live',
  nav_transcripts: 'Transcripts',
  nav_teach: 'Teach',
  nav_dashboard: 'Dashboard',
  nav_accounts: 'Accounts',
  role: 'Role',
  role_agent: 'Agent',
  role_admin: 'Admin',
  conn_online: 'Live',
  conn_offline: 'Disconnected',
  conn_auth: 'Signed out',
  queue: 'Waiting for an agent',
  active: 'Active',
  queueEmpty: 'Nobody is waiting for an agent.',
  activeEmpty: 'No conversations in the last 30 minutes.',
  waiting: 'Waiting',
  pickConversation: 'Pick a conversation to see it here.',
  pickTranscript: 'Pick a transcript to read it here.',
  visitor: 'Visitor',
  conversation: 'Conversation',
  transcript: 'Transcript',
  loading: 'Loading…',
  back: 'Back to the list',
  started: 'started',
  since: 'since',
  heldByYou: 'You are handling this',
  heldBy: '{name} is handling this',
  alreadyTaken: 'Already taken by {name}.',
  waitingForAgent: 'Waiting for an agent',
  botAnswering: 'The bot is answering',
  takeover: 'Take over',
  release: 'Release to bot',
  takenOver: 'Taken over: the bot stays quiet.',
  released: 'Released: the bot answers again.',
  loadEarlier: 'Load earlier messages',
  noTurns: 'No messages yet.',
  shopper: 'Shopper',
  bot: 'Bot',
  agent: 'Agent',
  tapped: 'Tapped:',
  handedOff: 'Handed off',
  entities: 'Entities found',
  sentiment_positive: 'positive',
  sentiment_negative: 'negative',
  sentiment_neutral: 'neutral',
  sentimentBadge: '{label} · anger {anger}',
  sentimentTitle: 'Shopper sentiment: polarity {score} (-1 to 1), anger {anger} (0 to 1)',
  angryShopper: 'Angry shopper',
  angryShopperTitle: 'The shopper was angry when handed off: take them first',
  suggestedActions: 'Suggested replies',
  card_product: 'Product',
  card_order: 'Order',
  card_faq: 'FAQ',
  card_other: 'Card',
  wrongIntent: 'Wrong intent?',
  changeCorrection: 'Change correction',
  correctedTo: 'Corrected to',
  rightIntent: 'Right intent',
  chooseIntent: 'Choose…',
  saveCorrection: 'Add to review list',
  cancel: 'Cancel',
  annotationSaved: 'Added to the review list.',
  ann_pending: 'Pending',
  ann_accepted: 'Accepted',
  ann_rejected: 'Rejected',
  replyLabel: 'Reply to the shopper',
  replyPlaceholder: 'Write to the shopper…',
  takeOverToReply: 'Take over to write to the shopper',
  enterToSend: 'Enter to send · Shift+Enter for a new line',
  send: 'Send',
  notDelivered: 'The shopper is not connected: the message is saved and they will see it when they return.',
  filters: 'Filters',
  searchText: 'Search message text',
  text: 'Text',
  from: 'From',
  to: 'To',
  intent: 'Intent',
  human: 'Human involved',
  humanYes: 'Yes',
  humanNo: 'No, bot only',
  rating: 'Rating',
  ratingUp: 'Thumbs up',
  ratingDown: 'Thumbs down',
  customerId: 'Customer id',
  channel: 'Channel',
  any: 'Any',
  search: 'Search',
  clear: 'Clear',
  results: 'Results',
  resultsCount: 'Conversations found: {n}',
  noResults: 'No conversations match.',
  loadMore: 'Load more',
  humanInvolved: 'Human involved',
  messagesCount: 'Shopper messages: {n}',
  exportJsonl: 'Export JSONL',
  exportCsv: 'Export CSV',
  exported: 'Exported {name}',
  teachIntro: 'Correct wrongly recognised intents in any conversation; once an admin accepts them, the next kefu train adds them to the training data.',
  training: 'Training',
  reviewList: 'Review list',
  noAnnotations: 'Nothing here yet.',
  sourceClarification: 'Shopper’s pick',
  sourceClarificationHint: 'The shopper tapped this intent when the bot asked “do you want … or …?”',
  accept: 'Accept',
  reject: 'Reject',
  accepted: 'Accepted.',
  rejected: 'Rejected.',
  byAt: '{who} · {at}',
  reviewedBy: 'reviewed by {who} · {at}',
  openConversation: 'Open conversation',
  noTrainingRuns: 'No training runs yet.',
  lastTrained: 'Last trained {at}; accepted corrections included: {n}.',
  heldOutAccuracy: 'Held-out accuracy ({lang})',
  nExamples: 'n = {n}',
  points: 'pts',
  firstRun: 'first run',
  comparedWith: 'Compared with the run of {at}.',
  retrain: 'Retrain',
  retrainHint: 'Trains on the intent corpus, the accepted corrections and the current catalogue; the bot uses the new model as soon as it is done, without a restart.',
  retrainRunning: 'Training: {step}',
  retrainStep_loading: 'reading the data',
  retrainStep_tokenize: 'tokenising',
  'retrainStep_held-out folds': 'cross-validating',
  'retrainStep_final model': 'training the final model',
  retrainStep_switching: 'switching to the new model',
  retrainDone: 'Retrained: the bot now uses the new model.',
  retrainUnchanged: 'Nothing new to learn: the model is unchanged.',
  retrainAccuracy: 'Held-out accuracy ({lang}) {accuracy}',
  retrainFailed: 'Retrain failed: {error}',
  retrainBusy: 'A retrain is already running.',
  range: 'Range',
  lastDays: 'Last {n} days',
  kpiConversations: 'Conversations',
  kpiTurns: 'Shopper turns: {n}',
  kpiBotShare: 'Handled by the bot',
  kpiHandoffRate: 'Handoff rate',
  kpiOosRate: 'Not understood (oos)',
  kpiNegativeRate: 'Negative turns',
  kpiAngryTurns: 'Angry turns',
  kpiOfConversations: 'Conversations: {n}',
  kpiOfTurns: 'Turns: {n}',
  chartPerDay: 'Conversations per day',
  chartRates: 'Rates per day',
  chartTopIntents: 'Top intents',
  chartFeedback: 'Thumbs up / down per intent',
  chartNegative: 'Share of negative turns per day',
  chartAngry: 'Angry turns per day',
  seriesBot: 'Bot only',
  seriesHuman: 'With a human',
  noData: 'No data in this range.',
  noFeedback: 'No ratings in this range.',
  staff: 'Staff',
  displayName: 'Display name (shoppers see it)',
  addAccount: 'Add account',
  accountCreated: 'Account {name} created.',
  passwordOnce: 'This one-time password is shown only now: hand it to its owner.',
  copy: 'Copy',
  copied: 'Copied',
  done: 'Done',
  locale_zh: 'Chinese',
  locale_en: 'English',
  errors: {
    KEFU_AUTH: 'Your session has ended. Please sign in again.',
    KEFU_AUTH_login: 'Wrong name or password.',
    KEFU_RATE_LIMIT: 'Too many attempts. Try again later.',
    KEFU_FORBIDDEN: 'You are not allowed to do this (admins only).',
    KEFU_CONFLICT: 'Conflict',
    KEFU_NOT_FOUND: 'Not found.',
    KEFU_BAD_REQUEST: 'Bad request',
    KEFU_UNAVAILABLE: 'The service is unavailable; try again shortly.',
    NETWORK: 'Network error: the server cannot be reached.',
    other: 'Something went wrong',
  },
  intents: {
    'account.help': 'Account help', 'agent.handoff': 'Asks for a human', complaint: 'Complaint', 'invoice.request': 'Invoice', oos: 'Not understood (oos)',
    'order.status': 'Order status', 'order.cancel': 'Cancel order', 'order.change_address': 'Change address', 'payment.info': 'Payment',
    'product.recommend': 'Recommendation', 'product.info': 'Product info', 'product.stock': 'Stock', 'promo.info': 'Promotions',
    'refund.status': 'Refund status', 'return.request': 'Return', 'shipping.info': 'Shipping', 'smalltalk.greeting': 'Greeting',
    'smalltalk.thanks': 'Thanks', 'smalltalk.goodbye': 'Goodbye',
  },
  status: { pending: 'Pending payment', paid: 'Paid', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled', returned: 'Returned', refunded: 'Refunded' },
};

const TABLES = { zh, en };

function readStored() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch (_) {
    return null;
  }
}

function initialLang() {
  const stored = readStored();
  if (stored && TABLES[stored]) return stored;
  return /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
}

let lang = initialLang();

export function getLang() {
  return lang;
}

/** Switches the UI language and remembers it. */
export function setLang(next) {
  if (!TABLES[next]) return;
  lang = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch (_) {
    /* private mode: the choice lasts this page only */
  }
}

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (m, k) => (params && params[k] !== undefined ? String(params[k]) : m));
}

/**
 * A UI string; `{name}` placeholders are filled from `params`. `status_<x>` reads the order
 * status table; an unknown key gives `fallback` (or the key).
 */
export function t(key, params, fallback) {
  const table = TABLES[lang];
  if (key.startsWith('status_')) return table.status[key.slice(7)] || fallback || key.slice(7);
  const text = table[key];
  return typeof text === 'string' ? fill(text, params) : fallback !== undefined ? fallback : key;
}

/** An intent's name for people (the dotted name when the console does not know it). */
export function intentLabel(name) {
  return TABLES[lang].intents[name] || String(name);
}

export function localeLabel(code) {
  return t('locale_' + code, {}, String(code));
}

/**
 * A refused request in words. The console API words its errors in both languages (`message`
 * in English, `zh` in Chinese); otherwise the localised meaning of the code is shown.
 */
export function errorText(err, context) {
  const errors = TABLES[lang].errors;
  const code = err && err.code;
  const base = (context && errors[`${code}_${context}`]) || errors[code] || errors.other;
  const detail = (err && err.detail) || {};
  if (code === 'NETWORK') return base;
  const en = typeof detail.message === 'string' ? detail.message : '';
  if (lang === 'zh') return typeof detail.zh === 'string' && detail.zh ? detail.zh : en ? `${base}（${en}）` : base;
  return en || base;
}

function intlLocale() {
  return lang === 'zh' ? 'zh-CN' : 'en-GB';
}

function date(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `14:05` today, else `11月20日 14:05` / `20 Nov, 14:05`. */
export function fmtTime(iso) {
  const d = date(iso);
  if (!d) return '';
  const today = new Date().toDateString() === d.toDateString();
  const opts = today ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(intlLocale(), opts).format(d);
}

export function fmtDateTime(iso) {
  const d = date(iso);
  return d ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '';
}

/** A `YYYY-MM-DD` (UTC) day as `11/20` / `20 Nov`. */
export function fmtDay(day) {
  const d = date(`${day}T00:00:00Z`);
  return d ? new Intl.DateTimeFormat(intlLocale(), { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(d) : String(day);
}

/** Seconds as `45秒` / `3分12秒` / `1小时5分` (zh) or `45s` / `3m 12s` / `1h 5m` (en). */
export function fmtDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (lang === 'zh') return h ? `${h}小时${m}分` : m ? `${m}分${r}秒` : `${r}秒`;
  return h ? `${h}h ${m}m` : m ? `${m}m ${r}s` : `${r}s`;
}

export function fmtPercent(x) {
  if (typeof x !== 'number' || Number.isNaN(x)) return '—';
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

export function fmtNumber(n) {
  return new Intl.NumberFormat(intlLocale()).format(Number(n) || 0);
}

export function fmtMoney(amount, currency) {
  if (typeof amount !== 'number') return '';
  try {
    return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: currency || 'CNY' }).format(amount);
  } catch (_) {
    return `${amount} ${currency || ''}`.trim();
  }
}
