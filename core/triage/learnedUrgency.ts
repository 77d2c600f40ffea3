/**
 * The learned urgency model: a two-class logistic regression over the same words and character
 * 1–3-grams as the category model, learned from labelled reports — the shipped urgency examples
 * (reports written for tuning, each marked urgent or not) and the office's own cases where a
 * dispatcher decided against the category's default priority (flagged a normal-category case 加急,
 * or filed an urgent-category report as normal).
 *
 * The hazard word lists only see dangers someone thought to list; this model weighs every
 * stretch of the text by how often it came with urgent reports, so a danger worded in a new way
 * still counts when its pieces (翻起来, 横在路中间, 叫他没反应) did before. It is trained in full
 * batch (a few hundred reports, deterministic), and each class counts half, so a set with more
 * routine than urgent reports does not learn to say "routine".
 *
 * Its probability is one reason among the others (urgency.ts), and the words it quotes are the
 * stretches of the text whose weights pushed it most (explain.ts).
 */
import { distinctIds, knownFeatures, type AnalysedText, type KnownFeature } from './features';

/**
 * Who is telling (来电人反映, 巡查发现, 居民来说) says nothing about danger, but the tuning sets mix
 * registers unevenly (a batch of operator summaries was mostly urgent), and a model would learn the
 * register. These phrases are blanked before the text is read, keeping every other character in place.
 */
export const REPORTING_FRAMES: readonly string[] = [
  '来电人反映', '来电人称', '来电人说', '来电人', '来电反映', '来电称', '市民反映', '市民称', '居民反映', '居民来说', '居民来反映',
  '群众反映', '住户反映', '反映', '巡查发现', '走访发现', '巡查时', '走访时', '巡查', '走访', '网格员', '经核查', '核查',
];
const FRAME_PATTERN = new RegExp([...REPORTING_FRAMES].sort((a, b) => b.length - a.length).join('|'), 'g');

/** The normalised text with its reporting frames blanked (same length, so positions still match). */
export function withoutFrames(normalized: string): string {
  return normalized.replace(FRAME_PATTERN, (frame) => '，'.repeat(frame.length));
}

export interface LearnedUrgencyOptions {
  iterations: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training reports are ignored. */
  minCount: number;
}

/**
 * Looked at by five-fold cross-validation on dev + dev2 (tests/fixtures/triage-eval), in a prototype
 * of the same regression: out-of-fold AUC 0.939 / 0.947 / 0.955 at 100 / 200 / 400 iterations (200:
 * about 0.3–0.5 s of CPU added to training, which runs every 10 minutes), and 0.948 / 0.947 / 0.937 at
 * L2 1e-4 / 1e-3 / 1e-2.
 */
export const DEFAULT_LEARNED_URGENCY_OPTIONS: LearnedUrgencyOptions = { iterations: 200, learningRate: 2, l2: 1e-3, minCount: 2 };

export interface UrgencyDocument {
  keys: readonly string[];
  urgent: boolean;
  weight: number;
}

export interface LearnedJudgement {
  /** Probability that the report needs an urgent response, 0..1. */
  probability: number;
  /** The features of the text the model knows, for quoting the words that decided. */
  features: KnownFeature[];
}

export class LearnedUrgency {
  private constructor(
    readonly vocabulary: ReadonlyMap<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: number,
  ) {}

  /** Null unless there are reports of both kinds to learn from. */
  static train(documents: readonly UrgencyDocument[], options: LearnedUrgencyOptions = DEFAULT_LEARNED_URGENCY_OPTIONS): LearnedUrgency | null {
    const positive = documents.filter((document) => document.urgent).reduce((sum, document) => sum + document.weight, 0);
    const negative = documents.filter((document) => !document.urgent).reduce((sum, document) => sum + document.weight, 0);
    if (positive === 0 || negative === 0) return null;

    const vocabulary = countedVocabulary(documents, options.minCount);
    const rows = documents.map((document) => {
      const ids = Int32Array.from(new Set(document.keys.map((key) => vocabulary.get(key)).filter((id): id is number => id !== undefined)));
      // Each class weighs half of the total, whatever their sizes.
      const classWeight = (document.urgent ? 0.5 / positive : 0.5 / negative) * documents.length;
      return { ids, value: 1 / Math.sqrt(Math.max(1, ids.length)), target: document.urgent ? 1 : 0, weight: document.weight * classWeight };
    });
    const weights = new Float64Array(vocabulary.size);
    const gradient = new Float64Array(vocabulary.size);
    let bias = 0;
    for (let iteration = 0; iteration < options.iterations; iteration++) {
      gradient.fill(0);
      let biasGradient = 0;
      for (const row of rows) {
        const error = (sigmoid(score(weights, bias, row.ids, row.value)) - row.target) * row.weight;
        biasGradient += error;
        for (const id of row.ids) gradient[id]! += error * row.value;
      }
      bias -= (options.learningRate / 2) * (biasGradient / rows.length);
      for (let id = 0; id < weights.length; id++) {
        weights[id]! -= options.learningRate * (gradient[id]! / rows.length + options.l2 * weights[id]!);
      }
    }
    return new LearnedUrgency(vocabulary, weights, bias);
  }

  judge(analysed: Pick<AnalysedText, 'features'>): LearnedJudgement {
    const features = knownFeatures(analysed.features, this.vocabulary);
    const ids = distinctIds(features);
    return { probability: sigmoid(score(this.weights, this.bias, ids, 1 / Math.sqrt(Math.max(1, ids.length)))), features };
  }

  /** How much one feature speaks for urgency (negative: for routine). */
  weight(featureId: number): number {
    return this.weights[featureId]!;
  }
}

function countedVocabulary(documents: readonly UrgencyDocument[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) for (const key of new Set(document.keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const kept = [...counts].filter(([, count]) => count >= minCount).map(([key]) => key).sort();
  return new Map(kept.map((key, id) => [key, id]));
}

function score(weights: Float64Array, bias: number, ids: ArrayLike<number>, value: number): number {
  let total = bias;
  for (let k = 0; k < ids.length; k++) total += weights[ids[k]!]! * value;
  return total;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
