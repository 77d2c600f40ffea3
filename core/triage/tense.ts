/**
 * When the danger a report describes is: now, or over. Residents tell the background first and the
 * trouble after (昨晚大风，树倒在车上，还在往下压), or the trouble and then that it ended (昨晚油锅着了，
 * 自己盖灭了). A word of the past therefore settles the clause it stands in, not the whole report:
 *
 *   - a risk is *live* unless its clause says it is over (a `past` or `minor` word) without also saying
 *     it is still going on (还在, 现在 …);
 *   - a word of time that is denied right after it (现在已经退了, 现在没味道了, 今天已经闻不到) says nothing is
 *     happening now;
 *   - a word of frequency in a clause that names people and no risk (每天很多老人走这里, 一直有人在等车)
 *     says how often people are exposed, not that the problem is old.
 */
import type { HazardReading, HazardMention } from './hazards';
import type { HazardRisk, SettledKind } from '../api/types';

const CLAUSE_END = /[，。,.;；!！?？\n：:]/;
/** Right after a time word, these mean the danger is gone: 现在已经退了, 现在没味道了. */
const DENIED_AFTER = /^.{0,2}(已|没|不|无)/;

export interface TimedReading {
  /** Risks not settled by their own clause; all risks when every one of them is. */
  risks: HazardMention<HazardRisk>[];
  /** Whether some risk is live (not reported as over). */
  live: boolean;
  /** Words saying it is happening now; empty when no risk is live. */
  soon: HazardMention<'soon'>[];
  /** Words that count against urgency. */
  settled: HazardMention<SettledKind>[];
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

export function readTense(text: string, reading: HazardReading): TimedReading {
  const clauseOf = clauses(text);
  const at = (mention: { start: number }) => clauseOf[mention.start]!;
  const soon = reading.soon.filter((mention) => !DENIED_AFTER.test(text.slice(mention.end)));
  const nowClauses = new Set(soon.map(at));
  const overClauses = new Set(reading.settled.filter((mention) => mention.kind === 'past' || mention.kind === 'minor').map(at));
  const liveRisks = reading.risks.filter((risk) => !overClauses.has(at(risk)) || nowClauses.has(at(risk)));
  const riskClauses = new Set(reading.risks.map(at));
  const roleClauses = new Set(reading.roles.map(at));
  const settled = reading.settled.filter((mention) => mention.kind !== 'chronic' || riskClauses.has(at(mention)) || !roleClauses.has(at(mention)));
  const live = liveRisks.length > 0;
  return { risks: live ? liveRisks : reading.risks, live, soon: live ? soon : [], settled };
}
