/**
 * @module services/faq/shop-synonyms
 * A small bilingual list of how shoppers say the same thing in shop talk, written by hand for
 * this project: each group's words (Chinese, colloquial Chinese and English) are rewritten to one
 * concept token before matching, so "你们发啥快递" meets "你们用什么快递" and "when do I get my
 * money back" meets "how long does a refund take". Groups are kept narrow on purpose: a group
 * that joined two FAQ topics ("delivery time" and "carrier") would make them indistinguishable.
 */

/** Concept → the surface forms that mean it (matched case-insensitively, longest first). */
export const SHOP_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  what: ['什么', '啥', '哪个', '哪家', '哪种', '哪些', 'which', 'what'],
  how: ['怎么', '咋', '如何', '怎样', '怎么样', '咋样', 'how do i', 'how can i', 'how to'],
  when: ['how soon', 'how quickly', '多久', '多长时间', '几天', '什么时候', '啥时候', '何时', '几号', 'how long', 'how many days', 'when'],
  can: ['可以', '能不能', '能否', '可不可以', '行不行', '能', '支持', 'can i', 'can you', 'is it possible'],
  carrier: ['快递公司', '物流公司', '快递', '顺丰', '圆通', '中通', '申通', '韵达', '邮政', 'ems', 'sf', 'jd logistics', 'courier', 'carrier', 'sf express', 'delivery company', 'shipping company'],
  ship: ['发货', '寄出', '出库', '发出', '寄', 'ship', 'dispatch', 'send out', 'sent out', 'send'],
  arrive: ['到货', '送到', '收到', '到手', '送达', '到', 'arrive', 'arrived', 'arriving', 'get it', 'delivered', 'receive', 'delivery'],
  fee: ['运费', '邮费', '快递费', '配送费', 'postage', 'shipping fee', 'shipping cost', 'delivery fee', 'delivery charge', 'pay for delivery', 'pay for shipping', 'charge for delivery', 'charge to deliver'],
  free: ['包邮', '免运费', '免邮', 'free shipping', 'free delivery', 'ship free'],
  refund: ['退款', '退钱', '退费', '钱退', '把钱退', '钱款', '退回来', '退给', 'refund', 'refunded', 'money back', 'reimburse'],
  return: ['退货', '寄回', '退掉', '退了', 'return', 'send back', 'send it back'],
  exchange: ['换货', '调换', '换一个', '换个', '换码', '换尺码', '换颜色', 'exchange', 'swap'],
  pay_method: ['付款方式', '支付方式', '支付宝', '微信支付', '信用卡', '银行卡', '花呗', '分期', '货到付款', '到付', 'alipay', 'wechat pay', 'credit card', 'visa', 'mastercard', 'cash on delivery', 'instalments', 'installments'],
  pay: ['付款', '支付', '付钱', '买单', '结账', '扣款', '扣钱', 'pay', 'payment', 'checkout', 'charged'],
  invoice: ['发票', '开票', '专票', '普票', 'invoice', 'fapiao', 'receipt'],
  coupon: ['优惠券', '红包', '代金券', '券', 'coupon', 'voucher', 'promo code'],
  discount: ['优惠', '折扣', '打折', '满减', '活动', '促销', '便宜', 'discount', 'cheap', 'money off', 'deal', 'deals', 'promotion', 'sale', 'offer'],
  password: ['密码', 'password', 'passcode'],
  login: ['登录', '登陆', '登不上', '登录不了', '上不去', '登不进去', '登录不进去', 'log in', 'login', 'sign in'],
  phone: ['手机号', '手机号码', '电话号码', '号码', 'phone number', 'mobile number', 'phone'],
  address: ['收货地址', '地址', '收件地址', 'address', 'shipping address', 'delivery address'],
  cancel: ['取消', '撤销', '不要了', '不想要了', 'cancel', 'call off'],
  track: ['查物流', '物流信息', '物流', '快递单号', '单号', '运单', '到哪了', '到哪儿了', 'tracking', 'track', 'where is my parcel', 'where is my package'],
  warranty: ['保修', '质保', '维修', '修理', '售后', 'warranty', 'repair', 'guarantee'],
  broken: ['坏了', '故障', '质量问题', '不能用', '用不了', 'broken', 'faulty', 'defective', 'does not work', 'stopped working'],
  genuine: ['正品', '真货', '真的', '行货', '官方授权', '假货', '假的', '山寨', 'genuine', 'authentic', 'original', 'fake', 'counterfeit'],
  now: ['现在', '最近', '目前', '这几天', '这阵子', 'right now', 'at the moment', 'currently', 'now'],
  account: ['账号', '账户', '帐号', '会员账号', 'account'],
  delete: ['注销', '删除', '删掉', 'delete', 'close my account', 'remove my account'],
  points: ['积分', 'points', 'loyalty points'],
  abroad: ['海外', '国外', '境外', '国际', 'overseas', 'abroad', 'international', 'internationally'],
  remote: ['far away', '边远', '偏远', '新疆', '西藏', '青海', '内蒙', 'remote'],
  price_drop: ['降价', '价保', '保价', '差价', '价格保护', 'price drop', 'price protection', 'price difference', 'cheaper now'],
  size: ['尺码', '尺寸', '码数', '大小', '大了', '小了', 'size', 'fit', 'too big', 'too small'],
};

interface Entry {
  form: string;
  concept: string;
  latin: boolean;
}

/** Every surface form, longest first, so "快递公司" is taken before "快递". */
const ENTRIES: readonly Entry[] = Object.entries(SHOP_SYNONYMS)
  .flatMap(([concept, forms]) => forms.map((form) => ({ form: form.toLowerCase(), concept, latin: /^[a-z ]+$/.test(form.toLowerCase()) })))
  .sort((a, b) => b.form.length - a.form.length);

/** The token a concept becomes: letters no shopper types, so it never meets a real word. */
export function conceptToken(concept: string): string {
  return `⟦${concept}⟧`;
}

/** Surface forms by their first character, longest first. */
const BY_FIRST = new Map<string, Entry[]>();
for (const e of ENTRIES) {
  const list = BY_FIRST.get(e.form[0]) ?? [];
  list.push(e);
  BY_FIRST.set(e.form[0], list);
}

const LETTER = /[a-z]/;

/** The character after a Latin form, looking past a plural "s" ("vouchers" is "voucher"). */
function plural(s: string, end: number): string {
  return s[end] === 's' && !LETTER.test(s[end + 1] ?? '') ? '' : s[end] ?? '';
}

/**
 * The text with every synonym replaced by its concept token, in one left-to-right pass taking
 * the longest form at each position. Latin forms match whole words only ("pay" in "repay" stays),
 * plural or not.
 * @example canonicalize('你们发啥快递') // '你们发 ⟦what⟧ ⟦carrier⟧ '
 */
export function canonicalize(text: string): string {
  const s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  let out = '';
  let i = 0;
  while (i < s.length) {
    const found = (BY_FIRST.get(s[i]) ?? []).find(
      (e) => s.startsWith(e.form, i) && (!e.latin || (!LETTER.test(s[i - 1] ?? '') && !LETTER.test(plural(s, i + e.form.length)))),
    );
    if (found) {
      out += ` ${conceptToken(found.concept)} `;
      i += found.form.length;
      if (found.latin && s[i] === 's' && !LETTER.test(s[i + 1] ?? '')) i += 1;
    } else {
      out += s[i];
      i += 1;
    }
  }
  return out;
}
