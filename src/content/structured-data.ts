import type { Article, Category, KnowledgeBase } from './model.ts';

/** schema.org data for an article page: the article, its breadcrumb trail and, for FAQs, an FAQPage. */
export function articleJsonLd(kb: KnowledgeBase, article: Article, category: Category): object[] {
  const origin = kb.config.url;
  const home = `${origin}/${article.locale}/`;
  const breadcrumbs = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: kb.locales.find((l) => l.code === article.locale)?.title ?? kb.config.title, item: home },
      { '@type': 'ListItem', position: 2, name: category.title, item: origin + category.url },
      { '@type': 'ListItem', position: 3, name: article.title, item: origin + article.url },
    ],
  };
  if (article.type === 'faq' && article.faq.length > 0) {
    return [
      {
        '@context': 'https://schema.org',
        '@type': 'FAQPage',
        inLanguage: article.locale,
        url: origin + article.url,
        name: article.title,
        mainEntity: article.faq.map((q) => ({
          '@type': 'Question',
          name: q.question,
          acceptedAnswer: { '@type': 'Answer', text: q.answer },
        })),
      },
      breadcrumbs,
    ];
  }
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'TechArticle',
      headline: article.title,
      description: article.description || undefined,
      inLanguage: article.locale,
      url: origin + article.url,
      dateModified: article.updated?.toISOString(),
      articleSection: category.title,
      keywords: [...article.tags, ...article.keywords].join(', ') || undefined,
    },
    breadcrumbs,
  ];
}
