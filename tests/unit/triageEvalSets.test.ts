/**
 * The triage evaluation sets (tests/fixtures/triage-eval) are data other tests and the triage
 * bench rely on: every line well formed, labels consistent with the catalogue, every category
 * covered, enough urgent reports of every hazard kind, and no report in both sets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import catalogue from '../../resources/catalogue/categories.json';
import urgencyExamples from '../../resources/catalogue/urgency-examples.json';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'triage-eval');
const KEYS = ['id', 'text', 'category', 'department', 'urgent', 'hazard', 'style'];
const HAZARDS = ['life', 'traffic', 'public_order', 'vulnerable', 'property'];
const STYLES = ['resident', 'hotline', 'grid_worker', 'walk_in', 'department_patrol'];
const departmentOf = new Map(catalogue.map((category) => [category.code, category.departmentCode]));

interface Line {
  id: string;
  text: string;
  category: string;
  department: string;
  urgent: boolean;
  hazard: string | null;
  style: string;
}

function read(name: 'eval' | 'dev' | 'dev2' | 'dev3'): { lines: Line[]; raw: string[] } {
  const raw = readFileSync(join(DIR, `${name}.jsonl`), 'utf8').split('\n').filter((line) => line.trim().length > 0);
  return { raw, lines: raw.map((line) => JSON.parse(line) as Line) };
}

const sets = { eval: read('eval'), dev: read('dev'), dev2: read('dev2'), dev3: read('dev3') };
const rules = {
  eval: { idPrefix: 'e', minReports: 600, minPerCategory: 6, minUrgent: 80 },
  dev: { idPrefix: 'd', minReports: 300, minPerCategory: 3, minUrgent: 40 },
  dev2: { idPrefix: 'v', minReports: 300, minPerCategory: 3, minUrgent: 100 },
  // A held-out batch for the learned urgency model: not every category, every hazard kind.
  dev3: { idPrefix: 'w', minReports: 150, minPerCategory: 0, minUrgent: 60 },
};

describe.each(['eval', 'dev', 'dev2', 'dev3'] as const)('the %s set', (name) => {
  const { lines, raw } = sets[name];
  const rule = rules[name];

  it('has one JSON object a line with the documented fields, in order', () => {
    expect(lines.length).toBeGreaterThanOrEqual(rule.minReports);
    for (const [i, line] of lines.entries()) {
      expect(Object.keys(line), `line ${i + 1}`).toEqual(KEYS);
      expect(raw[i]!.startsWith('{"id":')).toBe(true);
      expect(line.id).toMatch(new RegExp(`^${rule.idPrefix}\\d{4}$`));
      expect(line.text.trim().length, line.id).toBeGreaterThan(0);
      expect(typeof line.urgent, line.id).toBe('boolean');
      expect(STYLES, line.id).toContain(line.style);
    }
  });

  it('labels every report with a catalogue category and that category’s default department', () => {
    for (const line of lines) {
      expect(departmentOf.has(line.category), `${line.id} category ${line.category}`).toBe(true);
      expect(line.department, line.id).toBe(departmentOf.get(line.category));
    }
  });

  it('gives a hazard exactly to the urgent reports', () => {
    for (const line of lines) {
      if (line.urgent) expect(HAZARDS, line.id).toContain(line.hazard);
      else expect(line.hazard, line.id).toBeNull();
    }
  });

  it('covers every category, and every hazard kind among enough urgent reports', () => {
    const perCategory = new Map<string, number>();
    for (const line of lines) perCategory.set(line.category, (perCategory.get(line.category) ?? 0) + 1);
    for (const category of catalogue) expect(perCategory.get(category.code) ?? 0, category.code).toBeGreaterThanOrEqual(rule.minPerCategory);
    const urgent = lines.filter((line) => line.urgent);
    expect(urgent.length).toBeGreaterThanOrEqual(rule.minUrgent);
    for (const hazard of HAZARDS) expect(urgent.some((line) => line.hazard === hazard), hazard).toBe(true);
  });
});

describe('the sets together', () => {
  const all = [...sets.eval.lines, ...sets.dev.lines, ...sets.dev2.lines, ...sets.dev3.lines];

  it('never repeat an id', () => {
    expect(new Set(all.map((line) => line.id)).size).toBe(all.length);
  });

  it('never repeat a text, ignoring spaces and punctuation', () => {
    const seen = new Map<string, string>();
    for (const line of all) {
      const key = line.text.replace(/[\s\p{P}\p{S}_]+/gu, '');
      expect(seen.get(key), `${line.id} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, line.id);
    }
  });
});

describe('the shipped urgency examples (resources/catalogue/urgency-examples.json)', () => {
  it('are exactly the dev and dev2 reports with their urgency, never eval or the held-out dev3', () => {
    const tuning = [...sets.dev.lines, ...sets.dev2.lines].map((line) => ({ text: line.text, urgent: line.urgent }));
    expect(urgencyExamples).toEqual(tuning);
    const shipped = new Set(urgencyExamples.map((example) => example.text));
    for (const line of [...sets.eval.lines, ...sets.dev3.lines]) expect(shipped.has(line.text), line.id).toBe(false);
  });
});
