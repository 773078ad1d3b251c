/**
 * @module nlp/lang/en/stopwords-en
 * English function words, stored stemmed (as `Token.norm` holds them). Negations, question words
 * and price words (`not`, `how`, `under`, `cheap`) are meaningful to a shopper and stay out.
 */
import { stemEn } from './stemmer-en';

const WORDS =
  'a an the this that these those it its it\'s i me my mine we us our you your yours he him his she her they them their ' +
  'is am are was were be been being do does did doing have has had having will would shall should can could may might must ' +
  'of to in on at by for with from into about as and or but so if then than too very just also ' +
  'please pls plz hi hello hey thanks thank kindly want wanna need like looking look find get got some any ' +
  'there here what which who whom whose';

export const STOPWORDS_EN: ReadonlySet<string> = new Set(WORDS.split(/\s+/).map(stemEn));
