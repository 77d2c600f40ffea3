/**
 * Keyword rules from the catalogue: each category's keywords matched as substrings of the text.
 * They work with no training data at all, and they encode what the catalogue's authors know.
 */
import { normalizeText } from './tokenize';

export interface KeywordCategory {
  keywords: readonly string[];
}

export interface KeywordHits {
  /** Sum of the weights of the category's matched keywords; 0 when none matched. */
  score: number;
  /** The matched keywords as the catalogue spells them, in order of appearance. */
  words: string[];
}

export interface Keyword {
  /** Position in the index, for per-keyword statistics. */
  id: number;
  categoryIndex: number;
  original: string;
  normalized: string;
}

export interface TextSpan {
  start: number;
  end: number;
}

interface Match {
  keyword: Keyword;
  start: number;
  end: number;
}

/**
 * Longer keywords are more specific (垃圾桶 says more than 垃圾), but sub-linearly: a four-character
 * phrase is not twice the evidence of a two-character word. 1 → 0.5, 2 → 1, 3 → 1.29, 4 → 1.5.
 */
export function keywordWeight(length: number): number {
  return 0.5 * (1 + Math.log2(Math.max(1, length)));
}

export class KeywordIndex {
  readonly keywords: Keyword[] = [];
  // Keyed by UTF-16 code unit: indexing a string by position would allocate a string per character.
  private readonly byFirstChar = new Map<number, Keyword[]>();

  constructor(private readonly categories: readonly KeywordCategory[]) {
    categories.forEach((category, categoryIndex) => {
      for (const original of category.keywords) {
        const normalized = normalizeText(original.trim());
        if (normalized.length === 0) continue;
        const keyword = { id: this.keywords.length, categoryIndex, original, normalized };
        this.keywords.push(keyword);
        const first = normalized.charCodeAt(0);
        const bucket = this.byFirstChar.get(first) ?? [];
        bucket.push(keyword);
        this.byFirstChar.set(first, bucket);
      }
    });
  }

  /**
   * Per category (catalogue order), what its keywords found in the text. `reliability` scales
   * each keyword's weight (by keyword id); without it every keyword counts fully.
   */
  match(normalizedText: string, reliability?: ArrayLike<number>, ignored: readonly TextSpan[] = []): KeywordHits[] {
    const hits: KeywordHits[] = this.categories.map(() => ({ score: 0, words: [] }));
    for (const keyword of this.matchedKeywords(normalizedText, ignored)) {
      const hit = hits[keyword.categoryIndex]!;
      hit.score += keywordWeight(keyword.normalized.length) * (reliability ? reliability[keyword.id]! : 1);
      hit.words.push(keyword.original);
    }
    return hits;
  }

  /**
   * The distinct keywords found, in order of appearance. A keyword repeated in one report is
   * still one piece of evidence, and an occurrence inside a longer match does not count: in
   * 垃圾桶满了 the 垃圾 of 暴露垃圾 sits inside 垃圾桶 of 垃圾满溢 and is not evidence of its own.
   * Occurrences inside an `ignored` span (a negated emergency word such as 无人受伤) do not count.
   */
  matchedKeywords(normalizedText: string, ignored: readonly TextSpan[] = []): Keyword[] {
    const text = normalizedText;
    const matches: Match[] = [];
    for (let start = 0; start < text.length; start++) {
      const bucket = this.byFirstChar.get(text.charCodeAt(start));
      if (!bucket) continue;
      for (const keyword of bucket) {
        if (text.startsWith(keyword.normalized, start)) {
          matches.push({ keyword, start, end: start + keyword.normalized.length });
        }
      }
    }
    const covered = (inner: Match): boolean =>
      matches.some((outer) => outer.end - outer.start > inner.end - inner.start && outer.start <= inner.start && outer.end >= inner.end) ||
      ignored.some((span) => span.start <= inner.start && span.end >= inner.end);
    const found: Keyword[] = [];
    for (const match of matches) {
      if (!covered(match) && !found.includes(match.keyword)) found.push(match.keyword);
    }
    return found;
  }
}
