import { expect, test } from '@playwright/test';
import type { ReferenceData } from '../../core/api/types';
import { apiAs, ensureDemo, signedIn } from './helpers';

test.beforeAll(async ({ request }) => {
  await ensureDemo(request);
});

const HEADER = '工单编号,问题来源,诉求内容,事发地址,所属网格,事项类别编码,责任部门编码,登记时间,受理时间,立案时间,派遣时间,签收时间,处置时间,核查时间,结案时间,回访时间,处置结果,满意度';

test('the admin maps an old system\'s columns, checks the file, sees the bad row\'s reason, and imports the rest', async ({ browser, request }, testInfo) => {
  const reference = await (await apiAs(request, 'admin'))<ReferenceData>('reference.get', {});
  const grid = reference.regions.find((r) => r.level === 'grid')!.code;
  const category = reference.categories.find((c) => c.departmentId)!;
  const department = reference.departments.find((d) => d.id === category.departmentId)!.code;
  const row = (no: string, signed: string) =>
    `${no},12345热线,人行道上堆放建筑垃圾影响通行,双龙大道12号,${grid},${category.code},${department},2025-03-03 09:00,2025-03-03 09:10,2025-03-03 09:20,2025-03-03 09:30,${signed},2025-03-04 15:00,2025-03-05 09:00,2025-03-05 10:00,2025-03-06 10:00,已解决,满意`;
  const csv = ['\uFEFF' + HEADER, row('E2E-0001', '2025-03-03 10:00'), row('E2E-0002', '2025-03-03 11:00'), row('E2E-0003', '2025-03-02 08:00')].join('\r\n');

  const page = await signedIn(browser, 'admin');
  await page.getByTestId('nav-admin').click();
  await page.getByRole('tab', { name: '历史案件导入' }).click();
  await page.getByTestId('history-file').setInputFiles({ name: '旧系统导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  // Another system's headers are matched to GridDesk's fields.
  const mapping = page.getByTestId('history-mapping');
  await expect(page.getByTestId('map-caseNo')).toContainText('工单编号');
  await expect(page.getByTestId('map-reportedAt')).toContainText('登记时间');
  await expect(page.getByTestId('map-gridCode')).toContainText('所属网格');
  await expect(mapping).toBeVisible();

  await page.getByTestId('history-check').click();
  const result = page.getByTestId('history-result');
  await expect(result).toContainText('检查结果');
  await expect(page.getByTestId('history-imported')).toHaveText('2');
  await expect(page.getByTestId('history-refused')).toHaveText('1');
  await expect(page.getByTestId('history-faults')).toContainText('签收时间早于上报时间');
  await page.screenshot({ path: testInfo.outputPath('history-import-check.png'), fullPage: true, animations: 'disabled' });

  await page.getByTestId('history-confirm').click();
  await expect(result).toContainText('导入结果');
  await expect(page.getByTestId('history-imported')).toHaveText('2');

  // The same file again adds nothing; the mapping is remembered.
  await page.getByTestId('history-file').setInputFiles({ name: '旧系统导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('已沿用上次保存的列对应')).toBeVisible();
  await page.getByTestId('history-confirm').click();
  await expect(page.getByTestId('history-imported')).toHaveText('0');
  await expect(result).toContainText('已导入过（跳过）');
  await page.screenshot({ path: testInfo.outputPath('history-import-again.png'), fullPage: true, animations: 'disabled' });
});
