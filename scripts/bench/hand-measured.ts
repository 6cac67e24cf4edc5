// Sections of docs/benchmarks.md measured by hand (the help widget's bytes), kept when `npm run bench` rewrites it.
const start = '<!-- hand-measured:start -->';
const end = '<!-- hand-measured:end -->';

/** Carry the previous document's hand-measured section into the new one, before the relevance section. */
export function keepHandMeasured(previous: string, next: string): string {
  const a = previous.indexOf(start);
  const b = previous.indexOf(end);
  if (a < 0 || b < a || next.includes(start)) return next;
  const section = previous.slice(a, b + end.length);
  const at = next.indexOf('<!-- relevance:start -->');
  return at >= 0 ? `${next.slice(0, at)}${section}\n\n${next.slice(at)}` : `${next.trimEnd()}\n\n${section}\n`;
}
