/**
 * @module nlp/lang/en/chat-words-en
 * Chat spellings mapped to the one word they stand for, so `u`, `pls` and `thx` read like `you`,
 * `please` and `thanks`. Only unambiguous, widespread forms.
 */

export const CHAT_WORDS_EN: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', r: 'are', ya: 'you', yr: 'your',
  pls: 'please', plz: 'please', pleas: 'please',
  thx: 'thanks', tnx: 'thanks', thanx: 'thanks', ty: 'thanks', tysm: 'thanks', tks: 'thanks',
  im: "i'm", ive: "i've",
  dont: "don't", doesnt: "doesn't", didnt: "didn't", cant: "can't", wont: "won't", isnt: "isn't", arent: "aren't",
  wasnt: "wasn't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", couldnt: "couldn't", shouldnt: "shouldn't", wouldnt: "wouldn't",
  whats: "what's", wheres: "where's", hows: "how's", whens: "when's", thats: "that's", theres: "there's",
  wanna: 'want', gonna: 'going', gotta: 'got', lemme: 'let', gimme: 'give',
  msg: 'message', msgs: 'messages', pic: 'picture', pics: 'pictures', info: 'information', acct: 'account',
  addr: 'address', pkg: 'package', pw: 'password', pwd: 'password', qty: 'quantity', rn: 'now',
  wen: 'when', wat: 'what', wht: 'what', wut: 'what', wil: 'will', shud: 'should', cud: 'could', wud: 'would',
  abt: 'about', tho: 'though', thru: 'through', sry: 'sorry', soz: 'sorry', tyvm: 'thanks', thnx: 'thanks', thnks: 'thanks',
  ppl: 'people', sth: 'something', smth: 'something', bcoz: 'because', bcz: 'because', tryna: 'trying', hv: 'have', nd: 'and', gud: 'good',
  tmr: 'tomorrow', tmrw: 'tomorrow', bc: 'because', cuz: 'because', coz: 'because',
};
