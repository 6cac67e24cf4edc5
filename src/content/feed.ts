import type { Article, KnowledgeBase, LocaleInfo } from './model.ts';
import { translate } from '../i18n/ui-strings.ts';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An Atom feed of the most recently updated articles of one locale, newest first. */
export function atomFeed({ kb, locale, articles, limit = 30 }: { kb: KnowledgeBase; locale: LocaleInfo; articles: Article[]; limit?: number }): string {
  const origin = kb.config.url;
  const dated = articles.filter((a) => a.updated).sort((a, b) => b.updated!.getTime() - a.updated!.getTime() || a.url.localeCompare(b.url));
  const entries = dated.slice(0, limit);
  const newest = entries[0]?.updated ?? new Date(0);
  const feedUrl = `${origin}/${locale.code}/feed.xml`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(locale.code)}">`,
    `  <title>${escapeXml(translate(locale.code, 'feed.title', { site: locale.title }))}</title>`,
    `  <id>${escapeXml(feedUrl)}</id>`,
    `  <link rel="self" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/${locale.code}/`)}"/>`,
    `  <updated>${newest.toISOString()}</updated>`,
    ...entries.map((a) =>
      [
        '  <entry>',
        `    <title>${escapeXml(a.title)}</title>`,
        `    <id>${escapeXml(origin + a.url)}</id>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(origin + a.url)}"/>`,
        `    <updated>${a.updated!.toISOString()}</updated>`,
        `    <author><name>${escapeXml(locale.title)}</name></author>`,
        `    <summary>${escapeXml(a.description || a.text.slice(0, 280))}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
