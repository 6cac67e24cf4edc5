import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { writeSearchFiles } from '../../../src/search/write-index.ts';
import { plainText, runSearchCli } from '../../../src/search/search-cli.ts';
import { fixture } from '../../fixtures/search/articles.ts';

const dist = mkdtempSync(join(tmpdir(), 'kb-search-cli-'));
beforeAll(async () => {
  await writeSearchFiles(buildSearchIndex(fixture), dist);
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSearchCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run search', () => {
  it('writes hashed files with .br and .gz siblings', () => {
    const files = readdirSync(join(dist, '_search/en'), { recursive: true }).map(String);
    expect(files.some((f) => /^manifest\.[0-9a-v]{6}\.json$/.test(f))).toBe(true);
    expect(files.filter((f) => f.endsWith('.txt')).every((f) => files.includes(`${f}.br`) && files.includes(`${f}.gz`))).toBe(true);
  });

  it('prints ranked results with section, URL and a plain-text excerpt', async () => {
    const { code, out } = await run('recovery codes', '--dist', dist);
    expect(code).toBe(0);
    expect(out).toContain('1. Set up two-factor authentication');
    expect(out).toContain('§ Recovery codes  /en/account/two-factor-authentication/#recovery-codes');
    expect(out).toContain('Save your «recovery» «codes» somewhere safe.');
  });

  it('prints a JSON array in rank order with --json, guessing the language from the script', async () => {
    const { out } = await run('비밀번호를', '--dist', dist, '--json');
    const results = JSON.parse(out) as { rank: number; url: string; excerpt: string; sections: { excerpt: string }[] }[];
    expect(results[0]).toMatchObject({ rank: 1, url: '/ko/account/reset-password/' });
    expect([results[0]!.excerpt, ...results[0]!.sections.map((s) => s.excerpt)].join(' ')).toContain('«비밀번호를»');
    const ja = JSON.parse((await run('返金', '--dist', dist, '--json', '--lang', 'ja', '--limit', '1')).out) as unknown[];
    expect(ja).toHaveLength(1);
  });

  it('says to build first when there is no index, and explains usage', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kb-search-none-'));
    expect(await run('refund', '--dist', empty)).toMatchObject({ code: 1, err: expect.stringContaining('Run npm run build first') });
    expect(await run('refund', '--dist', dist, '--lang', 'fr')).toMatchObject({ code: 1, err: expect.stringContaining('Built languages: en, ja, ko') });
    expect((await run()).code).toBe(2);
    expect(plainText('a &lt;b&gt; <mark>c</mark> &amp; &#39;d&#39;')).toBe("a <b> «c» & 'd'");
  });
});
