/**
 * @module nlp/lang/zh/leading-pleasantries
 * Real shoppers open a request with a greeting or a vocative ("你好，", "您好问一下", "在吗 ", "亲爱的
 * ") and then say what they want. The opening says nothing about the need, yet its words weigh
 * like any other: "你好请问带导航吗" half reads as a greeting. `leadingPleasantryEnd` finds where
 * such an opening ends, so the Chinese stage leaves its words out when a need follows. A message
 * that is only a greeting ("你好", "亲 在吗") has no need after it and keeps its words.
 *
 * Only greetings, by measurement (jddc-zh-dev, 2026-12-07): leaving out openings of
 * acknowledgements and thanks too ("好的 ", "嗯嗯 ", "谢谢 ") cost a point (74.7% → 73.7%, out-of-scope
 * recall 87% → 80%): after "好的" a shopper mostly goes on acknowledging ("好的 尽快"), and "谢谢 +
 * a remark" is still thanks. Greetings alone: 74.7% → 75.3%, held-out zh unchanged (97.6%).
 */

/** Chinese greetings and vocatives: the need may follow without a pause ("你好请问…"). */
const GREETINGS = ['你好', '您好', '哈喽', '哈啰', '嗨', '亲爱的', '亲亲', '在吗', '在么', '在嘛', '在不在'];

/** Greetings that count only before a pause: they also begin words (hisense, 亲子装). */
const PAUSED_GREETINGS = ['hello', 'hey', 'hi', '亲'];

/** Sentence particles that may trail a greeting (你好呀, 在吗哈). */
const PARTICLES = '[呀啊哈呢啦哦吖嘛呐哒]';

const alternation = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const UNIT = new RegExp(`(?:(${alternation(GREETINGS)})|(?:${alternation(PAUSED_GREETINGS)}))${PARTICLES}*`, 'y');
const PAUSE = /[\s\p{P}\p{S}]/u;
const CONTENT = /[\p{L}\p{N}]/gu;

/** The need after the opening must hold at least this many letters, digits or Han characters. */
const MIN_NEED = 2;

/**
 * The offset in `norm` (normalised text, `normalizeText`) where the message's opening greetings
 * and the pauses after them end, or 0 when it has none or nothing follows them.
 * @example leadingPleasantryEnd('你好，请问保修多久') // 3
 * @example leadingPleasantryEnd('hi 在吗 我想退货') // 6
 * @example leadingPleasantryEnd('亲 在吗') // 0 (no need follows)
 * @example leadingPleasantryEnd('hisense电视') // 0
 * @example leadingPleasantryEnd('亲子装有吗') // 0
 */
export function leadingPleasantryEnd(norm: string): number {
  const ends: { end: number; runsOn: boolean }[] = [];
  let i = 0;
  for (;;) {
    while (i < norm.length && PAUSE.test(norm.charAt(i))) i++;
    UNIT.lastIndex = i;
    const m = UNIT.exec(norm);
    if (!m) break;
    i += m[0].length;
    ends.push({ end: i, runsOn: m[1] !== undefined });
  }
  // A paused greeting that runs straight into the next letters is that word's start (hisense).
  while (ends.length > 0) {
    const last = ends[ends.length - 1] as { end: number; runsOn: boolean };
    if (last.runsOn || last.end === norm.length || PAUSE.test(norm.charAt(last.end))) break;
    ends.pop();
  }
  if (ends.length === 0) return 0;
  let cut = (ends[ends.length - 1] as { end: number }).end;
  while (cut < norm.length && PAUSE.test(norm.charAt(cut))) cut++;
  return (norm.slice(cut).match(CONTENT)?.length ?? 0) >= MIN_NEED ? cut : 0;
}
