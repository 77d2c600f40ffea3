import type { WritePath } from '../writePath';
import { ingestNewCases } from '../repositories/caseStore';
import { Random } from './random';
import { writeDemoOffice } from './reference';
import { caseNumberer, simulateCases } from './world';

export interface SyntheticOptions {
  cases: number;
  now: number;
  days?: number;
  seed?: number;
  batch?: number;
  onProgress?: (done: number) => void;
}

/**
 * A large database for benchmarks: the demo office with `cases` simulated cases over a
 * year, written through the write path in batches so memory stays flat.
 */
export async function seedSynthetic(writePath: WritePath, options: SyntheticOptions): Promise<void> {
  const rng = new Random(options.seed ?? 7);
  const { world } = await writePath.transaction((tx) => writeDemoOffice(tx, rng));
  const nextNo = caseNumberer();
  const batch = options.batch ?? 5000;
  for (let done = 0; done < options.cases; done += batch) {
    const count = Math.min(batch, options.cases - done);
    const events = simulateCases(world, rng, options.now, count, options.days ?? 365, { nextNo });
    await writePath.transaction((tx) => ingestNewCases(tx, events));
    options.onProgress?.(done + count);
  }
}
