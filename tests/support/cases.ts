import type { Backend } from '../../electron/main/backend';
import { decide } from '../../core/workflow/decide';
import type { CaseEvent } from '../../core/workflow/events';
import { applyEvent } from '../../core/workflow/fold';
import type { Move } from '../../core/workflow/moves';
import { initialState } from '../../core/workflow/reduce';
import { reportCase } from '../../core/workflow/report';
import type { CaseState } from '../../core/workflow/state';
import { findUserByUsername } from '../../db/repositories/users';

/** A hotline report in the demo office's first grid, then the given moves by the dispatcher: events only, nothing written. */
export async function dispatcherCaseEvents(backend: Backend, moves: Move[]): Promise<{ events: CaseEvent[]; state: CaseState }> {
  const user = await findUserByUsername(backend.knex, 'dispatcher');
  if (!user) throw new Error('demo dispatcher missing');
  const ctx = await backend.decideContext(user);
  const reference = await backend.reference();
  const grid = reference.regions.find((r) => r.level === 'grid')!;
  const community = reference.regions.find((r) => r.id === grid.parentId)!;
  const category = reference.categories[0]!;
  const report = reportCase(
    {
      caseNo: `T${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      source: 'hotline',
      categoryId: category.id,
      gridId: grid.id,
      communityId: community.id,
      streetId: community.parentId!,
      address: '双龙大道128号',
      description: '人行道上堆放建筑垃圾，影响通行',
      reporterName: '张三',
      reporterPhone: '13812345678',
      priority: 'normal',
      photos: [],
    },
    ctx,
  );
  if (!report.ok) throw new Error(report.reason);
  const events = [...report.events];
  let state = initialState(events[0] as Extract<CaseEvent, { type: 'reported' }>);
  for (const move of moves) {
    const decision = decide(state, move, ctx);
    if (!decision.ok) throw new Error(decision.reason);
    for (const e of decision.events) state = applyEvent(state, e).state;
    events.push(...decision.events);
  }
  return { events, state };
}
