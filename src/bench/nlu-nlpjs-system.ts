/**
 * @module bench/nlu-nlpjs-system
 * The NLP.js baseline (`@nlpjs/basic`, a dev dependency) with its default settings; its `None`
 * intent is out of scope. `@nlpjs/basic` registers English only; Chinese needs `@nlpjs/lang-zh`
 * (also a dev dependency), loaded for `zh` datasets — without it a Chinese sentence is one token.
 */
import fs from 'node:fs';
import type { Locale } from '../core/shop';
import type { NluBenchExample, NluBenchSystem } from './nlu-bench-system';

/** The slice of the NLP.js `Nlp` class the bench uses (the package ships no types). */
interface NlpJs {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent?: string; score?: number }>;
  export(minified?: boolean): string;
}

export class NluNlpjsSystem implements NluBenchSystem {
  readonly name = 'nlp.js';
  private nlp: NlpJs | null = null;
  private lang: Locale = 'en';

  async train(examples: readonly NluBenchExample[], lang: Locale): Promise<void> {
    this.lang = lang;
    // Required at run time: a dev dependency, absent from production installs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dockStart } = require('@nlpjs/basic') as { dockStart: (opts: unknown) => Promise<{ get(name: string): NlpJs }> };
    const dock = await dockStart({
      use: lang === 'zh' ? ['Basic', 'LangZh'] : ['Basic'],
      settings: { nlp: { languages: [lang], forceNER: false, autoSave: false, autoLoad: false } },
    });
    const nlp = dock.get('nlp');
    for (const e of examples) nlp.addDocument(lang, e.text, e.intent);
    await nlp.train();
    this.nlp = nlp;
  }

  async predict(text: string): Promise<{ name: string; score: number }> {
    if (!this.nlp) throw new Error('nlp.js: predict before train');
    const r = await this.nlp.process(this.lang, text);
    const name = !r.intent || r.intent === 'None' ? 'oos' : r.intent;
    return { name, score: r.score ?? 0 };
  }

  async save(file: string): Promise<void> {
    if (!this.nlp) throw new Error('nlp.js: save before train');
    fs.writeFileSync(file, this.nlp.export(true));
  }
}
