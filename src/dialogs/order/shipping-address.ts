/**
 * @module dialogs/order/shipping-address
 * The new shipping address in a shopper's answer, as it should go on the label: the words around
 * it ("改成…", "地址是…", "change it to …", "please ship to …", "谢谢", "thanks") are dropped,
 * and the address is split into the fields the confirmation reads back — Chinese 省 / 市 / 区 /
 * 详细地址, otherwise street, city, state or province and postcode, as far as they can be told.
 */

/** The fields of an address, each only when it could be told. */
export interface AddressFields {
  province?: string;
  city?: string;
  district?: string;
  /** Street and number, building, room: the Chinese 详细地址 or the English street line. */
  street?: string;
  postcode?: string;
}

/** Words before the address, longest first within each group; stripped repeatedly. */
const LEADING = [
  // Chinese: who asks, what is changed, then the verb.
  /^(?:好的|好|嗯|那|麻烦(?:你|您)?|请|帮我|帮忙|我想|我要|想)[，,\s]*/u,
  /^(?:把|将)?(?:我的|订单的?)?(?:收货|收件|寄送|配送|送货)?地址(?:信息)?(?:帮我|给我)?/u,
  /^(?:新的?|正确的?)(?:收货|收件)?地址(?:是|为)?/u,
  /^(?:改成|改为|改到|换成|换为|换到|更改为|更改成|修改为|修改成|变更为|寄到|送到|发到|寄往|送往|填)/u,
  /^(?:是|为)(?=\p{Script=Han}{2})/u,
  // English.
  /^(?:ok(?:ay)?|sure|yes|yeah|hi|hello)\b[,.!\s]*/iu,
  /^(?:(?:could|can|would) you\s+)?(?:please\s+)?(?:change|update|set|switch)\s+(?:it|the address|my address|the delivery address|the shipping address)\s+to\b/iu,
  /^(?:(?:the|my)\s+)?(?:new|correct|right)\s+(?:delivery\s+|shipping\s+)?address\s+(?:is|should be|will be)?\b/iu,
  /^(?:please\s+)?(?:ship|send|deliver|post)\s+(?:it|them|the order|my order|the parcel)?\s*to\b/iu,
  /^(?:please|it'?s|it is|to)\b/iu,
  /^[:：,，.。\s-]+/u,
];

/** Words after the address. */
const TRAILING = [
  /[，,。.!！\s]*(?:谢谢(?:你|您)?|多谢|麻烦(?:你|您)?了|辛苦了|吧|哈|啊|呢)[。.!！~～\s]*$/u,
  /[,.!\s]*(?:thanks?(?: you)?|thx|please|cheers)[.!\s]*$/iu,
  /[，,。.;；!！\s]+$/u,
];

/**
 * @example extractAddress('改成上海市浦东新区世纪大道100号，谢谢') // '上海市浦东新区世纪大道100号'
 * @example extractAddress('change it to 12 Baker St, London') // '12 Baker St, London'
 */
export function extractAddress(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of [...LEADING, ...TRAILING]) {
      const next = s.replace(pattern, '').trim();
      if (next !== s && next.length > 0) {
        s = next;
        changed = true;
      }
    }
  }
  return s;
}

const HAN = /\p{Script=Han}/u;

/** 省 / 市 / 区 / 详细地址; municipalities (上海市) have a city and no province. */
const ZH_ADDRESS =
  /^(?<province>[\p{Script=Han}]{2,7}?(?:省|自治区|特别行政区))?(?<city>[\p{Script=Han}]{2,9}?(?:市|自治州|地区|盟))?(?<district>[\p{Script=Han}]{1,9}?(?:区|县|旗|市))?(?<street>.+)?$/u;

const POSTCODE = /\b(?:\d{5}(?:-\d{4})?|\d{6}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/iu;

function zhFields(address: string): AddressFields {
  const compact = address.replace(/\s+/g, ' ');
  const postcode = /(?:邮编[:：]?\s*)?(?<!\d)(\d{6})(?!\d)\s*$/u.exec(compact);
  const body = postcode ? compact.slice(0, postcode.index).trim() : compact;
  const m = ZH_ADDRESS.exec(body)?.groups ?? {};
  const fields: AddressFields = {};
  if (m.province) fields.province = m.province;
  if (m.city) fields.city = m.city;
  if (m.district) fields.district = m.district;
  if (m.street?.trim()) fields.street = m.street.trim().replace(/^[，,]\s*/u, '');
  if (postcode) fields.postcode = postcode[1];
  return fields;
}

const COUNTRY = /^(?:china|prc|p\.r\. china|usa|us|u\.s\.a?\.?|united states|uk|united kingdom|中国)$/iu;
const DISTRICT = /\b(?:district|county|borough|new area)\b|[区县]$/iu;

function enFields(address: string): AddressFields {
  const parts = address.split(/\s*[,，\n]\s*/u).filter(Boolean);
  const fields: AddressFields = {};
  // The postcode, wherever it is (usually the last part, alone or after the state).
  for (let i = parts.length - 1; i > 0; i--) {
    const m = POSTCODE.exec(parts[i] as string);
    if (!m) continue;
    fields.postcode = m[0].toUpperCase();
    const rest = (parts[i] as string).replace(m[0], '').trim();
    if (rest) parts[i] = rest;
    else parts.splice(i, 1);
    break;
  }
  if (parts.length > 1 && COUNTRY.test(parts[parts.length - 1] as string)) parts.pop();
  // The street: the leading parts up to the last one with a number (room, house, building).
  let streetEnd = 1;
  for (let i = 0; i < parts.length - 1; i++) if (/\d/.test(parts[i] as string)) streetEnd = i + 1;
  const street = parts.slice(0, streetEnd).join(', ');
  if (street) fields.street = street;
  const rest = parts.slice(streetEnd);
  const district = rest.findIndex((p) => DISTRICT.test(p));
  if (district >= 0 && rest.length > 1) fields.district = rest.splice(district, 1)[0];
  if (rest.length === 1) fields.city = rest[0];
  if (rest.length >= 2) {
    fields.city = rest.slice(0, -1).join(', ');
    fields.province = rest[rest.length - 1];
  }
  return fields;
}

/**
 * @example addressFields('浙江省杭州市西湖区文三路90号') // { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路90号' }
 * @example addressFields('12 Baker St, London, NW1 6XE') // { street: '12 Baker St', city: 'London', postcode: 'NW1 6XE' }
 */
export function addressFields(address: string): AddressFields {
  return HAN.test(address.slice(0, 4)) ? zhFields(address) : enFields(address);
}

/** The order the fields are read back in: Chinese from the province down, English from the street up. */
export function fieldOrder(address: string): readonly (keyof AddressFields)[] {
  return HAN.test(address.slice(0, 4)) ? ['province', 'city', 'district', 'street', 'postcode'] : ['street', 'district', 'city', 'province', 'postcode'];
}
