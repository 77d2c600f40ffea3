import { INDICATORS, INDICATORS_FOR, TARGET_KINDS, TARGET_KIND_LABELS } from './indicators';
import { GRADES, type SchemeDefinition } from './scheme';

/** Everything wrong with a scheme, in Chinese; an empty list means it can be saved. */
export function validateScheme(scheme: SchemeDefinition): string[] {
  const errors: string[] = [];
  if (!scheme.name.trim()) errors.push('方案名称不能为空');
  for (const kind of TARGET_KINDS) {
    const part = scheme.parts[kind];
    const label = TARGET_KIND_LABELS[kind];
    if (!part || part.indicators.length === 0) {
      errors.push(`${label}：至少需要一个指标`);
      continue;
    }
    const total = part.indicators.reduce((sum, i) => sum + i.weight, 0);
    if (Math.abs(total - 100) > 1e-9) errors.push(`${label}：指标权重合计应为 100，现为 ${Math.round(total * 100) / 100}`);
    const seen = new Set<string>();
    for (const i of part.indicators) {
      const name = INDICATORS[i.indicator]?.label ?? i.indicator;
      if (!INDICATORS_FOR[kind].includes(i.indicator)) errors.push(`${label}：指标「${name}」不适用于该考核对象`);
      if (seen.has(i.indicator)) errors.push(`${label}：指标「${name}」重复`);
      seen.add(i.indicator);
      if (!(i.weight > 0)) errors.push(`${label}：指标「${name}」的权重应大于 0`);
      const rule = i.rule;
      if (rule.type === 'target' && !(rule.pointsPerPoint > 0)) errors.push(`${label}：指标「${name}」每差 1 个百分点的扣分应大于 0`);
      if (rule.type === 'steps') {
        if (rule.steps.length === 0) errors.push(`${label}：指标「${name}」的分档表不能为空`);
        const lower = INDICATORS[i.indicator]?.better === 'lower';
        for (let k = 1; k < rule.steps.length; k++) {
          const [a, b] = [rule.steps[k - 1]!, rule.steps[k]!];
          const ordered = lower ? a.reach < b.reach : a.reach > b.reach;
          if (!ordered || a.score < b.score) errors.push(`${label}：指标「${name}」的分档应从好到差排列，分值逐档不增`);
        }
        for (const s of rule.steps) if (s.score < 0 || s.score > 100) errors.push(`${label}：指标「${name}」的分值应在 0 到 100 之间`);
      }
    }
    for (const a of part.adjustments) {
      if (a.pointsEach === 0) errors.push(`${label}：加减分项每次分值不能为 0`);
      if (a.cap !== null && !(a.cap > 0)) errors.push(`${label}：加减分项的上限应大于 0`);
    }
  }
  const bands = scheme.bands;
  const grades = bands.map((b) => b.grade);
  if (new Set(grades).size !== grades.length) errors.push('等级重复');
  for (let k = 0; k < bands.length; k++) {
    const band = bands[k]!;
    if (!GRADES.includes(band.grade) || band.grade === 'E') errors.push(`等级 ${band.grade} 无效（E 为最低档，无需设下限）`);
    if (band.min < 0 || band.min > 100) errors.push(`等级 ${band.grade} 的下限应在 0 到 100 之间`);
    if (k > 0 && !(bands[k - 1]!.min > band.min)) errors.push(`等级 ${bands[k - 1]!.grade} 与 ${band.grade} 的分数段重叠或顺序颠倒`);
    if (k > 0 && GRADES.indexOf(bands[k - 1]!.grade) > GRADES.indexOf(band.grade)) errors.push('等级应按 A、B、C、D 顺序排列');
  }
  return errors;
}
