/**
 * How the urgency judgement reads a report the way a dispatcher does, beyond single alarm words:
 * dangers told in everyday sentence patterns, the time of each clause (over, feared, or happening
 * now), how often people pass versus how long a problem has lasted, and signs that bear each other
 * out. Each case checks the verdict and the reason the suggestion panel shows for it.
 */
import { describe, expect, it } from 'vitest';
import type { TriageSuggestion, UrgencyReason } from '../../core/api/types';
import { trainTriageModel } from '../../electron/main/triageTraining';
import { catalogueCategories, demoHistory } from '../support/triageCatalogue';

const model = trainTriageModel(catalogueCategories, demoHistory);
const reason = <K extends UrgencyReason['kind']>(s: TriageSuggestion, kind: K) =>
  s.urgency.reasons.find((r): r is Extract<UrgencyReason, { kind: K }> => r.kind === kind);

describe('dangers told in everyday sentences', () => {
  it('flags something broken and swinging over a bus stop, as a fall risk to people', () => {
    const s = model.suggest('三楼那块铁皮雨棚断了一边，吊在半空中晃来晃去，底下就是公交站');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')).toMatchObject({ risks: expect.arrayContaining(['fall']) });
  });

  it('flags a man chasing people with any tool in hand, as violence', () => {
    const s = model.suggest('隔壁那个人喝醉了拿着一把锤子在走廊里追人');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')!.risks).toContain('violence');
  });

  it('flags an old person shut in a stuck lift, naming the person', () => {
    const s = model.suggest('电梯卡在5楼和6楼中间不动了，里面有个老人');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')).toMatchObject({ roles: expect.arrayContaining(['elderly']), risks: expect.arrayContaining(['harm']) });
  });

  it('flags a person living alone who does not answer when called', () => {
    const s = model.suggest('楼下张奶奶一个人住，叫了好久都不答应');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')!.risks).toContain('missing');
  });

  it('flags a small child alone and crying right now, as a person in trouble', () => {
    const s = model.suggest('刚才看到一个很小的孩子在小区门口哭着找妈妈');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'hazard')).toMatchObject({ roles: ['children'], risks: ['distress'] });
  });
});

describe('the time of each clause', () => {
  it('does not let last night’s storm settle a branch that is swinging now', () => {
    const s = model.suggest('昨晚大风，一根树枝断了挂在电线上，现在还在晃，下面是人行道');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'settled')).toBeUndefined();
  });

  it('keeps a smoking scooter that was dealt with normal, saying it is over', () => {
    const s = model.suggest('昨晚楼下电瓶车冒烟，物业已经处理完毕，今天想问问以后怎么防止');
    expect(s.priority).toBe('normal');
    expect(reason(s, 'settled')!.settled).toContain('past');
  });

  it('reads an ending told after the danger as the end of it, unless it starts again', () => {
    const ended = model.suggest('刚才楼下垃圾桶冒烟了，我已经用水浇灭了，跟你们说一声');
    expect(ended.priority).toBe('normal');
    expect(reason(ended, 'settled')!.settled).toContain('past');
    expect(model.suggest('刚才楼下垃圾桶冒烟了，我已经用水浇灭了，现在又开始冒烟，火苗还在往上窜').priority).toBe('urgent');
  });

  it('reads “now it is gone” as over, not as happening now', () => {
    const s = model.suggest('前两天楼道里有燃气味，现在已经没有味道了');
    expect(reason(s, 'soon')).toBeUndefined();
    expect(s.urgency.score).toBeLessThan(model.suggest('楼道里有燃气味，现在味道越来越大').urgency.score);
  });

  it('keeps a feared fire normal and does not quote 火灾 as an alarm', () => {
    const s = model.suggest('楼道里堆了很多纸箱，担心哪天有人扔烟头引起火灾');
    expect(s.priority).toBe('normal');
    expect(reason(s, 'alarm')).toBeUndefined();
  });

  it('reads how often people pass a hole as exposure, not as a long-standing problem', () => {
    const s = model.suggest('小区门口人行道塌了个坑，每天很多老人带孩子从这里过');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'settled')).toBeUndefined();
  });

  it('reads 一直在哭 as going on now', () => {
    const s = model.suggest('单元门口有个小孩一个人坐在地上一直在哭，旁边没有大人');
    expect(s.priority).toBe('urgent');
    expect(reason(s, 'settled')).toBeUndefined();
  });

  it('quotes against urgency only the words that took points away', () => {
    const s = model.suggest('昨晚大风，小区门口一棵大树倒了横在车道上，挡住了路，希望尽快处理');
    const against = reason(s, 'settled')!;
    expect(against.settled).toEqual(['enquiry']);
    expect(against.words).toEqual(['希望']);
    expect(against.points).toBeLessThan(0);
  });

  it('keeps a slight leak normal, saying it is slight', () => {
    const s = model.suggest('巡查：人行道下供水管少量渗水，无积水，已报供水公司');
    expect(s.priority).toBe('normal');
    expect(reason(s, 'settled')!.settled).toContain('minor');
  });
});

describe('signs that bear each other out', () => {
  it('keeps one weak sign by a road normal, but two different signs together urgent', () => {
    expect(model.suggest('公交站牌被撞歪了').priority).toBe('normal');
    const both = model.suggest('公交站亭的顶棚松动了，支架也倾斜了');
    expect(both.priority).toBe('urgent');
    expect(reason(both, 'hazard')!.words).toEqual(expect.arrayContaining(['松动', '倾斜']));
  });
});
