import { expect, test } from '@playwright/test';
import type { Scorecard, SchemeWithDefinition } from '../../core/api/assessmentTypes';
import { idCheckCharacter } from '../../core/registry/access';
import { apiAs, ensureDemo, signedIn } from './helpers';

const idNumber = (serial: number) => {
  const first17 = `50011219520611${String(serial).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
};
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

test('基础数据更新率 in the grid workers’ scorecard opens to the register records behind it', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  await ensureDemo(request);
  const admin = await apiAs(request, 'admin');
  const worker = await apiAs(request, 'gw003001001');
  const me = await worker<{ id: string; regionId: string }>('auth.me', {});
  // A monthly-cycle resident re-verified at once: an instance due in about 30 days, answered on time.
  const saved = await worker<{ id: string }>('registry.saveResident', { gridId: me.regionId, name: '吴秀英', idNumber: idNumber(21), phone: '13755550201', building: '双湖路12号', tags: ['elderly_alone'] });
  await worker('registry.verify', { kind: 'resident', id: saved.id, outcome: 'confirmed' });

  const schemes = await admin<Array<{ id: string; status: string }>>('assessment.schemes', {});
  const active = await admin<SchemeWithDefinition>('assessment.scheme', { id: schemes.find((s) => s.status === 'active')!.id });
  const definition = structuredClone(active.definition);
  definition.name = '含基础数据更新率（草稿）';
  definition.parts.grid_worker.indicators = definition.parts.grid_worker.indicators.map((i) => (i.indicator === 'valid_report_rate' ? { ...i, weight: i.weight - 10 } : i));
  definition.parts.grid_worker.indicators.push({ indicator: 'base_data_update_rate', weight: 10, rule: { type: 'target', target: 0.95, pointsPerPoint: 2 } });
  const draft = await admin<SchemeWithDefinition>('assessment.saveScheme', { basedOnId: active.id, definition });

  const now = Date.now();
  const period = { kind: 'custom', from: chinaDay(now), to: chinaDay(now + 60 * 86_400_000) } as const;
  const card = await (await apiAs(request, 'leader'))<Scorecard>('assessment.scorecard', { period, schemeId: draft.id, kind: 'grid_worker' });
  const mine = card.rows.find((r) => r.target.id === me.id)!.indicators.find((i) => i.indicator === 'base_data_update_rate')!;
  const registry = (await admin<Array<{ targetId: string; onTime: number; due: number }>>('registry.freshness', {
    from: Date.parse(`${period.from}T00:00:00+08:00`), to: Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000, by: 'grid_worker',
  })).find((r) => r.targetId === me.id)!;
  expect([mine.numerator, mine.denominator]).toEqual([registry.onTime, registry.due]);
  expect(mine.numerator).toBeGreaterThanOrEqual(1);

  const page = await signedIn(browser, 'leader');
  await page.goto(`/#/assessment?scheme=${draft.id}&k=grid_worker&p=${period.from}~${period.to}`);
  const row = page.getByTestId('scorecard-table').locator('tbody tr').filter({ hasText: card.rows.find((r) => r.target.id === me.id)!.target.name });
  await row.getByTestId('cell-base_data_update_rate').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer.getByTestId('drill-formula')).toHaveText('按周期按时核实的记录数 / 到期应核实的记录数');
  const list = drawer.getByTestId('drill-denominator');
  await expect(list.getByTestId('drill-total')).toHaveAttribute('data-total', String(mine.denominator));
  await expect(list.getByTestId('register-instances')).toContainText('吴**');
  await expect(list.getByTestId('register-instance-state').first()).toHaveText('按时');
  await page.screenshot({ path: testInfo.outputPath('freshness-drill.png'), animations: 'disabled' });
});
