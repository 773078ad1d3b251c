/**
 * @module dialogs/answers/handoff-answer
 * `{"kind": "handoff", "reason": …}`: ends any flow and queues the conversation for staff; staff
 * see the reason (the intent when none is given; `complaint` also opens with empathy).
 */
import type { HandoffAnswer } from '../../domain/types';
import { handleHandoff } from '../handoff-handler';
import type { AnswerHandler } from './answer-handler';

export const answerWithHandoff: AnswerHandler<HandoffAnswer> = async (dc, services, intent, answer) => {
  await dc.cancelAllDialogs();
  await handleHandoff(dc.context, services, answer.reason ?? intent);
};
