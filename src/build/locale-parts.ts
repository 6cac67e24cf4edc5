// A build of part of a help center: `npm run build -- --locales ja` (KB_LOCALES=ja) renders the pages, search index
// and widget articles of those locales only, for a CI matrix job each; `npm run merge` puts the parts together.
// Every part reads every article's frontmatter, so links, language switchers and the sitemap are those of the whole
// site; it renders the Markdown of its own locales and of the articles elsewhere that they link to with an anchor.
// The merged parts are byte for byte the full build (tests/e2e/locale-parts.test.ts, tests/unit/build/locale-parts.test.ts).

/** The locales this build publishes, or undefined for all of them. */
export function partLocales(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = (env.KB_LOCALES ?? '').split(',').map((l) => l.trim()).filter(Boolean);
  return list.length ? [...new Set(list)] : undefined;
}

/** Whether this build writes the pages and search files of `locale`. */
export function builtLocale(locale: string): boolean {
  const part = partLocales();
  return !part || part.includes(locale);
}

/** The locales asked for that the content does not have, for the build to refuse with a list of those it has. */
export function unknownPartLocales(available: readonly string[]): string[] {
  return (partLocales() ?? []).filter((l) => !available.includes(l));
}
