import type { DemoLogin } from '../../core/api/types';
import { ingestNewCases } from '../repositories/caseStore';
import type { WritePath } from '../writePath';
import { Random } from './random';
import { writeDemoOffice } from './reference';
import { simulateCases } from './world';

export interface DemoOptions {
  now: number;
  cases?: number;
  days?: number;
  seed?: number;
}

/** A believable street office: regions, catalogue, staff and six months of cases, in one transaction. */
export async function seedDemo(writePath: WritePath, options: DemoOptions): Promise<DemoLogin[]> {
  const rng = new Random(options.seed ?? 20261128);
  return writePath.transaction(async (tx) => {
    const { world, logins } = await writeDemoOffice(tx, rng);
    await ingestNewCases(tx, simulateCases(world, rng, options.now, options.cases ?? 2000, options.days ?? 182));
    return logins;
  });
}
