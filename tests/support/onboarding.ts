/** Helpers for onboarding tests: a real office from empty, and workbooks filled in as an admin would. */
import ExcelJS from 'exceljs';
import type { OnboardingOutcome } from '../../core/api/onboardingTypes';
import type { OnboardingKind } from '../../core/import/onboarding/columns';
import { openTestBackend, type TestBackend } from './backend';

export const ADMIN = { username: 'boss', password: 'Admin-pass-1' };

/** An office initialised as "start a real office" does: shipped catalogue and calendar, one admin, no regions, no people. */
export async function openRealOffice(): Promise<{ t: TestBackend; admin: string }> {
  const t = await openTestBackend();
  const init = await t.dispatch('setup.initialise', { adminUsername: ADMIN.username, adminPassword: ADMIN.password, adminDisplayName: '王主任' }, null);
  if (!init.ok) throw new Error(init.error.message);
  return { t, admin: await t.login(ADMIN.username, ADMIN.password) };
}

export type CellInput = string | number | Date | boolean | null | ExcelJS.CellFormulaValue | ExcelJS.CellErrorValue;

/** A workbook with one sheet: header row, then rows. `extra` edits it further (merges, more sheets). */
export async function workbookBytes(sheet: string, rows: CellInput[][], extra?: (book: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  extra?.(book, ws);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface OnboardingCall {
  (method: 'onboarding.dryRun' | 'onboarding.confirm', kind: OnboardingKind, bytes: Uint8Array, fileName?: string, initialPassword?: string): Promise<OnboardingOutcome>;
}

export function onboardingCaller(t: TestBackend, token: () => string): OnboardingCall {
  return async (method, kind, bytes, fileName = `${kind}.xlsx`, initialPassword) => {
    const response = await t.dispatch(method, { kind, fileName, dataBase64: Buffer.from(bytes).toString('base64'), ...(initialPassword ? { initialPassword } : {}) }, token());
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
    return response.result as OnboardingOutcome;
  };
}

/** The issues as "row column: reason" lines, easy to read in a failing assertion. */
export const issueLines = (outcome: OnboardingOutcome): string[] => outcome.issues.map((i) => `${i.row} ${i.column}: ${i.reason}`);
