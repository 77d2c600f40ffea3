/**
 * Accuracy on held-out reports. `evaluate` is the category ranking alone: how often the right
 * category is the first suggestion (top1) or among the three shown to the dispatcher (top3).
 * `scoreTriage` is the whole suggestion as a dispatcher meets it: the major class of the first
 * guess, the category among the three, the department, and whether urgent reports were flagged
 * urgent (recall) without crying wolf (precision). A report with no suggestion counts as a miss.
 */
import type { TriageSuggestion } from '../api/types';

export interface TriageAccuracy {
  /** Fraction 0..1, rounded to 3 decimals. */
  top1: number;
  top3: number;
  n: number;
}

export interface LabelledReport {
  text: string;
  categoryId: string;
  departmentId?: string | null;
  urgent?: boolean;
}

export interface Suggester {
  suggest(text: string, top?: number): TriageSuggestion;
}

export interface TriageScores {
  n: number;
  major_top1: number;
  minor_top1: number;
  minor_top3: number;
  department_top1: number;
  urgent_recall: number;
  urgent_precision: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;
const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : round3(part / whole));

export function evaluate(model: Suggester, heldOut: readonly LabelledReport[]): TriageAccuracy {
  let top1 = 0;
  let top3 = 0;
  for (const example of heldOut) {
    const guesses = model.suggest(example.text, 3).categories;
    const rank = guesses.findIndex((guess) => guess.categoryId === example.categoryId);
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
  }
  const n = heldOut.length;
  return { top1: ratio(top1, n), top3: ratio(top3, n), n };
}

/** `majorOf` maps a category id to its major class; reports without a department or urgency label skip those figures. */
export function scoreTriage(model: Suggester, reports: readonly LabelledReport[], majorOf: (categoryId: string) => string | undefined): TriageScores {
  let major = 0;
  let top1 = 0;
  let top3 = 0;
  let department = 0;
  let withDepartment = 0;
  let urgentFlagged = 0;
  let urgentCaught = 0;
  let urgentTotal = 0;
  for (const report of reports) {
    const suggestion = model.suggest(report.text, 3);
    const rank = suggestion.categories.findIndex((guess) => guess.categoryId === report.categoryId);
    const first = suggestion.categories[0]?.categoryId;
    if (first !== undefined && majorOf(first) === majorOf(report.categoryId)) major += 1;
    if (rank === 0) top1 += 1;
    if (rank >= 0 && rank < 3) top3 += 1;
    if (report.departmentId !== undefined) {
      withDepartment += 1;
      if (suggestion.departmentId === report.departmentId) department += 1;
    }
    if (report.urgent !== undefined) {
      const flagged = suggestion.priority === 'urgent';
      if (flagged) urgentFlagged += 1;
      if (report.urgent) urgentTotal += 1;
      if (flagged && report.urgent) urgentCaught += 1;
    }
  }
  const n = reports.length;
  return {
    n,
    major_top1: ratio(major, n),
    minor_top1: ratio(top1, n),
    minor_top3: ratio(top3, n),
    department_top1: ratio(department, withDepartment),
    urgent_recall: ratio(urgentCaught, urgentTotal),
    urgent_precision: ratio(urgentCaught, urgentFlagged),
  };
}
