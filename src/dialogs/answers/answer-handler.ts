/**
 * @module dialogs/answers/answer-handler
 * What answering an intent takes: one handler per answer kind of the domain (`domain.json`).
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotServices } from '../turn/bot-services';
import type { Answer } from '../../domain/types';
import type { RefinementWord } from '../../domain/keyword-matcher';

export interface RouteOptions {
  score?: number;
  orderId?: string;
  /** Answer without starting a flow (a question in the middle of another flow, which then resumes). */
  oneShot?: boolean;
  /** "cheaper" / "more" / "pricier" asked of the last recommendation (a tapped button). */
  refinement?: RefinementWord;
  /**
   * May ask "this or that?" first when the message is a close call between two intents (only for
   * a typed message outside any flow: never where a flow waits for an answer).
   */
  clarify?: boolean;
}

/** Answers `intent` the way `answer` says. */
export type AnswerHandler<A extends Answer = Answer> = (dc: DialogContext, services: BotServices, intent: string, answer: A, options: RouteOptions) => Promise<void>;
