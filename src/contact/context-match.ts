/**
 * Contextual help: writers list product screens in an article's frontmatter (`context: ["/settings/billing",
 * "/invoices/*"]`) and the widget suggests the article there. Pure: the build checks the patterns, the widget matches.
 */

/** One article the widget can suggest for a screen. Short keys: this ships in the widget's config. */
export interface ContextEntry {
  /** Patterns from the frontmatter. */
  p: string[];
  /** Article site path. */
  u: string;
  /** Title. */
  t: string;
  /** Description. */
  d: string;
}

/** A product path as compared: no query or fragment, no trailing slash (except the root). */
export function contextPath(path: string): string {
  const bare = path.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare || '/';
}

const compiled = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const source = contextPath(pattern)
      .split(/(\*\*|\*)/)
      .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    compiled.set(pattern, (re = new RegExp(`^${source}$`)));
  }
  return re;
}

/** `*` matches within one path segment, `**` across segments; a trailing slash never matters. */
export function contextMatches(pattern: string, path: string): boolean {
  return toRegExp(pattern).test(contextPath(path));
}

/** How specific a pattern is: the characters it fixes. `/settings/billing` beats `/settings/*`. */
function specificity(pattern: string): number {
  return pattern.replace(/\*/g, '').length - (pattern.includes('**') ? 0.5 : 0);
}

/** The articles for a screen, the most specific match first, then in content order. */
export function articlesForContext<T extends Pick<ContextEntry, 'p'>>(entries: readonly T[], path: string, max = 5): T[] {
  const scored: { entry: T; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const matched = entry.p.filter((p) => contextMatches(p, path));
    if (matched.length) scored.push({ entry, score: Math.max(...matched.map(specificity)), order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).slice(0, max).map((s) => s.entry);
}
