/**
 * @module staff/conversation-routes
 * Conversations for agents: live view, search, one conversation, its turns, takeover, release
 * and the agent's messages.
 */
import type { Route } from '../http/router';
import { attachAnnotations, readTurns } from './conversation-turns';
import { handoffOf, liveView } from './live-view';
import { parseLimit, parseSearchPage, parseTranscriptFilter, single } from './query-params';
import type { StaffDeps } from './staff-deps';
import { guardedRoute, readJsonBody } from './staff-request';

const MAX_TURNS = 50;

export function conversationRoutes(deps: StaffDeps): Route[] {
  const { auth, control } = deps;
  return [
    guardedRoute('GET /api/staff/live', auth, () => liveView(deps)),
    guardedRoute('GET /api/staff/conversations', auth, async ({ url }) => {
      const filter = parseTranscriptFilter(url.searchParams);
      return deps.ctx.stores.search.search(filter, parseSearchPage(url.searchParams));
    }),
    guardedRoute('GET /api/staff/conversations/:id', auth, async ({ params }) => {
      const conversation = await control.conversation(params.id);
      const [assignment, queue] = await Promise.all([deps.staff.assignments.get(conversation.id), deps.ctx.stores.handoffs.list()]);
      return { conversation, assignment, handoff: handoffOf(queue, conversation.id) };
    }),
    guardedRoute('GET /api/staff/conversations/:id/turns', auth, async ({ params, url }) => {
      const conversation = await control.conversation(params.id);
      const before = single(url.searchParams, 'before');
      const page = await readTurns(deps.ctx.stores.transcripts, conversation.id, { ...(before ? { before } : {}), limit: parseLimit(url.searchParams, MAX_TURNS, 20) });
      await attachAnnotations(page.turns, deps.staff.annotations, conversation.id);
      return page;
    }),
    guardedRoute('POST /api/staff/conversations/:id/takeover', auth, async ({ req, params, principal }) => {
      await readJsonBody(req); // `{}`: read so that a malformed body is a 400, not ignored
      return { assignment: await control.takeover(params.id, principal.account) };
    }),
    guardedRoute('POST /api/staff/conversations/:id/release', auth, async ({ req, params, principal }) => {
      await readJsonBody(req);
      await control.release(params.id, principal.account);
      return { ok: true };
    }),
    guardedRoute('POST /api/staff/conversations/:id/messages', auth, async ({ req, params, principal }) => {
      const body = await readJsonBody(req);
      return control.send(params.id, principal.account, body.text);
    }),
  ];
}
