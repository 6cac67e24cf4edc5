/**
 * The interface text a project replaces with `strings` in kb.config.yml, per locale. Set once per process (and per
 * render worker) from the config; Astro loads page code apart from the integration, so it lives on globalThis, like
 * the knowledge base's cache.
 */
export type StringOverrides = Record<string, Record<string, string>>;

const key = Symbol.for('kb-site.string-overrides');
type Holder = typeof globalThis & { [key]?: StringOverrides };

export function setStringOverrides(overrides: StringOverrides): void {
  (globalThis as Holder)[key] = overrides;
}

/** The project's text for this key in this locale (`ja-JP` falls back to `ja`), if it replaced it. */
export function overriddenString(locale: string, name: string): string | undefined {
  const overrides = (globalThis as Holder)[key];
  if (!overrides) return undefined;
  return overrides[locale]?.[name] ?? overrides[locale.split('-')[0]!]?.[name];
}
