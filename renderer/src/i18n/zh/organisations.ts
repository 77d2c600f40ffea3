/** Social organisations that take cases: the participation board and its dashboard panel. */
export const zhOrganisations = {
  participation: {
    title: '社会组织参与',
    hint: '本期转给社会组织的案件：接收、拒收、按期办结与回访满意情况（全区，不随街道筛选）',
    open: '查看参与看板',
    back: '返回指挥看板',
    period: '统计月份',
    empty: '本期没有转给社会组织的案件',
    inactive: '已停用',
    columns: {
      name: '社会组织',
      referred: '转办',
      accepted: '接收',
      declined: '拒收',
      awaiting: '待答复',
      answeredOnTime: '按时答复',
      handled: '已反馈结果',
      handledOnTimeRate: '按期办结率',
      satisfactionRate: '满意率',
    },
    totals: '合计',
    rateNote: '按期办结率 = 按期反馈结果 ÷ 已反馈结果；满意率 = 满意和基本满意 ÷ 已回访（联系不上的不计）',
  },
};
