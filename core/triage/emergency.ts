/**
 * Emergency words: any of these in a report makes it urgent whatever its category, because a
 * dispatcher would rather ring back about a false alarm than queue a fire behind litter.
 * The list follows how callers actually describe danger, not only the official terms.
 */
import { normalizeText } from './tokenize';

export const EMERGENCY_WORDS: readonly string[] = [
  // Fire and smoke
  '火灾', '着火', '起火', '失火', '火情', '明火', '火苗', '火势', '烧起来了', '冒烟', '浓烟', '冒黑烟', '爆燃',
  // Gas
  '燃气泄漏', '煤气泄漏', '天然气泄漏', '液化气泄漏', '漏气', '闻到燃气味', '燃气味', '煤气味', '天然气味',
  '液化气味', '燃气灶没关', '煤气中毒', '一氧化碳中毒',
  // Explosions and hazardous substances
  '爆炸', '化学品泄漏', '危化品', '有毒气体', '中毒',
  // Buildings, roads, slopes
  '坍塌', '垮塌', '倒塌', '塌方', '塌陷', '地陷', '危房', '山体滑坡', '滑坡', '泥石流', '落石',
  // Electricity
  '触电', '漏电', '电线掉落', '电线断了', '电线被刮断', '冒火花', '高压线断',
  // Water
  '溺水', '落水', '掉进河', '爆管', '水管爆了', '被水冲走',
  // People in danger
  '被困', '困人', '困了', '困在', '受伤', '流血', '昏迷', '晕倒', '倒地不起', '没有呼吸', '跳楼', '轻生', '自杀', '割腕',
  '持刀', '砍人', '斗殴',
];

/*
 * "目前无人受伤" and "未发现明火" are typical reassurance in reports: a negation right before the
 * word means the danger is absent. Longer negations first, so 没有 wins over 没.
 */
const NEGATIONS = ['没有人', '没有', '无人', '没人', '并未', '未', '没', '无'];

// Longest first, so 闻到燃气味 is reported rather than 燃气味 inside it.
const BY_LENGTH = [...EMERGENCY_WORDS].sort((a, b) => b.length - a.length);

function isNegated(text: string, start: number): boolean {
  return NEGATIONS.some((negation) => text.endsWith(negation, start));
}

/** 存在火灾隐患, 有触电隐患: a hazard to remove in normal time, not an emergency under way. */
function isHazardOnly(text: string, end: number): boolean {
  return text.startsWith('隐患', end);
}

export interface EmergencyMention {
  word: string;
  start: number;
  end: number;
  /** False for "无人受伤", "存在火灾隐患": the word is there but the danger is not. */
  live: boolean;
}

/** Every emergency word in the normalised text, longest match first, without overlaps. */
export function emergencyMentions(normalized: string): EmergencyMention[] {
  const mentions: EmergencyMention[] = [];
  let i = 0;
  while (i < normalized.length) {
    const word = BY_LENGTH.find((candidate) => normalized.startsWith(candidate, i));
    if (!word) {
      i += 1;
      continue;
    }
    const end = i + word.length;
    mentions.push({ word, start: i, end, live: !isNegated(normalized, i) && !isHazardOnly(normalized, end) });
    i = end;
  }
  return mentions;
}

/** Emergency words in order of appearance, without duplicates; negated or hazard-only ones left out. */
export function findEmergencyWords(text: string): string[] {
  const found: string[] = [];
  for (const mention of emergencyMentions(normalizeText(text))) {
    if (mention.live && !found.includes(mention.word)) found.push(mention.word);
  }
  return found;
}
