/**
 * A regression guard, not a tuning target: triage trained as the app trains it (catalogue, lexicon
 * and the demo office's report texts) on the independent eval set, which nothing was fitted to.
 * The floors sit a little below what the model reached when this test was written
 * (npm run bench -- triage prints the full figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreTriage, type LabelledReport } from '../../core/triage';
import { trainTriageModel } from '../../electron/main/triageTraining';
import { catalogueCategories, demoHistory } from '../support/triageCatalogue';

const evalSet: LabelledReport[] = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'triage-eval', 'eval.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; category: string; department: string; urgent: boolean })
  .map((line) => ({ text: line.text, categoryId: line.category, departmentId: line.department, urgent: line.urgent }));

describe('triage on reports it has never seen', () => {
  it('keeps its accuracy on the eval set', () => {
    const model = trainTriageModel(catalogueCategories, demoHistory);
    const majorOf = (id: string) => catalogueCategories.find((c) => c.id === id)?.majorCode;
    const scores = scoreTriage(model, evalSet, majorOf);
    // Reached: major 0.875, minor top-3 0.948, department 0.883, urgent recall 0.923 at precision 0.679
    // (with the learned urgency model; before it, recall 0.812 at precision 0.71: the recall floor went
    // up from 0.78 and the precision floor down from 0.7 — a trade the integrator accepted or not, see
    // docs/architecture.md "Triage").
    expect(scores.n).toBe(768);
    expect(scores.major_top1).toBeGreaterThanOrEqual(0.85);
    expect(scores.minor_top3).toBeGreaterThanOrEqual(0.92);
    expect(scores.department_top1).toBeGreaterThanOrEqual(0.86);
    expect(scores.urgent_recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.urgent_precision).toBeGreaterThanOrEqual(0.65);
  });
});
