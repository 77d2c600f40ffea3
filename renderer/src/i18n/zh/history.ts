import { HISTORY_FIELD_LABELS } from '@core/import/history/fields';

/** 系统管理 → 历史案件导入. */
export const zhHistory = {
  history: {
    tab: '历史案件导入',
    intro: '把旧系统导出的历史案件（.xlsx 或 .csv）导入为案件记录：按原时间逐步走一遍办理流程，往月的考核和图表如同当时就在使用本系统。已导入的案件编号再次导入时跳过。',
    pick: '选择文件',
    picked: '文件：{name}',
    remembered: '已沿用上次保存的列对应，可修改',
    guessed: '已按表头自动匹配列，请核对',
    mapping: '列对应',
    field: '字段',
    column: '文件中的列',
    required: '必填',
    unmapped: '（不导入）',
    sample: '文件前几行',
    check: '检查（不写入）',
    confirm: '确认导入',
    checking: '正在检查…',
    importing: '正在导入…',
    progress: '已读取 {rows} 行，已导入 {imported} 件',
    summary: {
      title: '{mode}结果',
      dry: '检查',
      run: '导入',
      rows: '数据行',
      imported: '可导入 / 已导入',
      alreadyThere: '已导入过（跳过）',
      refused: '有问题的行（不导入）',
      ms: '用时 {s} 秒',
      more: '共 {n} 处问题，下表列出前 {shown} 处',
    },
    faults: { row: '行号', column: '列', value: '内容', reason: '问题' },
    done: '导入完成：{n} 件历史案件',
    noFaults: '没有发现问题',
    fields: HISTORY_FIELD_LABELS,
  },
};
