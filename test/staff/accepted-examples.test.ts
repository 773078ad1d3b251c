/**
 * Reading every annotation, not a store page: training sees all accepted annotations (past the
 * store's 1,000 per page), and a conversation's turns get their own annotations however many
 * others exist — against the real embedded store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Annotation } from '../../src/core/staff';
import { acceptedExamples, listAllAnnotations } from '../../src/staff/accepted-examples';
import { attachAnnotations, type Turn } from '../../src/staff/conversation-turns';
import { openEmbeddedStores } from '../../src/storage/embedded';
import type { Stores } from '../../src/core/stores';

const annotation = (i: number, conversationId: string, locale: 'zh' | 'en'): Annotation => ({
  id: `n${i}`,
  conversationId,
  activityId: `u${i}`,
  text: locale === 'zh' ? `第${i}号订单到哪了` : `where is parcel number ${i}`,
  locale,
  predictedIntent: 'oos',
  predictedScore: 0.3,
  correctIntent: 'order.status',
  status: 'pending',
  createdBy: 's1',
  // Several share a time: paging must go on by id as well.
  createdAt: new Date(Date.UTC(2026, 2, 1, 8, 0, Math.floor(i / 7))).toISOString(),
});

describe('listAllAnnotations and acceptedExamples', () => {
  let stores: Stores;
  const TOTAL = 1010;
  beforeAll(async () => {
    stores = openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-annotations-')));
    for (let i = 0; i < TOTAL; i++) {
      await stores.staff.annotations.add(annotation(i, i % 100 === 0 ? 'chatty' : `c${i}`, i % 2 ? 'en' : 'zh'));
      // Every annotation but the last five is accepted.
      if (i < TOTAL - 5) await stores.staff.annotations.review(`n${i}`, 'accepted', 'admin', '2026-03-02T00:00:00.000Z');
    }
  }, 60000);
  afterAll(async () => stores.close());

  it('should train on every accepted annotation, not only the first page of 1,000', async () => {
    expect(await stores.staff.annotations.list({ status: 'accepted', limit: 5000 })).toHaveLength(1000);
    const examples = await acceptedExamples(stores.staff.annotations);
    expect(examples).toHaveLength(TOTAL - 5);
    expect(examples.filter((e) => e.locale === 'zh')).toHaveLength(503);
    const texts = examples.map((e) => e.text);
    for (const i of [0, 1, 999, 1000, TOTAL - 6]) expect(texts).toContain(annotation(i, '', i % 2 ? 'en' : 'zh').text);
    expect(texts).not.toContain(annotation(TOTAL - 1, '', 'en').text);
  });

  it('should read every annotation once, newest first', async () => {
    const all = await listAllAnnotations(stores.staff.annotations);
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((a) => a.id)).size).toBe(TOTAL);
    const times = all.map((a) => a.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("should attach a conversation's own annotations to its turns", async () => {
    const turn = (id: string): Turn => ({
      id,
      at: '2026-03-01T08:00:00.000Z',
      role: 'user',
      activity: { type: 'message', id, timestamp: '2026-03-01T08:00:00.000Z', conversationId: 'chatty', from: { id: 'shopper', role: 'user' }, text: '…' },
      replies: [],
    });
    // u1000 is the newest of "chatty", u0 the oldest: more than a page apart in the store's order.
    const turns = [turn('u0'), turn('u600'), turn('u1000'), turn('u1')];
    await attachAnnotations(turns, stores.staff.annotations, 'chatty');
    expect(turns.map((t) => [t.id, t.annotation?.id, t.annotation?.status])).toEqual([
      ['u0', 'n0', 'accepted'],
      ['u600', 'n600', 'accepted'],
      ['u1000', 'n1000', 'accepted'],
      ['u1', undefined, undefined],
    ]);
  });
});
