import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveInitAnswers, writeStarter, dependencySpec } from '../../../src/cli/init.ts';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { collectDiagnostics } from '../../../src/content/report.ts';

const root = mkdtempSync(join(tmpdir(), 'kb-init-'));
writeFileSync(join(root, 'kb-site-1.0.0.tgz'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function answers(argv: string[]) {
  const result = await resolveInitAnswers(argv, root);
  if (!result.ok) throw new Error(result.message);
  return result.answers;
}

describe('kb-site init', () => {
  it('writes a content repository that passes the check, from flags alone', async () => {
    const a = await answers(['docs-site', '--title', 'Acme Help', '--locales', 'en, ja,ko', '--url', 'https://acme.github.io/help/', '--from', './kb-site-1.0.0.tgz', '--no-install']);
    expect(a).toMatchObject({ title: 'Acme Help', locales: ['en', 'ja', 'ko'], url: 'https://acme.github.io/help', dependency: 'file:../kb-site-1.0.0.tgz', install: false });
    const written = writeStarter(a);
    expect(written).toEqual({ ok: true, files: ['package.json', 'kb.config.yml', '.gitignore', '.github/workflows/deploy.yml', 'README.md', 'content/en/getting-started/welcome.md', 'content/ja/getting-started/welcome.md', 'content/ko/getting-started/welcome.md'] });
    const dir = join(root, 'docs-site');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'docs-site', private: true, dependencies: { 'kb-site': 'file:../kb-site-1.0.0.tgz' }, devDependencies: { node: expect.stringMatching(/^\^24\./) }, engines: { node: '>=24' } });
    expect(parse(readFileSync(join(dir, 'kb.config.yml'), 'utf8'))).toEqual({ title: 'Acme Help', url: 'https://acme.github.io/help', defaultLocale: 'en' });
    expect(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8')).toContain('KB_SITE_URL: ${{ steps.pages.outputs.base_url }}');
    const kb = await loadKnowledgeBase({ contentDir: join(dir, 'content'), configPath: join(dir, 'kb.config.yml'), gitDates: false });
    expect((await collectDiagnostics(kb)).filter((d) => d.severity === 'error')).toEqual([]);
    expect(kb.articles.map((x) => `${x.locale} ${x.title}`)).toEqual(['en Welcome', 'ja ようこそ', 'ko 환영합니다']);
  });

  it('never overwrites a file', async () => {
    const dir = join(root, 'existing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), '{}');
    const result = writeStarter(await answers(['existing', '--from', 'github:acme/kb-site']));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('already has package.json; nothing was written') });
    expect(existsSync(join(dir, 'kb.config.yml'))).toBe(false);
  });

  it('answers a bad flag with what to write instead', async () => {
    const message = async (argv: string[]) => {
      const r = await resolveInitAnswers(argv, root);
      return r.ok ? 'ok' : r.message;
    };
    expect(await message(['x', '--titel', 'Help'])).toBe('unknown option --titel. Did you mean --title?');
    expect(await message(['x', '--locales', 'en,Japanese', '--from', 'github:a/b'])).toBe('--locales: "Japanese" is not a language tag. Write tags such as en, ja, ko or pt-BR, comma-separated');
    expect(await message(['x', '--url', 'help.example.com', '--from', 'github:a/b'])).toBe('--url: "help.example.com" is not an http(s) address, e.g. https://help.example.com or https://acme.github.io/help');
    expect(await message(['x', '--from', './nowhere.tgz'])).toBe('--from: there is no tarball or folder at "./nowhere.tgz"');
    expect(await message([])).toBe('name the folder to create, e.g. kb-site init my-help-center');
  });

  it('writes git URLs and versions as npm reads them, and local files relative to the new project', () => {
    expect(dependencySpec('github:acme/kb-site#v1', root, join(root, 'x'))).toEqual({ ok: true, spec: 'github:acme/kb-site#v1' });
    expect(dependencySpec('git+https://git.example.com/kb-site.git', root, join(root, 'x'))).toEqual({ ok: true, spec: 'git+https://git.example.com/kb-site.git' });
    expect(dependencySpec('kb-site-1.0.0.tgz', root, join(root, 'a/b'))).toEqual({ ok: true, spec: 'file:../../kb-site-1.0.0.tgz' });
  });
});

describe('create-kb-site run with npx', () => {
  it('installs kb-site from where npx fetched it, not from the Node package beside it', async () => {
    const { installedFrom } = await import('../../../src/cli/init.ts');
    expect(installedFrom('node@24\n\n./kb-site-0.1.0.tgz')).toBe('./kb-site-0.1.0.tgz');
    expect(installedFrom('node@24\ngithub:acme/kb-site#v1')).toBe('github:acme/kb-site#v1');
    expect(installedFrom('node@24')).toBeUndefined();
    expect(installedFrom(undefined)).toBeUndefined();
  });
});
