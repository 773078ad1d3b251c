/**
 * The contract of the staff console's stores (issue 5) that every adapter passes: accounts,
 * sessions, audit log, assignments, annotations, and the conversation search and dashboard over
 * conversations built through the stores themselves. Called from each adapter's test file.
 */
import type { ChatActivity, Role } from '../../src/core/conversation';
import type { ConversationSummary, TranscriptFilter } from '../../src/core/conversation-search';
import type { Annotation, StaffAccount } from '../../src/core/staff';
import type { Stores } from '../../src/core/stores';

/** The error code a refused call rejects with (compared by hand: see stores.contract.ts on jest realms). */
const refusal = (p: Promise<unknown>): Promise<string | null> =>
  p.then(
    () => null,
    (err: unknown) => String((err as { code?: unknown }).code ?? 'no code'),
  );

const account = (id: string, name: string, extra: Partial<StaffAccount> = {}): StaffAccount => ({
  id,
  name,
  displayName: `${name} 客服`,
  role: 'agent',
  passwordHash: `scrypt$16384$8$1$salt-${id}$hash-${id}`,
  createdAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

const annotation = (id: string, activityId: string, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  conversationId: 'A',
  activityId,
  text: '我的订单到哪了',
  locale: 'zh',
  predictedIntent: 'order.cancel',
  predictedScore: 0.41,
  correctIntent: 'order.status',
  status: 'pending',
  createdBy: 's1',
  createdAt: '2026-03-01T09:00:00.000Z',
  ...extra,
});

const DAY1 = '2026-03-01';
const DAY2 = '2026-03-02';
const DAY3 = '2026-03-03';

interface Line {
  id: string;
  at: string;
  role: Role;
  text: string;
  replyTo?: string;
  intent?: string;
  handoff?: boolean;
  /** A bot reply's record of the shopper's sentiment (issue 11). */
  sentiment?: { label: 'positive' | 'negative' | 'neutral'; score: number; anger: number; angry: boolean };
}

const msg = (conversationId: string, l: Line): ChatActivity => ({
  type: 'message',
  id: l.id,
  conversationId,
  timestamp: l.at,
  from: { id: l.role === 'user' ? 'shopper' : l.role === 'bot' ? 'kefu-bot' : 'staff-1', role: l.role },
  text: l.text,
  ...(l.replyTo ? { replyToId: l.replyTo } : {}),
  ...(l.intent ? { channelData: { intent: { name: l.intent, score: 0.9 }, handoff: l.handoff === true, ...(l.sentiment ? { sentiment: l.sentiment } : {}) } } : {}),
});

const user = (id: string, at: string, text: string): Line => ({ id, at, role: 'user', text });
const bot = (id: string, at: string, replyTo: string, intent: string, text: string, handoff = false): Line => ({ id, at, role: 'bot', text, replyTo, intent, handoff });
const NEGATIVE = { label: 'negative', score: -0.6, anger: 0.3, angry: false } as const;
const ANGRY = { label: 'negative', score: -0.9, anger: 0.8, angry: true } as const;
const felt = (line: Line, sentiment: Line['sentiment']): Line => ({ ...line, sentiment });

/**
 * Four conversations on two days (A, B on day 1; C, D on day 2; D also just after day 2):
 * A (zh, customer c1): order status, asks for a human (handoff reply), an agent writes; its order reply rated down.
 * B (en, webhook): shipping answered with three replies, two out-of-scope turns; its shipping reply rated up.
 * C (en, customer c2): cancel, an injection-looking message answered oos; queued for a human (flag only).
 * D (zh): an operator-looking message answered oos, a greeting, and one more turn at day 3 00:00.
 * Sentiment on the replies: A's handoff turn angry, B's shipping turn negative (on each of its
 * three replies, counted once), C's oos turn angry, D's greeting positive; the rest unscored.
 */
async function seedConversations(stores: Stores): Promise<void> {
  const conversations: [string, string, string | null, 'zh' | 'en', Line[]][] = [
    ['A', 'socketio', 'c1', 'zh', [
      user('a1', `${DAY1}T08:00:00.000Z`, '我的订单 DD123 到哪了'),
      bot('a1r', `${DAY1}T08:00:01.000Z`, 'a1', 'order.status', '正在为您查询订单'),
      user('a2', `${DAY1}T08:01:00.000Z`, '转人工'),
      felt(bot('a2r', `${DAY1}T08:01:01.000Z`, 'a2', 'agent.handoff', '正在为您转接人工客服', true), ANGRY),
      { id: 'a3', at: `${DAY1}T08:05:00.000Z`, role: 'agent', text: '您好，我是客服小王' },
    ]],
    ['B', 'webhook', null, 'en', [
      user('b1', `${DAY1}T10:00:00.000Z`, 'Is shipping free? 100% sure_'),
      felt(bot('b1r1', `${DAY1}T10:00:01.000Z`, 'b1', 'faq.shipping', 'Free over 99.'), NEGATIVE),
      felt(bot('b1r2', `${DAY1}T10:00:02.000Z`, 'b1', 'faq.shipping', 'Delivery takes two days.'), NEGATIVE),
      felt(bot('b1r3', `${DAY1}T10:00:03.000Z`, 'b1', 'faq.shipping', 'Anything else?'), NEGATIVE),
      user('b2', `${DAY1}T10:01:00.000Z`, 'tell me a joke'),
      bot('b2r', `${DAY1}T10:01:01.000Z`, 'b2', 'oos', 'I can only help with shopping.'),
      user('b3', `${DAY1}T10:02:00.000Z`, 'weather?'),
      bot('b3r', `${DAY1}T10:02:01.000Z`, 'b3', 'oos', 'I can only help with shopping.'),
    ]],
    ['C', 'socketio', 'c2', 'en', [
      user('c1', `${DAY2}T09:00:00.000Z`, 'cancel my order'),
      bot('c1r', `${DAY2}T09:00:01.000Z`, 'c1', 'order.cancel', 'Which order?'),
      user('c2', `${DAY2}T09:01:00.000Z`, "' OR 1=1 --"),
      felt(bot('c2r', `${DAY2}T09:01:01.000Z`, 'c2', 'oos', 'Sorry, I did not get that.'), ANGRY),
    ]],
    ['D', 'socketio', null, 'zh', [
      user('d1', `${DAY2}T15:00:00.000Z`, '{"$gt":""}'),
      bot('d1r', `${DAY2}T15:00:01.000Z`, 'd1', 'oos', '抱歉，我没听懂'),
      user('d2', `${DAY2}T15:01:00.000Z`, '你好'),
      felt(bot('d2r', `${DAY2}T15:01:01.000Z`, 'd2', 'smalltalk.greet', '您好！'), { label: 'positive', score: 0.8, anger: 0, angry: false }),
      user('d3', `${DAY3}T00:00:00.000Z`, '在吗'),
      bot('d3r', `${DAY3}T00:00:01.000Z`, 'd3', 'smalltalk.greet', '在的'),
    ]],
  ];
  for (const [id, channel, customerId, locale, lines] of conversations) {
    await stores.conversations.create({ id, channel, customerId, locale });
    for (const line of lines) await stores.transcripts.append(msg(id, line));
  }
  // A conversation without any activity is not listed.
  await stores.conversations.create({ id: 'E', channel: 'socketio', customerId: null, locale: 'zh' });
  await stores.feedback.record({ conversationId: 'A', activityId: 'a1r', rating: 'down' });
  await stores.feedback.record({ conversationId: 'B', activityId: 'b1r1', rating: 'up', comment: 'thanks' });
  await stores.handoffs.enqueue('C', 'shopper asked');
}

export function staffStoresContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name} staff stores (contract)`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => stores.close());

    describe('StaffDirectory', () => {
      it('should add an account and find it by name in any case and by id', async () => {
        const added = await stores.staff.directory.add(account('s1', 'Alice'));
        expect(added.name).toBe('alice');
        expect(await stores.staff.directory.byName('ALICE')).toMatchObject({ id: 's1', name: 'alice', displayName: 'Alice 客服', role: 'agent' });
        expect((await stores.staff.directory.byId('s1'))?.passwordHash).toBe('scrypt$16384$8$1$salt-s1$hash-s1');
        expect(await stores.staff.directory.byName('bob')).toBeNull();
        expect(await stores.staff.directory.byId('nope')).toBeNull();
      });

      it('should refuse a name already taken, whatever its case, and keep the first account', async () => {
        await stores.staff.directory.add(account('s1', 'alice'));
        expect(await refusal(stores.staff.directory.add(account('s2', 'ALICE', { role: 'admin' })))).toBe('KEFU_CONFLICT');
        expect((await stores.staff.directory.list()).map((a) => a.id)).toEqual(['s1']);
        expect(await stores.staff.directory.byId('s2')).toBeNull();
      });

      it('should list accounts and change a password', async () => {
        await stores.staff.directory.add(account('s1', 'alice'));
        await stores.staff.directory.add(account('s2', '王小明', { role: 'admin', createdAt: '2026-03-02T00:00:00.000Z' }));
        expect((await stores.staff.directory.list()).map((a) => a.name)).toEqual(['alice', '王小明']);
        await stores.staff.directory.setPassword('s2', 'scrypt$new');
        expect((await stores.staff.directory.byName('王小明'))?.passwordHash).toBe('scrypt$new');
        expect((await stores.staff.directory.byName('alice'))?.passwordHash).toBe('scrypt$16384$8$1$salt-s1$hash-s1');
      });
    });

    describe('StaffSessions', () => {
      const session = { tokenHash: 'a'.repeat(64), staffId: 's1', createdAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-01T12:00:00.000Z' };

      it('should return a session until it expires', async () => {
        await stores.staff.sessions.create(session);
        expect(await stores.staff.sessions.get(session.tokenHash, '2026-03-01T11:59:59.999Z')).toEqual(session);
        expect(await stores.staff.sessions.get(session.tokenHash, '2026-03-01T12:00:00.001Z')).toBeNull();
        expect(await stores.staff.sessions.get('b'.repeat(64), '2026-03-01T01:00:00.000Z')).toBeNull();
      });

      it('should forget a deleted session', async () => {
        await stores.staff.sessions.create(session);
        await stores.staff.sessions.delete(session.tokenHash);
        expect(await stores.staff.sessions.get(session.tokenHash, '2026-03-01T01:00:00.000Z')).toBeNull();
      });
    });

    describe('AuditLog', () => {
      it('should list entries newest first, a page at a time', async () => {
        for (let i = 1; i <= 5; i++) {
          await stores.staff.audit.record({
            at: `2026-03-01T0${i}:00:00.000Z`,
            staffId: 's1',
            staffName: 'alice',
            action: i === 1 ? 'login' : 'takeover',
            ...(i > 1 ? { conversationId: `conv-${i}` } : {}),
            ...(i === 5 ? { detail: { annotationId: 'n1', 说明: '改意图' } } : {}),
          });
        }
        const first = await stores.staff.audit.list({ limit: 2 });
        expect(first.map((e) => e.at)).toEqual(['2026-03-01T05:00:00.000Z', '2026-03-01T04:00:00.000Z']);
        expect(first[0]).toEqual({ at: '2026-03-01T05:00:00.000Z', staffId: 's1', staffName: 'alice', action: 'takeover', conversationId: 'conv-5', detail: { annotationId: 'n1', 说明: '改意图' } });
        const second = await stores.staff.audit.list({ limit: 2, before: first[1].at });
        expect(second.map((e) => e.at)).toEqual(['2026-03-01T03:00:00.000Z', '2026-03-01T02:00:00.000Z']);
        const last = await stores.staff.audit.list({ limit: 2, before: second[1].at });
        expect(last).toEqual([{ at: '2026-03-01T01:00:00.000Z', staffId: 's1', staffName: 'alice', action: 'login' }]);
        expect(await stores.staff.audit.list()).toHaveLength(5);
      });
    });

    describe('Assignments', () => {
      const by = (staffId: string, conversationId = 'A') => ({ conversationId, staffId, staffName: `${staffId} name`, since: '2026-03-01T08:00:00.000Z' });

      it('should let one staff member hold a conversation and tell the others who does', async () => {
        expect(await stores.staff.assignments.take(by('s1'))).toEqual({ ok: true });
        expect(await stores.staff.assignments.take(by('s1'))).toEqual({ ok: true });
        expect(await stores.staff.assignments.take(by('s2'))).toEqual({ ok: false, holder: by('s1') });
        expect(await stores.staff.assignments.get('A')).toEqual(by('s1'));
        expect(await stores.staff.assignments.get('B')).toBeNull();
      });

      it('should give exactly one of ten concurrent takes the conversation', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => stores.staff.assignments.take(by(`s${i}`, 'race'))));
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        const holder = await stores.staff.assignments.get('race');
        expect(holder).not.toBeNull();
        for (const r of results) if (!r.ok) expect(r.holder).toEqual(holder);
      });

      it('should release only for the holder, and list who holds what', async () => {
        await stores.staff.assignments.take(by('s1', 'A'));
        await stores.staff.assignments.take(by('s2', 'B'));
        expect((await stores.staff.assignments.list()).map((a) => [a.conversationId, a.staffId]).sort()).toEqual([['A', 's1'], ['B', 's2']]);
        expect(await stores.staff.assignments.release('A', 's2')).toBe(false);
        expect(await stores.staff.assignments.get('A')).toEqual(by('s1', 'A'));
        expect(await stores.staff.assignments.release('A', 's1')).toBe(true);
        expect(await stores.staff.assignments.get('A')).toBeNull();
        expect(await stores.staff.assignments.release('A', 's1')).toBe(false);
        expect(await stores.staff.assignments.take(by('s2', 'A'))).toEqual({ ok: true });
      });
    });

    describe('AnnotationStore', () => {
      it('should keep one annotation per shopper turn, replacing a pending one', async () => {
        expect(await stores.staff.annotations.add(annotation('n1', 'a1'))).toMatchObject({ id: 'n1', status: 'pending', correctIntent: 'order.status' });
        await stores.staff.annotations.add(annotation('n2', 'a2', { correctIntent: 'agent.handoff', createdAt: '2026-03-01T09:01:00.000Z' }));
        const replaced = await stores.staff.annotations.add(annotation('n3', 'a1', { correctIntent: 'oos', createdBy: 's2', createdAt: '2026-03-01T09:02:00.000Z' }));
        expect(replaced).toMatchObject({ id: 'n3', correctIntent: 'oos', createdBy: 's2', status: 'pending' });
        const all = await stores.staff.annotations.list();
        expect(all.map((a) => a.id)).toEqual(['n3', 'n2']);
        expect(all[0]).toEqual(annotation('n3', 'a1', { correctIntent: 'oos', createdBy: 's2', createdAt: '2026-03-01T09:02:00.000Z' }));
      });

      it('should review a pending annotation once and list by status', async () => {
        await stores.staff.annotations.add(annotation('n1', 'a1'));
        await stores.staff.annotations.add(annotation('n2', 'a2', { createdAt: '2026-03-01T09:01:00.000Z' }));
        const accepted = await stores.staff.annotations.review('n1', 'accepted', 'admin1', '2026-03-01T10:00:00.000Z');
        expect(accepted).toEqual({ ...annotation('n1', 'a1'), status: 'accepted', reviewedBy: 'admin1', reviewedAt: '2026-03-01T10:00:00.000Z' });
        expect(await stores.staff.annotations.review('n1', 'rejected', 'admin2', '2026-03-01T11:00:00.000Z')).toBeNull();
        expect(await stores.staff.annotations.review('nope', 'accepted', 'admin1', '2026-03-01T10:00:00.000Z')).toBeNull();
        expect((await stores.staff.annotations.list({ status: 'pending' })).map((a) => a.id)).toEqual(['n2']);
        expect((await stores.staff.annotations.list({ status: 'accepted' })).map((a) => a.id)).toEqual(['n1']);
        expect(await stores.staff.annotations.list({ status: 'rejected' })).toEqual([]);
        expect(await stores.staff.annotations.list({ limit: 1 })).toHaveLength(1);
      });

      it('should refuse to annotate a turn again once its annotation was reviewed', async () => {
        await stores.staff.annotations.add(annotation('n1', 'a1'));
        await stores.staff.annotations.review('n1', 'rejected', 'admin1', '2026-03-01T10:00:00.000Z');
        expect(await refusal(stores.staff.annotations.add(annotation('n2', 'a1', { correctIntent: 'oos' })))).toBe('KEFU_CONFLICT');
        expect(await stores.staff.annotations.list()).toEqual([
          { ...annotation('n1', 'a1'), status: 'rejected', reviewedBy: 'admin1', reviewedAt: '2026-03-01T10:00:00.000Z' },
        ]);
      });

      it("should list one conversation's annotations, with a status too, and take an id as a literal value", async () => {
        await stores.staff.annotations.add(annotation('n1', 'a1'));
        await stores.staff.annotations.add(annotation('n2', 'b1', { conversationId: 'B', createdAt: '2026-03-01T09:01:00.000Z' }));
        await stores.staff.annotations.add(annotation('n3', 'a2', { createdAt: '2026-03-01T09:02:00.000Z' }));
        await stores.staff.annotations.review('n3', 'accepted', 'admin1', '2026-03-01T10:00:00.000Z');
        expect((await stores.staff.annotations.list({ conversationId: 'A' })).map((a) => a.id)).toEqual(['n3', 'n1']);
        expect((await stores.staff.annotations.list({ conversationId: 'B' })).map((a) => a.id)).toEqual(['n2']);
        expect((await stores.staff.annotations.list({ conversationId: 'A', status: 'pending' })).map((a) => a.id)).toEqual(['n1']);
        expect(await stores.staff.annotations.list({ conversationId: 'nope' })).toEqual([]);
        expect(await stores.staff.annotations.list({ conversationId: '{"$gt":""}' })).toEqual([]);
        expect(await stores.staff.annotations.list({ conversationId: { $gt: '' } as unknown as string })).toEqual([]);
      });

      it('should page on with the last annotation seen, also across equal times, until every one was read', async () => {
        const times = ['09:00', '09:01', '09:01', '09:01', '09:02'];
        for (const [i, time] of times.entries()) {
          await stores.staff.annotations.add(annotation(`p${i}`, `act-${i}`, { createdAt: `2026-03-01T${time}:00.000Z` }));
          await stores.staff.annotations.review(`p${i}`, 'accepted', 'admin1', '2026-03-01T10:00:00.000Z');
        }
        await stores.staff.annotations.add(annotation('other', 'act-x', { createdAt: '2026-03-01T09:01:00.000Z' }));
        const seen: Annotation[] = [];
        for (let pages = 0; pages < 5; pages++) {
          const last = seen.at(-1);
          const page = await stores.staff.annotations.list({ status: 'accepted', limit: 2, ...(last ? { after: { createdAt: last.createdAt, id: last.id } } : {}) });
          seen.push(...page);
          if (page.length < 2) break;
        }
        expect(seen.map((a) => a.id)).toEqual(['p4', 'p1', 'p2', 'p3', 'p0']);
        expect(await stores.staff.annotations.list({ after: { createdAt: '2026-03-01T09:00:00.000Z', id: 'p0' } })).toEqual([]);
      });
    });

    describe('retention (ConversationStore.deleteInactiveSince)', () => {
      it("should delete an idle conversation's channel reference, assignment and annotations, keeping accepted ones as unlinked training data", async () => {
        const later = new Date(Date.now() + 60_000).toISOString();
        const future = new Date(Date.now() + 3_600_000).toISOString();
        const keys = (id: string, channel: string) => [`${channel}/conversations/${id}/`, `botframework/references/${id}`];
        for (const [id, at] of [['old', '2026-01-01T00:00:00.000Z'], ['old2', '2026-01-02T00:00:00.000Z'], ['recent', future]]) {
          await stores.conversations.create({ id, channel: 'botframework', customerId: null, locale: 'zh' });
          await stores.transcripts.append(msg(id, user('m1', at, '我的订单到哪了')));
          for (const key of keys(id, 'botframework')) await stores.state.write({ [key]: { reference: { conversation: { id: `channel-${id}` } } } });
          await stores.staff.assignments.take({ conversationId: id, staffId: 's1', staffName: '客服小王', since: at });
        }
        // Both idle conversations have an accepted annotation of their activity "m1".
        await stores.staff.annotations.add(annotation('acc', 'm1', { conversationId: 'old' }));
        await stores.staff.annotations.review('acc', 'accepted', 'admin1', '2026-01-03T00:00:00.000Z');
        await stores.staff.annotations.add(annotation('acc2', 'm1', { conversationId: 'old2', text: '退货怎么办', correctIntent: 'faq.returns' }));
        await stores.staff.annotations.review('acc2', 'accepted', 'admin1', '2026-01-03T00:00:00.000Z');
        await stores.staff.annotations.add(annotation('rej', 'm2', { conversationId: 'old' }));
        await stores.staff.annotations.review('rej', 'rejected', 'admin1', '2026-01-03T00:00:00.000Z');
        await stores.staff.annotations.add(annotation('pend', 'm3', { conversationId: 'old' }));
        await stores.staff.annotations.add(annotation('keep', 'm1', { conversationId: 'recent' }));

        expect(await stores.conversations.deleteInactiveSince(later)).toBe(2);

        for (const id of ['old', 'old2']) {
          expect(await stores.conversations.get(id)).toBeNull();
          expect(await stores.state.read(keys(id, 'botframework'))).toEqual({});
          expect(await stores.staff.assignments.get(id)).toBeNull();
          expect(await stores.staff.annotations.list({ conversationId: id })).toEqual([]);
        }
        // Training data stays: the shopper's (redacted) words and the intent staff chose, without the link.
        expect(await stores.staff.annotations.list({ status: 'accepted' })).toEqual([
          { ...annotation('acc', 'acc', { conversationId: '' }), status: 'accepted', reviewedBy: 'admin1', reviewedAt: '2026-01-03T00:00:00.000Z' },
          { ...annotation('acc2', 'acc2', { conversationId: '', text: '退货怎么办', correctIntent: 'faq.returns' }), status: 'accepted', reviewedBy: 'admin1', reviewedAt: '2026-01-03T00:00:00.000Z' },
        ]);
        expect((await stores.staff.annotations.list()).map((a) => a.id).sort()).toEqual(['acc', 'acc2', 'keep']);

        // What was active is untouched.
        expect(await stores.conversations.get('recent')).not.toBeNull();
        expect(Object.keys(await stores.state.read(keys('recent', 'botframework'))).sort()).toEqual(keys('recent', 'botframework').sort());
        expect(await stores.staff.assignments.get('recent')).toMatchObject({ staffId: 's1' });
        expect((await stores.staff.annotations.list({ conversationId: 'recent' })).map((a) => a.id)).toEqual(['keep']);

        // A conversation that comes back under the same id starts without any of it.
        await stores.conversations.create({ id: 'old', channel: 'botframework', customerId: null, locale: 'zh' });
        expect(await stores.staff.assignments.get('old')).toBeNull();
        expect(await stores.staff.assignments.take({ conversationId: 'old', staffId: 's2', staffName: '客服小李', since: later })).toEqual({ ok: true });
        await stores.staff.annotations.add(annotation('new', 'm1', { conversationId: 'old' }));
        expect((await stores.staff.annotations.list({ conversationId: 'old' })).map((a) => a.id)).toEqual(['new']);
      });
    });

    describe('ConversationSearch.search', () => {
      const ids = async (filter: TranscriptFilter): Promise<string[]> => (await stores.search.search(filter, { limit: 100 })).items.map((i) => i.conversation.id);
      beforeEach(async () => seedConversations(stores));

      it('should list conversations with activities, newest activity first, with their summaries', async () => {
        const { items, next } = await stores.search.search({});
        expect(next).toBeUndefined();
        expect(items.map((i) => i.conversation.id)).toEqual(['D', 'C', 'B', 'A']);
        const byId = new Map<string, ConversationSummary>(items.map((i) => [i.conversation.id, i]));
        expect(byId.get('A')).toEqual({
          conversation: expect.objectContaining({ id: 'A', channel: 'socketio', customerId: 'c1', locale: 'zh', handoff: false }),
          lastActivityAt: `${DAY1}T08:05:00.000Z`,
          userMessages: 2,
          lastText: '您好，我是客服小王',
          intents: ['agent.handoff', 'order.status'],
          humanInvolved: true,
        });
        // Turns, not replies: shipping was one turn (three replies), oos two.
        expect(byId.get('B')).toMatchObject({ userMessages: 3, lastText: 'I can only help with shopping.', intents: ['oos', 'faq.shipping'], humanInvolved: false });
        expect(byId.get('C')).toMatchObject({ conversation: expect.objectContaining({ handoff: true }), humanInvolved: true, intents: ['oos', 'order.cancel'] });
        expect(byId.get('D')).toMatchObject({ lastActivityAt: `${DAY3}T00:00:01.000Z`, userMessages: 3, intents: ['smalltalk.greet', 'oos'], humanInvolved: false });
      });

      it('should filter by text case-insensitively and literally', async () => {
        expect(await ids({ text: 'dd123' })).toEqual(['A']);
        expect(await ids({ text: 'SHIPPING' })).toEqual(['B']);
        expect(await ids({ text: '转人工' })).toEqual(['A']);
        expect(await ids({ text: '%' })).toEqual(['B']);
        expect(await ids({ text: '_' })).toEqual(['B']);
        expect(await ids({ text: '100%' })).toEqual(['B']);
        expect(await ids({ text: "' OR 1=1 --" })).toEqual(['C']);
        expect(await ids({ text: '{"$gt":""}' })).toEqual(['D']);
        expect(await ids({ text: '.*' })).toEqual([]);
        expect(await ids({ text: 'no such words' })).toEqual([]);
      });

      it('should filter by time, locale, customer and channel', async () => {
        expect(await ids({ from: `${DAY2}T00:00:00.000Z` })).toEqual(['D', 'C']);
        expect(await ids({ to: `${DAY2}T00:00:00.000Z` })).toEqual(['B', 'A']);
        expect(await ids({ from: `${DAY1}T08:03:00.000Z`, to: `${DAY1}T10:00:00.000Z` })).toEqual(['A']);
        expect(await ids({ from: DAY3 })).toEqual(['D']);
        expect(await ids({ locale: 'zh' })).toEqual(['D', 'A']);
        expect(await ids({ locale: 'en', channel: 'socketio' })).toEqual(['C']);
        expect(await ids({ customerId: 'c1' })).toEqual(['A']);
        expect(await ids({ channel: 'webhook' })).toEqual(['B']);
        expect(await ids({ customerId: '{"$gt":""}' })).toEqual([]);
      });

      it('should filter by intent, human involvement and rating', async () => {
        expect(await ids({ intent: 'oos' })).toEqual(['D', 'C', 'B']);
        expect(await ids({ intent: 'order.status' })).toEqual(['A']);
        expect(await ids({ intent: 'order' })).toEqual([]);
        expect(await ids({ handoff: true })).toEqual(['C', 'A']);
        expect(await ids({ handoff: false })).toEqual(['D', 'B']);
        expect(await ids({ rating: 'down' })).toEqual(['A']);
        expect(await ids({ rating: 'up' })).toEqual(['B']);
        expect(await ids({ intent: 'oos', locale: 'en', handoff: false })).toEqual(['B']);
      });

      it('should page with a cursor, also across equal times', async () => {
        const at = `${DAY2}T12:00:00.000Z`;
        for (const id of ['T1', 'T2', 'T3']) {
          await stores.conversations.create({ id, channel: 'socketio', customerId: 'tie', locale: 'en' });
          await stores.transcripts.append(msg(id, user(`${id}-m`, at, 'same time')));
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await stores.search.search({}, { cursor, limit: 2 });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((i) => i.conversation.id));
          cursor = page.next;
          pages++;
        } while (cursor !== undefined && pages < 10);
        expect(seen).toEqual(['D', 'T3', 'T2', 'T1', 'C', 'B', 'A']);
        const tie = await stores.search.search({ customerId: 'tie' }, { limit: 1 });
        expect((await stores.search.search({ customerId: 'tie' }, { cursor: tie.next, limit: 5 })).items.map((i) => i.conversation.id)).toEqual(['T2', 'T1']);
      });

      it('should refuse a cursor it did not give and a filter value of the wrong type', async () => {
        expect(await refusal(stores.search.search({}, { cursor: 'not-a-cursor' }))).toBe('KEFU_BAD_REQUEST');
        expect(await refusal(stores.search.search({ handoff: 'yes' as unknown as boolean }))).toBe('KEFU_BAD_REQUEST');
        expect(await refusal(stores.search.search({ text: { $gt: '' } as unknown as string }))).toBe('KEFU_BAD_REQUEST');
        expect(await refusal(stores.search.search({ from: 'yesterday' }))).toBe('KEFU_BAD_REQUEST');
      });
    });

    describe('ConversationSearch.dashboard', () => {
      beforeEach(async () => seedConversations(stores));

      it('should count conversations, turns and feedback per UTC day', async () => {
        const stats = await stores.search.dashboard({ from: `${DAY1}T00:00:00.000Z`, to: `${DAY3}T00:00:00.000Z` });
        expect(stats.from).toBe(`${DAY1}T00:00:00.000Z`);
        expect(stats.to).toBe(`${DAY3}T00:00:00.000Z`);
        expect(stats.days).toEqual([
          // A (an agent wrote) and B (the bot alone); turns: A 2, B 3 of which 2 oos.
          { date: DAY1, conversations: 2, handledByBot: 1, handedOff: 1, turns: 5, oosTurns: 2, negativeTurns: 2, angryTurns: 1 },
          // C is queued for a human but none took part that day: handed off counts what happened, not the flag.
          { date: DAY2, conversations: 2, handledByBot: 2, handedOff: 0, turns: 4, oosTurns: 2, negativeTurns: 1, angryTurns: 1 },
        ]);
        expect(stats.totals).toEqual({ conversations: 4, handledByBot: 3, handedOff: 1, turns: 9, oosTurns: 4, negativeTurns: 3, angryTurns: 2 });
        expect(stats.topIntents).toEqual([
          { intent: 'oos', turns: 4 },
          { intent: 'agent.handoff', turns: 1 },
          { intent: 'faq.shipping', turns: 1 },
          { intent: 'order.cancel', turns: 1 },
          { intent: 'order.status', turns: 1 },
          { intent: 'smalltalk.greet', turns: 1 },
        ]);
        expect(stats.feedbackByIntent).toEqual([
          { intent: 'faq.shipping', up: 1, down: 0 },
          { intent: 'order.status', up: 0, down: 1 },
        ]);
      });

      it('should cover every day the range touches, and only activities inside it', async () => {
        const stats = await stores.search.dashboard({ from: `${DAY2}T12:00:00.000Z`, to: `${DAY3}T00:00:01.000Z` });
        expect(stats.days.map((d) => d.date)).toEqual([DAY2, DAY3]);
        // Day 2 from noon: D only (C wrote in the morning); day 3: D's message at 00:00 (its reply at 00:00:01 is outside).
        expect(stats.days[0]).toEqual({ date: DAY2, conversations: 1, handledByBot: 1, handedOff: 0, turns: 2, oosTurns: 1, negativeTurns: 0, angryTurns: 0 });
        expect(stats.days[1]).toEqual({ date: DAY3, conversations: 1, handledByBot: 1, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 });
        expect(stats.feedbackByIntent).toEqual([]);
        const empty = await stores.search.dashboard({ from: '2025-01-01T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z' });
        expect(empty.days).toEqual([
          { date: '2025-01-01', conversations: 0, handledByBot: 0, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 },
          { date: '2025-01-02', conversations: 0, handledByBot: 0, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 },
        ]);
        expect(empty.topIntents).toEqual([]);
      });

      it('should refuse a range that is not two times or longer than a year', async () => {
        expect(await refusal(stores.search.dashboard({ from: 'last week', to: `${DAY3}T00:00:00.000Z` }))).toBe('KEFU_BAD_REQUEST');
        expect(await refusal(stores.search.dashboard({ from: '2020-01-01T00:00:00.000Z', to: `${DAY3}T00:00:00.000Z` }))).toBe('KEFU_BAD_REQUEST');
      });
    });
  });
}
