/**
 * @module staff/teach-routes
 * Teaching the bot: the intents to choose from, annotations of shopper turns, the admin's review,
 * and the history of trainings with held-out accuracy.
 */
import { domainIntents } from '../domain/domain-queries';
import { loadDomain } from '../domain/load-domain';
import { shopContent } from '../shop-folder/shop-content';
import type { AnnotationStatus } from '../core/staff';
import type { Route } from '../http/router';
import { annotateTurn } from './annotate-turn';
import { annotationSource } from './clarification-annotations';
import { parseLimit, single } from './query-params';
import { audit, type StaffDeps } from './staff-deps';
import { badRequest, notFound } from './staff-error';
import { guardedRoute, readJsonBody, type StaffHandler } from './staff-request';
import { readTrainingRuns } from './training-runs';

const STATUSES: readonly AnnotationStatus[] = ['pending', 'accepted', 'rejected'];

export function teachRoutes(deps: StaffDeps): Route[] {
  const { auth } = deps;
  // The intents of this bot's domain (built-in with the shop's over it), read once.
  const intents = domainIntents(loadDomain(shopContent(deps.ctx.config).domainFiles));
  const review =
    (status: 'accepted' | 'rejected'): StaffHandler =>
    async ({ req, params, principal }) => {
      await readJsonBody(req);
      const annotation = await deps.staff.annotations.review(params.id, status, principal.account.id, new Date().toISOString());
      if (!annotation) throw notFound('No pending annotation has this id.', '没有这个待审核的标注。');
      await audit(deps, principal, status === 'accepted' ? 'annotation.accept' : 'annotation.reject', {
        conversationId: annotation.conversationId,
        detail: { annotationId: annotation.id, correctIntent: annotation.correctIntent },
      });
      return { annotation };
    };
  return [
    guardedRoute('GET /api/staff/intents', auth, async () => ({ intents: [...intents] })),
    guardedRoute('POST /api/staff/annotations', auth, async ({ req, principal }) => {
      const body = await readJsonBody(req);
      const annotation = await annotateTurn(
        { transcripts: deps.ctx.stores.transcripts, annotations: deps.staff.annotations, conversation: (id) => deps.control.conversation(id), intents },
        { conversationId: body.conversationId, activityId: body.activityId, correctIntent: body.correctIntent },
        principal.account,
      );
      await audit(deps, principal, 'annotate', {
        conversationId: annotation.conversationId,
        detail: { annotationId: annotation.id, activityId: annotation.activityId, correctIntent: annotation.correctIntent },
      });
      return { annotation };
    }),
    guardedRoute('GET /api/staff/annotations', auth, async ({ url }) => {
      const status = single(url.searchParams, 'status');
      if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
        throw badRequest('status must be pending, accepted or rejected.', 'status 必须是 pending、accepted 或 rejected。');
      }
      const limit = parseLimit(url.searchParams, 1000, 100);
      const annotations = await deps.staff.annotations.list({ ...(status ? { status: status as AnnotationStatus } : {}), limit });
      // `source`: a staff correction or a shopper's pick of a clarifying button (the Teach view shows it).
      return { annotations: annotations.map((a) => ({ ...a, source: annotationSource(a) })) };
    }),
    guardedRoute('POST /api/staff/annotations/:id/accept', auth, review('accepted')),
    guardedRoute('POST /api/staff/annotations/:id/reject', auth, review('rejected')),
    guardedRoute('GET /api/staff/training', auth, async () => ({ runs: readTrainingRuns(deps.ctx.config.modelDir) })),
  ];
}
