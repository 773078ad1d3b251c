/**
 * Teaching the bot end to end, in zh and en: staff annotate the intent of shopper turns, an
 * admin accepts (or rejects) them, `kefu train` trains the accepted ones beside the corpus and
 * records the run, and after a restart the annotated words are recognised as the corrected intent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTrain } from '../../src/cli/train-command';
import type { Annotation } from '../../src/core/staff';
import type { Turn } from '../../src/staff/conversation-turns';
import type { TrainingRun } from '../../src/staff/training-runs';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { captureStdout, withEnv } from './env-scope';
import { addStaff, ConsoleClient, type StaffLogin } from './staff-fixture';

/**
 * A shop's own words the corpus cannot know (its loyalty programme's name): the corpus alone
 * answers them as out of scope (checked below before teaching); staff teach the intent.
 */
const TAUGHT = [
  { locale: 'zh', text: '月亮会员怎么开通', intent: 'account.help' },
  { locale: 'en', text: 'how do i become a moon member', intent: 'account.help' },
] as const;
/** Annotated, then rejected: must not be learnt. */
const REJECTED = { locale: 'en', text: 'hello', intent: 'complaint' } as const;

type Err = { error: { code: string; zh: string } };

describe('teach', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-teach-data-'));
  const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-teach-models-'));
  let server: TestServer | undefined;
  let agentLogin: StaffLogin;
  let adminLogin: StaffLogin;
  const shoppers: ChatClient[] = [];

  async function say(locale: 'zh' | 'en', text: string): Promise<{ conversationId: string; turn: Turn }> {
    const shopper = await ChatClient.connect(server!.url, { locale });
    shoppers.push(shopper);
    await shopper.say(text);
    const agent = await ConsoleClient.login(server!.url, agentLogin);
    const { body } = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${shopper.session.conversationId}/turns`);
    return { conversationId: shopper.session.conversationId, turn: body.turns[0] };
  }

  afterEach(() => shoppers.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(modelDir, { recursive: true, force: true });
  });

  it('should record the training of a first start', async () => {
    server = await startTestServer({ dataDir, modelDir });
    adminLogin = await addStaff(server, 'admin', '店长');
    agentLogin = await addStaff(server, 'agent', 'Alice');
    const admin = await ConsoleClient.login(server.url, adminLogin);
    const { body } = await admin.get<{ runs: TrainingRun[] }>('/api/staff/training');
    expect(body.runs).toEqual([
      { at: expect.any(String), acceptedAnnotations: 0, heldOut: { zh: { accuracy: expect.any(Number), n: expect.any(Number) }, en: { accuracy: expect.any(Number), n: expect.any(Number) } } },
    ]);
    expect(body.runs[0].heldOut.zh.n).toBeGreaterThan(100);
    expect(body.runs[0].heldOut.en.accuracy).toBeGreaterThan(0.8);
    const intents = await admin.get<{ intents: string[] }>('/api/staff/intents');
    expect(intents.body.intents).toEqual(expect.arrayContaining(['complaint', 'account.help', 'oos']));
  });

  it('should annotate shopper turns, show them on the turn, and refuse bad annotations', async () => {
    const agent = await ConsoleClient.login(server!.url, agentLogin);
    for (const t of [...TAUGHT, REJECTED]) {
      const { conversationId, turn } = await say(t.locale, t.text);
      expect(turn.intent?.name).not.toBe(t.intent); // the corpus alone gets it wrong
      const res = await agent.post<{ annotation: Annotation }>('/api/staff/annotations', { conversationId, activityId: turn.id, correctIntent: t.intent });
      expect(res.status).toBe(200);
      expect(res.body.annotation).toMatchObject({
        conversationId,
        activityId: turn.id,
        text: t.text,
        locale: t.locale,
        predictedIntent: turn.intent!.name,
        predictedScore: turn.intent!.score,
        correctIntent: t.intent,
        status: 'pending',
        createdBy: agent.staff.id,
      });
      const shown = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${conversationId}/turns`);
      expect(shown.body.turns[0].annotation).toMatchObject({ correctIntent: t.intent, status: 'pending' });

      const reply = turn.replies[0].id;
      const refusals: [unknown, number][] = [
        [{ conversationId, activityId: turn.id, correctIntent: 'order.teleport' }, 400],
        [{ conversationId, activityId: turn.id, correctIntent: { $gt: '' } }, 400],
        [{ conversationId, activityId: reply, correctIntent: t.intent }, 400],
        [{ conversationId, activityId: 'no-such-activity', correctIntent: t.intent }, 404],
        [{ conversationId: 'no-such-conversation', activityId: turn.id, correctIntent: t.intent }, 404],
        [{ conversationId: { $ne: null }, activityId: turn.id, correctIntent: t.intent }, 400],
      ];
      for (const [body, status] of refusals) {
        const refused = await agent.post<Err>('/api/staff/annotations', body);
        expect([body, refused.status]).toEqual([body, status]);
        expect(refused.body.error.zh).toEqual(expect.any(String));
      }
    }
  });

  it('should let only an admin accept or reject, once', async () => {
    const agent = await ConsoleClient.login(server!.url, agentLogin);
    const admin = await ConsoleClient.login(server!.url, adminLogin);
    const pending = await agent.get<{ annotations: Annotation[] }>('/api/staff/annotations?status=pending');
    expect(pending.body.annotations.map((a) => a.text).sort()).toEqual([...TAUGHT, REJECTED].map((t) => t.text).sort());
    const byText = (text: string) => pending.body.annotations.find((a) => a.text === text)!;
    expect((await agent.post(`/api/staff/annotations/${byText(TAUGHT[0].text).id}/accept`)).status).toBe(403);
    for (const t of TAUGHT) {
      const res = await admin.post<{ annotation: Annotation }>(`/api/staff/annotations/${byText(t.text).id}/accept`);
      expect(res.body.annotation).toMatchObject({ status: 'accepted', reviewedBy: admin.staff.id, reviewedAt: expect.any(String) });
    }
    expect((await admin.post(`/api/staff/annotations/${byText(REJECTED.text).id}/reject`)).body).toMatchObject({ annotation: { status: 'rejected' } });
    expect((await admin.post(`/api/staff/annotations/${byText(TAUGHT[0].text).id}/accept`)).status).toBe(404);
    expect((await admin.post('/api/staff/annotations/__proto__/accept')).status).toBe(404);
    expect((await admin.get('/api/staff/annotations?status=%7B%22%24gt%22%3A%22%22%7D')).status).toBe(400);
    const accepted = await admin.get<{ annotations: Annotation[] }>('/api/staff/annotations?status=accepted');
    expect(accepted.body.annotations).toHaveLength(2);

    const audit = await admin.get<{ entries: { action: string; staffId: string }[] }>('/api/staff/audit');
    const actions = audit.body.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'annotate')).toHaveLength(3);
    expect(actions.filter((a) => a === 'annotation.accept')).toHaveLength(2);
    expect(actions.filter((a) => a === 'annotation.reject')).toHaveLength(1);
  });

  it('should train accepted annotations with kefu train, record the run, and recognise them after a restart', async () => {
    const { result, stdout } = await withEnv({ KEFU_DATA_DIR: dataDir, KEFU_MODEL_DIR: modelDir, MONGODB_URI: undefined, KEFU_QUIET: 'true' }, () => captureStdout(() => runTrain([])));
    expect(result).toBe(0);
    expect(stdout).toContain('accepted annotations trained: 2');
    expect(stdout).toMatch(/^zh: held-out accuracy \d+\.\d% \(\d+ utterances\)$/m);
    expect(stdout).toMatch(/^en: held-out accuracy \d+\.\d% \(\d+ utterances\)$/m);

    await server!.close();
    server = await startTestServer({ dataDir, modelDir });
    const admin = await ConsoleClient.login(server.url, adminLogin);
    const { body } = await admin.get<{ runs: TrainingRun[] }>('/api/staff/training');
    // The restart found the model `kefu train` made: two runs, the newest with the annotations.
    expect(body.runs.map((r) => r.acceptedAnnotations)).toEqual([2, 0]);
    expect(body.runs[0].at > body.runs[1].at).toBe(true);

    for (const t of TAUGHT) {
      const { turn } = await say(t.locale, t.text);
      expect([t.text, turn.intent?.name]).toEqual([t.text, t.intent]);
    }
    const { turn } = await say(REJECTED.locale, REJECTED.text);
    expect(turn.intent?.name).toBe('smalltalk.greeting');
  });
});
