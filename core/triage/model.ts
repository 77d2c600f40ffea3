/**
 * The triage model: what a new report probably is, who handles it, and how urgent it is.
 *
 * It learns from two sources. The catalogue: each category's name, keywords, filing and closing
 * criteria and its lexicon of everyday words (resources/catalogue/triage-lexicon.json), each a
 * short training document, so that an office without history still gets suggestions. The
 * office's history: the texts of filed cases, each distinct text once, a dispatcher's correction
 * (filed under another category than reported) counting `correctionWeight` times, and the
 * urgency dispatchers gave them.
 *
 * Category: classifier.ts (regression + naive Bayes) over words and character 1–3-grams.
 * Department: the category probabilities summed per default department.
 * Urgency: urgency.ts, with a small urgency classifier learned from history, and the learned
 * urgency model (learnedUrgency.ts) trained on the shipped urgency examples and on the office's
 * cases whose urgency a dispatcher decided against the category's default.
 */
import type { TriageCategoryGuess, TriageSuggestion } from '../api/types';
import { CategoryClassifier, DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions } from './classifier';
import { findEmergencyWords } from './emergency';
import { supportingWords } from './explain';
import { buildVocabulary, distinctIds, FeatureSpace, knownFeatures, type KnownFeature } from './features';
import { SoftmaxModel, softmaxInto, type SparseDocument } from './softmax';
import { normalizeText, UNIGRAM_PREFIX } from './tokenize';
import { LearnedUrgency, withoutFrames, type UrgencyDocument } from './learnedUrgency';
import { DEFAULT_URGENCY_WEIGHTS, judgeUrgency, type UrgencyWeights } from './urgency';

export interface TrainingExample {
  text: string;
  categoryId: string;
  /** The case ended up urgent (filed urgent or flagged 加急). Unknown: left out of the urgency model. */
  urgent?: boolean;
  /** A dispatcher filed it under another category than the one it was reported with. */
  corrected?: boolean;
}

export interface TriageCategoryInfo {
  id: string;
  name: string;
  majorName?: string;
  keywords: readonly string[];
  filingCriteria?: string;
  closingCriteria?: string;
  /** Everyday words and phrases for the category (synonyms, colloquial names, typical objects). */
  lexicon?: readonly string[];
  departmentId: string | null;
  priority: 'normal' | 'urgent';
}

/** A report marked as needing an urgent response or not: training for the learned urgency model. */
export interface UrgencyExample {
  text: string;
  urgent: boolean;
}

export interface TriageModelOptions {
  classifier: ClassifierOptions;
  /** Shipped reports marked urgent or not (resources/catalogue/urgency-examples.json in the app). */
  urgencyExamples: readonly UrgencyExample[];
  urgency: UrgencyWeights;
  /**
   * How much each of the office's filed cases counts in the learned urgency model (its priority as
   * filed is the label); a case filed against its category's default priority counts `correctionWeight`.
   */
  historyUrgencyWeight: number;
  /** How many plain filings a dispatcher's correction is worth. */
  correctionWeight: number;
  /** Dialect and colloquial words → their common form. */
  aliases: Readonly<Record<string, string>>;
  /** History features seen in fewer documents are dropped (catalogue features are always kept). */
  minFeatureCount: number;
  vocabularyCap: number;
}

export const DEFAULT_TRIAGE_OPTIONS: TriageModelOptions = {
  classifier: DEFAULT_CLASSIFIER_OPTIONS,
  urgencyExamples: [],
  historyUrgencyWeight: 1,
  urgency: DEFAULT_URGENCY_WEIGHTS,
  correctionWeight: 4,
  aliases: {},
  minFeatureCount: 2,
  vocabularyCap: 60_000,
};

/** Guesses below this confidence are noise, not suggestions. */
const MIN_CONFIDENCE = 0.001;
const MAX_WORDS = 5;
const MAX_LEARNED_WORDS = 4;

interface Document {
  keys: string[];
  text: string;
  label: number;
  weight: number;
  catalogue: boolean;
  urgent?: boolean;
}

function catalogueTexts(category: TriageCategoryInfo): string[] {
  return [
    category.name,
    `${category.majorName ?? ''}${category.name}`,
    ...category.keywords,
    category.filingCriteria ?? '',
    category.closingCriteria ?? '',
    ...(category.lexicon ?? []),
  ].filter((text) => text.trim().length > 0);
}

/** Each distinct (text, category) once, newest first; a correction among its filings raises its weight. */
function historyDocuments(examples: Iterable<TrainingExample>, indexById: ReadonlyMap<string, number>, space: FeatureSpace, correctionWeight: number): Document[] {
  const byText = new Map<string, Document>();
  for (const example of examples) {
    const label = indexById.get(example.categoryId);
    if (label === undefined) continue;
    const key = `${label}\u0000${example.text}`;
    const seen = byText.get(key);
    if (seen) {
      if (example.corrected) seen.weight = correctionWeight;
      if (example.urgent) seen.urgent = true;
      continue;
    }
    byText.set(key, { keys: space.keys(example.text), text: example.text, label, weight: example.corrected ? correctionWeight : 1, catalogue: false, ...(example.urgent === undefined ? {} : { urgent: example.urgent }) });
  }
  return [...byText.values()];
}

/** What the learned urgency model reads: the text without its reporting frames (来电人反映, 巡查发现). */
function urgencyKeys(space: FeatureSpace, text: string): string[] {
  return space.keys(withoutFrames(normalizeText(text)));
}

export class TriageModel {
  private constructor(
    private readonly categories: readonly TriageCategoryInfo[],
    private readonly space: FeatureSpace,
    private readonly vocabulary: ReadonlyMap<string, number>,
    private readonly classifier: CategoryClassifier,
    /** Two classes, normal and urgent; null without urgency history of both kinds. */
    private readonly urgencyHistory: SoftmaxModel | null,
    private readonly learnedUrgency: LearnedUrgency | null,
    private readonly options: TriageModelOptions,
  ) {}

  /** Examples may be empty (the catalogue alone); examples of unknown categories are skipped. */
  static train(categories: readonly TriageCategoryInfo[], examples: Iterable<TrainingExample>, tuning: Partial<TriageModelOptions> = {}): TriageModel {
    const options = { ...DEFAULT_TRIAGE_OPTIONS, ...tuning };
    const space = new FeatureSpace(options.aliases);
    const indexById = new Map(categories.map((category, index) => [category.id, index]));
    const catalogue: Document[] = categories.flatMap((category, label) =>
      catalogueTexts(category).map((text) => ({ keys: space.keys(text), text, label, weight: 1, catalogue: true })),
    );
    const history = historyDocuments(examples, indexById, space, options.correctionWeight);
    const documents = [...catalogue, ...history];
    const vocabulary = buildVocabulary(documents, options.minFeatureCount, options.vocabularyCap);
    const sparse = documents.map((document): SparseDocument & { urgent?: boolean } => ({
      ids: Int32Array.from(document.keys.map((key) => vocabulary.get(key)).filter((id): id is number => id !== undefined)),
      label: document.label,
      weight: document.weight,
      ...(document.urgent === undefined ? {} : { urgent: document.urgent }),
    }));
    const classifier = CategoryClassifier.train(sparse, catalogue.length, vocabulary.size, categories.length, options.classifier);
    const labelled = sparse.slice(catalogue.length).filter((document) => document.urgent !== undefined);
    const bothKinds = labelled.some((document) => document.urgent) && labelled.some((document) => !document.urgent);
    const urgencyHistory = bothKinds
      ? SoftmaxModel.train(
          labelled.map((document) => ({ ids: document.ids, label: document.urgent ? 1 : 0, weight: document.weight })),
          vocabulary.size,
          2,
          { ...options.classifier.softmax, epochs: 8 },
        )
      : null;
    // A dispatcher's urgency decision is informative where it differs from the category's default.
    const decided: UrgencyDocument[] = history
      .filter((document) => document.urgent !== undefined)
      .map((document) => {
        const againstDefault = document.urgent !== (categories[document.label]!.priority === 'urgent');
        return { keys: urgencyKeys(space, document.text), urgent: document.urgent!, weight: againstDefault ? options.correctionWeight : options.historyUrgencyWeight };
      })
      .filter((document) => document.weight > 0);
    const shipped = options.urgencyExamples.map((example): UrgencyDocument => ({ keys: urgencyKeys(space, example.text), urgent: example.urgent, weight: 1 }));
    const learnedUrgency = LearnedUrgency.train([...shipped, ...decided]);
    return new TriageModel(categories, space, vocabulary, classifier, urgencyHistory, learnedUrgency, options);
  }

  suggest(text: string, top = 3): TriageSuggestion {
    const analysed = this.space.analyse(text);
    const known = knownFeatures(analysed.features, this.vocabulary);
    const ids = distinctIds(known);
    // Single characters alone (你, 好) are not evidence of anything.
    const evidence = known.some((feature) => !feature.key.startsWith(UNIGRAM_PREFIX));
    const probabilities = evidence ? softmaxInto(new Float64Array(this.categories.length), this.classifier.logits(ids)) : null;
    const categories = probabilities ? this.rank(probabilities, { ...analysed, features: known }, top) : [];
    const urgentWords = findEmergencyWords(text);
    const urgency = judgeUrgency(
      {
        normalized: analysed.normalized,
        ...this.urgentCategories(probabilities),
        historyShare: this.urgencyHistory && ids.length > 0 ? softmaxInto(new Float64Array(2), this.urgencyHistory.logits(ids))[1]! : null,
        alarmWords: urgentWords,
        learned: this.judgeLearned(analysed),
      },
      this.options.urgency,
    );
    return {
      categories,
      departmentId: probabilities ? this.likeliestDepartment(probabilities) : null,
      priority: urgency.score >= urgency.threshold ? 'urgent' : 'normal',
      urgentWords,
      urgency,
    };
  }

  private rank(probabilities: Float64Array, text: { normalized: string; boundaries: ReadonlySet<number>; features: KnownFeature[] }, top: number): TriageCategoryGuess[] {
    return this.categories
      .map((category, index) => ({ category, index, confidence: probabilities[index]! }))
      .filter((entry) => entry.confidence >= MIN_CONFIDENCE)
      .sort((a, b) => b.confidence - a.confidence || a.index - b.index)
      .slice(0, Math.max(0, top))
      .map(({ category, index, confidence }) => ({
        categoryId: category.id,
        // Rounded down, so the rounded confidences still sum to at most 1.
        confidence: Math.floor(confidence * 1000) / 1000,
        words: supportingWords(text, (id) => this.classifier.support(id, index), category.keywords, MAX_WORDS),
      }));
  }

  /** The learned model's probability, and the stretches that pushed it most in the direction it leans. */
  private judgeLearned(analysed: ReturnType<FeatureSpace['analyse']>): { probability: number; words: string[] } | null {
    if (!this.learnedUrgency) return null;
    const learned = this.learnedUrgency;
    const framed = this.space.analyse(withoutFrames(analysed.normalized));
    const { probability, features } = learned.judge(framed);
    const sign = probability >= 0.5 ? 1 : -1;
    // Single characters (在, 的) carry weight in the sum but mean nothing quoted: the words shown are
    // the strongest stretches of two or more characters, relative to the strongest of them.
    const quotable = features.filter((feature) => !feature.key.startsWith(UNIGRAM_PREFIX));
    const strongest = Math.max(1e-9, ...quotable.map((feature) => sign * learned.weight(feature.id)));
    const words = supportingWords({ ...framed, features: quotable }, (id) => (sign * learned.weight(id)) / strongest, [], MAX_LEARNED_WORDS);
    return { probability, words };
  }

  /** How likely the report is to be of an urgent-by-default category, and the likeliest such category. */
  private urgentCategories(probabilities: Float64Array | null): { urgentCategoryShare: number; urgentCategoryId: string | null } {
    let share = 0;
    let likeliest: { id: string; probability: number } | null = null;
    this.categories.forEach((category, c) => {
      if (!probabilities || category.priority !== 'urgent') return;
      share += probabilities[c]!;
      if (!likeliest || probabilities[c]! > likeliest.probability) likeliest = { id: category.id, probability: probabilities[c]! };
    });
    return { urgentCategoryShare: share, urgentCategoryId: (likeliest as { id: string } | null)?.id ?? null };
  }

  /** The department whose categories together are likeliest: two close guesses of one department outweigh a third. */
  private likeliestDepartment(probabilities: Float64Array): string | null {
    const totals = new Map<string, number>();
    this.categories.forEach((category, c) => {
      if (category.departmentId) totals.set(category.departmentId, (totals.get(category.departmentId) ?? 0) + probabilities[c]!);
    });
    let best: string | null = null;
    let bestTotal = -1;
    for (const [id, total] of totals) {
      if (total > bestTotal) [best, bestTotal] = [id, total];
    }
    return best;
  }
}
