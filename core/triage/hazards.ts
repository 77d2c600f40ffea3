/**
 * What a report says about danger, read as who is at risk, from what, and how soon, rather than
 * as a list of alarm words. A dispatcher flags a report urgent when something harmful is about to
 * happen (a sign hanging loose, a live wire on the pavement, water still rising) to someone who
 * cannot avoid it (children, an elderly person living alone, traffic on the road, a crowd), or
 * when harm is already being done (someone bleeding, trapped, beaten, transferring money now).
 *
 * The lists are general vocabulary of roles, states and time, grouped by kind; they are matched
 * as substrings of the normalised text. A state right after a negation (没有漏电, 未见明火) is not
 * there. Words that settle a report (already put out, last year, asking when it will be fixed,
 * every night for months) count against urgency.
 */

import type { HazardRisk, HazardRole, SettledKind } from '../api/types';
import { matchFamilies, RISK_FAMILIES, RISK_MORPHEMES, ROLE_FAMILIES, type FamilyMatch } from './hazardPatterns';

export type { HazardRisk, HazardRole, SettledKind };

export const HAZARD_ROLES: Record<HazardRole, readonly string[]> = {
  children: [
    '孩子', '小孩', '儿童', '娃娃', '娃儿', '细娃', '小朋友', '小学生', '学生', '幼儿园', '小学', '放学', '上学', '婴儿', '宝宝',
    '小女孩', '小男孩', '女孩', '男孩', '未成年', '孙子', '孙女', '游乐', '滑梯', '秋千',
    '幼儿', '学龄', '小娃', '少年', '中学生', '托儿所', '一年级'],
  elderly: [
    '老人', '老年人', '老大爷', '老太太', '老奶奶', '老爷爷', '老太婆', '老头', '大爷', '婆婆', '奶奶', '爷爷', '老伴', '高龄',
    '独居', '空巢', '孤寡', '老两口', '太婆', '嬢嬢', '孃孃',
    '老爷子', '老太', '老年', '退休老', '八旬', '九旬', '七旬', '老同志'],
  frail: [
    '瘫痪', '卧床', '行动不便', '残疾', '轮椅', '病人', '患者', '孕妇', '精神病', '精神障碍', '精神异常', '痴呆',
    '阿尔茨海默', '智力障碍', '智障', '呼吸机', '制氧机', '透析', '心脏病', '不能动',
    '病重', '重病', '卧病', '半身不遂', '失智', '盲人', '聋哑', '哮喘', '糖尿病', '高血压', '心梗', '中风', '发病'],
  crowd: [
    '行人', '路人', '过路', '很多人', '人很多', '人多', '人来人往', '游客', '顾客', '群众', '居民', '住户', '人群', '围观',
    '上下班', '通行区域', '下面有人', '下面就是', '下方', '过往', '排队', '聚集', '好多人', '一群人', '市民', '人行道', '步道',
    '广场', '学校门口', '校门', '商场', '超市', '菜市场', '医院', '地铁', '人流', '围观的人', '排着队'],
  traffic: [
    '车道', '车辆', '车子', '汽车', '过往车辆', '摩托车', '电瓶车', '公交', '路口', '主干道', '干道', '快速路', '隧道', '立交',
    '高架', '桥上', '下坡', '弯道', '辅道', '马路', '高峰', '来往车', '车流', '大货车', '货车', '追尾', '急刹',
    '机动车', '非机动车', '骑车', '骑车的', '行车', '司机', '开车', '车速', '车流量', '车来车往', '国道', '省道', '匝道', '高速', '大桥', '涵洞', '下穿'],
  property: [
    '门面', '商铺', '店里', '店铺', '货物', '车库', '储藏室', '储藏间', '配电房', '屋里', '家里', '车棚', '车顶', '屋顶', '仓库',
    '地下室', '商店', '铺面', '车上', '房顶', '家具', '电器', '门市'],
};

export const HAZARD_RISKS: Record<HazardRisk, readonly string[]> = {
  fall: [
    '悬空', '悬挂', '悬着', '吊着', '挂在半空', '松动', '松脱', '松了', '摇晃', '晃动', '在晃', '直晃', '摇摇欲坠', '要掉',
    '快掉', '会掉', '掉下来', '往下掉', '坠落', '脱落', '歪倒', '倾斜', '要倒', '快倒', '歪了', '折断', '断裂', '砸到', '砸伤',
    '砸下来', '砸在', '砸中', '高空', '窗台', '阳台栏杆', '护栏外', '翻出', '爬上',
    '垂在', '斜垂', '劈断', '被劈', '挂在树上', '挂在半空中', '往楼下扔', '往下砸',
    '高空坠物', '晃晃悠悠', '晃悠', '晃荡', '随时会掉', '随时可能', '要垮', '掉了一半', '耷拉', '松垮', '风一吹就', '一碰就', '快脱落', '外墙瓷砖', '瓷砖掉', '掉瓷砖', '掉渣', '掉水泥块', '掉石块', '楼顶边', '天台边', '翻过栏杆', '站在窗', '坐在窗', '爬到窗', '站在阳台', '踩空'],
  electric: [
    '漏电', '带电', '连着电', '通着电', '有电', '电线落地', '电线掉', '电线断', '电线垂', '裸露', '外露', '露出来', '火花', '打火',
    '放电', '触电', '电到', '麻手', '电缆', '高压线', '泡在水里',
    '电线拖地', '电线耷拉', '电杆倒', '电线杆倒', '火花四溅', '滋滋', '冒火', '电箱门开着', '电表箱开着', '被电', '电死', '电线泡'],
  fire: [
    '冒烟', '烟雾', '浓烟', '黑烟', '青烟', '白烟', '焦糊', '烧焦', '焦味', '着火', '起火', '火星', '火苗', '明火', '火光', '烧起来',
    '燃起来', '点着', '点燃', '爆燃', '爆炸', '失火', '火势', '窜',
    '烟味', '焦臭', '烧焦味', '着了', '火很大', '爆炸声', '炸了', '烧得', '火烧', '往外冒烟'],
  gas: ['燃气味', '煤气味', '天然气味', '液化气味', '臭鸡蛋味', '漏气', '逸出', '泄漏', '燃气臭', '煤气臭', '气味越来越',
    '味道很冲', '嘶嘶', '燃气管破', '燃气管断', '煤气罐漏', '液化气罐漏'],
  collapse: [
    '塌陷', '塌了', '坍塌', '垮塌', '垮了', '塌方', '下沉', '陷下去', '陷了', '空洞', '鼓胀', '鼓包', '裂缝在', '裂缝越来越', '贯通裂缝',
    '往下滑', '滑坡', '滚落', '落石', '往下滚', '承重', '柱子', '钢筋', '开裂', '变形',
    '墙体开裂', '墙裂', '楼板开裂', '房子歪', '危房', '房梁', '塌下来', '要塌', '垮下来', '塌下去', '裂开了', '地基'],
  flood: [
    '没过', '齐膝', '齐腰', '淹到', '淹了', '被淹', '水深', '半米', '进水', '倒灌', '漫进', '灌进', '还在涨', '在涨', '涨水', '冲走',
    '水淹', '泡了', '泡起', '全是水', '一屋子水', '流进',
    '水往屋里', '水灌', '淹进', '积水很深', '水很深', '过膝', '到腰', '熄火', '泡水', '被水围', '水漫', '涨到', '漫过', '地下室进水', '车库被淹'],
  opening: [
    '没有井盖', '没井盖', '井盖缺失', '井盖丢', '井盖没了', '井盖不见', '井盖被偷', '深坑', '大坑', '大洞', '洞口', '敞着', '敞开',
    '敞口', '掉进去', '掉下去', '掉进', '没有警示', '没有围挡', '无任何警示', '没有任何警示', '看不见', '看不清', '天黑', '晚上看不',
    '窟窿', '没有盖子', '盖板没了', '盖板缺', '陷进', '没围挡', '没有防护', '无防护', '没有护栏', '没拦', '没有提示', '深洞', '盖子不见', '盖子没了', '盖子丢'],
  obstacle: [
    '横在', '挡在车道', '立在车道', '散落在车道', '盖在', '占据', '堵塞车道', '车道中间', '路中间', '车道内', '翻起',
    '倒在路', '倒在马路', '挡住路', '熄灭', '不亮了',
    '挡道', '撒在路上', '一地钉子', '钉子', '玻璃碴', '掉在路上', '落在路上', '倒在路上', '挡住车道', '信号灯不亮', '红绿灯不亮', '红绿灯坏', '信号灯坏', '红绿灯都不亮', '灯全灭', '指挥交通', '乱成一团', '逆行'],
  slip: ['打滑', '路滑', '滑得', '结冰', '溜冰',
    '漏油', '油污', '一路油', '结了冰', '地上全是油'],
  violence: [
    '打起来', '扭打', '斗殴', '拿刀', '持刀', '动刀', '砍人', '踹门', '撬门', '推搡', '摔东西', '砸东西', '乱砸', '抢了',
    '抢劫', '高空抛物', '扔东西', '打人', '打老婆', '殴打', '扬言', '威胁', '报复', '跳楼', '爬楼', '堵住大门', '堵门', '围堵', '冲突', '情绪激动',
    '闹事', '动手', '撬锁', '棍子',
    '撬开', '在撬', '往下扔', '扔下来', '打架', '在偷', '偷东西',
    '撬', '盗窃', '吵架', '抢东西', '砸门', '踢门',
    '互殴', '群殴', '持械', '拿着刀', '菜刀', '砍', '冲进', '闯进', '砸店', '砸车', '翻窗', '入室', '尾随', '跟踪', '骚扰', '耍酒疯', '发酒疯', '放火', '掐', '勒', '拳打脚踢', '打得', '挨打', '被打', '虐待', '身上有伤', '堵路', '堵住路', '围住', '拦车'],
  harm: [
    '流血', '出血', '受伤', '摔倒', '晕倒', '昏迷', '倒在地上', '躺在地上', '起不来', '一动不动', '没反应', '没有反应',
    '喘不过气', '哭喊', '喊救命', '救命', '呕吐', '抽搐', '住院', '被困', '困在', '关在里面', '追尾', '急刹', '差点',
    '险些', '飞出去', '割伤', '中毒', '下坠',
    '伤口', '划伤', '划破', '磕伤', '摔伤', '口子', '头晕',
    '送医', '救护车', '120', '上吐下泻', '腹泻', '多人', '集体', '昏倒', '晕过去', '呼吸困难', '大出血', '骨折', '烫伤', '烧伤', '咬伤', '摔下来', '摔下去', '掉下去', '夹住', '夹人', '溜梯', '冲顶', '急停', '困在电梯', '关在电梯'],
  missing: [
    '好几天没出门', '几天没出门', '几天没见', '好几天没见', '没出门', '敲门没人', '敲门无人', '没人应', '无人应答', '没人答应',
    '联系不上', '走丢', '走失', '迷路', '说不清', '找不到家',
    '没有大人', '没看到大人', '无人看管', '没人看管', '独自一人', '一个人在家', '喊不应',
    '没开门', '电话没人接', '电话打不通', '窗帘一直拉着', '反锁', '锁在家里', '锁在屋里', '关在屋里', '一个人在屋', '独自在家', '没人照看', '没人管的孩子', '找不到人', '失踪', '不见了'],
  fraud: ['转账', '汇款', '安全账户', '验证码', '正在通话', '还在催', '在打电话', '去银行', '取钱',
    '骗', '冒充', '解冻', '保证金', '刷单', '投资', '理财', '汇钱', '打钱', '银行卡'],
  distress: [],
  exposure: ['湿透', '冻得', '冻僵', '寒冷', '发烧', '没吃东西', '饿了一天', '没穿衣服',
    '冻坏', '受冻', '衣服单薄', '露宿', '躺在路边', '没饭吃', '饿着', '中暑', '暴晒', '高温', '停电', '断电'],
};

/**
 * Risks that no single word names but two together do: a wire lying in water, sparks near dry
 * grass, gas where people cook. Either word alone is everyday.
 */
export const COMBINED_RISKS: readonly { kind: HazardRisk; first: readonly string[]; second: readonly string[] }[] = [
  { kind: 'electric', first: ['电线', '插线板', '插座', '充电', '电箱', '配电', '电缆', '电器', '电闸'], second: ['积水', '水里', '泡在', '淹', '进水', '漏水', '雨水', '湿'] },
  { kind: 'fire', first: ['火星', '烟头', '火堆', '烧'], second: ['干草', '草堆', '枯草', '易燃', '油桶', '纸箱', '木材', '山林', '树林'] },
  { kind: 'fire', first: ['抽烟', '烟头', '明火', '电炉', '打火机', '电焊', '烧东西', '在烧', '烧火'], second: ['油漆', '喷漆', '稀料', '汽油', '柴油', '酒精', '香蕉水', '液化气', '煤气罐'] },
];

/**
 * Risk words that are only half the evidence: a sign 歪了 or a tile 松动 is usually a repair for
 * normal time; it becomes urgent with someone exposed and something about to happen.
 */
export const WEAK_HAZARD_WORDS: ReadonlySet<string> = new Set([
  '歪了', '倾斜', '松动', '松了', '松脱', '脱落', '开裂', '断裂', '折断', '外露', '裸露', '露出来', '看不清', '看不见', '天黑',
  '晚上看不', '占据', '路中间', '熄灭', '不亮了', '进水', '泡了', '泡起', '全是水', '流进', '钢筋', '柱子', '承重', '变形', '窗台',
  '爬上', '电缆', '高压线', '有电', '路滑', '转账', '汇款', '去银行', '取钱', '在打电话', '情绪激动', '聚集', '威胁', '冲突', '堵门',
  '围堵', '悬挂', '无人看管', '差点', '险些', '急刹', '打架', '偷东西', '在偷', '说不清', '迷路', '没出门', '头晕', '发烧', '寒冷', '盖在', '翻起',
  '窜', '点着', '下沉', '空洞', '鼓包', '闹事', '动手', '口子', '撬', '盗窃', '吵架', '挂在树上', '耷拉', '晃悠', '一碰就',
  '掉渣', '钉子', '玻璃碴', '漏油', '油污', '一路油', '地上全是油', '逆行', '乱成一团', '骗', '冒充', '刷单', '投资', '理财', '银行卡',
  '多人', '集体', '腹泻', '停电', '断电', '高温', '暴晒', '露宿', '躺在路边', '不见了', '找不到人', '跟踪', '骚扰', '堵路', '围住', '拦车',
  '砍', '掐', '勒', '熄火', '泡水', '没有提示', '没拦', '裂开了', '地基', '房梁', '烟味',
]);

/** How exposed each kind of person is: those who cannot get out of the way count fully. */
export const ROLE_EXPOSURE: Readonly<Record<HazardRole, number>> = {
  children: 1,
  elderly: 1,
  frail: 1,
  crowd: 0.6,
  traffic: 0.6,
  property: 0.4,
};

export const IMMEDIACY_WORDS: readonly string[] = [
  '马上', '快要', '就要', '随时', '正在', '还在', '仍在', '仍有', '越来越', '不断', '刚才', '刚刚', '现在', '目前', '此刻', '在现场', '立即',
  '立刻', '赶紧', '赶快', '快点', '不停', '已经有', '眼看', '当场', '随时会', '再不', '今天', '今早', '凌晨', '突然', '一下子',
  '此时', '速来', '快来', '今晚', '这会儿', '眼下', '还没走', '还没停', '没停',
];

export const SETTLED_WORDS: Record<SettledKind, readonly string[]> = {
  past: [
    '已扑灭', '扑灭了', '已经灭了', '灭了', '踩灭', '已经处理', '处理好了', '修好了', '已修复', '已经修', '没事了', '已经退了', '水退了',
    '退了', '已恢复', '恢复了', '去年', '上个月', '上周', '前年', '以前', '之前', '曾经', '已经没有', '消失了', '散了', '检查过了',
    '查过了', '没有问题', '没什么问题', '已经走了', '已离开', '已围起来', '围起来了', '已经拦', '过去了', '前段时间', '上次',
    // Only for the clause they are in (urgency.ts): 昨晚大风，树压在车上，还在往下压 is urgent.
    '昨晚', '昨天', '前天', '前两天', '前几天', '后来', '当时', '已制止', '已排完', '排完了', '已下架', '已劝离', '盖上了', '弄开了',
    '闻不到', '已经好了', '好了', '已和好', '已发放', '已离场',
  ],
  // Slight, or put on the routine path (限期整改, 列入养护计划): not a matter of hours.
  minor: ['流量小', '少量', '小范围', '轻微', '有点', '数据稳定', '无新增', '不影响', '无积水', '没有积水', '一点点',
    '限期整改', '责令整改', '要求整改', '列入计划', '养护计划', '维修计划', '纳入计划'],
  enquiry: [
    '咨询', '想问', '请问', '问一下', '问下', '问问', '能不能', '可不可以', '需不需要', '要不要', '什么时候', '何时', '啥时候',
    '怎么办理', '如何办理', '申请', '材料', '建议', '希望',
  ],
  chronic: ['经常', '每天', '每晚', '天天', '长期', '好几个月', '几个月了', '半年了', '一年多', '老是', '总是', '反复', '一直', '好久', '多年'],
};

/**
 * Phrases that contain a risk word without meaning it: 呕吐物 (on the pavement) is litter, 放电 in
 * 停放电动车 is a verb and a noun. They are read first and hide what they contain.
 */
const NOT_A_HAZARD: readonly string[] = ['呕吐物', '放电动车', '放电瓶车', '堆放电', '存放电', '摆放电', '放电缆', '120米', '120平', '120元'];
/** 一直在哭, 一直有人: going on right now, not a long-standing nuisance. */
const NOT_SETTLED: readonly string[] = ['一直在', '一直有', '一直是', '还一直'];

/** Negations that deny the word right after them: 没有漏电, 未见明火, 无人受伤. */
const NEGATIONS = ['没有人', '没有', '无人', '没人', '并未', '未见', '不会', '未', '没', '无', '不'];

export interface HazardMention<K extends string> {
  kind: K;
  word: string;
  start: number;
  end: number;
  /** Half the evidence on its own (a weak word, or a weak sentence pattern). */
  weak?: boolean;
  /** In a clause of worry or possibility: half the evidence, and never bears out another sign. */
  feared?: boolean;
}

interface Entry<K extends string> {
  kind: K;
  word: string;
}

/** Longest words first, so 随时会 wins over 随时 and a mention is reported once. */
function entries<K extends string>(groups: Record<K, readonly string[]>): Entry<K>[] {
  const list: Entry<K>[] = [];
  for (const kind of Object.keys(groups) as K[]) for (const word of groups[kind]) list.push({ kind, word });
  return list.sort((a, b) => b.word.length - a.word.length);
}

const ROLE_ENTRIES = entries(HAZARD_ROLES);
const RISK_ENTRIES = entries(HAZARD_RISKS);
const SETTLED_ENTRIES = entries(SETTLED_WORDS);
const SOON_ENTRIES = entries({ soon: IMMEDIACY_WORDS });

function isNegated(text: string, start: number): boolean {
  return NEGATIONS.some((negation) => text.endsWith(negation, start));
}

/** Non-overlapping matches, longest first; `live` drops the negated ones. */
function findAll<K extends string>(text: string, list: readonly Entry<K>[], live: boolean, hidden = NOT_A_HAZARD): HazardMention<K>[] {
  const taken = new Uint8Array(text.length);
  for (const phrase of hidden) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) taken.fill(1, at, at + phrase.length);
  }
  const found: HazardMention<K>[] = [];
  for (const { kind, word } of list) {
    let at = text.indexOf(word);
    while (at >= 0) {
      const end = at + word.length;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (free && !(live && isNegated(text, at))) {
        taken.fill(1, at, end);
        found.push({ kind, word, start: at, end });
      }
      at = text.indexOf(word, at + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 86岁, 八十多岁, 两岁多: the number before 岁, or null. */
function ageBefore(text: string, index: number): number | null {
  const digits = /(\d{1,3})$/.exec(text.slice(Math.max(0, index - 3), index));
  if (digits) return Number(digits[1]);
  const chinese = /([一二两三四五六七八九十]{1,3})多?$/.exec(text.slice(Math.max(0, index - 4), index));
  if (!chinese) return null;
  const chars = [...chinese[1]!];
  if (chars.length === 1) return CHINESE_DIGITS[chars[0]!]!;
  if (chars[0] === '十') return 10 + (CHINESE_DIGITS[chars[1]!] ?? 0);
  return CHINESE_DIGITS[chars[0]!]! * 10 + (chars[2] ? (CHINESE_DIGITS[chars[2]] ?? 0) : 0);
}

/** An age in the text makes a child (under 13) or an elderly person (70 and over). */
function agedRoles(text: string): HazardMention<HazardRole>[] {
  const roles: HazardMention<HazardRole>[] = [];
  for (let at = text.indexOf('岁'); at >= 0; at = text.indexOf('岁', at + 1)) {
    const age = ageBefore(text, at);
    if (age === null) continue;
    if (age < 13) roles.push({ kind: 'children', word: text.slice(Math.max(0, at - 2), at + 1), start: at, end: at + 1 });
    if (age >= 70) roles.push({ kind: 'elderly', word: text.slice(Math.max(0, at - 2), at + 1), start: at, end: at + 1 });
  }
  return roles;
}

function firstOf(text: string, words: readonly string[]): { word: string; start: number } | null {
  let found: { word: string; start: number } | null = null;
  for (const word of words) {
    const start = text.indexOf(word);
    if (start >= 0 && (!found || start < found.start)) found = { word, start };
  }
  return found;
}

/** A combined risk is quoted by both its words, e.g. 电线…积水. */
function combinedRisks(text: string): HazardMention<HazardRisk>[] {
  const found: HazardMention<HazardRisk>[] = [];
  for (const { kind, first, second } of COMBINED_RISKS) {
    const a = firstOf(text, first);
    const b = firstOf(text, second);
    if (a && b) found.push({ kind, word: `${a.word}…${b.word}`, start: Math.min(a.start, b.start), end: Math.max(a.start + a.word.length, b.start + b.word.length) });
  }
  return found;
}

export interface HazardReading {
  roles: HazardMention<HazardRole>[];
  risks: HazardMention<HazardRisk>[];
  soon: HazardMention<'soon'>[];
  settled: HazardMention<SettledKind>[];
}

/** Sentence patterns (hazardPatterns.ts) add what the word lists missed: not negated, not on a word already found. */
function addPatterns<K extends string>(text: string, words: HazardMention<K>[], patterns: FamilyMatch<K>[], live: boolean): HazardMention<K>[] {
  const found = [...words];
  for (const match of patterns) {
    if (live && isNegated(text, match.start)) continue;
    if (found.some((mention) => mention.start < match.end && match.start < mention.end)) continue;
    found.push(match.weak ? match : { kind: match.kind, word: match.word, start: match.start, end: match.end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Everything the text says about danger; `normalized` comes from normalizeText. */
export function readHazards(normalized: string): HazardReading {
  const roles = [...findAll(normalized, ROLE_ENTRIES, false), ...agedRoles(normalized)];
  const risks = [...findAll(normalized, RISK_ENTRIES, true), ...combinedRisks(normalized)];
  return {
    roles: addPatterns(normalized, roles, matchFamilies(normalized, ROLE_FAMILIES), false),
    risks: addPatterns(normalized, addPatterns(normalized, risks, matchFamilies(normalized, RISK_FAMILIES), true), matchFamilies(normalized, RISK_MORPHEMES), true),
    soon: findAll(normalized, SOON_ENTRIES, true),
    settled: findAll(normalized, SETTLED_ENTRIES, false, NOT_SETTLED),
  };
}
