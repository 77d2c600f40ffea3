/**
 * Accuracy on held-out reports: how often the right category is the first suggestion (top1) or
 * among the three shown to the dispatcher (top3). A report with no suggestion counts as a miss.
 */
import type { TrainingExample, TriageModel } from './model';

export interface TriageAccuracy {
  /** Fraction 0..1, rounded to 3 decimals. */
  top1: number;
  top3: number;
  n: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export function evaluate(model: TriageModel, heldOut: readonly TrainingExample[]): TriageAccuracy {
  let top1 = 0;
  let top3 = 0;
  for (const example of heldOut) {
    const guesses = model.suggest(example.text, 3).categories;
    const rank = guesses.findIndex((guess) => guess.categoryId === example.categoryId);
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
  }
  const n = heldOut.length;
  return { top1: n === 0 ? 0 : round3(top1 / n), top3: n === 0 ? 0 : round3(top3 / n), n };
}
