/**
 * The triage model: catalogue keyword rules plus naive Bayes learned from past cases, combined
 * into one ranking. Each category's logit is
 *
 *   nbWeight · (log P(c) + Σ log P(f | c))  +  keywordWeight · keyword score
 *
 * and confidences are the softmax over all categories, so they sum to exactly 1 (the shown top
 * three sum to less). With no examples the NB term is the same for every category and drops
 * out; categories without a keyword hit are then not suggested at all, but still take their
 * share of the softmax — one weak keyword is a guess, not a certainty.
 */
import type { TriageCategoryGuess, TriageSuggestion } from '../api/types';
import { emergencyMentions, findEmergencyWords } from './emergency';
import { supportingWords, type KnownFeature } from './explain';
import { KeywordIndex, type Keyword, type KeywordHits, type TextSpan } from './keywords';
import { DEFAULT_NAIVE_BAYES_OPTIONS, NaiveBayesTrainer, type NaiveBayesModel, type NaiveBayesOptions } from './naiveBayes';
import { normalizeText, TextAnalyzer, type PositionedFeature } from './tokenize';

export interface TrainingExample {
  text: string;
  categoryId: string;
}

export interface TriageCategoryInfo {
  id: string;
  name: string;
  keywords: string[];
  departmentId: string | null;
  priority: 'normal' | 'urgent';
}

/*
 * NB treats the words and the overlapping bigrams of one phrase as independent evidence, so its
 * raw log-odds are far too sure of themselves: nbWeight scales them down. With little history a
 * feature seen once in a category moves its logit by only ~0.15, so the catalogue keywords (3 per
 * two-character keyword) lead; with plenty of history a whole report's distinctive features add
 * up to more than a keyword, and the learned model leads. The ratio of the two weights was tuned
 * on held-out demo reports (unseen phrasings for top-3, repeated ones for top-1); their common
 * scale sets how sure the confidences are, and was chosen so that the top confidence roughly
 * matches how often it is right.
 */
export interface TriageModelOptions extends NaiveBayesOptions {
  nbWeight: number;
  keywordWeight: number;
}

export const DEFAULT_TRIAGE_OPTIONS: TriageModelOptions = { ...DEFAULT_NAIVE_BAYES_OPTIONS, nbWeight: 0.2, keywordWeight: 3 };
/** Guesses below this confidence are noise, not suggestions. */
const MIN_CONFIDENCE = 0.001;
const MAX_WORDS = 5;
const EMERGENCY_KEYWORD_BOOST = 2;
/**
 * Distinct training texts remembered, with their features and the classes they were counted for:
 * saves re-tokenising repeated texts and lets repeats count once. Past this many the memory is
 * cleared, so memory stays bounded and a repeat far apart may count again.
 */
const TEXT_MEMORY = 4_096;

interface ExampleFeatures {
  tokens: string[];
  keywords: Keyword[];
  /** Classes this exact text has already been counted for. */
  countedFor: number[];
}

/**
 * How much each keyword counts, by keyword id. Catalogue keywords are checked against history:
 * a keyword's weight is scaled by how often the training reports containing it belong to its own
 * category (Laplace-smoothed, so a keyword never seen in history keeps full weight). 公交站 is
 * listed under 公交站台设施损坏 but mostly says where some other problem is.
 * A keyword that is itself an emergency word (起火, 垮塌, 漏气) counts double: in "电动车停放处
 * 有一辆车起火" the fire is the problem and the e-bike only where it is.
 */
function keywordMultipliers(keywords: KeywordIndex, seen: Float64Array, seenInOwnCategory: Float64Array): Float64Array {
  return Float64Array.from(keywords.keywords, (keyword) => {
    const reliability = (seenInOwnCategory[keyword.id]! + 1) / (seen[keyword.id]! + 1);
    const emergency = findEmergencyWords(keyword.normalized).length > 0;
    return reliability * (emergency ? EMERGENCY_KEYWORD_BOOST : 1);
  });
}

/**
 * Emergency words that are present but denied (无人受伤, 未见明火, 存在火灾隐患): a catalogue keyword
 * inside one is not evidence for the emergency category.
 */
function deniedEmergencies(normalized: string): TextSpan[] {
  return emergencyMentions(normalized).filter((mention) => !mention.live);
}

function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

export class TriageModel {
  private constructor(
    private readonly categories: readonly TriageCategoryInfo[],
    private readonly keywords: KeywordIndex,
    private readonly keywordMultipliers: Float64Array,
    private readonly bayes: NaiveBayesModel | null,
    private readonly options: TriageModelOptions,
    private readonly analyzer: TextAnalyzer,
  ) {}

  /** Examples may be empty (keyword rules alone); examples of unknown categories are skipped. */
  static train(
    categories: TriageCategoryInfo[],
    examples: Iterable<TrainingExample>,
    tuning: Partial<TriageModelOptions> = {},
  ): TriageModel {
    const options = { ...DEFAULT_TRIAGE_OPTIONS, ...tuning };
    const indexById = new Map(categories.map((category, index) => [category.id, index]));
    const keywords = new KeywordIndex(categories);
    const analyzer = new TextAnalyzer();
    const trainer = new NaiveBayesTrainer(categories.length, options);
    const seen = new Float64Array(keywords.keywords.length);
    const seenInOwnCategory = new Float64Array(keywords.keywords.length);
    const cache = new Map<string, ExampleFeatures>();
    for (const example of examples) {
      const classIndex = indexById.get(example.categoryId);
      if (classIndex === undefined) continue;
      let features = cache.get(example.text);
      if (!features) {
        const normalized = normalizeText(example.text);
        features = {
          tokens: analyzer.featureKeys(normalized),
          keywords: keywords.matchedKeywords(normalized, deniedEmergencies(normalized)),
          countedFor: [],
        };
        if (cache.size >= TEXT_MEMORY) cache.clear();
        cache.set(example.text, features);
      }
      // A text repeated word for word (a copied description, a template) is one phrasing, not new
      // evidence about how the category is worded: it counts for the prior, its words count once.
      if (features.countedFor.includes(classIndex)) {
        trainer.addDocument(classIndex);
        continue;
      }
      features.countedFor.push(classIndex);
      trainer.add(classIndex, features.tokens);
      for (const keyword of features.keywords) {
        seen[keyword.id]! += 1;
        if (keyword.categoryIndex === classIndex) seenInOwnCategory[keyword.id]! += 1;
      }
    }
    // The catalogue's name and keywords seed each category's word distribution, so that parts of
    // a keyword (清运 of 没人清运) count as learned evidence too; with no history at all the model
    // stays keyword rules alone. Worth +0.03 top-3 on unseen demo phrasings.
    if (trainer.documentCount > 0) {
      categories.forEach((category, classIndex) => {
        trainer.addSeed(classIndex, analyzer.featureKeys(normalizeText([category.name, ...category.keywords].join('，'))));
      });
    }
    const bayes = trainer.finish();
    const multipliers = keywordMultipliers(keywords, seen, seenInOwnCategory);
    return new TriageModel(categories, keywords, multipliers, bayes.isEmpty ? null : bayes, options, analyzer);
  }

  suggest(text: string, top = 3): TriageSuggestion {
    const urgentWords = findEmergencyWords(text);
    const categories = this.rank(text, top);
    const best = categories[0] ? this.categories.find((category) => category.id === categories[0]!.categoryId) : undefined;
    return {
      categories,
      departmentId: best?.departmentId ?? null,
      priority: urgentWords.length > 0 || best?.priority === 'urgent' ? 'urgent' : 'normal',
      urgentWords,
    };
  }

  private rank(text: string, top: number): TriageCategoryGuess[] {
    const normalized = normalizeText(text);
    const hits = this.keywords.match(normalized, this.keywordMultipliers, deniedEmergencies(normalized));
    const analysis = this.analyzer.analyze(normalized);
    const known = this.knownFeatures(analysis.features);
    const anyKeyword = hits.some((hit) => hit.score > 0);
    // Without any evidence a softmax would still crown someone: better to suggest nothing.
    if (!anyKeyword && known.length === 0) return [];
    const confidences = softmax(this.logits(hits, known));
    // Keyword rules alone only speak for the categories they matched.
    const eligible = (index: number): boolean => known.length > 0 || hits[index]!.score > 0;
    return this.categories
      .map((category, index) => ({ category, index, confidence: confidences[index]! }))
      .filter((entry) => eligible(entry.index) && entry.confidence >= MIN_CONFIDENCE)
      .sort((a, b) => b.confidence - a.confidence || a.index - b.index)
      .slice(0, Math.max(0, top))
      .map(({ category, index, confidence }) => ({
        categoryId: category.id,
        // Rounded down, so the rounded confidences still sum to at most 1.
        confidence: Math.floor(confidence * 1000) / 1000,
        words: supportingWords({ normalized, boundaries: analysis.boundaries, keywordWords: hits[index]!.words, features: known }, this.bayes, index, MAX_WORDS),
      }));
  }

  private knownFeatures(features: readonly PositionedFeature[]): KnownFeature[] {
    if (!this.bayes) return [];
    const known: KnownFeature[] = [];
    for (const feature of features) {
      const id = this.bayes.vocabulary.get(feature.key);
      if (id !== undefined) known.push({ ...feature, id });
    }
    return known;
  }

  private logits(hits: readonly KeywordHits[], known: readonly KnownFeature[]): Float64Array {
    const logits = new Float64Array(this.categories.length);
    const joint = this.bayes && known.length > 0 ? this.bayes.logJoint(known.map((feature) => feature.id)) : null;
    for (let c = 0; c < logits.length; c++) {
      logits[c] = (joint ? this.options.nbWeight * joint[c]! : 0) + this.options.keywordWeight * hits[c]!.score;
    }
    return logits;
  }
}
