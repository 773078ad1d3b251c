/**
 * @module nlp/all-matches
 * `text.matchAll(regex)` without its cost: `matchAll` clones the regular expression on every
 * call, which costs more than the matching itself on chat-sized text. The matches are collected
 * before they are returned, so the shared `lastIndex` is never seen half-way by the caller.
 */

/**
 * Every match of a global regular expression, as `matchAll` finds them.
 * @example allMatches(/\d+/g, 'a1b22').map((m) => m[0]) // ['1', '22']
 */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  if (!regex.global) throw new TypeError(`allMatches needs a global regular expression: ${String(regex)}`);
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    out.push(m);
    // An empty match would match again at the same place: step over one character.
    if (m[0] === '') regex.lastIndex = nextIndex(text, regex.lastIndex, regex.unicode);
  }
  regex.lastIndex = 0;
  return out;
}

function nextIndex(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1;
}
