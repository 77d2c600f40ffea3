import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, composite, ruleScore, validateScheme, periodOf, previousPeriod, type SchemeDefinition, type SchemePart, type ScoringRule } from '../../core/assessment';

describe('indicator scoring rules', () => {
  it('takes points off per percentage point short of a target', () => {
    const rule = { type: 'target', target: 0.95, pointsPerPoint: 2 } as const;
    expect(ruleScore('on_time_handling_rate', 0.97, rule)).toBe(100);
    expect(ruleScore('on_time_handling_rate', 0.9, rule)).toBeCloseTo(90, 9); // 5 points short × 2
    expect(ruleScore('on_time_handling_rate', 0.2, rule)).toBe(0); // never below 0
  });

  it('for lower-is-better indicators, short of the target means above it', () => {
    const rule = { type: 'target', target: 0.05, pointsPerPoint: 2 } as const;
    expect(ruleScore('rework_rate', 0.02, rule)).toBe(100);
    expect(ruleScore('rework_rate', 0.1, rule)).toBeCloseTo(90, 9);
  });

  it('maps linearly between worst and best, either way round', () => {
    expect(ruleScore('missed_report_rate', 0.25, { type: 'linear', worst: 1, best: 0 })).toBe(75);
    expect(ruleScore('satisfaction_rate', 0.8, { type: 'linear', worst: 0.6, best: 1 })).toBeCloseTo(50, 9);
  });

  it('reads stepped tables from the best step down', () => {
    const rule: ScoringRule = { type: 'steps', steps: [{ reach: 0.95, score: 100 }, { reach: 0.85, score: 85 }], otherwise: 50 };
    expect(ruleScore('on_time_handling_rate', 0.96, rule)).toBe(100);
    expect(ruleScore('on_time_handling_rate', 0.85, rule)).toBe(85);
    expect(ruleScore('on_time_handling_rate', 0.5, rule)).toBe(50);
  });
});

describe('the composite score', () => {
  const part: SchemePart = {
    indicators: [
      { indicator: 'on_time_handling_rate', weight: 60, rule: { type: 'target', target: 0.95, pointsPerPoint: 2 } },
      { indicator: 'satisfaction_rate', weight: 40, rule: { type: 'linear', worst: 0, best: 1 } },
    ],
    adjustments: [{ source: 'rework', pointsEach: -0.2, cap: 1 }],
  };
  const bands = DEFAULT_SCHEME.bands;

  it('weighs indicator scores and applies capped penalties', () => {
    // 9/10 on time → 90 points; satisfaction 3/4 → 75 points; (90×60 + 75×40)/100 = 84; 7 reworks × −0.2 = −1.4, capped at −1.
    const r = composite(part, bands, { on_time_handling_rate: { numerator: 9, denominator: 10 }, satisfaction_rate: { numerator: 3, denominator: 4 } }, { rework: 7 });
    expect(r.score).toBe(83);
    expect(r.grade).toBe('B');
    expect(r.adjustments).toEqual([{ source: 'rework', count: 7, points: -1 }]);
  });

  it('shows an indicator with nothing due as "—" and leaves it out, not as 0% or 100%', () => {
    const r = composite(part, bands, { on_time_handling_rate: { numerator: 0, denominator: 0 }, satisfaction_rate: { numerator: 1, denominator: 1 } }, {});
    expect(r.indicators[0]).toMatchObject({ value: null, score: null });
    expect(r.score).toBe(100);
    const nothing = composite(part, bands, {}, {});
    expect(nothing).toMatchObject({ score: null, grade: null });
  });
});

describe('scheme validation', () => {
  it('accepts the shipped scheme', () => {
    expect(validateScheme(DEFAULT_SCHEME)).toEqual([]);
  });

  it('names weights that do not add up, overlapping bands and misplaced indicators, in Chinese', () => {
    const broken: SchemeDefinition = structuredClone(DEFAULT_SCHEME);
    broken.parts.department.indicators[0]!.weight = 20;
    broken.parts.grid_worker.indicators.push({ indicator: 'extension_rate', weight: 0, rule: { type: 'linear', worst: 1, best: 0 } });
    broken.bands = [{ grade: 'A', min: 90 }, { grade: 'B', min: 95 }];
    const errors = validateScheme(broken);
    expect(errors).toContain('职能部门：指标权重合计应为 100，现为 105');
    expect(errors).toContain('网格员：指标「延期率」不适用于该考核对象');
    expect(errors).toContain('等级 A 与 B 的分数段重叠或顺序颠倒');
  });
});

describe('periods', () => {
  it('cover months, quarters, years and custom ranges in China time, and know the one before', () => {
    expect(periodOf({ kind: 'month', year: 2026, month: 12 })).toMatchObject({ fromDay: '2026-12-01', toDay: '2027-01-01', label: '2026年12月' });
    expect(periodOf({ kind: 'quarter', year: 2026, quarter: 1 })).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-04-01' });
    expect(periodOf({ kind: 'custom', from: '2026-02-10', to: '2026-02-28' })).toMatchObject({ toDay: '2026-03-01' });
    expect(previousPeriod({ kind: 'month', year: 2026, month: 1 })).toEqual({ kind: 'month', year: 2025, month: 12 });
    expect(previousPeriod({ kind: 'custom', from: '2026-03-11', to: '2026-03-20' })).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' });
  });
});
