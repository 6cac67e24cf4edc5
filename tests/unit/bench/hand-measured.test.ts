import { describe, expect, it } from 'vitest';
import { keepHandMeasured } from '../../../scripts/bench/hand-measured.ts';

describe('keepHandMeasured', () => {
  const section = '<!-- hand-measured:start -->\n## The help widget\n<!-- hand-measured:end -->';

  it('carries the hand-measured section over, before the relevance section', () => {
    const next = '# Benchmarks\n\nnew results\n\n<!-- relevance:start -->\nrel\n<!-- relevance:end -->\n';
    expect(keepHandMeasured(`# old\n\n${section}\n\n<!-- relevance:start -->old<!-- relevance:end -->`, next)).toBe(
      `# Benchmarks\n\nnew results\n\n${section}\n\n<!-- relevance:start -->\nrel\n<!-- relevance:end -->\n`,
    );
  });

  it('appends it when there is no relevance section, and leaves a document without one alone', () => {
    expect(keepHandMeasured(section, '# Benchmarks\n')).toBe(`# Benchmarks\n\n${section}\n`);
    expect(keepHandMeasured('# old', '# Benchmarks\n')).toBe('# Benchmarks\n');
  });
});
