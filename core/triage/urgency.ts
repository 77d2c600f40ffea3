/**
 * Urgency as a judgement: several kinds of evidence, each a reason the dispatcher can read, added
 * into one score and compared with a threshold.
 *
 *   - the category's own priority, weighted by how likely the category is (类别默认紧急);
 *   - hazards the text describes: a risk (something about to fall, a live wire, rising water) and
 *     whether people are exposed to it (children, elderly, traffic, a crowd) — hazards.ts;
 *   - harm already being done (bleeding, trapped, a fight) counts on its own;
 *   - how soon (马上, 随时, 还在) adds to a risk, never makes one;
 *   - alarm words (着火, 燃气泄漏, 被困);
 *   - the learned urgency of similar past cases (历史相似案件多为紧急), when the office has history;
 *   - the learned urgency model (learnedUrgency.ts): how urgent reports worded like this one were,
 *     for or against, added after the discount below (it has learned the settled words itself);
 *   - against: the report is about something over, a question, or a long-standing nuisance.
 *
 * Risks and people come from word lists (hazards.ts) and sentence patterns (hazardPatterns.ts);
 * tense.ts decides, clause by clause, which of them are over, feared, or going on now.
 *
 * The weights and the threshold were tuned on the dev sets (tests/fixtures/triage-eval/dev.jsonl,
 * dev2.jsonl) for urgent recall ≥ 0.95 at the best precision, never on eval; see docs/architecture.md.
 */
import type { HazardRisk, HazardRole, SettledKind, TriageUrgency, UrgencyReason } from '../api/types';
import { readHazards, ROLE_EXPOSURE, WEAK_HAZARD_WORDS, type HazardMention } from './hazards';
import { readTense, type TimedReading } from './tense';
import { normalizeText } from './tokenize';

export interface UrgencyWeights {
  /** × probability that the report belongs to an urgent-by-default category. */
  category: number;
  /** × how far above one half the urgent share of similar past cases is, doubled (0..1). */
  history: number;
  alarm: number;
  /** × the strongest risk in the text (1, or ½ for a weak word such as 松动). */
  risk: number;
  /** × risk × how exposed the people named are (children 1 … property ½). */
  exposed: number;
  /** × the strongest harm already being done. */
  harm: number;
  /** × the strongest risk or harm, when it is happening now or about to. */
  soon: number;
  /** × the learned model's probability, from −1 (surely routine) to +1 (surely urgent). */
  learned: number;
  /** Over, a question: subtracted; chronic counts half. */
  settled: number;
  /** Over or a question, with nothing said to be happening now: the evidence for urgency is multiplied by this. */
  settledDiscount: number;
  threshold: number;
}

export const DEFAULT_URGENCY_WEIGHTS: UrgencyWeights = {
  category: 2,
  history: 1,
  learned: 3,
  alarm: 1,
  risk: 1,
  exposed: 1,
  harm: 1,
  soon: 1,
  settled: 1,
  settledDiscount: 0.3,
  threshold: 0.55,
};

export interface UrgencyEvidence {
  normalized: string;
  /** Summed probability of the urgent-by-default categories, and the likeliest of them. */
  urgentCategoryShare: number;
  urgentCategoryId: string | null;
  /** Urgent share of similar past cases, 0..1; null when the office has no urgency history. */
  historyShare: number | null;
  alarmWords: readonly string[];
  /** The learned urgency model's probability and the words that weighed most; null without a model. */
  learned: { probability: number; words: string[] } | null;
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
const words = (mentions: readonly HazardMention<string>[]): string[] => distinct(mentions.map((mention) => mention.word));

/** Risks that are harm in themselves, not a danger to someone. */
const HARM_RISKS = new Set<HazardRisk>(['harm', 'violence', 'fraud', 'missing']);
/** Reasons worth fewer points than this are not shown. */
const MIN_POINTS = 0.1;

export function judgeUrgency(evidence: UrgencyEvidence, weights: UrgencyWeights = DEFAULT_URGENCY_WEIGHTS): TriageUrgency {
  const reading = readHazards(evidence.normalized);
  const reasons: UrgencyReason[] = [];

  const categoryPoints = weights.category * evidence.urgentCategoryShare;
  if (evidence.urgentCategoryId !== null && categoryPoints >= MIN_POINTS) {
    reasons.push({ kind: 'category', categoryId: evidence.urgentCategoryId, share: round2(evidence.urgentCategoryShare), points: categoryPoints });
  }

  if (evidence.historyShare !== null && evidence.historyShare > 0.5) {
    const points = weights.history * (evidence.historyShare - 0.5) * 2;
    if (points >= MIN_POINTS) reasons.push({ kind: 'history', share: round2(evidence.historyShare), points });
  }

  const timed = readTense(evidence.normalized, reading);
  // An alarm word counts where it is happening: not in a clause that is over or only feared.
  const alarms = evidence.alarmWords.filter((word) => {
    const at = evidence.normalized.indexOf(normalizeText(word));
    return at < 0 || !timed.unreal(at);
  });
  if (alarms.length > 0) reasons.push({ kind: 'alarm', words: alarms, points: weights.alarm });

  // Someone unreachable is a worry about a person only when the report names one (not a shop that moved away).
  if (reading.roles.length === 0) timed.risks = timed.risks.map((risk) => (risk.kind === 'missing' ? { ...risk, weak: true } : risk));
  const dangers = timed.risks.filter((mention) => !HARM_RISKS.has(mention.kind));
  const harms = timed.risks.filter((mention) => HARM_RISKS.has(mention.kind));
  const danger = strongest(dangers);
  const harm = strongest(harms);
  if (danger > 0 || harm > 0) {
    const exposure = Math.max(0, ...reading.roles.map((mention) => ROLE_EXPOSURE[mention.kind]));
    const points = weights.risk * danger + weights.exposed * danger * exposure + weights.harm * harm;
    const roles: HazardRole[] = distinct(reading.roles.map((mention) => mention.kind));
    const risks: HazardRisk[] = distinct(timed.risks.map((mention) => mention.kind));
    const quoted = words([...reading.roles, ...timed.risks].sort((a, b) => a.start - b.start));
    reasons.push({ kind: 'hazard', roles, risks, words: quoted, points });
    if (timed.soon.length > 0) reasons.push({ kind: 'soon', words: words(timed.soon), points: weights.soon * Math.max(danger, harm) });
  }

  const positive = categoryPoints + reasons.reduce((sum, reason) => sum + (reason.kind === 'category' ? 0 : reason.points), 0);
  const { discount, penalty, counted } = against(timed, weights);
  const learnedPoints = evidence.learned ? weights.learned * (evidence.learned.probability - 0.5) * 2 : 0;
  const score = positive * discount - penalty + learnedPoints;
  const countedWords = timed.settled.filter((mention) => counted.has(mention.kind));
  if (countedWords.length > 0 && score - learnedPoints < positive) {
    const settled: SettledKind[] = distinct(countedWords.map((mention) => mention.kind));
    reasons.push({ kind: 'settled', settled, words: words(countedWords), points: score - learnedPoints - positive });
  }
  if (evidence.learned && Math.abs(learnedPoints) >= MIN_POINTS) {
    reasons.push({ kind: 'learned', share: round2(evidence.learned.probability), words: evidence.learned.words, points: learnedPoints });
  }
  return {
    score: round2(score),
    threshold: weights.threshold,
    reasons: reasons.map((reason) => ({ ...reason, points: round2(reason.points) })).sort((a, b) => b.points - a.points),
  };
}

/**
 * What the settled words take away. When nothing in the report is said to be going on (every risk
 * is in a clause that says it is over, or there is none), the evidence is discounted and the
 * settled points subtracted (a chronic nuisance: half, no discount). When a risk is live, words of
 * the past are background; a question or a chronic word still counts against it, unless the report
 * also says it is happening now.
 */
function against(timed: TimedReading, weights: UrgencyWeights): { discount: number; penalty: number; counted: ReadonlySet<SettledKind> } {
  const kinds = new Set(timed.settled.map((mention) => mention.kind));
  const none = { discount: 1, penalty: 0, counted: new Set<SettledKind>() };
  if (kinds.size === 0) return none;
  const chronicOnly = [...kinds].every((kind) => kind === 'chronic');
  if (!timed.live) return { discount: chronicOnly ? 1 : weights.settledDiscount, penalty: weights.settled * (chronicOnly ? 0.5 : 1), counted: kinds };
  if (timed.soon.length > 0) return none;
  // The shown words are those that counted: the background's past words did not.
  if (kinds.has('enquiry')) return { discount: 1, penalty: weights.settled, counted: new Set<SettledKind>(['enquiry']) };
  if (kinds.has('chronic')) return { discount: 1, penalty: weights.settled * 0.5, counted: new Set<SettledKind>(['chronic']) };
  return none;
}

/** 1 for a full risk word, ½ for a weak or feared one, 0 for none; two different weak signs (not feared) bear each other out (1). */
function strongest(mentions: readonly HazardMention<string>[]): number {
  const isWeak = (mention: HazardMention<string>) => mention.weak || WEAK_HAZARD_WORDS.has(mention.word);
  if (mentions.some((mention) => !isWeak(mention))) return 1;
  const seen = new Set(mentions.filter((mention) => !mention.feared).map((mention) => mention.word));
  return seen.size >= 2 ? 1 : mentions.length > 0 ? 0.5 : 0;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
