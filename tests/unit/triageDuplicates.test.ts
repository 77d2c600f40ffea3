import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { duplicateScore, findDuplicates, textSimilarity } from '../../core/triage';
import type { DuplicateSubject } from '../../core/triage';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 1, 0); // 09:00 China time
/** Along a meridian one degree of latitude is R·π/180 metres, R = 6 371 008.8 m. */
const METRES_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180;
const BASE = { lat: 29.6012, lng: 106.5523 };
const north = (metres: number): { lat: number; lng: number } => ({ lat: BASE.lat + metres / METRES_PER_DEGREE_LAT, lng: BASE.lng });

// Two residents describing the same pile of renovation waste.
const WASTE_A = '金港国际3栋门口人行道上堆放大量装修垃圾，已两天无人清运';
const WASTE_B = '金港国际3栋门口堆了很多装修垃圾，一直没人清运';

function report(overrides: Partial<DuplicateSubject>): DuplicateSubject {
  return {
    id: 'a',
    gridId: 'grid-1',
    categoryId: '0101',
    majorCode: '01',
    text: WASTE_A,
    reportedAt: T0,
    lat: null,
    lng: null,
    ...overrides,
  };
}

describe('textSimilarity', () => {
  it('is the cosine of the sets of Chinese character bigrams', () => {
    // 路灯不亮 → {路灯, 灯不, 不亮}; 东门外的路灯不亮 adds {东门, 门外, 外的, 的路}: 3 / √(3·7).
    expect(textSimilarity('路灯不亮', '东门外的路灯不亮')).toBeCloseTo(3 / Math.sqrt(21), 10);
    // WASTE_A has 23 distinct bigrams, WASTE_B 18, and they share 10 (金港 港国 国际 栋门 门口 装修 修垃 垃圾 人清 清运).
    expect(textSimilarity(WASTE_A, WASTE_B)).toBeCloseTo(10 / Math.sqrt(23 * 18), 10);
    expect(textSimilarity('路灯不亮', '')).toBe(0);
  });
});

describe('duplicateScore', () => {
  it('flags the same problem reported in the same grid three hours later', () => {
    const result = duplicateScore(report({ id: 'a' }), report({ id: 'b', text: WASTE_B, reportedAt: T0 + 3 * HOUR }));
    expect(result).not.toBeNull();
    expect(result!.reasons).toEqual(['同一网格', '同一事项类别', '描述相似度 49%', '相隔 3 小时']);
    // place 0.25·0.8 + category 0.2·1 + text 0.4·0.491 + time 0.15·(1 − 3/72) = 0.740
    expect(result!.score).toBeCloseTo(0.74, 3);
  });

  it('flags a report 80 m away in the neighbouring grid', () => {
    const result = duplicateScore(
      report({ id: 'a', ...BASE }),
      report({ id: 'b', gridId: 'grid-2', text: WASTE_B, reportedAt: T0 + HOUR, ...north(80) }),
    );
    expect(result).not.toBeNull();
    expect(result!.reasons).toContain('相距约 80 米');
    expect(result!.reasons).not.toContain('同一网格');
  });

  it('says how close two reports are when they are nearly at the same spot', () => {
    const result = duplicateScore(report({ id: 'a', ...BASE }), report({ id: 'b', text: WASTE_B, ...north(4) }));
    expect(result!.reasons.slice(0, 2)).toEqual(['同一网格', '相距不到 10 米']);
  });

  it('rejects a report more than 100 m away in another grid', () => {
    expect(duplicateScore(report({ id: 'a', ...BASE }), report({ id: 'b', gridId: 'grid-2', text: WASTE_B, ...north(130) }))).toBeNull();
  });

  it('rejects another grid when either report has no position', () => {
    expect(duplicateScore(report({ id: 'a', ...BASE }), report({ id: 'b', gridId: 'grid-2', text: WASTE_B }))).toBeNull();
  });

  it('looks back exactly 72 hours and no further', () => {
    const later = (hours: number): DuplicateSubject => report({ id: 'b', text: WASTE_B, reportedAt: T0 + hours * HOUR });
    expect(duplicateScore(report({ id: 'a' }), later(72))).not.toBeNull();
    expect(duplicateScore(report({ id: 'a' }), later(72.01))).toBeNull();
    expect(duplicateScore(report({ id: 'a' }), later(96))).toBeNull();
  });

  it('rejects unrelated categories with dissimilar descriptions', () => {
    const streetLight = report({ id: 'b', categoryId: '0602', majorCode: '06', text: '宝圣大道东段路灯不亮，晚上黑漆漆的' });
    expect(duplicateScore(report({ id: 'a' }), streetLight)).toBeNull();
  });

  it('rejects unrelated categories even when the descriptions are alike', () => {
    expect(duplicateScore(report({ id: 'a' }), report({ id: 'b', categoryId: '0505', majorCode: '05', text: WASTE_B }))).toBeNull();
  });

  it('accepts a related category of the same major group', () => {
    const fullBin = report({ id: 'b', categoryId: '0102', majorCode: '01', text: WASTE_B, reportedAt: T0 + HOUR });
    expect(duplicateScore(report({ id: 'a' }), fullBin)!.reasons).toContain('同属一个大类');
  });

  it('rejects the same category when the descriptions have nothing in common', () => {
    expect(duplicateScore(report({ id: 'a' }), report({ id: 'b', text: '公园东门草坪上有人乱扔饮料瓶' }))).toBeNull();
  });

  it('asks for more textual agreement when a report is not classified yet', () => {
    // 东门路灯不亮 / 路灯坏了 share one bigram of 5 and 3: similarity 1/√15 ≈ 0.26.
    const a = { id: 'a', categoryId: '0602', majorCode: '06', text: '东门路灯不亮' };
    const b = { id: 'b', categoryId: '0602', majorCode: '06', text: '路灯坏了', reportedAt: T0 + HOUR };
    expect(duplicateScore(report(a), report(b))).not.toBeNull();
    expect(duplicateScore(report(a), report({ ...b, categoryId: null, majorCode: null }))).toBeNull();
  });

  it('drops weak pairs below the 0.5 score threshold', () => {
    // Unclassified, same grid, similarity 2/√(3·12) = 1/3 (路灯 and 不亮 shared): place 0.2 + text
    // 0.6·1/3 = 0.2, plus time 0.15·(1 − h/72). One hour apart: 0.548; two days apart: 0.45.
    const a = report({ id: 'a', categoryId: null, majorCode: null, text: '路灯不亮' });
    const b = (hours: number): DuplicateSubject =>
      report({ id: 'b', categoryId: null, majorCode: null, text: '东门外的路灯一到晚上就不亮', reportedAt: T0 + hours * HOUR });
    const close = duplicateScore(a, b(1));
    expect(close!.score).toBeCloseTo(0.548, 3);
    expect(close!.reasons).toEqual(['同一网格', '描述相似度 33%', '相隔 1 小时']);
    expect(duplicateScore(a, b(48))).toBeNull();
  });

  it('is symmetric', () => {
    const grids = fc.constantFrom('grid-1', 'grid-2');
    const categories = fc.constantFrom(
      { categoryId: '0101', majorCode: '01' },
      { categoryId: '0102', majorCode: '01' },
      { categoryId: '0602', majorCode: '06' },
      { categoryId: null, majorCode: null },
    );
    const texts = fc.constantFrom(WASTE_A, WASTE_B, '路灯不亮', '东门外的路灯一到晚上就不亮', '垃圾桶满了没人收', '');
    const position = fc.option(fc.record({ lat: fc.double({ min: 29.6, max: 29.602, noNaN: true }), lng: fc.double({ min: 106.552, max: 106.554, noNaN: true }) }));
    const subject = fc
      .record({ id: fc.string(), gridId: grids, category: categories, text: texts, hours: fc.double({ min: -100, max: 100, noNaN: true }), position })
      .map(({ id, gridId, category, text, hours, position }): DuplicateSubject => ({
        id,
        gridId,
        ...category,
        text,
        reportedAt: T0 + hours * HOUR,
        lat: position?.lat ?? null,
        lng: position?.lng ?? null,
      }));
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        expect(duplicateScore(a, b)).toEqual(duplicateScore(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('always scores candidates between the threshold and 1', () => {
    const hours = fc.double({ min: 0, max: 72, noNaN: true });
    const metres = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(hours, metres, fc.boolean(), (gap, distance, sameGrid) => {
        const result = duplicateScore(
          report({ id: 'a', ...BASE }),
          report({ id: 'b', gridId: sameGrid ? 'grid-1' : 'grid-2', text: WASTE_B, reportedAt: T0 + gap * HOUR, ...north(distance) }),
        );
        if (result) {
          expect(result.score).toBeGreaterThanOrEqual(0.5);
          expect(result.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('findDuplicates', () => {
  it('returns the best non-self candidates, highest score first, up to the limit', () => {
    const subject = report({ id: 'new', ...BASE });
    const candidates: DuplicateSubject[] = [
      subject,
      report({ id: 'far-apart', gridId: 'grid-2', text: WASTE_B, ...north(500) }),
      report({ id: 'same-day', text: WASTE_B, reportedAt: T0 - 2 * HOUR, ...north(20) }),
      report({ id: 'two-days', text: WASTE_B, reportedAt: T0 - 48 * HOUR, ...north(20) }),
      report({ id: 'identical', text: WASTE_A, reportedAt: T0 - HOUR, ...north(5) }),
      report({ id: 'other-problem', categoryId: '0602', majorCode: '06', text: '路灯不亮' }),
    ];
    const found = findDuplicates(subject, candidates);
    expect(found.map((match) => match.id)).toEqual(['identical', 'same-day', 'two-days']);
    expect(found[0]!.reasons).toContain('描述相似度 100%');
    expect(findDuplicates(subject, candidates, 1).map((match) => match.id)).toEqual(['identical']);
    expect(findDuplicates(subject, [])).toEqual([]);
  });
});

describe('bordering grids (from the office boundaries)', () => {
  const borders = { bordering: (a: string, b: string) => [a, b].sort().join('|') === 'grid-1|grid-2' };
  const a = report({ id: 'a', gridId: 'grid-1', address: '双湖路与金龙路交叉口东北角' });

  it('a report across the border with a similar address is a candidate, with the reason said', () => {
    const b = report({ id: 'b', gridId: 'grid-2', text: WASTE_B, reportedAt: T0 + 3 * HOUR, address: '双湖路与金龙路交叉口' });
    const result = duplicateScore(a, b, borders);
    expect(result).not.toBeNull();
    expect(result!.reasons.slice(0, 2)).toEqual(['相邻网格', expect.stringMatching(/^地址相似度 \d+%$/)]);
    // Without the map, or in grids that do not border, the same pair is no candidate.
    expect(duplicateScore(a, b)).toBeNull();
    expect(duplicateScore(a, { ...b, gridId: 'grid-3' }, borders)).toBeNull();
  });

  it('bordering grids with different addresses are not', () => {
    const b = report({ id: 'b', gridId: 'grid-2', text: WASTE_B, address: '百果园小区南门' });
    expect(duplicateScore(a, b, borders)).toBeNull();
  });
});
