// npm run new -- --lang ja --category billing [--type faq] --slug change-your-plan "プランを変更する"  (--slug is needed for a title with no ASCII letters)
// Scaffolds an article with valid frontmatter. Never overwrites an existing file.
import { parseScaffoldArgs, scaffoldArticle } from '../src/content/scaffold-article.ts';

const parsed = parseScaffoldArgs(process.argv.slice(2));
const result = parsed.ok ? scaffoldArticle(parsed.options) : parsed;
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
