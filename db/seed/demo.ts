import type { DemoLogin } from '../../core/api/types';
import { ingestNewCases } from '../repositories/caseStore';
import type { WritePath } from '../writePath';
import { writeCatalogue } from './catalogue';
import { writeDemoPeople } from './demoPeople';
import { Random } from './random';
import { writeRegions } from './regions';
import { demoRegions } from './resources';
import { buildWorld, demoNames, simulateCases } from './world';

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
    const regions = await writeRegions(tx, demoRegions());
    const catalogue = await writeCatalogue(tx, regions.streetIdByCode);
    const people = await writeDemoPeople(tx, rng, demoNames, catalogue.departments, regions.grids);
    const world = await buildWorld(tx, rng, regions.grids, people, catalogue.organisationIds);
    const events = simulateCases(world, rng, options.now, options.cases ?? 2000, options.days ?? 182);
    await ingestNewCases(tx, events);
    return people.logins;
  });
}
