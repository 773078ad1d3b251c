/**
 * @module bench/nlu-kefu-system
 * kefu's NLU in `bench:nlu`: `NluEngine.train` with the engine's default options (or, as
 * `kefu-nb`, its naive Bayes classifier) and an empty shop lexicon (public datasets have no
 * catalogue); the model is its `toJSON()`.
 */
import fs from 'node:fs';
import type { Locale } from '../core/shop';
import { buildShopLexicon, NluEngine } from '../nlp';
import type { NluEngineOptions } from '../nlp/nlu-engine';
import type { NluBenchExample, NluBenchSystem } from './nlu-bench-system';

export class NluKefuSystem implements NluBenchSystem {
  private engine: NluEngine | null = null;
  private lang: Locale = 'en';

  constructor(
    readonly name = 'kefu',
    private readonly options: Partial<NluEngineOptions> = {},
  ) {}

  async train(examples: readonly NluBenchExample[], lang: Locale): Promise<void> {
    this.lang = lang;
    this.engine = NluEngine.train(examples.map((e) => ({ ...e, locale: lang })), buildShopLexicon([]), this.options);
  }

  async predict(text: string): Promise<{ name: string; score: number }> {
    return this.predictSync(text);
  }

  /** The synchronous path the chat server uses; the bench times this one. */
  predictSync(text: string): { name: string; score: number } {
    if (!this.engine) throw new Error('kefu: predict before train');
    return this.engine.recognizeSync(text, this.lang).topIntent;
  }

  /** Intent only (tokenise + classify + OOS rule), without entity extraction. */
  classifySync(text: string): { name: string; score: number } {
    if (!this.engine) throw new Error('kefu: classify before train');
    return this.engine.classify(text).top;
  }

  async save(file: string): Promise<void> {
    if (!this.engine) throw new Error('kefu: save before train');
    fs.writeFileSync(file, JSON.stringify(this.engine.toJSON()));
  }
}
