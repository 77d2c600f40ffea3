/**
 * The words shown next to a suggestion ("the words in the text that decided it"): the matched
 * keywords, then the features that favour the category most, turned back into readable text.
 * Overlapping bigrams are merged along the text, so 燃气 + 气泄 + 泄漏 read as 燃气泄漏 rather than
 * three fragments, and spans are trimmed to the segmenter's word boundaries so that a bigram
 * straddling two words (口人 in 门口|人行道) is never quoted.
 */
import type { NaiveBayesModel } from './naiveBayes';
import type { PositionedFeature } from './tokenize';

export interface KnownFeature extends PositionedFeature {
  id: number;
}

export interface ExplainedText {
  normalized: string;
  boundaries: ReadonlySet<number>;
  /** The category's matched keywords, as the catalogue spells them. */
  keywordWords: readonly string[];
  /** The text's features that the model knows. */
  features: readonly KnownFeature[];
}

interface Span {
  start: number;
  end: number;
  support: number;
}

/** Features at least e^0.7 ≈ 2× likelier in the category than elsewhere count as support. */
const MIN_LOG_RATIO = 0.7;
/** Only the strongest few features are quoted, or the merged spans grow into whole clauses. */
const FEATURES_QUOTED = 8;
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
 * Up to `limit` words: the matched keywords first, then the text's most category-specific
 * stretches by log-likelihood ratio, skipping what a listed word already shows.
 */
export function supportingWords(text: ExplainedText, bayes: NaiveBayesModel | null, classIndex: number, limit = 5): string[] {
  const words = text.keywordWords.slice(0, limit);
  if (!bayes || !bayes.hasExamples(classIndex) || words.length >= limit) return words;
  const ratioById = new Map<number, number>();
  for (const feature of text.features) {
    if (!ratioById.has(feature.id)) ratioById.set(feature.id, bayes.logLikelihoodRatio(feature.id, classIndex));
  }
  const strongest = text.features
    .map((feature) => ({ start: feature.start, end: feature.end, support: ratioById.get(feature.id)! }))
    .filter((span) => span.support >= MIN_LOG_RATIO)
    .sort((a, b) => b.support - a.support || a.start - b.start)
    .slice(0, FEATURES_QUOTED);
  const spans = mergeOverlapping(strongest)
    .map((span) => trimToWords(span, text.boundaries))
    .filter((span): span is Span => span !== null)
    .sort((a, b) => b.support - a.support || a.start - b.start);
  for (const span of spans) {
    if (words.length >= limit) break;
    const quoted = text.normalized.slice(span.start, span.end);
    if (!words.some((word) => word.toLowerCase().includes(quoted))) words.push(quoted);
  }
  return words;
}
