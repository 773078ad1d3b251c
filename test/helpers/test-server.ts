/**
 * @module test/helpers/test-server
 * Starts the real server on port 0 with a fresh data directory (models are cached across test
 * files so the NLU trains once per run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type KefuServer } from '../../src/app';
import { loadConfig, type KefuConfig } from '../../src/config';

export const TEST_SECRET = 'test-shop-secret-please-change';
export const MODEL_CACHE = path.join(os.tmpdir(), 'kefu-test-models');

export interface TestServer extends KefuServer {
  dataDir: string;
}

export async function startTestServer(overrides: Partial<KefuConfig> = {}): Promise<TestServer> {
  process.env.KEFU_QUIET = 'true';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-test-'));
  const config = loadConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    modelDir: MODEL_CACHE,
    shopSecret: TEST_SECRET,
    ...overrides,
  });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    close: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
