/**
 * @module test/durability/use-kefu-processes
 * Per test: a fresh data directory, `kefu serve` child processes on it (killed after the test)
 * and shoppers connected to them in one language (closed after the test).
 * @example const kefu = useKefuProcesses('zh'); const server = await kefu.start(); await kefu.connect(server.url);
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatClient } from '../helpers/chat-client';
import { startKefu, type KefuProcess } from './kefu-process';

export interface KefuProcesses {
  /** This test's data directory. */
  readonly dataDir: string;
  start(env?: Record<string, string>): Promise<KefuProcess>;
  connect(url: string, auth?: Record<string, unknown>): Promise<ChatClient>;
}

export function useKefuProcesses(locale: 'zh' | 'en', defaults: Record<string, string> = {}): KefuProcesses {
  let dataDir = '';
  const running: KefuProcess[] = [];
  const clients: ChatClient[] = [];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-durability-'));
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(running.splice(0).map((p) => p.kill()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get dataDir() {
      return dataDir;
    },
    async start(env = {}) {
      const p = await startKefu(dataDir, { ...defaults, ...env });
      running.push(p);
      return p;
    },
    async connect(url, auth = {}) {
      const c = await ChatClient.connect(url, { locale, ...auth });
      clients.push(c);
      return c;
    },
  };
}
