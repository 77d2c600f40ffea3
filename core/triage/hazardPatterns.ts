/**
 * Hazards described by how people build the sentence rather than by one fixed phrase: a thing
 * that broke and now hangs (断了一半挂在上面, 歪下来吊起), someone holding any kind of weapon
 * (拿起酒瓶, 拿着扳手), a person shut in somewhere who cannot get out (卡在两层中间不动),
 * somebody who does not answer when called (喊他不答应, 叫不醒), water running into rooms
 * (往屋里冒, 漫到客厅). Each family pairs a small set of verbs with the objects or directions
 * that make them dangerous, so the many ways of saying the same thing match without listing each.
 *
 * A clause never spans punctuation ([^，。…] keeps both halves in one clause), which keeps a
 * pair from joining words of two unrelated sentences.
 */
import type { HazardRisk, HazardRole } from '../api/types';

/** Up to n characters within one clause. */
const gap = (n: number): string => `[^，。,.;；!！?？\\s]{0,${n}}`;

interface Family<K extends string> {
  kind: K;
  pattern: RegExp;
  /** Only half the evidence on its own (as WEAK_HAZARD_WORDS). */
  weak?: boolean;
}

const family = <K extends string>(kind: K, source: string, weak = false): Family<K> => ({ kind, pattern: new RegExp(source, 'g'), weak });

export const RISK_FAMILIES: readonly Family<HazardRisk>[] = [
  // Broken, bent or loose, and now hanging, swinging or leaning over something.
  family('fall', `(断|裂|松|歪|弯|脱)[了开掉下来半截一]*${gap(6)}(挂|吊|悬|晃|甩|耷|垂|倾|斜|戳|靠)`),
  // Lifted or torn loose by the wind, hanging over a place, leaning against something.
  family('fall', '(掀|刮|吹)(开|起|翻|倒|落|飞|跑)|脱离|翻动|悬(于|在)|倒向'),
  family('fall', '(锈|折|压|拉|扯|撞|刮)断|掉落|坠下|裂了|裂开|裂成|吊装|吊运', true),
  family('fall', '连根(拔|翘)起|斜靠|(跨|翻|爬|探)出(去|来)?'),
  family('fall', `(往|朝|向)${gap(4)}(塌|掉|落|倒|压|倾|斜|砸|垮|歪)`),
  family('fall', `(要|会|快|就)(落|掉|砸|倒|塌|垮)(到|在|下|了)`),
  family('fall', `(头顶|头上)${gap(4)}(甩|晃|吊|悬|掉|过)`),
  family('fall', '(晃来晃去|摇来摇去|晃晃的|一推就晃|一碰就[掉晃倒])'),
  family('fall', '(断了|断掉|断成)', true),
  family('fall', `压(在|到|着)${gap(6)}(车|房|屋|棚|人)`),
  family('fall', `(掉|落|砸|倒)(到|在|进)${gap(4)}(下面|楼下|地上|路上|院子|院里|人行道|街上|头上|路中)`),
  family('collapse', `(墙|楼|房子|棚|架子|脚手架|围墙|屋顶|天花板)${gap(2)}(倒了|塌了|垮了|塌下来|垮下来)`),
  // Shut in: a lift, a car, a room, and not coming out.
  family('harm', `(卡|停|困|关|锁)(在|住|着|了)${gap(8)}(不动|出不来|打不开)`),
  family('harm', '(里面|里头|车里|屋里|屋头|梯里|轿厢里|轿厢内)(还)?(关|锁|困|有)(了|着)?(个|一个|一位|一名|位|名)'),
  family('harm', `(电梯|轿厢|扶梯)${gap(8)}(停住|卡住|不动了|停在半)`, true),
  // Called and not answering; a thud heard behind a door.
  family('missing', `(喊|叫|敲|拍)${gap(4)}(不醒|不应|不答应|不回应|没反应|没动静)`),
  family('missing', '(咚|砰|嘭|哐)的一声', true),
  // Fire seen from outside: smoke pouring from a window, a room glowing.
  family('fire', `(窗|门|屋|楼道|走廊|车头|引擎盖|底下)${gap(4)}(冒|喷|窜)(烟|火)`),
  family('fire', `烟从${gap(4)}(冒|喷|窜|出|往)`),
  family('fire', `(走廊|楼道|屋里|屋头|房间)${gap(2)}(全是|都是)烟`),
  family('fire', '(红彤彤|通红|火红)'),
  family('fire', '引燃|蔓延|燃烧|自燃|火线|烧到|烧着|烧过来'),
  // Escape routes shut where people are.
  family('fire', `(安全出口|疏散|逃生|唯一的出口|出口)${gap(6)}(锁|堵|封)`),
  family('electric', '(麻|电)了一下|被麻|(冒|闪|打|起)(火星|火花)|在闪火|爆了一下'),
  // A cover gone, broken or sunk: a hole where people and wheels go.
  family('opening', `(盖子|盖板|井盖|篦子)${gap(6)}(偷|丢|没了|不见|碎|陷|翻|移开|掀)`),
  family('opening', '(黑洞洞|黑窟窿)'),
  // Something lying in, or thrown up from, the carriageway; signals dark; traffic in chaos.
  family('obstacle', `(横|倒|堆|压|掉|落|散|撒|躺|放|卷|伸|挡)(躺)?(在|到|过|进|住)${gap(6)}(车道|马路|路上|路口|路中|主路|公路|快车道|路面)`),
  family('obstacle', '同时(亮)?绿灯|都是绿灯|全是绿灯'),
  family('obstacle', `(红绿灯|信号灯)${gap(4)}(全|都)?(黑了|灭了|不亮)`),
  family('obstacle', '(乱成|都在抢|急打方向|猛打方向|都在绕|急刹)', true),
  // People already hurt, or crying out.
  family('harm', '(撞|摔|滑|跌|栽)(上去|倒|伤|下来|在|进去)|相撞|撞车|撞上|撞到人'),
  // Sharp things where people, mostly children, go.
  family('harm', '碎玻璃|针头|针管|刀片', true),
  family('harm', '(惨叫|哭喊|大叫|呼救|尖叫)'),
  family('harm', '被(带|夹|卷|咬|烫)', true),
  // Any weapon in hand, any attack on a person or a door.
  family('violence', `(拿|举|抄|提|握|持|抡)(着|起|了)?${gap(4)}(刀|棍|棒|钢管|铁管|扳手|锤|瓶|砖|斧|钎|铲|剪刀)`),
  family('violence', `(踹|砸|撬|捅|踢|剪|割)${gap(6)}(门|锁|窗)`),
  family('violence', '(推|打|抓|扯|掐|踢|追)(我|他|她|人)|抓扯|追打|推来推去|推推搡搡|发疯|发狂'),
  family('violence', '(冲(下来|过来|上来|进来)|(躲|藏)(在|着))', true),
  // Held against their will.
  family('violence', '不让(离开|出门|走|出来|出去)|关在家里|扣(住|押)'),
  family('violence', `(跟着|趁着)${gap(6)}(进去|进来|进了)`),
  // Money leaving now.
  family('fraud', `(转|打|汇)(了|过去)?${gap(6)}(钱|块|万)`),
  family('fraud', '(存折|继续转|还要转|让我转)'),
  // Water running into homes and shops.
  family('flood', `(往|朝|流进|灌进)${gap(6)}(屋|家|店|铺|门面|地下|车库|客厅|房间)(里|内|头)?(冒|流|灌|涌|漫|进)`),
  family('flood', '(漫到|淹到|冒到|灌到|进屋|进了屋)'),
  // Shut in by whatever it is: cannot get out or down.
  family('harm', '出不来|下不来|出不去', true),
  // No barrier, nobody watching, where people pass.
  family('opening', '(没有|未|没)(封闭|封路|封起来|人看管)', true),
  // Cold, heat, illness with no one to help.
  family('exposure', '(零下|太阳大|闷在车|高烧|没人照顾|无人照顾|无人照料|没人管)'),
];

/**
 * Single characters that carry danger in almost any word they make (塌, 砸, 坠, 淹, 爆, 血, 昏 …): a weak sign
 * each, so that a danger worded in a way no list foresaw still counts with a person exposed or a second sign.
 */
export const RISK_MORPHEMES: readonly Family<HazardRisk>[] = [
  family('collapse', '[塌垮]|裂纹', true),
  family('fall', '[砸坠]', true),
  family('flood', '淹', true),
  family('fire', '爆', true),
  family('harm', '[血昏晕烫摔跌]', true),
  family('violence', '[砍捅殴]', true),
];

export const ROLE_FAMILIES: readonly Family<HazardRole>[] = [
  family('crowd', `(下面|底下|下边|下方|旁边)(就)?(是|有)${gap(8)}(人|路|站|门|道|摊)`),
  family('crowd', '(人头|等车|人堆|客人|人特别多|人很多|好多人|很多人|进出的人|来来往往|人在走|有人在走)'),
  family('children', '(小朋友|娃娃|孩子)'),
  family('traffic', '(车还多|车很多|车多|车子|公交车|摩托车|小车)'),
];

export interface FamilyMatch<K extends string> {
  kind: K;
  word: string;
  start: number;
  end: number;
  weak: boolean;
}

export function matchFamilies<K extends string>(text: string, families: readonly Family<K>[]): FamilyMatch<K>[] {
  const found: FamilyMatch<K>[] = [];
  for (const { kind, pattern, weak } of families) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      found.push({ kind, word: match[0], start: match.index, end: match.index + match[0].length, weak: weak ?? false });
    }
  }
  return found;
}
