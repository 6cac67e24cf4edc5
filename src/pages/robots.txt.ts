import type { APIRoute } from 'astro';
import { getSiteData } from '../site-data.ts';

export const GET: APIRoute = async () => {
  const { kb } = await getSiteData();
  return new Response(`User-agent: *\nAllow: /\nDisallow: /*/search/\n\nSitemap: ${kb.config.url}/sitemap-index.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
