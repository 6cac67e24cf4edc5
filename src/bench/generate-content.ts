/**
 * Deterministic synthetic help centers for the benchmark: the same options always give the same bytes.
 * Articles mix guides, FAQs, troubleshooting and reference pages in English, Japanese and Korean, with
 * headings, callouts, tables, code, and links that all resolve, so the build and the search index see
 * the shapes real content has.
 */
import { slug as slugify } from 'github-slugger';
import { createRandom, type Random } from './prng.ts';
import { countUnits, pickLocale } from './grammar.ts';
import { phrasebooks, type ArticleKind, type Phrasebook, type Slots } from './phrases.ts';
import {
  adjectives, benchLocales, buttons, calloutTitles, categories, fillers, fixedHeadings, modifiers, places, roles, searchSynonyms,
  tableHeaders, tableValues, times, verbs, type BenchLocale, type CategoryWords, type Tri,
} from './vocabulary.ts';

export interface GenerateOptions {
  /** Total number of articles over all languages. */
  articles: number;
  /** @default 'kb-bench' */
  seed?: string;
  /** Share of articles per language. @default { en: 0.5, ja: 0.25, ko: 0.25 } */
  mix?: Record<BenchLocale, number>;
}

export interface GeneratedArticle {
  locale: BenchLocale;
  category: string;
  slug: string;
  title: string;
  description: string;
  kind: ArticleKind;
  /** Path inside the content folder, e.g. `en/billing/how-to-change-the-plan.md`. */
  path: string;
  /** Length in English-word equivalents (see countUnits). */
  units: number;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GeneratedHelpCenter {
  articles: GeneratedArticle[];
  /** Every file to write, articles and `_category.yml`, sorted by path. */
  files: GeneratedFile[];
}

/** Articles a link can point to: the same language, and the same category within it. */
interface Pool {
  locale: GeneratedArticle[];
  category: GeneratedArticle[];
}

/** A random article from the list other than `self`, or undefined when there is none. */
function pickOther(rng: Random, list: GeneratedArticle[], self: GeneratedArticle): GeneratedArticle | undefined {
  if (list.length < 2) return list[0] === self ? undefined : list[0];
  for (;;) {
    const candidate = rng.pick(list);
    if (candidate !== self) return candidate;
  }
}

interface Topic {
  category: CategoryWords;
  kind: ArticleKind;
  variant: number;
  object: Tri;
  verb: Tri;
  mod?: Tri;
  slug: string;
}

/** Rough relative sizes of the categories, so some are big and some small, as on real sites. */
const categoryWeights = [1.3, 1.0, 1.2, 1.4, 1.0, 0.8, 0.9, 1.1, 0.9, 1.0, 0.7, 1.2];
export const defaultMix: Record<BenchLocale, number> = { en: 0.5, ja: 0.25, ko: 0.25 };

export function generateHelpCenter(options: GenerateOptions): GeneratedHelpCenter {
  const random = createRandom(options.seed ?? 'kb-bench');
  const mix = options.mix ?? defaultMix;
  const counts = splitCounts(options.articles, mix);
  const topics = generateTopics(random.fork('topics'), Math.max(...Object.values(counts)));

  // Translations are a subset of the English articles, as in a help center translated after the fact.
  const metas: (GeneratedArticle & { topic: Topic })[] = [];
  for (const locale of benchLocales) {
    const chosen = locale === 'en' ? topics.slice(0, counts.en) : random.fork(`subset/${locale}`).shuffle([...topics]).slice(0, counts[locale]);
    for (const topic of chosen) {
      const slots = slotsFor(locale, topic, random.fork(`title/${locale}/${topic.category.slug}/${topic.slug}`));
      const book = phrasebooks[locale] as Phrasebook<unknown>;
      metas.push({
        locale,
        category: topic.category.slug,
        slug: topic.slug,
        title: book.titles[topic.kind][topic.variant % book.titles[topic.kind].length]!(slots),
        description: book.descriptions[topic.kind](slots),
        kind: topic.kind,
        path: `${locale}/${topic.category.slug}/${topic.slug}.md`,
        units: 0,
        topic,
      });
    }
  }

  const siblings = new Map<string, GeneratedArticle[]>();
  for (const m of metas) {
    for (const key of [m.locale, `${m.locale}/${m.category}`]) {
      if (!siblings.has(key)) siblings.set(key, []);
      siblings.get(key)!.push(m);
    }
  }
  const files: GeneratedFile[] = [];
  for (const meta of metas) {
    const rng = random.fork(`article/${meta.path}`);
    const pool: Pool = { locale: siblings.get(meta.locale)!, category: siblings.get(`${meta.locale}/${meta.category}`)! };
    const body = buildBody(meta.locale, meta.topic, rng, pool, meta);
    meta.units = body.units;
    files.push({ path: meta.path, content: frontmatter(meta, rng, pool) + body.markdown });
  }
  for (const locale of benchLocales) {
    const used = new Set((siblings.get(locale) ?? []).map((m) => m.category));
    categories.forEach((c, i) => {
      if (!used.has(c.slug)) return;
      files.push({
        path: `${locale}/${c.slug}/_category.yml`,
        content: `title: ${JSON.stringify(pickLocale(c.title, locale))}\ndescription: ${JSON.stringify(pickLocale(c.description, locale))}\norder: ${i + 1}\n`,
      });
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { articles: metas.map(({ topic: _topic, ...m }) => m), files };
}

export function splitCounts(total: number, mix: Record<BenchLocale, number>): Record<BenchLocale, number> {
  const sum = benchLocales.reduce((s, l) => s + mix[l], 0);
  const en = Math.round((total * mix.en) / sum);
  const ja = Math.round((total * mix.ja) / sum);
  return { en, ja, ko: Math.max(0, total - en - ja) };
}

function generateTopics(rng: Random, count: number): Topic[] {
  const topics: Topic[] = [];
  const used = new Set<string>();
  const totalWeight = categoryWeights.reduce((a, b) => a + b, 0);
  const pickCategory = () => {
    let r = rng.next() * totalWeight;
    for (let i = 0; i < categories.length; i++) if ((r -= categoryWeights[i]!) < 0) return categories[i]!;
    return categories.at(-1)!;
  };
  while (topics.length < count) {
    const category = pickCategory();
    const k = rng.next();
    const kind: ArticleKind = category.slug === 'troubleshooting'
      ? k < 0.7 ? 'troubleshooting' : k < 0.85 ? 'faq' : 'guide'
      : k < 0.65 ? 'guide' : k < 0.78 ? 'faq' : k < 0.88 ? 'troubleshooting' : 'reference';
    let topic: Topic | undefined;
    // Retry with other words, then with a modifier, and only then fall back to a numbered slug.
    for (let attempt = 0; attempt < 40 && !topic; attempt++) {
      const objects = rng.chance(0.8) ? category.objects : rng.pick(categories).objects;
      const candidate: Topic = {
        category, kind, variant: rng.int(0, 1), object: rng.pick(objects), verb: rng.pick(verbs),
        mod: attempt > 8 || rng.chance(0.25) ? rng.pick(modifiers) : undefined, slug: '',
      };
      candidate.slug = slugify(englishTitle(candidate));
      if (candidate.slug && !used.has(`${category.slug}/${candidate.slug}`)) topic = candidate;
    }
    if (!topic) {
      const base = { category, kind, variant: 0, object: rng.pick(category.objects), verb: rng.pick(verbs), slug: '' };
      let n = 2;
      while (used.has(`${category.slug}/${slugify(englishTitle(base))}-${n}`)) n++;
      topic = { ...base, slug: `${slugify(englishTitle(base))}-${n}` };
    }
    used.add(`${category.slug}/${topic.slug}`);
    topics.push(topic);
  }
  return topics;
}

function englishTitle(topic: Topic): string {
  const slots = slotsFor('en', topic, createRandom('title'));
  const titles = phrasebooks.en.titles[topic.kind];
  return titles[topic.variant % titles.length]!(slots as Slots<never>);
}

/** Words for one sentence: the article's own object and verb, the rest drawn fresh. */
function slotsFor(locale: BenchLocale, topic: Topic, rng: Random, focus = true): Slots<unknown> {
  const book = phrasebooks[locale] as Phrasebook<unknown>;
  const others = topic.category.objects.filter((o) => o !== topic.object);
  const object = focus ? topic.object : rng.pick(others);
  return {
    o: pickLocale(object, locale),
    o2: pickLocale(rng.pick(others), locale),
    v: book.verb(pickLocale(focus ? topic.verb : rng.pick(verbs), locale)),
    v2: book.verb(pickLocale(rng.pick(verbs), locale)),
    place: pickLocale(rng.pick(places), locale),
    button: pickLocale(rng.pick(buttons), locale),
    time: pickLocale(rng.pick(times), locale),
    role: pickLocale(rng.pick(roles), locale),
    adj: pickLocale(rng.pick(adjectives), locale),
    value: rng.pick(tableValues[locale]),
    n: rng.pick([3, 5, 10, 20, 25, 50, 100, 200, 500, 1000]),
    code: `E${rng.int(1000, 9999)}`,
    mod: topic.mod ? pickLocale(topic.mod, locale) : '',
  };
}

function frontmatter(meta: GeneratedArticle & { topic: Topic }, rng: Random, pool: Pool): string {
  const { locale, topic } = meta;
  const tags = [pickLocale(topic.object, locale), ...(rng.chance(0.5) ? [pickLocale(rng.pick(topic.category.objects), locale)] : [])];
  const keywords = Array.from({ length: rng.int(0, 3) }, () => rng.pick(searchSynonyms[locale]));
  const day = rng.int(0, 1034);
  const updated = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const lines = ['---', `title: ${JSON.stringify(meta.title)}`, `description: ${JSON.stringify(meta.description)}`];
  if (meta.kind !== 'guide' || rng.chance(0.2)) lines.push(`type: ${meta.kind}`);
  lines.push(`tags: ${JSON.stringify([...new Set(tags)])}`);
  if (keywords.length) lines.push(`keywords: ${JSON.stringify([...new Set(keywords)])}`);
  lines.push(`updated: ${updated}`);
  const related = rng.chance(0.1) ? pickOther(rng, pool.category, meta) : undefined;
  if (related) lines.push(`related: ${JSON.stringify([`${meta.category}/${related.slug}`])}`);
  if (rng.chance(0.005)) lines.push('featured: true');
  lines.push('---', '', '');
  return lines.join('\n');
}

/**
 * The article body, grown section by section until it reaches a length drawn between 200 and 1,500
 * words (skewed short, as most help articles are).
 */
function buildBody(locale: BenchLocale, topic: Topic, rng: Random, pool: Pool, self: GeneratedArticle): { markdown: string; units: number } {
  const book = phrasebooks[locale] as Phrasebook<unknown>;
  const headings = fixedHeadings[locale];
  const target = 200 + Math.round(1300 * rng.next() ** 1.8);
  const blocks: string[] = [];
  let units = 0;
  const add = (block: string) => {
    blocks.push(block);
    units += countUnits(locale, block.replace(/\]\([^)]*\)|[#*|:`\-]/g, ' '));
  };
  const slots = (focus = rng.chance(0.7)) => slotsFor(locale, topic, rng, focus);
  const sentence = () => (rng.chance(0.2) ? rng.pick(fillers[locale]) : rng.pick(book.sentences)(slots()));
  const paragraph = (min = 2, max = 5) => {
    const count = rng.int(min, max);
    const seen = new Set<string>();
    while (seen.size < count) seen.add(sentence());
    return [...seen].join(book.join);
  };
  const list = (ordered: boolean, min = 3, max = 6) =>
    Array.from({ length: rng.int(min, max) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${rng.pick(ordered ? book.steps : book.sentences)(slots())}`).join('\n');

  // Links: most articles link one to four others in the same language, mostly in the same category.
  const linkCount = rng.chance(0.1) ? 0 : rng.int(1, 4);
  const linkTargets = Array.from({ length: linkCount }, () => (rng.chance(0.6) && pickOther(rng, pool.category, self)) || pickOther(rng, pool.locale, self))
    .filter((t): t is GeneratedArticle => t !== undefined);
  const linkSentence = () => {
    const target = linkTargets.pop()!;
    return rng.pick(book.links)(target.title, `../${target.category}/${target.slug}.md`);
  };
  const withLink = (text: string) => (linkTargets.length && rng.chance(0.35) ? text + book.join + linkSentence() : text);

  let callouts = 0;
  const maybeCallout = () => {
    if (callouts >= 2 || !rng.chance(0.22)) return;
    callouts++;
    const type = rng.pick(['tip', 'note', 'warning', 'tip'] as const);
    const title = rng.chance(0.3) ? `[${rng.pick(calloutTitles[locale])}]` : '';
    add(`:::${type}${title}\n${paragraph(1, 2)}\n:::`);
  };
  let tableDone = topic.kind === 'reference';
  const table = (rows: number) => {
    const [a, b, c] = tableHeaders[locale];
    const lines = [`| ${a} | ${b} | ${c} |`, '| --- | --- | --- |'];
    for (let i = 0; i < rows; i++) {
      const s = slots(false);
      lines.push(`| ${s.adj}${locale === 'ja' ? '' : ' '}${s.o} | ${s.value} | ${sentence()} |`);
    }
    return lines.join('\n');
  };
  let codeDone = !rng.chance(topic.category.slug === 'integrations' ? 0.6 : 0.12);

  add(withLink(paragraph(2, 4)));

  const section = (heading: string, depth = 2) => {
    add(`${'#'.repeat(depth)} ${heading}`);
    add(withLink(paragraph()));
    if (rng.chance(0.3)) add(list(rng.chance(0.6)));
    if (rng.chance(0.4)) add(withLink(paragraph(2, 4)));
    maybeCallout();
    if (!tableDone && rng.chance(0.25)) {
      tableDone = true;
      add(table(rng.int(3, 6)));
    }
    if (!codeDone && rng.chance(0.5)) {
      codeDone = true;
      add(codeBlock(rng));
    }
    if (depth === 2 && rng.chance(0.25)) {
      for (let i = rng.int(1, 2); i > 0; i--) section(rng.pick(book.headings)(slots()), 3);
    }
  };

  if (topic.kind === 'faq') {
    const asked = new Set<string>();
    for (let guard = 0; (units < target || asked.size < 3) && guard < 500; guard++) {
      const q = rng.pick(book.questions)(slots(rng.chance(0.5)));
      if (asked.has(q)) continue;
      asked.add(q);
      add(`## ${q}`);
      add(withLink(paragraph(1, 4)));
      if (rng.chance(0.2)) add(list(true, 2, 4));
      maybeCallout();
    }
  } else if (topic.kind === 'troubleshooting') {
    add(`## ${headings.symptoms}`);
    add(paragraph(1, 3));
    add(list(false, 2, 4));
    add(`## ${headings.cause}`);
    add(withLink(paragraph(2, 4)));
    add(`## ${headings.solution}`);
    add(list(true, 3, 6));
    maybeCallout();
    let step = 1;
    while (units < target - 30) section(book.numberedHeading(step++, slots()));
    add(`## ${headings.contact}`);
    add(paragraph(1, 2));
  } else if (topic.kind === 'reference') {
    add(`## ${headings.overview}`);
    add(withLink(paragraph(2, 4)));
    add(`## ${headings.fields}`);
    add(table(rng.int(6, 10)));
    while (units < target) section(rng.pick(book.headings)(slots()));
  } else {
    add(`## ${headings.before}`);
    add(paragraph(1, 3));
    add(list(false, 2, 4));
    let step = 1;
    while (units < target - 30) section(rng.chance(0.4) ? book.numberedHeading(step++, slots()) : rng.pick(book.headings)(slots()));
    if (rng.chance(0.3)) {
      add(`## ${headings.limits}`);
      add(paragraph(1, 3));
    }
    add(`## ${headings.next}`);
    add(paragraph(1, 3));
  }
  // Links not placed yet close the article, as "see also" lines do.
  while (linkTargets.length) add(linkSentence());
  return { markdown: `${blocks.join('\n\n')}\n`, units };
}

const resources = ['invoices', 'customers', 'payments', 'expenses', 'webhooks', 'reports', 'estimates'];
const statuses = ['draft', 'sent', 'paid', 'overdue', 'void', 'pending'];

function codeBlock(rng: Random): string {
  const id = rng.int(0x100000, 0xffffff).toString(16);
  const resource = rng.pick(resources);
  switch (rng.int(0, 3)) {
    case 0:
      return [
        '```bash',
        `curl -X POST https://api.tallybird.example/v2/${resource} \\`,
        '  -H "Authorization: Bearer $TALLYBIRD_API_KEY" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '{"customer_id": "cus_${id}", "due_days": ${rng.pick([7, 14, 30, 45])}}'`,
        '```',
      ].join('\n');
    case 1:
      return [
        '```json',
        '{',
        `  "id": "${resource.slice(0, 3)}_${id}",`,
        `  "status": "${rng.pick(statuses)}",`,
        `  "total": ${rng.int(10, 99_999) / 100},`,
        `  "currency": "${rng.pick(['USD', 'JPY', 'KRW', 'EUR'])}",`,
        `  "created_at": "2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}T0${rng.int(0, 9)}:00:00Z"`,
        '}',
        '```',
      ].join('\n');
    case 2:
      return [
        '```plaintext',
        'date,description,amount,category',
        ...Array.from({ length: rng.int(2, 4) }, (_, i) => `2026-0${rng.int(1, 9)}-2${i},${rng.pick(['Train ticket', 'Hosting', 'Office chair', 'Team lunch', 'Software licence'])},${rng.int(5, 900)}.00,${rng.pick(['travel', 'software', 'office', 'meals'])}`),
        '```',
      ].join('\n');
    default:
      return [
        '```yaml',
        `event: ${resource.slice(0, -1)}.${rng.pick(['created', 'updated', 'paid', 'deleted'])}`,
        `url: https://hooks.example.com/tallybird/${id}`,
        `secret: whsec_${id}${id}`,
        `retries: ${rng.int(1, 5)}`,
        '```',
      ].join('\n');
  }
}
