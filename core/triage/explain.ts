/**
 * The words shown next to a suggestion ("the words in the text that decided it"): the stretches
 * of the text whose features speak most for the category, turned back into readable text.
 * Overlapping n-grams are merged along the text, so 燃气 + 气泄 + 泄漏 read as 燃气泄漏 rather than
 * three fragments, and spans are trimmed to the segmenter's word boundaries so that a bigram
 * straddling two words (口人 in 门口|人行道) is never quoted.
 */
import type { KnownFeature } from './features';

export interface ExplainedText {
  normalized: string;
  boundaries: ReadonlySet<number>;
  /** The text's features that the model knows. */
  features: readonly KnownFeature[];
}

interface Span {
  start: number;
  end: number;
  support: number;
}

/** Features adding less than this to the category's score are not worth quoting. */
const MIN_SUPPORT = 0.15;
/** Only the strongest few features are quoted, or the merged spans grow into whole clauses. */
const FEATURES_QUOTED = 10;
/** Merging stops at this many characters: a dispatcher scans words, not sentences. */
const MAX_SPAN = 6;

function mergeOverlapping(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged.at(-1);
    if (last && span.start >= last.start && span.end <= last.end) {
      last.support = Math.max(last.support, span.support);
    } else if (last && span.start < last.end && span.end - last.start <= MAX_SPAN) {
      last.end = span.end;
      last.support = Math.max(last.support, span.support);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Shrinks a span to whole words; null when less than two characters remain. */
function trimToWords(span: Span, boundaries: ReadonlySet<number>): Span | null {
  let { start, end } = span;
  while (start < end && !boundaries.has(start)) start += 1;
  while (end > start && !boundaries.has(end)) end -= 1;
  return end - start >= 2 ? { start, end, support: span.support } : null;
}

/**
 * Up to `limit` words: the category's catalogue keywords found in the text (as the catalogue
 * spells them, in order of appearance), then the stretches whose features speak most for it;
 * `support` says how much a feature id does.
 */
export function supportingWords(text: ExplainedText, support: (featureId: number) => number, keywords: readonly string[] = [], limit = 5): string[] {
  const byId = new Map<number, number>();
  for (const feature of text.features) if (!byId.has(feature.id)) byId.set(feature.id, support(feature.id));
  const strongest = text.features
    .map((feature) => ({ start: feature.start, end: feature.end, support: byId.get(feature.id)! }))
    .filter((span) => span.support >= MIN_SUPPORT)
    .sort((a, b) => b.support - a.support || a.start - b.start)
    .slice(0, FEATURES_QUOTED);
  const spans = mergeOverlapping(strongest)
    .map((span) => trimToWords(span, text.boundaries))
    .filter((span): span is Span => span !== null)
    .sort((a, b) => b.support - a.support || a.start - b.start);
  const words = keywords
    .map((keyword) => ({ keyword, at: text.normalized.indexOf(keyword.normalize('NFKC').toLowerCase()) }))
    .filter(({ keyword, at }) => at >= 0 && keyword.length >= 2)
    .sort((a, b) => a.at - b.at)
    .map(({ keyword }) => keyword)
    .filter((keyword, i, all) => !all.some((other, j) => j !== i && other.length > keyword.length && other.includes(keyword)))
    .slice(0, limit);
  for (const span of spans) {
    if (words.length >= limit) break;
    const quoted = text.normalized.slice(span.start, span.end);
    if (!words.some((word) => word.includes(quoted) || quoted.includes(word))) words.push(quoted);
  }
  return words;
}
