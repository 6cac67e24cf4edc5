import type { APIRoute } from 'astro';
import { getSiteData, localeInfo } from '../../site-data.ts';
import { atomFeed } from '../../content/feed.ts';
import { builtLocale } from '../../build/locale-parts.ts';

export async function getStaticPaths() {
  const { kb } = await getSiteData();
  return kb.locales.filter((l) => builtLocale(l.code)).map((l) => ({ params: { lang: l.code } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { kb, articlesByLocale } = await getSiteData();
  const lang = params.lang!;
  const body = atomFeed({ kb, locale: localeInfo(kb, lang), articles: articlesByLocale.get(lang) ?? [] });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
