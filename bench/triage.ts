/**
 * npm run bench -- triage: how well triage does on reports it has never seen.
 *
 * The model is trained as the app trains it: on the demo office's filed cases (through the same
 * loader as the backend) and the catalogue. It is then scored on
 *   - unseen_text: tests/fixtures/triage-eval/eval.jsonl, written independently of the demo
 *     templates and of the catalogue keywords (measurement only: never tuned on);
 *   - dev: dev.jsonl, and dev2: dev2.jsonl (a second author's phrasings), the sets thresholds and weights are tuned on
 *     and the learned urgency model is trained on (resources/catalogue/urgency-examples.json): fitted figures;
 *   - dev3_heldout: dev3.jsonl, a third batch kept out of all training (see the README there);
 *   - demo_heldout: 20% of the demo office's filed cases, the model trained on the other 80%.
 * Suggestion time is measured over the eval texts (median and p95), training time as the median
 * of a few runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreTriage, type LabelledReport } from '../core/triage/evaluate';
import { openDatabase } from '../db/connection';
import { loadCategories, loadDepartments } from '../db/repositories/reference';
import { loadTriageExamples } from '../db/repositories/triageExamples';
import { seedDemo } from '../db/seed/demo';
import { Random } from '../db/seed/random';
import { WritePath } from '../db/writePath';
import { trainTriageModel } from '../electron/main/triageTraining';
import { log, median, percentile, round } from './stats';

interface EvalLine {
  id: string;
  text: string;
  category: string;
  department: string;
  urgent: boolean;
}

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'triage-eval');
const readSet = (name: string): EvalLine[] =>
  readFileSync(join(FIXTURES, `${name}.jsonl`), 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as EvalLine);

const dir = mkdtempSync(join(tmpdir(), 'griddesk-triage-bench-'));
const knex = await openDatabase({ client: 'sqlite', filename: join(dir, 'demo.sqlite') });
try {
  log('seeding the demo office…');
  await seedDemo(await WritePath.open(knex), { now: Date.now() });
  const categories = await loadCategories(knex);
  const departments = await loadDepartments(knex);
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const majorOf = (id: string) => categories.find((c) => c.id === id)?.majorCode;
  const labelled = (lines: EvalLine[]): LabelledReport[] =>
    lines.map((line) => ({
      text: line.text,
      categoryId: categoryByCode.get(line.category)!.id,
      departmentId: departmentByCode.get(line.department)!.id,
      urgent: line.urgent,
    }));

  const examples = await loadTriageExamples(knex, 50_000);
  log(`training on ${examples.length} filed cases and ${categories.length} categories…`);
  const trainTimes: number[] = [];
  const trainCpu: number[] = [];
  let model = trainTriageModel(categories, examples);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    model = trainTriageModel(categories, examples);
    trainTimes.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    trainCpu.push((used.user + used.system) / 1000);
  }

  const evalSet = labelled(readSet('eval'));
  const unseen = scoreTriage(model, evalSet, majorOf);
  const dev = scoreTriage(model, labelled(readSet('dev')), majorOf);
  const dev2 = scoreTriage(model, labelled(readSet('dev2')), majorOf);
  const dev3 = scoreTriage(model, labelled(readSet('dev3')), majorOf);

  const rng = new Random(11);
  const shuffled = [...examples].sort(() => rng.next() - 0.5);
  const cut = Math.floor(shuffled.length * 0.8);
  const heldOutModel = trainTriageModel(categories, shuffled.slice(0, cut));
  const heldOut: LabelledReport[] = shuffled.slice(cut).map((e) => ({
    text: e.text,
    categoryId: e.categoryId,
    departmentId: categories.find((c) => c.id === e.categoryId)?.departmentId ?? null,
    urgent: e.urgent,
  }));
  const demoHeldout = scoreTriage(heldOutModel, heldOut, majorOf);

  const times: number[] = [];
  const suggestCpu = process.cpuUsage();
  for (let round = 0; round < 3; round++) {
    for (const report of evalSet) {
      const started = performance.now();
      model.suggest(report.text);
      times.push(performance.now() - started);
    }
  }
  const suggestUsed = process.cpuUsage(suggestCpu);
  console.log(
    JSON.stringify({
      bench: 'triage',
      unseen_text: unseen,
      dev,
      dev2,
      dev3_heldout: dev3,
      demo_heldout: demoHeldout,
      suggest_ms_p50: round(median(times), 3),
      suggest_ms_p95: round(percentile(times, 95), 3),
      suggest_cpu_ms_mean: round((suggestUsed.user + suggestUsed.system) / 1000 / times.length, 3),
      train_ms: round(median(trainTimes), 1),
      train_cpu_ms: round(median(trainCpu), 1),
      train_examples: examples.length,
    }),
  );
} finally {
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
}
