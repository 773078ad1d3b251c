/**
 * @module dialogs/answers/skill-answer
 * `{"kind": "skill", "skill": …}`: built-in code, by name. `outOfScope` first checks whether the
 * message names a product of the catalogue ("三体怎么样"): then it is a question about that product,
 * whatever wording the intent corpus happened to have.
 */
import { setHandledIntent, turnInfo } from '../turn/turn-info';
import type { SkillAnswer, SkillName } from '../../domain/types';
import { handleProductQuestion } from '../product-info-handler';
import { handleRecommend } from '../recommend-handler';
import { handleReturnOrRefund } from '../return-refund-handler';
import { handleSmalltalk } from '../smalltalk-handler';
import type { AnswerHandler } from './answer-handler';

const SKILLS: Record<SkillName, AnswerHandler<SkillAnswer>> = {
  recommend: (dc, services, _intent, _answer, options) => handleRecommend(dc.context, services, options.refinement),
  // A shop's own intent answered by this skill keeps its name (replies, transcript, "which one?" buttons).
  productQuestion: (dc, services, intent) => handleProductQuestion(dc.context, services, intent),
  returnOrRefund: (dc, services, intent, answer, options) =>
    handleReturnOrRefund(dc, services, intent, { action: answer.action ?? 'return', orderId: options.orderId, oneShot: options.oneShot }),
  smalltalk: (dc, services, intent, answer) => handleSmalltalk(dc.context, services, intent, answer.menu ?? true),
  outOfScope: async (dc, services, _intent, _answer, options) => {
    const { text, locale } = turnInfo(dc.context);
    const match = text.trim() ? services.matcher.best(text, locale) : null;
    if (match && match.score >= services.domain.thresholds.productNamed) {
      setHandledIntent(dc.context, 'product.info', match.score);
      await handleProductQuestion(dc.context, services, 'product.info');
      return;
    }
    setHandledIntent(dc.context, 'oos', options.score ?? 1);
    await handleSmalltalk(dc.context, services, 'oos', true);
  },
};

export const answerWithSkill: AnswerHandler<SkillAnswer> = (dc, services, intent, answer, options) => SKILLS[answer.skill](dc, services, intent, answer, options);
