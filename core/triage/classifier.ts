/**
 * The category classifier: multinomial logistic regression and naive Bayes over the same
 * feature ids, their scores added. On the dev set each alone reached about the same accuracy and
 * made different mistakes; together they were better than either (docs/architecture.md).
 *
 *   logit(c) = softmax regression logit(c) + nbWeight · Σ_f log P(f | c)
 *
 * Naive Bayes is counting, so it takes every example; the regression's cost grows with
 * examples × epochs, so above a budget it trains on the newest examples of each category (taken
 * in turn, so rare categories keep theirs) with fewer epochs.
 */
import { SoftmaxModel, type SoftmaxOptions, type SparseDocument } from './softmax';

export interface ClassifierOptions {
  softmax: SoftmaxOptions;
  /** Additive smoothing of the naive Bayes counts. */
  nbAlpha: number;
  nbWeight: number;
  /** Documents × epochs the regression may spend; fewer epochs (down to 3), then fewer documents. */
  softmaxBudget: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  softmax: { epochs: 8, learningRate: 0.5, l2: 1e-5, seed: 7 },
  nbAlpha: 0.1,
  nbWeight: 0.15,
  softmaxBudget: 60_000,
};

const MIN_EPOCHS = 3;

/** Catalogue documents first, then history documents newest first, in per-class turns up to `limit`. */
function withinBudget(documents: readonly SparseDocument[], fixed: number, limit: number, classCount: number): SparseDocument[] {
  if (documents.length <= limit) return [...documents];
  const kept = documents.slice(0, fixed);
  const queues: SparseDocument[][] = Array.from({ length: classCount }, () => []);
  for (const document of documents.slice(fixed)) queues[document.label]!.push(document);
  for (let round = 0; kept.length < limit; round++) {
    let any = false;
    for (const queue of queues) {
      if (round < queue.length && kept.length < limit) {
        kept.push(queue[round]!);
        any = true;
      }
    }
    if (!any) break;
  }
  return kept;
}

export class CategoryClassifier {
  private constructor(
    private readonly regression: SoftmaxModel,
    /** log P(f | c), feature-major. */
    private readonly logLikelihoods: Float32Array,
    /** Per feature, the mean of log P(f | c) over classes: what a feature says about no class in particular. */
    private readonly meanLogLikelihood: Float32Array,
    readonly classCount: number,
    private readonly nbWeight: number,
  ) {}

  /**
   * `documents`: the first `catalogueCount` are catalogue texts (always used in full), the rest
   * history, newest first.
   */
  static train(
    documents: readonly SparseDocument[],
    catalogueCount: number,
    featureCount: number,
    classCount: number,
    options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
  ): CategoryClassifier {
    const counts = new Float64Array(featureCount * classCount);
    const classTokens = new Float64Array(classCount);
    for (const document of documents) {
      for (const id of document.ids) counts[id * classCount + document.label]! += document.weight;
      classTokens[document.label]! += document.weight * document.ids.length;
    }
    const alpha = options.nbAlpha;
    const logLikelihoods = new Float32Array(featureCount * classCount);
    const meanLogLikelihood = new Float32Array(featureCount);
    const denominators = classTokens.map((tokens) => Math.log(tokens + alpha * featureCount));
    for (let f = 0; f < featureCount; f++) {
      let sum = 0;
      for (let c = 0; c < classCount; c++) {
        const value = Math.log(counts[f * classCount + c]! + alpha) - denominators[c]!;
        logLikelihoods[f * classCount + c] = value;
        sum += value;
      }
      meanLogLikelihood[f] = sum / classCount;
    }
    const epochs = Math.max(MIN_EPOCHS, Math.min(options.softmax.epochs, Math.floor(options.softmaxBudget / Math.max(1, documents.length))));
    const used = withinBudget(documents, catalogueCount, Math.floor(options.softmaxBudget / epochs), classCount);
    const regression = SoftmaxModel.train(used, featureCount, classCount, { ...options.softmax, epochs });
    return new CategoryClassifier(regression, logLikelihoods, meanLogLikelihood, classCount, options.nbWeight);
  }

  logits(ids: Int32Array): Float64Array {
    const logits = this.regression.logits(ids);
    for (const id of ids) {
      const base = id * this.classCount;
      for (let c = 0; c < this.classCount; c++) logits[c]! += this.nbWeight * this.logLikelihoods[base + c]!;
    }
    return logits;
  }

  /** How much a feature speaks for a class over the others: its regression weight plus its naive Bayes lift. */
  support(featureId: number, classIndex: number): number {
    const lift = this.logLikelihoods[featureId * this.classCount + classIndex]! - this.meanLogLikelihood[featureId]!;
    return this.regression.weight(featureId, classIndex) + this.nbWeight * lift;
  }
}
