/**
 * Text features for triage: Chinese words from Intl.Segmenter plus character 1-, 2- and 3-grams
 * of every run of Chinese characters. Bigrams carry the signal when the segmenter splits a term
 * oddly (it cuts 燃气泄漏 into 燃|气|泄漏); words keep the whole-term signal when it does not;
 * single characters survive a typo in the other half of a word (拉圾 still shares 圾 with 垃圾),
 * and trigrams tell 垃圾桶 from 垃圾.
 *
 * The segmenter's dictionary pass dominates the cost (tens of µs a report), and punctuation,
 * digits and latin letters always break its words, so each run of Chinese characters is
 * segmented on its own and remembered: reports repeat phrases (请尽快处理, 附近居民, addresses)
 * far more often than whole texts.
 */

/** A feature with where it came from in the normalised text, so explanations can quote it. */
export interface PositionedFeature {
  key: string;
  start: number;
  end: number;
}

export interface TextAnalysis {
  /** `w:` words (Chinese, then latin), then character n-grams (`c:`, `b:`, `t:`), each in text order. */
  features: PositionedFeature[];
  /** Offsets where a word starts or ends, for quoting whole words. */
  boundaries: Set<number>;
}

export const WORD_PREFIX = 'w:';
export const UNIGRAM_PREFIX = 'c:';
export const BIGRAM_PREFIX = 'b:';
export const TRIGRAM_PREFIX = 't:';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
// Letters and digits of any script but Han: latin words such as KTV, LED, 5g.
const OTHER_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
// A latin word must hold a letter: bare numbers (house numbers, phone numbers, times) are noise.
const HAS_LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * NFKC folds full-width letters and digits (ＫＴＶ, ３栋) into ASCII; lower-casing makes KTV and ktv
 * the same feature. Every position in this module refers to the normalised text.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The character right after a number is its measure word (3栋, 12楼, 30厘米): skipping its bigram
 * keeps building numbers from producing features such as 栋门 in 3栋门口.
 */
function followsDigit(normalized: string, runStart: number): boolean {
  return runStart > 0 && DIGIT.test(normalized[runStart - 1]!);
}

function isOtherWord(word: string): boolean {
  return word.length >= 2 && HAS_LETTER.test(word);
}

/** One run of Chinese characters, analysed once; offsets are relative to the run. */
interface RunAnalysis {
  /** Segment boundaries inside the run, including 0 and its length. */
  boundaries: number[];
  words: PositionedFeature[];
  /** Character 1-, 2- and 3-grams. */
  grams: PositionedFeature[];
}

function analyzeRun(run: string, boundaries: number[]): RunAnalysis {
  const words: PositionedFeature[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    // Single characters (的, 在, 栋) are too ambiguous to be words; the bigrams cover them.
    if (end - start >= 2) words.push({ key: WORD_PREFIX + run.slice(start, end), start, end });
  }
  const grams: PositionedFeature[] = [];
  for (let i = 0; i < run.length; i++) {
    grams.push({ key: UNIGRAM_PREFIX + run[i]!, start: i, end: i + 1 });
    if (i + 2 <= run.length) grams.push({ key: BIGRAM_PREFIX + run.slice(i, i + 2), start: i, end: i + 2 });
    if (i + 3 <= run.length) grams.push({ key: TRIGRAM_PREFIX + run.slice(i, i + 3), start: i, end: i + 3 });
  }
  return { boundaries, words, grams };
}

/** Segments several runs with one segmenter call (each call has a fixed cost), split by newlines. */
function segmentRuns(runs: readonly string[]): number[][] {
  const joined = runs.join('\n');
  const runStarts: number[] = [];
  let offset = 0;
  for (const run of runs) {
    runStarts.push(offset);
    offset += run.length + 1;
  }
  const boundaries = runs.map((run) => [0, run.length]);
  let runIndex = 0;
  for (const segment of segmenter.segment(joined)) {
    while (runIndex + 1 < runs.length && segment.index >= runStarts[runIndex + 1]!) runIndex += 1;
    const local = segment.index - runStarts[runIndex]!;
    if (local > 0 && local < runs[runIndex]!.length) boundaries[runIndex]!.push(local);
  }
  return boundaries.map((list) => [...new Set(list)].sort((a, b) => a - b));
}

/**
 * Tokenises texts, remembering up to `cacheSize` distinct runs of Chinese characters. The
 * memory only saves time: results are the same with or without it.
 */
export class TextAnalyzer {
  private readonly runs = new Map<string, RunAnalysis>();

  constructor(private readonly cacheSize = 20_000) {}

  /** `normalized` must come from normalizeText. */
  analyze(normalized: string): TextAnalysis {
    const matches = [...normalized.matchAll(HAN_RUN)];
    const runs = this.lookUp(matches.map((match) => match[0]));
    const words: PositionedFeature[] = [];
    const grams: PositionedFeature[] = [];
    const boundaries = new Set<number>([0, normalized.length]);
    matches.forEach((match, i) => {
      const at = match.index;
      const run = runs[i]!;
      for (const boundary of run.boundaries) boundaries.add(at + boundary);
      for (const word of run.words) words.push({ key: word.key, start: at + word.start, end: at + word.end });
      const skipFirst = followsDigit(normalized, at);
      for (const gram of run.grams) {
        if (!(skipFirst && gram.start === 0)) grams.push({ key: gram.key, start: at + gram.start, end: at + gram.end });
      }
    });
    for (const match of normalized.matchAll(OTHER_WORD)) {
      boundaries.add(match.index).add(match.index + match[0].length);
      if (isOtherWord(match[0])) words.push({ key: WORD_PREFIX + match[0], start: match.index, end: match.index + match[0].length });
    }
    return { features: [...words, ...grams], boundaries };
  }

  /** The same features as analyze(), keys only: the lean path for training on many reports. */
  featureKeys(normalized: string): string[] {
    const matches = [...normalized.matchAll(HAN_RUN)];
    const runs = this.lookUp(matches.map((match) => match[0]));
    const keys: string[] = [];
    for (const run of runs) for (const word of run.words) keys.push(word.key);
    for (const match of normalized.matchAll(OTHER_WORD)) if (isOtherWord(match[0])) keys.push(WORD_PREFIX + match[0]);
    matches.forEach((match, i) => {
      const skipFirst = followsDigit(normalized, match.index);
      for (const gram of runs[i]!.grams) if (!(skipFirst && gram.start === 0)) keys.push(gram.key);
    });
    return keys;
  }

  private lookUp(runTexts: readonly string[]): RunAnalysis[] {
    const missing = [...new Set(runTexts.filter((run) => !this.runs.has(run)))];
    const fresh = new Map<string, RunAnalysis>();
    if (missing.length > 0) {
      segmentRuns(missing).forEach((boundaries, i) => fresh.set(missing[i]!, analyzeRun(missing[i]!, boundaries)));
    }
    const result = runTexts.map((run) => this.runs.get(run) ?? fresh.get(run)!);
    if (this.cacheSize > 0) {
      if (this.runs.size + fresh.size > this.cacheSize) this.runs.clear();
      for (const [run, analysis] of fresh) this.runs.set(run, analysis);
    }
    return result;
  }
}

/** The distinct character bigrams of a text's Chinese runs: no segmenter, so cheap for comparing many reports. */
export function hanBigramSet(text: string): Set<string> {
  const bigrams = new Set<string>();
  for (const match of normalizeText(text).matchAll(HAN_RUN)) {
    for (let i = 0; i + 2 <= match[0].length; i++) bigrams.add(match[0].slice(i, i + 2));
  }
  return bigrams;
}

const uncached = new TextAnalyzer(0);

/** The classification features of a text: `w:` words then `c:`/`b:`/`t:` character n-grams, deterministic. */
export function tokenize(text: string): string[] {
  return uncached.featureKeys(normalizeText(text));
}
