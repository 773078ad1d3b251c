/**
 * @module channels/botframework/no-redirects
 * In the unauthenticated mode (no app id, `KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED`) the Connector
 * client of every turn — replies, and agents' messages pushed later through a stored reference —
 * follows no redirect. `local-emulator` lets only a loopback origin in, so kefu posts only to
 * `/v3/conversations/…` there; a redirect would take the same POST to any other path of that
 * service (its pipeline follows same-origin 307s up to 20 times), an admin endpoint say. A
 * redirect answer now fails the send instead.
 *
 * botbuilder offers no setting for this (its Connector factory replaces any request policies it
 * is given), so the policy is removed from the client's HTTP pipeline; if a botbuilder version
 * no longer has that pipeline where it is looked for, the turn fails rather than send with
 * redirects on (a test holds the behaviour).
 */
import type { CloudAdapter } from 'botbuilder';

/** botbuilder-stdlib's ServiceClientContext keeps @azure/core-client's ServiceClient as `client`. */
interface ConnectorInternals {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown; getOrderedPolicies(): { name: string }[] } };
}

/** @azure/core-rest-pipeline's name for the policy that follows 3xx answers. */
const REDIRECT_POLICY = 'redirectPolicy';

export function refuseRedirects(adapter: CloudAdapter): void {
  adapter.use(async (context, next) => {
    const connector = context.turnState.get(adapter.ConnectorClientKey) as ConnectorInternals | undefined;
    if (connector !== undefined) {
      const pipeline = connector.client?.pipeline;
      if (!pipeline) throw new Error('The Bot Framework connector has no HTTP pipeline to turn redirects off in: nothing is sent.');
      pipeline.removePolicy({ name: REDIRECT_POLICY });
      if (pipeline.getOrderedPolicies().some((p) => p.name === REDIRECT_POLICY)) throw new Error('Redirects could not be turned off: nothing is sent.');
    }
    await next();
  });
}
