/**
 * The columns of a history file (issue 9 §3): what GridDesk needs from an old system's
 * case export. Old systems name them differently, so the admin maps each field to a header;
 * `guessHistoryMapping` proposes one from the header names.
 */
export const HISTORY_FIELDS = [
  'caseNo', 'source', 'description', 'address', 'gridCode', 'categoryCode', 'departmentCode',
  'reportedAt', 'acceptedAt', 'filedAt', 'dispatchedAt', 'signedAt', 'handledAt', 'verifiedAt', 'closedAt', 'callbackAt',
  'result', 'satisfaction',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Field → the header (column name) of the file that holds it; unmapped fields are absent. */
export type HistoryMapping = Partial<Record<HistoryField, string>>;

/** Without these a row cannot become a case. */
export const REQUIRED_HISTORY_FIELDS: readonly HistoryField[] = ['caseNo', 'description', 'gridCode', 'reportedAt'];

/** The stages a history can show after the report, in the order the workflow makes them. */
export const STAGE_FIELDS = ['acceptedAt', 'filedAt', 'dispatchedAt', 'signedAt', 'handledAt', 'verifiedAt', 'closedAt', 'callbackAt'] as const;
export type StageField = (typeof STAGE_FIELDS)[number];

export const HISTORY_FIELD_LABELS: Record<HistoryField, string> = {
  caseNo: '案件编号',
  source: '案件来源',
  description: '问题描述',
  address: '发生地址',
  gridCode: '网格编码',
  categoryCode: '事项类别编码',
  departmentCode: '处置部门编码',
  reportedAt: '上报时间',
  acceptedAt: '受理时间',
  filedAt: '立案时间',
  dispatchedAt: '派遣时间',
  signedAt: '签收时间',
  handledAt: '处置时间',
  verifiedAt: '核查时间',
  closedAt: '结案时间',
  callbackAt: '回访时间',
  result: '处置结果',
  satisfaction: '回访满意度',
};

/** Header words that name each field in the exports we know of, most specific first. */
const ALIASES: Record<HistoryField, readonly string[]> = {
  caseNo: ['案件编号', '案件号', '案卷编号', '工单编号', '工单号', '编号', 'caseno', 'case_no', 'case number'],
  source: ['案件来源', '问题来源', '来源', '渠道', 'source'],
  description: ['问题描述', '案件描述', '诉求内容', '事件描述', '描述', '内容', 'description', 'text'],
  address: ['发生地址', '事发地址', '详细地址', '地址', '位置', 'address'],
  gridCode: ['网格编码', '网格代码', '所属网格', '网格编号', '网格', 'grid code', 'grid'],
  categoryCode: ['事项类别编码', '类别编码', '小类编码', '事项编码', '案件类别', '事项类别', '类别', 'category code', 'category'],
  departmentCode: ['处置部门编码', '部门编码', '责任部门编码', '处置部门', '责任部门', '承办部门', 'department code', 'department'],
  reportedAt: ['上报时间', '登记时间', '发现时间', '受理登记时间', 'reported at', 'reported'],
  acceptedAt: ['受理时间', 'accepted at', 'accepted'],
  filedAt: ['立案时间', 'filed at', 'filed'],
  dispatchedAt: ['派遣时间', '派单时间', '派发时间', 'dispatched at', 'dispatched'],
  signedAt: ['签收时间', '接单时间', 'signed at', 'signed'],
  handledAt: ['处置时间', '办结时间', '处置完成时间', '反馈时间', 'handled at', 'handled'],
  verifiedAt: ['核查时间', '核查通过时间', 'verified at', 'verified'],
  closedAt: ['结案时间', '归档时间', 'closed at', 'closed'],
  callbackAt: ['回访时间', 'callback at', 'callback'],
  result: ['处置结果', '办理结果', '处理结果', 'result'],
  satisfaction: ['回访满意度', '满意度', '回访结果', 'satisfaction'],
};

const normalise = (s: string): string => s.replace(/[\s（）()：:*＊]/g, '').toLowerCase();

/**
 * A header for each field. Each (field, header) pair where the header is or contains one of
 * the field's words scores by how much of the header that word explains (exact beats
 * contained; a longer word beats a shorter one); pairs are taken best first, one header per field.
 */
export function guessHistoryMapping(headers: readonly string[]): HistoryMapping {
  const pairs: Array<{ field: HistoryField; header: string; score: number }> = [];
  for (const header of headers) {
    const key = normalise(header);
    if (key === '') continue;
    for (const field of HISTORY_FIELDS) {
      let best = 0;
      for (const alias of ALIASES[field].map(normalise)) {
        if (key === alias) best = Math.max(best, 1000 + alias.length);
        else if (key.includes(alias)) best = Math.max(best, (100 * alias.length) / key.length);
      }
      if (best > 0) pairs.push({ field, header, score: best });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const mapping: HistoryMapping = {};
  const taken = new Set<string>();
  for (const { field, header } of pairs) {
    if (mapping[field] || taken.has(header)) continue;
    mapping[field] = header;
    taken.add(header);
  }
  return mapping;
}

/** Why a mapping cannot be used, in Chinese; empty when it can. */
export function mappingProblems(mapping: HistoryMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_HISTORY_FIELDS) {
    if (!mapping[field]) problems.push(`请为「${HISTORY_FIELD_LABELS[field]}」选择一列`);
  }
  for (const field of HISTORY_FIELDS) {
    const header = mapping[field];
    if (header && !headers.includes(header)) problems.push(`「${HISTORY_FIELD_LABELS[field]}」对应的列「${header}」不在文件中`);
  }
  return problems;
}
