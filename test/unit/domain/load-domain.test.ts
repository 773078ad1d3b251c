/**
 * Loading domain files (`domain/load-domain`): the built-in `domain.json`, a shop's over it (later
 * files win, `null` removes an intent, thresholds/keywords/staff hours per key), and errors that
 * name the file and the JSON path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_IN_DOMAIN_FILE, checkResponseKeys, DomainError, domainIntents, faqTagOf, flowIntents, loadDomain } from '../../../src/domain';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-domain-'));
let n = 0;
function file(json: unknown): string {
  const f = path.join(dir, `shop-${++n}.json`);
  fs.writeFileSync(f, typeof json === 'string' ? json : JSON.stringify(json));
  return f;
}

/** The error of loading the built-in domain with `overlay` over it. */
function problem(overlay: unknown): { file: string; message: string } {
  const f = file(overlay);
  try {
    loadDomain([BUILT_IN_DOMAIN_FILE, f]);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return { file: f, message: (err as Error).message };
  }
  throw new Error('expected a DomainError');
}

describe('loadDomain', () => {
  const builtIn = loadDomain([BUILT_IN_DOMAIN_FILE]);

  it('should read the built-in domain: every intent kefu handles with its answer, the thresholds, keywords and staff hours', () => {
    expect(domainIntents(builtIn)).toEqual(expect.arrayContaining(['order.status', 'shipping.info', 'product.recommend', 'agent.handoff', 'complaint', 'oos']));
    expect(domainIntents(builtIn)).toHaveLength(19);
    expect(builtIn.intents['order.cancel'].answer).toEqual({ kind: 'flow', flow: 'order', action: 'cancel' });
    expect(builtIn.intents['complaint'].answer).toEqual({ kind: 'handoff', reason: 'complaint' });
    expect([...flowIntents(builtIn)].sort()).toEqual(['agent.handoff', 'complaint', 'order.cancel', 'order.change_address', 'order.status']);
    expect(faqTagOf(builtIn, 'shipping.info')).toBe('shipping');
    expect(faqTagOf(builtIn, 'refund.status')).toBe('refund');
    expect(faqTagOf(builtIn, 'product.info')).toBeUndefined();
    expect(builtIn.thresholds).toMatchObject({ clarifyMargin: 0.2, interrupt: 0.6, offTopic: 0.8, productNamed: 0.5, faqOnTopic: 0.15 });
    expect(builtIn.keywords.stop.zh).toContain('算了');
    expect(builtIn.keywords.stop.en).toContain('never mind');
    expect(builtIn.staffHours.timeZone).toBe('Asia/Shanghai');
  });

  it('should merge a shop domain over it: entries replace, new names add, null removes, thresholds and keywords per key', () => {
    const shop = file({
      intents: {
        'gift.wrap': { answer: { kind: 'response', text: 'gift.wrap', buttons: [{ title: 'common.menuOrder', intent: 'order.status' }] } },
        'promo.info': { answer: { kind: 'handoff' } },
        'invoice.request': null,
      },
      thresholds: { interrupt: 0.7 },
      keywords: { stop: { zh: ['不聊了'], en: ['bye now'] } },
      staffHours: { minutesPerConversation: 8 },
    });
    const domain = loadDomain([BUILT_IN_DOMAIN_FILE, shop]);
    expect(domain.intents['gift.wrap'].answer.kind).toBe('response');
    expect(domain.sources['gift.wrap']).toBe(shop);
    expect(domain.sources['order.status']).toBe(BUILT_IN_DOMAIN_FILE);
    expect(domain.intents['invoice.request']).toBeUndefined();
    expect(flowIntents(domain).has('promo.info')).toBe(true);
    expect(faqTagOf(domain, 'promo.info')).toBeUndefined();
    expect(domain.thresholds.interrupt).toBe(0.7);
    expect(domain.thresholds.offTopic).toBe(0.8);
    expect(domain.keywords.stop).toEqual({ zh: ['不聊了'], en: ['bye now'] });
    expect(domain.keywords.yes.zh).toContain('好的');
    expect(domain.staffHours).toMatchObject({ minutesPerConversation: 8, timeZone: 'Asia/Shanghai' });
    expect(builtIn.intents['invoice.request']).toBeDefined();
  });

  it('should name the file and the JSON path of each problem', () => {
    const cases: [unknown, RegExp][] = [
      ['{ not json', /is not valid JSON/],
      [[], /\(top level\) must be an object/],
      [{ intent: {} }, /: intent is not a known field/],
      [{ intents: { 'promo.info': { answer: { kind: 'telepathy' } } } }, /intents\["promo\.info"\]\.answer\.kind "telepathy" is not a known answer kind \(known: flow, faq, handoff, response, skill\)/],
      [{ intents: { 'order.track': { answer: { kind: 'flow', flow: 'delivery', action: 'status' } } } }, /intents\["order\.track"\]\.answer\.flow "delivery" is not a known flow/],
      [{ intents: { 'order.track': { answer: { kind: 'flow', flow: 'order', action: 'teleport' } } } }, /intents\["order\.track"\]\.answer\.action "teleport" is not a known action of the order flow/],
      [{ intents: { 'gift.wrap': { answer: { kind: 'skill', skill: 'giftWrap' } } } }, /intents\["gift\.wrap"\]\.answer\.skill "giftWrap" is not a known skill/],
      [{ intents: { 'gift.wrap': { answer: { kind: 'response' } } } }, /intents\["gift\.wrap"\]\.answer\.text must be a non-empty string/],
      [{ intents: { 'gift.wrap': { answer: { kind: 'response', text: 'gift.wrap', buttons: [{ title: 'common.yes', intent: 'gift.unwrap' }] } } } }, /intents\["gift\.wrap"\]\.answer\.buttons\[0\]\.intent "gift\.unwrap" is not an intent of the domain/],
      [{ intents: { 'gift.wrap': { answer: { kind: 'faq', tags: 'gift' } } } }, /intents\["gift\.wrap"\]\.answer\.tags is not a known field/],
      [{ intents: { 'Gift Wrap': { answer: { kind: 'faq' } } } }, /intents\["Gift Wrap"\] is not an intent name/],
      [{ intents: { oos: null } }, /intents\["oos"\] cannot be removed/],
      [{ thresholds: { interrupt: 1.5 } }, /thresholds\.interrupt must be a number from 0 to 1 \(got 1\.5\)/],
      [{ thresholds: { offTopic: '0.8' } }, /thresholds\.offTopic must be a number from 0 to 1/],
      [{ thresholds: { interupt: 0.5 } }, /thresholds\.interupt is not a known field/],
      [{ keywords: { stop: { zh: ['算了'] } } }, /keywords\.stop\.en must be a non-empty list of words \(every keyword list has zh, en\)/],
      [{ keywords: { yes: { zh: [], en: ['yes'] } } }, /keywords\.yes\.zh must be a non-empty list/],
      [{ keywords: { yes: { zh: ['是'], en: ['yes'], fr: ['oui'] } } }, /keywords\.yes\.fr is not a known field/],
      [{ keywords: { maybe: { zh: ['也许'], en: ['maybe'] } } }, /keywords\.maybe is not a known field/],
      [{ staffHours: { timeZone: 'Mars/Olympus' } }, /staffHours .*Mars\/Olympus/],
      [{ staffHours: { minutesPerConversation: 0 } }, /staffHours minutesPerConversation must be a positive number/],
    ];
    for (const [overlay, expected] of cases) {
      const { file: f, message } = problem(overlay);
      expect(message.startsWith(`${f}: `)).toBe(true);
      expect(message).toMatch(expected);
    }
  });

  it('should name a file that cannot be read, and refuse a domain that lacks a part', () => {
    expect(() => loadDomain([path.join(dir, 'none.json')])).toThrow(/none\.json: cannot be read/);
    const partial = file({ intents: { oos: { answer: { kind: 'skill', skill: 'outOfScope' } } } });
    expect(() => loadDomain([partial])).toThrow(/thresholds\.clarifyMargin is not set by any of/);
    expect(() => loadDomain([])).toThrow(/no domain files given/);
  });

  it('should check response keys against the responses, naming the file that declared the answer', () => {
    const shop = file({ intents: { 'gift.wrap': { answer: { kind: 'response', text: 'gift.wrap', buttons: [{ title: 'gift.more', intent: 'order.status' }] } } } });
    const domain = loadDomain([BUILT_IN_DOMAIN_FILE, shop]);
    const keys = (...k: string[]) => ({ has: (key: string) => k.includes(key) });
    expect(() => checkResponseKeys(domain, keys())).toThrow(`${shop}: intents["gift.wrap"].answer.text "gift.wrap" is not a response key of dialogs/`);
    expect(() => checkResponseKeys(domain, keys('gift.wrap'))).toThrow(`${shop}: intents["gift.wrap"].answer.buttons[0].title "gift.more" is not a response key`);
    expect(() => checkResponseKeys(domain, keys('gift.wrap', 'gift.more'))).not.toThrow();
    expect(() => loadDomain([BUILT_IN_DOMAIN_FILE, shop], { responses: keys() })).toThrow(DomainError);
  });
});
