/**
 * When the danger a report describes is: now, or over. Residents tell the background first and the
 * trouble after (昨晚大风，树倒在车上，还在往下压), or the trouble and then that it ended (昨晚油锅着了，
 * 自己盖灭了). A word of the past therefore settles the clause it stands in, not the whole report:
 *
 *   - a risk is *live* unless its clause says it is over (a `past` or `minor` word) without also saying
 *     it is still going on (还在, 现在 …), or an ending follows it (…，我已经踩灭了) with nothing said to go on after;
 *   - a word of time that is denied right after it (现在已经退了, 现在没味道了, 今天已经闻不到) says nothing is
 *     happening now;
 *   - a word of frequency in a clause that names people and no risk (每天很多老人走这里, 一直有人在等车)
 *     says how often people are exposed, not that the problem is old;
 *   - a risk in a clause of worry or possibility (担心引起火灾, 会不会滑坡, 容易绊倒, 存在隐患) is only half
 *     the evidence, and an alarm word there is no alarm: the reporter fears it, it is not happening.
 */
import type { HazardReading, HazardMention } from './hazards';
import type { HazardRisk, SettledKind } from '../api/types';

const CLAUSE_END = /[，。,.;；!！?？\n：:]/;
const CLAUSE_SPLIT = /[，。,.;；!！?？\n：:]/;
/** Right after a time word, these mean the danger is gone: 现在已经退了, 现在没味道了. */
const DENIED_AFTER = /^.{0,2}(已|没|不|无)/;
/** Something done and finished, or a time gone by, in whatever words: 已回填修复完毕, 上月, 换新线了. */
const PAST = /已(经)?[^，。,.;；!！?？]{0,4}(修复|修好|处理|解决|完毕|回填|扑灭|恢复|清理|排除|疏通|更换|换好|撤离|离开|制止|灭了)|(上|前)(月|周|星期|次)|去年|前年|换(了|成)?新|修好/g;
/** Of the words of the past, those that tell the danger ended (put out, repaired, gone), not just when it was. */
const RESOLVED = /灭|修|好了|退|没事|恢复|走了|离开|散了|制止|处理|解决|完毕|回填|排完|清理|疏通|换|弄开|和好|发放|离场|闻不到|下架|劝离|盖上|没有了|消失/;
/** A fear or a possibility, or a talk about a danger (防范宣传), not an event. */
const HYPOTHETICAL = /担心|会不会|隐患|容易|万一|以免|防止|避免|预防|怕是|风险|防范|宣传|讲解|培训|演练|注意事项/;

export interface TimedReading {
  /** Risks not settled by their own clause; all risks when every one of them is. */
  risks: HazardMention<HazardRisk>[];
  /** Whether some risk is live (not reported as over). */
  live: boolean;
  /** Words saying it is happening now; empty when no risk is live. */
  soon: HazardMention<'soon'>[];
  /** Words that count against urgency. */
  settled: HazardMention<SettledKind>[];
  /** Whether a word at this index is in a clause that is over or only feared (its alarm words do not count). */
  unreal: (index: number) => boolean;
}

/** The clause number of every character. */
function clauses(text: string): Uint16Array {
  const index = new Uint16Array(text.length + 1);
  let clause = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = clause;
    if (CLAUSE_END.test(text[i]!)) clause += 1;
  }
  index[text.length] = clause;
  return index;
}

function pastMentions(text: string, known: readonly HazardMention<SettledKind>[]): HazardMention<SettledKind>[] {
  const found: HazardMention<SettledKind>[] = [];
  for (const match of text.matchAll(PAST)) {
    const end = match.index + match[0].length;
    if (!known.some((mention) => mention.start < end && match.index < mention.end)) found.push({ kind: 'past', word: match[0], start: match.index, end });
  }
  return found;
}

export function readTense(text: string, reading: HazardReading): TimedReading {
  const clauseOf = clauses(text);
  const at = (mention: { start: number }) => clauseOf[mention.start]!;
  // 叫了好久都不答应, 晕过去了: a word overlapping a risk's own words is part of that risk, not a comment on the report.
  const inRisk = (mention: HazardMention<SettledKind>) => reading.risks.some((risk) => risk.start < mention.end && mention.start < risk.end);
  const allSettled = [...reading.settled, ...pastMentions(text, reading.settled)].filter((mention) => !inRisk(mention)).sort((a, b) => a.start - b.start);
  const soon = reading.soon.filter((mention) => !DENIED_AFTER.test(text.slice(mention.end)));
  const nowClauses = new Set(soon.map(at));
  const overClauses = new Set(allSettled.filter((mention) => mention.kind === 'past' || mention.kind === 'minor').map(at));
  const feared = new Set(text.split(CLAUSE_SPLIT).flatMap((clause, index) => (HYPOTHETICAL.test(clause) ? [index] : [])));
  const over = (clause: number) => overClauses.has(clause) && !nowClauses.has(clause);
  // An ending told after the danger (点着了一小块，我已经踩灭了) closes the story up to there, unless it goes on again after it.
  const endings = allSettled.filter((mention) => mention.kind === 'past' && RESOLVED.test(mention.word));
  const endedAfter = (risk: HazardMention<HazardRisk>) =>
    endings.some((ending) => ending.start >= risk.end && !soon.some((now) => now.start > ending.end));
  const liveRisks = reading.risks
    .filter((risk) => !over(at(risk)) && !endedAfter(risk))
    .map((risk) => (feared.has(at(risk)) || feared.has(clauseOf[risk.end - 1]!) ? { ...risk, weak: true, feared: true } : risk));
  const riskClauses = new Set(reading.risks.map(at));
  const roleClauses = new Set(reading.roles.map(at));
  const settled = allSettled.filter((mention) => mention.kind !== 'chronic' || riskClauses.has(at(mention)) || !roleClauses.has(at(mention)));
  // A child, an elderly or frail person in a clause that says now, with no risk named: in need now.
  if (liveRisks.length === 0) {
    for (const role of reading.roles) {
      if (role.kind !== 'children' && role.kind !== 'elderly' && role.kind !== 'frail') continue;
      const clause = at(role);
      if (!nowClauses.has(clause) || over(clause) || feared.has(clause)) continue;
      liveRisks.push({ kind: 'distress', word: role.word, start: role.start, end: role.end, weak: true });
      break;
    }
  }
  const live = liveRisks.length > 0;
  const unreal = (index: number) => over(clauseOf[index]!) || feared.has(clauseOf[index]!);
  return { risks: live ? liveRisks : reading.risks, live, soon: live ? soon : [], settled, unreal };
}
