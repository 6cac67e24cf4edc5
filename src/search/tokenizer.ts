/**
 * The one tokenizer for search: the indexer (Node) and the browser client both import this module, so a
 * word is cut into exactly the same tokens at build time and at query time. No Node imports, no tables
 * beyond a few short word lists.
 *
 * - Normalisation: NFKC per character cluster (so full/half width match and offsets stay exact), lower
 *   case, Latin diacritics folded. Never NFKD: it would split kana voicing (ガ → カ+゛) and Hangul syllables.
 * - Latin, digits and other alphabets: words split on punctuation, camelCase and letter/digit boundaries;
 *   the parts are indexed together with their joins (`e-mail` → e, mail, email; `TB-401` → tb, 401, tb401).
 * - Han, Hiragana, Katakana, Hangul: overlapping bigrams per script run (a one-character run is a unigram),
 *   so the inside of a compound (`段階認証` in `二段階認証`) and a Korean word with a particle attached
 *   (`비밀번호를`) are found without a dictionary.
 */

export type Script = 'latin' | 'han' | 'hiragana' | 'katakana' | 'hangul';
/**
 * `word`: a whole Latin word; `part`: a piece of a compound; `join`: a compound without its separators;
 * `gram`: a CJK uni/bigram; `variant`: a bigram of a katakana word spelled without ー (サーバー → サバ).
 */
export type TokenKind = 'word' | 'part' | 'join' | 'gram' | 'variant';

export interface Token {
  /** Normalised token text, as stored in the index. */
  text: string;
  /** Offsets in the ORIGINAL string (UTF-16 code units), for highlighting. */
  start: number;
  end: number;
  kind: TokenKind;
  script: Script;
  /** Tokens cut from the same compound word or script run share a group number. */
  group: number;
  /** For an okurigana bridge (申し込み → 申込): the groups of the two kanji runs it joins. */
  joins?: [number, number];
}

// Character classes of the normalised text.
const SEP = 0;
const LAT = 1; // letters of alphabets written with spaces (Latin, Greek, Cyrillic, …)
const DIG = 2;
const HAN = 3;
const HIRA = 4;
const KATA = 5;
const HANGUL = 6;
const CONN = 7; // may join two alphanumeric pieces: e-mail, don't, v2.1, 1,000
const PROLONG = 8; // ー: belongs to the kana run it follows

const scriptOf: Record<number, Script> = { [LAT]: 'latin', [DIG]: 'latin', [HAN]: 'han', [HIRA]: 'hiragana', [KATA]: 'katakana', [HANGUL]: 'hangul' };

/** Longest token kept; longer strings are hashes, base64 or URLs nobody types. */
const maxTokenLength = 40;

// --- normalisation ----------------------------------------------------------------------------------

interface Normalized {
  /** Normalised text. */
  text: string;
  /** For each normalised char: the original cluster it came from. */
  from: number[];
  to: number[];
  /** For each normalised char: was it upper case before folding (for camelCase splitting)? */
  upper: boolean[];
}

const latinExtra: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };
const isLatin = /\p{Script=Latin}/u;
const isMark = /\p{M}/u;

/** Folded form and upper-case flags of one cluster; clusters repeat a lot (every kanji), so they are memoised. */
const clusterMemo = new Map<string, { text: string; upper: boolean[] }>();
/** The same for clusters of one code point, keyed by number so the hot path allocates nothing. */
const pointMemo = new Map<number, { text: string; upper: boolean[] }>();

function foldCluster(cluster: string): { text: string; upper: boolean[] } {
  let hit = clusterMemo.get(cluster);
  if (hit) return hit;
  const nfkc = cluster.normalize('NFKC');
  let text = nfkc.toLowerCase();
  if (isLatin.test(text)) {
    text = text.normalize('NFD').replace(/\p{M}/gu, '');
    text = text.replace(/[ßæœøđłıþðħ]/g, (c) => latinExtra[c]!).normalize('NFC');
  }
  // Case only matters for camelCase splitting, so a cluster whose length changed simply counts as lower case.
  const upper = Array.from(text, (_, i) => text.length === nfkc.length && nfkc[i] !== nfkc[i]!.toLowerCase());
  hit = { text, upper };
  if (clusterMemo.size > 20_000) clusterMemo.clear();
  clusterMemo.set(cluster, hit);
  return hit;
}

/** 0 unknown, 1 no, 2 yes: whether a BMP code unit continues the cluster before it (a combining mark). */
const markMemo = new Uint8Array(0x10000);

function isMarkUnit(code: number): boolean {
  let m = markMemo[code]!;
  if (!m) markMemo[code] = m = isMark.test(String.fromCharCode(code)) ? 2 : 1;
  return m === 2;
}

function isClusterTail(code: number, base: number): boolean {
  if (code < 0x300) return false;
  if (code === 0xff9e || code === 0xff9f) return true; // half-width voiced sound marks: ｶﾞ → ガ
  if (base >= 0x1100 && base <= 0x115f && code >= 0x1160 && code <= 0x11ff) return true; // conjoining jamo
  if (base >= 0x1160 && base <= 0x11a7 && code >= 0x11a8 && code <= 0x11ff) return true;
  return isMarkUnit(code);
}

function normalizeWithOffsets(input: string): Normalized {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const upper: boolean[] = [];
  const n = input.length;
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
    // Fast path: plain ASCII not followed by a combining mark.
    if (code < 0x80 && !isClusterTail(next, code)) {
      const isUpper = code >= 65 && code <= 90;
      text += isUpper ? String.fromCharCode(code + 32) : input[i];
      from.push(i);
      to.push(i + 1);
      upper.push(isUpper);
      i++;
      continue;
    }
    const astral = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    let end = i + (astral ? 2 : 1);
    let last = code;
    while (end < n) {
      const c = input.charCodeAt(end);
      if (!isClusterTail(c, last)) break;
      last = c;
      end++;
    }
    let folded: { text: string; upper: boolean[] };
    if (end === i + 1) {
      folded = pointMemo.get(code)!;
      if (!folded) pointMemo.set(code, (folded = foldCluster(input[i]!)));
    } else folded = foldCluster(input.slice(i, end));
    for (let k = 0; k < folded.text.length; k++) {
      from.push(i);
      to.push(end);
      upper.push(folded.upper[k]!);
    }
    text += folded.text;
    i = end;
  }
  return { text, from, to, upper };
}

/** NFKC, lower case, Latin diacritics folded: the form every token is compared in. */
export function normalize(text: string): string {
  return normalizeWithOffsets(text).text;
}

/** Where the normalised `needle` occurs in `text`, as offsets into the original `text` (for highlighting). */
export function findNormalized(text: string, needle: string): { start: number; end: number }[] {
  const norm = normalizeWithOffsets(text);
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let at = norm.text.indexOf(needle); at >= 0; at = norm.text.indexOf(needle, at + needle.length)) {
    out.push({ start: norm.from[at]!, end: norm.to[at + needle.length - 1]! });
  }
  return out;
}

// --- classification -----------------------------------------------------------------------------

/** Class per BMP code unit, 255 = not computed yet; astral code points use the map. */
const classTable = new Uint8Array(0x10000).fill(255);
const classMemo = new Map<number, number>();
const reHan = /\p{Script=Han}/u;
const reHira = /\p{Script=Hiragana}/u;
const reKata = /\p{Script=Katakana}/u;
const reHangul = /\p{Script=Hangul}/u;
const reLetter = /[\p{L}\p{M}]/u;
const reDigit = /\p{Nd}/u;

function classify(code: number): number {
  if (code < 0x80) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return LAT;
    if (code >= 48 && code <= 57) return DIG;
    if (code === 45 || code === 95 || code === 46 || code === 39 || code === 44) return CONN; // - _ . ' ,
    return SEP;
  }
  let c = code < 0x10000 ? classTable[code]! : classMemo.get(code);
  if (c !== undefined && c !== 255) return c;
  const ch = String.fromCodePoint(code);
  if (code === 0x30fc) c = PROLONG;
  else if (code === 0x2019) c = CONN; // ’ as in don’t
  else if (reHan.test(ch)) c = HAN;
  else if (reHira.test(ch)) c = HIRA;
  else if (reKata.test(ch)) c = code === 0x30fb ? SEP : KATA; // ・ separates words
  // Bare jamo are emoticons (ㅠㅠ, ㅋㅋ) or a syllable still being composed: neither is a word.
  else if (code >= 0x3131 && code <= 0x318e) c = SEP;
  else if (reHangul.test(ch)) c = HANGUL;
  else if (reDigit.test(ch)) c = DIG;
  else if (reLetter.test(ch)) c = LAT;
  else c = SEP;
  if (code < 0x10000) classTable[code] = c;
  else classMemo.set(code, c);
  return c;
}

// --- tokenizing ---------------------------------------------------------------------------------

/**
 * Reserved for tokenizer settings recorded in the index manifest; the client tokenizes queries with the same ones.
 * Runs are always split where the script changes (kanji | hiragana | katakana): measured on the recall set, joining
 * kanji with the hiragana after it (okurigana) lost 11 of 13 queries whose particles differ from the text
 * (請求書の削除 vs 請求書を削除) and grew the Japanese index by half.
 */
export interface TokenizeOptions {}

/** Cut text into tokens with offsets into the original string. */
export function tokenize(input: string, _options: TokenizeOptions = {}): Token[] {
  const norm = normalizeWithOffsets(input);
  const s = norm.text;
  const n = s.length;
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      cls[i] = cls[i + 1] = classify(s.codePointAt(i)!);
      i++;
    } else cls[i] = classify(code);
  }
  // ー takes the class of the kana before it (すごーい, パスワード); alone it counts as katakana.
  for (let i = 0; i < n; i++) {
    if (cls[i] === PROLONG) cls[i] = i > 0 && (cls[i - 1] === HIRA || cls[i - 1] === KATA) ? cls[i - 1]! : KATA;
  }

  const tokens: Token[] = [];
  let group = 0;
  const alnum = (c: number | undefined) => c === LAT || c === DIG;
  const from = norm.from;
  const to = norm.to;

  let lastHan: { end: number; group: number } | undefined;
  let i = 0;
  while (i < n) {
    const c = cls[i]!;
    if (alnum(c)) {
      // A compound: alphanumerics joined by connectors (e-mail, TB-401, don't, v2.1, 1,000).
      let j = i;
      const segments: [number, number][] = [];
      let segStart = i;
      while (j < n) {
        if (alnum(cls[j])) {
          j++;
          continue;
        }
        if (cls[j] === CONN && alnum(cls[j + 1]) && j > segStart && (s[j] !== ',' || (cls[j - 1] === DIG && cls[j + 1] === DIG))) {
          segments.push([segStart, j]);
          j++;
          segStart = j;
          continue;
        }
        break;
      }
      segments.push([segStart, j]);
      emitCompound(s, norm, cls, segments, group++, tokens);
      i = j;
    } else if (c >= HAN && c <= HANGUL) {
      let j = i + 1;
      while (j < n && cls[j] === c) j++;
      if (c === HAN) bridge(s, norm, cls, i, group, lastHan, tokens);
      if (c === HAN) lastHan = { end: j, group };
      emitGrams(s, norm, c, i, j, group, tokens);
      // Katakana words are written with and without the long vowel mark (リカバリーコード, リカバリコード):
      // the index also holds the bigrams of the spelling without it.
      if (c === KATA && s.slice(i, j).includes('ー')) emitVariants(s, norm, i, j, group, tokens);
      group++;
      // Korean compounds are written with and without a space (계좌 연동, 계좌연동): the bigram across one space
      // lets the spaceless query match, while a made-up compound (환불인증) still finds nothing.
      if (c === HANGUL && j + 1 < n && s[j] === ' ' && cls[j + 1] === HANGUL) {
        tokens.push({ text: s[j - 1]! + s[j + 1]!, start: from[j - 1]!, end: to[j + 1]!, kind: 'gram', script: 'hangul', group: -1 });
      }
      i = j;
    } else i++;
  }
  return tokens;
}

/** Particles, which separate words; any other short kana between two kanji runs is okurigana (申し込み, 引っ越し). */
const particles = new Set(['の', 'を', 'に', 'は', 'が', 'で', 'と', 'へ', 'も', 'や', 'か', 'な', 'ね', 'よ', 'から', 'まで', 'より', 'では', 'には', 'とは', 'への', 'での', 'との', 'ので', 'のは', 'など', 'にて', 'だけ', 'しか', 'ても', 'でも', 'とか', 'って', 'がな', 'もの']);

/**
 * Okurigana are written or left out (申し込み, 申込み, 申込; 引っ越し, 引越し, 引越): where one kana that is not
 * a particle sits between two kanji runs, the pair of kanji around them is also a token (申込, 引越), so every
 * spelling shares it.
 */
function bridge(s: string, norm: Normalized, cls: Uint8Array, start: number, group: number, previous: { end: number; group: number } | undefined, out: Token[]) {
  if (!previous) return;
  // One kana: 申し込み, 引っ越し, 問い合わせ. Two (離れて暮らす) are mostly a verb's ending before the next word.
  if (start - previous.end !== 1) return;
  for (let k = previous.end; k < start; k++) if (cls[k] !== HIRA) return;
  if (particles.has(s.slice(previous.end, start))) return;
  const a = previous.end - 1;
  if (a < 0 || cls[a] !== HAN || isLowSurrogateCode(s.charCodeAt(a)) || isLowSurrogateCode(s.charCodeAt(start + 1))) return;
  out.push({ text: s[a]! + s[start]!, start: norm.from[a]!, end: norm.to[start]!, kind: 'variant', script: 'han', group: -2, joins: [previous.group, group] });
}

function isLowSurrogateCode(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function emitGrams(s: string, norm: Normalized, c: number, a: number, b: number, group: number, out: Token[]) {
  const script = scriptOf[c]!;
  const { from, to } = norm;
  // Index by code point so an astral kanji (𠮷) is one character, not two halves.
  const points: number[] = [];
  for (let k = a; k < b; k++) {
    points.push(k);
    const code = s.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdbff) k++;
  }
  points.push(b);
  const chars = points.length - 1;
  if (chars === 1) {
    out.push({ text: s.slice(a, b), start: from[a]!, end: to[b - 1]!, kind: 'gram', script, group });
    return;
  }
  for (let k = 0; k + 2 < points.length; k++) {
    const x = points[k]!;
    const y = points[k + 2]!;
    out.push({ text: s.slice(x, y), start: from[x]!, end: to[y - 1]!, kind: 'gram', script, group });
  }
}

function emitVariants(s: string, norm: Normalized, a: number, b: number, group: number, out: Token[]) {
  const seen = new Set(out.filter((t) => t.group === group).map((t) => t.text));
  const kept: number[] = [];
  for (let k = a; k < b; k++) if (s[k] !== 'ー') kept.push(k);
  for (let k = 0; k + 1 < kept.length; k++) {
    const x = kept[k]!;
    const y = kept[k + 1]!;
    const text = s[x]! + s[y]!;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, start: norm.from[x]!, end: norm.to[y]!, kind: 'variant', script: 'katakana', group });
  }
}

function emitCompound(
  s: string,
  norm: Normalized,
  cls: Uint8Array,
  segments: [number, number][],
  group: number,
  out: Token[],
) {
  const parts: [number, number][][] = segments.map(([a, b]) => splitSegment(norm, cls, a, b));
  const flat = parts.flat();
  const push = (text: string, a: number, b: number, kind: TokenKind) => {
    if (text.length <= maxTokenLength) out.push({ text, start: norm.from[a]!, end: norm.to[b - 1]!, kind, script: 'latin', group });
  };
  if (flat.length === 1) {
    push(s.slice(flat[0]![0], flat[0]![1]), flat[0]![0], flat[0]![1], 'word');
    return;
  }
  for (const [a, b] of flat) push(s.slice(a, b), a, b, 'part');
  segments.forEach(([a, b], k) => {
    if (parts[k]!.length > 1) push(s.slice(a, b), a, b, 'join');
  });
  if (segments.length > 1) {
    const first = segments[0]![0];
    const last = segments[segments.length - 1]![1];
    push(segments.map(([a, b]) => s.slice(a, b)).join(''), first, last, 'join');
  }
}

/** Split one segment at letter/digit boundaries and camelCase humps (iPhone → i|phone, XMLParser → xml|parser, PDFs stays). */
function splitSegment(norm: Normalized, cls: Uint8Array, a: number, b: number): [number, number][] {
  const out: [number, number][] = [];
  let start = a;
  for (let k = a + 1; k < b; k++) {
    const prev = cls[k - 1];
    const cur = cls[k];
    let cut = prev !== cur;
    if (!cut && cur === LAT) {
      const up = norm.upper;
      if (!up[k - 1] && up[k]) cut = true;
      // An acronym followed by a word: the last capital starts the word, unless only a plural s follows.
      else if (up[k - 1] && up[k] && k + 2 < b && !up[k + 1] && !up[k + 2] && cls[k + 1] === LAT && cls[k + 2] === LAT) cut = true;
    }
    if (cut) {
      out.push([start, k]);
      start = k;
    }
  }
  out.push([start, b]);
  return out;
}

// --- what goes into the index ---------------------------------------------------------------------

/** English function words: not indexed, optional in queries. Short on purpose: "not", "new", "no" carry meaning. */
export const stopwords = new Set(
  'a an and are as at be by can could did didn do does doesn don for from had has have how i if in into is isn it its me my of on or our so than that the their them then there these this those to us was wasn we were what when where which who why will with won would you your'.split(' '),
);
/** English words that say how the reader feels about the topic, not what it is: indexed, but optional in queries. */
const softWords = new Set('get got getting not no want need help please still anymore keep keeps trying try able unable problem issue'.split(' '));

/** Whether a token is stored in the index. Queries drop the same tokens, so both sides agree. */
export function isIndexed(token: Token): boolean {
  if (token.script === 'latin') return !stopwords.has(token.text);
  // A lone hiragana is a particle or an inflection (を, は, る): in every document, useful in none.
  return !(token.script === 'hiragana' && token.text.length === 1);
}

/** The index's view of a text: token strings only, in order, stopwords removed. */
export function indexTokens(text: string, options?: TokenizeOptions): string[] {
  const out: string[] = [];
  for (const t of tokenize(text, options)) if (isIndexed(t)) out.push(t.text);
  return out;
}

// --- the query side -------------------------------------------------------------------------------

/** One thing the reader typed: a Latin word or a CJK script run. */
export interface QueryTerm {
  /** The text as typed. */
  source: string;
  script: Script;
  /**
   * Ways to satisfy the term; each is a list of index tokens that must all be present.
   * `e-mail` → [[email], [e, mail]]; `請求書` → [[請求, 求書]]; `비밀번호를` → [[비밀, 밀번, 번호, 호를], [비밀, 밀번, 번호]].
   */
  alternatives: string[][];
  /** Penalty factor per alternative (1 for the literal form). */
  weights: number[];
  /** Stopwords, particles, question words: they rank but are not required. */
  optional: boolean;
  /** The reader may still be typing this word: match it as a prefix. */
  prefix: boolean;
  /** One typo allowed (Latin words of at least `typoMinLength` letters). */
  fuzzy: boolean;
  /** How much the word counts, when not fully (a lone kanji in a question). @default 1, or less when optional */
  weight?: number;
  /**
   * Index of a last-resort alternative, tried only when no other one finds anything: a Korean word's first
   * syllable, matched as a prefix (끊겼어요 → 끊… finds 끊김), for verb forms no bigram of the text shares.
   */
  fallback?: number;
  start: number;
  end: number;
}

export interface QueryOptions extends TokenizeOptions {
  /** Latin words at least this long may match with one typo; 0 turns typo tolerance off. @default 4 */
  typoMinLength?: number;
}

/** Korean particles and endings a query word may carry (longest first). The index keeps them; queries may drop them. */
const koreanEndings = [
  '하려고요', '하고싶어요', '해야하나요', '할수있나요', '되었는데', '되었어요', '했는데요', '하는데요', '인가요', '하려면', '하는법', '합니다', '습니다', '됩니다', '하나요', '되나요', '할까요',
  '없어요', '있나요', '없나요', '했는데', '하는데', '되는데', '됐는데', '했어요', '됐어요', '해주세요', '주세요', '인데요', '는데요', '한가요', '나요', '해야', '에서', '에게', '으로',
  '까지', '부터', '하는', '하기', '하고', '하면', '하려', '한테', '처럼', '보다', '이나', '해요', '했어', '돼요', '가요', '세요', '어요', '아요', '려면', '는데', '인가', '인지', '이랑',
  '은', '는', '이', '가', '을', '를', '에', '의', '와', '과', '도', '만', '로', '요', '고', '면', '서', '게', '나', '랑', '께', '할', '한',
];
/** Words that ask rather than name a topic ("how to", "method"): optional in queries. */
const questionWords = new Set([
  ...softWords,
  'hi', 'hello', 'hey', 'thanks', 'thank', 'possible', 'way', 'know', 'tell', 'anyone', 'someone', 'something', 'also', 'just', 'really', 'already', 'guys', 'sorry', 'thing', 'things', 'happen', 'happened', 'happens', 'mean', 'means',
  '방법', '어떻게', '무엇', '뭔가요', '방법은', '방법이', '궁금합니다', '궁금해요', '문의', '문의드립니다', '알려주세요', '혹시', '제가', '저는', '좀', '뭐', '뭐가', '어디서', '가능한가요', '가능할까요', '가능', '안녕하세요', '그런데', '근데',
  '方法', 'やり方', '仕方', 'とは', 'について', 'どうやって', '教', '知', '何', '可能',
  // Words of time, degree and person that frame a question in any help center ("yesterday", "suddenly", "my son").
  'am', 'been', 'being', 'im', 'ive', 'id', 'youre', 'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'couldnt', 'shouldnt', 'wouldnt', 'its', 'thats', 'whats', 'theres', 'heres',
  'also', 'very', 'too', 'any', 'some', 'such', 'only', 'here', 'there', 'about', 'again', 'each', 'other', 'should', 'may', 'might', 'must', 'let', 'lets', 'doing', 'done', 'thing', 'stuff', 'anything', 'everything', 'nothing',
  'yesterday', 'today', 'tomorrow', 'recently', 'suddenly', 'actually', 'basically', 'currently', 'week', 'month', 'ago', 'morning', 'tonight', 'wondering', 'wonder', 'question', 'questions', 'thx', 'pls', 'plz', 'ok', 'okay', 'um',
  '昨日', '今日', '明日', '先日', '最近', '急', '突然', '今', '全然', '自分', '私', '先月', '今月', '来月', '前', '後', '質問', '問題', '困',
  '어제', '오늘', '내일', '지금', '갑자기', '계속', '자꾸', '너무', '정말', '진짜', '그냥', '다시', '제', '저', '저희', '우리', '꼭', '빨리', '아직', '이미', '벌써', '요즘', '며칠', '전에', '지난달', '이번', '이번달', '다음달', '질문', '안녕하세요', '감사합니다',
]);
/** Question words that end a run of kanji in Japanese queries (返金方法 = 返金 + 方法). */
const japaneseSuffixes = ['方法', '手順', '仕方'];

/** Every term has the same fields in the same order, so the ranking's hot loops see one object shape. */
function makeTerm(t: Omit<QueryTerm, 'weight' | 'fallback'> & Partial<Pick<QueryTerm, 'weight' | 'fallback'>>): QueryTerm {
  return { source: t.source, script: t.script, alternatives: t.alternatives, weights: t.weights, optional: t.optional, prefix: t.prefix, fuzzy: t.fuzzy, weight: t.weight, fallback: t.fallback, start: t.start, end: t.end };
}

/** Parse a query into terms using the same tokenizer as the index. */
export function tokenizeQuery(query: string, options: QueryOptions = {}): QueryTerm[] {
  const typoMinLength = options.typoMinLength ?? 4;
  const tokens = tokenize(query, options);
  const groups = new Map<number, Token[]>();
  const bridges: Token[] = [];
  for (const t of tokens) {
    if (t.joins) bridges.push(t);
    if (t.group < 0) continue; // bigrams across a space exist for documents; a query spells its own
    const list = groups.get(t.group);
    if (list) list.push(t);
    else groups.set(t.group, [t]);
  }
  // The last word is still being typed unless the query ends with a separator.
  const typing = query.length > 0 && !/[\s\p{P}\p{S}]$/u.test(query);
  const terms: QueryTerm[] = [];
  const termOfGroup = new Map<number, QueryTerm>();
  for (const [group, list] of groups) {
    const first = list[0]!;
    const start = Math.min(...list.map((t) => t.start));
    const end = Math.max(...list.map((t) => t.end));
    const source = query.slice(start, end);
    const script = first.script;
    const prefix = typing && end === query.length;
    let alternatives: string[][];
    let weights: number[];
    if (script === 'latin') {
      const whole = list.find((t) => t.kind === 'word') ?? list.reduce((a, b) => (b.kind === 'join' && b.end - b.start >= a.end - a.start ? b : a), list[0]!);
      const parts = list.filter((t) => t.kind === 'part');
      alternatives = [[whole.text]];
      if (parts.length) alternatives.push(parts.map((t) => t.text));
      weights = alternatives.map(() => 1);
    } else {
      const grams = list.filter((t) => t.kind !== 'variant').map((t) => t.text);
      alternatives = [grams];
      weights = [1];
      if (script === 'katakana') {
        // Either spelling of a katakana word finds the other: サーバー ⇄ サーバ, リカバリーコード ⇄ リカバリコード.
        const bare = normalize(source).replace(/ー/g, '');
        if (bare.length >= 2 && bare !== normalize(source)) {
          alternatives.push(Array.from({ length: bare.length - 1 }, (_, k) => bare.slice(k, k + 2)));
          weights.push(0.9);
        }
      }
      if (script === 'hangul') {
        const word = normalize(source);
        const ending = koreanEndings.find((e) => word.length > e.length && word.endsWith(e));
        if (ending) {
          const stem = word.slice(0, word.length - ending.length);
          // A one-syllable stem would match every word starting with that syllable (추가 → 추천).
          if (stem.length >= 2) {
            alternatives.push(Array.from({ length: stem.length - 1 }, (_, k) => stem.slice(k, k + 2)));
            weights.push(0.9);
          }
        }
        // A word that is only an ending (하려면, 되나요) asks, it does not name anything.
        if (koreanEndings.includes(word) && word.length >= 2) continue;
        if (word.length >= 3) {
          alternatives.push([[...word][0]!]);
          weights.push(0.5);
        }
      }
      if (script === 'han' && grams.length > 2) {
        // 返金方法: the topic is required, the question word is not; the bigram across them is dropped.
        const word = normalize(source);
        const suffix = japaneseSuffixes.find((e) => word.length === grams.length + 1 && word.length - e.length >= 2 && word.endsWith(e));
        if (suffix) {
          const cut = word.length - suffix.length;
          terms.push(makeTerm({ source, script, alternatives: [grams.slice(cut, cut + suffix.length - 1)], weights: [1], optional: true, prefix: false, fuzzy: false, start, end }));
          alternatives = [grams.slice(0, cut - 1)];
        }
      }
    }
    // Drop tokens the index never stores; an alternative left empty cannot be checked, so it goes too.
    const kept = alternatives.map((alt) => alt.filter((text) => isIndexed({ text, script, start: 0, end: 0, kind: 'word', group: 0 })));
    weights = weights.filter((_, k) => kept[k]!.length > 0);
    alternatives = kept.filter((alt) => alt.length > 0);
    if (!alternatives.length) continue;
    const word = alternatives[0]!.length === 1 ? alternatives[0]![0]! : '';
    // A one-letter Latin word, or a one-syllable Korean word (다, 잘, 더), is grammar or an adverb.
    const single = word.length === 1 && (script === 'latin' ? !/\d/.test(word) : script === 'hangul');
    const optional = questionWords.has(normalize(source)) || questionWords.has(word) || single;
    const fuzzy = script === 'latin' && typoMinLength > 0 && word.length >= typoMinLength && !/\d/.test(word);
    const signature = JSON.stringify(alternatives);
    if (terms.some((t) => JSON.stringify(t.alternatives) === signature)) continue; // "refund refund" is one word
    const term = makeTerm({ source, script, alternatives, weights, optional, prefix, fuzzy, start, end });
    if (script === 'hangul' && alternatives.length > 1 && alternatives[alternatives.length - 1]!.length === 1 && [...alternatives[alternatives.length - 1]![0]!].length === 1) term.fallback = alternatives.length - 1;
    terms.push(term);
    termOfGroup.set(group, term);
  }
  // 申し込み: the single kanji around okurigana stand for the word their bridge token spells (申込).
  for (const b of bridges) {
    const [left, right] = b.joins!.map((g) => termOfGroup.get(g));
    const single = (t: QueryTerm | undefined) => t !== undefined && t.alternatives.length === 1 && t.alternatives[0]!.length === 1 && [...t.alternatives[0]![0]!].length === 1;
    const whole = single(left) && single(right);
    if (whole) left!.optional = right!.optional = true;
    const source = query.slice(b.start, b.end);
    if (terms.some((t) => t.alternatives.length === 1 && t.alternatives[0]!.join() === b.text)) continue;
    terms.push(makeTerm({ source, script: 'han', alternatives: [[b.text]], weights: [1], optional: !whole, prefix: false, fuzzy: false, start: b.start, end: b.end }));
  }
  terms.sort((x, y) => x.start - y.start || y.end - x.end);
  // Hiragana runs are mostly grammar (できない, ください); they only count when nothing else was typed.
  if (terms.some((t) => t.script !== 'hiragana' && !t.optional)) {
    for (const t of terms) if (t.script === 'hiragana') t.optional = true;
  }
  if (terms.length && terms.every((t) => t.optional)) for (const t of terms) t.optional = false;
  return terms;
}

/** A query with this many required words or more is a question: ranked by how much of it an article covers. */
export const questionMinTerms = 3;

export function isQuestion(terms: readonly QueryTerm[]): boolean {
  return terms.filter((t) => !t.optional).length >= questionMinTerms;
}

let wordSegmenter: Intl.Segmenter | undefined | null;

/**
 * In a question, a long kanji or katakana run is usually several words typed without a break (免除申請, 機種変更手続き).
 * Cut it where `Intl.Segmenter` sees word boundaries, so each word counts on its own and the bigram across the
 * boundary, which no article need contain, is not asked for. Index tokens are unchanged: this only decides which of
 * the query's bigrams are looked up together.
 */
export function splitQuestionWords(terms: readonly QueryTerm[]): QueryTerm[] {
  return splitCompounds(terms.map(withoutKoreanEnding)).map(singleKanjiWeight);
}

/** Weight of a lone kanji in a question (暮 in 離れて暮らす, 娘): a verb stem or a word of the story, rarely the topic. */
export const singleKanjiShare = { weight: 0.5 };

function singleKanjiWeight(t: QueryTerm): QueryTerm {
  const alt = t.alternatives[0]!;
  return t.script === 'han' && !t.optional && t.alternatives.length === 1 && alt.length === 1 && [...alt[0]!].length === 1 ? makeTerm({ ...t, weight: singleKanjiShare.weight }) : t;
}

/**
 * In a question, a Korean word that carries an ending (바꿨는데, 데이터가) is looked up by its stem only: the bigrams
 * of the ending (는데, 터가) are in every text, and a question has enough words not to need them.
 */
function withoutKoreanEnding(t: QueryTerm): QueryTerm {
  if (t.script !== 'hangul' || t.alternatives.length < 2) return t;
  const stems = t.alternatives.map((alt, k) => ({ alt, k })).filter(({ k }) => k > 0 && k !== t.fallback);
  if (!stems.length) return t;
  const keep = [...stems.map(({ k }) => k), ...(t.fallback !== undefined ? [t.fallback] : [])];
  return makeTerm({ ...t, alternatives: keep.map((k) => t.alternatives[k]!), weights: keep.map((k) => (k === t.fallback ? t.weights[k]! : 1)), fallback: t.fallback !== undefined ? keep.length - 1 : undefined });
}

function splitCompounds(terms: readonly QueryTerm[]): QueryTerm[] {
  if (wordSegmenter === undefined) {
    try {
      wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'word' }) : null;
    } catch {
      wordSegmenter = null;
    }
  }
  if (!wordSegmenter) return [...terms];
  const out: QueryTerm[] = [];
  for (const t of terms) {
    const grams = t.alternatives[0]!;
    if ((t.script !== 'han' && t.script !== 'katakana') || grams.length < 3) {
      out.push(t);
      continue;
    }
    const pieces: { text: string; at: number }[] = [];
    for (const seg of wordSegmenter.segment(t.source)) {
      // A one-character piece joins its neighbour: it has no bigram of its own.
      const last = pieces[pieces.length - 1];
      if (last && ([...seg.segment].length === 1 || [...last.text].length === 1)) last.text += seg.segment;
      else pieces.push({ text: seg.segment, at: seg.index });
    }
    if (pieces.length < 2) {
      out.push(t);
      continue;
    }
    for (const piece of pieces) {
      const chars = [...normalize(piece.text)];
      const alt = chars.length === 1 ? [chars[0]!] : chars.slice(0, -1).map((c, k) => c + chars[k + 1]!);
      out.push(makeTerm({ ...t, source: piece.text, alternatives: [alt], weights: [1], start: t.start + piece.at, end: t.start + piece.at + piece.text.length }));
    }
  }
  return out;
}

// --- fuzzy helpers shared by the client and the tests ---------------------------------------------

/** The text a CJK alternative stands for: [請求, 求書] → 請求書. */
export function gramsText(grams: readonly string[]): string {
  return grams.length ? grams[0]! + grams.slice(1).map((g) => g.slice(g.length - (g.codePointAt(g.length - 2)! > 0xffff ? 2 : 1))).join('') : '';
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A light English stemmer (plurals, -ing, -ed, final e). Queries use it to match word forms already in the index. */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let cut = false;
  if (w.endsWith('ing') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    cut = true;
  } else if (w.endsWith('ed') && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    cut = true;
  }
  if (cut && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
