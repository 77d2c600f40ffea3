import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ReferenceData } from '../../core/api/types';
import type { CaseSource, HandlingResult, Satisfaction } from '../../core/domain/case';
import { HISTORY_FIELD_LABELS, SOURCE_LABELS, STAGE_FIELDS, type StageField } from '../../core/import/history';
import { Random } from '../../db/seed/random';

/** One past case as an old system knows it (times in epoch ms). */
export interface PastCase {
  caseNo: string;
  source: CaseSource;
  description: string;
  address: string;
  gridCode: string;
  categoryCode: string;
  departmentCode: string;
  reportedAt: number;
  stages: Partial<Record<StageField, number>>;
  result: HandlingResult | null;
  satisfaction: Satisfaction | null;
}

const MIN = 60_000;
const HOUR = 3_600_000;
const CST = 8 * HOUR;

const RESULT_LABELS: Record<HandlingResult, string> = { resolved: '已解决', partly_resolved: '部分解决', unresolvable: '无法解决', not_our_duty: '非职责' };
const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', unreachable: '无法联系' };
const TEXTS = ['人行道上堆放建筑垃圾，影响通行', '小区门口路灯不亮已经三天', '占道经营摆摊，堵塞消防通道', '井盖松动，车辆经过声响很大', '绿化带内有大量生活垃圾', '楼道内电动车充电存在隐患'];
const STREETS = ['双龙大道', '建设路', '和平街', '人民南路', '新华路'];

/**
 * Past cases spread over [from, to): reported by day between 07:00 and 20:00 Beijing time, each
 * stage minutes to days after the one before, most of them closed and called back, some
 * stopped half way, some parked. Deterministic for a seed.
 */
export function pastCases(reference: ReferenceData, count: number, from: number, to: number, seed = 9): PastCase[] {
  const rng = new Random(seed);
  const grids = reference.regions.filter((r) => r.level === 'grid' && r.active);
  const departments = new Map(reference.departments.map((d) => [d.id, d]));
  const categories = reference.categories.filter((c) => c.departmentId && departments.has(c.departmentId));
  const cases: PastCase[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(from / 86_400_000) + rng.int(0, Math.floor((to - from) / 86_400_000) - 10);
    const reportedAt = day * 86_400_000 - CST + rng.int(7 * 60, 20 * 60) * MIN;
    const category = rng.pick(categories);
    const result = rng.weighted<HandlingResult>([['resolved', 85], ['partly_resolved', 10], ['unresolvable', 5]]);
    const gaps: Record<StageField, () => number> = {
      acceptedAt: () => rng.int(3, 90) * MIN,
      filedAt: () => rng.int(1, 40) * MIN,
      dispatchedAt: () => rng.int(5, 300) * MIN,
      signedAt: () => rng.int(5, rng.chance(0.1) ? 3000 : 400) * MIN,
      handledAt: () => rng.int(60, rng.chance(0.1) ? 14 * 24 * 60 : 5 * 24 * 60) * MIN,
      verifiedAt: () => rng.int(30, 30 * 60) * MIN,
      closedAt: () => rng.int(10, 24 * 60) * MIN,
      callbackAt: () => rng.int(60, 5 * 24 * 60) * MIN,
    };
    const stopAfter = rng.chance(0.88) ? STAGE_FIELDS.length : rng.int(0, STAGE_FIELDS.length - 1);
    const stages: Partial<Record<StageField, number>> = {};
    let t = reportedAt;
    STAGE_FIELDS.slice(0, stopAfter).forEach((field) => {
      if (result === 'unresolvable' && (field === 'verifiedAt' || field === 'callbackAt')) return;
      t += gaps[field]();
      if (t < to) stages[field] = t;
    });
    // A stage after `to` cut the history: keep only the unbroken start.
    const kept: Partial<Record<StageField, number>> = {};
    for (const field of STAGE_FIELDS) {
      if (stages[field] !== undefined) kept[field] = stages[field];
      else if (!(result === 'unresolvable' && field === 'verifiedAt')) break;
    }
    cases.push({
      caseNo: `LS${String(i + 1).padStart(7, '0')}`,
      source: rng.weighted<CaseSource>([['grid_worker', 50], ['hotline', 32], ['patrol', 6], ['video', 6], ['walk_in', 6]]),
      description: `${rng.pick(TEXTS)}（第${i + 1}件）`,
      address: `${rng.pick(STREETS)}${rng.int(1, 300)}号`,
      gridCode: rng.pick(grids).code,
      categoryCode: category.code,
      departmentCode: departments.get(category.departmentId!)!.code,
      reportedAt,
      stages: kept,
      result: kept.handledAt !== undefined ? result : null,
      satisfaction: kept.callbackAt !== undefined ? rng.weighted<Satisfaction>([['satisfied', 75], ['basically_satisfied', 15], ['dissatisfied', 6], ['unreachable', 4]]) : null,
    });
  }
  return cases;
}

/** The file's header: the field names GridDesk's own template uses. */
export const HISTORY_HEADER = [
  HISTORY_FIELD_LABELS.caseNo, HISTORY_FIELD_LABELS.source, HISTORY_FIELD_LABELS.description, HISTORY_FIELD_LABELS.address,
  HISTORY_FIELD_LABELS.gridCode, HISTORY_FIELD_LABELS.categoryCode, HISTORY_FIELD_LABELS.departmentCode, HISTORY_FIELD_LABELS.reportedAt,
  ...STAGE_FIELDS.map((f) => HISTORY_FIELD_LABELS[f]), HISTORY_FIELD_LABELS.result, HISTORY_FIELD_LABELS.satisfaction,
];

/** Beijing wall time as text: 2025-03-01 09:30:00. */
export const wallText = (ms: number): string => new Date(ms + CST).toISOString().slice(0, 19).replace('T', ' ');

/** A row's cells; times as Excel date cells (the Beijing wall time, which exceljs writes as given) or as text. */
export function pastCaseCells(c: PastCase, times: 'date' | 'text'): Array<string | Date | null> {
  const time = (ms: number | undefined) => (ms === undefined ? null : times === 'date' ? new Date(ms + CST) : wallText(ms));
  return [
    c.caseNo, SOURCE_LABELS[c.source], c.description, c.address, c.gridCode, c.categoryCode, c.departmentCode, time(c.reportedAt),
    ...STAGE_FIELDS.map((f) => time(c.stages[f])), c.result ? RESULT_LABELS[c.result] : null, c.satisfaction ? SATISFACTION_LABELS[c.satisfaction] : null,
  ];
}

/**
 * Writes an .xlsx with the streaming writer: a 100,000-row file never sits in memory. With
 * shared strings (as Excel saves) the strings table comes after the sheet in the zip.
 */
export async function writeHistoryXlsx(path: string, header: readonly string[], rows: Iterable<ReadonlyArray<string | number | Date | null>>, sharedStrings = true): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: sharedStrings, useStyles: true });
  const sheet = workbook.addWorksheet('历史案件');
  sheet.addRow([...header]).commit();
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    row.forEach((v, i) => {
      if (v instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}

const csvField = (v: string | number | Date | null): string => {
  const text = v === null ? '' : v instanceof Date ? wallText(v.getTime() - CST) : String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const historyCsv = (header: readonly string[], rows: Iterable<ReadonlyArray<string | number | Date | null>>): string =>
  [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
