/**
 * @module test/abuse/verification-phrases
 * What a shopper says and what the bot answers in the verification regression tests, zh and en.
 */
export const PHRASES = {
  zh: {
    status: (id: string) => `帮我查下订单${id}到哪了`,
    cancel: (id: string) => `我要取消订单 ${id}`,
    yes: '确定',
    other: '你们运费怎么算',
    askVerification: /手机号的后四位|下单时使用的邮箱/,
    hidden: /的详情已隐藏.*重新验证/,
  },
  en: {
    status: (id: string) => `where is my order ${id}`,
    cancel: (id: string) => `please cancel order ${id}`,
    yes: 'yes',
    other: 'how much is shipping',
    askVerification: /last 4 digits of the phone number/,
    hidden: /details of order .* are hidden\. To see this order, please verify again/,
  },
} as const;
