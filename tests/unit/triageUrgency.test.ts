/**
 * Urgency as a dispatcher would judge it, on the shipped catalogue, lexicon and demo history:
 * plain-word descriptions of danger come out urgent with the reasons why; ordinary, settled and
 * enquiring reports stay normal; what dispatchers marked urgent or corrected is learned.
 */
import { describe, expect, it } from 'vitest';
import type { TriageSuggestion, UrgencyReason } from '../../core/api/types';
import { trainTriageModel } from '../../electron/main/triageTraining';
import { catalogueCategories, demoHistory } from '../support/triageCatalogue';

const model = trainTriageModel(catalogueCategories, demoHistory);
const reason = <K extends UrgencyReason['kind']>(s: TriageSuggestion, kind: K) =>
  s.urgency.reasons.find((r): r is Extract<UrgencyReason, { kind: K }> => r.kind === kind);

describe('urgency from plain words', () => {
  it('flags an open hole where children walk, naming who is at risk and from what', () => {
    const s = model.suggest('幼儿园门口人行道上的下水道盖子不见了，露着一个深洞，接送孩子的家长很多');
    expect(s.urgentWords).toEqual([]);
    expect(s.priority).toBe('urgent');
    const hazard = reason(s, 'hazard')!;
    expect(hazard.roles).toContain('children');
    expect(hazard.risks).toContain('opening');
    expect(hazard.points).toBeGreaterThan(0);
    expect(s.urgency.score).toBeGreaterThanOrEqual(s.urgency.threshold);
  });

  it('flags an elderly person living alone who has not been seen for days', () => {
    const s = model.suggest('独居的王大爷三天没出门了，敲门没人应');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')).toMatchObject({ roles: expect.arrayContaining(['elderly']), risks: expect.arrayContaining(['missing']) });
  });

  it('adds how soon it will happen as its own reason', () => {
    const s = model.suggest('三楼阳台上的空调外机架子松了，随时会掉下来，下面是小学门口');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'soon')!.words).toContain('随时会');
    expect(reason(s, 'hazard')!.risks).toContain('fall');
  });

  it('keeps an ordinary report normal, with no hazard reason', () => {
    const s = model.suggest('小区门口的垃圾桶满了，麻烦安排人来收一下');
    expect(s.priority).toBe('normal');
    expect(reason(s, 'hazard')).toBeUndefined();
    expect(s.urgency.score).toBeLessThan(s.urgency.threshold);
  });

  it('keeps a question about a repaired collapse normal although its category is urgent by default', () => {
    const s = model.suggest('上个月路面塌陷的地方已经修好了，想问问围挡什么时候拆');
    expect(s.priority).toBe('normal');
    expect(reason(s, 'settled')!.settled).toEqual(expect.arrayContaining(['past', 'enquiry']));
  });

  it('names the urgent-by-default category as a reason', () => {
    const s = model.suggest('楼下餐馆后厨有很重的煤气味');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'category')!.categoryId).toBe('0402');
  });

  it('does not read a negated danger as danger', () => {
    const s = model.suggest('楼道里的电线外皮有点旧了，检查过没有漏电，想问问物业什么时候换');
    expect(s.priority).toBe('normal');
  });
});

describe('learning from dispatchers', () => {
  it('learns that reports like those dispatchers marked urgent are urgent', () => {
    const text = '小区篮球场边的大树被虫蛀空了，树干有一道裂缝';
    const flagged = Array.from({ length: 8 }, (_, i) => ({ text: `${['东', '西', '南', '北'][i % 4]}区${i + 1}号楼旁大树被虫蛀空，树干裂缝`, categoryId: '0802', urgent: true }));
    const before = model.suggest(text);
    const after = trainTriageModel(catalogueCategories, [...demoHistory, ...flagged]).suggest(text);
    expect(reason(before, 'history')).toBeUndefined();
    expect(reason(after, 'history')!.share).toBeGreaterThan(0.5);
    expect(after.urgency.score).toBeGreaterThan(before.urgency.score);
  });

  it('lets a dispatcher’s category correction change a later suggestion, and weighs it more than a plain filing', () => {
    const text = '小区大门口一家水果店把货架和纸箱都摆到门外来了';
    const before = model.suggest(text).categories[0]!.categoryId;
    const other = before === '0502' ? '0505' : '0502';
    const corrections = [
      { text: '大门口水果店把货架摆到门外', categoryId: other, corrected: true },
      { text: '门口那家店的纸箱和货架都摆在外面', categoryId: other, corrected: true },
    ];
    const corrected = trainTriageModel(catalogueCategories, [...demoHistory, ...corrections]);
    const plain = trainTriageModel(catalogueCategories, [...demoHistory, ...corrections.map((c) => ({ ...c, corrected: false }))]);
    expect(corrected.suggest(text).categories[0]!.categoryId).toBe(other);
    const share = (m: typeof model) => m.suggest(text, 81).categories.find((g) => g.categoryId === other)?.confidence ?? 0;
    expect(share(corrected)).toBeGreaterThan(share(plain));
  });
});
