/**
 * @module domain/types
 * The bot's content as data (Rasa's `domain.yml`): every intent and how it is answered, the
 * thresholds and keyword lists the turn handler reads, and the staff hours. One `domain.json` at
 * the package root is the built-in bot; a shop's `domain.json` is merged over it (`loadDomain`).
 */
import type { Locale } from '../core/shop';
import type { StaffHoursData } from './staff-hours';

/** A botbuilder dialog. Today only the order flow, with its actions. */
export interface FlowAnswer {
  kind: 'flow';
  flow: 'order';
  action: 'status' | 'cancel' | 'change_address';
}

/** An FAQ answer, preferring entries with `tag`. */
export interface FaqAnswer {
  kind: 'faq';
  tag?: string;
}

/** Hand the conversation to staff. `reason` is what staff see (`complaint` also opens with empathy). */
export interface HandoffAnswer {
  kind: 'handoff';
  reason?: string;
}

/** A button under a canned response: `title` is a response key, tapping it sends `intent`. */
export interface ResponseButton {
  title: string;
  intent: string;
}

/** A canned response from `dialogs/` (`text` is its `ns.key`), with optional buttons. */
export interface ResponseAnswer {
  kind: 'response';
  text: string;
  buttons?: ResponseButton[];
}

/** The built-in skills (code): what each does is described in `src/domain/README.md`. */
export const SKILLS = ['recommend', 'productQuestion', 'returnOrRefund', 'smalltalk', 'outOfScope'] as const;
export type SkillName = (typeof SKILLS)[number];

/** Built-in code. `action` picks what `returnOrRefund` looks at; `menu: false` leaves `smalltalk`'s menu out. */
export interface SkillAnswer {
  kind: 'skill';
  skill: SkillName;
  action?: 'return' | 'refund';
  menu?: boolean;
}

export type Answer = FlowAnswer | FaqAnswer | HandoffAnswer | ResponseAnswer | SkillAnswer;
export type AnswerKind = Answer['kind'];

export interface IntentEntry {
  answer: Answer;
  /** The FAQ tag preferred when this intent's answer quotes the FAQ (a `faq` answer's `tag` by default). */
  faqTag?: string;
}

/** Numbers the bot decides by, each in [0, 1]. */
export interface Thresholds {
  /** Ask "this or that?" when the top two intents differ by less than this (0: never). */
  clarifyMargin: number;
  /** …and the runner-up has at least this probability. */
  clarifyMinSecond: number;
  /** Below this score an intent does not interrupt a flow that waits for an answer. */
  interrupt: number;
  /** Above this `oos` score a message in a flow is a question of its own, not a failed answer. */
  offTopic: number;
  /** While an address is awaited, only an intent this sure (and without digits) interrupts. */
  addressInterrupt: number;
  /** A product match this strong means an out-of-scope message names that product. */
  productNamed: number;
  /** Enough word overlap for an FAQ entry of the intent's own topic. */
  faqOnTopic: number;
}

/** The ordinal lists, and the position each points at (1-based; -1 is "the last one"). */
export const ORDINAL_LISTS = { ordinalFirst: 1, ordinalSecond: 2, ordinalThird: 3, ordinalFourth: 4, ordinalFifth: 5, ordinalLast: -1 } as const;

/**
 * The keyword lists, each with words in every locale: the turn handler's (stop, yes/no, latest,
 * refinements) and the follow-up words of `dialogs/context` (ordinals, pronouns, follow-up cues,
 * in stock, order words).
 */
export const KEYWORD_LISTS = [
  'stop',
  'yes',
  'no',
  'latest',
  'refineCheaper',
  'refinePricier',
  'refineMore',
  ...(Object.keys(ORDINAL_LISTS) as (keyof typeof ORDINAL_LISTS)[]),
  'pronoun',
  'followUpCue',
  'inStock',
  'orderWord',
] as const;
export type KeywordListName = (typeof KEYWORD_LISTS)[number];
export type KeywordList = Record<Locale, string[]>;
export type Keywords = Record<KeywordListName, KeywordList>;

/** A merged, validated domain. */
export interface Domain {
  intents: Readonly<Record<string, IntentEntry>>;
  thresholds: Thresholds;
  keywords: Keywords;
  staffHours: StaffHoursData;
  /** The file each intent's entry came from (errors found later name it). */
  sources: Readonly<Record<string, string>>;
}

/** One `domain.json` as written: every part optional; `null` removes a built-in intent. */
export interface DomainFile {
  intents?: Record<string, IntentEntry | null>;
  thresholds?: Partial<Thresholds>;
  keywords?: Partial<Keywords>;
  /** Merged key by key over the earlier files' staff hours. */
  staffHours?: Partial<StaffHoursData>;
}
