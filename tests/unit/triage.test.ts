import { describe, expect, it } from 'vitest';
import { TriageModel, evaluate, findEmergencyWords, tokenize } from '../../core/triage';
import type { TrainingExample, TriageCategoryInfo } from '../../core/triage';
import catalogue from '../../resources/catalogue/categories.json';
import templates from '../../resources/demo/report-templates.json';

/** A small catalogue in the shape of the real one: what a dispatcher would see in the list. */
const CATEGORIES: TriageCategoryInfo[] = [
  { id: 'garbage', name: '暴露垃圾', keywords: ['垃圾', '垃圾堆', '乱倒', '没人清运'], departmentId: 'sanitation', priority: 'normal' },
  { id: 'full-bin', name: '垃圾满溢', keywords: ['垃圾桶', '满了', '溢出'], departmentId: 'sanitation', priority: 'normal' },
  { id: 'street-stall', name: '占道经营', keywords: ['摆摊', '占道', '地摊'], departmentId: 'city-management', priority: 'normal' },
  { id: 'gas-leak', name: '燃气泄漏', keywords: ['燃气', '天然气', '煤气', '漏气'], departmentId: 'fire-brigade', priority: 'urgent' },
  { id: 'noise', name: '噪声扰民', keywords: ['噪音', '太吵', '广场舞'], departmentId: 'police', priority: 'normal' },
  { id: 'street-light', name: '路灯故障', keywords: ['路灯', '不亮'], departmentId: 'utilities', priority: 'normal' },
];

/** Hand-written history, deliberately phrased without most catalogue keywords. */
const HISTORY: TrainingExample[] = [
  { categoryId: 'garbage', text: '人行道上有人倒了一堆装修建渣，好几天了都没有清理' },
  { categoryId: 'garbage', text: '空地上扔满了生活废弃物，苍蝇乱飞，味道很大' },
  { categoryId: 'garbage', text: '河边有人倾倒废弃物和建渣，越堆越多' },
  { categoryId: 'garbage', text: '公园角落堆着烂菜叶和塑料袋，一直没有清理' },
  { categoryId: 'full-bin', text: '小区门口果皮箱塞得满满的，盖子都盖不上' },
  { categoryId: 'full-bin', text: '菜市场门口的收集桶已经装满，散落一地' },
  { categoryId: 'full-bin', text: '公交站旁的果皮箱装满了饮料瓶，周边散落很多' },
  { categoryId: 'full-bin', text: '收集桶盖子合不上，早上到现在没人来收' },
  { categoryId: 'street-stall', text: '菜市场外面有小贩推着三轮车卖菜，把人行道堵了' },
  { categoryId: 'street-stall', text: '学校门口有小贩卖烤肠和玩具，学生围在路边' },
  { categoryId: 'street-stall', text: '天桥上有人铺块布卖袜子和手机壳，行人过不去' },
  { categoryId: 'street-stall', text: '早上路边一排小贩卖菜卖水果，占了半条路' },
  { categoryId: 'gas-leak', text: '楼道里一股臭鸡蛋味，怀疑管道泄漏' },
  { categoryId: 'gas-leak', text: '餐馆后厨管道接口泄漏，能听到嘶嘶声' },
  { categoryId: 'gas-leak', text: '施工挖断了地下管道，现场气味很重' },
  { categoryId: 'noise', text: '楼下音响开到晚上十点，吵得没法休息' },
  { categoryId: 'noise', text: '隔壁酒吧半夜还在唱歌，声音很大睡不着' },
  { categoryId: 'noise', text: '商店门口大喇叭循环播放促销，从早喊到晚' },
  { categoryId: 'noise', text: '晚上有人在车里大声放音乐，吵得睡不着' },
  { categoryId: 'street-light', text: '这条路晚上黑漆漆的，好几盏灯都坏了' },
  { categoryId: 'street-light', text: '小区外面的灯杆歪了，灯罩掉了一半' },
  { categoryId: 'street-light', text: '人行道上的照明灯一闪一闪的，晚上看不清路' },
];

describe('tokenize', () => {
  it('gives Segmenter words and character 1-, 2- and 3-grams under separate prefixes', () => {
    const features = tokenize('门口有垃圾');
    expect(features).toContain('w:垃圾');
    expect(features).toContain('b:垃圾');
    expect(features).toContain('w:门口');
    expect(features).toContain('b:口有');
    expect(features).toContain('c:圾');
    expect(features).toContain('t:有垃圾');
    expect(features).not.toContain('w:有');
  });

  it('drops numbers and punctuation, and the measure word after a building number', () => {
    const features = tokenize('金港国际3栋门口，堆了12袋垃圾！');
    expect(features.some((feature) => /[0-9，！]/.test(feature))).toBe(false);
    expect(features).not.toContain('b:栋门');
    expect(features).not.toContain('t:栋门口');
    expect(features).not.toContain('c:栋');
    expect(features).not.toContain('b:袋垃');
    expect(features).toContain('b:门口');
  });

  it('keeps latin words, folded to lower case and half width', () => {
    expect(tokenize('ＫＴＶ')).toEqual(['w:ktv']);
    expect(tokenize('楼下KTV吵')).toContain('w:ktv');
    expect(tokenize('119')).toEqual([]);
  });

  it('is deterministic', () => {
    const text = '红锦路菜市场旁电线被大风刮断掉在地上，还在冒火花。';
    expect(tokenize(text)).toEqual(tokenize(text));
  });
});

describe('findEmergencyWords', () => {
  it('finds gas, fire and people in danger, in order of appearance, once each', () => {
    expect(findEmergencyWords('楼下闻到很浓的燃气味，怀疑燃气泄漏')).toEqual(['燃气味', '燃气泄漏']);
    expect(findEmergencyWords('仓库起火了，浓烟很大，刚才又起火了，有人被困')).toEqual(['起火', '浓烟', '被困']);
  });

  it('reports the longest phrase rather than a word inside it', () => {
    expect(findEmergencyWords('进门就闻到燃气味')).toEqual(['闻到燃气味']);
    expect(findEmergencyWords('后山发生山体滑坡')).toEqual(['山体滑坡']);
  });

  it('ignores denied dangers and hazards that are not happening', () => {
    expect(findEmergencyWords('车辆刮擦，目前无人受伤')).toEqual([]);
    expect(findEmergencyWords('楼道堆满纸箱，存在火灾隐患')).toEqual([]);
  });

  it('finds nothing in an ordinary report', () => {
    expect(findEmergencyWords('小区门口堆了一大堆垃圾没人清运')).toEqual([]);
  });
});

describe('TriageModel with keyword rules alone', () => {
  const model = TriageModel.train(CATEGORIES, []);

  it('recognises a garbage report from its keywords', () => {
    const suggestion = model.suggest('小区门口堆了一大堆垃圾没人清运');
    expect(suggestion.categories[0]!.categoryId).toBe('garbage');
    expect(suggestion.categories[0]!.words).toContain('垃圾');
    expect(suggestion.categories[0]!.words).toContain('没人清运');
    expect(suggestion.departmentId).toBe('sanitation');
    expect(suggestion.priority).toBe('normal');
    expect(suggestion.urgentWords).toEqual([]);
  });

  it('puts the category whose keywords matched first, and well ahead', () => {
    const [first, second] = model.suggest('东门外的路灯不亮').categories;
    expect(first!.categoryId).toBe('street-light');
    expect(first!.confidence).toBeGreaterThan(0.5);
    expect(first!.confidence).toBeGreaterThan(3 * (second?.confidence ?? 0));
  });

  it('does not count a keyword inside a longer keyword of another category', () => {
    // 垃圾 is part of 垃圾桶 here: the bin is full, nobody dumped garbage.
    const [first] = model.suggest('垃圾桶满了').categories;
    expect(first!.categoryId).toBe('full-bin');
    expect(first!.words).toEqual(['垃圾桶', '满了']);
  });

  it('suggests nothing for text without any evidence', () => {
    expect(model.suggest('你好')).toMatchObject({ categories: [], departmentId: null, priority: 'normal', urgentWords: [] });
    expect(model.suggest('').categories).toEqual([]);
  });

  it('is more confident with two keywords than with one', () => {
    const one = model.suggest('路边有垃圾').categories[0]!;
    const two = model.suggest('路边有垃圾，一直没人清运').categories[0]!;
    expect(one.categoryId).toBe('garbage');
    expect(two.confidence).toBeGreaterThan(one.confidence);
    expect(one.confidence).toBeGreaterThan(0);
    expect(two.confidence).toBeLessThanOrEqual(1);
  });
});

describe('TriageModel learned from history', () => {
  const model = TriageModel.train(CATEGORIES, HISTORY);

  it('classifies new phrasings that share no catalogue keyword', () => {
    // Keyword rules alone have nothing to go on here; the history does.
    expect(TriageModel.train(CATEGORIES, []).suggest('地铁口有小贩推车卖水果，通道都堵了').categories).toEqual([]);
    expect(model.suggest('地铁口有小贩推车卖水果，通道都堵了').categories[0]!.categoryId).toBe('street-stall');
    expect(model.suggest('酒吧晚上唱歌声音太大，楼上睡不着').categories[0]!.categoryId).toBe('noise');
    expect(model.suggest('路口的灯坏了好几天，晚上黑漆漆的').categories[0]!.categoryId).toBe('street-light');
    expect(model.suggest('绿化带里有人倾倒建渣').categories[0]!.categoryId).toBe('garbage');
  });

  it('ranks three guesses with falling confidences that sum to at most 1', () => {
    expect(model.suggest('菜市场门口的果皮箱装满了，垃圾散落一地').categories[0]!.categoryId).toBe('full-bin');
    // Garbage, a stall and noise all fit this one: three guesses.
    const { categories } = model.suggest('菜市场门口小贩摆摊，垃圾乱扔，喇叭也吵');
    expect(categories).toHaveLength(3);
    expect(categories[0]!.confidence).toBeGreaterThan(categories[1]!.confidence);
    expect(categories[1]!.confidence).toBeGreaterThanOrEqual(categories[2]!.confidence);
    const total = categories.reduce((sum, guess) => sum + guess.confidence, 0);
    expect(total).toBeLessThanOrEqual(1);
    for (const guess of categories) expect(guess.confidence).toBeGreaterThan(0);
  });

  it('explains guesses with readable words: keywords first, no feature prefixes, at most five', () => {
    const [best] = model.suggest('菜市场门口的果皮箱装满了，垃圾散落一地').categories;
    expect(best!.words[0]).toBe('满了');
    expect(best!.words).toContain('果皮箱');
    expect(best!.words.length).toBeLessThanOrEqual(5);
    for (const word of best!.words) expect(word).not.toMatch(/^[wb]:/);
  });

  it('respects the top parameter, leaving out negligible guesses', () => {
    const text = '菜市场门口小贩摆摊，垃圾乱扔，喇叭也吵';
    expect(model.suggest(text, 1).categories).toHaveLength(1);
    expect(model.suggest(text, 2).categories).toHaveLength(2);
    // Guesses below 0.1 % are not shown, even when more are asked for.
    const guesses = model.suggest('楼下广场舞太吵', 6).categories;
    expect(guesses[0]!.categoryId).toBe('noise');
    expect(guesses.length).toBeLessThan(CATEGORIES.length);
    for (const guess of guesses) expect(guess.confidence).toBeGreaterThanOrEqual(0.001);
  });

  it('makes a gas leak urgent and routes it to its department', () => {
    const suggestion = model.suggest('楼下闻到很浓的燃气味，怀疑燃气泄漏');
    expect(suggestion.categories[0]!.categoryId).toBe('gas-leak');
    expect(suggestion.departmentId).toBe('fire-brigade');
    expect(suggestion.priority).toBe('urgent');
    expect(suggestion.urgentWords).toContain('燃气泄漏');
  });

  it('keeps an ordinary garbage report normal', () => {
    const suggestion = model.suggest('人行道上有人乱倒装修垃圾，好几天没人清运');
    expect(suggestion.categories[0]!.categoryId).toBe('garbage');
    expect(suggestion.priority).toBe('normal');
    expect(suggestion.urgentWords).toEqual([]);
  });

  it('is urgent when the top category is urgent even without an emergency word', () => {
    const suggestion = model.suggest('厨房里有股煤气的味道');
    expect(suggestion.categories[0]!.categoryId).toBe('gas-leak');
    expect(suggestion.urgentWords).toEqual([]);
    expect(suggestion.priority).toBe('urgent');
  });

  it('is urgent on an emergency word even when the category is an everyday one', () => {
    const suggestion = model.suggest('路边的垃圾堆着火了');
    expect(suggestion.categories[0]!.categoryId).toBe('garbage');
    expect(suggestion.urgentWords).toEqual(['着火']);
    expect(suggestion.priority).toBe('urgent');
  });

  it('still uses keywords for categories without any history', () => {
    const partial = TriageModel.train(
      CATEGORIES,
      HISTORY.filter((example) => example.categoryId !== 'street-light'),
    );
    expect(partial.suggest('东门外的路灯不亮').categories[0]!.categoryId).toBe('street-light');
  });

  it('learns wording from each distinct description once, however often it was copied', () => {
    const copied = TriageModel.train(CATEGORIES, HISTORY.flatMap((example) => Array.from({ length: 20 }, () => example)));
    for (const text of ['地铁口有小贩推车卖水果，通道都堵了', '菜市场门口的果皮箱装满了，垃圾散落一地', '路口的灯坏了好几天']) {
      const once = model.suggest(text).categories;
      const twenty = copied.suggest(text).categories;
      expect(twenty.map((guess) => [guess.categoryId, guess.words])).toEqual(once.map((guess) => [guess.categoryId, guess.words]));
    }
  });

  it('skips examples of unknown categories', () => {
    const withStray = TriageModel.train(CATEGORIES, [...HISTORY, { categoryId: 'no-such-category', text: '路灯不亮' }]);
    expect(withStray.suggest('东门外的路灯不亮').categories[0]!.categoryId).toBe('street-light');
  });
});

describe('evaluate', () => {
  it('counts top-1 and top-3 hits over held-out reports, rounded to 3 decimals', () => {
    const model = TriageModel.train(CATEGORIES, []);
    const heldOut: TrainingExample[] = [
      { categoryId: 'garbage', text: '路边有一堆垃圾' },
      { categoryId: 'street-light', text: '路灯不亮' },
      { categoryId: 'noise', text: '你好' }, // no suggestion at all: a miss
    ];
    expect(evaluate(model, heldOut)).toEqual({ top1: 0.667, top3: 0.667, n: 3 });
    expect(evaluate(model, [])).toEqual({ top1: 0, top3: 0, n: 0 });
  });
});

describe('TriageModel on the real catalogue and demo reports', () => {
  const categories: TriageCategoryInfo[] = catalogue.map((category) => ({
    id: category.code,
    name: category.name,
    keywords: category.keywords,
    departmentId: category.departmentCode,
    priority: category.priority as 'normal' | 'urgent',
  }));
  const reports = templates as unknown as Record<string, string[]>;
  const examples: TrainingExample[] = categories.flatMap((category) =>
    (reports[category.id] ?? []).map((text) => ({ text, categoryId: category.id })),
  );

  it('files the brief’s example under 暴露垃圾 with the sanitation department', () => {
    const model = TriageModel.train(categories, examples);
    const suggestion = model.suggest('金港国际3栋门口人行道上堆放大量装修垃圾，已两天无人清运');
    expect(suggestion.categories[0]!.categoryId).toBe('0101');
    expect(suggestion.departmentId).toBe('D02');
  });

});
