/**
 * The triage model as the app trains it: the office's catalogue (names, keywords, filing and
 * closing criteria) with the shipped lexicon of everyday words per category code and the dialect
 * aliases, plus the office's filed cases; and the shipped urgency examples (the dev and dev2 reports of
 * tests/fixtures/triage-eval, marked urgent or not) for the learned urgency model.
 */
import type { CategoryRef } from '../../core/api/types';
import { TriageModel, type TrainingExample, type TriageModelOptions } from '../../core/triage';
import lexiconJson from '../../resources/catalogue/triage-lexicon.json';
import urgencyExamples from '../../resources/catalogue/urgency-examples.json';

interface TriageLexicon {
  aliases: Record<string, string>;
  categories: Record<string, string[]>;
}

const lexicon = lexiconJson as TriageLexicon;

export function trainTriageModel(categories: readonly CategoryRef[], examples: Iterable<TrainingExample>, tuning: Partial<TriageModelOptions> = {}): TriageModel {
  return TriageModel.train(
    categories.map((c) => ({
      id: c.id,
      name: c.name,
      majorName: c.majorName,
      keywords: c.keywords,
      filingCriteria: c.filingCriteria,
      closingCriteria: c.closingCriteria,
      lexicon: lexicon.categories[c.code] ?? [],
      departmentId: c.departmentId,
      priority: c.priority,
    })),
    examples,
    { aliases: lexicon.aliases, urgencyExamples, ...tuning },
  );
}
