/**
 * One translation mechanism: what kefu says to a shopper comes from `dialogs/*.json` (through
 * `Responses`), never from a string table in TypeScript. Two things give a table away:
 * - Chinese text in a string literal (comments do not count; regex literals are not strings);
 * - an object literal keyed by language (`{ zh: '…', en: '…' }`, `{ zh: { … } }`, `{ en: (n) => … }`);
 *   word lists (`{ zh: ['算了'] }`) are not tables, they are what the NLP reads.
 * Code that READS shopper text (NLP rules, lexicons, regexes) and staff- or operator-facing code
 * is allowed below, each with its reason; a new file anywhere else fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '../../../src');

/** Folders whose Chinese literals read shopper text or speak to staff, not to shoppers. */
const HAN_ALLOWED_FOLDERS: Record<string, string> = {
  'nlp/': 'NLP: per-language normalisers, tokenizers, lexicons, rules',
  'services/faq/': 'FAQ retrieval: synonym lexicon and stopwords it matches shopper text with',
  'staff/': 'staff console API: messages to staff, not shoppers',
  'eval/': 'evaluation report for the shop owner',
  'bench/': 'benchmarks: sample shopper messages',
  'cli/': 'operator command line',
};

/** Single files whose Chinese literals read shopper text (or document an API), not speak to shoppers. */
const HAN_ALLOWED_FILES: Record<string, string> = {
  'services/catalog/query-filler.ts': 'filler words stripped from a product question',
  'privacy/redact.ts': 'address and "last four digits" cues of the redaction regexes; masks, see LANGUAGE_KEYED_ALLOWED',
  'channels/webhook/openapi.ts': "the webhook's OpenAPI document for integrators (bilingual docs and examples)",
  'config/settings.ts': 'setting descriptions for `kefu config` (operator-facing)',
};

/** Files allowed an object keyed by language that is not reply text. */
const LANGUAGE_KEYED_ALLOWED: Record<string, string> = {
  'privacy/redact.ts':
    'the masks written into stored transcripts ([电话]/[phone]): a stored-data format that privacy/private-transcript-store recognises, so not shop-editable text',
};

/**
 * Tables not moved yet, in files other engineers own (issue 15): each must still hold one, so
 * the list only shrinks. Move the strings to dialogs/ and delete the line.
 */
const NOT_MOVED_YET: Record<string, string> = {
};

const HAN = /[\u3400-\u9fff]/;
const LANGUAGE_TAG = /^[a-z]{2}$/;

interface Finding {
  line: number;
  kind: 'chinese text' | 'table keyed by language';
  text: string;
}

/** The string tables of one source text. */
function findInlineStrings(source: string, fileName = 'file.ts'): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const findings: Finding[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const spoken = (value: ts.Expression): boolean =>
    ts.isStringLiteral(value) ||
    ts.isNoSubstitutionTemplateLiteral(value) ||
    ts.isTemplateExpression(value) ||
    ts.isArrowFunction(value) ||
    ts.isFunctionExpression(value) ||
    (ts.isObjectLiteralExpression(value) && value.properties.some((p) => ts.isPropertyAssignment(p) && spoken(p.initializer)));
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) &&
      HAN.test(node.text) &&
      !ts.isImportDeclaration(node.parent)
    ) {
      findings.push({ line: at(node), kind: 'chinese text', text: node.text.slice(0, 40) });
    }
    if (ts.isObjectLiteralExpression(node)) {
      const keyed = node.properties.filter(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && LANGUAGE_TAG.test(p.name.text) && spoken(p.initializer),
      );
      const languages = new Set(keyed.map((p) => (p.name as ts.Identifier).text));
      if (languages.has('zh') || languages.has('en')) findings.push({ line: at(node), kind: 'table keyed by language', text: node.getText(sf).slice(0, 40) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Findings that no allow-list covers, per file (relative to src/, with forward slashes). */
function offendersIn(files: readonly string[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const file of files) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    const hanAllowed = rel in HAN_ALLOWED_FILES || Object.keys(HAN_ALLOWED_FOLDERS).some((folder) => rel.startsWith(folder));
    const keyedAllowed = rel in LANGUAGE_KEYED_ALLOWED || rel.startsWith('nlp/') || rel.startsWith('staff/');
    const findings = findInlineStrings(fs.readFileSync(file, 'utf8'), file).filter((f) =>
      f.kind === 'chinese text' ? !hanAllowed : !keyedAllowed,
    );
    if (findings.length) out.set(rel, findings);
  }
  return out;
}

describe('shopper-facing strings live in dialogs/', () => {
  const offenders = offendersIn(sourceFiles(SRC));

  it('should find no string table in src outside the allow-lists and the not-moved-yet list', () => {
    const unexpected = [...offenders].filter(([rel]) => !(rel in NOT_MOVED_YET)).map(([rel, found]) => found.map((f) => `src/${rel}:${f.line} ${f.kind}: ${f.text}`));
    expect(unexpected.flat()).toEqual([]);
  });

  it('should still find a table in every not-moved-yet file (delete the entry once it is moved)', () => {
    const moved = Object.keys(NOT_MOVED_YET).filter((rel) => fs.existsSync(path.join(SRC, rel)) && !offenders.has(rel));
    expect(moved).toEqual([]);
  });

  it('should still need every allowed file (a stale entry would hide a new table)', () => {
    const files = [...new Set([...Object.keys(HAN_ALLOWED_FILES), ...Object.keys(LANGUAGE_KEYED_ALLOWED)])];
    const stale = files.filter((rel) => {
      const file = path.join(SRC, rel);
      return !fs.existsSync(file) || findInlineStrings(fs.readFileSync(file, 'utf8')).length === 0;
    });
    expect(stale).toEqual([]);
  });
});

describe('findInlineStrings', () => {
  it.each([
    ['a zh/en table', "const NOTICE = { zh: '请稍候', en: 'One moment' };", 'table keyed by language'],
    ['an English half alone', "const WORDS = { en: { view: 'View details' } };", 'table keyed by language'],
    ['a table of functions', 'const P = { en: (id: string) => `Order ${id} is hidden` };', 'table keyed by language'],
    ['Chinese in a conditional', "const s = locale === 'zh' ? '抱歉，出错了' : 'Sorry';", 'chinese text'],
    ['Chinese in a template', 'const s = `${month}月${day}日`;', 'chinese text'],
  ])('should find %s', (_name, source, kind) => {
    expect(findInlineStrings(source).map((f) => f.kind)).toContain(kind);
  });

  it.each([
    ['a regex literal', 'const STOP = /^(算了|不用了|never ?mind)$/i;'],
    ['a comment', "// says '您好' to the shopper\nconst key = 'smalltalk.greeting';"],
    ['a response lookup', "responses.text(locale, 'channel.busy');"],
  ])('should not find %s', (_name, source) => {
    expect(findInlineStrings(source)).toEqual([]);
  });

  it('should take a word list per language for what the NLP reads, not a table (its Chinese words still need an NLP folder)', () => {
    const kinds = findInlineStrings("const STOP_WORDS = { zh: ['算了', '不用了'], en: ['never mind'] };").map((f) => f.kind);
    expect(kinds).not.toContain('table keyed by language');
    expect(kinds).toEqual(['chinese text', 'chinese text']);
  });

  it('should fail on a table added to a file outside the allow-lists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-inline-'));
    try {
      const file = path.join(dir, 'notice.ts');
      fs.writeFileSync(file, "export const BUSY = { zh: '请稍候', en: 'One moment' };\n");
      expect([...offendersIn([file]).values()].flat().map((f) => f.kind)).toEqual(['table keyed by language', 'chinese text']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
