/**
 * From text to feature ids. A text is normalised, cut into words and character n-grams
 * (tokenize.ts), and widened by aliases: a dialect or colloquial word (莫得, 屋头, 街沿) also brings
 * the features of its common form (没有, 家里, 人行道), positioned on the alias so that an
 * explanation quotes what the resident wrote.
 */
import { normalizeText, TextAnalyzer, type PositionedFeature } from './tokenize';

export interface AnalysedText {
  normalized: string;
  boundaries: ReadonlySet<number>;
  features: PositionedFeature[];
}

export interface KnownFeature extends PositionedFeature {
  id: number;
}

export class FeatureSpace {
  private readonly analyzer = new TextAnalyzer();
  private readonly aliases: [string, string][];

  /** `aliases`: variant → common form. */
  constructor(aliases: Readonly<Record<string, string>> = {}) {
    this.aliases = Object.entries(aliases)
      .map(([variant, common]): [string, string] => [normalizeText(variant), normalizeText(common)])
      .filter(([variant, common]) => variant.length > 0 && common.length > 0 && variant !== common)
      .sort((a, b) => b[0].length - a[0].length);
  }

  analyse(text: string): AnalysedText {
    const normalized = normalizeText(text);
    const { features, boundaries } = this.analyzer.analyze(normalized);
    for (const [variant, common] of this.aliases) {
      for (let at = normalized.indexOf(variant); at >= 0; at = normalized.indexOf(variant, at + variant.length)) {
        const end = at + variant.length;
        for (const feature of this.analyzer.analyze(common).features) features.push({ key: feature.key, start: at, end });
      }
    }
    return { normalized, boundaries, features };
  }

  /** The distinct feature keys of a text: what a training document is made of. */
  keys(text: string): string[] {
    return [...new Set(this.analyse(text).features.map((feature) => feature.key))];
  }
}

/**
 * Feature ids by key. Built from the training documents: features seen in at least `minCount`
 * documents, or in any catalogue document (a keyword seen once still counts), at most `cap` of
 * them, the most frequent first, ties in key order so the same documents give the same ids.
 */
export function buildVocabulary(documents: readonly { keys: readonly string[]; catalogue: boolean }[], minCount: number, cap: number): Map<string, number> {
  const counts = new Map<string, number>();
  const fromCatalogue = new Set<string>();
  for (const document of documents) {
    for (const key of document.keys) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (document.catalogue) fromCatalogue.add(key);
    }
  }
  const kept = [...counts]
    .filter(([key, count]) => count >= minCount || fromCatalogue.has(key))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, cap)
    .map(([key]) => key)
    .sort();
  return new Map(kept.map((key, id) => [key, id]));
}

/** The features of an analysed text that the vocabulary knows, with their ids. */
export function knownFeatures(features: readonly PositionedFeature[], vocabulary: ReadonlyMap<string, number>): KnownFeature[] {
  const known: KnownFeature[] = [];
  for (const feature of features) {
    const id = vocabulary.get(feature.key);
    if (id !== undefined) known.push({ ...feature, id });
  }
  return known;
}

/** Distinct ids, in first-seen order. */
export function distinctIds(features: readonly KnownFeature[]): Int32Array {
  return Int32Array.from(new Set(features.map((feature) => feature.id)));
}
