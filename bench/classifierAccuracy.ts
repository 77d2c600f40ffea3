import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TriageModel, evaluate, type TrainingExample } from '../core/triage';
import { openDatabase } from '../db/connection';
import { loadCategories } from '../db/repositories/reference';
import { seedDemo } from '../db/seed/demo';
import { Random } from '../db/seed/random';
import { WritePath } from '../db/writePath';
import { median } from './stats';

export interface ClassifierFigures {
  top1: number;
  top3: number;
  n: number;
  /** The same, on report texts the model never saw in training (a harder, more honest split). */
  unseen_text: { top1: number; top3: number; n: number };
  /** Median time of one suggestion for a 50-character report. */
  suggest_ms: number;
}

/**
 * Triage accuracy on the demo office: train on 80% of its filed cases, test on the rest;
 * then again holding out whole report texts, since demo reports reuse a few phrasings.
 */
export async function classifierAccuracy(): Promise<ClassifierFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-triage-'));
  const knex = await openDatabase({ client: 'sqlite', filename: join(dir, 'demo.sqlite') });
  try {
    await seedDemo(await WritePath.open(knex), { now: Date.now() });
    const categories = (await loadCategories(knex)).map((c) => ({
      id: c.id, name: c.name, keywords: c.keywords, departmentId: c.departmentId, priority: c.priority,
    }));
    const rows = await knex('cases')
      .join('case_states', 'case_states.id', 'cases.id')
      .whereNotNull('cases.category_id')
      .whereNotIn('cases.status', ['voided', 'merged'])
      .select('case_states.state', 'cases.category_id');
    const examples: TrainingExample[] = rows.map((r) => ({ text: JSON.parse(r.state).description as string, categoryId: r.category_id as string }));
    const rng = new Random(11);
    const shuffled = [...examples].sort(() => rng.next() - 0.5);
    const cut = Math.floor(shuffled.length * 0.8);
    const random = evaluate(TriageModel.train(categories, shuffled.slice(0, cut)), shuffled.slice(cut));

    const heldTexts = new Set<string>();
    const byCategory = new Map<string, Set<string>>();
    for (const e of examples) byCategory.set(e.categoryId, (byCategory.get(e.categoryId) ?? new Set()).add(e.text));
    for (const texts of byCategory.values()) if (texts.size > 1) heldTexts.add([...texts][0]!);
    const train = examples.filter((e) => !heldTexts.has(e.text));
    const test = examples.filter((e) => heldTexts.has(e.text));
    const model = TriageModel.train(categories, train);
    const unseen = evaluate(model, test);
    const text = '红锦路菜市场旁有一根电线被大风刮断掉在地上，还在冒火花，周边很多行人经过，请尽快派人处理';
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      model.suggest(`${text}${i}`);
      times.push(performance.now() - started);
    }
    return { ...random, unseen_text: unseen, suggest_ms: Math.round(median(times) * 1000) / 1000 };
  } finally {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
