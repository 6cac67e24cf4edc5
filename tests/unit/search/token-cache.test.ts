import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBuildCache, pruneBuildCache, startBuildCache } from '../../../src/build/build-cache.ts';
import { openTokenTable, tokenCacheKind } from '../../../src/search/token-cache.ts';
import { indexTokens } from '../../../src/search/tokenizer.ts';
import { computeRelatedOffThread } from '../../../src/content/related-pool.ts';
import type { Article } from '../../../src/content/model.ts';

const temp = mkdtempSync(join(tmpdir(), 'kb-token-cache-'));
afterAll(() => {
  startBuildCache(undefined);
  rmSync(temp, { recursive: true, force: true });
});

const texts = ['How do I get my money back if I was charged twice?', '国民年金の免除申請をしたいのですが、申請に必要な持ち物は何ですか', '원룸 전입신고 하려면 뭐가 필요한가요', '', 'the and of', 'invoice.voided — ¥1,200 / 請求書'];

describe('the token table', () => {
  it('gives the tokenizer\'s tokens, from the table on the next build, for every script and for texts with none', () => {
    const dir = join(temp, 'a');
    const first = openTokenTable('index', openBuildCache(dir));
    for (const t of texts) expect(first.tokens(t)).toEqual(indexTokens(t));
    expect(first.stats).toEqual({ hits: 0, misses: texts.length });
    first.save();
    const next = openTokenTable('index', openBuildCache(dir));
    for (const t of texts) expect(next.tokens(t)).toEqual(indexTokens(t));
    expect(next.stats.hits).toBe(texts.length);
    // Another use has its own table.
    expect(openTokenTable('related', openBuildCache(dir)).tokens(texts[0]!)).toEqual(indexTokens(texts[0]!));
  });

  it('keeps only the texts the last build used, and reads a damaged table as empty', () => {
    const dir = join(temp, 'b');
    const one = openTokenTable('index', openBuildCache(dir));
    one.tokens('refund card');
    one.tokens('password reset');
    one.save();
    const two = openTokenTable('index', openBuildCache(dir));
    two.tokens('refund card');
    two.save();
    const three = openTokenTable('index', openBuildCache(dir));
    three.tokens('password reset');
    expect(three.stats).toEqual({ hits: 0, misses: 1 });
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) writeFileSync(join(e.parentPath, e.name), 'garbage');
    const damaged = openTokenTable('index', openBuildCache(dir));
    expect(damaged.tokens('refund card')).toEqual(indexTokens('refund card'));
    expect(damaged.stats.misses).toBe(1);
  });

  it('is filled by related articles in a worker thread too, and pruning keeps what the worker wrote', async () => {
    const dir = join(temp, 'c');
    const cache = startBuildCache(dir)!;
    const article = (i: number) => ({ locale: 'en', url: `/en/a/a${i}/`, slug: `a${i}`, category: 'a', title: `Topic ${i % 4}`, keywords: [], tags: [], text: `refund card charge item${i} ${i % 3 ? 'password email' : 'invoice tax'}`, related: [] }) as unknown as Article;
    const many = Array.from({ length: 30 }, (_, i) => article(i));
    const there = await computeRelatedOffThread(many, { minimumForWorker: 1 });
    pruneBuildCache(cache, [tokenCacheKind]);
    const again = openTokenTable('related', openBuildCache(dir));
    again.tokens(many[0]!.text);
    expect(again.stats.hits).toBe(1);
    // And the answer is the same as this thread's, from the table the worker left.
    const here = await computeRelatedOffThread(many, { minimumForWorker: 1_000 });
    for (const a of many) expect(there.get(a)!.map((r) => r.slug)).toEqual(here.get(a)!.map((r) => r.slug));
    startBuildCache(undefined);
  });
});
