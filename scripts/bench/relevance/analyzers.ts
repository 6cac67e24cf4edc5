/**
 * Baseline analyzers, each the standard choice for its language in open-source search engines:
 * - en: lower case, English stopwords, possessive 's removed, Porter stemmer (npm `stemmer`), as Lucene's EnglishAnalyzer;
 * - ja: kuromoji morphemes (npm `kuromoji`, IPADIC): base forms, particles, auxiliaries and symbols dropped,
 *   Lucene's Japanese stopwords, katakana long-vowel stemming, as Lucene's JapaneseAnalyzer;
 * - ko: whitespace words (particles stay attached), or overlapping bigrams of Hangul runs, as Lucene's CJKAnalyzer;
 * - any CJK language: bigrams (CJKAnalyzer), shown for Japanese too.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stemmer } from 'stemmer';

export type Analyzer = (text: string) => string[];

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

// Lucene's English stop set (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET).
const englishStop = new Set('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '));

export const english: Analyzer = (text) =>
  fold(text)
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !englishStop.has(w))
    .map((w) => stemmer(w));

export const koreanWhitespace: Analyzer = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+|[\p{L}\p{N}]+/gu;
const isCjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export const cjkBigrams: Analyzer = (text) => {
  const out: string[] = [];
  for (const [run] of fold(text).matchAll(cjkRun)) {
    if (!isCjk.test(run)) {
      out.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
};

// Lucene's Japanese stop words (lucene/analysis/kuromoji stopwords.txt), the common part.
const japaneseStop = new Set(
  'の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う ので なお のみ でき き つ における および いう さらに でも ら たり その他 に関する たち ます ん なら に対して 特に せる 及び これら とき では にて ほか ながら うち そして とともに ただし かつて それぞれ または お ほど ものの に対する ほとんど と共に といった です とも ところ ここ'.split(' '),
);
// Lucene's default Japanese stop tags (parts of speech that are dropped).
const stopTags = ['接続詞', '助詞', '助動詞', '記号', 'フィラー', '非言語音', 'その他'];

interface KuromojiToken {
  surface_form: string;
  basic_form: string;
  pos: string;
  pos_detail_1: string;
}

export async function createJapaneseAnalyzer(): Promise<Analyzer> {
  const require = createRequire(import.meta.url);
  const kuromoji = require('kuromoji') as { builder(o: { dicPath: string }): { build(cb: (err: Error | null, t: { tokenize(s: string): KuromojiToken[] }) => void): void } };
  const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
  const tokenizer = await new Promise<{ tokenize(s: string): KuromojiToken[] }>((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((err, t) => (err ? reject(err) : resolve(t))),
  );
  return (text) => {
    const out: string[] = [];
    for (const token of tokenizer.tokenize(text.normalize('NFKC'))) {
      if (stopTags.includes(token.pos)) continue;
      let word = fold(token.basic_form && token.basic_form !== '*' ? token.basic_form : token.surface_form).trim();
      if (!word || japaneseStop.has(word)) continue;
      // JapaneseKatakanaStemFilter: a katakana word of four or more characters loses a final ー.
      if (/^[\p{Script=Katakana}ー]{4,}$/u.test(word) && word.endsWith('ー')) word = word.slice(0, -1);
      out.push(word);
    }
    return out;
  };
}
