/**
 * @module channels/wechat/wechat-turns
 * From a WeChat message to the text of its passive reply, within WeChat's 5-second limit.
 *
 * - A text runs a turn of the conversation `wechat:{OpenID}`; a `subscribe` event gets the
 *   greeting; other messages get a short note that only text is understood.
 * - The message's `MsgId` is the activity id, so `ChatService.submit` stores and runs it once.
 *   WeChat retries a message it got no answer to: a retry while the turn runs in this process
 *   waits for the same turn; a retry of a finished turn answers its stored replies.
 * - A turn that does not finish within `replyTimeoutMs` is answered "正在为您查询…" and its
 *   replies are sent later through the customer-service API. Whichever comes first delivers
 *   the reply: a retry that gets the text passively, or the API; never both.
 */
import { postbacks } from '../../dialogs/turn/postback';
import { stickyLocale } from '../../bot/sticky-locale';
import type { ChatService } from '../../chat/chat-service';
import type { InboundMessage } from '../../chat/inbound';
import type { ChatActivity, Conversation, ConversationStore, TranscriptStore } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import type { Responses } from '../../domain/responses';
import { createLogger } from '../../log';
import { detectLocale } from '../../nlp/lang/detect-locale';
import { activitiesAsPlainText } from '../plain-text';
import { RecentKeys } from './recent-keys';
import { chosenMenuAction } from './wechat-menu';
import { wechatMessageId, type WechatMessage } from './wechat-message';

const log = createLogger('kefu:wechat');

export const WECHAT_CHANNEL = 'wechat';

/** The kefu conversation of a WeChat user. */
export const wechatConversationId = (openId: string): string => `${WECHAT_CHANNEL}:${openId}`;

export interface WechatTurnsOptions {
  chat: ChatService;
  transcripts: TranscriptStore;
  conversations: ConversationStore;
  /** How long a passive reply waits for the turn. @default 4500 */
  replyTimeoutMs: number;
  maxTextLength: number;
  publicUrl?: string;
  /** The shop's texts: the channel's notices and the words of plain-text cards. */
  responses: Responses;
  /** Delivers a reply that missed the passive reply (the customer-service API). */
  sendLater(openId: string, text: string): void;
}

type TextMessage = Extract<WechatMessage, { kind: 'text' }>;
type TurnMessage = TextMessage | Extract<WechatMessage, { kind: 'event' }>;

/** One message's turn, shared by WeChat's retries of it. */
interface Job {
  /** The reply text ('' for none); never rejects. */
  reply: Promise<string>;
  /** The conversation's language once it is known. */
  conversationLocale: Locale | null;
  /** A passive reply said "please wait": the reply goes through the API, unless a retry carries it first. */
  deferred: boolean;
  /** A passive reply carried the reply text. */
  answeredPassively: boolean;
}

const TIMEOUT = Symbol('timeout');

/**
 * `promise`'s value if it settles within `ms`, else TIMEOUT. A turn can hold the event loop (the
 * embedded store and the NLU are synchronous), so a value that arrives late also counts as late:
 * by then WeChat may have given up on the connection.
 */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), ms);
  });
  return Promise.race([promise.then((value) => (performance.now() - started > ms ? TIMEOUT : value)), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

export class WechatTurns {
  private readonly jobs = new Map<string, Job>();
  /** Messages whose reply went through the customer-service API: a late retry of one gets no second copy. */
  private readonly sentLater = new RecentKeys();

  constructor(private readonly options: WechatTurnsOptions) {}

  /** The passive reply's text for `message`; '' when there is nothing to say. */
  async answer(message: WechatMessage): Promise<string> {
    if (message.kind === 'other') return this.notice('textOnly', (await this.storedLocale(message.openId)) ?? 'zh');
    if (message.kind === 'event' && message.event !== 'subscribe') return '';
    if (message.kind === 'text') {
      const problem = this.checkText(message.text);
      if (problem) {
        const locale = this.localeOf(message, await this.storedLocale(message.openId));
        return this.notice(problem, locale);
      }
    }
    const key = `${message.openId}\n${wechatMessageId(message)}`;
    if (this.sentLater.has(key)) return '';
    let job = this.jobs.get(key);
    if (!job) {
      job = this.start(message);
      this.jobs.set(key, job);
      void job.reply.then(() => this.jobs.delete(key));
    }
    const reply = await within(job.reply, this.options.replyTimeoutMs);
    if (reply !== TIMEOUT) {
      // WeChat shows only the answer to its latest attempt, so every retry gets the text, unless
      // the customer-service API already carries it.
      if (this.sentLater.has(key)) return '';
      job.answeredPassively = true;
      return reply;
    }
    this.deferToApi(job, message.openId, key);
    return this.notice('busy', this.localeOf(message, job.conversationLocale));
  }

  /** Waits for the turns still running (shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.reply));
  }

  /** What the channel itself says (`dialogs/channel.json`; everything else comes from the bot). */
  private notice(key: 'textOnly' | 'empty' | 'tooLong' | 'busy' | 'unavailable', locale: Locale): string {
    return this.options.responses.text(locale, `channel.${key}`, { max: this.options.maxTextLength });
  }

  private checkText(text: string): 'empty' | 'tooLong' | undefined {
    if (text.trim() === '') return 'empty';
    return [...text].length > this.options.maxTextLength ? 'tooLong' : undefined;
  }

  /** The message's own language, else the conversation's, else Chinese. */
  private localeOf(message: WechatMessage, conversationLocale: Locale | null): Locale {
    if (message.kind !== 'text') return conversationLocale ?? 'zh';
    return stickyLocale(message.text, conversationLocale ?? 'zh') ?? detectLocale(message.text);
  }

  private async storedLocale(openId: string): Promise<Locale | null> {
    try {
      return (await this.options.conversations.get(wechatConversationId(openId)))?.locale ?? null;
    } catch {
      return null;
    }
  }

  private start(message: TurnMessage): Job {
    const job: Job = { reply: Promise.resolve(''), conversationLocale: null, deferred: false, answeredPassively: false };
    job.reply = this.run(message, job).catch((err: unknown) => {
      log.error('a WeChat message could not be handled', err);
      return this.notice('unavailable', this.localeOf(message, job.conversationLocale));
    });
    return job;
  }

  private async run(message: TurnMessage, job: Job): Promise<string> {
    const { chat, transcripts } = this.options;
    const { conversation } = await chat.openById({
      id: wechatConversationId(message.openId),
      channel: WECHAT_CHANNEL,
      // A WeChat user is never a signed-in shop customer: their orders need verification.
      customerId: null,
      locale: null,
    });
    job.conversationLocale = conversation.locale;
    const replies: ChatActivity[] = [];
    const inbound = await this.inboundOf(conversation, message);
    // A text is answered in its own language. A follower is greeted in Chinese, and so is a first
    // message without words ("8000"): Chinese is WeChat's default.
    const wordless = message.kind === 'event' || (conversation.locale === null && stickyLocale(message.text, 'zh') !== undefined);
    const locale: Locale | undefined = wordless ? 'zh' : undefined;
    const { activity, duplicate, turn } = await chat.submit(
      conversation,
      inbound,
      (a) => {
        if (a.type === 'message') replies.push(a);
      },
      locale,
    );
    await turn;
    // A retry whose turn had already run: the stored replies of the first time.
    const messages = duplicate && replies.length === 0 ? await transcripts.repliesTo(conversation.id, activity.id) : replies;
    return activitiesAsPlainText(messages, this.options);
  }

  private async inboundOf(conversation: Conversation, message: TurnMessage): Promise<InboundMessage> {
    const clientId = wechatMessageId(message);
    if (message.kind === 'event') return { kind: 'postback', clientId, value: postbacks.intent('smalltalk.greeting') };
    const action = await chosenMenuAction(this.options.transcripts, conversation.id, clientId, message.text);
    if (action?.type === 'postBack') return { kind: 'postback', clientId, value: action.value };
    if (action?.type === 'imBack') return { kind: 'message', clientId, text: action.value };
    return { kind: 'message', clientId, text: message.text };
  }

  private deferToApi(job: Job, openId: string, key: string): void {
    if (job.deferred) return;
    job.deferred = true;
    void job.reply.then((text) => {
      if (job.answeredPassively || text === '') return;
      this.sentLater.add(key);
      this.options.sendLater(openId, text);
    });
  }
}
