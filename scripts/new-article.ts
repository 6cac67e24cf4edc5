// npm run new -- --lang ja --category billing [--type faq] --slug change-your-plan "プランを変更する"  (--slug is needed for a title with no ASCII letters)
// Scaffolds an article with valid frontmatter. Never overwrites an existing file.
import { parseArgs } from 'node:util';
import { scaffoldArticle } from '../src/content/scaffold-article.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, category: { type: 'string' }, type: { type: 'string', default: 'guide' }, slug: { type: 'string' } },
});
const result = scaffoldArticle({ title: positionals.join(' '), locale: values.lang, category: values.category, type: values.type, slug: values.slug });
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
