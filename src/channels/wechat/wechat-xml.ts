/**
 * @module channels/wechat/wechat-xml
 * A small, strict reader for the flat `<xml>` documents WeChat posts: the root `<xml>` and its
 * child elements, each holding `<![CDATA[…]]>` sections or plain text. There is no DTD, no
 * entity other than the five predefined ones and character references, no processing
 * instruction, comment or attribute: anything of that kind is refused, so nothing external is
 * ever fetched and nothing expands. Nested elements (a few menu events carry them) are checked
 * for well-formedness up to a small depth and skipped; only the root's text children are read.
 */

/** Why a document was refused; the message is safe to show to the sender. */
export class WechatXmlError extends Error {
  override readonly name = 'WechatXmlError';
}

/** Elements below the root that may themselves contain elements (`SendPicsInfo > PicList > item`). */
const MAX_DEPTH = 4;
/** Children of the root; WeChat's messages have about a dozen. */
const MAX_FIELDS = 64;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}/;
/** Characters XML 1.0 does not allow at all (controls other than tab, newline, return; U+FFFE/U+FFFF). */
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /^&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

function refusal(markup: string): string | undefined {
  if (/^<!DOCTYPE/i.test(markup)) return 'a DOCTYPE is not accepted';
  if (/^<!ENTITY/i.test(markup)) return 'entity declarations are not accepted';
  if (markup.startsWith('<?')) return 'processing instructions are not accepted';
  if (markup.startsWith('<!--')) return 'comments are not accepted';
  if (markup.startsWith('<!')) return 'markup declarations are not accepted';
  return undefined;
}

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  fail(message: string): never {
    throw new WechatXmlError(`${message} (at character ${this.pos})`);
  }

  skipSpace(): void {
    while (this.pos < this.src.length && ' \t\r\n'.includes(this.src[this.pos])) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** `<name>` (or `<name/>`, then `selfClosing`); no attributes. */
  openTag(): { name: string; selfClosing: boolean } {
    if (!this.startsWith('<')) this.fail('an element was expected');
    const refused = refusal(this.src.slice(this.pos, this.pos + 12));
    if (refused) this.fail(refused);
    this.pos++;
    const name = this.name();
    this.skipSpace();
    if (this.startsWith('/>')) {
      this.pos += 2;
      return { name, selfClosing: true };
    }
    if (!this.startsWith('>')) this.fail(`<${name}> must not have attributes`);
    this.pos++;
    return { name, selfClosing: false };
  }

  private name(): string {
    const m = NAME.exec(this.src.slice(this.pos, this.pos + 65));
    if (!m) this.fail('an element name was expected');
    this.pos += m[0].length;
    return m[0];
  }

  /** The content of an element up to and including its end tag: its text, and whether it had child elements. */
  content(name: string, depth: number): { text: string; hasChildren: boolean } {
    let text = '';
    let hasChildren = false;
    for (;;) {
      if (this.atEnd()) this.fail(`</${name}> is missing`);
      if (this.startsWith(CDATA_OPEN)) {
        const end = this.src.indexOf(CDATA_CLOSE, this.pos + CDATA_OPEN.length);
        if (end < 0) this.fail('a CDATA section is not closed');
        text += this.src.slice(this.pos + CDATA_OPEN.length, end);
        this.pos = end + CDATA_CLOSE.length;
      } else if (this.startsWith('</')) {
        this.pos += 2;
        const closing = this.name();
        this.skipSpace();
        if (closing !== name || !this.startsWith('>')) this.fail(`</${name}> was expected`);
        this.pos++;
        return { text, hasChildren };
      } else if (this.startsWith('<')) {
        if (depth >= MAX_DEPTH) this.fail('elements are nested too deeply');
        const child = this.openTag();
        if (!child.selfClosing) this.content(child.name, depth + 1);
        hasChildren = true;
      } else {
        const next = this.src.indexOf('<', this.pos);
        const end = next < 0 ? this.src.length : next;
        text += this.decode(this.src.slice(this.pos, end));
        this.pos = end;
      }
    }
  }

  /** Plain text: the five predefined entities and character references, nothing else. */
  private decode(raw: string): string {
    let out = '';
    for (let i = 0; i < raw.length;) {
      const amp = raw.indexOf('&', i);
      if (amp < 0) return out + raw.slice(i);
      out += raw.slice(i, amp);
      const m = ENTITY.exec(raw.slice(amp, amp + 12));
      if (!m) this.fail('only &lt; &gt; &amp; &quot; &apos; and character references are accepted');
      if (m[1]) out += PREDEFINED[m[1]];
      else {
        const code = m[2] !== undefined ? Number(m[2]) : parseInt(m[3], 16);
        const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
        if (INVALID_CHAR.test(char) || (code >= 0xd800 && code <= 0xdfff)) this.fail('a character reference names an invalid character');
        out += char;
      }
      i = amp + m[0].length;
    }
    return out;
  }
}

/**
 * The text children of the root `<xml>` element, by name.
 * @throws WechatXmlError for anything that is not such a document.
 * @example parseWechatXml('<xml><MsgType><![CDATA[text]]></MsgType></xml>').get('MsgType') // 'text'
 */
export function parseWechatXml(source: string): Map<string, string> {
  if (INVALID_CHAR.test(source)) throw new WechatXmlError('the document contains characters XML does not allow');
  const reader = new Reader(source.replace(/^\uFEFF/, ''));
  reader.skipSpace();
  const root = reader.openTag();
  if (root.name !== 'xml') reader.fail('the root element must be <xml>');
  const fields = new Map<string, string>();
  const seen = new Set<string>();
  if (!root.selfClosing) {
    for (;;) {
      reader.skipSpace();
      if (reader.startsWith('</')) {
        reader.content('xml', 0);
        break;
      }
      const child = reader.openTag();
      const { text, hasChildren } = child.selfClosing ? { text: '', hasChildren: false } : reader.content(child.name, 1);
      if (seen.has(child.name)) reader.fail(`<${child.name}> appears twice`);
      seen.add(child.name);
      if (seen.size > MAX_FIELDS) reader.fail('the document has too many elements');
      if (!hasChildren) fields.set(child.name, text);
    }
  }
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('nothing may follow </xml>');
  return fields;
}
