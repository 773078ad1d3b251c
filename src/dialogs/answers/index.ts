/**
 * @module dialogs/answers
 * The registry of answer kinds: `domain.json` says how an intent is answered, this says which
 * code does it. A new kind is a new file here and a line in `ANSWERS`.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotServices } from '../turn/bot-services';
import type { Answer, AnswerKind } from '../../domain/types';
import type { AnswerHandler, RouteOptions } from './answer-handler';
import { answerFromFaq } from './faq-answer';
import { answerWithFlow } from './flow-answer';
import { answerWithHandoff } from './handoff-answer';
import { answerWithResponse } from './response-answer';
import { answerWithSkill } from './skill-answer';

export type { AnswerHandler, RouteOptions } from './answer-handler';

const ANSWERS: { [K in AnswerKind]: AnswerHandler<Extract<Answer, { kind: K }>> } = {
  flow: answerWithFlow,
  faq: answerFromFaq,
  handoff: answerWithHandoff,
  response: answerWithResponse,
  skill: answerWithSkill,
};

/** Answers `intent` with the handler of its answer's kind. */
export function answerIntent(dc: DialogContext, services: BotServices, intent: string, answer: Answer, options: RouteOptions): Promise<void> {
  return (ANSWERS[answer.kind] as AnswerHandler)(dc, services, intent, answer, options);
}
