/**
 * The console's Retrain (issue 12) through its API, in zh and en: only an admin may start it (with
 * the console API's session and CSRF rules), one at a time (409), the server keeps answering
 * shoppers while it trains in a worker thread, progress is reported, the run is recorded with its
 * held-out accuracy, and the running bot recognises the accepted corrections without a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation, AuditEntry } from '../../src/core/staff';
import type { Turn } from '../../src/staff/conversation-turns';
import type { RetrainStatus } from '../../src/staff/retrain-job';
import type { TrainingRun } from '../../src/staff/training-runs';
import { ChatClient, intentOf } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, post } from './staff-fixture';

jest.setTimeout(600_000);

/** A shop's own words the corpus cannot know (as in teach.test.ts); staff teach their intent. */
const TAUGHT = [
  { locale: 'zh', text: '月亮会员怎么开通', intent: 'account.help' },
  { locale: 'en', text: 'how do i become a moon member', intent: 'account.help' },
] as const;

type Err = { error: { code: string; message: string; zh: string } };

describe('retrain from the console API', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-retrain-data-'));
  // Its own model folder: the retrain really trains (a shared cache may hold the model already).
  const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-retrain-models-'));
  let server: TestServer;
  let admin: ConsoleClient;
  let agent: ConsoleClient;
  const shoppers: ChatClient[] = [];

  async function shopper(locale: 'zh' | 'en'): Promise<ChatClient> {
    const c = await ChatClient.connect(server.url, { locale });
    shoppers.push(c);
    return c;
  }

  async function waitUntilFinished(seen: RetrainStatus[] = []): Promise<RetrainStatus> {
    const deadline = Date.now() + 500_000;
    for (;;) {
      // The swap to the new bot holds the event loop a moment (the model is read on the main thread), and a
      // kept-alive socket may be closed meanwhile: asked again, as a browser retries an idempotent GET.
      const { body } = await admin.get<{ retrain: RetrainStatus }>('/api/staff/retrain').catch(() => admin.get<{ retrain: RetrainStatus }>('/api/staff/retrain'));
      seen.push(body.retrain);
      if (body.retrain.state !== 'running' || Date.now() > deadline) return body.retrain;
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** The audit log's `retrain` entries, newest first. */
  async function retrainsAudited(): Promise<AuditEntry[]> {
    const { body } = await admin.get<{ entries: AuditEntry[] }>('/api/staff/audit');
    return body.entries.filter((e) => e.action === 'retrain');
  }

  beforeAll(async () => {
    server = await startTestServer({ dataDir, modelDir });
    admin = await ConsoleClient.login(server.url, await addStaff(server, 'admin'));
    agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
  });
  afterEach(() => shoppers.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(modelDir, { recursive: true, force: true });
  });

  it('should refuse anyone but a logged-in admin sending JSON from the console', async () => {
    expect((await fetch(server.url + '/api/staff/retrain')).status).toBe(401);
    expect((await post(server.url, '/api/staff/retrain', {})).status).toBe(401);
    expect((await agent.get('/api/staff/retrain')).status).toBe(403);
    const refused = await agent.post<Err>('/api/staff/retrain');
    expect(refused.status).toBe(403);
    expect(refused.body.error.zh).toBe('只有管理员可以执行此操作。');
    expect((await admin.post('/api/staff/retrain', {}, { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await admin.post('/api/staff/retrain', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await admin.get<{ retrain: RetrainStatus }>('/api/staff/retrain')).body.retrain).toEqual({ state: 'idle', percent: 0 });
    expect(await retrainsAudited()).toEqual([]); // nothing started
  });

  it('should retrain on accepted corrections with progress, one at a time, and switch the running bot to the new model', async () => {
    for (const t of TAUGHT) {
      const c = await shopper(t.locale);
      expect(intentOf(await c.say(t.text))).not.toBe(t.intent); // the corpus alone gets it wrong
      const { body } = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${c.session.conversationId}/turns`);
      const annotated = await agent.post<{ annotation: Annotation }>('/api/staff/annotations', {
        conversationId: c.session.conversationId,
        activityId: body.turns[0].id,
        correctIntent: t.intent,
      });
      expect((await admin.post(`/api/staff/annotations/${annotated.body.annotation.id}/accept`)).status).toBe(200);
    }

    const started = await admin.post<{ retrain: RetrainStatus }>('/api/staff/retrain');
    expect(started.status).toBe(202);
    expect(started.body.retrain).toMatchObject({ state: 'running', startedBy: admin.staff.name });
    const again = await admin.post<Err>('/api/staff/retrain');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'KEFU_CONFLICT', message: 'A retrain is already running.', zh: '已有一次重新训练正在进行。' });
    // The retrain that started is audited, with who started it; the refused one is not.
    const audited = await retrainsAudited();
    expect(audited).toEqual([expect.objectContaining({ staffId: admin.staff.id, staffName: admin.staff.name, action: 'retrain' })]);
    expect(Date.parse(audited[0].at)).toBeGreaterThanOrEqual(Date.parse(started.body.retrain.startedAt!) - 1000);

    // Shoppers are answered while it trains (a worker thread trains; the server's event loop is free).
    const seen: RetrainStatus[] = [];
    const during = await shopper('en');
    const greeting = await during.say('hello');
    expect(intentOf(greeting)).toBe('smalltalk.greeting');
    expect((await admin.get<{ retrain: RetrainStatus }>('/api/staff/retrain')).body.retrain.state).toBe('running');

    const done = await waitUntilFinished(seen);
    expect(done).toMatchObject({ state: 'done', percent: 100, trained: true, run: { acceptedAnnotations: 2 } });
    const steps = new Set(seen.map((s) => s.step));
    expect(steps.has('held-out folds')).toBe(true);
    const percents = seen.map((s) => s.percent);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    for (const l of ['zh', 'en'] as const) {
      expect(done.run!.heldOut[l].n).toBeGreaterThan(100);
      expect(done.run!.heldOut[l].accuracy).toBeGreaterThan(0.8);
    }
    const runs = await admin.get<{ runs: TrainingRun[] }>('/api/staff/training');
    expect(runs.body.runs[0]).toEqual(done.run);

    // No restart: the same server now knows the corrected words, in both languages.
    for (const t of TAUGHT) {
      const c = await shopper(t.locale);
      expect([t.text, intentOf(await c.say(t.text))]).toEqual([t.text, t.intent]);
    }

    // Nothing new since: a second retrain finds the model in the cache and still reports accuracy.
    expect((await admin.post('/api/staff/retrain')).status).toBe(202);
    const second = await waitUntilFinished();
    expect(second).toMatchObject({ state: 'done', trained: false, run: { acceptedAnnotations: 2, heldOut: done.run!.heldOut } });
    expect(await retrainsAudited()).toHaveLength(2);
  });
});
