/**
 * Multinomial logistic regression over sparse binary features, trained in-process by SGD.
 *
 * Each document is a set of feature ids, scaled to unit length (1/√n each) so that long reports do
 * not shout down short ones. Training walks the documents in a seeded random order for a few
 * epochs with a falling learning rate; L2 shrinkage is applied lazily, only to the weights a
 * document touches. Classes whose predicted probability is already within `skipBelow` of the
 * target are not updated, which keeps an epoch over 50,000 reports to a fraction of a second.
 */

export interface SparseDocument {
  /** Distinct feature ids. */
  ids: Int32Array;
  label: number;
  /** How much the document counts (a dispatcher's correction counts more than a plain filing). */
  weight: number;
}

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { epochs: 8, learningRate: 0.5, l2: 1e-5, seed: 7 };

const SKIP_BELOW = 1e-3;

/** Mulberry32: a small seeded generator, so the same examples always give the same model. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class SoftmaxModel {
  constructor(
    readonly featureCount: number,
    readonly classCount: number,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  static train(documents: readonly SparseDocument[], featureCount: number, classCount: number, options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS): SoftmaxModel {
    const weights = new Float32Array(featureCount * classCount);
    const bias = new Float64Array(classCount);
    const probabilities = new Float64Array(classCount);
    const logits = new Float64Array(classCount);
    const order = documents.map((_, index) => index);
    const random = seededRandom(options.seed);
    const steps = options.epochs * documents.length;
    let step = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const index of order) {
        const document = documents[index]!;
        const rate = options.learningRate * (1 - step / steps) + 0.01 * options.learningRate;
        step += 1;
        const count = document.ids.length;
        if (count === 0) continue;
        const value = 1 / Math.sqrt(count);
        softmaxInto(probabilities, logitsInto(logits, weights, bias, classCount, document.ids, value));
        const shrink = 1 - rate * options.l2;
        for (let c = 0; c < classCount; c++) {
          const gradient = probabilities[c]! - (c === document.label ? 1 : 0);
          if (Math.abs(gradient) < SKIP_BELOW) continue;
          const delta = rate * gradient * document.weight;
          bias[c]! -= delta * 0.1;
          for (const id of document.ids) {
            const at = id * classCount + c;
            weights[at] = weights[at]! * shrink - delta * value;
          }
        }
      }
    }
    return new SoftmaxModel(featureCount, classCount, weights, bias);
  }

  /** Per class, the score of a text with these distinct feature ids. */
  logits(ids: ArrayLike<number>): Float64Array {
    const logits = Float64Array.from(this.bias);
    return ids.length === 0 ? logits : logitsInto(logits, this.weights, this.bias, this.classCount, ids, 1 / Math.sqrt(ids.length));
  }

  /** What one feature adds to a class's score, before the length scaling. */
  weight(featureId: number, classIndex: number): number {
    return this.weights[featureId * this.classCount + classIndex]!;
  }
}

function logitsInto(logits: Float64Array, weights: Float32Array, bias: Float64Array, classCount: number, ids: ArrayLike<number>, value: number): Float64Array {
  logits.set(bias);
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * classCount;
    for (let c = 0; c < classCount; c++) logits[c]! += weights[base + c]! * value;
  }
  return logits;
}

export function softmaxInto(target: Float64Array, logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp(logits[c]! - max);
    target[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) target[c]! /= sum;
  return target;
}
