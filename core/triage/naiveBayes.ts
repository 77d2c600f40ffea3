/**
 * Multinomial naive Bayes with Laplace smoothing, trained by streaming counts.
 *
 * Training keeps one sparse row per feature (which classes saw it, how often), so a million
 * examples cost a few map look-ups per token. When the table outgrows `pruneAt` rows the rarest
 * half is dropped (lossy counting): memory stays bounded and only features too rare to make the
 * final vocabulary are lost.
 */

interface FeatureRow {
  total: number;
  classes: number[];
  counts: number[];
}

export interface NaiveBayesOptions {
  /** Features kept in the final model, the most frequent first. */
  vocabularyCap: number;
  /** Rows held during training before the rarest half is dropped. */
  pruneAt: number;
  /** Additive (Laplace) smoothing. */
  alpha: number;
}

export const DEFAULT_NAIVE_BAYES_OPTIONS: NaiveBayesOptions = { vocabularyCap: 50_000, pruneAt: 400_000, alpha: 1 };

export class NaiveBayesTrainer {
  private readonly rows = new Map<string, FeatureRow>();
  private readonly documents: Float64Array;

  constructor(
    private readonly classCount: number,
    private readonly options: NaiveBayesOptions = DEFAULT_NAIVE_BAYES_OPTIONS,
  ) {
    this.documents = new Float64Array(classCount);
  }

  add(classIndex: number, features: readonly string[]): void {
    this.documents[classIndex]! += 1;
    this.count(classIndex, features);
  }

  /** A document that counts for the class prior only. */
  addDocument(classIndex: number): void {
    this.documents[classIndex]! += 1;
  }

  /** Features known to belong to a class without a document behind them: counted, not in the prior. */
  addSeed(classIndex: number, features: readonly string[]): void {
    this.count(classIndex, features);
  }

  get documentCount(): number {
    return this.documents.reduce((sum, docs) => sum + docs, 0);
  }

  private count(classIndex: number, features: readonly string[]): void {
    for (const feature of features) {
      let row = this.rows.get(feature);
      if (!row) {
        row = { total: 0, classes: [], counts: [] };
        this.rows.set(feature, row);
      }
      row.total += 1;
      // Most features occur in a handful of classes, so a linear scan beats a nested map.
      const slot = row.classes.indexOf(classIndex);
      if (slot >= 0) row.counts[slot]! += 1;
      else {
        row.classes.push(classIndex);
        row.counts.push(1);
      }
    }
    if (this.rows.size > this.options.pruneAt) this.keepMostFrequent(Math.floor(this.options.pruneAt / 2));
  }

  finish(): NaiveBayesModel {
    this.keepMostFrequent(this.options.vocabularyCap);
    const vocabulary = new Map<string, number>();
    const counts = new Float32Array(this.rows.size * this.classCount);
    const classTokens = new Float64Array(this.classCount);
    // Sorted so that the same examples always give the same feature ids.
    const features = [...this.rows.keys()].sort();
    features.forEach((feature, id) => {
      vocabulary.set(feature, id);
      const row = this.rows.get(feature)!;
      row.classes.forEach((classIndex, slot) => {
        counts[id * this.classCount + classIndex] = row.counts[slot]!;
        classTokens[classIndex]! += row.counts[slot]!;
      });
    });
    return new NaiveBayesModel(vocabulary, counts, classTokens, Float64Array.from(this.documents), this.options.alpha);
  }

  /** Drops all but `keep` rows, the rarest first; among equals, the ones seen last go first. */
  private keepMostFrequent(keep: number): void {
    if (this.rows.size <= keep) return;
    const totals = [...this.rows.values()].map((row) => row.total).sort((a, b) => b - a);
    const cut = totals[keep]!;
    let tiesToKeep = keep - totals.filter((total) => total > cut).length;
    for (const [feature, row] of this.rows) {
      if (row.total > cut) continue;
      if (row.total === cut && tiesToKeep > 0) tiesToKeep -= 1;
      else this.rows.delete(feature);
    }
  }
}

export class NaiveBayesModel {
  readonly classCount: number;
  private readonly logClassDenominators: Float64Array;
  private readonly logBackgroundDenominator: number;
  private readonly featureTotals: Float64Array;
  private readonly totalTokens: number;
  private readonly totalDocuments: number;

  constructor(
    readonly vocabulary: ReadonlyMap<string, number>,
    private readonly counts: Float32Array,
    private readonly classTokens: Float64Array,
    private readonly documents: Float64Array,
    private readonly alpha: number,
  ) {
    this.classCount = classTokens.length;
    const size = vocabulary.size;
    this.logClassDenominators = classTokens.map((tokens) => Math.log(tokens + alpha * size));
    this.totalTokens = classTokens.reduce((sum, tokens) => sum + tokens, 0);
    this.totalDocuments = documents.reduce((sum, docs) => sum + docs, 0);
    this.logBackgroundDenominator = Math.log(this.totalTokens + alpha * size);
    this.featureTotals = new Float64Array(size);
    for (let id = 0; id < size; id++) {
      let total = 0;
      for (let c = 0; c < this.classCount; c++) total += counts[id * this.classCount + c]!;
      this.featureTotals[id] = total;
    }
  }

  get isEmpty(): boolean {
    return this.totalDocuments === 0 || this.vocabulary.size === 0;
  }

  hasExamples(classIndex: number): boolean {
    return this.documents[classIndex]! > 0;
  }

  count(featureId: number, classIndex: number): number {
    return this.counts[featureId * this.classCount + classIndex]!;
  }

  /** log P(class), Laplace smoothed so that a class never seen keeps a small chance. */
  logPrior(classIndex: number): number {
    return Math.log((this.documents[classIndex]! + 1) / (this.totalDocuments + this.classCount));
  }

  /**
   * log P(feature | class). A class without any example has no word distribution of its own; it
   * gets the pooled distribution of all classes, which makes the text neutral evidence for it.
   * (Plain Laplace would give it the uniform distribution, which beats every trained class on
   * any feature they lack and would float untrained classes to the top.)
   */
  logLikelihood(featureId: number, classIndex: number): number {
    if (!this.hasExamples(classIndex)) return this.logBackground(featureId);
    return Math.log(this.count(featureId, classIndex) + this.alpha) - this.logClassDenominators[classIndex]!;
  }

  logBackground(featureId: number): number {
    return Math.log(this.featureTotals[featureId]! + this.alpha) - this.logBackgroundDenominator;
  }

  /** log P(feature | class) − log P(feature | every other class): how much the feature favours it. */
  logLikelihoodRatio(featureId: number, classIndex: number): number {
    const inClass = this.count(featureId, classIndex);
    const elsewhere = this.featureTotals[featureId]! - inClass;
    const otherTokens = this.totalTokens - this.classTokens[classIndex]!;
    const size = this.vocabulary.size;
    return this.logLikelihood(featureId, classIndex) - Math.log((elsewhere + this.alpha) / (otherTokens + this.alpha * size));
  }

  /** Per class, log P(class) + Σ log P(feature | class) over the known feature ids. */
  logJoint(featureIds: readonly number[]): Float64Array {
    const scores = new Float64Array(this.classCount);
    for (let c = 0; c < this.classCount; c++) {
      let score = this.logPrior(c);
      for (const id of featureIds) score += this.logLikelihood(id, c);
      scores[c] = score;
    }
    return scores;
  }
}
