/**
 * @module dialogs/answers/faq-answer
 * `{"kind": "faq", "tag": …}`: the FAQ entry that answers the question, preferring the tag.
 */
import type { FaqAnswer } from '../../domain/types';
import { handleFaq } from '../faq-handler';
import type { AnswerHandler } from './answer-handler';

export const answerFromFaq: AnswerHandler<FaqAnswer> = async (dc, services, intent) => {
  await handleFaq(dc.context, services, intent);
};
