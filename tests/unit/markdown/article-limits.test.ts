import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { findDeepNesting, findDeepTree, renderBudgetMs, defaultArticleLimits } from '../../../src/markdown/article-limits.ts';
import { mapWithinBudget } from '../../../src/markdown/render-budget.ts';

const deep = (body: string, max = 32) => findDeepNesting(body, max);

describe('nesting scan', () => {
  it('finds the line where lists, quotes, callouts, HTML, links or emphasis go deeper than the limit', () => {
    expect(deep('text\n\n' + '- '.repeat(33) + 'a')).toBe(3);
    expect(deep('- '.repeat(32) + 'a')).toBeUndefined();
    expect(deep(Array.from({ length: 40 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n'))).toBe(33);
    expect(deep(Array.from({ length: 40 }, (_, i) => ' '.repeat(i * 4) + `${i + 1}. a`).join('\n'))).toBe(33);
    expect(deep('>'.repeat(5000) + ' deep')).toBe(1);
    expect(deep('> '.repeat(33) + 'x')).toBe(1);
    expect(deep('<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000))).toBe(1);
    expect(deep('<div>\n'.repeat(40))).toBe(33);
    expect(deep('<div/>'.repeat(40))).toBe(1); // not self-closing in HTML
    expect(deep(Array.from({ length: 40 }, (_, i) => ':'.repeat(60 - i) + 'note').join('\n'))).toBe(33);
    expect(deep('['.repeat(50_000) + ']'.repeat(50_000))).toBe(1);
    expect(deep('**'.repeat(3000) + 'a' + '**'.repeat(3000))).toBe(1);
  });

  it('counts HTML as a browser nests it', () => {
    expect(deep('<p>one\n\n'.repeat(100))).toBeUndefined();
    expect(deep('<ul>' + '<li>item'.repeat(100) + '</ul>')).toBeUndefined();
    expect(deep('<br><img src=x><hr><input>'.repeat(100))).toBeUndefined();
    expect(deep('<svg>' + '<path d="M0"/>'.repeat(100) + '</svg>')).toBeUndefined();
    expect(deep('<table>' + '<tr><td>a<td>b'.repeat(100) + '</table>')).toBeUndefined();
    expect(deep(('<div>' + 'x</div>').repeat(100))).toBeUndefined();
  });

  it('ignores code, comments, escapes and separators', () => {
    const noise = '<div>[[[[' + '> '.repeat(40);
    expect(deep('```html\n' + `${noise}\n`.repeat(50) + '```\n')).toBeUndefined();
    expect(deep('~~~~\n' + `${noise}\n`.repeat(50) + '~~~~\n\n' + 'after')).toBeUndefined();
    expect(deep('- list\n\n  ```\n' + `  ${noise}\n`.repeat(50) + '  ```\n')).toBeUndefined();
    expect(deep('para\n\n    ' + '<div>'.repeat(50) + '\n')).toBeUndefined();
    expect(deep('Type `' + '<div>'.repeat(50) + '` here, or ``' + '['.repeat(50) + '``.')).toBeUndefined();
    expect(deep('<!-- ' + '<div>'.repeat(50) + '\n' + '<div>'.repeat(50) + ' -->')).toBeUndefined();
    expect(deep('\\['.repeat(50) + ' \\<div>'.repeat(50))).toBeUndefined();
    expect(deep('- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -')).toBeUndefined();
    expect(deep('Password: ' + '*'.repeat(80) + '\n\nName: ' + '_'.repeat(80) + ' (fill in)')).toBeUndefined();
  });

  it('passes every article of the example help center and the fixtures', () => {
    const files = ['content', 'tests/fixtures'].flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => deep(readFileSync(f, 'utf8')) !== undefined)).toEqual([]);
  });

  it('is linear: a megabyte of deep-looking text is scanned in well under a second', () => {
    const body = ('[a](b) <span>x</span> `code` *em* > ' + '\n').repeat(25_000);
    const started = performance.now();
    expect(deep(body)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('nesting in the parsed tree', () => {
  const tree = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md);
  it('reports the first node deeper than the limit, with its line', () => {
    expect(findDeepTree(tree('text\n\n' + '*a '.repeat(40) + 'x' + ' a*'.repeat(40)), 32)).toBe(3);
    expect(findDeepTree(tree('*a '.repeat(31) + 'x' + ' a*'.repeat(31)), 32)).toBeUndefined();
    expect(findDeepTree(tree('~~a '.repeat(40) + 'b' + ' a~~'.repeat(40)), 32)).toBe(1);
  });
});

describe('render budget', () => {
  it('grows with the size of the article', () => {
    expect(renderBudgetMs(defaultArticleLimits, 0)).toBe(5_000);
    expect(renderBudgetMs(defaultArticleLimits, 2 * 1024 * 1024)).toBe(25_000);
  });

  it('stops an item that runs over, and gives every other item its result', () => {
    // Busy for `ms` of processor time, which is what the budget counts (not wall time, which a busy machine stretches).
    const cpu = () => process.threadCpuUsage().user / 1000 + process.threadCpuUsage().system / 1000;
    const spin = (ms: number) => {
      const end = cpu() + ms;
      while (cpu() < end);
      return ms;
    };
    const items = [1, 1, 10_000, 1, 30, 1];
    const started = performance.now();
    const out = mapWithinBudget(items, spin, () => 20, (item, budget) => -item - budget);
    expect(out).toEqual([1, 1, -10_020, 1, -50, 1]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('does not charge an item with the processor time of the one before it, when the thread stalls between them', () => {
    const cpu = () => process.threadCpuUsage().user / 1000 + process.threadCpuUsage().system / 1000;
    const spin = (ms: number) => {
      const end = cpu() + ms;
      while (cpu() < end);
      return ms;
    };
    // A thread descheduled right before an item starts, made repeatable: the second look at the 1 ms item's budget
    // (inside the watchdog) waits 200 ms without using the processor, so the watchdog stops the batch there.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let looks = 0;
    const budget = (item: number) => {
      if (item === 1 && ++looks === 2) Atomics.wait(pause, 0, 0, 200);
      return 20;
    };
    expect(mapWithinBudget([30, 1], spin, budget, (item, ms) => -item - ms)).toEqual([-50, 1]);
  });

  it('lets errors of the mapped function through', () => {
    expect(() => mapWithinBudget([1], () => { throw new TypeError('boom'); }, () => 100, () => 0)).toThrow('boom');
  });
});
