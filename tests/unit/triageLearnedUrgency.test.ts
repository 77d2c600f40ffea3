/**
 * The learned urgency model as a dispatcher meets it, on the shipped catalogue, lexicon, urgency
 * examples and demo history: dangers worded in ways no hazard list foresaw come out urgent, with
 * the model's own reason quoting the words that weighed; routine reports stay normal with the model
 * against them; who is telling (来电人反映, 巡查发现) does not count; and what dispatchers flag urgent
 * is learned. None of these texts is in the dev, dev2, dev3 or eval sets.
 */
import { describe, expect, it } from 'vitest';
import type { TriageSuggestion, UrgencyReason } from '../../core/api/types';
import { LearnedUrgency } from '../../core/triage/learnedUrgency';
import { trainTriageModel } from '../../electron/main/triageTraining';
import { catalogueCategories, demoHistory } from '../support/triageCatalogue';

const model = trainTriageModel(catalogueCategories, demoHistory);
const learned = (s: TriageSuggestion) => s.urgency.reasons.find((r): r is Extract<UrgencyReason, { kind: 'learned' }> => r.kind === 'learned');

describe('the learned urgency model', () => {
  it.each([
    '对面楼有个小娃娃一个人趴在窗户外面的空调架上',
    '一个老太太在路边坐了一下午，问她家在哪里她说不清楚，天快黑了',
    '工地的塔吊在风里转来转去，吊臂下面就是幼儿园操场',
  ])('carries a danger the word lists miss over the line, and says which words weighed: %s', (text) => {
    const s = model.suggest(text);
    expect(s.priority).toBe('urgent');
    const reason = learned(s)!;
    expect(reason.points).toBeGreaterThan(0);
    expect(reason.share).toBeGreaterThan(0.5);
    // Without the learned model's points the other reasons would not have reached the line.
    expect(s.urgency.score - reason.points).toBeLessThan(s.urgency.threshold);
    expect(reason.words.length).toBeGreaterThan(0);
    for (const word of reason.words) expect(text).toContain(word);
  });

  it.each([
    '想问一下社区办老年证需要带什么材料',
    '小区草坪好久没修剪了，草长得很高',
    '楼下那家人门口的鞋柜占了一半楼道，说了好几次都不搬',
    '路边的垃圾桶坏了一个盖子，麻烦换一下',
    '楼上每天晚上十点多还在拖椅子，声音很吵',
  ])('keeps a routine report normal: %s', (text) => {
    const s = model.suggest(text);
    expect(s.priority).toBe('normal');
    expect(learned(s)?.points ?? 0).toBeLessThan(s.urgency.threshold);
  });

  it('speaks against a question, and quotes what made it read as routine', () => {
    const reason = learned(model.suggest('想问一下社区办老年证需要带什么材料'))!;
    expect(reason.points).toBeLessThan(0);
    expect(reason.share).toBeLessThan(0.5);
    expect(reason.words).toEqual(expect.arrayContaining(['想问']));
  });

  it('does not weigh who is telling', () => {
    const text = '小区门口的大铁门合页断了一边，门斜着靠在墙上，放学的娃娃都从门边挤过去';
    const shares = [text, `来电人反映${text}`, `巡查发现${text}`, `居民来说${text}`].map((t) => learned(model.suggest(t))!.share);
    expect(new Set(shares).size).toBe(1);
  });

  it('learns from the cases dispatchers flagged urgent in a normal category', () => {
    const wasps = [
      '楼道窗户外面有个马蜂窝，马蜂飞进屋里了',
      '小区花园树上一个大马蜂窝，好多马蜂在飞',
      '幼儿园围墙上长了个马蜂窝，马蜂到处飞',
      '单元门口的雨棚下面有马蜂窝，马蜂很多',
      '公园凉亭顶上的马蜂窝越来越大，马蜂乱飞',
      '阳台空调架上有个马蜂窝，马蜂一直往屋里钻',
    ].map((text) => ({ text, categoryId: '1106', urgent: true }));
    const text = '菜市场门口电线杆上一个马蜂窝，马蜂在人头上飞';
    const before = learned(model.suggest(text))?.share ?? 0.5;
    const after = learned(trainTriageModel(catalogueCategories, [...demoHistory, ...wasps]).suggest(text))!;
    expect(after.share).toBeGreaterThan(before + 0.1);
    expect(after.words.some((word) => word.includes('马蜂'))).toBe(true);
  });

  it('is not built from reports of one kind only', () => {
    expect(LearnedUrgency.train([{ keys: ['w:着火'], urgent: true, weight: 1 }])).toBeNull();
    expect(model.suggest('楼道里着火了').urgency.reasons.some((r) => r.kind === 'learned')).toBe(true);
  });

  it('suggests in under 5 ms of CPU a report', () => {
    // CPU time, not wall time: the test machine is shared.
    const texts = ['对面楼有个小娃娃一个人趴在窗户外面的空调架上', '小区草坪好久没修剪了，草长得很高', '菜市场门口电线杆上一个马蜂窝'];
    for (const text of texts) model.suggest(text);
    const started = process.cpuUsage();
    for (let i = 0; i < 30; i++) for (const text of texts) model.suggest(text);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000 / 90).toBeLessThan(5);
  });
});
