/**
 * @module widget/strings
 * The widget's own UI strings. zh and en are equal citizens: `WidgetStrings` makes the compiler
 * keep their keys in step. Limits are parameters (the server sends them), never copied here.
 */
import type { Locale } from '../core/shop';
import type { ErrorCode } from '../errors';

export interface WidgetStrings {
  title: string;
  subtitle: string;
  openChat: string;
  closeChat: string;
  unread: (n: number) => string;
  close: string;
  inputLabel: string;
  placeholder: string;
  hint: string;
  send: string;
  /** The composer's counter; `max` is null until the server has said its limit. */
  counter: (n: number, max: number | null) => string;
  limitReached: (max: number) => string;
  welcome: string;
  sending: string;
  failed: string;
  timeout: string;
  retry: string;
  typing: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  authExpired: string;
  agent: string;
  suggestions: string;
  feedback: string;
  helpful: string;
  notHelpful: string;
  commentLabel: string;
  commentSubmit: string;
  thanks: string;
  feedbackFailed: string;
  order: string;
  items: string;
  total: string;
  carrier: string;
  tracking: string;
  eta: string;
  lastEvent: string;
  reason: string;
  inStock: string;
  stockCount: (n: number) => string;
  lowStock: (n: number) => string;
  outOfStock: string;
  faq: string;
  products: string;
  /** Order statuses of `shop-data.md`. */
  status: Record<string, string>;
  /** Built-in category slugs, for replies that carry no `categoryName`. */
  categories: Record<string, string>;
  errors: Partial<Record<ErrorCode, string>>;
  unknownError: string;
}

const zh: WidgetStrings = {
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
  counter: (n, max) => (max == null ? String(n) : `${n}/${max}`),
  limitReached: (max) => `已达到 ${max} 字上限`,
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
    refunded: '已退款',
  },
  categories: {
    phones: '手机', laptops: '笔记本电脑', tablets: '平板电脑', headphones: '耳机',
    audio: '音频', cameras: '相机', wearables: '智能穿戴', skincare: '护肤',
    makeup: '彩妆', appliances: '家电', clothing: '服饰', shoes: '鞋靴', books: '图书',
    food: '食品', home: '家居', sports: '运动', toys: '玩具', accessories: '配件',
  },
  errors: {
    KEFU_RATE_LIMIT: '消息发送过于频繁，请稍后再试',
    KEFU_BAD_REQUEST: '消息无法处理，请修改后重试',
    KEFU_AUTH: '登录状态已失效，已切换为访客身份',
    KEFU_INTERNAL: '服务暂时不可用，请稍后再试',
  },
  unknownError: '出错了，请稍后再试',
};

const en: WidgetStrings = {
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
  counter: (n, max) => (max == null ? String(n) : `${n}/${max}`),
  limitReached: (max) => `${max}-character limit reached`,
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
    refunded: 'Refunded',
  },
  categories: {
    phones: 'Phones', laptops: 'Laptops', tablets: 'Tablets', headphones: 'Headphones',
    audio: 'Audio', cameras: 'Cameras', wearables: 'Wearables', skincare: 'Skincare',
    makeup: 'Makeup', appliances: 'Appliances', clothing: 'Clothing', shoes: 'Shoes', books: 'Books',
    food: 'Food', home: 'Home', sports: 'Sports', toys: 'Toys', accessories: 'Accessories',
  },
  errors: {
    KEFU_RATE_LIMIT: 'You are sending messages too fast; please wait a moment',
    KEFU_BAD_REQUEST: 'That message could not be processed',
    KEFU_AUTH: 'Your sign-in has expired; you are chatting as a guest',
    KEFU_INTERNAL: 'The service is temporarily unavailable',
  },
  unknownError: 'Something went wrong; please try again',
};

export const STRINGS: Record<Locale, WidgetStrings> = { zh, en };
