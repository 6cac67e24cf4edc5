import { slug as slugify } from 'github-slugger';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const transliterations: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A file name and URL segment made of ASCII letters, digits and hyphens, or undefined when the text has none
 * to give: `Café crème` → `cafe-creme`, `ＣＳＶ export` → `csv-export`, but `返金の方法` → undefined, since a
 * percent-encoded URL (`/%E8%BF%94%E9%87%91…/`) is unreadable wherever it is pasted.
 * The result is a fixed point of the loader's slugify, so the file is published under exactly this name.
 */
export function asciiSlug(text: string): string | undefined {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => transliterations[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = slugify(folded).replace(/_/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
}
