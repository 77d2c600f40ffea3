/**
 * `npm run chaos -- --seeds 10000` runs many seeds of the sync simulation and prints each failing seed with
 * the command that replays it; `npm run chaos -- --seed N` replays one and prints what diverged.
 * Options: --from F (first seed, default 1), --steps S (faulty-phase steps per seed), --hub sqlite, --verbose.
 */
import { ChaosStores } from './hubStore';
import { DEFAULT_STEPS, formatResult } from './report';
import { runSeed } from './simulation';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const one = arg('seed');
  const from = Number(arg('from') ?? 1);
  const seeds = one !== undefined ? [Number(one)] : Array.from({ length: Number(arg('seeds') ?? 200) }, (_, i) => from + i);
  const steps = Number(arg('steps') ?? DEFAULT_STEPS);
  const verbose = process.argv.includes('--verbose') || one !== undefined;
  const stores = await ChaosStores.open(arg('hub') === 'sqlite' ? 'sqlite' : 'pg');
  const cpu = process.cpuUsage();
  const started = Date.now();
  const failed: number[] = [];
  try {
    for (const seed of seeds) {
      const result = await runSeed(stores, seed, { steps });
      if (result.failures.length > 0) {
        failed.push(seed);
        process.stdout.write(`${formatResult(result, steps, 30)}\n`);
      } else if (verbose) process.stdout.write(`${formatResult(result, steps, 0)}\n`);
      const done = seeds.indexOf(seed) + 1;
      if (!verbose && done % 100 === 0) process.stdout.write(`… ${done}/${seeds.length} 个种子，失败 ${failed.length}\n`);
    }
  } finally {
    await stores.close();
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({ chaos: true, hub: stores.kind, seeds: seeds.length, steps, failed: failed.length, wall_s: (Date.now() - started) / 1000, cpu_s: (used.user + used.system) / 1e6 })}\n`,
  );
  if (failed.length > 0) {
    process.stdout.write(`失败的种子：${failed.slice(0, 50).join(', ')}${failed.length > 50 ? ' …' : ''}\n重放：npm run chaos -- --seed ${failed[0]}${steps !== DEFAULT_STEPS ? ` --steps ${steps}` : ''}\n`);
    process.exitCode = 1;
  }
}

void main();
