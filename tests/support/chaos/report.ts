import type { ChaosResult } from './simulation';

/** Faulty-phase steps per seed: 200 seeds of this size fit the normal test run. */
export const DEFAULT_STEPS = 60;

/** One seed's outcome as the runner prints it, with the command that replays it. */
export function formatResult(result: ChaosResult, steps: number, maxFailures: number): string {
  const head = `种子 ${result.seed}（中心 ${result.hub}，节点 ${result.nodes.join(' ')}）：${result.failures.length === 0 ? '收敛' : `${result.failures.length} 处不一致`} ${JSON.stringify(result.stats)}`;
  if (result.failures.length === 0) return head;
  const lines = result.failures.slice(0, maxFailures).map((f) => `  - ${f}`);
  if (result.failures.length > maxFailures) lines.push(`  …另有 ${result.failures.length - maxFailures} 处`);
  const replay = `  重放：npm run chaos -- --seed ${result.seed}${steps !== DEFAULT_STEPS ? ` --steps ${steps}` : ''}${result.hub === 'sqlite' ? ' --hub sqlite' : ''}`;
  return [head, ...lines, replay].join('\n');
}
