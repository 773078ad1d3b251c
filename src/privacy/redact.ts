/**
 * @module privacy/redact
 * Masks personal data in text kept for later reading (the staff copy of transcripts, exports):
 * e-mail addresses, phone numbers (mainland mobiles and landlines, international and North
 * American shapes), card-like numbers (13–19 digits passing the Luhn check), postal addresses in
 * Chinese (province/city/district … road + number … building/room) and English (number + street +
 * suffix, unit, city parts, postcode), and the verification secret. Order numbers (letters +
 * digits) stay: staff need them.
 *
 * The verification secret is four digits (the end of the order's phone). Which four-digit groups
 * are the secret, and which are a price, a year or a quantity, depends on when they were typed:
 * - Always: a message that is only four digits ("8000", "80 00"); four digits after a cue such as
 *   尾号 / 后四位 / 末四位 / "last four" / "ending in", with a few filler words between
 *   ("尾号是 5678", "后四位应该是1234吧", "the last four digits of my phone are 4321").
 * - While the order flow waits for the answer (`verificationAnswer`, set by the privacy layer when
 *   the bot's last reply asked the question): every lone four-digit group that is not a year or a
 *   price (2025年, ¥1999, 1999元 stay) is masked — the bot takes one as the answer, and two are
 *   guesses ("不是1234，是5678") — and when the message holds exactly four digits, all of them, year
 *   or not ("还是8000", "its5678", "8-0-0-0"): the bot may take those together. So whatever
 *   `verification-digits` reads as the answer is masked.
 * - Never: digits inside a token that starts with letters (order DD20261101008, tracking
 *   SF1901042878494) or four digits inside a longer number (5+ digits are not the secret). Prices
 *   and years in other turns are not touched.
 *
 * The mask names what was there, in the language of the text: `[电话]`/`[phone]`, `[邮箱]`/`[email]`,
 * `[地址]`/`[address]`, `[卡号]`/`[card]`, `[****]` for digits of the verification answer.
 */

import { FOUR_ALONE } from './verification-digits';

export type PiiKind = 'email' | 'phone' | 'card' | 'address' | 'secret';

const LABELS: Record<'zh' | 'en', Record<PiiKind, string>> = {
  zh: { email: '[邮箱]', phone: '[电话]', card: '[卡号]', address: '[地址]', secret: '[****]' },
  en: { email: '[email]', phone: '[phone]', card: '[card]', address: '[address]', secret: '[****]' },
};

const CJK = /[\u3400-\u9fff]/;
/** No letter or digit just before / after: order ids such as DD20260101001 are not phone numbers. */
const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** 13–19 digits, optionally grouped by single spaces or dashes. */
const CARD = new RegExp(`(?<![A-Za-z0-9+])\\d(?:[ -]?\\d){12,18}${E}`, 'g');
const PHONES: RegExp[] = [
  // +86 / 0086 optional, mainland mobile 1[3-9]x xxxx xxxx with optional separators
  new RegExp(`${B}(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d){8}${E}`, 'g'),
  // landline 0xx(x)-xxxxxxx(x), optional +86
  new RegExp(`${B}(?:(?:\\+|00)86[ -]?)?\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}${E}`, 'g'),
  // international +CC …
  new RegExp(`\\+\\d{1,3}(?:[ -]?\\(?\\d{1,4}\\)?){2,5}${E}`, 'g'),
  // North American (555) 123-4567, 555-123-4567, 555.123.4567
  new RegExp(`${B}(?:\\(\\d{3}\\)\\s?|\\d{3}[-. ])\\d{3}[-. ]\\d{4}${E}`, 'g'),
];

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
const ZH_NUM = '[0-9０-９一二三四五六七八九十百零〇]';
const ZH_TAIL = `(?:[\\s,，]*(?:${ZH_NUM}+|[A-Za-z])+(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|F|f))*`;
const ZH_ADDRESSES: RegExp[] = [
  // from a province / municipality name to the end of the house number and room
  new RegExp(`(?:${PROVINCES})(?:省|市|自治区|特别行政区)?[\\u3400-\\u9fff0-9０-９A-Za-z\\-]*?(?:${ZH_NUM}+(?:号|弄|栋|幢|号楼)|(?:区|县|镇|乡|路|街|道)(?=[\\s,，。.!！?？]|$))${ZH_TAIL}`, 'g'),
  // a district or city, then a road with a number
  new RegExp(`[\\u3400-\\u9fff]{1,8}(?:市|区|县)[\\u3400-\\u9fff0-9]{0,12}?(?:路|街|大道|大街|巷|弄|胡同|道)${ZH_NUM}+(?:号|弄)${ZH_TAIL}`, 'g'),
  // a road with a number alone
  new RegExp(`[\\u3400-\\u9fff]{1,6}(?:路|街|大道|大街|巷|弄|胡同)${ZH_NUM}+(?:号|弄)${ZH_TAIL}`, 'g'),
];
const STREET = '(?:Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Highway|Hwy|Parkway|Pkwy)';
const EN_ADDRESS = new RegExp(
  `${B}\\d{1,5}[A-Za-z]?\\s+(?:[A-Za-z][A-Za-z'.-]*\\s+){1,4}${STREET}\\b\\.?(?:\\s+(?:West|East|North|South|[NSEW]))?` +
    `(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|#)\\.?\\s*[A-Za-z0-9-]+)?` +
    `(?:,\\s*[A-Z][A-Za-z'. -]{1,30}){0,3}(?:,?\\s*\\d{5,6}(?:-\\d{4})?)?`,
  'gi',
);
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+/gi;
/** Words that announce the verification digits. */
const SECRET_CUE =
  '尾号|尾数|后四位|后4位|末四位|末4位|最后四位|最后4位|' +
  'last\\s+(?:four|4)(?:\\s+(?:digits?|numbers?))?|ending\\s+(?:in|with)|ends?\\s+(?:in|with)';
/** What may stand between the cue and the digits: punctuation, "是/为/应该是", "of my phone are". */
const SECRET_FILLER =
  '(?:\\s|[:：,，=]|是|为|就是|应该是|好像是|大概是|of\\s+(?:my|the)\\s+(?:phone|mobile|number)(?:\\s+number)?|' +
  'is\\b|are\\b|was\\b|were\\b|should\\s+be\\b|it\'?s\\b)*';
/** Digits after 尾号 / 后四位 / "last four" are the verification secret ("56 78" too). */
const SECRET_AFTER = new RegExp(`((?:${SECRET_CUE})${SECRET_FILLER})\\d(?:[ -]?\\d){3}(?!\\d)`, 'gi');
const ONLY_FOUR_DIGITS = /^\s*\d(?:[\s-]?\d){3}\s*$/;
/** Every run of digits, with the separators inside it ("8-0-0-0" is one run). */
const DIGIT_RUN = /\d(?:[\s.\-·]*\d)*/g;

export interface RedactOptions {
  /**
   * The text answers the verification question (sent while the order flow waited for it): its
   * digits are the secret (see the module comment).
   * @default false
   */
  verificationAnswer?: boolean;
}

/**
 * An answer's digits masked: all of them when there are four (the bot may take them together),
 * and every lone four-digit group that is not a year or a price (the bot takes one of those), so
 * whatever `answerDigits` reads is masked.
 */
function maskAnswer(original: string, text: string, secret: string): string {
  if (original.replace(/\D/g, '').length === 4) return text.replace(DIGIT_RUN, secret);
  return text.replace(FOUR_ALONE, (m, currency: string | undefined, unit: string | undefined) => (currency || unit ? m : secret));
}

/** Words that introduce an address are kept: "寄到[地址]", not "[地址]". */
const LEAD_IN = /^(.*(?:寄到|送到|发到|邮到|改成|改为|换成|住在|地址(?:是|为)?|[:：]))/;
function keepLeadIn(match: string): string {
  return LEAD_IN.exec(match)?.[1] ?? '';
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The text with personal data masked.
 * @example redact('我的手机 138 0000 1234，寄到上海市浦东新区世纪大道100号') // '我的手机 [电话]，寄到[地址]'
 * @example redact('mail me at amy@example.com') // 'mail me at [email]'
 */
export function redact(text: string, options: RedactOptions = {}): string {
  if (!text) return text;
  const label = LABELS[CJK.test(text) ? 'zh' : 'en'];
  if (ONLY_FOUR_DIGITS.test(text)) return label.secret;
  let out = text.replace(EMAIL, label.email);
  out = out.replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? label.card : m));
  for (const re of PHONES) out = out.replace(re, label.phone);
  out = out.replace(SECRET_AFTER, (_m, keep: string) => `${keep}${label.secret}`);
  for (const re of ZH_ADDRESSES) out = out.replace(re, (m) => keepLeadIn(m) + label.address);
  out = out.replace(EN_ADDRESS, label.address).replace(PO_BOX, label.address);
  return options.verificationAnswer ? maskAnswer(text, out, label.secret) : out;
}

/** Redacts every string inside a JSON value (card contents, postback data). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

/** Entity types whose value is personal data, and the mask that replaces it. */
const PERSONAL_ENTITY_KINDS: Readonly<Record<string, PiiKind>> = { phone: 'phone', email: 'email', address: 'address', card: 'card' };
/** Entity types known to hold no personal data (staff need them); any other type is masked as `[type]`. */
const PLAIN_ENTITY_TYPES = new Set(['orderId', 'price', 'category', 'brand', 'quantity', 'model']);

/**
 * A recognised entity as kept for later reading: the value of a personal one (phone, e-mail,
 * address, card, or a type not known to be harmless) becomes its mask in `locale`. The recogniser
 * normalises values ("(555) 123-4567" → "5551234567"), so `redact` on the value would miss them.
 * @example redactEntity({type: 'phone', value: '5551234567', start: 3, end: 17}, 'zh') // {type: 'phone', value: '[电话]', start: 3, end: 17}
 */
export function redactEntity<T extends { type: string; value?: unknown }>(entity: T, locale: 'zh' | 'en'): T {
  if (PLAIN_ENTITY_TYPES.has(entity.type)) return entity;
  const kind = PERSONAL_ENTITY_KINDS[entity.type];
  const { text: _text, ...rest } = entity as T & { text?: unknown };
  return { ...rest, value: kind ? LABELS[locale][kind] : `[${entity.type}]` } as T;
}
