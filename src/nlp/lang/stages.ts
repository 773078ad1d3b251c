/**
 * @module nlp/lang/stages
 * The language stages by locale, and which locale reads which script.
 */
import type { Locale } from '../../core/shop';
import type { LanguageStage } from './language-stage';
import { tokenizerZh } from './zh/tokenizer-zh';
import { tokenizerEn } from './en/tokenizer-en';

export const STAGES: Readonly<Record<Locale, LanguageStage>> = { zh: tokenizerZh, en: tokenizerEn };

/** Scripts of a text run → the locale whose stage segments it. */
export type Script = 'han' | 'letters';
export const SCRIPT_LOCALE: Readonly<Record<Script, Locale>> = { han: 'zh', letters: 'en' };
