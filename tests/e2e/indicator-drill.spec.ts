import { expect, test } from '@playwright/test';
import type { Scorecard, SchemeWithDefinition } from '../../core/api/assessmentTypes';
import { apiAs, ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

/** The month just finished in China time: what the scorecard opens on. */
function lastMonth(): { kind: 'month'; year: number; month: number } {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const [y, m] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
  return m === 1 ? { kind: 'month', year: y - 1, month: 12 } : { kind: 'month', year: y, month: m - 1 };
}

test('督办数 opens to each supervision with its points, adding up to the number', async ({ browser, request }, testInfo) => {
  // A draft scheme that also scores departments on supervision (the shipped one does not).
  const admin = await apiAs(request, 'admin');
  const schemes = await admin<Array<{ id: string; status: string }>>('assessment.schemes', {});
  const active = await admin<SchemeWithDefinition>('assessment.scheme', { id: schemes.find((s) => s.status === 'active')!.id });
  const definition = structuredClone(active.definition);
  definition.name = '含督办的部门考核（草稿）';
  definition.parts.department.indicators = definition.parts.department.indicators.map((i) => (i.indicator === 'satisfaction_rate' ? { ...i, weight: i.weight - 5 } : i));
  definition.parts.department.indicators.push({ indicator: 'supervision_points', weight: 5, rule: { type: 'linear', worst: 50, best: 0 } });
  const draft = await admin<SchemeWithDefinition>('assessment.saveScheme', { basedOnId: active.id, definition });

  const leaderApi = await apiAs(request, 'leader');
  const card = await leaderApi<Scorecard>('assessment.scorecard', { period: lastMonth(), schemeId: draft.id, kind: 'department' });
  const points = (name: string) => card.rows.find((r) => r.target.name === name)!.indicators.find((i) => i.indicator === 'supervision_points')!.numerator;
  const target = [...card.rows].sort((a, b) => points(b.target.name) - points(a.target.name))[0]!;
  const number = points(target.target.name);
  expect(number, 'the demo month has weighted supervisions').toBeGreaterThan(0);

  const page = await signedIn(browser, 'leader');
  await page.goto(`/#/assessment?scheme=${draft.id}&k=department`);
  const row = page.getByTestId('scorecard-table').locator('tbody tr').filter({ hasText: target.target.name });
  await expect(row.getByTestId('cell-supervision_points')).toContainText(String(number));
  await row.getByTestId('cell-supervision_points').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer.getByTestId('drill-formula')).toHaveText('督办分值（普通 0、黄牌 5、红牌 10 分）');
  const list = drawer.getByTestId('drill-numerator');
  await expect(list.getByTestId('drill-total')).toHaveAttribute('data-points', String(number));
  await expect(list.getByTestId('drill-total')).toContainText(`合计 ${number} 分`);
  const total = Number(await list.getByTestId('drill-total').getAttribute('data-total'));
  const weights = (await list.getByTestId('drill-weight').allTextContents()).map(Number);
  expect(weights.every((w) => [0, 5, 10].includes(w))).toBe(true);
  // The first page holds up to 20 supervisions: when that is all of them, they add up to the number on screen.
  if (total <= 20) expect(weights.reduce((s, w) => s + w, 0)).toBe(number);
  await page.screenshot({ path: testInfo.outputPath('supervision-drill.png'), animations: 'disabled' });
});
