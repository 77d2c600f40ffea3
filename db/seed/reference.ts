import type { WriteTx } from '../writePath';
import { writeCatalogue } from './catalogue';
import { writeDemoPeople } from './demoPeople';
import type { Random } from './random';
import { writeRegions } from './regions';
import { demoRegions } from './resources';
import { buildWorld, demoNames } from './world';
import type { SimWorld } from './simulate';
import type { DemoLogin } from '../../core/api/types';

export interface DemoOffice {
  world: SimWorld;
  logins: DemoLogin[];
}

/**
 * The demo office without its cases: regions, catalogue, calendar and staff, and the
 * simulator's world over them (its HLC stamps come from the write path's clock).
 */
export async function writeDemoOffice(tx: WriteTx, rng: Random): Promise<DemoOffice> {
  const regions = await writeRegions(tx, demoRegions());
  const catalogue = await writeCatalogue(tx, regions.streetIdByCode);
  const people = await writeDemoPeople(tx, rng, demoNames, catalogue.departments, regions.grids, catalogue.organisations);
  const world = await buildWorld(tx, rng, regions.grids, people, catalogue.organisationIds);
  return { world, logins: people.logins };
}
