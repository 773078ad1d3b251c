/**
 * @module console/turn-view
 * One turn of a transcript as DOM: the shopper's message with the recognised intent,
 * confidence, its sentiment (label and anger) and entities, the bot's replies (text, cards summarised, suggested actions), or
 * an agent's message. Everything from the shopper and the store is set as text.
 */
import { append, el, icon } from './dom.js';
import { fmtMoney, fmtPercent, fmtTime, intentLabel, t } from './i18n.js';

const CARD_KINDS = {
  'application/vnd.kefu.product+json': 'product',
  'application/vnd.kefu.order+json': 'order',
  'application/vnd.kefu.faq+json': 'faq',
};

function str(v) {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The intent chip: name and confidence; low confidence and `oos` stand out. */
export function intentChip(intent) {
  if (!intent || typeof intent.name !== 'string') return null;
  const score = typeof intent.score === 'number' ? intent.score : null;
  const low = intent.name === 'oos' || (score !== null && score < 0.5);
  return el('span', { class: 'chip chip--intent' + (low ? ' chip--warn' : ''), 'data-testid': 'turn-intent', title: intent.name }, [
    el('span', { text: intentLabel(intent.name) }),
    score !== null ? el('span', { class: 'chip-score', text: fmtPercent(score) }) : null,
  ]);
}

const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'];

/** The sentiment badge, e.g. "negative · anger 0.82"; an angry shopper's stands out. */
export function sentimentChip(sentiment) {
  if (!sentiment || !SENTIMENT_LABELS.includes(sentiment.label)) return null;
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(2) : '—');
  const angry = sentiment.angry === true;
  return el('span', {
    class: 'chip chip--sentiment chip--' + (angry ? 'angry' : sentiment.label),
    'data-testid': 'turn-sentiment',
    'data-angry': angry ? 'true' : 'false',
    title: t('sentimentTitle', { score: num(sentiment.score), anger: num(sentiment.anger) }),
    text: t('sentimentBadge', { label: t('sentiment_' + sentiment.label), anger: num(sentiment.anger) }),
  });
}

function entityValue(e) {
  const v = e.value;
  if (v && typeof v === 'object') {
    const lo = typeof v.min === 'number' ? v.min : '';
    const hi = typeof v.max === 'number' ? v.max : '';
    return `${lo}–${hi}`;
  }
  return str(v) || str(e.text);
}

function entityChips(entities) {
  if (!Array.isArray(entities) || !entities.length) return null;
  return el('span', { class: 'entities', 'aria-label': t('entities') }, entities.filter((e) => e && typeof e === 'object').map((e) =>
    el('span', { class: 'chip chip--entity', 'data-testid': 'turn-entity', title: str(e.text) }, [
      el('span', { class: 'chip-key', text: str(e.type) }),
      el('span', { text: entityValue(e) }),
    ])));
}

/** A card as one line: product title and price, order number and status, FAQ question. */
function cardSummary(att) {
  const kind = CARD_KINDS[att && att.contentType];
  const c = (att && att.content) || {};
  if (kind === 'product') return [t('card_product'), [str(c.title), fmtMoney(c.price, c.currency)].filter(Boolean).join(' · ')];
  if (kind === 'order') return [t('card_order'), [str(c.orderId), c.status ? t('status_' + c.status, {}, str(c.status)) : ''].filter(Boolean).join(' · ')];
  if (kind === 'faq') return [t('card_faq'), str(c.question)];
  return [t('card_other'), str(att && att.contentType)];
}

function attachmentsOf(a) {
  if (!Array.isArray(a.attachments) || !a.attachments.length) return null;
  return el('ul', { class: 'cards' }, a.attachments.map((att) => {
    const [label, text] = cardSummary(att);
    return el('li', { class: 'card-line', 'data-testid': 'turn-card' }, [el('span', { class: 'card-kind', text: label }), el('span', { text })]);
  }));
}

function actionsOf(a) {
  const actions = a.suggestedActions && Array.isArray(a.suggestedActions.actions) ? a.suggestedActions.actions : [];
  if (!actions.length) return null;
  return el('div', { class: 'actions-line', 'aria-label': t('suggestedActions') }, actions.map((x) => el('span', { class: 'chip chip--action', text: str(x && x.title) })));
}

/** What a shopper's activity said: its text, or the title of the button they tapped. */
export function shopperText(a) {
  if (typeof a.text === 'string' && a.text) return a.text;
  const tapped = a.channelData && a.channelData.postbackData;
  if (tapped && typeof tapped.title === 'string') return `${t('tapped')} ${tapped.title}`;
  return typeof a.value === 'string' ? `${t('tapped')} ${a.value}` : '';
}

function botReply(a) {
  const handoff = a.channelData && a.channelData.handoff === true;
  const error = a.channelData && a.channelData.error;
  return el('div', { class: 'reply', 'data-role': 'bot' }, [
    el('div', { class: 'reply-head' }, [icon('bot'), el('span', { text: t('bot') }), handoff ? el('span', { class: 'chip chip--warn', text: t('handedOff') }) : null, error ? el('span', { class: 'chip chip--warn', text: str(error.code) }) : null]),
    a.text ? el('p', { class: 'msg-text', text: a.text }) : null,
    attachmentsOf(a),
    actionsOf(a),
  ]);
}

function agentName(a) {
  return (a.from && str(a.from.name)) || t('agent');
}

/**
 * A turn as an `<article data-testid="transcript-turn">`; `annotate` (optional) is the
 * control for correcting the intent, built by the caller.
 */
export function renderTurn(turn, annotate) {
  const a = turn.activity || {};
  const role = turn.role === 'agent' || turn.role === 'bot' ? turn.role : 'user';
  const replies = Array.isArray(turn.replies) ? turn.replies.filter((r) => r && r.type === 'message') : [];
  const node = el('article', { class: `turn turn--${role}`, 'data-testid': 'transcript-turn', 'data-role': role, 'data-turn-id': str(turn.id) });
  if (role === 'agent') {
    append(node, [
      el('div', { class: 'turn-head' }, [icon('agent'), el('strong', { text: agentName(a) }), el('span', { class: 'tag tag--agent', text: t('agent') }), el('time', { class: 'muted', datetime: str(turn.at), text: fmtTime(turn.at) })]),
      el('p', { class: 'msg-text', 'data-testid': 'turn-text', text: str(a.text) }),
    ]);
    return node;
  }
  if (role === 'bot') {
    append(node, [botReply(a), replies.map(botReply)]);
    return node;
  }
  // append() skips null children (Element.append would write "null").
  append(node, [
    el('div', { class: 'turn-head' }, [
      icon('user'),
      el('strong', { text: t('shopper') }),
      el('time', { class: 'muted', datetime: str(turn.at), text: fmtTime(turn.at) }),
      el('span', { class: 'turn-nlu' }, [intentChip(turn.intent), sentimentChip(turn.sentiment), entityChips(turn.entities)]),
    ]),
    el('p', { class: 'msg-text msg-text--user', 'data-testid': 'turn-text', text: shopperText(a) }),
    annotate,
    replies.length ? el('div', { class: 'replies' }, replies.map(botReply)) : null,
  ]);
  return node;
}
