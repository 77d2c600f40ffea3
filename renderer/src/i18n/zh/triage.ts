/** Triage urgency: the suggested priority and each reason for it, in the case pane and the report dialog. */
export const zhTriage = {
  urgency: {
    title: '紧急程度',
    urgent: '建议加急',
    normal: '建议一般',
    score: '综合评分 {score}（加急线 {threshold}）',
    reasons: {
      category: '类别默认紧急：{name}（{p}%）',
      hazard: '描述涉及{roles}与{risks}风险',
      hazardNoRole: '描述涉及{risks}风险',
      soon: '情况紧迫：{words}',
      alarm: '紧急用语：{words}',
      history: '历史相似案件多为紧急（{p}%）',
      settled: '{kinds}，降低紧急程度',
      learned: '紧急度模型（从以往案件学得）：{p}% 像紧急案件',
      learnedAgainst: '紧急度模型（从以往案件学得）：只有 {p}% 像紧急案件',
    },
    roles: { children: '儿童', elderly: '老人', frail: '病弱人员', crowd: '人群', traffic: '过往车辆', property: '财物' },
    risks: {
      fall: '坠落', electric: '触电', fire: '火情', gas: '燃气', collapse: '坍塌', flood: '水淹', opening: '坑洞跌落',
      obstacle: '道路障碍', slip: '路滑', violence: '暴力冲突', harm: '人身伤害', missing: '无人照看', fraud: '财产被骗',
      exposure: '冻饿病险',
      distress: '处境危急',
    },
    settled: { past: '所述情况已过去或已处置', enquiry: '属咨询询问', chronic: '属长期问题', minor: '情况轻微' },
    join: '、',
  },
};
