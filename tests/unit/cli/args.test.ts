import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../../src/cli/args.ts';

const project = mkdtempSync(join(tmpdir(), 'kb-cli-'));
mkdirSync(join(project, 'articles'));
writeFileSync(join(project, 'site.yml'), 'title: Help\n');
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('kb-site command line', () => {
  it('runs a command against the project in the current folder, with --content, --config and --out', () => {
    expect(parseCli(['build', '--content', 'articles', '--config=site.yml', '--out', 'public-site'], project)).toEqual({
      ok: true,
      kind: 'run',
      command: 'build',
      script: 'build.ts',
      args: [],
      env: { KB_CONTENT_DIR: join(project, 'articles'), KB_CONFIG: join(project, 'site.yml'), KB_OUT_DIR: join(project, 'public-site') },
    });
  });

  it('passes a command its own flags, and search reads the built site from --out', () => {
    expect(parseCli(['preview', '--out', 'site'], project)).toMatchObject({ ok: true, args: ['preview', '--host', '127.0.0.1'], env: { KB_OUT_DIR: join(project, 'site') } });
    expect(parseCli(['preview', '--host', '0.0.0.0'], project)).toMatchObject({ ok: true, args: ['preview', '--host', '0.0.0.0'] });
    expect(parseCli(['build', '--no-cache'], project)).toMatchObject({ ok: true, script: 'build.ts', args: ['--no-cache'] });
    // One part of a site split across CI jobs, and the job that merges the parts.
    expect(parseCli(['build', '--locales', 'ja,ko', '--out', 'part-ja-ko'], project)).toMatchObject({ ok: true, script: 'build.ts', args: ['--locales', 'ja,ko'], env: { KB_OUT_DIR: join(project, 'part-ja-ko') } });
    expect(parseCli(['merge', 'part-en', 'part-ja-ko', '--out', 'dist'], project)).toMatchObject({ ok: true, script: 'merge.ts', args: ['part-en', 'part-ja-ko'], env: { KB_OUT_DIR: join(project, 'dist') } });
    expect(parseCli(['dev', '--port', '4000', '--open'], project)).toMatchObject({ ok: true, script: 'astro.ts', args: ['dev', '--port', '4000', '--open'] });
    expect(parseCli(['search', 'refund', '--lang', 'en', '--out', 'site'], project)).toMatchObject({ ok: true, args: ['refund', '--lang', 'en', '--dist', join(project, 'site')] });
    expect(parseCli(['new', '--lang', 'ja', '--category', 'billing', 'Title'], project)).toMatchObject({ ok: true, script: 'new-article.ts', args: ['--lang', 'ja', '--category', 'billing', 'Title'] });
  });

  it('answers every mistake with one sentence', () => {
    const message = (argv: string[]) => {
      const parsed = parseCli(argv, project);
      return parsed.ok ? 'ok' : parsed.message;
    };
    expect(message(['biuld'])).toBe('unknown command "biuld". Did you mean "kb-site build"?');
    expect(message(['build', '--outt', 'x'])).toBe('kb-site build has no flag --outt. Did you mean --out?');
    expect(message(['check', '--out', 'x'])).toBe('--out applies to build, preview and search, not to check');
    expect(message(['build', '--content'])).toBe('--content needs a value, e.g. --content content');
    expect(message(['build', '--content', 'nowhere'])).toBe('--content: there is no folder at "nowhere"');
    expect(message(['check', '--config', 'missing.yml'])).toBe('--config: there is no file at "missing.yml"');
    expect(message(['build', 'now'])).toBe('kb-site build takes no argument "now"');
  });

  it('knows --help and --version', () => {
    expect(parseCli([], project)).toEqual({ ok: true, kind: 'help' });
    expect(parseCli(['build', '--help'], project)).toEqual({ ok: true, kind: 'help' });
    expect(parseCli(['--version'], project)).toEqual({ ok: true, kind: 'version' });
  });
});
