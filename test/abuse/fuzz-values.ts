/**
 * @module test/abuse/fuzz-values
 * Seeded random input for the standing fuzzer: a small PRNG (mulberry32, so a failing run can be
 * replayed from its seed without a dependency) and generators of hostile values — wrong types,
 * huge and odd strings (lone surrogates, zero-width, NUL, right-to-left override), deep nesting,
 * prototype-pollution keys — and of `/chat` payloads that are almost right.
 */

export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const ODD_STRINGS = [
  '',
  ' ',
  '你好',
  'hello',
  '转人工',
  '我的订单DD20261101008到哪了',
  'where is my order DD20261101008',
  '8000',
  '还是8000',
  'its 5678',
  '\ud800',
  '\udfff\ud800',
  'a\ud83dz',
  '\u200b\u200c\u200d\ufeff',
  '\u202egnirts desrever',
  '\u0000',
  'nul\u0000inside',
  '\u001b[31mred',
  '😀👍🏽👨‍👩‍👧',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "'; DROP TABLE conversations; --",
  '{"$gt": ""}',
  '%s%s%s%n',
  '{{text}}${text}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  'C001',
  'up',
  'down',
  'zh',
  'en',
  'order.status',
  'DD20261101008',
];

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'then', 'toJSON', 'valueOf', '$where', '$gt', 'id', 'text', 'value', 'data'];

export function randomString(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.55) return rng.pick(ODD_STRINGS);
  if (roll < 0.75) {
    let s = '';
    const n = 1 + rng.int(40);
    for (let i = 0; i < n; i++) s += String.fromCharCode(rng.chance(0.5) ? 0x20 + rng.int(95) : rng.int(0x10000));
    return s;
  }
  if (roll < 0.95) return rng.pick(ODD_STRINGS).repeat(1 + rng.int(100));
  // Long: around the 2,000-character message limit, and beyond it (under the server's 64 KiB frame
  // limit: an oversized frame closes the connection, which the raw packets try often enough).
  return rng.pick(['x', '好', '\u200b', '\ud800']).repeat(rng.pick([1999, 2000, 2001, 8000]));
}

function randomNumber(rng: Rng): number {
  return rng.pick([0, -0, -1, 1, 0.5, 2 ** 53 + 1, -(2 ** 31), 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 3, 100, 101, 1e6, rng.next() * 1e9]);
}

/** Arrays or objects nested `depth` deep, built without recursion. */
export function deepValue(rng: Rng, depth: number): unknown {
  let value: unknown = rng.pick(['bottom', 0, null]);
  const asArray = rng.chance(0.5);
  const key = rng.pick(['a', 'value', 'data', '__proto__']);
  // Built from JSON so that a `__proto__` key stays an own key at every level.
  if (!asArray) return JSON.parse(`{"${key}":`.repeat(depth) + JSON.stringify(value) + '}'.repeat(depth));
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** An object whose own keys include `__proto__` and friends (parsed from JSON, so they stay own keys). */
export function pollutingObject(rng: Rng): Record<string, unknown> {
  const parts: string[] = [];
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) parts.push(`${JSON.stringify(rng.pick(POLLUTING_KEYS))}:${JSON.stringify(randomJson(rng, 0))}`);
  return JSON.parse(`{${parts.join(',')}}`) as Record<string, unknown>;
}

/** A value that survives JSON (what a browser could send), at most `depth` levels of containers. */
function randomJson(rng: Rng, depth: number): unknown {
  const kind = rng.int(depth > 0 ? 7 : 4);
  switch (kind) {
    case 0:
      return randomString(rng);
    case 1:
      return randomNumber(rng);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return randomString(rng);
    case 4:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth - 1));
    case 5: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(5); i > 0; i--) out[randomString(rng).slice(0, 20)] = randomJson(rng, depth - 1);
      return out;
    }
    default:
      return pollutingObject(rng);
  }
}

/** Any value socket.io-client can emit: JSON, binary, undefined, deep nesting, polluting keys. */
export function randomValue(rng: Rng): unknown {
  const roll = rng.next();
  if (roll < 0.7) return randomJson(rng, 3);
  if (roll < 0.8) return pollutingObject(rng);
  if (roll < 0.88) return Buffer.from(Array.from({ length: rng.int(64) }, () => rng.int(256)));
  if (roll < 0.94) return undefined;
  // socket.io-client walks payloads recursively (looking for binary): keep it under its stack.
  return deepValue(rng, rng.pick([20, 200, 1000]));
}

/** A payload of one of the `/chat` events: usually nearly the right shape with one field wrong. */
export function chatPayload(rng: Rng, event: string, knownIds: string[]): unknown {
  if (rng.chance(0.35)) return randomValue(rng);
  const field = (good: () => unknown): unknown => (rng.chance(0.6) ? good() : randomValue(rng));
  const id = (): unknown => (knownIds.length > 0 && rng.chance(0.5) ? rng.pick(knownIds) : randomString(rng).slice(0, 80));
  const shape: Record<string, unknown> = (() => {
    switch (event) {
      case 'message':
        return { id: field(id), text: field(() => randomString(rng)) };
      case 'postback':
        return { id: field(id), value: field(() => rng.pick(['order.status', 'handoff', 'menu', randomString(rng)])), data: field(() => randomValue(rng)) };
      case 'history':
        return { before: field(id), limit: field(() => randomNumber(rng)) };
      default:
        return { activityId: field(id), rating: field(() => rng.pick(['up', 'down', 'UP', 'sideways'])), comment: field(() => randomString(rng)) };
    }
  })();
  if (rng.chance(0.2)) for (const key of Object.keys(shape)) if (rng.chance(0.5)) delete shape[key];
  if (rng.chance(0.2)) Object.assign(shape, pollutingObject(rng));
  return shape;
}

/** A handshake `auth`: nothing, junk tokens and ids, wrong types, polluting keys. */
export function randomAuth(rng: Rng, extras: { validToken: () => string; conversationIds: string[] }): Record<string, unknown> {
  const roll = rng.next();
  if (roll < 0.3) return {};
  const auth: Record<string, unknown> = {};
  if (rng.chance(0.4)) auth.customerToken = rng.chance(0.3) ? extras.validToken() : rng.chance(0.5) ? randomString(rng) : randomValue(rng);
  if (rng.chance(0.4)) auth.conversationId = extras.conversationIds.length > 0 && rng.chance(0.5) ? rng.pick(extras.conversationIds) : randomValue(rng);
  if (rng.chance(0.4)) auth.locale = rng.chance(0.5) ? rng.pick(['zh', 'en', 'fr', 'ZH', '']) : randomValue(rng);
  if (rng.chance(0.15)) Object.assign(auth, pollutingObject(rng));
  if (rng.chance(0.05)) auth.nested = deepValue(rng, 200);
  return auth;
}

/** Raw engine.io / socket.io packets for a plain websocket (engine.io v4 framing: `4` = message, then socket.io `2` = event, `3` = ack, `5` = binary event…). */
export function rawPacket(rng: Rng): string | Buffer {
  const event = rng.pick(['message', 'postback', 'history', 'feedback', 'session', 'activity', 'error', 'connect', 'disconnect', randomString(rng).slice(0, 30)]);
  const json = (value: unknown): string => JSON.stringify(value) ?? 'null';
  // Half are well-formed events asking for an ack (the connection lives on and the handlers answer).
  if (rng.chance(0.5)) return `42/chat,${rng.int(1000)}${json([rng.pick(['message', 'postback', 'history', 'feedback']), chatPayload(rng, event, [])])}`;
  const candidates: (() => string | Buffer)[] = [
    () => `42/chat,${json([event, chatPayload(rng, event, [])])}`,
    () => `42/chat,${rng.int(1000)}${json([event, chatPayload(rng, event, [])])}`,
    () => `42/chat,[${json(event)},`,
    () => `42/chat,{"0":"message"}`,
    () => `42/chat,${'['.repeat(rng.pick([100, 5000, 50_000]))}`,
    // Nested far deeper than any client library would build (issue 14 item 8: answered KEFU_INTERNAL once).
    () => `42/chat,${rng.int(1000)}["postback",{"value":"x","data":${'['.repeat(20_000)}"x"${']'.repeat(20_000)}}]`,
    () => `42/chat,${rng.int(1000)}["postback",${'['.repeat(20_000)}"x"${']'.repeat(20_000)}]`,
    () => `42/chat,${rng.int(1000)}["message",${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]`,
    () => `43/chat,${rng.int(50)}[${json(randomValue(rng))}]`,
    () => `451-/chat,["message",{"_placeholder":true,"num":${rng.pick([0, 1, 99, -1])}}]`,
    () => `45${rng.pick(['', '-', '9999999999-', 'x-'])}/chat,["postback",{"_placeholder":true,"num":0}]`,
    () => `40/chat,${json(rng.chance(0.5) ? randomValue(rng) : { customerToken: randomString(rng) })}`,
    () => `40${rng.pick(['/staff', '/admin', '/', '/chat/../staff', '/\u0000'])},`,
    () => `41/chat,`,
    () => `44/chat,${json(randomValue(rng))}`,
    () => rng.pick(['2', '3', '6', '5', '2probe', '3probe', '1', '4', '49', '4-', '']),
    () => `4${randomString(rng)}`,
    () => randomString(rng),
    () => Buffer.from(Array.from({ length: rng.int(200) }, () => rng.int(256))),
    () => `42/chat,["message",{"text":"${'x'.repeat(70_000)}"}]`,
  ];
  return rng.pick(candidates)();
}
