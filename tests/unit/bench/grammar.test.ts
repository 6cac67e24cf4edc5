import { describe, expect, it } from 'vitest';
import { countUnits, jaVerb, josa, koVerb } from '../../../src/bench/grammar.ts';
import { createRandom } from '../../../src/bench/prng.ts';

describe('benchmark grammar', () => {
  it('attaches Korean particles by the final consonant', () => {
    expect(josa('청구서', '을')).toBe('청구서를');
    expect(josa('웹훅', '을')).toBe('웹훅을');
    expect(josa('계정', '이')).toBe('계정이');
    expect(josa('요금제', '은')).toBe('요금제는');
    expect(josa('PDF 파일', '으로')).toBe('PDF 파일로');
    expect(josa('관리 콘솔', '으로')).toBe('관리 콘솔로');
    expect(josa('설정 페이지', '으로')).toBe('설정 페이지로');
    expect(josa('대시보드', '과')).toBe('대시보드와');
  });

  it('conjugates する-verbs and 하다-verbs', () => {
    expect(jaVerb('削除')).toMatchObject({ dict: '削除する', te: '削除して', can: '削除できます', noun: '削除' });
    expect(jaVerb('開く;開き;開いて;開いた;開け')).toMatchObject({ dict: '開く', can: '開けます' });
    expect(jaVerb('開く;開き;開いて;開いた;開け').noun).toBeUndefined();
    expect(koVerb('삭제')).toMatchObject({ adn: '삭제하는', fut: '삭제할', purpose: '삭제하려면', noun: '삭제' });
  });

  it('counts CJK length in word equivalents', () => {
    expect(countUnits('en', 'Open the billing page.')).toBe(4);
    expect(countUnits('ja', '請求書を削除します。')).toBe(4);
    expect(countUnits('ko', '청구서를 삭제합니다.')).toBe(5);
  });

  it('draws the same numbers from the same seed, and independent streams from forks', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    const r = createRandom('a');
    expect(r.fork('x').next()).toBe(createRandom('a').fork('x').next());
    for (let i = 0; i < 1000; i++) {
      const n = r.int(1, 6);
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(6);
    }
  });
});
