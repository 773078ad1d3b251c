/**
 * @module test/security/use-console
 * A describe block's real server (port 0) with one logged-in console of the given role.
 * @example const t = useConsole('admin'); it('…', async () => t.console.get('/api/staff/live'));
 */
import type { KefuConfig } from '../../src/config';
import type { StaffRole } from '../../src/core/staff';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient } from '../staff/staff-fixture';

export interface ConsoleFixture {
  server: TestServer;
  console: ConsoleClient;
}

export function useConsole(role: StaffRole, overrides: Partial<KefuConfig> = {}): ConsoleFixture {
  const fixture = {} as ConsoleFixture;
  beforeAll(async () => {
    fixture.server = await startTestServer(overrides);
    fixture.console = await ConsoleClient.login(fixture.server.url, await addStaff(fixture.server, role));
  });
  afterAll(async () => fixture.server?.close());
  return fixture;
}
